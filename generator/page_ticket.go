package generator

import (
	"strconv"
	"strings"
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
