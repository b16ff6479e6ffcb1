package main

import (
	"os/exec"
	"testing"
)

// TestJavaScript runs the Node tests of the scripts' logic (testdata/js/*.test.js): the
// arithmetic and parsing that the pages' scripts share, tested without a browser.
func TestJavaScript(t *testing.T) {
	node := tool(t, "node", "nodejs")
	out, err := exec.Command(node, "--test", "testdata/js/").CombinedOutput()
	if err != nil {
		t.Fatalf("node --test testdata/js/ failed: %v\n%s", err, out)
	}
}
