"""The region index and a page per region listing its guides by year, with counts, stated funding and status."""

from __future__ import annotations

from functools import partial

from .. import export
from ..groups import funding_total, guides_by_year
from ..render import page_path
from ..write import Output
from . import explorer


def outputs(site, renderer):
    yield Output(page_path("regions/"), partial(index, renderer, site))
    for region in site.regions:
        yield Output(page_path(region.url), partial(region_page, renderer, region))


def index(renderer, site) -> str:
    return renderer.render("regions.md.j2", "regions/", years=guides_by_year(site.guides))


def region_page(renderer, region) -> str:
    has_topics = any(g.topics for g in region.guides)
    return renderer.render(
        "region.md.j2", region.url, region=region, years=guides_by_year(region.guides),
        totals={g.key: funding_total(g.topics) for g in region.guides},
        explorer_url=explorer.region_url(region) if has_topics else None,
        meta={"feeds": [export.feed_link(region, renderer.lang)]},
    )
