package searchindex

import (
	"sort"
	"strconv"
	"strings"
)

// shardSize is about how many bytes of document lists go in one shard.
const shardSize = 64 << 10

// inverted is the documents as the index's term lists.
type inverted struct {
	terms  []string // sorted
	post   []string // for each term, its documents as shardFile writes them
	sizes  []int    // for each document, how many distinct terms it holds
	inRows []byte   // bit i%8 of byte i/8 is set when a row holds term i
}

// invert turns documents into the index's term lists.
func invert(docs []Doc) inverted {
	// Documents are added in order, so each term's list grows sorted, and a document that
	// repeats a term is always the last one in the list.
	// titles is which of the document's names (its title, each alias, each message's head)
	// hold the term, as bits; 0 for a word of its text only.
	type posting struct{ doc, titles int }
	postings := map[string][]posting{}
	t := tokenizer{words: map[string][]string{}}
	var terms []string
	// kind says which bits a text sets: none for text, the first for the document's title,
	// its own for an alias, every one for a qualifier.
	const text, title, alias, qualifier = 0, 1, 2, 3
	add := func(texts []string, doc int, kind int) {
		for j, text := range texts {
			bit := 0
			switch kind {
			case title:
				bit = 1
			case alias:
				bit = 2 << (j % (titleBits - 1))
			case qualifier:
				bit = 1<<titleBits - 1
			}
			terms = t.tokens(terms[:0], text)
			for _, tok := range terms {
				p := postings[tok]
				if n := len(p); n > 0 && p[n-1].doc == doc {
					p[n-1].titles |= bit
					continue
				}
				postings[tok] = append(p, posting{doc, bit})
			}
		}
	}
	for i, d := range docs {
		head, tail := splitHeads(d.Messages, messageHead)
		add(d.Text, i, text)
		add(tail, i, text)
		restatedHeads, restatedTail := splitHeads(d.Restated, restatedHead)
		add(restatedHeads, i, title)
		add(restatedTail, i, text)
		add(d.TitleText, i, title)
		add(head, i, title)
		add(d.Aliases, i, alias)
		add(d.Qualifiers, i, qualifier)
	}
	inv := inverted{terms: []string{}}
	sizes := map[int]int{}
	for term, p := range postings {
		inv.terms = append(inv.terms, term)
		for _, q := range p {
			sizes[q.doc]++
		}
	}
	for i := range docs {
		inv.sizes = append(inv.sizes, sizes[i])
	}
	sort.Strings(inv.terms)
	inv.inRows = make([]byte, (len(inv.terms)+7)/8)
	var b strings.Builder
	var num []byte
	for i, term := range inv.terms {
		b.Reset()
		prev := 0
		for j, p := range postings[term] {
			if docs[p.doc].Row {
				inv.inRows[i/8] |= 1 << (i % 8)
			}
			if j > 0 {
				b.WriteByte(',')
			}
			title := 0
			if p.titles != 0 {
				title = 1
			}
			num = strconv.AppendInt(num[:0], int64((p.doc-prev)<<1|title), 36)
			b.Write(appendNames(num, p.titles))
			prev = p.doc
		}
		inv.post = append(inv.post, b.String())
	}
	return inv
}

// titleBits is how many of a document's names (Doc.Aliases) a title word says it is in: the
// first bit is its title, the others its aliases; a document with more aliases shares bits
// among them, so that a word of its 30th alias reads as one of its first. The bits stay
// under 2^30 so that the script reads them as 32-bit integers.
const titleBits = 30

// appendNames appends to a document's number in a term's list which of its names hold the
// term: nothing for its title alone (or its text), "." for every name (a qualifier), else
// "." and the bits in base 36. Most title words are a title's alone, so they cost nothing.
func appendNames(b []byte, titles int) []byte {
	switch titles {
	case 0, 1:
		return b
	case 1<<titleBits - 1:
		return append(b, '.')
	}
	return strconv.AppendInt(append(b, '.'), int64(titles), 36)
}

// shard cuts the term lists into runs of about shardSize bytes, and returns the position of
// each run's first term.
func shard(post []string) []int {
	shards := []int{}
	size := shardSize
	for i, p := range post {
		if size >= shardSize {
			shards = append(shards, i)
			size = 0
		}
		size += len(p)
	}
	return shards
}

// messageHead is how many words of a literal message count as its title. Agents paste a
// message's head; the tail of a long one is an enumeration or a documentation address
// shared with other errors ("must be one of {BOOKING_CONFIRMATION, CATALOG, …}", "Please
// read the Graph API documentation at …"), whose words would make the code a title match for
// any query that says "phone number", "url" or "template". The tail still counts as text.
const messageHead = 12

// splitHeads splits messages into their first n words, title words, and the rest, text.
func splitHeads(messages []string, n int) (head, tail []string) {
	for _, m := range messages {
		words := strings.Fields(m)
		if len(words) <= n {
			head = append(head, m)
			continue
		}
		head = append(head, strings.Join(words[:n], " "))
		tail = append(tail, strings.Join(words[n:], " "))
	}
	return head, tail
}

// restatedHead is how many words of a provider's restatement of a code's message name the
// code: the words a paste begins with. The rest of a provider's sentence ("… has not responded
// in a while") is its own wording, text of the code, so one of its words does not make the
// code a title match for a query that merely shares it.
const restatedHead = 4

// minPhrase is the fewest words a message needs to count as a phrase (and two of them not
// stop words): shorter ones ("Invalid token") are everyday words, as bags of words rank them.
// static/search.js has it as MIN_PHRASE.
const minPhrase = 3

// maxPhrase is how many words of a message its phrase holds: the whole message, as pasted,
// so that of two messages that begin alike the query's own is the longer match; the tail of
// a very long one (Meta's pointers to documentation) is left out.
const maxPhrase = 30

// messagePhrases are the literal messages as stems in order: a query that holds one whole
// finds the document whose message it is, even when other pages share its words.
func messagePhrases(messages []string) []string {
	var out []string
	for _, m := range messages {
		words := strings.Fields(m)
		if stems := Tokenize(strings.Join(words[:min(len(words), maxPhrase)], " ")); len(words) >= minPhrase && len(stems) >= 2 {
			out = append(out, strings.Join(stems, " "))
		}
	}
	return out
}
