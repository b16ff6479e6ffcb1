// Filters the codes table as you type, and by class; ?class=fatal in the address preselects.
// Without JavaScript the whole table stays visible.
(function () {
  var box = document.querySelector(".filters");
  var table = document.querySelector("table[data-filterable]");
  if (!box || !table) return;
  var input = document.getElementById("codes-filter");
  var select = document.getElementById("codes-class");
  var count = document.getElementById("codes-count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  box.hidden = false;
  var params = new URLSearchParams(location.search);
  if (params.get("class")) select.value = params.get("class");
  if (params.get("filter")) input.value = params.get("filter");
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var cls = select.value, shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!cls || r.dataset.class === cls) &&
        words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " codes";
  }
  input.addEventListener("input", apply);
  select.addEventListener("change", apply);
  apply();
})();
