/* Guide Atlas: the language switch keeps where the reader is on the page.
 *
 * Each edition's link in the header (overrides/partials/atlas-language.html) goes to this page's
 * counterpart; this script adds the address's query and fragment (explorer filters, ?q= on the
 * search page, #section), read when the link is used, since scripts such as explorer.js change
 * them after the page loads. The counterpart's words differ, its query keys and anchors do not.
 */
(function () {
  "use strict";
  var SELECTOR = ".md-select__link[hreflang]";

  function keep(link) {
    var target = new URL(link.getAttribute("data-atlas-page") || link.getAttribute("href"), document.baseURI);
    if (!link.hasAttribute("data-atlas-page")) link.setAttribute("data-atlas-page", target.pathname);
    target.search = window.location.search;
    target.hash = window.location.hash;
    link.href = target.href;
  }

  function keepAll() { document.querySelectorAll(SELECTOR).forEach(keep); }

  // Before the link is followed, opened in a new tab, copied or shown in the status bar.
  ["pointerdown", "focusin", "mouseover", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest && event.target.closest(SELECTOR);
      if (link) keep(link);
    }, true);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(SELECTOR);
    if (link) keep(link);
  }, true);
  window.addEventListener("hashchange", keepAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", keepAll);
  else keepAll();
})();
