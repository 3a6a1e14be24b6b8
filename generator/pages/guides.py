"""A page per guide, per track and per topic (with its related topics and its neighbours in the track).

Pages are rendered when written (Output with a function), so parallel writers each render
only their share, and work out only their own topics' related topics. In `make serve`, after
an edit, pages of guides other than the edited ones (and those citing them) are kept as they
are (renderer.changed_guides); their related-topic lists catch up at the next full `make site`."""

from __future__ import annotations

from functools import partial

from .. import export, i18n, jsonld, status
from ..groups import year_url
from ..related import related_topics
from ..render import json_ld, page_path
from ..write import Output


def outputs(site, renderer):
    related = related_topics(site.topics)
    for guide in site.guides:
        if guide.kind != "call":
            continue
        render = renderer.render
        reuse = renderer.changed_guides is not None and not _shows_changed(guide, related, renderer.changed_guides)
        yield Output(page_path(guide.url), partial(
            _guide_page, render, guide, site.build_date, renderer.lang), reuse)
        for track in guide.tracks:
            yield Output(page_path(track.url), partial(render, "track.md.j2", track.url, guide=guide, track=track),
                         reuse)
            for i, topic in enumerate(track.topics):
                previous = track.topics[i - 1] if i else None
                following = track.topics[i + 1] if i + 1 < len(track.topics) else None
                yield Output(
                    page_path(topic.url),
                    partial(_topic_page, render, topic, site.build_date, related, renderer.lang, previous=previous,
                            following=following, position=i + 1),
                    reuse,
                )


def _shows_changed(guide, related, changed: set) -> bool:
    """Whether the guide's pages show a changed guide: its own, another edition of its programme
    (the guide page links them), or one its topics list as related."""
    editions = guide.programme.editions if guide.programme else ()
    return guide.key in changed or any(e.key in changed for e in editions) or any(
        r.topic.guide.key in changed for t in guide.topics for r in related[t.key])


def _guide_page(render, guide, build_date, lang) -> str:
    ld = jsonld.guide_ld(guide, build_date, export.Links(export.site_base()))
    return render("guide.md.j2", guide.url, meta=guide_meta(guide, lang), guide=guide, jsonld=json_ld(ld),
                  files=export.guide_files(guide), year_url=year_url(guide.year))


def _topic_page(render, topic, build_date, related, lang, **context) -> str:
    ld = jsonld.topic_ld(topic, build_date, export.Links(export.site_base()))
    return render("topic.md.j2", topic.url, meta=topic_meta(topic, lang), guide=topic.guide, jsonld=json_ld(ld),
                  track=topic.track, topic=topic, year_url=year_url(topic.guide.year),
                  related=related[topic.key], **context)


def topic_meta(topic, lang: str = i18n.DEFAULT) -> dict:
    """Front matter for a topic page: facts the theme shows to search (page.meta.atlas), named in
    the edition's language."""
    guide = topic.guide
    return {
        "atlas": {
            "kind": "topic",
            "region": i18n.name(guide.region, lang),
            "region_slug": guide.region.slug,
            "year": guide.year,
            "guide": i18n.name(guide.name, lang),
            "track": i18n.name(topic.track.name, lang),
            "tags": [i18n.name(tag, lang) for tag in topic.tags],
            **_window_meta(guide),
        },
    }


def guide_meta(guide, lang: str = i18n.DEFAULT) -> dict:
    """Front matter for a guide page: its region's feed (overrides/partials/atlas-head.html) and
    its window for search (overrides/partials/atlas-search-facts.html)."""
    return {"feeds": [export.feed_link(guide.region, lang)], "atlas": {
        "kind": "guide", **_window_meta(guide),
        # where the guide's pages go in search (generator/search_bundles.py reads them from the page)
        "year": guide.year, "region_slug": guide.region.slug, "region": i18n.name(guide.region, lang),
        "guide": i18n.name(guide.name, lang), "title": i18n.name(guide.title, lang)}}


def _window_meta(guide) -> dict:
    """The guide's window as search meta, so the search page can filter by status in the reader's time;
    for a call without one, its year (a past call once the year is over: generator/status.py)."""
    if guide.window is None:
        return {"callyear": guide.year} if guide.kind == "call" else {}
    a = status.attrs(guide.window)
    return {"opens": a["data-opens"], "closes": a["data-closes"]}
