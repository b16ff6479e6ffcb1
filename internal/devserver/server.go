// Package devserver serves a site from memory while it is edited: it watches files, builds
// the site again on every save and reloads the pages open in a browser.
//
// It does not know how a site is made. The caller gives it Build, which loads the site and
// returns it as a [Site], and may give it Check, the slower whole build whose errors Build
// does not see, run once saves stop for a moment. A failed build or check is printed and
// shown on every open page, while the last good site keeps being served. Every HTML page it
// serves loads /_kb/reload.js, which listens on /_kb/events (server-sent events) for
// "reload" or a build error. It serves only clean paths inside the site.
package devserver

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// A Site is what Serve serves: the file at a slash path ("codes/131047/index.html"), whether
// there is one, and why it could not be made. A site that renders pages only when they are
// asked for makes a save show at once.
type Site interface {
	File(name string) (data []byte, found bool, err error)
}

// Config says what Serve builds and watches.
type Config struct {
	Addr  string               // host:port
	Build func() (Site, error) // loads the site; fast, as it runs on every save
	// Check, if set, runs after a quiet moment following a successful Build: the whole
	// build with its link check, whose errors Build alone would not see.
	Check func() error
	Watch []string // folders and files whose changes trigger a rebuild
	// Changed, if set, is told which paths changed before each rebuild, so that a cache can
	// drop what they held.
	Changed func(paths []string)
	Log     io.Writer           // where build results and errors are printed
	Ready   func(addr net.Addr) // optional: called once listening, for tests
	Poll    time.Duration       // how often to look for changes without file events; default 200ms
}

// Serve builds the site, serves it from memory and rebuilds it when a watched file changes.
// Open pages reload through server-sent events; a failed build is shown on them while the
// last good site keeps being served.
func Serve(ctx context.Context, cfg Config) error {
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
	cfg Config

	mu         sync.Mutex
	site       Site   // the last good build
	lastErr    string // the last build's error, "" when it succeeded
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
