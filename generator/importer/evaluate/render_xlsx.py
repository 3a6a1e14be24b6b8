"""Render a variant's topic table as a spreadsheet (.xlsx, openpyxl), as bureaus publish 汇总表 / 指南表.

A title row merged across the table's width, the header row, a row a topic (a cell's paragraphs on
lines of their own, wrapped), real merged ranges where the layout merged cells (类别, 经费); one
sheet a track when the layout gives each track its own table (the sheet named after the track).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .layouts import File


def write(f: File, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    title = next(("".join(b.lines) for b in f.blocks if b.kind == "title"), f.title)
    heading = ""
    tables = []
    for b in f.blocks:
        if b.kind == "head" or b.role == "table-title":
            heading = b.text.strip("【】")
        elif b.kind == "table":
            tables.append((heading, b))
    for k, (heading, b) in enumerate(tables):
        name = (heading or "Sheet")[:28] if len(tables) > 1 else "Sheet1"
        sheet = book.create_sheet(name if name not in book.sheetnames else f"{name}{k}")
        width = max(len(r) for r in b.rows)
        sheet.cell(1, 1, title).font = Font(bold=True, size=14)
        sheet.cell(1, 1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        top = 2
        if len(tables) > 1:
            sheet.cell(2, 1, heading)
            top = 3
        for i, row in enumerate(b.rows):
            for j, c in enumerate(row):
                if c is None:
                    continue
                value = "\n".join(c.paras)
                cell = sheet.cell(top + i, j + 1, int(value) if value.isascii() and value.isdigit() else value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if c.header:
                    cell.font = Font(bold=True)
                if c.row_span > 1 or c.col_span > 1:
                    sheet.merge_cells(start_row=top + i, start_column=j + 1,
                                      end_row=top + i + c.row_span - 1, end_column=j + c.col_span)
        for j in range(width):
            sheet.column_dimensions[chr(ord("A") + j)].width = 12 if j == 0 else 40
    book.save(str(path))
