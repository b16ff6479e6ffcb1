// Prints what the search engine (static/search-engine.js) makes of each word of the JSON
// array on standard input: {"t": tokenize(word), "s": stem(word)} for each, in a JSON array.
// TestSearchTokenizers compares them with Go's Tokenize and Stem; searchindex.js says where
// the index (its stop words, everyday words and glossary) comes from.
"use strict";
const fs = require("node:fs");
const { open } = require("./searchindex.js");

const { engine } = open();
const words = JSON.parse(fs.readFileSync(0, "utf8"));
// The glossary is a part of its own, fetched by a query in its scripts.
Promise.resolve(engine.part("gloss")).then(() => {
  process.stdout.write(JSON.stringify(words.map((w) => ({ t: engine.tokenize(w), s: engine.stem(w) }))));
});
