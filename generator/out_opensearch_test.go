package generator

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOpenSearchShortName(t *testing.T) {
	tests := []struct{ title, want string }{
		{"KB", "KB"},
		{"Sixteen chars ok", "Sixteen chars ok"},
		{"WhatsApp error codes", "WhatsApp error"},
		{"Supercalifragilisticexpialidocious", "Supercalifragili"},
		{"Ação rápida de erros", "Ação rápida de"},
	}
	for _, tt := range tests {
		got := openSearchShortName(tt.title)
		if got != tt.want || utf8.RuneCountInString(got) > 16 {
			t.Errorf("openSearchShortName(%q) = %q, want %q (at most 16 characters)", tt.title, got, tt.want)
		}
	}
}

// TestOpenSearch: with a base URL, every page links to opensearch.xml and the description
// sends queries to the search page by absolute address; without one, neither exists.
func TestOpenSearch(t *testing.T) {
	files := buildFixture(t, Options{Settings: Settings{BaseURL: "https://org.example/kb/", Title: "Errors & more"}})
	desc, ok := files["opensearch.xml"]
	if !ok {
		t.Fatal("opensearch.xml was not written with a base URL")
	}
	var d struct {
		XMLName   xml.Name `xml:"http://a9.com/-/spec/opensearch/1.1/ OpenSearchDescription"`
		ShortName string   `xml:"ShortName"`
		Encoding  string   `xml:"InputEncoding"`
		URLs      []struct {
			Type     string `xml:"type,attr"`
			Rel      string `xml:"rel,attr"`
			Template string `xml:"template,attr"`
		} `xml:"Url"`
	}
	if err := xml.Unmarshal(desc, &d); err != nil {
		t.Fatalf("opensearch.xml is not well-formed: %v\n%s", err, desc)
	}
	if d.ShortName != "Errors & more" || d.Encoding != "UTF-8" {
		t.Errorf("ShortName %q, InputEncoding %q", d.ShortName, d.Encoding)
	}
	want := map[string]string{
		"text/html":                             "https://org.example/kb/search/?q={searchTerms}",
		"application/opensearchdescription+xml": "https://org.example/kb/opensearch.xml",
	}
	for _, u := range d.URLs {
		if want[u.Type] != u.Template {
			t.Errorf("Url %s: template %q, want %q", u.Type, u.Template, want[u.Type])
		}
		delete(want, u.Type)
	}
	if len(want) != 0 {
		t.Errorf("missing Url elements: %v", want)
	}
	link := `<link rel="search" type="application/opensearchdescription+xml" href="/kb/opensearch.xml" title="Errors &amp; more">`
	for _, name := range []string{"index.html", "codes/131047/index.html", "providers/acme/index.html", "404.html", "search/index.html"} {
		if !strings.Contains(string(files[name]), link) {
			t.Errorf("%s does not link the OpenSearch description", name)
		}
	}

	relative := buildFixture(t, Options{})
	if _, ok := relative["opensearch.xml"]; ok {
		t.Error("opensearch.xml was written without a base URL (its addresses must be absolute)")
	}
	if strings.Contains(string(relative["index.html"]), "opensearchdescription") {
		t.Error("a page links an OpenSearch description that was not written")
	}
}
