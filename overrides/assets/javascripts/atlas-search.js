// Guide Atlas search: Pagefind's index (site/pagefind/, written at build time) in Material's look.
//
// One module for both places search lives:
//   - the header box on every page ([data-atlas-search=header], partials/atlas-search.html):
//     opened by click or "/", results as you type, Enter goes to the search page;
//   - the search page ([data-atlas-search=page], search/index.md): query and filters (region,
//     year, track, tag; the groups are in the page, from generator/pages/search.py) kept in the URL (?q=…&region=…), so a search can be shared.
// Searching itself (and its repairs for Chinese) is atlas-search-engine.js. Pagefind's bundle is
// found relative to the page (Material's base_url), so the site works from any static host and
// sub-path. Result text is inserted as text; only the excerpt's <mark> becomes markup.
// Interface words come from window.ATLAS_STRINGS (generator/i18n.py, "js." keys).

import { find } from "./atlas-search-engine.js";

const HEADER_LIMIT = 10;
const PAGE_SIZE = 20;

const header = document.querySelector("[data-atlas-search=header]");
// The edition's root (its search page) and the site's (Pagefind's bundle, one for both editions,
// which searches the index of the page's <html lang>).
// (Against the document's base: the not-found page sets <base> to its own folder, overrides/404.html.)
const editionRoot = new URL((header ? header.dataset.atlasBase : ".").replace(/\/?$/, "/"), document.baseURI);
const siteRoot = new URL((header ? header.dataset.atlasSite || header.dataset.atlasBase : ".").replace(/\/?$/, "/"), document.baseURI);
const toggle = document.getElementById("__search");

let pagefindPromise = null;

/** The edition's interface text for `key`, with {name} filled from `values`. */
function t(key, values = {}) {
  const text = (window.ATLAS_STRINGS || {})[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

/** Pagefind's API, loaded once, on first use. */
function pagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (pf) => {
      await pf.options({ baseUrl: siteRoot.pathname });
      return pf;
    });
  }
  return pagefindPromise;
}

// Pagefind keeps one index per <html lang>. The English edition's index holds the official
// Chinese text too, but unsegmented (Pagefind segments Chinese only in a "zh" index), so on the
// English edition a query in Chinese searches the Chinese edition's index instead, and each
// result links the English counterpart of the page it found (every page has one, at en/…).
const HAN = /\p{Script=Han}/u;
const editionDir = editionRoot.pathname.slice(siteRoot.pathname.length); // "" or "en/"
let chinesePromise = null;

/** The index to search `query` in: the page's own, or the Chinese one for Chinese on the English edition. */
async function engine(query) {
  const pf = await pagefind();
  if (!editionDir || !HAN.test(query)) return pf;
  if (!chinesePromise) {
    const html = document.documentElement;
    const lang = html.getAttribute("lang");
    html.setAttribute("lang", "zh"); // Pagefind picks an instance's index by <html lang>, when made
    const zh = pf.createInstance({ baseUrl: siteRoot.pathname });
    html.setAttribute("lang", lang);
    const here = (url) => url.startsWith(siteRoot.pathname)
      ? siteRoot.pathname + editionDir + url.slice(siteRoot.pathname.length) : url;
    chinesePromise = Promise.resolve({
      search: async (term, options) => {
        const found = await zh.search(term, options);
        found.results = found.results.map((r) => ({ ...r, data: async () => {
          const data = await r.data();
          return { ...data, url: here(data.url) };
        } }));
        return found;
      },
    });
  }
  return chinesePromise;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) if (child != null) node.append(child);
  return node;
}

/** Pagefind's excerpt is plain text with <mark> around matches: keep the marks, treat the rest as text. */
function highlighted(excerpt) {
  const out = document.createDocumentFragment();
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    const m = part.match(/^<mark>(.*)<\/mark>$/s);
    out.append(m ? el("mark", {}, m[1]) : part);
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
    list.append(el("span", { "data-meta": label, title: label }, value));
  });
  return list;
}

/** One result in Material's search-result markup. */
function resultItem(data) {
  const article = el("article", { class: "md-search-result__article md-typeset" },
    el("div", { class: "md-search-result__icon md-icon" }),
    el("h2", { class: "atlas-search-result__title" }, data.meta.title || data.url),
    facts(data.meta),
    el("p", { class: "atlas-search-result__excerpt" }, highlighted(data.excerpt)),
  );
  // The page's application window, for the status filter (atlas-search-status.js, issue 16).
  const windowData = data.meta.closes ? { "data-opens": data.meta.opens, "data-closes": data.meta.closes }
    : data.meta.callyear ? { "data-atlas-year": data.meta.callyear } : {};
  return el("li", { class: "md-search-result__item", ...(data.partial ? { "data-partial": "" } : {}), ...windowData },
    el("a", { href: data.url, class: "md-search-result__link" }, article));
}

function countText(search) {
  const { total, exact, partial } = search;
  if (!exact) return t("results_checking", { total });
  const main = total === 0 ? t("results_none") : total === 1 ? t("results_one") : t("results_many", { total });
  return partial ? main + t("results_partial", { total: partial }) : main;
}

/** Results into `list`, exact ones first; partial ones after a notice saying they are partial. */
function showResults(list, data, append = false) {
  const items = [];
  let noticed = append && list.querySelector("[data-atlas-search-partial]");
  for (const d of data) {
    if (d.partial && !noticed) {
      items.push(el("li", { class: "atlas-search-partial", "data-atlas-search-partial": "" },
        t("partial_notice")));
      noticed = true;
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
      pagefind(); // start loading while the reader types
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
    const pf = await pagefind();
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
  return { query: params.get("q") || "", selected };
}

function writeUrl(query, selected) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, values] of Object.entries(selected)) for (const value of values) params.append(key, value);
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

  const pf = await pagefind();
  const available = await pf.filters();
  for (const key of keys) {
    const group = groups[key];
    const entries = Object.entries(available[key] || {}).sort(FILTER_ORDER[key] || FILTER_ORDER.default);
    const options = group.querySelector("[data-atlas-filter-options]");
    options.replaceChildren(...entries.map(([value, count], i) => {
      const id = `atlas-filter-${key}-${i}`;
      const box = el("input", { type: "checkbox", id, name: key, value });
      box.checked = initial.selected[key].includes(value);
      return el("span", { class: "atlas-filter", "data-value": value }, box,
        el("label", { for: id }, value, el("span", { class: "atlas-filter__count" }, ` ${count}`)));
    }));
  }

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

  /** Each filter value's count for the current query (Pagefind's), or the site's without one. */
  function showCounts(counts) {
    for (const key of keys) {
      for (const option of groups[key].querySelectorAll(".atlas-filter")) {
        const n = counts ? (counts[key] || {})[option.dataset.value] || 0 : available[key][option.dataset.value];
        option.querySelector(".atlas-filter__count").textContent = ` ${n}`;
      }
    }
  }

  async function showMore(mine) {
    const data = await search.next(PAGE_SIZE);
    if (mine !== generation) return;
    showResults(list, data, true);
    status.textContent = countText(search);
    const shown = list.querySelectorAll(".md-search-result__item").length;
    more.hidden = search.exact && shown >= search.total + search.partial;
  }

  async function update() {
    const query = input.value.trim();
    const chosen = selected();
    const key = JSON.stringify([query, chosen]);
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++generation;
    writeUrl(query, chosen);
    const state = location.search;
    const filters = pagefindFilters(chosen);
    if (!query && !Object.keys(filters).length) {
      search = null;
      list.replaceChildren();
      status.textContent = t("type_to_search");
      showCounts(null);
      more.hidden = true;
      list.dataset.state = state;
      return;
    }
    if (!(await pause()) || mine !== generation) return;
    const found = await find(await engine(query), query, filters);
    if (mine !== generation) return;
    search = found;
    list.replaceChildren();
    showCounts(found.counts);
    await showMore(mine);
    // The URL state the list now shows (tests and measure_search.py wait for it to equal location.search).
    if (mine === generation) list.dataset.state = state;
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
