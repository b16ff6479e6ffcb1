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
