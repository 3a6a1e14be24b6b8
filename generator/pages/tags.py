"""Cross-city tag pages: one per tag, and an overview of tags × regions.

Groupings are computed here, once, not filtered in templates. A tag used by more than
TAG_PAGE_ROWS topics is split: its page lists regions with counts, and each region
gets its own page (tags/<tag>/<region>/), so no page grows with the corpus.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from pypinyin import lazy_pinyin

from ..render import page_path
from ..write import Output

TAG_PAGE_ROWS = 300


def pinyin_key(text: str) -> str:
    return " ".join(lazy_pinyin(text))


def by_region_and_year(regions, topics) -> list[tuple]:
    """[(region, [(year, [topic, …]), …]), …]: regions in site order, years newest first."""
    groups: dict[str, dict[int, list]] = {}
    for topic in topics:
        groups.setdefault(topic.guide.region.slug, {}).setdefault(topic.guide.year, []).append(topic)
    return [(r, sorted(groups[r.slug].items(), reverse=True)) for r in regions if r.slug in groups]


def outputs(site, renderer):
    tags = sorted(site.tags, key=lambda t: pinyin_key(t.zh))
    counts = {t.slug: Counter(topic.guide.region.slug for topic in site.topics_by_tag[t.slug]) for t in tags}
    yield Output(page_path("tags/"), renderer.render("tags.md.j2", "tags/", tags=tags, counts=counts))
    for tag in tags:
        topics = site.topics_by_tag[tag.slug]
        groups = by_region_and_year(site.regions, topics)
        split = len(topics) > TAG_PAGE_ROWS
        yield Output(page_path(tag.url), partial(
            renderer.render, "tag.md.j2", tag.url, tag=tag, topics=topics, groups=groups, split=split,
            region_url=region_url))
        if split:
            for region, years in groups:
                url = region_url(tag, region)
                yield Output(page_path(url), partial(
                    renderer.render, "tag_region.md.j2", url, tag=tag, region=region, years=years))


def region_url(tag, region) -> str:
    """The page listing one region's topics under a split tag."""
    return f"{tag.url}{region.slug}/"
