package generator

import (
	"net/url"
	"regexp"
	"strings"
)

var (
	linkAttr = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)
	idAttr   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// checkLinks finds every internal href, src and form action in the rendered HTML and reports
// those that point at no file, or at an #anchor the target page does not have. basePath is
// the path links start with when the site has a base URL ("/kb/"), or "".
func checkLinks(files Files, basePath string) error {
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if ids[file] == nil {
			ids[file] = map[string]bool{}
			for _, m := range idAttr.FindAllSubmatch(files[file], -1) {
				ids[file][htmlUnescape(string(m[1]))] = true
			}
		}
		return ids[file]
	}
	var errs ErrorList
	for _, page := range files.Paths() {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllSubmatch(files[page], -1) {
			href := htmlUnescape(string(m[1]))
			target, frag, ok := resolveLink(page, href, basePath)
			if !ok {
				continue
			}
			if _, exists := files[target]; !exists {
				errs.Add(Pos{File: page}, "broken link %q: no file %s", href, target)
				continue
			}
			if frag != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[frag] {
				errs.Add(Pos{File: page}, "broken link %q: %s has no id %q", href, target, frag)
			}
		}
	}
	return errs.Err()
}

// resolveLink turns a link on page into the file it names and its fragment. ok is false for
// links that leave the site (other schemes, other hosts).
func resolveLink(page, href, basePath string) (target, frag string, ok bool) {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(href, "//") {
		return "", "", false
	}
	p := u.Path
	switch {
	case p == "":
		p = page
	case strings.HasPrefix(p, "/"):
		rest, found := strings.CutPrefix(p, basePath)
		if basePath == "" {
			rest, found = p[1:], true
		}
		if !found {
			return p, u.Fragment, true // outside the base path: reported as missing
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
	return p, u.Fragment, true
}

// cleanPath resolves . and .. in a slash path relative to the site root, keeping a final slash.
func cleanPath(p string) string {
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
	return strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(s)
}
