package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BenchmarkSearch measures the search in Chromium on a synthetic site of 10,000 codes (or
// KB_SEARCH_CODES), and Pagefind's on the same built site when KB_PAGEFIND=1:
//
//	go test -run '^$' -bench Search -benchtime 1x .
//
// It reports bytes fetched for the first query, the time to load them, and the median and
// worst time from a keystroke to painted results, and whether the right code came first.
func BenchmarkSearch(b *testing.B) {
	n := os.Getenv("KB_SEARCH_CODES")
	if n == "" {
		n = "10000"
	}
	dir := b.TempDir()
	data, content, out := filepath.Join(dir, "data"), filepath.Join(dir, "content"), filepath.Join(dir, "site")
	if n == "real" {
		data, content = "data", "content"
	} else {
		synth := exec.Command("go", "run", "./cmd/synth", "-n", n, "-out", data, "-content", content)
		if msg, err := synth.CombinedOutput(); err != nil {
			b.Fatalf("synth: %v\n%s", err, msg)
		}
	}
	var stderr, stdout bytes.Buffer
	if run([]string{"build", "--data", data, "--content", content, "--out", out}, &stdout, &stderr) != 0 {
		b.Fatalf("build: %s", stderr.String())
	}
	codes, _ := os.ReadDir(filepath.Join(data, "codes"))
	pick := func(i int) string { return strings.TrimSuffix(codes[i*len(codes)/7].Name(), ".toml") }
	queries := []string{pick(1), "#" + pick(2), "error " + pick(3), pick(4)[:4], "template paused", "webhook", "display name", "throughput limit"}
	codeQueries := map[string]string{queries[0]: pick(1), queries[1]: pick(2), queries[2]: pick(3)}

	if _, err := os.Stat(filepath.Join(out, "search", "index.json")); err == nil {
		shards, _ := filepath.Glob(filepath.Join(out, "search", "post-*.json"))
		var raw, gz int64
		for _, f := range append(shards, filepath.Join(out, "search", "index.json")) {
			r, g := fileSizes(b, f)
			raw, gz = raw+r, gz+g
		}
		r, g := fileSizes(b, filepath.Join(out, "search", "index.json"))
		fmt.Printf("index (%s codes): index.json %d bytes (%d gzip), with %d shards %d bytes (%d gzip) in all\n", n, r, g, len(shards), raw, gz)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for i := 0; i < b.N; i++ {
		ours := measureOurs(b, srv.URL+"/search/", "search-q", queries, codeQueries)
		header := measureOurs(b, srv.URL+"/codes/"+pick(5)+"/", "site-q", queries, codeQueries)
		fmt.Printf("ours, header box of a code page (%s codes): %s\n", n, header)
		b.ReportMetric(float64(ours.bytes), "first-query-bytes")
		b.ReportMetric(ours.median, "ms-keystroke-median")
		b.ReportMetric(ours.worst, "ms-keystroke-max")
		fmt.Printf("ours (%s codes): %s\n", n, ours)
		if os.Getenv("KB_PAGEFIND") != "" {
			pf := measurePagefind(b, out, srv.URL, queries, codeQueries)
			fmt.Printf("pagefind (%s codes): %s\n", n, pf)
		}
	}
}

type searchFigures struct {
	bytes          int64
	load           float64 // ms from first use to the index being ready
	median, worst  float64 // ms from keystroke to results
	right, codeQ   int
	indexRaw       int64
	indexFileCount int
}

func (f searchFigures) String() string {
	return fmt.Sprintf("fetched %d bytes for the first query (load %.0f ms); keystroke to results median %.1f ms, max %.1f ms; right code first %d/%d",
		f.bytes, f.load, f.median, f.worst, f.right, f.codeQ)
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

func measureOurs(b *testing.B, pageURL, box string, queries []string, codeQueries map[string]string) searchFigures {
	ctx := browser(b)
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL)); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	chromedp.Do(ctx, chromedp.Click("#"+box))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!window.kbSearch`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`kbSearch.load().then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		b.Fatal(err)
	}
	f := searchFigures{load: float64(time.Since(start).Milliseconds())}
	f.bytes, _ = chromedp.Run(ctx, chromedp.Evaluate[int64](`performance.getEntriesByType("resource").filter(e => /search/.test(e.name)).reduce((n, e) => n + e.encodedBodySize, 0)`))
	var times []float64
	for _, q := range queries {
		// Type the query one key at a time, timing each keystroke to painted results.
		for i := 1; i <= len(q); i++ {
			js, _ := json.Marshal(q[:i])
			ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise(done => {
				const box = document.getElementById("`+box+`"), t0 = performance.now();
				box.value = `+string(js)+`; box.dispatchEvent(new Event("input"));
				requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
			})`, chromedp.EvalAwaitPromise))
			if err != nil {
				b.Fatal(err)
			}
			times = append(times, ms)
			if os.Getenv("KB_SEARCH_VERBOSE") != "" {
				fmt.Printf("  %6.1f ms  %q\n", ms, q[:i])
			}
		}
		if want, ok := codeQueries[q]; ok {
			f.codeQ++
			first, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#`+box+`-results [role=option]") || {}).href || ""`))
			if strings.HasSuffix(first, "/codes/"+want+"/") {
				f.right++
			}
		}
	}
	f.median = median(times)
	f.worst = times[len(times)-1]
	return f
}

func measurePagefind(b *testing.B, site, base string, queries []string, codeQueries map[string]string) searchFigures {
	tools := filepath.Join(os.TempDir(), "kb-pagefind-1.6.0")
	bin := filepath.Join(tools, "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(bin); err != nil {
		if msg, err := exec.Command("npm", "install", "--prefix", tools, "--no-audit", "--no-fund", "pagefind@1.6.0").CombinedOutput(); err != nil {
			b.Fatalf("installing pagefind: %v\n%s", err, msg)
		}
	}
	t0 := time.Now()
	if msg, err := exec.Command(bin, "--site", site).CombinedOutput(); err != nil {
		b.Fatalf("pagefind: %v\n%s", err, msg)
	}
	fmt.Printf("pagefind indexed the site in %v\n", time.Since(t0).Round(time.Millisecond))
	ctx := browser(b)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/404.html")); err != nil {
		b.Fatal(err)
	}
	var f searchFigures
	var times []float64
	for qi, q := range queries {
		js, _ := json.Marshal(q)
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(async () => {
			const t0 = performance.now();
			window.pf = window.pf || await import("/pagefind/pagefind.js");
			const r = await pf.search(`+string(js)+`);
			if (r.results.length) window.firstURL = (await r.results[0].data()).url; else window.firstURL = "";
			return performance.now() - t0;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		if qi == 0 {
			f.load = ms
			f.bytes, _ = chromedp.Run(ctx, chromedp.Evaluate[int64](`performance.getEntriesByType("resource").filter(e => /pagefind/.test(e.name)).reduce((n, e) => n + e.encodedBodySize, 0)`))
		} else {
			times = append(times, ms)
		}
		if want, ok := codeQueries[q]; ok {
			f.codeQ++
			first, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`window.firstURL`))
			if strings.HasSuffix(first, "/codes/"+want+"/") {
				f.right++
			}
		}
	}
	f.median = median(times)
	f.worst = times[len(times)-1]
	return f
}

func fileSizes(b *testing.B, path string) (raw, gz int64) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return int64(len(data)), int64(buf.Len())
}
