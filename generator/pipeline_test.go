package generator

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// goldenPages are one page of every kind, rendered from testdata/site.txtar.
var goldenPages = []string{
	"index.html", "codes/index.html", "codes/131047/index.html", "codes/470/index.html", "codes/63016/index.html",
	"http/index.html", "http/400/index.html", "providers/index.html", "providers/acme/index.html",
	"tiers/index.html", "quality/index.html", "window/index.html", "topics/templates/index.html",
	"search/index.html", "404.html", "sitemap.xml", "codes.json",
}

func TestGolden(t *testing.T) {
	files := buildFixture(t, Options{})
	for _, name := range goldenPages {
		t.Run(name, func(t *testing.T) {
			got, ok := files[name]
			if !ok {
				t.Fatalf("%s was not written", name)
			}
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run go test -update and review the diff", name, golden)
			}
		})
	}
}

func buildFixture(t *testing.T, opt Options) Files {
	t.Helper()
	files, err := build(t, archiveFiles(readArchive(t, "testdata/site.txtar")), opt)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestRenderFacts(t *testing.T) {
	files := buildFixture(t, Options{})
	tests := []struct {
		file, want string
	}{
		// Raw HTML in the data is shown as text, never run.
		{"codes/131047/index.html", "&lt;script&gt;window.injected = 1&lt;/script&gt;"},
		// Code mentions link, from both ends.
		{"codes/131047/index.html", `error <a href="../../codes/470/" title="Re-engagement message">470</a>`},
		{"codes/470/index.html", `<a class="code" href="../../codes/131047/">131047</a>`},
		{"codes/131047/index.html", `<a class="code" href="../../codes/63016/">63016</a>`},
		{"codes/131026/index.html", `<a class="code" href="../../codes/131047/">131047</a>`},
		// Root links in Markdown follow the page.
		{"codes/131047/index.html", `<a href="../../window/">the window</a>`},
		// A detected disagreement is shown plainly.
		{"codes/131047/index.html", "<strong>HTTP status:</strong> Meta&#39;s reference: 400; Acme: 200."},
		// Code spans stay text; plain mentions link; headings get ids.
		{"window/index.html", "<code>131047</code> in code stays text"},
		{"window/index.html", `<h2 id="when-it-opens">`},
		// Uncoded entries are addressable on the provider page and on their status page.
		{"providers/acme/index.html", `<tr id="line-not-configured">`},
		{"http/400/index.html", `href="../../providers/acme/#line-not-configured"`},
		{"http/200/index.html", `href="../../codes/131047/"`},
		// Payloads are highlighted with classes.
		{"codes/131047/index.html", `<span class="nt">&#34;fbtrace_id&#34;</span>`},
		{"static/highlight.css", "@media (prefers-color-scheme: dark)"},
		// A provider's own number stays on its page and joins the code it names, never the
		// platform code with the same number.
		{"codes/131026/index.html", `<a href="../../providers/acme/">Acme</a> <span class="code">470</span>: Quota exceeded</h3>`},
		{"codes/131026/index.html", `<a class="code" href="../../providers/acme/#code-470">470</a> Quota exceeded <span class="muted">(Acme's own code)</span>`},
		{"providers/acme/index.html", `<span class="code">470</span> Quota exceeded`},
		// Legacy tiers link to the provider that still shows them.
		{"tiers/index.html", `<a href="../providers/acme/">Acme</a>`},
	}
	for _, tc := range tests {
		if got := string(files[tc.file]); !strings.Contains(got, tc.want) {
			t.Errorf("%s does not contain %q", tc.file, tc.want)
		}
	}
	if strings.Contains(string(files["codes/470/index.html"]), `href="../../codes/470/"`) {
		t.Error("a code page links a mention of its own code to itself")
	}
	if strings.Contains(string(files["codes/470/index.html"]), "Quota exceeded") {
		t.Error("a provider's own code 470 joined Meta's 470 page")
	}
	if strings.Contains(string(files["codes/131047/index.html"]), "<script>window") {
		t.Error("raw <script> from the data reached the page")
	}
}

func TestBaseURL(t *testing.T) {
	files := buildFixture(t, Options{Settings: Settings{BaseURL: "https://org.github.io/kb/"}})
	page := string(files["codes/131047/index.html"])
	for _, want := range []string{
		`href="/kb/codes/470/"`,
		`<link rel="canonical" href="https://org.github.io/kb/codes/131047/">`,
		`href="/kb/static/style.css"`,
		// A link pasted into Slack or Teams previews with the page's title, meaning and address.
		`<meta property="og:url" content="https://org.github.io/kb/codes/131047/">`,
		`<meta property="og:title" content="131047 `,
		`<meta property="og:description" content="`,
		`<meta property="og:site_name" content="`,
		`<meta name="twitter:card" content="summary">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page does not contain %q", want)
		}
	}
	if !strings.Contains(string(files["404.html"]), `href="/kb/codes/"`) {
		t.Error("404.html links are not absolute from the base URL")
	}
	if !strings.Contains(string(files["sitemap.xml"]), "<loc>https://org.github.io/kb/codes/131047/</loc>") {
		t.Error("sitemap.xml has no absolute URLs")
	}
	// codes.json is read from anywhere, so its addresses start at the base path.
	for _, want := range []string{`"url": "/kb/codes/131047/"`, `"url": "/kb/providers/acme/"`, `"url": "/kb/providers/acme/#line-not-configured"`} {
		if !strings.Contains(string(files["codes.json"]), want) {
			t.Errorf("codes.json does not contain %s", want)
		}
	}
}

// TestDeterministic builds the fixture ten times, on 1, 2 and 8 threads, and checks every
// build is byte for byte the first. Two builds alone would pass an output written in map
// order (codes.json from a map of codes) about half the time; ten pass it almost never.
func TestDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	first := buildFixture(t, Options{})
	for i := range 9 {
		runtime.GOMAXPROCS([]int{1, 2, 8}[i%3])
		again := buildFixture(t, Options{})
		if len(again) != len(first) {
			t.Fatalf("build %d: %d files, the first %d", i+2, len(again), len(first))
		}
		for _, name := range first.Paths() {
			if !bytes.Equal(first[name], again[name]) {
				t.Fatalf("build %d on %d threads: %s differs from the first build", i+2, runtime.GOMAXPROCS(0), name)
			}
		}
	}
}

// TestBuildCases builds each testdata/build case, which must succeed; an optional "want"
// file lists lines "<output file> contains <text>".
func TestBuildCases(t *testing.T) {
	paths, _ := filepath.Glob("testdata/build/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/build")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a := readArchive(t, path)
			files, err := build(t, archiveFiles(a), Options{})
			if err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			want, _ := a.file("want")
			for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
				name, text, ok := strings.Cut(line, " contains ")
				if !ok {
					continue
				}
				if !strings.Contains(string(files[name]), text) {
					t.Errorf("%s does not contain %q", name, text)
				}
			}
			for name, data := range files {
				if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte("\r")) {
					t.Errorf("%s has a carriage return", name)
				}
			}
		})
	}
}

// TestDocumentTitle checks the browser title stays within 70 characters as the page writes
// them: an apostrophe is escaped to &#39;, which HTML checkers count as five.
func TestDocumentTitle(t *testing.T) {
	r := &builder{opt: Options{Settings: Settings{Title: "WhatsApp error codes"}}}
	tests := []struct{ title, want string }{
		{"131047 Re-engagement message", "131047 Re-engagement message · WhatsApp error codes"},
		// 69 characters as text, 73 as written: the site's name goes.
		{"472 User's number is part of a Meta experiment", "472 User's number is part of a Meta experiment"},
		{"2388091 This phone number isn't eligible to receive/verify a registration code since it is not being migrated.", "2388091 This phone number isn't eligible to receive/verify a regi…"},
	}
	for _, tc := range tests {
		p := &page{r: r, Title: tc.title}
		got := p.documentTitle()
		if got != tc.want {
			t.Errorf("DocumentTitle(%q) = %q, want %q", tc.title, got, tc.want)
		}
		if n := len([]rune(template.HTMLEscapeString(got))); n > 70 {
			t.Errorf("DocumentTitle(%q) is %d characters as written, over 70", tc.title, n)
		}
	}
}

// TestReservedSlugs: every folder a build writes is a content page's or one a content page
// cannot take, so a folder added to the generator cannot be overwritten by a page of that name.
func TestReservedSlugs(t *testing.T) {
	fixture := archiveFiles(readArchive(t, "testdata/site.txtar"))
	site, err := Load(input(fixture))
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]bool{}
	for _, pg := range site.Pages {
		pages[pg.Slug] = true
	}
	files, err := build(t, fixture, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if folder, _, ok := strings.Cut(name, "/"); ok && !pages[folder] && !reservedSlug(folder) {
			t.Errorf("%s is written, but a content page can be named %q", name, folder)
		}
	}
	if !reservedSlug("404") || reservedSlug("window") {
		t.Error(`reservedSlug: want "404" taken (404.html) and "window" free`)
	}
}
