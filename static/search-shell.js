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
    var active = -1, items = [];

    var shown = "";
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
    // option adds a result to the list: a real link (Ctrl/Cmd-click, middle-click, "copy
    // link address") that is the option itself, so no control sits inside another; its
    // list item is only the list's.
    function option(id, href) {
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
      items.push(a);
      return a;
    }
    // render shows the results of q; when the query needs shards not yet fetched, it fetches
    // them and renders then, unless the box has changed meanwhile.
    function render(q) {
      var started = performance.now();
      var a = q.trim() ? engine.plan(q) : null;
      var waiting = a && engine.loadShards(a.terms);
      function again() { if (box.value === q) render(q); }
      if (waiting) {
        waiting.then(again, function (err) { status.textContent = String(err); });
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
      var kept = q === shown && active >= 0 && items[active] ? items[active].href : "";
      shown = q;
      list.textContent = "";
      items = [];
      active = -1;
      box.removeAttribute("aria-activedescendant");
      found.forEach(function (doc, i) {
        var d = index.docs[doc];
        var a = option(i, root + d[0]);
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
      });
      if (more) {
        var all = option("more", root + "search/?q=" + encodeURIComponent(q));
        all.className = "more-results";
        all.textContent = "More results for \u201c" + q.trim().slice(0, 60) + "\u201d";
      }
      items.forEach(function (item, i) { if (kept && item.href === kept) setActive(i); });
      var missing = a ? a.unknown : [];
      var said = missing.map(function (c) { return c + " is not in this knowledge base yet."; }).join(" ");
      notice.textContent = "";
      notice.hidden = !missing.length || !page;
      if (missing.length && page) {
        notice.appendChild(document.createTextNode(said + (found.length ? " The nearest codes and any word matches are below. " : " ")));
        var edit = box.getAttribute("data-edit");
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
        list.insertBefore(note, list.firstChild);
      }
      var open = q.trim() !== "";
      list.hidden = !open;
      box.setAttribute("aria-expanded", open ? "true" : "false");
      if (open && !found.length) {
        var none = document.createElement("li");
        none.className = "no-results";
        none.textContent = "No matches. Try fewer words, or the code alone.";
        list.appendChild(none);
      }
      status.textContent = open ? (said ? said + " " : "") + (found.length ? found.length + (found.length === 20 || more ? "+" : "") + " results" : "No results") : "";
      if (page) {
        history.replaceState(null, "", q.trim() ? "?q=" + encodeURIComponent(q) : location.pathname);
      }
      api.lastMs = performance.now() - started;
      api.lastResults = found.map(function (doc) { return index.docs[doc][0]; });
      api.lastQuery = q;
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
          chosen = pick.href;
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
