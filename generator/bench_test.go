package generator

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// Benchmarks of each stage at 1,000 and 10,000 synthetic codes (go run ./cmd/synth):
//
//	go test ./generator -run '^$' -bench . -benchmem
//
// Load reads and decodes every file, validates and builds the model; Model is the same with
// every file already decoded (what serve does on a save; BenchmarkPreview in the root
// package times a save in serve); Render makes every page and checks
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
				if _, err := renderFiles(site, Options{Templates: tmpl, Static: static}); err != nil {
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
