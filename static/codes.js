// Filters a table as you type (/codes/ and each provider's error table), and by class where
// the page offers it; ?class=fatal and ?filter=… in the address preselect. A section's heading
// row hides with its last shown row. Without JavaScript the whole table stays visible.
(function () {
  var box = document.querySelector(".filters");
  var table = document.querySelector("table[data-filterable]");
  if (!box || !table) return;
  var input = document.getElementById("codes-filter");
  var select = document.getElementById("codes-class");
  var count = document.getElementById("codes-count");
  var noun = count.getAttribute("data-noun") || "codes";
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr:not(.section-row)"));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  box.hidden = false;
  var params = new URLSearchParams(location.search);
  if (select && params.get("class")) select.value = params.get("class");
  if (params.get("filter")) input.value = params.get("filter");
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var cls = select ? select.value : "", shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!cls || r.dataset.class === cls) &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var head = body.querySelector("tr.section-row");
      if (head) head.hidden = !body.querySelector("tr:not(.section-row):not([hidden])");
    });
    count.textContent = shown + " of " + rows.length + " " + noun;
  }
  input.addEventListener("input", apply);
  if (select) select.addEventListener("change", apply);
  apply();
})();
