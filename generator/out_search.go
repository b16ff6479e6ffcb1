package generator

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/waerrors/kb/internal/searchindex"
)

// The search index: one document for each thing a search can find, collected here kind by
// kind from the model; internal/searchindex inverts, shards and encodes them into the files
// static/search.js reads, and holds the tokenizer.

// buildSearchIndex makes the index files from the model, by file name. Links are relative
// to the site's root.
func buildSearchIndex(s *Site) (Files, error) {
	ix := searchindex.Index{
		Paths:      searchindex.Paths{Code: codesPath, Provider: providersPath, Status: statusesPath},
		Classes:    classes.labels(),
		Fixers:     fixers.labels(),
		Equivalent: map[string][]string{},
	}
	position := map[*Provider]int{}
	for i, p := range s.Providers {
		position[p] = i
		ix.Names = append(ix.Names, namingWords(p.Name))
	}
	for _, c := range s.Codes {
		ix.Docs = append(ix.Docs, codeDoc(c, position))
		for _, e := range c.Equivalents {
			ix.Equivalent[c.Key] = append(ix.Equivalent[c.Key], e.Key)
		}
	}
	for _, p := range s.Providers {
		ix.Docs = append(ix.Docs, providerDoc(p))
		ix.Docs = append(ix.Docs, entryDocs(p, position[p])...)
	}
	for _, pg := range s.Pages {
		ix.Docs = append(ix.Docs, contentDoc(s, pg))
		ix.Docs = append(ix.Docs, sectionDocs(s, pg)...)
	}
	for _, st := range s.Statuses {
		ix.Docs = append(ix.Docs, statusDoc(st))
	}
	for _, t := range s.Topics {
		ix.Docs = append(ix.Docs, topicDoc(t))
	}
	if s.Tiers != nil {
		ix.Docs = append(ix.Docs, tiersDoc(s.Tiers))
	}
	if s.Quality != nil {
		ix.Docs = append(ix.Docs, qualityDoc(s.Quality))
	}
	ix.Docs = append(ix.Docs, changesDoc())
	index, err := ix.Files()
	if err != nil {
		return nil, err
	}
	files := Files{}
	for name, b := range index {
		files[searchPath+name] = b
	}
	return files, nil
}

// codeDoc is a code's page: Meta's definition, what each provider says of it, and the
// literal messages, which are what agents paste.
func codeDoc(c *Code, position map[*Provider]int) searchindex.Doc {
	d := searchindex.Doc{
		Code: c.Key, Title: c.Title, Class: c.Class, FixBy: c.FixBy, API: c.API,
		Line: resultLine(c.Facts, leadOf(c).Meaning),
		// The literal strings the API returns are what agents paste: they name the code as
		// its title does, so a pasted message, cut or not, finds its code first.
		Messages: slices.Clone(c.Messages),
	}
	d.TitleText = append(d.TitleText, c.Title)
	if len(c.Key) <= 4 {
		// A short number in running text ("error 4", "tier 1") is a code only when
		// the words say so; as a word it still finds its code.
		d.Qualifiers = append(d.Qualifiers, c.Key)
	}
	d.Aliases = slices.Clone(c.Aliases)
	d.Text = append(d.Text, c.Summary, apiLabel(c.API), classLabel(c.Class))
	d.Text = append(d.Text, c.Causes...)
	d.Text = append(d.Text, c.Actions...)
	d.Text = append(d.Text, payloadWords(c.Payload)...)
	for _, dis := range c.Disagreements {
		d.Text = append(d.Text, dis.About, dis.Current)
	}
	for _, e := range c.Entries {
		if p := position[e.Provider]; !slices.Contains(d.ListedBy, p) {
			d.ListedBy = append(d.ListedBy, p)
		}
		d.TitleText = append(d.TitleText, e.Title)
		// A provider's own code is what its entry says; Meta's code is restated by the
		// provider in its own sentence.
		if c.API == "" {
			d.Messages = append(d.Messages, e.Messages...)
		} else {
			d.Restated = append(d.Restated, e.Messages...)
		}
		d.Text = append(d.Text, e.Meaning, e.Action)
		// A provider's own code is named with the provider, as its entries are ("Twilio
		// 63032"); a Meta code merely listed by a provider is not.
		if c.API == "" {
			d.Qualifiers = append(d.Qualifiers, namingWords(e.Provider.Name))
			d.Aliases = append(d.Aliases, e.Provider.Name)
		} else {
			d.Text = append(d.Text, e.Provider.Name)
		}
	}
	for _, e := range c.Elsewhere {
		d.Text = append(d.Text, e.Meaning, e.Action)
	}
	return d
}

// providerDoc is a provider's page: its profile, contacts and questions.
func providerDoc(p *Provider) searchindex.Doc {
	d := searchindex.Doc{URL: providerPath(p.Slug), Title: p.Name, TitleText: []string{p.Name}}
	d.Text = append(d.Text, p.Summary, p.Support)
	d.Text = append(d.Text, p.Escalation...)
	d.Text = append(d.Text, p.CannotOverride...)
	for _, q := range p.FAQ {
		d.Text = append(d.Text, q.Q, q.A)
	}
	for _, c := range p.Contacts {
		d.Text = append(d.Text, c.Who)
		d.Text = append(d.Text, c.For...)
	}
	return d
}

// entryDocs are a provider's entries without a code page of their own; the others are found
// through their code's document.
func entryDocs(p *Provider, position int) []searchindex.Doc {
	var out []searchindex.Doc
	for _, e := range p.Entries {
		if e.HasCodePage() {
			continue
		}
		// A provider's own number is a word of the entry's title, not a code: "gupshup
		// 1002" finds it, and Meta's code of the same number keeps its own page.
		title := strings.TrimSpace(e.Code + " " + e.Title)
		d := searchindex.Doc{
			URL: entryPath(e), Title: title, Class: e.Class, FixBy: e.FixBy, ListedBy: []int{position}, Row: true,
			Line:      resultLine(e.Facts, e.Meaning),
			TitleText: []string{numberFirstOnly(title)}, Qualifiers: []string{namingWords(p.Name)}, Aliases: []string{p.Name},
			Text:     []string{title, e.Meaning, e.Action, e.Section},
			Messages: e.Messages,
		}
		if e.HTTPStatus != 0 {
			d.Text = append(d.Text, "HTTP "+strconv.Itoa(e.HTTPStatus))
		}
		out = append(out, d)
	}
	return out
}

// namingWords are the words of a provider's name that say the query is about that provider:
// "Kommo (WhatsApp Business integration)" is named by "kommo", not by "whatsapp", which
// nearly every query holds, nor by "business", "api" or "cloud", which other names share.
// A query that names a provider ranks its entries first; one that does not ranks Meta's codes
// before every provider's restatement of them.
func namingWords(name string) string {
	var kept []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		// Once each: "unoapi (unoapi-cloud)" is named by "unoapi", and results show the
		// names ("unoapi: 3 Number disconnected"), where "unoapi unoapi" would read as a typo.
		if !sharedNameWords[strings.ToLower(w)] && !slices.ContainsFunc(kept, func(k string) bool { return strings.EqualFold(k, w) }) {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

var sharedNameWords = map[string]bool{
	"whatsapp": true, "business": true, "platform": true, "api": true, "cloud": true, "http": true,
	"web": true, "js": true, "server": true, "connect": true, "channel": true, "node": true,
	"trigger": true, "and": true, "service": true, "messaging": true, "marketing": true,
	"engagement": true, "integration": true, "deployment": true, "formerly": true,
}

// numberFirstOnly keeps a title's leading number, which names the entry ("429 Too Many
// Requests", Gupshup's "1002 …"), and drops the numbers after it, which only mention
// something: Intercom's "Business profile cannot be saved: 500 error in the browser console"
// is not what "whatsapp 500" asks for. The whole title stays in the entry's text.
func numberFirstOnly(title string) string {
	words := strings.Fields(title)
	kept := words[:0:0]
	for i, w := range words {
		if i > 0 && strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// numberedStep is a heading, with or without its #s, that numbers a step: "## 2. The
// 24-hour window".
var numberedStep = regexp.MustCompile(`^(#+\s+)?\d+\.\s`)

// contentDoc is a page of content/. A guide's headings ("What you can send outside the
// window") say what it answers, as its title does; a heading that names a code ("Pair rate:
// 131056 …") is about that code, whose own page answers its words first, so it counts as
// text. A reference page (the glossary) defines the words of every other page, so only its
// title finds it.
func contentDoc(s *Site, pg *Page) searchindex.Doc {
	title := []string{pg.Title}
	if pg.Reference {
		return searchindex.Doc{URL: contentPath(pg.Slug), Title: pg.Title, TitleText: title, Aliases: pg.Aliases, Exceptions: pg.Exceptions}
	}
	for _, h := range markdownHeadings.FindAllString(pg.Body, -1) {
		// A numbered heading ("2. The 24-hour window") is a step of a checklist whose
		// subject another page explains: text, like the rest of the step.
		if numberedStep.MatchString(h) {
			continue
		}
		if !namesCode(s, h) {
			title = append(title, h)
		}
	}
	return searchindex.Doc{URL: contentPath(pg.Slug), Title: pg.Title, TitleText: title, Aliases: pg.Aliases, Text: []string{pg.Description, pg.Body}, Guide: true, Exceptions: pg.Exceptions}
}

// sectionDocs are a guide's sections, each found by its heading and its own text, so that
// "forgot the two-step PIN" opens the registration page at that section. The page's
// document still holds them all, for a query about the page's subject as a whole. A
// numbered step and a heading that names a code are left in the page, as contentDoc says,
// and so is a heading that is a provider's name (the escalation guide's "Aircall"), which
// the provider's own page answers.
func sectionDocs(s *Site, pg *Page) []searchindex.Doc {
	var docs []searchindex.Doc
	for _, sec := range guideSections(pg.Body) {
		heading := plainText(sec.Heading)
		if numberedStep.MatchString(sec.Heading) || namesCode(s, sec.Heading) || namesProvider(s, heading) {
			continue
		}
		docs = append(docs, searchindex.Doc{URL: contentPath(pg.Slug) + "#" + sec.ID, Title: heading, TitleText: []string{heading}, Text: []string{sec.Text}, Guide: true})
	}
	return docs
}

// namesCode says whether text mentions one of the site's codes.
func namesCode(s *Site, text string) bool {
	return len(FindCodeMentions([]byte(text), func(c string) bool { return s.Code(c) != nil })) > 0
}

// namesProvider says whether text is one of the providers' names.
func namesProvider(s *Site, text string) bool {
	return slices.ContainsFunc(s.Providers, func(p *Provider) bool { return strings.EqualFold(p.Name, text) || strings.EqualFold(p.Slug, text) })
}

// statusDoc is an HTTP status's page, which lists Meta's codes and the provider entries that
// return that status: "400", "HTTP 403" and "429 Too Many Requests" find it.
func statusDoc(st *Status) searchindex.Doc {
	title := "HTTP " + strconv.Itoa(st.Code) + " " + http.StatusText(st.Code)
	return searchindex.Doc{URL: statusPath(st.Code), Title: strings.TrimSpace(title), TitleText: []string{title}}
}

// topicDoc is a topic's list of codes, found by its name ("rate limits", "registration").
func topicDoc(t *Topic) searchindex.Doc {
	name := strings.ReplaceAll(t.Name, "-", " ")
	return searchindex.Doc{URL: topicPath(t.Name), Title: "Codes about " + name, TitleText: []string{name}}
}

// tiersDoc is /tiers/, found by its title and headings (templates/tiers.html) and the tiers.
func tiersDoc(t *Tiers) searchindex.Doc {
	d := searchindex.Doc{
		URL: tiersPath, Title: "Messaging limits (tiers)", Guide: true,
		TitleText: []string{"Messaging limits tiers", "Current tiers", "How the limit grows", "Codes about limits"},
		Aliases:   t.Aliases,
		Text:      []string{t.Summary, t.Growth},
	}
	for _, tier := range t.Tiers {
		d.Text = append(d.Text, tier.Name, tier.Typical, tier.Note)
	}
	return d
}

// qualityDoc is /quality/, found by its title and the ratings.
func qualityDoc(q *Quality) searchindex.Doc {
	d := searchindex.Doc{URL: qualityPath, Title: "Quality rating", Guide: true, TitleText: []string{"Quality rating"}, Aliases: q.Aliases, Text: []string{q.Summary}}
	for _, r := range q.Ratings {
		d.Text = append(d.Text, r.Name, r.Meaning, r.Action)
	}
	return d
}

// changesDoc is /changes/, found by what agents type to see what is new, in the three
// languages.
func changesDoc() searchindex.Doc {
	return searchindex.Doc{URL: changesPath, Title: "What changed", Guide: true, TitleText: []string{
		"What changed", "what's new", "recent changes", "changelog", "updates to the knowledge base",
		"novedades", "qué cambió", "cambios recientes", "o que mudou", "novidades", "mudanças recentes",
	}}
}

// resultLine is a result's verdict and meaning, each "" when unknown.
func resultLine(f Facts, meaning string) [2]string {
	var retry string
	if f.Retry != "" {
		retry = retryLabel(f.Retry, f.RetryAfter)
	}
	return [2]string{retry, cutWords(oneLine(meaning), 120)}
}

// cutWords shortens s to at most n bytes at a word boundary, marking the cut.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		for cut = n; !utf8.RuneStart(s[cut]); cut-- {
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

var markdownHeadings = regexp.MustCompile(`(?m)^#{2,6} .*$`)

var jsonDetails = regexp.MustCompile(`"(?:details|title|message)"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// payloadWords pulls the human words out of an example payload (error_data.details,
// title, message), which are what an agent pastes and what Meta says matters.
func payloadWords(payload string) []string {
	var out []string
	for _, m := range jsonDetails.FindAllStringSubmatch(payload, -1) {
		out = append(out, m[1])
	}
	return out
}
