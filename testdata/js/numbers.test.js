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
