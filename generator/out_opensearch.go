package generator

import (
	"bytes"
	"html/template"
	"strings"
	"unicode/utf8"
)

// OpenSearch lets a browser add the site as a search engine: every page links to
// opensearch.xml, which tells the browser to send a query to /search/?q=…. The description
// must hold absolute addresses, so it exists only when the base URL is known; without one
// neither the file nor the links are written.

// openSearchShortName is the engine's name as browsers list it. OpenSearch allows at most
// 16 characters: a longer site title is cut at a word.
func openSearchShortName(title string) string {
	const limit = 16
	if utf8.RuneCountInString(title) <= limit {
		return title
	}
	short := ""
	for _, w := range strings.Fields(title) {
		next := w
		if short != "" {
			next = short + " " + w
		}
		if utf8.RuneCountInString(next) > limit {
			break
		}
		short = next
	}
	if short == "" {
		short = string([]rune(title)[:limit])
	}
	return short
}

// openSearch writes the OpenSearch description, or nil when the base URL is unknown.
func (r *builder) openSearch() []byte {
	base := r.opt.BaseURL
	if base == "" {
		return nil
	}
	esc := func(s string) string {
		var b bytes.Buffer
		template.HTMLEscape(&b, []byte(s)) // also valid XML escaping: & < > " '
		return b.String()
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">` + "\n")
	b.WriteString("  <ShortName>" + esc(openSearchShortName(r.opt.Title)) + "</ShortName>\n")
	b.WriteString("  <Description>" + esc("Search "+r.opt.Title+": error codes, pasted errors and provider messages") + "</Description>\n")
	b.WriteString("  <InputEncoding>UTF-8</InputEncoding>\n")
	b.WriteString(`  <Url type="text/html" method="get" template="` + esc(base+searchPath) + `?q={searchTerms}"/>` + "\n")
	b.WriteString(`  <Url type="application/opensearchdescription+xml" rel="self" template="` + esc(base+openSearchFile) + `"/>` + "\n")
	b.WriteString("  <moz:SearchForm>" + esc(base+searchPath) + "</moz:SearchForm>\n")
	b.WriteString("</OpenSearchDescription>\n")
	return b.Bytes()
}

// openSearchURL links to the OpenSearch description, or "" when there is none.
func (p *page) openSearchURL() string {
	if p.r.opt.BaseURL == "" {
		return ""
	}
	return p.URL(openSearchFile)
}
