package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/waerrors/kb/internal/searchindex"
)

// TestJavaScript runs the Node tests of the scripts' logic (testdata/js/*.test.js): the
// arithmetic and parsing that the pages' scripts share, and the search engine on the real
// site's index, tested without a browser. The files are named one by one: Node 22 and later
// read a folder given to --test as a module to run.
func TestJavaScript(t *testing.T) {
	node := tool(t, "node", "nodejs")
	files, err := filepath.Glob("testdata/js/*.test.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Node tests in testdata/js: %v", err)
	}
	cmd := exec.Command(node, append([]string{"--test"}, files...)...)
	cmd.Env = append(os.Environ(), "KB_SEARCH_INDEX="+filepath.Join(checkedSite(t).root, "kb", "search"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test %v failed: %v\n%s", files, err, out)
	}
}

// TestSearchTokenizers runs every word of the real data and content, of the search corpus
// and of 10,000 synthetic codes (cmd/synth), and every stem Go makes of them, through Go's
// Tokenize and Stem and through the search engine's in Node, and fails on any difference: a
// query's words must be read as the index builder read the pages'.
func TestSearchTokenizers(t *testing.T) {
	node := tool(t, "node", "nodejs")
	site := checkedSite(t)
	synth := t.TempDir()
	if out, err := exec.Command("go", "run", "./cmd/synth", "-n", "10000", "-out", filepath.Join(synth, "data"), "-content", filepath.Join(synth, "content")).CombinedOutput(); err != nil {
		t.Fatalf("synth: %v\n%s", err, out)
	}
	words := map[string]bool{}
	for _, root := range []string{"data", "content", "testdata/search-corpus.tsv", synth} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			for _, w := range strings.Fields(string(b)) {
				words[w] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range slices.Collect(maps.Keys(words)) {
		for _, s := range searchindex.Tokenize(w) {
			words[s] = true
		}
	}
	list := slices.Sorted(maps.Keys(words))
	in, _ := json.Marshal(list)
	cmd := exec.Command(node, "testdata/js/tokens.js")
	cmd.Env = append(os.Environ(), "KB_SEARCH_INDEX="+filepath.Join(site.root, "kb", "search"))
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/js/tokens.js: %v", err)
	}
	var js []struct {
		T []string
		S string
	}
	if err := json.Unmarshal(out, &js); err != nil || len(js) != len(list) {
		t.Fatalf("node testdata/js/tokens.js gave %d answers for %d words (%v)", len(js), len(list), err)
	}
	differ := 0
	for i, w := range list {
		goTokens, goStem := strings.Join(searchindex.Tokenize(w), " "), searchindex.Stem(w)
		if jsTokens := strings.Join(js[i].T, " "); jsTokens != goTokens || js[i].S != goStem {
			if differ++; differ <= 20 {
				t.Errorf("%q: Go reads %q (stem %q), the engine %q (stem %q)", w, goTokens, goStem, jsTokens, js[i].S)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d words read differently", differ, len(list))
	}
	t.Logf("%d words read alike by Go and the engine", len(list))
}
