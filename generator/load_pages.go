package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/waerrors/kb/internal/tomlpos"
)

// The files that are one of a kind: tiers.toml, quality.toml, and the Markdown pages of
// content/ with their front matter.

func (l *loader) loadTiers(name string, info fs.FileInfo) {
	display := l.dataPath(name)
	l.site.Tiers = loadCached(l, display, info, func() *Tiers { return l.readTiers(name, display) }, (*Tiers).clone)
}

func (l *loader) readTiers(name, display string) *Tiers {
	var f tiersFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	t := &Tiers{File: display, Period: f.Period, Summary: f.Summary, Growth: f.Growth, Aliases: l.aliases(ix, f.Aliases)}
	l.required(ix, "", map[string]string{"period": f.Period, "summary": f.Summary})
	if f.Period != "" {
		if _, err := time.ParseDuration(f.Period); err != nil {
			l.errs.Add(ix.Value("period"), "period: bad duration %q (want a Go duration such as 24h)", f.Period)
		}
	}
	names := map[string]bool{}
	for i, tf := range f.Tier {
		at := fmt.Sprintf("tier.%d", i)
		l.required(ix, at, map[string]string{"name": tf.Name})
		if names[tf.Name] && tf.Name != "" {
			l.errs.Add(ix.Value(at+".name"), "name: duplicate tier %q", tf.Name)
		}
		names[tf.Name] = true
		switch {
		case tf.Unlimited && tf.Limit != 0:
			l.errs.Add(ix.Value(at+".limit"), "limit: set together with unlimited = true; keep one")
		case !tf.Unlimited && tf.Limit <= 0:
			l.errs.Add(ix.Key(at), "limit: missing or not positive (or set unlimited = true)")
		}
		tier := &Tier{Name: tf.Name, Limit: tf.Limit, Unlimited: tf.Unlimited, Typical: tf.Typical, Legacy: tf.Legacy, Note: tf.Note}
		for j, slug := range tf.DocumentedBy {
			tier.documentedBy = append(tier.documentedBy, ref{slug, ix.Item(at+".documented_by", j)})
		}
		t.Tiers = append(t.Tiers, tier)
	}
	return t
}

func (l *loader) loadQuality(name string, info fs.FileInfo) {
	display := l.dataPath(name)
	l.site.Quality = loadCached(l, display, info, func() *Quality { return l.readQuality(name, display) }, (*Quality).clone)
}

func (l *loader) readQuality(name, display string) *Quality {
	var f qualityFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	q := &Quality{File: display, Summary: f.Summary, Aliases: l.aliases(ix, f.Aliases)}
	l.required(ix, "", map[string]string{"summary": f.Summary})
	names := map[string]bool{}
	for i, r := range f.Rating {
		at := fmt.Sprintf("rating.%d", i)
		l.required(ix, at, map[string]string{"name": r.Name, "meaning": r.Meaning})
		if names[r.Name] && r.Name != "" {
			l.errs.Add(ix.Value(at+".name"), "name: duplicate rating %q", r.Name)
		}
		names[r.Name] = true
		q.Ratings = append(q.Ratings, Rating{Name: r.Name, Meaning: r.Meaning, Action: r.Action})
	}
	return q
}

func (l *loader) loadContent() {
	if l.in.Content == nil {
		return
	}
	entries, err := fs.ReadDir(l.in.Content, ".")
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			l.errs.Add(Pos{File: l.in.ContentDir}, "cannot read content folder: %v", unwrapPath(err))
		}
		return
	}
	for _, e := range entries {
		name := e.Name()
		display := l.contentPath(name)
		slug, isMD := strings.CutSuffix(name, ".md")
		switch {
		case strings.HasPrefix(name, "."):
			continue
		case e.Type()&fs.ModeSymlink != 0:
			l.errs.Add(Pos{File: display}, "symbolic links are not followed; copy the file instead")
			continue
		case e.IsDir() || !isMD:
			l.errs.Add(Pos{File: display}, "unexpected file: content/ holds only .md pages")
			continue
		case !slugPattern.MatchString(slug):
			l.errs.Add(Pos{File: display}, "bad page file name %q: want lower-case letters, digits and hyphens, then .md", name)
			continue
		case reservedSlug(slug):
			l.errs.Add(Pos{File: display}, "page name %q is taken by a generated page; choose another name", slug)
			continue
		}
		data, err := fs.ReadFile(l.in.Content, name)
		if err != nil {
			l.errs.Add(Pos{File: display}, "cannot read: %v", unwrapPath(err))
			continue
		}
		fm, body, err := splitFrontMatter(data)
		if err != nil {
			var fe *Error
			if errors.As(err, &fe) {
				fe.Pos.File = display
				l.errs = append(l.errs, fe)
			}
			continue
		}
		var f frontMatter
		ix := l.decodeBytes(fm, display, 1, &f)
		if ix == nil {
			continue
		}
		l.required(ix, "", map[string]string{"title": f.Title})
		page := &Page{Slug: slug, File: display, Title: f.Title, Description: f.Description, Body: string(body), Aliases: l.aliases(ix, f.Aliases), Reference: f.Reference, Exceptions: f.Exceptions}
		if f.Exceptions {
			if l.exceptionsPage != "" {
				l.errs.Add(ix.Value("exceptions"), "exceptions: only one page can be the page search offers for a quoted exception, and %s is", l.exceptionsPage)
			}
			l.exceptionsPage = display
		}
		if slug == "index" {
			l.site.Home = page
		} else {
			l.site.Pages = append(l.site.Pages, page)
		}
	}
}

// splitFrontMatter separates a page's TOML front matter, between two lines of +++, from its
// Markdown body.
func splitFrontMatter(data []byte) (front, body []byte, err error) {
	if e := tomlpos.CheckUTF8("", data); e != nil {
		return nil, nil, e
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != "+++" {
		return nil, nil, &Error{Pos: Pos{Line: 1, Col: 1}, Msg: "front matter: the page must start with a line of +++"}
	}
	for start := 0; start <= len(rest); {
		end := bytes.IndexByte(rest[start:], '\n')
		var text []byte
		if end < 0 {
			text = rest[start:]
		} else {
			text = rest[start : start+end]
		}
		if string(bytes.TrimRight(text, " \t\r")) == "+++" {
			if end < 0 {
				return rest[:start], nil, nil
			}
			return rest[:start], rest[start+end+1:], nil
		}
		if end < 0 {
			break
		}
		start += end + 1
	}
	return nil, nil, &Error{Pos: Pos{Line: 1, Col: 1}, Msg: "front matter: no closing +++ line"}
}
