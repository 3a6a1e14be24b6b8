"""Issue 18, items 1, 3 and 4: what a reader met on a phone (390 px) and in the dark scheme,
in Chromium, served as a static host serves the site. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, shot

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pager_links_keep_their_width_on_a_phone(page, base_url, site_model, scheme):
    """Item 1: `.atlas-position` (nowrap) took the width and squeezed the previous/next links into
    columns a character wide, up to 1,100 px tall, on 24 of the 96 pages with a pager."""
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    urls = [t.url for t in site_model.topics if len(t.track.topics) > 1]
    urls += [c.url for g in site_model.guides if g.plan for c in g.plan.chapters]
    squeezed = {}
    for url in urls:
        page.goto(base_url + url)
        boxes = page.eval_on_selector_all(
            ".atlas-pager > a", "links => links.map(a => { const r = a.getBoundingClientRect(); return [r.width, r.height]; })")
        assert boxes, url
        if any(w < 120 or h > 200 for w, h in boxes):
            squeezed[url] = boxes
    assert not squeezed, squeezed
    page.goto(base_url + urls[0])
    page.locator(".atlas-pager").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"pager-phone-{scheme}.png"))


def test_source_text_reads_right_from_a_server_without_charset(page, base_url, site_model):
    """Item 3: the test server, like python3 -m http.server, sends .txt as text/plain without a
    charset; the text must still read as Chinese, not mojibake."""
    guide = next(g for g in site_model.guides if g.kind == "call")
    response = page.goto(base_url + guide.source_file)
    assert "charset" not in response.headers.get("content-type", "")
    first = next(line for line in (site_model.content_dir / guide.source_file).read_text(encoding="utf-8").splitlines()
                 if line.strip())
    assert first.strip() in page.inner_text("body")
    # The page of the same text, with numbered lines, linked from the guide.
    page.goto(base_url + guide.url)
    page.locator(f'a[href$="{guide.source_file.removesuffix(".txt")}/"]').first.click()
    page.wait_for_selector("ol.atlas-source li#L1")
    assert page.locator("ol.atlas-source li").count() > 10


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_wide_tables_say_they_scroll(page, base_url, scheme):
    """Item 4: tables hid columns without a sign that they scroll (tags/ at 1280 px hid 合计 and
    规划条目; the home table at 390 px hid 题目). A wide table says so, can take keyboard focus,
    and loses its faded edge once scrolled to the end."""
    page.emulate_media(color_scheme=scheme)
    for url, size in (("tags/", {"width": 1280, "height": 900}), ("", PHONE), ("data/", PHONE)):
        page.set_viewport_size(size)
        page.goto(base_url + url)
        page.wait_for_selector(".atlas-scrolls")
        boxes = page.eval_on_selector_all(".md-typeset__scrollwrap, .atlas-explorer-scroll", """boxes => boxes
            .filter(b => b.scrollWidth > b.clientWidth + 1)
            .map(b => [b.classList.contains('atlas-scrolls'), b.tabIndex, getComputedStyle(b, '::before').content])""")
        assert boxes, url
        for marked, tabindex, hint in boxes:
            assert marked and tabindex == 0 and "滚动" in hint, (url, marked, tabindex, hint)
        box = page.locator(".atlas-scrolls").first
        box.focus()
        page.keyboard.press("End")
        box.evaluate("b => b.scrollLeft = b.scrollWidth")
        page.wait_for_function("document.querySelector('.atlas-scrolls').classList.contains('atlas-scrolls--end')")
        shot(page, f"wide-table-{(url or 'home').strip('/')}-{size['width']}-{scheme}")
