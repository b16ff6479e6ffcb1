// The window calculator on /window/: when the customer last wrote (date, time, and their time
// zone found by city, country or offset; or a pasted webhook) gives whether a free-form
// message is allowed now and until when. The arithmetic is in wintime.js; this file is the
// page. Without JavaScript the page shows a worked example instead. The form's data-now (an
// ISO time), when present, stands in for the clock: the tests set it.
(function () {
  var form = document.querySelector("[data-window-calc]");
  if (!form || !window.WindowTime || !window.KB_ZONES) return;
  var W = window.WindowTime;
  var hours = Number(form.getAttribute("data-hours")) || 24;
  var date = form.querySelector("#w-date"), time = form.querySelector("#w-time");
  var find = form.querySelector("#w-zone-find"), zone = form.querySelector("#w-zone"), chosen = form.querySelector("[data-zone-chosen]");
  var paste = form.querySelector("#w-paste"), pasteNote = form.querySelector("[data-paste-note]");
  var verdict = form.querySelector("[data-window-verdict]");
  var understood = verdict.querySelector("[data-verdict-understood]"), head = verdict.querySelector("[data-verdict-head]");
  var until = verdict.querySelector("[data-verdict-until]"), codes = verdict.querySelector("[data-verdict-codes]"), lead = verdict.querySelector("[data-verdict-lead]");

  function now() {
    var fixed = form.getAttribute("data-now");
    return fixed ? Date.parse(fixed) : Date.now();
  }
  var zones = new W.Zones(window.KB_ZONES, window.KB_ZONE_LINKS);
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  var here = zones.canonical(browserZone) || browserZone;
  var current = zones.byID(here) || zones.byID("UTC");
  // pasted is the instant read from a pasted webhook or timestamp; typing a date or time
  // instead clears it.
  var pasted = null;

  // show fills the list with zones, the current one selected; the list shows at most 50.
  function show(list) {
    zone.textContent = "";
    list.slice(0, 50).forEach(function (z) {
      var o = document.createElement("option");
      o.value = z.id;
      o.textContent = zones.label(z, now());
      zone.appendChild(o);
    });
    zone.value = current ? current.id : "";
  }
  function describeZone() {
    chosen.textContent = current ? "Using " + zones.label(current, now()) + (current.id === here ? ", your browser's time zone." : ".") : "";
  }
  function search() {
    var q = find.value;
    if (!W.fold(q)) {
      show([current]);
      describeZone();
      return;
    }
    var found = zones.find(q, now());
    current = found[0] || null;
    show(found);
    if (!current) chosen.textContent = "No time zone matches \u201c" + q.trim() + "\u201d. Type a city (S\u00e3o Paulo), a country (Brasil, M\u00e9xico) or an offset (UTC-3).";
    else describeZone();
  }

  function set(state, r) {
    verdict.setAttribute("data-state", state);
    understood.hidden = !r.understood;
    understood.textContent = r.understood || "";
    head.textContent = r.head;
    until.hidden = !r.until;
    until.textContent = r.until || "";
    codes.hidden = !r.lead;
    lead.textContent = r.lead || "";
  }
  function update() {
    if (!current) {
      set("zone", { head: "Choose the customer's time zone first: " + chosen.textContent });
      return;
    }
    var wrote, note;
    if (pasted !== null) {
      wrote = pasted;
    } else {
      if (date.validity && date.validity.badInput) {
        set("invalid", { head: "That date does not exist: check the day and the month." });
        return;
      }
      var d = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(date.value), tm = /^(\d{2}):(\d{2})/.exec(time.value);
      if (!d || !tm) {
        set("empty", { head: "Enter the date and time of the customer's last message or call, or paste its webhook." });
        return;
      }
      var problem = W.checkDate(+d[1], +d[2], +d[3]);
      if (problem) {
        set("invalid", { head: problem });
        return;
      }
      var read = W.instant(+d[1], +d[2], +d[3], +tm[1], +tm[2], current.id);
      wrote = read.t;
      note = read.skipped ? "skipped" : read.repeated ? "repeated" : "";
    }
    var r = W.verdict({ zone: current, wrote: wrote, here: here, now: now(), hours: hours, note: note });
    set(r.state, r);
  }

  // fillFromPaste shows a pasted time in the date and time fields, in the customer's zone.
  function fillFromPaste() {
    if (pasted === null || !current) return;
    var parts = {};
    new Intl.DateTimeFormat("en-CA", { timeZone: current.id, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(pasted)).forEach(function (p) { parts[p.type] = p.value; });
    date.value = parts.year + "-" + parts.month + "-" + parts.day;
    time.value = parts.hour + ":" + parts.minute;
  }
  paste.addEventListener("input", function () {
    var r = W.readTimestamp(paste.value);
    pasted = r.error === undefined ? r.t : null;
    pasteNote.hidden = !r.error && pasted === null;
    pasteNote.textContent = r.error || (pasted !== null ? "Read from the " + r.from + ": " + W.when(pasted, "UTC") + " UTC." : "");
    fillFromPaste();
    update();
  });
  [date, time].forEach(function (el) {
    el.addEventListener("input", function () {
      pasted = null;
      if (paste.value) {
        paste.value = "";
        pasteNote.hidden = true;
      }
      update();
    });
  });
  find.addEventListener("input", function () {
    search();
    fillFromPaste();
    update();
  });
  // Arrow down from the search box goes to the list, as in a combobox.
  find.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && zone.options.length) {
      e.preventDefault();
      zone.focus();
    }
  });
  zone.addEventListener("change", function () {
    current = zones.byID(zone.value) || current;
    describeZone();
    fillFromPaste();
    update();
  });
  // A test sets data-now after the script ran: recompute when it changes.
  new MutationObserver(function () {
    show(W.fold(find.value) ? zones.find(find.value, now()) : [current]);
    describeZone();
    update();
  }).observe(form, { attributes: true, attributeFilter: ["data-now"] });
  var example = document.querySelector("[data-window-example]");
  if (example) example.hidden = true;
  form.hidden = false;
  search();
  update();
})();
