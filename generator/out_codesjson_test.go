package generator

import (
	"encoding/json"
	"testing"
)

// TestIndentJSON: indentJSON indents json.Marshal's output exactly as json.MarshalIndent
// with one space does, strings with quotes, backslashes and escapes, empty and nested lists
// and objects included.
func TestIndentJSON(t *testing.T) {
	for _, v := range []any{
		jsonSite{},
		jsonSite{Codes: []jsonCode{}, Providers: []jsonProvider{{Slug: "p", Entries: []jsonStatement{}}}},
		jsonSite{Codes: []jsonCode{{
			Code: "131047", Title: `say "hi" \ <b>&</b> ,:{}[]`, FixBy: []string{"you", `\"`, `\\`, `a\\"b`},
			Summary: "line\nbreak\ttab \u2028 é", Providers: []jsonStatement{{Provider: "x", HTTPStatus: 400}},
		}}},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, 2.5, true, nil, "\\"}, "d": ""},
		[]string{}, "top", 12,
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.MarshalIndent(v, "", " ")
		if got := indentJSON(nil, b); string(got) != string(want) {
			t.Errorf("indentJSON(%s):\ngot  %s\nwant %s", b, got, want)
		}
	}
}

// TestIndentSite: codes.json written piece by piece is what json.MarshalIndent writes for
// the whole jsonSite, with lists nil (null) or not empty, as codesJSON makes them.
func TestIndentSite(t *testing.T) {
	code := jsonCode{Code: "131047", Title: `say "hi" <b>`, FixBy: []string{"you"}, Providers: []jsonStatement{{Provider: "x", HTTPStatus: 400}}}
	provider := jsonProvider{Slug: "p", Entries: []jsonStatement{}}
	for _, site := range []jsonSite{
		{},
		{Codes: []jsonCode{code}},
		{Providers: []jsonProvider{provider}},
		{Codes: []jsonCode{code, {Code: "470"}}, Providers: []jsonProvider{provider, {Slug: "q", Entries: []jsonStatement{{Provider: "q"}}}}},
	} {
		var codes, providers [][]byte
		for _, c := range site.Codes {
			b, _ := json.Marshal(c)
			codes = append(codes, b)
		}
		for _, p := range site.Providers {
			b, _ := json.Marshal(p)
			providers = append(providers, b)
		}
		want, _ := json.MarshalIndent(site, "", " ")
		if got := indentSite(codes, providers, 0); string(got) != string(want)+"\n" {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}
