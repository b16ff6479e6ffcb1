package generator

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Template is Paused", "templat paus"},
		{"templates pausing paused", "templat paus paus"},
		{"The replies are classes", "reply class"},
		{"24-hour window", "24 hour window"},
		{"(#131047) Re-engagement", "131047 re engagement"},
		{"api_key D360-API-KEY", "api key d360 api key"},
		{"status analysis", "status analysis"},
		{"Ünïcode Wörds", "unicod word"},
		{"número não tem WhatsApp", "number tem whatsapp"},
		{"mensagens de erro, el mensaje", "messag error messag"},
		{"límite alcanzado, plantilla", "limit alcanzado templat"},
		{"na\u0303o", ""},
		{"informac\u0327a\u0303o", "informacao"},
		{"Straße Ωmega", "straß ωmega"},
		{"a I x 7", "7"},
		{"Unauthorised organisations", "unauthoriz organization"},
		{"revise revised raised", "revis revis rais"},
		{"notificações notificação, línea baneada, número baneado", "notificacao notificacao linea baneado number baneado"},
	}
	for _, tc := range tests {
		if got := strings.Join(Tokenize(tc.in), " "); got != tc.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPayloadWords(t *testing.T) {
	payload := `{"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
	"error_data": {"messaging_product": "whatsapp", "details": "More than 24 hours have passed"}, "fbtrace_id": "Ab"}}`
	got := strings.Join(payloadWords(payload), " | ")
	if got != "(#131047) Re-engagement message | More than 24 hours have passed" {
		t.Errorf("payloadWords = %q", got)
	}
	webhook := `{"statuses": [{"errors": [{"code": 131026, "title": "Message undeliverable"}]}]}`
	if got := strings.Join(payloadWords(webhook), " | "); got != "Message undeliverable" {
		t.Errorf("payloadWords(webhook) = %q", got)
	}
}

// decodeIndex reads search/index.json and its shards back into term -> doc -> title flag.
func decodeIndex(t *testing.T, files Files) (searchIndex, map[string]map[int]int) {
	t.Helper()
	var idx searchIndex
	if err := json.Unmarshal(files["search/index.json"], &idx); err != nil {
		t.Fatal(err)
	}
	var post []string
	for i := range idx.Shards {
		var sh searchShard
		if err := json.Unmarshal(files["search/post-"+strconv.Itoa(i)+".json"], &sh); err != nil {
			t.Fatal(err)
		}
		post = append(post, sh.Post...)
	}
	if len(post) != len(idx.Terms) {
		t.Fatalf("%d document lists for %d terms", len(post), len(idx.Terms))
	}
	out := map[string]map[int]int{}
	for i, term := range idx.Terms {
		out[term] = map[int]int{}
		doc := 0
		for _, s := range strings.Split(post[i], ",") {
			v, err := strconv.ParseInt(s, 36, 64)
			if err != nil {
				t.Fatalf("term %q: %v", term, err)
			}
			doc += int(v >> 1)
			out[term][doc] = int(v & 1)
		}
	}
	return idx, out
}

func TestSearchIndex(t *testing.T) {
	files := buildFixture(t, Options{})
	idx, terms := decodeIndex(t, files)
	doc := func(url string) int {
		for i, d := range idx.Docs {
			if d[0] == url || d[0] == "" && "codes/"+d[1]+"/" == url {
				return i
			}
		}
		t.Fatalf("no document %s", url)
		return -1
	}
	// Codes come first, in code order.
	var codes []string
	for _, d := range idx.Docs {
		if d[1] != "" {
			codes = append(codes, d[1])
		}
	}
	if got := strings.Join(codes, " "); got != "470 63016 131026 131047" {
		t.Errorf("codes in the index: %q", got)
	}
	tests := []struct {
		term, url string
		title     int
	}{
		{"engagement", "codes/131047/", 1},                     // Meta's title
		{"window", "codes/63016/", 1},                          // the provider's title
		{"templat", "codes/131047/", 0},                        // an action
		{"configur", "providers/acme/#line-not-configured", 1}, // an uncoded entry
		{"400", "providers/acme/#line-not-configured", 0},      // its HTTP status
		{"messag", "providers/acme/", 0},                       // a FAQ question
		{"open", "window/", 1},                                 // a content page's heading
		{"customer", "window/", 0},                             // its text
		{"bad", "http/400/", 1},                                // an HTTP status, by its name
		{"acm", "codes/63016/", 1},                             // a provider's own code, by the provider
		{"acm", "codes/131047/", 0},                            // Meta's code, listed by the provider
	}
	for _, tc := range tests {
		d := doc(tc.url)
		f, ok := terms[tc.term][d]
		if !ok {
			t.Errorf("term %q does not lead to %s", tc.term, tc.url)
			continue
		}
		if f != tc.title {
			t.Errorf("term %q in %s: title flag %d, want %d", tc.term, tc.url, f, tc.title)
		}
	}
	var eq map[string]string
	if err := json.Unmarshal(files["search/eq.json"], &eq); err != nil {
		t.Fatal(err)
	}
	if got := eq["131047"]; !strings.Contains(got, "470") {
		t.Errorf("equivalents of 131047 in the index: %q", got)
	}
	if _, ok := terms["oauthexception"]; ok {
		t.Error("payload JSON keys and types were indexed")
	}
	again := buildFixture(t, Options{})
	for name, b := range files {
		if strings.HasPrefix(name, "search/") && !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Template is Paused", "(#131047) Re-engagement", "Ünïcode wörds 24-hour", "\xff\xfe", "aaaaing sses ies", "NÃO É número", "na\u0303o"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, tok := range Tokenize(in) {
			if tok == "" || !utf8.ValidString(tok) && utf8.ValidString(in) {
				t.Fatalf("bad token %q from %q", tok, in)
			}
			if strings.ToLower(tok) != tok {
				t.Fatalf("token %q is not lower case", tok)
			}
			if strings.ContainsAny(tok, "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ\u0300\u0301\u0303\u0327") {
				t.Fatalf("token %q keeps an accent", tok)
			}
		}
	})
}

// TestGlossary: the domain's words in Russian, Chinese, Arabic, Hindi, Indonesian and Turkish
// become the index's English words, inflected, unspaced or with an article attached.
func TestGlossary(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Сообщения не доставлены", "messag deliver"},
		{"шаблон отклонён", "templat reject"},
		{"模板消息发送失败", "templat messag send fail"},
		{"号码被封了怎么办", "number bann"},
		{"تم رفض القالب", "reject templat"},
		{"संदेश डिलीवर नहीं हुआ", "messag deliver"},
		{"pesan gagal terkirim", "messag fail deliver"},
		{"şablon reddedildi", "templat reject"},
		{"template rejected", "templat reject"}, // English is left as it was
		{"Привет мир 131047", "131047"},         // nothing else in the index is in those scripts
		{"テンプレート", ""},                          // kana is one of them
		{"템플릿 거부", "템플릿 거부"},                    // Hangul is not: it stays as it was
	} {
		if got := strings.Join(Tokenize(c.text), " "); got != c.want {
			t.Errorf("Tokenize(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// The stems found in one unspaced word are given in the order they stand in it. They are
	// found by walking a map, whose order changes from run to run, so a wrong sort is seen
	// only by asking more than once.
	for range 20 {
		if got := strings.Join(Tokenize("模板消息发送失败"), " "); got != "templat messag send fail" {
			t.Fatalf("Tokenize(模板消息发送失败) = %q, want the stems in the word's order", got)
		}
	}
}

// TestGlossaryScript: the glossary's scripts are whole Unicode blocks, first and last code
// point included, and nothing either side.
func TestGlossaryScript(t *testing.T) {
	for _, block := range [][2]rune{
		{0x400, 0x4ff},   // Cyrillic
		{0x600, 0x6ff},   // Arabic
		{0x900, 0x97f},   // Devanagari
		{0x3040, 0x30ff}, // Hiragana and Katakana
		{0x4e00, 0x9fff}, // CJK Unified Ideographs
	} {
		for _, c := range []struct {
			r    rune
			want bool
		}{{block[0] - 1, false}, {block[0], true}, {block[1], true}, {block[1] + 1, false}} {
			if got := glossaryScript(c.r); got != c.want {
				t.Errorf("glossaryScript(%U) = %v, want %v", c.r, got, c.want)
			}
		}
	}
}

// TestMessagePhrases: a literal message of three words or more, two of them index words,
// is kept whole as a phrase (its stems in order); a shorter one is only title words.
func TestMessagePhrases(t *testing.T) {
	for _, c := range []struct{ message, want string }{
		{"Re-engagement message", ""},                    // two words
		{"Template name invalid", "templat nam invalid"}, // three words
		{"The number is blocked", "number block"},        // four words, two of them index words
		{"It is paused", ""},                             // one index word
		{"Message failed to send", "messag fail send"},
	} {
		var d searchDoc
		d.addMessages([]string{c.message})
		if got := strings.Join(d.phrases, "|"); got != c.want {
			t.Errorf("phrase of %q = %q, want %q", c.message, got, c.want)
		}
	}
}
