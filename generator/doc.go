// Package generator turns the knowledge base's data (TOML in data/) and pages (Markdown in
// content/) into a static HTML site. The format of the data is documented in data/README.md.
//
// # Pipeline
//
// Data flows one way, one stage a file:
//
//	Load (load.go, locate.go)    read and decode every file, validate it, report problems
//	                             with their file:line:column
//	link (link.go)               build the model: the code pages (code files and every code a
//	                             provider lists), each code's provider statements, equivalent
//	                             and related codes from both ends, disagreements, codes by
//	                             HTTP status and topic
//	Render (render.go, view.go)  execute the templates for every page; Markdown (markdown.go)
//	                             with code auto-linking; payloads highlighted (highlight.go);
//	                             codes.json (json.go); the search index (search.go)
//	checkLinks (links.go)        every internal href, src and #anchor must resolve
//	Write, Build (write.go, build.go)
//	                             fill a folder beside the output, then swap it in
//
// Build streams pages to disk as they render; Render keeps them in memory (check, tests).
// serve (serve.go) loads through a Cache (cache.go) that re-reads only changed files, and
// serves a Preview (preview.go) that renders each page when it is asked for.
//
// # Templates
//
// base.html frames every page and defines the shared pieces: "site-header", "site-footer",
// "badges", "codes-table", "codes-row", "code-chip" and "file-meta". Pieces that many pages
// show are rendered once and reused (page.fragment): the header and footer once per section
// and link prefix, a code's row or chip once per code, badges once per verdict, a file's
// line once per file; so each receives only what it may depend on. Each page template
// defines "main":
//
//	home.html       /                      codes.html      /codes/
//	code.html       /codes/<code>/         statuses.html   /http/
//	status.html     /http/<status>/        providers.html  /providers/
//	provider.html   /providers/<slug>/     tiers.html      /tiers/
//	quality.html    /quality/              topic.html      /topics/<topic>/
//	page.html       /<slug>/ (content)     search.html     /search/
//	404.html        /404.html
//
// Templates receive a *page. Its fields: Site, Path, Title, Description, Section, and one
// of Code, Provider, Status, Topic, Page. Its methods make links and text relative to the
// page, so every link goes through them: URL, CodeURL, ProviderURL, StatusURL, EntryURL,
// TopicURL, Canonical, Markdown, Inline, Highlight, Fragment, Badges, CodeRow, CodeChips,
// Table, FileMeta, Changed, EditURL, HistoryNote, Stale, SameStatus, Classes, TopicCodes,
// LegacyTiers, EntryCount, Number, DocumentTitle, MetaDescription, SiteTitle, NoIndex.
//
// # Template functions
//
//	join         strings.Join
//	classLabel   "fatal" -> "Fatal"; classHelp: what the class means
//	retryLabel   retry and retry_after -> "Retry after 10 minutes"
//	fixLabels    ["you", "meta"] -> "Your team, Meta"
//	apiLabel     "onprem" -> "On-Premises API"
//	kindLabel    "bsp" -> "Business Solution Provider"
//	duration     "24h" -> "24 hours"
//	date         a time as 2006-01-02
//	entryFacts   an entry's class, retry and fixer in one line
//	inc          n + 1
package generator
