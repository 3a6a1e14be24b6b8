"""axe-core finds no serious or critical accessibility violation on the pages a reader meets.

The pages: every page in the site's navigation as built (home, regions, tags, search, about, and
the explorer once it is in the nav), a region, a guide, a track, a topic, a tag page and a plan
chapter, and search with results; on a desktop and a phone (390 px), in the light and the dark
scheme (issue 18, item 15: the phone's header button, dark tag chips and scrollable tables were
found only there).
"""

from __future__ import annotations

import pytest

from .axe import serious_violations
from .test_search import header_search, settle, wait_for_page_results


def check(page, axe_js, problems: dict, label: str) -> None:
    settle(page)  # contrast is measured on the final colours, not mid-fade
    found = serious_violations(page, axe_js)
    if found:
        problems[label] = found


VIEWS = {"desktop-light": (1280, "light"), "desktop-dark": (1280, "dark"),
         "phone-light": (390, "light"), "phone-dark": (390, "dark")}


@pytest.fixture(params=list(VIEWS))
def view(request, page):
    """The page at one width and colour scheme."""
    width, scheme = VIEWS[request.param]
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    page.emulate_media(color_scheme=scheme)
    return request.param


def test_every_page_in_the_navigation(page, base_url, axe_js, view):
    page.goto(base_url)
    nav = page.eval_on_selector_all(".md-tabs__link", "links => links.map(a => a.href)")  # in the page on phones too
    assert len(nav) >= 4 and any(url.endswith("/search/") for url in nav)
    problems: dict = {}
    for url in nav:
        page.goto(url)
        check(page, axe_js, problems, url)
    assert not problems, problems


def test_region_guide_track_topic_tag_and_plan_pages(page, base_url, axe_js, site_model, view):
    guide = next(g for g in site_model.guides if g.topics)
    track = guide.tracks[0]
    topic = track.topics[0]
    tag = next(t for t in site_model.tags if site_model.topics_by_tag[t.slug])
    plan = next(g.plan for g in site_model.guides if g.plan)
    chapter = plan.chapters[min(3, len(plan.chapters) - 1)]  # chapter 4: 50 tag chips
    problems: dict = {}
    for url in (guide.region.url, guide.url, track.url, topic.url, tag.url, chapter.url):
        page.goto(base_url + url)
        check(page, axe_js, problems, url)
    assert not problems, problems


def test_search_with_results_in_light_and_dark(page, base_url, axe_js):
    problems: dict = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(base_url + "search/?q=科技金融&region=上海")
        wait_for_page_results(page)
        assert page.locator("[data-atlas-search=page] [data-atlas-search-results] li").count() > 0
        check(page, axe_js, problems, f"search page ({scheme})")
        page.goto(base_url + "tags/")
        assert header_search(page, "集成电路")
        check(page, axe_js, problems, f"header box with results ({scheme})")
    assert not problems, problems
