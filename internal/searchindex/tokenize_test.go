package searchindex

import (
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

// TestGlossary: the domain's words in Portuguese, Spanish, French, German, Italian, Russian,
// Chinese, Arabic, Hindi, Indonesian and Turkish become the index's English words, inflected,
// unspaced or with an article attached.
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
		{"mensagem não entregue, conta bloqueada", "messag deliver account block"},
		{"le modèle a été refusé", "templat refus"}, // "refuse" is also English: left as it is
		{"Nachricht nicht zugestellt, Vorlage abgelehnt", "messag deliver templat reject"},
		{"messaggio non consegnato", "messag non deliver"},
		{"تم تقييد الحساب", "restrict account"},
		{"व्हाट्सएप नंबर बैन", "whatsapp number bann"},
		// What a linked device, a broadcast or a missing message is called
		{"входящие сообщения от контакта не приходят", "incom messag contact receiv"},
		{"Ожидание сообщения", "wait messag"},
		{"müşteriye ulaşmıyor", "customer deliver"},
		{"QR code tidak muncul", "qr cod tidak show"},
		{"二维码扫描后掉线", "qr scan disconnect"},
		{"क्यूआर कोड स्कैन नहीं हो रहा", "qr cod scan"},
		{"رابط واتساب لا يعمل", "link whatsapp work"},
		{"instância desconectada", "instancia disconnect"},
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

// TestTokenizerMemory: the index's tokenizer, which remembers each word's terms, gives every
// text the terms Tokenize gives it, whichever texts came before.
func TestTokenizerMemory(t *testing.T) {
	texts := []string{
		"Template is Paused", "template PAUSED again", "TEMPLATE", "Número não tem WhatsApp",
		"número NÚMERO numero", "na\u0303o and não", "Straße STRASSE", "The the THE a I x 7",
		"notificações Notificações", "мессенджер 消息 Mensagem mensagem",
	}
	tok := tokenizer{words: map[string][]string{}}
	for range 2 {
		for _, text := range texts {
			got := strings.Join(tok.tokens(nil, text), " ")
			if want := strings.Join(Tokenize(text), " "); got != want {
				t.Errorf("tokens(%q) = %q, want %q as Tokenize", text, got, want)
			}
		}
	}
}

// TestCombiningMarksDropped: a decomposed accent, anywhere in the block of combining marks
// (U+0300 to U+036F, both ends included), is dropped as folding drops a composed one.
func TestCombiningMarksDropped(t *testing.T) {
	for decomposed, plain := range map[string]string{"a\u0300gua": "agua", "mensagem x\u036fyz": "mensagem xyz", "na\u0303o entregue": "nao entregue"} {
		if got, want := strings.Join(Tokenize(decomposed), " "), strings.Join(Tokenize(plain), " "); got != want {
			t.Errorf("Tokenize(%q) = %q, want %q as for %q", decomposed, got, want, plain)
		}
	}
}
