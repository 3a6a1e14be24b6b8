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
from .base import MAX_ELEMENTS, ImportFailure, bounded, parse_xml, too_many
from .safezip import open_zip

FIX = "open it in Word and save it again as .docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# element and attribute names, computed once
W_abstractNum = w("abstractNum")
W_abstractNumId = w("abstractNumId")
W_basedOn = w("basedOn")
W_body = w("body")
W_br = w("br")
W_commentReference = w("commentReference")
W_cr = w("cr")
W_customXml = w("customXml")
W_del = w("del")
W_delInstrText = w("delInstrText")
W_delText = w("delText")
W_endnoteReference = w("endnoteReference")
W_footnoteReference = w("footnoteReference")
W_gridBefore = w("gridBefore")
W_gridSpan = w("gridSpan")
W_ilvl = w("ilvl")
W_ins = w("ins")
W_instrText = w("instrText")
W_isLgl = w("isLgl")
W_lvl = w("lvl")
W_lvlOverride = w("lvlOverride")
W_lvlText = w("lvlText")
W_name = w("name")
W_noBreakHyphen = w("noBreakHyphen")
W_num = w("num")
W_numFmt = w("numFmt")
W_numId = w("numId")
W_numPr = w("numPr")
W_outlineLvl = w("outlineLvl")
W_p = w("p")
W_pPr = w("pPr")
W_pStyle = w("pStyle")
W_ptab = w("ptab")
W_rPr = w("rPr")
W_sdt = w("sdt")
W_sdtContent = w("sdtContent")
W_smartTag = w("smartTag")
W_start = w("start")
W_startOverride = w("startOverride")
W_style = w("style")
W_styleId = w("styleId")
W_t = w("t")
W_tab = w("tab")
W_tbl = w("tbl")
W_tblHeader = w("tblHeader")
W_tc = w("tc")
W_tcPr = w("tcPr")
W_tr = w("tr")
W_trPr = w("trPr")
W_txbxContent = w("txbxContent")
W_type = w("type")
W_vMerge = w("vMerge")
W_val = w("val")


def _val(el, path: str, default=None):
    found = el.find(path) if el is not None else None
    if found is None:
        return default
    return found.get(W_val, default)


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
    reader.stream(parts.pop(main), main)
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
            for s in root.iter(W_style):
                if s.get(W_type) in (None, "paragraph"):
                    self.by_id[s.get(W_styleId)] = s

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            s = self.by_id[style_id]
            yield s
            style_id = _val(s, W_basedOn)

    def outline(self, style_id: str | None) -> int | None:
        """0-based outline level of the style (Heading 1 → 0), None for body text."""
        for s in self._chain(style_id):
            lvl = _val(s, f"{W_pPr}/{W_outlineLvl}")
            if lvl is not None and lvl.isdigit() and int(lvl) < 9:
                return int(lvl)
            name = (_val(s, W_name) or "").lower()
            m = re.fullmatch(r"(?:heading|标题)\s*([1-9])", name)
            if m:
                return int(m.group(1)) - 1
        return None

    def is_title(self, style_id: str | None) -> bool:
        return any((_val(s, W_name) or "").lower() in ("title", "标题") for s in self._chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, str] | None:
        for s in self._chain(style_id):
            numpr = s.find(f"{W_pPr}/{W_numPr}")
            if numpr is not None and numpr.find(W_numId) is not None:
                return _val(numpr, W_numId, "0"), _val(numpr, W_ilvl, "0")
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
        for a in root.iter(W_abstractNum):
            levels = {}
            for lvl in a.findall(W_lvl):
                ilvl = int(lvl.get(W_ilvl, "0"))
                levels[ilvl] = {"fmt": _val(lvl, W_numFmt, "decimal"), "text": _val(lvl, W_lvlText, ""),
                                "start": int(_val(lvl, W_start, "1") or 1), "legal": lvl.find(W_isLgl) is not None}
            self.abstract[a.get(W_abstractNumId)] = levels
        for num in root.iter(W_num):
            overrides = {}
            for o in num.findall(W_lvlOverride):
                start = _val(o, W_startOverride)
                if start is not None and start.lstrip("-").isdigit():
                    overrides[int(o.get(W_ilvl, "0"))] = int(start)
            self.nums[num.get(W_numId)] = (_val(num, W_abstractNumId, ""), overrides)

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

    def stream(self, data: bytes, where: str) -> None:
        """The main part read block by block (iterparse), each body-level paragraph or table dropped from the
        tree once it is a node, so memory holds one block, not the document."""
        import io

        from lxml import etree

        bounded(data, where, FIX, MAX_ELEMENTS)
        body_tag, seen_body = W_body, False
        blocks = (W_p, W_tbl, W_sdt, W_customXml)
        try:
            for _, el in etree.iterparse(io.BytesIO(data), events=("end",), tag=blocks + (body_tag,),
                                         resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False):
                if el.tag == body_tag:
                    seen_body = True
                    continue
                parent = el.getparent()
                if parent is None or parent.tag != body_tag:
                    continue
                self.blocks_of([el], BODY, where)
                too_many(len(self.part.nodes), FIX)
                el.clear()
                while el.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError:
            raise ImportFailure(f"{where} is not well-formed XML (the file is damaged); {FIX}") from None
        if not seen_body:
            raise ImportFailure("the .docx has no body; " + FIX)

    def blocks(self, parent, layer: str, where: str) -> None:
        self.blocks_of(_children(parent), layer, where)

    def blocks_of(self, elements, layer: str, where: str) -> None:
        for el in elements:
            if el.tag in (W_sdt, W_customXml):
                inner = el.find(W_sdtContent) if el.tag == W_sdt else el
                if inner is not None:
                    self.blocks(inner, layer, where)
            elif el.tag == W_p:
                self.paragraph(el, layer, where)
            elif el.tag == W_tbl:
                self.table(el, layer, where)

    def _where(self, where: str, what: str) -> str:
        self.count += 1
        return f"{where}#{what}{self.count}"

    def paragraph(self, p, layer: str, where: str) -> None:
        text, boxes = paragraph_text(p)
        marker, kind, level = self.numbered(p)
        style = _val(p, f"{W_pPr}/{W_pStyle}")
        outline = _val(p, f"{W_pPr}/{W_outlineLvl}")
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
        numpr = p.find(f"{W_pPr}/{W_numPr}")
        key = None
        if numpr is not None:
            key = (_val(numpr, W_numId, "0"), _val(numpr, W_ilvl, "0"))
            if numpr.find(W_numId) is None:
                style_key = self.styles.numbering(_val(p, f"{W_pPr}/{W_pStyle}"))
                key = (style_key[0], key[1]) if style_key else None
        else:
            key = self.styles.numbering(_val(p, f"{W_pPr}/{W_pStyle}"))
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
            if el.tag == W_p:
                text, boxes = paragraph_text(el)
                marker = self.numbered(el)[0]
                if text.strip() or marker:
                    out.append(marker + text.strip())
                for box in boxes:
                    out.extend(p for p in self.cell_paragraphs(box))
            elif el.tag == W_tbl:  # a table inside a cell: its rows as paragraphs, cells " | "-separated
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
            trpr = tr.find(W_trPr)
            headers.append(trpr is not None and trpr.find(W_tblHeader) is not None
                           and _val(trpr, W_tblHeader, "1") not in ("0", "false"))
            col = int(_val(trpr, W_gridBefore, "0") or 0) if trpr is not None else 0
            row: list[Cell] = []
            for tc in _cells(tr):
                tcpr = tc.find(W_tcPr)
                span = int(_val(tcpr, W_gridSpan, "1") or 1)
                vmerge = tcpr.find(W_vMerge) if tcpr is not None else None
                if vmerge is not None and vmerge.get(W_val, "continue") == "continue" and col in open_cells:
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
        if el.tag in (W_sdt,):
            content = el.find(W_sdtContent)
            if content is not None:
                yield from _children(content)
        elif el.tag in (W_customXml, W_ins, W_smartTag):
            yield from _children(el)
        else:
            yield el


def _rows(tbl):
    return (el for el in _children(tbl) if el.tag == W_tr)


def _cells(tr):
    return (el for el in _children(tr) if el.tag == W_tc)


_SKIP = {W_delText, W_instrText, W_delInstrText, f"{{{MC}}}Fallback", W_txbxContent, W_pPr, W_rPr,
         W_footnoteReference, W_endnoteReference, W_commentReference}


def paragraph_text(p) -> tuple[str, list]:
    """A paragraph's text (tabs as spaces, manual line breaks as \\n, page breaks dropped) and its text boxes."""
    out: list[str] = []
    boxes: list = []

    def walk(el):
        for child in el:
            tag = child.tag
            if tag == W_txbxContent:
                boxes.append(child)
                continue
            if tag in _SKIP or tag == W_del:
                continue
            if tag == W_t:
                out.append(child.text or "")
            elif tag in (W_tab, W_ptab):
                out.append(" ")
            elif tag == W_br:
                if child.get(W_type) not in ("page", "column"):
                    out.append("\n")
            elif tag == W_cr:
                out.append("\n")
            elif tag == W_noBreakHyphen:
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out), boxes
