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
	// Each code and provider is encoded on its own and indented into the file as it comes,
	// as json.MarshalIndent of a jsonSite would write them: encoding the whole site at once
	// grew one buffer of its size by doubling, copied it, and indented the copy into a third,
	// about five times the file's size of garbage at the moment memory peaks.
	var codes, providers [][]byte
	size := 0
	add := func(list *[][]byte, v any) error {
		b, err := json.Marshal(v)
		*list = append(*list, b)
		size += len(b) + 1
		return err
	}
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
		if err := add(&codes, jc); err != nil {
			return nil, err
		}
	}
	for _, p := range r.site.Providers {
		jp := jsonProvider{Slug: p.Slug, URL: link(providerPath(p.Slug)), Name: p.Name, Kind: p.Kind, Support: p.Support, Entries: []jsonStatement{}}
		for _, e := range p.Entries {
			jp.Entries = append(jp.Entries, statement(e))
		}
		if err := add(&providers, jp); err != nil {
			return nil, err
		}
	}
	return indentSite(codes, providers, size), nil
}

// indentSite writes codes.json from its codes and providers, each encoded by json.Marshal,
// as json.MarshalIndent(v, "", " ") writes the jsonSite that holds them, and a newline; size
// is about the length of the pieces together.
func indentSite(codes, providers [][]byte, size int) []byte {
	// Indentation adds about 15% to the file of the 10,000 synthetic codes.
	var ind jsonIndenter
	dst := make([]byte, 0, size+size/4)
	dst = ind.append(dst, []byte(`{"codes":`))
	dst = ind.appendArray(dst, codes)
	dst = ind.append(dst, []byte(`,"providers":`))
	dst = ind.appendArray(dst, providers)
	dst = ind.append(dst, []byte(`}`))
	return append(dst, '\n')
}

// appendArray appends the encoded values as a JSON array to dst, indented, as json.Marshal
// writes a slice of them: null when there are none, since the lists start nil.
func (ind *jsonIndenter) appendArray(dst []byte, values [][]byte) []byte {
	if len(values) == 0 {
		return ind.append(dst, []byte("null"))
	}
	dst = ind.append(dst, []byte("["))
	for i, v := range values {
		if i > 0 {
			dst = ind.append(dst, []byte(","))
		}
		dst = ind.append(dst, v)
	}
	return ind.append(dst, []byte("]"))
}

// indentJSON appends src, JSON as json.Marshal writes it (no space outside strings), to dst
// indented as json.MarshalIndent(v, "", " ") indents it. encoding/json indents with its
// general scanner, stepped a byte at a time, which took longer than encoding the site: but
// outside its strings Marshal's output has only punctuation to act on, and a string can be
// copied whole.
func indentJSON(dst, src []byte) []byte {
	var ind jsonIndenter
	return ind.append(dst, src)
}

// jsonIndenter is indentJSON for a text that comes in pieces, each of them whole values or
// punctuation between them: it keeps the depth and whether a bracket just opened from one
// piece to the next.
type jsonIndenter struct {
	depth int
	open  bool // after { or [, whose newline waits: an empty object or array stays {} or []
}

func (ind *jsonIndenter) append(dst, src []byte) []byte {
	depth, open := ind.depth, ind.open
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
	ind.depth, ind.open = depth, open
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
