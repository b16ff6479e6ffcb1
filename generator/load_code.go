package generator

import (
	"fmt"
	"io/fs"
	"path"
)

// A code file (data/codes/<code>.toml) becomes a Code: decoded with positions, each field
// checked, its references kept to be resolved when the model is linked.

func (l *loader) loadCode(name, key string, info fs.FileInfo) {
	display := l.dataPath(name)
	if !validCodeKey(key) {
		l.errs.Add(Pos{File: display}, "bad code file name %q: want digits (131047.toml) or a range, low first (200-299.toml)", path.Base(name))
		return
	}
	if c := loadCached(l, display, info, func() *Code { return l.readCode(name, key, display) }, (*Code).clone); c != nil {
		l.site.Codes = append(l.site.Codes, c)
	}
}

func (l *loader) readCode(name, key, display string) *Code {
	var f codeFile
	ix := l.decode(l.in.Data, name, display, &f)
	if ix == nil {
		return nil
	}
	c := &Code{
		Key: key, File: display, num: codeNumber(key),
		Title: f.Title, API: f.API, Facts: f.Facts, Topics: f.Topics, Summary: f.Summary,
		Causes: f.Causes, Actions: f.Actions, Payload: f.Payload, Messages: f.Messages,
		Checked: MetaCheck{On: f.CheckedOn, Against: f.CheckedAgainst, Pos: ix.Key("checked_on")},
		Reply:   f.Reply, Aliases: l.aliases(ix, f.Aliases),
	}
	for i, cf := range f.Confused {
		at := fmt.Sprintf("confused.%d", i)
		l.required(ix, at, map[string]string{"code": cf.Code, "how": cf.How})
		if cf.Code == key {
			l.errs.Add(ix.Value(at+".code"), "code: code %q names itself", cf.Code)
			continue
		}
		c.Confused = append(c.Confused, Confusion{How: cf.How, ref: ref{cf.Code, ix.Value(at + ".code")}})
	}
	l.required(ix, "", map[string]string{"title": f.Title, "api": f.API, "class": f.Class, "retry": f.Retry, "summary": f.Summary})
	l.messages(ix, f.Messages)
	l.checked(ix, f.CheckedOn, f.CheckedAgainst)
	l.oneOf(ix, "api", f.API, apis.values())
	l.checkFacts(ix, "", f.Facts)
	l.listOf(ix, "topics", f.Topics, topicList)
	c.equivalent = l.refs(ix, "equivalent", key, f.Equivalent)
	c.seeAlso = l.refs(ix, "see_also", key, f.SeeAlso)
	for i, d := range f.Disagreement {
		p := fmt.Sprintf("disagreement.%d", i)
		l.required(ix, p, map[string]string{"about": d.About})
		if len(d.Providers) == 0 {
			l.errs.Add(ix.Key(p), "providers: missing required field")
		}
		dis := Disagreement{About: d.About, Current: d.Current}
		for j, slug := range d.Providers {
			dis.providerRefs = append(dis.providerRefs, ref{slug, ix.Item(p+".providers", j)})
		}
		c.Disagreements = append(c.Disagreements, dis)
	}
	return c
}
