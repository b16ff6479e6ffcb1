package generator

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRetryLabel checks the wait as a page says it: whole days from two days up, then
// hours, minutes and seconds, the largest unit that divides it ("10h" is never "600
// minutes"), and a duration in no whole unit as written.
func TestRetryLabel(t *testing.T) {
	durations := []struct{ in, want string }{
		{"10h", "10 hours"},
		{"1h", "1 hour"},
		{"24h", "24 hours"},
		{"48h", "2 days"},
		{"72h", "3 days"},
		{"60h", "60 hours"},
		{"10m", "10 minutes"},
		{"1m", "1 minute"},
		{"90m", "90 minutes"},
		{"1h30m", "90 minutes"},
		{"30s", "30 seconds"},
		{"1s", "1 second"},
		{"1.5s", "1.5s"},
		{"soon", "soon"},
	}
	for _, tc := range durations {
		if got := humanDuration(tc.in); got != tc.want {
			t.Errorf("humanDuration(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	labels := []struct{ retry, after, want string }{
		{"yes", "10h", "Retry after 10 hours"},
		{"yes", "", retries.label("yes")},
		{"backoff", "1m", retries.label("backoff") + ", from 1 minute"},
		{"no", "", retries.label("no")},
		{"", "", "Retry unknown"},
	}
	for _, tc := range labels {
		if got := retryLabel(tc.retry, tc.after); got != tc.want {
			t.Errorf("retryLabel(%q, %q) = %q, want %q", tc.retry, tc.after, got, tc.want)
		}
	}
}

// TestWithoutCommentLines: a script's comment-only lines are not published; code, and a
// comment after code, are kept as they were.
func TestWithoutCommentLines(t *testing.T) {
	in := "// why\n(function () {\n  // more why\n  var a = 1; // kept\n  var u = \"http://x\";\n})();\n"
	want := "(function () {\n  var a = 1; // kept\n  var u = \"http://x\";\n})();\n"
	if got := string(withoutCommentLines([]byte(in))); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestJoinedScripts: search.js is published as the search engine and the page's side joined,
// in that order, without their comment-only lines; the parts are not published, and a
// static/search.js beside them, or a missing part, is an error.
func TestJoinedScripts(t *testing.T) {
	parts := fstest.MapFS{
		"search-engine.js": {Data: []byte("// the engine\nvar SearchEngine = 1;\n")},
		"search-shell.js":  {Data: []byte("// the page\nSearchEngine++;\n")},
		"copy.js":          {Data: []byte("copy();\n")},
	}
	r := &builder{opt: Options{Static: parts}, static: Files{}}
	if err := r.copyStatic(); err != nil {
		t.Fatal(err)
	}
	if got, want := string(r.static["static/search.js"]), "var SearchEngine = 1;\nSearchEngine++;\n"; got != want {
		t.Errorf("search.js: got %q, want %q", got, want)
	}
	for _, part := range []string{"static/search-engine.js", "static/search-shell.js"} {
		if _, ok := r.static[part]; ok {
			t.Errorf("%s is published", part)
		}
	}
	if r.static["static/copy.js"] == nil {
		t.Error("copy.js is not published")
	}
	for name, fsys := range map[string]fstest.MapFS{
		"static/search.js: published joined from search-engine.js and search-shell.js": {"search.js": {}, "search-engine.js": {}, "search-shell.js": {}},
		"static/search-shell.js: missing":                                              {"search-engine.js": {}},
	} {
		r := &builder{opt: Options{Static: fsys}, static: Files{}}
		if err := r.copyStatic(); err == nil || !strings.HasPrefix(err.Error(), name) {
			t.Errorf("got %v, want an error starting %q", err, name)
		}
	}
}
