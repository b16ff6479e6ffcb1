// Tests of the customer's-number check (static/numbers.js) on 131049, 131030 and 130497.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const N = require("../../static/numbers.js");

test("numbers are read however they are typed", () => {
  for (const s of ["+1 (212) 555-0100", "0012125550100", "12125550100", "whatsapp:+12125550100", "+1.212.555.0100"]) {
    assert.equal(N.read(s), "12125550100", s);
  }
  for (const s of ["", "abc", "+1 212", "12345678901234567", "212-555-01OO"]) assert.equal(N.read(s), null, s);
});

test("131049: US numbers are blocked, Canada and the Caribbean are not, Europe has no limit", () => {
  const cases = [
    ["+1 212 555 0100", "us", /US number, area code 212.*since 1 April 2025/],
    ["+1 787 555 0100", "us", /Puerto Rico, a US territory/],
    ["+1 416 555 0100", "not-us", /Canada \(\+1 416\), not the US/],
    ["+1 876 555 0100", "not-us", /Jamaica/],
    ["+1 809 555 0100", "not-us", /Dominican Republic/],
    ["+55 11 91234 5678", "limit", /Brazil \(\+55\).*wait at least 24 hours/],
    ["+44 7700 900123", "no-limit", /United Kingdom.*not active/],
    ["+49 151 23456789", "no-limit", /Germany/],
    ["+81 90 1234 5678", "no-limit", /Japan/],
    ["+91 98765 43210", "limit", /India/],
    ["+999 1234 5678", "limit", /does not list/],
    ["hello", "unreadable", /country code/],
  ];
  for (const [num, state, text] of cases) {
    const r = N.check("us-marketing", num);
    assert.equal(r.state, state, num);
    assert.match(r.text, text, num);
  }
});

test("131030: the Argentine 549 and Mexican 521 forms are turned into the listed ones", () => {
  let r = N.check("number-form", "+54 9 11 2345 6789");
  assert.equal(r.state, "ar");
  assert.match(r.text, /54 \+ 1123456789 .*541123456789, in the allowed list/);
  r = N.check("number-form", "5215512345678");
  assert.equal(r.state, "mx");
  assert.match(r.text, /525512345678, in the allowed list/);
  // 54 + 10 digits is already the listed form; so is 52 + 10.
  assert.equal(N.check("number-form", "541123456789").state, "other");
  assert.equal(N.check("number-form", "525512345678").state, "other");
  assert.match(N.check("number-form", "+55 11 91234 5678").text, /Brazil.*exactly 5511912345678/);
});

test("130497: the number's country is named", () => {
  assert.match(N.check("country", "+234 803 123 4567").text, /in Nigeria \(\+234\)/);
  assert.match(N.check("country", "+7 912 345 67 89").text, /Russia \(\+7\)/);
  assert.match(N.check("country", "+1 416 555 0100").text, /Canada \(\+1 416\)/);
  assert.equal(N.check("country", "+999 1234 5678").state, "unknown");
});

test("the tables: every calling code reads as its country, every +1 area code as its place", () => {
  const { calling, notUS, territories } = N.tables;
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  for (const [code, region] of Object.entries(calling)) {
    assert.match(code, /^[1-9]\d{0,2}$/, code);
    assert.match(region, /^[A-Z]{2}$/, code);
    assert.notEqual(names.of(region), region, `${code}: ${region} is no region`);
    if (code !== "1") assert.equal(N.where(code + "123456789").region, region, code);
  }
  for (const [country, areas] of Object.entries(notUS)) {
    assert.match(areas, /^\d{3}( \d{3})*$/, country);
    for (const area of areas.split(" ")) assert.deepEqual(N.where("1" + area + "5550100"), { code: "1", region: "", rest: area + "5550100", area, country });
  }
  for (const [area, place] of Object.entries(territories)) {
    assert.match(area, /^\d{3}$/);
    assert.deepEqual(N.where("1" + area + "5550100"), { code: "1", region: "US", rest: area + "5550100", area, territory: place });
  }
  assert.deepEqual(N.where("12125550100"), { code: "1", region: "US", rest: "2125550100", area: "212" });
  assert.deepEqual(N.where("9991234567"), { code: "", region: "", rest: "9991234567" });
});

test("reading: a prefix or a plus only at the start, and the whole sentence of each answer", () => {
  assert.equal(N.read("  whatsapp:+12125550100 "), "12125550100");
  assert.equal(N.read("+1212555whatsapp:0100"), null);
  const cases = [
    ["country", "+999 1234 5678", "unknown", "This number is in a country this check does not list (it starts +999…). Compare that country with the ones the WhatsApp Business Messaging Policy lets your business category message; if it is not the country you meant, the country code is wrong."],
    ["country", "+1 416 555 0100", "country", "This number is in Canada (+1 416). Compare that country with the ones the WhatsApp Business Messaging Policy lets your business category message; if it is not the country you meant, the country code is wrong."],
    ["us-marketing", "+1 212 555 0100", "us", "A US number, area code 212: WhatsApp delivers no marketing templates to US numbers since 1 April 2025, so waiting does not help. Do not retry the marketing template; use a utility template only if the content is transactional, or another channel."],
    ["us-marketing", "+1 787 555 0100", "us", "A US number (area code 787 is Puerto Rico, a US territory; Meta's page does not single territories out): WhatsApp delivers no marketing templates to US numbers since 1 April 2025, so waiting does not help. Do not retry the marketing template; use a utility template only if the content is transactional, or another channel."],
    ["us-marketing", "+1 416 555 0100", "not-us", "A number in Canada (+1 416), not the US: the US block does not apply. This is the per-user marketing limit: wait at least 24 hours before trying again."],
    // Austria is first in the list of countries without the limit.
    ["us-marketing", "+43 664 1234567", "no-limit", "A number in Austria (+43): Meta says the per-user marketing limit is not active for recipients there, so look at the other causes on this page (the template's category, the business number's country)."],
    ["us-marketing", "+55 11 91234 5678", "limit", "A number in Brazil (+55): the US block does not apply. This is the per-user marketing limit: wait at least 24 hours before trying again, and invite the person to write to you."],
    ["number-form", "+54 9 11 2345 6789", "ar", "An Argentine mobile in the 549 form that webhooks show: send to 54 + 1123456789 (without the 9), and put that same form, 541123456789, in the allowed list."],
    ["number-form", "5215512345678", "mx", "A Mexican mobile in the 521 form that webhooks show: send to 52 + 5512345678 (without the 1), and put that same form, 525512345678, in the allowed list."],
    ["number-form", "+55 11 91234 5678", "other", "A number in Brazil (+55): no second form is known for it. Add exactly 5511912345678 (country code, then the number, no + and no leading 0) to the test number's allowed list, and send to that same form."],
  ];
  for (const [kind, num, state, text] of cases) assert.deepEqual(N.check(kind, num), { state, text }, `${kind} ${num}`);
  // The 549 and 521 forms are the whole number, not a part of a longer one.
  for (const num of ["549112345678901", "55491123456789", "521551234567890", "55215512345678"]) {
    assert.equal(N.check("number-form", num).state, "other", num);
  }
});

// The +1 area codes that are not the US, written by hand province by province from the
// Canadian Numbering Administrator's and NANPA's plans as known on 2026-12-07, apart from
// the script's table, so that a code dropped from it or mistyped into another is caught: a
// Canadian number read as a US one is told that waiting does not help (131049). Geographic
// codes only: Canada's non-geographic 600 is not in the table. 387 (Ontario) and 460
// (Quebec) were not confirmed independently here; they are kept as the script has them.
const canada = {
  Alberta: "368 403 587 780 825",
  "British Columbia": "236 250 257 604 672 778",
  Manitoba: "204 431 584",
  "New Brunswick": "428 506",
  "Newfoundland and Labrador": "709 879",
  "Nova Scotia and Prince Edward Island": "782 902",
  Ontario: "226 249 289 343 365 382 387 416 437 519 548 613 647 683 705 742 753 807 905 942",
  Quebec: "263 354 367 418 438 450 460 468 514 579 581 819 873",
  Saskatchewan: "306 474 639",
  "Yukon, Northwest Territories and Nunavut": "867",
};
const caribbean = {
  Anguilla: "264", "Antigua and Barbuda": "268", Bahamas: "242", Barbados: "246", Bermuda: "441",
  "British Virgin Islands": "284", "Cayman Islands": "345", Dominica: "767", "Dominican Republic": "809 829 849",
  Grenada: "473", Jamaica: "876 658", Montserrat: "664", "Saint Kitts and Nevis": "869", "Saint Lucia": "758",
  "Saint Vincent and the Grenadines": "784", "Sint Maarten": "721", "Trinidad and Tobago": "868",
  "Turks and Caicos Islands": "649",
};
const usTerritories = { "American Samoa": "684", Guam: "671", "Northern Mariana Islands": "670", "Puerto Rico": "787 939", "US Virgin Islands": "340" };

const codesOf = (table) => Object.values(table).join(" ").split(" ").sort();

test("the +1 tables agree with a list written apart from them", () => {
  const { notUS, territories } = N.tables;
  assert.deepEqual(notUS.Canada.split(" ").sort(), codesOf(canada), "Canada");
  const { Canada, ...others } = notUS;
  assert.deepEqual(Object.keys(others).sort(), Object.keys(caribbean).sort(), "the Caribbean and Atlantic countries");
  for (const [country, areas] of Object.entries(caribbean)) assert.deepEqual(others[country].split(" ").sort(), areas.split(" ").sort(), country);
  assert.deepEqual(Object.keys(territories).sort(), codesOf(usTerritories), "US territories");
  for (const area of codesOf(canada)) {
    const r = N.check("us-marketing", `+1 ${area} 555 0100`);
    assert.equal(r.state, "not-us", area);
    assert.match(r.text, new RegExp(`Canada \\(\\+1 ${area}\\)`), area);
  }
  for (const [country, areas] of Object.entries(caribbean)) {
    for (const area of areas.split(" ")) assert.equal(N.check("us-marketing", `+1 ${area} 555 0100`).state, "not-us", `${country} ${area}`);
  }
  for (const area of codesOf(usTerritories)) assert.equal(N.check("us-marketing", `+1 ${area} 555 0100`).state, "us", area);
});
