"""The built site, read as HTML: the Hubei guide end to end, ASCII URLs, no external requests."""

from __future__ import annotations

import posixpath
import re

import pytest

from html import unescape
from html_page import clean as _clean, read_page



def test_every_hubei_topic_has_its_page(built, site_model):
    guide = next(g for g in site_model.guides if g.region.slug == "hubei")
    assert len(guide.topics) == 10
    for topic in guide.topics:
        assert re.fullmatch(r"[a-z0-9/-]+/", topic.url), topic.url
        page = read_page(built, topic.url)
        assert [_clean(h) for h in page.h1] == [_clean(topic.title.zh)]
        article = _clean(page.article)
        for block in topic.content:
            assert _clean(block.text.zh) in article
        for contact in topic.contacts:
            for part in (contact.office.zh, contact.person.zh, contact.phone):
                assert _clean(part) in article, part


def test_guide_page_lists_its_topics_and_source(built, site_model):
    guide = next(g for g in site_model.guides if g.region.slug == "hubei")
    page = read_page(built, guide.url)
    assert _clean(page.h1[0]) == _clean(guide.title.zh)
    for topic in guide.topics:
        assert _clean(topic.title.zh) in _clean(page.article)
    # The source text's page (sources/NAME/, numbered lines), which links the plain text too.
    name = guide.source_file.removesuffix(".txt").rsplit("/", 1)[1]
    link = next(l for l in page.links if l.rstrip("/").endswith(name))
    source = read_page(built, posixpath.normpath(posixpath.join(guide.url, link)) + "/")
    assert _clean(source.article).find(_clean("2023年度湖北省")) >= 0
    text = (built / guide.source_file).read_text(encoding="utf-8-sig")
    assert text.startswith(" 2023年度湖北省")


def test_all_urls_are_ascii(built):
    for path in built.rglob("*"):
        assert path.relative_to(built).as_posix().isascii(), path


def test_no_page_loads_anything_from_another_host(built):
    for path in built.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            url = unescape(url)
            if url.startswith(("http://", "https://", "//")):
                # Links a reader may follow are fine; nothing may be *loaded* from elsewhere.
                tag = html[: html.index(url)].rsplit("<", 1)[1].split()[0] if url in html else "a"
                assert tag == "a", f"{path}: loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_links_are_relative_so_any_sub_path_works(built):
    # 404.html is served at any depth, so MkDocs writes it with site_url-based paths;
    # README explains setting SITE_URL for a sub-path. Every other page is relative.
    for path in built.rglob("*.html"):
        if path.name == "404.html":
            continue
        for url in re.findall(r'(?:src|href)="(/[^/][^"]*)"', path.read_text(encoding="utf-8")):
            pytest.fail(f"{path}: root-absolute URL {url}")


def test_editorial_titles_and_source_disagreements_are_visible(built, site_model):
    for topic in site_model.topics:
        page = read_page(built, topic.url)
        assert ("标题为本站所加" in page.article) == topic.title_editorial, topic.key
        for note in topic.notes:
            assert _clean(note.zh) in _clean(page.article), topic.key


def test_every_page_title_is_its_h1(built):
    for path in built.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        page = read_page(built, path.parent.relative_to(built).as_posix() + "/" if path.parent != built else "")
        title = unescape(re.search(r"<title>([^<]*)</title>", html).group(1))
        if page.h1:
            assert title.startswith(page.h1[0].replace("¶", "").strip()), (path, title)


@pytest.mark.parametrize("url", ["", "regions/"])
def test_region_counts_tell_guides_from_plans(built, site_model, url):
    page = read_page(built, url)
    table = next(t for t in page.tables if t and t[0][0] == "地区")
    for region in site_model.regions:
        row = next(r for r in table[1:] if r[0].startswith(region.zh))
        calls = sum(g.kind == "call" for g in region.guides)
        plans = sum(g.kind == "plan" for g in region.guides)
        assert row[-3:] == [str(calls), str(plans), str(len([t for g in region.guides for t in g.topics]))]
