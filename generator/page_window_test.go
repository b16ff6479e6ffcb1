package generator

import (
	"encoding/xml"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestWindowSVG: the timeline is the same on every build, well-formed, announced as one
// image with a real text alternative, and coloured only through currentColor and classes
// that style.css colours from its theme variables, so it is right in dark mode too.
func TestWindowSVG(t *testing.T) {
	svg := windowSVG()
	if again := windowSVG(); again != svg {
		t.Fatal("two renderings of the timeline differ")
	}
	// Well-formed, and the title and description it names are there with text.
	dec := xml.NewDecoder(strings.NewReader(svg))
	texts := map[string]string{}
	var inID string
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("the SVG is not well-formed: %v", err)
			}
			break
		}
		switch el := tok.(type) {
		case xml.StartElement:
			inID = ""
			for _, a := range el.Attr {
				if a.Name.Local == "id" {
					inID = a.Value
				}
				if a.Name.Local == "style" {
					t.Errorf("<%s style=…>: the page's CSP refuses inline styles", el.Name.Local)
				}
			}
		case xml.CharData:
			if inID != "" {
				texts[inID] += string(el)
			}
		case xml.EndElement:
			inID = ""
		}
	}
	if !strings.HasPrefix(svg, "<svg ") || !strings.Contains(svg[:strings.Index(svg, ">")], `role="img"`) {
		t.Errorf("the SVG is not role=img: %.120s", svg)
	}
	m := regexp.MustCompile(`aria-labelledby="([^"]+)"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatal("the SVG has no aria-labelledby")
	}
	for _, id := range strings.Fields(m[1]) {
		if len(strings.Fields(texts[id])) < 5 {
			t.Errorf("aria-labelledby names %q, whose text is %q", id, texts[id])
		}
	}
	// The text alternative tells the whole story, with the numbers the picture shows.
	desc := texts["tl-desc"]
	for _, want := range []string{"customer writes", "window of 24 hours opens", "customer calls", "24 hours start again", "closes at hour 40 instead of hour 24", "fails with error 131047", "template", "new window", "free entry point window of 72 hours", "2025"} {
		if !strings.Contains(desc, want) {
			t.Errorf("the description does not say %q:\n%s", want, desc)
		}
	}
	// No fixed colours: only currentColor and none in attributes, classes for the rest.
	if c := regexp.MustCompile(`#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(`).FindString(svg); c != "" {
		t.Errorf("the SVG has a fixed colour %q", c)
	}
	for _, a := range regexp.MustCompile(`\b(fill|stroke|color|stop-color)="([^"]*)"`).FindAllStringSubmatch(svg, -1) {
		if a[2] != "currentColor" && a[2] != "none" {
			t.Errorf("%s=%q: use currentColor or a class", a[1], a[2])
		}
	}
	css, err := os.ReadFile("../static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range regexp.MustCompile(`class="(tl-[a-z]+)"`).FindAllStringSubmatch(svg, -1) {
		rule := regexp.MustCompile(`\.` + c[1] + ` \{([^}]*)\}`).FindSubmatch(css)
		if rule == nil {
			t.Errorf("class %s has no rule in style.css", c[1])
			continue
		}
		if regexp.MustCompile(`#[0-9a-fA-F]{3,8}\b|rgba?\(`).Match(rule[1]) || !strings.Contains(string(rule[1]), "var(--") {
			t.Errorf("style.css colours .%s without the theme's variables: %s", c[1], rule[1])
		}
	}
}

// TestWindowPageAgrees: the numbers the picture, the worked example and window.js use are
// the ones content/window.md states, and the codes come from the data: 131047 and its
// equivalents, each named by its API or its providers.
func TestWindowPageAgrees(t *testing.T) {
	md, err := os.ReadFile("../content/window.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"It stays open for 24 hours", "*latest* message or call", "Calling API", "Under the 2025 rules it lasted 72 hours"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("content/window.md no longer says %q: check serviceWindow and freeEntryWindow in page_window.go", want)
		}
	}
	if serviceWindow.Hours() != 24 || freeEntryWindow.Hours() != 72 {
		t.Errorf("windows of %v and %v, window.md says 24 and 72 hours", serviceWindow, freeEntryWindow)
	}
	site := loadRealSite(t)
	p := &page{Site: site}
	var got []string
	for _, c := range p.WindowCodes() {
		got = append(got, c.Code.Key+" "+c.By)
	}
	want := []string{"131047 Cloud API", "470 On-Premises API", "63016 Aircall, Twilio"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("window codes %q, want %q", got, want)
	}
	ex := p.WindowExample()
	if ex.Wrote != "Monday 2 March 2026, 09:15 UTC" || ex.Closes != "Tuesday 3 March 2026, 09:15 UTC" || ex.Tried != "Tuesday 3 March 2026, 10:00 UTC" {
		t.Errorf("worked example %+v", ex)
	}
}

// TestAndList joins the providers that pass a code on as a sentence does.
func TestAndList(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"Acme"}, "Acme"},
		{[]string{"Acme", "Bird"}, "Acme and Bird"},
		{[]string{"Acme", "Bird", "Gupshup"}, "Acme, Bird and Gupshup"},
	} {
		if got := andList(c.names); got != c.want {
			t.Errorf("andList(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}
