"""No broken internal link or anchor anywhere in the built site (theme, generated pages, raw HTML)."""

from __future__ import annotations

from pathlib import Path

from link_check import broken_links


def test_built_site_has_no_broken_links_or_anchors(built):
    pages = list(built.rglob("*.html"))
    assert len(pages) > 50
    problems = broken_links(built)
    assert not problems, "\n".join(problems[:50])


def _page(body: str) -> str:
    return f"<!doctype html><html><body>{body}</body></html>"


def test_the_checker_finds_what_is_broken(tmp_path: Path):
    """A small site with one of each mistake: the checker must report exactly those."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(_page(
        '<a href="a/">ok</a> <a href="a/#here">ok anchor</a> <a href="#top">ok own</a> <h1 id="top">t</h1>'
        '<a href="missing/">missing page</a> <a href="a/#nowhere">missing anchor</a>'
        '<a href="https://example.org/">external</a> <img src="img/x.png">'
        '<a href="javascript:alert(1)">js</a> <a href="/a/">absolute</a> <a href="../up/">outside</a>'
        '<link rel="stylesheet" href="a/style.css">'
    ))
    (tmp_path / "a" / "index.html").write_text(_page('<p id="here">x</p><a href="../#top">back</a>'))
    (tmp_path / "a" / "style.css").write_text("p{}")
    problems = broken_links(tmp_path)
    assert [p.split(" ", 2)[1] for p in problems] == [
        "'missing/'", "'a/#nowhere'", "'javascript:alert(1)'", "'/a/'", "'../up/'", "'img/x.png'",
    ], problems
