package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/waerrors/kb/internal/searchindex"
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

// pastedQueries are issue 17's classes, one or more of each, written from the real data:
// payloads that are not strict JSON, HTTP statuses, Portuguese and Spanish, plain questions.
var pastedQueries = []struct{ query, want string }{
	{`{'error': {'message': '(#131030) Recipient phone number not in allowed list', 'type': 'OAuthException', 'code': 131030}}`, "codes/131030/"},
	{`{"code" => 131053, "title" => "Media upload error"}`, "codes/131053/"},
	{`{:error=>{:code=>131047, :message=>"Re-engagement message"}}`, "codes/131047/"},
	{`Array ( [error] => Array ( [message] => Message undeliverable [code] => 131026 ) )`, "codes/131026/"},
	{`array(1) { ["error"]=> array(2) { ["message"]=> string(21) "Message undeliverable" ["code"]=> int(131026) } }`, "codes/131026/"},
	{`TemplateParamCountMismatch(code=132000, message=Number of parameters does not match the expected number of params)`, "codes/132000/"},
	{`&{Code:131047 Message:Re-engagement message}`, "codes/131047/"},
	{`level=error msg="send failed" error_code=131047`, "codes/131047/"},
	{`{"error":{"message":"(#131049) This message was not delivered to maintain healthy ecosystem engagement.","type":"OAuthException","code":131049,"error_da`, "codes/131049/"},
	{`{"error":{"message":"Unsupported post request.","type":"GraphMethodException","code":100,"error_subcode":33`, "codes/100/"},
	{"131_026", "codes/131026/"},
	// A payload's inside, cut loose from its braces (a JavaScript error's fields).
	{`quality_rating: 'GREEN', messaging_limit_tier: 'TIER_1K', throughput: 'STANDARD', message: 'Message undeliverable'`, "codes/131026/"},
	{"Error code 4 - Application request limit reached, tier 1", "codes/4/"},
	{"400", "http/400/"},
	{"HTTP 403", "http/403/"},
	{"429 Too Many Requests", "http/429/"},
	{"Request failed with status code 400", "http/400/"},
	// A reason phrase without its number.
	{"Problem in node: Too Many Requests", "http/429/"},
	// A number said to be a code that only a provider uses (Infobip's 7002).
	{"WhatsApp delivery failed, error code: 7002", "providers/infobip/#code-7002"},
	// A status and a provider: that provider's entry returning the status, before the
	// status page.
	{"Aircall answered HTTP 429", "providers/aircall/#tier-limit-exceeded"},
	// An On-Premises code whose number is said, though not as a code, over a provider's own
	// entry of that number when the provider is not named.
	{"whatsapp::external::1006", "codes/1006/"},
	{"WhatsApp 1006 error", "codes/1006/"},
	// "<status> errors" says a status.
	{"we keep getting 403 errors", "http/403/"},
	// A provider's own code does not yield to Meta's when the query names the provider.
	{"Twilio outside the 24 hour window", "codes/63016/"},
	{"400 Client Error: Bad Request for url: https://graph.facebook.com/v20.0/123456/messages", "http/400/"},
	{"número não tem WhatsApp", "codes/131026/"},
	{"numero nao tem whatsapp", "codes/131026/"},
	{"fora da janela de 24 horas", "window/"},
	// /changes/ is where agents look for what is new (issue 25), in the three languages.
	{"what changed", "changes/"},
	{"novedades", "changes/"},
	{"o que mudou", "changes/"},
	// A literal message found whole beats messages that share its words (issue 26, phrases):
	// Gupshup 1006, 1007 and 1008 say almost the same words in different orders and lengths.
	{"error: Message sending failed as the user is inactive for session message and not opted in for template message", "providers/gupshup/#code-1006"},
	{"status failed: User is not Opted in and Inactive", "providers/gupshup/#code-1008"},
	// A number in brackets after an HTTP status is Graph's code (issue 26: "403 (10)").
	{"401 (190) Unauthorized – session has expired", "codes/190/"},
	{"HTTP 400 (131009) Bad Request", "codes/131009/"},
	// Stack frames and lines of code are the program's words, not the error's (issue 26):
	// ".get(" is no "Unsupported get request", "handlers" no handler page.
	{`File "/home/bot/wa/views.py", line 31, in receive: handler = handlers[msg_type].get(msg_type) KeyError: unsupported`, "codes/131051/"},
	{"modelo pausado", "codes/132015/"},
	{"classificação de qualidade do número", "quality/"},
	{"plantilla no existe en la traducción", "codes/132001/"},
	{"token expirado", "codes/190/"},
	{"the customer never got my reply", "codes/131047/"},
	{"sent to most people but a few fail", "codes/131026/"},
	{"template approved but sending fails", "codes/132001/"},
	{"can't message the customer after a day", "codes/131047/"},
	// A code we do not have: its nearest codes.
	{"131999", "codes/131215/"},
	{"200", "codes/200/"},
}

// rankedQueries are queries whose first results a rule decides, with those results in
// order (three where places two and three are the rule's too). Written from the real data.
var rankedQueries = []struct {
	query string
	top   []string
}{
	// A status and a provider: that provider's entry, the status page, the provider's page;
	// no other provider's entry that returns the status.
	{"Aircall answered HTTP 429", []string{"providers/aircall/#tier-limit-exceeded", "http/429/", "providers/aircall/"}},
	{"Wati rejected the template-send request with HTTP 400", []string{"providers/wati/#400-validation", "http/400/", "providers/wati/"}},
	{"360dialog HTTP 401", []string{"providers/360dialog/#invalid-api-key-older", "http/401/", "providers/360dialog/"}},
	// A status alone: its page, then what has it in its title, and Meta's code that returns
	// it, before any provider's entry that merely returns it.
	{"HTTP 429", []string{"http/429/", "providers/infobip/#http-429-too-many-requests", "codes/131053/"}},
	// A provider's own number that is also Meta's code: Meta's code first, and the status
	// page before the provider's entry, unless the query names the provider.
	{"whatsapp 1000", []string{"codes/1000/", "providers/vonage/#code-1000", "codes/63005/"}},
	{"whatsapp 500", []string{"codes/500/", "http/500/", "providers/gupshup/#code-500"}},
	{"sending via bird returns 2", []string{"providers/bird/#code-2", "send-response/", "providers/bird/#code-21"}},
	// A reason phrase is its status: that page first.
	{"Service Unavailable", []string{"http/503/", "codes/131016/", "codes/2/"}},
	{"Bad Request", []string{"http/400/"}},
	{"Unauthorized", []string{"http/401/"}},
	{"Forbidden", []string{"http/403/"}},
	{"Not Found", []string{"http/404/"}},
	{"Too Many Requests", []string{"http/429/"}},
	{"Internal Server Error", []string{"http/500/"}},
	{"Bad Gateway", []string{"http/502/"}},
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

// searchFor runs the page's search engine on q, as the tests and benchmarks do: the
// addresses of the results, best first.
func searchFor(t *testing.T, ctx context.Context, q string) []string {
	t.Helper()
	js, _ := json.Marshal(q)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`kbSearch.search(`+string(js)+`)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSearchQueries(t *testing.T) {
	ctx, _ := searchPage(t)
	for _, tc := range searchQueries {
		got := searchFor(t, ctx, tc.query)
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
	for _, tc := range pastedQueries {
		got := searchFor(t, ctx, tc.query)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("search %q: results %v, want %s first", short(tc.query), got[:min(len(got), 4)], tc.want)
		}
	}
	if len(searchQueries) < 30 {
		t.Errorf("only %d queries", len(searchQueries))
	}
}

// TestSearchRanking checks the first results of rankedQueries, in order: a rule that only
// decides the second or third place shows nowhere in the first result.
func TestSearchRanking(t *testing.T) {
	ctx, _ := searchPage(t)
	for _, tc := range rankedQueries {
		got := searchFor(t, ctx, tc.query)
		if top := got[:min(len(got), len(tc.top))]; !slices.Equal(top, tc.top) {
			t.Errorf("search %q: first results %v, want %v", tc.query, got[:min(len(got), 5)], tc.top)
		}
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
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"codes/"), chromedp.KeyEvent("/")); err != nil {
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
	// Wait for the whole code's results with its equivalents (470 comes in a second render),
	// so that the list the arrow keys walk below is final.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.kbSearch && kbSearch.lastQuery === "131047" && !!document.querySelector("#site-q-results [role=option][href*='/470/']")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
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
	// The list wraps: ArrowUp from the first option goes to the last, ArrowDown back.
	last := eval(`"site-q-results-" + (document.querySelectorAll("#site-q-results [role=option]").length - 1)`)
	chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowUp))
	if got := eval(box + `.getAttribute("aria-activedescendant")`); got != last || last == "site-q-results-0" {
		t.Errorf("after ArrowUp on the first option, active option %q, want the last, %q", got, last)
	}
	chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown))
	if got := eval(box + `.getAttribute("aria-activedescendant")`); got != "site-q-results-0" {
		t.Errorf("after ArrowDown on the last option, active option %q, want the first", got)
	}
	// The same query rendered again (as when its equivalents arrive) keeps the chosen option.
	chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown))
	eval(box + `.dispatchEvent(new Event("focus")) && "sent"`)
	if got := eval(box + `.getAttribute("aria-activedescendant")`); got != "site-q-results-1" {
		t.Errorf("after the same results rendered again, active option %q, want site-q-results-1", got)
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
	first, err := chromedp.Run(ctx, chromedp.Poll[string](`(document.querySelector("#search-q-results [role=option]") || {href: ""}).href`, chromedp.WithPollingTimeout(10*time.Second)))
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
	words := []string{"templates", "paused", "pausing", "pause", "messages", "replies", "classes", "status", "analysis", "rating", "configured", "Ünïcode", "131047", "api_key", "24-hour", "WABA",
		"doing", "thing", "using", "bring", "número não", "NÃO É", "na\u0303o", "límite alcanzado", "traducción", "Straße", "ÀÉÎÕÜÇÑ",
		"unauthorised", "organisations", "revised", "promises", "mensagens de erro", "una plantilla",
		"notificações", "baneada", "Canada",
		// the glossary (issue 26): Russian, Chinese, Arabic, Hindi, Indonesian, Turkish
		"сообщение не доставлено", "模板消息发送失败", "تم رفض القالب", "संदेश डिलीवर नहीं हुआ", "pesan gagal terkirim", "şablon reddedildi"}
	for _, w := range words {
		q, _ := json.Marshal(w)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`kbSearch.tokenize(`+string(q)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		want := searchindex.Tokenize(w)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("tokenize(%q): browser %q, Go %q", w, got, want)
		}
	}
}

// TestSearchCorpus runs the real queries of testdata/search-corpus.tsv (pasted errors,
// HTTP status lines, messages, questions in English, Portuguese and Spanish, gathered from
// public threads) through the search page as someone types them: the box's value, an
// input event, the links the page shows, and counts how many put the page that answers
// them first and in the first three. Every miss is printed.
func TestSearchCorpus(t *testing.T) {
	ctx, s := searchPage(t)
	b, err := os.ReadFile("testdata/search-corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	type entry struct{ query, want, source string }
	var corpus []entry
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" || !strings.HasPrefix(f[2], "http") {
			t.Fatalf("search-corpus.tsv:%d: want query, path and source separated by tabs", i+1)
		}
		corpus = append(corpus, entry{f[0], f[1], f[2]})
	}
	if len(corpus) < 150 {
		t.Fatalf("only %d queries in the corpus", len(corpus))
	}
	first, top3 := 0, 0
	for _, e := range corpus {
		q, _ := json.Marshal(e.query)
		// Type the query into the page's box and read the links it shows once it has
		// rendered that query (a query may wait for a shard of the index).
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(async (q) => {
			const box = document.getElementById("search-q");
			box.value = q;
			box.dispatchEvent(new Event("input", {bubbles: true}));
			for (let i = 0; i < 500 && kbSearch.lastQuery !== q; i++) await new Promise(r => setTimeout(r, 10));
			if (kbSearch.lastQuery !== q) throw new Error("no results rendered");
			return Array.from(document.querySelectorAll("#search-q-results [role=option]"), li => {
				const a = li.querySelector("a[href]") || li;
				return new URL(a.getAttribute("href") || a.dataset.href, location.href).href;
			});
		})(`+string(q)+`)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%q: %v", short(e.query), err)
		}
		rank := -1
		for i, u := range got {
			if slices.Contains(strings.Split(e.want, "|"), strings.TrimPrefix(u, s.url)) {
				rank = i
				break
			}
		}
		switch {
		case rank == 0:
			first++
			top3++
			continue
		case rank > 0 && rank < 3:
			top3++
		}
		var shown []string
		for _, u := range got[:min(len(got), 3)] {
			shown = append(shown, strings.TrimPrefix(u, s.url))
		}
		t.Logf("miss (rank %d): %q want %s, got %v  [%s]", rank+1, short(e.query), e.want, shown, e.source)
	}
	n := len(corpus)
	t.Logf("corpus: %d queries, first %d (%.1f%%), top 3 %d (%.1f%%)", n, first, 100*float64(first)/float64(n), top3, 100*float64(top3)/float64(n))
	// Issue 17's bar: 95% first, and every answer in the first three.
	wantFirst, wantTop3 := 95.0, 100.0
	if 100*float64(first) < wantFirst*float64(n) {
		t.Errorf("only %d of %d queries (%.1f%%) put the answer first; want %.0f%%", first, n, 100*float64(first)/float64(n), wantFirst)
	}
	if 100*float64(top3) < wantTop3*float64(n) {
		t.Errorf("only %d of %d queries (%.1f%%) have the answer in the first three; want %.0f%%", top3, n, 100*float64(top3)/float64(n), wantTop3)
	}
}

// TestSearchLinks checks that every result is a real link (Ctrl/Cmd-click, middle-click and
// "copy link address" work) that is also the combobox's option, and that a code we do not
// have is said so, with its nearest codes and a link to ask for it.
func TestSearchLinks(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=131047")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#search-q-results [role=option]").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal("no results")
	}
	got, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#search-q-results [role=option]"), o => o.tagName + " " + o.getAttribute("href") + " " + o.id)`))
	if len(got) == 0 || got[0] != "A "+s.url+"codes/131047/ search-q-results-0" {
		t.Errorf("first option: %q, want a link to codes/131047/", got)
	}
	for _, o := range got {
		if !strings.HasPrefix(o, "A http") {
			t.Errorf("option %q is not a link", o)
		}
	}
	// The class and who fixes are named with the labels the index carries (facts.go).
	if meta, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-q-results [role=option] .result-meta").textContent`)); !strings.Contains(meta, "Context · Fix: Your team") {
		t.Errorf("first result's line: %q, want its class and who fixes in words", meta)
	}
	if roles, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.getElementById("search-q-results").children, li => li.getAttribute("role")).join()`)); strings.Trim(roles, "none,") != "" {
		t.Errorf("the list's items have roles %q, want none (the links are the options)", roles)
	}
	// A fresh tab: the first page may still be re-rendering when it is left.
	ctx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=131999"), chromedp.WaitReady("#search-q")); err != nil {
		t.Fatal(err)
	}
	notice, err := chromedp.Run(ctx, chromedp.Poll[string](`(document.querySelector(".search-notice:not([hidden])") || {}).textContent`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || !strings.Contains(notice, "131999 is not in this knowledge base yet") {
		t.Fatalf("notice for an unknown code: %q (%v)", notice, err)
	}
	issue, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".search-notice a").href`))
	if !strings.HasPrefix(issue, "https://github.com/waerrors/kb/issues/new?") || !strings.Contains(issue, "131999") {
		t.Errorf("issue link %q", issue)
	}
	first, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#search-q-results [role=option]") || {}).textContent || ""`))
	if !strings.HasPrefix(first, "1312") {
		t.Errorf("nearest code first: %q, want one of 1312xx", first)
	}
	if status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#search-results [role=status]").textContent`)); !strings.Contains(status, "131999 is not in this knowledge base yet") {
		t.Errorf("live region says %q", status)
	}
}

// reshard splits the built search index into shards of 1 to 7 stems, some hundreds of them,
// as if the shard size were tiny, so that every browser test searches across shard edges:
// the real site fits one shard of 64 KB, where a search.js that looks a stem up in the wrong
// shard would go unseen. The stems and their document lists stay as they were built.
func reshard(dir string) error {
	var index map[string]json.RawMessage
	var terms []string
	var starts []int
	b, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err == nil {
		err = json.Unmarshal(b, &index)
	}
	if err == nil {
		err = json.Unmarshal(index["terms"], &terms)
	}
	if err == nil {
		err = json.Unmarshal(index["shards"], &starts)
	}
	if err != nil {
		return fmt.Errorf("reshard: %v", err)
	}
	var post []string
	for i := range starts {
		var shard struct {
			Post []string `json:"post"`
		}
		p := filepath.Join(dir, fmt.Sprintf("post-%d.json", i))
		b, err := os.ReadFile(p)
		if err == nil {
			err = json.Unmarshal(b, &shard)
		}
		if err == nil {
			err = os.Remove(p)
		}
		if err != nil {
			return fmt.Errorf("reshard: %v", err)
		}
		post = append(post, shard.Post...)
	}
	if len(post) != len(terms) {
		return fmt.Errorf("reshard: %d document lists for %d stems", len(post), len(terms))
	}
	starts = starts[:0]
	for from, n := 0, 0; from < len(post); from, n = from+n%7+1, n+1 {
		to := min(from+n%7+1, len(post))
		b, _ := json.Marshal(map[string][]string{"post": post[from:to]})
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("post-%d.json", len(starts))), b, 0o644); err != nil {
			return err
		}
		starts = append(starts, from)
	}
	index["shards"], _ = json.Marshal(starts)
	b, _ = json.Marshal(index)
	return os.WriteFile(filepath.Join(dir, "index.json"), b, 0o644)
}

// TestSearchResultCap checks that a word on many pages (template) lists the first 20 and says there
// are more.
func TestSearchResultCap(t *testing.T) {
	ctx, s := searchPage(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=template")); err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(ctx, chromedp.Poll[string](`(function () { var n = document.querySelectorAll("#search-q-results [role=option]").length; return n ? n + " " + document.querySelector("#search-results [role=status]").textContent : ""; })()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil || !strings.HasPrefix(status, "20 ") || !strings.Contains(status, "20+ results") {
		t.Errorf("a common word: %q (%v), want 20 options and \"20+ results\"", status, err)
	}
	// The box under the header shows eight, then a link to all of them on the search page;
	// each result says whether to retry and what it means, once those lines arrive.
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"codes/"), chromedp.Focus("#site-q"), chromedp.KeyEvent("template")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`(function () {
		var opts = document.querySelectorAll("#site-q-results [role=option]");
		if (kbSearch.lastQuery !== "template" || !document.querySelector("#site-q-results .result-line")) return "";
		var last = opts[opts.length - 1];
		return opts.length + "|" + last.textContent + "|" + decodeURIComponent(new URL(last.href).search) + "|" +
			document.querySelector("#site-q-results .result-meta").textContent;
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the header box showed no results with their lines: %v", err)
	}
	f := strings.Split(got, "|")
	if len(f) != 4 || f[0] != "9" || !strings.HasPrefix(f[1], "More results") || f[2] != "?q=template" || !strings.Contains(f[3], "etry") {
		t.Errorf("header box: %q, want 8 results, then \"More results\" to search/?q=template, and a retry verdict on the first", got)
	}
}
