"""The importer's one document model: what every reader fills and every later step reads.

Following Docling's design (shared/IMPORTER-MODEL.md): a reader turns its format into a `Document`
of `Part`s (a publication is often several files: the notice and its attachments), each a flat list
of `Node`s in reading order. A node is a title, a heading, a paragraph, a list item or a table; it
keeps the marker it was printed with ("一、", "（1）", "1.1", "①", "【…】", "项目3") apart from its
text, whether Word's numbering or the text itself gave it, and a layer: page furniture (running
heads, page numbers, site navigation) is kept but marked, never deleted, so the report of what was
not placed can be true. A table is rows of `Cell`s with spans and a header flag; a cell may hold
several paragraphs. Readers never join two source paragraphs or two cells: boundaries are data.

`Document.source_text()` renders the body as the plain text saved to content/sources/ and gives each
node the 1-based line (`Node.line`) it starts on there, so every field and every unplaced node in
the report points at a line of that file. `Document.dump()` is an indented tree dump for tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

# Node kinds
TITLE = "title"  # the document's title as the format marks it (HTML <h1>/<title>, Word Title style)
HEADING = "heading"  # a heading the format marks (Word outline level, HTML h2–h6, Markdown #)
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"  # a paragraph printed with a marker (from numbering or from its text)
TABLE = "table"

BODY = "body"
FURNITURE = "furniture"  # running heads, page numbers, navigation: kept, marked, not walked


@dataclass
class Cell:
    paragraphs: list[str]  # the cell's paragraphs, never joined
    row: int  # 0-based row of its top-left corner
    col: int  # 0-based column of its top-left corner
    row_span: int = 1
    col_span: int = 1
    header: bool = False  # a column-header cell (first row of a table with headers, <th>, Markdown head)

    @property
    def text(self) -> str:
        return "\n".join(p for p in self.paragraphs if p)


@dataclass
class Node:
    kind: str  # TITLE, HEADING, PARAGRAPH, LIST_ITEM or TABLE
    text: str = ""  # cleaned text, without the marker
    orig: str = ""  # the text as the reader got it (marker included), for the report
    marker: str = ""  # the marker as printed: "一、" "（一）" "1." "（1）" "1.1" "①" "第三章" "项目2" …
    level: int | None = None  # the level the format states (Word outline / numbering ilvl, HTML h-level)
    layer: str = BODY
    rows: list[list[Cell]] = field(default_factory=list)  # TABLE: each row's cells, spans not repeated
    page: int | None = None  # 1-based page (PDF, OCR), or sheet index (spreadsheets)
    where: str = ""  # provenance in the source file: "p. 3", "Sheet1!A4:F4", "word/document.xml#p12"
    indent: int = 0  # 1 first-line indent (PDF), 2 centred (title-like), as printed
    line: int = 0  # 1-based line in Document.source_text() where the node starts (set by that method)
    end_line: int = 0  # last line of the node there

    @property
    def is_table(self) -> bool:
        return self.kind == TABLE


@dataclass
class Part:
    name: str  # the file name as given (附件1 指南.docx)
    fmt: str  # docx, doc, pdf, html, txt, md, xlsx, xls, ofd
    nodes: list[Node] = field(default_factory=list)
    title_hints: list[str] = field(default_factory=list)  # outside the body: HTML <title>, <h1> outside the article, document properties
    notes: list[str] = field(default_factory=list)  # what the reader noticed (encoding, OCR, a merged cell …)

    def body(self) -> Iterator[Node]:
        return (n for n in self.nodes if n.layer == BODY)


@dataclass
class Document:
    parts: list[Part] = field(default_factory=list)

    def nodes(self) -> Iterator[Node]:
        """Every body node of every part, in order."""
        for part in self.parts:
            yield from part.body()

    def source_text(self) -> str:
        """The body as plain text (content/sources/), setting each node's line and end_line.

        A paragraph is one line per source paragraph (its marker kept in front); a table row is one
        line of cells separated by " | " with a cell's paragraphs joined by " / "; parts are separated
        by a line "==== <file name> ====" when there are several.
        """
        out: list[str] = []
        several = len(self.parts) > 1
        for part in self.parts:
            if several:
                out.append(f"==== {part.name} ====")
            for node in part.body():
                node.line = len(out) + 1
                if node.kind == TABLE:
                    for row in node.rows:
                        out.append(" | ".join(" / ".join(c.paragraphs) for c in row))
                else:
                    text = (node.marker + node.text) if node.marker else node.text
                    out.extend(text.split("\n") or [""])
                node.end_line = max(node.line, len(out))
        return "\n".join(out) + "\n"

    def dump(self) -> str:
        """An indented tree dump, one node a line, for tests and --debug."""
        out = []
        for part in self.parts:
            out.append(f"part {part.name} ({part.fmt})")
            for n in part.nodes:
                flag = "" if n.layer == BODY else f" [{n.layer}]"
                lvl = "" if n.level is None else f" L{n.level}"
                if n.kind == TABLE:
                    out.append(f"  table{flag} {len(n.rows)}×{max((len(r) for r in n.rows), default=0)}")
                    for r in n.rows:
                        out.append("    | " + " | ".join(
                            ("*" if c.header else "") + c.text.replace("\n", " / ")
                            + (f" <{c.row_span}x{c.col_span}>" if c.row_span > 1 or c.col_span > 1 else "")
                            for c in r))
                else:
                    mark = f" [{n.marker}]" if n.marker else ""
                    out.append(f"  {n.kind}{lvl}{flag}{mark} {n.text}")
        return "\n".join(out)
