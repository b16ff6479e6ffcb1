package main

import (
	"fmt"
	"strings"
	"time"
)

// needPerson are the results that fail the run: broken links on hosts not known to be flaky.
func needPerson(results []Result) []Result {
	var out []Result
	for _, r := range results {
		if r.Verdict == Broken && !r.Known {
			out = append(out, r)
		}
	}
	return out
}

// Report writes the Markdown report: what needs a person first, then what moved, then what
// could not be checked.
func Report(results []Result, stale []string, now time.Time) string {
	var b strings.Builder
	hosts := map[string]bool{}
	var moved, unchecked []Result
	ok := 0
	for _, r := range results {
		hosts[r.Host()] = true
		switch {
		case r.Verdict == OK:
			ok++
		case r.Verdict == Moved:
			moved = append(moved, r)
		case r.Verdict == Broken && !r.Known:
			// listed under "Broken links"
		default:
			unchecked = append(unchecked, r)
		}
	}
	broken := needPerson(results)

	fmt.Fprintf(&b, "## Sources and freshness\n\n")
	fmt.Fprintf(&b, "Checked %d addresses on %d hosts cited in data/ and content/, %s. %d answered, %d moved, %d broken, %d could not be checked.\n\n",
		len(results), len(hosts), now.UTC().Format("2006-01-02 15:04 UTC"), ok, len(moved), len(broken), len(unchecked))
	if len(broken) == 0 && len(stale) == 0 {
		b.WriteString("**Nothing needs a person.**\n\n")
	} else {
		fmt.Fprintf(&b, "**Needs a person:** %s, %s.\n\n",
			count(len(broken), "broken link", "broken links"),
			count(len(stale), "code file to check against Meta's documentation again", "code files to check against Meta's documentation again"))
	}

	if len(broken) > 0 {
		b.WriteString("### Broken links\n\nThe page is gone (404 or 410). Find where it went, or cite another source.\n\n")
		b.WriteString("| Address | Answer | Cited in |\n|---|---|---|\n")
		for _, r := range broken {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", cell(r.URL), cell(r.statusText()), cited(r.CitedIn))
		}
		b.WriteString("\n")
	}

	if len(stale) > 0 {
		b.WriteString("### Codes to check against Meta's documentation again\n\n")
		b.WriteString("Their `checked_on` is more than 180 days old (from `go run . check --stale`, oldest first). Read Meta's page again, correct the file, and set `checked_on`.\n\n")
		for _, s := range stale {
			fmt.Fprintf(&b, "- %s\n", s)
		}
		b.WriteString("\n")
	}

	if len(moved) > 0 {
		b.WriteString("### Moved\n\nThese still work through a redirect; the citation can follow to the new address.\n\n")
		b.WriteString("| Address | Answer | Now at | Cited in |\n|---|---|---|---|\n")
		for _, r := range moved {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(r.URL), cell(r.statusText()), cell(r.Location), cited(r.CitedIn))
		}
		b.WriteString("\n")
	}

	if len(unchecked) > 0 {
		b.WriteString("### Could not be checked (not failing)\n\n")
		b.WriteString("Rate limits, server errors and timeouts that outlasted the retries, unexpected answers, and failures on hosts known to turn robots away (`.github/flaky-hosts.txt`). Worth a look when the same address shows up here week after week.\n\n")
		b.WriteString("| Address | Answer | Why it does not fail | Cited in |\n|---|---|---|---|\n")
		for _, r := range unchecked {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(r.URL), cell(r.statusText()), why(r), cited(r.CitedIn))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func why(r Result) string {
	switch {
	case r.Known:
		return "known-flaky host"
	case r.Verdict == Flaky && r.Attempts == 0:
		return "host did not answer"
	case r.Verdict == Flaky:
		return fmt.Sprintf("flaky (%d requests)", r.Attempts)
	default:
		return "unexpected answer"
	}
}

// cited lists the first three places that cite an address.
func cited(where []string) string {
	const most = 3
	if len(where) <= most {
		return cell(strings.Join(where, ", "))
	}
	return cell(strings.Join(where[:most], ", ")) + fmt.Sprintf(" and %d more", len(where)-most)
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	if s == "" {
		return "–"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
