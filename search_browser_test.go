package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/waerrors/kb/generator"
)

// searchQueries are things an agent types or pastes, with the page that must come first.
// Written from the real data.
var searchQueries = []struct{ query, want string }{
	{"131047", "codes/131047/"},
	{"#131047", "codes/131047/"},
	{"(#130429)", "codes/130429/"},
	{"error 470", "codes/470/"},
	{"131 047", "codes/131047/"},
	{"code: 63016", "codes/63016/"},
	{"ERROR 131048", "codes/131048/"},
	{"200-299", "codes/200-299/"},
	{"1310", "codes/131000/"},
	{"templat pasued", "codes/132015/"},
	{"template paused", "codes/132015/"},
	{"WABA not configured", "providers/aircall/#waba-not-configured"},
	{"line not configured", "providers/aircall/#line-not-configured"},
	{"line offline or blocked", "providers/aircall/#line-offline-or-blocked"},
	{"Invalid api_key", "providers/360dialog/#invalid-api-key"},
	// 360dialog's message; WATI has an "Endpoint rate limit" of its own.
	{"You have exceeded the endpoint rate limit", "providers/360dialog/#endpoint-rate-limit"},
	// A provider's own number, which is no platform code.
	{"gupshup 1002", "providers/gupshup/#code-1002"},
	{"1002", "providers/gupshup/#code-1002"},
	{"phone number disconnected", "providers/text/#phone-number-disconnected"},
	// Words found only in a provider's statement, not in any title.
	// "health endpoint" alone now also names Flow endpoint health (132068); Aircall's term is the line's.
	{"line health endpoint", "providers/aircall/#line-offline-or-blocked"},
	{"D360-API-KEY header", "providers/360dialog/#invalid-api-key"},
	{"spam rate limit", "codes/131048/"},
	{"pair rate limit", "codes/131056/"},
	{"re-engagement message", "codes/131047/"},
	{"experiment", "codes/130472/"},
	{"payment", "codes/131042/"},
	{"aircall", "providers/aircall/"},
	{"quality rating", "quality/"},
	{"messaging tiers", "tiers/"},
	{"escalation guide", "escalation/"},
	{"flow throttled", "codes/132069/"},
	{"two step verification pin mismatch", "codes/133005/"},
	// Messages without a code, as the API returns them (the codes' messages lists).
	{"Recipient phone number not in allowed list", "codes/131030/"},
	{"Invalid OAuth access token - Cannot parse access token", "codes/190/"},
	{"Unsupported post request. Object with ID '123' does not exist, cannot be loaded due to missing permissions", "codes/100/"},
	{"This message is currently unavailable", "codes/131060/"},
	{`{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047, "error_data": {"messaging_product": "whatsapp", "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}, "fbtrace_id": "AbCdEf"}}`, "codes/131047/"},
	{`{"statuses": [{"status": "failed", "errors": [{"code": 131026, "title": "Message undeliverable", "error_data": {"details": "Message Undeliverable."}}]}]}`, "codes/131026/"},
	{`{"error": {"message": "(#132015) Template is paused", "error_data": {"details": "Template is paused due to low quality"}`, "codes/132015/"},
}

// searchPage opens the site's search page in Chromium and waits for the index.
func searchPage(t *testing.T) (context.Context, builtSite) {
	t.Helper()
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/"), chromedp.Click("#search-q")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.kbSearch)`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("search did not start: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`kbSearch.load().then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("index did not load: %v", err)
	}
	return ctx, s
}

func TestSearchQueries(t *testing.T) {
	ctx, _ := searchPage(t)
	for _, tc := range searchQueries {
		q, _ := json.Marshal(tc.query)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`kbSearch.search(`+string(q)+`)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		first := ""
		if len(got) > 0 {
			first = got[0]
		}
		if os.Getenv("SEARCH_TABLE") != "" {
			t.Logf("| `%s` | %s | %s |", strings.ReplaceAll(short(tc.query), "|", "\\|"), tc.want, first)
		}
		if first != tc.want {
			t.Errorf("search %q: first result %q, want %q (then %v)", short(tc.query), first, tc.want, got[:min(len(got), 4)])
		}
	}
	if len(searchQueries) < 30 {
		t.Errorf("only %d queries", len(searchQueries))
	}
}

func short(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

// TestSearchKeyboard walks the combobox by keyboard alone, from the header of the home page.
func TestSearchKeyboard(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url), chromedp.KeyEvent("/")); err != nil {
		t.Fatal(err)
	}
	if got := eval(`document.activeElement.id`); got != "site-q" {
		t.Fatalf("after /, focus is on %q, want the header search box", got)
	}
	// The protocol sends the "/" character as its own event, which a real keyboard's
	// prevented keydown would have swallowed: clear it.
	eval(`document.getElementById("site-q").value = ""`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("131047")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#site-q-results [role=option]").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal("no results under the header box")
	}
	box := `document.getElementById("site-q")`
	if got := eval(box + `.getAttribute("role") + " " + ` + box + `.getAttribute("aria-expanded") + " " + ` + box + `.getAttribute("aria-controls")`); got != "combobox true site-q-results" {
		t.Errorf("combobox attributes: %q", got)
	}
	if got := eval(`document.querySelector("#site-q-results").getAttribute("role")`); got != "listbox" {
		t.Errorf("results role %q, want listbox", got)
	}
	if got := eval(`document.querySelector("[role=status][aria-live=polite]").textContent`); !strings.Contains(got, "result") {
		t.Errorf("live region says %q", got)
	}
	chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown))
	if got := eval(box + `.getAttribute("aria-activedescendant")`); got != "site-q-results-0" {
		t.Errorf("after ArrowDown, active option %q", got)
	}
	if got := eval(`document.getElementById("site-q-results-0").getAttribute("aria-selected")`); got != "true" {
		t.Errorf("active option aria-selected=%q", got)
	}
	chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape))
	if got := eval(box + `.getAttribute("aria-expanded")`); got != "false" {
		t.Errorf("after Escape, aria-expanded=%q", got)
	}
	chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
	path := ""
	for i := 0; i < 50 && !strings.HasSuffix(path, "/kb/codes/131047/"); i++ {
		time.Sleep(100 * time.Millisecond)
		path, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	}
	if !strings.HasSuffix(path, "/kb/codes/131047/") {
		t.Fatalf("Enter did not open the code page; at %s", path)
	}
}

// TestSearchAddress checks that ?q= runs the search and that typing rewrites the address.
func TestSearchAddress(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=WABA%20not%20configured")); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, chromedp.Poll[string](`(document.querySelector("#search-q-results [role=option]") || {dataset: {}}).dataset.href`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || !strings.HasSuffix(first, "/kb/providers/aircall/#waba-not-configured") {
		t.Fatalf("?q= first result %q (%v)", first, err)
	}
	hidden, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("search-fallback").hidden`))
	if !hidden {
		t.Error("the codes table still shows under the results")
	}
	chromedp.Do(ctx, chromedp.Click("#search-q"), chromedp.Evaluate[chromedp.Void](`document.getElementById("search-q").select()`), chromedp.KeyEvent("error 470"))
	search, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
	if search != "?q=error%20470" {
		t.Errorf("address after typing: %q", search)
	}
}

// TestSearchWithoutJavaScript checks the fallback: the page lists every code.
func TestSearchWithoutJavaScript(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=131047")); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#search-fallback tbody tr").length`))
	codes, _ := os.ReadDir(filepath.Join(s.root, "kb", "codes"))
	if err != nil || rows != len(codes)-1 {
		t.Fatalf("fallback table has %d rows for %d codes (%v)", rows, len(codes)-1, err)
	}
	visible, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("search-fallback").offsetHeight > 0`))
	if !visible {
		t.Error("the fallback table is not visible without JavaScript")
	}
}

// TestStemParity checks that the browser stems words as the index builder does.
func TestStemParity(t *testing.T) {
	ctx, _ := searchPage(t)
	words := []string{"templates", "paused", "pausing", "pause", "messages", "replies", "classes", "status", "analysis", "rating", "configured", "Ünïcode", "131047", "api_key", "24-hour", "WABA"}
	for _, w := range words {
		q, _ := json.Marshal(w)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`kbSearch.tokenize(`+string(q)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		want := generator.Tokenize(w)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("tokenize(%q): browser %q, Go %q", w, got, want)
		}
	}
}
