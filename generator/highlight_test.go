package generator

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// FuzzJSONTokens checks that jsonTokens splits every text it takes exactly as chroma's JSON
// lexer does, both as written and as highlightJSON re-indents it.
func FuzzJSONTokens(f *testing.F) {
	for _, s := range []string{
		`{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"More than 24 hours"},"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}`,
		`{"statuses":[{"id":"wamid.X","status":"failed","errors":[{"code":470,"title":"Message failed"}]}],"ok":true,"n":null,"f":false}`,
		`{}`, `[]`, `[{}, [], [[1]], {"a": []}]`, `"top"`, `12`, `-0`, `true`, ` null `,
		`{"q":"a \"quoted\" \\ back\\slash \u00e9 é 日本 \n\t\/"}`, `{"key \"q\"": "v", "k\\": 1}`,
		`[0, -1, 1.5, -0.25e-3, 1E+2, 2e9, 10.0E1]`, "{\n\t\"a\" :\t1 ,\"b\":[ 2 ] }",
		`{"a":1,}`, `{"a" 1}`, "{\"a\":\"\r\"}", "[1]\r\n", `// comment`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var indented bytes.Buffer
		forms := []string{src}
		if json.Indent(&indented, []byte(src), "", "  ") == nil {
			forms = append(forms, indented.String())
		}
		for _, text := range forms {
			got, ok := jsonTokens(text)
			if !ok {
				continue
			}
			it, err := lexers.Get("json").Tokenise(nil, text)
			if err != nil {
				t.Fatal(err)
			}
			if want := it.Tokens(); !slices.Equal(got, want) {
				t.Errorf("%q:\ngot  %v\nwant %v", text, got, want)
			}
		}
	})
}
