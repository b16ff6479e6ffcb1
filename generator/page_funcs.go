package generator

import (
	"html/template"
	"strconv"
	"strings"
	"time"
)

// funcs are the template functions; every one is listed in doc.go.
var funcs = template.FuncMap{
	"join":       strings.Join,
	"classLabel": classLabel,
	"classHelp":  classHelp,
	"classWords": classWords,
	"retryLabel": retryLabel,
	"fixLabels":  fixLabels,
	"apiLabel":   apiLabel,
	"kindLabel":  kindLabel,
	"duration":   humanDuration,
	"date":       func(t time.Time) string { return t.Format("2006-01-02") },
	"entryFacts": entryFacts,
	"inc":        func(n int) int { return n + 1 },
}

// entryFacts is what a provider says of an entry's class, retry and fixer, in one line.
func entryFacts(e *Entry) string { return e.Facts.summary() }

func classLabel(class string) string {
	if l := classes.label(class); l != "" {
		return l
	}
	return "Unclassified"
}

func classHelp(class string) string { return classes.help(class) }

// classWords says on a badge, in a few words, what a class means for the agent.
func classWords(class string) string {
	switch class {
	case "fatal":
		return "nothing sends until it is fixed"
	case "temporary":
		return "a later retry works"
	case "context":
		return "the conversation's state blocks it"
	case "request":
		return "the request itself is wrong"
	case "registration":
		return "registering or verifying the number"
	}
	return ""
}

func retryLabel(retry, after string) string {
	l := retries.label(retry)
	switch {
	case l == "":
		return "Retry unknown"
	case after != "" && retry == "yes":
		return "Retry after " + humanDuration(after)
	case after != "" && retry == "backoff":
		return l + ", from " + humanDuration(after)
	}
	return l
}

func fixLabels(who []string) string {
	var out []string
	for _, w := range who {
		out = append(out, fixers.label(w))
	}
	if len(out) == 0 {
		return "Not stated"
	}
	return strings.Join(out, ", ")
}

func apiLabel(api string) string {
	if l := apis.label(api); l != "" {
		return l
	}
	return "Provider code"
}

func kindLabel(kind string) string {
	if l := kinds.label(kind); l != "" {
		return l
	}
	return kind
}

// humanDuration writes a Go duration as people say it: "10m" is "10 minutes".
func humanDuration(s string) string {
	d, err := time.ParseDuration(s)
	if err != nil {
		return s
	}
	unit := func(n int64, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.FormatInt(n, 10) + " " + one + "s"
	}
	switch {
	case d%(24*time.Hour) == 0 && d >= 48*time.Hour:
		return unit(int64(d/(24*time.Hour)), "day")
	case d%time.Hour == 0:
		return unit(int64(d/time.Hour), "hour")
	case d%time.Minute == 0:
		return unit(int64(d/time.Minute), "minute")
	case d%time.Second == 0:
		return unit(int64(d/time.Second), "second")
	}
	return s
}
