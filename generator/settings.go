package generator

import (
	"errors"
	"io/fs"
	"os"
)

// Settings are the site-wide choices kept in site.toml. Command-line flags override them.
type Settings struct {
	// Title is the site's name, shown in every page's header.
	Title string `toml:"title"`
	// BaseURL is where the site is published, such as https://org.github.io/kb/. Empty means
	// links are relative, so the site works from the root of any static file server.
	BaseURL string `toml:"base_url"`
	// RepoURL and Branch make "Edit this entry" links; empty RepoURL means none.
	RepoURL string `toml:"repo_url"`
	Branch  string `toml:"branch"`
	// NoIndex asks search engines not to index the site.
	NoIndex bool `toml:"noindex"`
	// CommonCodes are the codes the home page offers first, as one row of links.
	CommonCodes []string `toml:"common_codes"`
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
	ix, errs := format.Decode(data, path, 0, &s)
	if ix != nil {
		checkWebURL(&errs, ix, "base_url", s.BaseURL)
		checkWebURL(&errs, ix, "repo_url", s.RepoURL)
	}
	return s, errs.Err()
}
