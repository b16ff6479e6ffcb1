package generator

import (
	"strings"
	"testing"
	"time"
)

func TestParseGitLog(t *testing.T) {
	out := "\x002026-11-20T10:00:00+01:00\n\ndata/codes/131047.toml\ndata/providers/acme.toml\n" +
		"\x002025-01-02T03:04:05Z\n\ndata/codes/131047.toml\ndata/codes/470.toml\n"
	got := parseGitLog([]byte(out))
	want := map[string]string{
		"data/codes/131047.toml":   "2026-11-20T09:00:00Z", // the newest commit wins
		"data/providers/acme.toml": "2026-11-20T09:00:00Z",
		"data/codes/470.toml":      "2025-01-02T03:04:05Z",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d files, want %d: %v", len(got), len(want), got)
	}
	for file, w := range want {
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
