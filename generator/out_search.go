package generator

import (
	"cmp"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The search index is written at build time and fetched by static/search.js the first time
// someone searches. It is an inverted index: the sorted list of every word stem in the site,
// and for each stem the documents that contain it and in which field. search/index.json
// holds the documents and the stems; the document lists are split into shards
// (search/post-N.json) of about shardSize bytes, so that a search fetches only those its
// words need, and a search for a code none at all.
//
// Tokenize and Stem are mirrored line for line in static/search.js; the browser tests check
// that both give the same stems.

// searchIndex is the shape of search/index.json.
type searchPaths struct {
	Code     string `json:"code"`
	Provider string `json:"provider"`
	Status   string `json:"status"`
}

type searchLabels struct {
	Class map[string]string `json:"class"`
	Fix   map[string]string `json:"fix"`
}

type searchIndex struct {
	Version int `json:"v"`
	// Names are the providers' names, which documents refer to by position.
	Names []string `json:"names"`
	// Paths are the address prefixes search.js needs: a code's page is Paths.Code + code +
	// "/", a page under Paths.Provider is a provider's, and Paths.Status + status + "/" is an
	// HTTP status's. They come from paths.go.
	Paths searchPaths `json:"paths"`
	// Labels are how results name a class and who fixes (by the letter Docs use), from the
	// vocabularies in facts.go, so that the script does not spell them again.
	Labels searchLabels `json:"labels"`
	// Docs are the things a search can find: [url, code, title, class, who fixes, listed
	// by, api]. The url of a code's page is left empty (see Paths); who fixes is
	// letters (y you, p provider, m Meta, r recipient); listed by is positions in Names.
	// Codes come first, in code order, so a prefix search lists them in order.
	Docs [][7]string `json:"docs"`
	// Terms are the word stems, sorted.
	Terms []string `json:"terms"`
	// Equivalent lists, for each code that has them, the same condition's codes under
	// other APIs ("131047": "470,63016"): they come right after a code found in a query.
	// It is written to search/eq.json, fetched only when a query finds a code.
	Equivalent map[string]string `json:"-"`
	// Stop and Same are stopList and sameWord, which search.js reads words by as Tokenize
	// does: words separated by spaces, and "word=english" pairs.
	Stop string `json:"stop"`
	Same string `json:"same"`
	// Gloss is the glossary, "stem=english" pairs separated by spaces.
	Gloss string `json:"gloss"`
	// Guides are the positions in Docs of the pages that explain how something works (the
	// window, tiers, quality, escalation, rate limits) rather than one error: a question in
	// plain words finds them before a code, an error report a code before them.
	Guides []int `json:"guides"`
	// Shards[i] is the position in Terms of the first stem of shard i.
	Shards []int `json:"shards"`
	// Sizes[i] is how many distinct stems document i holds: a word found in the text of a
	// long page (a guide that mentions every subject) counts for less than in a short one.
	Sizes []int `json:"sizes"`
	// post holds, for each stem, its documents as base-36 numbers, each
	// (gap from the previous document << 1) | 1 for a title word. It is written to the shards.
	post []string
}

// searchShard is the shape of search/post-N.json: the document lists of a run of stems.
type searchShard struct {
	Post []string `json:"post"`
}

// shardSize is about how many bytes of document lists go in one shard.
const shardSize = 64 << 10

// searchDoc is a document while the index is built.
type searchDoc struct {
	url, code, title, class, fixBy, listedBy, api string
	titleText, bodyText                           []string
	// line is what a result shows under its title, so an agent can judge it without
	// opening it: the retry verdict, and the meaning in one short line. It is written to
	// search/lines.json, which the script fetches after the first results are shown.
	line [2]string
	// phrases are the literal messages as stems in order: a query that holds one
	// whole finds the code or entry whose message it is, even when other pages share its
	// words (search/phrases.json).
	phrases []string
}

// minPhrase is the fewest words a message needs to count as a phrase (and two of them not
// stop words): shorter ones ("Invalid token") are everyday words, as bags of words rank them.
const minPhrase = 3

// maxPhrase is how many words of a message its phrase holds: the whole message, as pasted,
// so that of two messages that begin alike the query's own is the longer match; the tail of
// a very long one (Meta's pointers to documentation) is left out.
const maxPhrase = 30

// numberedStep is a heading that numbers a step: "## 2. The 24-hour window".
var numberedStep = regexp.MustCompile(`^#+\s+\d+\.\s`)

// messageHead is how many words of a literal message count as its title. Agents paste a
// message's head; the tail of a long one is an enumeration or a documentation address
// shared with other errors ("must be one of {BOOKING_CONFIRMATION, CATALOG, …}", "Please
// read the Graph API documentation at …"), whose words would make the code a title match for
// any query that says "phone number", "url" or "template". The tail still counts as text.
const messageHead = 12

// addMessages indexes literal messages: each one's head as title words, the rest as text.
func (d *searchDoc) addMessages(messages []string) {
	for _, m := range messages {
		words := strings.Fields(m)
		if stems := Tokenize(strings.Join(words[:min(len(words), maxPhrase)], " ")); len(words) >= minPhrase && len(stems) >= 2 {
			d.phrases = append(d.phrases, strings.Join(stems, " "))
		}
		if len(words) <= messageHead {
			d.titleText = append(d.titleText, m)
			continue
		}
		d.titleText = append(d.titleText, strings.Join(words[:messageHead], " "))
		d.bodyText = append(d.bodyText, strings.Join(words[messageHead:], " "))
	}
}

// buildSearchIndex makes the index files from the model, by file name. Links are relative
// to the site's root.
func buildSearchIndex(s *Site) (Files, error) {
	position := map[*Provider]int{}
	var names []string
	for i, p := range s.Providers {
		position[p] = i
		names = append(names, p.Name)
	}
	listed := func(entries []*Entry) string {
		var out []string
		for _, e := range entries {
			n := strconv.Itoa(position[e.Provider])
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		return strings.Join(out, ",")
	}
	var docs []searchDoc
	var guides []int
	for _, c := range s.Codes {
		d := searchDoc{
			code: c.Key, title: c.Title, class: c.Class,
			fixBy: fixLetters(c.FixBy), listedBy: listed(c.Entries), api: c.API,
			line: resultLine(c.Facts, leadOf(c).Meaning),
		}
		d.titleText = append(d.titleText, c.Title)
		if len(c.Key) <= 4 {
			// A short number in running text ("error 4", "tier 1") is a code only when
			// the words say so; as a word it still finds its code.
			d.titleText = append(d.titleText, c.Key)
		}
		d.titleText = append(d.titleText, c.Aliases...)
		d.bodyText = append(d.bodyText, c.Summary, apiLabel(c.API), classLabel(c.Class))
		d.bodyText = append(d.bodyText, c.Causes...)
		d.bodyText = append(d.bodyText, c.Actions...)
		d.bodyText = append(d.bodyText, payloadWords(c.Payload)...)
		// The literal strings the API returns are what agents paste: they name the code
		// as its title does, so a pasted message, cut or not, finds its code first.
		d.addMessages(c.Messages)
		for _, dis := range c.Disagreements {
			d.bodyText = append(d.bodyText, dis.About, dis.Current)
		}
		for _, e := range c.Entries {
			d.titleText = append(d.titleText, e.Title)
			d.addMessages(e.Messages)
			d.bodyText = append(d.bodyText, e.Meaning, e.Action)
			// A provider's own code is named with the provider, as its entries are ("Twilio
			// 63032"); a Meta code merely listed by a provider is not.
			if c.API == "" {
				d.titleText = append(d.titleText, e.Provider.Name)
			} else {
				d.bodyText = append(d.bodyText, e.Provider.Name)
			}
		}
		for _, e := range c.Elsewhere {
			d.bodyText = append(d.bodyText, e.Meaning, e.Action)
		}
		docs = append(docs, d)
	}
	for _, p := range s.Providers {
		d := searchDoc{url: providerPath(p.Slug), title: p.Name}
		d.titleText = append(d.titleText, p.Name)
		d.bodyText = append(d.bodyText, p.Summary, p.Support)
		d.bodyText = append(d.bodyText, p.Escalation...)
		d.bodyText = append(d.bodyText, p.CannotOverride...)
		for _, q := range p.FAQ {
			d.bodyText = append(d.bodyText, q.Q, q.A)
		}
		for _, c := range p.Contacts {
			d.bodyText = append(d.bodyText, c.Who)
			d.bodyText = append(d.bodyText, c.For...)
		}
		docs = append(docs, d)
		for _, e := range p.Entries {
			if e.HasCodePage() {
				continue // found through its code's document
			}
			// A provider's own number is a word of the entry's title, not a code: "gupshup
			// 1002" finds it, and Meta's code of the same number keeps its own page.
			title := strings.TrimSpace(e.Code + " " + e.Title)
			ed := searchDoc{
				url: entryPath(e), title: title, class: e.Class,
				fixBy: fixLetters(e.FixBy), listedBy: strconv.Itoa(position[p]),
				line: resultLine(e.Facts, e.Meaning),
			}
			ed.titleText = append(ed.titleText, title, p.Name)
			ed.addMessages(e.Messages)
			ed.bodyText = append(ed.bodyText, e.Meaning, e.Action, e.Section)
			if e.HTTPStatus != 0 {
				ed.bodyText = append(ed.bodyText, "HTTP "+strconv.Itoa(e.HTTPStatus))
			}
			docs = append(docs, ed)
		}
	}
	for _, pg := range s.Pages {
		// A page's headings ("What you can send outside the window") say what it answers,
		// as its title does; a heading that names a code ("Pair rate: 131056 …") is about
		// that code, whose own page answers its words first, so it counts as text.
		title := append([]string{pg.Title}, pg.Aliases...)
		for _, h := range markdownHeadings.FindAllString(pg.Body, -1) {
			// A numbered heading ("2. The 24-hour window") is a step of a checklist whose
			// subject another page explains: text, like the rest of the step.
			if numberedStep.MatchString(h) {
				continue
			}
			if len(FindCodeMentions([]byte(h), func(c string) bool { return s.Code(c) != nil })) == 0 {
				title = append(title, h)
			}
		}
		if pg.Reference {
			docs = append(docs, searchDoc{url: contentPath(pg.Slug), title: pg.Title, titleText: append([]string{pg.Title}, pg.Aliases...)})
			continue
		}
		if pg.Slug != "index" {
			guides = append(guides, len(docs))
		}
		docs = append(docs, searchDoc{url: contentPath(pg.Slug), title: pg.Title, titleText: title, bodyText: []string{pg.Description, pg.Body}})
	}
	// HTTP statuses ("400", "HTTP 403", "429 Too Many Requests") find their page, which
	// lists Meta's codes and the provider entries that return that status.
	for _, st := range s.Statuses {
		n := strconv.Itoa(st.Code)
		title := "HTTP " + n + " " + http.StatusText(st.Code)
		docs = append(docs, searchDoc{url: statusPath(st.Code), title: strings.TrimSpace(title), titleText: []string{title}})
	}
	// Topics find their list of codes by name ("rate limits", "registration").
	for _, t := range s.Topics {
		name := strings.ReplaceAll(t.Name, "-", " ")
		docs = append(docs, searchDoc{url: topicPath(t.Name), title: "Codes about " + name, titleText: []string{name}})
	}
	if t := s.Tiers; t != nil {
		// The page's title and headings (templates/tiers.html).
		d := searchDoc{url: tiersPath, title: "Messaging limits (tiers)", titleText: append([]string{"Messaging limits tiers", "Current tiers", "How the limit grows", "Codes about limits"}, t.Aliases...), bodyText: []string{t.Summary, t.Growth}}
		for _, tier := range t.Tiers {
			d.bodyText = append(d.bodyText, tier.Name, tier.Typical, tier.Note)
		}
		guides = append(guides, len(docs))
		docs = append(docs, d)
	}
	if q := s.Quality; q != nil {
		d := searchDoc{url: qualityPath, title: "Quality rating", titleText: append([]string{"Quality rating"}, q.Aliases...), bodyText: []string{q.Summary}}
		for _, r := range q.Ratings {
			d.bodyText = append(d.bodyText, r.Name, r.Meaning, r.Action)
		}
		guides = append(guides, len(docs))
		docs = append(docs, d)
	}
	// /changes/ is found by what agents type to see what is new, in the three languages.
	guides = append(guides, len(docs))
	docs = append(docs, searchDoc{url: changesPath, title: "What changed", titleText: []string{"What changed", "what's new", "recent changes", "changelog", "updates to the knowledge base", "novedades", "qué cambió", "cambios recientes", "o que mudou", "novidades", "mudanças recentes"}})
	idx := invert(docs)
	idx.Guides = guides
	idx.Stop = strings.Join(strings.Fields(stopList), " ")
	var same []string
	for w, en := range sameWord {
		same = append(same, w+"="+en)
	}
	slices.Sort(same)
	idx.Same = strings.Join(same, " ")
	var gloss []string
	for stem, en := range glossary {
		gloss = append(gloss, stem+"="+en)
	}
	slices.Sort(gloss)
	idx.Gloss = strings.Join(gloss, " ")
	idx.Names = names
	idx.Paths = searchPaths{Code: codesPath, Provider: providersPath, Status: statusesPath}
	idx.Labels = searchLabels{Class: map[string]string{}, Fix: map[string]string{}}
	for _, t := range classes {
		idx.Labels.Class[t.value] = t.label
	}
	for _, t := range fixers {
		idx.Labels.Fix[fixLetters([]string{t.value})] = t.label
	}
	for _, c := range s.Codes {
		var eq []string
		for _, e := range c.Equivalents {
			eq = append(eq, e.Key)
		}
		if len(eq) > 0 {
			if idx.Equivalent == nil {
				idx.Equivalent = map[string]string{}
			}
			idx.Equivalent[c.Key] = strings.Join(eq, ",")
		}
	}
	files := Files{}
	for i, from := range idx.Shards {
		to := len(idx.Terms)
		if i+1 < len(idx.Shards) {
			to = idx.Shards[i+1]
		}
		b, err := json.Marshal(searchShard{Post: idx.post[from:to]})
		if err != nil {
			return nil, err
		}
		files[searchPath+"post-"+strconv.Itoa(i)+".json"] = b
	}
	b, err := json.Marshal(idx)
	if err != nil {
		return nil, err
	}
	files[searchPath+"index.json"] = b
	lines := make([][2]string, len(docs))
	for i, d := range docs {
		lines[i] = d.line
	}
	if files[searchPath+"lines.json"], err = json.Marshal(lines); err != nil {
		return nil, err
	}
	// [doc, phrase] pairs, fetched only by a query of minPhrase words or more.
	var phrases [][2]any
	for i, d := range docs {
		for _, p := range d.phrases {
			phrases = append(phrases, [2]any{i, p})
		}
	}
	if files[searchPath+"phrases.json"], err = json.Marshal(phrases); err != nil {
		return nil, err
	}
	if idx.Equivalent == nil {
		idx.Equivalent = map[string]string{}
	}
	if files[searchPath+"eq.json"], err = json.Marshal(idx.Equivalent); err != nil {
		return nil, err
	}
	return files, nil
}

// resultLine is a result's verdict and meaning, each "" when unknown.
func resultLine(f Facts, meaning string) [2]string {
	var retry string
	if f.Retry != "" {
		retry = retryLabel(f.Retry, f.RetryAfter)
	}
	return [2]string{retry, cutWords(oneLine(meaning), 120)}
}

// cutWords shortens s to at most n bytes at a word boundary, marking the cut.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		for cut = n; !utf8.RuneStart(s[cut]); cut-- {
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// fixLetters writes who fixes as one letter each: "you, meta" is "ym".
func fixLetters(fixBy []string) string {
	var b strings.Builder
	for _, f := range fixBy {
		b.WriteByte(f[0])
	}
	return b.String()
}

// invert turns documents into the index's term lists.
func invert(docs []searchDoc) searchIndex {
	idx := searchIndex{Version: 2, Terms: []string{}, Shards: []int{}}
	// Documents are added in order, so each term's list grows sorted, and a document that
	// repeats a term is always the last one in the list.
	type posting struct{ doc, title int }
	postings := map[string][]posting{}
	add := func(texts []string, doc, title int) {
		for _, text := range texts {
			for _, tok := range Tokenize(text) {
				p := postings[tok]
				if n := len(p); n > 0 && p[n-1].doc == doc {
					p[n-1].title = max(p[n-1].title, title)
					continue
				}
				postings[tok] = append(p, posting{doc, title})
			}
		}
	}
	sizes := map[int]int{}
	for i, d := range docs {
		idx.Docs = append(idx.Docs, [7]string{d.url, d.code, d.title, d.class, d.fixBy, d.listedBy, d.api})
		add(d.bodyText, i, 0)
		add(d.titleText, i, 1)
	}
	for _, p := range postings {
		for _, q := range p {
			sizes[q.doc]++
		}
	}
	for i := range docs {
		idx.Sizes = append(idx.Sizes, sizes[i])
	}
	for term := range postings {
		idx.Terms = append(idx.Terms, term)
	}
	sort.Strings(idx.Terms)
	size := shardSize
	var b strings.Builder
	for i, term := range idx.Terms {
		b.Reset()
		prev := 0
		for j, p := range postings[term] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(int64((p.doc-prev)<<1|p.title), 36))
			prev = p.doc
		}
		if size >= shardSize {
			idx.Shards = append(idx.Shards, i)
			size = 0
		}
		size += b.Len()
		idx.post = append(idx.post, b.String())
	}
	return idx
}

// stopWords are too common to help find anything: English, and the Portuguese and Spanish
// words of the same kind (articles, prepositions, "não"), which are rare on an English site
// and so would otherwise weigh as much as a code's name. They are written accents folded.
var stopWords = wordSet(stopList)

func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// stopList is sent to static/search.js in the index.
const stopList = "the and for are but not you your with this that from was were has have had its it is in on of " +
	"to or an as at be by if so a can will than then there their they them what when which who how into about " +
	"my me we our us do does did been being would should could why where just also these those since able such each other very much " +
	"de da do das dos em na nas nos no um uma uns umas ao aos para pra por pelo pela pelos pelas com que se nao ou " +
	"mas mais meu minha seu sua seus suas este esta isto isso esse essa ele ela eu ja foi ser sao muito como quando onde " +
	"el la los las un una unos unas del al en con es pero mi mis su sus lo le les ya muy fue son esto eso cuando donde " +
	"qual quais cual cuales pode podem posso puede pueden puedo voce usted hay"

// sameWord maps the Portuguese and Spanish forms of the words that are on nearly every page
// (error, message, template, send, number) to the English word, so that "erro" or
// "mensagem" weighs as little as "error" or "message" does rather than as a rare word. It is
// sent to static/search.js in the index.
var sameWord = map[string]string{
	"erro": "error", "erros": "error", "errores": "error",
	"mensagem": "message", "mensagens": "message", "mensaje": "message", "mensajes": "message",
	"modelo": "template", "modelos": "template", "plantilla": "template", "plantillas": "template",
	"enviar": "send", "envio": "send", "envia": "send", "enviou": "send", "enviando": "send",
	"enviado": "send", "enviada": "send", "enviados": "send", "enviadas": "send",
	"numero": "number", "numeros": "number",
	"valido": "valid", "valida": "valid", "invalido": "invalid", "invalida": "invalid",
	"invalidos": "invalid", "invalidas": "invalid",
	// Indonesian
	"pesan": "message", "templat": "template", "terkirim": "delivered", "gagal": "failed", "kesalahan": "error",
	"diblokir": "blocked", "blokir": "blocked", "nomor": "number", "batas": "limit", "pembayaran": "payment",
	"disetujui": "approved", "ditolak": "rejected", "kirim": "send", "mengirim": "send", "dikirim": "send",
	"akun": "account", "bisnis": "business", "kualitas": "quality", "verifikasi": "verification", "jendela": "window",
	// Turkish, folded as fold does (ö, ü, ç to o, u, c; ş, ğ and ı stay)
	"mesaj": "message", "mesajlar": "message", "mesajı": "message", "şablon": "template", "şablonu": "template",
	"iletildi": "delivered", "iletilmedi": "delivered", "gonderildi": "send", "gonderilemedi": "send",
	"gonderilemiyor": "send", "gonder": "send", "hata": "error", "hatası": "error", "engellendi": "blocked",
	"numara": "number", "numarası": "number", "odeme": "payment", "onaylandı": "approved", "reddedildi": "rejected",
	"hesap": "account", "hesabı": "account", "işletme": "business", "kalite": "quality", "başarısız": "failed",
	"doğrulama": "verification",
}

// glossary is the domain's vocabulary in languages whose words sameWord cannot list whole:
// Russian inflects them, Chinese and Japanese write without spaces, Arabic attaches its
// article, Hindi adds endings. A word in a non-Latin script that contains one of these
// stems, anywhere, stands for the English word (several stems, several words, in the order
// they appear). Indonesian and Turkish are whole words, in sameWord. Issue 26: languages by
// vocabulary, not by query; the same table runs in the browser (index.json's "gloss").
var glossary = map[string]string{
	// Russian
	"шаблон": "template", "сообщени": "message", "доставл": "delivered", "ошибк": "error", "блокир": "blocked",
	"номер": "number", "окн": "window", "лимит": "limit", "ограничен": "limit", "оплат": "payment", "платеж": "payment",
	"одобр": "approved", "приостанов": "paused", "бизнес": "business", "аккаунт": "account", "учетн": "account",
	"отклон": "rejected", "отправ": "send", "получ": "receive", "качеств": "quality", "спам": "spam",
	"регистр": "registration", "телефон": "phone", "вебхук": "webhook", "токен": "token", "забан": "banned",
	// Chinese
	"模板": "template", "消息": "message", "信息": "message", "讯息": "message", "送达": "delivered", "发送": "send",
	"失败": "failed", "错误": "error", "封禁": "banned", "封号": "banned", "被封": "banned", "屏蔽": "blocked",
	"拦截": "blocked", "号码": "number", "电话": "phone", "窗口": "window", "小时": "hours", "限制": "limit",
	"限额": "limit", "付款": "payment", "支付": "payment", "审核": "review", "批准": "approved", "暂停": "paused",
	"企业": "business", "商家": "business", "账号": "account", "账户": "account", "帐号": "account", "拒绝": "rejected",
	"接收": "receive", "收不到": "receive", "回调": "webhook", "令牌": "token", "质量": "quality", "验证": "verification",
	"垃圾": "spam", "注册": "registration",
	// Arabic
	"رسال": "message", "رسائل": "message", "قالب": "template", "قوالب": "template", "تسليم": "delivered",
	"ارسال": "send", "إرسال": "send", "خطأ": "error", "فشل": "failed", "حظر": "blocked", "محظور": "blocked",
	"رقم": "number", "دفع": "payment", "موافق": "approved", "حساب": "account", "رفض": "rejected", "مرفوض": "rejected",
	"جودة": "quality", "توثيق": "verification",
	// Hindi
	"टेम्पलेट": "template", "संदेश": "message", "मैसेज": "message", "डिलीवर": "delivered", "भेज": "send",
	"त्रुटि": "error", "एरर": "error", "ब्लॉक": "blocked", "नंबर": "number", "सीमा": "limit", "लिमिट": "limit",
	"भुगतान": "payment", "स्वीकृत": "approved", "खाता": "account", "अकाउंट": "account", "अस्वीकार": "rejected",
	"विफल": "failed", "फेल": "failed", "बैन": "banned", "गुणवत्ता": "quality", "सत्यापन": "verification",
}

// glossaryScript reports whether r is Cyrillic, Arabic, Devanagari, kana or a CJK ideograph.
func glossaryScript(r rune) bool {
	return r >= 0x400 && r <= 0x4ff || r >= 0x600 && r <= 0x6ff || r >= 0x900 && r <= 0x97f ||
		r >= 0x3040 && r <= 0x30ff || r >= 0x4e00 && r <= 0x9fff
}

// glossaryWords replaces a word in one of the glossary's scripts by the English words of the
// glossary stems it contains, in order: none when it contains none, since nothing in the
// index is written in those scripts ("не", "تم" would only stop a title from matching
// every word of the query). It returns nil for a word in any other script, which stays.
func glossaryWords(w string) []string {
	if !strings.ContainsFunc(w, glossaryScript) {
		return nil
	}
	type found struct {
		at int
		en string
	}
	var hits []found
	for stem, en := range glossary {
		for i := 0; ; {
			j := strings.Index(w[i:], stem)
			if j < 0 {
				break
			}
			hits = append(hits, found{i + j, en})
			i += j + len(stem)
		}
	}
	slices.SortFunc(hits, func(a, b found) int { return cmp.Or(a.at-b.at, strings.Compare(a.en, b.en)) })
	out := []string{}
	for _, h := range hits {
		if len(out) == 0 || out[len(out)-1] != h.en {
			out = append(out, h.en)
		}
	}
	return out
}

// foldAccents maps the accented Latin letters of Portuguese, Spanish, French and German to
// their base letter, so that "nao" finds "não" and "numero" finds "número". The same table
// is in static/search.js.
var foldAccents = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y",
)

// Tokenize splits text into lower-case search terms: runs of letters and digits, without
// stop words, accents folded, the everyday words of Portuguese and Spanish in English, each
// word stemmed.
func Tokenize(text string) []string {
	var out []string
	folded := strings.Map(func(r rune) rune {
		if r >= 0x300 && r <= 0x36f {
			return -1 // a combining accent, as in a decomposed "não"
		}
		return r
	}, foldAccents.Replace(strings.ToLower(text)))
	var split []string
	for _, w := range strings.FieldsFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r)
	}) {
		if en := glossaryWords(w); en != nil {
			split = append(split, en...)
		} else {
			split = append(split, w)
		}
	}
	for _, w := range split {
		if stopWords[w] || len([]rune(w)) < 2 && !isDigits(w) {
			continue
		}
		if en, ok := sameWord[w]; ok {
			w = en
		}
		out = append(out, Stem(w))
	}
	return out
}

// Stem strips common English endings so that "templates", "paused" and "pausing" meet
// "template" and "pause". It is deliberately small: the same rules run in the browser.
func Stem(w string) string {
	n := len([]rune(w))
	if n < 4 || !isLetters(w) {
		return w
	}
	// British spelling meets American: "unauthorised" is "unauthorized", "organisation"
	// "organization". The word must be longer than its ending by four letters, so that every
	// form of a word ("revise", "revised") is treated alike.
	for _, end := range britishEndings {
		if base, ok := strings.CutSuffix(w, end); ok && len([]rune(base)) >= 4 {
			w = base + "iz" + end[2:]
			break
		}
	}
	// Portuguese and Spanish forms meet: "notificações" is "notificação" (folded "coes",
	// "cao"), and "bloqueada" is "bloqueado".
	if base, ok := strings.CutSuffix(w, "coes"); ok && n >= 6 {
		return base + "cao"
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		w = strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "sses"):
		w = strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = strings.TrimSuffix(w, "s")
	}
	n = len([]rune(w))
	switch {
	case strings.HasSuffix(w, "ing") && n >= 6:
		w = strings.TrimSuffix(w, "ing")
	case strings.HasSuffix(w, "ed") && n >= 5:
		w = strings.TrimSuffix(w, "ed")
	}
	if strings.HasSuffix(w, "e") && len([]rune(w)) > 3 {
		w = strings.TrimSuffix(w, "e")
	}
	if (strings.HasSuffix(w, "ada") || strings.HasSuffix(w, "ida")) && len([]rune(w)) >= 6 {
		w = strings.TrimSuffix(w, "a") + "o"
	}
	return w
}

// britishEndings are the "-ise" endings Stem spells "-ize", longest first.
var britishEndings = []string{"isations", "isation", "ising", "ised", "ises", "ise"}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

var markdownHeadings = regexp.MustCompile(`(?m)^#{2,6} .*$`)

var jsonDetails = regexp.MustCompile(`"(?:details|title|message)"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// payloadWords pulls the human words out of an example payload (error_data.details,
// title, message), which are what an agent pastes and what Meta says matters.
func payloadWords(payload string) []string {
	var out []string
	for _, m := range jsonDetails.FindAllStringSubmatch(payload, -1) {
		out = append(out, m[1])
	}
	return out
}
