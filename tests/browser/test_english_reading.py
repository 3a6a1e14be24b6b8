"""Issue 23, "English all the way down", in Chromium at phone and desktop width, light and dark: the
topic's unofficial translation above the official Chinese, an English plan chapter page, justified
text for Chinese only, and a keyboard pass over an English topic page. Screenshots go to
tests/artifacts/.
"""

from __future__ import annotations

import pytest

from .axe import serious_violations
from .conftest import h1, shot
from .test_search import settle

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = [("phone", PHONE), ("desktop", DESKTOP)]


def translated_topic(model):
    """A topic whose research content the editors have translated, every paragraph of it."""
    def texts(blocks):
        for b in blocks:
            yield from (b.items if b.kind == "list" else [b.text])
    return next(t for t in model.topics if t.content and all(x.en for x in texts(t.content)))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size_name, size", SIZES)
def test_translation_is_labelled_above_the_official_chinese(page, base_url, site_model, axe_js, size_name, size, scheme):
    topic = translated_topic(site_model)
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "en/" + topic.url)
    settle(page)
    block = page.locator("h2#content ~ .atlas-bilingual").first
    label = block.locator(".atlas-translation > .atlas-text-label")
    official = block.locator(".atlas-official-text")
    assert label.is_visible() and label.inner_text() == "Unofficial translation by the editors"
    official_label = official.locator(".atlas-text-label")
    assert official_label.is_visible() and official_label.inner_text() == "Official text (Chinese)"
    assert official.get_attribute("lang") == "zh-CN" and official_label.get_attribute("lang") == "en"
    english_box = block.locator(".atlas-translation").bounding_box()
    official_box = official.bounding_box()
    assert english_box["y"] + english_box["height"] <= official_box["y"] + 1  # the Chinese below
    assert english_box["width"] <= size["width"] and official_box["width"] <= size["width"]
    # Both parts read as groups named by their labels.
    names = page.evaluate("""() => [...document.querySelectorAll('h2#content ~ .atlas-bilingual [role=group]')]
        .map(g => document.getElementById(g.getAttribute('aria-labelledby')).textContent)""")
    assert names[:2] == ["Unofficial translation by the editors", "Official text (Chinese)"]
    # Labels readable against the page in both schemes (axe's contrast rule among the rest).
    assert not serious_violations(page, axe_js)
    block.scroll_into_view_if_needed()
    shot(page, f"en-topic-translation-{size_name}-{scheme}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size_name, size", SIZES)
def test_english_plan_chapter_page(page, base_url, site_model, axe_js, size_name, size, scheme):
    plan = next(g.plan for g in site_model.guides if g.plan)
    chapter = plan.chapters[0]
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "en/" + chapter.url)
    settle(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    if chapter.title.en:
        assert h1(page) == f"Chapter 1: {chapter.title.en}"
        assert page.locator(".atlas-no-en").count() == 0
    else:  # the fallback, marked and said so
        assert page.locator("article h1 span[lang='zh-CN']").count() == 1
        assert page.locator(".atlas-no-en").first.is_visible()
    # The bureau's text stays Chinese, marked; the note above it says so.
    assert page.locator(".atlas-official").first.is_visible()
    assert page.locator(".atlas-official-text[lang='zh-CN']").count() > 0
    assert not serious_violations(page, axe_js)
    shot(page, f"en-plan-chapter-{size_name}-{scheme}")


def _alignment(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e).textAlign)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_english_text_is_never_justified_on_a_phone(page, base_url, site_model, scheme):
    """inter-character justification letter-spaced English ("s c i e n c e" in the citation box, the
    English home on a phone): justify Chinese only."""
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    topic = translated_topic(site_model)
    page.goto(base_url + "en/" + topic.url)
    english = _alignment(page, ".atlas-cite p, .atlas-translation p, .atlas-translation li, .atlas-note")
    assert english and all(a != "justify" for a in english), english
    chinese = _alignment(page, ".atlas-official-text p:not(.atlas-text-label), .atlas-official-text li")
    assert chinese and all(a == "justify" for a in chinese), chinese
    # Measured: no gap inside a word of the citation wider than a character's advance and a half
    # (justified inter-character text spread the letters of "science" across the line).
    gaps = page.evaluate("""() => {
        const node = document.querySelector('#atlas-cite-text').firstChild;
        const range = document.createRange(), out = [];
        let prev = null;
        for (let i = 0; i < node.textContent.length; i++) {
            range.setStart(node, i); range.setEnd(node, i + 1);
            const r = range.getBoundingClientRect(), ch = node.textContent[i];
            if (prev && /[a-z]/i.test(ch) && /[a-z]/i.test(prev.ch) && Math.abs(r.top - prev.top) < 2)
                out.push((r.left - prev.right) / r.width);
            prev = {ch, right: r.right, top: r.top};
        }
        return Math.max(...out);
    }""")
    assert gaps < 0.5, gaps
    page.goto(base_url + "en/")
    home = _alignment(page, "article p")
    assert home and all(a != "justify" for a in home), home
    shot(page, f"en-home-phone-{scheme}")
    # The Chinese edition keeps its justified text.
    page.goto(base_url + topic.url)
    assert set(_alignment(page, "article .md-typeset p, article p")) >= {"justify"}


@pytest.mark.parametrize("size_name, size", SIZES)
def test_keyboard_pass_over_an_english_topic_page(page, base_url, site_model, size_name, size):
    """Tab from the top of an English topic page: focus reaches the page's own links (the guide's
    sections on applying, by their English names; the citation's copy button) in order, each one
    visible on screen and marked as focused."""
    from generator import applying, i18n

    topic = next(t for t in site_model.topics if len(applying.sections(t.guide)) >= 2)
    wanted = [i18n.name(s.heading, "en") for s in applying.sections(topic.guide)]
    page.set_viewport_size(size)
    page.goto(base_url + "en/" + topic.url)
    settle(page)
    seen, problems = [], []
    for _ in range(120):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
            return {text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 60),
                    copy: e.classList.contains('atlas-cite-copy'), tag: e.tagName,
                    inArticle: !!e.closest('article'),
                    outlined: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'
                              || s.textDecorationLine.includes('underline'),
                    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight};
        }""")
        seen.append(info)
        if info["inArticle"] and not (info["onScreen"] and info["outlined"]):
            problems.append(info)
        if info["copy"]:
            break
    texts = [s["text"] for s in seen]
    assert seen[-1]["copy"], texts  # the copy button is reached
    reached = [texts.index(w) for w in wanted]  # the guide's sections on applying, in English, in order
    assert reached == sorted(reached), (wanted, texts)
    assert all(w.isascii() for w in wanted), wanted
    assert not problems, problems
