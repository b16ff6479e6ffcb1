// Package generator turns the knowledge base's data (TOML in data/) and pages (Markdown in
// content/) into a static HTML site. The format of the data is documented in data/README.md.
//
// # Pipeline
//
// Data flows one way; a file's name says its stage (load*, model*, pipeline.go, page*, out_*):
//
//	Load (load*.go)         walk data/ and content/, decode every file with positions
//	                        (internal/tomlpos), validate it (facts.go: the verdict and its
//	                        vocabularies; load_keys.go: codes), report every problem with
//	                        its file:line:column (one file per kind: load_code.go,
//	                        load_provider.go, load_pages.go; shared checks in
//	                        load_checks.go); git history in load_history.go
//	link (model_link.go)    build the model: the code pages (code files and every code a
//	                        provider lists), each code's provider statements, equivalent
//	                        and related codes from both ends, disagreements, codes by HTTP
//	                        status and topic; "often confused" in model_confusion.go
//	render (pipeline.go)    one stage for every command: render each page (page.go and
//	                        page_*.go; Markdown with code auto-linking in markdown.go,
//	                        payloads in highlight.go), check its links as it is rendered
//	                        (linkcheck.go), and hand it to a destination; the generated
//	                        files (out_codesjson.go, out_opensearch.go, and out_search.go,
//	                        which hands internal/searchindex the documents to index) too
//	destinations            Build: a staging folder swapped in at the end (write.go);
//	(pipeline.go)           renderFiles: memory (tests); Check: nothing (check, serve)
//
// No page of a build is kept after it is handed over, so check and build use the same memory.
// serve (internal/devserver, wired in main.go) loads through a Cache (cache.go) that re-reads
// only changed files, and serves a Preview (preview.go) that renders each page when it is
// asked for, then runs Check in the background. stale.go lists code files not checked
// against Meta lately.
//
// Positions and errors (Pos, Error, ErrorList in errors.go) are the TOML decoder's, from
// internal/tomlpos; neither internal package imports this one.
//
// # Templates
//
// base.html frames every page and defines the shared pieces: "head-links", "site-header",
// "site-footer", "badges", "codes-table", "codes-row", "verdict-cells", "code-chip",
// "related-item", "equivalent-item", "status-link", "topic-link" and "file-meta". Pieces
// that many pages show are rendered once per link prefix and reused (page.fragment): the
// links in the head, the header and footer once per section, a code's row, chip or link
// once per code (page.codePieces), a status's or topic's link once per status or topic,
// badges and a row's verdict cells once per verdict, a provider file's line once per file;
// so each receives only what it may depend on. Each page template
// defines "main":
//
//	home.html       /                      codes.html      /codes/
//	code.html       /codes/<code>/         statuses.html   /http/
//	status.html     /http/<status>/        providers.html  /providers/
//	provider.html   /providers/<slug>/     tiers.html      /tiers/
//	quality.html    /quality/              topic.html      /topics/<topic>/
//	page.html       /<slug>/ (content)     search.html     /search/
//	404.html        /404.html              whofixes.html   /who-fixes/
//	changes.html    /changes/ (and its Atom feed, page_changes.go)
//
// Templates receive a *page. Its fields: Site, Path, Title, Description, Section, and one
// of Code, Provider, Status, Topic, Page; set as the page is rendered (page.prepared), so
// that templates read them rather than call a method through reflection at every use:
// DocumentTitle, MetaDescription, Canonical, SiteTitle, NoIndex, OpenSearchURL, FeedURL,
// and on code pages Lead, CustomerReply, TicketNote, Contents, Causes, NumberCheck,
// SameStatus, DisagreementTopics, and the Markdown and lists the page shows, rendered:
// LeadAction, ReplyHTML, SummaryHTML, Actions, Statements, EquivalentItems, RelatedItems,
// FileMetas (page_code.go). Its methods make links and text relative
// to the page, so every link goes through them (the addresses themselves are in paths.go):
// Link ("codes", "search": the generated pages by name), Content, Static, URL, CodeURL,
// ProviderURL, StatusURL, EntryURL,
// TopicURL, TopicLink, Markdown, Inline, Highlight, Fragment, Badges, VerdictCells,
// CodeRow, CodeChips, CodeList, StatusLink, Table, FileMeta, Changed, EditURL, HistoryNote, Stale, Classes, TopicCodes,
// LegacyTiers, EntryCount, Number; on guides Headings; on /window/ WindowCodes, WindowClosedTable, WindowExample, WindowHours, WindowSVG; on /tiers/ TierSteps, UsageDays, RaiseHours, PathDays, ReviewedStep; on the home page CommonCodes; on
// /who-fixes/ FixGroups, ClassNames, MetaProvider, ContactsOf;
// on /changes/ Changes, ChangeWeeks, ChangesTotal, HistoryMissing, HistoryURL, CommitURL.
//
// # Template functions
//
//	join         strings.Join
//	classLabel   "fatal" -> "Fatal"; classHelp: what the class means; classWords: the
//	             same in a few words for a badge ("the conversation's state blocks it")
//	retryLabel   retry and retry_after -> "Retry after 10 minutes"
//	fixLabels    ["you", "meta"] -> "Your team, Meta"
//	apiLabel     "onprem" -> "On-Premises API"
//	kindLabel    "bsp" -> "Business Solution Provider"
//	duration     "24h" -> "24 hours"
//	date         a time as 2006-01-02
//	entryFacts   an entry's class, retry and fixer in one line
//	inc          n + 1
package generator
