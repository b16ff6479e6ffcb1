package generator

import (
	"bytes"
	"encoding/json"
)

// The shape of codes.json: the whole knowledge base for other tools. Field names follow the
// data format, so a reader of data/README.md can read this too.
type jsonSite struct {
	Codes     []jsonCode     `json:"codes"`
	Providers []jsonProvider `json:"providers"`
}

type jsonCode struct {
	Code           string          `json:"code"`
	URL            string          `json:"url"`
	Title          string          `json:"title"`
	API            string          `json:"api,omitempty"`
	HTTPStatus     int             `json:"http_status,omitempty"`
	Class          string          `json:"class,omitempty"`
	Retry          string          `json:"retry,omitempty"`
	RetryAfter     string          `json:"retry_after,omitempty"`
	FixBy          []string        `json:"fix_by,omitempty"`
	Topics         []string        `json:"topics,omitempty"`
	Summary        string          `json:"summary,omitempty"`
	Causes         []string        `json:"causes,omitempty"`
	Actions        []string        `json:"actions,omitempty"`
	Equivalent     []string        `json:"equivalent,omitempty"`
	SeeAlso        []string        `json:"see_also,omitempty"`
	Providers      []jsonStatement `json:"providers,omitempty"`
	Disagreements  []string        `json:"disagreements,omitempty"`
	Messages       []string        `json:"messages,omitempty"`
	CheckedOn      string          `json:"checked_on,omitempty"`
	CheckedAgainst string          `json:"checked_against,omitempty"`
}

type jsonStatement struct {
	Provider   string   `json:"provider"`
	ID         string   `json:"id,omitempty"`
	Code       string   `json:"code,omitempty"`
	URL        string   `json:"url"`
	Title      string   `json:"title"`
	HTTPStatus int      `json:"http_status,omitempty"`
	Section    string   `json:"section,omitempty"`
	Meaning    string   `json:"meaning,omitempty"`
	Action     string   `json:"action,omitempty"`
	Class      string   `json:"class,omitempty"`
	Retry      string   `json:"retry,omitempty"`
	RetryAfter string   `json:"retry_after,omitempty"`
	FixBy      []string `json:"fix_by,omitempty"`
	Messages   []string `json:"messages,omitempty"`
	Source     string   `json:"source,omitempty"`
	Seen       string   `json:"seen,omitempty"`
}

type jsonProvider struct {
	Slug    string          `json:"slug"`
	URL     string          `json:"url"`
	Name    string          `json:"name"`
	Kind    string          `json:"kind"`
	Support string          `json:"support,omitempty"`
	Entries []jsonStatement `json:"entries"`
}

func (r *builder) codesJSON() ([]byte, error) {
	// Addresses are from the site's root, under the base path when it is known, as a tool
	// reading the file from the root expects.
	link := func(path string) string { return r.basePath + path }
	statement := func(e *Entry) jsonStatement {
		st := jsonStatement{
			Provider: e.Provider.Slug, ID: e.ID, Code: e.Code, URL: link(entryPath(e)), Title: e.Title,
			HTTPStatus: e.HTTPStatus, Section: e.Section, Meaning: e.Meaning, Action: e.Action,
			Class: e.Class, Retry: e.Retry, RetryAfter: e.RetryAfter, FixBy: e.FixBy, Messages: e.Messages,
		}
		if e.Source != nil {
			st.Source, st.Seen = e.Source.Title, e.Source.Seen.Format("2006-01-02")
		}
		return st
	}
	var out jsonSite
	for _, c := range r.site.Codes {
		jc := jsonCode{
			Code: c.Key, URL: link(codePath(c.Key)), Title: c.Title, API: c.API, HTTPStatus: c.HTTPStatus,
			Class: c.Class, Retry: c.Retry, RetryAfter: c.RetryAfter, FixBy: c.FixBy, Topics: c.Topics,
			Summary: c.Summary, Causes: c.Causes, Actions: c.Actions, Messages: c.Messages,
			CheckedAgainst: c.Checked.Against,
		}
		if !c.Checked.On.IsZero() {
			jc.CheckedOn = c.Checked.On.Format("2006-01-02")
		}
		for _, o := range c.Equivalents {
			jc.Equivalent = append(jc.Equivalent, o.Key)
		}
		for _, o := range c.Related {
			jc.SeeAlso = append(jc.SeeAlso, o.Key)
		}
		for _, e := range c.Entries {
			jc.Providers = append(jc.Providers, statement(e))
		}
		for _, d := range c.Disagreements {
			jc.Disagreements = append(jc.Disagreements, d.About)
		}
		out.Codes = append(out.Codes, jc)
	}
	for _, p := range r.site.Providers {
		jp := jsonProvider{Slug: p.Slug, URL: link(providerPath(p.Slug)), Name: p.Name, Kind: p.Kind, Support: p.Support, Entries: []jsonStatement{}}
		for _, e := range p.Entries {
			jp.Entries = append(jp.Entries, statement(e))
		}
		out.Providers = append(out.Providers, jp)
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	// Indentation adds about 15% to the file of the 10,000 synthetic codes.
	return append(indentJSON(make([]byte, 0, len(b)+len(b)/4), b), '\n'), nil
}

// indentJSON appends src, JSON as json.Marshal writes it (no space outside strings), to dst
// indented as json.MarshalIndent(v, "", " ") indents it. encoding/json indents with its
// general scanner, stepped a byte at a time, which took longer than encoding the site: but
// outside its strings Marshal's output has only punctuation to act on, and a string can be
// copied whole.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	open := false // after { or [, whose newline waits: an empty object or array stays {} or []
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = jsonNewline(dst, depth)
		}
		switch c {
		case '"':
			end := closingQuote(src, i+1)
			dst = append(dst, src[i:end+1]...)
			i = end
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = jsonNewline(append(dst, c), depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				dst = jsonNewline(dst, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// closingQuote returns the position of the quote that closes the JSON string whose text
// starts at src[from]: the first quote not escaped, that is not after an odd number of
// backslashes.
func closingQuote(src []byte, from int) int {
	for {
		q := from + bytes.IndexByte(src[from:], '"')
		backslashes := 0
		for q-1-backslashes >= from && src[q-1-backslashes] == '\\' {
			backslashes++
		}
		if backslashes%2 == 0 {
			return q
		}
		from = q + 1
	}
}

// jsonNewline appends a newline and depth levels of one-space indentation.
func jsonNewline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ')
	}
	return dst
}
