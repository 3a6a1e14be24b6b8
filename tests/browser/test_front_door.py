"""The front door in a real browser (issue 16), on the site with the fixture programme's three editions
(tests/fixtures/editions, built as of 2027-02-20): status that follows the reader's clock on the home
page, a topic and the deadlines page; the explorer's closing date, status, funding and title filters;
the comparison page; print; the citation; axe at desktop, at phone width and in the dark scheme.

The 2026 edition's window is 2027-03-01 09:00 to 2027-03-31 17:00, Beijing time.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .axe import serious_violations
from .conftest import shot
from .test_search import settle

BEIJING = dt.timezone(dt.timedelta(hours=8))
BEFORE = dt.datetime(2027, 2, 25, 12, 0, tzinfo=BEIJING)
INSIDE = dt.datetime(2027, 3, 25, 12, 0, tzinfo=BEIJING)  # six days left: closing soon
AFTER_HOURS = dt.datetime(2027, 3, 31, 17, 30, tzinfo=BEIJING)  # the closing day, after 17:00
AFTER = dt.datetime(2027, 4, 5, 12, 0, tzinfo=BEIJING)
GUIDE_2026 = "guides/chengdu/2026-shifan/"


def at(page, when, url):
    page.clock.install(time=when)
    page.goto(url)


def home_lists(page) -> dict:
    """The home page's window lists as shown: list name -> guide links (hidden lists and items left out)."""
    return page.evaluate("""() => {
        const out = {};
        document.querySelectorAll('[data-atlas-windows] [data-block]').forEach(block => {
            if (block.hidden) return;
            out[block.dataset.block] = [...block.querySelectorAll('li')].filter(li => !li.hidden)
                .map(li => li.querySelector('a').getAttribute('href'));
        });
        return out;
    }""")


def none_open_shown(page) -> bool:
    return page.locator(".atlas-home-none").is_visible()


def topic_2026(model):
    guide = next(g for g in model.guides if g.key == "chengdu/2026-shifan")
    return guide.topics[0]


@pytest.mark.parametrize("when,lists,none_open", [
    (BEFORE, {"upcoming": [GUIDE_2026]}, True),
    (INSIDE, {"closing": [GUIDE_2026]}, False),
    (AFTER, {"recent": [GUIDE_2026, "guides/chengdu/2025-shifan/", "guides/chengdu/2024-shifan/"]}, True),
])
def test_home_lists_follow_the_clock(editions_page, editions_url, when, lists, none_open):
    page = editions_page
    at(page, when, editions_url)
    shown = home_lists(page)
    for name, first in lists.items():
        assert shown[name][: len(first)] == first, shown
    if when is INSIDE:
        assert "recent" not in shown and "upcoming" not in shown
        item = page.locator('[data-list="closing"] li').first
        assert "还剩 6 天" in item.inner_text() and "申报中" in item.inner_text()
    assert none_open_shown(page) == none_open
    assert "按当前北京时间" in page.locator("#atlas-now").inner_text()


def test_home_page_without_script_shows_the_build_date_status(browser, editions_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(editions_url)
        assert "截至 2027-02-20" in page.locator("#atlas-now").inner_text()
        assert page.locator('[data-list="upcoming"] li').first.is_visible()
        assert "尚未开始" in page.locator('[data-list="upcoming"] li').first.inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("when,status,word,days", [
    (BEFORE, "forecasted", "尚未开始", "4 天后开始"),
    (INSIDE, "open", "申报中", "还剩 6 天"),
    (AFTER_HOURS, "closed", "已截止", "0 天前"),
    (AFTER, "closed", "已截止", "5 天前"),
])
def test_topic_badge_follows_the_clock(editions_page, editions_url, editions_model, when, status, word, days):
    page = editions_page
    at(page, when, editions_url + topic_2026(editions_model).url)
    badge = page.locator(".atlas-badge-line .atlas-status")
    assert badge.get_attribute("data-status") == status
    assert badge.inner_text() == word
    assert page.locator(".atlas-badge-line .atlas-days").inner_text() == days
    # The badge sits by the title, before the facts.
    assert page.locator("article h1 + p + p.atlas-badge-line, article h1 + p.atlas-badge-line").count() == 1


def test_topic_answers_for_itself(editions_page, editions_url, editions_model):
    page = editions_page
    topic = topic_2026(editions_model)
    at(page, INSIDE, editions_url + topic.url)
    block = page.locator("section.atlas-apply")
    text = block.inner_text()
    assert "2027-03-01 09:00 至 2027-03-31 17:00" in text
    assert "不超过 15 万元" in text and "1 年" in text  # the track's funding and duration
    assert "市科技局政策法规处" in text and "指南所载" in text  # the guide's contacts
    links = {a.inner_text(): a.get_attribute("href") for a in block.locator("a").all()}
    assert links["申报要求"] == "../../#shenbao-yaoqiu"  # the guide page, two levels up
    assert links["官方通知原文"] == "https://example.org/notice/2026"


def test_deadlines_page_lists_and_dims(editions_page, editions_url):
    page = editions_page
    at(page, BEFORE, editions_url + "deadlines/")
    coming = page.locator("#coming ~ div table.atlas-deadlines").first
    assert "2026年示范软科学项目指南" in coming.inner_text()
    rows = page.locator("table.atlas-deadlines tbody tr")
    links = [r.locator("a").first.get_attribute("href") for r in rows.all()]
    assert links[0].endswith("2026-shifan/") and links[1].endswith("2025-shifan/")
    assert "atlas-past" not in (rows.first.get_attribute("class") or "")
    assert "atlas-past" in rows.nth(1).get_attribute("class")
    assert rows.first.locator(".atlas-days").inner_text() == "4 天后开始"
    page.clock.set_fixed_time(AFTER)
    page.reload()
    assert "atlas-past" in page.locator("table.atlas-deadlines tbody tr").first.get_attribute("class")
    assert page.locator('a[href$="calendars/guides.ics"]').count() == 1


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        "table.atlas-explorer tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('.atlas-col-title').innerText.trim())")


def test_explorer_sorts_by_closing_date_and_filters_by_status_and_funding(editions_page, editions_url,
                                                                          editions_model):
    page = editions_page
    at(page, INSIDE, editions_url + "explorer/?region=chengdu")
    page.click("th[data-key=closes] button")
    closes = page.eval_on_selector_all(
        "table.atlas-explorer tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.querySelector('.atlas-col-closes').dataset.sort)")
    stated = [c for c in closes if c]
    assert stated == sorted(stated) and closes[len(stated):] == [""] * (len(closes) - len(stated))
    page.select_option(".atlas-explorer-filters select[name=status]", "open")
    guide = next(g for g in editions_model.guides if g.key == "chengdu/2026-shifan")
    assert sorted(visible_titles(page)) == sorted(t.title.zh for t in guide.topics)
    page.select_option(".atlas-explorer-filters select[name=status]", "closed")
    assert len(visible_titles(page)) == 6  # the 2024 and 2025 editions
    # Chengdu's calls without a window are all of years over by 2027: past calls (issue 23).
    page.select_option(".atlas-explorer-filters select[name=status]", "past")
    assert len(visible_titles(page)) == sum(len(g.topics) for g in editions_model.guides
                                            if g.region.slug == "chengdu" and not g.window and g.kind == "call")
    page.select_option(".atlas-explorer-filters select[name=status]", "custom")
    assert visible_titles(page) == []
    page.select_option(".atlas-explorer-filters select[name=status]", "")
    page.select_option(".atlas-explorer-filters select[name=funding]", "10-20")  # over 10, up to 20 (issue 23)
    shown = page.eval_on_selector_all("table.atlas-explorer tbody tr", "rows => rows.filter(r => !r.hidden)"
                                      ".map(r => r.querySelector('.atlas-col-title a').getAttribute('href'))")
    amounts = {t.funding.amount for t in editions_model.topics if any(h.endswith(t.url) for h in shown)}
    assert amounts and all(10 < a <= 20 for a in amounts) and {15, 20} <= amounts, amounts
    assert "funding=10-20" in page.url and "sort=closes" in page.url


@pytest.mark.parametrize("words,expected", [
    ("finance", {"科技金融服务体系建设研究", "科技金融服务体系优化研究"}),
    ("科技 金融", {"科技金融服务体系建设研究", "科技金融服务体系优化研究"}),
    ("Technology FINANCE system", {"科技金融服务体系建设研究", "科技金融服务体系优化研究"}),
    ("金融 低空", set()),
])
def test_explorer_title_filter_matches_every_word_in_either_language(editions_page, editions_url, words, expected):
    page = editions_page
    page.goto(editions_url + "explorer/chengdu/")
    page.fill(".atlas-explorer-filters input[name=q]", words)
    page.keyboard.press("End")
    assert set(visible_titles(page)) == expected


def test_explorer_on_a_phone_in_the_dark_shows_the_title_and_says_it_scrolls(editions_page, editions_url):
    page = editions_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme="dark")
    page.goto(editions_url + "explorer/")
    first = page.locator("table.atlas-explorer tbody tr").first
    title = first.locator(".atlas-col-title").bounding_box()
    assert title["x"] >= 0 and title["x"] + title["width"] <= 390
    cell = first.locator("td:nth-child(7)")  # the guide
    guide = cell.bounding_box()
    line = float(cell.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert guide["height"] <= 3.5 * line  # the guide's name no longer runs over five lines
    scroller = page.locator(".atlas-explorer-scroll")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
    # It says it scrolls (atlas-tables.js marks the box and shows the hint) and takes keyboard focus.
    page.wait_for_function("document.querySelector('.atlas-explorer-scroll').classList.contains('atlas-scrolls')")
    assert scroller.get_attribute("data-atlas-hint") and scroller.get_attribute("tabindex") == "0"
    shot(page, "explorer-phone-dark")
    page.set_viewport_size({"width": 3000, "height": 900})
    page.wait_for_function("!document.querySelector('.atlas-explorer-scroll').classList.contains('atlas-scrolls')")


def test_comparison_page_shows_new_dropped_and_continued(editions_page, editions_url):
    page = editions_page
    page.goto(editions_url + "programmes/chengdu/shifan/")
    page.click("text=2024年示范软科学项目指南 → 2025年示范软科学项目指南")
    assert page.url.endswith("programmes/chengdu/shifan/2024-shifan-2025-shifan/")

    def items(selector):
        return [t.split(" ", 1)[1] for t in page.locator(selector).all_inner_texts()]

    assert items(".atlas-compare-added li") == ["低空经济发展对策研究"]
    assert items(".atlas-compare-dropped li") == ["农村科技特派员制度实施评估"]
    rows = page.locator("table.atlas-compare-continued tbody tr")
    assert rows.count() == 2
    first = rows.first.locator("td")
    assert "科技金融服务体系优化研究" in first.nth(0).inner_text()
    assert "科技金融服务体系建设研究" in first.nth(1).inner_text()
    assert 50 < int(first.nth(2).inner_text().rstrip("%")) < 100
    assert rows.nth(1).locator("td").nth(2).inner_text() == "100%"
    funding = page.locator("table.atlas-compare-facts tr", has_text="经费")
    assert funding.locator("td").all_inner_texts() == ["10", "15", "有变化"]
    shot(page, "comparison")


def test_print_shows_the_article_with_its_address_and_source(editions_page, editions_url, editions_model):
    page = editions_page
    topic = topic_2026(editions_model)
    page.goto(editions_url + topic.url)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                     ".md-search", ".atlas-breadcrumbs", ".atlas-pager", ".md-footer"):
        for el in page.locator(selector).all():
            assert not el.is_visible(), selector
    printed = page.locator(".atlas-print-only")
    assert printed.is_visible()
    text = printed.inner_text()
    assert editions_url + topic.url in text
    assert "成都市科学技术局" in text and "https://example.org/notice/2026" in text
    assert page.locator("article h1").is_visible() and page.locator("section.atlas-apply").is_visible()
    page.emulate_media(media="screen")
    assert not printed.is_visible()


def test_citation_copies_with_one_click(browser, editions_url, editions_model):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        topic = topic_2026(editions_model)
        page.clock.install(time=INSIDE)
        page.goto(editions_url + topic.url)
        page.click(".atlas-cite-copy")
        page.wait_for_function("document.querySelector('.atlas-cite-done').textContent !== ''")
        copied = page.evaluate("navigator.clipboard.readText()")
        for part in ("成都市科学技术局", "2026年成都市示范软科学项目申报指南", "成科字〔2026〕1号", "2026",
                     "题目 1", "科技金融服务体系优化研究", editions_url + topic.url, "访问日期：2027-03-25"):
            assert part in copied, part
    finally:
        context.close()


@pytest.mark.parametrize("width,scheme", [(1280, "light"), (390, "dark")])
def test_new_pages_have_no_serious_accessibility_violation(editions_page, editions_url, editions_model, axe_js,
                                                           width, scheme):
    page = editions_page
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.clock.install(time=INSIDE)
    problems = {}
    for url in ("", "deadlines/", "programmes/", "programmes/chengdu/shifan/",
                "programmes/chengdu/shifan/2024-shifan-2025-shifan/", GUIDE_2026, topic_2026(editions_model).url,
                "explorer/chengdu/"):
        page.goto(editions_url + url)
        settle(page)
        found = serious_violations(page, axe_js)
        if found:
            problems[url or "home"] = found
    assert not problems, problems


def test_search_page_filters_by_status_in_the_readers_time(editions_page, editions_url):
    page = editions_page
    page.clock.install(time=INSIDE)
    page.goto(editions_url + "search/?q=低空经济发展对策研究")
    page.wait_for_function("document.querySelectorAll('[data-atlas-search-results] li').length >= 2")

    def shown():
        return page.eval_on_selector_all(
            "[data-atlas-search-results] li.md-search-result__item",
            "items => items.filter(li => !li.hidden).map(li => li.querySelector('a').href)")

    assert any("2025-shifan" in u for u in shown()) and any("2026-shifan" in u for u in shown())
    page.select_option("select[name=status]", "open")
    assert shown() and all("2026-shifan" in u for u in shown())
    assert "status=open" in page.url
    page.select_option("select[name=status]", "closed")
    assert shown() and not any("2026-shifan" in u for u in shown())
    page.reload()
    page.wait_for_function("document.querySelectorAll('[data-atlas-search-results] li').length >= 2")
    assert page.locator("select[name=status]").input_value() == "closed"
    assert shown() and not any("2026-shifan" in u for u in shown())
