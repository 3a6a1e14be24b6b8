"""make eval-import: the layout generator renders what it claims, the scorer can fail and can pass, and a
small seeded sample of variants (every format, two PDFs) imports at least as well as the importer did
when the threshold was set (it fails if the importer regresses).

The sample runs the command in a process of its own (Playwright's sync API prints the PDF) and reads
its summary.json; `make eval-import` runs the full set.
"""

from __future__ import annotations

import functools
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT
from generator.importer.evaluate import layouts, plans, render, render_docx, render_xlsx, truth, variant, vocab, wording
from generator.importer.evaluate.score import compare, compare_plan, norm

# Fields right over the sample (--variants 2 --seed 3, all formats: fourteen variants, two of them of the
# plan, two PDFs), overall and over the calls alone, as the importer reached them when this was set
# (main at f82dc29, after the readers, the outline, the field rules and the structure rules: 93.0 % and
# 91.5 %) less two points; raise them as the importer improves, lower them only with a reason. The goal over the
# full set is 98 %.
SAMPLE_THRESHOLD = 0.910
SAMPLE_CALLS_THRESHOLD = 0.895


@functools.cache
def _specs() -> dict:
    return {s.key: s for s in truth.load(CONTENT, synthetic=2)}


def _variant(key: str, fmt: str, seed: int, **force):
    spec = _specs()[key]
    rng = random.Random(seed)
    v = variant.choose(spec, fmt, 0, rng)
    for k, val in force.items():
        setattr(v, k, val)
    files, expected = layouts.build(spec, v, rng)
    return spec, v, files, expected


def _perfect(expected: layouts.Expected) -> dict:
    """The draft a perfect importer would write for a variant."""
    tracks: dict[int, list] = {}
    for t in expected.topics:
        topic = {"number": t["number"], "title": t["title"], "tags": [],
                 "content": t["content"], "deliverables": t["deliverables"]}
        for k in ("funding", "duration"):
            if t[k]:
                topic[k] = dict(t[k])
        if t["contacts"]:
            topic["contacts"] = t["contacts"]
        tracks.setdefault(t["track"], []).append(topic)
    guide = {"title": expected.title, "year": expected.year, "region": expected.region,
             "issuer": expected.issuer or "某局", "tracks": [{"topics": v} for v in tracks.values()]}
    if expected.doc_number:
        guide["doc_number"] = expected.doc_number
    if expected.window:
        guide["window"] = expected.window
    if expected.contacts:
        guide["contacts"] = expected.contacts
    return guide


@pytest.mark.parametrize("seed", range(12))
def test_a_rendered_variant_has_the_numbering_and_labels_it_claims(seed):
    spec, v, files, expected = _variant("hubei-2023-ruankexue-zhongdian", "txt", seed,
                                        topics_as="paragraphs", content_unlabelled=False, title_label="", txt_wrap=0)
    text = render.text(files[-1], v)
    lines = [l.strip("\u3000 \r") for l in text.split("\n")]
    topic = expected.topics[0]
    style = v.scheme[1]
    first = next(l for l in lines if topic["title"] in l and not l.startswith(("附件", "关于")))
    marker = first[: first.index(topic["title"])].rstrip(" \u3000")
    if style == "kw":
        assert marker.startswith(v.keyword) and marker.endswith(v.kw_sep.strip())
    else:
        assert marker == vocab.STYLES[style][0](1, "1").translate(vocab.FULLWIDTH if v.fullwidth else {}).rstrip()
    assert wording.number_of(marker) == topic["number"]
    label = v.labels["content"]
    assert any(l.startswith((label + v.colon, f"【{label}】")) for l in lines), (label, v.describe())
    if expected.window:
        y, m, d = expected.window["closes"][:10].split("-")
        closes = (f"{int(m)}月{int(d)}日" if v.window_form == "year-omitted" else f"{y}年{int(m)}月{int(d)}日")
        assert any(closes.translate(vocab.FULLWIDTH if v.fullwidth else {}) in l for l in lines)
    assert ("\r\n" in text) == v.crlf


def test_synonyms_colons_and_two_line_titles_are_printed_as_chosen():
    spec, v, files, expected = _variant("tianjin-2021-zhiku-ruankexue", "txt", 5, topics_as="paragraphs",
                                        label_form="inline", colon=":", title_lines=2, notice=False,
                                        content_unlabelled=False, title_label="课题名称")
    v.labels["content"] = "需求描述"
    files, expected = layouts.build(spec, v, random.Random(5))
    text = render.text(files[0], v)
    assert "需求描述:" in text and "研究内容" not in text
    assert f"课题名称:{expected.topics[0]['title']}" in text
    lines = [l.strip("\u3000") for l in text.splitlines()]
    first, second = wording.two_lines(expected.title)
    at = lines.index(first)
    assert lines[at + 1] == second and first + second == expected.title
    assert text.splitlines()[at].startswith("\u3000\u3000")  # centred


def test_numbering_runs_on_across_tracks_and_pages_and_text_are_shaped_as_chosen():
    spec, v, files, expected = _variant("tianjin-2021-zhiku-ruankexue", "html", 2, topics_as="paragraphs",
                                        scheme=("一、", "kw", "1."), keyword="课题", kw_numeral="arabic", kw_sep="：",
                                        continue_numbering=True, html_breaks=True, title_label="", marker_gap="")
    numbers = [t["number"] for t in expected.topics]
    assert numbers == [f"课题{n}" for n in range(1, len(numbers) + 1)] and len(numbers) == 36
    page = render.web_page(files[-1], v)
    text = re.sub(r"<[^>]+>", "", page)
    assert "<br>" in page and f"课题13：{expected.topics[12]['title']}" in text
    assert page.index("<h1>") < page.index("class='article'")
    v.txt_wrap = 33
    assert max(len(l) for l in render.text(files[-1], v).splitlines()) <= 33


def test_word_numbering_is_real_numbering_not_text(tmp_path):
    spec, v, files, expected = _variant("hubei-2023-ruankexue-zhongdian", "docx", 1, topics_as="paragraphs",
                                        scheme=("一、", "（一）", "1."), word_numbering=True, notice=False)
    path = tmp_path / "g.docx"
    render_docx.write(files[0], v, path, spec.issuer)
    with zipfile.ZipFile(path) as z:
        numbering = z.read("word/numbering.xml").decode()
        body = z.read("word/document.xml").decode()
    assert 'w:val="chineseCounting"' in numbering and "（%1）" in numbering
    assert expected.topics[0]["title"] in body and "（一）" + expected.topics[0]["title"] not in body
    assert body.count("<w:numPr>") >= len(expected.topics)
    assert expected.topics[0]["number"] == "（一）"


def test_tables_merge_cells_in_word_and_spreadsheets(tmp_path):
    import openpyxl

    spec, v, files, expected = _variant("chengdu-2023-ruankexue", "xlsx", 2, merge_cells=True, table_tracks="column",
                                        two_row_header=False, seq_dot="")
    path = tmp_path / "g.xlsx"
    render_xlsx.write(files[0], path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.cell(1, 1).value == expected.title and sheet.merged_cells.ranges
    heads = [c.value for c in sheet[2]]
    assert v.title_head in heads and v.labels["content"] in heads and "类别" in heads
    assert [str(sheet.cell(3 + i, 1).value) for i in range(3)] == ["1", "2", "3"]


def test_a_two_row_header_spans_columns_and_rows_in_every_format(tmp_path):
    spec, v, files, expected = _variant("tianjin-2021-zhiku-ruankexue", "html", 3, topics_as="table",
                                        table_tracks="column", two_row_header=True, html_breaks=False,
                                        layout_table=True, html_encoding="gbk", notice=False)
    page = render.web_page(files[0], v)
    assert 'rowspan="2"' in page and "colspan=" in page and ">项目信息<" in page
    assert page.count("<table") == 2  # the layout table around the article, and the topics' table
    path = tmp_path / "p.html"
    render.write_web_page(files[0], v, path)
    assert "charset=gbk" in path.read_bytes().decode("gbk", errors="replace")
    table = next(b for b in files[0].blocks if b.kind == "table")
    rows = render._cells(table.rows)
    assert rows[0][0] == rows[1][0] == [v.seq_head] and rows[0][2] == rows[0][3] == ["项目信息"]


def test_topics_as_forms_put_each_label_in_a_cell_beside_its_value(tmp_path):
    import docx

    spec, v, files, expected = _variant("hubei-2023-ruankexue-zhongdian", "docx", 4, topics_as="forms",
                                        content_unlabelled=False)
    path = tmp_path / "f.docx"
    render_docx.write(files[0], v, path, spec.issuer)
    tables = docx.Document(str(path)).tables
    assert len(tables) == len(expected.topics)
    first = {r.cells[0].text: r.cells[1].text for r in tables[0].rows}
    assert first[v.labels["content"]] == "\n".join(expected.topics[0]["content"])


def test_the_scorer_gives_a_perfect_draft_everything_and_an_empty_one_nothing():
    for key, fmt, seed in [("chengdu-2023-ruankexue", "docx", 1), ("shanghai-2020-ruankexue-zhongdian-2", "html", 4),
                           ("tianjin-2021-zhiku-ruankexue", "pair", 7)]:
        _, _, _, expected = _variant(key, fmt, seed)
        assert compare(expected, _perfect(expected)).share == 1.0
        empty = compare(expected, {})
        assert empty.right == 0 and empty.total >= 5 * len(expected.topics)
        broken = _perfect(expected)
        broken["tracks"][0]["topics"][0]["title"] += "研究"
        broken["tracks"][0]["topics"] = broken["tracks"][0]["topics"][:-1]
        s = compare(expected, broken)
        assert 0.5 < s.share < 1.0 and any("title" in m for m in s.misses)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian's chromium (tests/ensure-browser.sh installs it)")
    out = tmp_path_factory.mktemp("eval-import")
    done = subprocess.run([sys.executable, "-m", "generator.importer.evaluate", "--variants", "2", "--seed", "3",
                           "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "weakest" in done.stdout and "make import FILE=" in done.stdout
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_the_sample_covers_every_format_and_keeps_its_files(sample):
    assert set(sample["by_format"]) == set(variant.FORMATS)
    assert all(x["variants"] >= 1 for x in sample["by_format"].values())
    for row in sample["variants"]:
        assert all(Path(f).is_file() for f in row["files"])
        assert row["total"] > 20


def test_the_importer_does_not_regress_on_the_sample(sample, capsys):
    o = sample["overall"]
    with capsys.disabled():
        print(f"\n  eval-import sample: {o['share']:.1%} of {o['total']} fields right over {o['variants']} variants "
              + ", ".join(f"{k} {x['share']:.0%}" for k, x in sample["by_format"].items()))
    weakest = json.dumps(sample["variants"][:3], ensure_ascii=False)[:3000]
    assert o["share"] >= SAMPLE_THRESHOLD, weakest
    assert sample["calls"]["share"] >= SAMPLE_CALLS_THRESHOLD, weakest


def _printed(files: list[layouts.File]) -> str:
    """Every text a variant's files print, format-neutral (what the renderers write out)."""
    out = []
    for f in files:
        for b in f.blocks:
            out += b.lines + [b.full] + [p for row in b.rows for c in row if c for p in c.paras]
    return norm("\n".join(out).translate(str.maketrans("０１２３４５６７８９", "0123456789")))


@pytest.mark.parametrize("fmt", variant.FORMATS)
def test_every_expected_fact_is_printed_in_the_variant(fmt):
    """The generator claims nothing it does not print: every fact of Expected is in the files' text."""
    for key in [k for k, sp in _specs().items() if not sp.plan]:
        for seed in range(4):
            spec, v, files, e = _variant(key, fmt, seed)
            text = _printed(files)
            facts = [e.title, e.doc_number, e.issuer] + [c.get(k) for c in e.contacts for k in ("office", "person", "phone")]
            for t in e.topics:
                facts += [t["title"], *t["content"], *t["deliverables"]]
                facts += [c.get(k) for c in t["contacts"] for k in ("office", "person", "phone")]
                if t["funding"]:
                    facts.append(wording.amount_text(t["funding"]["amount"]))
            if e.window:
                facts += [wording.date_zh(e.window["opens"])]
            missing = [f for f in facts if f and norm(f) not in text]
            assert not missing, (v.id, v.describe(), missing[:3])
            numbers = [t["number"] for t in e.topics]
            by_track = {}
            for t in e.topics:
                by_track.setdefault(t["track"], []).append(t["number"])
            assert all(len(set(n)) == len(n) for n in by_track.values()), (v.id, numbers)


def test_a_plan_variant_prints_its_chapters_and_the_scorer_reads_them():
    spec = _specs()["chengdu-2022-shisiwu-keji-chuangxin-guihua"]
    rng = random.Random(2)
    v = plans.choose_plan(spec, "txt", 0, rng)
    v.chapter_gap, v.item_style, v.txt_wrap = "\u3000", "（1）", 0
    files, e = plans.build_plan(spec, v, rng)
    lines = [l.strip("\u3000 \r") for l in render.text(files[0], v).splitlines()]
    assert f"第一章\u3000{e.chapters[0].title}" in lines and f"一、{e.chapters[0].sections[0].title}" in lines
    assert f"（一）{e.chapters[0].sections[0].sections[0].title}" in lines

    def node(c):
        return {"number": c.number, "title": c.title, "body": [t for _, t in c.body],
                "sections": [node(x) for x in c.sections]}
    perfect = {"title": e.title, "year": e.year, "region": e.region, "issuer": e.issuer,
               "preface": {"body": e.preface}, "chapters": [node(c) for c in e.chapters]}
    assert compare_plan(e, perfect).share == 1.0
    perfect["chapters"][2]["sections"].pop(0)
    s = compare_plan(e, perfect)
    assert 0.8 < s.share < 1.0 and compare_plan(e, {}).right == 0


def test_a_failed_import_counts_every_field_wrong_and_keeps_its_error(tmp_path):
    from generator.importer.evaluate.score import check, evaluate

    _, _, _, expected = _variant("hubei-2023-ruankexue-zhongdian", "docx", 1)
    broken = tmp_path / "guide.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word file")
    result = evaluate([broken], expected, tmp_path / "scratch")
    assert result.error and result.score.right == 0 and result.score.total >= 4 * len(expected.topics)
    content = tmp_path / "scratch" / "content"
    (content / "guides" / "hubei").mkdir(parents=True)
    (content / "guides" / "hubei" / "x.yml").write_text("id: x\nkind: call\n", encoding="utf-8")
    assert "x.yml" in (check(content) or "")
