package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
)

// /changes/: what changed in the knowledge base, newest first, from the commits that touched
// data/ and content/ (History.Commits, read by the same git command as the dates); and its
// Atom feed, changes/atom.xml. The feed's ids and links must be absolute, so it is written
// only when the base URL is known; a shallow clone has no history, and the page says so.

const (
	changesShown = 50  // commits on the page and in the feed
	filesShown   = 12  // entries named per commit; the rest are counted
	subjectShown = 120 // characters of a commit's subject the page carries
)

// Change is one commit as the page shows it.
type Change struct {
	ID      string // the page's anchor, "c-" and the short hash
	Hash    string
	Date    time.Time
	Subject string         // the commit's subject, cut to subjectShown characters
	Entries []ChangedEntry // at most filesShown
	More    int            // entries not named
}

// ChangedEntry is a changed file: the entry it holds and its page, if it has one now, and
// what changed in it for an agent (page_changes_what.go).
type ChangedEntry struct {
	Label   string // "131047 Re-engagement message", "Aircall", "data/README.md"
	Path    string // the page below the site's root ("" is the home page)
	HasPage bool
	What    []string // "2 causes added.", "New entries: 20003, 20404."
}

// entryPages names the page of every data and content file the site was built from.
func entryPages(s *Site) map[string]ChangedEntry {
	m := map[string]ChangedEntry{}
	for _, c := range s.Codes {
		if c.HasFile() {
			m[c.File] = ChangedEntry{Label: c.Key + " " + c.Title, Path: codePath(c.Key), HasPage: true}
		}
	}
	for _, p := range s.Providers {
		m[p.File] = ChangedEntry{Label: p.Name, Path: providerPath(p.Slug), HasPage: true}
	}
	if s.Tiers != nil {
		m[s.Tiers.File] = ChangedEntry{Label: "Messaging limits (tiers)", Path: tiersPath, HasPage: true}
	}
	if s.Quality != nil {
		m[s.Quality.File] = ChangedEntry{Label: "Quality rating", Path: qualityPath, HasPage: true}
	}
	for _, p := range s.Pages {
		m[p.File] = ChangedEntry{Label: p.Title, Path: contentPath(p.Slug), HasPage: true}
	}
	if s.Home != nil {
		m[s.Home.File] = ChangedEntry{Label: "Home page", HasPage: true}
	}
	return m
}

// changes turns the newest commits into the page's list. A file with no page today (deleted,
// renamed, or not an entry such as data/README.md) is named by its path, without a link.
func changes(s *Site, commits []Commit) []Change {
	pages := entryPages(s)
	var out []Change
	for _, c := range commits[:min(len(commits), changesShown)] {
		if len(c.Files) == 0 {
			continue // a merge: its changes are listed with the commits it brought in
		}
		short := c.Hash[:min(len(c.Hash), 12)]
		ch := Change{ID: "c-" + short, Hash: c.Hash, Date: c.Date, Subject: brief(c.Subject, subjectShown)}
		for _, f := range c.Files {
			if len(ch.Entries) == filesShown {
				ch.More++
				continue
			}
			e, ok := pages[f]
			if !ok {
				e = ChangedEntry{Label: f}
			}
			e.What = c.What[f]
			ch.Entries = append(ch.Entries, e)
		}
		out = append(out, ch)
	}
	return out
}

// Changes lists the newest changes for /changes/.
func (p *page) Changes() []Change { return changes(p.Site, p.r.opt.History.Commits) }

// ChangeWeek is the changes of one week, Monday to Sunday in UTC, newest first. Quiet says
// when the weeks before it (older) had no change: "Nothing changed from 2 to 15 November".
type ChangeWeek struct {
	Monday  time.Time
	Changes []Change
	Quiet   string
}

// ChangeWeeks groups the newest changes by week.
func (p *page) ChangeWeeks() []ChangeWeek { return changeWeeks(p.Changes()) }

func changeWeeks(list []Change) []ChangeWeek {
	var out []ChangeWeek
	for _, c := range list {
		d := c.Date.UTC()
		monday := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(int(d.Weekday())+6)%7)
		if len(out) == 0 || !out[len(out)-1].Monday.Equal(monday) {
			if len(out) > 0 {
				// The weeks between this one's last change and the newer week's Monday were quiet.
				newer := &out[len(out)-1]
				if gap := newer.Monday.Sub(monday); gap > 7*24*time.Hour {
					from, to := monday.AddDate(0, 0, 7), newer.Monday.AddDate(0, 0, -1)
					newer.Quiet = "Nothing changed from " + from.Format("2 January") + " to " + to.Format("2 January 2006") + "."
				}
			}
			out = append(out, ChangeWeek{Monday: monday})
		}
		out[len(out)-1].Changes = append(out[len(out)-1].Changes, c)
	}
	return out
}

// Headline names a change in a line, for the feed's entry title: the entries it touched.
func (c Change) Headline() string {
	var names []string
	for _, e := range c.Entries {
		names = append(names, e.Label)
	}
	h := shortList(names)
	if c.More > 0 {
		h += fmt.Sprintf(" and %d more", c.More)
	}
	return h
}

// ChangesTotal is the number of commits in the history, shown or not.
func (p *page) ChangesTotal() int { return len(p.r.opt.History.Commits) }

// HistoryMissing says why the build has no history, or "".
func (p *page) HistoryMissing() string { return p.r.opt.History.Missing }

// CommitURL links to a commit in the repository, or "" when no repository is set.
func (p *page) CommitURL(hash string) string {
	if p.r.opt.RepoURL == "" {
		return ""
	}
	return strings.TrimSuffix(p.r.opt.RepoURL, "/") + "/commit/" + hash
}

// HistoryURL links to the repository's history of the data, or "".
func (p *page) HistoryURL() string {
	if p.r.opt.RepoURL == "" {
		return ""
	}
	branch := p.r.opt.Branch
	if branch == "" {
		branch = "main"
	}
	return strings.TrimSuffix(p.r.opt.RepoURL, "/") + "/commits/" + branch
}

// feedURL links to the Atom feed from the changes page, or "" when there is none.
func (p *page) feedURL() string {
	if p.Path != changesPath || !p.r.hasFeed() {
		return ""
	}
	return p.URL(changesFeed)
}

// hasFeed reports whether the Atom feed is written: it needs the base URL and the history.
func (r *builder) hasFeed() bool {
	return r.opt.BaseURL != "" && r.opt.History.Missing == "" && len(r.opt.History.Commits) > 0
}

// atomFeed writes the Atom feed of the changes, or nil when there is none. Ids are the
// absolute address of the change on /changes/ (its anchor holds the commit), so they stay
// the same in every build of the site at that address.
func (r *builder) atomFeed() []byte {
	if !r.hasFeed() {
		return nil
	}
	base := r.opt.BaseURL
	esc := func(s string) string { return template.HTMLEscapeString(s) }
	list := changes(r.site, r.opt.History.Commits)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	b.WriteString("  <title>" + esc(r.opt.Title+": changes") + "</title>\n")
	b.WriteString("  <subtitle>What changed in the knowledge base's codes, providers and pages.</subtitle>\n")
	b.WriteString("  <id>" + esc(base+changesPath) + "</id>\n")
	b.WriteString(`  <link rel="self" type="application/atom+xml" href="` + esc(base+changesFeed) + `"/>` + "\n")
	b.WriteString(`  <link rel="alternate" type="text/html" href="` + esc(base+changesPath) + `"/>` + "\n")
	b.WriteString("  <updated>" + list[0].Date.Format(time.RFC3339) + "</updated>\n")
	b.WriteString("  <author><name>" + esc(r.opt.Title) + "</name></author>\n")
	for _, c := range list {
		b.WriteString("  <entry>\n")
		b.WriteString("    <id>" + esc(base+changesPath+"#"+c.ID) + "</id>\n")
		b.WriteString("    <title>" + esc(c.Headline()) + "</title>\n")
		b.WriteString("    <updated>" + c.Date.Format(time.RFC3339) + "</updated>\n")
		b.WriteString(`    <link rel="alternate" type="text/html" href="` + esc(base+changesPath+"#"+c.ID) + `"/>` + "\n")
		var html strings.Builder
		html.WriteString("<ul>")
		for _, e := range c.Entries {
			if e.HasPage {
				html.WriteString(`<li><a href="` + esc(base+e.Path) + `">` + esc(e.Label) + "</a>")
			} else {
				html.WriteString("<li>" + esc(e.Label))
			}
			if len(e.What) > 0 {
				html.WriteString(": " + esc(strings.Join(e.What, " ")))
			}
			html.WriteString("</li>")
		}
		if c.More > 0 {
			html.WriteString("<li>and " + strconv.Itoa(c.More) + " more</li>")
		}
		html.WriteString("</ul>")
		b.WriteString(`    <content type="html">` + esc(html.String()) + "</content>\n")
		b.WriteString("  </entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// brief cuts s to at most n characters at a word's end, marking the cut with "…". The page
// shows a commit's subject only as its link's tooltip, which nobody reads past a line;
// subjects that are paragraphs, fifty of them, made the page pass its weight budget.
func brief(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
