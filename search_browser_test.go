package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

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
	// A pasted message holds what an address must encode ("#" would start the fragment, "&"
	// a second parameter): reloading the page must search for all of it, not for "(".
	const pasted = "(#131047) Re-engagement & more"
	chromedp.Do(ctx, chromedp.Click("#search-q"), chromedp.Evaluate[chromedp.Void](`document.getElementById("search-q").select()`), chromedp.KeyEvent(pasted))
	// The address follows the results, which wait for the shards the last words need.
	readBack := `new URLSearchParams(location.search).get("q") === ` + strconv.Quote(pasted)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](readBack, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		search, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
		q, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`new URLSearchParams(location.search).get("q") || ""`))
		t.Errorf("address after typing %q: %q, which reads back as %q", pasted, search, q)
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
		// search.js loads on focus: until it has, keep polling (a thrown error would stop it).
		if (!window.kbSearch || kbSearch.lastQuery !== "template" || !document.querySelector("#site-q-results .result-line")) return "";
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

// TestSearchMoreResultsKeepsTheQuery pastes an error that holds what an address must
// encode ("#" would start the fragment, "&" a second parameter, "+" a space) into the box
// under the header, follows its "More results" link, and checks that the search page
// searches for the whole paste: its box holds it, and its first result is the one the
// header box listed first.
func TestSearchMoreResultsKeepsTheQuery(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	const pasted = "(#100) Invalid parameter & template + header"
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"codes/"), chromedp.Focus("#site-q"), chromedp.KeyEvent(pasted)); err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, chromedp.Poll[string](`window.kbSearch && kbSearch.lastQuery === `+strconv.Quote(pasted)+` &&
		document.querySelector("#site-q-results .more-results") && document.querySelector("#site-q-results [role=option]").href`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the header box showed no \"More results\" link for %q: %v", pasted, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click("#site-q-results .more-results")); err != nil {
		t.Fatal(err)
	}
	// Wait for the search page before polling it: a poll begun on the page being left stops
	// with it.
	path := ""
	for i := 0; i < 50 && !strings.HasSuffix(path, "/kb/search/"); i++ {
		time.Sleep(100 * time.Millisecond)
		path, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	}
	if err := chromedp.Do(ctx, chromedp.WaitReady("#search-q")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const box = document.getElementById("search-q"), option = document.querySelector("#search-q-results [role=option]");
		return window.kbSearch && kbSearch.lastQuery === box.value && box.value + "|" + (option ? option.href : "");
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	if want := pasted + "|" + first; err != nil || got != want {
		address, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		t.Errorf("\"More results\" for %q opened %s, whose box and first result are %q (%v), want %q", pasted, address, got, err, want)
	}
}

// TestSearchLateShard: results that arrive for a query the box no longer holds are dropped.
// On a slow connection the shard an earlier keystroke asked for can arrive after the query
// has changed; its results must not replace the current query's (mutation-4's survivor 04).
func TestSearchLateShard(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=131047")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!window.kbSearch && kbSearch.lastQuery === "131047" && !!document.querySelector("#search-q-results [role=option]")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal(err)
	}
	// From now on every shard not yet fetched arrives a second and a half late.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(function () {
		var fetchNow = window.fetch;
		window.fetch = function (u, o) {
			if (!/post-\d+\.json/.test(String(u))) return fetchNow(u, o);
			return new Promise(function (resolve) { setTimeout(function () { resolve(fetchNow(u, o)); }, 1500); });
		};
	})()`)); err != nil {
		t.Fatal(err)
	}
	chromedp.Do(ctx, chromedp.Click("#search-q"), chromedp.Evaluate[chromedp.Void](`document.getElementById("search-q").select()`), chromedp.KeyEvent("template paused"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("search-q").select()`), chromedp.KeyEvent("131047"))
	time.Sleep(2500 * time.Millisecond)
	got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`kbSearch.lastQuery + " " + (document.querySelector("#search-q-results [role=option]") || {href: ""}).href`))
	if !strings.HasPrefix(got, "131047 ") || !strings.HasSuffix(got, "/kb/codes/131047/") {
		t.Errorf("after a late shard: %q, want the results of 131047 still shown", got)
	}
}

// TestSearchSectionResult: a result that is a guide's section links to the section and is
// titled with its guide's title, then the section's heading.
func TestSearchSectionResult(t *testing.T) {
	s := checkedSite(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q=forgot+the+two-step+verification+PIN")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`(function () { var o = document.querySelector("#search-q-results [role=option]"); return o ? o.getAttribute("href") + "|" + o.querySelector(".result-title").textContent : ""; })()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatal("no results")
	}
	href, title, _ := strings.Cut(got, "|")
	if !strings.HasSuffix(href, "registration/#forgot-the-two-step-verification-pin") {
		t.Errorf("first result links to %q, want the registration guide's section", href)
	}
	front, _ := os.ReadFile("content/registration.md")
	want := regexp.MustCompile(`(?m)^title = "(.*)"$`).FindSubmatch(front)
	if want == nil || title != string(want[1])+": Forgot the two-step verification PIN" {
		t.Errorf("first result is titled %q, want its guide's title, then the section's heading", title)
	}
}

// TestSearchLateParts: the page's first query shows what the engine finds once it has every
// part, when it had to fetch the provider rows' documents (rows.json) or the glossary
// (gloss.json) first: a row with its provider and title, a query in Cyrillic.
func TestSearchLateParts(t *testing.T) {
	s := checkedSite(t)
	for _, c := range []struct{ q, title string }{
		{"WABA not configured", "Aircall: WABA not configured"},
		{"шаблон отклонен", ""},
	} {
		ctx := browser(t)
		if err := chromedp.Do(ctx, chromedp.Navigate(s.url+"search/?q="+url.QueryEscape(c.q))); err != nil {
			t.Fatal(err)
		}
		// The page's results, once they are those of kbSearch.search (the engine with every
		// part the query needs), and the first result's title.
		got, err := chromedp.Run(ctx, chromedp.Poll[string](`(function () {
			if (!window.kbSearch || kbSearch.lastQuery !== `+strconv.Quote(c.q)+`) return "";
			if (!window.found) { window.found = ""; kbSearch.search(`+strconv.Quote(c.q)+`).then(function (r) { window.found = JSON.stringify(r); }); }
			var shown = JSON.stringify(kbSearch.lastResults), o = document.querySelector("#search-q-results [role=option] .result-title");
			return found && shown === found && o ? o.textContent + "|" + shown : "";
		})()`, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Errorf("%s: the page's results never became the engine's (%v)", c.q, err)
			continue
		}
		title, results, _ := strings.Cut(got, "|")
		if results == "[]" || c.title != "" && title != c.title {
			t.Errorf("%s: first result titled %q of %s, want %q", c.q, title, results, c.title)
		}
	}
}
