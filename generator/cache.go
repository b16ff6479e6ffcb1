package generator

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Cache keeps what the loader made of each data file between builds. serve passes one to
// every Load, so that a save re-reads, decodes and checks only the files that changed, not
// all ten thousand; the model is then linked afresh from copies of the cached parts.
//
// By default a cached file is used while its size and time are unchanged. A caller that is
// told of every change (serve, by file-system events) can Watch instead: the cache then
// trusts its entries without looking at the files, and ForgetChanged drops those that
// changed.
type Cache struct {
	mu      sync.Mutex
	files   map[string]cachedFile
	watched bool
}

type cachedFile struct {
	size  int64
	mod   time.Time
	value any       // what the file's loader made of it, before linking; nil if it failed
	errs  ErrorList // what loading the file reported
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

// Watch makes the cache trust its entries until ForgetChanged drops them.
func (c *Cache) Watch() {
	c.mu.Lock()
	c.watched = true
	c.mu.Unlock()
}

// forget drops the entry of a file that changed, named as the loader names it
// ("data/codes/131047.toml"); a folder drops everything below it.
func (c *Cache) forget(file string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	file = filepath.ToSlash(filepath.Clean(file))
	for name := range c.files {
		if name == file || strings.HasPrefix(name, file+"/") {
			delete(c.files, name)
		}
	}
}

// A Folder is an input folder as a file watcher sees it: where it is on disk, and the name
// the loader gives its files ("data"), which is how the cache knows them.
type Folder struct{ Path, Name string }

// ForgetChanged drops the entries of the files a watcher saw change: paths on disk, inside
// one of the folders; paths outside them drop nothing.
func (c *Cache) ForgetChanged(folders []Folder, paths []string) {
	for _, p := range paths {
		for _, in := range folders {
			if rel, err := filepath.Rel(in.Path, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				c.forget(path.Join(in.Name, filepath.ToSlash(rel)))
			}
		}
	}
}

// checksFiles reports whether the cache compares a file's size and time to decide whether
// to use its entry; only then does the loader need to stat each file.
func (c *Cache) checksFiles() bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.watched
}

// get returns the cached result for file: when watched, whatever is there; otherwise only
// if the file's size and time are those it was loaded at.
func (c *Cache) get(file string, info fs.FileInfo) (any, ErrorList, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.Lock()
	f, ok := c.files[file]
	watched := c.watched
	c.mu.Unlock()
	switch {
	case !ok:
		return nil, nil, false
	case watched:
		return f.value, f.errs, true
	case info == nil || f.size != info.Size() || !f.mod.Equal(info.ModTime()):
		return nil, nil, false
	}
	return f.value, f.errs, true
}

func (c *Cache) put(file string, info fs.FileInfo, value any, errs ErrorList) {
	if c == nil {
		return
	}
	f := cachedFile{value: value, errs: append(ErrorList(nil), errs...)}
	if info != nil {
		f.size, f.mod = info.Size(), info.ModTime()
	}
	c.mu.Lock()
	c.files[file] = f
	c.mu.Unlock()
}

// loadCached returns what read makes of a file, from the cache when the file has not
// changed. Cached values are kept as they were before linking; clone gives each build a
// copy to link.
func loadCached[T comparable](l *loader, display string, info fs.FileInfo, read func() T, clone func(T) T) T {
	var zero T
	if v, errs, ok := l.in.Cache.get(display, info); ok {
		l.errs = append(l.errs, errs...)
		if v == nil {
			return zero
		}
		return clone(v.(T))
	}
	before := len(l.errs)
	v := read()
	var kept any
	if v != zero {
		kept = clone(v)
	}
	l.in.Cache.put(display, info, kept, l.errs[before:])
	return v
}

// The clones copy what linking changes and share the rest, which nothing changes.

func (c *Code) clone() *Code {
	n := *c
	n.Entries, n.Equivalents, n.Related, n.Conflicts, n.Elsewhere, n.ConfusedWith = nil, nil, nil, nil, nil, nil
	n.Confused = make([]Confusion, len(c.Confused))
	for i, cf := range c.Confused {
		cf.Code = nil
		n.Confused[i] = cf
	}
	n.Disagreements = make([]Disagreement, len(c.Disagreements))
	for i, d := range c.Disagreements {
		d.Providers = nil
		n.Disagreements[i] = d
	}
	return &n
}

func (p *Provider) clone() *Provider {
	n := *p
	n.codeTimes = nil
	n.Entries = make([]*Entry, len(p.Entries))
	for i, e := range p.Entries {
		ne := *e
		ne.Provider, ne.Equivalent = &n, nil
		n.Entries[i] = &ne
	}
	return &n
}

func (t *Tiers) clone() *Tiers {
	n := *t
	n.Tiers = make([]*Tier, len(t.Tiers))
	for i, tier := range t.Tiers {
		nt := *tier
		nt.DocumentedBy = nil
		n.Tiers[i] = &nt
	}
	return &n
}

func (q *Quality) clone() *Quality { return q }
