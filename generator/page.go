package generator

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
)

// Options control rendering: the site's settings (site.toml and the flags), where the
// templates and static files come from, and the data files' history.
type Options struct {
	Settings
	// Templates and Static are the layered template and static file systems: a file on disk
	// wins over the embedded default of the same name.
	Templates fs.FS
	Static    fs.FS
	// History dates each data file's last change.
	History History
}

// builder holds what every page of one build shares.
type builder struct {
	site      *Site
	opt       Options
	basePath  string // "/kb/" when BaseURL is set, else ""
	md        goldmark.Markdown
	tmpl      map[string]*template.Template
	static    Files // the static files, copied as they are
	errs      ErrorList
	jobs      []*renderJob
	fragments sync.Map // rendered pieces shared by pages: see page.fragment
	pieces    sync.Map // *codePieces by template name and link prefix: see page.codePiece
	uncached  bool     // render every fragment afresh (TestFragmentsAsUncached)
	markdown  sync.Map // rendered Markdown, by link prefix and source

	statusPosOnce sync.Once
	statusPos     map[*Code]int // see statusPositions
}

// newBuilder parses the templates, copies the static files and lists every page to render.
func newBuilder(s *Site, opt Options) (*builder, error) {
	if opt.Title == "" {
		opt.Title = "WhatsApp error codes"
	}
	r := &builder{site: s, opt: opt, md: newMarkdown(), static: Files{}}
	if opt.BaseURL != "" {
		if !strings.HasSuffix(opt.BaseURL, "/") {
			r.opt.BaseURL += "/"
		}
		r.basePath = urlPath(r.opt.BaseURL)
	}
	tmpl, err := parseTemplates(opt.Templates)
	if err != nil {
		return nil, err
	}
	r.tmpl = tmpl
	if err := r.copyStatic(); err != nil {
		return nil, err
	}
	r.queuePages()
	return r, nil
}

// urlPath returns the path part of an absolute URL, ending in a slash.
func urlPath(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	return u
}

// pageTemplates are the templates that make whole pages; each defines "main" and is framed
// by base.html.
var pageTemplates = []string{
	"home.html", "codes.html", "code.html", "statuses.html", "status.html", "providers.html",
	"provider.html", "tiers.html", "quality.html", "page.html", "topic.html", "search.html", "404.html",
	"whofixes.html", "changes.html",
}

// parseTemplates parses base.html once and clones it for each page template, because
// html/template refuses to clone a template after it has run.
func parseTemplates(fsys fs.FS) (map[string]*template.Template, error) {
	var errs ErrorList
	read := func(name string) string {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(Pos{File: templateLayer(fsys, name)}, "cannot read template: %v", unwrapPath(err))
		}
		return string(b)
	}
	base, err := template.New("base.html").Funcs(funcs).Parse(read("base.html"))
	if err != nil {
		errs.Add(templateErrorPos(fsys, "base.html", err))
		return nil, errs.Err()
	}
	// base itself is never executed as a page, only for the fragments it defines, and only
	// after every clone is made.
	out := map[string]*template.Template{"base.html": base}
	for _, name := range pageTemplates {
		src := read(name)
		t, err := template.Must(base.Clone()).New(name).Parse(src)
		if err != nil {
			errs.Add(templateErrorPos(fsys, name, err))
			continue
		}
		out[name] = t
	}
	return out, errs.Err()
}

// templateErrorPos finds the line in html/template's message ("template: code.html:12: …").
func templateErrorPos(fsys fs.FS, name string, err error) (Pos, string, any) {
	msg := err.Error()
	line := 0
	if i := strings.Index(msg, name+":"); i >= 0 {
		rest := msg[i+len(name)+1:]
		fmt.Sscanf(rest, "%d", &line)
		if j := strings.Index(rest, ": "); j >= 0 {
			msg = rest[j+2:]
		}
	}
	msg = strings.TrimPrefix(msg, "template: ")
	return Pos{File: templateLayer(fsys, name), Line: line, Col: 1}, "%s", msg
}

// templateLayer names where a template came from: the file on disk, or the embedded default.
func templateLayer(fsys fs.FS, name string) string {
	if u, ok := fsys.(Layered); ok {
		return u.Origin(name)
	}
	return "templates/" + name
}

// withoutCommentLines drops the lines of a script that are only a // comment: they say why
// to whoever reads the source, and every visitor would download them (about a third of
// search.js gzipped). Comments after code stay; the scripts here keep none in strings.
func withoutCommentLines(b []byte) []byte {
	var out []byte
	for line := range bytes.Lines(b) {
		if !bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("//")) {
			out = append(out, line...)
		}
	}
	return out
}

// scriptParts are the scripts published as one file joined from several, in order. The
// search engine is a file of its own so that Node tests it without a page
// (testdata/js/search.test.js), and the browser fetches it with the page's side of the
// search in one request, as it did before they were split.
var scriptParts = map[string][]string{"search.js": {"search-engine.js", "search-shell.js"}}

func (r *builder) copyStatic() error {
	if r.opt.Static != nil {
		parts := map[string]bool{}
		for _, names := range scriptParts {
			for _, p := range names {
				parts[p] = true
			}
		}
		err := fs.WalkDir(r.opt.Static, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || parts[p] {
				return err
			}
			if names, ok := scriptParts[p]; ok {
				// A merge that brings back the file the parts replaced must not be
				// published in their place, nor silently dropped.
				return &Error{Pos: Pos{File: "static/" + p}, Msg: "published joined from " + strings.Join(names, " and ") + ": change those"}
			}
			b, err := fs.ReadFile(r.opt.Static, p)
			if err != nil {
				return err
			}
			if path.Ext(p) == ".js" {
				b = withoutCommentLines(b)
			}
			r.static[staticFile(p)] = b
			return nil
		})
		if err != nil {
			return err
		}
		for script, names := range scriptParts {
			var joined []byte
			for _, p := range names {
				b, err := fs.ReadFile(r.opt.Static, p)
				if errors.Is(err, fs.ErrNotExist) {
					return &Error{Pos: Pos{File: "static/" + p}, Msg: "missing: static/" + script + " is published joined from " + strings.Join(names, " and ")}
				}
				if err != nil {
					return err
				}
				joined = append(joined, withoutCommentLines(b)...)
			}
			r.static[staticFile(script)] = joined
		}
	}
	css, err := highlightCSS()
	if err != nil {
		return err
	}
	r.static[staticFile("highlight.css")] = css
	return nil
}

// page is what every page template receives. Its methods are the template's view of the
// site: URL makes links, Markdown renders text, both relative to this page.
type page struct {
	r           *builder
	Site        *Site
	Path        string // the page's address below the base, "codes/131047/"; "" for home
	Title       string
	Description string
	Section     string // the header link to mark as current

	Code     *Code
	Provider *Provider
	Status   *Status
	Topic    *Topic
	Page     *Page

	// Set by prepared when the page is rendered. They are fields rather than methods
	// because text/template looks a method up by name and calls it through reflection at
	// every use, about four times the cost of reading a field, and base.html reads these
	// on every page, some twice.
	DocumentTitle   string // the browser tab's title (documentTitle)
	MetaDescription string // for search results and link previews (metaDescription)
	Canonical       string // the page's full address when the base URL is known (canonical)
	SiteTitle       string // the site's name
	NoIndex         bool   // whether pages ask search engines not to index them
	OpenSearchURL   string // the OpenSearch description, or "" when there is none
	FeedURL         string // the Atom feed from the changes page, or "" (feedURL)

	// On code pages, what is derived from the code, in one pass (prepareCode). The Markdown
	// a code page shows is rendered here too, rather than by a call to Markdown or Inline
	// from the template for each cause, action and statement.
	Lead               Lead            // the ten-second answer
	LeadAction         template.HTML   // the lead's first action, rendered as by Inline
	CustomerReply      CustomerReply   // what to tell the person messaged
	ReplyHTML          template.HTML   // the reply, rendered as by Markdown
	SummaryHTML        template.HTML   // the code's summary, rendered as by Markdown
	TicketNote         string          // the note to copy into a ticket
	NumberCheck        *NumberCheck    // the field checking the customer's number, or nil
	Contents           []PagePart      // the page's sections, when it is long
	Causes             []Cause         // the code's causes with their anchors
	Actions            []template.HTML // the code's actions, rendered as by Inline
	Statements         []Statement     // what providers say of the code (Code.Statements)
	EquivalentItems    template.HTML   // the equivalent codes as CodeList "equivalent-item"
	RelatedItems       template.HTML   // the related codes as CodeList "related-item"
	SameStatus         Neighbours      // the nearest codes with the same HTTP status
	DisagreementTopics string          // what the sources disagree on
	FileMetas          []template.HTML // FileMeta of each of Code.Files
}

// prepared returns a copy of the page with the fields its templates read filled in. A copy,
// because serve may render the same page twice at once.
func (p *page) prepared() (*page, error) {
	q := *p
	q.DocumentTitle = p.documentTitle()
	q.MetaDescription = p.metaDescription()
	q.Canonical = p.canonical()
	q.SiteTitle = p.r.opt.Title
	q.NoIndex = p.r.opt.NoIndex
	q.OpenSearchURL = p.openSearchURL()
	q.FeedURL = p.feedURL()
	if p.Code != nil {
		if err := q.prepareCode(); err != nil {
			return nil, err
		}
	}
	return &q, nil
}

// documentTitle is the browser tab's title: the page's title and the site's, shortened to
// fit the 70 characters that search results and tabs show. Characters are counted as written
// in the page, so an apostrophe escaped as &#39; counts five, as HTML checkers count it.
func (p *page) documentTitle() string {
	const limit = 70
	fits := func(s string) bool { return utf8.RuneCountInString(template.HTMLEscapeString(s)) <= limit }
	full := p.r.opt.Title
	if p.Title != "" {
		full = p.Title + " · " + p.r.opt.Title
	}
	if fits(full) {
		return full
	}
	if fits(p.Title) {
		return p.Title
	}
	r := []rune(p.Title)
	for n := len(r) - 1; n > 0; n-- {
		if short := string(r[:n]) + "…"; fits(short) {
			return short
		}
	}
	return ""
}

// metaDescription is the page's description for search results and link previews: a code
// page describes itself by its summary.
func (p *page) metaDescription() string {
	if p.Description == "" && p.Code != nil {
		return plainSummary(p.Code)
	}
	return p.Description
}

// URL returns the link from this page to target, a path below the site's root such as
// "codes/131047/" ("" is the home page). Every link goes through here, so the base path is
// handled in one place.
func (p *page) URL(target string) string {
	if p.r.basePath != "" {
		return p.r.basePath + target
	}
	if p.Path == notFoundFile {
		// GitHub Pages serves 404.html at whatever address was asked for, at any depth.
		return "/" + target
	}
	up := upToRoot(strings.Count(p.Path, "/"))
	switch {
	case target == "" && up == "":
		return "./"
	case target == "":
		return up
	}
	return up + target
}

// upToRoot returns "../" depth times. Every link of every page starts with it.
func upToRoot(depth int) string {
	const ups = "../../../../../../../../"
	if 3*depth <= len(ups) {
		return ups[:3*depth]
	}
	return strings.Repeat("../", depth)
}

// Link links to a generated page by its name in paths.go ("codes", "search"); a name it
// does not know is an error, reported with the template's position.
func (p *page) Link(name string) (string, error) {
	path, ok := sectionPaths[name]
	if !ok {
		return "", fmt.Errorf("no section %q", name)
	}
	return p.URL(path), nil
}

// Content links to the content page of a slug ("window").
func (p *page) Content(slug string) string { return p.URL(contentPath(slug)) }

// Static links to a static file ("style.css").
func (p *page) Static(name string) string { return p.URL(staticFile(name)) }

// CodeURL links to a code's page.
func (p *page) CodeURL(c *Code) string { return p.URL(codePath(c.Key)) }

// ProviderURL links to a provider's page.
func (p *page) ProviderURL(pr *Provider) string { return p.URL(providerPath(pr.Slug)) }

// StatusURL links to the page of an HTTP status.
func (p *page) StatusURL(status int) string { return p.URL(statusPath(status)) }

// EntryURL links to an entry's row on its provider's page.
func (p *page) EntryURL(e *Entry) string {
	return p.URL(entryPath(e))
}

// canonical is the page's full address when the base URL is known.
func (p *page) canonical() string {
	if p.r.opt.BaseURL == "" || p.Path == notFoundFile {
		return ""
	}
	return p.r.opt.BaseURL + p.Path
}

// Markdown renders Markdown from the data, linking code mentions and site-root links.
func (p *page) Markdown(src string) (template.HTML, error) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	self := ""
	if p.Code != nil && strings.Contains(src, p.Code.Key) {
		self = p.Code.Key // a code page does not link to itself
	}
	link := func(key string) (string, string) {
		c := p.Site.Code(key)
		if c == nil || key == self {
			return "", ""
		}
		return p.CodeURL(c), c.Title
	}
	if html, ok := simpleParagraph(src, link); ok {
		return template.HTML(html), nil
	}
	// The same text (a provider's statement) is shown on several pages; links depend only
	// on the page's prefix, so render it once per prefix. Not a code's own summary, which
	// only its page shows: keeping those would hold every summary of the site for nothing.
	cache := p.Code == nil || src != p.Code.Summary
	key := ""
	if cache {
		key = p.URL("") + "\x00" + self + "\x00" + src
		if html, ok := p.r.markdown.Load(key); ok {
			return html.(template.HTML), nil
		}
	}
	html, err := renderMarkdown(p.r.md, src, markdownLinks{code: link, root: p.URL})
	if err == nil && cache {
		p.r.markdown.Store(key, html)
	}
	return html, err
}

// Inline renders a one-line Markdown text without its enclosing paragraph.
func (p *page) Inline(src string) (template.HTML, error) {
	h, err := p.Markdown(src)
	s := strings.TrimSpace(string(h))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		s = s[3 : len(s)-4]
	}
	return template.HTML(s), err
}

// Highlight renders a JSON payload with syntax highlighting.
func (p *page) Highlight(src string) (template.HTML, error) { return highlightJSON(src) }

func (r *builder) newPage(pth, title, section string) *page {
	return &page{r: r, Site: r.site, Path: pth, Title: title, Section: section}
}

// queuePages lists every page of the site, with its template and data, in r.jobs.
func (r *builder) queuePages() {
	s := r.site
	home := r.newPage("", "", "home")
	if s.Home != nil {
		home.Page = s.Home
		home.Description = s.Home.Description
	}
	r.queue("home.html", home)
	r.queue("codes.html", r.newPage(codesPath, "All codes", "codes"))
	for _, c := range s.Codes {
		p := r.newPage(codePath(c.Key), c.Key+" "+c.Title, "codes")
		p.Code = c
		r.queue("code.html", p)
	}
	r.queue("statuses.html", r.newPage(statusesPath, "HTTP statuses", "codes"))
	for _, st := range s.Statuses {
		p := r.newPage(statusPath(st.Code), "HTTP "+fmt.Sprint(st.Code), "codes")
		p.Status = st
		r.queue("status.html", p)
	}
	r.queue("providers.html", r.newPage(providersPath, "Providers", "providers"))
	for _, pr := range s.Providers {
		p := r.newPage(providerPath(pr.Slug), pr.Name, "providers")
		p.Provider = pr
		r.queue("provider.html", p)
	}
	for _, t := range s.Topics {
		p := r.newPage(topicPath(t.Name), "Topic: "+t.Name, "codes")
		p.Topic = t
		r.queue("topic.html", p)
	}
	if s.Tiers != nil {
		r.queue("tiers.html", r.newPage(tiersPath, "Messaging limits (tiers)", "tiers"))
	}
	if s.Quality != nil {
		r.queue("quality.html", r.newPage(qualityPath, "Quality rating", "quality"))
	}
	for _, pg := range s.Pages {
		p := r.newPage(contentPath(pg.Slug), pg.Title, pg.Slug)
		p.Page = pg
		p.Description = pg.Description
		p.Topic = s.Topic(pg.Slug)
		r.queue("page.html", p)
	}
	r.queue("whofixes.html", r.newPage(whoFixesPath, "Who fixes what", "who-fixes"))
	r.queue("changes.html", r.newPage(changesPath, "What changed", "changes"))
	r.queue("search.html", r.newPage(searchPath, "Search", "search"))
	r.queue("404.html", r.newPage(notFoundFile, "Page not found", ""))
}

// generated makes the files that are not pages: codes.json, the search index, the sitemap,
// robots.txt and .nojekyll.
func (r *builder) generated() (Files, error) {
	files, err := buildSearchIndex(r.site)
	if err != nil {
		return nil, err
	}
	if files[codesJSONFile], err = r.codesJSON(); err != nil {
		return nil, err
	}
	files[".nojekyll"] = []byte{}
	files["sitemap.xml"] = r.sitemap()
	files["robots.txt"] = r.robots()
	if desc := r.openSearch(); desc != nil {
		files[openSearchFile] = desc
	}
	if feed := r.atomFeed(); feed != nil {
		files[changesFeed] = feed
	}
	return files, nil
}

func (r *builder) robots() []byte {
	if r.opt.NoIndex {
		return []byte("# An internal help site: please do not index it.\nUser-agent: *\nDisallow: /\n")
	}
	base := r.opt.BaseURL
	if base == "" {
		return []byte("User-agent: *\nAllow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml\n")
}

// renderJob is one page to render: its template, its output path and its data.
type renderJob struct {
	tmpl, out string
	page      *page
}

// queue adds a page to the ones render renders, written to its path's file.
func (r *builder) queue(tmpl string, p *page) {
	if r.tmpl[tmpl] == nil {
		return // its parse error is already reported
	}
	out := fileOf(p.Path)
	if p.Path == notFoundFile {
		out = notFoundFile
	}
	r.jobs = append(r.jobs, &renderJob{tmpl: tmpl, out: out, page: p})
}

// execute renders a page into buf.
func (r *builder) execute(job *renderJob, buf *bytes.Buffer) *Error {
	p, err := job.page.prepared()
	if err == nil {
		err = r.tmpl[job.tmpl].ExecuteTemplate(buf, "base.html", p)
	}
	if err != nil {
		pos, format, arg := templateErrorPos(r.opt.Templates, job.tmpl, err)
		if !strings.Contains(err.Error(), job.tmpl+":") {
			pos, format, arg = templateErrorPos(r.opt.Templates, "base.html", err)
		}
		return &Error{Pos: pos, Msg: fmt.Sprintf(format+" (rendering %s)", arg, job.out)}
	}
	return nil
}

// plainSummary is the first sentence-ish of a code's summary without Markdown, for the
// description meta tag.
func plainSummary(c *Code) string {
	// strings.Join(strings.Fields(…), " ") without the list; and the Replacer only where it
	// has something to replace, since it copies the text regardless.
	s := oneSpaced(c.Summary)
	if strings.ContainsAny(s, "`*_") {
		s = descriptionMarks.Replace(s)
	}
	if len(s) > 200 {
		cut := strings.LastIndexByte(s[:200], ' ')
		if cut < 100 {
			cut = 200
		}
		s = s[:cut] + "…"
	}
	return s
}

func (r *builder) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	base := r.opt.BaseURL
	if base == "" {
		base = "/"
	}
	var pages []*renderJob
	for _, job := range r.jobs {
		if job.page.Path != notFoundFile {
			pages = append(pages, job)
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].out < pages[j].out })
	for _, job := range pages {
		loc := base + job.page.Path
		fmt.Fprintf(&b, "  <url><loc>%s</loc></url>\n", template.HTMLEscapeString(loc))
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Layered is a file system made of layers; Origin says which layer holds a file, for error
// messages that must name the file a person can open.
type Layered interface {
	fs.FS
	Origin(name string) string
}
