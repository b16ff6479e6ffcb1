// Copy buttons on code pages: "Copy for the ticket" and "Copy the reply". Without
// JavaScript the buttons stay hidden and the text stays selectable.
(function () {
  var status = document.querySelector("[data-copy-status]");
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.innerText.trim();
      // The note names the page by its path; the clipboard gets the address in the bar.
      if (target.id === "ticket-note") text = text.replace(/^Details: .*$/m, "Details: " + location.href);
      var done = function () { if (status) status.textContent = button.textContent.replace(/^Copy/, "Copied") + "."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { select(target); });
      } else {
        select(target);
        if (document.execCommand && document.execCommand("copy")) done();
      }
    });
  });
  function select(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
})();
