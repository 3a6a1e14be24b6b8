"""The region index and a page per region listing its guides by year, with counts, stated funding and status."""

from __future__ import annotations

from .. import export
from ..groups import funding_total, guides_by_year
from ..render import page_path
from ..write import Output
from . import explorer


def outputs(site, renderer):
    yield Output(page_path("regions/"), renderer.render("regions.md.j2", "regions/", years=guides_by_year(site.guides)))
    for region in site.regions:
        has_topics = any(g.topics for g in region.guides)
        yield Output(page_path(region.url), renderer.render(
            "region.md.j2", region.url, region=region, years=guides_by_year(region.guides),
            totals={g.key: funding_total(g.topics) for g in region.guides},
            explorer_url=explorer.region_url(region) if has_topics else None,
            meta={"feeds": [export.feed_link(region)]},
        ))
