package generator

import (
	"bytes"
	"net/url"
	"runtime"
	"strings"
	"sync"
)

// checkLinks finds every internal href, src and form action in the rendered HTML and reports
// those that point at no file, or at an #anchor the target page does not have. basePath is
// the path links start with when the site has a base URL ("/kb/"), or "".
//
// It reads every byte of a site that can be a hundred megabytes, so it scans with
// bytes.Index rather than regular expressions, and spreads the pages over every core.
func checkLinks(files Files, basePath string) error {
	pages := []string{}
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	ids := make(map[string]map[string]bool, len(pages))
	var mu sync.Mutex
	parallel(len(pages), func(i int) {
		set := map[string]bool{}
		attrValues(files[pages[i]], func(name, value []byte) {
			if string(name) == "id" {
				set[htmlUnescape(string(value))] = true
			}
		})
		mu.Lock()
		ids[pages[i]] = set
		mu.Unlock()
	})
	found := make([]ErrorList, len(pages))
	parallel(len(pages), func(i int) {
		page := pages[i]
		attrValues(files[page], func(name, value []byte) {
			switch string(name) {
			case "href", "src", "action":
			default:
				return
			}
			href := htmlUnescape(string(value))
			target, frag, ok := resolveLink(page, href, basePath)
			if !ok {
				return
			}
			if _, exists := files[target]; !exists {
				found[i].Add(Pos{File: page}, "broken link %q: no file %s", href, target)
				return
			}
			if frag != "" && strings.HasSuffix(target, ".html") && !ids[target][frag] {
				found[i].Add(Pos{File: page}, "broken link %q: %s has no id %q", href, target, frag)
			}
		})
	})
	var errs ErrorList
	for _, l := range found {
		errs = append(errs, l...)
	}
	return errs.Err()
}

// parallel calls f(0) … f(n-1) on every core and waits for them all.
func parallel(n int, f func(i int)) { parallelN(n, runtime.GOMAXPROCS(0), f) }

// parallelN is parallel with a given number of goroutines.
func parallelN(n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// attrValues calls f for every double-quoted attribute in html, as our templates write
// them: a space, the name, =", the value, ".
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
		dir := ""
		if i := strings.LastIndexByte(page, '/'); i >= 0 {
			dir = page[:i+1]
		}
		p = cleanPath(dir + p)
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
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
	return strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(s)
}
