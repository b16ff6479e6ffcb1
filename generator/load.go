package generator

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/waerrors/kb/internal/tomlpos"
)

// Input names the folders a site is built from. The names are used in error messages, so
// they should be the paths a person would type ("data", "content").
type Input struct {
	Data       fs.FS
	DataDir    string
	Content    fs.FS
	ContentDir string
	// Cache, if set, keeps decoded files from one Load to the next.
	Cache *Cache
	// Today is the last date a checked_on may say; a later one is an error (a typo such as
	// 2027 would hide the file from the stale check for a year). Zero is the date today
	// anywhere on Earth, in UTC+14, so a date just written east of this machine passes.
	Today time.Time
}

// latestToday is the date at now where it is latest on Earth, in UTC+14 (Kiribati).
func latestToday(now time.Time) time.Time {
	return now.In(time.FixedZone("UTC+14", 14*60*60))
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// isDigits reports whether s is ASCII digits only, like a code's number.
func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// Load reads every data file and content page, validates them and builds the model with its
// cross links. It reports every problem it finds, as an ErrorList, rather than stopping at
// the first.
func Load(in Input) (*Site, error) {
	if in.Today.IsZero() {
		in.Today = latestToday(time.Now())
	}
	l := &loader{in: in, site: &Site{codeByKey: map[string]*Code{}, providerBySlg: map[string]*Provider{}}}
	l.loadDataDir()
	l.loadContent()
	l.link()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	return l.site, nil
}

type loader struct {
	in   Input
	site *Site
	errs ErrorList
	// exceptionsPage is the content file that took `exceptions = true`, so that a second
	// one is refused.
	exceptionsPage string
}

func (l *loader) dataPath(name string) string    { return path.Join(l.in.DataDir, name) }
func (l *loader) contentPath(name string) string { return path.Join(l.in.ContentDir, name) }

// loadDataDir walks data/: codes/, providers/, tiers.toml and quality.toml. Anything else is
// an error, so that a misplaced file is not silently left out of the site.
func (l *loader) loadDataDir() {
	entries, err := fs.ReadDir(l.in.Data, ".")
	if err != nil {
		l.errs.Add(Pos{File: l.in.DataDir}, "cannot read data folder: %v", unwrapPath(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		display := l.dataPath(name)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			l.errs.Add(Pos{File: display}, "symbolic links are not followed; copy the file instead")
		case name == "codes" && e.IsDir():
			l.loadDir("codes", (*loader).loadCode)
		case name == "providers" && e.IsDir():
			l.loadDir("providers", (*loader).loadProvider)
		case name == "tiers.toml":
			l.loadTiers(name, l.entryInfo(e))
		case name == "quality.toml":
			l.loadQuality(name, l.entryInfo(e))
		case name == "README.md" || strings.HasPrefix(name, "."):
		case e.IsDir():
			l.errs.Add(Pos{File: display}, "unexpected folder: data/ holds codes/, providers/, tiers.toml and quality.toml")
		default:
			l.errs.Add(Pos{File: display}, "unknown file: data/ holds codes/, providers/, tiers.toml and quality.toml")
		}
	}
}

func (l *loader) loadDir(dir string, load func(l *loader, name, key string, info fs.FileInfo)) {
	entries, err := fs.ReadDir(l.in.Data, dir)
	if err != nil {
		l.errs.Add(Pos{File: l.dataPath(dir)}, "cannot read folder: %v", unwrapPath(err))
		return
	}
	// Files decode independently, so each gets a loader of its own and they run on every
	// core; the parts are then joined in directory order, so the model and the errors do not
	// depend on scheduling.
	parts := make([]*loader, len(entries))
	checks := l.in.Cache.checksFiles()
	parallel(len(entries), func(i int) {
		e := entries[i]
		part := &loader{in: l.in, site: &Site{}}
		parts[i] = part
		name := path.Join(dir, e.Name())
		display := l.dataPath(name)
		key, isTOML := strings.CutSuffix(e.Name(), ".toml")
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.Type()&fs.ModeSymlink != 0:
			part.errs.Add(Pos{File: display}, "symbolic links are not followed; copy the file instead")
		case e.IsDir():
			part.errs.Add(Pos{File: display}, "unexpected folder: %s/ holds only .toml files", dir)
		case !isTOML:
			part.errs.Add(Pos{File: display}, "file name %q does not end in .toml", e.Name())
		default:
			var info fs.FileInfo
			if checks {
				info, _ = e.Info()
			}
			load(part, name, key, info)
		}
	})
	for _, part := range parts {
		l.errs = append(l.errs, part.errs...)
		l.site.Codes = append(l.site.Codes, part.site.Codes...)
		l.site.Providers = append(l.site.Providers, part.site.Providers...)
	}
}

// decode reads and decodes one TOML file into v. It reports syntax, encoding and type errors
// and unknown keys, and returns the key index for the semantic checks that follow, or nil
// when the file could not be decoded at all.
func (l *loader) decode(fsys fs.FS, name, display string, v any) *tomlpos.Index {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.errs.Add(Pos{File: display}, "cannot read: %v", unwrapPath(err))
		return nil
	}
	return l.decodeBytes(data, display, 0, v)
}

// decodeBytes is decode for text already in memory.
func (l *loader) decodeBytes(data []byte, display string, lineOffset int, v any) *tomlpos.Index {
	ix, errs := format.Decode(data, display, lineOffset, v)
	l.errs = append(l.errs, errs...)
	return ix
}

func (l *loader) entryInfo(e fs.DirEntry) fs.FileInfo {
	if !l.in.Cache.checksFiles() {
		return nil
	}
	info, _ := e.Info()
	return info
}

// unwrapPath drops the path from a file system's error: messages name the file as a person
// typed it, in front.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
