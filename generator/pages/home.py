"""The home page and the about page.

Neither lists every guide: the home page shows the LATEST newest, the about page
links each region's source list and says how many titles have an English name; both stay the
same size as the corpus grows.
"""

from __future__ import annotations

from functools import partial

from ..coverage import english_coverage
from ..render import page_path
from ..write import Output


LATEST = 20


def outputs(site, renderer):
    yield Output(page_path(""), partial(home_page, renderer, site))
    yield Output(page_path("about/"), partial(about_page, renderer, site))


def about_page(renderer, site) -> str:
    return renderer.render("about.md.j2", "about/", coverage=english_coverage(site))


def home_page(renderer, site) -> str:
    latest = sorted(site.guides, key=lambda g: (-g.year, g.region.slug, g.id))[:LATEST]
    return renderer.render("home.md.j2", "", latest=latest)
