// Package searchindex is the site's search as data: the tokenizer (Tokenize, Stem) and the
// index static/search.js fetches the first time someone searches. The site collects its
// documents from its model and hands them over in an Index; Files inverts them (invert.go),
// cuts the term lists into shards and encodes the files (index.go).
//
// # Tokenizer
//
// Tokenize lowers case, folds accents, splits text into runs of letters and digits, reads a
// word of the glossary's scripts as the English words of the stems it holds, drops stop
// words, reads the everyday words of Portuguese, Spanish, Indonesian and Turkish as English,
// and stems each word (tokenize.go; the word tables are in words.go). static/search.js
// mirrors it line for line, with the word tables sent in index.json, so that a query's words
// meet the index's; TestSearchTokenizers (js_test.go) runs every word of the real and
// synthetic indexes through both and fails on any difference.
//
// # Files
//
// The index is inverted: the sorted list of every word stem in the site, and for each stem
// the documents that hold it and whether in their title. A search fetches index.json, then
// only the shards its words need, and for a code none at all.
//
//	index.json    the documents but the providers' rows, the stems, the shards' first stems,
//	              the word tables, and what results show (providers' names, address
//	              prefixes, labels): indexFile
//	post-N.json   the document lists of a run of stems, about shardSize bytes: shardFile
//	rows.json     the documents of the providers' rows (Doc.Row), fetched with the first
//	              document list that holds one, as index.json's inRows says: rowGroup
//	lines.json    each document's result line, fetched after the first results are shown
//	phrases.json  [document, phrase] pairs, fetched only by a query of minPhrase words or more
//	eq.json       each code's equivalent codes, fetched only when a query finds a code
//	gloss.json    the glossary, fetched only by a query in its scripts (in index.json instead
//	              when a title is in them)
package searchindex
