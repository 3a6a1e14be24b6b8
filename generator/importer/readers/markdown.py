"""Markdown (.md) → a Part through markdown-it-py (CommonMark with pipe tables).

`#` headings become heading nodes with their level (a level-1 heading is the title), list items keep
their marker ("1." as written; bullets none) and nesting level, pipe tables become tables with their
header row flagged, `<br>` in a cell separating its paragraphs. A paragraph's soft line breaks stay as
newlines in its text: Chinese files often put one paragraph a line without blank lines between, and a
later step, not the reader, decides whether lines are one paragraph. Entities are decoded once.
"""

from __future__ import annotations

import re

from ..document import HEADING, LIST_ITEM, PARAGRAPH, TABLE, TITLE, Cell, Node, Part
from .base import too_many
from .text import decode

_BR = re.compile(r"<br\s*/?>", re.I)


def _inline(token) -> str:
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "html_inline":
            out.append("\n" if _BR.fullmatch(child.content.strip()) else child.content)
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)


def read(data: bytes, name: str) -> Part:
    from markdown_it import MarkdownIt

    text, enc = decode(data)
    too_many(text.count("\n"), "split it into the guide and its attachments")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    part = Part(name, "md", notes=[f"encoding {enc}"])
    lists: list[dict] = []  # open lists: ordered?, next number
    item_marker: list[str] = []  # per open list item: its marker until its first paragraph takes it
    heading: tuple[str, int] | None = None
    table: list[list[Cell]] | None = None
    cell_header = False
    where = ""
    for tok in tokens:
        if tok.map:
            where = f"line {tok.map[0] + 1}"
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1) if t == "ordered_list_open" else 0
            lists.append({"ordered": t == "ordered_list_open", "n": start})
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            current = lists[-1]
            marker = ""
            if current["ordered"]:
                marker = f"{tok.info or current['n']}{tok.markup}"
                current["n"] = int(tok.info or current["n"]) + 1
            item_marker.append(marker)
        elif t == "list_item_close":
            item_marker.pop()
        elif t == "heading_open":
            heading = (tok.tag, int(tok.tag[1]))
        elif t == "heading_close":
            heading = None
        elif t == "table_open":
            table = []
        elif t == "table_close":
            if table:
                part.nodes.append(Node(TABLE, rows=table, where=where))
            table = None
        elif t == "tr_open" and table is not None:
            table.append([])
        elif t in ("th_open", "td_open"):
            cell_header = t == "th_open"
        elif t == "inline" and table is not None and table:
            row = table[-1]
            paras = [p.strip() for p in _inline(tok).split("\n") if p.strip()]
            row.append(Cell(paras, len(table) - 1, len(row), header=cell_header))
        elif t == "inline":
            body = _inline(tok).strip()
            if heading is not None:
                level = heading[1]
                part.nodes.append(Node(TITLE if level == 1 else HEADING, text=body, orig=tok.content, level=level,
                                       where=where))
            elif item_marker and item_marker[-1] is not None:
                marker = item_marker[-1]
                item_marker[-1] = None  # later paragraphs of the item are plain paragraphs
                part.nodes.append(Node(LIST_ITEM, text=body, orig=(marker + body) if marker else body, marker=marker,
                                       level=len(lists) - 1, where=where))
            elif body:
                part.nodes.append(Node(PARAGRAPH, text=body, orig=body, where=where))
        elif t in ("fence", "code_block"):
            for line in tok.content.split("\n"):
                if line.strip():
                    part.nodes.append(Node(PARAGRAPH, text=line.strip(), orig=line, where=where))
        elif t == "html_block":
            body = tok.content.strip()
            if body:
                part.nodes.append(Node(PARAGRAPH, text=body, orig=body, where=where))
    return part
