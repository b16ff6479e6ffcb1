package generator

import (
	"bytes"
	"sync"
)

// Preview serves a site's files by rendering each only when it is asked for. serve uses it
// so that a save at ten thousand codes shows in the browser at once: loading the changed
// data is quick, rendering ten thousand pages is not, and the browser wants one of them.
type Preview struct {
	r     *builder
	pages map[string]*renderJob

	once      sync.Once
	generated Files
	genErr    error
}

// NewPreview parses the templates and lists the site's pages without rendering them.
func NewPreview(s *Site, opt Options) (*Preview, error) {
	r, err := newBuilder(s, opt)
	if err != nil {
		return nil, err
	}
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	p := &Preview{r: r, pages: map[string]*renderJob{}}
	for _, job := range r.jobs {
		p.pages[job.out] = job
	}
	return p, nil
}

// File returns the file at a slash path of the site, rendering it if it is a page.
func (p *Preview) File(name string) ([]byte, bool, error) {
	if b, ok := p.r.static[name]; ok {
		return b, true, nil
	}
	if job, ok := p.pages[name]; ok {
		var buf bytes.Buffer
		if err := p.r.execute(job, &buf); err != nil {
			return nil, true, err
		}
		return buf.Bytes(), true, nil
	}
	p.once.Do(func() { p.generated, p.genErr = p.r.generated() })
	if p.genErr != nil {
		return nil, false, p.genErr
	}
	b, ok := p.generated[name]
	return b, ok, nil
}
