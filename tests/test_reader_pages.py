"""Issue 18: what readers met on the built pages, read from the real HTML of one build."""

from __future__ import annotations

import re

from html_page import read_page


def shanghai_guide(site_model):
    return next(g for g in site_model.guides if g.region.slug == "shanghai")


def test_addresses_in_guide_text_are_links(built, site_model):
    """Item 5: Shanghai's 申报方式 names two web addresses; they are links, not `<http://…>` text."""
    html = (built / shanghai_guide(site_model).url / "index.html").read_text(encoding="utf-8")
    assert '<a href="http://www.sh.gov.cn">http://www.sh.gov.cn</a>' in html
    assert '<a href="http://czkj.sheic.org.cn/">http://czkj.sheic.org.cn/</a>' in html
    article = read_page(built, shanghai_guide(site_model).url).article
    assert "<http" not in article


def test_track_topic_lists_are_lists_after_funding_lines(built, site_model):
    """Item 2: a track with funding or duration showed its topics as one run-on paragraph
    ("经费：20 万元；… 1. … 2. …") on the guide page (Chengdu 2023)."""
    checked = 0
    for guide in site_model.guides:
        html = (built / guide.url / "index.html").read_text(encoding="utf-8")
        for track in guide.tracks:
            if not (track.funding or track.duration):
                continue
            start = html.index(f'id="track-{track.id}"')
            section = html[start: html.find("<h", html.find("</h3>", start))]
            assert section.count("<ol>") == 1, (guide.key, track.id)
            items = re.findall(r"<li>", section[section.index("<ol>"):])
            assert len(items) == len(track.topics), (guide.key, track.id)
            assert not re.search(r"<p>[^<]*经费[^<]*1\. ", section)
            checked += 1
    assert checked >= 2
