"""The region index and a page per region listing its guides by year."""

from __future__ import annotations

from .. import export
from ..render import page_path
from ..write import Output


def outputs(site, renderer):
    yield Output(page_path("regions/"), renderer.render("regions.md.j2", "regions/"))
    for region in site.regions:
        yield Output(page_path(region.url), renderer.render(
            "region.md.j2", region.url, region=region,
            meta={"feeds": [export.feed_link(region)]}))
