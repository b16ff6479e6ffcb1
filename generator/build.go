package generator

import (
	"bytes"
	"sync"
)

// Build renders the site straight into dir. Each page is checked and written as soon as it
// is rendered, so the whole site is never held in memory at once; like Write, it fills a
// temporary folder beside dir and swaps it in only when every page rendered and every link
// resolved. It returns the number of files written.
func Build(s *Site, opt Options, dir string) (int, error) {
	r, err := newBuilder(s, opt)
	if err != nil {
		return 0, err
	}
	if err := r.errs.Err(); err != nil {
		return 0, err
	}
	generated, err := r.generated()
	if err != nil {
		return 0, err
	}
	small := Files{}
	for name, b := range r.files {
		small[name] = b
	}
	for name, b := range generated {
		small[name] = b
	}
	var paths []string
	exists := map[string]bool{}
	for name := range small {
		paths = append(paths, name)
		exists[name] = true
	}
	for _, job := range r.jobs {
		paths = append(paths, job.out)
		exists[job.out] = true
	}
	st, err := newStaging(dir, paths)
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
	smallNames := Files(small).Paths()
	parallelN(len(smallNames), 8, func(i int) { fail(nil, st.write(smallNames[i], small[smallNames[i]])) })
	parallel(len(r.jobs), func(i int) {
		job := r.jobs[i]
		var buf bytes.Buffer
		page, e := r.execute(job, &buf)
		if e != nil {
			fail(e, nil)
			return
		}
		lc.page(job.out, page)
		fail(nil, st.write(job.out, page))
	})
	if len(failed) == 0 {
		// With a page missing, links to it would be reported too: only check a whole site.
		failed = lc.finish()
	}
	if err := failed.Err(); err != nil {
		st.abort()
		return 0, err
	}
	if writeErr != nil {
		st.abort()
		return 0, writeErr
	}
	return len(paths), st.commit()
}
