package generator

import (
	"slices"
	"sort"
	"strings"
)

// link derives what no single file says: the full set of code pages, which provider lists
// which code, links shown from both ends, disagreements between sources, codes by HTTP status
// and by topic. It reports references to codes or providers that do not exist.
func (l *loader) link() {
	s := l.site
	sort.Slice(s.Providers, func(i, j int) bool { return providerLess(s.Providers[i], s.Providers[j]) })
	for _, p := range s.Providers {
		s.providerBySlg[p.Slug] = p
		p.codeTimes = map[string]int{}
		for _, e := range p.Entries {
			p.codeTimes[e.Code]++
		}
	}
	for _, c := range s.Codes {
		s.codeByKey[c.Key] = c
	}
	// Every code a provider lists gets a page, even without a code file.
	for _, p := range s.Providers {
		for _, e := range p.Entries {
			if !e.HasCodePage() || !validCodeKey(e.Code) {
				continue
			}
			c := s.codeByKey[e.Code]
			if c == nil {
				c = &Code{Key: e.Code, Title: e.Title, num: codeNumber(e.Code)}
				s.codeByKey[e.Code] = c
				s.Codes = append(s.Codes, c)
			}
			c.Entries = append(c.Entries, e)
		}
	}
	sortCodes(s.Codes)

	l.linkEquivalents()
	l.linkRelated()
	l.linkConfusions()
	for _, c := range s.Codes {
		if !c.HasFile() {
			inheritFacts(c)
		}
	}
	for _, c := range s.Codes {
		for i := range c.Disagreements {
			d := &c.Disagreements[i]
			for _, r := range d.providerRefs {
				if p := s.providerBySlg[r.key]; p != nil {
					d.Providers = append(d.Providers, p)
				} else {
					l.errs.Add(r.pos, "providers: no provider %q", r.key)
				}
			}
		}
		c.Conflicts = conflicts(c)
	}
	if s.Tiers != nil {
		for _, t := range s.Tiers.Tiers {
			for _, r := range t.documentedBy {
				if p := s.providerBySlg[r.key]; p != nil {
					t.DocumentedBy = append(t.DocumentedBy, p)
				} else {
					l.errs.Add(r.pos, "documented_by: no provider %q", r.key)
				}
			}
		}
	}
	s.Statuses = statuses(s)
	s.Topics = topics(s)
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].Slug < s.Pages[j].Slug })
}

// providerLess puts Meta first, then providers by name: Meta's word is the reference the
// others are compared with.
func providerLess(a, b *Provider) bool {
	if (a.Kind == "meta") != (b.Kind == "meta") {
		return a.Kind == "meta"
	}
	if !strings.EqualFold(a.Name, b.Name) {
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	}
	return a.Slug < b.Slug
}

// inheritFacts fills a file-less code's facts from the first provider entry that states
// each one, then from an equivalent code that has Meta's definition, so that lists and
// badges have something to show.
func inheritFacts(c *Code) {
	fill := func(f Facts) {
		if c.Class == "" {
			c.Class = f.Class
		}
		if c.Retry == "" {
			c.Retry, c.RetryAfter = f.Retry, f.RetryAfter
		}
		if c.FixBy == nil {
			c.FixBy = f.FixBy
		}
	}
	for _, e := range c.Entries {
		fill(e.Facts)
	}
	for _, o := range c.Equivalents {
		if o.HasFile() {
			fill(o.Facts)
			if c.Topics == nil {
				c.Topics = o.Topics
			}
		}
	}
}

func (l *loader) resolve(r ref, field string) *Code {
	c := l.site.codeByKey[r.key]
	if c == nil {
		l.errs.Add(r.pos, "%s: no code %q", field, r.key)
	}
	return c
}

// linkEquivalents shows the same condition under other codes, from both ends. Code files
// declare equivalence among Meta's codes, and it is transitive: 131047 is 470, so each
// page shows the other. A provider entry that stands for Meta codes only points at them: a
// provider code that covers several (Twilio's 63012 for 500, 1011, 1014 and 1023) shows
// them all, and each shows it, but they are not thereby the same as each other.
func (l *loader) linkEquivalents() {
	s := l.site
	parent := map[*Code]*Code{}
	var find func(c *Code) *Code
	find = func(c *Code) *Code {
		if p, ok := parent[c]; ok && p != c {
			root := find(p)
			parent[c] = root
			return root
		}
		return c
	}
	for _, c := range s.Codes {
		for _, r := range c.equivalent {
			if o := l.resolve(r, "equivalent"); o != nil {
				if ra, rb := find(c), find(o); ra != rb {
					parent[ra] = rb
				}
			}
		}
	}
	groups := map[*Code][]*Code{}
	for _, c := range s.Codes {
		groups[find(c)] = append(groups[find(c)], c)
	}
	show := func(c, o *Code) {
		if c != o && !containsCode(c.Equivalents, o) {
			c.Equivalents = append(c.Equivalents, o)
		}
	}
	for _, c := range s.Codes {
		for _, o := range groups[find(c)] {
			show(c, o)
		}
	}
	// Entries point at Meta's codes: a coded entry from its code's page, and one without a
	// page of its own (uncoded, or the provider's own number) as a statement on theirs.
	for _, p := range s.Providers {
		for _, e := range p.Entries {
			page := s.codeByKey[e.Code]
			for _, r := range e.equivalent {
				o := l.resolve(r, "equivalent")
				if o == nil {
					continue
				}
				e.Equivalent = append(e.Equivalent, o)
				if !e.HasCodePage() || page == nil {
					o.Elsewhere = append(o.Elsewhere, e)
					continue
				}
				for _, m := range groups[find(o)] {
					show(page, m)
					show(m, page)
				}
			}
		}
	}
	for _, c := range s.Codes {
		sortCodes(c.Equivalents)
	}
}

// linkRelated shows see_also from both ends, leaving out codes already shown as equivalent.
func (l *loader) linkRelated() {
	for _, c := range l.site.Codes {
		for _, r := range c.seeAlso {
			if o := l.resolve(r, "see_also"); o != nil && o != c {
				c.Related = append(c.Related, o)
				o.Related = append(o.Related, c)
			}
		}
	}
	for _, c := range l.site.Codes {
		if len(c.Related) == 0 {
			continue
		}
		sortCodes(c.Related)
		kept := c.Related[:0]
		for i, o := range c.Related {
			if (i == 0 || o != c.Related[i-1]) && !containsCode(c.Equivalents, o) {
				kept = append(kept, o)
			}
		}
		c.Related = kept
	}
}

func containsCode(list []*Code, c *Code) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

// conflicts compares the facts the code file and each provider entry state, and returns a
// Conflict for every fact on which they do not all agree. It runs for every code on every
// save in serve, so it compares first and builds the claims only for facts that differ.
func conflicts(c *Code) []Conflict {
	if len(c.Entries) == 0 || len(c.Entries) == 1 && !c.HasFile() {
		return nil // one source cannot disagree with itself
	}
	var out []Conflict
	for f := range factNames {
		first, differ := "", false
		see := func(v string) {
			switch {
			case v == "":
			case first == "":
				first = v
			case v != first:
				differ = true
			}
		}
		if c.HasFile() {
			see(c.Facts.field(f))
		}
		for _, e := range c.Entries {
			see(e.Facts.field(f))
		}
		if !differ {
			continue
		}
		var claims []string
		claimed := map[string]bool{}
		if c.HasFile() {
			if v := c.Facts.field(f); v != "" {
				claims = append(claims, "Meta's reference: "+v)
			}
		}
		for _, e := range c.Entries {
			if v := e.Facts.field(f); v != "" {
				claim := entryLabel(e) + ": " + v
				if !claimed[claim] {
					claimed[claim] = true
					claims = append(claims, claim)
				}
			}
		}
		out = append(out, Conflict{Field: factNames[f], Claims: claims})
	}
	return out
}

// entryLabel names an entry in a list of claims: the provider, and the entry's id when the
// provider lists the code more than once.
func entryLabel(e *Entry) string {
	if e.Code != "" && e.Provider.codeTimes[e.Code] > 1 {
		return e.Provider.Name + " (" + e.Title + ")"
	}
	return e.Provider.Name
}

func statuses(s *Site) []*Status {
	byCode := map[int]*Status{}
	get := func(n int) *Status {
		if byCode[n] == nil {
			byCode[n] = &Status{Code: n}
		}
		return byCode[n]
	}
	for _, c := range s.Codes {
		if c.HasFile() && c.HTTPStatus != 0 {
			st := get(c.HTTPStatus)
			st.Codes = append(st.Codes, c)
		}
	}
	for _, p := range s.Providers {
		for _, e := range p.Entries {
			if e.HTTPStatus == 0 {
				continue
			}
			st := get(e.HTTPStatus)
			if n := len(st.Providers); n == 0 || st.Providers[n-1].Provider != p {
				st.Providers = append(st.Providers, StatusList{Provider: p})
			}
			last := &st.Providers[len(st.Providers)-1]
			last.Entries = append(last.Entries, e)
		}
	}
	var out []*Status
	for _, st := range byCode {
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func topics(s *Site) []*Topic {
	var out []*Topic
	for _, name := range topicList {
		t := &Topic{Name: name}
		for _, c := range s.Codes {
			if slices.Contains(c.Topics, name) {
				t.Codes = append(t.Codes, c)
			}
		}
		if len(t.Codes) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// Topic returns the topic with the given name, or nil when no code has it.
func (s *Site) Topic(name string) *Topic {
	for _, t := range s.Topics {
		if t.Name == name {
			return t
		}
	}
	return nil
}
