"""The look in a real browser: light and dark schemes, desktop and phone widths, Chinese fonts.

Screenshots land in tests/artifacts/ (CI keeps them): each page at desktop and phone width,
and search in both schemes.
"""

from __future__ import annotations

import pytest

from .conftest import shot
from .test_search import header_search, screen_shot, wait_for_page_results

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def background(page, selector: str = "body") -> str:
    return page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).backgroundColor")


def test_palette_toggle_switches_dark_mode_and_search_follows(page, base_url, site_model):
    topic = site_model.topics[0]
    page.goto(base_url + topic.url)
    assert scheme(page) == "default"
    light = background(page)
    page.locator('label[title="切换到深色模式"]').click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert background(page) != light
    dark = background(page)
    # The header search box is drawn in the scheme's colours.
    header_search(page, "技术转移")
    assert background(page, ".md-header .md-search__scrollwrap") == dark
    screen_shot(page, "search-header-dark-desktop")
    # The choice is kept across pages, as Material keeps it.
    page.keyboard.press("Escape")
    page.goto(base_url + "search/?q=技术转移")
    wait_for_page_results(page)
    assert scheme(page) == "slate"
    shot(page, "search-page-dark-desktop")
    page.locator('label[title="切换到浅色模式"]').click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert background(page) == light


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_screen_and_are_captured(page, base_url, site_model, width):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width])))
    guide = next(g for g in site_model.guides if g.topics)
    tag = next(t for t in site_model.tags if site_model.topics_by_tag[t.slug])
    pages = {"home": "", "guide": guide.url, "topic": guide.topics[0].url, "tag": tag.url,
             "search": "search/?q=成果转化&year=2023"}
    for name, url in pages.items():
        page.goto(base_url + url)
        if name == "search":
            wait_for_page_results(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} at {width} width scrolls sideways by {overflow}px"
        shot(page, f"{name}-{width}")


def test_chinese_is_drawn_with_a_cjk_system_font(page, base_url, site_model):
    """The font stack reaches a Chinese font installed on the system (Noto Sans CJK on Linux)."""
    page.goto(base_url + site_model.topics[0].url)
    stack = page.evaluate("getComputedStyle(document.body).fontFamily")
    # One family per platform: Windows, macOS/iOS, Linux/Android; then the generic fallback.
    for family in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "sans-serif"):
        assert family in stack
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    h1 = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": h1})["fonts"]]
    assert any("CJK" in f or "Hei" in f or "Han" in f for f in fonts), fonts
