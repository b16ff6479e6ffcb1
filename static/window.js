// The window calculator on /window/: when the customer last wrote (date, time, time zone)
// gives whether a free-form message is allowed now and until when. Without JavaScript the
// page shows a worked example instead. The form's data-now (an ISO time), when present,
// stands in for the clock: the tests set it.
(function () {
  var form = document.querySelector("[data-window-calc]");
  if (!form) return;
  var hours = Number(form.getAttribute("data-hours")) || 24;
  var date = form.querySelector("#w-date"), time = form.querySelector("#w-time"), zone = form.querySelector("#w-zone");
  var verdict = form.querySelector("[data-window-verdict]");
  var head = verdict.querySelector("[data-verdict-head]"), until = verdict.querySelector("[data-verdict-until]");
  var codes = verdict.querySelector("[data-verdict-codes]"), lead = verdict.querySelector("[data-verdict-lead]");
  var here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

  var zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [];
  ["UTC", here].concat(zones).forEach(function (z) {
    if (zone.querySelector('option[value="' + z + '"]')) return;
    var o = document.createElement("option");
    o.value = o.textContent = z;
    zone.appendChild(o);
  });
  zone.value = here;

  function now() {
    var fixed = form.getAttribute("data-now");
    return fixed ? Date.parse(fixed) : Date.now();
  }
  // The zone's offset from UTC at instant t, in milliseconds.
  function offset(z, t) {
    var v = {};
    new Intl.DateTimeFormat("en-US", { timeZone: z, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(new Date(t)).forEach(function (p) { v[p.type] = Number(p.value); });
    return Date.UTC(v.year, v.month - 1, v.day, v.hour % 24, v.minute, v.second) - Math.floor(t / 1000) * 1000;
  }
  // The instant of a wall-clock time in a zone.
  function instant(y, mo, d, h, mi, z) {
    var wall = Date.UTC(y, mo - 1, d, h, mi);
    var t = wall - offset(z, wall);
    return wall - offset(z, t);
  }
  function fmt(t, z, opts) {
    return new Intl.DateTimeFormat("en-GB", Object.assign({ timeZone: z }, opts)).format(new Date(t));
  }
  var day = { weekday: "short", day: "numeric", month: "short", year: "numeric" }, clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  // The end of the window in the agent's zone, then in UTC and the zone entered, each with
  // its date only when that differs from the agent's.
  function when(t, z) {
    var mine = fmt(t, here, day), out = mine + ", " + fmt(t, here, clock) + " your time (" + here + ")";
    var also = [];
    if (here !== "UTC") also.push(["UTC", " UTC"]);
    if (z !== here && z !== "UTC") also.push([z, " in " + z]);
    also.forEach(function (o) {
      var d = fmt(t, o[0], day);
      out += "; " + (d === mine ? "" : d + ", ") + fmt(t, o[0], clock) + o[1];
    });
    return out;
  }
  function span(ms) {
    var m = Math.round(ms / 60000), h = Math.floor(m / 60);
    m -= h * 60;
    if (h >= 48) return Math.floor(h / 24) + " days";
    return (h ? h + " h" : "") + (h && m ? " " : "") + (m || !h ? m + " min" : "");
  }
  function set(state, headText, untilText, leadText) {
    verdict.setAttribute("data-state", state);
    head.textContent = headText;
    until.hidden = !untilText;
    until.textContent = untilText || "";
    codes.hidden = !leadText;
    lead.textContent = leadText || "";
  }
  function update() {
    var d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.value), tm = /^(\d{2}):(\d{2})/.exec(time.value);
    if (!d || !tm) {
      set("empty", "Enter the date and time of the customer's last message or call.");
      return;
    }
    var wrote = instant(+d[1], +d[2], +d[3], +tm[1], +tm[2], zone.value);
    var closes = wrote + hours * 3600000, at = now();
    if (wrote > at) {
      set("future", "That time is still to come. Check the date, the time and the time zone.");
      return;
    }
    var end = when(closes, zone.value);
    if (at < closes) {
      set("open", "Open: free-form messages are allowed now.",
        "Until " + end + ". That is " + span(closes - at) + " from now, unless the customer writes or calls again, which starts the " + hours + " hours again.",
        "After that, a free-form message fails with");
    } else {
      set("closed", "Closed: only an approved template can reach this customer now.",
        "It closed " + (at === closes ? "just now" : span(at - closes) + " ago") + ", at " + end + ". When they answer a template, a new window opens.",
        "A free-form message now fails with");
    }
  }
  [date, time, zone].forEach(function (el) {
    el.addEventListener("input", update);
    el.addEventListener("change", update);
  });
  // A test sets data-now after the script ran: recompute when it changes.
  new MutationObserver(update).observe(form, { attributes: true, attributeFilter: ["data-now"] });
  var example = document.querySelector("[data-window-example]");
  if (example) example.hidden = true;
  form.hidden = false;
  update();
})();
