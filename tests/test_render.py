"""Content is never trusted as HTML or Markdown: it reaches the page as text."""

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
