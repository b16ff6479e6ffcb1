// Command synth writes a synthetic data folder in the format of data/README.md, for timing
// builds at sizes the real data will not reach for years.
//
//	go run ./cmd/synth -n 10000 -out /tmp/synth10k [-seed 1] [-content /tmp/synth10k-content]
//
// The output depends only on the flags: the same -n and -seed give byte-identical files, so
// two benchmark runs (or two machines) build exactly the same site.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of codes")
	out := flag.String("out", "", "data folder to write (must be new or empty)")
	content := flag.String("content", "", "content folder to write, with index.md and window.md (optional; must be new or empty)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed and -n give the same files")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*n, *seed, *out, *content); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

// run generates the data set and writes it.
func run(n int, seed uint64, out, content string) error {
	files := generate(n, seed)
	if err := writeFiles(out, files.data); err != nil {
		return err
	}
	if content != "" {
		return writeFiles(content, files.content)
	}
	return nil
}

// writeFiles writes name → text under dir. It refuses a folder that already holds files, so
// that a smaller run never leaves stale codes of a bigger one behind (the loader would read
// them all).
func writeFiles(dir string, files map[string]string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty; remove it first", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// output is a generated data set: slash paths relative to the data and content folders.
type output struct {
	data, content map[string]string
}

// The shapes written out; field names mirror the TOML keys.

type code struct {
	Key, Title, API     string
	HTTPStatus          int
	Class, Retry, After string
	FixBy, Topics       []string
	Equivalent, SeeAlso []string
	Summary             string
	Causes, Actions     []string
	Payload             string
	Disagreements       []disagreement
	providers           []string // slugs of the providers that list this code
}

type disagreement struct {
	About     string
	Providers []string
	Current   string
}

type provider struct {
	Slug, Name, Kind, Summary  string
	Support, SupportURL        string
	StatusURL                  string
	Escalation, CannotOverride []string
	Contacts                   []contact
	Sources                    []source
	Errors                     []entry
	FAQ                        []faq
}

type contact struct {
	Who string
	For []string
}

type source struct {
	Title, URL    string
	Seen, Updated string // TOML local dates; Updated may be empty
}

type entry struct {
	Code, ID, Title     string
	HTTPStatus          int
	Section, Source     string
	Meaning, Action     string
	Class, Retry, After string
	FixBy, Equivalent   []string
}

type faq struct{ Q, A string }

// gen holds the random source and the codes, so that text can mention existing codes.
type gen struct {
	r    *rand.Rand
	keys []string // every code, ascending
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// some returns between lo and hi distinct items of list, in list order (stable output).
func (g *gen) some(list []string, lo, hi int) []string {
	k := lo + g.r.IntN(hi-lo+1)
	idx := g.r.Perm(len(list))[:min(k, len(list))]
	slices.Sort(idx)
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// otherCode returns a random code other than self.
func (g *gen) otherCode(self string) string {
	for {
		if k := g.pick(g.keys); k != self || len(g.keys) == 1 {
			return k
		}
	}
}

func generate(n int, seed uint64) output {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x5eed))}
	g.keys = codeKeys(g.r, n)

	codes := make([]*code, len(g.keys))
	byKey := map[string]*code{}
	for i, k := range g.keys {
		codes[i] = g.code(k)
		byKey[k] = codes[i]
	}
	g.pairEquivalents(codes)

	providers := make([]*provider, max(1, n/50))
	for i := range providers {
		providers[i] = g.provider(i + 1)
		for _, e := range providers[i].Errors {
			if c := byKey[e.Code]; c != nil {
				c.providers = append(c.providers, providers[i].Slug)
			}
		}
	}
	// Disagreements come last: they name providers that list the code.
	for _, c := range codes {
		if len(c.providers) > 0 && g.chance(0.04) {
			c.Disagreements = append(c.Disagreements, g.disagreement(c))
		}
	}

	out := output{data: map[string]string{}, content: map[string]string{}}
	for _, c := range codes {
		out.data["codes/"+c.Key+".toml"] = execute(codeTemplate, c)
	}
	for _, p := range providers {
		out.data["providers/"+p.Slug+".toml"] = execute(providerTemplate, p)
	}
	out.data["tiers.toml"] = execute(tiersTemplate, providers[0].Slug)
	out.data["quality.toml"] = execute(qualityTemplate, g.keys)
	out.content["index.md"] = execute(indexTemplate, g.sampleCodes(5))
	out.content["window.md"] = execute(windowTemplate, g.sampleCodes(4))
	return out
}

// codeKeys returns n distinct codes of 5 to 7 digits, ascending. Ranges ("200-299") are left
// out: they are rare in the real data and do not change the amount of work.
func codeKeys(r *rand.Rand, n int) []string {
	seen := map[int]bool{}
	var nums []int
	for len(nums) < n {
		v := 10_000 + r.IntN(9_990_000)
		if !seen[v] {
			seen[v] = true
			nums = append(nums, v)
		}
	}
	slices.Sort(nums)
	keys := make([]string, n)
	for i, v := range nums {
		keys[i] = strconv.Itoa(v)
	}
	return keys
}

func (g *gen) sampleCodes(k int) []string { return g.some(g.keys, k, k) }

func (g *gen) code(key string) *code {
	c := &code{
		Key:   key,
		Title: g.pick(subjects) + " " + g.pick(problems),
		API:   g.pick(apis),
		Class: g.pick(classes),
		FixBy: g.some(fixers, 1, 2),
	}
	c.Topics = g.some(topics, 1, 3)
	if g.chance(0.85) {
		c.HTTPStatus = statuses[g.r.IntN(len(statuses))]
	}
	c.Retry, c.After = g.retry(c.Class)
	for range 1 + g.r.IntN(3) {
		if o := g.otherCode(key); o != key && !slices.Contains(c.SeeAlso, o) {
			c.SeeAlso = append(c.SeeAlso, o)
		}
	}
	c.Summary = g.paragraph(60)
	for range 2 + g.r.IntN(3) {
		c.Causes = append(c.Causes, g.sentence())
	}
	for range 2 + g.r.IntN(3) {
		c.Actions = append(c.Actions, g.action())
	}
	if g.chance(0.33) {
		c.Payload = g.payload(key, c.Title)
	}
	return c
}

// retry gives a retry verdict that fits the class: temporary errors can be retried, the
// others mostly not. retry_after is only set when a retry is allowed.
func (g *gen) retry(class string) (retry, after string) {
	if class == "temporary" || g.chance(0.1) {
		retry = g.pick([]string{"yes", "backoff"})
		if g.chance(0.5) {
			after = g.pick(waits)
		}
		return retry, after
	}
	return "no", ""
}

// pairEquivalents links about a tenth of the codes in disjoint pairs, one naming the other,
// as 131047 (cloud) names 470 (onprem). Pairs keep the equivalence groups small, as they are
// in the real data; random links would chain into one giant group.
func (g *gen) pairEquivalents(codes []*code) {
	order := g.r.Perm(len(codes))
	for i := 0; i+1 < len(order) && i < len(codes)/10; i += 2 {
		a, b := codes[order[i]], codes[order[i+1]]
		a.Equivalent = []string{b.Key}
	}
}

func (g *gen) disagreement(c *code) disagreement {
	ps := g.some(c.providers, 1, 2)
	return disagreement{
		About:     g.pick(disagreementTopics),
		Providers: ps,
		Current:   g.paragraph(35),
	}
}

// payload is the error as the Graph API returns it, indented like the real data.
func (g *gen) payload(key, title string) string {
	num, _ := strconv.Atoi(key)
	type errorData struct {
		MessagingProduct string `json:"messaging_product"`
		Details          string `json:"details"`
	}
	type apiError struct {
		Message   string    `json:"message"`
		Type      string    `json:"type"`
		Code      int       `json:"code"`
		ErrorData errorData `json:"error_data"`
		FBTraceID string    `json:"fbtrace_id"`
	}
	v := struct {
		Error apiError `json:"error"`
	}{apiError{
		Message:   fmt.Sprintf("(#%s) %s", key, title),
		Type:      "OAuthException",
		Code:      num,
		ErrorData: errorData{"whatsapp", plain(g.sentence())},
		FBTraceID: g.token(11),
	}}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // a fixed struct of strings always marshals
	}
	return string(b)
}

func (g *gen) token(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

func (g *gen) provider(i int) *provider {
	slug := fmt.Sprintf("provider-%04d", i)
	p := &provider{
		Slug:    slug,
		Name:    g.pick(namePrefixes) + g.pick(nameSuffixes) + " " + g.pick(nameKinds),
		Kind:    g.pick([]string{"bsp", "bsp", "platform"}),
		Summary: g.paragraph(45),
		// Support pages use the reserved .example domain: nothing here is a real address.
		SupportURL:     "https://support." + slug + ".example/whatsapp",
		Escalation:     g.some(escalation, 3, 5),
		CannotOverride: g.some(cannotOverride, 2, 4),
	}
	if i == 1 {
		// One Meta profile, as in the real data, so "Meta first" ordering is exercised.
		p.Name, p.Kind = "Meta (synthetic)", "meta"
	}
	p.Support = p.Name + " Support"
	if g.chance(0.5) {
		p.StatusURL = "https://status." + slug + ".example/"
	}
	p.Contacts = append(p.Contacts, contact{p.Support, g.contactTopics()})
	if g.chance(0.6) {
		p.Contacts = append(p.Contacts, contact{"Meta Business Support", g.contactTopics()})
	}

	p.Sources = []source{g.source(sourceTitles[0], slug)}
	if g.chance(0.4) {
		p.Sources = append(p.Sources, g.source(sourceTitles[1+g.r.IntN(len(sourceTitles)-1)], slug))
	}

	// About 50 distinct codes, in the provider's own (random) order, plus ~5 uncoded rows
	// spread among them, under a few section headings.
	listed := g.some(g.keys, 45, 55)
	g.r.Shuffle(len(listed), func(a, b int) { listed[a], listed[b] = listed[b], listed[a] })
	sections := g.some(sectionNames, 2, 4)
	uncoded := 3 + g.r.IntN(5)
	ids := map[string]bool{}
	total := len(listed) + uncoded
	for j := 0; j < total; j++ {
		var e entry
		if len(listed) == 0 || (uncoded > 0 && g.r.IntN(total-j) < uncoded) {
			uncoded--
			e = g.uncodedEntry(ids)
		} else {
			e = g.codedEntry(listed[0])
			listed = listed[1:]
		}
		e.Section = sections[j*len(sections)/total]
		if len(p.Sources) > 1 {
			// Several sources: each entry must name its own; a section comes from one document.
			e.Source = p.Sources[slices.Index(sections, e.Section)%len(p.Sources)].Title
		}
		p.Errors = append(p.Errors, e)
	}
	for range 3 + g.r.IntN(3) {
		p.FAQ = append(p.FAQ, faq{Q: g.question(), A: g.paragraph(40)})
	}
	return p
}

func (g *gen) contactTopics() []string {
	var out []string
	for _, t := range g.some(contactFor, 2, 3) {
		if g.chance(0.3) {
			t += " (" + g.pick(g.keys) + ")"
		}
		out = append(out, t)
	}
	return out
}

func (g *gen) source(title, slug string) source {
	seen := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.r.IntN(330))
	s := source{Title: title, Seen: seen.Format(time.DateOnly)}
	if g.chance(0.7) {
		s.URL = "https://docs." + slug + ".example/" + strings.ReplaceAll(strings.ToLower(title), " ", "-")
	}
	if g.chance(0.5) {
		s.Updated = seen.AddDate(0, 0, -g.r.IntN(400)).Format(time.DateOnly)
	}
	return s
}

// codedEntry is a provider's row for an existing code. About half state their own class,
// retry and fixer, which sometimes differ from the code file: the generator reports those
// differences as conflicts, work the real build does too.
func (g *gen) codedEntry(key string) entry {
	e := entry{
		Code:    key,
		Title:   g.pick(subjects) + " " + g.pick(problems),
		Meaning: g.paragraph(25),
		Action:  g.paragraph(20),
	}
	if g.chance(0.8) {
		e.HTTPStatus = statuses[g.r.IntN(len(statuses))]
	}
	if g.chance(0.5) {
		e.Class = g.pick(classes)
		e.Retry, e.After = g.retry(e.Class)
		e.FixBy = g.some(fixers, 1, 2)
	}
	return e
}

// uncodedEntry is a row the provider reports without a code, such as Aircall's "Line not
// configured"; it needs an id, unique in the file.
func (g *gen) uncodedEntry(ids map[string]bool) entry {
	e := entry{
		Title:   g.pick(subjects) + " " + g.pick(problems),
		Meaning: g.paragraph(25),
		Action:  g.paragraph(20),
		Class:   g.pick(classes),
		FixBy:   g.some(fixers, 1, 2),
	}
	e.Retry, e.After = g.retry(e.Class)
	e.ID = slugify(e.Title)
	for k := 2; ids[e.ID]; k++ {
		e.ID = slugify(e.Title) + "-" + strconv.Itoa(k)
	}
	ids[e.ID] = true
	if g.chance(0.8) {
		e.HTTPStatus = statuses[g.r.IntN(len(statuses))]
	}
	if g.chance(0.3) {
		e.Equivalent = []string{g.pick(g.keys)}
	}
	return e
}

func slugify(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Text. Sentences are filled-in patterns over a small WhatsApp vocabulary: not prose, but
// Markdown of realistic length and shape (emphasis, code spans, code mentions).

// paragraph returns sentences until about words words, wrapped at 96 columns as the real
// data files are.
func (g *gen) paragraph(words int) string {
	var text []string
	for len(text) < words {
		text = append(text, strings.Fields(g.sentence())...)
	}
	var b strings.Builder
	col := 0
	for i, w := range text {
		switch {
		case i == 0:
		case col+1+len(w) > 96:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func (g *gen) sentence() string {
	s := g.fill(g.pick(sentencePatterns))
	if g.chance(0.12) {
		// A mention of another code, which the generator turns into a link.
		s += " " + g.pick([]string{"See", "Compare", "Related:"}) + " " + g.pick(g.keys) + "."
	}
	return s
}

func (g *gen) action() string { return g.fill(g.pick(actionPatterns)) }

func (g *gen) question() string { return g.fill(g.pick(questionPatterns)) }

// fill replaces each {noun}, {adj}, {verb}, {conn} and {field} in pattern with a random word.
func (g *gen) fill(pattern string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			b.WriteString(pattern)
			break
		}
		j := strings.IndexByte(pattern[i:], '}') + i
		b.WriteString(pattern[:i])
		switch pattern[i+1 : j] {
		case "noun":
			w := g.pick(nouns)
			if g.chance(0.05) {
				w = "**" + w + "**"
			}
			b.WriteString(w)
		case "adj":
			b.WriteString(g.pick(adjectives))
		case "verb":
			b.WriteString(g.pick(verbs))
		case "conn":
			b.WriteString(g.pick(connectives))
		case "field":
			b.WriteString("`" + g.pick(fields) + "`")
		}
		pattern = pattern[j+1:]
	}
	s := anBeforeVowel.ReplaceAllString(b.String(), "${1}n $2")
	return strings.ToUpper(s[:1]) + s[1:]
}

var anBeforeVowel = regexp.MustCompile(`\b([Aa]) ((?:\*\*)?[aeiou])`)

// plain drops Markdown emphasis and code marks, for text that is not Markdown (payloads).
func plain(s string) string { return strings.NewReplacer("**", "", "`", "").Replace(s) }

// Vocabularies. The first five are the data format's word lists (data/README.md).
var (
	apis        = []string{"graph", "cloud", "onprem"}
	classes     = []string{"fatal", "temporary", "context", "request", "registration"}
	fixers      = []string{"you", "provider", "meta", "recipient"}
	topics      = []string{"window", "tiers", "quality", "templates", "media", "auth", "billing", "policy", "rate-limits", "registration", "server", "flows"}
	statuses    = []int{400, 400, 400, 400, 401, 403, 404, 429, 500, 503}
	waits       = []string{"1m", "5m", "10m", "1h", "24h"}
	subjects    = []string{"Template", "Recipient", "Phone number", "Business account", "Access token", "Media upload", "Message", "Flow", "Webhook", "Display name", "Payment method", "Catalog", "Interactive message", "Registration PIN", "Conversation"}
	problems    = []string{"not found", "rate limit hit", "window expired", "parameter mismatch", "temporarily unavailable", "not approved", "expired", "has an invalid format", "limit reached", "blocked", "not supported", "paused", "not verified", "too large", "rejected"}
	nouns       = []string{"template", "window", "recipient", "throughput", "registration", "phone number", "business account", "access token", "webhook", "media file", "message", "conversation", "quality rating", "messaging limit", "portfolio", "provider", "payload", "parameter", "catalog", "flow", "display name", "certificate", "PIN", "opt-in", "send queue", "delivery receipt", "tier", "callback", "session", "signature"}
	adjectives  = []string{"approved", "expired", "pending", "unverified", "temporary", "rejected", "paused", "throttled", "invalid", "missing", "duplicate", "outdated", "restricted", "active", "stale"}
	verbs       = []string{"rejects", "delays", "blocks", "retries", "expects", "returns", "limits", "drops", "validates", "queues", "reports", "pauses", "checks", "flags", "accepts"}
	connectives = []string{"after", "before", "while", "until", "because", "when"}
	fields      = []string{"messaging_product", "recipient_id", "wa_id", "error_data.details", "fbtrace_id", "template.name", "language.code", "media_id", "phone_number_id", "statuses[].errors"}

	sentencePatterns = []string{
		"The {adj} {noun} {verb} the {noun} {conn} the {noun} is {adj}.",
		"When a {noun} is {adj}, WhatsApp {verb} every {noun} from this number.",
		"This usually happens {conn} the {noun} {verb} a {adj} {noun}.",
		"Meta {verb} the {noun} until the {noun} is no longer {adj}.",
		"A retry does not help {conn} the {noun} stays {adj}.",
		"The API {verb} the request and puts the reason in {field}.",
		"Your {noun} {verb} the {noun}, so the {noun} looks {adj} to the {noun}.",
		"Most {adj} {noun} errors clear {conn} the {noun} is {adj} again.",
		"The {noun} and the {noun} must agree, or the platform {verb} the {noun}.",
	}
	actionPatterns = []string{
		"Check the {noun} in WhatsApp Manager before you send another {noun}.",
		"Ask your provider to confirm that the {noun} is not {adj}.",
		"Wait until the {noun} is {adj}, then send the {noun} again.",
		"Compare {field} with the {noun} you expected, and correct the {noun}.",
		"Resubmit the {noun} with a {adj} {noun}.",
		"Update the {noun} and keep the {noun} {adj} {conn} the next send.",
		"Log {field} and the {noun} so support can trace the {noun}.",
	}
	questionPatterns = []string{
		"Why is my {noun} {adj}?",
		"Can I send a {noun} {conn} the {noun} is {adj}?",
		"Who fixes a {adj} {noun}?",
		"What does {field} mean for a {noun}?",
		"How long does a {adj} {noun} last?",
	}

	namePrefixes   = []string{"Bright", "Blue", "North", "Swift", "Clear", "Open", "Green", "Silver", "Rapid", "True", "Wide", "Sun"}
	nameSuffixes   = []string{"wave", "line", "chat", "reach", "bridge", "signal", "post", "link", "talk", "beam"}
	nameKinds      = []string{"Messaging", "Cloud", "Connect", "CX", "Platform", "API"}
	escalation     = []string{"phone number ID", "WABA ID", "message ID (wamid)", "fbtrace_id", "full error payload", "timestamp with time zone", "account ID", "template name"}
	cannotOverride = []string{"quality ratings", "messaging limits", "template approval", "the 24-hour window", "spam restrictions", "display name review"}
	contactFor     = []string{"template rejections", "numbers stuck in registration", "webhook delivery problems", "billing and payment methods", "spam restrictions", "a falling quality rating", "unknown errors that keep coming back", "access token problems"}
	sourceTitles   = []string{"WhatsApp error reference", "Template and messaging limits guide", "Number registration guide", "Webhook troubleshooting"}
	sectionNames   = []string{"Messaging errors", "Template errors", "Account and number", "Media", "Rate limits", "Authentication"}

	disagreementTopics = []string{"who fixes it", "whether a retry works", "how the error is reported", "the cause", "whom to contact"}
)

// Templates for the files. q quotes a TOML string, ml writes a multi-line one, list an
// array of strings.

var funcs = template.FuncMap{
	"q":  tomlString,
	"ml": func(s string) string { return "\"\"\"\n" + escape(s, false) + "\n\"\"\"" },
	"list": func(l []string) string {
		q := make([]string, len(l))
		for i, s := range l {
			q[i] = tomlString(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	},
}

func tomlString(s string) string { return `"` + escape(s, true) + `"` }

// escape escapes s for a TOML basic string; newlines are kept in multi-line strings.
func escape(s string, oneLine bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' && !oneLine:
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func execute(t *template.Template, data any) string {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		panic(err) // the templates are fixed; an error is a bug here
	}
	return b.String()
}

func parse(text string) *template.Template {
	return template.Must(template.New("").Funcs(funcs).Parse(text))
}

var codeTemplate = parse(`title = {{q .Title}}
api = {{q .API}}
{{with .HTTPStatus}}http_status = {{.}}
{{end}}class = {{q .Class}}
retry = {{q .Retry}}
{{with .After}}retry_after = {{q .}}
{{end}}fix_by = {{list .FixBy}}
topics = {{list .Topics}}
{{with .Equivalent}}equivalent = {{list .}}
{{end}}{{with .SeeAlso}}see_also = {{list .}}
{{end}}summary = {{ml .Summary}}
causes = [
{{range .Causes}}    {{q .}},
{{end}}]
actions = [
{{range .Actions}}    {{q .}},
{{end}}]
{{with .Payload}}payload = '''
{{.}}
'''
{{end}}{{range .Disagreements}}
[[disagreement]]
about = {{q .About}}
providers = {{list .Providers}}
current = {{ml .Current}}
{{end}}`)

var providerTemplate = parse(`name = {{q .Name}}
kind = {{q .Kind}}
summary = {{ml .Summary}}
support = {{q .Support}}
support_url = {{q .SupportURL}}
{{with .StatusURL}}status_url = {{q .}}
{{end}}escalation = {{list .Escalation}}
cannot_override = {{list .CannotOverride}}
{{range .Contacts}}
[[contact]]
who = {{q .Who}}
for = {{list .For}}
{{end}}{{range .Sources}}
[[source]]
title = {{q .Title}}
{{with .URL}}url = {{q .}}
{{end}}seen = {{.Seen}}
{{with .Updated}}updated = {{.}}
{{end}}{{end}}{{range .Errors}}
[[errors]]
code = {{q .Code}}
{{with .ID}}id = {{q .}}
{{end}}title = {{q .Title}}
{{with .HTTPStatus}}http_status = {{.}}
{{end}}section = {{q .Section}}
{{with .Source}}source = {{q .}}
{{end}}meaning = {{ml .Meaning}}
action = {{ml .Action}}
{{with .Class}}class = {{q .}}
{{end}}{{with .Retry}}retry = {{q .}}
{{end}}{{with .After}}retry_after = {{q .}}
{{end}}{{with .FixBy}}fix_by = {{list .}}
{{end}}{{with .Equivalent}}equivalent = {{list .}}
{{end}}{{end}}{{range .FAQ}}
[[faq]]
q = {{q .Q}}
a = {{ml .A}}
{{end}}`)

// tiersTemplate has the shape of data/tiers.toml; its data is a provider slug for
// documented_by.
var tiersTemplate = parse(`period = "24h"
summary = """
A **messaging limit** caps how many different users a business may reach outside a customer
service window within any 24 hours. Synthetic data: the numbers below follow Meta's levels.
"""
growth = """
A portfolio moves up one level when quality is high and it used half of its limit in the last
7 days. Nobody can request a raise by hand.
"""

[[tier]]
name = "TIER_50"
limit = 50
typical = "Older numbers that still report it"
legacy = true
note = """
A value Meta no longer assigns.
"""

[[tier]]
name = "TIER_250"
limit = 250
typical = "New business portfolios"

[[tier]]
name = "TIER_1K"
limit = 1000
typical = "Former first step up"
legacy = true
documented_by = [{{q .}}]

[[tier]]
name = "TIER_2K"
limit = 2000
typical = "Verified businesses"

[[tier]]
name = "TIER_10K"
limit = 10000
typical = "Established senders with high quality"

[[tier]]
name = "TIER_100K"
limit = 100000
typical = "High-volume senders"

[[tier]]
name = "TIER_UNLIMITED"
unlimited = true
typical = "The largest senders"
`)

// qualityTemplate has the shape of data/quality.toml; its data is the list of codes, to
// mention one.
var qualityTemplate = parse(`summary = """
Meta rates every business phone number by how recipients react to its messages. Only Meta sets
the rating; providers can show it but not change it. Heavy spam signals can restrict the number
(see {{index . 0}}).
"""

[[rating]]
name = "GREEN"
meaning = """
High quality. Few recipients block or report the number.
"""
action = """
Keep messaging people who opted in, with relevant templates.
"""

[[rating]]
name = "YELLOW"
meaning = """
Medium quality: more recipients are blocking the number or reporting its messages.
"""
action = """
Review which templates draw blocks and reports, and send less for a while.
"""

[[rating]]
name = "RED"
meaning = """
Low quality. Meta may restrict the number.
"""
action = """
Pause business-initiated sends and fix the templates and lists that cause complaints.
"""
`)

var indexTemplate = parse(`+++
title = "WhatsApp Business API error codes (synthetic)"
description = "A generated data set for timing builds."
+++
Every page answers three questions: what is it, can I retry, who fixes it.

## Common codes

{{range .}}- {{.}}
{{end}}`)

var windowTemplate = parse(`+++
title = "The 24-hour customer service window"
description = "When free-form messages are allowed, and which codes mean the window closed."
+++
WhatsApp lets a business send free-form messages only within 24 hours of the customer's last
message. Outside the window only approved templates go through.

## Codes that mean the window is closed

{{range .}}- {{.}}
{{end}}`)
