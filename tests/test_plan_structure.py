"""The Chengdu plan's structure equals its source's: chapters, sections, sub-sections, boxes, items, indicators.

The outline of the source is read by tests/plan_source.py with regular expressions over the raw text,
independently of the YAML (and of how it was made), then compared with the content file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_content
from fidelity import normalise
from generator.loader import read_yaml
from plan_source import SOURCE, source_box_items, source_outline, source_table
from test_validation import check, edit

PLAN = Path("guides/chengdu/2022-shisiwu-keji-chuangxin-guihua.yml")


def _official(value):
    """The data with every {zh, en} text reduced to its zh: the English beside it is the editors', not the source's."""
    if isinstance(value, dict):
        if "zh" in value and set(value) <= {"zh", "en"}:
            return value["zh"]
        return {k: _official(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_official(v) for v in value]
    return value


DATA = _official(read_yaml(ROOT / "content" / PLAN).data)


def _boxes(node) -> list[dict]:
    """Boxes of a chapter or section, in order, from the YAML."""
    found = []
    for block in node.get("body", []):
        if isinstance(block, dict) and "box" in block:
            found.append(block["box"])
    for section in node.get("sections", []):
        found += _boxes(section)
    return found


def test_the_source_has_eleven_chapters_and_38_sections():
    """Guards the regexes themselves against the plan's own table of contents (and DOMAIN.md: 11 chapters)."""
    outline = source_outline()
    assert len(outline) == 11
    assert sum(len(c["sections"]) for c in outline) == 38


def test_chapters_equal_the_source():
    outline = source_outline()
    assert [c["number"] for c in DATA["chapters"]] == [c["number"] for c in outline]
    for ours, theirs in zip(DATA["chapters"], outline):
        assert normalise(ours["title"]) == normalise(theirs["title"])


def test_sections_and_subsections_equal_the_source():
    for ours, theirs in zip(DATA["chapters"], source_outline(), strict=True):
        sections = ours.get("sections", [])
        assert [s["number"] for s in sections] == [s["number"] for s in theirs["sections"]], ours["title"]
        for section, source_section in zip(sections, theirs["sections"]):
            assert normalise(section["title"]) == normalise(source_section["title"])
            subs = section.get("sections", [])
            assert [s["number"] for s in subs] == [s["number"] for s in source_section["sections"]], section["title"]
            for sub, source_sub in zip(subs, source_section["sections"]):
                # One source heading runs on into the next paragraph's lead sentence; the title is its start.
                assert normalise(source_sub["title"]).startswith(normalise(sub["title"]))


def test_boxes_sit_in_the_chapters_the_source_prints_them_in():
    for ours, theirs in zip(DATA["chapters"], source_outline(), strict=True):
        assert [(b["series"], b["number"]) for b in _boxes(ours)] == theirs["boxes"], ours["title"]
    series = {}
    for chapter in source_outline():
        for name, number in chapter["boxes"]:
            series.setdefault(name, []).append(number)
    assert series == {"专栏": [1, 2, 3, 4], "重点领域": list(range(1, 9)), "重点工程": list(range(1, 7))}


def test_every_key_area_and_project_has_the_sources_items():
    boxes = {(b["series"], b["number"]): b for c in DATA["chapters"] for b in _boxes(c)}
    for key, numbers in source_box_items().items():
        assert numbers == set(range(1, len(numbers) + 1)), key
        assert [i["number"] for i in boxes[key]["items"]] == sorted(numbers), key


def test_indicator_table_has_the_sources_ten_rows_and_values():
    rows = source_table("专栏 1", "## 第二章")
    box = next(b for b in _boxes(DATA["chapters"][0]) if b["number"] == 1 and b["series"] == "专栏")
    assert len(rows) == len(box["rows"]) == 10
    for row, (number, indicator, baseline, target) in zip(box["rows"], rows):
        assert row["number"] == int(number)
        assert normalise(f"{row['indicator']}（{row['unit']}）") == normalise(indicator)
        assert (row["baseline"], row["target"]) == (baseline.strip(), target.strip())
        assert row["annex_row"] == row["number"]


def test_annex_has_the_sources_ten_explanations():
    rows = [line.split("\t") for line in SOURCE[SOURCE.index("## 附件"):].split("\n") if re.match(r"^\d+\t", line)]
    annex = DATA["annex"]["rows"]
    assert len(rows) == len(annex) == 10
    for ours, (number, indicator, _formula, explanation) in zip(annex, rows):
        assert ours["number"] == int(number)
        assert normalise(ours["indicator"]) == normalise(indicator)
        assert normalise(ours["explanation"]) == normalise(explanation)


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("annex_row: 10\n", "annex_row: 11\n", "annex_row 11 names no row of annex"),
        ("  - id: shen-hua-ke-ji-jin-rong-chuang-xin\n", "  - id: jia-qiang-zu-zhi-ling-dao\n",
         "id 'jia-qiang-zu-zhi-ling-dao' is used twice in this plan"),
        ("map_missing: true\n", "map_missing: false\n", "map_missing must be true, not false"),
        ("kind: indicators\n", "kind: items\n", "missing required field 'items'"),
        ("kind: plan\n", "kind: plan\ntracks: []\n", "'tracks' is not allowed in a guide of kind plan; remove it"),
    ],
)
def test_plan_errors_name_file_line_and_fix(tmp_path, old, new, message):
    content = copy_content(tmp_path)
    line = edit(content, old, new, path=PLAN)
    result = check(content)
    assert result.returncode == 1
    assert message in result.stderr
    assert f"content/{PLAN.as_posix()}:" in result.stderr
    assert "Traceback" not in result.stderr
    if "annex_row" in message or "tracks" in message:
        line += "tracks" in message  # the key sits on the line after kind
        assert f"content/{PLAN.as_posix()}:{line}:" in result.stderr
