package generator

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sort"
)

// Layers is a file system of two layers: a folder on disk over the embedded defaults. A file
// on disk wins over the default of the same name; folders are merged.
type Layers struct {
	Disk        fs.FS  // may be nil
	DiskDir     string // how to name disk files in messages, e.g. "templates"
	Default     fs.FS
	DefaultName string // e.g. "embedded templates"
}

// NewLayers returns dir on disk (if it exists) over def.
func NewLayers(dir string, def fs.FS, defName string) *Layers {
	l := &Layers{DiskDir: dir, Default: def, DefaultName: defName}
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		l.Disk = os.DirFS(dir)
	}
	return l
}

// Open opens name from the first layer that has it.
func (l *Layers) Open(name string) (fs.File, error) {
	if l.Disk != nil {
		f, err := l.Disk.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return l.Default.Open(name)
}

// ReadDir lists a folder as the union of both layers, sorted by name.
func (l *Layers) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var firstErr error
	for _, layer := range []fs.FS{l.Default, l.Disk} {
		if layer == nil {
			continue
		}
		entries, err := fs.ReadDir(layer, name)
		if err != nil {
			firstErr = err
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e // disk comes last and wins
		}
	}
	if len(seen) == 0 && firstErr != nil {
		return nil, firstErr
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Origin names the file a person would open to change name.
func (l *Layers) Origin(name string) string {
	if l.Disk != nil {
		if _, err := fs.Stat(l.Disk, name); err == nil {
			return path.Join(l.DiskDir, name)
		}
	}
	return l.DefaultName + "/" + name
}
