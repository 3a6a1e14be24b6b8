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

The unsharded build (`python -m generator site`) cuts each edition into bundles by year
(generator/search_bundles.py); the sharded build (`python -m generator assemble`, generator/shards.py)
writes one per shard plus the titles bundle. Both write the file through `write_manifest`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .edition import EDITION_DIRS

PATH = "search/bundles.json"  # from each edition's root
# Pagefind's prebuilt interfaces, which the site never loads (atlas-search*.js uses pagefind.js):
# ~420 kB a bundle, dropped from every bundle either build makes.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


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


def write_manifest(edition_root: Path, current: list[int], entries: list[dict]) -> Path:
    """Write an edition's manifest (`entries`: each bundle as a dict of the fields above)."""
    path = edition_root / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"current_years": current, "bundles": entries}, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


def write(site_dir: Path, lang: str, bundles: list[Bundle], current: list[int]) -> Path:
    """Write the edition's manifest into the built site (an edition's folder: EDITION_DIRS)."""
    return write_manifest(site_dir / EDITION_DIRS[lang], current, [asdict(b) for b in bundles])
