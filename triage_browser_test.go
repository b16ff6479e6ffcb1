package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pagesHost serves the built site as GitHub Pages does: an address with no file gets the
// site's 404.html, with status 404.
func pagesHost(t *testing.T, s builtSite) string {
	t.Helper()
	files := http.FileServer(http.Dir(s.root))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(s.root, filepath.FromSlash(r.URL.Path))
		if strings.HasSuffix(r.URL.Path, "/") {
			name = filepath.Join(name, "index.html")
		}
		if _, err := os.Stat(name); err != nil {
			page, err := os.ReadFile(filepath.Join(s.root, "kb", "404.html"))
			if err != nil {
				t.Error(err)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	// The site was built for checkedSite's address; only the host differs, and every link
	// on the 404 page is a path.
	return srv.URL + "/kb/"
}

// TestNotFoundOffersSearch asks for a code page that does not exist: the 404 page names the
// code, fills the search form with it and links to that search; a page that is not a code
// leaves the form empty; without JavaScript the empty form is there.
func TestNotFoundOffersSearch(t *testing.T) {
	s := checkedSite(t)
	host := pagesHost(t, s)
	ctx := browser(t)
	state := func(path string) (box, note, href string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(host+path)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		raw, err := chromedp.Run(ctx, chromedp.Poll[[]byte](`document.readyState === "complete" && (() => {
			const n = document.querySelector("[data-nf-code]");
			return [document.getElementById("nf-q").value, n.checkVisibility() ? n.innerText : "", n.querySelector("a").getAttribute("href")];
		})()`, chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var got []string
		if err := json.Unmarshal(raw, &got); err != nil || len(got) != 3 {
			t.Fatalf("%s: %s", path, raw)
		}
		return got[0], got[1], got[2]
	}
	// The key is decoded for the box and encoded again for the link: "&", "+" and "#" would
	// cut the search short or change it.
	for _, tc := range []struct{ path, box, href string }{
		{"codes/131999/", "131999", "/kb/search/?q=131999"},
		{"codes/63%20999", "63 999", "/kb/search/?q=63%20999"},
		{"codes/63016&x/", "63016&x", "/kb/search/?q=63016%26x"},
		{"codes/1%2B2/", "1+2", "/kb/search/?q=1%2B2"},
		{"codes/130%23429/", "130#429", "/kb/search/?q=130%23429"},
	} {
		box, note, href := state(tc.path)
		if box != tc.box {
			t.Errorf("/%s: the search box holds %q, want %q", tc.path, box, tc.box)
		}
		saysAll(t, "/"+tc.path, note, "no page for code "+tc.box, "Search for it")
		if href != tc.href {
			t.Errorf("/%s: the search link is %q, want %s", tc.path, href, tc.href)
		}
	}
	if box, note, _ := state("providers/nobody/"); box != "" || note != "" {
		t.Errorf("/providers/nobody/: box %q, note %q; want both empty", box, note)
	}
	// Following the link runs that search, whole.
	if err := chromedp.Do(ctx, chromedp.Navigate(host+"codes/63016&x/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.querySelector("[data-nf-code]").hidden`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatal(err)
	}
	evaluate(t, ctx, `document.querySelector("[data-nf-search]").click()`)
	// The click navigates: poll until the search page has come up with the query.
	q := ""
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && q != "63016&x"; time.Sleep(100 * time.Millisecond) {
		q, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname.endsWith("/search/") && document.querySelector("input[data-search=page]") ? document.querySelector("input[data-search=page]").value : ""`))
	}
	if q != "63016&x" {
		t.Errorf("the link did not open the search for 63016&x: the search box holds %q", q)
	}

	noJS := browser(t)
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(noJS, chromedp.Navigate(host+"codes/131999/")); err != nil {
		t.Fatal(err)
	}
	form, err := chromedp.Run(noJS, chromedp.Evaluate[string](`(() => { const f = document.querySelector("form.hero-search"); return f && f.checkVisibility() ? f.getAttribute("action") + " " + f.querySelector("input").name : "" })()`))
	if err != nil || form != "/kb/search/ q" {
		t.Errorf("without JavaScript the search form is %q (%v), want action /kb/search/ and a q box", form, err)
	}
}

// TestAxeTriagePages runs axe on the triage pages in light and dark, at desktop and phone
// widths (TestAxe covers the older pages at desktop width).
func TestAxeTriagePages(t *testing.T) {
	s := checkedSite(t)
	axe, err := os.ReadFile(tool(t, "node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	host := pagesHost(t, s)
	ctx := browser(t)
	for _, width := range []int64{1280, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for _, scheme := range []string{"light", "dark"} {
			if err := setColorScheme(ctx, scheme); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"rate-limits/", "who-fixes/", "changes/", "codes/131999/"} {
				if err := chromedp.Do(ctx, chromedp.Navigate(host+p)); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				checkAxe(t, ctx, axe, fmt.Sprintf("/%s (%s, %d px)", p, scheme, width))
			}
		}
	}
}
