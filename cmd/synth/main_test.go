package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/waerrors/kb/generator"
)

// TestSynth generates a small data set twice: the two must be byte-identical, and the
// generator must load the result without a single error.
func TestSynth(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := run(200, 1, filepath.Join(dir, "data"), filepath.Join(dir, "content")); err != nil {
			t.Fatal(err)
		}
	}
	filesA, filesB := readTree(t, a), readTree(t, b)
	if len(filesA) != len(filesB) {
		t.Fatalf("first run wrote %d files, second %d", len(filesA), len(filesB))
	}
	for name, data := range filesA {
		if !bytes.Equal(data, filesB[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	// 200 codes, 4 providers, tiers.toml, quality.toml, index.md, window.md.
	if want := 200 + 4 + 2 + 2; len(filesA) != want {
		t.Errorf("wrote %d files, want %d", len(filesA), want)
	}

	data, content := filepath.Join(a, "data"), filepath.Join(a, "content")
	site, err := generator.Load(generator.Input{
		Data: os.DirFS(data), DataDir: data,
		Content: os.DirFS(content), ContentDir: content,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Providers) != 4 || site.Page("window") == nil || site.Home == nil {
		t.Errorf("loaded %d providers, window page %v, home page %v", len(site.Providers), site.Page("window") != nil, site.Home != nil)
	}
}

// TestSeed checks that the seed matters, so that determinism is not an accident of
// ignoring it.
func TestSeed(t *testing.T) {
	one, two := generate(20, 1), generate(20, 2)
	if one.data["tiers.toml"] == "" || len(one.data) != len(two.data) {
		t.Fatalf("unexpected output sizes %d and %d", len(one.data), len(two.data))
	}
	same := 0
	for name := range one.data {
		if _, ok := two.data[name]; ok && strings.HasPrefix(name, "codes/") {
			same++
		}
	}
	if same > 1 {
		t.Errorf("seeds 1 and 2 share %d code files; the seed seems unused", same)
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "old.toml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(10, 1, dir, ""); err == nil {
		t.Error("wrote into a folder that already holds files")
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[rel], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
