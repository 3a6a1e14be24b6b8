"""Issue 22: search bounded by the question, not by the archive, in Chromium.

By default the header box and the search page load the current bundles and the archive's guide
titles only (search/bundles.json); "include 2020–2021" (a checkbox, kept in the address as
scope=all), or a filter on an older year or a region, loads the archive bundles that can hold the
results. Expected pages come from the model and the built manifest, never hard-coded.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from .test_search import current_years, header_search, results, screen_shot, search_page, wait_for_page_results

PAGE_RESULTS = "[data-atlas-search=page] [data-atlas-search-results]"
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


def bundles_fetched(page) -> set[str]:
    """The ids of the bundles whose files the page (or its Web Worker) requested so far."""
    return {url.split("/search/")[1].split("/")[0] for url in page.requested if "/pagefind/" in url}


@pytest.fixture
def tracked(page):
    page.requested = []
    page.context.on("request", lambda request: page.requested.append(request.url))
    return page


def open_search(page, url: str) -> list[dict]:
    page.goto(url)
    wait_for_page_results(page)
    return results(page, PAGE_RESULTS)


def load_all(page) -> list[dict]:
    """Press "more results" until every result is shown; return them."""
    items = f"{PAGE_RESULTS} > li.md-search-result__item"
    while page.locator("[data-atlas-search-more]").is_visible():
        n = page.locator(items).count()
        page.click("[data-atlas-search-more]")
        page.wait_for_function(f"document.querySelectorAll('{items}').length > {n}")
    return results(page, PAGE_RESULTS)


def manifest(built, edition=""):
    return json.loads((built / edition / "search" / "bundles.json").read_text())


@pytest.mark.parametrize("edition", ["", "en/"])
@pytest.mark.parametrize("size", SIZES)
def test_default_search_loads_the_current_bundles_and_widening_loads_the_archive(tracked, base_url, built, site_model,
                                                                                 edition, size):
    page = tracked
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size])))
    lang = "en" if edition else "zh"
    m = manifest(built, edition)
    archive = {b["id"] for b in m["bundles"] if b["scope"] == "archive"}
    years = sorted(y for b in m["bundles"] if b["scope"] == "archive" for y in b["years"])
    assert archive and years
    query = "technology" if edition else "科技"
    shown = open_search(page, f"{base_url}{edition}search/?q={query}")
    assert bundles_fetched(page) == {f"{lang}-current", f"{lang}-titles"}
    assert shown
    older = {base_url + edition + t.url for t in site_model.topics if t.guide.year not in current_years(built, edition)}
    assert not older & {r["href"] for r in shown}

    # The control: a labelled checkbox naming the archive's years, reached and ticked by keyboard.
    box = page.locator("#atlas-search-wide")
    label = page.locator('label[for="atlas-search-wide"]').inner_text()
    assert f"{years[0]}–{years[-1]}" in label
    assert box.is_visible() and not box.is_checked()
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_function("location.search.includes('scope=all')")
    wait_for_page_results(page)
    assert parse_qs(urlparse(page.url).query) == {"q": [query], "scope": ["all"]}
    assert bundles_fetched(page) == {f"{lang}-current", f"{lang}-titles"} | archive
    wide = {r["href"] for r in load_all(page)}
    assert older & wide  # the older years' topics are found now
    screen_shot(page, f"search-scope-{lang}-{size}")

    # The address is the search: opened again, the box is ticked and the archive searched.
    shared = page.url
    page.goto(base_url + edition)
    page.goto(shared)
    wait_for_page_results(page)
    assert page.locator("#atlas-search-wide").is_checked()
    assert older & {r["href"] for r in load_all(page)}


def test_a_filter_on_an_older_year_or_a_region_loads_only_the_bundles_holding_it(tracked, base_url, built, site_model):
    page = tracked
    m = manifest(built)
    archive = [b for b in m["bundles"] if b["scope"] == "archive"]
    year = archive[-1]["years"][0]
    shown = search_page(page, base_url, f"?year={year}")
    assert bundles_fetched(page) - {"zh-titles"} == {"zh-current", f"zh-{year}"}  # titles: the filters' options
    topics = [t for t in site_model.topics if t.guide.year == year]
    assert shown and all(dict(r["facts"])["年度"] == str(year) for r in shown)
    assert f"{len(topics)} 个" in page.inner_text("[data-atlas-search-status]")
    # A region: the archive bundles holding it, and no other.
    slug = archive[0]["regions"][0]
    region = next(r for r in site_model.regions if r.slug == slug)
    page.requested.clear()
    page.goto("about:blank")
    shown = search_page(page, base_url, f"?q=研究&region={region.zh}")
    holding = {b["id"] for b in archive if slug in b["regions"]}
    assert bundles_fetched(page) - {"zh-current", "zh-titles"} == holding
    assert shown and all(dict(r["facts"])["地区"] == region.zh for r in shown)


def test_an_older_guide_is_found_by_its_title_by_default(tracked, base_url, built, site_model):
    """The titles bundle: every year's guides are found by their titles without the archive."""
    page = tracked
    years = current_years(built)
    guide = next(g for g in site_model.guides if g.year not in years)
    page.goto(base_url)
    shown = header_search(page, guide.title.zh)
    assert shown and shown[0]["href"] == base_url + guide.url
    assert shown[0]["title"] == guide.title.zh
    assert bundles_fetched(page) == {"zh-current", "zh-titles"}
