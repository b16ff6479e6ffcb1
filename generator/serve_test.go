package generator

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe starts the preview server on a copy of the fixture, edits a data file, and
// checks that the open page is told to reload, that a broken save is reported while the
// last good site is still served, and that nothing outside the site can be named.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	for name, text := range archiveFiles(readArchive(t, "testdata/site.txtar")) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	tmpl, static := projectLayers(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan net.Addr, 1)
	cfg := PreviewConfig("127.0.0.1:0",
		[]Folder{{filepath.Join(dir, "data"), "data"}, {filepath.Join(dir, "content"), "content"}}, nil,
		func(cache *Cache) (*Site, Options, error) {
			site, err := Load(Input{
				Data: os.DirFS(filepath.Join(dir, "data")), DataDir: "data",
				Content: os.DirFS(filepath.Join(dir, "content")), ContentDir: "content", Cache: cache,
			})
			return site, Options{Templates: tmpl, Static: static}, err
		})
	cfg.Log, cfg.Poll, cfg.Ready = io.Discard, 20*time.Millisecond, func(a net.Addr) { ready <- a }
	go Serve(ctx, cfg)
	base := "http://" + (<-ready).String()

	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/codes/131047/"); code != 200 || !strings.Contains(body, `<script src="/_kb/reload.js"></script>`) {
		t.Fatalf("code page: %d, reload script present: %v", code, strings.Contains(body, "/_kb/reload.js"))
	}
	if code, body := get("/_kb/reload.js"); code != 200 || !strings.Contains(body, "EventSource") {
		t.Fatalf("reload script: %d", code)
	}
	for _, bad := range []string{"/../site.txtar", "/%2e%2e/data/tiers.toml", "/codes/../../data/tiers.toml", "//etc/passwd", "/static/"} {
		if code, _ := get(bad); code != 404 {
			t.Errorf("GET %s: %d, want 404", bad, code)
		}
	}

	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				events <- line
			}
		}
	}()
	waitFor := func(prefix string) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case ev := <-events:
				if strings.HasPrefix(ev, prefix) {
					return
				}
			case <-deadline:
				t.Fatalf("no %q event", prefix)
			}
		}
	}
	time.Sleep(50 * time.Millisecond) // let the server register the event stream
	codeFile := filepath.Join(dir, "data", "codes", "470.toml")
	src, _ := os.ReadFile(codeFile)
	os.WriteFile(codeFile, []byte(strings.Replace(string(src), "The On-Premises form", "The older form", 1)), 0o644)
	waitFor("reload")
	if _, body := get("/codes/470/"); !strings.Contains(body, "The older form") {
		t.Fatal("the page was not rebuilt after the save")
	}

	// A save that loads but breaks a link is caught by the full check that follows.
	os.WriteFile(codeFile, []byte(strings.Replace(string(src), "The On-Premises form", "See [the guide](/guide/). The older form", 1)), 0o644)
	waitFor("reload")
	waitFor(`error:codes/470/index.html: broken link "../../guide/"`)

	os.WriteFile(codeFile, []byte(strings.Replace(string(src), `class = "context"`, `class = "fatl"`, 1)), 0o644)
	waitFor("error:data/codes/470.toml:3:9: class")
	code, body := get("/codes/470/")
	if code != 200 || !strings.Contains(body, "The older form") || !strings.Contains(body, `data-error="data/codes/470.toml:3:9: class: unknown value &#34;fatl&#34; (want `) {
		t.Fatalf("after a broken save: %d, last good page served: %v, error given to the page: %v", code, strings.Contains(body, "The older form"), strings.Contains(body, "data-error="))
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
