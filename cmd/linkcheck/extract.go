package main

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// sourceKeys are the TOML keys whose value is an address the site cites as a source.
var sourceKeys = map[string]bool{"url": true, "support_url": true, "status_url": true, "checked_against": true}

// markdownLink finds the target of a Markdown link, [text](https://…), inside a string.
var markdownLink = regexp.MustCompile(`\]\((https?://[^\s)]+)\)`)

// bareURL finds any http(s) address in Markdown text: link targets, <autolinks> and the
// bare addresses GFM turns into links.
var bareURL = regexp.MustCompile(`https?://[^\s<>()\[\]"'` + "`" + `]+`)

// linksInString returns the targets of the Markdown links in s. Bare addresses are left
// out on purpose: in data/ they are example payloads (https://example.com/…), not sources.
func linksInString(s string) []string {
	var out []string
	for _, m := range markdownLink.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// linksInMarkdown returns every http(s) address in a Markdown file, without the sentence
// punctuation that often follows a bare one.
func linksInMarkdown(s string) []string {
	var out []string
	for _, u := range bareURL.FindAllString(s, -1) {
		out = append(out, strings.TrimRight(u, ".,;:!?*_"))
	}
	return out
}

// linksInTOML returns the addresses in a decoded TOML document: the values of the source
// keys and the Markdown links inside any string.
func linksInTOML(v any, key string) []string {
	var out []string
	switch v := v.(type) {
	case string:
		if sourceKeys[key] && (strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")) {
			out = append(out, v)
		}
		out = append(out, linksInString(v)...)
	case map[string]any:
		for k, e := range v {
			out = append(out, linksInTOML(e, k)...)
		}
	case []map[string]any:
		for _, e := range v {
			out = append(out, linksInTOML(e, key)...)
		}
	case []any:
		for _, e := range v {
			out = append(out, linksInTOML(e, key)...)
		}
	}
	return out
}

// Link is one external address and the places that cite it.
type Link struct {
	URL     string
	CitedIn []string // "data/providers/bird.toml:44"
}

// Host is the address's host name, lower case.
func (l Link) Host() string {
	u, err := url.Parse(l.URL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// Collect finds every external address in root's data/**/*.toml and content/*.md, one
// Link per address (without its #fragment, which is never sent), sorted.
func Collect(root string) ([]Link, error) {
	cited := map[string][]string{}
	add := func(rel, text string, found []string) {
		for _, raw := range found {
			u, err := url.Parse(raw)
			if err != nil || u.Host == "" || isExampleHost(u.Hostname()) {
				continue
			}
			u.Fragment, u.RawFragment = "", ""
			key := u.String()
			where := fmt.Sprintf("%s:%d", rel, lineOf(text, raw))
			if !slices.Contains(cited[key], where) {
				cited[key] = append(cited[key], where)
			}
		}
	}

	err := filepath.WalkDir(filepath.Join(root, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".toml" {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var doc map[string]any
		if _, err := toml.Decode(string(raw), &doc); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(root, p)
		add(filepath.ToSlash(rel), string(raw), linksInTOML(doc, ""))
		return nil
	})
	if err != nil {
		return nil, err
	}

	pages, err := filepath.Glob(filepath.Join(root, "content", "*.md"))
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, p)
		add(filepath.ToSlash(rel), string(raw), linksInMarkdown(string(raw)))
	}

	links := make([]Link, 0, len(cited))
	for u, where := range cited {
		links = append(links, Link{URL: u, CitedIn: where})
	}
	slices.SortFunc(links, func(a, b Link) int { return strings.Compare(a.URL, b.URL) })
	return links, nil
}

// lineOf is the 1-based line where the address s first appears in text whole, not as the
// start of a longer address (1 if it is not there verbatim, for instance because TOML
// escaped it).
func lineOf(text, s string) int {
	for from := 0; ; {
		i := strings.Index(text[from:], s)
		if i < 0 {
			return 1
		}
		i += from
		end := i + len(s)
		if end == len(text) || !continuesURL(text[end:]) {
			return strings.Count(text[:i], "\n") + 1
		}
		from = i + 1
	}
}

// continuesURL reports whether rest, the text right after an address, makes it longer:
// whether it starts with characters an address holds, other than sentence punctuation.
func continuesURL(rest string) bool {
	m := bareURL.FindString("https://x" + rest)
	return strings.TrimRight(m, ".,;:!?*_") != "https://x"
}

// isExampleHost reports the names reserved for examples (RFC 2606), which never answer.
func isExampleHost(h string) bool {
	h = strings.ToLower(h)
	for _, e := range []string{"example.com", "example.org", "example.net"} {
		if h == e || strings.HasSuffix(h, "."+e) {
			return true
		}
	}
	return strings.HasSuffix(h, ".example") || strings.HasSuffix(h, ".invalid")
}
