"""The search bundles manifest: `search/bundles.json` at each edition's root (the seam with the
search page, which reads only this file to find its Pagefind bundles).

    {"current_years": [2025, 2026],
     "bundles": [{"id": "zh-2024-a", "path": "search/zh-2024-a/pagefind/", "scope": "archive",
                  "years": [2024], "regions": ["chengdu", …]}, …]}

- `path`: the bundle's folder, a URL path relative to the edition's root, ending in `pagefind/`.
  The page URLs inside every bundle are paths from the site's root, as Pagefind wrote them for
  the single bundle before sharding (`/en/guides/…` for English pages).
- `scope`: `current` (a bundle of the current years, or of pages of no year: the hub's),
  `archive` (older years, loaded only when the reader widens the search) or `titles` (guide
  titles across all years, small).
- `current_years`: the corpus's two latest years (at national scale the build year and the one
  before), and any year from the build year − 1 on.

The unsharded build (`python -m generator site`) writes one bundle per edition, the root's
`pagefind/` (which holds both languages' indexes), scope `current`, all years; the sharded build
(`python -m generator assemble`, generator/shards.py) writes one per shard plus the titles bundle.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .edition import EDITION_DIRS

PATH = "search/bundles.json"  # from each edition's root


@dataclass
class Bundle:
    id: str
    path: str
    scope: str  # current | archive | titles
    years: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)


def current_years(years, build_year: int) -> list[int]:
    """The corpus's two latest years, and any from build_year − 1 on (calls published ahead)."""
    years = sorted(set(years))
    return sorted(set(years[-2:]) | {y for y in years if y >= build_year - 1})


def scope_of(years, current: list[int]) -> str:
    """`current` for a bundle with no year (the hub's pages) or one of the current years, else `archive`."""
    return "current" if not years or set(years) & set(current) else "archive"


def text(bundles: list[Bundle], current: list[int]) -> str:
    return json.dumps({"current_years": current, "bundles": [asdict(b) for b in bundles]},
                      ensure_ascii=False, indent=1) + "\n"


def write(site_dir: Path, lang: str, bundles: list[Bundle], current: list[int]) -> Path:
    """Write the edition's manifest into the built site (an edition's folder: EDITION_DIRS)."""
    path = site_dir / EDITION_DIRS[lang] / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text(bundles, current), encoding="utf-8")
    return path


def unsharded(lang: str, years, regions, build_year: int) -> tuple[list[Bundle], list[int]]:
    """The one bundle of an unsharded build: the root's pagefind/, seen from the edition's root."""
    up = "../" * EDITION_DIRS[lang].count("/")
    return [Bundle(lang, f"{up}pagefind/", "current", sorted(set(years)), sorted(set(regions)))], \
        current_years(years, build_year)
