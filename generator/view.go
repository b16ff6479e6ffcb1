package generator

import (
	"strconv"
)

// Methods of page that give templates derived lists. They compute from the model only.

// ClassCount is a class and how many codes have it.
type ClassCount struct {
	Name  string
	Count int
}

// Classes lists every class with its number of codes.
func (p *page) Classes() []ClassCount {
	var out []ClassCount
	for _, c := range classes {
		n := 0
		for _, code := range p.Site.Codes {
			if code.Class == c {
				n++
			}
		}
		out = append(out, ClassCount{c, n})
	}
	return out
}

// codeTable is what the "codes-table" template receives.
type codeTable struct {
	Page  *page
	Codes []*Code
}

// Table prepares codes for the "codes-table" template.
func (p *page) Table(codes []*Code) codeTable { return codeTable{p, codes} }

// TopicURL links to the page that explains a topic: the content page of the same name
// (window), the tiers or quality page, or else the topic's list of codes.
func (p *page) TopicURL(topic string) string {
	switch {
	case p.Site.Page(topic) != nil:
		return p.URL(topic + "/")
	case topic == "tiers" && p.Site.Tiers != nil:
		return p.URL("tiers/")
	case topic == "quality" && p.Site.Quality != nil:
		return p.URL("quality/")
	}
	return p.URL("topics/" + topic + "/")
}

// SameStatus lists the other codes that Meta gives the current code's HTTP status.
func (p *page) SameStatus() []*Code {
	if p.Code == nil || p.Code.HTTPStatus == 0 {
		return nil
	}
	var out []*Code
	for _, st := range p.Site.Statuses {
		if st.Code != p.Code.HTTPStatus {
			continue
		}
		for _, c := range st.Codes {
			if c != p.Code {
				out = append(out, c)
			}
		}
	}
	return out
}

// EntryCount is the number of provider entries with a status.
func (p *page) EntryCount(st *Status) int {
	n := 0
	for _, l := range st.Providers {
		n += len(l.Entries)
	}
	return n
}

// Number writes 100000 as 100,000.
func (p *page) Number(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// LegacyTiers lists the tiers Meta no longer assigns.
func (p *page) LegacyTiers() []*Tier {
	var out []*Tier
	if p.Site.Tiers != nil {
		for _, t := range p.Site.Tiers.Tiers {
			if t.Legacy {
				out = append(out, t)
			}
		}
	}
	return out
}

// TopicCodes lists the codes that have any of the topics, in code order.
func (p *page) TopicCodes(topics ...string) []*Code {
	var out []*Code
	for _, c := range p.Site.Codes {
		for _, t := range topics {
			if contains(c.Topics, t) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// ProviderNames lists the providers that list the code, each once.
func (c *Code) ProviderNames() []string {
	var out []string
	for _, e := range c.Entries {
		if !contains(out, e.Provider.Name) {
			out = append(out, e.Provider.Name)
		}
	}
	return out
}
