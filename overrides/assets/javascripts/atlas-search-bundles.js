// Guide Atlas search: which Pagefind bundles a search loads. No DOM here but <html lang>.
//
// Each edition root has search/bundles.json (generator/search_bundles.py, or the sharded build's
// assemble step): {current_years, bundles: [{id, path, scope: current|archive|titles, years, regions}]}.
// A search loads the `current` bundles (open and forthcoming calls, the newest years, every page
// outside a guide) and the small `titles` bundle (the archive's guide titles); the `archive`
// bundles only when the reader widens the search, or filters to one of their years or regions.
// The chosen bundles are merged into one Pagefind instance (mergeIndex), so their results are
// ranked together; an instance is made once per set of bundles and kept.

const manifests = new Map(); // edition root → Promise of its manifest
const instances = new Map(); // root + bundle ids → Promise of a Pagefind instance

/** The edition's manifest (search/bundles.json at `root`, a URL ending in /). */
export function manifest(root) {
  const key = root.href;
  if (!manifests.has(key)) {
    manifests.set(key, fetch(new URL("search/bundles.json", root)).then((r) => {
      if (!r.ok) throw new Error(`search/bundles.json: ${r.status}`);
      return r.json();
    }));
  }
  return manifests.get(key);
}

/** The archive's years, oldest and newest ([] when there is no archive). */
export function archiveYears(m) {
  const years = m.bundles.filter((b) => b.scope === "archive").flatMap((b) => b.years);
  return years.length ? [Math.min(...years), Math.max(...years)] : [];
}

/**
 * The bundles a search needs: `wide` (every year), or the archive bundles holding one of the
 * selected `years` / `regions` (region slugs), and the current ones. The titles bundle stands in for
 * the archive when no archive bundle is loaded (with one, the filters keep every result inside the
 * loaded archive bundles, which hold those guides in full).
 */
export function choose(m, { wide = false, years = [], regions = [] } = {}) {
  const by = (scope) => m.bundles.filter((b) => b.scope === scope);
  const wanted = new Set(years.map(String));
  const archive = wide ? by("archive") : (years.length || regions.length) ? by("archive").filter((b) =>
    (!years.length || b.years.some((y) => wanted.has(String(y)))) &&
    (!regions.length || b.regions.some((r) => regions.includes(r)))) : [];
  return [...by("current"), ...(archive.length ? archive : by("titles"))];
}

/**
 * A Pagefind instance over `bundles` of the edition at `root` (results' URLs under it). `lang`
 * picks each bundle's index (default: the page's <html lang>).
 */
export function instance(root, bundles, lang = null) {
  const key = `${root.href} ${lang} ${bundles.map((b) => b.id).join(" ")}`;
  if (!instances.has(key)) {
    instances.set(key, (async () => {
      if (!bundles.length) throw new Error("no search bundles");
      const path = (b) => new URL(b.path, root).pathname;
      const pf = await import(new URL(bundles[0].path + "pagefind.js", root).href);
      const html = document.documentElement;
      const own = html.getAttribute("lang");
      if (lang) html.setAttribute("lang", lang); // Pagefind picks an instance's index by <html lang>, when made
      const one = pf.createInstance({ basePath: path(bundles[0]), baseUrl: root.pathname });
      if (lang) html.setAttribute("lang", own);
      await Promise.all(bundles.slice(1).map((b) =>
        one.mergeIndex(path(b), { baseUrl: root.pathname, ...(lang ? { language: lang } : {}) })));
      return one;
    })());
  }
  return instances.get(key);
}
