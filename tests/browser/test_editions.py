"""The two editions in Chromium: the language switch keeps the page, nothing asks for a sitemap
beside a feed, axe finds nothing serious on English pages, and English search finds English pages.
"""

from __future__ import annotations

import pytest

from .axe import serious_violations
from .conftest import h1
from .test_search import results, settle, wait_for_page_results


def switch_to(page, hreflang: str) -> None:
    """Open the header's language menu and choose an edition, as a reader does."""
    page.locator(".md-header .md-select button").hover()
    page.locator(f'.md-header a.md-select__link[hreflang="{hreflang}"]').click()


@pytest.mark.parametrize("url", ["{topic}", "tags/ke-ji-jin-rong/", "explorer/"])
def test_language_switch_lands_on_the_same_page_and_back(page, base_url, site_model, url):
    topic = site_model.topics_by_tag["ke-ji-jin-rong"][0]
    url = url.format(topic=topic.url)
    page.goto(base_url + url)
    zh_title = h1(page)
    switch_to(page, "en")
    page.wait_for_url(base_url + "en/" + url)
    assert page.evaluate("document.documentElement.lang") == "en"
    if url == topic.url:
        assert h1(page) == topic.title.en
    elif url.startswith("tags/"):
        assert h1(page) == "Science and technology finance"
    else:
        assert h1(page) == "Topic explorer"
        assert page.locator("table.atlas-explorer thead th").first.inner_text() == "Topic"
    switch_to(page, "zh-CN")
    page.wait_for_url(base_url + url)
    assert page.evaluate("document.documentElement.lang") == "zh" and h1(page) == zh_title


def test_no_page_asks_for_a_sitemap_or_gets_a_404(page, base_url, site_model):
    """Issue 18 #8: Material took the Atom feed links for language editions and fetched
    feeds/sitemap.xml (and per region and tag) on every page."""
    asked, failed = [], []
    page.on("request", lambda r: asked.append(r.url) if r.url.endswith("sitemap.xml") else None)
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    guide = next(g for g in site_model.guides if g.topics)
    for url in ("", guide.url, guide.region.url, "tags/ke-ji-jin-rong/", "en/", "en/" + guide.url,
                "en/tags/ke-ji-jin-rong/"):
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    assert not asked and not failed, (asked, failed)


def test_english_pages_have_no_serious_accessibility_violation(page, base_url, axe_js, site_model):
    guide = next(g for g in site_model.guides if g.topics)
    track = guide.tracks[0]
    urls = ["", "regions/", "tags/", "explorer/", "plans/", "data/", "about/", "years/",
            guide.region.url, guide.url, track.url, track.topics[0].url, "tags/ke-ji-jin-rong/"]
    problems = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for url in urls if scheme == "light" else urls[:4]:
            page.goto(base_url + "en/" + url)
            settle(page)
            found = serious_violations(page, axe_js)
            if found:
                problems[f"en/{url} ({scheme})"] = found
    assert not problems, problems


def english_search(page, base_url, query: str) -> list[dict]:
    page.goto(base_url + "en/search/?q=" + query)
    wait_for_page_results(page)
    return results(page, "[data-atlas-search=page] [data-atlas-search-results]")


@pytest.mark.parametrize("query, tag", [("science and technology finance", "ke-ji-jin-rong"),
                                        ("artificial intelligence", "ren-gong-zhi-neng")])
def test_english_search_finds_the_tag_and_its_topics(page, base_url, site_model, query, tag):
    shown = [r["href"] for r in english_search(page, base_url, query + "&scope=all")]
    assert base_url + f"en/tags/{tag}/" in shown, shown
    topics = [base_url + "en/" + t.url for t in site_model.topics_by_tag[tag]]
    found = [t for t in topics if t in shown]
    assert len(found) >= min(3, len(topics)), (found, shown)
    assert all(href.startswith(base_url + "en/") for href in shown)  # its own edition's pages only


def test_a_chinese_query_on_the_english_edition_finds_chinese_text(page, base_url, site_model):
    term = "浦江创新论坛"
    topic = next(t for t in site_model.topics if term in t.title.zh)
    shown = [r["href"] for r in english_search(page, base_url, term + "&scope=all")]
    assert base_url + "en/" + topic.url in shown, shown


def test_english_explorer_filters_and_downloads_english_csv(page, base_url, site_model):
    import csv
    import io

    page.goto(base_url + "en/explorer/?tag=ke-ji-jin-rong")
    expected = {t.title.en: t for t in site_model.topics_by_tag["ke-ji-jin-rong"]}
    page.wait_for_function("document.querySelector('.atlas-explorer-count').textContent.startsWith('Showing')")
    with page.expect_download() as info:
        page.click(".atlas-explorer-filters .atlas-explorer-csv")
    rows = list(csv.reader(io.StringIO(open(info.value.path(), "rb").read().decode("utf-8-sig"))))
    assert rows[0][0] == "Topic" and {"Region", "Year", "Guide", "Track"} <= set(rows[0]) and rows[0][-1] == "Link"
    col = {name: i for i, name in enumerate(rows[0])}
    assert sorted(r[col["Topic"]] for r in rows[1:]) == sorted(expected)
    for row in rows[1:]:
        topic = expected[row[col["Topic"]]]
        assert row[col["Region"]] == topic.guide.region.en and row[-1] == base_url + "en/" + topic.url
