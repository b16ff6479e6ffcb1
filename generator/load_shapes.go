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
// aliases are the words people use for a thing, by language: the site's text is English,
// and agents and customers write in theirs.
type aliases struct {
	EN []string `toml:"en"`
	PT []string `toml:"pt"`
	ES []string `toml:"es"`
	ID []string `toml:"id"`
	HI []string `toml:"hi"`
	RU []string `toml:"ru"`
	TR []string `toml:"tr"`
	AR []string `toml:"ar"`
	ZH []string `toml:"zh"`
	DE []string `toml:"de"`
	FR []string `toml:"fr"`
	IT []string `toml:"it"`
}

// byLanguage lists a's languages in the order search reads them.
func (a aliases) byLanguage() []struct {
	lang  string
	words []string
} {
	return []struct {
		lang  string
		words []string
	}{{"en", a.EN}, {"pt", a.PT}, {"es", a.ES}, {"id", a.ID}, {"hi", a.HI}, {"ru", a.RU}, {"tr", a.TR},
		{"ar", a.AR}, {"zh", a.ZH}, {"de", a.DE}, {"fr", a.FR}, {"it", a.IT}}
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
	Exceptions  bool    `toml:"exceptions"`
}
