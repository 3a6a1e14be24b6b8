/* Guide Atlas topic explorer: filters and column sorting for the static table on explorer pages.
 *
 * The page is complete without this script. It shows the filter form, hides rows that do not
 * match, sorts by a clicked column, and keeps the state in the URL query
 * (?region=&year=&track=&tag=&status=&funding=&q=&sort=&order=) so a view can be shared.
 * The title filter keeps rows whose Chinese or English title holds every word typed (any case): a
 * word with Chinese characters as a string anywhere, any other as a whole word ("AI" is not in "rail").
 * The status filter uses the reader's current Beijing time (atlas-status.js, window.AtlasStatus)
 * over each row's window (data-opens, data-closes); rows without one are "custom" (not stated).
 * The funding filter takes ranges in 万元 over the stated figure, an amount or a ceiling ("10-20":
 * over 10 and up to 20, "0-10": up to 10, "50-": over 50, "none"), so 不超过 50 万元 is "up to 50".
 * Interface words come from window.ATLAS_STRINGS (generator/i18n.py, "js." keys). A page holds the rows of
 * one region or of all (form[data-scope]); choosing a region the page does not hold opens that
 * region's page with the same query. Only relative URLs are used, so any sub-path works.
 * "下载当前结果（CSV）" saves the rows shown, in their order, as UTF-8 CSV with a byte-order
 * mark (so Excel reads Chinese), with each topic's full address in the last column.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.atlas-explorer-filters");
  if (!form) return;
  var FILTERS = ["region", "year", "track", "tag", "status", "funding", "q"];
  var S = window.ATLAS_STRINGS || {};
  var Status = window.AtlasStatus;
  var now = Status ? Status.now() : Date.now();
  var scope = form.getAttribute("data-scope");
  var table = document.querySelector("table.atlas-explorer");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  var heads = table ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
  var count = document.querySelector(".atlas-explorer-count");
  var empty = document.querySelector(".atlas-explorer-empty");
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var sort = { key: "", order: "asc" };

  rows.forEach(function (row, i) { row.atlasIndex = i; });

  function holds(region) {
    return scope === "all" || (region !== "" && region === scope);
  }

  function query() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    if (scope !== "all" && params.get("region") === scope) params.delete("region");
    if (sort.key) {
      params.set("sort", sort.key);
      params.set("order", sort.order);
    }
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function goToRegion(region) {
    var select = form.elements.region;
    var option = select.querySelector('option[value="' + CSS.escape(region) + '"]') || select.options[0];
    var params = new URLSearchParams(query());
    if (region) params.set("region", region); else params.delete("region");
    var text = params.toString();
    window.location.assign(option.getAttribute("data-href") + (text ? "?" + text : ""));
  }

  function say(key, values) {
    var text = S[key] || "";
    // A plural message is the list of its forms; ATLAS_PLURAL (atlas-strings.js) picks one for n.
    if (Array.isArray(text)) text = text[window.ATLAS_PLURAL ? window.ATLAS_PLURAL(values.n) : 0] || text[0];
    Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }

  function titleCell(row) { return row.querySelector(".atlas-col-title") || row.cells[0]; }

  // Lower-cased Chinese and English titles of a row, worked out once (the cell shows the edition's;
  // data-title-en and, on the English edition, data-title-zh hold the other).
  function titleText(row) {
    if (row.atlasTitle === undefined) {
      row.atlasTitle = (titleCell(row).textContent + " " + (row.getAttribute("data-title-en") || "") + " " +
                        (row.getAttribute("data-title-zh") || "")).toLowerCase();
    }
    return row.atlasTitle;
  }

  function statusOf(row) {
    if (!Status) return "custom";
    var w = row.hasAttribute("data-opens") ? Status.parse(row) : null;
    return w ? Status.value(w, now) : Status.noWindow(row.getAttribute("data-year"), now);
  }

  // A word typed: Chinese (any Han character) matches as a string; anything else as a whole word,
  // bounded by what is not a Latin letter or a digit (so "AI" is found in "AI赋能", not in "rail").
  var HAN = /\p{Script=Han}/u;
  function wordMatcher(word) {
    if (HAN.test(word)) return function (text) { return text.indexOf(word) >= 0; };
    var escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    var re = new RegExp("(^|[^\\p{Script=Latin}\\p{N}])" + escaped + "(?![\\p{Script=Latin}\\p{N}])", "u");
    return function (text) { return re.test(text); };
  }

  function fundingMatches(row, wanted) {
    var cell = row.querySelector(".atlas-col-funding");
    var raw = cell ? cell.getAttribute("data-sort") : "";
    if (wanted === "none") return raw === "";
    if (raw === "" || raw === null) return false;
    var amount = parseFloat(raw);
    var parts = wanted.split("-");
    var low = parseFloat(parts[0]), high = parts[1] === "" ? Infinity : parseFloat(parts[1]);
    return (low === 0 ? amount >= 0 : amount > low) && amount <= high;
  }

  function matches(row, state) {
    if (state.region && row.getAttribute("data-region") !== state.region) return false;
    if (state.year && row.getAttribute("data-year") !== state.year) return false;
    if (state.track && row.getAttribute("data-track") !== state.track) return false;
    if (state.tag && (" " + row.getAttribute("data-tags") + " ").indexOf(" " + state.tag + " ") < 0) return false;
    if (state.status && statusOf(row) !== state.status) return false;
    if (state.funding && !fundingMatches(row, state.funding)) return false;
    if (state.matchers) {
      var text = titleText(row);
      for (var i = 0; i < state.matchers.length; i += 1) {
        if (!state.matchers[i](text)) return false;
      }
    }
    return true;
  }

  function apply() {
    var state = {};
    FILTERS.forEach(function (name) { state[name] = form.elements[name].value.trim(); });
    state.matchers = state.q ? state.q.toLowerCase().split(/\s+/).filter(Boolean).map(wordMatcher) : null;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, state);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (count) {
      count.textContent = shown === rows.length
        ? say("explorer_all", { n: rows.length })
        : say("explorer_shown", { shown: shown, n: rows.length });
    }
    if (empty) empty.hidden = shown > 0 || rows.length === 0;
    window.history.replaceState(null, "", window.location.pathname + query() + window.location.hash);
  }

  function cellValue(row, index) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort");
    if (raw !== null) return raw === "" ? null : parseFloat(raw);
    return cell.textContent.trim();
  }

  function applySort() {
    var index = -1;
    heads.forEach(function (th, i) {
      var active = th.getAttribute("data-key") === sort.key;
      if (active) index = i;
      if (active) th.setAttribute("aria-sort", sort.order === "asc" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    var sign = sort.order === "desc" ? -1 : 1;
    var ordered = rows.slice().sort(function (a, b) {
      if (index < 0) return a.atlasIndex - b.atlasIndex;
      var x = cellValue(a, index), y = cellValue(b, index);
      var c;
      if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1; // empty last either way
      else c = sign * (typeof x === "number" ? x - y : collator.compare(x, y));
      return c || a.atlasIndex - b.atlasIndex;
    });
    var body = table.tBodies[0];
    ordered.forEach(function (row) { body.appendChild(row); });
  }

  heads.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "atlas-sort";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sort.order = sort.key === key && sort.order === "asc" ? "desc" : "asc";
      sort.key = key;
      applySort();
      apply();
    });
  });

  // Restore the state from the URL.
  var params = new URLSearchParams(window.location.search);
  FILTERS.forEach(function (name) {
    var field = form.elements[name];
    var value = params.get(name);
    if (value === null) return;
    if (field.tagName === "SELECT" && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) return;
    field.value = value;
  });
  if (scope !== "all" && scope !== "none" && !params.get("region")) form.elements.region.value = scope;
  var wanted = form.elements.region.value;
  if (!holds(wanted) && !(scope === "none" && wanted === "")) {
    goToRegion(wanted);
    return;
  }
  if (params.get("sort") && heads.some(function (th) { return th.getAttribute("data-key") === params.get("sort"); })) {
    sort.key = params.get("sort");
    sort.order = params.get("order") === "desc" ? "desc" : "asc";
  }

  function csvField(text) {
    return '"' + String(text).replace(/\s+/g, " ").trim().replace(/"/g, '""') + '"';
  }

  function downloadCsv() {
    var header = heads.map(function (th) { return csvField(th.textContent); });
    header.push(csvField(say("csv_link", {})));
    var lines = [header.join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.hidden) return;
      var cells = Array.prototype.map.call(row.cells, function (cell) { return csvField(cell.textContent); });
      var link = titleCell(row).querySelector("a");
      cells.push(csvField(link ? new URL(link.getAttribute("href"), window.location.href).href : ""));
      lines.push(cells.join(","));
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "topics-" + (scope || "all") + ".csv";
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  var csvButton = form.querySelector(".atlas-explorer-csv");
  if (csvButton) {
    if (table) csvButton.addEventListener("click", downloadCsv);
    else csvButton.hidden = true;
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("change", function (event) {
    if (event.target.name === "region" && !holds(event.target.value)) {
      goToRegion(event.target.value);
      return;
    }
    apply();
  });
  form.elements.q.addEventListener("input", apply);
  form.elements.q.addEventListener("keyup", apply);
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      if (scope !== "all" && scope !== "none") form.elements.region.value = scope;
      apply();
    }, 0);
  });
  if (table) {
    applySort();
    apply();
  }
})();
