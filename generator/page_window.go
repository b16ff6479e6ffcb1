package generator

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"time"
)

// The customer service window page (/window/): a timeline picture, the codes a free-form
// send gets once the window has closed, and the worked example shown without JavaScript.
// The durations are the ones content/window.md states (TestWindowPageAgrees reads it):
// 24 hours from the customer's latest message or call, and a free entry point window of 72
// hours under Meta's 2025 rules.
const (
	serviceWindow   = 24 * time.Hour
	freeEntryWindow = 72 * time.Hour
	// windowClosedCode is Meta's code for a free-form message outside the window; its
	// equivalents in the data are the same condition under the other APIs.
	windowClosedCode = "131047"
)

// WindowHours is the length of the customer service window in hours, for window.js.
func (p *page) WindowHours() int { return int(serviceWindow / time.Hour) }

// WindowCode is a code a free-form send outside the window gets, and who reports it.
type WindowCode struct {
	Code *Code
	By   string // "Cloud API", "On-Premises API", "Aircall, Twilio"
}

// WindowCodes are the codes of a closed window: 131047 and its equivalents from the data,
// each with its API or the providers that report it.
func (p *page) WindowCodes() []WindowCode {
	c := p.Site.Code(windowClosedCode)
	if c == nil {
		return nil
	}
	var out []WindowCode
	for _, code := range append([]*Code{c}, c.Equivalents...) {
		by := apiLabel(code.API)
		if !code.HasFile() {
			by = strings.Join(code.ProviderNames(), ", ")
		}
		out = append(out, WindowCode{code, by})
	}
	return out
}

// WindowClosedRow is one line of the window page's table of what a closed window is called:
// a code with a page and who reports it, or a provider's own number and its entry.
type WindowClosedRow struct {
	Label string // "131047", "Gupshup 1005"
	URL   string
	By    string // "Cloud API; passed on by 360dialog, BizMagnets and Text"
	Title string
}

// WindowClosedTable lists every code the data gives a closed window: 131047, its
// equivalents, and the providers' own numbers that name any of them as equivalent. It is
// made from the data so that a provider entry added there appears on the page.
func (p *page) WindowClosedTable() []WindowClosedRow {
	var rows []WindowClosedRow
	var own []*Entry
	seen := map[*Entry]bool{}
	for _, w := range p.WindowCodes() {
		by := w.By
		if w.Code.HasFile() {
			var names []string
			for _, e := range w.Code.Entries {
				if !slices.Contains(names, e.Provider.Name) {
					names = append(names, e.Provider.Name)
				}
			}
			if len(names) > 0 {
				by += "; passed on by " + andList(names)
			}
		}
		rows = append(rows, WindowClosedRow{w.Code.Key, p.CodeURL(w.Code), by, w.Code.Title})
		for _, e := range w.Code.ScopedElsewhere() {
			if !seen[e] {
				seen[e] = true
				own = append(own, e)
			}
		}
	}
	for _, e := range own {
		rows = append(rows, WindowClosedRow{e.Provider.Name + " " + e.Code, p.EntryURL(e), e.Provider.Name + "'s own code", e.Title})
	}
	return rows
}

// andList joins names as a sentence does: "A", "A and B", "A, B and C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// WindowExample is the worked example the page shows without JavaScript: a customer who
// last wrote at a fixed time, the end of the window, and a free-form send after it.
type WindowExample struct {
	Wrote, Closes, Tried string
}

// windowExampleStart is when the example's customer wrote (a Monday, as in window.md).
var windowExampleStart = time.Date(2026, time.March, 2, 9, 15, 0, 0, time.UTC)

// WindowExample works the example out from the window's length.
func (p *page) WindowExample() WindowExample {
	const layout = "Monday 2 January 2006, 15:04 MST"
	closes := windowExampleStart.Add(serviceWindow)
	return WindowExample{
		Wrote:  windowExampleStart.Format(layout),
		Closes: closes.Format(layout),
		Tried:  closes.Add(45 * time.Minute).Format(layout),
	}
}

// WindowSVG is the timeline picture of the window as inline SVG. Its colours come from the
// page's CSS variables through classes (style.css, .tl-*) and currentColor, so it follows
// the light and dark themes; its title and description are its text alternative.
func (p *page) WindowSVG() template.HTML { return template.HTML(windowSVG()) }

// timeline is the story the picture tells, in hours from the customer's first message.
type timeline struct {
	call, failed, template, reply, answered float64 // events
	firstEnd, secondEnd, replyEnd, fepEnd   float64 // ends of windows
	span                                    float64 // hours drawn
}

func newTimeline() timeline {
	w, f := serviceWindow.Hours(), freeEntryWindow.Hours()
	t := timeline{call: 16, answered: 2, span: 80}
	t.firstEnd = w
	t.secondEnd = t.call + w
	t.failed = t.secondEnd + 4
	t.template = t.failed + 2
	t.reply = t.template + 6
	t.replyEnd = t.reply + w
	t.fepEnd = t.answered + f
	if end := max(t.replyEnd, t.fepEnd); end > t.span {
		t.span = end + 4
	}
	return t
}

// windowSVG draws the timeline. The output depends on nothing but the constants above.
func windowSVG() string {
	t := newTimeline()
	const (
		width, height = 720, 268
		left, right   = 24, 700
	)
	x := func(h float64) float64 { return left + (right-left)*h/t.span }
	hours := func(h float64) string { return fmt.Sprintf("hour %g", h) }
	var b strings.Builder
	f := func(format string, args ...any) {
		for i, a := range args {
			if v, ok := a.(float64); ok { // coordinates to a tenth of a unit
				args[i] = math.Round(v*10) / 10
			}
		}
		fmt.Fprintf(&b, format, args...)
	}

	title := fmt.Sprintf("Timeline of the %g-hour customer service window", serviceWindow.Hours())
	desc := fmt.Sprintf("At hour 0 the customer writes, and a customer service window of %g hours opens: free-form messages are allowed. "+
		"At %s the customer calls (with the Calling API a call counts like a message), and the %g hours start again, so the window closes at %s instead of %s. "+
		"At %s a free-form message fails with error %s because the window has closed; an approved template sent at %s is delivered. "+
		"At %s the customer answers the template and a new window opens until %s. "+
		"Second row: if the customer's first message came from a Click-to-WhatsApp ad and the business answered at %s, inside the window, "+
		"the answer opened a free entry point window of %g hours (Meta's 2025 rules), until %s, in which Meta charges nothing for the business's messages.",
		serviceWindow.Hours(), hours(t.call), serviceWindow.Hours(), hours(t.secondEnd), hours(t.firstEnd),
		hours(t.failed), windowClosedCode, hours(t.template), hours(t.reply), hours(t.replyEnd),
		hours(t.answered), freeEntryWindow.Hours(), hours(t.fepEnd))

	f(`<svg class="timeline" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="tl-title tl-desc" font-size="13" fill="currentColor">`, width, height, width, height)
	f(`<title id="tl-title">%s</title><desc id="tl-desc">%s</desc>`, title, template.HTMLEscapeString(desc))

	// Row 1: the customer service window.
	const barY, barH = 62, 26
	f(`<text x="%d" y="20" font-weight="600">Customer service window</text>`, left)
	// The window, restarted by the call, then the one the answer to the template opens; a
	// dashed line where the first 24 hours would have ended.
	f(`<rect class="tl-open" stroke-width="1.5" x="%g" y="%d" width="%g" height="%d" rx="3"/>`, x(0), barY, x(t.secondEnd)-x(0), barH)
	f(`<rect class="tl-open" stroke-width="1.5" x="%g" y="%d" width="%g" height="%d" rx="3"/>`, x(t.reply), barY, x(t.replyEnd)-x(t.reply), barH)
	f(`<line class="tl-axis" stroke-dasharray="4 3" stroke-width="1.5" x1="%g" y1="%d" x2="%g" y2="%d"/>`, x(t.firstEnd), barY-6, x(t.firstEnd), barY+barH+6)
	f(`<text x="%g" y="%d" text-anchor="middle" font-size="11">would have closed</text>`, x(t.firstEnd), barY+barH+20)
	f(`<text x="%g" y="%d">open: free-form allowed</text>`, x(0)+6, barY+barH/2+5)
	f(`<text x="%g" y="%d" text-anchor="middle">new window</text>`, (x(t.reply)+x(t.replyEnd))/2, barY+barH/2+5)
	// The customer's messages and call: dots above the bar.
	for _, ev := range []struct {
		h     float64
		label string
	}{{0, "Customer writes"}, {t.call, "Customer calls: 24 h restart"}, {t.reply, "Customer answers"}} {
		f(`<line class="tl-ev" stroke-width="1.5" x1="%g" y1="%d" x2="%g" y2="%d"/>`, x(ev.h), barY-12, x(ev.h), barY)
		f(`<circle class="tl-ev" cx="%g" cy="%d" r="6"/>`, x(ev.h), barY-12)
		f(`<text x="%g" y="%d">%s</text>`, x(ev.h)-6, barY-24, ev.label)
	}
	// Outside the window: the free-form send that fails and the template that goes through.
	const sendY = 132
	f(`<line class="tl-fail" stroke-width="2" x1="%g" y1="%d" x2="%g" y2="%d"/>`, x(t.failed), barY, x(t.failed), sendY-14)
	f(`<path class="tl-fail" stroke-width="2" d="M%g %dl10 10m0 -10l-10 10"/>`, x(t.failed)-5, sendY-9)
	f(`<text x="%g" y="%d" text-anchor="end">free-form fails: %s</text>`, x(t.failed)-4, sendY+18, windowClosedCode)
	f(`<line class="tl-template" stroke-width="2" x1="%g" y1="%d" x2="%g" y2="%d"/>`, x(t.template), barY, x(t.template), sendY-14)
	f(`<path class="tl-template" stroke-width="2" d="M%g %dl4 5 8 -10"/>`, x(t.template)-6, sendY-6)
	f(`<text x="%g" y="%d">template delivered</text>`, x(t.template)+4, sendY+18)

	// Row 2: the free entry point window.
	const fepY = 186
	f(`<text x="%d" y="%d" font-weight="600">Free entry point window (Click-to-WhatsApp ad)</text>`, left, fepY-12)
	f(`<rect class="tl-fep" stroke-width="1.5" x="%g" y="%d" width="%g" height="%d" rx="3"/>`, x(t.answered), fepY, x(t.fepEnd)-x(t.answered), 20)
	f(`<text x="%g" y="%d" text-anchor="middle">%g h from your answer: messages free (2025 rules)</text>`, (x(t.answered)+x(t.fepEnd))/2, fepY+15, freeEntryWindow.Hours())

	// The axis, one tick every 12 hours.
	const axisY = 236
	f(`<line class="tl-axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, left, axisY, right, axisY)
	for h := 0.0; h <= t.span; h += 12 {
		f(`<line class="tl-axis" x1="%g" y1="%d" x2="%g" y2="%d"/>`, x(h), axisY, x(h), axisY+5)
		f(`<text x="%g" y="%d" text-anchor="middle" font-size="11">%g h</text>`, x(h), axisY+18, h)
	}
	b.WriteString(`</svg>`)
	return b.String()
}
