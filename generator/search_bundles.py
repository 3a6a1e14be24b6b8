"""Search bundles: the built site's pages cut into Pagefind bundles by what a reader searches, and
the manifest the search page reads to find them (`search/bundles.json` at each edition root).

The cut (per edition, one language per bundle):
  - `current`: what a researcher almost always wants, searched by default: every page of the
    guides of the two newest years (`current_years`) and of any guide open or opening at the build
    date, and every page outside a guide (tags, about, data …);
  - one `archive` bundle per older year, loaded only when the reader widens the search ("include
    2020–2021"), or filters to that year or to a region the bundle holds;
  - `titles`: the titles of the archive's guides (a record per guide, at the guide's own address,
    with its region, year and window), searched by default beside `current`, so a guide of any
    year is found by its title without loading its year.
Which guide a page belongs to, and that guide's year, region, title and window, come from the built
pages themselves (the hidden `.atlas-search-scope` mark on each guide page, written by
overrides/partials/atlas-search-facts.html), so a sharded build can cut the same way. Pages keep
their URLs: each bundle is indexed from a folder of hard links mirroring the edition's paths.

The manifest (format agreed in /work/TEAM.md):
  {"current_years": [2022, 2023], "bundles": [{"id": "zh-current", "path": "search/zh-current/pagefind/",
   "scope": "current" | "archive" | "titles", "years": [...], "regions": [region slugs]}]}
`path` is relative to the edition root; result URLs are relative to it too (Pagefind's baseUrl is
the edition root).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .bundles import UNUSED_FILES, write_manifest

CURRENT_YEARS = 2  # the newest guide years searched by default

_MARK = re.compile(r'<div class="atlas-search-scope"([^>]*)>')
_ATTR = re.compile(r'data-([a-z-]+)="([^"]*)"')
_GUIDE_PAGE = re.compile(r"^guides/[^/]+/[^/]+/index\.html$")


@dataclass
class Guide:
    """A guide as its built page declares it: where its pages live, and what the cut needs."""

    folder: str  # guides/<region>/<id>/, relative to the edition root
    year: int
    region: str  # slug
    region_name: str
    title: str
    name: str
    opens: str = ""
    closes: str = ""
    callyear: str = ""  # a call without a window: its year (a past call once it is over)

    def open_or_coming(self, now: dt.datetime) -> bool:
        return bool(self.closes) and dt.datetime.fromisoformat(self.closes) >= now


@dataclass
class Bundle:
    id: str
    scope: str
    years: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # edition-relative paths of the HTML files to index

    @property
    def path(self) -> str:
        return f"search/{self.id}/pagefind/"

    def entry(self) -> dict:
        return {"id": self.id, "path": self.path, "scope": self.scope,
                "years": sorted(self.years), "regions": sorted(self.regions)}


def edition_pages(root: Path, skip: tuple[str, ...]) -> list[str]:
    """The edition's HTML files, relative to its root, without other editions' folders (`skip`),
    the assets and the search bundles."""
    found = []
    for path in root.rglob("*.html"):
        rel = path.relative_to(root).as_posix()
        if not rel.startswith(skip + ("assets/", "search/", "pagefind/")):
            found.append(rel)
    return sorted(found)


def read_guides(root: Path, pages: list[str]) -> dict[str, Guide]:
    """Each guide page's scope mark, by the guide's folder."""
    guides = {}
    for rel in pages:
        if not _GUIDE_PAGE.match(rel):
            continue
        mark = _MARK.search((root / rel).read_text(encoding="utf-8"))
        if not mark:
            continue
        a = {k: html.unescape(v) for k, v in _ATTR.findall(mark[1])}
        folder = rel.removesuffix("index.html")
        guides[folder] = Guide(folder, int(a["year"]), a["region"], a.get("region-name", ""), a.get("title", ""),
                               a.get("name", ""), a.get("opens", ""), a.get("closes", ""), a.get("callyear", ""))
    return guides


def current_years(guides) -> list[int]:
    """The newest CURRENT_YEARS years that guides are from."""
    return sorted({g.year for g in guides})[-CURRENT_YEARS:]


def cut(lang: str, pages: list[str], guides: dict[str, Guide], now: dt.datetime) -> tuple[list[int], list[Bundle]]:
    """The edition's bundles: current, one archive bundle per older year, and the archive's titles."""
    years = current_years(guides.values())
    current = Bundle(f"{lang}-current", "current", list(years))
    archive: dict[int, Bundle] = {}
    archived: list[Guide] = []
    for guide in guides.values():
        if guide.year in years or guide.open_or_coming(now):
            if guide.year not in current.years:
                current.years.append(guide.year)
            if guide.region not in current.regions:
                current.regions.append(guide.region)
        else:
            bundle = archive.setdefault(guide.year, Bundle(f"{lang}-{guide.year}", "archive", [guide.year]))
            if guide.region not in bundle.regions:
                bundle.regions.append(guide.region)
            archived.append(guide)
    gone = {g.folder for g in archived}
    for rel in pages:
        parts = rel.split("/")
        guide = guides.get("/".join(parts[:3]) + "/") if parts[0] == "guides" and len(parts) > 3 else None
        (archive[guide.year] if guide is not None and guide.folder in gone else current).pages.append(rel)
    bundles = [current, *(archive[y] for y in sorted(archive, reverse=True))]
    if archived:
        titles = Bundle(f"{lang}-titles", "titles", sorted({g.year for g in archived}),
                        sorted({g.region for g in archived}))
        titles.pages = [g.folder for g in archived]  # written as title records (title_page)
        bundles.append(titles)
    return years, bundles


def title_page(guide: Guide, lang: str) -> str:
    """The record a guide has in the titles bundle: its title, and the facts results show and filter by."""
    e = html.escape
    window = (f'<span data-pagefind-meta="opens">{e(guide.opens)}</span>'
              f'<span data-pagefind-meta="closes">{e(guide.closes)}</span>') if guide.closes else (
        f'<span data-pagefind-meta="callyear">{e(guide.callyear)}</span>' if guide.callyear else "")
    return (f'<!doctype html><html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(guide.title)}</title></head>'
            f'<body><article data-pagefind-body><h1>{e(guide.title)}</h1>'
            f'<div data-pagefind-ignore><span data-pagefind-meta="region" data-pagefind-filter="region">{e(guide.region_name)}</span>'
            f'<span data-pagefind-meta="year" data-pagefind-filter="year">{guide.year}</span>'
            f'<span data-pagefind-meta="guide">{e(guide.name)}</span>'
            f'<span data-pagefind-meta="kind" data-pagefind-filter="kind">guide</span>{window}</div>'
            f'</article></body></html>')


def prepare(site: Path, langs: tuple[str, ...], edition_dirs: dict[str, str], default: str,
            exclude: tuple[str, ...], now: dt.datetime, work: Path) -> tuple[dict[str, list[str]], list]:
    """Cut each edition of the built `site` into bundles: a folder of each bundle's pages in `work`
    (hard links), and the Pagefind command that indexes it into the edition's search/<id>/pagefind/.
    Returns the commands by bundle id, and what `finish` needs to write the manifests."""
    commands: dict[str, list[str]] = {}
    manifests = []
    skip = tuple(d for d in edition_dirs.values() if d)
    for lang in langs:
        root = site / edition_dirs[lang] if edition_dirs[lang] else site
        pages = edition_pages(root, skip if lang == default else ())
        guides = read_guides(root, pages)
        years, bundles = cut(lang, pages, guides, now)
        for bundle in bundles:
            folder = work / bundle.id
            for rel in bundle.pages:
                target = folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                if bundle.scope == "titles":
                    guide = guides[rel]
                    (target / "index.html").parent.mkdir(parents=True, exist_ok=True)
                    (target / "index.html").write_text(title_page(guide, lang), encoding="utf-8")
                else:
                    _link(root / rel, target)
            folder.mkdir(parents=True, exist_ok=True)
            out = root / bundle.path
            commands[bundle.id] = [sys.executable, "-m", "pagefind_bin_extended", "--site", str(folder),
                                   "--output-path", str(out), "--silent",
                                   *(a for selector in exclude for a in ("--exclude-selectors", selector))]
        manifests.append((root, years, bundles))
    return commands, manifests


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def finish(manifests) -> None:
    """Write each edition's manifest, and drop Pagefind's prebuilt interfaces from the bundles."""
    for root, years, bundles in manifests:
        for bundle in bundles:
            for name in UNUSED_FILES:
                (root / bundle.path / name).unlink(missing_ok=True)
        write_manifest(root, years, [b.entry() for b in bundles])
