"""Cross-city tag pages: one per tag (its topics and plan entries by region and year), and an
overview matrix of tags × regions, tags in pinyin order."""

from __future__ import annotations

from .. import export
from ..groups import by_region_and_year, tag_region_counts, tags_in_pinyin_order
from ..render import page_path
from ..write import Output
from . import explorer


def outputs(site, renderer):
    tags = tags_in_pinyin_order(site.tags)
    counts = tag_region_counts(site)
    yield Output(page_path("tags/"), renderer.render("tags.md.j2", "tags/", tags=tags, counts=counts))
    for tag in tags:
        topics = site.topics_by_tag[tag.slug]
        entries = site.plan_entries_by_tag[tag.slug]
        groups = by_region_and_year(site.regions, topics, entries)
        guides = [g for g in site.guides if tag in g.tags]  # guides tagged as a whole
        yield Output(page_path(tag.url), renderer.render(
            "tag.md.j2", tag.url, tag=tag, groups=groups, topics=topics, entries=entries, guides=guides,
            explorer_url=explorer.URL, meta={"feeds": [export.feed_link(tag)]},
        ))
