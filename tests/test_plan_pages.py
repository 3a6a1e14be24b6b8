"""The Chengdu plan as a reader meets it: built HTML pages, headings with anchors, the indicator table, links."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from html_page import read_page
from plan_source import source_box_items, source_outline, source_table

PLAN_URL = "guides/chengdu/2022-shisiwu-keji-chuangxin-guihua/"


class Outline(HTMLParser):
    """Headings (level, id, text) and tables (rows of (text, hrefs) cells) inside the article."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str, str]] = []
        self.tables: list[list[list[tuple[str, list[str]]]]] = []
        self.images = 0
        self._in_article = 0
        self._heading = None
        self._cell = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), attrs.get("id", ""), ""]
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = ["", []]
        elif tag == "a" and self._cell is not None and attrs.get("href"):
            self._cell[1].append(attrs["href"])
        elif tag == "img":
            self.images += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], self._heading[1], self._heading[2].replace("¶", "").strip()))
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append((self._cell[0].strip(), self._cell[1]))
            self._cell = None

    def handle_data(self, data):
        if self._heading:
            self._heading[2] += data
        if self._cell is not None:
            self._cell[0] += data


def outline(site: Path, url: str) -> Outline:
    return Outline((site / url / "index.html").read_text(encoding="utf-8"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """A relative href on the page at page_url → (built file, fragment)."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    file = site / target
    return (file / "index.html" if file.is_dir() else file), fragment


def ids_of(file: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', file.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def plan(site_model):
    return next(g.plan for g in site_model.guides if g.plan is not None)


def test_every_chapter_has_a_page_with_its_heading(built, plan):
    source = source_outline()
    assert len(plan.chapters) == len(source) == 11
    for chapter, theirs in zip(plan.chapters, source):
        page = outline(built, chapter.url)
        h1 = [text for level, _, text in page.headings if level == 1]
        assert h1 == [f"第{theirs['number']}章 {theirs['title'].replace('*', '').replace('</b>', '').strip()}"]


def test_every_section_and_subsection_is_a_heading_with_its_anchor(built, plan):
    for chapter, theirs in zip(plan.chapters, source_outline()):
        headings = {id_: (level, text) for level, id_, text in outline(built, chapter.url).headings}
        assert len(chapter.sections) == len(theirs["sections"])
        for section, source_section in zip(chapter.sections, theirs["sections"]):
            level, text = headings[section.id]
            assert level == 2
            assert _squash(text) == _squash(f"{source_section['number']}、{section.title.zh}")
            assert len(section.sections) == len(source_section["sections"])
            for sub, source_sub in zip(section.sections, source_section["sections"]):
                level, text = headings[sub.id]
                assert level == 3
                assert _squash(text).startswith(f"（{source_sub['number']}）")
                assert _squash(text) == _squash(f"（{source_sub['number']}）{sub.title.zh}")


@pytest.mark.parametrize("series,count", [("重点领域", 8), ("重点工程", 6)])
def test_key_areas_and_projects_are_headings_with_item_headings(built, plan, series, count):
    items = source_box_items()
    boxes = [b for b in plan.boxes if b.series.zh == series]
    assert [b.number for b in boxes] == list(range(1, count + 1))
    for box in boxes:
        page = outline(built, box.page.url)
        headings = {id_: (level, text) for level, id_, text in page.headings}
        level, text = headings[box.id]
        assert text.startswith(f"{series} {box.number} ")
        article = _squash(read_page(built, box.page.url).article)
        assert len(box.items) == len(items[(series, box.number)]) > 0
        for item in box.items:
            item_level, item_text = headings[item.id]
            assert item_level == level + 1
            assert item_text == f"{item.number}. {item.title.zh}"
            for block in item.body:
                assert _squash(block.text.zh) in article


def test_indicator_box_is_a_table_of_ten_rows_linked_to_the_annex(built, plan):
    box = next(b for b in plan.boxes if b.series.zh == "专栏" and b.number == 1)
    page = outline(built, box.page.url)
    tables = [t for t in page.tables if t and [c[0] for c in t[0]][:4] == ["序号", "指标", "2020年", "2025年目标值"]]
    assert len(tables) == 1
    body = tables[0][1:]
    source_rows = source_table("专栏 1", "## 第二章")
    assert len(body) == len(source_rows) == 10
    annex_ids = None
    for cells, (number, indicator, baseline, target) in zip(body, source_rows):
        texts = [c[0] for c in cells]
        assert texts[0] == number
        assert _squash(texts[1]) == _squash(indicator)
        assert texts[2] == baseline.strip() and texts[3] == target.strip()
        links = cells[4][1]
        assert len(links) == 1
        file, fragment = resolve(built, box.page.url, links[0])
        annex_ids = annex_ids or ids_of(file)
        assert fragment == f"zhi-biao-{number}" and fragment in annex_ids
        annex = outline(built, plan.annex.url)
        heading = next(text for _, id_, text in annex.headings if id_ == fragment)
        assert heading.startswith(f"{number}. ")


def test_layout_maps_say_they_are_not_included_and_show_nothing(built, plan):
    maps = [b for b in plan.boxes if b.kind == "map"]
    assert [b.number for b in maps] == [2, 3, 4]
    for box in maps:
        html = (built / box.page.url / "index.html").read_text(encoding="utf-8")
        start = html.index(f'id="{box.id}"')
        block = html[start: html.index("</div>", start)]
        assert "原文文本不含该图，本站未收录" in block
        assert "<img" not in block and "<svg" not in block
    assert outline(built, maps[0].page.url).images == 0


def test_plan_entries_link_to_real_anchors_and_reach_the_tag_vocabulary(built, site_model, plan):
    assert site_model.plan_entries
    for entry in site_model.plan_entries:
        file, fragment = resolve(built, "", entry.url)
        assert file.is_file(), entry.url
        if fragment:
            assert fragment in ids_of(file), entry.url
    finance = site_model.plan_entries_by_tag["ke-ji-jin-rong"]
    assert "深化科技金融创新" in [e.title.zh for e in finance]
    section = next(e for e in finance if e.title.zh == "深化科技金融创新")
    assert section.url.endswith("di-10-zhang/#shen-hua-ke-ji-jin-rong-chuang-xin")
    # The section's tag links lead to the tag page.
    page = read_page(built, "guides/chengdu/2022-shisiwu-keji-chuangxin-guihua/di-10-zhang/")
    assert any(link.endswith("tags/ke-ji-jin-rong/") for link in page.links)


def test_overview_has_contents_linking_every_chapter_and_section(built, plan):
    page = read_page(built, PLAN_URL)
    assert [h for h in page.h1] and _squash(page.h1[0]).startswith("成都市“十四五”科技创新规划")
    targets = set()
    for href in page.links:
        file, fragment = resolve(built, PLAN_URL, href)
        targets.add((file.parent.name, fragment))
    for chapter in plan.chapters:
        assert (chapter.id, "") in targets
        for section in chapter.walk():
            assert (chapter.id, section.id) in targets
    assert (plan.annex.id, "") in targets
    assert "2022年4月" in page.article and "前言" in page.article


def test_plan_and_guide_link_each_other_and_region_and_index_list_it(built, plan):
    guide = read_page(built, "guides/chengdu/2023-ruankexue/")
    assert any(resolve(built, "guides/chengdu/2023-ruankexue/", l)[0].parent.name == plan.guide.id for l in guide.links)
    overview = read_page(built, PLAN_URL)
    assert any(l.rstrip("/").endswith("2023-ruankexue") for l in overview.links)
    region = read_page(built, "regions/chengdu/")
    row = next(r for t in region.tables for r in t if r and plan.guide.title.zh in r[0])
    assert row[1:3] == ["规划", "11 章"]
    index = read_page(built, "plans/")
    assert any(resolve(built, "plans/", l)[0] == built / PLAN_URL / "index.html" for l in index.links)
    home = (built / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a[^>]+href="plans/"[^>]*>\s*规划', home)


def test_plan_pages_carry_their_own_titles(built, plan):
    for url, title in [(PLAN_URL, plan.title.zh), (plan.chapters[9].url, "第十章 营造良好创新生态"),
                       (plan.annex.url, "附件 成都市“十四五”科技创新规划指标说明")]:
        html = (built / url / "index.html").read_text(encoding="utf-8")
        assert re.search(r"<title>([^<]*)</title>", html).group(1).startswith(title + " - ")
