"""Markup in content is accepted by `check` and reaches the built page as text, never as HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import copy_content
from generator.build import build_site_dir, generate, load_site
from html_page import read_page

GUIDE = "guides/hubei/2023-ruankexue-zhongdian.yml"
SCRIPT = "<script>alert('xss')</script>"
LINK = "[点此](javascript:alert('xss'))"
IMG = "<img src=x onerror=alert('xss')>"
TITLE_TAG = "<i>斜体</i>"
ATTR = "{: onclick=alert(1) }"  # Markdown attr_list syntax: would add onclick to the heading if not escaped
TITLE = f"{TITLE_TAG}湖北省科技融媒体平台建设与管理研究 {ATTR}"


class Elements(HTMLParser):
    """Every element's tag and attributes, and the text inside each <script>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.script_bodies: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies.append(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The real content with script, a javascript: link and an onerror image in Hubei topic 1."""
    base = tmp_path_factory.mktemp("hostile")
    content = copy_content(base)
    path = content / GUIDE
    text = path.read_text(encoding="utf-8")
    first = "          - zh: 全面调研梳理湖北省"  # the official text of the first paragraph, beside its English
    assert first in text
    text = text.replace(first, f"          - zh: {SCRIPT} {LINK} {IMG} 全面调研梳理湖北省", 1)
    text = text.replace("zh: 湖北省科技融媒体平台建设与管理研究", f"zh: \"{TITLE}\"", 1)
    path.write_text(text, encoding="utf-8")
    generate(content, base / "docs")
    build_site_dir(base / "docs", base / "site")
    site = load_site(content)
    topic = next(t for t in site.topics if t.guide.region.slug == "hubei" and t.number == "1")
    return base / "site", topic


def test_page_has_no_injected_element(hostile):
    site, topic = hostile
    html = (site / topic.url / "index.html").read_text(encoding="utf-8")
    elements = Elements(html)
    assert not [b for b in elements.script_bodies if "xss" in b]
    for tag, attrs in elements.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name, value in attrs.items():
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
    assert not re.search(r"<script>\s*alert", html)


def test_markup_shows_as_text(hostile):
    site, topic = hostile
    page = read_page(site, topic.url)
    for text in (SCRIPT, LINK, IMG):
        assert text in page.article, text
    assert page.h1 and page.h1[0].replace("¶", "").strip() == TITLE


def test_every_page_that_shows_the_title_escapes_it(hostile):
    """The title also appears on the guide, track and tag pages: nowhere as an element."""
    site, topic = hostile
    pages = [p for p in site.rglob("*.html") if "斜体" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 3, pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<i>斜体</i>" not in html, path
        # as text, or inside the JSON-LD (the English edition shows the title only there and beneath its h1)
        assert "&lt;i&gt;斜体&lt;/i&gt;" in html or "\\u003ci\\u003e斜体" in html, path
        assert not [a for _, attrs in Elements(html).tags for a in attrs if a.startswith("on")], path
