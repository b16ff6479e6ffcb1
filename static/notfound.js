// The 404 page: a request for a code page that does not exist (/codes/131999/) fills the
// search form with the code and offers the search. Without JavaScript the empty form stays.
(function () {
  "use strict";
  var me = document.currentScript;
  var codes = new URL(me.getAttribute("data-codes"), location.href).pathname;
  var search = me.getAttribute("data-search");
  var path = location.pathname;
  if (path.indexOf(codes) !== 0) return;
  var key = path.slice(codes.length).split("/")[0];
  try { key = decodeURIComponent(key); } catch (e) { return; }
  key = key.trim();
  if (!key || key.length > 64) return;
  var box = document.getElementById("nf-q");
  var note = document.querySelector("[data-nf-code]");
  if (!box || !note) return;
  box.value = key;
  note.querySelector("[data-nf-key]").textContent = key;
  note.querySelector("[data-nf-search]").href = search + "?q=" + encodeURIComponent(key);
  note.hidden = false;
})();
