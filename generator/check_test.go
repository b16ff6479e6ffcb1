package generator

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck runs every case in testdata/check: a small data set that is wrong in some way,
// and the exact error output the build must print for it. go test -update rewrites "want".
func TestCheck(t *testing.T) {
	paths, _ := filepath.Glob("testdata/check/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/check")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a := readArchive(t, path)
			files := archiveFiles(a)
			want, ok := a.file("want")
			if !ok && !*update {
				t.Fatal("case has no want file")
			}
			_, err := build(t, files, Options{})
			got := ""
			if err != nil {
				got = err.Error() + "\n"
			}
			if *update {
				writeWant(t, path, a, got)
				return
			}
			if got == "" {
				t.Fatalf("build succeeded, want errors:\n%s", want)
			}
			if got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
