"""Read: a bureau's file (.docx, .doc, .pdf, .html, .txt, .md) → its text, one paragraph a line.

Each format goes through a maintained library (python-docx, pypdfium2, lxml, charset-normalizer;
Debian's antiword or catdoc for .doc; tesseract for scanned PDFs with --ocr). Table rows come out as
one line with the cells separated by tabs, paragraphs inside a cell by `<p>` marks that the clean
step splits. Input is bounded before it is read: file size, the unpacked size of a .docx's members,
PDF page count and parsing time. Every failure is an ImportFailure with one line saying what to do.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024  # a guide is a few MB at most; larger files are refused before reading
MAX_UNPACKED = 200 * 1024 * 1024  # all members of a .docx together, uncompressed
MAX_DOCUMENT_XML = 50 * 1024 * 1024  # the text part alone; a long guide's is a few MB
MAX_RATIO = 200  # compression ratio of one .docx member above which it is taken for a zip bomb
MAX_PAGES = 2000
PDF_SECONDS = 60.0  # text extraction stops with a clear message past this
FORMATS = (".docx", ".doc", ".pdf", ".html", ".htm", ".txt", ".md")


class ImportFailure(Exception):
    """Input the importer cannot use; str() is the one-line message (without the file name)."""


@dataclass
class Extracted:
    text: str  # the raw text as extracted; saved to content/sources/
    fmt: str  # docx, doc, pdf, html, txt
    page_starts: list[int] = field(default_factory=list)  # PDF: 0-based line index where each page starts
    notes: list[str] = field(default_factory=list)  # what the reader noticed (encoding, OCR …)


def read(path: Path, ocr: bool = False) -> Extracted:
    """Extract the text of `path` by its extension (and its first bytes, which must agree)."""
    if not path.is_file():
        raise ImportFailure("no such file; check the path")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportFailure(f"file is {size / 1048576:.0f} MB, larger than the {MAX_BYTES // 1048576} MB limit; "
                            "import the guide's own file, not an archive or a scan bundle")
    if size == 0:
        raise ImportFailure("file is empty; export the guide again")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ImportFailure(f"unknown format {suffix or '(no extension)'}; use .docx, .doc, .pdf, .html, .txt or .md")
    data = path.read_bytes()
    if suffix == ".docx":
        return _docx(data)
    if suffix == ".doc":
        return _doc(path, data)
    if suffix == ".pdf":
        return _pdf(data, ocr)
    if suffix in (".html", ".htm"):
        return Extracted(_html(data), "html")
    return _plain(data)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text file → (text, encoding): UTF-8 (with or without BOM) first, else charset-normalizer."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailure("binary data, not text; open it in its program and save it as .docx, .pdf or UTF-8 .txt")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in ("gb18030",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None or not _mostly_text(str(best)):
        raise ImportFailure("not readable as text in UTF-8 or GB18030/GBK; save it as UTF-8 text, .docx or .pdf")
    return data.decode(best.encoding, errors="replace"), best.encoding


def _mostly_text(text: str) -> bool:
    """True when the characters are mostly CJK, ASCII letters, digits, punctuation and spaces."""
    sample = text[:200_000]
    if not sample.strip():
        return False
    good = sum(1 for c in sample if c.isprintable() or c in "\n\r\t\f")
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    return good / len(sample) > 0.97 and (cjk > 0 or sample.isascii())


def _plain(data: bytes) -> Extracted:
    text, enc = decode(data)
    return Extracted(_lines(text), "txt", notes=[f"encoding {enc}"])


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---- .docx --------------------------------------------------------------------------------------

def _docx(data: bytes) -> Extracted:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ImportFailure("an encrypted or old-format Word file named .docx; remove the password "
                                "or save it again as .docx") from None
        raise ImportFailure("not a valid .docx (the zip container is broken); open it in Word and save it again") from None
    total = 0
    for m in members:
        total += m.file_size
        if m.filename == "word/document.xml" and m.file_size > MAX_DOCUMENT_XML:
            raise ImportFailure(f"the .docx text part unpacks to {m.file_size // 1048576} MB (over "
                                f"{MAX_DOCUMENT_XML // 1048576} MB: a zip bomb?); open it in Word and save it again")
        if m.file_size > MAX_UNPACKED or total > MAX_UNPACKED:
            raise ImportFailure(f"the .docx unpacks to more than {MAX_UNPACKED // 1048576} MB (a zip bomb?); "
                                "open it in Word and save it again")
        if m.compress_size and m.file_size > 10 * 1024 * 1024 and m.file_size / m.compress_size > MAX_RATIO:
            raise ImportFailure(f"{m.filename} in the .docx is packed {m.file_size // max(1, m.compress_size)}:1 "
                                "(a zip bomb?); open it in Word and save it again")
    if "word/document.xml" not in {m.filename for m in members}:
        raise ImportFailure("not a Word document (no word/document.xml); open it in Word and save it as .docx")
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on broken XML
        raise ImportFailure(f"the .docx cannot be read ({type(exc).__name__}); open it in Word and save it again") from None
    lines: list[str] = []
    numbering = _Numbering(document)
    def blocks(parent):  # paragraphs and tables, also those inside content controls (w:sdt)
        for child in parent.iterchildren():
            if child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from blocks(content)
            else:
                yield child

    for block in blocks(document.element.body):
        if block.tag == qn("w:p"):
            lines.append(numbering.prefix(block) + _paragraph_text(block))
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    paras = [numbering.prefix(p) + _paragraph_text(p) for p in cell.iter(qn("w:p"))]
                    cells.append("<p>".join(p for p in paras if p.strip()))
                lines.append("\t".join(cells))
    return Extracted("\n".join(lines), "docx")


def _paragraph_text(p) -> str:
    """A paragraph's text with manual line breaks as spaces-free joins and tabs as spaces."""
    from docx.oxml.ns import qn

    out = []
    for node in p.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag in (qn("w:tab"),):
            out.append(" ")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")  # a manual line break: the clean step decides whether it joins the words
    return "".join(out)


class _Numbering:
    """Word's automatic numbering (not in the text): 1. 2. 3. / 一、 / （一） made visible again."""

    _FORMATS = {"decimal": "{n}.", "chineseCounting": "{zh}、", "chineseCountingThousand": "{zh}、",
                "ideographTraditional": "{zh}、", "decimalEnclosedParen": "（{n}）", "decimalFullWidth": "{n}."}

    def __init__(self, document):
        self.levels: dict[tuple[str, str], tuple[str, str]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        from docx.oxml.ns import qn

        root = part.element
        abstract: dict[str, dict[str, tuple[str, str]]] = {}
        for a in root.iter(qn("w:abstractNum")):
            lv = {}
            for lvl in a.iter(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                lv[lvl.get(qn("w:ilvl"))] = (fmt.get(qn("w:val")) if fmt is not None else "",
                                             text.get(qn("w:val")) if text is not None else "")
            abstract[a.get(qn("w:abstractNumId"))] = lv
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                for ilvl, spec in abstract.get(ref.get(qn("w:val")), {}).items():
                    self.levels[(num.get(qn("w:numId")), ilvl)] = spec
        self.styles: dict[str, tuple[str, str]] = {}  # numbering that a paragraph style carries (List Number …)
        for style in document.styles.element.iter(qn("w:style")):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None and numpr.find(qn("w:numId")) is not None:
                ilvl = numpr.find(qn("w:ilvl"))
                self.styles[style.get(qn("w:styleId"))] = (numpr.find(qn("w:numId")).get(qn("w:val")),
                                                           ilvl.get(qn("w:val")) if ilvl is not None else "0")

    def prefix(self, p) -> str:
        from docx.oxml.ns import qn

        numpr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if numpr is not None:
            num = numpr.find(qn("w:numId"))
            ilvl = numpr.find(qn("w:ilvl"))
            key = (num.get(qn("w:val")) if num is not None else "0", ilvl.get(qn("w:val")) if ilvl is not None else "0")
        elif style is not None and style.get(qn("w:val")) in getattr(self, "styles", {}):
            key = self.styles[style.get(qn("w:val"))]
        else:
            return ""
        fmt, text = self.levels.get(key, ("", ""))
        if fmt in ("bullet", "none", "") or key[0] == "0":
            return ""
        self.counters[key] = n = self.counters.get(key, 0) + 1
        for other in list(self.counters):  # a higher level restarts the deeper ones
            if other[0] == key[0] and other[1] > key[1]:
                del self.counters[other]
        if text and "%" in text:
            return text.replace(f"%{int(key[1]) + 1}", _zh(n) if "chinese" in fmt or "ideograph" in fmt else str(n))
        return self._FORMATS.get(fmt, "{n}.").format(n=n, zh=_zh(n))


def _zh(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


# ---- .doc ---------------------------------------------------------------------------------------

def _doc(path: Path, data: bytes) -> Extracted:
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        if data.startswith(b"PK"):
            raise ImportFailure("this is a .docx named .doc; rename it to .docx")
        raise ImportFailure("not a Word .doc file; open it in Word and save it as .docx")
    for tool, args in (("antiword", ["-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["-d", "utf-8", "-w"])):
        exe = shutil.which(tool)
        if not exe:
            continue
        try:
            done = subprocess.run([exe, *args, str(path)], capture_output=True, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            raise ImportFailure(f"{tool} took more than 60 s; open it in Word and save it as .docx") from None
        if done.returncode == 0 and done.stdout.strip():
            text = done.stdout.decode("utf-8", errors="replace")
            # antiword marks tables with | between cells: turn them into tab-separated rows
            rows = [("\t".join(c.strip() for c in l.strip().strip("|").split("|")) if l.lstrip().startswith("|") else l)
                    for l in _lines(text).split("\n")]
            return Extracted("\n".join(rows), "doc", notes=[f"read with {tool}"])
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        if message and "encrypt" in message[0].lower():
            raise ImportFailure("the .doc is password-protected; remove the password and save it as .docx")
    raise ImportFailure("old Word .doc needs antiword or catdoc (apt-get install antiword), "
                        "or open it in Word/LibreOffice and save it as .docx")


# ---- .pdf ---------------------------------------------------------------------------------------

def _pdf(data: bytes, ocr: bool) -> Extracted:
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
        texts: list[str] = []
        for i in range(pages):
            if time.monotonic() - started > PDF_SECONDS:
                raise ImportFailure(f"reading the PDF took more than {PDF_SECONDS:.0f} s (page {i + 1} of {pages}); "
                                    "print it to a new PDF and import that")
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(_indented(textpage))
            textpage.close()
            page.close()
        chars = sum(len(t.strip()) for t in texts)
        if chars < 20 * max(1, pages) // 4:
            if not ocr:
                raise ImportFailure("the PDF has no text layer (a scan); run with --ocr (needs tesseract-ocr "
                                    "and tesseract-ocr-chi-sim) or import the Word file")
            return _ocr(pdf)
    finally:
        pdf.close()
    page_starts, lines = [], []
    for t in texts:
        page_starts.append(len(lines))
        lines.extend(_lines(t).split("\n"))
    return Extracted("\n".join(lines), "pdf", page_starts=page_starts)


def _indented(textpage) -> str:
    """A page's text, each line that starts indented from the page's left edge given ideographic spaces
    in front: two for the first line of a paragraph (as Chinese documents print it), four for a centred
    line (titles, headings). The clean step uses them to tell a new paragraph from a wrapped line."""
    text = textpage.get_text_range()
    if not text.strip() or len(text) != textpage.count_chars():
        return text  # characters and text do not line up (rare): no indentation
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text)]
    lefts, size = {}, []
    for s in starts:
        if text[s] in "\r\n ":
            continue
        left, bottom, right, top = textpage.get_charbox(s)
        lefts[s] = left
        size.append(top - bottom)
    if len(lefts) < 3 or not size:
        return text
    margin = min(lefts.values())
    em = sorted(size)[len(size) // 2] or 10
    out, last = [], 0
    for s in sorted(lefts):
        offset = lefts[s] - margin
        if offset > 1.5 * em:  # two ideographic spaces: a paragraph's first line; four: centred
            out.append(text[last:s])
            out.append("\u3000" * (2 if offset < 3.2 * em else 4))
            last = s
    out.append(text[last:])
    return "".join(out)


def _ocr(pdf) -> Extracted:
    exe = shutil.which("tesseract")
    if not exe:
        raise ImportFailure("the PDF is a scan and OCR needs tesseract (apt-get install tesseract-ocr "
                            "tesseract-ocr-chi-sim); or import the Word file")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, check=False).stdout
    if "chi_sim" not in langs.split():
        raise ImportFailure("OCR needs tesseract's Chinese data (apt-get install tesseract-ocr-chi-sim)")
    lines, page_starts = [], []
    for i in range(len(pdf)):
        page = pdf[i]
        bitmap = page.render(scale=300 / 72, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        raw = bytes(bitmap.buffer)
        pgm = f"P5\n{width} {height}\n255\n".encode() + b"".join(
            raw[r * stride: r * stride + width] for r in range(height))  # grey image tesseract reads as PNM
        done = subprocess.run([exe, "stdin", "stdout", "-l", "chi_sim", "--psm", "6"], input=pgm,
                              capture_output=True, timeout=120, check=False)
        page_starts.append(len(lines))
        text = done.stdout.decode("utf-8", errors="replace")
        lines.extend(_lines(text).split("\n"))
    return Extracted("\n".join(lines), "pdf", page_starts=page_starts, notes=["text recognised by OCR: check every field"])


# ---- .html --------------------------------------------------------------------------------------

_DROP = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "select", "button")
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "dt", "dd",
          "blockquote", "pre", "ul", "ol", "table", "tbody", "thead"}
# An article page's own furniture: date and source line, font-size switch, print/close links, hit counter.
_PAGE_META = re.compile(r"^\s*(发布时间|发布日期|信息来源|来源|浏览次数|点击数|阅读次数|字号|【?\s*(打印|关闭)).{0,80}$|"
                        r"【\s*(打印本页|关闭窗口|返回顶部)\s*】")
_ARTICLE_HINTS = ("article", "content", "zoom", "TRS_Editor", "main", "detail", "text", "ccontent", "pages_content")


def _html(data: bytes) -> str:
    import lxml.html

    head = data[:4096].lower()
    if b"charset=gb" in head or b'charset="gb' in head:
        text = data.decode("gb18030", errors="replace")
    else:
        text, _ = decode(data)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # lxml raises ParserError and ValueError on broken input
        raise ImportFailure("the web page cannot be parsed; save it again from the browser (Save as HTML)") from None
    for bad in root.xpath("//" + " | //".join(_DROP)):
        bad.drop_tree()
    for bad in root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' nav') or "
                          "contains(@class, 'breadcrumb') or contains(@class, 'footer') or contains(@id, 'footer') "
                          "or contains(@class, 'header') or contains(@id, 'header') or contains(@class, 'share') "
                          "or contains(@class, 'menu')]"):
        bad.drop_tree()
    article = _article(root)
    return "\n".join(l for l in _html_lines(article) if not _PAGE_META.search(l))


def _article(root):
    """The element holding the guide: <article>, a known content container, or the densest block."""
    for xp in ("//article",) + tuple(f"//*[contains(@class, '{h}') or contains(@id, '{h}')]" for h in _ARTICLE_HINTS):
        found = [e for e in root.xpath(xp) if _cjk(e.text_content()) > 200]
        if found:
            return max(found, key=lambda e: _cjk(e.text_content()) - len(e.xpath(".//a")) * 20)
    body = root.find("body")
    candidates = [e for e in root.iter("div", "td", "section", "main") if _cjk(e.text_content()) > 200]
    if not candidates:
        return body if body is not None else root
    return max(candidates, key=lambda e: _cjk(e.text_content()) - 30 * len(e.xpath(".//a")) - 0.2 * _cjk(
        "".join(a.text_content() for a in e.xpath(".//a"))) * 10)


def _cjk(s: str) -> int:
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


def _html_lines(el) -> list[str]:
    out: list[str] = []
    buf: list[str] = []

    def flush():
        line = "".join(buf).replace("\xa0", " ")
        buf.clear()
        if line.strip():
            out.append(line.strip())

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "tr":
            flush()
            cells = []
            for cell in node:
                if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
                    sub = _html_lines(cell)
                    cells.append("<p>".join(sub))
            out.append("\t".join(cells))
            if node.tail and node.tail.strip():
                buf.append(node.tail)
            return
        if tag in _BLOCK:
            flush()
        if node.text and tag:
            buf.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCK:
            flush()
        if node.tail:
            buf.append(node.tail)

    if el.text:
        buf.append(el.text)
    for child in el:
        walk(child)
    flush()
    return out
