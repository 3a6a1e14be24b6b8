"""sitemap.xml for both editions: every page of each, with its counterparts (hreflang, x-default).

Each edition's MkDocs writes a sitemap of its own pages; a sitemap must hold absolute URLs, so
only with the site's address (SITE_URL) is it right. With SITE_URL set, this replaces the one at
the site's root with one listing the pages of every edition built, each with <xhtml:link
rel="alternate" hreflang> to its counterparts, as search engines read language versions.
Without SITE_URL MkDocs' sitemaps are empty <urlset>s: this removes them (a missing sitemap is
honest, an empty one says the site has no pages) and warns, once per build, with what else needs
the address (the calendars' event URLs; generator/pages/calendars.py). The pages' own hreflang
links still pair the editions.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

from . import i18n
from .edition import EDITION_DIRS, HREFLANG

SKIP = ("assets/", "pagefind/", "feeds/", "calendars/", "sources/", "search/")


def page_urls(site: Path, lang: str) -> list[str]:
    """The URLs (relative to the edition's root) of an edition's pages: each folder with an index.html."""
    root = site / EDITION_DIRS[lang]
    others = {d.rstrip("/") for other, d in EDITION_DIRS.items() if other != lang and d}
    urls = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel = "" if rel == "." else rel + "/"
        if rel == "":
            dirnames[:] = [d for d in dirnames if d not in others]
        if rel.startswith(SKIP):
            dirnames[:] = []
            continue
        dirnames.sort()
        if "index.html" in filenames:
            urls.append(rel)
    return urls


def text(site: Path, langs: tuple[str, ...], base: str) -> str:
    base = base if base.endswith("/") else base + "/"
    pages = {lang: set(page_urls(site, lang)) for lang in langs}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for lang in langs:
        for url in sorted(pages[lang]):
            lines.append(f"<url><loc>{_esc(base + EDITION_DIRS[lang] + url)}</loc>")
            pair = [other for other in langs if url in pages[other]]
            if len(pair) > 1:
                for other, hreflang in [(o, HREFLANG[o]) for o in pair] + [(i18n.DEFAULT, "x-default")]:
                    lines.append(f'<xhtml:link rel="alternate" hreflang="{hreflang}" '
                                 f'href={quoteattr(base + EDITION_DIRS[other] + url)}/>')
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _esc(url: str) -> str:
    return url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


NO_SITE_URL = ("warning: SITE_URL is not set, so sitemap.xml is left out and calendar events have no URL "
               "(both need the site's absolute address); build with SITE_URL=https://example.org/atlas/ to publish them")


def write(site: Path, langs: tuple[str, ...], base: str) -> None:
    """The root's sitemap for `langs` from `base` (SITE_URL); without it, no sitemap anywhere, and a warning."""
    if not base:
        for lang in langs:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site / EDITION_DIRS[lang] / name).unlink(missing_ok=True)
        print(NO_SITE_URL, file=sys.stderr, flush=True)
        return
    data = text(site, langs, base).encode("utf-8")
    (site / "sitemap.xml").write_bytes(data)
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)
