package generator

import (
	"bytes"
	"sync"
)

// Build renders the site straight into dir. Each page is checked and written as soon as it
// is rendered, so the whole site is never held in memory at once; like Write, it fills a
// temporary folder beside dir and swaps it in only when every page rendered and every link
// resolved. It returns the number of files written.
//
// Everything runs in one pool on every core: the generated files (search index, codes.json,
// sitemap) are its first job, then the pages; each writer makes its own folder. A step that
// ran alone before the pages would leave a core idle while it ran.
func Build(s *Site, opt Options, dir string) (int, error) {
	r, err := newBuilder(s, opt)
	if err != nil {
		return 0, err
	}
	if err := r.errs.Err(); err != nil {
		return 0, err
	}
	exists := map[string]bool{}
	for name := range r.files {
		exists[name] = true
	}
	for _, job := range r.jobs {
		exists[job.out] = true
	}
	st, err := newStaging(dir)
	if err != nil {
		return 0, err
	}
	lc := newLinkChecker(exists, r.basePath)
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
	// The generated files are written and dropped at once (codes.json alone is tens of
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
				fail(nil, st.write(name, files[name]))
			}
			for _, name := range r.files.Paths() {
				fail(nil, st.write(name, r.files[name]))
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
		lc.page(job.out, buf.Bytes())
		fail(nil, st.write(job.out, buf.Bytes()))
	})
	if genErr != nil {
		st.abort()
		return 0, genErr
	}
	if len(failed) == 0 {
		// With a page missing, links to it would be reported too: only check a whole site.
		failed = lc.finish(generated)
	}
	if err := failed.Err(); err != nil {
		st.abort()
		return 0, err
	}
	if writeErr != nil {
		st.abort()
		return 0, writeErr
	}
	return len(r.files) + len(r.jobs) + len(generated), st.commit()
}

// pageBuffers are reused between pages: a page is written as soon as it is rendered, and
// growing a fresh buffer to its size for each of ten thousand pages was a tenth of the
// garbage of a build.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
