package searchindex

import (
	"encoding/json"
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
	// Messages are the literal messages the API returns, which agents paste: each one's head
	// counts as title, and a query that holds one whole finds this document first.
	Messages []string
	// Guide marks a page that explains how something works (the window, tiers, quality)
	// rather than one error: a question in plain words finds it before a code, an error
	// report a code before it.
	Guide bool
}

// Index is what the site gives its search.
type Index struct {
	// Docs come codes first, in code order, so that a prefix search lists them in order.
	Docs []Doc
	// Names are the providers' names.
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
	// (y you, p provider, m Meta, r recipient); listed by is positions in Names.
	Docs  [][7]string `json:"docs"`
	Terms []string    `json:"terms"`
	// Stop and Same are stopList and sameWord, which search.js reads words by as Tokenize
	// does: words separated by spaces, and "word=english" pairs.
	Stop string `json:"stop"`
	Same string `json:"same"`
	// Gloss is the glossary, "stem=english" pairs separated by spaces.
	Gloss string `json:"gloss"`
	// Guides are the positions in Docs of the guides.
	Guides []int `json:"guides"`
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
		for _, p := range messagePhrases(d.Messages) {
			phrases = append(phrases, [2]any{i, p})
		}
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
	}{{"index.json", ix.indexFile(inv, shards)}, {"lines.json", lines}, {"phrases.json", phrases}, {"eq.json", eq}} {
		if err := encode(files, f.name, f.v); err != nil {
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

func (ix *Index) indexFile(inv inverted, shards []int) indexFile {
	f := indexFile{
		Version: 2, Names: ix.Names, Paths: ix.Paths, Terms: inv.terms, Shards: shards, Sizes: inv.sizes,
		Labels: labelsRow{Class: map[string]string{}, Fix: map[string]string{}},
		Stop:   strings.Join(strings.Fields(stopList), " "), Same: pairs(sameWord), Gloss: pairs(glossary),
	}
	for value, label := range ix.Classes {
		f.Labels.Class[value] = label
	}
	for value, label := range ix.Fixers {
		f.Labels.Fix[fixLetters([]string{value})] = label
	}
	for i, d := range ix.Docs {
		listed := make([]string, len(d.ListedBy))
		for j, p := range d.ListedBy {
			listed[j] = strconv.Itoa(p)
		}
		f.Docs = append(f.Docs, [7]string{d.URL, d.Code, d.Title, d.Class, fixLetters(d.FixBy), strings.Join(listed, ","), d.API})
		if d.Guide {
			f.Guides = append(f.Guides, i)
		}
	}
	return f
}

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
