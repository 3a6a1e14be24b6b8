"""Issue 18: what readers met on the built pages, read from the real HTML of one build."""

from __future__ import annotations

import html as html_lib
import posixpath
import re

from conftest import REPOSITORY, ROOT
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


def head_meta(html: str) -> dict[str, str]:
    found = {}
    for attr, name, content in re.findall(r'<meta (name|property)="([^"]+)" content="([^"]*)"', html):
        found[name] = html_lib.unescape(content)
    return found


def test_not_found_page_speaks_the_sites_language_and_leads_on(built):
    """Item 6: Material's "404 - Not found" in English, with no way on."""
    html = (built / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html and "404 - Not found" not in html and "Not found" not in html
    assert re.findall(r"<h1[^>]*>([^<]*)</h1>", html) == ["找不到这个页面"]
    form = re.search(r'<form[^>]*role="search"[^>]*action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    assert form and form[1].endswith("search/") and 'name="q"' in form[2]
    assert re.search(r'<label for="atlas-not-found-q">[^<]+</label>', form[2])
    links = re.findall(r'<li><a href="([^"]+)">', html[html.index("</form>"):])
    assert len(links) >= 2 and any(l.endswith("regions/") for l in links)
    assert "data-pagefind-body" not in html


def test_pages_have_their_own_description_and_link_preview(built, site_model):
    """Item 7: every page had the site's description and no OpenGraph tags."""
    topic = next(t for t in site_model.topics if t.content)
    html = (built / topic.url / "index.html").read_text(encoding="utf-8")
    meta = head_meta(html)
    block = (topic.summary or topic.content)[0]
    first = str(block.text) if block.kind != "list" else str(block.items[0])
    assert meta["description"][:20] == first[:20] == meta["og:description"][:20]
    assert meta["og:title"] == topic.title.zh
    assert meta["og:type"] == "website" and meta["og:site_name"] and meta["twitter:card"] == "summary"
    guide = topic.guide
    gmeta = head_meta((built / guide.url / "index.html").read_text(encoding="utf-8"))
    assert gmeta["description"] != meta["description"] and gmeta["og:title"] == guide.title.zh
    home = (built / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>([^<]*)</title>", home)[1] == "指南图谱 Guide Atlas"  # the name once


def test_guide_and_topic_pages_highlight_their_tab(built, site_model):
    """Item 7: no header tab was highlighted on guide, track and topic pages."""
    topic = site_model.topics[0]
    plan = next(g for g in site_model.guides if g.kind == "plan")
    for url, tab in ((topic.url, "regions/"), (topic.track.url, "regions/"), (topic.guide.url, "regions/"),
                     (plan.url, "plans/"), (site_model.tags[0].url, "tags/")):
        html = (built / url / "index.html").read_text(encoding="utf-8")
        active = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]+)"', html)
        assert len(active) == 1 and posixpath.normpath(posixpath.join(url, active[0])) + "/" == tab, (url, active)


def test_guide_and_topic_pages_link_their_content_file(built, site_model):
    """Item 19: an edit button to the page's YAML in the repository, and one to report an error;
    the about page links CONTRIBUTING."""
    topic = site_model.topics[0]
    for obj in (topic, topic.track, topic.guide):
        html = (built / obj.url / "index.html").read_text(encoding="utf-8")
        edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html)
        assert edit and edit[1] == f"{REPOSITORY}/edit/main/content/guides/{topic.guide.key}.yml", obj.url
        report = re.search(r'<a href="([^"]+)"[^>]*data-atlas-report', html)
        assert report and report[1].startswith(f"{REPOSITORY}/issues/new?title="), obj.url
        assert (ROOT / f"content/guides/{topic.guide.key}.yml").is_file()
    about = read_page(built, "about/")
    assert f"{REPOSITORY}/blob/main/CONTRIBUTING.md" in about.links


def test_source_texts_read_right_on_any_server(built, site_model):
    """Item 3: sources/*.txt was UTF-8 without a charset, shown as mojibake by servers sending
    text/plain without one. The text now starts with a byte-order mark (browsers read UTF-8 by it,
    whatever the server says), and a page shows it with numbered lines a guide can link to."""
    guide = next(g for g in site_model.guides if g.kind == "call")
    raw = (built / guide.source_file).read_bytes()
    original = (ROOT / "content" / guide.source_file).read_bytes()
    assert raw == b"\xef\xbb\xbf" + original  # the text itself, byte for byte, after the mark
    url = guide.source_file.removesuffix(".txt") + "/"
    html = (built / url / "index.html").read_text(encoding="utf-8")
    lines = original.decode("utf-8").splitlines()
    items = re.findall(r'<li id="L(\d+)">(.*?)</li>', html, re.S)
    assert [int(n) for n, _ in items] == list(range(1, len(lines) + 1))
    assert [html_lib.unescape(text) for _, text in items] == lines
    assert "data-pagefind-body" not in html  # the guide's own pages hold this text for search
    assert guide.source_file.rsplit("/", 1)[1] in html  # a link to the plain text
    guide_page = read_page(built, guide.url)
    assert any(link.endswith(url.split("/", 1)[1]) for link in guide_page.links)
