"""Measure search in the browser (a benchmark, not a test): `make search-bench`.

Serves a built site under /atlas/ on loopback, opens it in headless Debian Chromium with a cold
cache, types queries into the header box as a reader would, and reports:
  - the Pagefind bundle's size on disk (all of site/pagefind/, and what a browser may load);
  - the bytes the first query fetches (Pagefind's script, WebAssembly, index and fragments);
  - the time from the keystroke to results on screen, for the first query and the rest.

    python tests/browser/measure_search.py [SITE_DIR]     (default: site/)
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
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



def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def bundle_sizes(site: Path) -> dict[str, int]:
    bundle = site / "pagefind"
    sizes: dict[str, int] = {}
    for path in bundle.rglob("*"):
        if path.is_file():
            part = path.relative_to(bundle).parts[0] if len(path.relative_to(bundle).parts) > 1 else path.name
            sizes[part] = sizes.get(part, 0) + path.stat().st_size
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "pagefind" / "pagefind.js").exists():
        print(f"no Pagefind bundle in {site}; run `make site` first", file=sys.stderr)
        return 1

    sizes = bundle_sizes(site)
    ui_only = {k: v for k, v in sizes.items() if k.startswith("pagefind-") and k.endswith((".js", ".css"))
               and k not in ("pagefind-worker.js", "pagefind-entry.json", "pagefind-highlight.js")}
    pages = len(list(site.rglob("*.html")))
    print(f"site: {site} ({pages} HTML pages)")
    print(f"Pagefind bundle on disk: {kib(sum(sizes.values()))} in site/pagefind/")
    print(f"  of which Pagefind's prebuilt UIs we do not load: {kib(sum(ui_only.values()))}")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"    {name:40} {kib(size):>12}")

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

        timings = [page.evaluate(TYPE_AND_TIME, q)["ms"] for q in QUERIES[1:]]
        page.wait_for_load_state("networkidle")
        total_after = sum(r["bytes"] for r in loaded[start:])
        print(f"\nnext {len(timings)} queries, warm: median {statistics.median(timings):.0f} ms, "
              f"max {max(timings):.0f} ms (each includes the 120 ms typing pause)")
        print(f"  all {len(QUERIES)} queries together fetched {kib(total_after)}")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
