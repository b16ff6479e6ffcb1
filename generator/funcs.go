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
func entryFacts(e *Entry) string {
	var parts []string
	if e.Class != "" {
		parts = append(parts, classLabel(e.Class))
	}
	if e.Retry != "" {
		parts = append(parts, retryLabel(e.Retry, e.RetryAfter))
	}
	if len(e.FixBy) > 0 {
		parts = append(parts, "Fix: "+fixLabels(e.FixBy))
	}
	return strings.Join(parts, " · ")
}

var classLabels = map[string][2]string{
	"fatal":        {"Fatal", "Nothing sends until the account, number or integration is fixed."},
	"temporary":    {"Temporary", "Transient: the same send succeeds later."},
	"context":      {"Context", "The conversation's state forbids this message (window, recipient, limits)."},
	"request":      {"Request", "The request is wrong: correct it and send again."},
	"registration": {"Registration", "Registering or verifying the phone number."},
}

func classLabel(class string) string {
	if l, ok := classLabels[class]; ok {
		return l[0]
	}
	return "Unclassified"
}

func classHelp(class string) string { return classLabels[class][1] }

func retryLabel(retry, after string) string {
	switch retry {
	case "no":
		return "Do not retry"
	case "yes":
		if after != "" {
			return "Retry after " + humanDuration(after)
		}
		return "Retry"
	case "backoff":
		if after != "" {
			return "Retry with backoff, from " + humanDuration(after)
		}
		return "Retry with backoff"
	}
	return "Retry unknown"
}

var fixLabelText = map[string]string{
	"you":       "Your team",
	"provider":  "Provider support",
	"meta":      "Meta",
	"recipient": "The recipient",
}

func fixLabels(who []string) string {
	var out []string
	for _, w := range who {
		out = append(out, fixLabelText[w])
	}
	if len(out) == 0 {
		return "Not stated"
	}
	return strings.Join(out, ", ")
}

func apiLabel(api string) string {
	switch api {
	case "graph":
		return "Graph API"
	case "cloud":
		return "Cloud API"
	case "onprem":
		return "On-Premises API"
	}
	return "Provider code"
}

func kindLabel(kind string) string {
	switch kind {
	case "meta":
		return "Platform owner"
	case "bsp":
		return "Business Solution Provider"
	case "platform":
		return "Product embedding WhatsApp"
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
