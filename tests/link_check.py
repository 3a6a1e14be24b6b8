"""Crawl a built site and report every broken internal link or anchor.

Both editions are crawled (the English one is the site's en/ folder); `counterparts` lists the
pages of one edition that the other lacks. Reads each HTML page the way a browser would resolve it: every href and src (links,
stylesheets, scripts, images) relative to the page, `dir/` to `dir/index.html`, and a
`#fragment` against the ids of the target page. Links to other hosts are not followed;
`javascript:` URLs are reported, since the site must never contain one.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from html_page import Page

_EXTERNAL = ("http", "https", "mailto", "tel")


EDITIONS = ("", "en/")  # the Chinese edition at the site's root, the English one in en/
SHARED = ("assets/", "pagefind/", "sources/")  # files both editions share, not pages of either


def counterparts(site: Path) -> list[str]:
    """Every page of each edition without its counterpart (same path) in the other edition."""
    pages = {}
    for prefix in EDITIONS:
        root = site / prefix
        found = set()
        for path in root.rglob("*.html"):
            rel = path.relative_to(root).as_posix()
            if rel.startswith(SHARED) or (not prefix and rel.startswith(tuple(e for e in EDITIONS if e))):
                continue
            found.add(rel)
        pages[prefix] = found
    return [f"{prefix}{rel}: no counterpart in {other or 'the root'}" for prefix in EDITIONS for other in EDITIONS
            if other != prefix for rel in sorted(pages[prefix] - pages[other])]


def broken_links(site: Path) -> list[str]:
    site = site.resolve()

    @lru_cache(maxsize=None)
    def page(rel: str) -> Page:
        return Page((site / rel).read_text(encoding="utf-8"))

    problems: list[str] = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        here = page(rel)
        for url in here.links + here.scripts:
            problem = _check(site, rel, url, page)
            if problem:
                problems.append(f"{rel}: {url!r} {problem}")
    return problems


def _check(site: Path, rel: str, url: str, page) -> str | None:
    parts = urlsplit(url)
    if parts.scheme.lower() in _EXTERNAL or url.startswith("//"):
        return None
    if parts.scheme:
        return f"uses the {parts.scheme}: scheme"
    path = unquote(parts.path)
    if path.startswith("/"):
        # Root-absolute URLs only in the 404 pages, which MkDocs writes for the site root (README: SITE_URL).
        if rel not in ("404.html", "en/404.html"):
            return "is root-absolute; links must be relative"
        # MkDocs writes each edition's 404 page for its own root (en/404.html for en/).
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path.lstrip("/")))
    elif path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    else:
        target = rel
    if target == ".." or target.startswith("../"):
        return "points outside the site"
    target = "" if target == "." else target
    file = site / target
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return "points to a file that does not exist"
    fragment = unquote(parts.fragment)
    if fragment and file.suffix == ".html":
        if fragment not in page(file.relative_to(site).as_posix()).ids:
            return f"points to #{fragment}, which is not an id on {file.relative_to(site).as_posix()}"
    return None
