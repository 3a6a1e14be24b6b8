"""The home page (a researcher's front door) and the about page.

The home page leads with a search box and what can be applied for now: the guides closing soon,
open, and opening soon (or, when none is open, the most recent windows), then the newest guides,
the subjects and the regions. Every list is capped, so the page stays the same size as the corpus
grows, and links to its full view (deadlines/, regions/, tags/). Its lists are computed at the
build date and recomputed in the reader's time by atlas-status.js from the windows the page carries
(generator/status.py picks them). The about page says how many titles have an English name.
"""

from __future__ import annotations

from functools import partial

from .. import status
from ..coverage import english_coverage
from ..render import page_path
from ..write import Output

LATEST = 10
SUBJECTS = 24
REGIONS = 24


def outputs(site, renderer):
    yield Output(page_path(""), partial(home_page, renderer, site))
    yield Output(page_path("about/"), partial(about_page, renderer, site))


def about_page(renderer, site) -> str:
    return renderer.render("about.md.j2", "about/", coverage=english_coverage(site))


def home_page(renderer, site) -> str:
    latest = sorted(site.guides, key=lambda g: (-g.year, g.region.slug, g.id))[:LATEST]
    windows = status.windows_for_home([g for g in site.guides if g.kind == "call"], site.build_date)
    hidden = {g.key for name, gs in windows.lists.items() for g in gs[status.HOME_LIST:]}
    counts = [(tag, len(site.topics_by_tag[tag.slug]) + len(site.plan_entries_by_tag[tag.slug])) for tag in site.tags]
    subjects = sorted((c for c in counts if c[1]), key=lambda c: (-c[1], c[0].slug))[:SUBJECTS]
    regions = sorted((r for r in site.regions if r.guides), key=lambda r: (-len(r.guides), r.slug))[:REGIONS]
    return renderer.render("home.md.j2", "", latest=latest, windows=windows, hidden=hidden, cap=status.HOME_LIST,
                           subjects=subjects, regions=regions)
