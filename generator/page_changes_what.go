package generator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// What changed for an agent, read from the data itself: a file's contents before and after
// a commit (History's Before and After) are decoded and compared field by field, so that
// /changes/ says "2 causes added" or "retry advice now: Do not retry" rather than repeating
// the commit's subject, which is written for maintainers.

// whatChanged describes one file's change in plain sentences; kind is "code", "provider" or
// "" (any other file: a guide, tiers.toml), which is only said to be new or updated.
func whatChanged(kind string, before, after []byte) []string {
	switch {
	case before == nil && after == nil:
		return nil
	case after == nil:
		return []string{"Removed."}
	}
	switch kind {
	case "code":
		return codeChanges(before, after)
	case "provider":
		return providerChanges(before, after)
	}
	if before == nil {
		return []string{"New page."}
	}
	return []string{"Text updated."}
}

func codeChanges(before, after []byte) []string {
	var old, now codeFile
	if _, err := toml.Decode(string(after), &now); err != nil {
		return nil
	}
	if before == nil {
		return []string{fmt.Sprintf("New code page, with %s and %s.", count(len(now.Causes), "cause"), count(len(now.Actions), "action"))}
	}
	if _, err := toml.Decode(string(before), &old); err != nil {
		return nil
	}
	var out []string
	if old.Title != now.Title {
		out = append(out, "Title now “"+now.Title+"”.")
	}
	if a, b := retryLabel(old.Retry, old.RetryAfter), retryLabel(now.Retry, now.RetryAfter); a != b {
		out = append(out, "Retry advice now “"+b+"” (was “"+a+"”).")
	}
	if a, b := fixLabels(old.FixBy), fixLabels(now.FixBy); a != b {
		out = append(out, "Who fixes it now: "+b+" (was "+a+").")
	}
	if old.Summary != now.Summary {
		out = append(out, "Meaning reworded.")
	}
	out = append(out, listChanges("cause", old.Causes, now.Causes)...)
	out = append(out, listChanges("action", old.Actions, now.Actions)...)
	if old.Reply != now.Reply {
		if old.Reply == "" {
			out = append(out, "A reply for the customer added.")
		} else {
			out = append(out, "Reply for the customer reworded.")
		}
	}
	if len(now.Messages) > len(old.Messages) {
		out = append(out, count(len(now.Messages)-len(old.Messages), "error message")+" added, which search now finds.")
	}
	if len(out) == 0 {
		out = append(out, "Sources or search words updated; the advice is the same.")
	}
	return out
}

// listChanges says how a list of causes or actions changed: items added, removed, and
// items whose text changed in place.
func listChanges(noun string, old, now []string) []string {
	var added, removed int
	for _, s := range now {
		if !slices.Contains(old, s) {
			added++
		}
	}
	for _, s := range old {
		if !slices.Contains(now, s) {
			removed++
		}
	}
	reworded := min(added, removed)
	if len(now) == len(old) {
		// The same number of items with different texts: rewording, not new advice.
		added, removed = 0, 0
	} else {
		added -= reworded
		removed -= reworded
	}
	var out []string
	if added > 0 {
		out = append(out, count(added, noun)+" added.")
	}
	if removed > 0 {
		out = append(out, count(removed, noun)+" removed.")
	}
	if reworded > 0 {
		out = append(out, count(reworded, noun)+" corrected or reworded.")
	}
	return out
}

func providerChanges(before, after []byte) []string {
	var old, now providerFile
	if _, err := toml.Decode(string(after), &now); err != nil {
		return nil
	}
	if before == nil {
		return []string{fmt.Sprintf("New provider, with %s.", count(len(now.Errors), "entry"))}
	}
	if _, err := toml.Decode(string(before), &old); err != nil {
		return nil
	}
	// Entries are matched by their code (or id, or title for uncoded ones).
	key := func(code, id, title string) string {
		switch {
		case id != "":
			return id
		case code != "":
			return code
		}
		return title
	}
	oldBy, nowBy := map[string]string{}, map[string]string{}
	var order []string
	for _, e := range old.Errors {
		oldBy[key(e.Code, e.ID, e.Title)] += e.Title + e.Meaning + e.Action + e.Retry + e.RetryAfter + strings.Join(e.Equivalent, ",")
	}
	for _, e := range now.Errors {
		k := key(e.Code, e.ID, e.Title)
		if _, seen := nowBy[k]; !seen {
			order = append(order, k)
		}
		nowBy[k] += e.Title + e.Meaning + e.Action + e.Retry + e.RetryAfter + strings.Join(e.Equivalent, ",")
	}
	var added, changed, removed []string
	for _, k := range order {
		was, ok := oldBy[k]
		switch {
		case !ok:
			added = append(added, k)
		case was != nowBy[k]:
			changed = append(changed, k)
		}
	}
	for _, e := range old.Errors {
		k := key(e.Code, e.ID, e.Title)
		if _, ok := nowBy[k]; !ok && !slices.Contains(removed, k) {
			removed = append(removed, k)
		}
	}
	var out []string
	for _, l := range []struct {
		what string
		keys []string
	}{{"New entries", added}, {"Entries corrected", changed}, {"Entries removed", removed}} {
		if len(l.keys) > 0 {
			out = append(out, l.what+": "+shortList(l.keys)+".")
		}
	}
	if old.Summary != now.Summary || old.Support != now.Support || !slices.Equal(old.Escalation, now.Escalation) {
		out = append(out, "What the provider handles, or how to reach its support, updated.")
	}
	if len(now.FAQ) != len(old.FAQ) {
		out = append(out, fmt.Sprintf("Questions and answers: %d now (were %d).", len(now.FAQ), len(old.FAQ)))
	}
	if len(out) == 0 {
		out = append(out, "Sources or wording updated; no entry changed.")
	}
	return out
}

// shortList names up to eight items and counts the rest.
func shortList(items []string) string {
	if len(items) <= 8 {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:8], ", ") + fmt.Sprintf(" and %d more", len(items)-8)
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
