"""Atom feeds (RFC 4287) of the newest guides, newest first: all guides, one per region, one per tag.

Made with feedgen. Each feed holds the FEED_LENGTH newest guides of its kind (what feed readers
expect, and the default of Material's own RSS plugin); older guides stay on the site and in the
data files. Entry ids are `urn:uuid:` + the guide's id in the data files, so they
never change; `updated` is the guide's `updated` date from the content and `published`
its publication date where the source gives one (both at 00:00 Beijing time). A feed's
own `updated` is its newest entry's (the newest guide on the site for an empty feed).
Links are relative to the feed file unless SITE_URL is set (see generator/export.py).
Each feed is made by the process that writes it (see write.py).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from itertools import islice

from feedgen.feed import FeedGenerator

from .. import export
from ..write import Output

AUTHOR = "指南图谱 Guide Atlas"
FEED_LENGTH = 50  # entries per feed: its newest guides


def outputs(site, renderer):
    feeds = Feeds(site, export.Links(export.site_base()))
    yield Output(export.ALL_FEED, partial(feeds.atom, export.ALL_FEED, "指南图谱：全部指南", "Guide Atlas: all guides", ""))
    for region in site.regions:
        feed = export.feed_link(region)
        yield Output(feed["href"], partial(feeds.atom, feed["href"], feed["title"], f"Guide Atlas: {region.en}",
                                           region.url, partial(in_region, region)))
    for tag in site.tags:
        feed = export.feed_link(tag)
        yield Output(feed["href"], partial(feeds.atom, feed["href"], feed["title"], f"Guide Atlas: {tag.en}",
                                           tag.url, partial(feeds.tagged, tag)))


def in_region(region, guide) -> bool:
    return guide.region is region


class Feeds:
    """The calls, newest first, that every feed picks from, and each one's topic tags (made on first
    use in the process writing the feeds, once per process)."""

    def __init__(self, site, links: export.Links):
        self.guides = sorted(export.calls(site), key=newest_first)
        self.latest = max((g.updated for g in self.guides), default=site.build_date)
        self.links = links
        self._tags: dict[str, dict] | None = None

    def tags(self, guide) -> dict:
        """The tags of the guide's topics, by slug."""
        if self._tags is None:
            self._tags = {g.key: {t.slug: t for topic in g.topics for t in topic.tags} for g in self.guides}
        return self._tags[guide.key]

    def tagged(self, tag, guide) -> bool:
        return tag.slug in self.tags(guide)

    def atom(self, path: str, title: str, subtitle: str, page: str, keep=None) -> bytes:
        """The feed of the FEED_LENGTH newest guides that `keep` accepts (all guides without it)."""
        newest = list(islice(filter(keep, self.guides), FEED_LENGTH))
        return atom(path, title, subtitle, page, newest, self.latest, self.links, self.tags)


def newest_first(guide) -> tuple:
    return (-guide.updated.toordinal(), -(guide.published or dt.date.min).toordinal(), -guide.year, guide.key)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=export.BEIJING)


def atom(path: str, title: str, subtitle: str, page: str, guides: list, latest: dt.date, links, tags_of) -> bytes:
    """An Atom feed of `guides`, in their order; `tags_of(guide)`: its topics' tags by slug (entry categories)."""
    here = links.at(path)
    fg = FeedGenerator()
    fg.id("urn:uuid:" + export.stable_id("feed", path))
    fg.title(title)
    fg.subtitle(subtitle)
    fg.language("zh-CN")
    fg.author({"name": AUTHOR})
    fg.link(href=here.url(path), rel="self", type="application/atom+xml")
    fg.link(href=here.url(page), rel="alternate", type="text/html")
    fg.updated(_at(max((g.updated for g in guides), default=latest)))
    for guide in guides:
        entry = fg.add_entry(order="append")
        entry.id("urn:uuid:" + export.guide_id(guide))
        entry.title(guide.title.zh)
        entry.updated(_at(guide.updated))
        if guide.published:
            entry.published(_at(guide.published))
        entry.author({"name": guide.issuer.zh})
        # One link per entry: feedgen 1.0.0 drops rel and type on entry links, and RFC 4287 allows
        # one alternate per type. The guide page links its JSON and calendar.
        entry.link(href=here.url(guide.url))
        entry.summary(summary(guide))
        tags = tags_of(guide)
        for slug in sorted(tags):
            entry.category(term=slug, label=tags[slug].zh)
    return fg.atom_str(pretty=True)


def summary(guide) -> str:
    parts = [f"{guide.region.zh} · {guide.year} 年度 · {guide.issuer.zh}"]
    if guide.doc_number:
        parts.append(guide.doc_number)
    parts.append(f"{len(guide.topics)} 个题目")
    parts.append(f"申报时间：{guide.window.label()}（北京时间）" if guide.window else "申报时间：原文未载明")
    return "；".join(parts)
