package generator

import (
	"strconv"
	"strings"
)

// The site's addresses, in one place. A page's path is its address below the site's root,
// ending in a slash ("codes/131047/"; "" is the home page), and its file is the path plus
// index.html. Links (page.URL and the methods beside it), output files, the sitemap, the
// search index and codes.json all ask here; static/search.js is given the root and reads
// every other address from the index.

const (
	codesPath     = "codes/"
	providersPath = "providers/"
	statusesPath  = "http/"
	topicsPath    = "topics/"
	tiersPath     = "tiers/"
	qualityPath   = "quality/"
	searchPath    = "search/"
	staticPath    = "static/"
	notFoundFile  = "404.html" // GitHub Pages serves it at any address that has no file
	whoFixesPath  = "who-fixes/"
	changesPath   = "changes/"
	// openSearchFile and changesFeed hold absolute addresses, so they are written only when
	// the base URL is known.
	openSearchFile = "opensearch.xml"
	changesFeed    = changesPath + "atom.xml"
	codesJSONFile  = "codes.json"
)

// sectionPaths name the generated pages templates link to by name: {{.Section "codes"}}.
var sectionPaths = map[string]string{
	"home": "", "codes": codesPath, "providers": providersPath, "http": statusesPath,
	"tiers": tiersPath, "quality": qualityPath, "search": searchPath, "who-fixes": whoFixesPath,
	"changes": changesPath, "codes.json": codesJSONFile,
}

// generatedPaths are the addresses the generator writes itself whose first part a content
// page could take. The other files at the root (codes.json, opensearch.xml) need no place
// here: a page's name cannot hold a dot.
var generatedPaths = []string{
	codesPath, providersPath, statusesPath, topicsPath, tiersPath, qualityPath, searchPath,
	staticPath, notFoundFile, whoFixesPath, changesPath,
}

// reservedSlug reports whether a content page's name is the first part of an address the
// generator writes itself ("404" of 404.html too).
func reservedSlug(slug string) bool {
	for _, p := range generatedPaths {
		if first, _, _ := strings.Cut(p, "/"); strings.TrimSuffix(first, ".html") == slug {
			return true
		}
	}
	return false
}

func codePath(key string) string      { return codesPath + key + "/" }
func providerPath(slug string) string { return providersPath + slug + "/" }
func statusPath(status int) string    { return statusesPath + strconv.Itoa(status) + "/" }
func topicPath(name string) string    { return topicsPath + name + "/" }
func contentPath(slug string) string  { return slug + "/" }
func entryPath(e *Entry) string       { return providerPath(e.Provider.Slug) + "#" + e.Anchor() }
func fileOf(pagePath string) string   { return pagePath + "index.html" }
func staticFile(name string) string   { return staticPath + name }
