"""Plan: a 规划's lines → preface, chapters (第X章), sections (一、), sub-sections (（一）), boxes and annex.

The 目录 (with page numbers) is skipped. Box headers (专栏 N, 重点领域 N, 重点工程 N) open a box: an
indicator table (序号 | 指标 | 基期 | 目标 rows, 注 footnotes), numbered items (`1. 题目。正文`) or a
layout map whose picture the text lacks (its legend lines `“1”：…` kept). A box header repeated on
the next page continues the same box, and the text it cut is joined again. The annex (附件：…) with
its 序号 | 指标 | 计算公式 | 指标解释 table becomes `annex`.
"""

from __future__ import annotations

import re

from ..slugs import SlugRegistry, slugify
from . import patterns as P
from .clean import Line, join_broken, join_numbered
from .segment import Part, blocks

_LEGEND = re.compile(r"^[“\"][^”\"]{1,8}[”\"]\s*[：:]")
_MAP = re.compile(r"(布局图|示意图|分布图|地图|结构图)$")
_UNIT = re.compile(r"^(.*?)[（(]([^（）()]{1,8})[）)]$")
_LATEX = re.compile(r"\$\\text\{(.*?)\}\$|\$(.*?)\$")


def find_plan_title(lines: list[Line]) -> Line | None:
    for l in lines[:20]:
        if "规划" in l.text and len(l.text) <= 60 and not l.is_row and not P.starts_structure(l.text):
            return l
    return None


def _unlatex(text: str) -> str:
    text = _LATEX.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    return text.replace("\\&", "&").replace("\\%", "%").replace("\\_", "_")


def plan(lines: list[Line], title_line: Line | None, guide: dict, draft) -> None:
    start = lines.index(title_line) + 1 if title_line in lines else 0
    body = _without_repeated_box_heads(lines[start:])
    ids = SlugRegistry()
    chapters: list[dict] = []
    preface: list[Part] = []
    stack: list[dict] = []  # chapter, section, sub-section
    box: dict | None = None
    annex: dict | None = None
    mode = "front"
    lead: str | None = None

    def target() -> list:
        return stack[-1]["_parts"] if stack else preface

    def close_box():
        nonlocal box
        if box is not None:
            _finish_box(box)
            box = None

    for line in body:
        text = line.text
        if mode == "front":
            if re.fullmatch(r"前\s*言", text):
                mode = "preface"
                line.used = True
                continue
            if re.fullmatch(r"目\s*录", text):
                mode = "toc"
                line.used = True
                continue
            if not P.CHAPTER.match(text):
                if P.standalone(text):
                    continue  # issuer and date: read by the caller
                mode = "preface"
        if mode == "preface" and re.fullmatch(r"目\s*录", text):
            mode = "toc"
            line.used = True
            continue
        if mode == "toc":
            if line.is_row or re.search(r"\d+$", text) or not P.CHAPTER.match(text):
                line.used = True
                continue
            mode = "body"
        if annex is not None:
            _annex_line(annex, line)
            continue
        m = P.ANNEX.match(text) if not line.is_row else None
        if m and chapters and len(text) <= 60:
            close_box()
            annex = {"id": "fu-jian", "label": "附件", "title": m.group(2).strip(), "_header": None, "rows": []}
            draft.came_from(("annex",), [line.no])
            line.used = True
            continue
        m = P.CHAPTER.match(text) if not line.is_row else None
        if m and len(text) <= 60:
            close_box()
            mode = "body"
            number = m.group(1)
            chapter = {"id": ids.claim(f"di-{P.zh_number(number) or len(chapters) + 1}-zhang"), "number": number,
                       "title": m.group(2).strip(), "_parts": []}
            chapters.append(chapter)
            stack[:] = [chapter]
            draft.came_from(("chapters", len(chapters) - 1, "title"), [line.no])
            line.used = True
            continue
        if mode == "preface":
            preface.append(Part("para", text, [line.no]))
            line.used = True
            continue
        h1 = P.H1.match(text) if not line.is_row else None
        h2 = P.H2.match(text) if not line.is_row else None
        if (h1 or h2) and stack and len(text) <= 80:
            close_box()
            m = h1 or h2
            title, lead = _heading(m.group(2))
            node = {"id": ids.claim(slugify(title, 40)), "number": m.group(1), "title": title, "_parts": []}
            depth = 1 if h1 else 2
            parent = stack[min(depth, len(stack)) - 1] if depth == 1 or len(stack) >= 2 else stack[-1]
            if h2 and len(stack) < 2:
                parent = stack[-1]
            parent.setdefault("sections", []).append(node)
            stack[:] = stack[: stack.index(parent) + 1] + [node]
            line.used = True
            if lead:
                target().append(Part("para", lead, [line.no]))
                draft.note(_node_path(chapters, node) + ("title",),
                           f"标题行末尾的“{lead[:20]}…”当作下一段的开头，请核对")
            continue
        b = P.BOX.match(text) if not line.is_row else None
        if b and len(text) <= 60:
            close_box()
            series, number, title = b.group(1), int(b.group(2)), b.group(3).strip()
            kind = "map" if _MAP.search(title) else "items"
            box = {"id": ids.claim(f"{slugify(series, 20)}-{number}"), "kind": kind, "series": series,
                   "number": number, "title": title, "_body": [], "_items": [], "_rows": [], "_notes": [],
                   "_columns": None}
            target().append(Part("box", "", [line.no], ))
            target()[-1].box = box
            line.used = True
            continue
        if box is not None and _box_line(box, line):
            line.used = True
            continue
        close_box()
        if line.is_row:
            continue
        if lead is not None and target() and target()[-1].kind == "para" and target()[-1].text == lead \
                and not P.starts_structure(text):
            target()[-1].text += text
            target()[-1].lines.append(line.no)
            lead = None
            line.used = True
            continue
        lead = None
        im = P.ITEM.match(text)
        target().append(Part("item", im.group(2), [line.no]) if im else Part("para", text, [line.no]))
        line.used = True
    close_box()
    if preface:
        guide["preface"] = {"id": "qian-yan", "title": "前言", "body": blocks(preface)}
    for c in chapters:
        _finish(c)
    guide["chapters"] = chapters or [{"id": "quan-wen", "number": "一", "title": guide["title"]}]
    if not chapters:
        draft.note(("chapters",), "没有找到“第X章”：全文放在一章里，请按原文分章")
    for ci, c in enumerate(chapters):
        _review_boxes(c, ("chapters", ci), draft)
    if annex is not None and annex["rows"]:
        header = annex.pop("_header") or ["序号", "指标", "计算公式", "指标解释及统计方法"]
        annex["columns"] = dict(zip(("number", "indicator", "formula", "explanation"), (header + ["", "", "", ""])[:4]))
        annex["rows"] = annex.pop("rows")
        guide["annex"] = {k: annex[k] for k in ("id", "label", "title", "columns", "rows")}


def _node_path(chapters: list[dict], node: dict) -> tuple:
    for ci, c in enumerate(chapters):
        for si, sec in enumerate(c.get("sections", [])):
            if sec is node:
                return ("chapters", ci, "sections", si)
            for ui, sub in enumerate(sec.get("sections", [])):
                if sub is node:
                    return ("chapters", ci, "sections", si, "sections", ui)
    return ("chapters",)


def _review_boxes(node: dict, path: tuple, draft) -> None:
    for bi, block in enumerate(node.get("body", [])):
        box = block.get("box") if isinstance(block, dict) else None
        if box and box["kind"] == "map":
            draft.note(path + ("body", bi), "布局图是图片，原文文本中没有；请核对图例（body）是否完整")
        elif box and box["kind"] == "indicators":
            draft.note(path + ("body", bi), "指标表：请核对单位、数值，并用 annex_row 连到附件的指标说明")
    for si, sub in enumerate(node.get("sections", [])):
        _review_boxes(sub, path + ("sections", si), draft)


def _heading(text: str) -> tuple[str, str | None]:
    """`成都建设……使命重大 国家重大战略……契机。` → (title, lead sentence of the next paragraph)."""
    m = re.match(r"^(.{4,40}?[^\s。])\s+(\S.*。)$", text)
    if m and not m.group(1).endswith("。"):
        return m.group(1), m.group(2)
    return text.rstrip("。"), None


def _finish(node: dict) -> None:
    parts = node.pop("_parts", [])
    if parts:
        node["body"] = _blocks(parts)
    for s in node.get("sections", []):
        _finish(s)
    if "sections" in node:  # schema order: body before sections
        node["sections"] = node.pop("sections")


def _blocks(parts: list[Part]) -> list:
    out, run = [], []
    for p in parts:
        if p.kind == "box":
            out.extend(blocks(run))
            run = []
            out.append({"box": p.box})
        else:
            run.append(p)
    out.extend(blocks(run))
    return out


def _box_line(box: dict, line: Line) -> bool:
    """Put a line into the open box; False when the line is no longer the box's."""
    text = line.text
    if line.is_row:
        cells = [" ".join(c) for c in line.cells]
        if cells and cells[0] in ("序号", "编号"):
            box["kind"] = "indicators"
            box["_columns"] = [re.sub(r"\s+", "", c) for c in cells]
            return True
        if box["kind"] == "indicators" and cells and cells[0].isdigit():
            box["_rows"].append(cells)
            return True
        return False
    if box["kind"] == "map":
        if _LEGEND.match(text):
            box["_body"].append(text)
            return True
        return False
    if box["kind"] == "indicators":
        if text.startswith(("注：", "注:")) or (box["_notes"] and P.ITEM.match(text)):
            box["_notes"].append(re.sub(r"^注[：:]\s*", "", text))
            return True
        return False
    im = P.ITEM.match(text)
    if im:
        box["_items"].append(im.group(2))
        return True
    if not box["_items"] and not P.heading_like(text):
        box["_body"].append(text)
        return True
    return False


def _finish_box(box: dict) -> None:
    body = box.pop("_body")
    items = box.pop("_items")
    rows = box.pop("_rows")
    notes = box.pop("_notes")
    columns = box.pop("_columns")
    if body:
        box["body"] = body
    if box["kind"] == "map":
        box["map_missing"] = True
    elif box["kind"] == "indicators":
        cols = (columns or ["序号", "指标", "基期", "目标"]) + ["", "", "", ""]
        box["columns"] = {"number": cols[0], "indicator": cols[1], "baseline": cols[2] or "基期", "target": cols[3] or "目标"}
        out = []
        for cells in rows:
            cells = cells + ["", "", "", ""]
            m = _UNIT.match(cells[1])
            row = {"number": int(cells[0]), "indicator": m.group(1) if m else cells[1]}
            if m:
                row["unit"] = m.group(2)
            row["baseline"] = cells[2] or "—"
            row["target"] = cells[3] or "—"
            out.append(row)
        box["rows"] = out or [{"number": 1, "indicator": box["title"], "baseline": "—", "target": "—"}]
        footnotes = [x for n in notes for x in _split_notes(n)]
        if footnotes:
            box["footnotes"] = footnotes
    else:
        out = []
        for n, text in enumerate(items, 1):
            title, _, rest = text.partition("。")
            item = {"number": n, "title": title.strip()}
            item["body"] = [rest.strip()] if rest.strip() else [text]
            out.append(item)
        if out:
            box["items"] = out
        else:
            box["kind"] = "map" if not body else "items"
            if box["kind"] == "map":
                box["map_missing"] = True
            else:
                box["items"] = [{"number": 1, "title": box["title"], "body": body}]
                box.pop("body", None)
    order = ["id", "kind", "series", "number", "title", "body", "columns", "rows", "footnotes", "items", "map_missing"]
    kept = {k: box[k] for k in order if k in box}
    box.clear()
    box.update(kept)


def _split_notes(text: str) -> list[str]:
    m = re.match(r"^(\d{1,2})\s*[.．、]\s*(.*)$", text)
    return [m.group(2).strip() if m else text.strip()]


def _annex_line(annex: dict, line: Line) -> None:
    line.used = True
    if not line.is_row:
        if not annex["title"] and not P.ANNEX.match(line.text):
            annex["title"] = line.text
        return
    cells = [_unlatex(" ".join(c)).strip() for c in line.cells]
    if cells[0] in ("序号", "编号"):
        annex["_header"] = cells
        return
    if cells[0].isdigit():
        cells += ["", "", ""]
        row = {"number": int(cells[0]), "indicator": cells[1]}
        if cells[2]:
            row["formula"] = cells[2]
        row["explanation"] = cells[3] or "—"
        annex["rows"].append(row)


def _without_repeated_box_heads(lines: list[Line]) -> list[Line]:
    """Drop a box header repeated at the top of the next page, and rejoin the text it cut."""
    seen: set[tuple[str, str]] = set()
    kept: list[Line] = []
    for line in lines:
        m = P.BOX.match(line.text) if not line.is_row else None
        if m:
            key = (m.group(1), m.group(2))
            if key in seen:
                line.used = True
                continue
            seen.add(key)
        kept.append(line)
    return join_numbered(join_broken(kept))
