/* Guide Atlas: the search page's status filter (open, opening soon, closed, not stated), in the
 * reader's current Beijing time.
 *
 * Self-contained beside atlas-search.js: that script marks each result with its page's window
 * (data-opens / data-closes, from Pagefind meta written by overrides/partials/atlas-search-facts.html);
 * this one adds a status select to the search page, hides the results whose status (recomputed by
 * atlas-status.js, window.AtlasStatus) does not match, and keeps ?status= in the address. Results
 * of calls without a window carry the call's year (data-atlas-year, from Pagefind meta "callyear"):
 * past calls once that year is over; those of other pages (plans, navigation) count as "not stated". It
 * filters the results loaded so far; "more results" loads the next page, filtered the same way.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-atlas-search=page]");
  var Status = window.AtlasStatus;
  if (!root || !Status) return;
  var S = window.ATLAS_STRINGS || {};
  var VALUES = ["open", "forecasted", "closed", "past", "custom"];
  var list = root.querySelector("[data-atlas-search-results]");
  var form = root.querySelector("form");
  if (!list || !form) return;

  var label = document.createElement("label");
  label.className = "atlas-search-status";
  label.appendChild(document.createTextNode((S["status.filter"] || "") + " "));
  var select = document.createElement("select");
  select.name = "status";
  [""].concat(VALUES).forEach(function (value) {
    var option = document.createElement("option");
    option.value = value;
    option.textContent = value ? S["status." + value] || value : S["status.filter_all"] || "";
    select.appendChild(option);
  });
  label.appendChild(select);
  var note = document.createElement("p");
  note.className = "atlas-search-status__note";
  note.setAttribute("aria-live", "polite");
  note.hidden = true;
  // After the skip link and the filters, before the result count: the search box still leads
  // straight to the skip link.
  var count = root.querySelector("[data-atlas-search-status]");
  if (count) count.insertAdjacentElement("beforebegin", label);
  else list.insertAdjacentElement("beforebegin", label);
  label.insertAdjacentElement("afterend", note);

  var wanted = new URLSearchParams(window.location.search).get("status") || "";
  if (VALUES.indexOf(wanted) >= 0) select.value = wanted;

  function statusOf(li) {
    var w = li.hasAttribute("data-opens") ? Status.parse(li) : null;
    return w ? Status.value(w, Status.now()) : Status.noWindow(li.getAttribute("data-atlas-year"), Status.now());
  }

  function keepInAddress() {
    var params = new URLSearchParams(window.location.search);
    if (select.value) params.set("status", select.value); else params.delete("status");
    var text = params.toString();
    var url = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function apply() {
    // Results only (the list may also hold notices, such as the one over partial matches).
    var items = Array.prototype.slice.call(list.querySelectorAll("li.md-search-result__item"));
    var shown = 0;
    items.forEach(function (li) {
      var ok = !select.value || statusOf(li) === select.value;
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    note.hidden = !select.value || !items.length;
    note.textContent = (S["status.filter_shown"] || "").replace("{shown}", shown).replace("{total}", items.length);
    keepInAddress();
  }

  select.addEventListener("change", apply);
  new MutationObserver(apply).observe(list, { childList: true, subtree: true });
  apply();
})();
