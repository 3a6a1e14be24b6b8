"""PDF tables: ruled tables on a PDF page found from its drawn lines, their cells filled from pypdfium2's
character boxes, so a cell's wrapped lines come back as one cell and not as interleaved lines.

A rule is a thin path (a filled hairline rectangle as Chromium and Word print them, a stroked line) or
a straight side of a stroked outline or grid drawn as one path. Rules that touch form a grid; each row band between two horizontal
rules is cut into cells by the vertical rules crossing it (so merged cells stay whole). Characters are
placed by their centres; inside a cell, lines are rejoined and a short line or an indented one starts a
new paragraph. A table continued on the next page is joined to its first part (a repeated header row
dropped, a row cut by the page break put together again). The reader writes each row the way it
writes .docx and .html rows: cells separated by tabs, paragraphs by `<p>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as P

THIN = 3.0  # points: a path thinner than this is a rule
NEAR = 2.5  # points: rules closer than this touch; rule positions closer than this are one


@dataclass(eq=False)
class Table:
    left: float
    bottom: float
    right: float
    top: float
    ys: list[float]  # horizontal rule positions, top to bottom
    bands: list[list[float]]  # per row band: the x of its cell edges, left to right
    cells: list[list[list[tuple[float, float, float, float, str]]]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # per row its cells' text, paragraphs joined by <p>
    spans: list[list[int]] = field(default_factory=list)  # per row its cells' column spans (against every column edge)
    open_top: bool = False  # no rule above the first row: a row cut by the page break goes on here
    open_bottom: bool = False  # no rule below the last row: its row goes on on the next page
    into: Table | None = None  # the table on an earlier page this one was joined to

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top

    def place(self, x: float, y: float, box: tuple[float, float, float, float], ch: str) -> None:
        for r, (hi, lo) in enumerate(zip(self.ys, self.ys[1:])):
            if lo <= y <= hi:
                edges = self.bands[r]
                for c, (a, b) in enumerate(zip(edges, edges[1:])):
                    if a <= x <= b:
                        self.cells[r][c].append((*box, ch))
                        return
                return

    def columns(self) -> list[float]:
        return max(self.bands, key=len)


def rules(page) -> tuple[list[tuple], list[tuple]]:
    """The page's horizontal rules (x0, x1, y) and vertical rules (x, y0, y1).

    Objects are walked through pdfium's C calls (a page of text has hundreds of text objects, which need
    no Python wrapper); form XObjects, rare in exported documents, go through pypdfium2's walk."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    hs, vs = [], []
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    paths, forms = [], False
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        forms = forms or kind == pdfium_c.FPDF_PAGEOBJ_FORM
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths.append(obj)
    if forms:
        paths = [o.raw for o in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=4)]
    for obj in paths:
        if not pdfium_c.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
            continue
        w, h = r.value - l.value, t.value - b.value
        if h <= THIN and w > THIN:
            hs.append((l.value, r.value, (b.value + t.value) / 2))
        elif w <= THIN and h > THIN:
            vs.append(((l.value + r.value) / 2, b.value, t.value))
        elif w > THIN and h > THIN:  # a stroked outline or grid (not a filled background): its straight sides
            if pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) and stroke.value \
                    and not fill.value:
                for (x0, y0), (x1, y1) in _segments(obj):
                    if abs(y1 - y0) <= THIN and abs(x1 - x0) > THIN:
                        hs.append((min(x0, x1), max(x0, x1), (y0 + y1) / 2))
                    elif abs(x1 - x0) <= THIN and abs(y1 - y0) > THIN:
                        vs.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return hs, vs


def _segments(obj, most: int = 400) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of a path object (a raw FPDF_PAGEOBJECT), in page coordinates (closing
    segments included)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    n = pdfium_c.FPDFPath_CountSegments(obj)
    m = pdfium_c.FS_MATRIX()
    if n <= 0 or n > most or not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return []
    out, start, prev = [], None, None
    x, y = ctypes.c_float(0), ctypes.c_float(0)
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            out.append((prev, point))
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            out.append((point, start))
    return out


def _merge(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] < NEAR:
            continue
        out.append(v)
    return out


def grids(hs: list[tuple], vs: list[tuple]) -> list[Table]:
    """Rules that touch, grouped into tables of at least two rows of rules and two columns."""
    items = [("h", *h) for h in hs] + [("v", *v) for v in vs]
    boxes = [(i[1], i[3], i[2], i[3]) if i[0] == "h" else (i[1], i[2], i[1], i[3]) for i in items]  # x0 y0 x1 y1
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(items)), key=lambda i: boxes[i][0])
    for n, i in enumerate(order):  # sweep on x: only boxes that overlap in x can touch
        x0, y0, x1, y1 = boxes[i]
        for j in order[n + 1:]:
            if boxes[j][0] > x1 + NEAR:
                break
            if boxes[j][1] <= y1 + NEAR and y0 <= boxes[j][3] + NEAR:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    tables = []
    for members in groups.values():
        h = [items[i] for i in members if items[i][0] == "h"]
        v = [items[i] for i in members if items[i][0] == "v"]
        if len(_merge([x for _, x, _, _ in v])) < 2:
            continue  # lines under a heading, a letterhead's rule, a box's side: no table
        ruled = [y for _, _, _, y in h]
        low, high = min(y0 for _, _, y0, _ in v), max(y1 for _, _, _, y1 in v)
        ys = sorted(_merge(ruled + [low, high]), reverse=True)  # a row cut open by a page break: closed
        if len(ys) < 2:
            continue
        left, right = min(x for _, x, _, _ in v), max(x for _, x, _, _ in v)
        bands = []
        for hi, lo in zip(ys, ys[1:]):
            mid = (hi + lo) / 2
            bands.append(_merge([x for _, x, y0, y1 in v if y0 - NEAR <= mid <= y1 + NEAR]) or [left, right])
        table = Table(left - NEAR, ys[-1] - NEAR, right + NEAR, ys[0] + NEAR, ys, bands,
                      open_top=not ruled or high > max(ruled) + NEAR, open_bottom=not ruled or low < min(ruled) - NEAR)
        table.cells = [[[] for _ in range(max(0, len(b) - 1))] for b in bands]
        tables.append(table)
    return sorted(tables, key=lambda t: -t.top)


def cell_text(chars: list[tuple[float, float, float, float, str]]) -> str:
    """A cell's characters (in reading order) → its text, lines rejoined, paragraphs joined by <p>."""
    lines: list[list] = []
    for box in chars:
        l, b, r, t, ch = box
        if lines and (b + t) / 2 >= lines[-1][1] - 0.5 * (lines[-1][2] - lines[-1][1]) and l >= lines[-1][4] - NEAR:
            line = lines[-1]
            line[0] += ch
            line[4] = max(line[4], r)
        else:  # [text, bottom, top, left, right]
            lines.append([ch, b, t, l, r])
    lines = [ln for ln in lines if ln[0].strip()]
    if not lines:
        return ""
    right = max(ln[4] for ln in lines)
    left = min(ln[3] for ln in lines)
    paras = [lines[0][0].lstrip()]
    for prev, ln in zip(lines, lines[1:]):
        em = max(1.0, ln[2] - ln[1])
        text = ln[0].lstrip()
        ends = paras[-1].rstrip()[-1:] in P.TERMINAL + "：:"
        short = right - prev[4]  # a line ends short when the next word would not fit, or where a paragraph ends
        new = (short > 4 * em or (short > 2.5 * em and ends) or ln[3] > left + 1.5 * em
               or (ends and P.starts_structure(text)))
        if new:
            paras.append(text)
        else:  # a wrapped line: a space kept at the wrap stays; English words wrapped get one
            glue = " " if re.search(r"[A-Za-z,.;:]$", paras[-1]) and re.match(r"[A-Za-z(]", text) else ""
            paras[-1] += glue + text
    return "<p>".join(p.strip() for p in paras)


def fill(tables: list[Table]) -> None:
    for t in tables:
        t.rows = [[cell_text(c) for c in row] for row in t.cells]
        t.cells = []
        edges = _merge([x for band in t.bands for x in band])  # every column edge of the table
        t.spans = [[1 + sum(1 for x in edges if a + NEAR < x < b - NEAR) for a, b in zip(band, band[1:])]
                   for band in t.bands]


def continues(a: Table, b: Table) -> bool:
    """True when table b (at the top of a page) goes on with table a (at the foot of the page before)."""
    ca, cb = a.columns(), b.columns()
    return len(ca) == len(cb) and all(abs(x - y) <= 3 for x, y in zip(ca, cb))


def join(a: Table, b: Table) -> None:
    """Append the rows of b (at the top of a page) to table a (at the foot of the page before), or to the
    table a was itself joined to: a repeated header row dropped, a row cut by the page break put together."""
    root = a.into or a
    b.into = root
    rows, b.rows = b.rows, []
    spans, b.spans = b.spans or [[1] * len(r) for r in rows], []
    if not root.spans:
        root.spans = [[1] * len(r) for r in root.rows]
    if rows and root.rows and rows[0] == root.rows[0]:
        rows, spans = rows[1:], spans[1:]
    if not rows or not root.rows:
        root.rows.extend(rows)
        root.spans.extend(spans)
        return
    last = root.rows[-1]
    cut = a.open_bottom or b.open_top or (not rows[0][0] and last[0])
    if cut and len(rows[0]) == len(last):
        for i, part in enumerate(rows[0]):
            if part and last[i]:
                last[i] += ("<p>" if last[i].rstrip()[-1:] in P.TERMINAL + "：:" else "") + part
            elif part:
                last[i] = part
        rows, spans = rows[1:], spans[1:]
    root.rows.extend(rows)
    root.spans.extend(spans)


def row_line(row: list[str]) -> str:
    return "\t".join(row)
