package generator

import (
	"strconv"
	"strings"

	"github.com/waerrors/kb/internal/tomlpos"
)

// Facts are the verdict on an error that an agent acts on: the HTTP status it arrives with,
// its class, whether and when to retry, and who has to fix it. A code file states Meta's;
// each provider entry may state its own, and conflicts compares them field by field.
// The toml tags are the data format's (data/README.md): code files and entries embed Facts.
type Facts struct {
	HTTPStatus int      `toml:"http_status"`
	Class      string   `toml:"class"`
	Retry      string   `toml:"retry"`
	RetryAfter string   `toml:"retry_after"`
	FixBy      []string `toml:"fix_by"`
}

// factNames are the facts sources can disagree on, in the order conflicts lists them.
var factNames = [...]string{"HTTP status", "class", "retry", "wait before retrying", "who fixes it"}

// field returns fact i (an index of factNames) as text, "" when the source does not state it.
func (f Facts) field(i int) string {
	switch i {
	case 0:
		if f.HTTPStatus != 0 {
			return strconv.Itoa(f.HTTPStatus)
		}
	case 1:
		return f.Class
	case 2:
		return f.Retry
	case 3:
		return f.RetryAfter
	case 4:
		return strings.Join(f.FixBy, " and ")
	}
	return ""
}

// checkFacts validates the facts of a code file (at "") or of an entry (at "errors.3").
func (l *loader) checkFacts(ix *tomlpos.Index, at string, f Facts) {
	l.oneOf(ix, join(at, "class"), f.Class, classes.values())
	l.oneOf(ix, join(at, "retry"), f.Retry, retries.values())
	l.listOf(ix, join(at, "fix_by"), f.FixBy, fixers.values())
	l.httpStatus(ix, join(at, "http_status"), f.HTTPStatus)
	prefix := ""
	if at != "" {
		prefix = at + "."
	}
	l.retryAfter(ix, prefix, f.Retry, f.RetryAfter)
}

// summary is a provider's verdict in one line: "Context · Do not retry · Fix: Your team".
func (f Facts) summary() string {
	var parts []string
	if f.Class != "" {
		parts = append(parts, classes.label(f.Class))
	}
	if f.Retry != "" {
		parts = append(parts, retryLabel(f.Retry, f.RetryAfter))
	}
	if len(f.FixBy) > 0 {
		parts = append(parts, "Fix: "+fixLabels(f.FixBy))
	}
	return strings.Join(parts, " · ")
}

// A vocabulary is the words one field of the data format allows, in the order the site lists
// them, with the label the site shows and, where one helps, a line of explanation.
// Validation, labels and the search index all read these tables.
type vocabulary []term

type term struct{ value, label, help string }

var (
	apis = vocabulary{
		{"graph", "Graph API", ""},
		{"cloud", "Cloud API", ""},
		{"onprem", "On-Premises API", ""},
	}
	classes = vocabulary{
		{"fatal", "Fatal", "Nothing sends until the account, number or integration is fixed."},
		{"temporary", "Temporary", "Transient: the same send succeeds later."},
		{"context", "Context", "The conversation's state forbids this message (window, recipient, limits)."},
		{"request", "Request", "The request is wrong: correct it and send again."},
		{"registration", "Registration", "Registering or verifying the phone number."},
	}
	retries = vocabulary{
		{"no", "Do not retry", ""},
		{"yes", "Retry", ""},
		{"backoff", "Retry with backoff", ""},
	}
	fixers = vocabulary{
		{"you", "Your team", ""},
		{"provider", "Provider support", ""},
		{"meta", "Meta", ""},
		{"recipient", "The recipient", ""},
	}
	kinds = vocabulary{
		{"meta", "Platform owner", ""},
		{"bsp", "Business Solution Provider", ""},
		{"platform", "Product embedding WhatsApp", ""},
	}
	topicList = []string{"window", "tiers", "quality", "templates", "media", "auth", "billing", "policy", "rate-limits", "registration", "server", "flows"}
	scopes    = []string{"provider"} // an entry's code is the provider's own number, not a platform code
)

// values are the allowed words, in order.
func (v vocabulary) values() []string {
	out := make([]string, len(v))
	for i, t := range v {
		out[i] = t.value
	}
	return out
}

// find returns a value's term; the zero term for a value outside the vocabulary.
func (v vocabulary) find(value string) term {
	for _, t := range v {
		if t.value == value {
			return t
		}
	}
	return term{}
}

// labels maps each value to its label.
func (v vocabulary) labels() map[string]string {
	out := make(map[string]string, len(v))
	for _, t := range v {
		out[t.value] = t.label
	}
	return out
}

// label is how the site shows a value; "" for a value outside the vocabulary.
func (v vocabulary) label(value string) string { return v.find(value).label }

// help explains a value in a line.
func (v vocabulary) help(value string) string { return v.find(value).help }
