"""Spreadsheets (.xlsx, .xls) → a Part through python-calamine.

An .xlsx is streamed under safezip's caps before calamine opens it. Each sheet with cells is a section
(a heading node naming the sheet when the workbook has several); in it, tables are found as connected
blocks of non-empty cells (merged ranges connect what they cover). A block that is a single cell or a
single merged range (a title row above the table) is a paragraph; a block of one column is a
paragraph per cell; any other block is a table whose first row is its header, merged ranges as spans.
Hidden sheets are furniture. Provenance is the cell or range: "Sheet1!A4", "汇总表!A3:F20".
"""

from __future__ import annotations

import datetime as dt
import io

from ..document import BODY, FURNITURE, HEADING, PARAGRAPH, TABLE, Cell, Node, Part
from .base import ImportFailure
from .safezip import open_zip

MAX_CELLS = 400_000  # all sheets' used ranges together; a guide's summary table has a few thousand cells
FIX = "open it in its program and save it again as .xlsx"


def column(c: int) -> str:
    out = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        out = chr(65 + r) + out
    return out


def ref(r: int, c: int) -> str:
    return f"{column(c)}{r + 1}"


def value_text(v) -> str:
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return str(v)
    return str(v)


def read(data: bytes, name: str, fmt: str) -> Part:
    from python_calamine import CalamineWorkbook

    if fmt == "xlsx":
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            if "EncryptionInfo".encode("utf-16-le") in data[:1 << 20] or b"EncryptedPackage" in data[:1 << 20] \
                    or "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
                raise ImportFailure("the spreadsheet is password-protected; remove the password and save it again as .xlsx")
            fmt = "xls"  # an old .xls named .xlsx: calamine reads it
        else:
            # every member streamed under the caps first; the XML calamine parses held to the parsed-part cap
            open_zip(data, ".xlsx", FIX, lambda n: False, parsed=lambda n: n.endswith((".xml", ".rels")))
    elif not data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure("not an Excel .xls file; open it in its program and save it as .xlsx")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        metas = list(book.sheets_metadata)
    except Exception as exc:  # calamine raises its own error types for broken, encrypted or foreign files
        word = "password-protected" if "password" in str(exc).lower() or "encrypt" in str(exc).lower() else "damaged"
        raise ImportFailure(f"the spreadsheet is {word} and cannot be read; {FIX}") from None
    part = Part(name, fmt)
    sheets = []
    cells = 0
    for index, meta in enumerate(metas, 1):
        try:
            sheet = book.get_sheet_by_name(meta.name)
        except Exception:
            part.notes.append(f"sheet {meta.name} could not be read (a chart sheet?)")
            continue
        cells += sheet.total_height * sheet.total_width
        if cells > MAX_CELLS:
            raise ImportFailure(f"sheet {meta.name} spans {sheet.total_height} × {sheet.total_width} cells, more than "
                                f"{MAX_CELLS}; delete the empty rows and columns or save the guide's table alone")
        try:
            grid = sheet.to_python(skip_empty_area=False)
            merged = list(sheet.merged_cell_ranges or [])
        except Exception:
            raise ImportFailure(f"sheet {meta.name} cannot be read; {FIX}") from None
        visible = "hidden" not in str(getattr(meta, "visible", "")).lower()
        sheets.append((index, meta.name, [[value_text(v) for v in row] for row in grid], merged, visible))
    several = sum(1 for s in sheets if any(any(row) for row in s[2])) > 1
    for index, name_, grid, merged, visible in sheets:
        if not any(any(row) for row in grid):
            part.notes.append(f"sheet {name_} is empty")
            continue
        layer = BODY if visible else FURNITURE
        if several:
            part.nodes.append(Node(HEADING, text=name_, orig=name_, level=1, layer=layer, page=index, where=name_))
        for node in blocks(grid, merged, name_):
            node.layer, node.page = layer, index
            part.nodes.append(node)
    if not any(True for _ in part.body()):
        raise ImportFailure("the spreadsheet has no cells with text; check it is the guide's table, or save the "
                            "sheet that holds it")
    return part


def blocks(grid: list[list[str]], merged: list, sheet: str) -> list[Node]:
    """The sheet's connected blocks of non-empty cells, top to bottom, as paragraph or table nodes."""
    height = len(grid)
    width = max((len(r) for r in grid), default=0)
    cell = lambda r, c: grid[r][c] if r < height and c < len(grid[r]) else ""
    anchor: dict[tuple[int, int], tuple[int, int, int, int]] = {}  # covered position → merged range (r0, c0, r1, c1)
    for (r0, c0), (r1, c1) in merged:
        for r in range(r0, min(r1, height - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                anchor[(r, c)] = (r0, c0, r1, c1)
    filled = {(r, c) for r in range(height) for c in range(len(grid[r])) if grid[r][c].strip()}
    filled |= {k for k, (r0, c0, _, _) in anchor.items() if cell(r0, c0).strip()}
    seen: set = set()
    found = []
    for start in sorted(filled):
        if start in seen:
            continue
        stack, group = [start], []
        seen.add(start)
        while stack:
            r, c = stack.pop()
            group.append((r, c))
            for nb in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if nb in filled and nb not in seen:
                    seen.add(nb)
                    stack.append(nb)
        found.append(group)
    found.sort(key=lambda g: (min(r for r, _ in g), min(c for _, c in g)))
    nodes: list[Node] = []
    for group in found:
        top, left = min(r for r, _ in group), min(c for _, c in group)
        bottom, right = max(r for r, _ in group), max(c for _, c in group)
        ranges = {anchor[p] for p in group if p in anchor}
        # a merged title row on top of the table: split off as a paragraph
        while bottom > top:
            row = [(top, c) for c in range(left, right + 1) if (top, c) in filled]
            heads = {anchor.get(p) for p in row}
            if len(heads) == 1 and None not in heads and next(iter(heads))[2] == top and next(iter(heads))[0] == top:
                r0, c0, r1, c1 = next(iter(heads))
                nodes.append(_para(cell(r0, c0), sheet, f"{ref(r0, c0)}:{ref(r1, c1)}"))
                top += 1
            else:
                break
        if top == bottom and (right == left or len(ranges) == 1 and len({anchor.get((top, c)) for c in range(left, right + 1)
                                                                           if (top, c) in filled}) == 1):
            nodes.append(_para(cell(top, left) or next((cell(r, c) for r, c in sorted(group) if cell(r, c)), ""),
                               sheet, ref(top, left)))
            continue
        if right == left:
            for r in range(top, bottom + 1):
                if cell(r, left).strip():
                    nodes.append(_para(cell(r, left), sheet, ref(r, left)))
            continue
        rows: list[list[Cell]] = []
        for r in range(top, bottom + 1):
            row = []
            for c in range(left, right + 1):
                span = anchor.get((r, c))
                if span and (span[0], span[1]) != (r, c):
                    continue  # covered by a merged cell placed at its top-left corner
                rs = cs = 1
                if span:
                    rs = min(span[2], bottom) - r + 1
                    cs = min(span[3], right) - c + 1
                text = cell(r, c)
                row.append(Cell([p.strip() for p in text.split("\n") if p.strip()], r - top, c - left, rs, cs,
                                header=r == top))
            rows.append(row)
        nodes.append(Node(TABLE, rows=rows, where=f"{sheet}!{ref(top, left)}:{ref(bottom, right)}"))
    return nodes


def _para(text: str, sheet: str, where: str) -> Node:
    return Node(PARAGRAPH, text=text.strip(), orig=text, where=f"{sheet}!{where}")
