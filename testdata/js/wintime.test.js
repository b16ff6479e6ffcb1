// Tests of the window calculator's arithmetic (static/wintime.js) with the real zone list
// (static/zones.js). Run with `node --test testdata/js/*.test.js`; TestJavaScript runs them in go test.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const W = require("../../static/wintime.js");

const zoneFile = {};
vm.runInNewContext(fs.readFileSync(path.join(__dirname, "../../static/zones.js"), "utf8"), zoneFile);
const iso = (s) => Date.parse(s);
const zones = new W.Zones(zoneFile.KB_ZONES, zoneFile.KB_ZONE_LINKS);

test("a wall-clock time becomes its instant on the days clocks change", () => {
  const cases = [
    // zone, wall time, the instant, and whether the time was skipped or repeated
    ["America/New_York", "2026-03-08 01:59", "2026-03-08T06:59:00Z", ""],
    ["America/New_York", "2026-03-08 02:30", "2026-03-08T07:30:00Z", "skipped"],
    ["America/New_York", "2026-03-08 03:00", "2026-03-08T07:00:00Z", ""],
    ["America/New_York", "2026-11-01 00:59", "2026-11-01T04:59:00Z", ""],
    ["America/New_York", "2026-11-01 01:30", "2026-11-01T05:30:00Z", "repeated"],
    ["America/New_York", "2026-11-01 02:00", "2026-11-01T07:00:00Z", ""],
    ["Europe/London", "2026-03-29 00:59", "2026-03-29T00:59:00Z", ""],
    ["Europe/London", "2026-03-29 01:30", "2026-03-29T01:30:00Z", "skipped"],
    ["Europe/London", "2026-10-25 01:30", "2026-10-25T00:30:00Z", "repeated"],
    ["Europe/Berlin", "2026-03-29 01:59", "2026-03-29T00:59:00Z", ""],
    ["Australia/Sydney", "2026-04-05 02:30", "2026-04-04T15:30:00Z", "repeated"],
    ["Australia/Sydney", "2026-10-04 01:59", "2026-10-03T15:59:00Z", ""],
    ["Australia/Sydney", "2026-10-04 02:30", "2026-10-03T16:30:00Z", "skipped"],
    // São Paulo kept daylight-saving time until 2019; its clocks changed at midnight.
    ["America/Sao_Paulo", "2018-11-03 23:59", "2018-11-04T02:59:00Z", ""],
    ["America/Sao_Paulo", "2018-11-04 00:30", "2018-11-04T03:30:00Z", "skipped"],
    ["America/Sao_Paulo", "2018-11-04 01:00", "2018-11-04T03:00:00Z", ""],
    ["America/Sao_Paulo", "2019-02-16 22:59", "2019-02-17T00:59:00Z", ""],
    ["America/Sao_Paulo", "2019-02-16 23:30", "2019-02-17T01:30:00Z", "repeated"],
    ["America/Sao_Paulo", "2026-12-06 14:05", "2026-12-06T17:05:00Z", ""],
    ["Asia/Kolkata", "2026-12-06 14:05", "2026-12-06T08:35:00Z", ""],
  ];
  for (const [zone, wall, want, note] of cases) {
    const [y, mo, d, h, mi] = wall.split(/[- :]/).map(Number);
    const got = W.instant(y, mo, d, h, mi, zone);
    assert.equal(new Date(got.t).toISOString(), new Date(iso(want)).toISOString(), `${wall} in ${zone}`);
    assert.equal(got.skipped ? "skipped" : got.repeated ? "repeated" : "", note, `${wall} in ${zone}`);
  }
});

test("24 hours across a clock change end an hour off on the wall clock", () => {
  const ny = zones.byID("America/New_York");
  const wrote = W.instant(2026, 3, 7, 12, 0, ny.id).t;
  const r = W.verdict({ zone: ny, wrote, here: "UTC", now: iso("2026-03-08T16:00:00Z"), hours: 24 });
  assert.equal(r.state, "open");
  assert.match(r.until, /^Until Sun 8 Mar 2026, 17:00 your time \(UTC\); Sun 8 Mar 2026, 13:00 in New York\. That is 1 h from now/);
});

test("the verdict says what it understood, then until when in three zones, each with its date", () => {
  const sp = zones.byID("America/Sao_Paulo");
  const wrote = W.instant(2026, 12, 6, 14, 5, sp.id).t;
  // The case: open, 3 h 35 min left, from an agent in Tokyo.
  const r = W.verdict({ zone: sp, wrote, here: "Asia/Tokyo", now: iso("2026-12-07T13:30:00Z"), hours: 24 });
  assert.equal(r.state, "open");
  assert.equal(r.understood, "Customer wrote Sun 6 Dec 2026, 14:05 in Sao Paulo (America/Sao_Paulo, UTC-03:00), which is Sun 6 Dec 2026, 17:05 UTC.");
  assert.equal(r.head, "Open: free-form messages are allowed now.");
  assert.equal(r.until, "Until Tue 8 Dec 2026, 02:05 your time (Asia/Tokyo); Mon 7 Dec 2026, 17:05 UTC; Mon 7 Dec 2026, 14:05 in Sao Paulo. That is 3 h 35 min from now, unless the customer writes or calls again, which starts the 24 hours again.");
  const closed = W.verdict({ zone: sp, wrote, here: "Asia/Tokyo", now: iso("2026-12-07T17:30:00Z"), hours: 24 });
  assert.equal(closed.state, "closed");
  assert.match(closed.until, /^It closed 25 min ago, at Tue 8 Dec 2026, 02:05 your time/);
  const exact = W.verdict({ zone: sp, wrote, here: "Asia/Tokyo", now: iso("2026-12-07T17:05:00Z"), hours: 24 });
  assert.match(exact.until, /^It closed just now/);
  const future = W.verdict({ zone: sp, wrote, here: "UTC", now: iso("2026-12-06T17:04:00Z"), hours: 24 });
  assert.equal(future.state, "future");
  const old = W.verdict({ zone: sp, wrote, here: "UTC", now: iso("2028-01-01T00:00:00Z"), hours: 24 });
  assert.equal(old.state, "old");
  const skipped = W.verdict({ zone: sp, wrote, here: "UTC", now: wrote, hours: 24, note: "skipped" });
  assert.match(skipped.understood, /jumped forward/);
});

test("dates that do not exist, or come before WhatsApp, get a message, not an answer", () => {
  assert.match(W.checkDate(2026, 2, 31), /no 31 February in 2026/);
  assert.match(W.checkDate(2025, 2, 29), /no 29 February in 2025/);
  assert.equal(W.checkDate(2024, 2, 29), "");
  assert.match(W.checkDate(2026, 4, 31), /no 31 April/);
  assert.match(W.checkDate(2026, 13, 1), /does not exist/);
  assert.match(W.checkDate(2008, 12, 31), /before 2009.*2008/);
  assert.match(W.checkDate(1, 1, 1), /before 2009.*\(1\)/);
  assert.equal(W.checkDate(2009, 1, 1), "");
  // Years below 100 are not moved to the 1900s.
  assert.equal(new Date(W.utc(1, 1, 1)).getUTCFullYear(), 1);
  assert.equal(new Date(W.utc(99, 6, 1)).getUTCFullYear(), 99);
});

test("a pasted webhook, timestamp or ISO time gives the instant the customer wrote", () => {
  const inbound = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp",
    "metadata":{"display_phone_number":"15550000000","phone_number_id":"1"},"contacts":[{"profile":{"name":"A"},"wa_id":"5511999999999"}],
    "messages":[{"from":"5511999999999","id":"wamid.X","timestamp":"1765036500","type":"text","text":{"body":"oi"}}]},"field":"messages"}]}]}`;
  assert.deepEqual(W.readTimestamp(inbound), { t: 1765036500000, from: "webhook" });
  assert.deepEqual(W.readTimestamp("  1765036500\n"), { t: 1765036500000, from: "timestamp" });
  assert.deepEqual(W.readTimestamp("1765036500123"), { t: 1765036500123, from: "timestamp" });
  assert.deepEqual(W.readTimestamp('"timestamp": "1765036500",'), { t: 1765036500000, from: "timestamp" });
  assert.equal(W.readTimestamp("2026-12-06T14:05:00-03:00").t, iso("2026-12-06T17:05:00Z"));
  assert.equal(W.readTimestamp("2026-12-06 17:05:30Z").t, iso("2026-12-06T17:05:30Z"));
  // A status webhook's timestamp is when the business's message was delivered or read.
  const status = `{"entry":[{"changes":[{"value":{"statuses":[{"id":"wamid.Y","status":"delivered","timestamp":"1765036999","recipient_id":"5511"}]}}]}]}`;
  assert.match(W.readTimestamp(status).error, /status webhook/);
  // With both, the message's own timestamp counts, not the status's before it.
  const both = status.replace('"statuses"', '"messages":[{"from":"1","timestamp":"1765036500"}],"statuses"');
  assert.equal(W.readTimestamp(both).t, 1765036500000);
  assert.match(W.readTimestamp("yesterday at noon").error, /No time found/);
  assert.equal(W.readTimestamp("   ").error, "");
});

test("a zone is found by city, country in three languages, offset or old name, best first", () => {
  const t = iso("2026-07-01T12:00:00Z");
  const first = (q) => (zones.find(q, t)[0] || {}).id;
  const has = (q, id) => zones.find(q, t).some((z) => z.id === id);
  assert.equal(first("Sao"), "America/Sao_Paulo");
  assert.equal(first("São Paulo"), "America/Sao_Paulo");
  assert.equal(first("sao_paulo"), "America/Sao_Paulo");
  assert.equal(first("Rio de Janeiro"), "America/Sao_Paulo");
  assert.equal(first("Mumbai"), "Asia/Kolkata");
  assert.equal(first("Kolkata"), "Asia/Kolkata");
  assert.equal(first("Berl"), "Europe/Berlin");
  assert.equal(first("Londres"), "Europe/London");
  for (const q of ["Brazil", "Brasil", "brasil"]) assert.equal(first(q), "America/Sao_Paulo", q);
  for (const q of ["United States", "Estados Unidos", "EEUU"]) assert.ok(q === "EEUU" || first(q) === "America/New_York", q);
  for (const q of ["Mexico", "México", "Méjico"]) assert.ok(q === "Méjico" || has(q, "America/Mexico_City"), q);
  for (const q of ["United States", "Estados Unidos"]) assert.ok(has(q, "America/New_York"), q);
  for (const q of ["Germany", "Alemanha", "Alemania"]) assert.equal(first(q), "Europe/Berlin", q);
  assert.equal(first("India"), "Asia/Kolkata");
  for (const q of ["UTC-3", "utc -3", "GMT-03:00", "UTC\u22123", "-03:00"]) {
    assert.ok(has(q, "America/Sao_Paulo") && has(q, "America/Argentina/Buenos_Aires"), q);
    assert.ok(!has(q, "America/New_York"), q);
  }
  for (const q of ["GMT+5:30", "UTC+05:30", "+0530"]) assert.equal(first(q), "Asia/Kolkata", q);
  assert.equal(first("UTC"), "UTC");
  assert.equal(first("UTC+0"), "UTC");
  assert.deepEqual(zones.find("Atlantis", t), []);
  assert.deepEqual(zones.find("UTC+15", t), []);
  assert.equal(zones.canonical("Asia/Calcutta"), "Asia/Kolkata");
  assert.equal(zones.canonical("Etc/UTC"), "UTC");
  assert.equal(zones.label(zones.byID("America/Sao_Paulo"), t), "Sao Paulo, Brazil (UTC-03:00)");
  assert.equal(zones.label(zones.byID("Asia/Kolkata"), t), "Kolkata, India (UTC+05:30)");
  // The offset shown is the one on the day asked about.
  assert.equal(zones.label(zones.byID("Europe/London"), iso("2026-01-15T12:00:00Z")), "London, United Kingdom (UTC+00:00)");
  assert.equal(zones.label(zones.byID("Europe/London"), t), "London, United Kingdom (UTC+01:00)");
});

test("every city the table lists finds its zone first", () => {
  const t = iso("2026-07-01T12:00:00Z");
  for (const [id, names] of Object.entries(W.cities)) {
    assert.ok(zones.byID(id), id);
    assert.ok(names.length > 0, `${id} lists no city`);
    for (const name of names) assert.equal((zones.find(name, t)[0] || {}).id, id, name);
  }
});

test("zones: unknown names, offsets at their limits, ties by name, words only from their start", () => {
  const t = iso("2026-07-01T12:00:00Z");
  const ids = (q) => zones.find(q, t).map((z) => z.id);
  assert.equal(new W.Zones([["Mars/Olympus_Mons", "US"]], {}).byID("Mars/Olympus_Mons"), null);
  assert.equal(zones.byID("Mars/Olympus_Mons"), null);
  assert.equal(zones.canonical("Mars/Olympus_Mons"), "");
  assert.equal(zones.canonical("Etc/GMT"), "UTC");
  assert.equal(zones.label(zones.byID("UTC"), t), "UTC (UTC+00:00)");
  assert.equal(zones.label(zones.byID("Australia/Brisbane"), t), "Brisbane, Australia (UTC+10:00)");
  assert.equal(W.readOffset("utc+14"), 840);
  assert.equal(W.readOffset("+05:59"), 359);
  assert.equal(W.readOffset("utc-3"), -180);
  assert.equal(W.readOffset("gmt"), 0);
  for (const q of ["utc+15", "+05:60", "utc+3x", "x-3", "gmtx", "xutc"]) assert.equal(W.readOffset(q), null, q);
  assert.deepEqual(ids("  "), []);
  assert.deepEqual(ids("coordinated universal time"), ["UTC"]);
  // Equal ranks and no big cities: by name.
  assert.deepEqual(ids("UTC+09:30"), ["Australia/Adelaide", "Australia/Broken_Hill", "Australia/Darwin"]);
  // A city starting with the query comes before a country starting with it; a country's
  // code counts as its name; a word matches from its start only.
  assert.equal(ids("Ind")[0], "America/Indiana/Indianapolis");
  assert.equal(ids("IN")[0], "Asia/Kolkata");
  assert.deepEqual(ids("aulo"), []);
  assert.equal(ids("Paulo")[0], "America/Sao_Paulo");
  assert.equal(ids("York")[0], "America/New_York");
  // A zone with one big city listed comes before one with none.
  assert.ok(ids("-03:00").indexOf("America/Bahia") < ids("-03:00").indexOf("America/Araguaina"));
  assert.deepEqual(ids("gm"), ["Africa/Banjul", "UTC"]); // The Gambia's code, then GMT
  assert.deepEqual(ids("ut"), ["UTC"]);
  // A zone's words: city, zone name, country in English, Portuguese and Spanish, the cities
  // listed for it, the country code; nothing else.
  assert.deepEqual(zones.byID("Asia/Tokyo").keys, ["tokyo", "asia tokyo", "japan", "japao", "japon", "jp"]);
  assert.deepEqual(zones.byID("Europe/Berlin").keys, ["berlin", "europe berlin", "germany", "alemanha", "alemania", "berlim", "munich", "hamburg", "frankfurt", "de"]);
  assert.deepEqual(W.fold("  São   Paulo "), "sao paulo");
});

test("offsets are read at any second, and in years before the common era", () => {
  assert.equal(W.offset("Asia/Kolkata", iso("2026-12-06T17:05:30.250Z")), 330 * 60000);
  assert.equal(W.offset("UTC", W.utc(-100, 6, 1, 12, 0)), 0);
  assert.equal(W.offset("Etc/GMT-3", W.utc(-100, 6, 1, 12, 0)), 3 * 3600000);
});

test("dates: day and month in range, and the whole message", () => {
  for (const [y, mo, d] of [[2026, 0, 1], [2026, 1, 0], [2026, 1, 32]]) {
    assert.equal(W.checkDate(y, mo, d), "That date does not exist: check the day and the month.", `${y}-${mo}-${d}`);
  }
  assert.equal(W.checkDate(2026, 2, 31), "There is no 31 February in 2026: check the day and the month.");
  assert.equal(W.checkDate(2026, 12, 31), "");
});

test("a pasted time is read only when it is all there is, in every form a webhook or a person writes", () => {
  for (const s of ["id 1765036500", "1765036500 x", "at 2026-12-06T14:05:00Z", "2026-12-06T14:05:00Z!"]) {
    assert.match(W.readTimestamp(s).error, /No time found/, s);
  }
  assert.deepEqual(W.readTimestamp("2026-12-06T22:35:00+05:30"), { t: iso("2026-12-06T17:05:00Z"), from: "time" });
  assert.equal(W.readTimestamp("2026-12-06 17:05Z").t, iso("2026-12-06T17:05:00Z"));
  assert.equal(W.readTimestamp("2026-12-06T17:05:30.123Z").t, iso("2026-12-06T17:05:30Z"));
  assert.equal(W.readTimestamp("2026-12-06 14:05 -03:00").t, iso("2026-12-06T17:05:00Z"));
  assert.equal(W.readTimestamp("2026-12-06T22:35:00+0530").t, iso("2026-12-06T17:05:00Z"));
  // Pretty-printed JSON, a number without quotes, and a status before the message.
  const pretty = JSON.stringify({ entry: [{ changes: [{ value: { messages: [{ from: "1", timestamp: "1765036500" }] } }] }] }, null, 2);
  assert.deepEqual(W.readTimestamp(pretty), { t: 1765036500000, from: "webhook" });
  assert.deepEqual(W.readTimestamp('{"messages" : [ {"timestamp": 1765036500} ]}'), { t: 1765036500000, from: "webhook" });
  const statusFirst = JSON.stringify({ statuses: [{ status: "read", timestamp: "1765036999" }], messages: [{ timestamp: "1765036500" }] }, null, 1);
  assert.equal(W.readTimestamp(statusFirst).t, 1765036500000);
  assert.match(W.readTimestamp('{"statuses" : [ {"timestamp": "1765036999"} ]}').error, /status webhook/);
});

test("the verdict's every sentence: in UTC, in the agent's own zone, at its limits", () => {
  const sp = zones.byID("America/Sao_Paulo"), utcZone = zones.byID("UTC");
  const wrote = iso("2026-12-06T17:05:00Z"), DAY = 86400000, HOUR = 3600000;
  const at = (now, zone, here, note) => W.verdict({ zone, wrote, here, now, hours: 24, note });
  let r = at(wrote + HOUR, utcZone, "UTC");
  assert.deepEqual(r, {
    state: "open", understood: "Customer wrote Sun 6 Dec 2026, 17:05 UTC.", head: "Open: free-form messages are allowed now.",
    until: "Until Mon 7 Dec 2026, 17:05 your time (UTC). That is 23 h from now, unless the customer writes or calls again, which starts the 24 hours again.",
    lead: "After that, a free-form message fails with",
  });
  // A customer in UTC is not named twice to an agent elsewhere.
  assert.equal(at(wrote + HOUR, utcZone, "Asia/Tokyo").until, "Until Tue 8 Dec 2026, 02:05 your time (Asia/Tokyo); Mon 7 Dec 2026, 17:05 UTC. That is 23 h from now, unless the customer writes or calls again, which starts the 24 hours again.");
  r = at(wrote + DAY + 2 * DAY, sp, "America/Sao_Paulo", "repeated");
  assert.deepEqual(r, {
    state: "closed",
    understood: "Customer wrote Sun 6 Dec 2026, 14:05 in Sao Paulo (America/Sao_Paulo, UTC-03:00), which is Sun 6 Dec 2026, 17:05 UTC. That time happened twice there that day, as clocks went back; the earlier is used.",
    head: "Closed: only an approved template can reach this customer now.",
    until: "It closed 2 days ago, at Mon 7 Dec 2026, 14:05 your time (America/Sao_Paulo); Mon 7 Dec 2026, 17:05 UTC. When they answer a template, a new window opens.",
    lead: "A free-form message now fails with",
  });
  assert.match(at(wrote + DAY + 47 * HOUR, sp, "UTC").until, /^It closed 47 h ago/);
  assert.match(at(wrote + DAY + 73 * HOUR, sp, "UTC").until, /^It closed 3 days ago/);
  assert.equal(at(wrote, sp, "UTC").state, "open"); // written this minute
  assert.equal(at(wrote - 60000, sp, "UTC").head, "That time is still to come. Check the date, the time and the time zone.");
  assert.equal(at(wrote + 366 * DAY, sp, "UTC").state, "closed");
  r = at(wrote + 366 * DAY + 60000, sp, "UTC");
  assert.equal(r.state, "old");
  assert.equal(r.head, "That is more than a year ago, so the window closed long ago: only an approved template can reach this customer. Check the year if you meant a recent message.");
});
