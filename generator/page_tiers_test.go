package generator

import (
	"strconv"
	"strings"
	"testing"
)

// TestTierSteps derives the calculator's levels from the real data/tiers.toml: the current
// levels in order (the legacy 1,000 left out), the step the growth text says Meta reviews,
// the half of each limit the automatic steps ask for, and no level above unlimited.
func TestTierSteps(t *testing.T) {
	site := loadRealSite(t)
	var got []string
	for _, s := range tierSteps(site.Tiers) {
		line := s.Tier.Label() + " " + s.Kind
		if s.Next != nil {
			line += " to " + s.Next.Label()
		}
		if s.Half > 0 {
			line += " at " + formatNumber(s.Half)
		}
		got = append(got, line)
	}
	want := []string{
		"50 undescribed to 250",
		"250 reviewed to 2,000",
		"2,000 automatic to 10,000 at 1,000",
		"10,000 automatic to 100,000 at 5,000",
		"100,000 automatic to Unlimited at 50,000",
		"Unlimited top",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tier steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTierStepsDerived: the steps follow the data, not the real file's numbers: levels in
// any order, the reviewed step wherever the growth text puts it, and none when it names none.
func TestTierStepsDerived(t *testing.T) {
	tiers := &Tiers{
		Growth: "**From 1,000 to 5,000.** Meta reviews it.",
		Tiers: []*Tier{
			{Name: "TOP", Unlimited: true},
			{Name: "T5K", Limit: 5000},
			{Name: "T1K", Limit: 1000},
			{Name: "T9", Limit: 9, Legacy: true},
			{Name: "T101", Limit: 101},
		},
	}
	describe := func() string {
		var out []string
		for _, s := range tierSteps(tiers) {
			out = append(out, s.Tier.Name+":"+s.Kind)
			if s.Half > 0 {
				out[len(out)-1] += ":" + formatNumber(s.Half)
			}
		}
		return strings.Join(out, " ")
	}
	if got, want := describe(), "T101:undescribed T1K:reviewed T5K:automatic:2,500 TOP:top"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	tiers.Growth = "Higher levels come automatically."
	if got, want := describe(), "T101:automatic:51 T1K:automatic:500 T5K:automatic:2,500 TOP:top"; got != want {
		t.Errorf("without a reviewed step: got %s, want %s", got, want)
	}
	if tierSteps(nil) != nil {
		t.Error("steps without tiers")
	}
}

// TestTierRulesAgree: the rule the calculator applies to the automatic steps, and the
// reviewed step's paths the page spells out, are what data/tiers.toml's growth text says.
func TestTierRulesAgree(t *testing.T) {
	site := loadRealSite(t)
	growth := strings.Join(strings.Fields(site.Tiers.Growth), " ")
	p := &page{Site: site}
	r := p.ReviewedStep()
	if r == nil {
		t.Fatal("no reviewed step in the real data")
	}
	for _, want := range []string{
		"has used at least half of its current limit over the last 7 days",
		"raises the portfolio by one level within about 6 hours",
		"high-quality messages",
		"**From " + r.Tier.Label() + " to " + r.Next.Label() + ".**",
		"one of three scaling paths",
		"verify the business with Meta",
		"have its solution provider verify it",
		"within a moving " + strconv.Itoa(p.PathDays()) + " days, deliver " + r.Next.Label() + " messages outside service windows to unique users",
		"**approves or denies**",
	} {
		if !strings.Contains(growth, want) {
			t.Errorf("data/tiers.toml's growth text no longer says %q: update page_tiers.go and tiers.html", want)
		}
	}
	if p.UsageDays() != 7 || p.RaiseHours() != 6 {
		t.Errorf("usage over %d days, raise within %d hours", p.UsageDays(), p.RaiseHours())
	}
}
