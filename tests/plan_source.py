"""The Chengdu plan's source read on its own: its outline, box items and tables, by regular expressions.

Independent of the content YAML and of how it was made, so tests can compare the two.
"""

from __future__ import annotations

import re

from conftest import ROOT

SOURCE = (ROOT / "content" / "sources" / "002_59fda716902a7836.txt").read_text(encoding="utf-8")

ZH = "一二三四五六七八九十"
MARKS = r"[#*\s]*(?:<b>)?"  # heading marks the extraction left in front of a heading
CHAPTER = re.compile(rf"^{MARKS}第([{ZH}]+)章\s*(?:</b>)?\s*(.+)$")
SECTION = re.compile(rf"^{MARKS}([{ZH}]+)、\s*(.+)$")
SUBSECTION = re.compile(rf"^{MARKS}（([{ZH}]+)）\s*(.+)$")
BOX = re.compile(rf"^{MARKS}(专栏|重点领域|重点工程)\s*(\d+)\s*(.+)$")
ITEM = re.compile(r"^\s*(?:\*\*)?(\d+)\.\s")


def _body_lines() -> list[str]:
    """Source lines of the plan's body: after the table of contents (whose lines carry page numbers)."""
    lines = SOURCE.split("\n")
    start = next(i for i, line in enumerate(lines) if CHAPTER.match(line) and "\t" not in line and "·" not in line)
    return lines[start:]


def source_outline() -> list[dict]:
    """Chapters → sections → sub-sections, and the boxes in each chapter, as the source prints them."""
    chapters: list[dict] = []
    for line in _body_lines():
        if line.startswith("附件"):
            break
        if m := CHAPTER.match(line):
            chapters.append({"number": m.group(1), "title": m.group(2), "sections": [], "boxes": []})
        elif m := SECTION.match(line):
            chapters[-1]["sections"].append({"number": m.group(1), "title": m.group(2), "sections": []})
        elif m := SUBSECTION.match(line):
            chapters[-1]["sections"][-1]["sections"].append({"number": m.group(1), "title": m.group(2)})
        elif m := BOX.match(line):
            key = (m.group(1), int(m.group(2)))
            if key not in chapters[-1]["boxes"]:  # a box title printed again on the next page
                chapters[-1]["boxes"].append(key)
    return chapters


def source_box_items() -> dict[tuple, set[int]]:
    """The item numbers printed in each 重点领域 / 重点工程 box."""
    items: dict[tuple, set[int]] = {}
    current = None
    for line in _body_lines():
        if m := BOX.match(line):
            current = (m.group(1), int(m.group(2))) if m.group(1) != "专栏" else None
            if current:
                items.setdefault(current, set())
        elif CHAPTER.match(line) or SECTION.match(line) or SUBSECTION.match(line):
            current = None
        elif current and (m := ITEM.match(line)):
            items[current].add(int(m.group(1)))
    return items


def source_table(after: str, until: str) -> list[list[str]]:
    """Tab-separated rows that start with a number, between two markers of the source."""
    part = SOURCE[SOURCE.index(after): SOURCE.index(until, SOURCE.index(after))]
    return [line.split("\t") for line in part.split("\n") if re.match(r"^\d+\t", line)]
