package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestCLI(t *testing.T) {
	broken := t.TempDir()
	os.MkdirAll(filepath.Join(broken, "codes"), 0o755)
	os.WriteFile(filepath.Join(broken, "codes", "131047.toml"), []byte("title = \"x\"\napi = \"cloud\"\nclass = \"fatl\"\nretry = \"no\"\nsummary = \"s\"\n"), 0o644)
	// A data folder of one old code, with no pages: the real ones link to /tiers/, which a
	// data folder without tiers.toml does not make.
	noContent := t.TempDir()
	old := t.TempDir()
	os.MkdirAll(filepath.Join(old, "codes"), 0o755)
	os.WriteFile(filepath.Join(old, "codes", "470.toml"), []byte("title = \"x\"\napi = \"onprem\"\nclass = \"context\"\nretry = \"no\"\nsummary = \"s\"\nchecked_on = 2020-01-02\nchecked_against = \"https://developers.facebook.com/docs/whatsapp/api/errors\"\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, 2, "", "Usage:"},
		{"unknown command", []string{"publish"}, 2, "", `unknown command "publish"`},
		{"help", []string{"help"}, 0, "go run . build", ""},
		{"build help", []string{"build", "--help"}, 0, "", "-base-url"},
		{"serve help", []string{"serve", "--help"}, 0, "", `listen on (default "127.0.0.1")`},
		{"check real data", []string{"check"}, 0, "ok:", ""},
		{"check broken data", []string{"check", "--data", broken}, 1, "", broken + "/codes/131047.toml:3:9: class: unknown value \"fatl\" (want fatal, temporary, context, request, registration)"},
		{"check warns of an old check", []string{"check", "--data", old, "--content", noContent}, 0, "ok:", "warning: " + old + "/codes/470.toml:6:1: checked against Meta's documentation on 2020-01-02"},
		{"check --stale lists it", []string{"check", "--stale", "--data", old, "--content", noContent}, 0, old + "/codes/470.toml:6:1: checked against Meta's documentation on 2020-01-02", ""},
		{"bad flag", []string{"build", "--nope"}, 2, "", "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tc.stdout)
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.stderr)
			}
		})
	}
}

// TestBuildWritesAndKeepsOnFailure runs build into a folder, then a failing build into the
// same folder, and checks the second left the first's output as it was.
func TestBuildWritesAndKeepsOnFailure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("build failed: %s", stderr.String())
	}
	before, err := os.ReadFile(filepath.Join(out, "codes", "131047", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"build", "--out", out, "--data", t.TempDir() + "/missing"}, &stdout, &stderr); code != 1 {
		t.Fatalf("build of missing data exited %d", code)
	}
	after, err := os.ReadFile(filepath.Join(out, "codes", "131047", "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Fatal("a failed build changed the output")
	}
}

// TestAbsoluteDataPath builds with --data and --content given as absolute paths and checks
// that edit links and file names are still relative to the repository.
func TestAbsoluteDataPath(t *testing.T) {
	if err := exec.Command("git", "rev-parse", "--show-toplevel").Run(); err != nil {
		t.Skip("not a git checkout, so there is no repository to name files from")
	}
	data, _ := filepath.Abs("data")
	content, _ := filepath.Abs("content")
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--out", out, "--data", data, "--content", content, "--repo-url", "https://github.com/org/kb"}, &stdout, &stderr); code != 0 {
		t.Fatalf("build failed: %s", stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(out, "codes", "131047", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `href="https://github.com/org/kb/edit/main/data/codes/131047.toml"`; !bytes.Contains(page, []byte(want)) {
		t.Errorf("the page has no edit link %s", want)
	}
	if bytes.Contains(page, []byte("not committed yet")) {
		t.Error("a committed file is dated \"not committed yet\"")
	}
}

// TestNoIndex builds with a site.toml that says noindex = true, as an internal site would:
// robots.txt must turn every robot away and every page must carry the robots meta tag; the
// same file with noindex = false, or the flag --noindex=false, allows indexing again.
func TestNoIndex(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, settings string
		flags          []string
		noindex        bool
	}{
		{"noindex = true", "title = \"Internal\"\nnoindex = true\n", nil, true},
		{"noindex = false", "title = \"Public\"\nnoindex = false\n", nil, false},
		{"the flag wins", "noindex = true\n", []string{"--noindex=false"}, false},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			config := filepath.Join(dir, fmt.Sprintf("site%d.toml", i))
			os.WriteFile(config, []byte(tc.settings), 0o644)
			out := filepath.Join(dir, fmt.Sprintf("public%d", i))
			var stdout, stderr bytes.Buffer
			if code := run(append([]string{"build", "--config", config, "--out", out}, tc.flags...), &stdout, &stderr); code != 0 {
				t.Fatalf("build failed: %s", stderr.String())
			}
			robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
			disallowAll := regexp.MustCompile(`(?m)^User-agent: \*\nDisallow: /$`).Match(robots)
			if disallowAll != tc.noindex {
				t.Errorf("robots.txt disallows everything: %v, want %v:\n%s", disallowAll, tc.noindex, robots)
			}
			if !tc.noindex && !bytes.Contains(robots, []byte("Allow: /")) {
				t.Errorf("robots.txt does not allow indexing:\n%s", robots)
			}
			for _, page := range []string{"index.html", "codes/131047/index.html"} {
				b, _ := os.ReadFile(filepath.Join(out, page))
				meta := bytes.Contains(b, []byte(`<meta name="robots" content="noindex`))
				if meta != tc.noindex {
					t.Errorf("%s: robots meta tag %v, want %v", page, meta, tc.noindex)
				}
			}
		})
	}
}
