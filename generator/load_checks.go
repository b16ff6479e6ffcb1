package generator

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/waerrors/kb/internal/tomlpos"
)

// Checks shared by the loaders. at is the path of the table ("" for the top level,
// "errors.3" for an entry); they add errors and never stop.

func (l *loader) required(ix *tomlpos.Index, at string, fields map[string]string) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.TrimSpace(fields[k]) != "" {
			continue
		}
		if ix.Has(join(at, k)) {
			l.errs.Add(ix.Value(join(at, k)), "%s: must not be empty", k)
			continue
		}
		pos := Pos{File: ix.File(), Line: 1, Col: 1}
		if at != "" {
			pos = ix.Key(at)
		}
		l.errs.Add(pos, "%s: missing required field", k)
	}
}

// lastPart is the last key of a path: "class" of "errors.3.class".
func lastPart(path string) string { return path[strings.LastIndexByte(path, '.')+1:] }

func join(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

func (l *loader) oneOf(ix *tomlpos.Index, at, value string, allowed []string) {
	if value != "" && !slices.Contains(allowed, value) {
		l.errs.Add(ix.Value(at), "%s: unknown value %q (want %s)", lastPart(at), value, strings.Join(allowed, ", "))
	}
}

func (l *loader) listOf(ix *tomlpos.Index, at string, values, allowed []string) {
	seen := map[string]bool{}
	for i, v := range values {
		switch {
		case !slices.Contains(allowed, v):
			l.errs.Add(ix.Item(at, i), "%s: unknown value %q (want %s)", lastPart(at), v, strings.Join(allowed, ", "))
		case seen[v]:
			l.errs.Add(ix.Item(at, i), "%s: %q is listed twice", lastPart(at), v)
		}
		seen[v] = true
	}
}

func (l *loader) httpStatus(ix *tomlpos.Index, at string, status int) {
	if ix.Has(at) && (status < 100 || status > 599) {
		l.errs.Add(ix.Value(at), "http_status: %d is not an HTTP status (want 100 to 599)", status)
	}
}

func (l *loader) retryAfter(ix *tomlpos.Index, prefix, retry, after string) {
	if after == "" {
		return
	}
	d, err := time.ParseDuration(after)
	switch {
	case err != nil:
		l.errs.Add(ix.Value(prefix+"retry_after"), "retry_after: bad duration %q (want a Go duration such as 10m or 24h)", after)
	case d <= 0:
		l.errs.Add(ix.Value(prefix+"retry_after"), "retry_after: %q is not a wait; want a positive duration such as 10m", after)
	case retry == "no":
		l.errs.Add(ix.Value(prefix+"retry_after"), "retry_after: set, but retry is \"no\"")
	}
}

// aliases keeps a page's words in other languages, each non-blank.
func (l *loader) aliases(ix *tomlpos.Index, a aliases) []string {
	var out []string
	for _, l10n := range a.byLanguage() {
		for i, w := range l10n.words {
			if strings.TrimSpace(w) == "" {
				l.errs.Add(ix.Item("aliases."+l10n.lang, i), "aliases: %s entry %d is empty", l10n.lang, i+1)
			}
		}
		out = append(out, l10n.words...)
	}
	return out
}

// messages checks the literal strings an API returns: each one something to find, once.
func (l *loader) messages(ix *tomlpos.Index, messages []string) {
	l.messagesAt(ix, "messages", messages)
}

func (l *loader) messagesAt(ix *tomlpos.Index, at string, messages []string) {
	for i, m := range messages {
		switch {
		case strings.TrimSpace(m) == "":
			l.errs.Add(ix.Item(at, i), "messages: entry %d is empty", i+1)
		case slices.Contains(messages[:i], m):
			l.errs.Add(ix.Item(at, i), "messages: %q is listed twice", m)
		}
	}
}

// checked requires the date and the page of a check together: a date without the page
// cannot be repeated by the next person, and a page without a date cannot go stale. The
// date cannot be after today.
func (l *loader) checked(ix *tomlpos.Index, on time.Time, against string) {
	if day := on.Format(time.DateOnly); !on.IsZero() && day > l.in.Today.Format(time.DateOnly) {
		l.errs.Add(ix.Value("checked_on"), "checked_on: %s is after today; write the day the file was checked", day)
	}
	switch {
	case against != "" && on.IsZero():
		l.errs.Add(ix.Key("checked_against"), "checked_on: missing; say when the file was checked against this page (checked_on = 2026-11-30)")
	case against == "" && !on.IsZero():
		l.errs.Add(ix.Key("checked_on"), "checked_against: missing; name the page of Meta's documentation the file was checked against")
	}
	l.webURL(ix, "checked_against", against)
}

func (l *loader) webURL(ix *tomlpos.Index, at, u string) { checkWebURL(&l.errs, ix, at, u) }

// checkWebURL reports an address that is set but is not an http(s) one.
func checkWebURL(errs *ErrorList, ix *tomlpos.Index, at, u string) {
	if u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		errs.Add(ix.Value(at), "%s: %q is not an http(s) address", lastPart(at), u)
	}
}

// refs records the codes named in equivalent or see_also, to be resolved once every file is
// loaded. self is the code of the file or entry naming them.
func (l *loader) refs(ix *tomlpos.Index, at, self string, keys []string) []ref {
	var out []ref
	for i, k := range keys {
		pos := ix.Item(at, i)
		if k == self {
			l.errs.Add(pos, "%s: code %q names itself", lastPart(at), k)
			continue
		}
		out = append(out, ref{k, pos})
	}
	return out
}
