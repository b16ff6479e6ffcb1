// The customer's-number check on code pages whose advice depends on where the recipient's
// number is from (131049: US numbers get no marketing templates; 131030: Argentine and
// Mexican mobiles appear in two forms; 130497: which country a number is in). The logic has
// no page in it so that Node tests run it (testdata/js); the last part wires it to the page.
//
// A +1 area code not listed below as Canada's or the Caribbean's is read as a US one. The
// Canadian list was checked on 2026-12-07 against a province-by-province table
// (https://www.places.com.ng/canada-area-code-information/, which agrees with the Canadian
// Numbering Administrator's); 460 is listed beyond it, as a Quebec code not yet in that table.
// The Caribbean codes and the calling codes are written from the NANPA and ITU plans and
// were not checked against their current pages here: recheck them when a code is added.
(function (root) {
  "use strict";
  var notUS = {
    Canada: "204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905 942",
    Bahamas: "242", Barbados: "246", Anguilla: "264", "Antigua and Barbuda": "268", "British Virgin Islands": "284",
    "Cayman Islands": "345", Bermuda: "441", Grenada: "473", "Turks and Caicos Islands": "649", Jamaica: "658 876",
    Montserrat: "664", "Sint Maarten": "721", "Saint Lucia": "758", Dominica: "767", "Saint Vincent and the Grenadines": "784",
    "Dominican Republic": "809 829 849", "Trinidad and Tobago": "868", "Saint Kitts and Nevis": "869",
  };
  var territories = { "340": "the US Virgin Islands", "670": "the Northern Mariana Islands", "671": "Guam", "684": "American Samoa", "787": "Puerto Rico", "939": "Puerto Rico" };
  // Calling codes, longest first when read: the countries WhatsApp businesses message most.
  var calling = {
    "1": "US", "7": "RU", "20": "EG", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES", "36": "HU", "39": "IT",
    "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE", "47": "NO", "48": "PL", "49": "DE",
    "51": "PE", "52": "MX", "53": "CU", "54": "AR", "55": "BR", "56": "CL", "57": "CO", "58": "VE",
    "60": "MY", "61": "AU", "62": "ID", "63": "PH", "64": "NZ", "65": "SG", "66": "TH", "81": "JP", "82": "KR", "84": "VN", "86": "CN",
    "90": "TR", "91": "IN", "92": "PK", "93": "AF", "94": "LK", "95": "MM", "98": "IR",
    "212": "MA", "213": "DZ", "216": "TN", "218": "LY", "220": "GM", "221": "SN", "225": "CI", "233": "GH", "234": "NG", "237": "CM",
    "243": "CD", "244": "AO", "249": "SD", "251": "ET", "254": "KE", "255": "TZ", "256": "UG", "258": "MZ", "260": "ZM", "263": "ZW",
    "351": "PT", "352": "LU", "353": "IE", "354": "IS", "356": "MT", "357": "CY", "358": "FI", "359": "BG", "370": "LT", "371": "LV",
    "372": "EE", "380": "UA", "385": "HR", "386": "SI", "420": "CZ", "421": "SK", "423": "LI",
    "502": "GT", "503": "SV", "504": "HN", "505": "NI", "506": "CR", "507": "PA", "591": "BO", "593": "EC", "595": "PY", "598": "UY",
    "852": "HK", "853": "MO", "855": "KH", "880": "BD", "886": "TW", "960": "MV", "961": "LB", "962": "JO", "963": "SY", "964": "IQ",
    "965": "KW", "966": "SA", "967": "YE", "968": "OM", "970": "PS", "971": "AE", "972": "IL", "973": "BH", "974": "QA", "977": "NP",
  };
  // Where Meta's per-user marketing limit is not active (131049's page, from Meta's per-user
  // limits page): the EEA, the UK, Japan and South Korea.
  var noMarketingLimit = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT NL NO PL PT RO SK SI ES SE GB JP KR".split(" ");

  // read splits what was typed into digits, dropping "+", spaces, dashes, dots, brackets, a
  // "whatsapp:" prefix and a leading 00; anything else makes it unreadable.
  function read(text) {
    var s = String(text).trim().replace(/^whatsapp:/i, "").replace(/[\s\-().]/g, "");
    if (/^\+/.test(s)) s = s.slice(1);
    else if (/^00/.test(s)) s = s.slice(2);
    if (!/^\d{7,15}$/.test(s)) return null;
    return s;
  }

  // where tells the country of a number in international form.
  function where(digits) {
    for (var n = 3; n >= 1; n--) {
      var code = digits.slice(0, n);
      if (calling[code]) {
        var out = { code: code, region: calling[code], rest: digits.slice(n) };
        if (code === "1") {
          var area = out.rest.slice(0, 3);
          out.area = area;
          out.region = "US";
          for (var c in notUS) if (notUS[c].split(" ").indexOf(area) >= 0) { out.region = ""; out.country = c; }
          if (territories[area]) out.territory = territories[area];
        }
        return out;
      }
    }
    return { code: "", region: "", rest: digits };
  }

  function countryName(region) {
    try { return new Intl.DisplayNames(["en"], { type: "region" }).of(region); } catch (e) { return region; }
  }

  // check returns the sentence for one page's case: kind is "us-marketing" (131049),
  // "number-form" (131030) or "country" (130497). state is what applies, for tests and CSS.
  function check(kind, text) {
    var digits = read(text);
    if (digits === null) return { state: "unreadable", text: "Enter the number with its country code, such as +1 212 555 0100, +55 11 91234 5678 or 5491123456789." };
    var w = where(digits), name = w.country || (w.region ? countryName(w.region) : "");
    var place = name ? name + " (+" + w.code + (w.code === "1" ? " " + w.area : "") + ")" : "a country this check does not list (it starts +" + digits.slice(0, 3) + "…)";
    if (kind === "us-marketing") {
      if (w.code === "1" && w.region === "US") {
        return { state: "us", text: "A US number" + (w.territory ? " (area code " + w.area + " is " + w.territory + ", a US territory; Meta's page does not single territories out)" : ", area code " + w.area) + ": WhatsApp delivers no marketing templates to US numbers since 1 April 2025, so waiting does not help. Do not retry the marketing template; use a utility template only if the content is transactional, or another channel." };
      }
      if (w.code === "1") return { state: "not-us", text: "A number in " + place + ", not the US: the US block does not apply. This is the per-user marketing limit: wait at least 24 hours before trying again." };
      if (noMarketingLimit.indexOf(w.region) >= 0) return { state: "no-limit", text: "A number in " + place + ": Meta says the per-user marketing limit is not active for recipients there, so look at the other causes on this page (the template's category, the business number's country)." };
      return { state: "limit", text: "A number in " + place + ": the US block does not apply. This is the per-user marketing limit: wait at least 24 hours before trying again, and invite the person to write to you." };
    }
    if (kind === "number-form") {
      if (/^549\d{10}$/.test(digits)) return { state: "ar", text: "An Argentine mobile in the 549 form that webhooks show: send to 54 + " + digits.slice(3) + " (without the 9), and put that same form, " + "54" + digits.slice(3) + ", in the allowed list." };
      if (/^521\d{10}$/.test(digits)) return { state: "mx", text: "A Mexican mobile in the 521 form that webhooks show: send to 52 + " + digits.slice(3) + " (without the 1), and put that same form, " + "52" + digits.slice(3) + ", in the allowed list." };
      return { state: "other", text: "A number in " + place + ": no second form is known for it. Add exactly " + digits + " (country code, then the number, no + and no leading 0) to the test number's allowed list, and send to that same form." };
    }
    return { state: w.region || w.country ? "country" : "unknown", text: "This number is in " + place + ". Compare that country with the ones the WhatsApp Business Messaging Policy lets your business category message; if it is not the country you meant, the country code is wrong." };
  }

  var api = { read: read, where: where, check: check, tables: { calling: calling, notUS: notUS, territories: territories } };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }
  root.NumberCheck = api;
  // The page: each [data-number-check] box has a field and an output.
  document.querySelectorAll("[data-number-check]").forEach(function (box) {
    var field = box.querySelector("input"), out = box.querySelector("output");
    var kind = box.getAttribute("data-number-check");
    function update() {
      if (!field.value.trim()) { out.textContent = ""; box.removeAttribute("data-state"); return; }
      var r = check(kind, field.value);
      box.setAttribute("data-state", r.state);
      out.textContent = r.text;
    }
    field.addEventListener("input", update);
    box.hidden = false;
    update();
  });
})(this);
