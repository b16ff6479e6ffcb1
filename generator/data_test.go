package generator

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// TestRelatedBothWays checks the "Related codes" of every code page: a see_also shows from
// both ends, once, even when both files name each other (131047 and 131064 do), and never
// the code itself or a code already shown as the same condition.
func TestRelatedBothWays(t *testing.T) {
	site := loadRealSite(t)
	files := renderReal(t, site, Options{})
	for _, c := range site.Codes {
		seen := map[*Code]bool{}
		for _, o := range c.Related {
			switch {
			case seen[o]:
				t.Errorf("%s lists %s twice under Related codes", c.Key, o.Key)
			case o == c:
				t.Errorf("%s lists itself under Related codes", c.Key)
			case containsCode(c.Equivalents, o):
				t.Errorf("%s lists its equivalent %s under Related codes too", c.Key, o.Key)
			case !containsCode(o.Related, c):
				t.Errorf("%s lists %s under Related codes, but %s does not list %s", c.Key, o.Key, o.Key, c.Key)
			}
			seen[o] = true
		}
	}
	for _, pair := range [][2]string{{"131047", "131064"}, {"131064", "131047"}, {"131026", "131049"}, {"1006", "1013"}} {
		page := string(files["codes/"+pair[0]+"/index.html"])
		_, related, ok := strings.Cut(page, "<h3>Related codes</h3>")
		related, _, _ = strings.Cut(related, "</ul>")
		if n := strings.Count(related, `href="../../codes/`+pair[1]+`/"`); !ok || n != 1 {
			t.Errorf("codes/%s/ links %s %d times under Related codes, want once", pair[0], pair[1], n)
		}
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

// TestMetaCodesComplete compares data/codes with testdata/meta-codes.txt, the codes Meta
// documents today, written by hand from its pages: each has a file checked against Meta's
// documentation, and each code file outside the retired On-Premises API is on the list, so
// the list stays the record of what Meta documents.
func TestMetaCodesComplete(t *testing.T) {
	site := loadRealSite(t)
	listed := map[string]bool{}
	for _, key := range readLines(t, "testdata/meta-codes.txt") {
		if listed[key] {
			t.Errorf("%s is listed twice", key)
		}
		listed[key] = true
		switch c := site.Code(key); {
		case c == nil || !c.HasFile():
			t.Errorf("Meta documents %s, but data/codes/%s.toml does not exist", key, key)
		case c.Checked.On.IsZero():
			t.Errorf("%s: not checked against Meta's documentation (checked_on, checked_against)", c.File)
		}
	}
	for _, c := range site.Codes {
		if c.HasFile() && c.API != "onprem" && !listed[c.Key] {
			t.Errorf("%s is not in testdata/meta-codes.txt: add it with the page Meta documents it on", c.File)
		}
		if c.HasFile() && c.Checked.On.IsZero() {
			t.Errorf("%s: never checked against Meta's documentation", c.File)
		}
	}
}

// TestMetaFacts pins the verdicts that were once wrong on this site, or that an agent acts
// on at once: the HTTP status (0 where no source gives one), the retry and its wait, who
// fixes, and Meta's title. Each row names the page of Meta's that settles it; an empty
// field is not pinned.
func TestMetaFacts(t *testing.T) {
	site := loadRealSite(t)
	const any = -1 // status not pinned
	tests := []struct {
		code       string
		status     int
		retry      string
		retryAfter string
		fixBy      string
		title      string
		source     string
	}{
		{"0", 401, "", "", "you", "", "error codes, Dec 2025 table"},
		{"2", 503, "", "", "", "", "error codes, Dec 2025 table: 503 for code 2, as 360dialog says"},
		{"3", 500, "", "", "", "", "error codes, Dec 2025 table"},
		{"10", 403, "", "", "", "", "error codes, Dec 2025 table"},
		{"190", 401, "", "", "you", "", "error codes: get a new access token"},
		{"368", 403, "", "", "", "", "error codes, Dec 2025 table"},
		{"130497", 403, "", "", "", "", "error codes, Dec 2025 table: 403, as 360dialog says"},
		{"131016", 500, "", "", "", "", "error codes, Dec 2025 table: 500, not 503"},
		{"131057", 500, "", "", "", "", "error codes, Dec 2025 table"},
		{"132001", 404, "no", "", "you", "", "error codes, Dec 2025 table"},
		{"132015", 400, "yes", "", "", "", "template pausing: the pause lifts by itself after 3 h, then 6 h"},
		{"133004", 503, "", "", "", "", "error codes, Dec 2025 table"},
		{"133015", 400, "yes", "5m", "", "", "error codes: wait 5 minutes"},
		{"133016", 400, "yes", "72h", "", "", "registration: 10 requests in 72 h, then 72 h blocked"},
		{"134101", 400, "yes", "10m", "", "Your template is still syncing", "error codes, MM API table: up to 10 minutes"},
		{"134102", 500, "", "", "", "", "error codes, MM API table: 500"},
		{"131049", 400, "", "", "", "", "error codes, Dec 2025 table"},
		{"131063", 0, "", "", "you", "", "error codes: the business's own setting, no status given"},
		{"131064", 0, "", "", "you", "", "error codes: the account's messaging limit, no status given"},
		{"137000", 0, "", "", "", "", "phone numbers: arrives in a status webhook, no status"},
		{"2388019", 0, "no", "", "you", "Message Template Limit Exceeded", "error codes: no status given"},
		{"2494100", 0, "", "", "", "", "error codes: no status given; try again in a few minutes"},
		{"500", any, "", "", "", "Generic error", "On-Premises errors"},
		{"2001", any, "no", "", "you", "Template Missing", "On-Premises errors; 132001: the business approves and names the template"},
	}
	for _, tc := range tests {
		c := site.Code(tc.code)
		if c == nil || !c.HasFile() {
			t.Errorf("%s: no code file", tc.code)
			continue
		}
		if tc.status != any && c.HTTPStatus != tc.status {
			t.Errorf("%s: http_status %d, want %d (%s)", tc.code, c.HTTPStatus, tc.status, tc.source)
		}
		if tc.retry != "" && c.Retry != tc.retry {
			t.Errorf("%s: retry %q, want %q (%s)", tc.code, c.Retry, tc.retry, tc.source)
		}
		if tc.retryAfter != "" && c.RetryAfter != tc.retryAfter {
			t.Errorf("%s: retry_after %q, want %q (%s)", tc.code, c.RetryAfter, tc.retryAfter, tc.source)
		}
		if tc.fixBy != "" && !slices.Contains(c.FixBy, tc.fixBy) {
			t.Errorf("%s: fix_by %v, want it to include %q (%s)", tc.code, c.FixBy, tc.fixBy, tc.source)
		}
		if tc.title != "" && c.Title != tc.title {
			t.Errorf("%s: title %q, want %q (%s)", tc.code, c.Title, tc.title, tc.source)
		}
	}
}

// TestHTTPStatuses compares the HTTP status of every code file with testdata/http-status.txt,
// where each is written next to its code with the source that confirms it: TestMetaFacts
// pins only the statuses once wrong, and a status changed in a code file moves the code
// between /http/ pages without any other test noticing.
func TestHTTPStatuses(t *testing.T) {
	site := loadRealSite(t)
	listed := map[string]int{}
	for _, line := range readLines(t, "testdata/http-status.txt") {
		code, status, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(status)
		if !ok || err != nil {
			t.Errorf("bad line %q, want a code and its status", line)
			continue
		}
		if _, dup := listed[code]; dup {
			t.Errorf("%s is listed twice", code)
		}
		listed[code] = n
		if c := site.Code(code); c == nil || !c.HasFile() {
			t.Errorf("%s is listed, but data/codes/%s.toml does not exist", code, code)
		}
	}
	for _, c := range site.Codes {
		want, ok := listed[c.Key]
		switch {
		case !c.HasFile():
		case !ok && c.HTTPStatus != 0:
			t.Errorf("%s: http_status %d is not in testdata/http-status.txt: add it with its source", c.File, c.HTTPStatus)
		case ok && c.HTTPStatus != want:
			t.Errorf("%s: http_status %d, testdata/http-status.txt has %d", c.File, c.HTTPStatus, want)
		}
	}
}

// TestConfusionsAndEquivalents checks the derived links an agent relies on: the named
// confusable pairs from both ends and through an equivalent, a similar code found by its
// title and topic, and that a provider code covering several Meta codes does not make them
// the same as each other.
func TestConfusionsAndEquivalents(t *testing.T) {
	site := loadRealSite(t)
	confused := func(a, b string) (bool, string) {
		for _, cf := range site.Code(a).ConfusedWith {
			if cf.Code.Key == b {
				return true, cf.How
			}
		}
		return false, ""
	}
	for _, tc := range []struct {
		a, b    string
		withHow bool
	}{
		{"131047", "131026", true}, // named in 131047.toml
		{"131026", "131047", true}, // the same pair from the other end
		{"470", "131026", true},    // through 470's equivalent 131047
		{"130429", "131056", true},
		{"131048", "130429", true},
		{"132015", "132001", true},
		{"131009", "100", true},
		{"132068", "132069", false}, // "Flow is blocked" and "Flow is throttled": title and topic
	} {
		ok, how := confused(tc.a, tc.b)
		if !ok || (how != "") != tc.withHow {
			t.Errorf("%s confused with %s: %v, with a line on telling them apart: %v (want %v)", tc.a, tc.b, ok, how != "", tc.withHow)
		}
	}
	has := func(a, b string) bool { return containsCode(site.Code(a).Equivalents, site.Code(b)) }
	if !has("500", "63012") || !has("63012", "1011") {
		t.Error("Twilio's 63012 and the On-Premises codes it covers do not show each other")
	}
	if has("500", "1011") {
		t.Error("500 and 1011 became the same condition because one Twilio code covers both")
	}
}

// TestCommonCodesExist checks that every code site.toml offers on the home page has a page:
// the home page leaves a missing one out without a word.
func TestCommonCodesExist(t *testing.T) {
	settings, err := LoadSettings("../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(settings.CommonCodes) == 0 {
		t.Fatal("site.toml offers no common codes")
	}
	site := loadRealSite(t)
	for _, key := range settings.CommonCodes {
		if site.Code(key) == nil {
			t.Errorf("site.toml: common_codes: no code %q in data/", key)
		}
	}
}

// TestSimilarCodesShareATopic checks the rule for look-alikes that no file names: a code
// whose title shares an uncommon word is listed as often confused only when the two codes
// also share a topic ("Payment declined" and "Payment rate limit" are not alike).
func TestSimilarCodesShareATopic(t *testing.T) {
	files := map[string]string{}
	code := func(key, title, topic string) {
		files["data/codes/"+key+".toml"] = "title = \"" + title + "\"\napi = \"cloud\"\nclass = \"request\"\nretry = \"no\"\n" +
			"topics = [\"" + topic + "\"]\nsummary = \"S.\"\n"
	}
	// Enough other titles that a word three titles share stays uncommon (a word in a tenth
	// of the titles is common).
	for i := range 40 {
		code(strconv.Itoa(1000+i), "Other "+string(rune('a'+i/26))+string(rune('a'+i%26))+"x", "billing")
	}
	code("2001", "Payment declined", "billing")
	code("2002", "Payment account locked", "billing")
	code("2003", "Payment rate limit", "rate-limits")
	site, err := Load(input(files))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key  string
		want []string
	}{
		{"2001", []string{"2002"}}, // a shared word and a shared topic
		{"2002", []string{"2001"}},
		{"2003", nil}, // a shared word, no shared topic
		{"1000", nil}, // the same topic as 2001, but "other" is in most titles: no uncommon word
	} {
		var got []string
		for _, cf := range site.Code(tc.key).ConfusedWith {
			got = append(got, cf.Code.Key)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s is listed as confused with %v, want %v", tc.key, got, tc.want)
		}
	}
}
