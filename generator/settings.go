package generator

import (
	"errors"
	"io/fs"
	"os"
)

// Settings are the site-wide choices kept in site.toml. Command-line flags override them.
type Settings struct {
	Title   string `toml:"title"`
	BaseURL string `toml:"base_url"`
	RepoURL string `toml:"repo_url"` // for "Edit this entry" links, e.g. https://github.com/org/kb
	Branch  string `toml:"branch"`
	NoIndex bool   `toml:"noindex"` // ask search engines not to index the site
}

// LoadSettings reads a settings file. A missing file gives the zero Settings.
func LoadSettings(path string) (Settings, error) {
	var s Settings
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	ix, errs := decodeTOML(data, path, 0, &s)
	if ix != nil {
		checkWebURL(&errs, ix, "base_url", s.BaseURL)
		checkWebURL(&errs, ix, "repo_url", s.RepoURL)
	}
	return s, errs.Err()
}
