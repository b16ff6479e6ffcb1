package devserver

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
)

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
		if _, isDir, _ := site.File(indexFile(name + "/")); ok && isDir {
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
		name = indexFile(name)
	}
	return name, true
}

// indexFile is the file a folder's address serves: "codes/131047/" is
// "codes/131047/index.html".
func indexFile(folder string) string { return folder + "index.html" }

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
