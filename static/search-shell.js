// The site's search box: a combobox on every search box (role, keyboard, live region), the
// address bar of the search page (?q=), and the page without JavaScript (the codes table it
// hides). The search itself is SearchEngine's (search-engine.js), which is published before
// this file in the same one, static/search.js; this side fetches the index and its parts.
(function () {
  "use strict";
  var root = document.currentScript.getAttribute("data-root");
  var engine = null, index = null, loading = null;

  // get fetches the index's part name (search/<name>.json).
  function get(name) {
    return fetch(root + "search/" + name + ".json").then(function (r) {
      if (!r.ok) throw new Error("search index: HTTP " + r.status);
      return r.json();
    });
  }
  // loadIndex resolves to the engine once the index is here.
  function loadIndex() {
    if (!loading) {
      loading = get("index").then(function (raw) {
        engine = SearchEngine(raw, get);
        index = engine.index;
        return engine;
      });
    }
    return loading;
  }

  function fixers(letters) { return letters.split("").map(function (c) { return index.labels.fix[c]; }).join(", "); }
  function listedBy(d) { return d[5].split(",").map(function (i) { return index.names[+i]; }).join(", "); }

  // dropdownMax is how many results the box under the header shows before "More results".
  var dropdownMax = 8;

  // setup makes a search box a combobox over the engine's results: its parts (combobox), the
  // results of what is typed (render, showResult, showMissing), its keys (keyboard) and, on
  // the search page, the address bar (addressBar).
  function setup(box) {
    var combo = combobox(box, box.getAttribute("data-search") === "page");
    function update() {
      var q = box.value;
      if (index) render(combo, q);
      else loadIndex().then(function () { render(combo, box.value); }, function (err) { combo.status.textContent = String(err); });
    }
    keyboard(combo, update);
    if (combo.page) addressBar(box, update);
    if (document.activeElement === box && box.value.trim()) update();
  }

  // render shows the results of q; when the query needs parts not yet fetched (shards, the
  // provider rows, the glossary), it fetches them and renders then, unless the box has
  // changed meanwhile.
  function render(combo, q) {
    var box = combo.box, page = combo.page;
    var started = performance.now();
    var a = q.trim() ? engine.plan(q) : null;
    var waiting = a && a.needs();
    function again() { if (box.value === q) render(combo, q); }
    if (waiting) {
      waiting.then(again, function (err) { combo.status.textContent = String(err); });
      return;
    }
    var found = a ? engine.search(a) : [];
    // The box under the header shows the first few, and a link to all of them.
    var more = !page && found.length > dropdownMax;
    if (more) found = found.slice(0, dropdownMax);
    // The results show at once; each one's retry verdict and line of meaning, the
    // equivalents of a code found and the literal messages join when they arrive.
    [found.length && "lines", a && a.codes.length && "eq", a && a.phrased && "phrases"].forEach(function (name) {
      var p = name && engine.part(name);
      if (p) p.then(again);
    });
    // The same query rendered again (its equivalents arrived) keeps the option the arrow
    // keys chose.
    var kept = q === combo.shown && combo.active >= 0 && combo.items[combo.active] ? combo.items[combo.active].href : "";
    combo.shown = q;
    combo.clear();
    found.forEach(function (doc, i) { showResult(combo.option(i, root + index.docs[doc][0]), doc); });
    if (more) {
      var all = combo.option("more", root + "search/?q=" + encodeURIComponent(q));
      all.className = "more-results";
      all.textContent = "More results for \u201c" + q.trim().slice(0, 60) + "\u201d";
    }
    combo.items.forEach(function (item, i) { if (kept && item.href === kept) combo.setActive(i); });
    var said = showMissing(combo, a ? a.unknown : [], found.length);
    var open = q.trim() !== "";
    combo.list.hidden = !open;
    box.setAttribute("aria-expanded", open ? "true" : "false");
    if (open && !found.length) {
      var none = document.createElement("li");
      none.className = "no-results";
      none.textContent = "No matches. Try fewer words, or the code alone.";
      combo.list.appendChild(none);
    }
    combo.status.textContent = open ? (said ? said + " " : "") + (found.length ? found.length + (found.length === 20 || more ? "+" : "") + " results" : "No results") : "";
    // The search page's address holds the query, so that it can be shared and reloaded.
    if (page) {
      history.replaceState(null, "", q.trim() ? "?q=" + encodeURIComponent(q) : location.pathname);
    }
    api.lastMs = performance.now() - started;
    api.lastResults = found.map(function (doc) { return index.docs[doc][0]; });
    api.lastQuery = q;
  }

  // combobox gives box what a combobox needs: the list of results (listbox), a live region
  // that says how many (status) and, on the search page (page), a notice above them; it
  // returns them with the options, the one the arrow keys chose (active) and the query they
  // are the results of (shown).
  function combobox(box, page) {
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
    // A code we do not have is said so, above its nearest codes (on the search page with a
    // link to ask for it).
    var notice = document.createElement("p");
    notice.className = "search-notice";
    notice.hidden = true;
    if (page) host.appendChild(notice);
    host.appendChild(list);
    host.appendChild(status);
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", list.id);
    var combo = { box: box, page: page, list: list, status: status, notice: notice, items: [], active: -1, shown: "" };
    combo.setActive = function (i) {
      var items = combo.items;
      if (combo.active >= 0 && items[combo.active]) {
        items[combo.active].setAttribute("aria-selected", "false");
        items[combo.active].classList.remove("active");
      }
      combo.active = i;
      if (i >= 0 && items[i]) {
        items[i].setAttribute("aria-selected", "true");
        items[i].classList.add("active");
        box.setAttribute("aria-activedescendant", items[i].id);
        items[i].scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    };
    combo.close = function () {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      combo.setActive(-1);
    };
    // clear empties the list for new results.
    combo.clear = function () {
      list.textContent = "";
      combo.items = [];
      combo.active = -1;
      box.removeAttribute("aria-activedescendant");
    };
    // option adds a result to the list: a real link (Ctrl/Cmd-click, middle-click, "copy
    // link address") that is the option itself, so no control sits inside another; its
    // list item is only the list's.
    combo.option = function (id, href) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.setAttribute("role", "none");
      a.id = list.id + "-" + id;
      a.href = href;
      a.tabIndex = -1;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      // Keep the focus in the box while the primary button goes down; the link does the rest.
      a.addEventListener("mousedown", function (e) { if (e.button === 0) e.preventDefault(); });
      li.appendChild(a);
      list.appendChild(li);
      combo.items.push(a);
      return a;
    };
    return combo;
  }

  // showResult fills a result's option with what document doc is: its code or the provider
  // that lists it, its title, its class and who fixes it, and, once the result lines have
  // arrived, its retry verdict and line of meaning.
  function showResult(a, doc) {
    var d = index.docs[doc];
    a.style.color = "inherit";
    a.style.textDecoration = "none";
    var head = document.createElement("span");
    head.className = "result-title";
    if (d[1]) {
      var code = document.createElement("span");
      code.className = "code";
      code.textContent = d[1];
      head.appendChild(code);
      head.appendChild(document.createTextNode(" "));
    } else if (index.pageOf.has(doc)) {
      head.appendChild(document.createTextNode(index.docs[index.pageOf.get(doc)][2] + ": "));
    } else if (d[0].indexOf("#") > 0) {
      head.appendChild(document.createTextNode(listedBy(d) + ": "));
    }
    head.appendChild(document.createTextNode(d[2]));
    var meta = document.createElement("span");
    meta.className = "result-meta";
    meta.textContent = [index.labels.class[d[3]], d[4] ? "Fix: " + fixers(d[4]) : "", d[1] && d[5] ? "Listed by " + listedBy(d) : "",
      !d[1] && d[0].indexOf(index.paths.provider) === 0 && d[0].indexOf("#") < 0 ? "Provider" : ""]
      .filter(Boolean).join(" · ");
    var line = index.lines && index.lines[doc];
    if (line && line[0]) meta.textContent = line[0] + (meta.textContent ? " · " + meta.textContent : "");
    a.appendChild(head);
    if (meta.textContent) a.appendChild(meta);
    if (line && line[1]) {
      var says = document.createElement("span");
      says.className = "result-line";
      says.textContent = line[1];
      a.appendChild(says);
    }
  }

  // showMissing says which codes of the query we do not have: on the search page in the
  // notice, with a link to ask for the first, under the header at the top of the list. It
  // returns what it said, for the live region.
  function showMissing(combo, missing, count) {
    var said = missing.map(function (c) { return c + " is not in this knowledge base yet."; }).join(" ");
    var notice = combo.notice;
    notice.textContent = "";
    notice.hidden = !missing.length || !combo.page;
    if (missing.length && combo.page) {
      notice.appendChild(document.createTextNode(said + (count ? " The nearest codes and any word matches are below. " : " ")));
      var edit = combo.box.getAttribute("data-edit");
      if (edit) {
        var link = document.createElement("a");
        link.href = edit.replace(/\/edit\/.*$/, "") + "/issues/new?title=" + encodeURIComponent("Code " + missing[0] + " is missing") +
          "&body=" + encodeURIComponent("Search found no page for code " + missing[0] + ".\n\nWhere it appeared (API, provider, the error as returned):\n");
        link.textContent = "Ask for " + missing[0] + " to be added";
        notice.appendChild(link);
        notice.appendChild(document.createTextNode("."));
      }
    } else if (missing.length) {
      var note = document.createElement("li");
      note.className = "no-results";
      note.setAttribute("role", "none");
      note.textContent = said;
      combo.list.insertBefore(note, combo.list.firstChild);
    }
    return said;
  }

  // keyboard wires the box's events: typing and focus search, leaving the header's box
  // closes its list, the arrow keys walk the options (round), Enter opens the chosen one and
  // Escape closes the list.
  function keyboard(combo, update) {
    var box = combo.box;
    // Enter opens the chosen result; the form must not also submit the words to /search/.
    var chosen = "";
    if (box.form) box.form.addEventListener("submit", function (e) {
      if (chosen) { e.preventDefault(); location.href = chosen; }
    });
    box.addEventListener("input", function () { chosen = ""; update(); });
    box.addEventListener("focus", function () { if (box.value.trim()) update(); });
    box.addEventListener("blur", function () { if (!combo.page) setTimeout(combo.close, 150); });
    box.addEventListener("keydown", function (e) {
      var items = combo.items, list = combo.list;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden) { update(); return; }
        e.preventDefault();
        if (!items.length) return;
        var next = e.key === "ArrowDown" ? combo.active + 1 : combo.active - 1;
        combo.setActive((next + items.length) % items.length);
      } else if (e.key === "Enter") {
        var pick = items[combo.active >= 0 ? combo.active : 0];
        if (pick && !list.hidden) {
          e.preventDefault();
          chosen = pick.href;
          location.href = chosen;
        }
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); combo.close(); }
      }
    });
  }

  // addressBar runs on the search page the search its address names (?q=); render writes
  // each query back into the address.
  function addressBar(box, update) {
    // With the search running, the long codes table (the page without JavaScript) goes
    // now rather than at the first keystroke, when hiding it would delay the results.
    var fallback = document.getElementById("search-fallback");
    if (fallback) fallback.hidden = true;
    var q = new URLSearchParams(location.search).get("q");
    if (q) { box.value = q; update(); }
  }

  var api = window.kbSearch = {
    // load resolves to the engine (its tokenize, plan and search), for tests and tuning.
    load: loadIndex,
    // search resolves to the result addresses for q, for tests and benchmarks; explain to
    // the scores of that search ([address, score]), for tuning.
    search: function (q) { return loadIndex().then(function (e) { return e.find(q); }); },
    explain: function (q) { return loadIndex().then(function (e) { return e.explain(q); }); }
  };
  Array.prototype.forEach.call(document.querySelectorAll("input[data-search]"), setup);
  loadIndex();
})();
