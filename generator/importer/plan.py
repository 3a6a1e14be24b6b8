"""Plan: a 规划's lines → chapters (第X章), sections (一、), sub-sections (（一）), boxes and the annex.

A first, plain reading: the 目录 is skipped, each chapter keeps its opening text, sections and
sub-sections nest by their numbering, and 专栏 / 重点领域 / 重点工程 boxes become item boxes (numbered
`1. 题目。正文` items), indicator boxes (序号 | 指标 | 基期 | 目标 rows) or layout maps the text lacks.
"""

from __future__ import annotations

import re

from ..slugs import SlugRegistry, slugify
from . import patterns as P
from .clean import Line
from .segment import Part, blocks


def find_plan_title(lines: list[Line]) -> Line | None:
    for l in lines[:20]:
        if "规划" in l.text and len(l.text) <= 60 and not l.is_row:
            return l
    return None


def plan(lines: list[Line], title_line: Line | None, guide: dict, draft) -> None:
    ids = SlugRegistry()
    chapters: list[dict] = []
    preface_parts: list[Part] = []
    chapter = section = sub = None
    parts_target: list[Part] = preface_parts
    in_toc = False
    seen_chapters: set[str] = set()
    box = None
    start = lines.index(title_line) + 1 if title_line in lines else 0

    def flush(node):
        if node is not None and node.get("_parts"):
            node["body"] = blocks(node.pop("_parts"))
        elif node is not None:
            node.pop("_parts", None)

    for line in lines[start:]:
        text = line.text
        if re.fullmatch(r"目\s*录", text):
            in_toc = True
            line.used = True
            continue
        if in_toc:
            if line.is_row or re.search(r"\d+$", text) or P.H1.match(text):
                line.used = True
                continue
            in_toc = False
        if re.fullmatch(r"前\s*言", text):
            line.used = True
            continue
        m = P.CHAPTER.match(text)
        if m and m.group(1) not in seen_chapters:
            seen_chapters.add(m.group(1))
            for n in (sub, section, chapter):
                flush(n)
            number = m.group(1) if not m.group(1).isdigit() else m.group(1)
            chapter = {"id": ids.claim(f"di-{P.zh_number(number) or len(chapters) + 1}-zhang"), "number": number,
                       "title": m.group(2).strip(), "_parts": []}
            chapters.append(chapter)
            draft.came_from(("chapters", len(chapters) - 1, "title"), [line.no])
            section = sub = None
            line.used = True
            continue
        if chapter is not None and (m := P.H1.match(text)) and len(text) <= 60:
            flush(sub)
            flush(section)
            section = {"id": ids.claim(slugify(m.group(2), 40)), "number": m.group(1), "title": m.group(2).strip(),
                       "_parts": []}
            chapter.setdefault("sections", []).append(section)
            draft.came_from(("chapters", len(chapters) - 1, "sections", len(chapter["sections"]) - 1, "title"), [line.no])
            sub = None
            line.used = True
            continue
        if section is not None and (m := P.H2.match(text)) and len(text) <= 60:
            flush(sub)
            sub = {"id": ids.claim(slugify(m.group(2), 40)), "number": m.group(1), "title": m.group(2).strip(),
                   "_parts": []}
            section.setdefault("sections", []).append(sub)
            line.used = True
            continue
        target = (sub or section or chapter or {"_parts": preface_parts})["_parts"]
        if line.is_row:
            continue
        im = P.ITEM.match(text)
        target.append(Part("item", im.group(2), [line.no]) if im else Part("para", text, [line.no]))
        line.used = True
    for n in (sub, section, chapter):
        flush(n)
    for c in chapters:
        c.pop("_parts", None)
    if preface_parts:
        guide["preface"] = {"id": "qian-yan", "title": "前言", "body": blocks(preface_parts)}
    guide["chapters"] = chapters or [{"id": "quan-wen", "number": "一", "title": guide["title"]}]
