package generator

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// guideSection is the part of a guide under one of its headings. The search finds it on its
// own, so that an agent lands on the answer rather than at the top of a long page.
type guideSection struct {
	ID, Heading, Text string
}

// sectionParser reads a page's headings as the page's renderer does (newMarkdown), so that
// the ids match: goldmark makes them from the heading's text while parsing blocks, before
// any of our extensions run.
var sectionParser = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
).Parser()

// guideSections splits a page's Markdown at its second- and third-level headings. A
// section's text runs to the next heading of any level, so a heading with subsections has
// only its introduction.
func guideSections(body string) []guideSection {
	src := []byte(body)
	type heading struct {
		level, start, end int
		id, text          string
	}
	var headings []heading
	for n := sectionParser.Parse(text.NewReader(src)).FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Lines().Len() == 0 {
			continue
		}
		id, _ := h.AttributeString("id")
		idBytes, _ := id.([]byte)
		first, last := h.Lines().At(0), h.Lines().At(h.Lines().Len()-1)
		headings = append(headings, heading{
			level: h.Level, id: string(idBytes), text: string(h.Lines().Value(src)),
			start: bytes.LastIndexByte(src[:first.Start], '\n') + 1,
			end:   lineEnd(src, last.Stop),
		})
	}
	var out []guideSection
	for i, h := range headings {
		if h.level < 2 || h.level > 3 || h.id == "" {
			continue
		}
		stop := len(src)
		if i+1 < len(headings) {
			stop = headings[i+1].start
		}
		out = append(out, guideSection{ID: h.id, Heading: h.text, Text: body[h.end:stop]})
	}
	return out
}

// lineEnd is the position just past the end of the line holding position i.
func lineEnd(src []byte, i int) int {
	if k := bytes.IndexByte(src[i:], '\n'); k >= 0 {
		return i + k + 1
	}
	return len(src)
}
