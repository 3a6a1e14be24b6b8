"""The English edition: every page of the Chinese edition in en/, with an English interface.

Read from the built site as a reader (or a crawler) meets it, and from the generator's Markdown
where a built site cannot show a case (a title without an English name).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import i18n
from generator.build import ROOT, generate
from generator.edition import config_path, config_text, docs_dir
from generator.model import Text
from generator.pages import guides as guide_pages
from generator.render import Renderer
from generator.sitemap import text as sitemap_text
from html_page import read_page
from link_check import counterparts

CONTENT = ROOT / "content"


def test_every_chinese_page_has_its_english_counterpart_and_back(built):
    missing = counterparts(built)
    assert not missing, missing[:20]
    assert (built / "en" / "index.html").is_file() and (built / "en" / "tags" / "index.html").is_file()


def _pages(built: Path, english: bool):
    for path in built.rglob("index.html"):
        rel = path.relative_to(built).as_posix()
        if rel.startswith(("pagefind/", "assets/")):
            continue
        if rel.startswith("en/") == english:
            yield rel, path.read_text(encoding="utf-8")


def test_html_lang_and_hreflang_pair_each_page(built):
    for english in (False, True):
        for rel, html in _pages(built, english):
            assert re.search(r'<html lang="%s"' % ("en" if english else "zh"), html), rel
            links = dict(re.findall(r'<link rel="alternate " hreflang="([^"]+)" href="([^"]+)"', html))
            assert set(links) == {"zh-CN", "en", "x-default"}, rel
            here = rel[3:] if english else rel
            folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
            for lang, target in (("zh-CN", here), ("en", "en/" + here), ("x-default", here)):
                resolved = Path(built, folder, links[lang]).resolve()
                assert resolved / "index.html" == (built / target).resolve() or resolved == (built / target).resolve(), \
                    (rel, lang, links[lang])


def test_no_link_is_taken_by_material_for_a_language_root(built):
    """Material fetches sitemap.xml beside every <link rel=alternate> (its selector matches the exact
    value), so none may carry that exact value: not the feeds, not the hreflang links (issue 18 #8)."""
    for english in (False, True):
        for rel, html in list(_pages(built, english))[:200]:
            assert not re.search(r'<link [^>]*rel="alternate"', html), rel
            assert re.search(r'<link rel="alternate " type="application/atom\+xml"', html), rel


def test_english_topic_page_reads_in_english_over_the_official_chinese_text(built, site_model):
    guide = next(g for g in site_model.guides if g.region.slug == "shanghai")
    topic = next(t for t in guide.topics if t.funding and t.funding.amount)
    page = read_page(built, "en/" + topic.url)
    html = (built / "en" / topic.url / "index.html").read_text(encoding="utf-8")
    assert page.h1[0].replace("¶", "").strip() == topic.title.en
    assert f'<p class="atlas-zh" lang="zh-CN">{topic.title.zh}</p>' in html
    assert i18n.text("en", "translation.note") in html.replace("&#x27;", "'")  # the topic's text: translation, then official
    assert '<div class="atlas-official-text" lang="zh-CN" role="group" aria-labelledby="content-text-zh">' in html
    label = i18n.money(topic.funding.amount, topic.funding.kind != "fixed", "en")
    assert re.search(r"<td>Funding</td><td>%s</td>" % re.escape(label), html)
    assert f"<td>Region</td><td><a href=\"../../../../../regions/shanghai/\">Shanghai</a>" in html
    assert "Item" in html and "项目" not in page.text.split(topic.title.zh)[0]


def test_english_guide_page_gives_dates_in_english_and_links_the_shared_files(built, site_model):
    guide = next(g for g in site_model.guides if g.region.slug == "shanghai")
    html = (built / "en" / guide.url / "index.html").read_text(encoding="utf-8")
    assert "17 Nov 2020, 09:00 to 4 Dec 2020, 16:30 (Beijing time)" in html
    # data, calendars and feeds are published once, at the site's root
    here = "en/" + guide.url
    hrefs = re.findall(r'<a href="([^"]+)" class="atlas-download"', html)
    assert len(hrefs) == 3
    for href in hrefs:
        target = (built / here / href).resolve()
        assert target.is_file() and not target.is_relative_to((built / "en").resolve()), href
    assert not (built / "en" / "data" / "topics.csv").exists()
    assert (built / "en" / "data" / "index.html").is_file()


def test_formats():
    assert i18n.money(20, False, "en") == "CNY 200,000 per unit, fixed"
    assert i18n.money(20, True, "en") == "up to CNY 200,000 per unit"
    assert i18n.money(0.5, False, "zh") == "0.5 万元" and i18n.money(0.5, True, "en") == "up to CNY 5,000 per unit"
    assert i18n.datetime_text(dt.datetime(2020, 12, 4, 16, 30), True, "en") == "4 Dec 2020, 16:30"
    assert i18n.datetime_text(dt.datetime(2020, 12, 4, 16, 30), True, "zh") == "2020-12-04 16:30"
    assert i18n.months(24, "en") == "2 years" and i18n.months(12, "en") == "1 year"
    assert i18n.months(18, "en") == "18 months" and i18n.months(18, "zh") == "18 个月"


def test_a_title_without_english_shows_the_chinese_marked(site_model):
    topic = site_model.topics[0]
    original = topic.title
    topic.title = Text(original.zh)
    try:
        renderer = Renderer(site_model, "en")
        output = next(o for o in guide_pages.outputs(site_model, renderer) if o.path == f"{topic.url}index.md")
        markdown = output.data()
    finally:
        topic.title = original
    plain = markdown.replace("\\", "")
    assert f'# <span lang="zh-CN">{original.zh}</span>' in plain  # the Chinese, marked (issue 23)
    assert i18n.text("en", "missing.en") + "\n{: .atlas-no-en }" in plain


def test_make_check_reports_english_coverage_as_a_notice():
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert re.search(r"notice: English titles: (\d+) of (\d+)", result.stdout), result.stdout


def test_about_page_shows_the_coverage(built):
    for about in ("about/index.html", "en/about/index.html"):
        text = read_page(built, about.removesuffix("index.html")).text
        assert re.search(r"(\d+) of (\d+) titles|(\d+) 个标题中 (\d+) 个", text), about


def test_sitemap_covers_both_editions_with_their_pairs(built):
    xml = sitemap_text(built, ("zh", "en"), "https://example.org/atlas/")
    assert "<loc>https://example.org/atlas/tags/</loc>" in xml
    assert "<loc>https://example.org/atlas/en/tags/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/atlas/en/tags/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/atlas/tags/"/>' in xml
    assert "/data/guides/" not in xml and "/pagefind/" not in xml and "/en/en/" not in xml


def test_each_edition_is_its_own_mkdocs_project(tmp_path):
    zh = json.loads(config_text(tmp_path / "docs", "zh").split("\n", 1)[1])
    en = json.loads(config_text(tmp_path / "docs-en", "en").split("\n", 1)[1])
    assert zh["theme"]["language"] == "zh" and en["theme"]["language"] == "en"
    assert en["site_name"] == "Guide Atlas" and list(en["nav"][0]) == ["Home"]
    assert [a["link"] for a in en["extra"]["atlas"]["alternate"]] == ["../", "../en/"]
    assert en["extra"]["atlas"]["root"] == "../" and zh["extra"]["atlas"]["root"] == ""


def test_chinese_only_build_writes_no_english_edition(tmp_path):
    out = tmp_path / "docs"
    generate(CONTENT, out, langs=("zh",))
    assert (out / "index.md").is_file() and not docs_dir(out, "en").exists()
    config = json.loads(config_path(out).read_text(encoding="utf-8").split("\n", 1)[1])
    assert config["extra"]["atlas"]["alternate"] == []  # no language switch
