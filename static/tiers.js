// The tier calculator on /tiers/: the current limit and the unique users reached outside
// service windows in the last 7 days give whether the next level can come and what it takes.
// The levels, and for each its next level, how it moves up and the half of its limit, come
// from the page (data/tiers.toml through the generator); without JavaScript the table of
// steps below the form says the same for every level.
(function () {
  var form = document.querySelector("[data-tier-calc]");
  if (!form) return;
  var days = form.getAttribute("data-days"), hours = form.getAttribute("data-hours");
  var level = form.querySelector("#t-level"), users = form.querySelector("#t-users");
  var verdict = form.querySelector("[data-tier-verdict]");
  var head = verdict.querySelector("[data-tier-head]"), detail = verdict.querySelector("[data-tier-detail]");
  var more = form.querySelectorAll("[data-tier-more]");
  var fmt = new Intl.NumberFormat("en-US");

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
    var raw = users.value.trim(), n = raw === "" ? NaN : Number(raw);
    var count = isNaN(n) ? "" : "Your " + fmt.format(n) + " unique users in " + days + " days do not decide this step. ";
    switch (kind) {
      case "top":
        return set("top", limit + " is the highest level: there is no next level.",
          "The portfolio may message any number of unique users outside service windows; nothing more to reach.");
      case "undescribed":
        return set("reviewed", "Meta's messaging-limits page does not describe how " + limit + " moves up.",
          "New portfolios start at " + next + "; check the current limit in WhatsApp Manager (Account tools > Messaging limits).");
      case "reviewed":
        return set("reviewed", next + " does not come from usage: it takes a scaling path and Meta's review, which can deny it.",
          count, "reviewed");
    }
    var half = Number(o.getAttribute("data-half"));
    if (raw === "") return set("empty", "Enter the unique users reached outside service windows in the last " + days + " days.");
    if (!/^\d+$/.test(raw)) return set("empty", "Enter a whole number of users, 0 or more.");
    var rule = "With high-quality messages across all templates and phone numbers, Meta raises the limit to " + next +
      " within about " + hours + " hours; a raise cannot be requested by hand.";
    if (n >= half) {
      set("yes", "Yes: " + next + " can come now.",
        fmt.format(n) + " is at least half of " + limit + " (" + fmt.format(half) + "). " + rule);
    } else {
      set("not-yet", "Not yet: " + next + " needs " + fmt.format(half) + " unique users in " + days + " days, half of " + limit + ".",
        "That is " + fmt.format(half - n) + " more than your " + fmt.format(n) + ". " + rule.replace(/^With/, "Once there, with"));
    }
  }
  [level, users].forEach(function (el) {
    el.addEventListener("input", update);
    el.addEventListener("change", update);
  });
  form.hidden = false;
  update();
})();
