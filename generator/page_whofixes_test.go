package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFixGroups(t *testing.T) {
	code := func(key, class string, fix ...string) *Code {
		return &Code{Key: key, Facts: Facts{Class: class, FixBy: fix}}
	}
	codes := []*Code{
		code("1", "request", "you"),
		code("2", "fatal", "meta", "you"),
		code("3", "context", "recipient"),
		code("4", "", "you"),
		code("5", "temporary"),
		code("6", "fatal", "you"),
	}
	// Fixers and classes in the vocabularies' order (not the data's), a code with two
	// fixers under both, unclassified codes last, no fixer in "not-stated", empty groups out.
	want := "you 4: fatal[2 6] request[1] [4]\n" +
		"meta 1: fatal[2]\n" +
		"recipient 1: context[3]\n" +
		"not-stated 1: temporary[5]\n"
	var b strings.Builder
	for _, g := range fixGroups(codes) {
		fmt.Fprintf(&b, "%s %d:", g.Who, g.Total)
		for _, c := range g.Classes {
			var keys []string
			for _, code := range c.Codes {
				keys = append(keys, code.Key)
			}
			fmt.Fprintf(&b, " %s%v", c.Class, keys)
		}
		b.WriteString("\n")
	}
	if b.String() != want {
		t.Errorf("fixGroups:\n%s\nwant:\n%s", b.String(), want)
	}
	if g := fixGroups(codes)[0]; g.Label != "Your team" || g.Count("fatal") != 2 || g.Count("registration") != 0 {
		t.Errorf("group %s: label %q, fatal %d, registration %d", g.Who, g.Label, g.Count("fatal"), g.Count("registration"))
	}
}

// TestWhoFixesRealSite: on the real data every code is on /who-fixes/ once under each of its
// fixers, each with its class; every provider's contact and escalation items are there.
func TestWhoFixesRealSite(t *testing.T) {
	site := loadRealSite(t)
	page := string(renderReal(t, site, Options{})["who-fixes/index.html"])
	section := func(id string) string {
		i := strings.Index(page, `<h2 id="`+id+`">`)
		if i < 0 {
			return ""
		}
		rest := page[i:]
		if j := strings.Index(rest, "</section>"); j >= 0 {
			rest = rest[:j]
		}
		return rest
	}
	for _, c := range site.Codes {
		link := `<a class="code" href="../codes/` + c.Key + `/">` + c.Key + `</a>`
		fixers := c.FixBy
		if len(fixers) == 0 {
			fixers = []string{fixNotStated}
		}
		for _, who := range fixers {
			s := section(who)
			class := c.Class
			if class == "" {
				class = "unclassified"
			}
			at := strings.Index(s, `<h3 id="`+who+`-`+class+`">`)
			if at < 0 || strings.Count(s, link) != 1 || !strings.Contains(s[at:], link) {
				t.Errorf("%s (%s, %s) is not listed once under %s, %s", c.Key, strings.Join(c.FixBy, "+"), c.Class, who, class)
			}
		}
	}
	if strings.Count(page, "<h3 id=\"p-") != len(site.Providers) {
		t.Errorf("%d provider contacts, want %d", strings.Count(page, "<h3 id=\"p-"), len(site.Providers))
	}
	for _, p := range site.Providers {
		if !strings.Contains(page, template.HTMLEscapeString(p.Support)) {
			t.Errorf("%s: support %q missing", p.Slug, p.Support)
		}
		for _, e := range p.Escalation {
			// Inline Markdown: compare the words, without code marks.
			if w := strings.Fields(strings.ReplaceAll(e, "`", ""))[0]; !strings.Contains(page, w) {
				t.Errorf("%s: escalation item %q missing", p.Slug, e)
			}
		}
	}
	for _, want := range []string{"fbtrace_id", "phone number ID", "WABA", "time of the failure", "message ID", "complete error payload"} {
		if !strings.Contains(section("contacts"), want) {
			t.Errorf("what Meta asks for does not mention %q", want)
		}
	}
	if !strings.Contains(string(renderReal(t, site, Options{})["escalation/index.html"]), `href="../who-fixes/"`) {
		t.Error("the escalation guide does not link to /who-fixes/")
	}
}

// triageGolden are the triage pages' goldens, from testdata/site.txtar.
var triageGolden = []string{"who-fixes/index.html", "changes/index.html"}

func TestTriageGolden(t *testing.T) {
	files := buildFixture(t, Options{})
	for _, name := range triageGolden {
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
		if *update {
			if err := os.WriteFile(golden, files[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(files[name], want) {
			t.Errorf("%s differs from %s; run go test -update and review the diff", name, golden)
		}
	}
}
