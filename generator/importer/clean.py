"""Clean: repair what extraction did to the text, never the wording, one node of the Document at a time.

Turns the body nodes of a `Document` into Lines (each remembering the source line it starts on):
Kangxi radicals and other look-alikes mapped back to the ideographs they stand for, full-width digits
made ASCII, stray HTML and Markdown marks and editing marks dropped. Page furniture (running heads,
`— 3 —`, `第3页 共8页`) is what readers mark; `furniture()` marks it for text that comes as lines.
Only in wrapped formats (PDF, OCR, .doc and plain text, whose lines are printed lines) are paragraphs
that a page or line break cut in two joined again: a line is joined to the next only when it does not
end a sentence and the next does not open a new numbered item, label, heading or date. Nodes of a
.docx, .html or spreadsheet are paragraphs and cells already, and are never joined.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from . import patterns as P
from .document import BODY, FURNITURE, PARAGRAPH, TABLE, Cell, Document, Node
from .document import Part as DocPart

WRAPPED = ("pdf", "ocr", "doc", "txt", "md", "text")  # formats whose lines are printed lines, not paragraphs


@dataclass
class Line:
    no: int  # 1-based line number in the raw source text
    text: str
    cells: list[list[str]] | None = None  # a table row: cells, each a list of paragraphs
    used: bool = False  # placed in some field of the draft
    indent: int = 0  # printed indented: 1 a PDF paragraph's first line, 2 a centred line
    joined: list[int] = field(default_factory=list)  # further source lines joined into this one
    part: int = 0  # which part of the publication (file) it comes from
    marker: str = ""  # the marker a reader gave apart from the text (Word numbering), already in `text`
    level: int | None = None  # the level the format states (Word outline, HTML h-level)

    @property
    def is_row(self) -> bool:
        return self.cells is not None


_INLINE_TAGS = re.compile(r"</?(?:b|strong|i|em|u|span|font|a|sup|sub|small|big|o:p|st1:[a-z]+)(?:\s[^<>]*)?/?>", re.I)
_BLOCK_TAGS = re.compile(r"</?(?:p|div|li|ol|ul|br|h[1-6]|section|article|blockquote|pre)(?:\s[^<>]*)?/?>", re.I)
_TABLE_TAGS = re.compile(r"</?(?:table|tbody|thead|tr|td|th|col|colgroup)(?:\s[^<>]*)?/?>", re.I)
_EDIT_MARKS = re.compile(r"\[bookmark:[^\]]*\]|\[(?:comment|footnote)[^\]]*\]", re.I)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BOLD = re.compile(r"\*\*|__")
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_PAGE_NO = re.compile(r"^[\s\-—–－─―‒·•.]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－─―‒·•.]*$")
_PAGE_OF = re.compile(r"^\s*(?:第\s*\d+\s*页\s*[,，/、]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*第\s*\d+\s*页|"
                      r"\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)\s*$", re.I)
_ZERO_WIDTH = dict.fromkeys([*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u2029"),
                             *range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), *range(0x7f, 0xa0),
                             *range(0x202a, 0x202f), *range(0x2066, 0x206a)], None)  # invisible and control characters
_SPACES = dict.fromkeys(map(ord, "\u00a0\u3000\u2002\u2003\u2009\u202f"), " ")
_FULLWIDTH_DIGITS = {0xFF10 + i: str(i) for i in range(10)}
_SPACE_BY_PUNCT = re.compile(r"[ ]+(?=[“”‘’（）《》〈〉【】「」，。、；：！？])|(?<=[“”‘’（）《》〈〉【】「」，。、；：！？])[ ]+")


def normalise_chars(text: str) -> str:
    """Look-alike characters back to the ones the guide means; spacing characters to plain spaces."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0x2F00 <= o <= 0x2FDF or 0x2E80 <= o <= 0x2EFF or 0xF900 <= o <= 0xFAFF:
            ch = unicodedata.normalize("NFKC", ch)  # ⼀ (Kangxi radical one) → 一
        out.append(ch)
    return "".join(out).translate(_ZERO_WIDTH).translate(_SPACES).translate(_FULLWIDTH_DIGITS)


def strip_markup(text: str) -> str:
    """Inline HTML and Markdown marks and editing marks removed; entities decoded."""
    text = _EDIT_MARKS.sub("", text)
    text = _INLINE_TAGS.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_BOLD.sub("", text)
    if "&" in text:
        text = html.unescape(text).translate(_SPACES)
    return text


def tidy(text: str) -> str:
    """One paragraph's text: markup gone, spaces around full-width punctuation dropped, ends trimmed."""
    text = strip_markup(normalise_chars(text))
    text = _BLOCK_TAGS.sub(" ", _TABLE_TAGS.sub(" ", text))
    text = re.sub(r"[ \t]+", " ", text)
    return _SPACE_BY_PUNCT.sub("", text).strip()


def split_cell(cell: str) -> list[str]:
    """A table cell's text → its paragraphs (split at <p>, <li>, <br> and at inline numbering 1. 2. 3.)."""
    cell = normalise_chars(_EDIT_MARKS.sub("", cell))
    parts = [tidy(p) for p in _BLOCK_TAGS.split(_TABLE_TAGS.sub(" ", cell))]
    out: list[str] = []
    for p in parts:
        if p:
            out.extend(split_inline_numbering(p))
    return out


_INLINE_NUM = re.compile(r"(?:(?<=^)|(?<=[\s；;。]))(\d{1,2})\s*[.．、](?!\d)\s*")


def split_inline_numbering(text: str) -> list[str]:
    """`1.甲； 2.乙； 3.丙。` in one paragraph → three items, when the numbers run 1, 2, 3 …"""
    found = [m for m in _INLINE_NUM.finditer(text)]
    starts, want = [], 1
    for m in found:
        if int(m.group(1)) == want:
            starts.append(m.start())
            want += 1
    if len(starts) < 2:
        return [text]
    pieces = [text[: starts[0]].strip()] if text[: starts[0]].strip() else []
    bounds = starts + [len(text)]
    pieces += [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [p for p in pieces if p]


def furniture(lines: list[str], page_starts: list[int]) -> set[int]:
    """Indexes of page furniture: page numbers, `第3页 共8页`, and running heads repeated on most pages."""
    drop = {i for i, l in enumerate(lines) if _PAGE_NO.match(l) and l.strip() and "\t" not in l
            or _PAGE_OF.match(l) or _MD_RULE.match(l)}
    if len(page_starts) >= 3:
        edges: Counter = Counter()
        bounds = page_starts + [len(lines)]
        where: dict[str, list[int]] = {}
        for a, b in zip(bounds, bounds[1:]):
            body = [i for i in range(a, b) if lines[i].strip() and i not in drop]
            for i in body[:2] + body[-2:]:
                key = re.sub(r"\d+", "#", lines[i].strip())
                if len(key) <= 60:
                    where.setdefault(key, []).append(i)
        for key, idx in where.items():
            pages = {next(p for p in range(len(page_starts) - 1, -1, -1) if page_starts[p] <= i) for i in idx}
            if len(pages) >= max(3, len(page_starts) // 2):
                drop.update(idx)
    return drop


def clean(raw: str, page_starts: list[int] | None = None) -> list[Line]:
    """Raw text (one printed line a line) → Lines: see `from_text` and `clean_document`."""
    return clean_document(from_text(raw, "txt", page_starts))


def from_text(raw: str, fmt: str, page_starts: list[int] | None = None, name: str = "") -> Document:
    """Bridge from the line-based reader output to the Document model: a paragraph node per line (its
    line number kept), consecutive tab-separated rows as one table node, furniture marked.

    TODO(imp-read): delete once every reader returns a Document (read.read(paths) -> Document).
    """
    raw_lines = raw.split("\n")
    page_starts = page_starts or []
    drop = furniture(raw_lines, page_starts)
    part = DocPart(name or f"source.{fmt}", fmt)
    page = 0
    for i, text in enumerate(raw_lines):
        while page < len(page_starts) and page_starts[page] <= i:
            page += 1
        if not text.strip():
            continue
        if "\t" in text and len([c for c in text.split("\t") if c.strip()]) >= 2 and i not in drop:
            cells = [Cell([text_cell], 0, c) for c, text_cell in enumerate(text.split("\t"))]
            prev = part.nodes[-1] if part.nodes else None
            if prev is not None and prev.kind == TABLE and prev.end_line == i:
                for c in cells:
                    c.row = len(prev.rows)
                prev.rows.append(cells)
                prev.end_line = i + 1
            else:
                part.nodes.append(Node(TABLE, rows=[cells], page=page or None, line=i + 1, end_line=i + 1))
            continue
        indent = 2 if text.startswith("\u3000" * 4) else 1 if text.startswith(("\u3000\u3000", "    ")) else 0
        part.nodes.append(Node(PARAGRAPH, text=text, orig=text, layer=FURNITURE if i in drop else BODY,
                               page=page or None, indent=indent, line=i + 1, end_line=i + 1))
    return Document([part])


def _grid(node: Node) -> list[list[list[str]]]:
    """A table node's rows as full grids of cells (each a list of raw paragraphs); a merged cell's text
    stands in each row and column it spans, so columns line up with the header."""
    width = max((c.col + c.col_span for r in node.rows for c in r), default=0)
    grid = [[None] * width for _ in node.rows]
    for r in node.rows:
        for c in r:
            for dr in range(c.row_span):
                for dc in range(c.col_span):
                    if c.row + dr < len(grid) and c.col + dc < width and grid[c.row + dr][c.col + dc] is None:
                        grid[c.row + dr][c.col + dc] = c.paragraphs if (dr, dc) == (0, 0) else list(c.paragraphs)
    out = [[g if g is not None else [] for g in row] for row in grid]
    for r in node.rows:  # a cell across the whole width (a group heading, a note) is one cell, not one per column
        for c in r:
            if width > 1 and c.col == 0 and c.col_span >= width:
                for dr in range(c.row_span):
                    if c.row + dr < len(out):
                        out[c.row + dr] = [c.paragraphs if dr == 0 else list(c.paragraphs)]
    return out


def clean_document(doc: Document) -> list[Line]:
    """Every body node of every part → Lines: text repaired per node; paragraphs joined again only
    inside a wrapped part (PDF, text), never across parts, never in .docx, .html or spreadsheets."""
    out: list[Line] = []
    if any(not n.line for n in doc.nodes()):
        doc.source_text()  # numbers the nodes by the lines of the saved source text
    for pi, part in enumerate(doc.parts):
        lines: list[Line] = []
        node_of: dict[int, int] = {}  # id(line) → the index of the node it came from
        for ni, node in enumerate(part.body()):
            if node.kind == TABLE:
                for r, row in enumerate(_grid(node)):
                    cells = [[q for p in c for q in split_cell(p)] for c in row]
                    if not any(cells):
                        continue
                    # a PDF's or a text's table is columns guessed from gaps: an empty one is no cell; a Markdown
                    # table's cells are real, and an empty one keeps the columns after it under their headers
                    cells = [c for c in cells if c] if part.fmt in WRAPPED and part.fmt != "md" else cells
                    lines.append(Line(node.line + r, " ".join(" ".join(c) for c in cells), cells, part=pi))
                continue
            text = (node.marker + node.text) if node.marker and not node.text.startswith(node.marker) else node.text
            indent = node.indent
            for piece in _BLOCK_TAGS.split(text) if _BLOCK_TAGS.search(text) else [text]:
                for k, sub in enumerate(piece.split("\n")):
                    t = tidy(sub)
                    if t:
                        lines.append(Line(node.line + k, t, indent=indent, part=pi,
                                          marker=tidy(node.marker), level=node.level))
                        node_of[id(lines[-1])] = ni
                        indent = 0
        if part.fmt == "md":  # paragraphs a blank line apart are paragraphs: only a node's own lines may join
            lines = [l for ls in _by_node(lines, node_of) for l in join_numbered(join_broken(ls))]
        elif part.fmt in WRAPPED:
            lines = join_numbered(join_broken(lines, wrapped=any(n.page for n in part.body())))
        out.extend(lines)
    return out


def _by_node(lines: list[Line], node_of: dict[int, int]) -> list[list[Line]]:
    """Lines in runs of one node each (a table's rows are runs of their own)."""
    runs: list[list[Line]] = []
    for line in lines:
        key = node_of.get(id(line))
        if runs and key is not None and node_of.get(id(runs[-1][-1])) == key:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def ends_sentence(text: str) -> bool:
    t = text.rstrip("”’」』）)》〉】 ")
    return not t or t[-1] in P.TERMINAL or text.rstrip()[-1:] in "：:"


def width(text: str) -> int:
    """Printed width: CJK characters count two, others one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def full_width(lines: list[Line]) -> int | None:
    """For wrapped text (PDF, OCR): the width of a full line, from the longest lines; None when too few lines."""
    widths = sorted(width(l.text) for l in lines if not l.is_row and l.text)
    if len(widths) < 20:
        return None
    return widths[int(len(widths) * 0.9)]


def join_broken(lines: list[Line], wrapped: bool = False) -> list[Line]:
    """Join a line to the next when a page or line break cut a paragraph in two.

    In wrapped text (a PDF's lines) a numbered line that runs to the full width was cut too: joined.
    """
    full = full_width(lines) if wrapped else None
    indents = wrapped and sum(l.indent for l in lines) >= 3  # the PDF indents its paragraphs' first lines
    out: list[Line] = []
    last = ""  # the last physical line of out[-1]
    for line in lines:
        prev = out[-1] if out else None
        if indents and line.indent == 2:  # a centred line: joins only a centred line it continues
            joins = prev is not None and prev.indent == 2 and continues(prev.text, line.text)
        elif indents and line.indent:
            joins = False  # an indented line opens a paragraph
        elif indents and full and width(last) >= 0.9 * full:
            # a full line wraps on; paragraphs here open indented, so an unindented 研究任务：… is the wrapped
            # rest of a sentence, not a label (a numbered heading still is not joined)
            joins = not P.heading_like(line.text) and not P.standalone(line.text)
        else:
            joins = continues(prev.text, line.text) if prev is not None else False
            joins = joins or bool(full and width(last) >= 0.85 * full and not ends_sentence(last)
                                  and not P.starts_structure(line.text) and not P.standalone(line.text))
        if prev is not None and not prev.is_row and not line.is_row and joins:
            prev.text = prev.text + line.text
            prev.joined.append(line.no)
            last = line.text
            continue
        out.append(line)
        last = line.text
    return out


def continues(a: str, b: str) -> bool:
    """True when line b is the rest of line a's paragraph (a semicolon ends a clause, not a paragraph)."""
    if (ends_sentence(a) and not a.rstrip().endswith(("；", ";"))) or P.starts_structure(b) or P.is_title_line(a) or P.standalone(a) or P.standalone(b):
        return False
    if P.heading_like(a):
        return False  # numbered headings and labels end at the line end; segment decides otherwise
    return len(a) >= 8 or bool(re.search(r"[，、（“]", a))


def _style(text: str) -> str | None:
    if m := P.TOPIC.match(text):
        return "topic:" + m.group(1)
    if P.ITEM.match(text):
        return "item"
    if P.PAREN_ITEM.match(text):
        return "paren"
    return None


def join_numbered(lines: list[Line]) -> list[Line]:
    """A numbered line cut short: join it to the next when its siblings carry whole sentences.

    In a run of items of one style (项目1：…。…, 1.…。) between two headings, an item that does not end
    a sentence while most of its siblings hold one was cut by a page or line break.
    """
    blocks: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.is_row or P.H1.match(line.text) or P.H2.match(line.text) or P.CHAPTER.match(line.text) \
                or P.ANNEX.match(line.text):
            blocks.append([])
        else:
            blocks[-1].append(i)
    cut: set[int] = set()
    for block in blocks:
        by_style: dict[str, list[int]] = {}
        for i in block:
            style = _style(lines[i].text)
            if style:
                by_style.setdefault(style, []).append(i)
        for items in by_style.values():
            whole = [i for i in items if ends_sentence(lines[i].text)]
            for i in items:
                if i not in whole and len(whole) >= max(1, 0.6 * (len(items) - 1)) and i + 1 < len(lines):
                    nxt = lines[i + 1]
                    if not nxt.is_row and not P.starts_structure(nxt.text) and not P.standalone(nxt.text):
                        cut.add(i)
    out: list[Line] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if i in cut:
            nxt = lines[i + 1]
            line.text += nxt.text
            line.joined += [nxt.no, *nxt.joined]
            skip = True
        out.append(line)
    return out
