"""Issue 18, items 9–11, 13 and 14: what search shows and how a keyboard reaches it, in Chromium.

Expected pages come from the built site itself (the text Pagefind indexed, or the model), never
hard-coded.
"""

from __future__ import annotations

import re

from html_page import read_page

from .test_search import header_search, results, search_page, settle, wait_for_page_results

PAGE_RESULTS = "[data-atlas-search=page] [data-atlas-search-results]"


def article(built, href: str, base_url: str) -> str:
    return read_page(built, href[len(base_url):]).article


def test_nonsense_finds_nothing(page, base_url):
    """Item 9: `xyzzy不存在` used to list 52 pages holding 不存在 (or 不 and 存在)."""
    page.goto(base_url)
    assert header_search(page, "xyzzy不存在") == []
    assert search_page(page, base_url, "?q=xyzzy不存在") == []
    assert page.locator("[data-atlas-search-partial]").count() == 0


def test_a_word_finds_only_pages_holding_it(page, base_url, built):
    """Item 9: `区块链` used to list 48 pages, most holding only 链."""
    page.goto(base_url)
    shown = header_search(page, "区块链")
    assert shown and not any(r["partial"] for r in shown)
    assert all("区块链" in article(built, r["href"], base_url) for r in shown)
    found = search_page(page, base_url, "?q=区块链")
    assert {r["href"] for r in found} == {r["href"] for r in shown}
    holding = {p.parent.relative_to(built).as_posix() + "/" for p in built.rglob("index.html")
               if "区块链" in read_page(built, p.parent.relative_to(built).as_posix() + "/").article
               and "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert {r["href"][len(base_url):] for r in found} <= holding


def test_partial_matches_come_last_under_a_notice(page, base_url, built):
    """Item 9: pages holding only some of the query's words are shown after the exact ones, under a
    notice saying so, and each holds at least two of its words of two or more characters."""
    query = "成渝地区双城经济圈研究"
    words = ["成渝", "地区", "双城", "经济", "研究"]
    page.goto(base_url)
    shown = header_search(page, query)
    assert shown and all(r["partial"] for r in shown)
    notice = page.locator(".md-header [data-atlas-search-partial]")
    assert notice.count() == 1 and notice.is_visible()
    # The notice comes before the first partial result.
    order = page.eval_on_selector_all(".md-header [data-atlas-search-results] > li",
                                      "items => items.map(li => li.hasAttribute('data-atlas-search-partial'))")
    assert order[0] is True
    for r in shown:
        text = article(built, r["href"], base_url)
        assert query not in text and sum(w in text for w in words) >= 2, r["title"]
    meta = page.locator("[data-atlas-search-meta]").inner_text()
    assert "没有找到完全符合的结果" in meta or "还有更多待核对" in meta


def test_exact_matches_come_before_partial_ones(page, base_url, built):
    found = search_page(page, base_url, "?q=科技成果评价&scope=all")
    flags = [r["partial"] for r in found]
    assert False in flags and True in flags
    assert flags == sorted(flags)  # every exact one, then the partial ones
    for r in found:
        assert ("科技成果评价" in article(built, r["href"], base_url)) or r["partial"]


def test_filter_counts_are_for_the_query(page, base_url, site_model):
    """Item 10: the numbers beside the filters count the current query's results, not the site's."""
    found = search_page(page, base_url, "?q=天府&scope=all")
    counts = dict(page.eval_on_selector_all(
        "[data-atlas-filter=region] .atlas-filter",
        "spans => spans.map(s => [s.dataset.value, Number(s.querySelector('.atlas-filter__count').textContent)])"))
    by_region: dict[str, int] = {}
    for r in found:
        region = dict(r["facts"]).get("地区")
        if region:
            by_region[region] = by_region.get(region, 0) + 1
    assert by_region and {k: v for k, v in counts.items() if v} == by_region
    # Without a query, the site's own numbers come back.
    page.fill("#atlas-search-q", "")
    page.locator("#atlas-search-q").dispatch_event("input")
    wait_for_page_results(page)
    totals = {r.zh: sum(1 for t in site_model.topics if t.guide.region == r) for r in site_model.regions}
    after = dict(page.eval_on_selector_all(
        "[data-atlas-filter=region] .atlas-filter",
        "spans => spans.map(s => [s.dataset.value, Number(s.querySelector('.atlas-filter__count').textContent)])"))
    assert after == {k: v for k, v in totals.items() if v}


def test_results_come_first_on_a_desktop(page, base_url):
    """Item 10: the filter panel starts closed, so the first result is above the fold at 1280 × 900."""
    search_page(page, base_url, "?q=科技金融")
    assert page.evaluate("document.querySelector('[data-atlas-search-filters]').open") is False
    top = page.evaluate(f"document.querySelector('{PAGE_RESULTS} > li').getBoundingClientRect().top")
    assert top < 900
    search_page(page, base_url, "?q=科技金融&region=上海")  # a shared address with filters opens them
    assert page.evaluate("document.querySelector('[data-atlas-search-filters]').open") is True


def test_listings_and_labels_are_not_in_results(page, base_url):
    """Item 11: the tags index, tag pages and the explorer held every topic title and their labels
    and counts; they are not indexed (a tag's own page only for its names and description, which a
    reader searching a subject should find), so results and excerpts are the topics' own text."""
    page.goto(base_url)
    for query in ("没有符合条件的题目", "人才", "科技金融"):
        for r in header_search(page, query):
            path = r["href"][len(base_url):]
            assert not re.match(r"tags/$|tags/[^/]+/[^/]+/|(explorer|years|regions)/|$", path), (query, path)
            if path.startswith("tags/"):
                assert not re.search(r"\d+\. \d+\.", r["excerpt"]), (query, r["excerpt"])


def test_tabbing_out_of_the_header_box_closes_it(page, base_url):
    """Item 13: focus reaching the box opens it; tabbing past it closes it again, so focus never
    moves on behind the dimmed page."""
    page.goto(base_url + "about/")
    page.locator(".md-header .md-search__input").focus()
    page.wait_for_function("document.getElementById('__search').checked")
    inside = "document.querySelector('[data-atlas-search=header]').contains(document.activeElement)"
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(inside):
            break
    assert not page.evaluate(inside)
    page.wait_for_function("!document.getElementById('__search').checked")
    # Backwards too.
    page.locator(".md-header .md-search__input").focus()
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.press("Shift+Tab")
    page.wait_for_function("!document.getElementById('__search').checked")


def test_a_skip_link_leads_past_the_filters_to_the_results(page, base_url):
    """Item 14: about 45 checkboxes stood between the search box and the first result."""
    search_page(page, base_url, "?q=科技金融")
    page.locator("#atlas-search-q").focus()
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "跳到搜索结果"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "atlas-search-results"
    page.keyboard.press("Tab")
    first = results(page, PAGE_RESULTS)[0]["href"]
    assert page.evaluate("document.activeElement.href") == first
    settle(page)


def test_excerpts_hold_no_facts_labels(page, base_url, site_model):
    """Item 11: a topic's facts table labels (编号, 地区, 年度 …) are not indexed, so excerpts are
    the topic's text ("编号. 8. 地区. 湖北. 年度. 2023" before)."""
    page.goto(base_url)
    topic = next(t for t in site_model.topics if t.content and t.guide.year == max(g.year for g in site_model.guides))
    content = page.evaluate("""async ([url, region]) => {
        const bundle = new URL('search/zh-current/pagefind/', document.baseURI);
        const pf = await import(new URL('pagefind.js', bundle).href);
        await pf.options({basePath: bundle.pathname, baseUrl: new URL('.', document.baseURI).pathname});
        const found = await pf.search(null, {filters: {region}});
        for (const r of found.results) { const d = await r.data(); if (d.url.endsWith(url)) return d.content; }
        return null;
    }""", [topic.url, topic.guide.region.zh])
    assert content is not None
    assert not re.search(r"编号\W*" + re.escape(topic.number), content), content[:120]
    assert "项目" not in content[:10] and str(topic.guide.year) in content  # values stay searchable
