package generator

import (
	"html/template"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The guides (content/*.md) are written by hand and name codes, providers and figures that
// the data also holds. These tests hold them to the data, so a guide cannot go on saying
// what a data change has made untrue. (The rate-limits page has its own, TestRateLimits….)

// providerMentions finds "Aircall's 403", "Gupshup 1005", "63016 with Aircall" and "131045
// (Aircall)": a provider named with one of its numbers.
func providerMentions(site *Site, text string) [][2]string {
	var names []string
	for _, p := range site.Providers {
		names = append(names, regexp.QuoteMeta(p.Name))
	}
	alt := "(" + strings.Join(names, "|") + ")"
	before := regexp.MustCompile(alt + `(?:'s)? (\d{3,6})\b`)
	after := regexp.MustCompile(`\b(\d{3,6})(?: \(| with | at )` + alt + `\b`)
	var out [][2]string
	for _, m := range before.FindAllStringSubmatch(text, -1) {
		out = append(out, [2]string{m[1], m[2]})
	}
	for _, m := range after.FindAllStringSubmatch(text, -1) {
		out = append(out, [2]string{m[2], m[1]})
	}
	return out
}

// providerHas reports whether the data has the provider report the number: an entry of its
// own with that code or that HTTP status.
func providerHas(site *Site, name, code string) bool {
	for _, p := range site.Providers {
		if p.Name != name {
			continue
		}
		for _, e := range p.Entries {
			if e.Code == code || strconv.Itoa(e.HTTPStatus) == code {
				return true
			}
		}
	}
	return false
}

func TestGuidesNameProviderCodesTheDataHas(t *testing.T) {
	site := loadRealSite(t)
	checked := 0
	for _, pg := range site.Pages {
		for _, m := range providerMentions(site, pg.Body) {
			checked++
			if !providerHas(site, m[0], m[1]) {
				t.Errorf("%s names %s's %s, which %s's data does not have", pg.File, m[0], m[1], m[0])
			}
		}
	}
	if checked < 3 {
		t.Fatalf("only %d provider codes found in the guides: the patterns no longer read them", checked)
	}
	// The rule itself: a wrong pairing fails.
	if m := providerMentions(site, "With Aircall, 63016 with Gupshup"); len(m) != 1 || providerHas(site, m[0][0], m[0][1]) {
		t.Errorf("a made-up pairing is not caught: %v", m)
	}
}

// TestEscalationTableAgreesWithFixBy: each row of the escalation guide's table says who acts
// on its codes; the codes' fix_by must include that party.
func TestEscalationTableAgreesWithFixBy(t *testing.T) {
	site := loadRealSite(t)
	md, err := os.ReadFile("../content/escalation.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(md), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if !strings.HasPrefix(line, "| ") || len(cells) != 3 || strings.HasPrefix(cells[1], "---") || cells[0] == "situation" {
			continue
		}
		rows++
		who := escalationParty(cells[2])
		if who == "" {
			t.Errorf("escalation row %q: cannot tell who acts from %q", cells[0], cells[2])
			continue
		}
		for _, num := range regexp.MustCompile(`\b\d{2,6}\b`).FindAllString(cells[1], -1) {
			if regexp.MustCompile(`'s `+num+`\b|`+num+` \(`).MatchString(cells[1]) && providerMentionsAny(site, cells[1], num) {
				continue // a provider's own number, checked by TestGuidesNameProviderCodesTheDataHas
			}
			c := site.Code(num)
			if c == nil || !c.HasFile() {
				t.Errorf("escalation row %q: %s has no code file", cells[0], num)
				continue
			}
			if !slices.Contains(c.FixBy, who) {
				t.Errorf("escalation row %q says %q acts on %s; its fix_by is %v", cells[0], who, num, c.FixBy)
			}
		}
	}
	if rows < 5 {
		t.Fatalf("only %d rows read from the escalation table", rows)
	}
}

func providerMentionsAny(site *Site, text, num string) bool {
	for _, m := range providerMentions(site, text) {
		if m[1] == num {
			return true
		}
	}
	return false
}

// escalationParty reads the "who acts" cell as a fix_by value.
func escalationParty(cell string) string {
	switch {
	case strings.HasPrefix(cell, "you"):
		return "you"
	case strings.HasPrefix(cell, "the recipient"):
		return "recipient"
	case strings.HasPrefix(cell, "the provider"):
		return "provider"
	case strings.HasPrefix(cell, "wait"), strings.HasPrefix(cell, "Meta"):
		return "meta"
	}
	return ""
}

// TestEscalationWaitsAgreeWithData: "15 minutes for codes 1011 and 408" and "131000, 1000
// and 1023: wait 10 minutes" in a provider's section must be what that provider's entries
// for those codes say.
func TestEscalationWaitsAgreeWithData(t *testing.T) {
	site := loadRealSite(t)
	var body string
	for _, pg := range site.Pages {
		if pg.Slug == "escalation" {
			body = pg.Body
		}
	}
	waitFor := regexp.MustCompile(`(\d+) (minutes?|hours?) for codes? ([\d, and]+\d)`)
	codesWait := regexp.MustCompile(`([\d, and]+\d): wait (\d+) (minutes?|hours?)`)
	found := 0
	for _, section := range strings.Split(body, "\n## ")[1:] {
		name, _, _ := strings.Cut(section, "\n")
		var prov *Provider
		for _, p := range site.Providers {
			if p.Name == name {
				prov = p
			}
		}
		check := func(fig, unit, list string) {
			found++
			for _, num := range regexp.MustCompile(`\d+`).FindAllString(list, -1) {
				if !statesWait(site, prov, num, fig, unit) {
					t.Errorf("escalation, %s: %s %s for %s is not what the data says", name, fig, unit, num)
				}
			}
		}
		for _, m := range waitFor.FindAllStringSubmatch(section, -1) {
			check(m[1], m[2], m[3])
		}
		for _, m := range codesWait.FindAllStringSubmatch(section, -1) {
			check(m[2], m[3], m[1])
		}
	}
	if found < 2 {
		t.Fatalf("only %d waits read from the escalation guide", found)
	}
}

// statesWait reports whether the provider's entries for a code (or, with no provider, the
// code's file) give that wait, in retry_after or in their text.
func statesWait(site *Site, p *Provider, code, fig, unit string) bool {
	n, _ := strconv.Atoi(fig)
	unit = strings.TrimSuffix(unit, "s")
	forms := []string{fig + " " + unit, fig + "-" + unit, fig + unit[:1]}
	if unit == "minute" {
		forms = append(forms, fig+" min", fig+"m")
	}
	var texts []string
	if p != nil {
		for _, e := range p.Entries {
			if e.Code == code {
				texts = append(texts, e.Meaning, e.Action, e.RetryAfter)
			}
		}
	} else if c := site.Code(code); c != nil {
		texts = append(texts, codeText(c), c.RetryAfter)
	}
	all := strings.Join(texts, "\n")
	for _, f := range forms {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(f) + `\b`).MatchString(all) {
			return n > 0
		}
	}
	return false
}

// TestListsComeFromTheData: the window page's table of closed-window codes has every code
// and provider entry the data gives that condition (131047, its equivalents, and the
// providers' own numbers that name them), and the home page names every provider.
func TestListsComeFromTheData(t *testing.T) {
	site := loadRealSite(t)
	files := renderReal(t, site, Options{})
	window := string(files["window/index.html"])
	_, table, ok := strings.Cut(window, `id="closed-codes"`)
	if !ok {
		t.Fatal("the window page has no table of closed-window codes")
	}
	table, _, _ = strings.Cut(table, "</table>")
	want := 0
	for _, key := range []string{windowClosedCode, "470", "63016"} {
		c := site.Code(key)
		if !strings.Contains(table, ">"+key+"</a>") {
			t.Errorf("the closed-window table lacks %s", key)
		}
		for _, e := range c.Entries {
			want++
			if !strings.Contains(table, e.Provider.Name) {
				t.Errorf("the closed-window table does not name %s, which reports %s", e.Provider.Name, key)
			}
		}
		for _, e := range c.ScopedElsewhere() {
			want++
			if !strings.Contains(table, ">"+e.Provider.Name+" "+e.Code+"</a>") {
				t.Errorf("the closed-window table lacks %s %s, which the data maps to %s", e.Provider.Name, e.Code, key)
			}
		}
	}
	if want < 8 {
		t.Errorf("only %d provider rows for the closed window in the data: the test reads the wrong codes", want)
	}
	home := string(files["index.html"])
	for _, p := range site.Providers {
		if !strings.Contains(home, `>`+template.HTMLEscapeString(p.Name)+`</a>`) {
			t.Errorf("the home page does not name the provider %s", p.Name)
		}
	}
}
