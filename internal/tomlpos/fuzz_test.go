package tomlpos

import (
	"strings"
	"testing"
)

// FuzzDecode checks the decoder on any text: it does not panic, it gives a key index or says
// why not, every error names the file at a line of it (after the offset) and a column from
// 1, and the same text gives the same errors again.
func FuzzDecode(f *testing.F) {
	f.Add("title = \"x\"\nclass = 3\n", 0)
	f.Add("[[errors]]\ncode = \"1\"\nacton = 2\n[[errors]]\nid = \"a\"\n", 0)
	f.Add("title = \"\"\"\nnever closed\n", 1)
	f.Add("seen = \"2026-11-30\"\n[aliases]\npt = [\" \"]\n", 3)
	f.Add("\ufeffa.b = 1\n\xff", 0)
	f.Fuzz(func(t *testing.T, src string, offset int) {
		offset = max(0, offset%1000)
		var v shape
		ix, errs := shapes.Decode([]byte(src), "x.toml", offset, &v)
		if ix == nil && len(errs) == 0 {
			t.Fatal("no key index and no error")
		}
		lines := strings.Count(src, "\n") + 1
		for _, e := range errs {
			if e.Pos.File != "x.toml" || e.Pos.Line < 1+offset || e.Pos.Line > lines+offset || e.Pos.Col < 1 {
				t.Fatalf("error at %v outside a %d-line text shifted by %d: %v", e.Pos, lines, offset, e)
			}
		}
		var again shape
		if _, errs2 := shapes.Decode([]byte(src), "x.toml", offset, &again); errs.Error() != errs2.Error() {
			t.Fatalf("two decodes disagree:\n%v\n%v", errs, errs2)
		}
	})
}
