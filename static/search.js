// The site's search: a combobox on every search box, over the index the generator writes to
// search/index.json (see generator/search.go for its format). No framework, no server.
(function () {
  "use strict";
  var root = document.currentScript.getAttribute("data-root");
  var index = null;
  var postingCache = new Map();
  var shards = []; // shard number -> its document lists, or a promise of them

  // Tokenize and stem exactly as generator/search.go does.
  var STOP = new Set(("the and for are but not you your with this that from was were has have had its it is in on of " +
    "to or an as at be by if so a can will than then there their they them what when which who how into about").split(" "));
  function isLetters(w) { return /^\p{L}+$/u.test(w); }
  function stem(w) {
    var n = Array.from(w).length;
    if (n < 4 || !isLetters(w)) return w;
    if (/ies$/.test(w) && n > 4) w = w.slice(0, -3) + "y";
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    n = Array.from(w).length;
    if (/ing$/.test(w) && n >= 6) w = w.slice(0, -3);
    else if (/ed$/.test(w) && n >= 5) w = w.slice(0, -2);
    if (/e$/.test(w) && Array.from(w).length > 3) w = w.slice(0, -1);
    return w;
  }
  function words(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
      return !STOP.has(w) && (Array.from(w).length >= 2 || /^\d+$/.test(w));
    });
  }
  function tokenize(text) { return words(text).map(stem); }

  function loadIndex() {
    if (!loadIndex.p) {
      loadIndex.p = fetch(root + "search/index.json").then(function (r) {
        if (!r.ok) throw new Error("search index: HTTP " + r.status);
        return r.json();
      }).then(function (raw) {
        index = raw;
        index.codeDocs = new Map();
        raw.docs.forEach(function (d, i) {
          if (d[1]) index.codeDocs.set(d[1], i);
          if (!d[0]) d[0] = "codes/" + d[1] + "/";
        });
        return index;
      });
    }
    return loadIndex.p;
  }

  // shardOf finds the shard that holds a term's document list.
  function shardOf(t) {
    var i = index.shards.length - 1;
    while (i > 0 && index.shards[i] > t) i--;
    return i;
  }
  // loadShards fetches the shards a set of terms needs; it resolves at once when they are
  // all here already.
  function loadShards(terms) {
    var wanted = [];
    terms.forEach(function (t) {
      var s = shardOf(t);
      if (!Array.isArray(shards[s])) {
        if (!shards[s]) {
          shards[s] = fetch(root + "search/post-" + s + ".json").then(function (r) {
            if (!r.ok) throw new Error("search index: HTTP " + r.status);
            return r.json();
          }).then(function (sh) { shards[s] = sh.post; });
        }
        wanted.push(shards[s]);
      }
    });
    return wanted.length ? Promise.all(wanted) : null;
  }

  // postings decodes a term's document list: [doc, isTitle] pairs.
  function postings(t) {
    var hit = postingCache.get(t);
    if (hit) return hit;
    var out = [], doc = 0;
    shards[shardOf(t)][t - index.shards[shardOf(t)]].split(",").forEach(function (s) {
      var v = parseInt(s, 36);
      doc += v >> 1;
      out.push(doc, v & 1);
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
  // longer words it starts (the word being typed), and, for words of five letters or more,
  // words one typo away.
  function matchTerms(word, isLast) {
    var s = stem(word), out = new Map();
    var i = lowerBound(s);
    if (index.terms[i] === s) out.set(i, 1);
    if (isLast || word.length >= 4) {
      var limit = isLast ? 200 : 20;
      for (var j = i; j < index.terms.length && limit > 0 && index.terms[j].lastIndexOf(s, 0) === 0; j++, limit--) {
        if (!out.has(j)) out.set(j, 0.7);
      }
    }
    if (Array.from(word).length >= 5) {
      for (var k = 0; k < index.terms.length; k++) {
        if (!out.has(k) && withinOneEdit(s, index.terms[k])) out.set(k, 0.5);
      }
    }
    return out;
  }

  // analyze reads what was typed or pasted: codes in any written form, and words.
  function analyze(q) {
    var codes = [], text = q, prefix = "";
    var trimmed = q.trim();
    if (/^[\[{]/.test(trimmed)) {
      var parsed = null;
      try { parsed = JSON.parse(trimmed); } catch (e) { /* a partial paste: read it as text */ }
      var said = [];
      if (parsed !== null) {
        (function walk(v, key) {
          if (Array.isArray(v)) v.forEach(function (x) { walk(x, key); });
          else if (v && typeof v === "object") Object.keys(v).forEach(function (k) { walk(v[k], k); });
          else if (key === "code" && /^\d+$/.test(String(v))) codes.push(String(v));
          else if (/^(details|title|message|error_user_msg|error_user_title)$/.test(key) && typeof v === "string") said.push(v);
        })(parsed, "");
      } else {
        trimmed.replace(/"code"\s*:\s*"?(\d+)/g, function (_, c) { codes.push(c); });
        trimmed.replace(/"(?:details|title|message)"\s*:\s*"([^"]*)/g, function (_, t) { said.push(t); });
      }
      said.join(" ").replace(/#(\d+)/g, function (_, c) { codes.push(c); });
      return { codes: codes, prefix: "", words: words(said.join(" ").replace(/\(#\d+\)/g, " ")), payload: true };
    }
    // "131 047", "#131047", "(#130429)", "error 470", "code: 63016": drop the wrapping.
    var bare = q.replace(/\b(error|errors|code|codes)\b/gi, " ").replace(/[#():,.]/g, " ").trim();
    if (/^[\d\s-]+$/.test(bare) && /\d/.test(bare)) {
      var joined = bare.replace(/\s+/g, "");
      if (index.codeDocs.has(joined)) codes.push(joined);
      else if (/^\d+$/.test(joined)) prefix = joined;
      bare.split(/\s+/).forEach(function (g) { if (g !== joined && index.codeDocs.has(g)) codes.push(g); });
      // A number that is no platform code may be a provider's own (Gupshup's 1002).
      text = codes.length ? "" : joined;
    } else {
      text = q.replace(/\d+(-\d+)?/g, function (m) {
        if (index.codeDocs.has(m)) { codes.push(m); return " "; }
        return m;
      });
    }
    return { codes: codes, prefix: prefix, words: words(text), payload: false };
  }

  // plan reads a query and finds the terms its words can mean.
  function plan(q) {
    var a = analyze(q);
    a.matches = a.words.map(function (w, wi) { return matchTerms(w, wi === a.words.length - 1 && !a.payload); });
    a.terms = [];
    a.matches.forEach(function (m) { m.forEach(function (_, t) { a.terms.push(t); }); });
    return a;
  }

  // search returns the best documents for a planned query, best first. The shards of its
  // terms must be loaded.
  function search(a) {
    var scores = new Map();
    function add(doc, s) { scores.set(doc, (scores.get(doc) || 0) + s); }
    a.codes.forEach(function (c, i) { add(index.codeDocs.get(c), 1e6 - i); });
    if (a.prefix) {
      index.docs.forEach(function (d, i) {
        if (d[1] && d[1].lastIndexOf(a.prefix, 0) === 0) add(i, 1e5 - i);
      });
    }
    var perWord = a.matches.map(function (terms) {
      var best = new Map();
      terms.forEach(function (weight, t) {
        var p = postings(t);
        for (var k = 0; k < p.length; k += 2) {
          var s = weight * (p[k + 1] ? 10 : 1);
          if ((best.get(p[k]) || 0) < s) best.set(p[k], s);
        }
      });
      return best;
    });
    if (perWord.length) {
      // Every word must match, unless that leaves nothing (or it is a pasted payload):
      // then documents that match the most words come first.
      // A document whose title text holds every word ("gupshup 1002" is Gupshup's entry
      // 1002, not the Gupshup page that mentions it) earns the same as a named title.
      var all = new Map();
      perWord[0].forEach(function (s, doc) {
        var total = s, inTitle = s >= 5;
        for (var w = 1; w < perWord.length; w++) {
          if (!perWord[w].has(doc)) return;
          total += perWord[w].get(doc);
          inTitle = inTitle && perWord[w].get(doc) >= 5;
        }
        all.set(doc, total + (inTitle && perWord.length > 1 ? 15 : 0));
      });
      // Each word matched counts more than where it matched, so a pasted message found
      // whole in a page's text beats a short title that shares three of its words.
      if (all.size && !a.payload) all.forEach(function (s, doc) { add(doc, s); });
      else perWord.forEach(function (m) { m.forEach(function (s, doc) { add(doc, s + 20); }); });
    }
    // A document whose whole title the query names beats one that merely contains the
    // words ("quality rating" is the quality page); the retired On-Premises API and
    // providers' own codes yield to Meta's current codes on a tie of words.
    var stems = new Set(a.words.map(stem));
    var ranked = Array.from(scores.entries()).sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; }).slice(0, 60);
    if (stems.size) {
      ranked.forEach(function (e) {
        var d = index.docs[e[0]];
        if (e[1] >= 1e5) return;
        var title = tokenize(d[2]);
        if (title.length && title.every(function (w) { return stems.has(w); })) e[1] += 15;
        if (d[6] === "onprem") e[1] *= 0.9;
        // A provider's code (Twilio's 63041) yields to Meta's code for the same words.
        if (d[1] && !d[6]) e[1] *= 0.85;
      });
    }
    ranked.sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
    // Leave out the long tail of weak matches: a word somewhere in a long page.
    var floor = ranked.length && ranked[0][1] < 1e5 ? ranked[0][1] * 0.2 : 0;
    return ranked.filter(function (e) { return e[1] >= floor; }).slice(0, 20).map(function (e) { return e[0]; });
  }

  var CLASS = { fatal: "Fatal", temporary: "Temporary", context: "Context", request: "Request", registration: "Registration" };
  var FIXER = { y: "Your team", p: "Provider support", m: "Meta", r: "The recipient" };
  function fixers(letters) { return letters.split("").map(function (c) { return FIXER[c]; }).join(", "); }
  function listedBy(d) { return d[5].split(",").map(function (i) { return index.names[+i]; }).join(", "); }

  function setup(box) {
    var page = box.getAttribute("data-search") === "page";
    var list = document.createElement("ul");
    list.id = box.id + "-results";
    list.className = "search-results" + (page ? " search-results-page" : "");
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var host = page ? document.getElementById("search-results") : box.form;
    host.appendChild(list);
    host.appendChild(status);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", list.id);
    var active = -1, items = [];

    function setActive(i) {
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "false");
        items[active].classList.remove("active");
      }
      active = i;
      if (i >= 0 && items[i]) {
        items[i].setAttribute("aria-selected", "true");
        items[i].classList.add("active");
        box.setAttribute("aria-activedescendant", items[i].id);
        items[i].scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    }
    function close() {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      setActive(-1);
    }
    // render shows the results of q; when the query needs shards not yet fetched, it fetches
    // them and renders then, unless the box has changed meanwhile.
    function render(q) {
      var started = performance.now();
      var a = q.trim() ? plan(q) : null;
      var waiting = a && loadShards(a.terms);
      if (waiting) {
        waiting.then(function () { if (box.value === q) render(q); }, function (err) { status.textContent = String(err); });
        return;
      }
      var found = a ? search(a) : [];
      list.textContent = "";
      items = [];
      active = -1;
      box.removeAttribute("aria-activedescendant");
      found.forEach(function (doc, i) {
        var d = index.docs[doc];
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        // An option holds no link (a control inside a control); choosing it navigates.
        li.setAttribute("data-href", root + d[0]);
        var a = li;
        var head = document.createElement("span");
        head.className = "result-title";
        if (d[1]) {
          var code = document.createElement("span");
          code.className = "code";
          code.textContent = d[1];
          head.appendChild(code);
          head.appendChild(document.createTextNode(" "));
        } else if (d[0].indexOf("#") > 0) {
          head.appendChild(document.createTextNode(listedBy(d) + ": "));
        }
        head.appendChild(document.createTextNode(d[2]));
        var meta = document.createElement("span");
        meta.className = "result-meta";
        meta.textContent = [CLASS[d[3]], d[4] ? "Fix: " + fixers(d[4]) : "", d[1] && d[5] ? "Listed by " + listedBy(d) : "",
          !d[1] && d[0].indexOf("providers/") === 0 && d[0].indexOf("#") < 0 ? "Provider" : ""]
          .filter(Boolean).join(" · ");
        a.appendChild(head);
        if (meta.textContent) a.appendChild(meta);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function () { location.href = li.getAttribute("data-href"); });
        list.appendChild(li);
        items.push(li);
      });
      var open = q.trim() !== "";
      list.hidden = !open;
      box.setAttribute("aria-expanded", open ? "true" : "false");
      if (open && !found.length) {
        var none = document.createElement("li");
        none.className = "no-results";
        none.textContent = "No matches. Try fewer words, or the code alone.";
        list.appendChild(none);
      }
      status.textContent = open ? (found.length ? found.length + (found.length === 20 ? "+" : "") + " results" : "No results") : "";
      if (page) {
        history.replaceState(null, "", q.trim() ? "?q=" + encodeURIComponent(q) : location.pathname);
      }
      api.lastMs = performance.now() - started;
      api.lastResults = found.map(function (doc) { return index.docs[doc][0]; });
    }
    function update() {
      var q = box.value;
      if (index) render(q);
      else loadIndex().then(function () { render(box.value); }, function (err) { status.textContent = String(err); });
    }
    // Enter opens the chosen result; the form must not also submit the words to /search/.
    var chosen = "";
    if (box.form) box.form.addEventListener("submit", function (e) {
      if (chosen) { e.preventDefault(); location.href = chosen; }
    });
    box.addEventListener("input", function () { chosen = ""; update(); });
    box.addEventListener("focus", function () { if (box.value.trim()) update(); });
    box.addEventListener("blur", function () { if (!page) setTimeout(close, 150); });
    box.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden) { update(); return; }
        e.preventDefault();
        if (!items.length) return;
        var next = e.key === "ArrowDown" ? active + 1 : active - 1;
        setActive((next + items.length) % items.length);
      } else if (e.key === "Enter") {
        var pick = items[active >= 0 ? active : 0];
        if (pick && !list.hidden) {
          e.preventDefault();
          chosen = pick.getAttribute("data-href");
          location.href = chosen;
        }
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); }
      }
    });
    if (page) {
      // With the search running, the long codes table (the page without JavaScript) goes
      // now rather than at the first keystroke, when hiding it would delay the results.
      var fallback = document.getElementById("search-fallback");
      if (fallback) fallback.hidden = true;
      var q = new URLSearchParams(location.search).get("q");
      if (q) { box.value = q; update(); }
    }
    if (document.activeElement === box && box.value.trim()) update();
  }

  var api = window.kbSearch = {
    stem: stem, tokenize: tokenize, load: loadIndex,
    // search resolves to the result addresses for q, for tests and benchmarks.
    search: function (q) {
      var a = plan(q);
      return Promise.resolve(loadShards(a.terms)).then(function () {
        return search(a).map(function (d) { return index.docs[d][0]; });
      });
    }
  };
  Array.prototype.forEach.call(document.querySelectorAll("input[data-search]"), setup);
  loadIndex();
})();
