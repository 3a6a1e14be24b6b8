/* Guide Atlas topic explorer: filters and column sorting for the static table on explorer pages.
 *
 * The page is complete without this script. It shows the filter form, hides rows that do not
 * match, sorts by a clicked column, and keeps the state in the URL query
 * (?region=&year=&track=&tag=&q=&sort=&order=) so a view can be shared. A page holds the rows of
 * one region or of all (form[data-scope]); choosing a region the page does not hold opens that
 * region's page with the same query. Only relative URLs are used, so any sub-path works.
 * The CSV button saves the rows shown, in their order, as UTF-8 CSV with a byte-order
 * mark (so Excel reads Chinese), with each topic's full address in the last column.
 * Interface words come from window.ATLAS_STRINGS (generator/i18n.py, "js." keys).
 */
(function () {
  "use strict";
  var form = document.querySelector("form.atlas-explorer-filters");
  if (!form) return;
  var FILTERS = ["region", "year", "track", "tag", "q"];
  var scope = form.getAttribute("data-scope");
  var table = document.querySelector("table.atlas-explorer");
  var rows = table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  var heads = table ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
  var count = document.querySelector(".atlas-explorer-count");
  var STRINGS = window.ATLAS_STRINGS || {};
  function t(key, values) {
    return String(STRINGS[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }
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

  function matches(row, state) {
    if (state.region && row.getAttribute("data-region") !== state.region) return false;
    if (state.year && row.getAttribute("data-year") !== state.year) return false;
    if (state.track && row.getAttribute("data-track") !== state.track) return false;
    if (state.tag && (" " + row.getAttribute("data-tags") + " ").indexOf(" " + state.tag + " ") < 0) return false;
    if (state.q && row.cells[4].textContent.toLowerCase().indexOf(state.q.toLowerCase()) < 0) return false;
    return true;
  }

  function apply() {
    var state = {};
    FILTERS.forEach(function (name) { state[name] = form.elements[name].value.trim(); });
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, state);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    if (count) {
      count.textContent = shown === rows.length
        ? t("explorer_all", { total: rows.length })
        : t("explorer_shown", { shown: shown, total: rows.length });
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
    header.push(csvField(t("csv_link")));
    var lines = [header.join(",")];
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.hidden) return;
      var cells = Array.prototype.map.call(row.cells, function (cell) { return csvField(cell.textContent); });
      var link = row.cells[4].querySelector("a");
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
