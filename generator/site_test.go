package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// loadRealSite loads the repository's own data/ and content/.
func loadRealSite(t *testing.T) *Site {
	t.Helper()
	site, err := Load(Input{
		Data: os.DirFS("../data"), DataDir: "data",
		Content: os.DirFS("../content"), ContentDir: "content",
	})
	if err != nil {
		t.Fatalf("the real data does not load:\n%v", err)
	}
	return site
}

func renderReal(t *testing.T, site *Site, opt Options) Files {
	t.Helper()
	opt.Templates, opt.Static = projectLayers(t, nil)
	files, err := renderFiles(site, opt)
	if err != nil {
		t.Fatalf("the real site does not render:\n%v", err)
	}
	return files
}

// TestRealSite builds the real data: the link check inside renderFiles passes, and every code
// file, provider file and provider-listed code got its page.
func TestRealSite(t *testing.T) {
	site := loadRealSite(t)
	files := renderReal(t, site, Options{})
	codeFiles, _ := filepath.Glob("../data/codes/*.toml")
	for _, f := range codeFiles {
		key := strings.TrimSuffix(filepath.Base(f), ".toml")
		if _, ok := files["codes/"+key+"/index.html"]; !ok {
			t.Errorf("code file %s has no page", f)
		}
	}
	providerFiles, _ := filepath.Glob("../data/providers/*.toml")
	for _, f := range providerFiles {
		slug := strings.TrimSuffix(filepath.Base(f), ".toml")
		if _, ok := files["providers/"+slug+"/index.html"]; !ok {
			t.Errorf("provider file %s has no page", f)
		}
	}
	for _, p := range site.Providers {
		for _, e := range p.Entries {
			if e.HasCodePage() {
				if _, ok := files["codes/"+e.Code+"/index.html"]; !ok {
					t.Errorf("%s lists %s, which has no page", p.Slug, e.Code)
				}
			}
		}
	}
	for _, name := range []string{"index.html", "codes/index.html", "providers/index.html", "tiers/index.html", "quality/index.html", "window/index.html", "search/index.html", "404.html", "sitemap.xml", ".nojekyll", "codes.json"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s was not written", name)
		}
	}
	// Under a subpath every link still resolves (renderFiles checks them).
	renderReal(t, site, Options{Settings: Settings{BaseURL: "https://org.github.io/kb/"}})
}

// TestFailedBuildKeepsOutput builds a site, then builds it again with faults that are found
// only late, after pages have been written to the staging folder (a broken link, found when
// every page is known; a template that fails on the last page rendered), and checks the
// output is byte for byte as it was. A later good build replaces it, leaving no leftovers.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	tmpl, static := projectLayers(t, nil)
	buildDir := func(files map[string]string, tmpl fs.FS) error {
		site, err := Load(input(files))
		if err != nil {
			return err
		}
		_, err = Build(site, Options{Templates: tmpl, Static: static}, dir)
		return err
	}
	good := archiveFiles(readArchive(t, "testdata/site.txtar"))
	if err := buildDir(good, tmpl); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	brokenLink := archiveFiles(readArchive(t, "testdata/site.txtar"))
	brokenLink["content/window.md"] += "\n[nowhere](/nowhere/)\n"
	// The 404 page is queued last: its template fails when most pages are written.
	failing, _ := projectLayers(t, map[string]string{"templates/404.html": `{{define "main"}}{{.NoSuchField}}{{end}}`})
	for name, try := range map[string]func() error{
		"broken link":       func() error { return buildDir(brokenLink, tmpl) },
		"last page failing": func() error { return buildDir(good, failing) },
	} {
		if err := try(); err == nil {
			t.Fatalf("%s: the build succeeded", name)
		}
		if after := snapshot(t, dir); !equalSnapshots(before, after) {
			t.Fatalf("%s: the output changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
}

// TestBuiltSiteModes checks the permissions of a written site, after a first build and
// after a rebuild: the site folder is 0755 whatever the umask (it starts as a temporary
// folder, which is 0700), and every folder and file inside has the mode any folder (0755)
// or file (0644) gets here, so a web server running as another user can read the site.
func TestBuiltSiteModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permissions")
	}
	ref := t.TempDir()
	if err := os.Mkdir(filepath.Join(ref, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ref, "f"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	modeOf := func(p string) fs.FileMode {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	dirMode, fileMode := modeOf(filepath.Join(ref, "d")), modeOf(filepath.Join(ref, "f"))
	site := fixtureSite(t)
	tmpl, static := projectLayers(t, nil)
	dir := filepath.Join(t.TempDir(), "public")
	for _, build := range []string{"first build", "rebuild"} {
		if _, err := Build(site, Options{Templates: tmpl, Static: static}, dir); err != nil {
			t.Fatal(err)
		}
		if got := modeOf(dir); got != 0o755 {
			t.Errorf("%s: the site folder is %v, want -rwxr-xr-x", build, got)
		}
		files := 0
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == dir {
				return err
			}
			want := fileMode
			if d.IsDir() {
				want = dirMode
			} else {
				files++
			}
			if got := modeOf(p); got != want {
				t.Errorf("%s: %s is %v, want %v", build, p, got, want)
			}
			return nil
		})
		if files == 0 {
			t.Fatalf("%s: no files in %s", build, dir)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalSnapshots(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestBuildMatchesRender checks that the streaming Build writes exactly what renderFiles makes,
// and that a Build with a broken link writes nothing.
func TestBuildMatchesRender(t *testing.T) {
	files := buildFixture(t, Options{})
	site, err := Load(input(archiveFiles(readArchive(t, "testdata/site.txtar"))))
	if err != nil {
		t.Fatal(err)
	}
	tmpl, static := projectLayers(t, nil)
	dir := filepath.Join(t.TempDir(), "public")
	n, err := Build(site, Options{Templates: tmpl, Static: static}, dir)
	if err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, dir)
	if n != len(files) || !equalSnapshots(got, map[string][]byte(files)) {
		t.Fatalf("Build wrote %d files (said %d), renderFiles made %d, or their bytes differ", len(got), n, len(files))
	}
	broken := archiveFiles(readArchive(t, "testdata/site.txtar"))
	broken["data/codes/470.toml"] += "\nsee_also = []\n"
	broken["content/window.md"] += "\n[nowhere](/nowhere/)\n"
	site, err = Load(input(broken))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(site, Options{Templates: tmpl, Static: static}, dir); err == nil || !strings.Contains(err.Error(), `broken link "../nowhere/"`) {
		t.Fatalf("Build with a broken link: %v", err)
	}
	if after := snapshot(t, dir); !equalSnapshots(after, got) {
		t.Fatal("a failed Build changed the output")
	}
}

// TestSymlinkRefused checks that a data file that is a symbolic link, here to a file
// outside the data folder, is refused rather than followed.
func TestSymlinkRefused(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "secret.toml")
	os.WriteFile(outside, []byte("title = \"x\"\n"), 0o644)
	data := filepath.Join(dir, "data")
	os.MkdirAll(filepath.Join(data, "codes"), 0o755)
	if err := os.Symlink(outside, filepath.Join(data, "codes", "131047.toml")); err != nil {
		t.Fatal(err)
	}
	_, err := Load(Input{Data: os.DirFS(data), DataDir: "data"})
	want := "data/codes/131047.toml: symbolic links are not followed; copy the file instead"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %q", err, want)
	}
}

// TestFragmentsAsUncached renders every page of the real site and of the fixture twice: with
// the shared pieces cached as in a build, and rendered afresh for each page. A cache key that
// leaves out something its template shows makes some page differ.
func TestFragmentsAsUncached(t *testing.T) {
	tmpl, static := projectLayers(t, nil)
	opt := Options{Templates: tmpl, Static: static, Settings: Settings{RepoURL: "https://github.com/org/kb"}, History: History{Missing: "shallow clone"}}
	for name, site := range map[string]*Site{"real": loadRealSite(t), "fixture": fixtureSite(t)} {
		var pages [2]Files
		for i, uncached := range []bool{false, true} {
			r, err := newBuilder(site, opt)
			if err != nil {
				t.Fatal(err)
			}
			r.uncached = uncached
			m := &memory{files: Files{}}
			if _, err := r.renderTo(m); err != nil {
				t.Fatal(err)
			}
			pages[i] = m.files
		}
		for _, p := range pages[1].Paths() {
			if !bytes.Equal(pages[0][p], pages[1][p]) {
				t.Errorf("%s site: %s differs when its shared pieces are rendered afresh", name, p)
			}
		}
	}
}

func fixtureSite(t *testing.T) *Site {
	t.Helper()
	site, err := Load(input(archiveFiles(readArchive(t, "testdata/site.txtar"))))
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// TestWatchedCacheReloads loads the real data through a watched cache, as serve does, three
// times, forgetting one code file in between, and checks each renders byte for byte as a
// fresh load. A clone that keeps something linking derives (a disagreement's providers,
// statements filed elsewhere, confusions) shows it twice from the second load on.
func TestWatchedCacheReloads(t *testing.T) {
	fresh := renderReal(t, loadRealSite(t), Options{})
	cache := NewCache()
	cache.Watch()
	for i := range 3 {
		site, err := Load(Input{
			Data: os.DirFS("../data"), DataDir: "data",
			Content: os.DirFS("../content"), ContentDir: "content",
			Cache: cache,
		})
		if err != nil {
			t.Fatal(err)
		}
		files := renderReal(t, site, Options{})
		for _, p := range fresh.Paths() {
			if !bytes.Equal(fresh[p], files[p]) {
				t.Fatalf("load %d through the cache: %s differs from a fresh load", i+1, p)
			}
		}
		if len(files) != len(fresh) {
			t.Fatalf("load %d through the cache: %d files, a fresh load %d", i+1, len(files), len(fresh))
		}
		cache.forget("data/codes/131047.toml")
	}
}

// TestCacheSeesEdits loads a code file through an unwatched cache, as a build with a cache
// but no file watcher does, after each of a series of saves, and checks every load sees the
// file as saved. The saves keep the file's size (a typo fixed letter for letter, a value
// mistyped), so only the file's time tells the cache it changed.
func TestCacheSeesEdits(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"data/codes", "content"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "data", "codes", "131047.toml")
	cache := NewCache()
	saved := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i, tc := range []struct{ title, retry, want string }{
		{"Re-engagemnet message", "no", "Re-engagemnet message"},
		{"Re-engagement message", "no", "Re-engagement message"},
		{"Re-engagement message", "on", `data/codes/131047.toml:4:9: retry: unknown value "on" (want no, yes, backoff)`},
		{"Re-engagement message", "no", "Re-engagement message"},
	} {
		text := "title = \"" + tc.title + "\"\napi = \"cloud\"\nclass = \"context\"\nretry = \"" + tc.retry + "\"\nsummary = \"The window is closed.\"\n"
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		// Saves a minute apart: a file system with coarse times must not hide the edit.
		saved = saved.Add(time.Minute)
		if err := os.Chtimes(file, saved, saved); err != nil {
			t.Fatal(err)
		}
		site, err := Load(Input{
			Data: os.DirFS(filepath.Join(dir, "data")), DataDir: "data",
			Content: os.DirFS(filepath.Join(dir, "content")), ContentDir: "content",
			Cache: cache, Today: testToday,
		})
		got := ""
		switch {
		case err != nil:
			got = err.Error()
		case site.Code("131047") == nil:
			got = "no code 131047"
		default:
			got = site.Code("131047").Title
		}
		if got != tc.want {
			t.Errorf("save %d (title %q, retry %q), loaded through the cache: %s, want %s", i+1, tc.title, tc.retry, got, tc.want)
		}
	}
}

// failingDisk is a destination whose every write fails, as a full disk would.
type failingDisk struct{}

func (failingDisk) write(name string, data []byte) error {
	return errors.New("write " + name + ": no space left on device")
}

// TestWriteErrorFails checks that a build whose files cannot be written fails and says why,
// rather than reporting a site that is not there.
func TestWriteErrorFails(t *testing.T) {
	tmpl, static := projectLayers(t, nil)
	n, err := render(fixtureSite(t), Options{Templates: tmpl, Static: static}, failingDisk{})
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("render to a full disk: %d files, error %v", n, err)
	}
}
