package generator

import (
	"errors"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/waerrors/kb/internal/searchindex"
)

// The code page serves the agent first: a lead block with the meaning in a line, the first
// thing to do and the two copy buttons; then causes and actions; then the research
// (definition, messages, providers, disagreements) for maintainers.

// Lead is the ten-second answer at the top of a code page.
type Lead struct {
	Meaning     string // one plain sentence
	FirstAction string // Markdown
	// From is the code whose definition the lead quotes when the page's own code has no
	// file (63016 quotes 131047), nil otherwise; Provider names the provider whose wording
	// it is when no code file describes the condition.
	From     *Code
	Provider *Provider
}

// prepareCode fills the fields a code page shows beyond its code. The lead is computed
// once for the page and its ticket note.
func (p *page) prepareCode() error {
	c := p.Code
	p.Lead = leadOf(c)
	p.CustomerReply = replyFor(c)
	p.TicketNote = ticketNote(c, p.Lead, p.where())
	p.NumberCheck = numberCheck(c)
	p.Contents = contents(c)
	p.Causes = causes(c)
	p.SameStatus = p.sameStatus()
	p.DisagreementTopics = disagreementTopics(c)
	// The rest is what the template would otherwise ask for by a method call each, which
	// text/template makes through reflection, at several times the cost of reading a field.
	var errs []error
	rendered := func(h template.HTML, err error) template.HTML {
		if err != nil {
			errs = append(errs, err)
		}
		return h
	}
	p.LeadAction = rendered(p.Inline(p.Lead.FirstAction))
	p.ReplyHTML = rendered(p.Markdown(p.CustomerReply.Markdown))
	p.SummaryHTML = rendered(p.Markdown(c.Summary))
	for i := range p.Causes {
		p.Causes[i].HTML = rendered(p.Inline(p.Causes[i].Text))
	}
	p.Actions = make([]template.HTML, len(c.Actions))
	for i, a := range c.Actions {
		p.Actions[i] = rendered(p.Inline(a))
	}
	for _, e := range c.Statements() {
		p.Statements = append(p.Statements, p.statement(e, rendered))
	}
	if len(c.Equivalents) > 0 {
		p.EquivalentItems = rendered(p.CodeList("equivalent-item", c.Equivalents))
	}
	if len(c.Related) > 0 {
		p.RelatedItems = rendered(p.CodeList("related-item", c.Related))
	}
	if len(p.SameStatus.Codes) > 0 {
		p.SameStatus.Chips = rendered(p.CodeChips(p.SameStatus.Codes))
	}
	for _, f := range c.Files() {
		p.FileMetas = append(p.FileMetas, rendered(p.FileMeta(f)))
	}
	return errors.Join(errs...)
}

// Statement is a provider's statement about a code page's code, with its links and text
// ready for the page. The entry is a named field, not an embedded one: text/template finds
// a promoted field by a search through the embedded structs at every use.
type Statement struct {
	Entry                            *Entry
	HeadingID                        string        // "st-" + the provider's slug + "-" + the entry's anchor
	ProviderURL, StatusURL, EntryURL string        // links to its provider, HTTP status and row
	MeaningHTML, ActionHTML          template.HTML // Meaning and Action, as by Markdown
	Stale                            bool          // as page.Stale
}

// statement prepares e for the page; rendered collects the errors of its renderings.
func (p *page) statement(e *Entry, rendered func(template.HTML, error) template.HTML) Statement {
	st := Statement{
		Entry:       e,
		HeadingID:   "st-" + e.Provider.Slug + "-" + e.Anchor(),
		ProviderURL: p.ProviderURL(e.Provider),
		EntryURL:    p.EntryURL(e),
		Stale:       p.Stale(e),
	}
	if e.HTTPStatus != 0 {
		st.StatusURL = p.StatusURL(e.HTTPStatus)
	}
	if e.Meaning != "" {
		st.MeaningHTML = rendered(p.Markdown(e.Meaning))
	}
	if e.Action != "" {
		st.ActionHTML = rendered(p.Markdown(e.Action))
	}
	return st
}

// NumberCheck is the field on a code page whose advice depends on the recipient's country
// (static/numbers.js says which case applies), or nil.
type NumberCheck struct{ Kind, Label string }

// numberChecks names the pages that have one, by code: 131049 blocks marketing templates to
// US numbers only; 131030's usual cause is the second form of Argentine and Mexican mobiles;
// 130497 is about the recipient's country.
var numberChecks = map[string]NumberCheck{
	"131049": {"us-marketing", "Is the customer's number a US one? Paste it"},
	"131030": {"number-form", "Check the customer's number against the allowed list: paste it"},
	"130497": {"country", "Which country is the customer's number in? Paste it"},
}

func numberCheck(c *Code) *NumberCheck {
	if nc, ok := numberChecks[c.Key]; ok {
		return &nc
	}
	return nil
}

// leadOf is a code's ten-second answer, which its page and its search result both show. A
// code that several providers list takes Meta's definition of the same condition when it
// has one, so a Twilio customer is not quoted Aircall's article; otherwise its first
// provider's wording, named.
func leadOf(c *Code) Lead {
	if c.HasFile() {
		return Lead{Meaning: oneLine(c.Summary), FirstAction: first(c.Actions)}
	}
	// A code only one provider lists is that provider's own (Twilio's 63018): its words
	// describe it more exactly than Meta's loosely equivalent code.
	if eq := describedEquivalent(c); eq != nil && !oneProvider(c.Entries) {
		return Lead{Meaning: oneLine(eq.Summary), FirstAction: first(eq.Actions), From: eq}
	}
	if len(c.Entries) > 0 {
		e := c.Entries[0]
		return Lead{Meaning: oneLine(e.Meaning), FirstAction: firstSentences(e.Action, 2), Provider: e.Provider}
	}
	return Lead{}
}

// oneProvider reports whether all entries come from one provider.
func oneProvider(entries []*Entry) bool {
	for _, e := range entries {
		if e.Provider != entries[0].Provider {
			return false
		}
	}
	return len(entries) > 0
}

// describedEquivalent is the equivalent code with a file of its own that an agent most
// likely meets, the Cloud API's before the retired On-Premises API's; nil if none has one.
func describedEquivalent(c *Code) *Code {
	var best *Code
	for _, e := range c.Equivalents {
		if e.HasFile() && (best == nil || apiRank(e.API) < apiRank(best.API)) {
			best = e
		}
	}
	return best
}

// apiRank orders Meta's APIs by how current they are.
func apiRank(api string) int {
	switch api {
	case "cloud":
		return 0
	case "graph":
		return 1
	}
	return 2
}

// oneLine is the first sentence of a Markdown text, as plain text.
func oneLine(md string) string { return firstSentences(plainText(md), 1) }

// firstSentences keeps the first n sentences of a text.
func firstSentences(s string, n int) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' {
			if n--; n == 0 {
				return s[:i+1]
			}
		}
	}
	return s
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// CustomerReply is what an agent relays to the person messaged.
type CustomerReply struct {
	Markdown string
	// From is the equivalent code whose reply this is, when the page's code has none.
	From *Code
	// General is set when neither the code nor its equivalents have a reply: the text is
	// the general reply for the code's class.
	General bool
}

// replyFor is a code's reply: its own, else the first equivalent's (63016 and 470 take
// 131047's), else the general one for its class.
func replyFor(c *Code) CustomerReply {
	if c.Reply != "" {
		return CustomerReply{Markdown: c.Reply}
	}
	var from *Code
	for _, e := range c.Equivalents {
		if e.Reply != "" && (from == nil || apiRank(e.API) < apiRank(from.API)) {
			from = e
		}
	}
	if from != nil {
		return CustomerReply{Markdown: from.Reply, From: from}
	}
	class := c.Class
	if class == "" {
		if eq := describedEquivalent(c); eq != nil {
			class = eq.Class
		} else if len(c.Entries) > 0 {
			class = c.Entries[0].Class
		}
	}
	return CustomerReply{Markdown: generalReply(class), General: true}
}

// generalReply is said to a customer whose message was held up by an error that has no
// reply of its own: plain words, no codes, no promise the data does not support.
func generalReply(class string) string {
	switch class {
	case "temporary":
		return "Our WhatsApp message to you was held up on our side. We will send it again " +
			"as soon as we can, and you do not need to do anything."
	case "context":
		return "Our WhatsApp message could not reach you this time. If you are expecting a " +
			"message from us, please send us a short message on WhatsApp (\"Hi\" is enough) and " +
			"check that your WhatsApp app is up to date; we will answer there."
	}
	return "Our WhatsApp message to you did not go out because of a problem on our side, not " +
		"yours. We are fixing it and will send it again; you do not need to do anything."
}

// PagePart is one part of a long page, for its contents list.
type PagePart struct{ ID, Title string }

// contents lists a code page's sections when the page is long enough to need it (about
// three screens); nil otherwise.
func contents(c *Code) []PagePart {
	if codeTextLength(c) < longPage {
		return nil
	}
	var out []PagePart
	add := func(ok bool, id, title string) {
		if ok {
			out = append(out, PagePart{id, title})
		}
	}
	add(len(c.Causes) > 0, "causes", "Causes")
	add(len(c.Actions) > 0, "actions", "What to do")
	add(true, "ticket", "For the ticket")
	add(c.HasFile(), "definition", "Meta's definition")
	add(len(c.Entries) > 0, "statements", "What providers say")
	add(c.Payload != "", "payload", "Example payload")
	add(len(c.Equivalents)+len(c.Related)+len(c.ConfusedWith)+len(c.ScopedElsewhere()) > 0, "linked", "Linked codes")
	add(len(c.Conflicts)+len(c.Disagreements) > 0, "disagree", "Sources disagree")
	return out
}

// longPage is the text length, in bytes, above which a code page runs past about three
// screens at 1280 px and gets a contents list (measured on the real site's pages).
const longPage = 3500

// codeTextLength is roughly how much text a code page shows.
func codeTextLength(c *Code) int {
	n := len(c.Summary) + len(c.Payload)
	for _, s := range c.Causes {
		n += len(s)
	}
	for _, s := range c.Actions {
		n += len(s)
	}
	for _, s := range c.Messages {
		n += len(s)
	}
	for _, e := range c.Entries {
		n += len(e.Meaning) + len(e.Action) + 200
	}
	for _, d := range c.Disagreements {
		n += len(d.Current) + len(d.About)
	}
	return n
}

// Cause is one of a code's causes, its anchor and its text rendered as by Inline.
type Cause struct {
	ID, Text string
	HTML     template.HTML
}

// causes gives each of a code's causes a stable anchor made from its first words, so a link
// to a cause survives causes being added or reordered around it.
func causes(c *Code) []Cause {
	out := make([]Cause, len(c.Causes))
	for i, id := range textIDs("cause-", c.Causes) {
		out[i] = Cause{ID: id, Text: c.Causes[i]}
	}
	return out
}

func textIDs(prefix string, texts []string) []string {
	ids := make([]string, len(texts))
	seen := map[string]bool{}
	for i, t := range texts {
		base := prefix + textSlug(t, 5)
		id := base
		for n := 2; seen[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		ids[i] = id
	}
	return ids
}

// textSlug is slugWords(plainText(md), n). Most causes are plain ASCII sentences, whose
// words are simply their runs of letters and digits: those skip plainText's copy and
// slugWords' folding and splitting, which were a fifth of a code page's preparation.
func textSlug(md string, n int) string {
	if strings.ContainsAny(md, "`*\\") || strings.Contains(md, "](") {
		return slugWords(plainText(md), n) // marks that plainText drops can join two words
	}
	var b strings.Builder
	words := 0
	inWord := false
	for i := 0; i < len(md); i++ {
		c := md[i]
		if c >= utf8.RuneSelf {
			return slugWords(plainText(md), n) // accents fold, other letters split words
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if !inWord {
				if words == n {
					break
				}
				if words > 0 {
					b.WriteByte('-')
				}
				words++
				inWord = true
			}
			b.WriteByte(c)
		} else {
			inWord = false
		}
	}
	if words == 0 {
		return "x"
	}
	return b.String()
}

// slugWords is the first n words of s in lower case ASCII, joined by hyphens. It folds and
// splits s a space-separated field at a time and stops at the nth word: folding is letter by
// letter, so the words are those of the whole text, and causes run to a few hundred bytes.
func slugWords(s string, n int) string {
	var words []string
	notWord := func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }
	for field := range strings.FieldsSeq(s) {
		for w := range strings.FieldsFuncSeq(strings.ToLower(searchindex.FoldAccents(field)), notWord) {
			if words = append(words, w); len(words) == n {
				return strings.Join(words, "-")
			}
		}
	}
	if len(words) == 0 {
		return "x"
	}
	return strings.Join(words, "-")
}

// disagreementTopics is the one line that stays visible over the folded "Sources
// disagree": what the sources disagree on.
func disagreementTopics(code *Code) string {
	var about []string
	for _, c := range code.Conflicts {
		about = append(about, c.Field)
	}
	for _, d := range code.Disagreements {
		about = append(about, d.About)
	}
	return strings.Join(about, "; ")
}

// CommonCodes are the codes site.toml's common_codes names, for the home page. A code the
// data does not have is left out, so a build of other data (a test's) still works;
// TestCommonCodesExist holds the real site's list to the real data.
func (p *page) CommonCodes() []*Code {
	var out []*Code
	for _, key := range p.r.opt.CommonCodes {
		if c := p.Site.Code(key); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// Headings lists the second-level headings of a rendered guide for its contents list, when
// the guide is long enough to need one (about three screens); nil otherwise.
func (p *page) Headings(body template.HTML) []PagePart {
	if len(body) < longGuide {
		return nil
	}
	var out []PagePart
	for _, m := range guideHeading.FindAllStringSubmatch(string(body), -1) {
		out = append(out, PagePart{ID: m[1], Title: html.UnescapeString(strings.TrimSpace(m[2]))})
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

// longGuide is the rendered size, in bytes, above which a guide gets a contents list.
const longGuide = 6000

// guideHeading is a heading as headingAnchors renders it: its id, then its text up to the
// "#" link.
var guideHeading = regexp.MustCompile(`<h2 id="([^"]+)">([^<]*?) <a href="#`)
