package searchindex

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestFiles: the files of a three-document index, as static/search.js reads them: a code
// (found by its title, its text and its message, whose head counts as title), a provider's
// row, whose document is in rows.json, and a guide.
func TestFiles(t *testing.T) {
	ix := Index{
		Docs: []Doc{{
			Code: "131047", Title: "Re-engagement message", Class: "context", FixBy: []string{"you", "meta"},
			ListedBy: []int{1, 0}, API: "cloud", Line: [2]string{"Do not retry", "The window is closed."},
			TitleText: []string{"Re-engagement message"}, Text: []string{"More than 24 hours have passed"},
			Messages: []string{"Message failed to send because more than 24 hours have passed"},
		}, {
			URL: "providers/acme/#late", Title: "Late", Class: "temporary", FixBy: []string{"you"}, ListedBy: []int{0},
			TitleText: []string{"Late"}, Text: []string{"24 hours"}, Row: true,
		}, {
			URL: "window/", Title: "The window", TitleText: []string{"The window"}, Text: []string{"24 hours"}, Guide: true, Exceptions: true,
		}},
		Names:      []string{"Acme", "Bird"},
		Paths:      Paths{Code: "codes/", Provider: "providers/", Status: "http/"},
		Classes:    map[string]string{"context": "Context"},
		Fixers:     map[string]string{"you": "Your team", "meta": "Meta"},
		Equivalent: map[string][]string{"131047": {"470", "63016"}, "63016": nil},
	}
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	var index map[string]json.RawMessage
	if err := json.Unmarshal(files["index.json"], &index); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"v":      `2`,
		"names":  `["Acme","Bird"]`,
		"paths":  `{"code":"codes/","provider":"providers/","status":"http/"}`,
		"labels": `{"class":{"context":"Context"},"fix":{"m":"Meta","y":"Your team"}}`,
		"docs":   `[["","131047","Re-engagement message","context","ym","1,0","cloud"],["window/","","The window","","","",""]]`,
		"rowsAt": `[[1,1]]`,
		// The row holds terms 0 (24), 4 (hour) and 5 (late): bits 0, 4 and 5 of the first byte.
		"inRows": `"MQA="`,
		"terms":  `["24","becaus","engagement","fail","hour","lat","messag","mor","pass","re","send","window"]`,
		"guides": `[2]`,
		// The page offered for a quoted exception, by its position among all documents.
		"exceptions": `[2]`,
		"shards":     `[0]`,
		"sizes":      `[10,3,3]`,
	} {
		if got := string(index[key]); got != want {
			t.Errorf("index.json %s: got %s, want %s", key, got, want)
		}
	}
	for _, key := range []string{"stop", "same"} {
		if len(index[key]) < 100 {
			t.Errorf("index.json %s: got %s, want the word table", key, index[key])
		}
	}
	// No title is in the glossary's scripts: the glossary is a part of its own.
	if _, ok := index["gloss"]; ok || len(files["gloss.json"]) < 100 {
		t.Errorf("the glossary: in index.json %v, gloss.json %d bytes; want only gloss.json", ok, len(files["gloss.json"]))
	}
	for name, want := range map[string]string{
		// Each stem's documents as gaps, doubled, plus one for a title word: "24" is in the
		// code's title words (1) and one document later in the guide's text (2).
		"post-0.json":  `{"post":["1,2,2","1","1","1","1,2,2","3","1","1","1","1","1","5"]}`,
		"rows.json":    `[["providers/acme/#","0",[["late","Late","temporary","y"]]]]`,
		"lines.json":   `[["Do not retry","The window is closed."],["",""],["",""]]`,
		"phrases.json": `[[0,"messag fail send becaus mor 24 hour pass"]]`,
		"eq.json":      `{"131047":"470,63016"}`,
	} {
		if got := string(files[name]); got != want {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
	}
	if len(files) != 7 {
		t.Errorf("got %d files, want index.json, one shard, rows, lines, phrases, eq and gloss", len(files))
	}
}

// TestFilesGlossInTitle: a title in the glossary's scripts keeps the glossary in index.json,
// since every search reads the titles of what it ranks.
func TestFilesGlossInTitle(t *testing.T) {
	ix := Index{Docs: []Doc{{URL: "a/", Title: "Шаблон", TitleText: []string{"Шаблон"}}}}
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	var index struct{ Gloss string }
	if err := json.Unmarshal(files["index.json"], &index); err != nil {
		t.Fatal(err)
	}
	if _, ok := files["gloss.json"]; ok || !strings.Contains(index.Gloss, "шаблон=templat") {
		t.Errorf("gloss.json written: %v; index.json's gloss %.40q…, want the glossary", ok, index.Gloss)
	}
}

// TestFilesRowWithCode: a row's document has no code and no API, which rows.json does not
// hold.
func TestFilesRowWithCode(t *testing.T) {
	ix := Index{Docs: []Doc{{URL: "p/#a", Code: "1", Title: "A", Row: true}}}
	if _, err := ix.Files(); err == nil {
		t.Error("a row with a code: no error")
	}
}

// TestShard: a shard begins once the ones before it hold shardSize bytes of document lists.
func TestShard(t *testing.T) {
	post := []string{strings.Repeat("1", shardSize), "1", strings.Repeat("1", shardSize-2), "1", "1"}
	if got, want := shard(post), []int{0, 1, 4}; !slices.Equal(got, want) {
		t.Errorf("shards start at %v, want %v", got, want)
	}
}

// TestMessageText: a long message's first messageHead words are its head, the rest its tail;
// a message of messageHead words is all head.
func TestMessageText(t *testing.T) {
	twelve := "one two three four five six seven eight nine ten eleven twelve"
	head, tail := splitHeads([]string{"Invalid token", twelve, twelve + " thirteen fourteen"}, messageHead)
	if got := strings.Join(head, "|"); got != "Invalid token|"+twelve+"|"+twelve {
		t.Errorf("heads: %q", got)
	}
	if got := strings.Join(tail, "|"); got != "thirteen fourteen" {
		t.Errorf("tails: %q", got)
	}
}

// TestMessagePhrases: a literal message of three words or more, two of them index words,
// is kept whole as a phrase (its stems in order); a shorter one is only title words.
func TestMessagePhrases(t *testing.T) {
	for _, c := range []struct{ message, want string }{
		{"Re-engagement message", ""},                    // two words
		{"Template name invalid", "templat nam invalid"}, // three words
		{"The number is blocked", "number block"},        // four words, two of them index words
		{"It is paused", ""},                             // one index word
		{"Message failed to send", "messag fail send"},
	} {
		if got := strings.Join(messagePhrases([]string{c.message}), "|"); got != c.want {
			t.Errorf("phrase of %q = %q, want %q", c.message, got, c.want)
		}
	}
}

// TestRowGroups: a group of rows.json is a run of rows next to each other with one
// provider's page and the same providers listing them; rowsAt says where each group goes.
func TestRowGroups(t *testing.T) {
	row := func(url string, listed int) Doc {
		return Doc{URL: url, Title: url, ListedBy: []int{listed}, Row: true}
	}
	ix := Index{Docs: []Doc{
		{Code: "1", Title: "One"},
		row("p/a/#x", 0), row("p/a/#y", 0), // one group
		row("p/a/#z", 1), // listed by another
		row("p/b/#w", 1), // on another page
		{URL: "g/", Title: "Guide"},
		row("p/b/#v", 1), // after a document that is no row
	}}
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	var index struct {
		RowsAt json.RawMessage `json:"rowsAt"`
		Docs   json.RawMessage `json:"docs"`
	}
	if err := json.Unmarshal(files["index.json"], &index); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, got, want string }{
		{"rowsAt", string(index.RowsAt), `[[1,2],[3,1],[4,1],[6,1]]`},
		{"docs", string(index.Docs), `[["","1","One","","","",""],["g/","","Guide","","","",""]]`},
		{"rows.json", string(files["rows.json"]), `[["p/a/#","0",[["x","p/a/#x","",""],["y","p/a/#y","",""]]],` +
			`["p/a/#","1",[["z","p/a/#z","",""]]],["p/b/#","1",[["w","p/b/#w","",""]]],["p/b/#","1",[["v","p/b/#v","",""]]]]`},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
		}
	}
}

// TestRestatedText: a provider's restatement of a code's message names the code by its first
// restatedHead words; the rest is text.
func TestRestatedText(t *testing.T) {
	head, tail := splitHeads([]string{"Invalid token", "one two three four", "one two three four five six"}, restatedHead)
	if got := strings.Join(head, "|"); got != "Invalid token|one two three four|one two three four" {
		t.Errorf("heads: %q", got)
	}
	if got := strings.Join(tail, "|"); got != "five six" {
		t.Errorf("tails: %q", got)
	}
}

// TestInvertNames: a term's list says which of a document's names hold it: nothing for the
// title alone or the text, a bit of its own for each alias (the title's is the first),
// "." for a qualifier, which goes with every name.
func TestInvertNames(t *testing.T) {
	docs := []Doc{{
		TitleText:  []string{"quota reached"},
		Aliases:    []string{"limit hit", "quota limit"},
		Qualifiers: []string{"acme"},
		Text:       []string{"window"},
	}}
	inv := invert(docs)
	got := map[string]string{}
	for i, term := range inv.terms {
		got[term] = inv.post[i]
	}
	// The document is the first, so a title word's number is "1" (0<<1|1), a text word's "0";
	// then which names hold it, in base 36: the title is bit 1, the aliases bits 2 and 4.
	want := map[string]string{
		"reach":  "1",                               // the title alone
		"quota":  "1." + strconv.FormatInt(1|4, 36), // the title and the second alias
		"limit":  "1." + strconv.FormatInt(2|4, 36), // both aliases
		"hit":    "1." + strconv.FormatInt(2, 36),   // the first alias
		"acm":    "1.",                              // a qualifier: every name
		"window": "0",                               // text
	}
	for term, w := range want {
		if got[term] != w {
			t.Errorf("%q: list %q, want %q", term, got[term], w)
		}
	}
	// Past titleBits-1 aliases the bits are shared: the 30th alias reads as the first.
	many := make([]string, titleBits)
	for i := range many {
		many[i] = "filler"
	}
	many[0], many[titleBits-1] = "first", "last"
	inv = invert([]Doc{{TitleText: []string{"page"}, Aliases: many}})
	for i, term := range inv.terms {
		if (term == "first" || term == "last") && inv.post[i] != "1.2" {
			t.Errorf("%q: list %q, want the first alias's bit, 1.2", term, inv.post[i])
		}
	}
}
