package generator

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Methods of page that give templates derived lists. They compute from the model only.

// ClassCount is a class and how many codes have it.
type ClassCount struct {
	Name  string
	Count int
}

// Classes lists every class with its number of codes.
func (p *page) Classes() []ClassCount {
	var out []ClassCount
	for _, c := range classes.values() {
		n := 0
		for _, code := range p.Site.Codes {
			if code.Class == c {
				n++
			}
		}
		out = append(out, ClassCount{c, n})
	}
	return out
}

// codeTable is what the "codes-table" template receives: the codes, and their rows.
type codeTable struct {
	Page  *page
	Codes []*Code
	Rows  template.HTML
}

// Table prepares codes for the "codes-table" template, with each code's row (CodeRow). The
// rows are joined here rather than ranged over in the template: the lists run to ten
// thousand codes, and each row asked for from a template is a method call through
// reflection and an escaper's.
func (p *page) Table(codes []*Code) (codeTable, error) {
	rows, err := p.codePieces("codes-row", codes)
	return codeTable{Page: p, Codes: codes, Rows: rows}, err
}

// TopicLink renders a link to a topic's page with the "topic-link" template, once per topic
// and link prefix: code pages name a handful of topics among them.
func (p *page) TopicLink(topic string) (template.HTML, error) {
	return p.fragment("topic-link", topic, topicLink{p, topic})
}

// topicLink is what the "topic-link" template receives.
type topicLink struct {
	Page  *page
	Topic string
}

// TopicURL links to the page that explains a topic: the content page of the same name
// (window), the tiers or quality page, or else the topic's list of codes.
func (p *page) TopicURL(topic string) string {
	switch {
	case p.Site.Page(topic) != nil:
		return p.URL(contentPath(topic))
	case topic == "tiers" && p.Site.Tiers != nil:
		return p.URL(tiersPath)
	case topic == "quality" && p.Site.Quality != nil:
		return p.URL(qualityPath)
	}
	return p.URL(topicPath(topic))
}

// sameStatusShown is how many codes "Other codes with HTTP 400" shows: the codes nearest in
// number, which are the same family (1310xx). The status page lists all of them.
const sameStatusShown = 24

// Neighbours are some codes of a list and the size of the whole list.
type Neighbours struct {
	Codes []*Code
	Total int
	Chips template.HTML // the codes as CodeChips renders them
}

// sameStatus lists the codes nearest to the current one that Meta gives the same HTTP
// status, and how many the status page lists in all.
func (p *page) sameStatus() Neighbours {
	if p.Code == nil || p.Code.HTTPStatus == 0 {
		return Neighbours{}
	}
	var all []*Code
	for _, st := range p.Site.Statuses {
		if st.Code == p.Code.HTTPStatus {
			all = st.Codes
		}
	}
	at := p.r.statusPositions()[p.Code] // 0 when the status page does not list it
	lo := max(0, at-sameStatusShown/2)
	hi := min(len(all), lo+sameStatusShown+1)
	lo = max(0, hi-sameStatusShown-1)
	var near []*Code
	for _, c := range all[lo:hi] {
		if c != p.Code {
			near = append(near, c)
		}
	}
	return Neighbours{Codes: near, Total: len(all)}
}

// statusPositions is where each code stands in its status's list of codes, found once per
// build: looking each code page's code up in a list of thousands made the code pages
// quadratic in the number of codes.
func (r *builder) statusPositions() map[*Code]int {
	r.statusPosOnce.Do(func() {
		r.statusPos = map[*Code]int{}
		for _, st := range r.site.Statuses {
			for i, c := range st.Codes {
				if c.HTTPStatus == st.Code {
					r.statusPos[c] = i
				}
			}
		}
	})
	return r.statusPos
}

// EntryCount is the number of provider entries with a status.
func (p *page) EntryCount(st *Status) int {
	n := 0
	for _, l := range st.Providers {
		n += len(l.Entries)
	}
	return n
}

// Number writes 100000 as 100,000.
func (p *page) Number(n int) string { return formatNumber(n) }

func formatNumber(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// LegacyTiers lists the tiers Meta no longer assigns.
func (p *page) LegacyTiers() []*Tier {
	var out []*Tier
	if p.Site.Tiers != nil {
		for _, t := range p.Site.Tiers.Tiers {
			if t.Legacy {
				out = append(out, t)
			}
		}
	}
	return out
}

// TopicCodes lists the codes that have any of the topics, in code order.
func (p *page) TopicCodes(topics ...string) []*Code {
	var out []*Code
	for _, c := range p.Site.Codes {
		for _, t := range topics {
			if slices.Contains(c.Topics, t) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// ProviderNames lists the providers that list the code, each once.
func (c *Code) ProviderNames() []string {
	var out []string
	for _, e := range c.Entries {
		if !slices.Contains(out, e.Provider.Name) {
			out = append(out, e.Provider.Name)
		}
	}
	return out
}

// Changed is the date a data file last changed, or "" when history is unavailable.
func (p *page) Changed(file string) string {
	if t, ok := p.r.opt.History.Changed[file]; ok {
		return t.Format("2006-01-02")
	}
	return ""
}

// HistoryNote says why a file has no date.
func (p *page) HistoryNote() string {
	if p.r.opt.History.Missing != "" {
		return "date unknown: " + p.r.opt.History.Missing
	}
	return "not committed yet"
}

// EditURL is the repository's editor for a data file, or "" when no repository is set.
func (p *page) EditURL(file string) string {
	if p.r.opt.RepoURL == "" || file == "" {
		return ""
	}
	branch := p.r.opt.Branch
	if branch == "" {
		branch = "main"
	}
	return strings.TrimSuffix(p.r.opt.RepoURL, "/") + "/edit/" + branch + "/" + file
}

// staleAfter is how much older than its file's last change a source reading may be before
// the statement is flagged: the file was edited since, but this source was not read again.
const staleAfter = 180 * 24 * time.Hour

// Stale reports whether an entry's source was last read long before its file last changed.
func (p *page) Stale(e *Entry) bool {
	changed, ok := p.r.opt.History.Changed[e.Provider.File]
	return ok && e.Source != nil && changed.Sub(e.Source.Seen) > staleAfter
}

// fileMeta is what the "file-meta" template receives: a file and what is known of it.
type fileMeta struct {
	Page        *page
	File        string
	Changed     string // the date it last changed, or ""
	EditURL     string // its editor in the repository, or ""
	HistoryNote string // why it has no date
}

// FileMeta renders the "file-meta" template: a file's last change and its edit link. A
// provider's file is named on the page of every code it lists, so each file's is rendered
// once per link prefix; a code's own file only on its page, so it is not kept.
func (p *page) FileMeta(file string) (template.HTML, error) {
	meta := fileMeta{Page: p, File: file, Changed: p.Changed(file), EditURL: p.EditURL(file), HistoryNote: p.HistoryNote()}
	if p.Code != nil && file == p.Code.File {
		return p.r.renderFragment("file-meta", meta)
	}
	return p.fragment("file-meta", file, meta)
}

// Files lists the data files the code's page is made from: its code file, then the file of
// each provider with a statement about it.
func (c *Code) Files() []string {
	var out []string
	if c.HasFile() {
		out = append(out, c.File)
	}
	for _, e := range c.Entries {
		if !slices.Contains(out, e.Provider.File) {
			out = append(out, e.Provider.File)
		}
	}
	return out
}

// codeRow is what the "codes-row" template receives.
type codeRow struct {
	Page *page
	Code *Code
}

// CodeRow renders a code's row of the codes table. The same rows appear on many pages
// (/codes/, /search/, topics, statuses).
func (p *page) CodeRow(c *Code) (template.HTML, error) {
	return p.codePieces("codes-row", []*Code{c})
}

// CodeChips renders codes as the short links of "Other codes with HTTP 400", each with the
// "code-chip" template. Neighbouring codes list mostly the same codes, so each chip is
// rendered once and joined here rather than ranged over in the page template.
func (p *page) CodeChips(codes []*Code) (template.HTML, error) {
	return p.codePieces("code-chip", codes)
}

// StatusLink renders a link to the page of an HTTP status with the "status-link" template,
// once per status and link prefix.
func (p *page) StatusLink(status int) (template.HTML, error) {
	return p.fragment("status-link", strconv.Itoa(status), statusLink{p, status})
}

// statusLink is what the "status-link" template receives.
type statusLink struct {
	Page   *page
	Status int
}

// CodeList renders codes with a template of base.html that shows one code and depends
// only on it and the link prefix ("related-item", "equivalent-item"): each code's piece is
// rendered once per prefix and joined, where a range in the page template would make the same
// links again on every page that lists the code.
func (p *page) CodeList(name string, codes []*Code) (template.HTML, error) {
	return p.codePieces(name, codes)
}

// codePieces renders each code with the template name, which receives a codeRow and must
// depend only on the code and the page's link prefix, and joins them. Each code's piece is
// rendered once per link prefix: rows and chips are asked for by the thousand, so they are
// kept by code in a map of their own rather than with the other fragments, whose lookup by
// name, prefix and key cost more than the rest of a chip.
func (p *page) codePieces(name string, codes []*Code) (template.HTML, error) {
	key := fragmentKey{name: name, prefix: p.URL("")}
	v, ok := p.r.pieces.Load(key)
	if !ok {
		v, _ = p.r.pieces.LoadOrStore(key, &pieceCache{m: map[*Code]template.HTML{}})
	}
	cache := v.(*pieceCache)
	pieces := make([]template.HTML, len(codes))
	size := 0
	for i, c := range codes {
		cache.mu.RLock()
		piece, ok := cache.m[c]
		cache.mu.RUnlock()
		if !ok || p.r.uncached {
			var err error
			if piece, err = p.r.renderFragment(name, codeRow{p, c}); err != nil {
				return "", err
			}
			cache.mu.Lock()
			cache.m[c] = piece
			cache.mu.Unlock()
		}
		pieces[i] = piece
		size += len(piece)
	}
	if len(pieces) == 1 {
		return pieces[0], nil
	}
	// Joined at their size: the codes table of 10,000 codes is megabytes.
	var b strings.Builder
	b.Grow(size)
	for _, piece := range pieces {
		b.WriteString(string(piece))
	}
	return template.HTML(b.String()), nil
}

// pieceCache holds one template's pieces for one link prefix, by code.
type pieceCache struct {
	mu sync.RWMutex
	m  map[*Code]template.HTML
}

// Fragment renders the site-wide pieces of every page, "head-links", "site-header" and
// "site-footer". They differ only by the page's section and link prefix, so each is
// rendered once per pair and receives a chrome, which holds nothing else.
func (p *page) Fragment(name string) (template.HTML, error) {
	return p.fragment(name, p.Section, chrome{p: p, Section: p.Section, Site: p.Site})
}

// chrome is what "site-header" and "site-footer" receive.
type chrome struct {
	p       *page
	Section string
	Site    *Site
}

// URL links from the page, as page.URL.
func (c chrome) URL(target string) string { return c.p.URL(target) }

// Link, Content and Static link from the page, as page's methods of the same names.
func (c chrome) Link(name string) (string, error) { return c.p.Link(name) }
func (c chrome) Content(slug string) string       { return c.p.Content(slug) }
func (c chrome) Static(name string) string        { return c.p.Static(name) }

// SiteTitle is the site's name.
func (c chrome) SiteTitle() string { return c.p.r.opt.Title }

// Badges renders a code's verdict with the "badges" template, once per distinct verdict:
// ten thousand codes have a few dozen.
func (p *page) Badges(c *Code) (template.HTML, error) { return p.verdict("badges", c) }

// VerdictCells renders a code's verdict as the class, retry and fixer cells of its
// codes-table row, with the "verdict-cells" template, once per distinct verdict.
func (p *page) VerdictCells(c *Code) (template.HTML, error) { return p.verdict("verdict-cells", c) }

// verdict renders a code's Facts but its HTTP status with the template name, once per
// distinct verdict.
func (p *page) verdict(name string, c *Code) (template.HTML, error) {
	v := c.Facts
	v.HTTPStatus = 0 // one fragment serves every status
	return p.fragment(name, strings.Join(append([]string{v.Class, v.Retry, v.RetryAfter}, v.FixBy...), "\x00"), v)
}

type fragmentKey struct{ name, prefix, key string }

// fragment renders a template defined in base.html once per link prefix and key, for
// pieces of HTML that many pages show. The template must depend only on what key names and
// on the page's link prefix.
func (p *page) fragment(name, key string, data any) (template.HTML, error) {
	cacheKey := fragmentKey{name, p.URL(""), key}
	if html, ok := p.r.fragments.Load(cacheKey); ok && !p.r.uncached {
		return html.(template.HTML), nil
	}
	html, err := p.r.renderFragment(name, data)
	if err == nil {
		p.r.fragments.Store(cacheKey, html)
	}
	return html, err
}

// renderFragment renders a template defined in base.html.
func (r *builder) renderFragment(name string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := r.tmpl["base.html"].ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}
