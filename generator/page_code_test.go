package generator

import (
	"slices"
	"strings"
	"testing"
)

// TestLeadAndReply checks whose words a code page leads with and whose reply it offers:
// its own file's; for a code several providers list, Meta's equivalent (the Cloud API's
// before the On-Premises API's), so no provider is quoted to another's customer; for one
// provider's own code, that provider's words; and a class's general reply as the last resort.
func TestLeadAndReply(t *testing.T) {
	aircall, twilio := &Provider{Name: "Aircall"}, &Provider{Name: "Twilio"}
	onprem := &Code{Key: "470", File: "470.toml", API: "onprem", Summary: "On-Premises words. More.", Actions: []string{"On-Premises action."}}
	cloud := &Code{Key: "131047", File: "131047.toml", API: "cloud", Summary: "Cloud words. More.", Actions: []string{"Cloud action."}, Reply: "Cloud reply."}
	entry := func(p *Provider) *Entry {
		return &Entry{Provider: p, Meaning: p.Name + " words.", Action: p.Name + " action."}
	}
	for _, tc := range []struct {
		name                   string
		code                   *Code
		meaning, action, reply string
		general                bool
	}{
		{"own file", cloud, "Cloud words.", "Cloud action.", "Cloud reply.", false},
		{"several providers", &Code{Key: "63016", Equivalents: []*Code{onprem, cloud}, Entries: []*Entry{entry(aircall), entry(twilio)}},
			"Cloud words.", "Cloud action.", "Cloud reply.", false},
		{"one provider's own code", &Code{Key: "63018", Equivalents: []*Code{onprem}, Entries: []*Entry{entry(twilio)}, Facts: Facts{Class: "temporary"}},
			"Twilio words.", "Twilio action.", generalReply("temporary"), true},
		{"no reply anywhere", &Code{Key: "1", File: "1.toml", API: "graph", Summary: "Graph words.", Facts: Facts{Class: "request"}},
			"Graph words.", "", generalReply("request"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lead, reply := leadOf(tc.code), replyFor(tc.code)
			if lead.Meaning != tc.meaning || lead.FirstAction != tc.action {
				t.Errorf("lead: %q / %q, want %q / %q", lead.Meaning, lead.FirstAction, tc.meaning, tc.action)
			}
			if reply.Markdown != tc.reply || reply.General != tc.general || reply.Markdown == "" {
				t.Errorf("reply: %q (general %v), want %q (general %v)", reply.Markdown, reply.General, tc.reply, tc.general)
			}
		})
	}
}

// TestHeadings checks the contents list of a long guide: each second-level heading with the
// id its "#" link uses, and none for a short guide.
func TestHeadings(t *testing.T) {
	md := newMarkdown()
	long := "## One\n\n" + strings.Repeat("Text. ", 1200) + "\n\n## Two & more\n\nText.\n\n## Three\n\nText.\n"
	body, err := renderMarkdown(md, long, markdownLinks{})
	if err != nil {
		t.Fatal(err)
	}
	got := (&page{}).Headings(body)
	want := []PagePart{{"one", "One"}, {"two--more", "Two & more"}, {"three", "Three"}}
	if !slices.Equal(got, want) {
		t.Errorf("contents of a long guide: %v, want %v", got, want)
	}
	short, _ := renderMarkdown(md, "## One\n\nText.\n\n## Two\n\n## Three\n", markdownLinks{})
	if got := (&page{}).Headings(short); got != nil {
		t.Errorf("a short guide has contents %v, want none", got)
	}
}

// TestTicketNoteRetry checks the ticket note's "Retry:" line: the code's verdict with its
// wait, so an agent who pastes the note does not retry a limit at once.
func TestTicketNoteRetry(t *testing.T) {
	for _, tc := range []struct {
		retry, after, want string
	}{
		{"yes", "24h", "Retry: Retry after 24 hours"},
		{"yes", "1m", "Retry: Retry after 1 minute"},
		{"backoff", "3h", "Retry: " + retries.label("backoff") + ", from 3 hours"},
		{"yes", "", "Retry: " + retries.label("yes")},
		{"no", "", "Retry: " + retries.label("no")},
	} {
		c := &Code{Key: "131049", File: "131049.toml", API: "cloud", Title: "Meta chose not to deliver", Summary: "Held back.",
			Facts: Facts{Retry: tc.retry, RetryAfter: tc.after, FixBy: []string{"you"}}}
		note := ticketNote(c, leadOf(c), "codes/131049/")
		var got string
		for _, line := range strings.Split(note, "\n") {
			if strings.HasPrefix(line, "Retry: ") {
				got = line
			}
		}
		if got != tc.want {
			t.Errorf("retry %q after %q: the note says %q, want %q:\n%s", tc.retry, tc.after, got, tc.want, note)
		}
	}
}

// TestSlugWords checks the anchors made from a cause's first words: five words in lower-case
// ASCII, accents folded, anything else a separator, whether words share a space-separated
// field ("24-hour") or a field has none ("—").
func TestSlugWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The template was paused by Meta today", "the-template-was-paused-by"},
		{"Número não é válido — ÉTÉ", "numero-nao-e-valido-t"},
		{"A 24-hour window, closed", "a-24-hour-window-closed"},
		{"One two three four-five-six seven", "one-two-three-four-five"},
		{"— ... ok", "ok"},
		{"İstanbul K", "istanbul-k"},
		{"", "x"},
		{"¿?", "x"},
	} {
		if got := slugWords(tc.in, 5); got != tc.want {
			t.Errorf("slugWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTextSlug holds textSlug's shortcut for plain ASCII text to the anchor it stands for,
// slugWords(plainText(md), n).
func FuzzTextSlug(f *testing.F) {
	for _, s := range []string{
		"The template was paused by Meta today", "A 24-hour window, closed", "",
		"Token `expired` now", "Use **bold** words", "a\\b c", "See [the page](https://x.y/z) first",
		"Número não é válido", "tab\tand\nnew line", "  lead spaces", "ab\u00a0cd", "one*two three",
		"UPPER lower 123 4x5", "--- !!! ???", "a b c d e f g h",
		// each edge of the letter and digit ranges, and the first byte that is not ASCII
		"Zulu zoo 0 9 Z9z0 @[{/:", "a\x80b c",
	} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, md string, n int) {
		if n < 1 || n > 8 {
			return
		}
		if got, want := textSlug(md, n), slugWords(plainText(md), n); got != want {
			t.Errorf("textSlug(%q, %d) = %q, want %q", md, n, got, want)
		}
	})
}

// FuzzPlainText holds plainText, whose steps are skipped when they would change nothing and
// whose spacing is one pass, to the steps in full: drop the marks, then split at white space
// and join with single spaces.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"Use `wa_id`, **not** the\nphone\\_number.", "***a*** ` `` \\\\ b", "  x \t\u00a0y\u2003 ", "[a **b**](http://x) c", "\xffé\u0085z", ""} {
		f.Add(s)
	}
	marks := strings.NewReplacer("`", "", "**", "", "\\", "")
	f.Fuzz(func(t *testing.T, md string) {
		s := markdownLink.ReplaceAllString(md, "$1")
		if got, want := plainText(md), strings.Join(strings.Fields(marks.Replace(s)), " "); got != want {
			t.Errorf("plainText(%q) = %q, want %q", md, got, want)
		}
	})
}
