"""Content is never trusted as HTML or Markdown: it reaches the page as text."""

import re

import markdown

from generator.render import anchor, md_escape

MD = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables"])


def render(text):
    return MD.reset().convert(str(md_escape(text)))


def test_script_is_text():
    html = render("<script>alert(1)</script>")
    assert "<script" not in html and "&lt;script&gt;" in html


def test_markdown_link_is_text():
    html = render("[点我](javascript:alert(1))")
    assert "<a" not in html and "javascript:alert(1)" in html


def test_markdown_syntax_is_text():
    html = render("# 标题 *强调* `代码` | 表格 { #id }")
    assert "<h1" not in html and "<em>" not in html and "<code>" not in html
    assert "# 标题 *强调* `代码` | 表格 { #id }" in html.replace("&amp;", "&")


def test_numbered_line_stays_a_paragraph():
    assert "<ol>" not in render("1. 第一")


def test_anchor_rejects_non_slugs():
    assert anchor("ke-ji") == "ke-ji"
    for bad in ("a b", "x}", "../x", "A"):
        try:
            anchor(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


# ---------------------------------------------------------------- front matter

import random

from mkdocs.utils.meta import get_data

from generator.render import front_matter

# Characters that change how YAML reads text: indicators, quotes, spaces, breaks (NEL, U+2028),
# words YAML reads as other types (yes, null, 1e3, ~), controls, non-characters, and Chinese.
TRICKY = list("$;<^ab上海：（）·yesnoulx~0123.e+-_:#,?[]{}&*!|>'\"%@`=/() \t\n\r\x7f\x80\x85\x9f\xa0"
              "\u2028\u2029\u3000\ufeff\ufffe\uffff😀\\")


def shapes(text: str) -> list[dict]:
    """`text` everywhere a page's meta can hold text: a value, a nested value, list items, a map in a list."""
    return [
        {"title": text},
        {"atlas": {"kind": "topic", "guide": text, "year": 2024, "tags": [text, "人工智能"]}, "title": "题目"},
        {"feeds": [{"title": text, "href": "feeds/regions/shanghai.xml"}], "hide": ["navigation", "toc"]},
        {"search": {"exclude": True}, "atlas": {"tags": [], "chapter": text, "more": {}}},
    ]


def test_mkdocs_reads_front_matter_back_as_the_same_meta():
    rng = random.Random(7)
    texts = ["", "上海", "2024", "2024年度", "yes", "null", "~", "1e3", "a: b", "a #b", "- a", "x ", " x",
             "---", "...", "科技 · 金融", "A&amp;B", "😀", "a\u2028b", "长" * 1200]
    texts += ["".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in texts:
        for meta in shapes(text):
            markdown, read = get_data(front_matter(meta) + "# 标题\n")
            assert read == meta and markdown == "# 标题\n", meta


# Issue 18, item 5: http(s) addresses in running text are links; nothing else becomes one.

def render_linked(text):
    from generator.render import md_linkify

    return MD.reset().convert(str(md_linkify(text)))


def test_addresses_in_text_are_links():
    html = render_linked("门户网站（<http://www.sh.gov.cn>）--政务服务，或者直接通过域名<http://czkj.sheic.org.cn/>进入")
    assert '<a href="http://www.sh.gov.cn">http://www.sh.gov.cn</a>）' in html
    assert '<a href="http://czkj.sheic.org.cn/">http://czkj.sheic.org.cn/</a>进入' in html
    assert "&lt;http" not in html  # the brackets delimiting an address are not shown
    html = render_linked("见 https://example.org/a_b?x=1&y=2_3. 下一句")
    assert '<a href="https://example.org/a_b?x=1&amp;y=2_3">https://example.org/a_b?x=1&amp;y=2_3</a>. 下一句' in html


def test_only_http_addresses_become_links():
    for text in ("javascript:alert(1)", "ftp://example.org/x", "data:text/html,<script>x</script>",
                 "<javascript:alert(1)>", "[x](javascript:alert(1))"):
        html = render_linked(text)
        assert "<a" not in html and "<script" not in html, html
    html = render_linked('http://a.cn/"onmouseover="alert(1) <b>粗</b>')
    assert '<a href="http://a.cn/">' in html and not re.search(r"<a [^>]*onmouseover", html)
    assert "<b>" not in html
