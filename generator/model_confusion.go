package generator

import (
	"slices"
	"sort"

	"github.com/waerrors/kb/internal/searchindex"
)

// linkConfusions finds, for every code, the codes people take it for: first the pairs a
// code file names in [[confused]], shown from both ends with their line on how to tell
// them apart, and those of its equivalents (470 is confused with what 131047 is); then codes
// whose titles share an uncommon word and that share a topic, at most three.
func (l *loader) linkConfusions() {
	s := l.site
	for _, c := range s.Codes {
		kept := c.Confused[:0]
		for _, cf := range c.Confused {
			if cf.Code = l.resolve(cf.ref, "confused"); cf.Code != nil {
				kept = append(kept, cf)
			}
		}
		c.Confused = kept
	}
	named := map[*Code][]Confusion{}
	add := func(c *Code, cf Confusion) {
		if cf.Code == c || slices.ContainsFunc(named[c], func(x Confusion) bool { return x.Code == cf.Code }) {
			return
		}
		named[c] = append(named[c], cf)
	}
	for _, c := range s.Codes {
		for _, cf := range c.Confused {
			add(c, cf)
			add(cf.Code, Confusion{Code: c, How: cf.How})
		}
	}
	words, holders := titleWords(s.Codes)
	for _, c := range s.Codes {
		out := named[c]
		for _, o := range c.Equivalents {
			for _, cf := range named[o] {
				if cf.Code != c && !containsCode(c.Equivalents, cf.Code) && !slices.ContainsFunc(out, func(x Confusion) bool { return x.Code == cf.Code }) {
					out = append(out, cf)
				}
			}
		}
		c.ConfusedWith = append(out, similarCodes(c, words, holders, out)...)
	}
}

// similarCodes are the code files whose titles share an uncommon word with c's and that
// share a topic with it, best first, at most three; codes already listed are left out. The
// candidates come from the codes that hold each of c's words, so the work grows with the
// codes alike, not with all pairs of codes.
func similarCodes(c *Code, words map[*Code][]string, holders map[string][]*Code, listed []Confusion) []Confusion {
	if !c.HasFile() {
		return nil
	}
	shared := map[*Code]int{}
	var order []*Code
	for _, w := range words[c] {
		for _, o := range holders[w] {
			if shared[o] == 0 {
				order = append(order, o)
			}
			shared[o]++
		}
	}
	type scored struct {
		code  *Code
		score int
	}
	var found []scored
	for _, o := range order {
		if o == c || containsCode(c.Equivalents, o) || slices.ContainsFunc(listed, func(x Confusion) bool { return x.Code == o }) {
			continue
		}
		topics := 0
		for _, t := range c.Topics {
			if slices.Contains(o.Topics, t) {
				topics++
			}
		}
		if topics > 0 {
			found = append(found, scored{o, 2*shared[o] + topics})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].score != found[j].score {
			return found[i].score > found[j].score
		}
		return found[i].code.num < found[j].code.num
	})
	var out []Confusion
	for _, f := range found[:min(3, len(found))] {
		out = append(out, Confusion{Code: f.code})
	}
	return out
}

// titleWords are each code file's title words, stemmed, without those that a tenth or more
// of all titles share ("message", "error") or more than 50 do: a common word makes no two
// codes alike. holders lists, for each word kept, the code files whose titles hold it, in
// code order.
func titleWords(codes []*Code) (words map[*Code][]string, holders map[string][]*Code) {
	words = map[*Code][]string{}
	count := map[string]int{}
	files := 0
	for _, c := range codes {
		if !c.HasFile() {
			continue
		}
		files++
		var ws []string
		for _, w := range searchindex.Tokenize(c.Title) {
			if !slices.Contains(ws, w) && !isDigits(w) {
				ws = append(ws, w)
				count[w]++
			}
		}
		words[c] = ws
	}
	holders = map[string][]*Code{}
	for _, c := range codes {
		words[c] = slices.DeleteFunc(words[c], func(w string) bool { return count[w]*10 >= files || count[w] > 50 })
		for _, w := range words[c] {
			holders[w] = append(holders[w], c)
		}
	}
	return words, holders
}
