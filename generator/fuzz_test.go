package generator

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSplitFrontMatter checks the split both ways: when it succeeds, the input is exactly a
// line of +++, the front matter (holding no +++ line), a closing line of +++ and the body;
// and every valid UTF-8 input that has such a closing line splits.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"x\"\n+++\nbody", "+++\r\ntitle = 1\r\n+++\r\n", "+++\n", "no front matter", "\ufeff+++\n+++", "+++ \n+++\t\n\n+++\nx", "+++\na\n+++"} {
		f.Add(s)
	}
	isFence := func(line string) bool { return strings.TrimRight(line, " \t\r") == "+++" }
	f.Fuzz(func(t *testing.T, in string) {
		front, body, err := splitFrontMatter([]byte(in))
		text := strings.TrimPrefix(in, "\ufeff")
		first, rest, _ := strings.Cut(text, "\n")
		lines := strings.Split(rest, "\n")
		closes := isFence(first) && slices.ContainsFunc(lines, isFence)
		if err != nil {
			if closes && utf8.ValidString(in) {
				t.Fatalf("%q has front matter, but: %v", in, err)
			}
			return
		}
		if !isFence(first) || !strings.HasPrefix(rest, string(front)) {
			t.Fatalf("%q: front %q is not what follows the first line", in, front)
		}
		closing, after, hasBody := strings.Cut(rest[len(front):], "\n")
		if !isFence(closing) || string(body) != after || !hasBody && len(body) > 0 {
			t.Fatalf("%q: front %q, body %q: not split at a +++ line", in, front, body)
		}
		for _, line := range strings.Split(string(front), "\n") {
			if isFence(line) {
				t.Fatalf("%q: front %q runs past a +++ line", in, front)
			}
		}
	})
}

// FuzzLoadCode feeds arbitrary text as a code file and as a provider file: loading must
// never panic, and every error must carry the file's name and a position inside it.
func FuzzLoadCode(f *testing.F) {
	f.Add("title = \"x\"\napi = \"cloud\"\nclass = \"context\"\nretry = \"no\"\nsummary = \"s\"\nfix_by = [\"you\", \"x\"]\n")
	f.Add("[[errors]]\ncode = \"1\"\nacton = 2\n[[errors]]\nid = \"a\"\n")
	f.Add("title = \"\"\"\nx\n\"\"\"\nhttp_status = \"400\"\n")
	f.Add("a.b.c = 1\n[x.y]\n'q' = 2\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"data/codes/131047.toml", "data/providers/acme.toml"} {
			_, err := Load(input(map[string]string{name: src}))
			if err == nil {
				continue
			}
			lines := strings.Count(src, "\n") + 2
			for _, e := range err.(ErrorList) {
				if e.Pos.File != name {
					t.Fatalf("error names %q, want %q: %v", e.Pos.File, name, e)
				}
				if e.Pos.Line > lines {
					t.Fatalf("error at line %d of a %d-line file: %v", e.Pos.Line, lines, e)
				}
			}
		}
	})
}
