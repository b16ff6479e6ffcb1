package generator

import "time"

// Site is the whole knowledge base in memory: what the data files say, plus the facts derived
// from them (which provider lists which code, links shown from both ends, codes by HTTP
// status). Rendering reads only a Site.
type Site struct {
	Codes     []*Code // every code page, in numeric order
	Providers []*Provider
	Statuses  []*Status // every HTTP status seen in the data, ascending
	Topics    []*Topic  // every topic that has at least one code
	Tiers     *Tiers
	Quality   *Quality
	Pages     []*Page // content/*.md other than the home page, by slug
	Home      *Page   // content/index.md, if present

	codeByKey     map[string]*Code
	providerBySlg map[string]*Provider
}

// Code returns the code with the given key ("131047", "200-299"), or nil.
func (s *Site) Code(key string) *Code { return s.codeByKey[key] }

// Provider returns the provider with the given slug, or nil.
func (s *Site) Provider(slug string) *Provider { return s.providerBySlg[slug] }

// Page returns the content page with the given slug, or nil.
func (s *Site) Page(slug string) *Page {
	for _, p := range s.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Code is one platform error code. A code has a page when it has a file in data/codes or
// when any provider lists it; File is empty in the second case.
type Code struct {
	Key  string // "131047", or a range "200-299"
	File string // data/codes/<key>.toml, or "" when only providers list it

	Title string
	API   string
	Facts
	Topics   []string
	Summary  string
	Causes   []string
	Actions  []string
	Payload  string
	Messages []string // the literal strings the API returns, as people paste them
	Checked  MetaCheck
	Reply    string      // Markdown: what to tell the person messaged, in plain words
	Aliases  []string    // what people call it in Portuguese and Spanish, for search
	Confused []Confusion // codes people take it for, with how to tell them apart

	Disagreements []Disagreement

	// Derived.
	Entries     []*Entry // what each provider says about this code, providers in site order
	Equivalents []*Code  // the same condition elsewhere, from either end
	Related     []*Code  // see_also, from either end
	Conflicts   []Conflict
	// ConfusedWith are the codes people take this one for: named pairs first (from either
	// file, or an equivalent's), then codes with a similar title and a shared topic.
	ConfusedWith []Confusion
	// Elsewhere are provider statements filed under another number (the provider's own
	// code) or under no code, that name this code as equivalent.
	Elsewhere []*Entry

	equivalent, seeAlso []ref
	num                 int // the number the code sorts by
}

// MetaCheck records when a person last compared a code file with Meta's documentation, and
// against which page.
type MetaCheck struct {
	On      time.Time // zero when the file was never checked
	Against string    // the page's address
	Pos     Pos       // of checked_on, for warnings
}

// HasFile reports whether Meta's definition (a code file) exists for the code.
func (c *Code) HasFile() bool { return c.File != "" }

// Confusion is a code people take another for, and one line on how to tell them apart.
type Confusion struct {
	Code *Code
	How  string // Markdown

	ref ref
}

// Disagreement is a contradiction between sources that a person wrote down in a code file.
type Disagreement struct {
	About     string
	Providers []*Provider
	Current   string // Markdown: which statement is current, if Meta's documentation settles it

	providerRefs []ref
}

// Conflict is a difference in one fact (HTTP status, class, retry, wait, who fixes) between
// the code file and the providers, found by comparing them.
type Conflict struct {
	Field  string   // "HTTP status", "class", …
	Claims []string // "Meta: 500", "Aircall: 400", in site order
}

// Provider is one company that reports WhatsApp errors to its customers, or Meta itself.
type Provider struct {
	Slug           string
	File           string
	Name           string
	Kind           string
	Summary        string
	Support        string
	SupportURL     string
	StatusURL      string
	Escalation     []string
	CannotOverride []string
	Contacts       []Contact
	Sources        []*Source
	Entries        []*Entry
	FAQ            []FAQ

	codeTimes map[string]int // how many entries list each code
}

// CodeCount is the number of distinct codes the provider documents.
func (p *Provider) CodeCount() int {
	seen := map[string]bool{}
	for _, e := range p.Entries {
		if e.Code != "" {
			seen[e.Code] = true
		}
	}
	return len(seen)
}

// Sections groups the provider's entries by their section, keeping the provider's order.
func (p *Provider) Sections() []Section {
	var out []Section
	for _, e := range p.Entries {
		if len(out) == 0 || out[len(out)-1].Title != e.Section {
			out = append(out, Section{Title: e.Section})
		}
		out[len(out)-1].Entries = append(out[len(out)-1].Entries, e)
	}
	return out
}

// Section is a run of a provider's entries under one of its headings.
type Section struct {
	Title   string
	Entries []*Entry
}

// Source is the document all of the section's entries come from, or nil when they differ.
func (s Section) Source() *Source {
	var src *Source
	for i, e := range s.Entries {
		if i > 0 && e.Source != src {
			return nil
		}
		src = e.Source
	}
	return src
}

// Contact says whom to contact for what.
type Contact struct {
	Who string
	For []string
}

// Source is a document a provider file was written from.
type Source struct {
	Title   string
	URL     string
	Seen    time.Time
	Updated time.Time
}

// FAQ is one question and its Markdown answer.
type FAQ struct {
	Q string
	A string
}

// Entry is one row of a provider's error table.
type Entry struct {
	Provider *Provider
	Pos      Pos
	Code     string // empty for an uncoded entry
	ID       string // empty unless set in the file
	Title    string
	Section  string
	Source   *Source
	Meaning  string
	Action   string
	Facts
	Equivalent []*Code
	// Messages are the literal strings the provider returns for this entry, as people paste
	// them ("Failed to send freeform message because you are outside the allowed window").
	Messages []string
	// Scoped is set when Code is the provider's own number (Gupshup's 1002), which must
	// not join the page of a platform code that happens to have the same number.
	Scoped bool

	equivalent []ref
}

// HasCodePage reports whether the entry is listed on a code page of its own number.
func (e *Entry) HasCodePage() bool { return e.Code != "" && !e.Scoped }

// ScopedElsewhere are the statements under a provider's own number that name this code as
// equivalent: Gupshup's 1002 beside 131026.
func (c *Code) ScopedElsewhere() []*Entry {
	var out []*Entry
	for _, e := range c.Elsewhere {
		if e.Scoped {
			out = append(out, e)
		}
	}
	return out
}

// Statements is every provider statement about the code: those under its number first,
// then those filed elsewhere that name it as equivalent.
func (c *Code) Statements() []*Entry {
	if len(c.Elsewhere) == 0 {
		return c.Entries
	}
	return append(c.Entries[:len(c.Entries):len(c.Entries)], c.Elsewhere...)
}

// Anchor is the id of the entry on its provider's page.
func (e *Entry) Anchor() string {
	if e.ID != "" {
		return e.ID
	}
	return "code-" + e.Code
}

// Status is one HTTP status and what arrives with it.
type Status struct {
	Code      int
	Codes     []*Code      // codes whose Meta definition gives this status
	Providers []StatusList // provider entries that give this status, by provider
}

// StatusList is one provider's entries for an HTTP status.
type StatusList struct {
	Provider *Provider
	Entries  []*Entry
}

// Topic is one word of the topics vocabulary and the codes tagged with it.
type Topic struct {
	Name  string
	Codes []*Code
}

// Tiers is the messaging-limit table.
type Tiers struct {
	File    string
	Period  string
	Summary string
	Growth  string
	Aliases []string // what people call it, for search
	Tiers   []*Tier
}

// Tier is one messaging limit level.
type Tier struct {
	Name         string
	Limit        int
	Unlimited    bool
	Typical      string
	Legacy       bool
	Note         string
	DocumentedBy []*Provider

	documentedBy []ref
}

// Quality is the quality-rating page's data.
type Quality struct {
	File    string
	Summary string
	Aliases []string // what people call it, for search
	Ratings []Rating
}

// Rating is one quality rating.
type Rating struct {
	Name    string
	Meaning string
	Action  string
}

// Page is a Markdown file from content/.
type Page struct {
	Slug        string // file name without .md; "index" for the home page
	File        string
	Title       string
	Description string
	Body        string   // Markdown, after the front matter
	Aliases     []string // what people call it in Portuguese and Spanish, for search
	// Reference marks a page that defines the words of every other page (the glossary):
	// search finds it by its title and aliases only, since its text names every subject.
	Reference bool
	// Exceptions marks the page search offers among the first results for a query that
	// quotes a program's exception or stack trace: such a report is often the client
	// library's failure, whatever code it also carries.
	Exceptions bool
}

// ref is a code named in a file, remembered with its position until cross-linking.
type ref struct {
	key string
	pos Pos
}
