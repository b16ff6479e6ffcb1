package devserver

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watch waits for changes in the watched folders and rebuilds. File-system events report a
// save at once; a burst of them (an editor writing a file in steps) makes one rebuild.
// Where events are not available it polls instead.
func (s *server) watch(ctx context.Context) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		s.poll(ctx)
		return
	}
	defer w.Close()
	for _, dir := range s.cfg.Watch {
		addTree(w, dir)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.Events:
			changed := []string{ev.Name}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder is watched too
			}
			// Gather the rest of the burst.
			for quiet := time.After(10 * time.Millisecond); ; {
				select {
				case ev := <-w.Events:
					changed = append(changed, ev.Name)
					if ev.Has(fsnotify.Create) {
						addTree(w, ev.Name)
					}
					continue
				case <-quiet:
				}
				break
			}
			s.changed(changed)
			s.rebuild()
		case err := <-w.Errors:
			fmt.Fprintf(s.cfg.Log, "watching files: %v\n", err)
		}
	}
}

// addTree watches a folder and every folder below it, or a single file.
func addTree(w *fsnotify.Watcher, root string) {
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		w.Add(root)
		return
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			w.Add(p)
		}
		return nil
	})
}

func (s *server) changed(paths []string) {
	if s.cfg.Changed != nil {
		s.cfg.Changed(paths)
	}
}

// poll compares every watched file's size and time with the last look.
func (s *server) poll(ctx context.Context) {
	last := s.signature()
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sig := s.signature()
			var changed []string
			for p, v := range sig {
				if last[p] != v {
					changed = append(changed, p)
				}
			}
			for p := range last {
				if _, ok := sig[p]; !ok {
					changed = append(changed, p)
				}
			}
			last = sig
			if len(changed) > 0 {
				s.changed(changed)
				s.rebuild()
			}
		}
	}
}

func (s *server) signature() map[string]string {
	sig := map[string]string{}
	for _, dir := range s.cfg.Watch {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil {
				sig[p] = fmt.Sprint(info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return sig
}
