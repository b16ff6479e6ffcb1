package generator

import (
	"strings"
	"testing"
)

func TestResolveLink(t *testing.T) {
	tests := []struct {
		page, href, base string
		target, frag     string
		inside           bool
	}{
		{"codes/470/index.html", "../../codes/131047/", "", "codes/131047/index.html", "", true},
		{"codes/470/index.html", "../../providers/aircall/#line-offline", "", "providers/aircall/index.html", "line-offline", true},
		{"codes/470/index.html", "../../", "", "index.html", "", true},
		{"codes/470/index.html", "../../../x/", "", "../x/index.html", "", true},
		{"codes/470/index.html", "#causes", "", "codes/470/index.html", "causes", true},
		{"codes/470/index.html", "./", "", "codes/470/index.html", "", true},
		{"codes/index.html", "../static/style.css?v=1", "", "static/style.css", "", true},
		{"index.html", "a/../b/", "", "b/index.html", "", true},
		{"index.html", "codes/%31%33/", "", "codes/13/index.html", "", true},
		{"404.html", "/codes/", "", "codes/index.html", "", true},
		{"codes/index.html", "/kb/codes/470/", "/kb/", "codes/470/index.html", "", true},
		{"codes/index.html", "/other/", "/kb/", "/other/", "", true},
		{"index.html", "https://example.com/", "", "", "", false},
		{"index.html", "//example.com/", "", "", "", false},
		{"index.html", "mailto:support@example.com", "", "", "", false},
		{"index.html", "JavaScript:alert(1)", "", "", "", false},
	}
	for _, tt := range tests {
		target, frag, inside := resolveLink(tt.page, tt.href, tt.base)
		if inside != tt.inside || inside && (target != tt.target || frag != tt.frag) {
			t.Errorf("resolveLink(%q, %q, %q) = %q, %q, %v; want %q, %q, %v",
				tt.page, tt.href, tt.base, target, frag, inside, tt.target, tt.frag, tt.inside)
		}
	}
}

// TestLinkChecker checks links as the templates write them, escaped: &amp; in an href or
// an id is the & of the file name or anchor, and a link to a missing #anchor is reported.
func TestLinkChecker(t *testing.T) {
	lc := newLinkChecker(map[string]bool{"index.html": true, "q&a/index.html": true}, "")
	lc.checkPage("q&a/index.html", []byte(`<h2 id="why&amp;how">x</h2> <a href="#why&amp;how">here</a>`))
	lc.checkPage("index.html", []byte(`<a href="q&amp;a/">q</a> <a href="q&amp;a/#why&amp;how">why</a> <a href="q&amp;a/#who">who</a>`))
	got := lc.finish(nil).Error()
	want := `index.html: broken link "q&a/#who": q&a/index.html has no id "who"`
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestHasID checks the lookup in a page's ids, kept as one string: an id matches whole, not
// as a part of another id or across two.
func TestHasID(t *testing.T) {
	ids := "\x00cause-a\x00ticket\x00st-x-code-1\x00"
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"cause-a", true}, {"ticket", true}, {"st-x-code-1", true},
		{"cause", false}, {"a", false}, {"icket", false}, {"ticke", false}, {"code-1", false},
		{"cause-a\x00ticket", false}, {"", false}, {"x", false},
	} {
		if got := hasID(ids, tc.id); got != tc.want {
			t.Errorf("hasID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
	if hasID("", "a") || hasID("\x00", "a") {
		t.Error("a page without ids has one")
	}
}

// TestPlainLinkExists checks the checker's short cut against resolveLink: whatever link it
// settles must be one that resolveLink resolves to an existing file without a fragment.
func TestPlainLinkExists(t *testing.T) {
	exists := map[string]bool{"index.html": true, "codes/470/index.html": true, "codes/index.html": true, "static/style.css": true, "404.html": true}
	lc := newLinkChecker(exists, "")
	pages := []string{"index.html", "404.html", "codes/index.html", "codes/470/index.html"}
	hrefs := []string{
		"", "./", "../", "../../", "../../../", "codes/470/", "../codes/470/", "../../codes/470/",
		"../../../codes/470/", "../../codes/470", "../../codes/471/", "../../static/style.css",
		"../../static/style.css?v=1", "../../codes/470/#causes", "#causes", "/codes/470/",
		"//codes/470/", "../..//codes/470/", "../../codes/./470/", "../../codes/%34%37%30/",
		"../../codes/x&amp;y/", "../../mailto:x", "static/style.css", "../static/style.css", "404.html",
	}
	for _, page := range pages {
		depth := strings.Count(page, "/")
		for _, href := range hrefs {
			if !lc.plainLinkExists(depth, []byte(href)) {
				continue
			}
			target, frag, ok := resolveLink(page, href, "")
			if !ok || frag != "" || !exists[target] {
				t.Errorf("on %s, %q passes the short cut but resolves to %q, %q, %v", page, href, target, frag, ok)
			}
		}
	}
	if !lc.plainLinkExists(2, []byte("../../codes/470/")) || !lc.plainLinkExists(0, []byte("static/style.css")) {
		t.Error("the short cut misses the common links")
	}
}
