"""A page per guide, per track and per topic.

Pages are rendered when written (Output with a function), so parallel writers each
render only their share. These pages show their own guide (and the guides it cites or
that cite it) only: when `make serve` rebuilds after an edit, the other guides' pages
are kept as they are (renderer.changed_guides).
"""

from __future__ import annotations

from functools import partial

from ..render import page_path
from ..write import Output


def outputs(site, renderer):
    for guide in site.guides:
        if guide.kind != "call":
            continue
        render = renderer.render
        reuse = renderer.changed_guides is not None and guide.key not in renderer.changed_guides
        yield Output(page_path(guide.url), partial(render, "guide.md.j2", guide.url, guide=guide), reuse)
        for track in guide.tracks:
            yield Output(page_path(track.url), partial(render, "track.md.j2", track.url, guide=guide, track=track),
                         reuse)
            for i, topic in enumerate(track.topics):
                previous = track.topics[i - 1] if i else None
                following = track.topics[i + 1] if i + 1 < len(track.topics) else None
                yield Output(
                    page_path(topic.url),
                    partial(render, "topic.md.j2", topic.url, meta=topic_meta(topic), guide=guide, track=track,
                            topic=topic, previous=previous, following=following),
                    reuse,
                )


def topic_meta(topic) -> dict:
    """Front matter for a topic page: facts the theme shows to search (page.meta.atlas)."""
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
        }
    }
