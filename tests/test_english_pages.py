"""English all the way down (issue 23): the English edition reads in English at every step except the
official text, which is Chinese and marked lang="zh-CN".

Read from the built site as a reader meets it (every English page's text nodes), and from the
generator's Markdown where the real content cannot show a case (a paragraph without English).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import replace

import lxml.html
import pytest

from generator import i18n
from generator.build import ROOT, load_site
from generator.coverage import KINDS, english_coverage
from generator.model import ListBlock, Paragraph, Text
from generator.pages import guides as guide_pages
from generator.render import Renderer, mark_zh
from lang_runs import english_pages, unmarked


def _unmarked_pages(site) -> dict[str, list]:
    found = {}
    for rel, html in english_pages(site):
        runs = unmarked(html)
        if runs:
            found[rel] = runs[:5]
    return found


def test_every_chinese_run_on_an_english_page_is_marked_zh(built, site_model):
    """Every text node of every English page: a run of Chinese whose nearest lang is not zh would be
    read with an English voice (513 such runs on the topic pages alone before)."""
    pages = list(english_pages(built))
    assert len(pages) > len(site_model.topics)  # every page of the edition, topics and all
    found = _unmarked_pages(built)
    assert not found, f"{len(found)} pages, e.g. {list(found.items())[:5]}"


def test_chinese_only_names_are_marked_too(editions_built):
    """The fixture programme's guides have no English at all: their names, numbers and text fall back
    to the Chinese, marked."""
    found = _unmarked_pages(editions_built)
    assert not found, f"{len(found)} pages, e.g. {list(found.items())[:5]}"


@pytest.mark.parametrize("lang, marked", [("en", True), ("zh", False)])
def test_the_theme_marks_chinese_in_the_table_of_contents_and_header(lang, marked):
    """What Material prints itself (a table of contents entry, the header's page title) goes through
    atlas_zh (generator/theme_hooks.py): marked on English pages, as it is on Chinese ones."""
    import jinja2

    from generator import theme_hooks
    from generator.edition import OVERRIDES

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(OVERRIDES)))
    env = theme_hooks.on_env(env, {"theme": {"language": lang}}, None)
    item = {"url": "#x", "title": "其他事项 (2)", "children": [], "typeset": None}
    toc = env.get_template("partials/toc-item.html").render(toc_item=item)
    span = '<span lang="zh-CN">其他事项</span> (2)'
    assert (span in toc) == marked and ("其他事项 (2)" in toc) != marked
    header = (OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8")
    assert "{{ page.meta.title | atlas_zh }}" in header and "{{ page.title | atlas_zh }}" in header


def test_mark_zh_marks_runs_not_their_latin_neighbours():
    assert mark_zh("（四）Improving") == '<span lang="zh-CN">（四）</span>Improving'
    assert mark_zh("近 5 年 and 成都") == '<span lang="zh-CN">近 5 年</span> and <span lang="zh-CN">成都</span>'
    assert mark_zh("Guide Atlas") == "Guide Atlas"


@pytest.mark.parametrize("written, english", [
    ("方向2", "Direction 2"), ("项目8", "Project 8"), ("课题二", "Topic 2"), ("（四）", "(4)"),
    ("第三章", "Chapter 3"), ("第十一章", "Chapter 11"), ("一、", "1."), ("12", "12"),
    ("方向二十一", "Direction 21"), ("（项目2）", "(Project 2)"),
    ("子课题3", "Sub-topic 3"), ("①", "1"), ("附件3", "Annex 3"),
    ("专项3", "专项3"),  # a word the table does not know: the Chinese, which the page marks
])
def test_numbers_as_the_source_writes_them_read_in_english(written, english):
    assert i18n.source_number(written, "en") == english
    assert i18n.source_number(written, "zh") == written


def _page(built, url: str):
    html = (built / "en" / url / "index.html").read_text(encoding="utf-8")
    return html, lxml.html.fromstring(html)


def test_topic_page_names_its_parts_in_english(built, site_model):
    """Section labels by meaning (研究需求), the number (项目1), the theme ((1) …), the links to the
    guide's requirements, and the citation."""
    guide = next(g for g in site_model.guides if g.key == "chengdu/2023-ruankexue")
    topic = guide.tracks[0].topics[0]
    assert topic.number == "项目1" and topic.content_label.zh == "研究需求" and topic.theme.number == "（一）"
    html, doc = _page(built, topic.url)
    h2 = [h.text_content().replace("¶", "").strip() for h in doc.xpath("//article//h2")]
    assert "Research needs" in h2 and "Deliverables" in h2, h2
    facts = {r[0].text_content(): r[1].text_content() for r in doc.xpath("//table[@data-atlas-facts]/tbody/tr")}
    assert facts["Number"] == "Project 1"
    assert facts["Theme"] == "(1) " + topic.theme.name.en
    how = doc.xpath("//section[@class='atlas-apply']//dd/a")
    assert [a.text_content() for a in how[:2]] == ["Application requirements", "Application materials"]
    cite = doc.get_element_by_id("atlas-cite-text").text_content()
    assert f". Project 1: {topic.title.en}." in cite and "方向" not in cite and "项目" not in cite


def test_topic_page_gives_the_translation_above_the_official_chinese(built, site_model):
    """A topic the editors have translated: the English paragraphs under "Unofficial translation by
    the editors", then the Chinese under "Official text (Chinese)", marked zh-CN."""
    topic = next(t for t in site_model.topics if t.content and all(x.en for x in _texts(t.content)))
    html, doc = _page(built, topic.url)
    section = doc.xpath("//h2[@id='content']/following-sibling::div[@class='atlas-bilingual']")[0]
    english, official = section.xpath("./div")
    assert english.get("class") == "atlas-translation" and official.get("class") == "atlas-official-text"
    assert english.xpath("./p[@class='atlas-text-label']")[0].text_content() == "Unofficial translation by the editors"
    assert official.get("lang") == "zh-CN"
    label = official.xpath("./p[@class='atlas-text-label']")[0]
    assert label.text_content() == "Official text (Chinese)" and label.get("lang") == "en"
    shown = " ".join(english.text_content().split())
    for text in _texts(topic.content):
        assert " ".join(text.en.split()) in shown
        assert text.zh.split()[0] in official.text_content()
    assert not english.xpath(".//*[@class='atlas-no-en']")


def _texts(blocks):
    for b in blocks:
        yield from (b.items if b.kind == "list" else [b.text])


def test_a_paragraph_without_english_says_so(site_model):
    """Paragraph by paragraph: the one without English is named as such in its place, not dropped."""
    topic = next(t for t in site_model.topics if t.content)
    original = topic.content
    topic.content = (Paragraph(Text("第一段。", "The first paragraph.")), Paragraph(Text("第二段。")),
                     ListBlock((Text("甲。", "Item A."), Text("乙。"))))
    try:
        markdown = _render_topic(site_model, topic, "en")
        chinese = _render_topic(site_model, topic, "zh")
    finally:
        topic.content = original
    part = markdown.split("{ #content }", 1)[1].split("{ #", 1)[0]
    translation, official = part.split('<div class="atlas-official-text"', 1)
    assert translation.index("The first paragraph.") < translation.index(i18n.text("en", "translation.missing"))
    assert "<li>Item A.</li>" in translation and i18n.text("en", "translation.missing_item") in translation
    assert "第一段。" in official and "第二段。" in official and "第二段" not in translation
    # The Chinese edition shows the official text only, as before.
    assert "The first paragraph." not in chinese and "第二段。" in chinese


def _render_topic(site, topic, lang: str) -> str:
    renderer = Renderer(site, lang)
    return next(o for o in guide_pages.outputs(site, renderer) if o.path == f"{topic.url}index.md").data()


def test_plan_chapter_page_reads_in_english(built, site_model):
    plan = next(g.plan for g in site_model.guides if g.plan)
    chapter = plan.chapters[0]
    html, doc = _page(built, chapter.url)
    h1 = doc.xpath("//article//h1")[0].text_content().replace("¶", "").strip()
    if chapter.title.en:
        assert h1 == f"Chapter 1: {chapter.title.en}"
        assert i18n.text("en", "missing.en") not in html
    else:  # the fallback: the Chinese heading, marked, and said so
        assert doc.xpath("//article//h1/span[@lang='zh-CN']") and i18n.text("en", "missing.en") in html
    for section in chapter.sections:
        if section.title.en:
            assert section.heading.en.startswith(i18n.source_number(section.number + "、", "en") + " ")


def test_make_check_reports_english_coverage_per_kind():
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for kind in KINDS:
        label = i18n.text("en", f"coverage.kind.{kind}")
        assert re.search(rf"^  {re.escape(label)}: +\d+ of \d+ +\d+ %$", result.stdout, re.M), (label, result.stdout)


def test_coverage_counts_names_and_paragraphs(site_model):
    c = english_coverage(site_model)
    topics = c.kinds["topics"]
    assert topics.total == len(site_model.topics)
    assert topics.english == sum(bool(t.title.en) for t in site_model.topics)
    content = c.kinds["content"]
    assert content.total == sum(1 for t in site_model.topics for _ in _texts(t.content))
    assert content.english == sum(bool(x.en) for t in site_model.topics for x in _texts(t.content))
    assert c.kinds["chapters"].total == sum(len(g.plan.chapters) for g in site_model.guides if g.plan)


def test_the_importers_draft_counts_as_missing_english(tmp_path):
    """The importer leaves English empty: everything its draft adds counts as missing, except the
    source's recurring words the interface knows (研究内容 → Research content)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    source = ROOT / "content" / "sources" / "004_b3b054f0b581b1d0.txt"  # the Hubei 2023 guide's text
    draft = content / "guides" / "hubei" / "2023-draft.yml"
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "import", str(source),
                             "--region", "hubei", "--year", "2023", "--output", str(draft),
                             "--report", str(tmp_path / "report.txt")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    site = load_site(content)
    guide = next(g for g in site.guides if g.id == draft.stem)
    assert guide.topics
    alone = replace(site, guides=[guide], regions=[], tags=[])
    c = english_coverage(alone)
    assert c.kinds["guides"].english == 0 and c.kinds["topics"].english == 0
    assert c.kinds["content"].total and c.kinds["content"].english == 0
