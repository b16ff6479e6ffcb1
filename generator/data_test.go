package generator

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompleteness compares each provider file with testdata/complete/<slug>.txt, a list
// written from the provider's documents: one line per row of its error tables, in order,
// the code, or the id when the row has no code or its code repeats. A lost, merged or
// reordered row fails.
func TestCompleteness(t *testing.T) {
	site := loadRealSite(t)
	lists, _ := filepath.Glob("testdata/complete/*.txt")
	if len(lists) < 5 {
		t.Fatalf("%d completeness lists, want one per provider", len(lists))
	}
	for _, list := range lists {
		slug := strings.TrimSuffix(filepath.Base(list), ".txt")
		t.Run(slug, func(t *testing.T) {
			p := site.Provider(slug)
			if p == nil {
				t.Fatalf("no provider %q", slug)
			}
			want := readLines(t, list)
			if len(p.Entries) != len(want) {
				t.Errorf("%d entries, the documents have %d rows", len(p.Entries), len(want))
			}
			for i := 0; i < min(len(want), len(p.Entries)); i++ {
				e := p.Entries[i]
				if want[i] != e.Code && want[i] != e.ID {
					t.Errorf("entry %d is %q/%q, the documents have %q", i+1, e.Code, e.ID, want[i])
				}
			}
		})
	}
}

// TestDisagreementsShown checks that every disagreement in testdata/disagreements.txt
// (one "<code>: <about>" a line, found by reading the sources) is on its code page.
func TestDisagreementsShown(t *testing.T) {
	site := loadRealSite(t)
	files := renderReal(t, site, Options{})
	for _, line := range readLines(t, "testdata/disagreements.txt") {
		code, about, ok := strings.Cut(line, ": ")
		if !ok {
			t.Errorf("bad line %q", line)
			continue
		}
		page := string(files["codes/"+code+"/index.html"])
		if !strings.Contains(page, "Sources disagree") || !strings.Contains(page, "<strong>"+htmlEscape(about)+"</strong>") {
			t.Errorf("codes/%s/ does not show the disagreement %q", code, about)
		}
	}
	// Every disagreement in the data is listed, so the list stays the record of them all.
	listed := map[string]bool{}
	for _, line := range readLines(t, "testdata/disagreements.txt") {
		listed[line] = true
	}
	for _, c := range site.Codes {
		for _, d := range c.Disagreements {
			if !listed[c.Key+": "+d.About] {
				t.Errorf("disagreement %q on %s is not in testdata/disagreements.txt", d.About, c.Key)
			}
		}
	}
}

// TestEquivalentsBothWays checks that each equivalent pair is linked from both code pages.
func TestEquivalentsBothWays(t *testing.T) {
	site := loadRealSite(t)
	files := renderReal(t, site, Options{})
	pairs := 0
	for _, c := range site.Codes {
		for _, o := range c.Equivalents {
			page := string(files["codes/"+o.Key+"/index.html"])
			if !strings.Contains(page, `href="../../codes/`+c.Key+`/">`+c.Key+`</a>`) {
				t.Errorf("codes/%s/ does not link back to its equivalent %s", o.Key, c.Key)
			}
			pairs++
		}
	}
	for _, want := range [][2]string{{"131047", "470"}, {"131047", "63016"}, {"470", "63016"}, {"131048", "471"}} {
		if c := site.Code(want[0]); c == nil || !containsCode(c.Equivalents, site.Code(want[1])) {
			t.Errorf("%s and %s are not equivalent", want[0], want[1])
		}
	}
	if pairs == 0 {
		t.Fatal("no equivalents in the data")
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
