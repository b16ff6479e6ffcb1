package generator

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The tiers page's calculator (/tiers/, tiers.js): for each current level, the next one and
// what it takes. The levels and limits come from data/tiers.toml's [[tier]] entries; the
// step Meta reviews comes from the growth text's "From 250 to 2,000" heading. The rule for
// the automatic steps is the growth text's too, kept here as numbers that
// TestTierRulesAgree checks against the real file: at least half the current limit used in
// the last 7 days, with high quality, raises the limit one level within about 6 hours.
const (
	usageDays   = 7             // the moving period the usage is counted over
	pathDays    = 30            // the period of the usage path of the reviewed step
	raiseWithin = 6 * time.Hour // how soon Meta raises the limit, "about"
)

// Step kinds: how a level moves up.
const (
	stepAutomatic   = "automatic"   // the half-the-limit rule
	stepReviewed    = "reviewed"    // a scaling path, then Meta's review
	stepTop         = "top"         // no higher level
	stepUndescribed = "undescribed" // below where Meta's page starts new portfolios
)

// TierStep is one current level and the way to the next.
type TierStep struct {
	Tier *Tier
	Next *Tier // nil at the top
	Kind string
	Half int // the unique users in usageDays that the half rule asks for (automatic only)
}

// Label names a level as agents see it in WhatsApp Manager: "2,000" or "Unlimited".
func (t *Tier) Label() string {
	if t.Unlimited {
		return "Unlimited"
	}
	return formatNumber(t.Limit)
}

// reviewedStep finds "From 250 to 2,000" in the growth text: the step Meta reviews.
var reviewedStep = regexp.MustCompile(`(?i)\bfrom ([0-9][0-9,]*) to ([0-9][0-9,]*)\b`)

// TierSteps lists the current (not legacy) levels from lowest to highest, each with its next
// level and what the move takes.
func (p *page) TierSteps() []TierStep { return tierSteps(p.Site.Tiers) }

// UsageDays and RaiseHours are the half rule's numbers, for the page and tiers.js.
func (p *page) UsageDays() int  { return usageDays }
func (p *page) RaiseHours() int { return int(raiseWithin / time.Hour) }

// PathDays is the period of the reviewed step's usage path ("within a moving 30 days").
func (p *page) PathDays() int { return pathDays }

// ReviewedStep is the step Meta reviews, or nil when the growth text names none.
func (p *page) ReviewedStep() *TierStep {
	for _, s := range p.TierSteps() {
		if s.Kind == stepReviewed {
			return &s
		}
	}
	return nil
}

func tierSteps(ts *Tiers) []TierStep {
	if ts == nil {
		return nil
	}
	var levels []*Tier
	for _, t := range ts.Tiers {
		if !t.Legacy {
			levels = append(levels, t)
		}
	}
	above := func(a, b *Tier) bool { // a is a higher level than b
		return a.Unlimited && !b.Unlimited || !a.Unlimited && !b.Unlimited && a.Limit > b.Limit
	}
	// Sort by limit, unlimited last; the file lists them in order, but need not.
	for i := 1; i < len(levels); i++ {
		for j := i; j > 0 && above(levels[j-1], levels[j]); j-- {
			levels[j-1], levels[j] = levels[j], levels[j-1]
		}
	}
	from, to := -1, -1
	if m := reviewedStep.FindStringSubmatch(ts.Growth); m != nil {
		from, to = parseNumber(m[1]), parseNumber(m[2])
	}
	var out []TierStep
	for i, t := range levels {
		s := TierStep{Tier: t, Kind: stepAutomatic}
		if i+1 < len(levels) {
			s.Next = levels[i+1]
		}
		switch {
		case s.Next == nil:
			s.Kind = stepTop
		case t.Limit == from && !s.Next.Unlimited && s.Next.Limit == to:
			s.Kind = stepReviewed
		case from > 0 && !t.Unlimited && t.Limit < from:
			s.Kind = stepUndescribed
		default:
			s.Half = (t.Limit + 1) / 2
		}
		out = append(out, s)
	}
	return out
}

func parseNumber(s string) int {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return -1
	}
	return n
}
