package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

// TestDeterministicBuilds builds the real site with 1, 2 and 8 threads, and from copies of
// the data written in opposite file orders, and checks that the outputs are byte-identical.
func TestDeterministicBuilds(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "kb")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	build := func(out, workDir string, env []string) map[string][]byte {
		t.Helper()
		cmd := exec.Command(bin, "build", "--out", out)
		cmd.Dir = workDir
		cmd.Env = append(os.Environ(), env...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, msg)
		}
		return tree(t, out)
	}
	one := build(filepath.Join(dir, "p1"), ".", []string{"GOMAXPROCS=1"})
	for _, n := range []string{"2", "8"} {
		if !sameTree(one, build(filepath.Join(dir, "p"+n), ".", []string{"GOMAXPROCS=" + n})) {
			t.Errorf("GOMAXPROCS=%s gives a different site than GOMAXPROCS=1", n)
		}
	}
	// Copies outside the repository, files created in opposite orders, each built from its
	// own folder so that the paths the pages show ("data/codes/…") are the same.
	copyInOrder := func(to string, reverse bool) {
		var files []string
		for _, root := range []string{"data", "content"} {
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					files = append(files, p)
				}
				return err
			})
		}
		sort.Strings(files)
		if reverse {
			sort.Sort(sort.Reverse(sort.StringSlice(files)))
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			os.MkdirAll(filepath.Join(to, filepath.Dir(f)), 0o755)
			os.WriteFile(filepath.Join(to, f), b, 0o644)
		}
	}
	fwd, rev := filepath.Join(dir, "fwd"), filepath.Join(dir, "rev")
	copyInOrder(fwd, false)
	copyInOrder(rev, true)
	a := build(filepath.Join(dir, "out-fwd"), fwd, []string{"GOMAXPROCS=2"})
	b := build(filepath.Join(dir, "out-rev"), rev, []string{"GOMAXPROCS=8"})
	if !sameTree(a, b) {
		t.Error("data copied in a different file order gives a different site")
	}
}
