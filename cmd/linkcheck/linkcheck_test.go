package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

func TestLinksInString(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"no links here", nil},
		{"see [Meta](https://developers.facebook.com/docs/x) for more", []string{"https://developers.facebook.com/docs/x"}},
		{"two: ([a#1](https://github.com/a/b/issues/1), [c](http://c.example.org/p?q=1&r=2)).", []string{"https://github.com/a/b/issues/1", "http://c.example.org/p?q=1&r=2"}},
		{"a link [split\nover lines](https://metastatus.com/whatsapp-business-api) still counts", []string{"https://metastatus.com/whatsapp-business-api"}},
		{"a bare address https://example.com/files/a.pdf is an example, not a source", nil},
		{`"details": "accept the terms: https://fb.me/12345"`, nil},
		{"[relative](../window/) and [mail](mailto:a@b.c) are not external", nil},
	} {
		if got := linksInString(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("linksInString(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLinksInMarkdown(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Check [Meta's status page](https://metastatus.com/whatsapp-business-api) first.", []string{"https://metastatus.com/whatsapp-business-api"}},
		{"An autolink <https://a.test/x> and a bare one: https://b.test/y.", []string{"https://a.test/x", "https://b.test/y"}},
		{"**https://c.test/z**, then `code`", []string{"https://c.test/z"}},
		{"[page\n](https://d.test/p#part)", []string{"https://d.test/p#part"}},
		{"nothing external: [home](../)", nil},
	} {
		if got := linksInMarkdown(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("linksInMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLinksInTOML(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"source keys", `
support_url = "https://support.a.test"
status_url = "https://status.a.test"
[[source]]
url = "https://docs.a.test/errors"
title = "https://not-a-source-key.test"
`, []string{"https://docs.a.test/errors", "https://status.a.test", "https://support.a.test"}},
		{"checked_against", `
checked_on = 2026-11-30
checked_against = "https://developers.facebook.com/documentation/x"
`, []string{"https://developers.facebook.com/documentation/x"}},
		{"links in strings, lists and tables", `
summary = "See [the guide](https://guide.test/a)."
causes = ["one ([issue](https://github.com/o/r/issues/1))", "two"]
[[errors]]
notes = """
Longer, with [a link](https://b.test/c)
on a second line."""
`, []string{"https://b.test/c", "https://github.com/o/r/issues/1", "https://guide.test/a"}},
		{"example payloads are not sources", `
[[example]]
body = '{"details": "Request for https://example.com/a.pdf failed"}'
`, nil},
		{"a source key that is not an address", `url = "see below"`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var doc map[string]any
			if _, err := toml.Decode(tc.in, &doc); err != nil {
				t.Fatal(err)
			}
			got := linksInTOML(doc, "")
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCollect(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "data/codes/131047.toml", "title = \"x\"\n\nchecked_against = \"https://developers.facebook.com/docs/errors#codes\"\n")
	writeFile(t, root, "data/providers/a.toml", "[[source]]\nurl = \"https://docs.a.test/errors\"\n[[errors]]\nnote = \"as [Meta says](https://developers.facebook.com/docs/errors)\"\n")
	writeFile(t, root, "data/README.md", "url = \"https://…\"  # documentation, not data\n")
	writeFile(t, root, "data/providers/b.toml", "support_url = \"https://www.example.org/help\"\nnote = \"[a sample](https://example.com/x)\"\n")
	writeFile(t, root, "content/window.md", "+++\ntitle = \"w\"\n+++\nSee <https://docs.a.test/errors>.\n")
	links, err := Collect(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range links {
		got = append(got, l.URL+" "+strings.Join(l.CitedIn, ","))
	}
	want := []string{
		"https://developers.facebook.com/docs/errors data/codes/131047.toml:3,data/providers/a.toml:4",
		"https://docs.a.test/errors data/providers/a.toml:2,content/window.md:4",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Collect:\n got %q\nwant %q", got, want)
	}
}

func TestLineOf(t *testing.T) {
	text := "a = \"https://d.test/errors/messages\"\nb = \"https://d.test/errors\"\nc = \"see https://d.test/x.\"\n"
	for s, want := range map[string]int{
		"https://d.test/errors/messages": 1,
		"https://d.test/errors":          2, // not the start of line 1's longer address
		"https://d.test/x":               3, // a full stop ends it
		"https://d.test/missing":         1,
	} {
		if got := lineOf(text, s); got != want {
			t.Errorf("lineOf(%q) = %d, want %d", s, got, want)
		}
	}
}

func writeFile(t *testing.T, root, name, text string) {
	t.Helper()
	p := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// server answers like the sites the checker meets: fine, moved, gone, rate-limited, slow,
// refusing HEAD, and failing once before it answers.
func server(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var onceBusy atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/busy-once", func(w http.ResponseWriter, r *http.Request) {
		if onceBusy.Add(1) <= 2 { // the HEAD and the GET of the first try
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &onceBusy
}

// fastChecker has short timeouts and waits, so the whole suite stays well under a second
// or two.
func fastChecker() *Checker {
	return newChecker(0, 200*time.Millisecond, 2, 10*time.Millisecond)
}

func TestCheck(t *testing.T) {
	srv, _ := server(t)
	for _, tc := range []struct {
		path     string
		verdict  Verdict
		status   int
		attempts int
		location string
		err      string
	}{
		{"/ok", OK, 200, 1, "", ""},
		{"/moved", Moved, 301, 1, srv.URL + "/ok", ""},
		{"/gone", Broken, 404, 2, "", ""},       // HEAD, then GET; no retry
		{"/busy", Flaky, 429, 6, "", ""},        // HEAD and GET, three times
		{"/slow", Flaky, 0, 3, "", "timed out"}, // HEAD only, three times
		{"/no-head", OK, 200, 2, "", ""},        // HEAD refused, GET fine
		{"/busy-once", OK, 200, 3, "", ""},      // 503 twice, then fine on the retry
		{"/forbidden", Odd, 403, 2, "", ""},     // reported, not retried
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := fastChecker().Check(Link{URL: srv.URL + tc.path})
			if r.Verdict != tc.verdict || r.Status != tc.status || r.Attempts != tc.attempts || r.Location != tc.location || r.Error != tc.err {
				t.Errorf("got %v, status %d, %d requests, location %q, error %q; want %v, %d, %d, %q, %q",
					r.Verdict, r.Status, r.Attempts, r.Location, r.Error, tc.verdict, tc.status, tc.attempts, tc.location, tc.err)
			}
		})
	}
}

// fakeClock stands in for time.Now and time.Sleep: sleeping moves it on at once, and it
// notes every sleep.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) Sleep(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d > 0 {
		f.t = f.t.Add(d)
		f.sleeps = append(f.sleeps, d)
	}
}

// sendTimes is a transport that notes the clock's time as each request leaves.
type sendTimes struct {
	mu    sync.Mutex
	clock *fakeClock
	times []time.Time
}

func (s *sendTimes) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.times = append(s.times, s.clock.Now())
	s.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

// TestGap: requests to one host are at least Gap apart, retries included.
func TestGap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/busy" {
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer srv.Close()
	const gap = time.Second
	clock := &fakeClock{t: time.Unix(0, 0)}
	sent := &sendTimes{clock: clock}
	c := newChecker(gap, time.Second, 1, time.Millisecond)
	c.Now, c.Sleep, c.Client.Transport = clock.Now, clock.Sleep, sent
	links := []Link{{URL: srv.URL + "/a"}, {URL: srv.URL + "/b"}, {URL: srv.URL + "/busy"}}
	results := c.CheckAll(links, nil)
	if results[2].Verdict != Flaky {
		t.Fatalf("/busy: %v", results[2].Verdict)
	}
	if len(sent.times) != 6 { // /a, /b, then /busy's HEAD and GET twice
		t.Fatalf("%d requests, want 6", len(sent.times))
	}
	for i := 1; i < len(sent.times); i++ {
		if d := sent.times[i].Sub(sent.times[i-1]); d < gap {
			t.Errorf("requests %d and %d were %v apart, want at least %v", i-1, i, d, gap)
		}
	}
}

// TestBackoff: the tries of a temporary failure are Backoff, then 2×Backoff apart.
func TestBackoff(t *testing.T) {
	var heads atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			heads.Add(1)
		}
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	clock := &fakeClock{t: time.Unix(0, 0)}
	c := newChecker(0, time.Second, 2, 5*time.Second)
	c.Now, c.Sleep = clock.Now, clock.Sleep
	r := c.Check(Link{URL: srv.URL})
	if r.Verdict != Flaky || heads.Load() != 3 {
		t.Fatalf("%v after %d tries, want flaky after 3", r.Verdict, heads.Load())
	}
	if want := []time.Duration{5 * time.Second, 10 * time.Second}; !slices.Equal(clock.sleeps, want) {
		t.Errorf("waited %v, want %v", clock.sleeps, want)
	}
}

// TestDeadHost: after two links a host did not answer at all, its other links are not tried.
func TestDeadHost(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	dead := srv.URL
	srv.Close() // connections are now refused
	var links []Link
	for _, p := range []string{"/a", "/b", "/c", "/d"} {
		links = append(links, Link{URL: dead + p})
	}
	results := fastChecker().CheckAll(links, nil)
	for i, r := range results {
		tried := r.Attempts > 0
		if r.Verdict != Flaky || tried != (i < 2) {
			t.Errorf("%s: %v after %d requests (%s)", r.URL, r.Verdict, r.Attempts, r.Error)
		}
	}
}

func TestHostList(t *testing.T) {
	p := filepath.Join(t.TempDir(), "flaky.txt")
	os.WriteFile(p, []byte("# robots are turned away\nDevelopers.Facebook.com\n\nstatus.test  # sometimes down\n"), 0o644)
	list, err := ReadHostList(p)
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]bool{
		"developers.facebook.com":    true,
		"a.developers.facebook.com":  true,
		"facebook.com":               false,
		"notdevelopers.facebook.com": false,
		"status.test":                true,
		"docs.a.test":                false,
	} {
		if got := list.Has(host); got != want {
			t.Errorf("Has(%q) = %v, want %v", host, got, want)
		}
	}
	if _, err := ReadHostList(filepath.Join(t.TempDir(), "missing.txt")); err != nil {
		t.Errorf("a missing list is empty, got %v", err)
	}
	os.WriteFile(p, []byte("https://developers.facebook.com/docs\n"), 0o644)
	if _, err := ReadHostList(p); err == nil {
		t.Error("an address instead of a host name: no error")
	}
}

// TestRun: the exit status says whether something needs a person, and the report says what.
func TestRun(t *testing.T) {
	srv, _ := server(t)
	host := strings.TrimPrefix(srv.URL, "http://")
	hostname, _, _ := strings.Cut(host, ":")
	for _, tc := range []struct {
		name     string
		paths    []string
		flaky    string
		stale    []string
		want     int
		contains []string
	}{
		{"all fine", []string{"/ok", "/moved"}, "", nil, 0,
			[]string{"**Nothing needs a person.**", "### Moved", srv.URL + "/ok"}},
		{"a broken link", []string{"/ok", "/gone"}, "", nil, 1,
			[]string{"**Needs a person:** 1 broken link, 0 code files", "### Broken links", srv.URL + "/gone | 404 Not Found | data/providers/p.toml:"}},
		{"flaky is not failing", []string{"/busy", "/slow"}, "", nil, 0,
			[]string{"**Nothing needs a person.**", "### Could not be checked", "429 Too Many Requests", "timed out"}},
		{"broken on a known-flaky host", []string{"/gone"}, hostname + "\n", nil, 0,
			[]string{"**Nothing needs a person.**", "known-flaky host"}},
		{"stale codes", []string{"/ok"}, "", []string{"echo", "data/codes/131047.toml: checked 2026-01-02, 332 days ago"}, 1,
			[]string{"0 broken links, 1 code file to check", "- data/codes/131047.toml: checked 2026-01-02"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			var toml strings.Builder
			for _, p := range tc.paths {
				toml.WriteString("[[source]]\nurl = \"" + srv.URL + p + "\"\n")
			}
			writeFile(t, root, "data/providers/p.toml", toml.String())
			writeFile(t, root, ".github/flaky-hosts.txt", tc.flaky)
			cfg := config{root: root, flaky: ".github/flaky-hosts.txt", stale: tc.stale, checker: fastChecker(), now: time.Now()}
			report, code, err := cfg.check()
			if err != nil {
				t.Fatal(err)
			}
			if code != tc.want {
				t.Errorf("exit status %d, want %d", code, tc.want)
			}
			for _, s := range tc.contains {
				if !strings.Contains(report, s) {
					t.Errorf("report lacks %q:\n%s", s, report)
				}
			}
		})
	}
}

// TestSummary: with $GITHUB_STEP_SUMMARY set the report goes there, not to stdout.
func TestSummary(t *testing.T) {
	p := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", p)
	var out, errs strings.Builder
	if code := write("## the report\n", 1, &out, &errs); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "## the report\n" || strings.Contains(out.String(), "## the report") {
		t.Errorf("summary %q, stdout %q", got, out.String())
	}
}
