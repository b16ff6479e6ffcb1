// Copy buttons on code pages: "Copy for the ticket" and "Copy the reply to the customer".
// Without JavaScript the buttons stay hidden and the text stays selectable.
(function () {
  var status = document.querySelector("[data-copy-status]");
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) return;
    var label = button.textContent;
    var timer;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = plain(target).trim();
      // The note names the page by its path; the clipboard gets the page's full address.
      if (target.id === "ticket-note") text = text.replace(/^Details: .*$/m, "Details: " + location.href.replace(/#.*$/, ""));
      var done = function () {
        button.textContent = "Copied";
        button.classList.add("copied");
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 2000);
        if (status) status.textContent = label.replace(/^Copy/, "Copied") + ".";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { select(target); });
      } else {
        select(target);
        if (document.execCommand && document.execCommand("copy")) done();
      }
    });
  });
  // plain is an element's text as a person would type it: paragraphs apart, list items as
  // "- " lines (numbered in an ordered list), so a pasted reply keeps its bullets.
  function plain(el) {
    if (el.tagName === "PRE") return el.textContent;
    var blocks = [];
    el.childNodes.forEach(function (n) {
      if (n.nodeType === 3) { if (n.textContent.trim()) blocks.push(n.textContent.trim()); return; }
      if (n.nodeType !== 1) return;
      if (n.tagName === "UL" || n.tagName === "OL") {
        var lines = [];
        n.querySelectorAll(":scope > li").forEach(function (li, i) {
          lines.push((n.tagName === "OL" ? (i + 1) + ". " : "- ") + li.innerText.trim().replace(/\s*\n\s*/g, " "));
        });
        blocks.push(lines.join("\n"));
        return;
      }
      blocks.push(n.innerText.trim());
    });
    return blocks.join("\n\n");
  }
  function select(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  // A printed page shows what is folded.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
