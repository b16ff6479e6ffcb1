package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKilledBuilds kills a build (SIGKILL) at random moments, 50 times, and checks that the
// output is then always exactly the previous site or exactly the new one, and that the next
// build clears whatever temporary folders the killed ones left.
func TestKilledBuilds(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "kb")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	build := func(out, title string) *exec.Cmd {
		return exec.Command(bin, "build", "--out", out, "--title", title)
	}
	// Two different sites: every page carries the title.
	refA, refB := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for ref, title := range map[string]string{refA: "Site A", refB: "Site B"} {
		if out, err := build(ref, title).CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
	}
	a, b := tree(t, refA), tree(t, refB)
	// How long a whole build takes, to spread the kills over all of it.
	start := time.Now()
	public := filepath.Join(dir, "public")
	if out, err := build(public, "Site A").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	span := time.Since(start)
	rng := rand.New(rand.NewPCG(1, 2))
	previous, next := 0, 0
	title, before := "Site B", a
	// Fifty kills spread over a build find a half-written folder if there is one; the quick
	// loop takes eight, which still lands kills in the write stage.
	kills := 50
	if testing.Short() {
		kills = 8
	}
	for i := range kills {
		cmd := build(public, title)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(span) * 12 / 10)))
		cmd.Process.Kill()
		cmd.Wait()
		got := tree(t, public)
		switch {
		case sameTree(got, before):
			previous++
		case sameTree(got, a) || sameTree(got, b):
			next++
		default:
			t.Fatalf("kill %d: public/ is neither the previous site nor the new one (%d files)", i, len(got))
		}
		// Build the other site next, so that a kill after a finished swap is seen too.
		if sameTree(got, b) {
			title, before = "Site A", b
		} else {
			title, before = "Site B", a
		}
	}
	t.Logf("after %d kills: the previous site %d times, the new one %d times", kills, previous, next)
	if out, err := build(public, "Site A").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("leftover after the next build: %s", e.Name())
		}
	}
}
