/* Guide Atlas: application status in the reader's own time (Beijing), so a static page never goes stale.
 *
 * Pages carry each application window as data (generator/status.py): an element with data-opens and
 * data-closes (ISO 8601, +08:00). The build-time status is in the page as the no-script fallback,
 * labelled with its "as of" date (.atlas-asof). This script recomputes, for the current time:
 *   - [data-atlas-status] elements: data-status (forecasted, open, closed) and their word; a call
 *     without a window carries its year (data-atlas-year) instead: "past" once that year is over in
 *     Beijing, else "custom" (generator/status.py, export.past_call: the same rule);
 *   - [data-atlas-days] elements: the days left (or until opening);
 *   - .atlas-asof labels: say the status is live;
 *   - the home page's lists ([data-atlas-windows]): moves each item into closing / open / upcoming /
 *     recent, shows at most data-cap per list, and says so when nothing is open.
 * Other scripts reuse it through window.AtlasStatus (value, noWindow, daysLeft, today, refresh).
 */
(function () {
  "use strict";
  var DAY = 86400000;
  var BEIJING = 8 * 3600000;
  var CLOSING_SOON = 14; // generator/status.py CLOSING_SOON_DAYS
  var S = window.ATLAS_STRINGS || {};

  // Keys as in generator/i18n.py ("js.status.open"); atlas-strings.js holds them without "js.".
  function word(key, values) {
    var text = S[key.replace(/^js\./, "")] || "";
    // A plural message is the list of its forms; ATLAS_PLURAL (atlas-strings.js) picks one for n.
    if (Array.isArray(text)) text = text[window.ATLAS_PLURAL ? window.ATLAS_PLURAL((values || {}).n) : 0] || text[0];
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }

  // Days since 1970-01-01 of the Beijing calendar day holding `ms` (epoch milliseconds).
  function beijingDay(ms) { return Math.floor((ms + BEIJING) / DAY); }

  function now() { return Date.now(); }

  function parse(el) {
    var opens = Date.parse(el.getAttribute("data-opens"));
    var closes = Date.parse(el.getAttribute("data-closes"));
    return isNaN(opens) || isNaN(closes) ? null : { opens: opens, closes: closes };
  }

  // forecasted, open or closed at `ms` (the instant, so a window closing at 17:00 is closed at 17:01).
  function value(w, ms) {
    if (ms < w.opens) return "forecasted";
    if (ms > w.closes) return "closed";
    return "open";
  }

  // The status of a call whose source gives no window, from its year (a number or text).
  function noWindow(year, ms) {
    var y = parseInt(year, 10);
    return y && y < new Date(ms + BEIJING).getUTCFullYear() ? "past" : "custom";
  }

  function daysLeft(w, ms) { return beijingDay(w.closes) - beijingDay(ms); }
  function daysUntil(w, ms) { return beijingDay(w.opens) - beijingDay(ms); }

  function listOf(w, ms) {
    var v = value(w, ms);
    if (v === "forecasted") return "upcoming";
    if (v === "closed") return "recent";
    return daysLeft(w, ms) <= CLOSING_SOON ? "closing" : "open";
  }

  function daysText(w, ms) {
    var v = value(w, ms);
    if (v === "open") {
      var left = daysLeft(w, ms);
      return left <= 0 ? word("js.days.today") : word("js.days.left", { n: left });
    }
    if (v === "forecasted") return word("js.days.until", { n: Math.max(daysUntil(w, ms), 1) });
    return word("js.days.closed", { n: Math.max(-daysLeft(w, ms), 0) });
  }

  function windowOf(el) {
    var holder = el.hasAttribute("data-opens") ? el : el.closest("[data-opens]");
    return holder ? parse(holder) : null;
  }

  function refreshHome(root, ms) {
    var lists = {};
    root.querySelectorAll("[data-list]").forEach(function (ul) { lists[ul.getAttribute("data-list")] = ul; });
    var items = Array.prototype.slice.call(root.querySelectorAll("li[data-opens]"));
    var by = { closing: [], open: [], upcoming: [], recent: [] };
    items.forEach(function (li) {
      var w = parse(li);
      if (w) by[listOf(w, ms)].push({ li: li, w: w });
    });
    by.closing.sort(function (a, b) { return a.w.closes - b.w.closes; });
    by.open.sort(function (a, b) { return a.w.closes - b.w.closes; });
    by.upcoming.sort(function (a, b) { return a.w.opens - b.w.opens; });
    by.recent.sort(function (a, b) { return b.w.closes - a.w.closes; });
    var cap = parseInt(root.getAttribute("data-cap"), 10) || 6;
    Object.keys(by).forEach(function (name) {
      var ul = lists[name];
      if (!ul) return;
      by[name].forEach(function (entry, i) {
        ul.appendChild(entry.li);
        entry.li.hidden = i >= cap;
      });
      var block = ul.closest("[data-block]");
      if (block) block.hidden = by[name].length === 0;
    });
    var none = by.closing.length + by.open.length === 0;
    root.querySelectorAll("[data-when-none-open]").forEach(function (el) { el.hidden = !none; });
    var recent = root.querySelector('[data-block="recent"]');
    if (recent) recent.hidden = !none || by.recent.length === 0;
  }

  function refresh(root, ms) {
    root = root || document;
    ms = ms === undefined ? now() : ms;
    root.querySelectorAll("[data-atlas-status]").forEach(function (el) {
      var w = windowOf(el);
      var v;
      if (w) v = value(w, ms);
      else if (el.hasAttribute("data-atlas-year")) v = noWindow(el.getAttribute("data-atlas-year"), ms);
      else return;
      el.setAttribute("data-status", v);
      el.textContent = word("js.status." + v);
    });
    root.querySelectorAll("[data-atlas-days]").forEach(function (el) {
      var w = windowOf(el);
      if (w) el.textContent = daysText(w, ms);
    });
    root.querySelectorAll(".atlas-asof").forEach(function (el) { el.textContent = word("js.status.live"); });
    root.querySelectorAll("[data-atlas-past]").forEach(function (el) {
      var w = windowOf(el);
      if (w) el.classList.toggle("atlas-past", value(w, ms) === "closed");
    });
    root.querySelectorAll("[data-atlas-windows]").forEach(function (home) { refreshHome(home, ms); });
  }

  window.AtlasStatus = {
    value: value, noWindow: noWindow, daysLeft: daysLeft, listOf: listOf, parse: parse, refresh: refresh, word: word,
    today: function () { return beijingDay(now()); }, now: now
  };

  function start() { refresh(document); }
  // Material's instant navigation swaps pages without reloading; document$ tells when.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
