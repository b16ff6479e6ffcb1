package generator

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Servable is a site Serve can serve: rendered Files, or a Preview that renders pages
// when they are asked for.
type Servable interface {
	File(name string) ([]byte, bool, error)
}

// ServeConfig says what Serve builds and watches.
type ServeConfig struct {
	Addr  string                   // host:port
	Build func() (Servable, error) // loads the site; fast, as it runs on every save
	// Check, if set, runs after a quiet moment following a successful Build: the whole
	// build with its link check, whose errors Build alone would not see.
	Check func() error
	Watch []string // folders whose changes trigger a rebuild
	// Changed, if set, is told which paths changed before each rebuild (for a Cache).
	Changed func(paths []string)
	Log     io.Writer           // where build results and errors are printed
	Ready   func(addr net.Addr) // optional: called once listening, for tests
	Poll    time.Duration       // how often to look for changes without file events; default 200ms
}

// A Folder is an input folder serve watches: where it is on disk, and the name the loader
// gives its files ("data"), which is how the cache knows them.
type Folder struct{ Path, Name string }

// PreviewConfig wires the preview as serve runs it: a watched cache that drops the files
// that changed, pages rendered when the browser asks for them, and the whole check (every
// page, every link) afterwards. load reads the site through the cache. Watch lists the
// folders and files whose changes rebuild: the input folders, and any others (templates,
// static files, settings) that are read afresh each time.
func PreviewConfig(addr string, inputs []Folder, others []string, load func(*Cache) (*Site, Options, error)) ServeConfig {
	cache := NewCache()
	cache.Watch() // Changed tells it which files to drop
	cfg := ServeConfig{
		Addr: addr,
		Build: func() (Servable, error) {
			site, opt, err := load(cache)
			if err != nil {
				return nil, err
			}
			return NewPreview(site, opt)
		},
		Check: func() error {
			site, opt, err := load(cache)
			if err == nil {
				_, err = Check(site, opt)
			}
			return err
		},
		Changed: func(paths []string) {
			for _, p := range paths {
				for _, in := range inputs {
					if rel, err := filepath.Rel(in.Path, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
						cache.Forget(path.Join(in.Name, filepath.ToSlash(rel)))
					}
				}
			}
		},
	}
	for _, in := range inputs {
		cfg.Watch = append(cfg.Watch, in.Path)
	}
	cfg.Watch = append(cfg.Watch, others...)
	return cfg
}

// Serve builds the site, serves it from memory and rebuilds it when a watched file changes.
// Open pages reload through server-sent events; a failed build is shown on them while the
// last good site keeps being served.
func Serve(ctx context.Context, cfg ServeConfig) error {
	if cfg.Poll == 0 {
		cfg.Poll = 200 * time.Millisecond
	}
	s := &server{cfg: cfg, clients: map[chan string]bool{}}
	s.rebuild()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(cfg.Log, "serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr())
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.watch(ctx)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		return err
	}
	return nil
}

type server struct {
	cfg ServeConfig

	mu         sync.Mutex
	site       Servable // the last good build
	lastErr    string   // the last build's error, "" when it succeeded
	clients    map[chan string]bool
	generation int // counts builds, so that a stale check does not report
}

func (s *server) rebuild() {
	start := time.Now()
	site, err := s.cfg.Build()
	s.mu.Lock()
	s.generation++
	gen := s.generation
	if err != nil {
		s.lastErr = err.Error()
		fmt.Fprintf(s.cfg.Log, "build failed; still serving the last good site:\n%s\n", err)
	} else {
		s.site, s.lastErr = site, ""
		fmt.Fprintf(s.cfg.Log, "loaded in %v\n", time.Since(start).Round(time.Millisecond))
	}
	msg := "reload"
	if s.lastErr != "" {
		msg = "error:" + s.lastErr
	}
	s.broadcast(msg)
	s.mu.Unlock()
	if err == nil && s.cfg.Check != nil {
		go s.check(gen)
	}
}

// check runs the whole build once saves have stopped for a moment, and shows its errors.
func (s *server) check(gen int) {
	time.Sleep(500 * time.Millisecond)
	s.mu.Lock()
	stale := gen != s.generation
	s.mu.Unlock()
	if stale {
		return
	}
	err := s.cfg.Check()
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.generation || err == nil {
		return
	}
	s.lastErr = err.Error()
	fmt.Fprintf(s.cfg.Log, "the full build found problems:\n%s\n", err)
	s.broadcast("error:" + s.lastErr)
}

// broadcast tells every open page; the caller holds s.mu.
func (s *server) broadcast(msg string) {
	for c := range s.clients {
		select {
		case c <- msg:
		default:
		}
	}
}

// watch waits for changes in the watched folders and rebuilds. File-system events report a
// save at once; a burst of them (an editor writing a file in steps) makes one rebuild.
// Where events are not available it polls instead.
func (s *server) watch(ctx context.Context) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		s.poll(ctx)
		return
	}
	defer w.Close()
	for _, dir := range s.cfg.Watch {
		addTree(w, dir)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.Events:
			changed := []string{ev.Name}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder is watched too
			}
			// Gather the rest of the burst.
			for quiet := time.After(10 * time.Millisecond); ; {
				select {
				case ev := <-w.Events:
					changed = append(changed, ev.Name)
					if ev.Has(fsnotify.Create) {
						addTree(w, ev.Name)
					}
					continue
				case <-quiet:
				}
				break
			}
			s.changed(changed)
			s.rebuild()
		case err := <-w.Errors:
			fmt.Fprintf(s.cfg.Log, "watching files: %v\n", err)
		}
	}
}

// addTree watches a folder and every folder below it, or a single file.
func addTree(w *fsnotify.Watcher, root string) {
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		w.Add(root)
		return
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.Add(p)
		}
		return nil
	})
}

func (s *server) changed(paths []string) {
	if s.cfg.Changed != nil {
		s.cfg.Changed(paths)
	}
}

// poll compares every watched file's size and time with the last look.
func (s *server) poll(ctx context.Context) {
	last := s.signature()
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sig := s.signature()
			var changed []string
			for p, v := range sig {
				if last[p] != v {
					changed = append(changed, p)
				}
			}
			for p := range last {
				if _, ok := sig[p]; !ok {
					changed = append(changed, p)
				}
			}
			last = sig
			if len(changed) > 0 {
				s.changed(changed)
				s.rebuild()
			}
		}
	}
}

func (s *server) signature() map[string]string {
	sig := map[string]string{}
	for _, dir := range s.cfg.Watch {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil {
				sig[p] = fmt.Sprint(info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return sig
}

const (
	eventsPath = "/_kb/events"
	reloadPath = "/_kb/reload.js"
)

// reloadScript is served at /_kb/reload.js and loaded by every served page: it listens for
// rebuilds and shows build errors. It is a file, not an inline script, because the pages'
// Content-Security-Policy allows only the site's own script files.
const reloadScript = `(function () {
  var me = document.currentScript;
  function show(text) {
    var box = document.getElementById("kb-build-error");
    if (!box) {
      box = document.createElement("pre");
      box.id = "kb-build-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;margin:0;padding:1em;background:#7f1d1d;color:#fff;font:14px/1.4 monospace;z-index:9999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "Build failed; showing the last good site.\n\n" + text;
  }
  if (me && me.getAttribute("data-error")) show(me.getAttribute("data-error"));
  var es = new EventSource("/_kb/events");
  es.onmessage = function (e) {
    if (e.data === "reload") { location.reload(); return; }
    if (e.data.indexOf("error:") === 0) show(e.data.slice(6));
  };
})();
`

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == eventsPath {
		s.events(w, r)
		return
	}
	if r.URL.Path == reloadPath {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	site, lastErr := s.site, s.lastErr
	s.mu.Unlock()
	if site == nil {
		// Nothing good to show yet: the error, and the script that reloads once it is fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "<!DOCTYPE html><title>Build failed</title><body><h1>The first build failed</h1><pre>%s</pre>%s</body>",
			html.EscapeString(lastErr), withReload(nil, ""))
		return
	}

	name, ok := servedName(r.URL.Path)
	status := http.StatusOK
	var body []byte
	found := false
	if ok {
		var err error
		body, found, err = site.File(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	if !found {
		if _, isDir, _ := site.File(fileOf(name + "/")); ok && isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name, status = "404.html", http.StatusNotFound
		body, _, _ = site.File(name)
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if strings.HasSuffix(name, ".html") {
		body = withReload(body, lastErr)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// servedName maps a URL path to a file of the site. It refuses anything that is not a clean
// path inside the site, so nothing outside it can be named.
func servedName(urlPath string) (string, bool) {
	if strings.Contains(urlPath, "\\") || strings.Contains(urlPath, "\x00") {
		return "", false
	}
	clean := path.Clean("/" + urlPath)
	if clean != strings.TrimSuffix(urlPath, "/") && clean+"/" != urlPath && urlPath != "/" {
		return "", false // had .. or // in it
	}
	name := strings.TrimPrefix(clean, "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		if name != "" {
			name += "/"
		}
		name = fileOf(name)
	}
	return name, true
}

// withReload adds the reload script to a page, with the last build error if there is one.
func withReload(body []byte, lastErr string) []byte {
	script := `<script src="` + reloadPath + `"`
	if lastErr != "" {
		script += ` data-error="` + html.EscapeString(lastErr) + `"`
	}
	script += `></script>`
	i := bytes.LastIndex(body, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, body...), script...)
	}
	out := make([]byte, 0, len(body)+len(script))
	out = append(out, body[:i]...)
	out = append(out, script...)
	return append(out, body[i:]...)
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan string, 4)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-c:
			for _, line := range strings.Split(msg, "\n") {
				fmt.Fprintf(w, "data: %s\n", line)
			}
			fmt.Fprint(w, "\n")
			flusher.Flush()
		}
	}
}
