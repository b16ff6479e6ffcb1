package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// typeAhead is how long a closed <select> keeps the letters typed into it: typing again
// sooner goes on the same search ("U" then "5" looks for "U5").
const typeAhead = 1100 * time.Millisecond

// verdictIs waits for a calculator's verdict to reach a state and returns its text.
func verdictIs(t *testing.T, ctx context.Context, sel, state string) string {
	t.Helper()
	text, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const v = document.querySelector(`+"`"+sel+"`"+`); return v.getAttribute("data-state") === "`+state+`" ? v.innerText : null })()`, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const v = document.querySelector(`+"`"+sel+"`"+`); return v.getAttribute("data-state") + ": " + v.innerText })()`))
		t.Fatalf("the verdict is not %q: %s", state, got)
	}
	return strings.Join(strings.Fields(text), " ")
}

func saysAll(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: %q does not say %q", what, text, w)
		}
	}
}

func evaluate(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js+"; true")); err != nil {
		t.Fatal(err)
	}
}

// TestWindowCalculator uses /window/ from the keyboard only, in a browser whose zone is
// Tokyo, with the clock fixed through data-now: the customer's zone found by typing part of
// a city, a country in Portuguese and an offset; the verdict that repeats what it understood,
// then open or closed and until when in the agent's zone, UTC and the customer's, each with
// its date; 24 real hours across a daylight-saving change; a date that does not exist; a
// zone that matches nothing (no answer, rather than the agent's own zone); and a pasted
// webhook. The arithmetic itself is tested in testdata/js.
func TestWindowCalculator(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Asia/Tokyo"}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"window/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.querySelector("[data-window-calc]").hidden && document.querySelector("[data-window-example]").hidden`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the calculator did not replace the worked example: %v", err)
	}
	chosen := func() string {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("[data-zone-chosen]").textContent`))
		return got
	}
	if got := chosen(); got != "Using Tokyo, Japan (UTC+09:00), your browser's time zone." {
		t.Errorf("before anything is typed, the zone line says %q", got)
	}
	const verdict = "[data-window-verdict]"
	verdictIs(t, ctx, verdict, "empty")

	// 6 December 2026, 14:05 in São Paulo is 17:05 UTC; the window ends 7 December, 17:05 UTC.
	evaluate(t, ctx, `document.querySelector("[data-window-calc]").setAttribute("data-now", "2026-12-07T13:30:00Z")`)
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-zone-find", "sao"), chromedp.SendKeys("#w-date", "12062026"), chromedp.SendKeys("#w-time", "0205PM")); err != nil {
		t.Fatal(err)
	}
	open := verdictIs(t, ctx, verdict, "open")
	saysAll(t, "3 h 35 min before the end", open,
		"Customer wrote Sun 6 Dec 2026, 14:05 in Sao Paulo (America/Sao_Paulo, UTC-03:00), which is Sun 6 Dec 2026, 17:05 UTC.",
		"Open: free-form messages are allowed now",
		"Until Tue 8 Dec 2026, 02:05 your time (Asia/Tokyo); Mon 7 Dec 2026, 17:05 UTC; Mon 7 Dec 2026, 14:05 in Sao Paulo. That is 3 h 35 min from now",
		"After that, a free-form message fails with 131047 (Cloud API), 470 (On-Premises API) or 63016 (Aircall, Twilio)")
	if got := chosen(); got != "Using Sao Paulo, Brazil (UTC-03:00)." {
		t.Errorf("after typing sao, the zone line says %q", got)
	}

	evaluate(t, ctx, `document.querySelector("[data-window-calc]").setAttribute("data-now", "2026-12-07T17:30:00Z")`)
	closed := verdictIs(t, ctx, verdict, "closed")
	saysAll(t, "25 min after the end", closed, "Closed: only an approved template", "It closed 25 min ago", "A free-form message now fails with 131047")
	links, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("[data-verdict-codes] a")].map(a => a.pathname).join(" ")`))
	if links != "/kb/codes/131047/ /kb/codes/470/ /kb/codes/63016/" {
		t.Errorf("the codes link to %q", links)
	}

	// A zone that matches nothing gives no answer, instead of quietly using the agent's zone.
	clear := func(sel string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.SendKeys(sel, kb.End+strings.Repeat(kb.Backspace, 30))); err != nil {
			t.Fatal(err)
		}
	}
	clear("#w-zone-find")
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-zone-find", "Sao Paolo")); err != nil {
		t.Fatal(err)
	}
	saysAll(t, "a zone nobody has", verdictIs(t, ctx, verdict, "zone"), "No time zone matches “Sao Paolo”")

	// The same wall-clock time at UTC-3 written as an offset; then a country in Portuguese.
	clear("#w-zone-find")
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-zone-find", "GMT-3")); err != nil {
		t.Fatal(err)
	}
	saysAll(t, "GMT-3", verdictIs(t, ctx, verdict, "closed"), "UTC-03:00), which is Sun 6 Dec 2026, 17:05 UTC.")
	clear("#w-zone-find")
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-zone-find", "Alemanha")); err != nil {
		t.Fatal(err)
	}
	if got := chosen(); got != "Using Berlin, Germany (UTC+01:00)." {
		t.Errorf("after typing Alemanha, the zone line says %q", got)
	}

	// Berlin moves its clocks forward on 29 March 2026: 24 hours after Saturday 12:00 is
	// Sunday 13:00 there.
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-date", "03282026"), chromedp.SendKeys("#w-time", "1200PM")); err != nil {
		t.Fatal(err)
	}
	evaluate(t, ctx, `document.querySelector("[data-window-calc]").setAttribute("data-now", "2026-03-29T10:00:00Z")`)
	dst := verdictIs(t, ctx, verdict, "open")
	saysAll(t, "across the clock change", dst, "Until Sun 29 Mar 2026, 20:00 your time (Asia/Tokyo); Sun 29 Mar 2026, 11:00 UTC; Sun 29 Mar 2026, 13:00 in Berlin.", "1 h from now")

	evaluate(t, ctx, `document.querySelector("[data-window-calc]").setAttribute("data-now", "2026-03-28T10:00:00Z")`)
	saysAll(t, "a time still to come", verdictIs(t, ctx, verdict, "future"), "still to come")

	// 31 February does not exist.
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-date", "02312026")); err != nil {
		t.Fatal(err)
	}
	saysAll(t, "31 February", verdictIs(t, ctx, verdict, "invalid"), "does not exist")

	// A pasted inbound-message webhook gives the time; the fields show it in Berlin's time.
	evaluate(t, ctx, `document.querySelector("[data-window-calc]").setAttribute("data-now", "2026-12-07T13:30:00Z")`)
	if err := chromedp.Do(ctx, chromedp.SendKeys("#w-paste", `{"entry":[{"changes":[{"value":{"messages":[{"from":"5511","timestamp":"1796576700","type":"text"}]}}]}]}`)); err != nil {
		t.Fatal(err)
	}
	pasted := verdictIs(t, ctx, verdict, "open")
	saysAll(t, "the pasted webhook", pasted, "Customer wrote Sun 6 Dec 2026, 18:05 in Berlin (Europe/Berlin, UTC+01:00), which is Sun 6 Dec 2026, 17:05 UTC.")
	fields, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#w-date").value + " " + document.querySelector("#w-time").value`))
	if fields != "2026-12-06 18:05" {
		t.Errorf("after the paste the fields say %q, want 2026-12-06 18:05", fields)
	}
}

// TestWindowWithoutJavaScript: with scripts off, /window/ shows the worked example, which
// names the codes, and not the calculator's empty form.
func TestWindowWithoutJavaScript(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"window/")); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("[data-window-example], [data-window-calc]")].map(e => e.checkVisibility() ? e.innerText : "").join("|")`))
	if err != nil {
		t.Fatal(err)
	}
	example, form, _ := strings.Cut(shown, "|")
	if form != "" {
		t.Errorf("the calculator shows without JavaScript: %q", form)
	}
	saysAll(t, "the worked example", strings.Join(strings.Fields(example), " "), "Monday 2 March 2026, 09:15 UTC", "until Tuesday 3 March 2026, 09:15 UTC, 24 hours later", "fails with 131047 (Cloud API), 470 (On-Premises API) or 63016 (Aircall, Twilio)")
}

// TestTierCalculator picks levels from the keyboard on /tiers/ and enters unique users and
// the days they were counted over: the reviewed step from 250 (three paths, Meta may deny it,
// the usage path's count over 30 days), a count the limit cannot allow, the half-the-limit
// rule on each side of the line at 2,000 and at 100,000 and over periods shorter and longer
// than Meta's 7 days, the unlimited top, and 50, which Meta's page does not describe.
func TestTierCalculator(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"tiers/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.querySelector("[data-tier-calc]").hidden`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the calculator was not shown: %v", err)
	}
	const verdict = "[data-tier-verdict]"
	level := func(keys, want string) {
		t.Helper()
		time.Sleep(typeAhead)
		if err := chromedp.Do(ctx, chromedp.SendKeys("#t-level", keys)); err != nil {
			t.Fatal(err)
		}
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#t-level").value`))
		if got != want {
			t.Fatalf("typing %q picked %q, want %q", keys, got, want)
		}
	}
	users := func(n string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Focus("#t-users"), chromedp.KeyEvent(strings.Repeat("\b", 8)), chromedp.SendKeys("#t-users", n)); err != nil {
			t.Fatal(err)
		}
	}

	days := func(n string) {
		t.Helper()
		evaluate(t, ctx, `document.querySelector("#t-days").value = ""`)
		if err := chromedp.Do(ctx, chromedp.SendKeys("#t-days", n)); err != nil {
			t.Fatal(err)
		}
	}

	// 250 is where new portfolios start, and the calculator starts there.
	users("900")
	reviewed := verdictIs(t, ctx, verdict, "reviewed")
	saysAll(t, "250", reviewed, "2,000 comes from a scaling path and Meta's review, which can deny it",
		"900 in 7 days is 1,100 short of 2,000 within 30 days", "one of three scaling paths", "verify the business with Meta",
		"have its solution provider verify it", "deliver 2,000 messages outside service windows", "approves the step", "denies it (the limit stays at 250")
	// 2,000 in 20 days meets the usage path's count; 2,000 in 7 days cannot happen at 250 a day.
	users("2000")
	days("20")
	saysAll(t, "250 with 2,000 in 20 days", verdictIs(t, ctx, verdict, "reviewed"), "meet the usage path's count (2,000 within 30 days); Meta still reviews")
	days("7")
	saysAll(t, "250 with 2,000 in 7 days", verdictIs(t, ctx, verdict, "impossible"), "2,000 unique users in 7 days cannot happen at a limit of 250", "allow at most 1,750")

	level("2,", "TIER_2K")
	users("999")
	saysAll(t, "2,000 with 999", verdictIs(t, ctx, verdict, "not-yet"), "Not yet: 10,000 needs 1,000 unique users in 7 days, half of 2,000", "1 more than your 999")
	users("1000")
	yes := verdictIs(t, ctx, verdict, "yes")
	saysAll(t, "2,000 with 1,000", yes, "Yes: 10,000 can come now", "1,000 in 7 days is at least half of 2,000 (1,000)", "high-quality messages", "within about 6 hours", "cannot be requested by hand")
	if hidden, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("[data-tier-more=reviewed]").hidden`)); !hidden {
		t.Error("the scaling paths still show for an automatic step")
	}

	// Over 3 days, 1,000 is enough (they are inside the last 7 days); over 30 days it may not be.
	days("3")
	verdictIs(t, ctx, verdict, "yes")
	days("30")
	saysAll(t, "2,000 with 1,000 in 30 days", verdictIs(t, ctx, verdict, "unknown"), "Cannot tell from 30 days: Meta counts the last 7 days only")
	users("600")
	saysAll(t, "2,000 with 600 in 30 days", verdictIs(t, ctx, verdict, "not-yet"), "400 more than your 600")
	days("0")
	saysAll(t, "no days", verdictIs(t, ctx, verdict, "empty"), "Enter the period in whole days")
	days("7")
	users("1000")

	level("100,", "TIER_100K")
	saysAll(t, "100,000 with 1,000", verdictIs(t, ctx, verdict, "not-yet"), "Unlimited needs 50,000", "49,000 more")
	users("50000")
	saysAll(t, "100,000 with 50,000", verdictIs(t, ctx, verdict, "yes"), "Yes: Unlimited can come now")

	level("U", "TIER_UNLIMITED")
	saysAll(t, "unlimited", verdictIs(t, ctx, verdict, "top"), "Unlimited is the highest level: there is no next level")

	level("5", "TIER_50")
	saysAll(t, "50", verdictIs(t, ctx, verdict, "reviewed"), "does not describe how 50 moves up", "New portfolios start at 250")

	users("-3")
	level("2,", "TIER_2K")
	saysAll(t, "a negative count", verdictIs(t, ctx, verdict, "empty"), "Enter a whole number")
}

// TestCustomerNumberCheck types customers' numbers into the field on the code pages whose
// advice depends on the recipient's country, and reads which case the page says applies.
// The cases themselves are tested in testdata/js/numbers.test.js.
func TestCustomerNumberCheck(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	for _, c := range []struct{ code, number, state, says string }{
		{"131049", "+1 (212) 555-0100", "us", "A US number, area code 212"},
		{"131049", "+1 416 555 0100", "not-us", "Canada (+1 416), not the US"},
		{"131030", "+54 9 11 2345 6789", "ar", "put that same form, 541123456789, in the allowed list"},
		{"130497", "+234 803 123 4567", "country", "This number is in Nigeria (+234)"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"codes/"+c.code+"/")); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys("#customer-number", c.number)); err != nil {
			t.Fatalf("%s: no number field: %v", c.code, err)
		}
		got := verdictIs(t, ctx, "[data-number-check]", c.state)
		saysAll(t, c.code+" "+c.number, got, c.says)
	}
}
