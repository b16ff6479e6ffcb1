package devserver

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// files is a site of fixed files, as a Build makes one.
type files map[string]string

func (f files) File(name string) ([]byte, bool, error) {
	text, ok := f[name]
	return []byte(text), ok, nil
}

// testServer serves a site made from the .txt files of a watched folder of its own. page.txt's
// text is the home page's, "broken" in it fails the build, "badlink" fails the check, and
// "slow" holds the check until release is closed, once it has said so on checking. Every
// .txt file is also served as itself. Build reads the files through a cache that, like
// serve's, trusts what it holds until Changed names the file.
type testServer struct {
	t        *testing.T
	dir      string
	file     string // page.txt
	base     string
	events   chan string
	checking chan struct{}
	release  chan struct{}

	mu      sync.Mutex
	changed []string          // what the server said changed, in order
	cache   map[string]string // text of the files read, by path
}

func startServer(t *testing.T, text string) *testServer {
	dir := t.TempDir()
	ts := &testServer{t: t, dir: dir, file: filepath.Join(dir, "page.txt"), events: make(chan string, 16),
		checking: make(chan struct{}), release: make(chan struct{}), cache: map[string]string{}}
	ts.write(text)
	ready := make(chan net.Addr, 1)
	cfg := Config{
		Addr:  "127.0.0.1:0",
		Watch: []string{dir},
		Build: func() (Site, error) {
			site := files{"404.html": "<p>not here</p>", "codes/470/index.html": "<p>470</p>", "style.css": "body{}"}
			paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			for _, p := range paths {
				site[filepath.Base(p)] = ts.cached(p)
			}
			text := site["page.txt"]
			if strings.Contains(text, "broken") {
				return nil, errors.New("page.txt:1:1: " + text)
			}
			site["index.html"] = "<html><body>" + text + "</body></html>"
			return site, nil
		},
		Check: func() error {
			b, _ := os.ReadFile(ts.file)
			if strings.Contains(string(b), "slow") {
				ts.checking <- struct{}{}
				<-ts.release
			}
			if strings.Contains(string(b), "badlink") {
				return errors.New("index.html: broken link")
			}
			return nil
		},
		Changed: func(paths []string) {
			ts.mu.Lock()
			ts.changed = append(ts.changed, paths...)
			for _, p := range paths {
				delete(ts.cache, p)
			}
			ts.mu.Unlock()
		},
		Log: io.Discard, Poll: 20 * time.Millisecond, Ready: func(a net.Addr) { ready <- a },
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go Serve(ctx, cfg)
	ts.base = "http://" + (<-ready).String()
	resp, err := http.Get(ts.base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				ts.events <- line
			}
		}
	}()
	time.Sleep(50 * time.Millisecond) // let the server register the event stream
	return ts
}

// cached returns the text of the file at path, read once until Changed names it.
func (ts *testServer) cached(path string) string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	text, ok := ts.cache[path]
	if !ok {
		b, _ := os.ReadFile(path)
		text = string(b)
		ts.cache[path] = text
	}
	return text
}

// write saves page.txt.
func (ts *testServer) write(text string) { ts.save(map[string]string{"page.txt": text}) }

// save saves files in the watched folder, each whole, by renaming a file written elsewhere
// into place so that no build reads it half written, and all of them at once, as a branch
// switch or a search and replace does.
func (ts *testServer) save(texts map[string]string) {
	tmp := ts.t.TempDir()
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(text), 0o644); err != nil {
			ts.t.Fatal(err)
		}
	}
	for name := range texts {
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(ts.dir, name)); err != nil {
			ts.t.Fatal(err)
		}
	}
}

// eventually waits until path serves want.
func (ts *testServer) eventually(path, want string) {
	ts.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, body := ts.get(path)
		if body == want {
			return
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("%s serves %q, want %q", path, body, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// get fetches a path without following redirects.
func (ts *testServer) get(path string) (*http.Response, string) {
	ts.t.Helper()
	client := http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(ts.base + path)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// waitFor waits for an event that starts with prefix, skipping others.
func (ts *testServer) waitFor(prefix string) {
	ts.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev := <-ts.events:
			if strings.HasPrefix(ev, prefix) {
				return
			}
		case <-deadline:
			ts.t.Fatalf("no %q event", prefix)
		}
	}
}

// TestServe serves a site, saves its file and checks what an open page sees: the reload
// script on HTML pages only, a reload after each save with the new text, the check's error
// after a save that builds, and a failed build's error, escaped, while the last good site is
// still served. Nothing outside the site can be named.
func TestServe(t *testing.T) {
	ts := startServer(t, "first")
	if resp, body := ts.get("/"); resp.StatusCode != 200 || !strings.Contains(body, "first") || !strings.HasSuffix(body, `<script src="/_kb/reload.js"></script></body></html>`) {
		t.Fatalf("home page: %d %q", resp.StatusCode, body)
	}
	if resp, body := ts.get("/_kb/reload.js"); resp.StatusCode != 200 || !strings.Contains(body, "EventSource") || resp.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Fatalf("reload script: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp, body := ts.get("/style.css"); resp.StatusCode != 200 || body != "body{}" || resp.Header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("style.css: %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	if resp, _ := ts.get("/codes/470"); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/codes/470/" {
		t.Errorf("a folder without its slash: %d to %q, want 301 to /codes/470/", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, bad := range []string{"/nowhere/", "/../page.txt", "/%2e%2e/page.txt", "/codes/../../page.txt", "//etc/passwd"} {
		if resp, body := ts.get(bad); resp.StatusCode != 404 || !strings.HasPrefix(body, "<p>not here</p>") {
			t.Errorf("GET %s: %d %q, want 404 and the 404 page", bad, resp.StatusCode, body)
		}
	}

	ts.write("second")
	ts.waitFor("reload")
	if _, body := ts.get("/"); !strings.Contains(body, "second") {
		t.Fatal("the page was not rebuilt after the save")
	}
	ts.mu.Lock()
	told := slices.Contains(ts.changed, ts.file)
	ts.mu.Unlock()
	if !told {
		t.Errorf("Changed was told %q, not the saved file", ts.changed)
	}

	ts.write("second badlink")
	ts.waitFor("reload")
	ts.waitFor("error:index.html: broken link")

	ts.write(`broken <img src=x onerror=alert(1)>`)
	ts.waitFor("error:page.txt:1:1: broken <img")
	resp, body := ts.get("/")
	if resp.StatusCode != 200 || !strings.Contains(body, "second badlink") || !strings.Contains(body, `data-error="page.txt:1:1: broken &lt;img src=x onerror=alert(1)&gt;"`) {
		t.Fatalf("after a broken save: %d %q, want the last good page with the error", resp.StatusCode, body)
	}
}

// TestServeBurst saves several files at once and checks that every one is read again: the
// cache keeps any file Changed is not told of, so a save lost from a burst of file events
// would leave its file stale in serve.
func TestServeBurst(t *testing.T) {
	ts := startServer(t, "home")
	texts := func(version string) map[string]string {
		return map[string]string{"a.txt": version + " a", "b.txt": version + " b", "c.txt": version + " c"}
	}
	for _, version := range []string{"old", "new"} {
		ts.save(texts(version))
		for name, want := range texts(version) {
			ts.eventually("/"+name, want)
		}
	}
}

// TestServeStaleCheck lets the check of one save outlast the next save, which builds and
// checks clean. The older check's errors are about a text that is gone: they must not be
// shown after the newer build.
func TestServeStaleCheck(t *testing.T) {
	ts := startServer(t, "first")
	ts.write("slow badlink")
	ts.waitFor("reload")
	select {
	case <-ts.checking:
	case <-time.After(10 * time.Second):
		t.Fatal("the check of the slow save did not start")
	}
	ts.write("fixed")
	ts.waitFor("reload")
	close(ts.release)
	// Longer than the newer check's wait, so that it has run too.
	for quiet := time.After(time.Second); ; {
		select {
		case ev := <-ts.events:
			if strings.HasPrefix(ev, "error:") {
				t.Fatalf("after the newer good build, an older check reported %q", ev)
			}
			continue
		case <-quiet:
		}
		break
	}
	if _, body := ts.get("/"); !strings.Contains(body, "fixed") || strings.Contains(body, "data-error") {
		t.Errorf("home page after the newer good build: %q", body)
	}
}

// TestServeFirstBuildFails checks the page served when no build has succeeded yet: the
// error, escaped, and the script that reloads once it is fixed.
func TestServeFirstBuildFails(t *testing.T) {
	ts := startServer(t, "broken <b>")
	resp, body := ts.get("/codes/470/")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "<pre>page.txt:1:1: broken &lt;b&gt;</pre>") || !strings.Contains(body, `<script src="/_kb/reload.js"></script>`) {
		t.Fatalf("first build failed: %d %q", resp.StatusCode, body)
	}
	ts.write("fixed")
	ts.waitFor("reload")
	if resp, body := ts.get("/"); resp.StatusCode != 200 || !strings.Contains(body, "fixed") {
		t.Fatalf("after the fix: %d %q", resp.StatusCode, body)
	}
}

// TestServedName checks the map from URL paths to the site's files: a clean path inside the
// site, or nothing. The HTTP mux cleans most paths before they get here, so TestServe alone
// would not see a servedName that let .. through.
func TestServedName(t *testing.T) {
	tests := []struct {
		path, want string
		ok         bool
	}{
		{"/", "index.html", true},
		{"/codes/131047/", "codes/131047/index.html", true},
		{"/codes/131047", "codes/131047", true},
		{"/static/style.css", "static/style.css", true},
		{"/..", "", false},
		{"/../site.txtar", "", false},
		{"/codes/../../data/tiers.toml", "", false},
		{"/codes/../index.html", "", false},
		{"/codes/..", "", false},
		{"/./codes/", "", false},
		{"//etc/passwd", "", false},
		{"/codes//131047/", "", false},
		{"/codes\\..\\x", "", false},
		{"/a\x00b", "", false},
	}
	for _, tc := range tests {
		got, ok := servedName(tc.path)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("servedName(%q) = %q, %v; want %q, %v", tc.path, got, ok, tc.want, tc.ok)
		}
	}
}

// TestReloadErrorAttribute checks that a build error reaches the page whole and inert: quoted
// and escaped into the data-error attribute, before </body>.
func TestReloadErrorAttribute(t *testing.T) {
	msg := `data/codes/470.toml:3:9: class: unknown value "fatl" <img src=x onerror=alert(1)> & 'x'`
	page := string(withReload([]byte("<html><body><p>hi</p></body></html>"), msg))
	want := `<script src="/_kb/reload.js" data-error="data/codes/470.toml:3:9: class: unknown value &#34;fatl&#34; &lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;"></script></body>`
	if !strings.Contains(page, want) {
		t.Errorf("page %q\ndoes not contain %q", page, want)
	}
	if got := string(withReload([]byte("<p>no body</p>"), "")); got != `<p>no body</p><script src="/_kb/reload.js"></script>` {
		t.Errorf("a page without </body>: %q", got)
	}
}
