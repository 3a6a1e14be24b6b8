"""The readers: one module per format, each turning a file into a `Part` of the one document model.

`read_part(path)` checks the file (exists, not empty, within MAX_BYTES), tells its format by its
content first (a PDF header; a zip's parts: word/ → .docx, xl/ → .xlsx, OFD.xml → .ofd; an OLE
container's streams) and by its extension after, and hands the bytes to that format's reader:
docx (lxml over the parts), doc (antiword/catdoc), pdf (pypdfium2), html (lxml), txt, md
(markdown-it-py), xlsx/xls (python-calamine), ofd (a message: save it as PDF).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..document import Part
from .base import MAX_BYTES, ImportFailure, natural_key
from .safezip import _directory_bounded

EXTENSIONS = {".docx": "docx", ".doc": "doc", ".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "txt",
              ".md": "md", ".markdown": "md", ".xlsx": "xlsx", ".xls": "xls", ".ofd": "ofd"}
KNOWN = ".docx, .doc, .pdf, .html, .txt, .md, .xlsx, .xls or .ofd"


def detect(data: bytes, suffix: str) -> str | None:
    """The format of `data`: from its content when that is certain, else from the extension (None: unknown)."""
    by_name = EXTENSIONS.get(suffix)
    if data.lstrip()[:5].startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and by_name not in ("docx", "xlsx", "ofd"):
        try:
            _directory_bounded(data, "zip file", "unpack it")
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (ImportFailure, zipfile.BadZipFile, OSError, ValueError, EOFError):
            return by_name
        if "OFD.xml" in names:
            return "ofd"
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        return by_name
    if data.startswith(b"\xd0\xcf\x11\xe0") and by_name not in ("doc", "docx", "xls", "xlsx"):
        head = data[: 1 << 20]
        if "WordDocument".encode("utf-16-le") in head:
            return "doc"
        if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
            return "xls"
    if by_name in ("txt", None) and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return by_name


def read_part(path: Path, ocr: bool = False) -> Part:
    """One file → its Part; ImportFailure (one line saying what to do) for what cannot be read."""
    if not path.is_file():
        raise ImportFailure("no such file; check the path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportFailure(f"file is {size / 1048576:.0f} MB, larger than the {MAX_BYTES // 1048576} MB limit; "
                            "import the guide's own file, not an archive or a scan bundle")
    if size == 0:
        raise ImportFailure("file is empty; export the guide again")
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS and suffix not in ("", ".bin", ".dat"):
        raise ImportFailure(f"unknown format {suffix}; use {KNOWN}")
    data = path.read_bytes()
    fmt = detect(data, suffix)
    name = path.name
    if fmt is None:
        raise ImportFailure(f"unknown format {suffix or '(no extension)'}; use {KNOWN}")
    if fmt == "docx":
        from . import docx
        return docx.read(data, name)
    if fmt == "doc":
        from . import doc
        return doc.read(path, data, name)
    if fmt == "pdf":
        from . import pdf
        return pdf.read(data, name, ocr)
    if fmt == "html":
        from . import html
        return html.read(data, name)
    if fmt == "md":
        from . import markdown
        return markdown.read(data, name)
    if fmt in ("xlsx", "xls"):
        from . import sheet
        return sheet.read(data, name, fmt)
    if fmt == "ofd":
        from . import ofd
        return ofd.read(data, name)
    from . import text
    return text.read(data, name)


def expand(paths: list[Path]) -> list[Path]:
    """Files given and folders' supported files (natural name order: 附件2 before 附件10), in the order given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted((f for f in p.iterdir() if f.is_file() and f.suffix.lower() in EXTENSIONS
                            and not f.name.startswith((".", "~$"))), key=lambda f: natural_key(f.name))
            if not found:
                raise ImportFailure(f"the folder {p} holds no file to import ({KNOWN})")
            out.extend(found)
        else:
            out.append(p)
    return out
