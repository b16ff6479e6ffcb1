package searchindex

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Doc is one thing a search can find: a code, a provider, an entry, a page.
type Doc struct {
	// URL is the document's address below the site's root; "" for a code's page, which the
	// script makes from Paths.Code and Code.
	URL, Code, Title, Class, API string
	// FixBy is who fixes, as the data says it ("you", "meta"); results show Fixers' labels.
	FixBy []string
	// ListedBy are the providers that list it, as positions in Index.Names.
	ListedBy []int
	// Line is what a result shows under its title, so an agent can judge it without opening
	// it: the retry verdict, and the meaning in one short line.
	Line [2]string
	// TitleText is what names the document (its title, aliases, headings): a query word
	// found there counts for more than one found in Text.
	TitleText, Text []string
	// Aliases are other names of the document, each on its own: a query's words make a whole
	// title when the TitleText and messages' heads hold them all, or one alias does, not when
	// they are spread over several aliases ("plantilla de WhatsApp rechazada" is not
	// authentication-templates', whose aliases say "plantilla", "rechazado" and "whatsapp"
	// in three different questions). An alias's word counts as a title word.
	Aliases []string
	// Qualifiers name the document together with any of its names: a code's short number,
	// the provider whose code or entry it is ("Twilio 24-hour window expired").
	Qualifiers []string
	// Messages are the literal messages the API returns, which agents paste: each one's head
	// counts as title, and a query that holds one whole finds this document first.
	Messages []string
	// Restated are the messages of the providers' entries that restate the document's code:
	// a pasted one finds the code by its phrase; its first words name the code as a title
	// does, the rest are the code's text.
	Restated []string
	// Guide marks a page that explains how something works (the window, tiers, quality)
	// rather than one error: a question in plain words finds it before a code, an error
	// report a code before it.
	Guide bool
	// Exceptions marks the page offered among the first results for a query that quotes a
	// program's exception or stack trace.
	Exceptions bool
	// Row marks a provider's entry, a row of its error table. Rows are most of the documents
	// and many queries find none, so their documents go in rows.json, which a search fetches
	// only with a document list that holds one. A row has no Code and no API.
	Row bool
}

// Index is what the site gives its search.
type Index struct {
	// Docs come codes first, in code order, so that a prefix search lists them in order.
	Docs []Doc
	// Names are the words of each provider's name that name it in a query.
	Names []string
	Paths Paths
	// Classes and Fixers are how results name a class and who fixes ("you": "Your team"),
	// so that the script does not spell them again.
	Classes, Fixers map[string]string
	// Equivalent lists, for each code that has them, the same condition's codes under
	// other APIs ("131047": "470", "63016"): results show them right after a code found in a
	// query.
	Equivalent map[string][]string
}

// Paths are the address prefixes the script needs: a code's page is Code + code + "/", a
// page under Provider is a provider's, and Status + status + "/" is an HTTP status's.
type Paths struct {
	Code     string `json:"code"`
	Provider string `json:"provider"`
	Status   string `json:"status"`
}

// indexFile is the shape of index.json.
type indexFile struct {
	Version int       `json:"v"`
	Names   []string  `json:"names"`
	Paths   Paths     `json:"paths"`
	Labels  labelsRow `json:"labels"`
	// Docs are [url, code, title, class, who fixes, listed by, api]: who fixes is letters
	// (y you, p provider, m Meta, r recipient); listed by is positions in Names. The rows
	// are left out: they are in rows.json.
	Docs [][7]string `json:"docs"`
	// RowsAt are where the groups of rows.json go among all the documents: [position, count]
	// for each. The positions of Docs and of the document lists count the rows.
	RowsAt [][2]int `json:"rowsAt"`
	// InRows says which terms a row holds, so that a search knows before it has a term's
	// document list whether it will need rows.json: bit i%8 of byte i/8, in base64, for
	// term i.
	InRows string   `json:"inRows"`
	Terms  []string `json:"terms"`
	// Stop and Same are stopList and sameWord, which search.js reads words by as Tokenize
	// does: words separated by spaces, and "word=english" pairs.
	Stop string `json:"stop"`
	Same string `json:"same"`
	// Gloss is the glossary, "stem=english" pairs separated by spaces. Only a query in its
	// scripts needs it, so it is in gloss.json; it is here only when a title or a provider's
	// name is in those scripts, since every search reads titles and names.
	Gloss string `json:"gloss,omitempty"`
	// Guides are the positions in Docs of the guides.
	Guides []int `json:"guides"`
	// Exceptions are the positions in Docs of the pages for a program's exceptions.
	Exceptions []int `json:"exceptions,omitempty"`
	// Shards[i] is the position in Terms of the first stem of shard i.
	Shards []int `json:"shards"`
	// Sizes[i] is how many distinct stems document i holds: a word found in the text of a
	// long page (a guide that mentions every subject) counts for less than in a short one.
	Sizes []int `json:"sizes"`
}

// labelsRow names classes by their value and who fixes by its letter.
type labelsRow struct {
	Class map[string]string `json:"class"`
	Fix   map[string]string `json:"fix"`
}

// rowGroup is one group of rows.json: rows next to each other that share who lists them
// and their address up to its "#" (the provider's page), each row as [the rest of its
// address, title, class, who fixes]. It is written as [prefix, listed by, rows].
type rowGroup struct {
	Prefix, Listed string
	Rows           [][4]string
}

func (g rowGroup) MarshalJSON() ([]byte, error) {
	return json.Marshal([3]any{g.Prefix, g.Listed, g.Rows})
}

// shardFile is the shape of post-N.json: the document lists of a run of stems, each
// document as a base-36 number, (gap from the previous document << 1) | 1 for a title word.
type shardFile struct {
	Post []string `json:"post"`
}

// Files encodes the index as the files static/search.js reads, by name within the search
// folder.
func (ix *Index) Files() (map[string][]byte, error) {
	inv := invert(ix.Docs)
	shards := shard(inv.post)
	files := map[string][]byte{}
	for i, from := range shards {
		to := len(inv.terms)
		if i+1 < len(shards) {
			to = shards[i+1]
		}
		if err := encode(files, "post-"+strconv.Itoa(i)+".json", shardFile{Post: inv.post[from:to]}); err != nil {
			return nil, err
		}
	}
	lines := make([][2]string, len(ix.Docs))
	var phrases [][2]any
	for i, d := range ix.Docs {
		lines[i] = d.Line
		for _, p := range messagePhrases(append(slices.Clip(d.Messages), d.Restated...)) {
			phrases = append(phrases, [2]any{i, p})
		}
	}
	index, rows, err := ix.indexFile(inv, shards)
	if err != nil {
		return nil, err
	}
	eq := map[string]string{}
	for code, codes := range ix.Equivalent {
		if len(codes) > 0 {
			eq[code] = strings.Join(codes, ",")
		}
	}
	for _, f := range []struct {
		name string
		v    any
	}{{"index.json", index}, {"rows.json", rows}, {"lines.json", lines}, {"phrases.json", phrases}, {"eq.json", eq}} {
		if err := encode(files, f.name, f.v); err != nil {
			return nil, err
		}
	}
	if index.Gloss == "" {
		if err := encode(files, "gloss.json", pairs(glossary)); err != nil {
			return nil, err
		}
	}
	return files, nil
}

func encode(files map[string][]byte, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	files[name] = b
	return nil
}

// indexFile makes index.json and rows.json.
func (ix *Index) indexFile(inv inverted, shards []int) (indexFile, []rowGroup, error) {
	f := indexFile{
		Version: 2, Names: ix.Names, Paths: ix.Paths, Terms: inv.terms, Shards: shards, Sizes: inv.sizes,
		Labels: labelsRow{Class: map[string]string{}, Fix: map[string]string{}},
		Stop:   strings.Join(strings.Fields(stopList), " "), Same: pairs(sameWord),
		InRows: base64.StdEncoding.EncodeToString(inv.inRows),
		RowsAt: [][2]int{},
	}
	if slices.ContainsFunc(ix.Names, inGlossaryScript) || slices.ContainsFunc(ix.Docs, func(d Doc) bool { return inGlossaryScript(d.Title) }) {
		f.Gloss = pairs(glossary)
	}
	for value, label := range ix.Classes {
		f.Labels.Class[value] = label
	}
	for value, label := range ix.Fixers {
		f.Labels.Fix[fixLetters([]string{value})] = label
	}
	var rows []rowGroup
	for i, d := range ix.Docs {
		listed := make([]string, len(d.ListedBy))
		for j, p := range d.ListedBy {
			listed[j] = strconv.Itoa(p)
		}
		if d.Guide {
			f.Guides = append(f.Guides, i)
		}
		if d.Exceptions {
			f.Exceptions = append(f.Exceptions, i)
		}
		if !d.Row {
			f.Docs = append(f.Docs, [7]string{d.URL, d.Code, d.Title, d.Class, fixLetters(d.FixBy), strings.Join(listed, ","), d.API})
			continue
		}
		if d.Code != "" || d.API != "" {
			return f, nil, fmt.Errorf("searchindex: row %s has a code or an API", d.URL)
		}
		prefix := d.URL[:strings.IndexByte(d.URL, '#')+1]
		g := len(rows) - 1
		if g < 0 || f.RowsAt[g][0]+f.RowsAt[g][1] != i || rows[g].Prefix != prefix || rows[g].Listed != strings.Join(listed, ",") {
			rows = append(rows, rowGroup{Prefix: prefix, Listed: strings.Join(listed, ",")})
			f.RowsAt = append(f.RowsAt, [2]int{i, 0})
			g++
		}
		rows[g].Rows = append(rows[g].Rows, [4]string{d.URL[len(prefix):], d.Title, d.Class, fixLetters(d.FixBy)})
		f.RowsAt[g][1]++
	}
	return f, rows, nil
}

// inGlossaryScript reports whether s has a letter of the glossary's scripts.
func inGlossaryScript(s string) bool { return strings.ContainsFunc(s, glossaryScript) }

// pairs writes a word table as "word=english" pairs, sorted, separated by spaces.
func pairs(table map[string]string) string {
	var out []string
	for w, en := range table {
		out = append(out, w+"="+en)
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// fixLetters writes who fixes as one letter each: "you, meta" is "ym".
func fixLetters(fixBy []string) string {
	var b strings.Builder
	for _, f := range fixBy {
		b.WriteByte(f[0])
	}
	return b.String()
}
