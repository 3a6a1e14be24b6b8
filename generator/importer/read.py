"""Read: a publication's files → one `Document` (document.py), a part per file, in the order given.

`read([notice.html, 附件1.docx, 附件2.xlsx])` reads each file with its format's reader (readers/: one
module per format, each through a maintained library); a folder stands for its supported files in
natural name order. Every failure is an ImportFailure whose message is one line saying what to do
(its `path` names the file when several were given).

Until the steps after reading take a Document, `read(path)` with a single path keeps its old meaning:
it returns `Extracted`, the document flattened to the text the clean step reads (table rows as tab-
separated cells with `<p>` between a cell's paragraphs; PDF lines as printed, indentation and page
furniture included, with each page's first line in `page_starts`). `extract(paths)` is the same for
several files. Both go once the clean step reads the Document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .document import TABLE, Document, Node
from .readers import EXTENSIONS, expand, read_part
from .readers.base import MAX_BYTES, ImportFailure
from .readers.pdf import join_tables as _join_tables_drop
from .readers.text import decode

__all__ = ["ImportFailure", "Extracted", "read", "extract", "decode", "flatten", "MAX_BYTES", "EXTENSIONS"]


@dataclass
class Extracted:
    text: str  # the raw text as extracted; saved to content/sources/
    fmt: str  # docx, doc, pdf, html, txt, md, xlsx, xls
    page_starts: list[int] = field(default_factory=list)  # PDF: 0-based line index where each page starts
    notes: list[str] = field(default_factory=list)  # what the reader noticed (encoding, OCR …)


def read(paths, ocr: bool = False):
    """Files (and folders) → one Document of their parts in the given order.

    Deprecated form, kept until imp-core's steps take a Document: a single `Path` (not a list) returns
    `Extracted`, the old flattened text (see the module docstring)."""
    if isinstance(paths, (str, Path)):
        return extract([Path(paths)], ocr=ocr)
    document = Document()
    for path in expand([Path(p) for p in paths]):
        try:
            document.parts.append(read_part(path, ocr=ocr))
        except ImportFailure as exc:
            exc.path = path
            raise
    return document


def extract(paths: list[Path], ocr: bool = False) -> Extracted:
    """The files' Document flattened to the old reader's text (transitional: see the module docstring)."""
    return flatten(read(list(paths), ocr=ocr))


def flatten(document: Document) -> Extracted:
    """A Document → the old reader's text: body nodes a line each, table rows as tab-separated cells; a PDF
    as its printed lines (indentation in front, running heads and page numbers included: the clean step
    finds them by page), kept by the PDF reader. Parts follow one another."""
    out: list[str] = []
    page_starts: list[int] = []
    notes: list[str] = []
    for part in document.parts:
        pdf = part.fmt == "pdf"
        pages = 0
        notes += part.notes
        printed = getattr(part, "printed", None)  # a PDF's lines as printed, furniture included (readers.pdf)
        if printed is not None:
            page_starts += [len(out) + s for s in printed[1]]
            out.extend(printed[0])
            continue
        for node in part.body():
            if pdf and node.page:
                while pages < node.page:
                    page_starts.append(len(out))
                    pages += 1
            out.extend(_flat_lines(node))
    fmt = document.parts[0].fmt if len({p.fmt for p in document.parts}) == 1 else "mixed"
    return Extracted("\n".join(out), fmt, page_starts=page_starts, notes=notes)


def _flat_lines(node: Node) -> list[str]:
    if node.kind != TABLE:
        text = node.orig or ((node.marker + node.text) if node.marker else node.text)
        return text.split("\n")
    lines = []
    below: dict[int, int] = {}  # column → rows a cell from above still covers
    for row in node.rows:
        fields: dict[int, str] = {c.col: "<p>".join(c.paragraphs) for c in row}
        for col, left in list(below.items()):
            if left > 0:
                fields.setdefault(col, "")
                below[col] = left - 1
        for c in row:
            if c.row_span > 1:
                below[c.col] = c.row_span - 1
        lines.append("\t".join(fields[k] for k in sorted(fields)))
    return lines


def _join_tables(pages_items: list[list]) -> None:
    """PDF tables cut by a page break joined (readers.pdf.join_tables; kept here for its test)."""
    _join_tables_drop(pages_items)
