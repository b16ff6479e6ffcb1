package generator

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestPayloadWords(t *testing.T) {
	payload := `{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
	"error_data": {"messaging_product": "whatsapp", "details": "More than 24 hours have passed"}, "fbtrace_id": "Ab"}}`
	got := strings.Join(payloadWords(payload), " | ")
	if got != "(#131047) Re-engagement message | More than 24 hours have passed" {
		t.Errorf("payloadWords = %q", got)
	}
	webhook := `{"statuses": [{"errors": [{"code": 131026, "title": "Message undeliverable"}]}]}`
	if got := strings.Join(payloadWords(webhook), " | "); got != "Message undeliverable" {
		t.Errorf("payloadWords(webhook) = %q", got)
	}
}

// searchIndex is the part of search/index.json the tests read; internal/searchindex
// writes it.
type searchIndex struct {
	Docs   [][7]string `json:"docs"`
	RowsAt [][2]int    `json:"rowsAt"`
	Terms  []string    `json:"terms"`
	Shards []int       `json:"shards"`
}

// allNames is the names of a qualifier's word (internal/searchindex's titleBits).
const allNames = 1<<30 - 1

// decodeIndex reads search/index.json and its shards back into term -> doc -> names: 0 for
// a word of the text, 1 for the title, a bit of its own for each alias, allNames for a
// qualifier; with the providers' rows (rows.json) in their places among the documents, as
// the engine puts them.
func decodeIndex(t *testing.T, files Files) (searchIndex, map[string]map[int]int) {
	t.Helper()
	var idx searchIndex
	var rows [][3]json.RawMessage
	if err := json.Unmarshal(files["search/index.json"], &idx); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(files["search/rows.json"], &rows); err != nil || len(rows) != len(idx.RowsAt) {
		t.Fatalf("rows.json: %v, %d groups for %d", err, len(rows), len(idx.RowsAt))
	}
	for i, at := range idx.RowsAt {
		var prefix, listed string
		var group [][4]string
		for j, v := range []any{&prefix, &listed, &group} {
			if err := json.Unmarshal(rows[i][j], v); err != nil {
				t.Fatal(err)
			}
		}
		if len(group) != at[1] {
			t.Fatalf("rows.json group %d: %d rows, want %d", i, len(group), at[1])
		}
		for _, r := range group {
			idx.Docs = slices.Insert(idx.Docs, at[0], [7]string{prefix + r[0], "", r[1], r[2], r[3], listed, ""})
			at[0]++
		}
	}
	var post []string
	for i := range idx.Shards {
		var sh struct{ Post []string }
		if err := json.Unmarshal(files["search/post-"+strconv.Itoa(i)+".json"], &sh); err != nil {
			t.Fatal(err)
		}
		post = append(post, sh.Post...)
	}
	if len(post) != len(idx.Terms) {
		t.Fatalf("%d document lists for %d terms", len(post), len(idx.Terms))
	}
	out := map[string]map[int]int{}
	for i, term := range idx.Terms {
		out[term] = map[int]int{}
		doc := 0
		for _, s := range strings.Split(post[i], ",") {
			s, bits, named := strings.Cut(s, ".")
			v, err := strconv.ParseInt(s, 36, 64)
			if err != nil {
				t.Fatalf("term %q: %v", term, err)
			}
			doc += int(v >> 1)
			names := int64(v & 1)
			switch {
			case named && bits == "":
				names = allNames
			case named:
				if names, err = strconv.ParseInt(bits, 36, 64); err != nil {
					t.Fatalf("term %q: %v", term, err)
				}
			}
			out[term][doc] = int(names)
		}
	}
	return idx, out
}

func TestSearchIndex(t *testing.T) {
	files := buildFixture(t, Options{})
	idx, terms := decodeIndex(t, files)
	doc := func(url string) int {
		for i, d := range idx.Docs {
			if d[0] == url || d[0] == "" && "codes/"+d[1]+"/" == url {
				return i
			}
		}
		t.Fatalf("no document %s", url)
		return -1
	}
	// Codes come first, in code order.
	var codes []string
	for _, d := range idx.Docs {
		if d[1] != "" {
			codes = append(codes, d[1])
		}
	}
	if got := strings.Join(codes, " "); got != "470 63016 131026 131047" {
		t.Errorf("codes in the index: %q", got)
	}
	tests := []struct {
		term, url string
		names     int
	}{
		{"engagement", "codes/131047/", 1},                     // Meta's title
		{"window", "codes/63016/", 1},                          // the provider's title
		{"templat", "codes/131047/", 0},                        // an action
		{"configur", "providers/acme/#line-not-configured", 1}, // an uncoded entry
		{"400", "providers/acme/#line-not-configured", 0},      // its HTTP status
		{"messag", "providers/acme/", 0},                       // a FAQ question
		{"open", "window/", 1},                                 // a content page's heading
		{"customer", "window/", 0},                             // its text
		{"open", "window/#when-it-opens", 1},                   // the section under that heading
		{"customer", "window/#when-it-opens", 0},               // and its text
		{"bad", "http/400/", 1},                                // an HTTP status, by its name
		{"acm", "codes/63016/", allNames},                      // a provider's own code, by the provider, with any name
		{"acm", "codes/131047/", 0},                            // Meta's code, listed by the provider
	}
	for _, tc := range tests {
		d := doc(tc.url)
		f, ok := terms[tc.term][d]
		if !ok {
			t.Errorf("term %q does not lead to %s", tc.term, tc.url)
			continue
		}
		if f != tc.names {
			t.Errorf("term %q in %s: names %b, want %b", tc.term, tc.url, f, tc.names)
		}
	}
	// A guide's section is found at its heading's id on the rendered page.
	for _, d := range idx.Docs {
		page, id, ok := strings.Cut(d[0], "#")
		if ok && !strings.HasPrefix(page, "providers/") && !strings.Contains(string(files[page+"index.html"]), `id="`+id+`"`) {
			t.Errorf("section %s: no such id on %sindex.html", d[0], page)
		}
	}
	var eq map[string]string
	if err := json.Unmarshal(files["search/eq.json"], &eq); err != nil {
		t.Fatal(err)
	}
	if got := eq["131047"]; !strings.Contains(got, "470") {
		t.Errorf("equivalents of 131047 in the index: %q", got)
	}
	if _, ok := terms["oauthexception"]; ok {
		t.Error("payload JSON keys and types were indexed")
	}
	again := buildFixture(t, Options{})
	for name, b := range files {
		if strings.HasPrefix(name, "search/") && !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestSectionDocs: a guide's second- and third-level headings are documents of their own,
// each with the text up to the next heading; a numbered step, a heading that names a code
// and one that names a provider stay in the page; a reference page's sections, like any
// guide's, hold their text (the engine weighs them lower).
func TestSectionDocs(t *testing.T) {
	files := archiveFiles(readArchive(t, "testdata/site.txtar"))
	body := "Intro.\n\n## Why it opens\n\nA customer writes.\n\n### When it closes\n\nA day later.\n" +
		"## 2. Read the webhook\n\nStep text.\n\n## What 131047 means\n\nCode text.\n\n## Acme\n\nProvider text.\n\n#### Deep\n\nDeep text.\n"
	files["content/guide.md"] = "+++\ntitle = \"Guide\"\n+++\n" + body
	files["content/words.md"] = "+++\ntitle = \"Words\"\nreference = true\n+++\n## Window\n\nThe time to reply.\n"
	site, err := Load(input(files))
	if err != nil {
		t.Fatal(err)
	}
	type got struct{ URL, Title, Text string }
	read := func(slug string) []got {
		var out []got
		for _, d := range sectionDocs(site, site.Page(slug)) {
			out = append(out, got{d.URL, d.Title, strings.Join(d.Text, "|")})
		}
		return out
	}
	want := []got{
		{"guide/#why-it-opens", "Why it opens", "\nA customer writes.\n\n"},
		{"guide/#when-it-closes", "When it closes", "\nA day later.\n"},
	}
	if g := read("guide"); !reflect.DeepEqual(g, want) {
		t.Errorf("guide's sections:\n got %q\nwant %q", g, want)
	}
	if g := read("words"); !reflect.DeepEqual(g, []got{{"words/#window", "Window", "\nThe time to reply.\n"}}) {
		t.Errorf("reference page's sections: %q", g)
	}
}

// TestAliasesOfEveryLanguage: an alias in any of the format's languages names its page in
// the index, as an English one does, each alias as a name of its own: the engine gives a
// whole-title match only to words that one name holds together, not to words spread over
// several aliases.
func TestAliasesOfEveryLanguage(t *testing.T) {
	files := archiveFiles(readArchive(t, "testdata/site.txtar"))
	files["content/window.md"] = strings.Replace(files["content/window.md"], "+++\n## ", "[aliases]\nid = [\"qwzidu qwzboth\"]\nit = [\"qwzitu qwzboth\"]\n+++\n## ", 1)
	built, err := build(t, files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	idx, terms := decodeIndex(t, built)
	names := func(term string) int {
		for d, n := range terms[term] {
			if idx.Docs[d][0] == "window/" {
				return n
			}
		}
		return 0
	}
	id, it, both := names("qwzidu"), names("qwzitu"), names("qwzboth")
	for term, n := range map[string]int{"qwzidu": id, "qwzitu": it} {
		if n == 0 || n&1 != 0 || n&(n-1) != 0 {
			t.Errorf("alias %q names window/ as %b, want one bit of its own, not the title's", term, n)
		}
	}
	if id == it || both != id|it {
		t.Errorf("names of the two aliases' words: %b and %b, of the word both hold %b", id, it, both)
	}
}

// TestNamingWords: a provider is named by the words of its name that other names do not
// share, each once.
func TestNamingWords(t *testing.T) {
	for name, want := range map[string]string{
		"unoapi (unoapi-cloud)":                    "unoapi",
		"Meta (WhatsApp Business Platform)":        "Meta",
		"WAHA (WhatsApp HTTP API)":                 "WAHA",
		"Chatwoot":                                 "Chatwoot",
		"Evolution API (Evolution-API, evolution)": "Evolution",
	} {
		if got := namingWords(name); got != want {
			t.Errorf("namingWords(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestRestatedMessages: a provider's message for Meta's code finds the code by its phrase,
// and its first words name the code as a title does; the rest of the provider's sentence is
// the code's text, so that one of its words does not make Meta's code a title match for any
// query that shares it. A provider's own code keeps its messages whole as title words.
func TestRestatedMessages(t *testing.T) {
	files := archiveFiles(readArchive(t, "testdata/site.txtar"))
	files["data/providers/acme.toml"] += "\n[[errors]]\ncode = \"131026\"\nmessages = [\"Delivery failed: recipient handset switched off since yesterday\"]\n" +
		"title = \"Not delivered\"\nsection = \"Messaging\"\nmeaning = \"Not delivered.\"\naction = \"Check the number.\"\n"
	built, err := build(t, files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	idx, terms := decodeIndex(t, built)
	names := func(term, url string) (int, bool) {
		for d, n := range terms[term] {
			if idx.Docs[d][0] == url || idx.Docs[d][0] == "" && "codes/"+idx.Docs[d][1]+"/" == url {
				return n, true
			}
		}
		return 0, false
	}
	for _, tc := range []struct {
		term, url string
		title     bool
	}{
		{"handset", "codes/131026/", true},    // the head of Acme's sentence
		{"switch", "codes/131026/", false},    // the rest of it
		{"yesterday", "codes/131026/", false}, // the rest of it
		{"templat", "codes/63016/", true},     // Acme's own code's message, whole
	} {
		n, ok := names(tc.term, tc.url)
		if !ok || (n != 0) != tc.title {
			t.Errorf("%q in %s: found %v, names %b; want a title word: %v", tc.term, tc.url, ok, n, tc.title)
		}
	}
	if !strings.Contains(string(built["search/phrases.json"]), "handset switch") {
		t.Errorf("Acme's whole message is no phrase: %s", built["search/phrases.json"])
	}
}
