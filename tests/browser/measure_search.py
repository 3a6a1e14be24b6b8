"""Measure search in the browser (a benchmark, not a test): `make search-bench`.

Serves a built site under /atlas/ on loopback, opens it in headless Debian Chromium with a cold
cache, types queries into the header box as a reader would, and reports:
  - each search bundle's size on disk (search/bundles.json at each edition root), and the index
    bytes per indexed page;
  - for a common word (科技): the bytes fetched and the time to first results, cold, in the default
    scope (current bundles and titles: the header box) and over every year (the search page with
    scope=all), issue 22's figures;
  - the bytes the first query fetches and the time from the keystroke to results on screen, for the
    first query and the rest.

    python tests/browser/measure_search.py [SITE_DIR]     (default: site/; any built site)
    python tests/browser/measure_search.py --synthetic 20000 [--keep DIR]

With --keep, the synthetic site is built in DIR once and reused by later runs (its scripts and
styles refreshed from SITE_DIR), so a change to the search scripts is measured in seconds.
"""

from __future__ import annotations

import argparse
import json
import functools
import http.server
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser.conftest import CHROMIUM_ARGS, SUBPATH, _Handler  # noqa: E402
from browser.test_search import QUERIES  # noqa: E402

# In the page: type `q` into the header box, resolve with ms from the keystroke to results shown.
TYPE_AND_TIME = """async (q) => {
  const box = document.querySelector('.md-header .md-search__input');
  const list = document.querySelector('[data-atlas-search-results]');
  box.focus();
  const t0 = performance.now();
  box.value = q;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(resolve => {
    if (list.dataset.query === q) return resolve();
    new MutationObserver((_, obs) => { if (list.dataset.query === q) { obs.disconnect(); resolve(); } })
      .observe(list, {attributes: true, attributeFilter: ['data-query']});
  });
  return {ms: performance.now() - t0, shown: list.children.length};
}"""



# In the page: Pagefind alone over the default bundles (its search and the top 10 results' data), per query, in ms.
PAGEFIND_ALONE = """async (queries) => {
  const b = await import(new URL('assets/javascripts/atlas-search-bundles.js', document.baseURI).href);
  const root = new URL('.', document.baseURI);
  const pf = await b.instance(root, b.choose(await b.manifest(root)));
  const out = [];
  for (const q of queries) {
    const t0 = performance.now();
    const r = await pf.search(q);
    await Promise.all(r.results.slice(0, 10).map(x => x.data()));
    out.push([q, performance.now() - t0, r.results.length]);
  }
  return out;
}"""

# In the page: wait until the search page shows the first results of its address's search; ms since navigation start.
PAGE_FIRST_RESULTS = """() => new Promise(resolve => {
  const list = document.querySelector('[data-atlas-search=page] [data-atlas-search-results]');
  const done = () => list.dataset.state === location.search;
  if (done()) return resolve(performance.now());
  new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(performance.now()); } })
    .observe(list, {attributes: true, attributeFilter: ['data-state']});
})"""
COMMON = "科技"


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def record_size(site: Path, url: str) -> int:
    """The bytes the server sends for a search file (a bundle's or a manifest), its size on disk; 0 for others."""
    path = urlparse(url).path[len(SUBPATH):]
    if "/pagefind/" not in "/" + path and not path.endswith("bundles.json"):
        return 0
    file = site / path
    return file.stat().st_size if file.is_file() else 0


def bundles(site: Path) -> list[tuple[str, Path, dict]]:
    """Each edition's search bundles: (edition dir, bundle folder, manifest entry)."""
    found = []
    for manifest in sorted(site.glob("**/search/bundles.json")):
        root = manifest.parent.parent
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["bundles"]:
            found.append((root.relative_to(site).as_posix(), root / entry["path"], entry))
    return found


def bundle_size(folder: Path) -> tuple[int, int, int]:
    """(bytes on disk, index bytes: fragments, word index, filters and metadata, pages indexed)."""
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    index = sum(p.stat().st_size for d in ("fragment", "index", "filter") for p in (folder / d).glob("*")) + sum(
        p.stat().st_size for p in folder.glob("*.pf_meta"))
    entry = json.loads((folder / "pagefind-entry.json").read_text())
    return total, index, sum(lang["page_count"] for lang in entry["languages"].values())


ARTICLE = re.compile(r"(<article[^>]*data-pagefind-body[^>]*>)(.*?)(</article>)", re.S)


def synthetic_site(site: Path, count: int, out: Path) -> Path:
    """A copy of `site` plus `count` made-up topic pages, indexed by Pagefind as `make site` does."""
    from generator.build import index

    shutil.copytree(site, out, ignore=shutil.ignore_patterns("pagefind"))
    topics = [p for p in site.glob("guides/*/*/*/*/index.html")]
    html = [p.read_text(encoding="utf-8") for p in topics]
    sentences = [s for h in html for s in re.split(r"(?<=[。；])", re.sub(r"<[^>]+>", "", ARTICLE.search(h)[2]))
                 if len(s.strip()) > 8]
    facts = [re.search(r'<div class="atlas-search-facts".*?</div>', h, re.S)[0] for h in html]
    rng = random.Random(1)
    for i in range(count):
        body = "".join(f"<p>{''.join(rng.sample(sentences, 3))}</p>" for _ in range(rng.randint(3, 8)))
        title = rng.choice(sentences).strip()[:30]
        article = f"<h1>{title}</h1>{body}{rng.choice(facts)}"
        page = ARTICLE.sub(lambda m: m[1] + article + m[3], html[i % len(html)], count=1)
        target = out / "synthetic" / str(i) / "index.html"
        target.parent.mkdir(parents=True)
        target.write_text(page, encoding="utf-8")
    index(out, tuple(sorted({"zh", *(["en"] if (out / "en").is_dir() else [])}, key=lambda lang: lang != "zh")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N",
                        help="add N made-up topic pages to a copy of the site first")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="with --synthetic: build the copy in DIR, or reuse it if DIR holds one")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "search" / "bundles.json").exists():
        print(f"no Pagefind bundle in {site}; run `make site` first", file=sys.stderr)
        return 1
    if args.synthetic and args.keep:
        kept = args.keep.resolve()
        if not (kept / "search" / "bundles.json").exists():
            synthetic_site(site, args.synthetic, kept)
        shutil.copytree(site / "assets", kept / "assets", dirs_exist_ok=True)
        return measure(kept)
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            return measure(synthetic_site(site, args.synthetic, Path(tmp) / "site"))
    return measure(site)


def measure(site: Path) -> int:
    pages = len(list(site.rglob("*.html")))
    print(f"site: {site} ({pages} HTML pages)")
    print("search bundles (search/bundles.json):")
    whole = indexed = count = 0
    for edition, folder, entry in bundles(site):
        total, index_bytes, n = bundle_size(folder)
        whole += total
        if entry["scope"] != "titles":
            indexed, count = indexed + index_bytes, count + n
        print(f"  {edition or '.':4} {entry['id']:14} {entry['scope']:8} {n:7,} pages {kib(total):>12} "
              f"(index {kib(index_bytes)}, {index_bytes / max(n, 1):,.0f} B per page)")
    print(f"  all bundles {kib(whole)}; index bytes per indexed page: {indexed / max(count, 1):,.0f} B")

    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}{SUBPATH}"

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page = context.new_page()
        # Every file the browser requests, the page's and its Web Worker's, with the bytes the server
        # sends for it (its size on disk: the test server sends files as they are, uncompressed).
        loaded: list[dict] = []

        def record(request):
            path = urlparse(request.url).path[len(SUBPATH):]
            file = site / path / "index.html" if path.endswith("/") or not path else site / path
            loaded.append({"name": request.url, "bytes": file.stat().st_size if file.is_file() else 0})

        context.on("request", record)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        start = len(loaded)
        first = page.evaluate(TYPE_AND_TIME, QUERIES[0])
        page.wait_for_load_state("networkidle")
        fetched = loaded[start:]
        print(f"\nfirst query {QUERIES[0]!r}, cold cache: {first['ms']:.0f} ms from keystroke to "
              f"{first['shown']} results (includes the 120 ms typing pause)")
        print(f"  fetched {len(fetched)} files, {kib(sum(r['bytes'] for r in fetched))}:")
        for r in sorted(fetched, key=lambda r: -r["bytes"]):
            print(f"    {r['name'][len(base):]:60} {kib(r['bytes']):>12}")

        # Issue 22's figures: a common word, cold, default scope (the header box, above when it is
        # the first query; else measured here in a fresh context) and every year (the search page).
        scoped = {}
        for name, url in (("default scope", f"search/?q={COMMON}"), ("all years", f"search/?q={COMMON}&scope=all")):
            cold = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            tab = cold.new_page()
            got: list[int] = []
            cold.on("request", lambda request, got=got: got.append(record_size(site, request.url)))
            tab.goto(base)
            tab.wait_for_load_state("networkidle")
            before = len(got)
            tab.goto(base + url)  # the page's own scripts and styles are cached from the first visit
            shown_at = tab.evaluate(PAGE_FIRST_RESULTS)
            fetched_bytes = sum(got[before:])
            scoped[name] = (fetched_bytes, shown_at)
            print(f"{COMMON!r}, {name}, cold search page: {kib(fetched_bytes)} fetched until first results, "
                  f"{shown_at:.0f} ms from navigation to first results (includes the 120 ms typing pause)")
            cold.close()

        timed = []
        for q in QUERIES[1:]:
            before = len(loaded)
            result = page.evaluate(TYPE_AND_TIME, q)
            result["bytes"] = sum(r["bytes"] for r in loaded[before:])
            timed.append((q, result))
        timings = [t["ms"] for _, t in timed]
        slowest = max(timed, key=lambda qt: qt[1]["ms"])
        heaviest = max(timed, key=lambda qt: qt[1]["bytes"])
        page.wait_for_load_state("networkidle")
        total_after = sum(r["bytes"] for r in loaded[start:])
        print(f"\nnext {len(timings)} queries, warm: median {statistics.median(timings):.0f} ms, "
              f"max {max(timings):.0f} ms (each includes the 120 ms typing pause)")
        print(f"  slowest: {slowest[0]!r} {slowest[1]['ms']:.0f} ms")
        print(f"  fetched per query until its first results: median "
              f"{kib(statistics.median(t['bytes'] for _, t in timed))}, max {kib(heaviest[1]['bytes'])} ({heaviest[0]!r})")
        for q, t in timed:
            print(f"    {q:20} {t['ms']:6.0f} ms {kib(t['bytes']):>12} {t['shown']:3} shown")
        print(f"  all {len(QUERIES)} queries together fetched {kib(total_after)}")
        # For comparison: Pagefind's API alone, in a fresh context (cold cache), same queries.
        fresh = browser.new_context().new_page()
        fresh.goto(base)
        alone = fresh.evaluate(PAGEFIND_ALONE, list(QUERIES))
        times = [ms for _, ms, _ in alone[1:]]
        print(f"\nPagefind's API alone (search + top-10 data, no typing pause), same queries, fresh page: "
              f"first {alone[0][1]:.0f} ms, then median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms; results per query: median "
              f"{statistics.median([n for *_, n in alone]):.0f}")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
