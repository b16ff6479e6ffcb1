package generator

import "strconv"

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

// reservedSlugs are the first parts of the addresses the generator writes itself; a content
// page cannot take them.
var reservedSlugs = []string{"codes", "providers", "http", "topics", "tiers", "quality", "search", "static", "404", "who-fixes", "changes"}

func codePath(key string) string      { return codesPath + key + "/" }
func providerPath(slug string) string { return providersPath + slug + "/" }
func statusPath(status int) string    { return statusesPath + strconv.Itoa(status) + "/" }
func topicPath(name string) string    { return topicsPath + name + "/" }
func contentPath(slug string) string  { return slug + "/" }
func entryPath(e *Entry) string       { return providerPath(e.Provider.Slug) + "#" + e.Anchor() }
func fileOf(pagePath string) string   { return pagePath + "index.html" }
func staticFile(name string) string   { return staticPath + name }
