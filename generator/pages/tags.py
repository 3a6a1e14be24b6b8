"""Cross-city tag pages: one per tag (its topics and plan entries by region and year), and an
overview matrix of tags × regions, tags in pinyin order.

A tag with more than TAG_PAGE_ROWS topics and entries is split: its page lists regions with
counts, and each region gets its own page (tags/<tag>/<region>/), so no page grows with the corpus.
"""

from __future__ import annotations

from functools import partial

from .. import export
from ..groups import by_region_and_year, tag_region_counts, tags_in_pinyin_order
from ..render import page_path
from ..write import Output
from . import explorer

TAG_PAGE_ROWS = 300


def outputs(site, renderer):
    tags = tags_in_pinyin_order(site.tags)
    yield Output(page_path("tags/"), partial(index, renderer, site, tags))
    guides_by_tag: dict[str, list] = {}
    for guide in site.guides:  # guides tagged as a whole
        for tag in guide.tags:
            guides_by_tag.setdefault(tag.slug, []).append(guide)
    for tag in tags:
        topics = site.topics_by_tag[tag.slug]
        entries = site.plan_entries_by_tag[tag.slug]
        groups = by_region_and_year(site.regions, topics, entries)
        split = len(topics) + len(entries) > TAG_PAGE_ROWS
        yield Output(page_path(tag.url), partial(
            renderer.render, "tag.md.j2", tag.url, tag=tag, groups=groups, topics=topics, entries=entries,
            guides=guides_by_tag.get(tag.slug, []), split=split, region_url=region_url,
            explorer_url=explorer.URL, meta={"feeds": [export.feed_link(tag, renderer.lang)]},
        ))
        if split:
            for g in groups:
                url = region_url(tag, g.region)
                yield Output(page_path(url), partial(renderer.render, "tag_region.md.j2", url, tag=tag, g=g))


def index(renderer, site, tags: list) -> str:
    """The overview matrix: tags × regions."""
    return renderer.render("tags.md.j2", "tags/", tags=tags, counts=tag_region_counts(site))


def region_url(tag, region) -> str:
    """The page listing one region's topics under a split tag."""
    return f"{tag.url}{region.slug}/"
