// Guide Atlas search: Pagefind's bundles (search/bundles.json at each edition root, written at
// build time) in Material's look.
//
// One module for both places search lives:
//   - the header box on every page ([data-atlas-search=header], partials/atlas-search.html):
//     opened by click or "/", results as you type, Enter goes to the search page;
//   - the search page ([data-atlas-search=page], search/index.md): query, filters (region,
//     year, track, tag; the groups are in the page, from generator/pages/search.py) and scope kept
//     in the URL (?q=…&region=…&scope=all), so a search can be shared.
// By default both search the current bundles and the archive's guide titles; the search page's
// "include 2020–2021" box (scope=all), or a filter on an archive year or region, loads the archive
// bundles too (atlas-search-bundles.js). Searching itself (and its repairs for Chinese) is
// atlas-search-engine.js. Bundles are found relative to the page (Material's base_url), so the site
// works from any static host and sub-path. Result text is inserted as text; only the excerpt's
// <mark> becomes markup. Interface words come from window.ATLAS_STRINGS (generator/i18n.py, "js." keys).

import { find } from "./atlas-search-engine.js";
import { archiveYears, choose, instance, manifest } from "./atlas-search-bundles.js";

const HEADER_LIMIT = 10;
const PAGE_SIZE = 20;

const header = document.querySelector("[data-atlas-search=header]");
// The edition's root (its search page and bundles) and the site's (the Chinese edition's root).
// (Against the document's base: the not-found page sets <base> to its own folder, overrides/404.html.)
const editionRoot = new URL((header ? header.dataset.atlasBase : ".").replace(/\/?$/, "/"), document.baseURI);
const siteRoot = new URL((header ? header.dataset.atlasSite || header.dataset.atlasBase : ".").replace(/\/?$/, "/"), document.baseURI);
const toggle = document.getElementById("__search");
const english = document.documentElement.lang !== "zh";

/** The edition's interface text for `key`, with {name} filled from `values`. */
function t(key, values = {}) {
  const text = (window.ATLAS_STRINGS || {})[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

// Each edition's bundles hold its own pages, one language each. The English pages hold the
// official Chinese text too, but unsegmented (Pagefind segments Chinese only in a "zh" index), so
// on the English edition a query in Chinese searches the Chinese edition's bundles instead, and
// each result links the English counterpart of the page it found (every page has one, at en/…).
const HAN = /\p{Script=Han}/u;
const editionDir = editionRoot.pathname.slice(siteRoot.pathname.length); // "" or "en/"

/** The Pagefind instance to search `query` in, with the bundles `scope` asks for
 * ({wide, years, regions}: atlas-search-bundles.js choose). */
async function engine(query, scope = {}) {
  if (!editionDir || !HAN.test(query)) return instance(editionRoot, choose(await manifest(editionRoot), scope));
  const zh = await instance(siteRoot, choose(await manifest(siteRoot), scope), "zh");
  const here = (url) => url.startsWith(siteRoot.pathname)
    ? siteRoot.pathname + editionDir + url.slice(siteRoot.pathname.length) : url;
  return {
    search: async (term, options) => {
      const found = await zh.search(term, options);
      found.results = found.results.map((r) => ({ ...r, data: async () => {
        const data = await r.data();
        return { ...data, url: here(data.url) };
      } }));
      return found;
    },
  };
}

/** Start loading the default bundles while the reader types. */
function preload() {
  manifest(editionRoot).then((m) => instance(editionRoot, choose(m))).catch(() => {});
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) if (child != null) node.append(child);
  return node;
}

// On the English edition, each run of Chinese in a result (official titles, excerpts of the
// official text) is marked lang="zh-CN", so a screen reader reads it with a Chinese voice.
const HAN_RUN = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef](?:[\p{Script=Han}\u3000-\u303f\uff00-\uffef\d\s·—…-]*[\p{Script=Han}\u3000-\u303f\uff00-\uffef])?)/u;

/** `text` as nodes, its Chinese runs in <span lang="zh-CN"> on the English edition. */
function inLang(text) {
  if (!english) return text;
  const out = document.createDocumentFragment();
  text.split(HAN_RUN).forEach((part, i) => {
    if (part) out.append(i % 2 ? el("span", { lang: "zh-CN" }, part) : part);
  });
  return out;
}

/** Pagefind's excerpt is plain text with <mark> around matches: keep the marks, treat the rest as text. */
function highlighted(excerpt) {
  const out = document.createDocumentFragment();
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/s);
    out.append(m ? el("mark", {}, inLang(m[1])) : inLang(part));
  });
  return out;
}

/** The facts a topic carries (data-pagefind-meta): region · year · guide · track. */
function facts(meta) {
  const items = ["region", "year", "guide", "track"].map((key) => [t(key), meta[key]]).filter(([, value]) => value);
  if (!items.length) return null;
  const list = el("p", { class: "atlas-search-result__facts" });
  items.forEach(([label, value], i) => {
    if (i) list.append(" · ");
    list.append(el("span", { "data-meta": label, title: label }, inLang(value)));
  });
  return list;
}

/** A topic's or guide's application status now (atlas-status.js) and closing date, as grant
 * portals' result cards show them; without a window, a past call once its year is over (atlas-status.js),
 * else that the source states none. */
function statusLine(meta) {
  const Status = window.AtlasStatus;
  let value = null;
  let closes = null;
  if (meta.closes && Status) {
    const w = { opens: Date.parse(meta.opens), closes: Date.parse(meta.closes) };
    if (!Number.isNaN(w.opens) && !Number.isNaN(w.closes)) {
      value = Status.value(w, Status.now());
      closes = meta.closes.slice(0, 10);
    }
  } else if (meta.callyear && Status && Status.noWindow) {
    value = Status.noWindow(meta.callyear, Status.now()); // a past call, or no window stated
  } else if (meta.kind === "topic" || meta.kind === "guide") {
    value = "custom";
  }
  if (!value) return null;
  return el("p", { class: "atlas-search-result__status" },
    el("span", { class: "atlas-status", "data-status": value, "data-atlas-result-status": value }, t(`status.${value}`)),
    closes ? el("span", { class: "atlas-search-result__closes", "data-atlas-result-closes": closes },
      ` · ${t("search_closes", { date: closes })}`) : null);
}

/** One result in Material's search-result markup. */
function resultItem(data) {
  const article = el("article", { class: "md-search-result__article md-typeset" },
    el("div", { class: "md-search-result__icon md-icon" }),
    el("h2", { class: "atlas-search-result__title" }, inLang(data.meta.title || data.url)),
    facts(data.meta),
    statusLine(data.meta),
    el("p", { class: "atlas-search-result__excerpt" }, highlighted(data.excerpt)),
  );
  // The page's application window, for the status filter (atlas-search-status.js, issue 16).
  const windowData = data.meta.closes ? { "data-opens": data.meta.opens, "data-closes": data.meta.closes }
    : data.meta.callyear ? { "data-atlas-year": data.meta.callyear } : {};
  return el("li", { class: "md-search-result__item", "data-kind": data.meta.kind || "page",
    ...(data.partial ? { "data-partial": "" } : {}), ...windowData },
    el("a", { href: data.url, class: "md-search-result__link" }, article));
}

function countText(search) {
  const { total, exact, partial } = search;
  if (!exact) return t("results_checking", { total });
  const main = total === 0 ? t("results_none") : total === 1 ? t("results_one") : t("results_many", { total });
  return partial ? main + t("results_partial", { total: partial }) : main;
}

/** Results into `list`, exact ones first, topics before the other pages (under a heading saying
 * so); partial ones after a notice saying they are partial. */
function showResults(list, data, append = false) {
  const items = [];
  let noticed = append && list.querySelector("[data-atlas-search-partial]");
  let grouped = append && list.querySelector("[data-atlas-search-group]");
  let topics = append && list.querySelector("li.md-search-result__item[data-kind=topic]:not([data-partial])");
  for (const d of data) {
    if (d.partial && !noticed) {
      items.push(el("li", { class: "atlas-search-partial", "data-atlas-search-partial": "" },
        t("partial_notice")));
      noticed = true;
    }
    if (!d.partial && d.meta.kind === "topic") topics = true;
    if (!d.partial && d.meta.kind !== "topic" && topics && !grouped) {
      items.push(el("li", { class: "atlas-search-group", "data-atlas-search-group": "" }, t("search_other_pages")));
      grouped = true;
    }
    items.push(resultItem(d));
  }
  if (append) list.append(...items);
  else list.replaceChildren(...items);
}

/** Wait for the reader to pause typing; resolves false if a newer call came meanwhile. */
function debouncer(ms) {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return new Promise((resolve) => setTimeout(() => resolve(mine === latest), ms));
  };
}

/** Pagefind filters from the selected values: any of the values within a group, every group. */
function pagefindFilters(selected) {
  const filters = {};
  for (const [key, values] of Object.entries(selected)) if (values.length) filters[key] = { any: values };
  return filters;
}

// ---------------------------------------------------------------- the header box

function mountHeader(root) {
  const input = root.querySelector(".md-search__input");
  const form = root.querySelector("form");
  const meta = root.querySelector("[data-atlas-search-meta]");
  const list = root.querySelector("[data-atlas-search-results]");
  const all = root.querySelector("[data-atlas-search-all]");
  const placeholder = meta.textContent;
  const pause = debouncer(120);
  let shown = null;

  const open = () => { if (!toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); } };
  const close = () => { if (toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); } };

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      preload(); // start loading while the reader types
      setTimeout(() => input.focus(), 0);
    } else {
      input.blur();
    }
  });
  input.addEventListener("focus", open);
  // Tabbing out of the box closes it (focus must not move on behind the dimmed page); a click
  // elsewhere (no element receives focus) is left to the overlay, which closes it too.
  root.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });

  async function update() {
    const query = input.value.trim();
    if (query === shown) return;
    shown = query;
    if (!query) {
      meta.textContent = placeholder;
      list.replaceChildren();
      list.dataset.query = "";
      all.hidden = true;
      return;
    }
    if (!(await pause()) || shown !== query) return; // a newer query superseded this one
    const search = await find(await engine(query), query);
    const data = await search.next(HEADER_LIMIT, { early: true });
    if (shown !== query) return;
    meta.textContent = countText(search);
    showResults(list, data);
    all.href = `${new URL("search/", editionRoot).pathname}?q=${encodeURIComponent(query)}`;
    all.hidden = search.total + search.partial === 0 && search.exact;
    list.dataset.query = query; // what the list now shows (tests and measure_search.py wait on it)
  }

  input.addEventListener("input", update);
  input.addEventListener("keyup", update); // an input method's commit may arrive as a key event
  form.addEventListener("reset", () => { setTimeout(update, 0); input.focus(); });

  // Keyboard: "/" opens, Escape closes, arrows move between results.
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
      input.focus();
      return;
    }
    if (!toggle.checked) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const links = [...list.querySelectorAll("a")];
      if (!links.length || !root.contains(target)) return;
      event.preventDefault();
      const at = links.indexOf(target);
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    }
  });
}

// ---------------------------------------------------------------- the search page

const FILTER_ORDER = {
  year: (a, b) => b[0].localeCompare(a[0]),
  default: (a, b) => a[0].localeCompare(b[0], "zh-CN"),
};

function readUrl(keys) {
  const params = new URLSearchParams(location.search);
  const selected = {};
  for (const key of keys) selected[key] = params.getAll(key);
  return { query: params.get("q") || "", selected, wide: params.get("scope") === "all" };
}

function writeUrl(query, selected, wide) {
  const params = new URLSearchParams(location.search);
  for (const key of [...params.keys()]) if (key !== "status") params.delete(key); // status: atlas-search-status.js
  if (query) params.set("q", query);
  for (const [key, values] of Object.entries(selected)) for (const value of values) params.append(key, value);
  if (wide) params.set("scope", "all");
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function mountPage(root) {
  const form = root.querySelector("form");
  const input = root.querySelector("input[name=q]");
  const status = root.querySelector("[data-atlas-search-status]");
  const list = root.querySelector("[data-atlas-search-results]");
  const more = root.querySelector("[data-atlas-search-more]");
  const groups = Object.fromEntries(
    [...root.querySelectorAll("[data-atlas-filter]")].map((g) => [g.dataset.atlasFilter, g]));
  const keys = Object.keys(groups);
  const slugs = JSON.parse(root.dataset.atlasRegions || "{}"); // region name → slug (the manifest's)
  const initial = readUrl(keys);
  input.value = initial.query;
  // Filters start closed (the results come first), open when the address already selects some.
  const box = root.querySelector("[data-atlas-search-filters]");
  box.open = Object.values(initial.selected).some((v) => v.length);
  // A keyboard user's way past the filters' checkboxes to the results.
  list.id ||= "atlas-search-results";
  list.tabIndex = -1;
  const skip = el("a", { class: "atlas-skip", href: `#${list.id}` }, t("skip_to_results"));
  skip.addEventListener("click", (event) => { event.preventDefault(); list.focus(); });
  box.before(skip);

  // The scope: by default the current bundles (and the archive's titles); "include 2020–2021"
  // searches every year (?scope=all).
  const m = await manifest(editionRoot);
  const span = archiveYears(m);
  const wideBox = el("input", { type: "checkbox", id: "atlas-search-wide", name: "scope", value: "all" });
  wideBox.checked = initial.wide;
  if (span.length) {
    box.before(el("p", { class: "atlas-search-page__scope", "data-atlas-search-scope": "" }, wideBox, " ",
      el("label", { for: wideBox.id }, t("search_include_archive", { from: span[0], to: span[1] })),
      el("span", { class: "atlas-search-page__scope-note" }, ` ${t("search_default_scope", {
        years: m.current_years.length > 1 ? `${m.current_years[0]}–${m.current_years[m.current_years.length - 1]}` : m.current_years.join("") })}`)));
  }
  const scopeOf = (chosen) => ({
    wide: wideBox.checked, years: chosen.year || [],
    regions: (chosen.region || []).map((name) => slugs[name]).filter(Boolean),
  });

  let available = {};
  let optionsFor = null;
  /** The filter groups' options: the values the bundles of `scope` hold (the archive's years and
   * regions by default too, from its titles), each with its count. */
  async function showOptions(wide) {
    if (optionsFor === wide) return;
    optionsFor = wide;
    available = await (await instance(editionRoot, choose(m, { wide }))).filters();
    for (const key of keys) {
      const group = groups[key];
      const checked = new Set([...group.querySelectorAll("input:checked")].map((b) => b.value).concat(
        seeded ? [] : initial.selected[key]));
      const entries = Object.entries(available[key] || {}).sort(FILTER_ORDER[key] || FILTER_ORDER.default);
      const options = group.querySelector("[data-atlas-filter-options]");
      options.replaceChildren(...entries.map(([value, count], i) => {
        const id = `atlas-filter-${key}-${i}`;
        const one = el("input", { type: "checkbox", id, name: key, value });
        one.checked = checked.has(value);
        return el("span", { class: "atlas-filter", "data-value": value }, one,
          el("label", { for: id }, inLang(value), el("span", { class: "atlas-filter__count" }, ` ${count}`)));
      }));
    }
    seeded = true;
  }
  let seeded = false;
  await showOptions(initial.wide);

  const pause = debouncer(120);
  let search = null;
  let generation = 0;
  let lastKey = null;

  function selected() {
    const out = {};
    for (const key of keys) {
      out[key] = [...root.querySelectorAll(`input[name="${key}"]:checked`)].map((b) => b.value);
    }
    return out;
  }

  /** Each filter value's count for the current query, or the site's without one. */
  function showCounts(counts) {
    for (const key of keys) {
      for (const option of groups[key].querySelectorAll(".atlas-filter")) {
        const n = counts ? (counts[key] || {})[option.dataset.value] || 0 : available[key][option.dataset.value];
        option.querySelector(".atlas-filter__count").textContent = ` ${n}`;
      }
    }
  }

  function showState() {
    status.textContent = countText(search);
    const shown = list.querySelectorAll(".md-search-result__item").length;
    more.hidden = search.exact && shown >= search.total + search.partial;
  }

  async function showMore(mine) {
    const data = await search.next(PAGE_SIZE);
    if (mine !== generation) return;
    showResults(list, data, true);
    showState();
  }

  async function update() {
    const query = input.value.trim();
    const chosen = selected();
    const wide = wideBox.checked;
    const key = JSON.stringify([query, chosen, wide]);
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++generation;
    writeUrl(query, chosen, wide);
    const state = location.search;
    await showOptions(wide);
    if (mine !== generation) return;
    const filters = pagefindFilters(chosen);
    if (!query && !Object.keys(filters).length) {
      search = null;
      list.replaceChildren();
      status.textContent = t("type_to_search");
      showCounts(null);
      more.hidden = true;
      list.dataset.state = state;
      list.dataset.counted = state;
      return;
    }
    if (!(await pause()) || mine !== generation) return;
    const found = await find(await engine(query, scopeOf(chosen)), query, filters);
    if (mine !== generation) return;
    search = found;
    list.replaceChildren();
    showCounts(found.counts);
    await showMore(mine);
    // The URL state the list now shows (tests and measure_search.py wait for it to equal location.search).
    if (mine === generation) list.dataset.state = state;
    // The filter counts of a query of several words count the results that hold it: known once
    // every candidate is checked.
    const counts = await found.all();
    if (mine !== generation) return;
    showCounts(counts);
    showState();
    list.dataset.counted = state;
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); update(); });
  input.addEventListener("input", update);
  input.addEventListener("keyup", update); // an input method's commit may arrive as a key event
  root.addEventListener("change", (event) => { if (event.target.type === "checkbox") update(); });
  more.addEventListener("click", () => showMore(generation));
  await update();
}

if (header && toggle) mountHeader(header);
const page = document.querySelector("[data-atlas-search=page]");
if (page) mountPage(page);
