package main

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// TestJavaScript runs the Node tests of the scripts' logic (testdata/js/*.test.js): the
// arithmetic and parsing that the pages' scripts share, tested without a browser. The files
// are named one by one: Node 22 and later read a folder given to --test as a module to run.
func TestJavaScript(t *testing.T) {
	node := tool(t, "node", "nodejs")
	files, err := filepath.Glob("testdata/js/*.test.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Node tests in testdata/js: %v", err)
	}
	out, err := exec.Command(node, append([]string{"--test"}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("node --test %v failed: %v\n%s", files, err, out)
	}
}
