package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Write puts files into dir as one step: it fills a temporary folder beside dir, then swaps
// it in. A build that fails or is killed before the swap leaves dir exactly as it was, and
// leftovers of such a build are removed by the next one.
func Write(dir string, files Files) error {
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(dir, tmp, parent, base)
}

// writeAll makes the folders first, then writes the files from several goroutines: each
// write waits on the kernel, so even two cores keep more of them in flight.
func writeAll(root string, files Files) error {
	paths := files.Paths()
	made := map[string]bool{}
	for _, p := range paths {
		if d := filepath.Dir(filepath.Join(root, filepath.FromSlash(p))); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
	}
	errs := make([]error, len(paths))
	parallelN(len(paths), 8, func(i int) {
		errs[i] = os.WriteFile(filepath.Join(root, filepath.FromSlash(paths[i])), files[paths[i]], 0o644)
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

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
