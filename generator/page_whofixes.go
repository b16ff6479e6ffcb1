package generator

import "slices"

// /who-fixes/: every code by who must act (fix_by) and by class, and for each provider whom
// to contact and what to send. Everything here is read from the codes' facts and the
// provider files; the page's template adds only the headings.

// fixNotStated names the group of codes whose fix_by nobody stated.
const fixNotStated = "not-stated"

// FixGroup is the codes one party has to act on, by class.
type FixGroup struct {
	Who     string // a fix_by value, or fixNotStated
	Label   string // "Your team"
	Classes []ClassCodes
	Total   int // codes in the group; a code with two fixers is in both groups
}

// ClassCodes are the codes of one class ("" for codes without one), in code order.
type ClassCodes struct {
	Class string
	Codes []*Code
}

// Count is the number of codes of the class in the group, 0 when it has none.
func (g FixGroup) Count(class string) int {
	for _, c := range g.Classes {
		if c.Class == class {
			return len(c.Codes)
		}
	}
	return 0
}

// fixGroups sorts codes by fixer, in the vocabulary's order, then the codes that state no
// fixer; within each, by class in the vocabulary's order, then unclassified. Codes keep the
// site's order. Groups without codes are left out.
func fixGroups(codes []*Code) []FixGroup {
	var out []FixGroup
	for _, who := range append(fixers.values(), fixNotStated) {
		g := FixGroup{Who: who, Label: fixers.label(who)}
		if who == fixNotStated {
			g.Label = "Not stated"
		}
		for _, class := range append(classes.values(), "") {
			cc := ClassCodes{Class: class}
			for _, c := range codes {
				fixes := slices.Contains(c.FixBy, who) || (who == fixNotStated && len(c.FixBy) == 0)
				if fixes && c.Class == class {
					cc.Codes = append(cc.Codes, c)
				}
			}
			if len(cc.Codes) > 0 {
				g.Classes = append(g.Classes, cc)
				g.Total += len(cc.Codes)
			}
		}
		if g.Total > 0 {
			out = append(out, g)
		}
	}
	return out
}

// FixGroups lists the site's codes by who fixes them and class.
func (p *page) FixGroups() []FixGroup { return fixGroups(p.Site.Codes) }

// ClassNames are the classes in the vocabulary's order, then "" for codes without one.
func (p *page) ClassNames() []string { return append(classes.values(), "") }

// MetaProvider is the provider file of Meta itself (kind meta), whose escalation list is
// what Meta asks for; nil when there is none.
func (p *page) MetaProvider() *Provider {
	for _, pr := range p.Site.Providers {
		if pr.Kind == "meta" {
			return pr
		}
	}
	return nil
}

// contactBlock is what the "contact" template receives.
type contactBlock struct {
	Page     *page
	Provider *Provider
}

// ContactsOf prepares a provider for the "contact" template.
func (p *page) ContactsOf(pr *Provider) contactBlock { return contactBlock{p, pr} }
