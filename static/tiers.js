// The tier calculator on /tiers/: the current limit and the unique users reached outside
// service windows over a number of days give whether the next level can come and what it
// takes. The levels, and for each its next level, how it moves up and the half of its limit,
// come from the page (data/tiers.toml through the generator); without JavaScript the table
// of steps below the form says the same for every level.
(function () {
  var form = document.querySelector("[data-tier-calc]");
  if (!form) return;
  var ruleDays = Number(form.getAttribute("data-days")), pathDays = Number(form.getAttribute("data-path-days"));
  var hours = form.getAttribute("data-hours");
  var level = form.querySelector("#t-level"), users = form.querySelector("#t-users"), daysField = form.querySelector("#t-days");
  var verdict = form.querySelector("[data-tier-verdict]");
  var head = verdict.querySelector("[data-tier-head]"), detail = verdict.querySelector("[data-tier-detail]");
  var more = form.querySelectorAll("[data-tier-more]");
  var fmt = new Intl.NumberFormat("en-US");
  var plural = function (n, one) { return fmt.format(n) + " " + one + (n === 1 ? "" : "s"); };

  function set(state, headText, detailText, moreKind) {
    verdict.setAttribute("data-state", state);
    head.textContent = headText;
    detail.hidden = !detailText;
    detail.textContent = detailText || "";
    more.forEach(function (m) { m.hidden = m.getAttribute("data-tier-more") !== moreKind; });
  }
  function update() {
    var o = level.options[level.selectedIndex];
    if (!o) return set("empty", "Pick the current limit.");
    var kind = o.getAttribute("data-kind"), limit = o.getAttribute("data-limit"), next = o.getAttribute("data-next");
    var count = Number(o.getAttribute("data-count")), nextCount = Number(o.getAttribute("data-next-count"));
    if (kind === "top") {
      return set("top", limit + " is the highest level: there is no next level.",
        "The portfolio may message any number of unique users outside service windows; nothing more to reach.");
    }
    if (kind === "undescribed") {
      return set("reviewed", "Meta's messaging-limits page does not describe how " + limit + " moves up.",
        "New portfolios start at " + next + "; check the current limit in WhatsApp Manager (Account tools > Messaging limits).");
    }
    var raw = users.value.trim(), rawDays = daysField.value.trim();
    if (raw !== "" && !/^\d+$/.test(raw)) return set("empty", "Enter a whole number of users, 0 or more.");
    if (!/^\d+$/.test(rawDays) || Number(rawDays) < 1) return set("empty", "Enter the period in whole days, 1 or more.");
    var n = raw === "" ? NaN : Number(raw), days = Number(rawDays), over = plural(days, "day");
    // At most `count` new people in any 24 hours, so a count above count × days cannot be
    // unique users reached outside windows at this limit.
    if (!isNaN(n) && count && n > count * days) {
      return set("impossible", fmt.format(n) + " unique users in " + over + " cannot happen at a limit of " + limit + ".",
        "At " + limit + " unique users in any 24 hours, " + over + " allow at most " + fmt.format(count * days) + ". Check the current limit in WhatsApp Manager (Account tools > Messaging limits), and count people messaged outside service windows, not messages.");
    }
    if (kind === "reviewed") {
      var path = "";
      if (!isNaN(n)) {
        if (n >= nextCount && days <= pathDays) path = "Your " + fmt.format(n) + " unique users in " + over + " meet the usage path's count (" + next + " within " + pathDays + " days); Meta still reviews the quality of the messages and can deny the step.";
        else if (n >= nextCount) path = "Meta counts the usage path over " + pathDays + " days; " + fmt.format(n) + " in " + over + " may include people from before that, so count the last " + pathDays + " days.";
        else path = "For the usage path, " + fmt.format(n) + " in " + over + " is " + fmt.format(nextCount - n) + " short of " + next + " within " + pathDays + " days; the other two paths need no count.";
      }
      return set("reviewed", next + " comes from a scaling path and Meta's review, which can deny it.", path, "reviewed");
    }
    var half = Number(o.getAttribute("data-half"));
    if (isNaN(n)) return set("empty", "Enter the unique users reached outside service windows.");
    var rule = "With high-quality messages across all templates and phone numbers, Meta raises the limit to " + next +
      " within about " + hours + " hours; a raise cannot be requested by hand.";
    if (n >= half && days <= ruleDays) {
      return set("yes", "Yes: " + next + " can come now.",
        fmt.format(n) + " in " + over + " is at least half of " + limit + " (" + fmt.format(half) + ") within the last " + ruleDays + " days. " + rule);
    }
    if (n >= half) {
      return set("unknown", "Cannot tell from " + over + ": Meta counts the last " + ruleDays + " days only.",
        fmt.format(n) + " in " + over + " may include people from before that. Enter the unique users of the last " + ruleDays + " days: " + next + " needs " + fmt.format(half) + ", half of " + limit + ".");
    }
    set("not-yet", "Not yet: " + next + " needs " + fmt.format(half) + " unique users in " + ruleDays + " days, half of " + limit + ".",
      "That is " + fmt.format(half - n) + " more than your " + fmt.format(n) + (days < ruleDays ? " (in " + over + "; count the whole " + ruleDays + " days)" : "") + ". " + rule.replace(/^With/, "Once there, with"));
  }
  [level, users, daysField].forEach(function (el) {
    el.addEventListener("input", update);
    el.addEventListener("change", update);
  });
  form.hidden = false;
  update();
})();
