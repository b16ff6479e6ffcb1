package generator

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseGitLog(t *testing.T) {
	out := "\x00aaa1\x1f2026-11-20T10:00:00+01:00\x1fFix 131047: the window\x1fis 24 hours\n\ndata/codes/131047.toml\ndata/providers/acme.toml\n" +
		"\x00bogus header\n\ndata/codes/1.toml\n" +
		"\x00bbb2\x1f2025-01-02T03:04:05Z\x1fAdd 470\n\ndata/codes/131047.toml\ndata/codes/470.toml\n" +
		"\x00ccc3\x1f2024-05-06T07:08:09Z\x1fA commit that touched nothing here\n"
	commits := parseGitLog([]byte(out))
	var b strings.Builder
	for _, c := range commits {
		fmt.Fprintf(&b, "%s %s %q %v\n", c.Hash, c.Date.Format(time.RFC3339), c.Subject, c.Files)
	}
	want := `aaa1 2026-11-20T09:00:00Z "Fix 131047: the window\x1fis 24 hours" [data/codes/131047.toml data/providers/acme.toml]
bbb2 2025-01-02T03:04:05Z "Add 470" [data/codes/131047.toml data/codes/470.toml]
ccc3 2024-05-06T07:08:09Z "A commit that touched nothing here" []
`
	if b.String() != want {
		t.Errorf("parseGitLog:\n%s\nwant:\n%s", b.String(), want)
	}
	got := lastChanged(commits)
	wantDates := map[string]string{
		"data/codes/131047.toml":   "2026-11-20T09:00:00Z", // the newest commit wins
		"data/providers/acme.toml": "2026-11-20T09:00:00Z",
		"data/codes/470.toml":      "2025-01-02T03:04:05Z",
	}
	if len(got) != len(wantDates) {
		t.Fatalf("got %d files, want %d: %v", len(got), len(wantDates), got)
	}
	for file, w := range wantDates {
		if g := got[file].Format(time.RFC3339); g != w {
			t.Errorf("%s: got %s, want %s", file, g, w)
		}
	}
}

func TestEditLinksAndStaleness(t *testing.T) {
	changed := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	files := buildFixture(t, Options{
		Settings: Settings{RepoURL: "https://github.com/org/kb", Branch: "main", NoIndex: true},
		History: History{Changed: map[string]time.Time{
			"data/codes/131047.toml":   changed,
			"data/providers/acme.toml": changed, // Acme's source was read 2026-11-01: fresh
		}},
	})
	page := string(files["codes/131047/index.html"])
	for _, want := range []string{
		`Last changed 2026-11-20 · <a href="https://github.com/org/kb/edit/main/data/codes/131047.toml">Edit this entry</a>`,
		`<meta name="robots" content="noindex, nofollow">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("code page does not contain %q", want)
		}
	}
	if strings.Contains(page, "Possibly stale") {
		t.Error("a source read 19 days before the change is marked stale")
	}
	if !strings.Contains(string(files["robots.txt"]), "Disallow: /") {
		t.Error("robots.txt does not disallow indexing")
	}

	stale := buildFixture(t, Options{History: History{Changed: map[string]time.Time{
		"data/providers/acme.toml": time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC),
	}}})
	if !strings.Contains(string(stale["codes/131047/index.html"]), "Possibly stale") ||
		!strings.Contains(string(stale["providers/acme/index.html"]), "Possibly stale") {
		t.Error("a source read 7 months before the file's change is not marked stale")
	}
	missing := buildFixture(t, Options{History: History{Missing: "shallow clone"}})
	if !strings.Contains(string(missing["codes/131047/index.html"]), "Last change: date unknown: shallow clone") {
		t.Error("a missing history is not explained")
	}
}
