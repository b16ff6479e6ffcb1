package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/waerrors/kb/internal/devserver"
)

// startServe runs the dev server as `go run . serve` wires it, on dir/data and dir/content,
// until the test ends. It returns the server's address and the events it sends open pages.
// Without check, the whole build that follows each save is left out.
func startServe(tb testing.TB, dir string, check bool) (base string, events <-chan string) {
	tb.Helper()
	var cfg config
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	cfg.register(flags, false)
	err := flags.Parse([]string{"--data", filepath.Join(dir, "data"), "--content", filepath.Join(dir, "content"), "--config", filepath.Join(dir, "site.toml")})
	if err != nil {
		tb.Fatal(err)
	}
	sc := cfg.serveConfig("127.0.0.1:0")
	ready := make(chan net.Addr, 1)
	sc.Log, sc.Poll, sc.Ready = io.Discard, 20*time.Millisecond, func(a net.Addr) { ready <- a }
	if !check {
		sc.Check = nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	go devserver.Serve(ctx, sc)
	base = "http://" + (<-ready).String()
	resp, err := http.Get(base + "/_kb/events")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { resp.Body.Close() })
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				lines <- line
			}
		}
	}()
	time.Sleep(50 * time.Millisecond) // let the server register the event stream
	return base, lines
}

// TestServe runs serve on a copy of the fixture and edits a code file: the open page is told
// to reload and shows the edit (the watched cache dropped the file), a broken link is
// reported by the whole build that follows, and a broken save is reported while the last
// good site is still served.
func TestServe(t *testing.T) {
	dir := unpackTxtar(t, "generator/testdata/site.txtar")
	base, events := startServe(t, dir, true)
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor := func(prefix string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case ev := <-events:
				if strings.HasPrefix(ev, prefix) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q event", prefix)
			}
		}
	}
	if code, body := get("/codes/470/"); code != 200 || !strings.Contains(body, "The On-Premises form") {
		t.Fatalf("code page: %d, shows the code: %v", code, strings.Contains(body, "The On-Premises form"))
	}

	codeFile := filepath.Join(dir, "data", "codes", "470.toml")
	src, _ := os.ReadFile(codeFile)
	os.WriteFile(codeFile, []byte(strings.Replace(string(src), "The On-Premises form", "The older form", 1)), 0o644)
	waitFor("reload")
	if _, body := get("/codes/470/"); !strings.Contains(body, "The older form") {
		t.Fatal("the page was not rebuilt after the save")
	}

	// A save that loads but breaks a link is caught by the full check that follows.
	os.WriteFile(codeFile, []byte(strings.Replace(string(src), "The On-Premises form", "See [the guide](/guide/). The older form", 1)), 0o644)
	waitFor("reload")
	waitFor(`error:codes/470/index.html: broken link "../../guide/"`)

	os.WriteFile(codeFile, []byte(strings.Replace(string(src), `class = "context"`, `class = "fatl"`, 1)), 0o644)
	waitFor("error:" + codeFile + ":3:9: class")
	code, body := get("/codes/470/")
	if code != 200 || !strings.Contains(body, "The older form") || !strings.Contains(body, `data-error="`+codeFile+`:3:9: class: unknown value &#34;fatl&#34; (want `) {
		t.Fatalf("after a broken save: %d, last good page served: %v, error given to the page: %v", code, strings.Contains(body, "The older form"), strings.Contains(body, "data-error="))
	}
}

// BenchmarkPreview measures serve at 10,000 codes: the time from saving one code file to
// the browser's request for that page returning the new text. It reports the median and
// the worst of the saves.
//
//	go test -run '^$' -bench Preview -benchtime 30x .
func BenchmarkPreview(b *testing.B) {
	dir := b.TempDir()
	synth := exec.Command("go", "run", "./cmd/synth", "-n", "10000", "-out", filepath.Join(dir, "data"), "-content", filepath.Join(dir, "content"))
	if out, err := synth.CombinedOutput(); err != nil {
		b.Fatalf("synth: %v\n%s", err, out)
	}
	// The benchmark times the page a save shows, not the background check.
	base, events := startServe(b, dir, false)
	codes, _ := os.ReadDir(filepath.Join(dir, "data", "codes"))
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		name := codes[(i*7919)%len(codes)].Name()
		key := strings.TrimSuffix(name, ".toml")
		file := filepath.Join(dir, "data", "codes", name)
		data, _ := os.ReadFile(file)
		marker := fmt.Sprintf("Edited %d", i)
		edited := strings.Replace(string(data), `title = "`, `title = "`+marker+` `, 1)
		start := time.Now()
		os.WriteFile(file, []byte(edited), 0o644)
		for ev := range events {
			if ev == "reload" {
				break
			}
			if strings.HasPrefix(ev, "error:") {
				b.Fatal(ev)
			}
		}
		page, err := http.Get(base + "/codes/" + key + "/")
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(page.Body)
		page.Body.Close()
		took := time.Since(start)
		if !strings.Contains(string(body), marker) {
			b.Fatalf("the page does not show the edit %q", marker)
		}
		times = append(times, took)
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median-save-to-page")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-worst-save-to-page")
}
