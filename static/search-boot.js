// Loads the search code the first time someone uses a search box, so that every page stays
// light; search.js then fetches the index. Also: "/" focuses the search box from anywhere.
(function () {
  "use strict";
  var me = document.currentScript;
  var root = new URL(me.getAttribute("data-root"), location.href).href;
  var started = false;
  function load() {
    if (started) return;
    started = true;
    var s = document.createElement("script");
    s.src = root + "static/search.js";
    s.setAttribute("data-root", root);
    document.head.appendChild(s);
  }
  var boxes = document.querySelectorAll("input[data-search]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("focus", load);
    box.addEventListener("input", load);
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      var main = document.querySelector("input[data-search=page]") || boxes[0];
      if (main) main.focus();
    }
  });
  if (document.querySelector("input[data-search=page]") && /[?&]q=/.test(location.search)) load();
})();
