package generator

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// fixtureHistory is a history of the fixture's files: a code changed twice, a provider, a
// deleted code file, a file that is no entry, and a commit that touches 14 code files.
func fixtureHistory() History {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 30, 0, 0, time.UTC) }
	many := []string{}
	for i := range 14 {
		many = append(many, "data/codes/9"+strings.Repeat("0", i)+".toml")
	}
	commits := []Commit{
		{Hash: "aaaa1111bbbb2222cccc3333dddd4444eeee5555", Date: day(20), Subject: "131047: Meta's new wording <b>", Files: []string{"data/codes/131047.toml", "data/providers/acme.toml"},
			What: map[string][]string{"data/codes/131047.toml": {"2 causes added.", "Retry advice now “Do not retry”."}}},
		{Hash: "bbbb1111bbbb2222cccc3333dddd4444eeee5555", Date: day(10), Subject: "Drop 999, document the format", Files: []string{"data/README.md", "data/codes/999.toml", "content/window.md", "content/index.md"}},
		{Hash: "cccc1111bbbb2222cccc3333dddd4444eeee5555", Date: day(2), Subject: "Many codes", Files: many},
		{Hash: "dddd1111bbbb2222cccc3333dddd4444eeee5555", Date: day(1), Subject: "131047 first", Files: []string{"data/codes/131047.toml"}},
	}
	return History{Commits: commits, Changed: lastChanged(commits)}
}

func TestChanges(t *testing.T) {
	site, err := Load(input(archiveFiles(readArchive(t, "testdata/site.txtar"))))
	if err != nil {
		t.Fatal(err)
	}
	list := changes(site, fixtureHistory().Commits)
	var b strings.Builder
	for _, c := range list {
		b.WriteString(c.ID + " " + c.Date.Format("2006-01-02") + " " + c.Subject + ":")
		for _, e := range c.Entries {
			if e.HasPage {
				b.WriteString(" [" + e.Label + " -> /" + e.Path + "]")
			} else {
				b.WriteString(" " + e.Label)
			}
		}
		if c.More > 0 {
			b.WriteString(" +" + string(rune('0'+c.More)))
		}
		b.WriteString("\n")
	}
	want := `c-aaaa1111bbbb 2026-11-20 131047: Meta's new wording <b>: [131047 Re-engagement message -> /codes/131047/] [Acme -> /providers/acme/]
c-bbbb1111bbbb 2026-11-10 Drop 999, document the format: data/README.md data/codes/999.toml [The 24-hour window -> /window/] [Home page -> /]
c-cccc1111bbbb 2026-11-02 Many codes: data/codes/9.toml data/codes/90.toml data/codes/900.toml data/codes/9000.toml data/codes/90000.toml data/codes/900000.toml data/codes/9000000.toml data/codes/90000000.toml data/codes/900000000.toml data/codes/9000000000.toml data/codes/90000000000.toml data/codes/900000000000.toml +2
c-dddd1111bbbb 2026-11-01 131047 first: [131047 Re-engagement message -> /codes/131047/]
`
	if b.String() != want {
		t.Errorf("changes:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, c := range []struct{ in, want string }{
		{"131047 one", "131047 one"},
		{strings.Repeat("é", 10), strings.Repeat("é", 10)},
		{strings.Repeat("é", 11), strings.Repeat("é", 9) + "…"},
		{"one two three, four", "one two…"},
		{"one twothree", "one…"},
		{" onetwothree", " onetwoth…"},
	} {
		if got := brief(c.in, 10); got != c.want {
			t.Errorf("brief(%q, 10) = %q, want %q", c.in, got, c.want)
		}
	}
	var long []Commit
	for range changesShown + 5 {
		long = append(long, fixtureHistory().Commits[3])
	}
	if n := len(changes(site, long)); n != changesShown {
		t.Errorf("%d changes shown of %d, want %d", n, len(long), changesShown)
	}
}

// TestChangesPage renders /changes/ and its feed: the page lists the changes newest first
// with links, the feed is valid Atom with absolute, unique ids; without a base URL there is
// no feed; a shallow clone says so instead of showing dates; two builds are identical.
func TestChangesPage(t *testing.T) {
	opt := Options{Settings: Settings{BaseURL: "https://org.example/kb/", RepoURL: "https://github.com/org/kb"}, History: fixtureHistory()}
	files := buildFixture(t, opt)
	page := string(files["changes/index.html"])
	for _, want := range []string{
		`<link rel="alternate" type="application/atom+xml" href="/kb/changes/atom.xml"`,
		`<li id="c-aaaa1111bbbb">`,
		`<h2 id="w-2026-11-16">Week of Monday 16 November 2026</h2>`,
		`<h2 id="w-2026-10-26">Week of Monday 26 October 2026</h2>`,
		`<time datetime="2026-11-20T09:30:00Z">2026-11-20</time>`,
		`<a href="/kb/codes/131047/">131047 Re-engagement message</a>: 2 causes added. Retry advice now “Do not retry”.</li>`,
		`<span class="muted">data/codes/999.toml</span>`,
		`<a href="/kb/">Home page</a>`,
		`<li class="muted">and 2 more</li>`,
		`<a class="commit muted" href="https://github.com/org/kb/commit/aaaa1111bbbb2222cccc3333dddd4444eeee5555" title="131047: Meta&#39;s new wording &lt;b&gt;">commit aaaa111</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("/changes/ does not contain %s", want)
		}
	}
	if i, j := strings.Index(page, "2026-11-20</time>"), strings.Index(page, "2026-11-10</time>"); i < 0 || j < i {
		t.Error("/changes/ is not newest first")
	}

	feed := files["changes/atom.xml"]
	var f struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  []string `xml:"author>name"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
			Content struct {
				Type string `xml:"type,attr"`
				Text string `xml:",chardata"`
			} `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(feed, &f); err != nil {
		t.Fatalf("the feed is not well-formed: %v\n%s", err, feed)
	}
	absolute := func(what, s string) {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			t.Errorf("%s %q is not an absolute IRI", what, s)
		}
	}
	rfc3339 := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("%s %q is not an RFC 3339 date", what, s)
		}
	}
	absolute("feed id", f.ID)
	rfc3339("feed updated", f.Updated)
	if f.Title == "" || len(f.Author) != 1 || f.Updated != "2026-11-20T09:30:00Z" {
		t.Errorf("feed: title %q, authors %v, updated %q", f.Title, f.Author, f.Updated)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && l.Href == "https://org.example/kb/changes/atom.xml")
	}
	if !self {
		t.Errorf("the feed has no rel=self link to itself: %v", f.Links)
	}
	if len(f.Entries) != 4 {
		t.Fatalf("%d entries, want 4", len(f.Entries))
	}
	ids := map[string]bool{}
	for i, e := range f.Entries {
		// An entry's id is its commit's, not its place in the list: a new commit must not
		// make feed readers show every older entry again as new.
		if want := "https://org.example/kb/changes/#c-" + fixtureHistory().Commits[i].Hash[:12]; e.ID != want {
			t.Errorf("entry %d has id %q, want %q", i, e.ID, want)
		}
		absolute("entry id", e.ID)
		absolute("entry link", e.Link.Href)
		rfc3339("entry updated", e.Updated)
		if ids[e.ID] || e.Title == "" {
			t.Errorf("entry %q: duplicate id or no title", e.ID)
		}
		ids[e.ID] = true
	}
	if e := f.Entries[0]; e.Title != "131047 Re-engagement message, Acme" || e.Content.Type != "html" ||
		!strings.Contains(e.Content.Text, `<a href="https://org.example/kb/codes/131047/">131047 Re-engagement message</a>: 2 causes added. Retry advice now “Do not retry”.</li>`) ||
		!strings.Contains(e.Content.Text, `<a href="https://org.example/kb/providers/acme/">Acme</a></li>`) { // nothing said, no colon
		t.Errorf("first entry: %q, content (%s) %s", e.Title, e.Content.Type, e.Content.Text)
	}
	again := buildFixture(t, opt)
	if string(again["changes/atom.xml"]) != string(feed) || string(again["changes/index.html"]) != page {
		t.Error("two builds of the same history differ")
	}

	relative := buildFixture(t, Options{History: fixtureHistory()})
	if _, ok := relative["changes/atom.xml"]; ok {
		t.Error("the feed was written without a base URL (its ids must be absolute)")
	}
	if p := string(relative["changes/index.html"]); strings.Contains(p, "application/atom+xml") || !strings.Contains(p, "<code>--base-url</code>") {
		t.Error("without a base URL /changes/ links a feed, or does not say why there is none")
	}

	shallow := buildFixture(t, Options{Settings: opt.Settings, History: History{Missing: "shallow clone; fetch the full history for dates"}})
	p := string(shallow["changes/index.html"])
	if !strings.Contains(p, "built without the repository's history (shallow clone") || regexp.MustCompile(`<time`).MatchString(p) {
		t.Errorf("/changes/ of a shallow clone does not say so, or shows dates:\n%s", p)
	}
	if _, ok := shallow["changes/atom.xml"]; ok {
		t.Error("a shallow clone wrote a feed")
	}
}

// TestChangeWeeks groups changes by their Monday (UTC) and says which weeks were quiet.
func TestChangeWeeks(t *testing.T) {
	at := func(s string) Change {
		d, _ := time.Parse(time.RFC3339, s)
		return Change{ID: s, Date: d}
	}
	weeks := changeWeeks([]Change{at("2026-12-06T23:59:00Z"), at("2026-11-30T00:00:00Z"), at("2026-11-29T23:00:00Z"), at("2026-11-04T10:00:00Z")})
	var got []string
	for _, w := range weeks {
		got = append(got, fmt.Sprintf("%s %d %q", w.Monday.Format("2006-01-02"), len(w.Changes), w.Quiet))
	}
	want := []string{`2026-11-30 2 ""`, `2026-11-23 1 "Nothing changed from 9 November to 22 November 2026."`, `2026-11-02 1 ""`}
	if !slices.Equal(got, want) {
		t.Errorf("weeks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWhatChanged: two versions of a data file in, what changed for an agent out.
func TestWhatChanged(t *testing.T) {
	code := func(retry string, causes ...string) []byte {
		return []byte(fmt.Sprintf("title = \"Re-engagement message\"\nretry = %q\nfix_by = [\"you\"]\nsummary = \"s\"\ncauses = [%s]\nactions = [\"a\"]\n", retry, quoteAll(causes)))
	}
	provider := func(entries ...string) []byte {
		b := "name = \"Acme\"\n"
		for _, e := range entries {
			code, meaning, _ := strings.Cut(e, "=")
			b += fmt.Sprintf("[[errors]]\ncode = %q\ntitle = \"T\"\nmeaning = %q\n", code, meaning)
		}
		return []byte(b)
	}
	entries := func(n int) []string {
		var e []string
		for i := range n {
			e = append(e, fmt.Sprintf("%d=m", i))
		}
		return e
	}
	for _, c := range []struct {
		name, kind    string
		before, after []byte
		want          string
	}{
		{"new code", "code", nil, code("no", "x", "y"), "New code page, with 2 causes and 1 action."},
		{"causes added", "code", code("no", "x"), code("no", "x", "y", "z"), "2 causes added."},
		{"a cause reworded", "code", code("no", "x", "y"), code("no", "x", "y2"), "1 cause corrected or reworded."},
		{"a cause removed", "code", code("no", "x", "y"), code("no", "x"), "1 cause removed."},
		{"retry changed", "code", code("no", "x"), code("yes", "x"), "Retry advice now “Retry” (was “Do not retry”)."},
		{"nothing an agent sees", "code", code("no", "x"), append(code("no", "x"), "# a comment\n"...), "Sources or search words updated; the advice is the same."},
		{"provider entries", "provider", provider("1=a", "2=b"), provider("1=a", "2=b2", "3=c"), "New entries: 3. Entries corrected: 2."},
		{"provider removed entry", "provider", provider("1=a", "2=b"), provider("1=a"), "Entries removed: 2."},
		{"new provider", "provider", nil, provider("1=a"), "New provider, with 1 entry."},
		{"eight new entries", "provider", provider(), provider(entries(8)...), "New entries: 0, 1, 2, 3, 4, 5, 6, 7."},
		{"ten new entries", "provider", provider(), provider(entries(10)...), "New entries: 0, 1, 2, 3, 4, 5, 6, 7 and 2 more."},
		{"a code's two entries removed", "provider", provider("1=a", "1=b", "2=c"), provider("2=c"), "Entries removed: 1."},
		{"title", "code", code("no", "x"), bytes.Replace(code("no", "x"), []byte("Re-engagement"), []byte("Re-engagement window"), 1), "Title now “Re-engagement window message”."},
		{"who fixes", "code", code("no", "x"), bytes.Replace(code("no", "x"), []byte(`["you"]`), []byte(`["you", "meta"]`), 1), "Who fixes it now: Your team, Meta (was Your team)."},
		{"reply added", "code", code("no", "x"), append(code("no", "x"), "reply = \"r\"\n"...), "A reply for the customer added."},
		{"reply reworded", "code", append(code("no", "x"), "reply = \"r\"\n"...), append(code("no", "x"), "reply = \"r2\"\n"...), "Reply for the customer reworded."},
		{"messages added", "code", code("no", "x"), append(code("no", "x"), "messages = [\"m1\", \"m2\"]\n"...), "2 error messages added, which search now finds."},
		{"a message more", "code", append(code("no", "x"), "messages = [\"m1\", \"m2\"]\n"...), append(code("no", "x"), "messages = [\"m1\", \"m2\", \"m3\"]\n"...), "1 error message added, which search now finds."},
		{"guide", "", []byte("a"), []byte("b"), "Text updated."},
		{"new guide", "", nil, []byte("b"), "New page."},
		{"removed", "code", code("no"), nil, "Removed."},
		{"broken file", "code", code("no"), []byte("title = "), ""},
	} {
		if got := strings.Join(whatChanged(c.kind, c.before, c.after), " "); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func quoteAll(items []string) string {
	var q []string
	for _, s := range items {
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ", ")
}

// TestReadHistory runs the one git command on a real repository: commits newest first with
// their subjects and files, only those under the folders asked for; and a shallow clone of it
// reports itself instead of dating every file at its one commit.
func TestReadHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	git := func(in string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = in
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=kb", "GIT_AUTHOR_EMAIL=kb@example.org", "GIT_COMMITTER_NAME=kb", "GIT_COMMITTER_EMAIL=kb@example.org")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		p := filepath.Join(repo, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(repo, 0o755)
	git(repo, "init", "-q")
	code := "title = \"T\"\nretry = \"no\"\nfix_by = [\"you\"]\nsummary = \"s\"\ncauses = [\"x\"]\nactions = [\"a\"]\n"
	write("data/codes/1.toml", code)
	write("main.go", "package main")
	git(repo, "add", ".")
	git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "--date", "2026-01-02T03:04:05Z", "-m", "First: code 1")
	write("data/codes/1.toml", strings.Replace(code, `"no"`, `"yes"`, 1))
	write("content/x.md", "x")
	git(repo, "add", ".")
	git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "--date", "2026-02-03T04:05:06+01:00", "-m", "Second")
	write("main.go", "package main // only code")
	git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "-am", "Not data")

	t.Chdir(repo)
	h := ReadHistory("data", "content")
	if h.Missing != "" || len(h.Commits) != 2 {
		t.Fatalf("history: missing %q, %d commits, want 2", h.Missing, len(h.Commits))
	}
	got := ""
	for _, c := range h.Commits {
		got += c.Date.Format(time.RFC3339) + " " + c.Subject + " " + strings.Join(c.Files, ",") + "\n"
		if len(c.Hash) != 40 {
			t.Errorf("hash %q", c.Hash)
		}
	}
	want := "2026-02-03T03:05:06Z Second content/x.md,data/codes/1.toml\n2026-01-02T03:04:05Z First: code 1 data/codes/1.toml\n"
	if got != want {
		t.Errorf("commits:\n%s\nwant:\n%s", got, want)
	}
	// What each commit changed, read from both versions of each file by one git cat-file.
	what := ""
	for _, c := range h.Commits {
		for _, f := range c.Files {
			what += f + ": " + strings.Join(c.What[f], " ") + "\n"
		}
	}
	if want := "content/x.md: New page.\ndata/codes/1.toml: Retry advice now “Retry” (was “Do not retry”).\n" +
		"data/codes/1.toml: New code page, with 1 cause and 1 action.\n"; what != want {
		t.Errorf("what changed:\n%s\nwant:\n%s", what, want)
	}
	if d := h.Changed["data/codes/1.toml"].Format(time.RFC3339); d != "2026-02-03T03:05:06Z" {
		t.Errorf("data/codes/1.toml last changed %s", d)
	}

	shallow := filepath.Join(dir, "shallow")
	git(dir, "clone", "-q", "--depth", "1", "file://"+repo, shallow)
	t.Chdir(shallow)
	if h := ReadHistory("data", "content"); !strings.HasPrefix(h.Missing, "shallow clone") || h.Commits != nil || h.Changed != nil {
		t.Errorf("a shallow clone gave %d commits, missing %q", len(h.Commits), h.Missing)
	}
}
