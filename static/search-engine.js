// The site's search engine: it reads a query (codes, HTTP statuses, words, a pasted payload
// or log), finds the terms its words can mean and ranks the documents of the index the
// generator writes (generator/out_search.go says its format). It knows no page: the page's
// side (search-shell.js, published after it as one file, static/search.js) and the Node
// tests (testdata/js/search.test.js) give it the index and a function that fetches the
// index's other parts by name ("post-0", "rows", "gloss", "eq", "phrases", "lines") and
// resolves to them.
var SearchEngine = function (raw, fetchPart) {
  "use strict";
  var index = raw;
  var postingCache = new Map();

  // What a match is worth. What a query names outright ranks in bands far apart, so that no
  // sum of word matches reaches the band above: a code it names (NAMED, less NEXT for each
  // code after the first, then their equivalents), then a code near a number we do not have,
  // a code prefix or a provider's own number (NEAR), then the words; a status it names
  // counts as much as a few words in a title (STATUS), a reason phrase alone half that.
  var NAMED = 1e6, NEXT = 1e4, NEAR = 1e5, STATUS = 60, REASON_PHRASE = 30;
  // A provider's own numbers that are also the platform's codes are short (Messente's 0 to
  // 10, Bird's 2 and 21, Gupshup's 1002); longer ones are the platform's alone.
  var OWN_CODE_DIGITS = 4;
  // A query word finds its own term whole, a longer term it starts at PREFIX (the last word
  // is still being typed), and one a typo away at TYPO.
  var PREFIX = 0.7, TYPO = 0.5;
  // A word in a title counts TITLE times one in the text; each word matched adds RARE_BONUS
  // times its rarity (TEXT_RARITY of it for a word in the text), so that a pasted message
  // found whole in a page's text beats a short title that shares three of its words.
  var TITLE = 10, RARE_BONUS = 20, TEXT_RARITY = 0.7;
  // A title that holds every word of the query, or that the query names whole, earns
  // WHOLE_TITLE; a literal message found whole, PHRASE and PHRASE_WORD a word of it.
  var WHOLE_TITLE = 15, PHRASE = 20, PHRASE_WORD = 2;
  // ALL_NAMES are the bits of every name a document can have (internal/searchindex's
  // titleBits).
  var ALL_NAMES = (1 << 30) - 1;
  // What yields on a tie of words: the retired On-Premises API (ONPREM), a provider's code
  // to Meta's for the same words (PROVIDER_CODE); a guide is preferred for a question
  // (GUIDE); a provider's own number said with the provider's name adds OWN_NUMBER, said
  // without it OWN_NUMBER_ALONE, enough to pass entries that only mention the number.
  // A guide's section yields to a page that answers as well (SECTION).
  var ONPREM = 0.75, PROVIDER_CODE = 0.85, GUIDE = 1.3, OWN_NUMBER = 30, OWN_NUMBER_ALONE = 2, SECTION = 0.8;
  // The first RANKED are reweighed by their titles; results under FLOOR of the best are the
  // long tail of weak matches; a search lists RESULTS at most.
  var RANKED = 60, FLOOR = 0.2, RESULTS = 20;

  // Tokenize and stem exactly as generator/out_search.go does.
  // The stop words and the everyday Portuguese and Spanish words read as English come with
  // the index (generator/out_search.go holds them), so that both sides read words alike.
  function pairs(list) { return list.split(" ").map(function (pair) { return pair.split("="); }); }
  var STOP = new Set(raw.stop.split(" ")), SAME_WORD = new Map(pairs(raw.same));
  // MIN_PHRASE is out_search.go's minPhrase.
  var MIN_PHRASE = 3;
  function isLetters(w) { return /^\p{L}+$/u.test(w); }
  function stem(w) {
    var n = Array.from(w).length;
    if (n < 4 || !isLetters(w)) return w;
    // British spelling meets American ("unauthorised", "organisation"), as in out_search.go.
    var british = /^(.{4,})is(ations|ation|ing|ed|es|e)$/u.exec(w);
    if (british) w = british[1] + "iz" + british[2];
    // Portuguese and Spanish forms meet ("notificações", "bloqueada"), as in out_search.go.
    if (/coes$/.test(w) && n >= 6) return w.slice(0, -4) + "cao";
    if (/ies$/.test(w) && n > 4) w = w.slice(0, -3) + "y";
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    n = Array.from(w).length;
    if (/ing$/.test(w) && n >= 6) w = w.slice(0, -3);
    else if (/ed$/.test(w) && n >= 5) w = w.slice(0, -2);
    if (/e$/.test(w) && Array.from(w).length > 3) w = w.slice(0, -1);
    if (/[ai]da$/.test(w) && Array.from(w).length >= 6) w = w.slice(0, -1) + "o";
    return w;
  }
  // Accents fold to their letter ("nao" finds "não"), by the table generator/out_search.go uses.
  var FOLD = { "à": "a", "á": "a", "â": "a", "ã": "a", "ä": "a", "å": "a", "ç": "c", "è": "e", "é": "e", "ê": "e", "ë": "e",
    "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ö": "o",
    "ù": "u", "ú": "u", "û": "u", "ü": "u", "ý": "y", "ÿ": "y" };
  function fold(text) {
    return text.toLowerCase().replace(/[àáâãäåçèéêëìíîïñòóôõöùúûüýÿ]/g, function (c) { return FOLD[c]; }).replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    var split = [];
    (fold(text).match(/[\p{L}\p{M}\p{N}]+/gu) || []).forEach(function (w) {
      var en = glossaryWords(w);
      if (en) split.push.apply(split, en); else split.push(w);
    });
    return split.filter(function (w) {
      return !STOP.has(w) && (Array.from(w).length >= 2 || /^\d+$/.test(w));
    });
  }
  // glossaryWords is out_search.go's, which says why. The glossary is a part of its own
  // ("gloss"), which only a query in its scripts needs: without it, such a word is left out
  // and glossWanted says so, for plan.
  var GLOSS = null, glossWanted = false;
  function glossaryWords(w) {
    if (!/[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff]/.test(w)) return null;
    if (!index.gloss) { glossWanted = true; return []; }
    GLOSS = GLOSS || pairs(index.gloss);
    var hits = [];
    GLOSS.forEach(function (g) {
      for (var i = 0, j; (j = w.indexOf(g[0], i)) >= 0; i = j + g[0].length) hits.push([j, g[1]]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    var out = [];
    hits.forEach(function (h) { if (out[out.length - 1] !== h[1]) out.push(h[1]); });
    return out;
  }
  function english(w) { return SAME_WORD.get(w) || w; }
  function tokenize(text) { return words(text).map(function (w) { return stem(english(w)); }); }

  // The provider rows' documents are a part of their own ("rows", fillRows), fetched with the
  // first document list that holds one (loadShards); until then their places are empty.
  var docs = [], k = 0;
  raw.rowsAt.forEach(function (g) {
    while (docs.length < g[0]) docs.push(raw.docs[k++]);
    for (var j = 0; j < g[1]; j++) docs.push(null);
  });
  index.docs = docs.concat(raw.docs.slice(k));
  var IN_ROWS = atob(raw.inRows);
  // inRows says whether a row holds term t.
  function inRows(t) { return IN_ROWS.charCodeAt(t >> 3) >> (t & 7) & 1; }
  // fillRows puts the rows' documents in their places: each group of rows.json is [address
  // prefix, listed by, rows], a row [the rest of its address, title, class, who fixes].
  function fillRows(groups) {
    groups.forEach(function (g, i) {
      g[2].forEach(function (r, j) { index.docs[raw.rowsAt[i][0] + j] = [g[0] + r[0], "", r[1], r[2], r[3], g[1], ""]; });
    });
  }

  index.guides = new Set(raw.guides);
  index.exceptions = raw.exceptions || [];
  index.codeDocs = new Map();
  index.statusDocs = new Map();
  var statusPage = new RegExp("^" + raw.paths.status + "(\\d+)/$");
  index.docs.forEach(function (d, i) {
    if (!d) return;
    if (d[1]) index.codeDocs.set(d[1], i);
    var st = statusPage.exec(d[0]);
    if (st) index.statusDocs.set(st[1], i);
    if (!d[0]) d[0] = raw.paths.code + d[1] + "/";
  });
  // A guide's section ("registration/#forgot-the-pin") is found on its own; pageOf is its
  // guide's document, for the result's title and so that a page shows once in the results.
  index.pageOf = new Map();
  var docAt = new Map();
  index.docs.forEach(function (d, i) { if (d) docAt.set(d[0], i); });
  raw.guides.forEach(function (i) {
    var hash = index.docs[i][0].indexOf("#"), page = docAt.get(index.docs[i][0].slice(0, hash));
    if (hash > 0 && page !== undefined) index.pageOf.set(i, page);
  });
  // isEntry: a provider's entry is a part of its page, as a section is of a guide's.
  function isEntry(d) { return d[0].indexOf("#") > 0 && d[0].lastIndexOf(raw.paths.provider, 0) === 0; }

  // part fetches the index's part name into index[name] once; null when it is here already.
  // The codes' equivalents under other APIs ("eq") only a query that finds a code needs;
  // the literal messages ("phrases") only a query of MIN_PHRASE words or more.
  var parts = {};
  function part(name) {
    if (index[name]) return null;
    if (!parts[name]) {
      parts[name] = fetchPart(name).then(function (v) {
        index[name] = v;
        if (name === "rows") fillRows(v);
      });
    }
    return parts[name];
  }

  // shardOf finds the shard that holds a term's document list.
  function shardOf(t) {
    var i = index.shards.length - 1;
    while (i > 0 && index.shards[i] > t) i--;
    return i;
  }
  // loadShards fetches the shards (parts "post-N") a set of terms needs, and the rows'
  // documents when a row holds one of the terms; null when they are all here already.
  function loadShards(terms) {
    var wanted = [];
    terms.forEach(function (t) {
      wanted.push(part("post-" + shardOf(t)), inRows(t) ? part("rows") : null);
    });
    wanted = wanted.filter(Boolean);
    return wanted.length ? Promise.all(wanted) : null;
  }

  // postings decodes a term's document list: [doc, names] pairs, where names says which of
  // the document's names hold the term, as bits: 0 for its text only, 1 for its title (and
  // messages' heads), a bit of its own for each alias, every bit for a qualifier (a code's
  // provider). A list writes "doc" for the title alone, "doc." for every name and
  // "doc.bits" for the rest (internal/searchindex's appendNames).
  function postings(t) {
    var hit = postingCache.get(t);
    if (hit) return hit;
    var out = [], doc = 0, shard = shardOf(t);
    index["post-" + shard].post[t - index.shards[shard]].split(",").forEach(function (s) {
      var v = parseInt(s, 36), dot = s.indexOf(".");
      doc += v >> 1;
      out.push(doc, !(v & 1) ? 0 : dot < 0 ? 1 : dot === s.length - 1 ? ALL_NAMES : parseInt(s.slice(dot + 1), 36));
    });
    postingCache.set(t, out);
    return out;
  }

  // lowerBound finds the first term not less than s in the sorted term list.
  function lowerBound(s) {
    var lo = 0, hi = index.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.terms[mid] < s) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // withinOneEdit: insert, delete, replace or swap two neighbours (optimal string alignment).
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // matchTerms lists the terms a query word can mean, each with a weight: the word itself,
  // longer words it starts (the word being typed: up to 200 terms; for another word of four
  // letters or more, 20), and, for words of five letters or more, words one typo away.
  function matchTerms(word, isLast) {
    var s = stem(english(word)), out = new Map();
    var i = lowerBound(s);
    if (index.terms[i] === s) out.set(i, 1);
    if (isLast || word.length >= 4) {
      var limit = isLast ? 200 : 20;
      for (var j = i; j < index.terms.length && limit > 0 && index.terms[j].startsWith(s); j++, limit--) {
        if (!out.has(j)) out.set(j, PREFIX);
      }
    }
    if (Array.from(word).length >= 5) {
      for (var k = 0; k < index.terms.length; k++) {
        if (!out.has(k) && withinOneEdit(s, index.terms[k])) out.set(k, TYPO);
      }
    }
    return out;
  }

  // HTTP reason phrases and words around a status that say it is one ("429 Too Many
  // Requests", "HTTP 403", "status code 400", "400 Client Error", "getting 500 errors").
  var STATUS_CONTEXT = [
    /\b(\d{3})\s+errors?\b/gi,
    /\bHTTP(?:\/\d(?:\.\d)?)?[\s:"']*(?:status[\s:]*)?(?:code[\s:]*)?(\d{3})\b/gi,
    /\bstatus(?:[ _]?code)?["'\]]?\s*(?:=>|[:=])?\s*["']?(\d{3})\b/gi,
    /\b(\d{3})\s*\(?\s*(?=(?:bad request|unauthori[sz]ed|authori[sz]ation failed|forbidden|not found|method not allowed|too many requests|internal server error|bad gateway|service unavailable|gateway time-?out|client error|server error|partial content)\b)/gi
  ];
  var REASON = /\b(?:bad request|unauthori[sz]ed|forbidden|not found|too many requests|internal server error|bad gateway|service unavailable|gateway time-?out)\b/gi;
  var REASONS = { badrequest: "400", unauthorized: "401", forbidden: "403", notfound: "404", toomanyrequests: "429",
    internalservererror: "500", badgateway: "502", serviceunavailable: "503", gatewaytimeout: "504" };
  // Where a number is said to be a code: a payload's code field in any language's syntax
  // ("code": 1, 'code': 1, code=1, Code:1, "code" => 1, :code=>1, [code] => 1,
  // ["code"]=> int(1), error_code=1), then the ways people write one ("(#131047)",
  // "error 470", "erro 131049", "código 100").
  var CODE_FIELD = /(?:\b(?:error_?code|errorcode|code)|\bcode\b["'\]]*)\s*(?:=>|[:=])\s*(?:int\()?\s*["']?(\d+)/gi;
  var CODE_SAID = /(?:\b(?:errors?|erro|err|c[oó]digo|code)\b\s*(?:code\b)?\s*[:#]?\s*|#\s?)(\d+)/gi;
  // "403 (10) Forbidden": the status, then Graph's code.
  var CODE_AFTER_STATUS = /\b[45]\d\d\s*\((\d{1,6})\)/g;

  // withoutNoise drops what a pasted log carries besides the error (stack frames, lines of
  // code, exception classes, time stamps): their words are the program's, not the error's.
  var NOISE = [
    /Traceback \(most recent call last\):?/g,
    /File "[^"]*", line \d+(?:, in [\w<>.]+)?/g,
    /\bat (?:async )?[\w$.<>\[\] ]*\(?(?:[A-Za-z]:)?[\w$./\\@-]*\.(?:java|kt|js|ts|mjs|cjs|cs|go|rb|py)(?::\d+){1,2}\)?/g,
    /#\d+ \S+\.php\(\d+\): \S+/g,
    /\b[A-Za-z_$][\w$]*(?:[.\\][A-Za-z_$][\w$]*)*[.\\][A-Za-z_$]*(?:Error|Exception|Warning)\b/g,
    /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g,
    /\b(?:production|local|staging|app)\.(?:ERROR|WARNING|INFO|DEBUG)\b:?/g,
    // code: x[name].get(y), not Meta's interactive['action'] nor "(#131047)"
    /[A-Za-z_$][\w$]*(?:\[[A-Za-z_$][\w$]*\]|\.[A-Za-z_$][\w$]*)*(?:\.[A-Za-z_$][\w$]*\((?![#\d])[^)\s]*\)|\[[A-Za-z_$][\w$]*\])(?:\.[A-Za-z_$][\w$]*|\[[A-Za-z_$][\w$]*\]|\((?![#\d])[^)\s]*\))*/g,
  ];
  // A language's own exception or a stack frame says the library may be at fault; an
  // SDK's wrapper of the API's answer (WhatsAppError, OAuthException) does not.
  var EXCEPTION = /Traceback \(|File "[^"]*", line \d|\b(?:Key|Type|Value|Attribute|Reference|NoSuchMethod)Error\b|\b(?:NullPointer|ClassNotFound|NullReference|Json\w*|UnrecognizedProperty)Exception\b|\bEOF\b|\bpanic: /;
  function withoutNoise(q) {
    return NOISE.reduce(function (t, re) { return t.replace(re, " "); }, q);
  }

  // analyze reads what was typed or pasted: codes and HTTP statuses in any written form,
  // numbers we do not know, and words.
  function analyze(q) {
    // "131_026" is 131026; stack frames, exception class names and log prefixes are noise.
    var text = withoutNoise(q).replace(/(\d)_(?=\d{3}(?!\d))/g, "$1");
    var found = { codes: [], statuses: [], reasons: [], unknown: [], owned: [], prefix: "", payload: false, exception: EXCEPTION.test(q) };
    if (codeAlone(found, text)) return found;
    statusesSaid(found, text);
    if (!found.statuses.length) reasonPhrasesSaid(found, text);
    codesSaid(found, text);
    var said = payloadSays(text.trim());
    found.payload = said !== null;
    found.words = wordsSaid(found, found.payload ? said : text);
    return found;
  }

  // noteCode files a number read in a query: one of the site's codes, else, when strong (the
  // number is said to be a code), a provider's own number or a code we do not have. It says
  // whether the number is one of the site's codes.
  function noteCode(found, c, strong) {
    c = c.replace(/^0+(?=\d)/, "");
    if (index.codeDocs.has(c)) { if (found.codes.indexOf(c) < 0) found.codes.push(c); return true; }
    // A number said to be a code that is no platform code may be a provider's own
    // ("(code 7008)" is Infobip's): the entries that carry it in their title come first.
    if (strong && index.terms[lowerBound(c)] === c && found.owned.indexOf(c) < 0) found.owned.push(c);
    if (strong && c.length >= 3 && !index.statusDocs.has(c) && index.terms[lowerBound(c)] !== c && found.unknown.indexOf(c) < 0) found.unknown.push(c);
    return false;
  }

  // codeAlone reads into found a query that is a code and nothing else ("131 047",
  // "#131047", "(#130429)", "error 470", "code: 63016"), a status or a number; false, found
  // untouched, for any other query.
  function codeAlone(found, text) {
    var bare = text.replace(/\b(error|errors|erro|code|codes|c[oó]digo|http|status)\b/gi, " ").replace(/[#():,.]/g, " ").trim();
    if (!/^[\d\s-]+$/.test(bare) || !/\d/.test(bare)) return false;
    var joined = bare.replace(/\s+/g, "");
    if (!noteCode(found, joined)) {
      bare.split(/\s+/).forEach(function (g) { if (g !== joined) noteCode(found, g); });
    }
    if (index.statusDocs.has(joined) && found.statuses.indexOf(joined) < 0) found.statuses.push(joined);
    if (!found.codes.length && !found.statuses.length && /^\d+$/.test(joined)) {
      var starts = false;
      index.codeDocs.forEach(function (_, c) { if (!starts && c.startsWith(joined)) starts = true; });
      if (starts) found.prefix = joined;
      else noteCode(found, joined, true);
    }
    // A number that is no platform code may be a provider's own (Gupshup's 1002), and
    // a status is also in the entries that return it: the number is one of the words, not
    // an owned number.
    found.owned = [];
    found.words = found.codes.length ? [] : words(joined);
    return true;
  }

  // statusesSaid finds the HTTP statuses the text marks as statuses (STATUS_CONTEXT: "HTTP
  // 403", "429 Too Many Requests", "status code 400").
  function statusesSaid(found, text) {
    STATUS_CONTEXT.forEach(function (re) {
      text.replace(re, function (_, s) { if (index.statusDocs.has(s) && found.statuses.indexOf(s) < 0) found.statuses.push(s); return _; });
    });
  }

  // reasonPhrasesSaid: a status's reason phrase alone ("Bad request - please check your
  // parameters") names it less surely than its number does.
  function reasonPhrasesSaid(found, text) {
    text.replace(REASON, function (m) {
      var s = REASONS[m.toLowerCase().replace(/[^a-z]/g, "").replace("authoris", "authoriz")];
      if (s && index.statusDocs.has(s) && found.reasons.indexOf(s) < 0) found.reasons.push(s);
      return m;
    });
  }

  // codesSaid finds the numbers the text says are codes (CODE_FIELD, CODE_AFTER_STATUS,
  // CODE_SAID), then any long number that is a code.
  function codesSaid(found, text) {
    text.replace(CODE_FIELD, function (_, c) { noteCode(found, c, true); return _; });
    text.replace(CODE_AFTER_STATUS, function (_, c) { noteCode(found, c, true); return _; });
    text.replace(CODE_SAID, function (m, c, at) {
      // "status code 400" is a status, said above.
      if (!/^code/i.test(m) || !/status[\s_]*$/i.test(text.slice(Math.max(0, at - 8), at))) noteCode(found, c, true);
      return m;
    });
    // Any long number that is a code, wherever it is: "131047: Re-engagement message",
    // "[131048] Spam rate limit hit", "error-code-131042".
    text.replace(/\d{5,}/g, function (m) { noteCode(found, m); return m; });
  }

  // payloadSays returns what a pasted payload says, or null when the paste is none or says
  // nothing. A paste that opens with a brace, or that sets two or more quoted fields
  // ("type: '…', title: \"…\"", a payload's inside cut loose), is a payload.
  function payloadSays(trimmed) {
    var fields = trimmed.match(/\b\w+["'\]]*\s*(?:=>|[:=])\s*["'{\[]/g) || [];
    if (!/^[\[{]/.test(trimmed) && fields.length < 2) return null;
    // A pasted payload: its words are what it says (message, title, details), not its
    // keys. Strict JSON is read as such; anything else (a Python dict, a Ruby hash, a cut
    // paste) by the same keys in any quotes.
    var said = [], parsed = null;
    try { parsed = JSON.parse(trimmed); } catch (e) { /* not JSON: read by pattern */ }
    if (parsed !== null && typeof parsed === "object") {
      (function walk(v, key) {
        if (Array.isArray(v)) v.forEach(function (x) { walk(x, key); });
        else if (v && typeof v === "object") Object.keys(v).forEach(function (k) { walk(v[k], k); });
        else if (/^(details?|title|message|error_user_msg|error_user_title|reason|description)$/.test(key) && typeof v === "string") said.push(v);
      })(parsed, "");
    } else {
      trimmed.replace(/\b(?:details?|title|message|error_user_msg|error_user_title|reason|description)["'\]]*\s*(?:=>|[:=])\s*(?:"((?:[^"\\]|\\.)*)"?|'((?:[^'\\]|\\.)*)'?)/gi, function (_, d, s) {
        said.push(d !== undefined ? d : s || "");
        return _;
      });
    }
    return said.join("").trim() ? said.join(" ") : null;
  }

  // wordsSaid lists the words of text, each once, leaving out the codes and owned numbers
  // found.
  function wordsSaid(found, text) {
    // Codes found are not also words; "(#131047)" inside a message is the code.
    text = withoutNumbers(text.replace(/\(?#\d+\)?/g, " "), found.codes);
    // "InvalidParams", "TemplateParamCountMismatch": an identifier's words, when the
    // identifier itself is not a word of the site.
    text = text.replace(/[A-Za-z]*[a-z][A-Z][A-Za-z]*/g, function (m) {
      var s = stem(fold(m));
      return index.terms[lowerBound(s)] === s ? m : m.replace(/([a-z])([A-Z])/g, "$1 $2");
    });
    text = withoutNumbers(text, found.owned);
    // A word said twice ("message … message") counts once.
    var seen = new Set();
    return words(text).filter(function (w) { var s = stem(english(w)); return !seen.has(s) && seen.add(s); });
  }

  // withoutNumbers blanks each of numbers where it stands whole in text.
  function withoutNumbers(text, numbers) {
    return numbers.reduce(function (t, c) { return t.replace(new RegExp("(^|\\D)" + c + "(?!\\d)", "g"), "$1 "); }, text);
  }

  // Words that say a query reports an error rather than asks how something works.
  var REPORTS = new Set(["error", "fail", "failed", "failure", "falha", "falhou", "falla", "fallo", "fallido", "exception",
    "invalid", "rejected", "undeliverable", "code", "codigo"].map(stem));

  // plan reads a query and finds the terms its words can mean.
  function plan(q) {
    glossWanted = false;
    var a = analyze(q);
    // A query in the glossary's scripts read without it is read again once it is here.
    a.gloss = glossWanted;
    a.matches = a.words.map(function (w, wi) { return matchTerms(w, wi === a.words.length - 1 && !a.payload); });
    a.report = a.codes.length > 0 || a.statuses.length > 0 || a.payload ||
      a.words.some(function (w) { return REPORTS.has(stem(english(w))); });
    a.terms = a.owned.concat(a.statuses).map(lowerBound);
    // A short code said with words may be a named provider's own number (providerOwnCodes).
    if (a.words.length) a.codes.forEach(function (c) { if (c.length <= OWN_CODE_DIGITS) a.terms.push(lowerBound(c)); });
    a.matches.forEach(function (m) { m.forEach(function (_, t) { a.terms.push(t); }); });
    // What the first results need (needs): the glossary, else the shards and rows; what a
    // complete search needs (waiting): those, equivalents, phrases. The page shows results
    // once it has the first; a plan that waited for the glossary is made again.
    a.text = q;
    a.phrased = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length >= MIN_PHRASE;
    a.needs = function () {
      return a.gloss ? part("gloss") || Promise.resolve() : loadShards(a.terms);
    };
    a.waiting = function () {
      var w = [a.needs(), a.codes.length ? part("eq") : null, a.phrased ? part("phrases") : null].filter(Boolean);
      return w.length ? Promise.all(w) : null;
    };
    return a;
  }

  // rarity weighs a term by how few documents hold it: a word in one document in fifty or
  // fewer counts whole; words that are everywhere (WhatsApp, API, message, error) little.
  function rarity(t) {
    var df = postings(t).length / 2, n = index.docs.length;
    return Math.min(1, Math.max(0.1, Math.log(n / df) / Math.log(50)));
  }

  // nearest lists the codes nearest to a number we do not have: those sharing its longest
  // prefix (same family), closest first.
  function nearest(num) {
    for (var len = num.length - 1; len >= 3; len--) {
      var p = num.slice(0, len), near = [];
      index.codeDocs.forEach(function (doc, c) { if (c.startsWith(p) && /^\d+$/.test(c)) near.push([Math.abs(+c - +num), doc]); });
      if (near.length) return near.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; }).slice(0, 5).map(function (e) { return e[1]; });
    }
    return [];
  }

  // lengthNorm is how much a word in document doc's text counts, against a page of average
  // length: LENGTH_B of the weight follows the page's length, the rest does not.
  var LENGTH_B = 0.5;
  var avgSize = index.sizes.reduce(function (x, y) { return x + y; }, 0) / index.sizes.length;
  function lengthNorm(doc) {
    return 1 / (1 - LENGTH_B + LENGTH_B * index.sizes[doc] / avgSize);
  }

  // search returns the best documents for a planned query, best first. The shards of its
  // terms must be loaded. Each signal adds what it finds to the documents' scores, in this
  // order; the best RANKED are then reweighed by their titles and kinds, and cut.
  function search(a) {
    var said = whatIsSaid(a), scores = new Map();
    namedCodes(scores, a);
    providerOwnCodes(scores, a, said);
    equivalentCodes(scores, a);
    namedStatuses(scores, a);
    providerStatuses(scores, a, said);
    reasonPhrases(scores, a);
    ownedNumbers(scores, a);
    nearestCodes(scores, a);
    codePrefix(scores, a);
    wordMatches(scores, a);
    literalPhrases(scores, a);
    var ranked = Array.from(scores.entries()).sort(byScore).slice(0, RANKED);
    // Only a query with words has titles to name and ties of words to settle.
    if (said.stems.size) ranked.forEach(function (e) { if (e[1] < NEAR) e[1] = adjusted(e[1], e[0], a, said); });
    api.last = onePerPage(ranked.sort(byScore));
    return offerExceptionsPage(cut(api.last), a);
  }

  // offerExceptionsPage: such a query has the page for exceptions third at the latest,
  // after the code the exception carries.
  function offerExceptionsPage(r, a) {
    var p = index.exceptions[0], on = function (d) { return d === p || index.pageOf.get(d) === p; };
    if (!a.exception || p === undefined || r.slice(0, 3).some(on)) return r;
    r = r.filter(function (d) { return !on(d); });
    r.splice(2, 0, p);
    return r;
  }

  // add adds s to document doc's score.
  function add(scores, doc, s) { scores.set(doc, (scores.get(doc) || 0) + s); }
  // byScore orders [document, score] pairs best first, the earlier document first on a tie.
  function byScore(x, y) { return y[1] - x[1] || x[0] - y[0]; }

  // whatIsSaid is what the query's words say that the signals and adjustments ask about:
  // their stems, and whether a document is listed by a provider they name.
  function whatIsSaid(a) {
    var stems = new Set(a.words.map(function (w) { return stem(english(w)); }));
    var named = new Set();
    index.names.forEach(function (n, i) { if (tokenize(n).some(function (w) { return stems.has(w); })) named.add(String(i)); });
    return {
      stems: stems,
      namesAnyProvider: named.size > 0,
      namesProvider: function (d) { return d[5].split(",").some(function (i) { return named.has(i); }); }
    };
  }

  // namedCodes: the codes found in the query come first, in the order said.
  function namedCodes(scores, a) {
    a.codes.forEach(function (c, i) { add(scores, index.codeDocs.get(c), NAMED - i * NEXT); });
  }

  // providerOwnCodes: a query that names a provider and a short number it says is a code
  // ("messente error 4", "bird error 2") means that provider's entry of that number first,
  // then the platform's code of the same number, which the provider may pass on.
  function providerOwnCodes(scores, a, said) {
    if (!said.namesAnyProvider) return;
    a.codes.forEach(function (c, i) {
      var t = lowerBound(c);
      if (c.length > OWN_CODE_DIGITS || index.terms[t] !== c) return;
      var p = postings(t);
      for (var k = 0; k < p.length; k += 2) {
        var d = index.docs[p[k]];
        if (p[k + 1] && d && entryNumber(d) === c && said.namesProvider(d)) add(scores, p[k], NAMED - i * NEXT + 1);
      }
    });
  }

  // equivalentCodes: then the codes' equivalents under other APIs, each once (63016 is the
  // equivalent of both 470 and 131047, and must not outrank them).
  function equivalentCodes(scores, a) {
    a.codes.forEach(function (c, i) {
      (index.eq && index.eq[c] || "").split(",").forEach(function (e, j) {
        if (e && index.codeDocs.has(e) && !scores.has(index.codeDocs.get(e))) add(scores, index.codeDocs.get(e), NAMED - (a.codes.length + i) * NEXT - j);
      });
    });
  }

  // namedStatuses: a status found counts as much as a few words in a title, so that what the
  // words name still comes before it ("HTTP 400 error: Twilio could not find a Channel").
  function namedStatuses(scores, a) {
    a.statuses.forEach(function (s, i) { add(scores, index.statusDocs.get(s), STATUS - i); });
  }

  // providerStatuses: a status in a query that names a provider also names that provider's
  // entries that return it ("Wati rejected the template-send request with HTTP 400").
  function providerStatuses(scores, a, said) {
    a.statuses.forEach(function (s, i) {
      var t = lowerBound(s);
      if (index.terms[t] !== s) return;
      var p = postings(t);
      for (var k = 0; k < p.length; k += 2) {
        var d = index.docs[p[k]];
        if (isEntry(d) && said.namesProvider(d)) add(scores, p[k], STATUS - i);
      }
    });
  }

  // reasonPhrases: a status's reason phrase alone ("Bad request - please check your
  // parameters") names it less surely than its number does.
  function reasonPhrases(scores, a) {
    a.reasons.forEach(function (s, i) { add(scores, index.statusDocs.get(s), REASON_PHRASE - i); });
  }

  // ownedNumbers: a number said to be a code that is no platform code may be a provider's
  // own ("(code 7008)" is Infobip's): the entries that carry it in their title come first.
  function ownedNumbers(scores, a) {
    a.owned.forEach(function (c) {
      var p = postings(lowerBound(c));
      for (var k = 0; k < p.length; k += 2) if (p[k + 1]) add(scores, p[k], NEAR);
    });
  }

  // nearestCodes: a number said to be a code that we do not have lists the codes nearest
  // to it ("131999"), closest first.
  function nearestCodes(scores, a) {
    a.unknown.forEach(function (u) { nearest(u).forEach(function (doc, j) { add(scores, doc, NEAR - j); }); });
  }

  // codePrefix: a number alone that starts codes lists them in order ("1310").
  function codePrefix(scores, a) {
    if (!a.prefix) return;
    // A row (empty until its part is here) is no code.
    index.docs.forEach(function (d, i) {
      if (d && d[1] && d[1].startsWith(a.prefix)) add(scores, i, NEAR - i);
    });
  }

  // wordMatches: each word counts for the document that holds it, by where and by how rare
  // it is; every word matched adds to that.
  function wordMatches(scores, a) {
    var perWord = a.matches.map(bestTerms);
    var sums = new Map();
    perWord.forEach(function (m) {
      m.forEach(function (b, doc) {
        var w = sums.get(doc) || { s: 0, titles: 0, names: ALL_NAMES };
        w.s += b.s + RARE_BONUS * b.r;
        if (b.names) w.titles++;
        w.names &= b.names;
        sums.set(doc, w);
      });
    });
    sums.forEach(function (w, doc) { add(scores, doc, w.s + wholeTitle(w.titles, w.names, perWord.length)); });
  }

  // bestTerms is, for each document, the best that one query word's terms earn in it: in
  // the title TITLE times the text, each by its rarity.
  function bestTerms(terms) {
    var best = new Map();
    terms.forEach(function (weight, t) {
      var p = postings(t), r = rarity(t);
      for (var k = 0; k < p.length; k += 2) {
        // A word in a page's text counts less the longer the page (BM25's length norm):
        // a guide that mentions every subject does not outrank the page about one.
        var w = weight * r * (p[k + 1] ? 1 : lengthNorm(p[k]));
        var s = w * (p[k + 1] ? TITLE : 1), b = best.get(p[k]);
        // Names gather over the word's terms: "rechazada" is a title word of the name that
        // says "rejected" as well as of the one that says "rechazado".
        if (!b || b.s < s) best.set(p[k], { s: s, r: w * (p[k + 1] ? 1 : TEXT_RARITY), names: p[k + 1] | (b ? b.names : 0) });
        else b.names |= p[k + 1];
      }
    });
    return best;
  }

  // wholeTitle: a document one of whose names holds every word of the query ("gupshup 1002"
  // is Gupshup's entry 1002, not the Gupshup page that mentions it) earns as much as a named
  // title; titles is how many words its names hold, of n, and names the names that hold
  // them all. Words spread over several aliases are no whole title.
  function wholeTitle(titles, names, n) { return titles === n && n > 1 && names ? WHOLE_TITLE : 0; }

  // literalPhrases: a literal message held whole names its code above pages sharing its
  // words.
  function literalPhrases(scores, a) {
    if (!index.phrases || !a.phrased) return;
    var stemmed = " " + tokenize(a.text).join(" ") + " ";
    index.phrases.forEach(function (p) {
      if (stemmed.indexOf(" " + p[1] + " ") >= 0 && scores.has(p[0])) add(scores, p[0], PHRASE + PHRASE_WORD * p[1].split(" ").length);
    });
  }

  // adjusted is a ranked document's score s reweighed, in this order, by the title the query
  // names and by what yields on a tie of words. What the query names outright (NEAR and
  // above) is not adjusted.
  function adjusted(s, doc, a, said) {
    var d = index.docs[doc];
    s = onPremisesYields(s, d, said);
    s = titleNamed(s, d, said);
    s = guideAnswers(s, doc, a);
    s = providerCodeYields(s, d, said);
    s = sectionYields(s, doc);
    return ownNumber(s, d, said);
  }

  // onPremisesYields: the retired On-Premises API yields on a tie of words, not to a query
  // that says its number ("whatsapp::external::2001"); what its title earns is added after,
  // whole, so a query that names the title ("A mensagem não é válida" is 408's "Message is
  // not valid") still finds it over codes that share one of the words.
  function onPremisesYields(s, d, said) {
    return d[6] === "onprem" && !said.stems.has(d[1]) ? s * ONPREM : s;
  }

  // titleNamed: a document whose whole title the query names beats one that merely
  // contains the words ("quality rating" is the quality page); a title the query names in
  // part earns in part, by the rarity of the words it names ("customer response window" is
  // the window page's); a code's number is part of its title when the query says it
  // ("external 2001").
  function titleNamed(s, d, said) {
    var title = tokenize(d[2]), named = 0, others = 0;
    if (d[1] && said.stems.has(d[1])) title.push(d[1]);
    title.forEach(function (w) {
      if (!said.stems.has(w)) { others++; return; }
      var t = lowerBound(w);
      named += index.terms[t] === w ? rarity(t) : 0;
    });
    if (title.length && !others) return s + WHOLE_TITLE;
    if (named) return s + WHOLE_TITLE * named / (named + others);
    return s;
  }

  // guideAnswers: a question in plain words is answered by the page that explains ("can't
  // message the customer after a day" is the window's); a report of an error by its code.
  function guideAnswers(s, doc, a) {
    return !a.report && index.guides.has(doc) ? s * GUIDE : s;
  }

  // providerCodeYields: a provider's code (Twilio's 63041) or entry (Kommo's "window
  // closed") yields to Meta's code for the same words, unless the query names the provider
  // ("What error will I see on Twilio …"): which provider the reporter uses is not known,
  // Meta's code is the same for all. Without the provider, Meta's code of a provider's own
  // number comes first too ("whatsapp::external::2001" is On-Premises 2001, not Vonage's).
  function providerCodeYields(s, d, said) {
    if (!(d[1] || isEntry(d)) || d[6] || said.namesProvider(d)) return s;
    // An entry of another provider than the one the query names is about another product.
    return isEntry(d) && said.namesAnyProvider ? s * PROVIDER_CODE * PROVIDER_CODE : s * PROVIDER_CODE;
  }

  // sectionYields: a guide's section yields to a page that answers as well, since the page
  // is what the query's words name as a whole. A reference page's section (the QR-linked
  // gateways' "stopped working after a WhatsApp update") yields twice: its words are the
  // QR-linked sense of every symptom, and must not outrank the platform's pages.
  function sectionYields(s, doc) {
    if (!index.pageOf.has(doc)) return s;
    return index.guides.has(index.pageOf.get(doc)) ? s * SECTION : s * SECTION * SECTION;
  }

  // ownNumber: a provider's own number is its entry when the query names the provider too
  // ("contact Gupshup Team - 500"); without the provider, the entry numbered 500 still
  // comes before entries that only mention 500 ("whatsapp 500").
  function ownNumber(s, d, said) {
    var own = entryNumber(d);
    if (!own || !said.stems.has(own)) return s;
    return s + (said.namesProvider(d) ? OWN_NUMBER : OWN_NUMBER_ALONE);
  }

  // entryNumber is the number a provider's entry without a code page of its own is titled
  // with ("1002" of Gupshup's "1002 …"), or null.
  function entryNumber(d) {
    var own = !d[1] && isEntry(d) && /^\d+/.exec(d[2]);
    return own ? own[0] : null;
  }

  // cut leaves out the long tail of weak matches (a word somewhere in a long page) and
  // keeps RESULTS at most.
  function cut(ranked) {
    var top = ranked.length ? ranked[0][1] : 0;
    var floor = top < NEAR ? top * FLOOR : 0;
    return ranked.filter(function (e) { return e[1] >= floor; }).slice(0, RESULTS).map(function (e) { return e[0]; });
  }

  // onePerPage lists a guide once, at the better rank of the page and its sections; a
  // section that scores at least SECTION of its page's score (as surely as the page, before
  // a guide's section yields) stands for the page, so that the result opens the page at the
  // answer.
  function onePerPage(ranked) {
    var at = new Map(), out = [];
    ranked.forEach(function (e) {
      var page = index.pageOf.has(e[0]) ? index.pageOf.get(e[0]) : e[0];
      if (!at.has(page)) {
        at.set(page, out.length);
        out.push(e);
        return;
      }
      var kept = out[at.get(page)];
      if (kept[0] === page && e[1] >= kept[1] * SECTION) out[at.get(page)] = [e[0], kept[1]];
    });
    return out;
  }

  var api = {
    index: index, stem: stem, tokenize: tokenize, plan: plan, search: search, part: part, loadShards: loadShards,
    // find resolves to the result addresses for q once the parts it needs are here.
    find: function (q) {
      var a = plan(q);
      return Promise.resolve(a.waiting()).then(function () {
        return a.gloss ? api.find(q) : search(a).map(function (d) { return index.docs[d][0]; });
      });
    },
    // explain resolves to the scores of that search, for tuning: [address, score].
    explain: function (q) {
      return api.find(q).then(function () {
        return api.last.map(function (e) { return [index.docs[e[0]][0], Math.round(e[1] * 10) / 10]; });
      });
    }
  };
  return api;
};
if (typeof module === "object" && module.exports) module.exports = SearchEngine;
