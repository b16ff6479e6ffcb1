package generator

import (
	"bytes"
	"sort"
	"sync"
)

// The render stage has one implementation, render, and three destinations for what it
// makes: a staging folder swapped in at the end (Build), memory (renderFiles, for tests)
// and nothing (Check, also serve's full check). All three render, check and hand over each
// page the same way, so check checks exactly what build would write.

// destination receives the site's files as they are rendered. write is called from several
// goroutines at once and must copy data if it keeps it: page buffers are reused.
type destination interface {
	write(name string, data []byte) error
}

// Build renders the site into dir. It fills a temporary folder beside dir and swaps it in
// only when every page rendered and every link resolved, so a failed or killed build leaves
// dir as it was. It returns the number of files written.
func Build(s *Site, opt Options, dir string) (int, error) {
	st, err := newStaging(dir)
	if err != nil {
		return 0, err
	}
	n, err := render(s, opt, st)
	if err != nil {
		st.abort()
		return 0, err
	}
	return n, st.commit()
}

// renderFiles renders the site into memory.
func renderFiles(s *Site, opt Options) (Files, error) {
	m := &memory{files: Files{}}
	if _, err := render(s, opt, m); err != nil {
		return nil, err
	}
	return m.files, nil
}

// Check renders and checks the site as Build does, and keeps nothing. It returns the number
// of files Build would write.
func Check(s *Site, opt Options) (int, error) { return render(s, opt, discard{}) }

// render renders every page and generated file into dst, checking each page's links as it
// is rendered, so that the whole site is never held in memory at once.
//
// Everything runs in one pool on every core: the generated files (search index, codes.json,
// sitemap) and the static files are its first job, then the pages. A step that ran alone
// before the pages would leave a core idle while it ran.
func render(s *Site, opt Options, dst destination) (int, error) {
	r, err := newBuilder(s, opt)
	if err != nil {
		return 0, err
	}
	return r.renderTo(dst)
}

func (r *builder) renderTo(dst destination) (int, error) {
	if err := r.errs.Err(); err != nil {
		return 0, err
	}
	exists := map[string]bool{}
	for name := range r.static {
		exists[name] = true
	}
	for _, job := range r.jobs {
		exists[job.out] = true
	}
	links := newLinkChecker(exists, r.basePath)
	var mu sync.Mutex
	var failed ErrorList
	var writeErr error
	fail := func(e *Error, err error) {
		mu.Lock()
		defer mu.Unlock()
		if e != nil {
			failed = append(failed, e)
		}
		if err != nil && writeErr == nil {
			writeErr = err
		}
	}
	// The generated files are handed over and dropped at once (codes.json alone is tens of
	// megabytes at 10,000 codes); the link check needs only their names.
	generated := map[string]bool{}
	var genErr error
	parallel(1+len(r.jobs), func(i int) {
		if i == 0 {
			files, err := r.generated()
			if genErr = err; err != nil {
				return
			}
			for _, name := range files.Paths() {
				generated[name] = true
				fail(nil, dst.write(name, files[name]))
			}
			for _, name := range r.static.Paths() {
				fail(nil, dst.write(name, r.static[name]))
			}
			return
		}
		job := r.jobs[i-1]
		buf := pageBuffers.Get().(*bytes.Buffer)
		defer pageBuffers.Put(buf)
		buf.Reset()
		if e := r.execute(job, buf); e != nil {
			fail(e, nil)
			return
		}
		links.checkPage(job.out, buf.Bytes())
		fail(nil, dst.write(job.out, buf.Bytes()))
	})
	if genErr != nil {
		return 0, genErr
	}
	if len(failed) == 0 {
		// With a page missing, links to it would be reported too: only check a whole site.
		failed = links.finish(generated)
	}
	if err := failed.Err(); err != nil {
		return 0, err
	}
	if writeErr != nil {
		return 0, writeErr
	}
	return len(r.static) + len(r.jobs) + len(generated), nil
}

// pageBuffers are reused between pages: a page is handed over as soon as it is rendered, and
// growing a fresh buffer to its size for each of ten thousand pages was a tenth of the
// garbage of a build.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Files is a rendered site: slash paths ("codes/131047/index.html") to their bytes.
type Files map[string][]byte

// Paths returns the file paths in sorted order.
func (f Files) Paths() []string {
	out := make([]string, 0, len(f))
	for p := range f {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// memory keeps every file, for renderFiles.
type memory struct {
	mu    sync.Mutex
	files Files
}

func (m *memory) write(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

// discard keeps nothing, for Check.
type discard struct{}

func (discard) write(string, []byte) error { return nil }
