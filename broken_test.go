package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrokenInputs runs every case of generator/testdata/check through the command line, as
// an editor would meet it: the case's files on disk, a previous site in public/, then
// `build`. Each must exit 1, print exactly the case's "want" file, and leave public/ byte
// for byte as it was.
func TestBrokenInputs(t *testing.T) {
	cases, _ := filepath.Glob("generator/testdata/check/*.txtar")
	if len(cases) < 40 {
		t.Errorf("%d broken-input cases, want at least 40", len(cases))
	}
	previous := t.TempDir()
	if testing.Short() {
		// The quick loop stands a one-page site in for the previous build: copying and
		// comparing the real one for each case took most of its time, and a failed build
		// that writes anything into public/ changes the small tree as surely as the big one.
		os.WriteFile(filepath.Join(previous, "index.html"), []byte("<p>previous build</p>\n"), 0o644)
	} else {
		var stdout, stderr bytes.Buffer
		if run([]string{"build", "--out", previous}, &stdout, &stderr) != 0 {
			t.Fatalf("building the previous site: %s", stderr.String())
		}
	}
	before := tree(t, previous)
	for _, path := range cases {
		abs, _ := filepath.Abs(path)
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			dir := t.TempDir()
			want := ""
			for name, data := range readTxtar(t, abs) {
				if name == "want" {
					want = data
					continue
				}
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			os.MkdirAll(filepath.Join(dir, "data"), 0o755)
			os.MkdirAll(filepath.Join(dir, "content"), 0o755)
			copyTree(t, previous, filepath.Join(dir, "public"))
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run([]string{"build"}, &stdout, &stderr)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if got := stderr.String(); got != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
			if after := tree(t, "public"); !sameTree(before, after) {
				t.Error("public/ changed")
			}
		})
	}
}

// readTxtar reads a txtar archive into its files; a small reader, so that go.mod needs no
// x/tools for it.
func readTxtar(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	name := ""
	var cur strings.Builder
	for _, line := range strings.SplitAfter(string(b), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			if name != "" {
				files[name] = cur.String()
			}
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			cur.Reset()
			continue
		}
		if name != "" {
			cur.WriteString(line)
		}
	}
	if name != "" {
		files[name] = cur.String()
	}
	return files
}

// unpackTxtar writes a txtar archive's files into a new temporary folder and returns it.
func unpackTxtar(t *testing.T, path string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range readTxtar(t, path) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	return dir
}

func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			out[rel] = b
		}
		return nil
	})
	return out
}

func sameTree(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	for rel, data := range tree(t, from) {
		p := filepath.Join(to, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
