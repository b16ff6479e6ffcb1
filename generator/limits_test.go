package generator

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const limitsCode = `title = "Re-engagement message"
api = "cloud"
class = "context"
retry = "no"
`

// TestLimits feeds inputs far beyond real data. Each must end in a correct site, with all of
// the input on its pages, or a clear error; the test's own timeout bounds the time, and the
// figures are logged.
func TestLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs; run without -short")
	}
	provider := func(entries int) string {
		var b strings.Builder
		b.WriteString("name = \"Big\"\nkind = \"bsp\"\nsummary = \"Many rows.\"\n[[source]]\ntitle = \"All\"\nseen = 2026-11-01\n")
		for i := range entries {
			fmt.Fprintf(&b, "[[errors]]\nid = \"e%d\"\ncode = \"131047\"\ntitle = \"Row %d\"\nhttp_status = 400\nmeaning = \"Meaning %d.\"\n", i, i, i)
		}
		return b.String()
	}
	nested := strings.Repeat("  ", 0)
	for i := range 1000 {
		nested += strings.Repeat("  ", i) + "- level\n"
	}
	// holds is what the site must hold: in file, text appears at least n times.
	type holds struct {
		file, text string
		n          int
	}
	tests := []struct {
		name    string
		files   map[string]string
		wantErr string // "" for a site that builds
		count   []holds
	}{
		{"5 MB summary", map[string]string{
			"data/codes/131047.toml": limitsCode + "summary = \"\"\"\n" + strings.Repeat("The window closed at 131047 after error 470; send a template. ", 80000) + "\"\"\"\n",
		}, "", []holds{{"codes/131047/index.html", "after error 470; send a template.", 80000}}},
		{"100,000 entries in one provider", map[string]string{
			"data/codes/131047.toml":  limitsCode + "summary = \"s\"\n",
			"data/providers/big.toml": provider(100000),
		}, "", []holds{
			{"providers/big/index.html", "<tr id=\"e", 100000},
			{"providers/big/index.html", "<td>Meaning 99999.</td>", 1},
			{"codes/131047/index.html", " Row 99999</", 1},
			{"codes.json", "\"id\": \"e", 200000}, // on the code and on the provider
		}},
		{"deeply nested lists", map[string]string{
			"data/codes/131047.toml": limitsCode + "summary = \"\"\"\n" + nested + "\"\"\"\n",
		}, "", []holds{{"codes/131047/index.html", "<li>level", 1000}}},
		{"10,000-character code", map[string]string{
			"data/codes/131047.toml":  limitsCode + "summary = \"s\"\n",
			"data/providers/big.toml": "name = \"Big\"\nkind = \"bsp\"\nsummary = \"x\"\n[[source]]\ntitle = \"All\"\nseen = 2026-11-01\n[[errors]]\ncode = \"" + strings.Repeat("1", 10000) + "\"\ntitle = \"Long\"\n",
		}, "data/providers/big.toml:8:8: code: bad code \"1111111111111111…\": at most 20 characters", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			files, err := build(t, tc.files, Options{})
			t.Logf("%v, %d files", time.Since(start).Round(time.Millisecond), len(files))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("build failed: %.500v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("got %.300v, want an error containing %q", err, tc.wantErr)
			}
			for _, c := range tc.count {
				n := strings.Count(string(files[c.file]), c.text)
				if n < c.n {
					t.Errorf("%s holds %q %d times, want at least %d", c.file, c.text, n, c.n)
				}
			}
		})
	}
}
