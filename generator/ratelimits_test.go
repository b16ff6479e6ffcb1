package generator

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// content/rate-limits.md is written by hand; this holds it to the data. Each row of its table
// names the code it is about, and every figure in the row (80, 1,000, 6 seconds, 24 hours,
// 2,000 …) must be in that code's file (or, for the tier row, in tiers.toml): a figure changed
// in the data and not on the page, or made up on the page, fails. Each "### …: <title> (<code>)"
// section must carry the code's title from its file and the site's own words for its retry
// and who fixes it, from retry, retry_after and fix_by.

var (
	rlCodeCell = regexp.MustCompile(`(?:^|[^\w])(?:code )?(\d+)\b`)
	rlFigure   = regexp.MustCompile(`\d[\d,]*\d|\d`)
	rlSection  = regexp.MustCompile(`(?m)^### ([^:\n]+)(?:: (.+) \((?:code )?(\d+)\))?\n\n- \*\*Retry:\*\* (.+?) · \*\*Who fixes:\*\* (.+)$`)
)

// codeText is everything a code file says in prose, where the page's figures must come from.
func codeText(c *Code) string {
	parts := []string{c.Title, c.Summary}
	parts = append(parts, c.Causes...)
	parts = append(parts, c.Actions...)
	parts = append(parts, c.Messages...)
	for _, d := range c.Disagreements {
		parts = append(parts, d.Current)
	}
	return strings.Join(parts, "\n")
}

// tiersText is what tiers.toml says, with each level's limit written as the site writes it.
func tiersText(p *page, t *Tiers) string {
	parts := []string{t.Summary, t.Growth}
	for _, tier := range t.Tiers {
		if !tier.Legacy && !tier.Unlimited {
			parts = append(parts, p.Number(tier.Limit))
		}
		parts = append(parts, tier.Note)
	}
	return strings.Join(parts, "\n")
}

type rateLimitRow struct {
	limit, codes string
	cells        []string
}

func rateLimitTable(t *testing.T, md string) []rateLimitRow {
	t.Helper()
	var rows []rateLimitRow
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| Limit |") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 5 {
			t.Fatalf("a row without 5 cells: %s", line)
		}
		rows = append(rows, rateLimitRow{limit: cells[0], codes: cells[1], cells: cells[2:]})
	}
	return rows
}

// checkRateLimits returns what on the page disagrees with the data.
func checkRateLimits(site *Site, md string, t *testing.T) []string {
	var problems []string
	p := &page{r: &builder{}, Site: site}
	rows := rateLimitTable(t, md)
	if len(rows) == 0 {
		return []string{"no table"}
	}
	for _, row := range rows {
		var source string
		var keys []string
		for _, m := range rlCodeCell.FindAllStringSubmatch(row.codes, -1) {
			if strings.Contains(row.codes, "HTTP "+m[1]) {
				continue // a provider's HTTP status, not a code
			}
			c := site.Code(m[1])
			if c == nil || !c.HasFile() {
				problems = append(problems, row.limit+": "+m[1]+" has no code file")
				continue
			}
			keys = append(keys, c.Key)
			source += codeText(c)
		}
		if len(keys) == 0 {
			if site.Tiers == nil || !strings.Contains(row.limit, "tier") {
				problems = append(problems, row.limit+": no code and not the tier row")
				continue
			}
			source = tiersText(p, site.Tiers)
			// The levels, in order, are the ones the tiers page describes.
			var levels []string
			for _, st := range tierSteps(site.Tiers) {
				if st.Kind != stepUndescribed {
					levels = append(levels, strings.ToLower(st.Tier.Label()))
				}
			}
			want := strings.Join(levels[:len(levels)-1], ", ") + " or " + levels[len(levels)-1]
			if !strings.Contains(strings.Join(row.cells, " "), want) {
				problems = append(problems, row.limit+": does not list the levels as "+want)
			}
			// The tier row's durations are the calculator's, figure by figure: "24" elsewhere
			// in tiers.toml must not pass for the hours within which the tier rises.
			cells := strings.Join(row.cells, " ")
			for _, d := range []struct {
				re   *regexp.Regexp
				want int
			}{
				{regexp.MustCompile(`rises within about (\d+) hours`), p.RaiseHours()},
				{regexp.MustCompile(`over the last (\d+) days`), p.UsageDays()},
			} {
				m := d.re.FindStringSubmatch(cells)
				if m == nil || m[1] != strconv.Itoa(d.want) {
					problems = append(problems, fmt.Sprintf("%s: %q should say %d (page_tiers.go)", row.limit, d.re, d.want))
				}
			}
		}
		figures := rlFigure.FindAllString(source, -1)
		for _, cell := range row.cells {
			for _, fig := range rlFigure.FindAllString(cell, -1) {
				if !slices.Contains(figures, fig) {
					problems = append(problems, row.limit+": the figure "+fig+" is not in the data of "+strings.Join(keys, ", ")+" ("+cell+")")
				}
			}
		}
	}
	sections := rlSection.FindAllStringSubmatch(md, -1)
	if len(sections) != len(rows) {
		problems = append(problems, "the sections do not match the table's rows")
	}
	for _, s := range sections {
		name, title, key, retry, fix := s[1], s[2], s[3], s[4], s[5]
		if key == "" {
			if fix != fixLabels([]string{"you"}) {
				problems = append(problems, name+": who fixes "+fix)
			}
			continue
		}
		c := site.Code(key)
		if c == nil {
			problems = append(problems, name+": no code "+key)
			continue
		}
		if title != c.Title {
			problems = append(problems, name+": title "+title+", the data says "+c.Title)
		}
		if want := retryLabel(c.Retry, c.RetryAfter); retry != want {
			problems = append(problems, name+": retry "+retry+", the data says "+want)
		}
		if want := fixLabels(c.FixBy); fix != want {
			problems = append(problems, name+": who fixes "+fix+", the data says "+want)
		}
		if !slices.ContainsFunc(rows, func(r rateLimitRow) bool { return r.limit == name }) {
			problems = append(problems, name+": no row of that name in the table")
		}
	}
	return problems
}

func TestRateLimitsAgreeWithData(t *testing.T) {
	site := loadRealSite(t)
	md, err := os.ReadFile("../content/rate-limits.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range checkRateLimits(site, string(md), t) {
		t.Error(p)
	}
	// The check itself: figures, titles, retry and fixers changed on the page are caught.
	for _, bad := range []struct{ from, to string }{
		{"80 by default", "100 by default"},
		{"bursts of up to 45", "bursts of up to 50"},
		{"250, 2,000, 10,000", "250, 1,000, 10,000"},
		{"wait at least 24 hours before", "wait at least 48 hours before"},
		{"### Spam restriction: Spam rate limit hit (131048)\n\n- **Retry:** Do not retry", "### Spam restriction: Spam rate limit hit (131048)\n\n- **Retry:** Retry with backoff"},
		{"### Per-user marketing limit: Meta chose not to deliver (131049)\n\n- **Retry:** Retry after 24 hours · **Who fixes:** Your team", "### Per-user marketing limit: Meta chose not to deliver (131049)\n\n- **Retry:** Retry after 24 hours · **Who fixes:** Meta"},
		{"### Account rate limit: Rate limit issues (80007)", "### Account rate limit: Rate limit hit (80007)"},
		{"| Pair rate | 131056 |", "| Pair rate | 131057 |"},
		{"rises within about 6 hours", "rises within about 24 hours"},
		{"over the last 7 days with high-quality", "over the last 30 days with high-quality"},
	} {
		if !strings.Contains(string(md), bad.from) {
			t.Errorf("the page no longer says %q: update this test", bad.from)
			continue
		}
		if len(checkRateLimits(site, strings.Replace(string(md), bad.from, bad.to, 1), t)) == 0 {
			t.Errorf("changing %q to %q is not caught", bad.from, bad.to)
		}
	}
}
