"""PDF → a Part through pypdfium2: the text layer as paragraphs, ruled tables as tables, page furniture marked.

Each page's lines come with their indentation (two ideographic spaces for a paragraph's first line,
four for a centred line, measured from the page's left edge) and their right edge. Lines are joined
into one paragraph only where the layout says so: the line before runs to the right margin and this
one is not indented (when the document indents its paragraphs; otherwise also only when the line before
does not end a sentence), also across a page break past the running heads and page numbers between
(the node's `page` is where it starts). Running heads and page numbers are furniture nodes (what
clean.furniture finds), kept in the part, not in the body.
Ruled tables are rebuilt from the page's drawn lines by pdftables; a table cut by a page break is
joined to its first part. Scans have no text layer: with `ocr` tesseract (chi_sim) reads each page.
Bounds: page count and reading time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time

from .. import pdftables
from ..document import BODY, FURNITURE, PARAGRAPH, TABLE, Cell, Node, Part
from .base import MAX_PAGES, PDF_SECONDS, ImportFailure, lines as _lines

TERMINAL = "。！？；：!?;:"


class _Line(str):
    """A printed line (its indentation as ideographic spaces in front) with its right edge and glyph height."""

    right: float | None = None
    height: float | None = None

    @property
    def indent(self) -> int:
        return 2 if self.startswith("\u3000" * 4) else 1 if self.startswith("\u3000\u3000") else 0


def read(data: bytes, name: str, ocr: bool = False) -> Part:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ImportFailure("not a PDF (no %PDF header); export the guide again as PDF")
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailure("the PDF is encrypted; remove the password (print to PDF) and import again") from None
        raise ImportFailure("the PDF is damaged and cannot be opened; download or export it again") from None
    try:
        pages = len(pdf)
        if pages > MAX_PAGES:
            raise ImportFailure(f"the PDF has {pages} pages, more than {MAX_PAGES}; import the guide alone")
        started = time.monotonic()
        pages_items: list[list] = []
        for i in range(pages):
            if time.monotonic() - started > PDF_SECONDS:
                raise ImportFailure(f"reading the PDF took more than {PDF_SECONDS:.0f} s (page {i + 1} of {pages}); "
                                    "print it to a new PDF and import that")
            page = pdf[i]
            textpage = page.get_textpage()
            pages_items.append(page_items(page, textpage))
            textpage.close()
            page.close()
        chars = sum(len(x.strip()) if isinstance(x, str) else sum(len("".join(r)) for r in x.rows)
                    for items in pages_items for x in items)  # a page all table is text too
        if chars < 20 * max(1, pages) // 4:
            if not ocr:
                raise ImportFailure("the PDF has no text layer (a scan); run with --ocr (needs tesseract-ocr "
                                    "and tesseract-ocr-chi-sim) or import the Word file")
            return _ocr(pdf, name)
    finally:
        pdf.close()
    drop = join_tables(pages_items)
    part = _nodes(pages_items, drop, name)
    part.printed = _printed(pages_items)  # transitional: read.flatten's text, until the clean step reads the Document
    return part


def _printed(pages_items: list[list]) -> tuple[list[str], list[int]]:
    """The pages as the old reader's lines (indentation in front, furniture included, table rows tab-separated)
    and the index of each page's first line."""
    lines, page_starts = [], []
    for items in pages_items:
        page_starts.append(len(lines))
        for x in items:
            if isinstance(x, str):
                lines.extend(_lines(x).split("\n"))
            else:
                lines.extend(pdftables.row_line(r) for r in x.rows if any(r))  # none when joined to an earlier one
    return lines, page_starts


def _flat(pages_items: list[list]) -> tuple[list[str], dict, list[int]]:
    flat, where, page_starts = [], {}, []
    for p, items in enumerate(pages_items):
        page_starts.append(len(flat))
        for i, x in enumerate(items):
            for line in _lines(x).split("\n") if isinstance(x, str) else [""]:
                where.setdefault((p, i), []).append(len(flat))
                flat.append(line)
    return flat, where, page_starts


def join_tables(pages_items: list[list]) -> set[int]:
    """A table at the foot of a page and one at the top of the next with the same columns, with only page
    furniture between them (running heads, page numbers: what clean.furniture finds), are one table cut
    by the page break: the second is joined to the first (pdftables.join). Returns the furniture: indexes
    into the pages' lines taken one after another (a table counting as one line)."""
    from ..clean import furniture

    flat, where, page_starts = _flat(pages_items)
    drop = furniture(flat, page_starts)

    def furniture_only(p: int, indexes: range) -> bool:
        return all(not flat[k].strip() or k in drop for i in indexes for k in where[(p, i)])

    for p, (before, after) in enumerate(zip(pages_items, pages_items[1:])):
        tables_a = [i for i, x in enumerate(before) if not isinstance(x, str)]
        tables_b = [i for i, x in enumerate(after) if not isinstance(x, str)]
        if not tables_a or not tables_b:
            continue
        a, b = tables_a[-1], tables_b[0]
        if furniture_only(p, range(a + 1, len(before))) and furniture_only(p + 1, range(b)) \
                and pdftables.continues(before[a], after[b]):
            pdftables.join(before[a], after[b])
    return drop


_SPACED = re.compile(r"[0-9A-Za-z%] [\u4e00-\u9fff]|[\u4e00-\u9fff] [0-9A-Za-z]")
_UNSPACED = re.compile(r"[0-9A-Za-z%][\u4e00-\u9fff]|[\u4e00-\u9fff][0-9A-Za-z]")


def _latin(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "%")


def _glue(a: str, b: str, spaced: bool) -> str:
    """Two printed lines of one paragraph joined. A PDF keeps no space at a line break: Latin words get one
    back; between a digit or Latin letter and a Chinese character, one is put back when the document
    writes them spaced elsewhere ("成果 1 项", as Word users type it), else none."""
    a, b = a.rstrip(), b.strip()
    x, y = a[-1:], b[:1]
    latin = _latin(x) and _latin(y)
    mixed = spaced and ((_latin(x) and "\u4e00" <= y <= "\u9fff") or ("\u4e00" <= x <= "\u9fff" and _latin(y)))
    return a + (" " if latin or mixed else "") + b


def _nodes(pages_items: list[list], drop: set[int], name: str) -> Part:
    part = Part(name, "pdf")
    lines = [x for items in pages_items for x in items if isinstance(x, _Line) and x.strip()]
    rights = sorted(x.right for x in lines if x.right is not None)
    heights = sorted(x.height for x in lines if x.height)
    full = rights[int(len(rights) * 0.9)] if len(rights) >= 10 else None
    em = heights[len(heights) // 2] if heights else 10.0
    indents = sum(1 for x in lines if x.indent == 1) >= 3
    spaced = sum(len(_SPACED.findall(x)) for x in lines) > 2 * sum(len(_UNSPACED.findall(x)) for x in lines)
    k = 0
    prev: _Line | None = None  # the last line of the paragraph node being built (past furniture, not past a table)
    for p, items in enumerate(pages_items):
        for x in items:
            if not isinstance(x, str):
                k += 1
                prev = None
                if x.rows:
                    part.nodes.append(_table(x, p + 1))
                continue
            physical = _lines(x).split("\n")
            first, k = k, k + len(physical)
            if not x.strip():
                continue
            if first in drop:
                part.nodes.append(Node(PARAGRAPH, text=x.strip(), orig=str(x), layer=FURNITURE, page=p + 1,
                                       where=f"p. {p + 1}"))
                continue
            line = x if isinstance(x, _Line) else _Line(x)
            joins = (prev is not None and full is not None and line.indent == 0 and prev.indent != 2
                     and prev.right is not None and prev.right >= full - 1.5 * em
                     and (indents or prev.rstrip()[-1:] not in TERMINAL))
            if joins:
                node = next(n for n in reversed(part.nodes) if n.layer == BODY)
                node.text = _glue(node.text, line, spaced)
                node.orig += "\n" + line
            else:
                part.nodes.append(Node(PARAGRAPH, text=line.strip(), orig=str(line), indent=line.indent, page=p + 1,
                                       where=f"p. {p + 1}"))
            prev = line
    return part


def _table(t: pdftables.Table, page: int) -> Node:
    """A ruled table (its pages joined) as a table node: the first row its header, a cell over several
    columns one cell with its column span."""
    spans = t.spans if len(t.spans) == len(t.rows) else [[1] * len(r) for r in t.rows]
    rows = []
    for texts, widths in ((x, w) for x, w in zip(t.rows, spans) if any(x)):
        r, col, row = len(rows), 0, []
        for text, width in zip(texts, widths):
            row.append(Cell([q for q in text.split("<p>") if q.strip()], r, col, col_span=width, header=r == 0))
            col += width
        rows.append(row)
    return Node(TABLE, rows=rows, page=page, where=f"p. {page}")


def page_items(page, textpage) -> list:
    """A page as its lines (_Line, indented as _indents says) and its ruled tables (pdftables.Table) in
    reading order. A line most of whose characters lie inside a table belongs to that table."""
    text = textpage.get_text_range()
    if not text.strip():
        return []
    aligned = len(text) == textpage.count_chars()
    if not aligned:  # characters and text do not line up (rare): lines without geometry
        return [_Line(l) for l in _lines(text).split("\n")]
    tables = []
    hs, vs = pdftables.rules(page)
    tables = pdftables.grids(hs, vs) if hs and vs else []
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text)]
    ends = starts[1:] + [len(text)]
    owner: dict[int, pdftables.Table] = {}
    for s, e in zip(starts, ends) if tables else ():
        boxes = [(k, textpage.get_charbox(k)) for k in range(s, e) if not text[k].isspace()]
        inside = {k: t for k, box in boxes for t in tables if t.holds((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)}
        if not boxes or 2 * len(inside) <= len(boxes):
            continue
        box_of = dict(boxes)
        last = None  # (table, centre, box) of the last character placed
        for k in range(s, e):
            if k in inside:
                box = box_of[k]
                last = (inside[k], ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), box)
                last[0].place(*last[1], box, text[k])
            elif last is not None and text[k] == " ":  # a space: into the cell of the character before it
                t, centre, box = last
                t.place(*centre, (box[2], box[1], box[2], box[3]), " ")
        owner[s] = max(set(inside.values()), key=lambda t: sum(1 for x in inside.values() if x is t))
    indents = _indents(textpage, text, [s for s in starts if s not in owner])
    pdftables.fill(tables)
    items: list = []
    shown: set[int] = set()
    for s, e in zip(starts, ends):
        if s in owner:
            t = owner[s]
            if id(t) not in shown:
                shown.add(id(t))
                items.append(t)
            continue
        raw = text[s:e].rstrip("\r\n")
        line = _Line(indents.get(s, "") + raw)
        last = s + len(raw.rstrip()) - 1
        if last >= s:
            left, bottom, right, top = textpage.get_charbox(last)
            line.right, line.height = right, top - bottom
        items.append(line)
    return items


def _indents(textpage, text: str, starts: list[int]) -> dict[int, str]:
    """For the lines starting at `starts`: the ideographic spaces each indented line gets: two for the first
    line of a paragraph (as Chinese documents print it), four for a centred line (titles, headings)."""
    lefts, size = {}, []
    for s in starts:
        if s >= len(text) or text[s] in "\r\n ":
            continue
        left, bottom, right, top = textpage.get_charbox(s)
        lefts[s] = left
        size.append(top - bottom)
    if len(lefts) < 3 or not size:
        return {}
    margin = min(lefts.values())
    em = sorted(size)[len(size) // 2] or 10
    out = {}
    for s in sorted(lefts):
        offset = lefts[s] - margin
        if offset > 1.5 * em:
            out[s] = "\u3000" * (2 if offset < 3.2 * em else 4)
    return out


def _ocr(pdf, name: str) -> Part:
    exe = shutil.which("tesseract")
    if not exe:
        raise ImportFailure("the PDF is a scan and OCR needs tesseract (apt-get install tesseract-ocr "
                            "tesseract-ocr-chi-sim); or import the Word file")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False).stdout
    if "chi_sim" not in langs.split():
        raise ImportFailure("OCR needs tesseract's Chinese data (apt-get install tesseract-ocr-chi-sim)")
    part = Part(name, "pdf", notes=["text recognised by OCR: check every field"])
    for i in range(len(pdf)):
        page = pdf[i]
        bitmap = page.render(scale=300 / 72, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        raw = bytes(bitmap.buffer)
        pgm = f"P5\n{width} {height}\n255\n".encode() + b"".join(
            raw[r * stride: r * stride + width] for r in range(height))  # grey image tesseract reads as PNM
        done = subprocess.run([exe, "stdin", "stdout", "-l", "chi_sim", "--psm", "6"], input=pgm,
                              capture_output=True, timeout=120, check=False)
        for line in _lines(done.stdout.decode("utf-8", errors="replace")).split("\n"):
            if line.strip():
                part.nodes.append(Node(PARAGRAPH, text=line.strip(), orig=line, page=i + 1, where=f"p. {i + 1} (OCR)"))
    return part
