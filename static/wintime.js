// The window calculator's arithmetic, with no page in it, so that Node tests can run it
// (testdata/js): time zones found by city, country or offset; a wall-clock time in a zone
// read as an instant across daylight-saving changes; dates checked before they are used; a
// time read from a pasted webhook; and the verdict's sentences. window.js is the page.
(function (root) {
  "use strict";
  var MINUTE = 60000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;

  // utc is Date.UTC without its trap: Date.UTC reads years 0 to 99 as 1900 to 1999.
  function utc(y, mo, d, h, mi) {
    var x = new Date(0);
    x.setUTCFullYear(y, mo - 1, d);
    x.setUTCHours(h || 0, mi || 0, 0, 0);
    return x.getTime();
  }

  // offset is the zone's distance from UTC at instant t, in milliseconds.
  function offset(zone, t) {
    var v = {};
    new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", era: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(new Date(t)).forEach(function (p) { v[p.type] = p.value; });
    var year = Number(v.year);
    if (v.era === "BC" || v.era === "B") year = 1 - year;
    var wall = utc(year, Number(v.month), Number(v.day), Number(v.hour) % 24, Number(v.minute)) + Number(v.second) * 1000;
    return wall - Math.floor(t / 1000) * 1000;
  }

  // instant reads a wall-clock time in a zone. Around a daylight-saving change a time can
  // happen twice (clocks go back: the earlier is taken, so the window is never said to be
  // open longer than it is) or not at all (clocks go forward: read as the clock would have
  // shown it, an hour later); the answer says which.
  function instant(y, mo, d, h, mi, zone) {
    var wall = utc(y, mo, d, h, mi);
    var early = wall - offset(zone, wall - DAY), late = wall - offset(zone, wall + DAY);
    var earlyFits = early + offset(zone, early) === wall, lateFits = late + offset(zone, late) === wall;
    if (earlyFits && lateFits && early !== late) return { t: Math.min(early, late), repeated: true };
    if (earlyFits) return { t: early };
    if (lateFits) return { t: late };
    return { t: early, skipped: true };
  }

  // checkDate says what is wrong with a date, or "" when it can be used.
  function checkDate(y, mo, d) {
    if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return "That date does not exist: check the day and the month.";
    var x = new Date(utc(y, mo, d));
    if (x.getUTCMonth() !== mo - 1) {
      return "There is no " + d + " " + monthName(mo) + " in " + y + ": check the day and the month.";
    }
    if (y < 2009) return "WhatsApp did not exist before 2009: check the year (" + y + ").";
    return "";
  }
  function monthName(mo) {
    return new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(new Date(utc(2001, mo, 1)));
  }

  // readTimestamp finds when the customer wrote in what an agent pasted: the webhook of an
  // inbound message (its messages[].timestamp, seconds since 1970), the timestamp alone, in
  // seconds or milliseconds, or an ISO time with its zone. A status webhook is refused: its
  // timestamp is about a message the business sent, which does not open the window.
  function readTimestamp(text) {
    var s = String(text).trim();
    if (!s) return { error: "" };
    var m;
    if ((m = /^(\d{10})(\d{3})?$/.exec(s))) return { t: m[2] ? Number(s) : Number(s) * 1000, from: "timestamp" };
    if ((m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s))) {
      var z = m[7].toUpperCase() === "Z" ? 0 : (m[7][0] === "-" ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
      return { t: utc(+m[1], +m[2], +m[3], +m[4], +m[5]) + Number(m[6] || 0) * 1000 - z * MINUTE, from: "time" };
    }
    var inbound = /"messages"\s*:\s*\[/.test(s), status = /"statuses"\s*:\s*\[/.test(s);
    if (status && !inbound) {
      return { error: "That is a status webhook, about a message the business sent; it does not open the window. Paste the webhook of the customer's own message (it has \"messages\")." };
    }
    m = /"timestamp"\s*:\s*"?(\d{10})"?/.exec(inbound ? s.slice(s.search(/"messages"\s*:\s*\[/)) : s);
    if (m) return { t: Number(m[1]) * 1000, from: inbound ? "webhook" : "timestamp" };
    return { error: "No time found in what was pasted. Paste the webhook of the customer's message (its \"timestamp\"), the timestamp alone (such as 1765036500), or type the date and time above." };
  }

  // fold makes names comparable however they are typed: "São Paulo", "sao_paulo", "SAO PAULO".
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2212\u2013]/g, "-").replace(/[_/,().]/g, " ").replace(/\s+/g, " ").trim();
  }

  // Cities people name that are not in any zone's name, in the markets that use WhatsApp
  // most, with their Portuguese and Spanish names where those differ.
  var cities = {
    "Asia/Kolkata": ["Mumbai", "Bombay", "Delhi", "New Delhi", "Nova Deli", "Nueva Delhi", "Bangalore", "Bengaluru", "Chennai", "Hyderabad", "Pune", "Ahmedabad"],
    "America/Sao_Paulo": ["Rio de Janeiro", "Brasilia", "Belo Horizonte", "Curitiba", "Porto Alegre", "Florianopolis", "Campinas", "Goiania"],
    "America/Bahia": ["Salvador"], "America/Fortaleza": ["Natal", "Joao Pessoa", "Teresina"], "America/Manaus": ["Amazonas"],
    "America/Mexico_City": ["Cidade do Mexico", "Ciudad de Mexico", "CDMX", "Guadalajara", "Puebla"], "America/Monterrey": ["Monterrey"],
    "America/Argentina/Buenos_Aires": ["Rosario", "La Plata"], "America/Argentina/Cordoba": ["Cordoba"],
    "America/Bogota": ["Medellin", "Cali", "Barranquilla"], "America/Lima": ["Arequipa"], "America/Santiago": ["Valparaiso"],
    "America/New_York": ["Nova York", "Nueva York", "NYC", "Miami", "Boston", "Washington", "Atlanta", "Philadelphia"],
    "America/Chicago": ["Dallas", "Houston", "Austin", "San Antonio"], "America/Los_Angeles": ["San Francisco", "Seattle", "San Diego", "Las Vegas"],
    "America/Toronto": ["Ottawa", "Montreal"], "Europe/London": ["Londres", "Manchester", "Birmingham"], "Europe/Madrid": ["Barcelona", "Valencia", "Sevilla"],
    "Europe/Lisbon": ["Lisboa", "Porto"], "Europe/Berlin": ["Berlim", "Munich", "Hamburg", "Frankfurt"], "Europe/Paris": ["Paris"],
    "Europe/Moscow": ["Moscou", "Moscu", "Saint Petersburg"], "Europe/Istanbul": ["Ankara", "Izmir"], "Asia/Jakarta": ["Bandung", "Surabaya", "Yogyakarta"],
    "Asia/Makassar": ["Bali", "Denpasar"], "Asia/Shanghai": ["Beijing", "Pequim", "Pekin", "Shenzhen", "Guangzhou"], "Asia/Karachi": ["Lahore", "Islamabad"],
    "Asia/Riyadh": ["Jeddah", "Mecca"], "Asia/Dubai": ["Abu Dhabi", "Sharjah"], "Africa/Lagos": ["Abuja"], "Africa/Johannesburg": ["Cape Town", "Durban", "Pretoria"],
    "Asia/Ho_Chi_Minh": ["Saigon", "Hanoi"], "Asia/Manila": ["Cebu", "Quezon City"], "Australia/Sydney": ["Canberra"],
  };

  // Zones lists the zones of zone.tab (zones.js) that this browser knows, each with the
  // words it is found by: its city, its region, its country in English, Portuguese and
  // Spanish, and the cities above.
  function Zones(list, links) {
    var names = {};
    ["en", "pt", "es"].forEach(function (lang) {
      try { names[lang] = new Intl.DisplayNames([lang], { type: "region" }); } catch (e) { /* no country names here */ }
    });
    var zones = [{ id: "UTC", country: "", city: "UTC", keys: ["utc", "gmt", "coordinated universal time"] }];
    list.forEach(function (z) {
      try { new Intl.DateTimeFormat("en", { timeZone: z[0] }); } catch (e) { return; }
      var parts = z[0].split("/"), city = parts[parts.length - 1].replace(/_/g, " ");
      var country = names.en ? names.en.of(z[1]) : z[1];
      var keys = [fold(city), fold(z[0])];
      ["en", "pt", "es"].forEach(function (lang) { if (names[lang]) keys.push(fold(names[lang].of(z[1]))); });
      (cities[z[0]] || []).forEach(function (c) { keys.push(fold(c)); });
      keys.push(fold(z[1]));
      zones.push({ id: z[0], country: country, city: city, keys: keys });
    });
    this.zones = zones;
    this.links = links || {};
  }
  // canonical names a zone as the list does ("Asia/Calcutta" is "Asia/Kolkata").
  Zones.prototype.canonical = function (id) {
    id = this.links[id] || id;
    for (var i = 0; i < this.zones.length; i++) if (this.zones[i].id === id) return id;
    return id === "Etc/UTC" || id === "Etc/GMT" ? "UTC" : "";
  };
  Zones.prototype.byID = function (id) {
    id = this.canonical(id);
    for (var i = 0; i < this.zones.length; i++) if (this.zones[i].id === id) return this.zones[i];
    return null;
  };
  Zones.prototype.label = function (z, t) {
    return (z.id === "UTC" ? "UTC" : z.city + ", " + z.country) + " (" + offsetText(offset(z.id, t)) + ")";
  };

  // readOffset reads "UTC-3", "GMT+5:30", "-03:00", "+0530" as minutes east of UTC, or null.
  function readOffset(q) {
    var m = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?:[: ]?(\d{2}))?$/.exec(q);
    if (!m) return /^(utc|gmt)$/.test(q) ? 0 : null;
    if (Number(m[2]) > 14 || Number(m[3] || 0) > 59) return null;
    return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0));
  }

  // find lists the zones a query names, best first: a city or zone name equal to the query,
  // then a country equal to it, then a city that starts with it ("India" is Kolkata before
  // Indianapolis), then a country, then any word starting with it. An offset
  // lists the zones at that offset at instant t, UTC first.
  Zones.prototype.find = function (query, t) {
    var q = fold(query);
    if (!q) return [];
    var minutes = readOffset(q), out = [];
    if (minutes !== null) {
      this.zones.forEach(function (z) {
        if (offset(z.id, t) === minutes * MINUTE) out.push({ z: z, rank: z.id === "UTC" ? 0 : 1 });
      });
    } else {
      this.zones.forEach(function (z) {
        var rank = 9;
        z.keys.forEach(function (k, i) {
          var r = k === q ? (i < 2 ? 0 : 1) : k.indexOf(q) === 0 ? (i < 2 ? 2 : 3) : (" " + k).indexOf(" " + q) >= 0 ? 4 : 9;
          if (r < rank) rank = r;
        });
        if (rank < 9) out.push({ z: z, rank: rank });
      });
    }
    // Among equals, the zones with more big cities listed above come first (Sao Paulo
    // before Sao Tome, and before Bahia for "Brasil"), then by name.
    var big = function (z) { return -(cities[z.id] || []).length; };
    out.sort(function (a, b) { return a.rank - b.rank || big(a.z) - big(b.z) || (a.z.id < b.z.id ? -1 : a.z.id > b.z.id ? 1 : 0); });
    return out.map(function (o) { return o.z; });
  };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  // offsetText writes an offset as people type it: "UTC-03:00", "UTC+05:30", "UTC+00:00".
  function offsetText(ms) {
    var m = Math.round(ms / MINUTE), sign = m < 0 ? "-" : "+";
    m = Math.abs(m);
    return "UTC" + sign + pad(Math.floor(m / 60)) + ":" + pad(m % 60);
  }

  // when writes an instant with its date, weekday and year in a zone: "Sun 6 Dec 2026, 14:05".
  function when(t, zone) {
    var v = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(t)).forEach(function (p) { v[p.type] = p.value; });
    return v.weekday + " " + v.day + " " + v.month + " " + v.year + ", " + v.hour + ":" + v.minute;
  }

  function span(ms) {
    var m = Math.round(ms / MINUTE), h = Math.floor(m / 60);
    m -= h * 60;
    if (h >= 48) return Math.floor(h / 24) + " days";
    return (h ? h + " h" : "") + (h && m ? " " : "") + (m || !h ? m + " min" : "");
  }

  // verdict works out what the calculator says. in: wrote (instant), zone (the customer's,
  // a Zones entry), here (the agent's zone id), now, hours (the window's length), and
  // note ("skipped" or "repeated", from instant). It returns the state and its sentences:
  // what was understood, open or closed, and until when in the agent's zone, UTC and the
  // customer's, each with its date.
  function verdict(in_) {
    var zone = in_.zone, wrote = in_.wrote, closes = wrote + in_.hours * HOUR, at = in_.now;
    var place = zone.id === "UTC" ? "UTC" : zone.city + " (" + zone.id + ", " + offsetText(offset(zone.id, wrote)) + ")";
    var understood = "Customer wrote " + when(wrote, zone.id) + " " + (zone.id === "UTC" ? "UTC" : "in " + place) +
      (zone.id === "UTC" ? "." : ", which is " + when(wrote, "UTC") + " UTC.");
    if (in_.note === "skipped") understood += " Clocks there jumped forward over that time that day; it is read as the clock would have shown it.";
    if (in_.note === "repeated") understood += " That time happened twice there that day, as clocks went back; the earlier is used.";
    if (wrote > at) {
      return { state: "future", understood: understood, head: "That time is still to come. Check the date, the time and the time zone." };
    }
    if (at - wrote > 366 * DAY) {
      return { state: "old", understood: understood, head: "That is more than a year ago, so the window closed long ago: only an approved template can reach this customer. Check the year if you meant a recent message." };
    }
    var ends = [when(closes, in_.here) + " your time (" + in_.here + ")"];
    if (in_.here !== "UTC") ends.push(when(closes, "UTC") + " UTC");
    if (zone.id !== in_.here && zone.id !== "UTC") ends.push(when(closes, zone.id) + " in " + zone.city);
    var end = ends.join("; ");
    if (at < closes) {
      return {
        state: "open", understood: understood, head: "Open: free-form messages are allowed now.",
        until: "Until " + end + ". That is " + span(closes - at) + " from now, unless the customer writes or calls again, which starts the " + in_.hours + " hours again.",
        lead: "After that, a free-form message fails with",
      };
    }
    return {
      state: "closed", understood: understood, head: "Closed: only an approved template can reach this customer now.",
      until: "It closed " + (at === closes ? "just now" : span(at - closes) + " ago") + ", at " + end + ". When they answer a template, a new window opens.",
      lead: "A free-form message now fails with",
    };
  }

  var api = { utc: utc, offset: offset, instant: instant, checkDate: checkDate, readTimestamp: readTimestamp, fold: fold, Zones: Zones, readOffset: readOffset, offsetText: offsetText, when: when, verdict: verdict, cities: cities };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.WindowTime = api;
})(this);
