"""A page per guide, per track and per topic (with its related topics and its neighbours in the track)."""

from __future__ import annotations

from .. import export, jsonld
from ..groups import year_url
from ..related import related_topics
from ..render import page_path
from ..write import Output


def outputs(site, renderer):
    related = related_topics(site.topics)
    for guide in site.guides:
        if guide.kind != "call":
            continue
        yield Output(page_path(guide.url), renderer.render(
            "guide.md.j2", guide.url, meta=guide_meta(guide, site.build_date), guide=guide,
            files=export.guide_files(guide), year_url=year_url(guide.year)))
        for track in guide.tracks:
            yield Output(page_path(track.url), renderer.render("track.md.j2", track.url, guide=guide, track=track))
            for i, topic in enumerate(track.topics):
                previous = track.topics[i - 1] if i else None
                following = track.topics[i + 1] if i + 1 < len(track.topics) else None
                yield Output(
                    page_path(topic.url),
                    renderer.render("topic.md.j2", topic.url, meta=topic_meta(topic, site.build_date), guide=guide,
                                    track=track, topic=topic, previous=previous, following=following, position=i + 1,
                                    related=related[topic.key], year_url=year_url(guide.year)),
                )


def topic_meta(topic, build_date) -> dict:
    """Front matter for a topic page: facts the theme shows to search (page.meta.atlas), and its JSON-LD."""
    guide = topic.guide
    return {
        "atlas": {
            "kind": "topic",
            "region": guide.region.zh,
            "region_slug": guide.region.slug,
            "year": guide.year,
            "guide": guide.name.zh,
            "track": topic.track.name.zh,
            "tags": [tag.zh for tag in topic.tags],
        },
        "jsonld": jsonld.topic_ld(topic, build_date, export.Links(export.site_base())),
    }


def guide_meta(guide, build_date) -> dict:
    """Front matter for a guide page: its JSON-LD and its region's feed (overrides/partials/atlas-head.html)."""
    return {
        "jsonld": jsonld.guide_ld(guide, build_date, export.Links(export.site_base())),
        "feeds": [export.feed_link(guide.region)],
    }
