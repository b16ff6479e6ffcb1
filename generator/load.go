package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/waerrors/kb/internal/tomlpos"
)

// Input names the folders a site is built from. The names are used in error messages, so
// they should be the paths a person would type ("data", "content").
type Input struct {
	Data       fs.FS
	DataDir    string
	Content    fs.FS
	ContentDir string
	// Cache, if set, keeps decoded files from one Load to the next.
	Cache *Cache
	// Today is the last date a checked_on may say; a later one is an error (a typo such as
	// 2027 would hide the file from the stale check for a year). Zero is the date today
	// anywhere on Earth, in UTC+14, so a date just written east of this machine passes.
	Today time.Time
}

// latestToday is the date at now where it is latest on Earth, in UTC+14 (Kiribati).
func latestToday(now time.Time) time.Time {
	return now.In(time.FixedZone("UTC+14", 14*60*60))
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// isDigits reports whether s is ASCII digits only, like a code's number.
func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// Load reads every data file and content page, validates them and builds the model with its
// cross links. It reports every problem it finds, as an ErrorList, rather than stopping at
// the first.
func Load(in Input) (*Site, error) {
	if in.Today.IsZero() {
		in.Today = latestToday(time.Now())
	}
	l := &loader{in: in, site: &Site{codeByKey: map[string]*Code{}, providerBySlg: map[string]*Provider{}}}
	l.loadDataDir()
	l.loadContent()
	l.link()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	return l.site, nil
}

type loader struct {
	in   Input
	site *Site
	errs ErrorList
}

func (l *loader) dataPath(name string) string    { return path.Join(l.in.DataDir, name) }
func (l *loader) contentPath(name string) string { return path.Join(l.in.ContentDir, name) }

// loadDataDir walks data/: codes/, providers/, tiers.toml and quality.toml. Anything else is
// an error, so that a misplaced file is not silently left out of the site.
func (l *loader) loadDataDir() {
	entries, err := fs.ReadDir(l.in.Data, ".")
	if err != nil {
		l.errs.Add(Pos{File: l.in.DataDir}, "cannot read data folder: %v", unwrapPath(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		display := l.dataPath(name)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			l.errs.Add(Pos{File: display}, "symbolic links are not followed; copy the file instead")
		case name == "codes" && e.IsDir():
			l.loadDir("codes", (*loader).loadCode)
		case name == "providers" && e.IsDir():
			l.loadDir("providers", (*loader).loadProvider)
		case name == "tiers.toml":
			l.loadTiers(name, l.entryInfo(e))
		case name == "quality.toml":
			l.loadQuality(name, l.entryInfo(e))
		case name == "README.md" || strings.HasPrefix(name, "."):
		case e.IsDir():
			l.errs.Add(Pos{File: display}, "unexpected folder: data/ holds codes/, providers/, tiers.toml and quality.toml")
		default:
			l.errs.Add(Pos{File: display}, "unknown file: data/ holds codes/, providers/, tiers.toml and quality.toml")
		}
	}
}

func (l *loader) loadDir(dir string, load func(l *loader, name, key string, info fs.FileInfo)) {
	entries, err := fs.ReadDir(l.in.Data, dir)
	if err != nil {
		l.errs.Add(Pos{File: l.dataPath(dir)}, "cannot read folder: %v", unwrapPath(err))
		return
	}
	// Files decode independently, so each gets a loader of its own and they run on every
	// core; the parts are then joined in directory order, so the model and the errors do not
	// depend on scheduling.
	parts := make([]*loader, len(entries))
	checks := l.in.Cache.checksFiles()
	parallel(len(entries), func(i int) {
		e := entries[i]
		part := &loader{in: l.in, site: &Site{}}
		parts[i] = part
		name := path.Join(dir, e.Name())
		display := l.dataPath(name)
		key, isTOML := strings.CutSuffix(e.Name(), ".toml")
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.Type()&fs.ModeSymlink != 0:
			part.errs.Add(Pos{File: display}, "symbolic links are not followed; copy the file instead")
		case e.IsDir():
			part.errs.Add(Pos{File: display}, "unexpected folder: %s/ holds only .toml files", dir)
		case !isTOML:
			part.errs.Add(Pos{File: display}, "file name %q does not end in .toml", e.Name())
		default:
			var info fs.FileInfo
			if checks {
				info, _ = e.Info()
			}
			load(part, name, key, info)
		}
	})
	for _, part := range parts {
		l.errs = append(l.errs, part.errs...)
		l.site.Codes = append(l.site.Codes, part.site.Codes...)
		l.site.Providers = append(l.site.Providers, part.site.Providers...)
	}
}

// decode reads and decodes one TOML file into v. It reports syntax, encoding and type errors
// and unknown keys, and returns the key index for the semantic checks that follow, or nil
// when the file could not be decoded at all.
func (l *loader) decode(fsys fs.FS, name, display string, v any) *tomlpos.Index {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.errs.Add(Pos{File: display}, "cannot read: %v", unwrapPath(err))
		return nil
	}
	return l.decodeBytes(data, display, 0, v)
}

// decodeBytes is decode for text already in memory.
func (l *loader) decodeBytes(data []byte, display string, lineOffset int, v any) *tomlpos.Index {
	ix, errs := format.Decode(data, display, lineOffset, v)
	l.errs = append(l.errs, errs...)
	return ix
}

func (l *loader) entryInfo(e fs.DirEntry) fs.FileInfo {
	if !l.in.Cache.checksFiles() {
		return nil
	}
	info, _ := e.Info()
	return info
}

// unwrapPath drops the path from a file system's error: messages name the file as a person
// typed it, in front.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// The decoded shapes of the files. Field tags are the public format: see data/README.md.

// format decodes the data files and the pages' front matter. ArrayTables are the [[tables]]
// of the shapes below.
var format = tomlpos.Decoder{ArrayTables: []string{"errors", "source", "faq", "contact", "tier", "rating", "disagreement", "confused"}}

type codeFile struct {
	Title string `toml:"title"`
	API   string `toml:"api"`
	Facts
	Topics       []string `toml:"topics"`
	Equivalent   []string `toml:"equivalent"`
	SeeAlso      []string `toml:"see_also"`
	Summary      string   `toml:"summary"`
	Causes       []string `toml:"causes"`
	Actions      []string `toml:"actions"`
	Payload      string   `toml:"payload"`
	Disagreement []struct {
		About     string   `toml:"about"`
		Providers []string `toml:"providers"`
		Current   string   `toml:"current"`
	} `toml:"disagreement"`
	Messages []string `toml:"messages"`
	// When and against which of Meta's pages a person last checked the file.
	CheckedOn      time.Time `toml:"checked_on"`
	CheckedAgainst string    `toml:"checked_against"`
	Reply          string    `toml:"reply"`
	Aliases        aliases   `toml:"aliases"`
	Confused       []struct {
		Code string `toml:"code"`
		How  string `toml:"how"`
	} `toml:"confused"`
}

// aliases are the words people use for a page, found by search: plain questions in English
// ("customer never got my reply") and what Portuguese and Spanish speakers type.
type aliases struct {
	EN []string `toml:"en"`
	PT []string `toml:"pt"`
	ES []string `toml:"es"`
}

type providerFile struct {
	Name           string        `toml:"name"`
	Kind           string        `toml:"kind"`
	Summary        string        `toml:"summary"`
	Support        string        `toml:"support"`
	SupportURL     string        `toml:"support_url"`
	StatusURL      string        `toml:"status_url"`
	Escalation     []string      `toml:"escalation"`
	CannotOverride []string      `toml:"cannot_override"`
	Contact        []contactFile `toml:"contact"`
	Source         []sourceFile  `toml:"source"`
	Errors         []entryFile   `toml:"errors"`
	FAQ            []faqFile     `toml:"faq"`
}

type contactFile struct {
	Who string   `toml:"who"`
	For []string `toml:"for"`
}

type sourceFile struct {
	Title   string    `toml:"title"`
	URL     string    `toml:"url"`
	Seen    time.Time `toml:"seen"`
	Updated time.Time `toml:"updated"`
}

type entryFile struct {
	Code    string `toml:"code"`
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	Section string `toml:"section"`
	Source  string `toml:"source"`
	Meaning string `toml:"meaning"`
	Action  string `toml:"action"`
	Facts
	Equivalent []string `toml:"equivalent"`
	Scope      string   `toml:"scope"`
	Messages   []string `toml:"messages"`
}

type faqFile struct {
	Q string `toml:"q"`
	A string `toml:"a"`
}

type tiersFile struct {
	Period  string  `toml:"period"`
	Summary string  `toml:"summary"`
	Growth  string  `toml:"growth"`
	Aliases aliases `toml:"aliases"`
	Tier    []struct {
		Name         string   `toml:"name"`
		Limit        int      `toml:"limit"`
		Unlimited    bool     `toml:"unlimited"`
		Typical      string   `toml:"typical"`
		Legacy       bool     `toml:"legacy"`
		Note         string   `toml:"note"`
		DocumentedBy []string `toml:"documented_by"`
	} `toml:"tier"`
}

type qualityFile struct {
	Summary string  `toml:"summary"`
	Aliases aliases `toml:"aliases"`
	Rating  []struct {
		Name    string `toml:"name"`
		Meaning string `toml:"meaning"`
		Action  string `toml:"action"`
	} `toml:"rating"`
}

type frontMatter struct {
	Title       string  `toml:"title"`
	Description string  `toml:"description"`
	Aliases     aliases `toml:"aliases"`
	Reference   bool    `toml:"reference"`
}

func (l *loader) loadCode(name, key string, info fs.FileInfo) {
	display := l.dataPath(name)
	if !validCodeKey(key) {
		l.errs.Add(Pos{File: display}, "bad code file name %q: want digits (131047.toml) or a range, low first (200-299.toml)", path.Base(name))
		return
	}
	if c := loadCached(l, display, info, func() *Code { return l.readCode(name, key, display) }, (*Code).clone); c != nil {
		l.site.Codes = append(l.site.Codes, c)
	}
}

func (l *loader) readCode(name, key, display string) *Code {
	var f codeFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	c := &Code{
		Key: key, File: display, num: codeNumber(key),
		Title: f.Title, API: f.API, Facts: f.Facts, Topics: f.Topics, Summary: f.Summary,
		Causes: f.Causes, Actions: f.Actions, Payload: f.Payload, Messages: f.Messages,
		Checked: MetaCheck{On: f.CheckedOn, Against: f.CheckedAgainst, Pos: ix.Key("checked_on")},
		Reply:   f.Reply, Aliases: l.aliases(ix, f.Aliases),
	}
	for i, cf := range f.Confused {
		at := fmt.Sprintf("confused.%d", i)
		l.required(ix, at, map[string]string{"code": cf.Code, "how": cf.How})
		if cf.Code == key {
			l.errs.Add(ix.Value(at+".code"), "code: code %q names itself", cf.Code)
			continue
		}
		c.Confused = append(c.Confused, Confusion{How: cf.How, ref: ref{cf.Code, ix.Value(at + ".code")}})
	}
	l.required(ix, "", map[string]string{"title": f.Title, "api": f.API, "class": f.Class, "retry": f.Retry, "summary": f.Summary})
	l.messages(ix, f.Messages)
	l.checked(ix, f.CheckedOn, f.CheckedAgainst)
	l.oneOf(ix, "api", f.API, apis.values())
	l.checkFacts(ix, "", f.Facts)
	l.listOf(ix, "topics", f.Topics, topicList)
	c.equivalent = l.refs(ix, "equivalent", key, f.Equivalent)
	c.seeAlso = l.refs(ix, "see_also", key, f.SeeAlso)
	for i, d := range f.Disagreement {
		p := fmt.Sprintf("disagreement.%d", i)
		l.required(ix, p, map[string]string{"about": d.About})
		if len(d.Providers) == 0 {
			l.errs.Add(ix.Key(p), "providers: missing required field")
		}
		dis := Disagreement{About: d.About, Current: d.Current}
		for j, slug := range d.Providers {
			dis.providerRefs = append(dis.providerRefs, ref{slug, ix.Item(p+".providers", j)})
		}
		c.Disagreements = append(c.Disagreements, dis)
	}
	return c
}

func (l *loader) loadProvider(name, slug string, info fs.FileInfo) {
	display := l.dataPath(name)
	if !slugPattern.MatchString(slug) {
		l.errs.Add(Pos{File: display}, "bad provider file name %q: want lower-case letters, digits and hyphens, then .toml", path.Base(name))
		return
	}
	if p := loadCached(l, display, info, func() *Provider { return l.readProvider(name, slug, display) }, (*Provider).clone); p != nil {
		l.site.Providers = append(l.site.Providers, p)
	}
}

// readProvider reads a provider file section by section: the profile at the top, then
// [[contact]], [[source]], [[errors]] (its table) and [[faq]].
func (l *loader) readProvider(name, slug, display string) *Provider {
	var f providerFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	p := l.providerProfile(ix, slug, display, &f)
	p.Contacts = l.providerContacts(ix, f.Contact)
	var byTitle map[string]*Source
	p.Sources, byTitle = l.providerSources(ix, f.Source)
	p.Entries = l.providerEntries(ix, p, f.Errors, byTitle)
	p.FAQ = l.providerFAQ(ix, f.FAQ)
	return p
}

// providerProfile is who the provider is and how to reach it.
func (l *loader) providerProfile(ix *tomlpos.Index, slug, display string, f *providerFile) *Provider {
	l.required(ix, "", map[string]string{"name": f.Name, "kind": f.Kind, "summary": f.Summary})
	l.oneOf(ix, "kind", f.Kind, kinds.values())
	l.webURL(ix, "support_url", f.SupportURL)
	l.webURL(ix, "status_url", f.StatusURL)
	return &Provider{
		Slug: slug, File: display, Name: f.Name, Kind: f.Kind, Summary: f.Summary,
		Support: f.Support, SupportURL: f.SupportURL, StatusURL: f.StatusURL,
		Escalation: f.Escalation, CannotOverride: f.CannotOverride,
	}
}

func (l *loader) providerContacts(ix *tomlpos.Index, contacts []contactFile) []Contact {
	var out []Contact
	for i, c := range contacts {
		l.required(ix, fmt.Sprintf("contact.%d", i), map[string]string{"who": c.Who})
		out = append(out, Contact{Who: c.Who, For: c.For})
	}
	return out
}

// providerSources are the documents the file was written from, in order and by title: an
// entry names the one it comes from.
func (l *loader) providerSources(ix *tomlpos.Index, sources []sourceFile) ([]*Source, map[string]*Source) {
	if len(sources) == 0 {
		l.errs.Add(Pos{File: ix.File(), Line: 1, Col: 1}, "source: at least one [[source]] is required")
	}
	var out []*Source
	byTitle := map[string]*Source{}
	for i, s := range sources {
		at := fmt.Sprintf("source.%d", i)
		l.required(ix, at, map[string]string{"title": s.Title})
		if s.Seen.IsZero() {
			l.errs.Add(ix.Key(at), "seen: missing required field (the date the source was last read)")
		}
		l.webURL(ix, at+".url", s.URL)
		if byTitle[s.Title] != nil && s.Title != "" {
			l.errs.Add(ix.Value(at+".title"), "title: duplicate source %q", s.Title)
		}
		src := &Source{Title: s.Title, URL: s.URL, Seen: s.Seen, Updated: s.Updated}
		byTitle[s.Title] = src
		out = append(out, src)
	}
	return out, byTitle
}

// providerEntries are the provider's table, one entry a row. A code may appear in several
// rows only when each has an id.
func (l *loader) providerEntries(ix *tomlpos.Index, p *Provider, rows []entryFile, sources map[string]*Source) []*Entry {
	codeCount := map[string]int{}
	for _, e := range rows {
		codeCount[e.Code]++
	}
	ids := map[string]bool{}
	var out []*Entry
	for i, e := range rows {
		at := fmt.Sprintf("errors.%d", i)
		entry := &Entry{
			Provider: p, Pos: ix.Key(at), Code: e.Code, ID: e.ID, Title: e.Title,
			Section: e.Section, Meaning: e.Meaning, Action: e.Action, Facts: e.Facts,
			Scoped: e.Scope == "provider",
		}
		l.required(ix, at, map[string]string{"title": e.Title})
		l.oneOf(ix, at+".scope", e.Scope, scopes)
		if e.Scope != "" && e.Code == "" {
			l.errs.Add(ix.Value(at+".scope"), "scope: set, but the entry has no code to scope")
		}
		l.entryCode(ix, at, e, codeCount[e.Code])
		l.entryID(ix, at, e.ID, ids)
		entry.Source = l.entrySource(ix, at, e.Source, p.Sources, sources)
		l.checkFacts(ix, at, e.Facts)
		self := e.Code
		if entry.Scoped {
			self = "" // the provider's own 500 may well stand for Meta's 500
		}
		entry.equivalent = l.refs(ix, at+".equivalent", self, e.Equivalent)
		entry.Messages = e.Messages
		l.messagesAt(ix, at+".messages", e.Messages)
		out = append(out, entry)
	}
	return out
}

// entryCode checks an entry's code; rows is how many rows of the file have it.
func (l *loader) entryCode(ix *tomlpos.Index, at string, e entryFile, rows int) {
	switch {
	case e.Code == "" && e.ID == "":
		l.errs.Add(ix.Key(at), "errors: an entry needs a code or an id")
	case len(e.Code) > maxKey:
		l.errs.Add(ix.Value(at+".code"), "code: bad code %q: at most %d characters", e.Code[:16]+"…", maxKey)
	case e.Code != "" && !validCodeKey(e.Code):
		l.errs.Add(ix.Value(at+".code"), "code: bad code %q: want digits or a range, low first", e.Code)
	case e.Code != "" && e.ID == "" && rows > 1:
		l.errs.Add(ix.Value(at+".code"), "id: required because code %q appears %d times in this file", e.Code, rows)
	}
}

// entryID checks an entry's id, which is an address, and records it in seen.
func (l *loader) entryID(ix *tomlpos.Index, at, id string, seen map[string]bool) {
	if id == "" {
		return
	}
	switch {
	case len(id) > 64:
		l.errs.Add(ix.Value(at+".id"), "id: bad id %q: at most 64 characters", id[:16]+"…")
	case !slugPattern.MatchString(id):
		l.errs.Add(ix.Value(at+".id"), "id: bad id %q: want lower-case letters, digits and hyphens", id)
	case seen[id]:
		l.errs.Add(ix.Value(at+".id"), "id: duplicate id %q", id)
	}
	seen[id] = true
}

// entrySource is the source an entry names, or the file's only one.
func (l *loader) entrySource(ix *tomlpos.Index, at, title string, sources []*Source, byTitle map[string]*Source) *Source {
	switch {
	case title != "" && byTitle[title] == nil:
		l.errs.Add(ix.Value(at+".source"), "source: no [[source]] titled %q in this file", title)
	case title != "":
		return byTitle[title]
	case len(sources) == 1:
		return sources[0]
	case len(sources) > 1:
		l.errs.Add(ix.Key(at), "source: missing; this file has several sources, name the one this entry comes from")
	}
	return nil
}

func (l *loader) providerFAQ(ix *tomlpos.Index, faq []faqFile) []FAQ {
	var out []FAQ
	for i, q := range faq {
		l.required(ix, fmt.Sprintf("faq.%d", i), map[string]string{"q": q.Q, "a": q.A})
		out = append(out, FAQ{Q: q.Q, A: q.A})
	}
	return out
}

func (l *loader) loadTiers(name string, info fs.FileInfo) {
	display := l.dataPath(name)
	l.site.Tiers = loadCached(l, display, info, func() *Tiers { return l.readTiers(name, display) }, (*Tiers).clone)
}

func (l *loader) readTiers(name, display string) *Tiers {
	var f tiersFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	t := &Tiers{File: display, Period: f.Period, Summary: f.Summary, Growth: f.Growth, Aliases: l.aliases(ix, f.Aliases)}
	l.required(ix, "", map[string]string{"period": f.Period, "summary": f.Summary})
	if f.Period != "" {
		if _, err := time.ParseDuration(f.Period); err != nil {
			l.errs.Add(ix.Value("period"), "period: bad duration %q (want a Go duration such as 24h)", f.Period)
		}
	}
	names := map[string]bool{}
	for i, tf := range f.Tier {
		at := fmt.Sprintf("tier.%d", i)
		l.required(ix, at, map[string]string{"name": tf.Name})
		if names[tf.Name] && tf.Name != "" {
			l.errs.Add(ix.Value(at+".name"), "name: duplicate tier %q", tf.Name)
		}
		names[tf.Name] = true
		switch {
		case tf.Unlimited && tf.Limit != 0:
			l.errs.Add(ix.Value(at+".limit"), "limit: set together with unlimited = true; keep one")
		case !tf.Unlimited && tf.Limit <= 0:
			l.errs.Add(ix.Key(at), "limit: missing or not positive (or set unlimited = true)")
		}
		tier := &Tier{Name: tf.Name, Limit: tf.Limit, Unlimited: tf.Unlimited, Typical: tf.Typical, Legacy: tf.Legacy, Note: tf.Note}
		for j, slug := range tf.DocumentedBy {
			tier.documentedBy = append(tier.documentedBy, ref{slug, ix.Item(at+".documented_by", j)})
		}
		t.Tiers = append(t.Tiers, tier)
	}
	return t
}

func (l *loader) loadQuality(name string, info fs.FileInfo) {
	display := l.dataPath(name)
	l.site.Quality = loadCached(l, display, info, func() *Quality { return l.readQuality(name, display) }, (*Quality).clone)
}

func (l *loader) readQuality(name, display string) *Quality {
	var f qualityFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	q := &Quality{File: display, Summary: f.Summary, Aliases: l.aliases(ix, f.Aliases)}
	l.required(ix, "", map[string]string{"summary": f.Summary})
	names := map[string]bool{}
	for i, r := range f.Rating {
		at := fmt.Sprintf("rating.%d", i)
		l.required(ix, at, map[string]string{"name": r.Name, "meaning": r.Meaning})
		if names[r.Name] && r.Name != "" {
			l.errs.Add(ix.Value(at+".name"), "name: duplicate rating %q", r.Name)
		}
		names[r.Name] = true
		q.Ratings = append(q.Ratings, Rating{Name: r.Name, Meaning: r.Meaning, Action: r.Action})
	}
	return q
}

func (l *loader) loadContent() {
	if l.in.Content == nil {
		return
	}
	entries, err := fs.ReadDir(l.in.Content, ".")
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.errs.Add(Pos{File: l.in.ContentDir}, "cannot read content folder: %v", unwrapPath(err))
		}
		return
	}
	for _, e := range entries {
		name := e.Name()
		display := l.contentPath(name)
		slug, isMD := strings.CutSuffix(name, ".md")
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.Type()&fs.ModeSymlink != 0:
			l.errs.Add(Pos{File: display}, "symbolic links are not followed; copy the file instead")
			continue
		case e.IsDir() || !isMD:
			l.errs.Add(Pos{File: display}, "unexpected file: content/ holds only .md pages")
			continue
		case !slugPattern.MatchString(slug):
			l.errs.Add(Pos{File: display}, "bad page file name %q: want lower-case letters, digits and hyphens, then .md", name)
			continue
		case reservedSlug(slug):
			l.errs.Add(Pos{File: display}, "page name %q is taken by a generated page; choose another name", slug)
			continue
		}
		data, err := fs.ReadFile(l.in.Content, name)
		if err != nil {
			l.errs.Add(Pos{File: display}, "cannot read: %v", unwrapPath(err))
			continue
		}
		fm, body, err := splitFrontMatter(data)
		if err != nil {
			var fe *Error
			if errors.As(err, &fe) {
				fe.Pos.File = display
				l.errs = append(l.errs, fe)
			}
			continue
		}
		var f frontMatter
		ix := l.decodeBytes(fm, display, 1, &f)
		if ix == nil {
			continue
		}
		l.required(ix, "", map[string]string{"title": f.Title})
		page := &Page{Slug: slug, File: display, Title: f.Title, Description: f.Description, Body: string(body), Aliases: l.aliases(ix, f.Aliases), Reference: f.Reference}
		if slug == "index" {
			l.site.Home = page
		} else {
			l.site.Pages = append(l.site.Pages, page)
		}
	}
}

// splitFrontMatter separates a page's TOML front matter, between two lines of +++, from its
// Markdown body.
func splitFrontMatter(data []byte) (front, body []byte, err error) {
	if e := tomlpos.CheckUTF8("", data); e != nil {
		return nil, nil, e
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "+++" {
		return nil, nil, &Error{Pos: Pos{Line: 1, Col: 1}, Msg: "front matter: the page must start with a line of +++"}
	}
	for start := 0; start <= len(rest); {
		end := bytes.IndexByte(rest[start:], '\n')
		var text []byte
		if end < 0 {
			text = rest[start:]
		} else {
			text = rest[start : start+end]
		}
		if string(bytes.TrimRight(text, " \t\r")) == "+++" {
			if end < 0 {
				return rest[:start], nil, nil
			}
			return rest[:start], rest[start+end+1:], nil
		}
		if end < 0 {
			break
		}
		start += end + 1
	}
	return nil, nil, &Error{Pos: Pos{Line: 1, Col: 1}, Msg: "front matter: no closing +++ line"}
}

// Checks shared by the loaders. at is the path of the table ("" for the top level,
// "errors.3" for an entry); they add errors and never stop.

func (l *loader) required(ix *tomlpos.Index, at string, fields map[string]string) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.TrimSpace(fields[k]) != "" {
			continue
		}
		if ix.Has(join(at, k)) {
			l.errs.Add(ix.Value(join(at, k)), "%s: must not be empty", k)
			continue
		}
		pos := Pos{File: ix.File(), Line: 1, Col: 1}
		if at != "" {
			pos = ix.Key(at)
		}
		l.errs.Add(pos, "%s: missing required field", k)
	}
}

// lastPart is the last key of a path: "class" of "errors.3.class".
func lastPart(path string) string { return path[strings.LastIndexByte(path, '.')+1:] }

func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

func (l *loader) oneOf(ix *tomlpos.Index, at, value string, allowed []string) {
	if value != "" && !slices.Contains(allowed, value) {
		l.errs.Add(ix.Value(at), "%s: unknown value %q (want %s)", lastPart(at), value, strings.Join(allowed, ", "))
	}
}

func (l *loader) listOf(ix *tomlpos.Index, at string, values, allowed []string) {
	seen := map[string]bool{}
	for i, v := range values {
		switch {
		case !slices.Contains(allowed, v):
			l.errs.Add(ix.Item(at, i), "%s: unknown value %q (want %s)", lastPart(at), v, strings.Join(allowed, ", "))
		case seen[v]:
			l.errs.Add(ix.Item(at, i), "%s: %q is listed twice", lastPart(at), v)
		}
		seen[v] = true
	}
}

func (l *loader) httpStatus(ix *tomlpos.Index, at string, status int) {
	if ix.Has(at) && (status < 100 || status > 599) {
		l.errs.Add(ix.Value(at), "http_status: %d is not an HTTP status (want 100 to 599)", status)
	}
}

func (l *loader) retryAfter(ix *tomlpos.Index, prefix, retry, after string) {
	if after == "" {
		return
	}
	d, err := time.ParseDuration(after)
	switch {
	case err != nil:
		l.errs.Add(ix.Value(prefix+"retry_after"), "retry_after: bad duration %q (want a Go duration such as 10m or 24h)", after)
	case d <= 0:
		l.errs.Add(ix.Value(prefix+"retry_after"), "retry_after: %q is not a wait; want a positive duration such as 10m", after)
	case retry == "no":
		l.errs.Add(ix.Value(prefix+"retry_after"), "retry_after: set, but retry is \"no\"")
	}
}

// aliases keeps a page's words in other languages, each non-blank.
func (l *loader) aliases(ix *tomlpos.Index, a aliases) []string {
	var out []string
	for lang, words := range map[string][]string{"en": a.EN, "pt": a.PT, "es": a.ES} {
		for i, w := range words {
			if strings.TrimSpace(w) == "" {
				l.errs.Add(ix.Item("aliases."+lang, i), "aliases: %s entry %d is empty", lang, i+1)
			}
		}
	}
	return append(append(append(out, a.EN...), a.PT...), a.ES...)
}

// messages checks the literal strings an API returns: each one something to find, once.
func (l *loader) messages(ix *tomlpos.Index, messages []string) {
	l.messagesAt(ix, "messages", messages)
}

func (l *loader) messagesAt(ix *tomlpos.Index, at string, messages []string) {
	for i, m := range messages {
		switch {
		case strings.TrimSpace(m) == "":
			l.errs.Add(ix.Item(at, i), "messages: entry %d is empty", i+1)
		case slices.Contains(messages[:i], m):
			l.errs.Add(ix.Item(at, i), "messages: %q is listed twice", m)
		}
	}
}

// checked requires the date and the page of a check together: a date without the page
// cannot be repeated by the next person, and a page without a date cannot go stale. The
// date cannot be after today.
func (l *loader) checked(ix *tomlpos.Index, on time.Time, against string) {
	if day := on.Format(time.DateOnly); !on.IsZero() && day > l.in.Today.Format(time.DateOnly) {
		l.errs.Add(ix.Value("checked_on"), "checked_on: %s is after today; write the day the file was checked", day)
	}
	switch {
	case against != "" && on.IsZero():
		l.errs.Add(ix.Key("checked_against"), "checked_on: missing; say when the file was checked against this page (checked_on = 2026-11-30)")
	case against == "" && !on.IsZero():
		l.errs.Add(ix.Key("checked_on"), "checked_against: missing; name the page of Meta's documentation the file was checked against")
	}
	l.webURL(ix, "checked_against", against)
}

func (l *loader) webURL(ix *tomlpos.Index, at, u string) { checkWebURL(&l.errs, ix, at, u) }

// checkWebURL reports an address that is set but is not an http(s) one.
func checkWebURL(errs *ErrorList, ix *tomlpos.Index, at, u string) {
	if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		errs.Add(ix.Value(at), "%s: %q is not an http(s) address", lastPart(at), u)
	}
}

// refs records the codes named in equivalent or see_also, to be resolved once every file is
// loaded. self is the code of the file or entry naming them.
func (l *loader) refs(ix *tomlpos.Index, at, self string, keys []string) []ref {
	var out []ref
	for i, k := range keys {
		pos := ix.Item(at, i)
		if k == self {
			l.errs.Add(pos, "%s: code %q names itself", lastPart(at), k)
			continue
		}
		out = append(out, ref{k, pos})
	}
	return out
}
