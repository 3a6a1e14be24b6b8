"""Word .docx → a Part: one node per w:p (paragraphs are never glued), headings from styles and outline
levels, Word's automatic numbering rendered into the node's marker, tables with merged cells as spans.

The container is streamed under the caps of safezip before anything parses it; the parts are read with
lxml (python-docx's `qn` names the elements): document, styles, numbering, headers and footers (kept as
furniture), core properties (the title, as a hint). Numbering follows numbering.xml: counters per
abstract list and level, deeper levels restarted by a shallower one, `lvlText` with every `%N` rendered
in its level's `numFmt` (decimal, Chinese counting, 甲乙丙, ①②③, full-width digits …).
"""

from __future__ import annotations

import posixpath
import re

from ..document import BODY, FURNITURE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, TITLE, Cell, Node, Part
from . import numerals
from .base import ImportFailure, parse_xml
from .safezip import open_zip

FIX = "open it in Word and save it again as .docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el, path: str, default=None):
    found = el.find(path) if el is not None else None
    if found is None:
        return default
    return found.get(w("val"), default)


def read(data: bytes, name: str) -> Part:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFailure("an encrypted or old-format Word file named .docx; remove the password or save it again as .docx")
    wanted = lambda n: n.endswith((".xml", ".rels")) and not n.startswith(("word/media/", "customXml/"))
    parts = open_zip(data, ".docx", FIX, wanted)
    main = _main_part(parts)
    if main not in parts:
        raise ImportFailure("not a Word document (no word/document.xml); open it in Word and save it as .docx")
    rels = _rels(parts, main)
    styles = _Styles(parse_xml(parts[rels["styles"]], "styles.xml") if rels.get("styles") in parts else None)
    numbering = _Numbering(parse_xml(parts[rels["numbering"]], "numbering.xml")
                           if rels.get("numbering") in parts else None)
    part = Part(name, "docx")
    reader = _Reader(styles, numbering, part)
    for target in rels.get("header", []):
        if target in parts:
            reader.blocks(parse_xml(parts[target], target), FURNITURE, target)
    root = parse_xml(parts[main], main)
    body = root.find(w("body"))
    if body is None:
        raise ImportFailure("the .docx has no body; " + FIX)
    reader.blocks(body, BODY, main)
    for target in rels.get("footer", []):
        if target in parts:
            reader.blocks(parse_xml(parts[target], target), FURNITURE, target)
    title = _core_title(parts)
    if title:
        part.title_hints.append(title)
    return part


def _main_part(parts: dict[str, bytes]) -> str:
    if "_rels/.rels" in parts:
        for rel in parse_xml(parts["_rels/.rels"], "_rels/.rels").iter(f"{{{REL}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


def _rels(parts: dict[str, bytes], main: str) -> dict:
    """styles, numbering (one target each) and header, footer (lists) from the main part's relationships."""
    folder, base = posixpath.split(main)
    path = posixpath.join(folder, "_rels", base + ".rels")
    out: dict = {"header": [], "footer": []}
    if path not in parts:
        out.update(styles=posixpath.join(folder, "styles.xml"), numbering=posixpath.join(folder, "numbering.xml"))
        return out
    for rel in parse_xml(parts[path], path).iter(f"{{{REL}}}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))).lstrip("/")
        if kind in ("header", "footer"):
            out[kind].append(target)
        elif kind in ("styles", "numbering"):
            out[kind] = target
    return out


def _core_title(parts: dict[str, bytes]) -> str:
    data = parts.get("docProps/core.xml")
    if not data:
        return ""
    root = parse_xml(data, "docProps/core.xml")
    found = root.find("{http://purl.org/dc/elements/1.1/}title")
    return (found.text or "").strip() if found is not None else ""


class _Styles:
    """Paragraph styles: outline level (headings), Title, and the numbering a style carries, through basedOn."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        if root is not None:
            for s in root.iter(w("style")):
                if s.get(w("type")) in (None, "paragraph"):
                    self.by_id[s.get(w("styleId"))] = s

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            s = self.by_id[style_id]
            yield s
            style_id = _val(s, w("basedOn"))

    def outline(self, style_id: str | None) -> int | None:
        """0-based outline level of the style (Heading 1 → 0), None for body text."""
        for s in self._chain(style_id):
            lvl = _val(s, f"{w('pPr')}/{w('outlineLvl')}")
            if lvl is not None and lvl.isdigit() and int(lvl) < 9:
                return int(lvl)
            name = (_val(s, w("name")) or "").lower()
            m = re.fullmatch(r"(?:heading|标题)\s*([1-9])", name)
            if m:
                return int(m.group(1)) - 1
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any((_val(s, w("name")) or "").lower() in ("title", "标题") for s in self._chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, str] | None:
        for s in self._chain(style_id):
            numpr = s.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None and numpr.find(w("numId")) is not None:
                return _val(numpr, w("numId"), "0"), _val(numpr, w("ilvl"), "0")
        return None


class _Numbering:
    """numbering.xml: per num its abstract list and overrides; markers rendered as Word shows them."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, {ilvl: startOverride})
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId → {ilvl: current value}
        self.started: set[str] = set()  # numIds whose startOverride has been applied
        if root is None:
            return
        for a in root.iter(w("abstractNum")):
            levels = {}
            for lvl in a.findall(w("lvl")):
                ilvl = int(lvl.get(w("ilvl"), "0"))
                levels[ilvl] = {"fmt": _val(lvl, w("numFmt"), "decimal"), "text": _val(lvl, w("lvlText"), ""),
                                "start": int(_val(lvl, w("start"), "1") or 1), "legal": lvl.find(w("isLgl")) is not None}
            self.abstract[a.get(w("abstractNumId"))] = levels
        for num in root.iter(w("num")):
            overrides = {}
            for o in num.findall(w("lvlOverride")):
                start = _val(o, w("startOverride"))
                if start is not None and start.lstrip("-").isdigit():
                    overrides[int(o.get(w("ilvl"), "0"))] = int(start)
            self.nums[num.get(w("numId"))] = (_val(num, w("abstractNumId"), ""), overrides)

    def marker(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """(marker text, enumerated) for the next paragraph of list `num_id` at level `ilvl`; None when unnumbered."""
        if num_id in ("0", None) or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        spec = levels.get(ilvl)
        if spec is None:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started and overrides:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
        if spec["fmt"] == "bullet":
            return "", False
        counters[ilvl] = counters.get(ilvl, spec["start"] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if spec["fmt"] == "none":
            return re.sub(r"%\d", "", spec["text"]), False

        def value(m):
            lv = int(m.group(1)) - 1
            sub = levels.get(lv, {"fmt": "decimal", "start": 1})
            n = counters.get(lv, sub["start"])
            return numerals.render(n, "decimal" if spec["legal"] else sub["fmt"])

        text = re.sub(r"%([1-9])", value, spec["text"]) if spec["text"] else numerals.render(counters[ilvl], spec["fmt"]) + "."
        return text, True


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering, part: Part):
        self.styles, self.numbering, self.part = styles, numbering, part
        self.count = 0

    def blocks(self, parent, layer: str, where: str) -> None:
        for el in _children(parent):
            if el.tag == w("p"):
                self.paragraph(el, layer, where)
            elif el.tag == w("tbl"):
                self.table(el, layer, where)

    def _where(self, where: str, what: str) -> str:
        self.count += 1
        return f"{where}#{what}{self.count}"

    def paragraph(self, p, layer: str, where: str) -> None:
        text, boxes = paragraph_text(p)
        marker, kind, level = self.numbered(p)
        style = _val(p, f"{w('pPr')}/{w('pStyle')}")
        outline = _val(p, f"{w('pPr')}/{w('outlineLvl')}")
        outline = int(outline) if outline is not None and outline.isdigit() and int(outline) < 9 else self.styles.outline(style)
        if self.styles.is_title(style):
            kind, level = TITLE, None
        elif outline is not None:
            kind, level = HEADING, outline + 1
        if text.strip() or marker:
            self.part.nodes.append(Node(kind, text=text.strip(), orig=marker + text, marker=marker, level=level,
                                        layer=layer, where=self._where(where, "p")))
        for box in boxes:  # text boxes anchored in the paragraph: their paragraphs follow it
            self.blocks(box, layer, where)

    def numbered(self, p) -> tuple[str, str, int | None]:
        numpr = p.find(f"{w('pPr')}/{w('numPr')}")
        key = None
        if numpr is not None:
            key = (_val(numpr, w("numId"), "0"), _val(numpr, w("ilvl"), "0"))
            if numpr.find(w("numId")) is None:
                style_key = self.styles.numbering(_val(p, f"{w('pPr')}/{w('pStyle')}"))
                key = (style_key[0], key[1]) if style_key else None
        else:
            key = self.styles.numbering(_val(p, f"{w('pPr')}/{w('pStyle')}"))
        if key is None:
            return "", PARAGRAPH, None
        ilvl = int(key[1]) if str(key[1]).isdigit() else 0
        got = self.numbering.marker(key[0], ilvl)
        if got is None:
            return "", PARAGRAPH, None
        return got[0], LIST_ITEM, ilvl

    def cell_paragraphs(self, tc) -> list[str]:
        out = []
        for el in _children(tc):
            if el.tag == w("p"):
                text, boxes = paragraph_text(el)
                marker = self.numbered(el)[0]
                if text.strip() or marker:
                    out.append(marker + text.strip())
                for box in boxes:
                    out.extend(p for p in self.cell_paragraphs(box))
            elif el.tag == w("tbl"):  # a table inside a cell: its rows as paragraphs, cells " | "-separated
                for tr in _rows(el):
                    cells = [" / ".join(self.cell_paragraphs(c)) for c in _cells(tr)]
                    if any(cells):
                        out.append(" | ".join(cells))
        return out

    def table(self, tbl, layer: str, where: str) -> None:
        rows: list[list[Cell]] = []
        open_cells: dict[int, Cell] = {}  # grid column → the cell a vMerge continues
        headers = []
        for r, tr in enumerate(_rows(tbl)):
            trpr = tr.find(w("trPr"))
            headers.append(trpr is not None and trpr.find(w("tblHeader")) is not None
                           and _val(trpr, w("tblHeader"), "1") not in ("0", "false"))
            col = int(_val(trpr, w("gridBefore"), "0") or 0) if trpr is not None else 0
            row: list[Cell] = []
            for tc in _cells(tr):
                tcpr = tc.find(w("tcPr"))
                span = int(_val(tcpr, w("gridSpan"), "1") or 1)
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(w("val"), "continue") == "continue" and col in open_cells:
                    open_cells[col].row_span += 1
                    col += span
                    continue
                cell = Cell(self.cell_paragraphs(tc), r, col, col_span=span)
                row.append(cell)
                for c in range(col, col + span):
                    open_cells.pop(c, None)
                if vmerge is not None:
                    open_cells[col] = cell
                col += span
            rows.append(row)
        if not rows:
            return
        if not any(headers):
            headers[0] = True
        for flag, row in zip(headers, rows):
            if flag:
                for c in row:
                    c.header = True
            else:
                break
        self.part.nodes.append(Node(TABLE, rows=rows, layer=layer, where=self._where(where, "tbl")))


def _children(parent):
    """Block children, looking through content controls (w:sdt), custom XML and tracked insertions."""
    for el in parent:
        if el.tag in (w("sdt"),):
            content = el.find(w("sdtContent"))
            if content is not None:
                yield from _children(content)
        elif el.tag in (w("customXml"), w("ins"), w("smartTag")):
            yield from _children(el)
        else:
            yield el


def _rows(tbl):
    return (el for el in _children(tbl) if el.tag == w("tr"))


def _cells(tr):
    return (el for el in _children(tr) if el.tag == w("tc"))


_SKIP = {w("delText"), w("instrText"), w("delInstrText"), f"{{{MC}}}Fallback", w("txbxContent"), w("pPr"), w("rPr"),
         w("footnoteReference"), w("endnoteReference"), w("commentReference")}


def paragraph_text(p) -> tuple[str, list]:
    """A paragraph's text (tabs as spaces, manual line breaks as \\n, page breaks dropped) and its text boxes."""
    out: list[str] = []
    boxes: list = []

    def walk(el):
        for child in el:
            tag = child.tag
            if tag == w("txbxContent"):
                boxes.append(child)
                continue
            if tag in _SKIP or tag == w("del"):
                continue
            if tag == w("t"):
                out.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                out.append(" ")
            elif tag == w("br"):
                if child.get(w("type")) not in ("page", "column"):
                    out.append("\n")
            elif tag == w("cr"):
                out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out), boxes
