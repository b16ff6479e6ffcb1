package generator

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// staging is the temporary folder a build writes into before it replaces the output: a
// build that fails or is killed before the swap leaves the output exactly as it was, and
// leftovers of such a build are removed by the next one.
type staging struct {
	dir, tmp, parent, base string
	made                   sync.Map // folders already made, by slash path
}

// newStaging makes the temporary folder beside dir. The folders inside it are made by the
// writes that need them, so that making ten thousand folders is spread over the workers
// rather than done alone before them.
func newStaging(dir string) (*staging, error) {
	dir = filepath.Clean(dir)
	st := &staging{dir: dir, parent: filepath.Dir(dir), base: filepath.Base(dir)}
	if err := os.MkdirAll(st.parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(st.parent, st.base)
	tmp, err := os.MkdirTemp(st.parent, "."+st.base+".new-")
	if err != nil {
		return nil, err
	}
	st.tmp = tmp
	if err := os.Chmod(tmp, 0o755); err != nil {
		st.abort()
		return nil, err
	}
	return st, nil
}

// write writes one file, making its folder first. It is safe to call from several
// goroutines.
func (st *staging) write(name string, data []byte) error {
	if d := path.Dir(name); d != "." {
		if _, made := st.made.Load(d); !made {
			// Most folders are new and their parent exists: try the one call first.
			full := filepath.Join(st.tmp, filepath.FromSlash(d))
			if err := os.Mkdir(full, 0o755); err != nil && !os.IsExist(err) {
				if err := os.MkdirAll(full, 0o755); err != nil {
					return err
				}
			}
			st.made.Store(d, true)
		}
	}
	return os.WriteFile(filepath.Join(st.tmp, filepath.FromSlash(name)), data, 0o644)
}

func (st *staging) abort() { os.RemoveAll(st.tmp) }

func (st *staging) commit() error { return swap(st.dir, st.tmp, st.parent, st.base) }

// swap replaces dir with tmp. Where the system can, the two are exchanged in one step and
// the old site removed after. Elsewhere the old dir is first renamed aside; a build killed
// between the two renames leaves it there, and the next build puts it back.
func swap(dir, tmp, parent, base string) error {
	if st, err := os.Lstat(dir); err == nil && st.IsDir() {
		swapped, err := exchange(tmp, dir)
		if err != nil {
			os.RemoveAll(tmp)
			return err
		}
		if swapped {
			return os.RemoveAll(tmp) // now the old site
		}
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		f, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			os.RemoveAll(tmp)
			return err
		}
		os.Remove(f) // only its unique name is wanted
		if err := os.Rename(dir, f); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("moving the previous %s aside: %w", base, err)
		}
		old = f
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		os.RemoveAll(tmp)
		return err
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// removeLeftovers deletes temporary folders of builds that were interrupted. If a build was
// killed between its two renames, the previous site is only in an .old folder: put it back.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	_, statErr := os.Lstat(filepath.Join(parent, base))
	missing := os.IsNotExist(statErr)
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(parent, name)
		switch {
		case strings.HasPrefix(name, "."+base+".new-"):
			os.RemoveAll(full)
		case strings.HasPrefix(name, "."+base+".old-"):
			if missing {
				if os.Rename(full, filepath.Join(parent, base)) == nil {
					missing = false
					continue
				}
			}
			os.RemoveAll(full)
		}
	}
}
