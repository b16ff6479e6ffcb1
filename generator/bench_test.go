package generator

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Benchmarks of each stage at 1,000 and 10,000 synthetic codes (go run ./cmd/synth):
//
//	go test ./generator -run '^$' -bench . -benchmem
//
// Load reads and decodes every file, validates and builds the model; Model is the same with
// every file already decoded (what serve does on a save); Render makes every page and checks
// the links; Write puts the files on disk.

var synthData sync.Map // size -> data folder

func synthSite(b *testing.B, n int) string {
	b.Helper()
	if dir, ok := synthData.Load(n); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("kb-synth-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command("go", "run", "./cmd/synth", "-n", fmt.Sprint(n), "-out", filepath.Join(dir, "data"), "-content", filepath.Join(dir, "content"))
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("synth: %v\n%s", err, out)
	}
	synthData.Store(n, dir)
	return dir
}

func synthInput(dir string, cache *Cache) Input {
	return Input{
		Data: os.DirFS(filepath.Join(dir, "data")), DataDir: "data",
		Content: os.DirFS(filepath.Join(dir, "content")), ContentDir: "content", Cache: cache,
	}
}

var sizes = []int{1000, 10000}

func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := synthSite(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(synthInput(dir, nil)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkModel(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := synthSite(b, n)
			cache := NewCache()
			if _, err := Load(synthInput(dir, cache)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(synthInput(dir, cache)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRender(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			site, err := Load(synthInput(synthSite(b, n), nil))
			if err != nil {
				b.Fatal(err)
			}
			tmpl, static := projectLayers(b, nil)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(site, Options{Templates: tmpl, Static: static}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuild renders and writes the site through the staging folder, as the CLI does.
func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			site, err := Load(synthInput(synthSite(b, n), nil))
			if err != nil {
				b.Fatal(err)
			}
			tmpl, static := projectLayers(b, nil)
			out := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(site, Options{Templates: tmpl, Static: static}, out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPreview measures serve at 10,000 codes: the time from saving one code file to
// the browser's request for that page returning the new text. It reports the median and
// the worst of the saves.
func BenchmarkPreview(b *testing.B) {
	src := synthSite(b, 10000)
	dir := b.TempDir()
	if out, err := exec.Command("cp", "-r", filepath.Join(src, "data"), filepath.Join(src, "content"), dir).CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	tmpl, static := projectLayers(b, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan net.Addr, 1)
	cfg := PreviewConfig("127.0.0.1:0",
		[]Folder{{filepath.Join(dir, "data"), "data"}, {filepath.Join(dir, "content"), "content"}}, nil,
		func(cache *Cache) (*Site, Options, error) {
			site, err := Load(synthInput(dir, cache))
			return site, Options{Templates: tmpl, Static: static}, err
		})
	cfg.Check = nil // the benchmark times the page a save shows, not the background check
	cfg.Log, cfg.Ready = io.Discard, func(a net.Addr) { ready <- a }
	go Serve(ctx, cfg)
	base := "http://" + (<-ready).String()
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				events <- line
			}
		}
	}()
	time.Sleep(100 * time.Millisecond)
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
	med, worst := medianDuration(times)
	b.ReportMetric(float64(med.Microseconds())/1000, "ms-median-save-to-page")
	b.ReportMetric(float64(worst.Microseconds())/1000, "ms-worst-save-to-page")
}

func medianDuration(ds []time.Duration) (median, worst time.Duration) {
	sorted := append([]time.Duration(nil), ds...)
	for i := range sorted {
		for j := i + 1; j < len(sorted); j++ {
			if sorted[j] < sorted[i] {
				sorted[i], sorted[j] = sorted[j], sorted[i]
			}
		}
	}
	return sorted[len(sorted)/2], sorted[len(sorted)-1]
}
