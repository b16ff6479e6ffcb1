package main

// Checks that the tools the web uses make on the built site: htmltest, html-validate,
// axe-core in Chromium, and a page-weight budget. They need tools that scripts/test
// installs; when one is missing the test fails and says how to get it.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// builtSite is the real site, built once under the sub-path /kb/ and served locally, as
// GitHub Pages serves a project site.
type builtSite struct {
	root string // folder served at the server's root; the site is in root/kb
	url  string // http://127.0.0.1:port/kb/
}

var (
	siteOnce sync.Once
	site     builtSite
	siteErr  error
)

func checkedSite(t *testing.T) builtSite {
	t.Helper()
	siteOnce.Do(func() {
		root, err := os.MkdirTemp("", "kb-site-")
		if err != nil {
			siteErr = err
			return
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(root)))
		site = builtSite{root: root, url: srv.URL + "/kb/"}
		var stdout, stderr bytes.Buffer
		if run([]string{"build", "--out", filepath.Join(root, "kb"), "--base-url", site.url}, &stdout, &stderr) != 0 {
			siteErr = fmt.Errorf("build failed:\n%s", stderr.String())
			return
		}
		siteErr = reshard(filepath.Join(root, "kb", "search"))
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return site
}

// serveDir serves a folder on 127.0.0.1 for the test and returns its address, ending in /.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// tool finds an installed tool or fails the test with what to do. The quick loop, go test
// -short, skips every test that needs one, naming it.
func tool(t testing.TB, candidates ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("needs %s: go test -short leaves it out; scripts/test installs it and runs everything", filepath.Base(candidates[0]))
	}
	for _, c := range candidates {
		if strings.Contains(c, "/") {
			if _, err := os.Stat(c); err == nil {
				abs, _ := filepath.Abs(c)
				return abs
			}
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	t.Fatalf("%s is not installed: run scripts/test, which installs the pinned tools", candidates[0])
	return ""
}

func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return nil
	})
	sort.Strings(pages)
	if len(pages) == 0 {
		t.Fatalf("no pages in %s", dir)
	}
	return pages
}

func TestHTMLTest(t *testing.T) {
	s := checkedSite(t)
	bin := tool(t, ".tools/bin/htmltest", "htmltest")
	conf := filepath.Join(t.TempDir(), "htmltest.yml")
	os.WriteFile(conf, []byte(fmt.Sprintf("DirectoryPath: %q\nCheckExternal: false\nIgnoreAltMissing: false\nCheckFavicon: true\nEnforceHTML5: true\nOutputDir: %q\n", s.root, t.TempDir())), 0o644)
	out, err := exec.Command(bin, "--conf", conf).CombinedOutput()
	if err != nil {
		t.Fatalf("htmltest found problems:\n%s", out)
	}
	if !bytes.Contains(out, []byte("tested")) {
		t.Fatalf("htmltest printed no result:\n%s", out)
	}
	t.Logf("htmltest: %s", regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(string(out), ""))
}

func TestHTMLValidate(t *testing.T) {
	s := checkedSite(t)
	bin := tool(t, "node_modules/.bin/html-validate")
	pages := htmlPages(t, s.root)
	if len(pages) < 100 {
		t.Fatalf("only %d pages in the real site", len(pages))
	}
	cmd := exec.Command(bin, append([]string{"--config", ".htmlvalidate.json", "--formatter", "text"}, pages...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("html-validate on %d pages:\n%s", len(pages), out)
	}
	t.Logf("html-validate: %d pages, no errors", len(pages))
}

// TestPageWeight holds every page to 30 KB as it crosses the network: compressed, as GitHub
// Pages and any static host serve text, with the CSS and JavaScript it loads and the search
// script that the first keystroke in its search box loads (about 10 KB of it: it reads
// payloads in a dozen syntaxes). The search index is data that grows with the codes; its
// size is measured in BENCHMARKS.md, not here. Uncompressed size would mostly count the rows
// of the long tables (all codes, Vonage's 101 entries), which compress about eightfold. The
// pages that list every code grow with the data: when one passes the budget, split it.
// gathersProviders matches the pages that grow with the providers' statements: a provider's,
// /who-fixes/, a code's and an HTTP status's (not the lists /providers/ and /codes/).
var gathersProviders = regexp.MustCompile(`/kb/(providers|codes|http)/[^/]+/index\.html$|/kb/who-fixes/index\.html$`)

func TestPageWeight(t *testing.T) {
	// A provider's page is its whole error table, which grows as the table is completed
	// (Twilio's REST, sandbox and 63xxx errors; Infobip's delivery statuses), so it has a
	// budget of its own. A page with a tool carries its script: the window calculator its
	// list of time zones and their arithmetic, a code page its customer's-number check
	// (wintime.js and zones.js, numbers.js). /who-fixes/ gathers every provider's contacts,
	// so it grows with the list of providers as a provider's page grows with its table, and
	// has the same budget; so do a code's page, which quotes every provider's statement of
	// the code in full (site.md: title, status, meaning, action, source), and an HTTP
	// status's, which lists every entry that arrives with it (131026's page passed 30 KB when
	// twenty providers had a statement of it). Every other page stays within 30 KB. A tool's
	// page is 36 KB: the window calculator's page carries the time zones (4.6 KB compressed),
	// the search script and the site menu, which grows by a line with every guide, and at
	// 34 KB it was trimming its own sentences to make room for new guides elsewhere.
	const budget, providerBudget, toolBudget = 30 * 1024, 48 * 1024, 36 * 1024
	s := checkedSite(t)
	assets := regexp.MustCompile(`<(?:link rel="stylesheet" href|script src)="([^"]+)"`)
	base := strings.TrimPrefix(s.url, strings.TrimSuffix(s.url, "/kb/"))
	searchScript, err := os.ReadFile(filepath.Join(s.root, "kb", "static", "search.js"))
	if err != nil {
		t.Fatal(err)
	}
	heaviest, heaviestSize := "", 0
	for _, p := range htmlPages(t, s.root) {
		html, _ := os.ReadFile(p)
		size := compressedSize(html)
		for _, m := range assets.FindAllSubmatch(html, -1) {
			rel := strings.TrimPrefix(string(m[1]), base)
			b, err := os.ReadFile(filepath.Join(s.root, "kb", filepath.FromSlash(rel)))
			if err != nil {
				t.Errorf("%s loads %s, which is missing", p, m[1])
			}
			size += compressedSize(b)
			if strings.HasSuffix(rel, "search-boot.js") && !strings.Contains(string(html), "static/search.js") {
				size += compressedSize(searchScript) // loaded on the first keystroke
			}
		}
		limit := budget
		if gathersProviders.MatchString(filepath.ToSlash(p)) {
			limit = providerBudget
		}
		if bytes.Contains(html, []byte(`static/wintime.js"`)) || bytes.Contains(html, []byte(`static/numbers.js"`)) {
			limit = toolBudget
		}
		if size > limit {
			t.Errorf("%s weighs %d bytes compressed with its CSS and JavaScript, over %d", strings.TrimPrefix(p, s.root), size, limit)
		}
		if size > heaviestSize {
			heaviest, heaviestSize = strings.TrimPrefix(p, s.root), size
		}
	}
	t.Logf("heaviest page: %s, %d bytes compressed", heaviest, heaviestSize)
}

// compressedSize is the size of b gzipped at the default level, as web servers send it.
func compressedSize(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// browser starts a headless Chromium for a test: $CHROME when set (CI points it at the
// runner's Google Chrome), else $CHROME_BIN, else Debian's chromium or any Chrome on PATH.
func browser(t testing.TB) context.Context {
	t.Helper()
	var candidates []string
	for _, env := range []string{"CHROME", "CHROME_BIN"} {
		if p := os.Getenv(env); p != "" {
			candidates = append(candidates, p)
		}
	}
	candidates = append(candidates, "chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome")
	bin := tool(t, candidates...)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

func setColorScheme(ctx context.Context, scheme string) error {
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func TestAxe(t *testing.T) {
	s := checkedSite(t)
	axe, err := os.ReadFile(tool(t, "node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	pages := []string{"", "codes/", "codes/131047/", "providers/aircall/", "tiers/", "window/", "search/", "404.html", "search/?q=template+paused"}
	for _, scheme := range []string{"light", "dark"} {
		if err := setColorScheme(ctx, scheme); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(s.url+p)); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if strings.Contains(p, "?q=") {
				// Check the page with its results open, as an agent sees it.
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("[role=option]").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
					t.Fatalf("%s: no results to check", p)
				}
			}
			checkAxe(t, ctx, axe, "/"+p+" ("+scheme+")")
		}
	}
}

// checkAxe runs axe-core on the page open in ctx and reports each violation, the page named
// by where.
func checkAxe(t *testing.T, ctx context.Context, axe []byte, where string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
		t.Fatalf("injecting axe: %v", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`axe.run(document).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", where, err)
	}
	var violations []axeViolation
	if err := json.Unmarshal(raw, &violations); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	for _, v := range violations {
		for _, n := range v.Nodes {
			t.Errorf("%s: %s: %s at %v: %s", where, v.ID, v.Help, n.Target, n.HTML)
		}
	}
}

// TestWorkflow lints the workflows with actionlint, which runs shellcheck on their run:
// steps; without shellcheck those would go unchecked, so its absence fails too.
func TestWorkflow(t *testing.T) {
	bin := tool(t, ".tools/bin/actionlint", "actionlint")
	shellcheck := tool(t, "shellcheck")
	workflows, _ := filepath.Glob(".github/workflows/*.yml")
	if len(workflows) < 2 {
		t.Fatalf("workflows: %q, want pages.yml and stale.yml at least", workflows)
	}
	out, err := exec.Command(bin, append([]string{"-shellcheck", shellcheck}, workflows...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("actionlint:\n%s", out)
	}
}

// TestShellScripts lints the project's own scripts (the test command, CI's entry, the
// benchmarks, the mutation runners) with shellcheck: they run on machines nobody watches,
// where an unquoted path or a typo in a variable fails late and far from its cause.
func TestShellScripts(t *testing.T) {
	shellcheck := tool(t, "shellcheck")
	var scripts []string
	for _, pattern := range []string{"scripts/*", "bench/*", ".ci/*"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			head := make([]byte, 2)
			if file, err := os.Open(f); err == nil {
				file.Read(head)
				file.Close()
			}
			if string(head) == "#!" {
				scripts = append(scripts, f)
			}
		}
	}
	if len(scripts) < 8 {
		t.Fatalf("found %d scripts (%q), want scripts/test, .ci/run, bench/compare, bench/vs at least", len(scripts), scripts)
	}
	if out, err := exec.Command(shellcheck, scripts...).CombinedOutput(); err != nil {
		t.Fatalf("shellcheck:\n%s", out)
	}
}
