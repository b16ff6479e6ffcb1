package searchindex

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into lower-case search terms: runs of letters and digits, without
// stop words, accents folded, the everyday words of Portuguese and Spanish in English, each
// word stemmed.
func Tokenize(text string) []string {
	var t tokenizer
	return t.tokens(nil, text)
}

// tokenizer is Tokenize with a memory of the words it has met, when words is not nil. The
// index tokenizes every text of the site, and the same few thousand words recur in them
// hundreds of times each: looking a word up costs a fraction of finding its glossary words
// and its stem again.
type tokenizer struct {
	words map[string][]string // a word's terms (see word), none for a stop word
}

// tokens appends the terms of text to out.
func (t *tokenizer) tokens(out []string, text string) []string {
	// Most text is ASCII, which has no accents to fold, and whose words are the same lowered
	// or not: its words are lowered one by one, and only the first time they are met (word).
	folded := text
	if !isASCII(text) {
		folded = strings.Map(func(r rune) rune {
			if r >= 0x300 && r <= 0x36f {
				return -1 // a combining accent, as in a decomposed "não"
			}
			return r
		}, foldAccents.Replace(strings.ToLower(text)))
	}
	// The words are the runs of letters, digits and marks, as strings.FieldsFunc splits them.
	start := -1
	for i, r := range folded {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			if start >= 0 {
				out = t.word(out, folded[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = t.word(out, folded[start:])
	}
	return out
}

// word appends the terms of one word to out: a folded word, or an ASCII word as written.
func (t *tokenizer) word(out []string, word string) []string {
	if terms, ok := t.words[word]; ok {
		return append(out, terms...)
	}
	n := len(out)
	w := strings.ToLower(word)
	if en := glossaryWords(w); en != nil {
		for _, e := range en {
			out = appendTerm(out, e)
		}
	} else {
		out = appendTerm(out, w)
	}
	if t.words != nil {
		// Copied: word is a slice of the whole text, which the map would otherwise keep, and
		// out is the caller's, which it reuses.
		t.words[strings.Clone(word)] = slices.Clone(out[n:])
	}
	return out
}

// appendTerm appends a word's stem to out unless it is a stop word or a single letter.
func appendTerm(out []string, w string) []string {
	if stopWords[w] || len([]rune(w)) < 2 && !isDigits(w) {
		return out
	}
	if en, ok := sameWord[w]; ok {
		w = en
	}
	return append(out, Stem(w))
}

// Stem strips common English endings so that "templates", "paused" and "pausing" meet
// "template" and "pause". It is deliberately small: the same rules run in the browser.
func Stem(w string) string {
	n := len([]rune(w))
	if n < 4 || !isLetters(w) {
		return w
	}
	// British spelling meets American: "unauthorised" is "unauthorized", "organisation"
	// "organization". The word must be longer than its ending by four letters, so that every
	// form of a word ("revise", "revised") is treated alike.
	for _, end := range britishEndings {
		if base, ok := strings.CutSuffix(w, end); ok && len([]rune(base)) >= 4 {
			w = base + "iz" + end[2:]
			break
		}
	}
	// Portuguese and Spanish forms meet: "notificações" is "notificação" (folded "coes",
	// "cao"), and "bloqueada" is "bloqueado".
	if base, ok := strings.CutSuffix(w, "coes"); ok && n >= 6 {
		return base + "cao"
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		w = strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "sses"):
		w = strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = strings.TrimSuffix(w, "s")
	}
	n = len([]rune(w))
	switch {
	case strings.HasSuffix(w, "ing") && n >= 6:
		w = strings.TrimSuffix(w, "ing")
	case strings.HasSuffix(w, "ed") && n >= 5:
		w = strings.TrimSuffix(w, "ed")
	}
	if strings.HasSuffix(w, "e") && len([]rune(w)) > 3 {
		w = strings.TrimSuffix(w, "e")
	}
	if (strings.HasSuffix(w, "ada") || strings.HasSuffix(w, "ida")) && len([]rune(w)) >= 6 {
		w = strings.TrimSuffix(w, "a") + "o"
	}
	return w
}

// britishEndings are the "-ise" endings Stem spells "-ize", longest first.
var britishEndings = []string{"isations", "isation", "ising", "ised", "ises", "ise"}

// FoldAccents maps the accented Latin letters of Portuguese, Spanish, French and German to
// their base letter, so that "nao" finds "não" and "numero" finds "número". The same table
// is in static/search.js. Lower-case letters only: Tokenize folds after lowering case.
func FoldAccents(s string) string { return foldAccents.Replace(s) }

var foldAccents = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y",
)

// glossaryScript reports whether r is Cyrillic, Arabic, Devanagari, kana or a CJK ideograph.
func glossaryScript(r rune) bool {
	return r >= 0x400 && r <= 0x4ff || r >= 0x600 && r <= 0x6ff || r >= 0x900 && r <= 0x97f ||
		r >= 0x3040 && r <= 0x30ff || r >= 0x4e00 && r <= 0x9fff
}

// glossaryWords replaces a word in one of the glossary's scripts by the English words of the
// glossary stems it contains, in order: none when it contains none, since nothing in the
// index is written in those scripts ("не", "تم" would only stop a title from matching
// every word of the query). It returns nil for a word in any other script, which stays.
func glossaryWords(w string) []string {
	if !strings.ContainsFunc(w, glossaryScript) {
		return nil
	}
	type found struct {
		at int
		en string
	}
	var hits []found
	for stem, en := range glossary {
		for i := 0; ; {
			j := strings.Index(w[i:], stem)
			if j < 0 {
				break
			}
			hits = append(hits, found{i + j, en})
			i += j + len(stem)
		}
	}
	slices.SortFunc(hits, func(a, b found) int { return cmp.Or(a.at-b.at, strings.Compare(a.en, b.en)) })
	out := []string{}
	for _, h := range hits {
		if len(out) == 0 || out[len(out)-1] != h.en {
			out = append(out, h.en)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
