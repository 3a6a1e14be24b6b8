"""The home page and the about page.

Neither lists every guide: the home page shows the LATEST newest, the about page
links each region's source list; both stay the same size as the corpus grows.
"""

from __future__ import annotations

from ..render import page_path
from ..write import Output


LATEST = 20


def outputs(site, renderer):
    latest = sorted(site.guides, key=lambda g: (-g.year, g.region.slug, g.id))[:LATEST]
    yield Output(page_path(""), renderer.render("home.md.j2", "", latest=latest))
    yield Output(page_path("about/"), renderer.render("about.md.j2", "about/"))
