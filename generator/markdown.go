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
		goldmark.WithExtensions(extension.GFM, CodeLinker{}, htmlAsText{}, headingAnchors{}),
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

// headingAnchors gives each heading with an id a "#" link to itself, so an agent can link
// a section of a guide from a ticket (shown on hover and focus, see .anchor in style.css).
type headingAnchors struct{}

func (headingAnchors) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingAnchors{}, 1000)))
}

func (headingAnchors) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		id, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		idBytes, ok := id.([]byte)
		if !ok {
			continue
		}
		link := ast.NewLink()
		link.Destination = append([]byte("#"), idBytes...)
		link.Title = []byte("Link to this section")
		link.SetAttributeString("class", []byte("anchor"))
		link.AppendChild(link, ast.NewString([]byte("#")))
		h.AppendChild(h, ast.NewString([]byte(" ")))
		h.AppendChild(h, link)
	}
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

// simpleParagraph renders src without goldmark when it is one paragraph of plain sentences,
// with at most `code spans` and **strong** words, linking the codes it mentions outside them
// as the code linker would (link returns "" for a code it does not link). ok is false for
// anything else, which goldmark then renders. Most texts of a large site are such sentences,
// and goldmark's parser was the largest single cost of rendering them. FuzzSimpleParagraph
// checks the two agree. The rules are stricter than Markdown's, so that each can be read as
// obviously right: a text that is unusual in any way goes to goldmark.
func simpleParagraph(src string, link func(code string) (href, title string)) (html string, ok bool) {
	body := strings.TrimLeft(src, " ")
	if len(src)-len(body) >= 4 || strings.HasPrefix(body, "\n") {
		return "", false // an indented code block, or a blank line first
	}
	s := strings.TrimRight(body, " \n")
	if s == "" || strings.Contains(s, "www.") {
		return "", false
	}
	// No control character, no white space but ' ' and '\n', and valid UTF-8; checked a byte
	// at a time for ASCII, which nearly every text is, and whose other white space is below ' '.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return "", false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError {
			return "", false
		}
		i += size - 1
	}
	var mentions []Mention
	if strings.ContainsAny(s, "0123456789") {
		mentions = FindCodeMentions([]byte(s), func(code string) bool {
			href, _ := link(code)
			return href != ""
		})
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4) // room for a few tags
	b.WriteString("<p>")
	at := 0 // where the line starts in s
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if !simpleLine(&b, line, at, &mentions, link) {
			return "", false
		}
		at += len(line) + 1
	}
	if len(mentions) > 0 {
		return "", false // a code in a code span or a strong word
	}
	b.WriteString("</p>\n")
	return b.String(), true
}

// plainLink writes the links of the mentions that fall in text, which starts at offset at of
// the paragraph, as goldmark writes the code linker's links, and consumes them. It reports
// false for a mention that runs past text, or whose address or title goldmark would
// write differently.
func plainLink(b *strings.Builder, text string, at int, mentions *[]Mention, link func(string) (string, string)) bool {
	end := at + len(text)
	for len(*mentions) > 0 && (*mentions)[0].Start < end {
		m := (*mentions)[0]
		if m.Start < at || m.End > end {
			return false
		}
		href, title := link(m.Code)
		if strings.Trim(href, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.-_~") != "" ||
			strings.ContainsAny(title, "\\&<>\"\x00") {
			return false
		}
		writeEscaped(b, text[:m.Start-at])
		b.WriteString(`<a href="` + href + `"`)
		if title != "" {
			b.WriteString(` title="` + title + `"`)
		}
		b.WriteString(">" + m.Code + "</a>")
		text, at = text[m.End-at:], m.End
		*mentions = (*mentions)[1:]
	}
	writeEscaped(b, text)
	return true
}

// simpleLine writes one line of a simple paragraph, which starts at offset at of the
// paragraph, or reports that it is not simple. Its plain text links the mentions.
func simpleLine(b *strings.Builder, line string, at int, mentions *[]Mention, link func(string) (string, string)) bool {
	if line == "" || line[0] == ' ' || line[len(line)-1] == ' ' {
		return false // a blank line or a hard break
	}
	switch {
	case strings.ContainsRune("-+=>`:", rune(line[0])):
		return false // a list, quote, heading underline, rule, fence or table delimiter row
	case line[0] == '*' && !(strings.HasPrefix(line, "**") && len(line) > 2 && isLetter(line[2])):
		return false // a list or a rule; a strong word may start a line
	case isDigit(line[0]) && (at == 0 || listOfOne(line)):
		return false // a numbered list: within a paragraph, only one that starts at 1
	}
	for i := 0; i < len(line); {
		next := -1
		switch line[i] {
		case '`':
			next = simpleCode(b, line, i)
		case '*':
			next = simpleStrong(b, line, i)
		default:
			j := i + 1
			for j < len(line) && line[j] != '`' && line[j] != '*' {
				j++
			}
			if plainRun(line[i:j]) && plainLink(b, line[i:j], at+i, mentions, link) {
				next = j
			}
		}
		if next < 0 {
			return false
		}
		i = next
	}
	return true
}

// simpleCode writes the code span that starts at line[i] and returns where the line goes on,
// or -1 when the span is not simple. Inside a code span only what could start an autolink
// or HTML across its backticks is refused: mail@host.com, <…>, &…;, \`.
func simpleCode(b *strings.Builder, line string, i int) int {
	end := strings.IndexByte(line[i+1:], '`') + i + 1
	code := line[i+1 : max(end, i+1)]
	if end <= i || code == "" || code[0] == ' ' || code[len(code)-1] == ' ' ||
		end+1 < len(line) && line[end+1] == '`' || strings.ContainsAny(code, "<>&@:\\") {
		return -1
	}
	b.WriteString("<code>")
	writeEscaped(b, code)
	b.WriteString("</code>")
	return end + 1
}

// simpleStrong writes the strong word ("**word**") that starts at line[i] and returns where
// the line goes on, or -1 when it is not one: emphasis inside a word, across marks, or not
// followed by a space or punctuation is left to goldmark.
func simpleStrong(b *strings.Builder, line string, i int) int {
	if !strings.HasPrefix(line[i:], "**") || i > 0 && line[i-1] != ' ' {
		return -1
	}
	end := strings.Index(line[i+2:], "**") + i + 2
	if end < i+2 {
		return -1
	}
	word, after := line[i+2:end], end+2
	if word == "" || !isLetter(word[0]) || !isLetter(word[len(word)-1]) ||
		strings.ContainsAny(word, "*`") || !plainRun(word) ||
		after < len(line) && !strings.ContainsRune(" .,;?)", rune(line[after])) {
		return -1
	}
	b.WriteString("<strong>")
	writeEscaped(b, word)
	b.WriteString("</strong>")
	return after
}

// listOfOne reports whether a line starts a numbered list at 1 ("1. ", "01) "), which is
// the only numbered list that can interrupt a paragraph.
func listOfOne(line string) bool {
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	rest := line[digits:]
	return strings.TrimLeft(line[:digits], "0") == "1" && rest != "" && (rest[0] == '.' || rest[0] == ')')
}

// writeEscaped writes text escaped as goldmark's util.EscapeHTML escapes it (& < > "),
// without making it a byte slice first.
func writeEscaped(b *strings.Builder, text string) {
	for {
		i := strings.IndexAny(text, `&<>"`)
		if i < 0 {
			b.WriteString(text)
			return
		}
		b.WriteString(text[:i])
		switch text[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteString("&quot;")
		}
		text = text[i+1:]
	}
}

// plainRun reports whether text holds none of the characters that start Markdown or HTML
// syntax, other than the code spans and strong words simpleLine handles. A colon starts
// nothing but the addresses that GFM's linkify recognizes ("Related: 131047" is plain).
func plainRun(text string) bool {
	for i := 0; i < len(text); i++ {
		if markdownSyntax[text[i]] {
			return false
		}
	}
	return strings.IndexByte(text, ':') < 0 ||
		!(strings.Contains(text, "http:") || strings.Contains(text, "https:") || strings.Contains(text, "ftp:"))
}

// markdownSyntax marks the bytes plainRun refuses; a table, because every run of plain text
// of the site is checked against it.
var markdownSyntax = func() (syntax [256]bool) {
	for _, c := range []byte("`*_[]<>&!#|~\\$@") {
		syntax[c] = true
	}
	return syntax
}()

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Markdown as text, for what is not HTML: the ticket note, a lead's sentence, cause anchors,
// the description meta tag.

var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

var textMarks = strings.NewReplacer("`", "", "**", "", "\\", "")

// plainText is Markdown as a person would retype it: link texts without their addresses,
// no emphasis or code marks, one line.
func plainText(md string) string {
	s := md
	if strings.Contains(s, "](") { // most texts have no link: skip the regexp
		s = markdownLink.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "`*\\") { // nor marks: a Replacer copies the text regardless
		s = textMarks.Replace(s)
	}
	return oneSpaced(s)
}

// oneSpaced is strings.Join(strings.Fields(s), " ") in one pass, without the list of
// fields: a code page puts five or six texts through plainText, its whole summary among them.
//
// Runs of ASCII that is not white space are copied whole; only other characters are decoded
// one by one (unicode.IsSpace knows a few beyond ASCII, such as the no-break space).
func oneSpaced(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next character written
	for i := 0; i < len(s); {
		end, isSpace := i+1, false
		if c := s[i]; c < utf8.RuneSelf {
			if isSpace = asciiSpace[c]; !isSpace {
				for end < len(s) && s[end] < utf8.RuneSelf && !asciiSpace[s[end]] {
					end++
				}
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			end, isSpace = i+size, unicode.IsSpace(r)
		}
		if isSpace {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i:end])
		}
		i = end
	}
	return b.String()
}

// asciiSpace marks the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// descriptionMarks is the description meta tag's older rule. It keeps a link whole and makes
// "_" a space, so "error_data.details" reads "error data.details"; plainText is right for the
// tag too, but it changes the descriptions of the pages with a link or a name with "_" in
// their summary, and this rule is kept until a change that may change output.
var descriptionMarks = strings.NewReplacer("`", "", "*", "", "_", " ")
