package generator

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ticketNote is a short plain-text note about a code for a support ticket: what it is,
// what it means, whether to retry, who fixes it, the next step and where to read more
// (where). It says what the page's lead says, so it quotes no provider to another
// provider's customer.
// The page shows it as selectable text; its copy button puts it on the clipboard, with the
// page's address as the browser knows it in the last line.
func ticketNote(c *Code, lead Lead, where string) string {
	var b strings.Builder
	head := "WhatsApp error " + c.Key + ": " + c.Title
	var about []string
	if c.HasFile() {
		about = append(about, apiLabel(c.API))
	} else if names := c.ProviderNames(); len(names) > 0 {
		about = append(about, strings.Join(names, ", ")+" code")
	}
	if c.HTTPStatus != 0 {
		about = append(about, "HTTP "+strconv.Itoa(c.HTTPStatus))
	}
	if len(about) > 0 {
		head += " (" + strings.Join(about, ", ") + ")"
	}
	line := func(label, text string) {
		if text = plainText(text); text != "" {
			b.WriteString(label + ": " + text + "\n")
		}
	}
	b.WriteString(head + "\n")
	if lead.From != nil {
		line("Same condition as", lead.From.Key+" ("+apiLabel(lead.From.API)+")")
	}
	meaning := lead.Meaning
	if lead.Provider != nil && meaning != "" {
		meaning = lead.Provider.Name + " says: " + meaning
	}
	line("What it means", meaning)
	line("Retry", retryLabel(c.Retry, c.RetryAfter))
	line("Who fixes it", fixLabels(c.FixBy))
	line("Next step", firstSentences(plainText(lead.FirstAction), 2))
	b.WriteString("Details: " + where)
	return b.String()
}

// where is the page's address for a ticket: its full address when the base URL is known.
func (p *page) where() string {
	if w := p.canonical(); w != "" {
		return w
	}
	return p.Path
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

var markdownLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// markdownCodeMarks are the marks plainText drops. Made once: a Replacer builds a lookup
// table when it is made, and plainText runs several times for every code page.
var markdownCodeMarks = strings.NewReplacer("`", "", "**", "", "\\", "")

// plainText is Markdown as a person would retype it: link texts without their addresses,
// no emphasis or code marks, one line.
func plainText(md string) string {
	s := md
	if strings.Contains(s, "](") { // most texts have no link: skip the regexp
		s = markdownLink.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "`*\\") { // nor marks: a Replacer copies the text regardless
		s = markdownCodeMarks.Replace(s)
	}
	return oneSpaced(s)
}

// oneSpaced is strings.Join(strings.Fields(s), " ") in one pass, without the list of
// fields: a code page puts five or six texts through plainText, its whole summary among them.
func oneSpaced(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is due before the next character written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// firstSentences keeps the first n sentences of a text.
func firstSentences(s string, n int) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' {
			if n--; n == 0 {
				return s[:i+1]
			}
		}
	}
	return s
}
