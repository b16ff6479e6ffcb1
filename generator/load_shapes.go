package generator

import (
	"time"

	"github.com/waerrors/kb/internal/tomlpos"
)

// The decoded shapes of the files. Field tags are the public format: see data/README.md.

// format decodes the data files and the pages' front matter. ArrayTables are the [[tables]]
// of the shapes below.
var format = tomlpos.Decoder{ArrayTables: []string{"errors", "source", "faq", "contact", "tier", "rating", "disagreement", "confused"}}

type codeFile struct {
	Title string `toml:"title"`
	API   string `toml:"api"`
	Facts
	Topics       []string `toml:"topics"`
	Equivalent   []string `toml:"equivalent"`
	SeeAlso      []string `toml:"see_also"`
	Summary      string   `toml:"summary"`
	Causes       []string `toml:"causes"`
	Actions      []string `toml:"actions"`
	Payload      string   `toml:"payload"`
	Disagreement []struct {
		About     string   `toml:"about"`
		Providers []string `toml:"providers"`
		Current   string   `toml:"current"`
	} `toml:"disagreement"`
	Messages []string `toml:"messages"`
	// When and against which of Meta's pages a person last checked the file.
	CheckedOn      time.Time `toml:"checked_on"`
	CheckedAgainst string    `toml:"checked_against"`
	Reply          string    `toml:"reply"`
	Aliases        aliases   `toml:"aliases"`
	Confused       []struct {
		Code string `toml:"code"`
		How  string `toml:"how"`
	} `toml:"confused"`
}

// aliases are the words people use for a page, found by search: plain questions in English
// ("customer never got my reply") and what Portuguese and Spanish speakers type.
type aliases struct {
	EN []string `toml:"en"`
	PT []string `toml:"pt"`
	ES []string `toml:"es"`
}

type providerFile struct {
	Name           string        `toml:"name"`
	Kind           string        `toml:"kind"`
	Summary        string        `toml:"summary"`
	Support        string        `toml:"support"`
	SupportURL     string        `toml:"support_url"`
	StatusURL      string        `toml:"status_url"`
	Escalation     []string      `toml:"escalation"`
	CannotOverride []string      `toml:"cannot_override"`
	Contact        []contactFile `toml:"contact"`
	Source         []sourceFile  `toml:"source"`
	Errors         []entryFile   `toml:"errors"`
	FAQ            []faqFile     `toml:"faq"`
}

type contactFile struct {
	Who string   `toml:"who"`
	For []string `toml:"for"`
}

type sourceFile struct {
	Title   string    `toml:"title"`
	URL     string    `toml:"url"`
	Seen    time.Time `toml:"seen"`
	Updated time.Time `toml:"updated"`
}

type entryFile struct {
	Code    string `toml:"code"`
	ID      string `toml:"id"`
	Title   string `toml:"title"`
	Section string `toml:"section"`
	Source  string `toml:"source"`
	Meaning string `toml:"meaning"`
	Action  string `toml:"action"`
	Facts
	Equivalent []string `toml:"equivalent"`
	Scope      string   `toml:"scope"`
	Messages   []string `toml:"messages"`
}

type faqFile struct {
	Q string `toml:"q"`
	A string `toml:"a"`
}

type tiersFile struct {
	Period  string  `toml:"period"`
	Summary string  `toml:"summary"`
	Growth  string  `toml:"growth"`
	Aliases aliases `toml:"aliases"`
	Tier    []struct {
		Name         string   `toml:"name"`
		Limit        int      `toml:"limit"`
		Unlimited    bool     `toml:"unlimited"`
		Typical      string   `toml:"typical"`
		Legacy       bool     `toml:"legacy"`
		Note         string   `toml:"note"`
		DocumentedBy []string `toml:"documented_by"`
	} `toml:"tier"`
}

type qualityFile struct {
	Summary string  `toml:"summary"`
	Aliases aliases `toml:"aliases"`
	Rating  []struct {
		Name    string `toml:"name"`
		Meaning string `toml:"meaning"`
		Action  string `toml:"action"`
	} `toml:"rating"`
}

type frontMatter struct {
	Title       string  `toml:"title"`
	Description string  `toml:"description"`
	Aliases     aliases `toml:"aliases"`
	Reference   bool    `toml:"reference"`
}
