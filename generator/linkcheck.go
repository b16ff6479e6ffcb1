package generator

import (
	"bytes"
	"net/url"
	"strings"
	"sync"
)

// linkChecker checks links page by page, as pages are rendered, so that a build need not
// keep the whole site in memory: a link to a missing file is found at once; a link to an
// #anchor of another page waits until every page's ids are known.
type linkChecker struct {
	basePath string
	exists   map[string]bool // every file the site has
	folders  map[string]bool // the folders of its index.html files, "codes/131047/" ("" the root)

	mu      sync.Mutex
	ids     map[string]string // page -> its ids, each between NULs (see hasID)
	pending []pendingAnchor
	errs    []ErrorList // by page, merged in finish
}

type pendingAnchor struct {
	page, href, target, frag string
}

func newLinkChecker(exists map[string]bool, basePath string) *linkChecker {
	folders := map[string]bool{}
	for name := range exists {
		if dir, ok := strings.CutSuffix(name, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
			folders[dir] = true
		}
	}
	return &linkChecker{basePath: basePath, exists: exists, folders: folders, ids: map[string]string{}}
}

// checkPage checks the links of one page. It is safe to call from several goroutines.
//
// A page's ids are kept until every page is checked, as one string rather than a set: ten
// thousand pages of some twenty ids each would otherwise be two hundred thousand strings
// for the collector to trace through the rest of the build.
func (lc *linkChecker) checkPage(name string, html []byte) {
	ids := []byte{0}
	var own, pending []pendingAnchor // links to an id of this page; links checked in finish
	depth := strings.Count(name, "/")
	attrValues(html, func(attr, value []byte) {
		switch string(attr) {
		case "id":
			if bytes.IndexByte(value, '&') >= 0 {
				value = []byte(htmlUnescape(string(value)))
			}
			ids = append(append(ids, value...), 0)
		case "href", "src", "action":
			if lc.plainLinkExists(depth, value) {
				return
			}
			href := htmlUnescape(string(value))
			target, frag, ok := resolveLink(name, href, lc.basePath)
			switch {
			case !ok:
			case !lc.exists[target]:
				// Perhaps a file that is made while the pages render (codes.json): see finish.
				pending = append(pending, pendingAnchor{name, href, target, frag})
			case frag == "" || !strings.HasSuffix(target, ".html"):
			case target == name:
				own = append(own, pendingAnchor{name, href, target, frag})
			default:
				pending = append(pending, pendingAnchor{name, href, target, frag})
			}
		}
	})
	pageIDs := string(ids)
	var errs ErrorList
	for _, l := range own {
		if !hasID(pageIDs, l.frag) {
			errs.Add(Pos{File: name}, "broken link %q: %s has no id %q", l.href, l.target, l.frag)
		}
	}
	lc.mu.Lock()
	lc.ids[name] = pageIDs
	lc.pending = append(lc.pending, pending...)
	if len(errs) > 0 {
		lc.errs = append(lc.errs, errs)
	}
	lc.mu.Unlock()
}

// plainLinkExists reports whether value, a link on a page depth folders below the root, is
// a plain relative link that climbs exactly to the root ("../../codes/470/") and names a file
// or folder the site has: most links of a site, settled here without making a string of
// them. Anything else (false) goes through resolveLink, as every link did before.
func (lc *linkChecker) plainLinkExists(depth int, value []byte) bool {
	for range depth {
		if len(value) < 3 || value[0] != '.' || value[1] != '.' || value[2] != '/' {
			return false
		}
		value = value[3:]
	}
	if len(value) > 0 && value[0] == '/' || bytes.ContainsAny(value, "&#?%:") || bytes.Contains(value, []byte("./")) {
		return false
	}
	if len(value) == 0 || value[len(value)-1] == '/' {
		return lc.folders[string(value)]
	}
	return lc.exists[string(value)]
}

// hasID reports whether ids, a page's ids each between NULs, holds id.
func hasID(ids, id string) bool {
	for at := 0; id != "" && strings.IndexByte(id, 0) < 0; {
		i := strings.Index(ids[at:], id)
		if i < 0 {
			return false
		}
		i += at
		if i > 0 && ids[i-1] == 0 && i+len(id) < len(ids) && ids[i+len(id)] == 0 {
			return true
		}
		at = i + 1
	}
	return false
}

// finish checks the links to anchors of other pages, and links to files that were not
// known when the pages were checked, against late, and returns every problem found.
func (lc *linkChecker) finish(late map[string]bool) ErrorList {
	var all ErrorList
	for _, l := range lc.errs {
		all = append(all, l...)
	}
	for _, p := range lc.pending {
		switch {
		case !lc.exists[p.target] && !late[p.target]:
			all.Add(Pos{File: p.page}, "broken link %q: no file %s", p.href, p.target)
		case p.frag == "" || !strings.HasSuffix(p.target, ".html"):
		case !hasID(lc.ids[p.target], p.frag):
			all.Add(Pos{File: p.page}, "broken link %q: %s has no id %q", p.href, p.target, p.frag)
		}
	}
	all.Sort()
	return all
}

// attrValues calls f for every double-quoted attribute in html, as our templates write
// them: a space, the name, =", the value, ". It scans with bytes.Index rather than regular
// expressions: it reads every byte of a site that can be a hundred megabytes.
func attrValues(html []byte, f func(name, value []byte)) {
	for {
		eq := bytes.Index(html, []byte(`="`))
		if eq < 0 {
			return
		}
		start := eq
		for start > 0 && isAttrNameByte(html[start-1]) {
			start--
		}
		rest := html[eq+2:]
		end := bytes.IndexByte(rest, '"')
		if end < 0 {
			return
		}
		if start > 0 && start < eq && (html[start-1] == ' ' || html[start-1] == '\n') {
			f(html[start:eq], rest[:end])
		}
		html = rest[end+1:]
	}
}

func isAttrNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c == '-' || c >= 'A' && c <= 'Z'
}

// resolveLink turns a link on page into the file it names and its fragment. ok is false for
// links that leave the site (other schemes, other hosts).
func resolveLink(page, href, basePath string) (target, frag string, ok bool) {
	if strings.HasPrefix(href, "//") {
		return "", "", false
	}
	if i := strings.IndexAny(href, ":/?#"); i >= 0 && href[i] == ':' {
		return "", "", false // a scheme: http:, mailto:, data:, javascript:
	}
	p, frag, _ := strings.Cut(href, "#")
	p, _, _ = strings.Cut(p, "?")
	if strings.Contains(p, "%") {
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
	}
	switch {
	case p == "":
		p = page
	case strings.HasPrefix(p, "/"):
		rest, found := strings.CutPrefix(p, basePath)
		if basePath == "" {
			rest, found = p[1:], true
		}
		if !found {
			return p, frag, true // outside the base path: reported as missing
		}
		p = rest
	default:
		dir := page[:strings.LastIndexByte(page, '/')+1]
		// Most links climb to the root first (../../codes/470/): drop a folder of dir for
		// each, rather than join and split the whole path.
		for strings.HasPrefix(p, "../") && dir != "" {
			p = p[3:]
			dir = dir[:strings.LastIndexByte(dir[:len(dir)-1], '/')+1]
		}
		p = cleanPath(dir + p)
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p = fileOf(p)
	}
	return p, frag, true
}

// cleanPath resolves . and .. in a slash path relative to the site root, keeping a final slash.
func cleanPath(p string) string {
	if !strings.Contains(p, "./") {
		return p
	}
	var out []string
	parts := strings.Split(p, "/")
	for i, part := range parts {
		switch part {
		case ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			} else {
				out = append(out, "..") // above the root: will not exist
			}
		case "":
			if i == len(parts)-1 {
				out = append(out, "")
			}
		default:
			out = append(out, part)
		}
	}
	return strings.Join(out, "/")
}

func htmlUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return htmlEntities.Replace(s)
}

// htmlEntities are the escapes html/template writes in attribute values.
var htmlEntities = strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&quot;", `"`)
