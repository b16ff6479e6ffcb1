package generator

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/waerrors/kb/internal/tomlpos"
)

// A provider file (data/providers/<slug>.toml) becomes a Provider, one section at a time:
// profile, contacts, sources, error entries, questions.

func (l *loader) loadProvider(name, slug string, info fs.FileInfo) {
	display := l.dataPath(name)
	if !slugPattern.MatchString(slug) {
		l.errs.Add(Pos{File: display}, "bad provider file name %q: want lower-case letters, digits and hyphens, then .toml", path.Base(name))
		return
	}
	if p := loadCached(l, display, info, func() *Provider { return l.readProvider(name, slug, display) }, (*Provider).clone); p != nil {
		l.site.Providers = append(l.site.Providers, p)
	}
}

// readProvider reads a provider file section by section: the profile at the top, then
// [[contact]], [[source]], [[errors]] (its table) and [[faq]].
func (l *loader) readProvider(name, slug, display string) *Provider {
	var f providerFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	p := l.providerProfile(ix, slug, display, &f)
	p.Contacts = l.providerContacts(ix, f.Contact)
	var byTitle map[string]*Source
	p.Sources, byTitle = l.providerSources(ix, f.Source)
	p.Entries = l.providerEntries(ix, p, f.Errors, byTitle)
	p.FAQ = l.providerFAQ(ix, f.FAQ)
	return p
}

// providerProfile is who the provider is and how to reach it.
func (l *loader) providerProfile(ix *tomlpos.Index, slug, display string, f *providerFile) *Provider {
	l.required(ix, "", map[string]string{"name": f.Name, "kind": f.Kind, "summary": f.Summary})
	l.oneOf(ix, "kind", f.Kind, kinds.values())
	l.webURL(ix, "support_url", f.SupportURL)
	l.webURL(ix, "status_url", f.StatusURL)
	return &Provider{
		Slug: slug, File: display, Name: f.Name, Kind: f.Kind, Summary: f.Summary,
		Support: f.Support, SupportURL: f.SupportURL, StatusURL: f.StatusURL,
		Escalation: f.Escalation, CannotOverride: f.CannotOverride,
	}
}

func (l *loader) providerContacts(ix *tomlpos.Index, contacts []contactFile) []Contact {
	var out []Contact
	for i, c := range contacts {
		l.required(ix, fmt.Sprintf("contact.%d", i), map[string]string{"who": c.Who})
		out = append(out, Contact{Who: c.Who, For: c.For})
	}
	return out
}

// providerSources are the documents the file was written from, in order and by title: an
// entry names the one it comes from.
func (l *loader) providerSources(ix *tomlpos.Index, sources []sourceFile) ([]*Source, map[string]*Source) {
	if len(sources) == 0 {
		l.errs.Add(Pos{File: ix.File(), Line: 1, Col: 1}, "source: at least one [[source]] is required")
	}
	var out []*Source
	byTitle := map[string]*Source{}
	for i, s := range sources {
		at := fmt.Sprintf("source.%d", i)
		l.required(ix, at, map[string]string{"title": s.Title})
		if s.Seen.IsZero() {
			l.errs.Add(ix.Key(at), "seen: missing required field (the date the source was last read)")
		}
		l.webURL(ix, at+".url", s.URL)
		if byTitle[s.Title] != nil && s.Title != "" {
			l.errs.Add(ix.Value(at+".title"), "title: duplicate source %q", s.Title)
		}
		src := &Source{Title: s.Title, URL: s.URL, Seen: s.Seen, Updated: s.Updated}
		byTitle[s.Title] = src
		out = append(out, src)
	}
	return out, byTitle
}

// providerEntries are the provider's table, one entry a row. A code may appear in several
// rows only when each has an id.
func (l *loader) providerEntries(ix *tomlpos.Index, p *Provider, rows []entryFile, sources map[string]*Source) []*Entry {
	codeCount := map[string]int{}
	for _, e := range rows {
		codeCount[e.Code]++
	}
	ids := map[string]bool{}
	var out []*Entry
	for i, e := range rows {
		at := fmt.Sprintf("errors.%d", i)
		entry := &Entry{
			Provider: p, Pos: ix.Key(at), Code: e.Code, ID: e.ID, Title: e.Title,
			Section: e.Section, Meaning: e.Meaning, Action: e.Action, Facts: e.Facts,
			Scoped: e.Scope == "provider",
		}
		l.required(ix, at, map[string]string{"title": e.Title})
		l.oneOf(ix, at+".scope", e.Scope, scopes)
		if e.Scope != "" && e.Code == "" {
			l.errs.Add(ix.Value(at+".scope"), "scope: set, but the entry has no code to scope")
		}
		l.entryCode(ix, at, e, codeCount[e.Code])
		l.entryID(ix, at, e.ID, ids)
		entry.Source = l.entrySource(ix, at, e.Source, p.Sources, sources)
		l.checkFacts(ix, at, e.Facts)
		self := e.Code
		if entry.Scoped {
			self = "" // the provider's own 500 may well stand for Meta's 500
		}
		entry.equivalent = l.refs(ix, at+".equivalent", self, e.Equivalent)
		entry.Messages = e.Messages
		l.messagesAt(ix, at+".messages", e.Messages)
		out = append(out, entry)
	}
	return out
}

// entryCode checks an entry's code; rows is how many rows of the file have it.
func (l *loader) entryCode(ix *tomlpos.Index, at string, e entryFile, rows int) {
	switch {
	case e.Code == "" && e.ID == "":
		l.errs.Add(ix.Key(at), "errors: an entry needs a code or an id")
	case len(e.Code) > maxKey:
		l.errs.Add(ix.Value(at+".code"), "code: bad code %q: at most %d characters", e.Code[:16]+"…", maxKey)
	case e.Code != "" && !validCodeKey(e.Code):
		l.errs.Add(ix.Value(at+".code"), "code: bad code %q: want digits or a range, low first", e.Code)
	case e.Code != "" && e.ID == "" && rows > 1:
		l.errs.Add(ix.Value(at+".code"), "id: required because code %q appears %d times in this file", e.Code, rows)
	}
}

// entryID checks an entry's id, which is an address, and records it in seen.
func (l *loader) entryID(ix *tomlpos.Index, at, id string, seen map[string]bool) {
	if id == "" {
		return
	}
	switch {
	case len(id) > 64:
		l.errs.Add(ix.Value(at+".id"), "id: bad id %q: at most 64 characters", id[:16]+"…")
	case !slugPattern.MatchString(id):
		l.errs.Add(ix.Value(at+".id"), "id: bad id %q: want lower-case letters, digits and hyphens", id)
	case seen[id]:
		l.errs.Add(ix.Value(at+".id"), "id: duplicate id %q", id)
	}
	seen[id] = true
}

// entrySource is the source an entry names, or the file's only one.
func (l *loader) entrySource(ix *tomlpos.Index, at, title string, sources []*Source, byTitle map[string]*Source) *Source {
	switch {
	case title != "" && byTitle[title] == nil:
		l.errs.Add(ix.Value(at+".source"), "source: no [[source]] titled %q in this file", title)
	case title != "":
		return byTitle[title]
	case len(sources) == 1:
		return sources[0]
	case len(sources) > 1:
		l.errs.Add(ix.Key(at), "source: missing; this file has several sources, name the one this entry comes from")
	}
	return nil
}

func (l *loader) providerFAQ(ix *tomlpos.Index, faq []faqFile) []FAQ {
	var out []FAQ
	for i, q := range faq {
		l.required(ix, fmt.Sprintf("faq.%d", i), map[string]string{"q": q.Q, "a": q.A})
		out = append(out, FAQ{Q: q.Q, A: q.A})
	}
	return out
}
