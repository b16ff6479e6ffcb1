package generator

import (
	"bufio"
	"bytes"
	"html/template"
	"iter"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the one goldmark instance a build uses: GitHub-flavoured Markdown,
// heading ids, code auto-linking. Raw HTML is never passed through: it is shown as text, so
// a <script> in the data is visible to the editor who wrote it and runs nowhere.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, CodeLinker{}, htmlAsText{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// markdownLinks says where links go from the page being rendered: code mentions (code returns
// "" for text that is not a known code) and links to the site's root ("/window/"), which must
// follow the base URL. Both are per page, because links are relative to the page.
type markdownLinks struct {
	code func(key string) (href, title string)
	root func(target string) string
}

var codeLinkKey = parser.NewContextKey()

// markdownBuffers reuses the output buffers of conversions: goldmark would otherwise
// allocate a 4 KB bufio.Writer for each of the hundred thousand texts of a large site.
var markdownBuffers = sync.Pool{New: func() any {
	b := new(bytes.Buffer)
	return &markdownBuffer{b, bufio.NewWriter(b)}
}}

type markdownBuffer struct {
	out *bytes.Buffer
	w   *bufio.Writer
}

// renderMarkdown converts src, resolving links with link.
func renderMarkdown(md goldmark.Markdown, src string, link markdownLinks) (template.HTML, error) {
	mb := markdownBuffers.Get().(*markdownBuffer)
	defer markdownBuffers.Put(mb)
	mb.out.Reset()
	mb.w.Reset(mb.out)
	pc := parser.NewContext()
	pc.Set(codeLinkKey, link)
	if err := md.Convert([]byte(src), mb.w, parser.WithContext(pc)); err != nil {
		return "", err
	}
	mb.w.Flush()
	return template.HTML(mb.out.String()), nil
}

// CodeLinker is a goldmark extension that turns mentions of known codes in text into links.
type CodeLinker struct{}

// Extend adds the linker's AST transformer.
func (CodeLinker) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(codeLinkTransformer{}, 999)))
}

type codeLinkTransformer struct{}

func (codeLinkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	links, ok := pc.Get(codeLinkKey).(markdownLinks)
	if !ok {
		return
	}
	link := links.code
	source := reader.Source()
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest := string(n.Destination)
			if strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
				n.Destination = []byte(links.root(dest[1:]))
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink, *ast.CodeSpan, *ast.RawHTML, *ast.Heading, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.Image:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	// The tree changes only after the walk, so the walk never sees the nodes it adds.
	// goldmark splits text at spaces (for linkify), so "error" and "470" are often separate
	// nodes: mentions are found over each run of adjacent text nodes, then applied per node.
	known := func(code string) bool {
		href, _ := link(code)
		return href != ""
	}
	for i := 0; i < len(texts); {
		j := i + 1
		for j < len(texts) && adjacent(texts[j-1], texts[j], source) {
			j++
		}
		from, to := texts[i].Segment.Start, texts[j-1].Segment.Stop
		var mentions []Mention
		for _, m := range FindCodeMentions(source[from:to], known) {
			m.Start, m.End = m.Start+from, m.End+from
			mentions = append(mentions, m)
		}
		for _, t := range texts[i:j] {
			linkMentions(t, mentions, link)
		}
		i = j
	}
}

// adjacent reports whether b directly follows a in the same parent with only spaces between.
func adjacent(a, b *ast.Text, source []byte) bool {
	if a.NextSibling() != ast.Node(b) || a.Segment.Stop > b.Segment.Start {
		return false
	}
	return len(bytes.TrimSpace(source[a.Segment.Stop:b.Segment.Start])) == 0
}

// linkMentions replaces the mentions that fall inside t (source offsets) with links.
func linkMentions(t *ast.Text, mentions []Mention, link func(string) (string, string)) {
	seg := t.Segment
	parent := t.Parent()
	at := seg.Start
	for _, m := range mentions {
		if m.Start < seg.Start || m.End > seg.Stop {
			continue
		}
		if m.Start > at {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(at, m.Start)))
		}
		href, title := link(m.Code)
		a := ast.NewLink()
		a.Destination = []byte(href)
		if title != "" {
			a.Title = []byte(title)
		}
		a.AppendChild(a, ast.NewTextSegment(text.NewSegment(m.Start, m.End)))
		parent.InsertBefore(parent, t, a)
		at = m.End
	}
	// Keep the original node as the tail, so its soft line break survives.
	t.Segment = seg.WithStart(at)
}

// Mention is a code found in text, at bytes [Start, End).
type Mention struct {
	Start, End int
	Code       string
}

var (
	// A short number is a code only when the text says so: "error 470", "code 4", "(#10)",
	// "codes 470, 471 and 472". Otherwise "10 minutes" and "HTTP 500" would become links.
	codeCue      = regexp.MustCompile(`(?i)(?:\b(?:error|errors|code|codes)\s*:?\s*\(?|#)$`)
	listJoin     = regexp.MustCompile(`^(?:\s*(?:,|/|&|\band\b|\bor\b)\s*)+$`)
	longCodeSize = 5
)

// FindCodeMentions returns the known codes mentioned in s, in order. Five or more digits
// count on their own; shorter numbers need a cue word before them.
func FindCodeMentions(s []byte, known func(code string) bool) []Mention {
	var out []Mention
	prevEnd := -1
	for start, end := range numbers(s) {
		if start > 0 && isWordByte(s[start-1]) || end < len(s) && isWordByte(s[end]) {
			continue
		}
		// Part of 1,000 or 2.5 or a date: not a code.
		if start > 1 && (s[start-1] == ',' || s[start-1] == '.' || s[start-1] == '-') && isDigit(s[start-2]) {
			continue
		}
		if end+1 < len(s) && (s[end] == ',' || s[end] == '.' || s[end] == ':') && isDigit(s[end+1]) {
			continue
		}
		code := string(s[start:end])
		if !known(code) {
			continue
		}
		digits := bytes.IndexByte(s[start:end], '-')
		if digits < 0 {
			digits = end - start
		}
		cued := codeCue.Match(s[max(0, start-24):start]) ||
			prevEnd >= 0 && listJoin.Match(s[prevEnd:start])
		if digits < longCodeSize && !cued {
			continue
		}
		out = append(out, Mention{Start: start, End: end, Code: code})
		prevEnd = end
	}
	return out
}

// numbers yields the start and end of each number in s, as the regular expression
// [0-9]+(?:-[0-9]+)? would find them: 470, 131047, 200-299. A scan, because every text of
// every page goes through here, and most have no digit at all.
func numbers(s []byte) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < len(s); {
			if !isDigit(s[i]) {
				i++
				continue
			}
			start := i
			for i < len(s) && isDigit(s[i]) {
				i++
			}
			if i+1 < len(s) && s[i] == '-' && isDigit(s[i+1]) {
				for i++; i < len(s) && isDigit(s[i]); i++ {
				}
			}
			if !yield(start, i) {
				return
			}
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

// htmlAsText renders raw HTML, inline or as a block, as escaped text. goldmark's safe mode
// would drop it with a comment, which hides the mistake from whoever wrote it.
type htmlAsText struct{}

func (htmlAsText) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlAsText{}, 100)))
}

func (htmlAsText) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				w.Write(util.EscapeHTML(seg.Value(source)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	r.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			line := lines.At(i)
			w.Write(util.EscapeHTML(line.Value(source)))
		}
		if b.HasClosure() {
			closure := b.ClosureLine
			w.Write(util.EscapeHTML(closure.Value(source)))
		}
		w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

// plainText reports whether src is text that Markdown would only escape and wrap in a
// paragraph: one line, no Markdown or HTML syntax, nothing auto-linked (no digits that could
// be a code, no address). Most causes and actions are such sentences, and escaping them
// directly skips goldmark's parser, the main cost of a large build.
func plainText(src string) bool {
	if strings.HasPrefix(src, "    ") || strings.HasPrefix(src, "\t") {
		return false // an indented code block
	}
	for _, r := range src {
		if r < ' ' || r == 0x7f || r != ' ' && unicode.IsSpace(r) || r == utf8.RuneError {
			return false
		}
	}
	s := strings.TrimSpace(src)
	if s == "" || strings.ContainsAny(s, "`*_[]<>&!#|~\\$@0123456789:") || strings.Contains(s, "www.") {
		return false
	}
	switch s[0] {
	case '-', '+', '=', '>':
		return false
	}
	return true
}

// escapePlain escapes plain text exactly as goldmark does.
func escapePlain(src string) string {
	return string(util.EscapeHTML([]byte(strings.TrimSpace(src))))
}
