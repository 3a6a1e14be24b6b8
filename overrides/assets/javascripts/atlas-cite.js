/* Guide Atlas: the citation line of topic, guide, plan and plan chapter pages, copied with one click.
 *
 * The line is in the page (generator/templates/_apply.md.j2, cite_box) with the build date and,
 * without SITE_URL, the page's site path. This script puts in the page's own full address (without
 * query or fragment) and today's date in Beijing ([data-atlas-url], [data-atlas-today]), shows the
 * copy button and copies the line as it reads, spaces collapsed.
 */
(function () {
  "use strict";
  var S = window.ATLAS_STRINGS || {};

  function beijingToday() {
    return new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }

  function start() {
    var here = window.location.href.split("#")[0].split("?")[0];
    document.querySelectorAll("[data-atlas-url]").forEach(function (el) { el.textContent = here; });
    document.querySelectorAll("[data-atlas-today]").forEach(function (el) { el.textContent = beijingToday(); });
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var done = button.parentNode.querySelector(".atlas-cite-done");
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(source.textContent.replace(/\s+/g, " ").trim()).then(function () {
          if (done) done.textContent = S["cite.copied"] || "";
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
