"""Render a variant's file as Word (.docx) with python-docx, the way bureaus' Word files are made.

Paragraphs with a first-line indent, the title centred (two paragraphs, or one with a manual line
break), tracks and topics as Heading styles for some variants, ruled tables whose merged cells are
real Word merges (vMerge), a running head and a `— PAGE —` footer field, and for some variants
real automatic numbering: the topic (and track) markers are not in the text but in numbering.xml
(numFmt chineseCounting / decimal / decimalEnclosedCircleChinese, lvlText such as "（%1）"), one
list instance a track so the count restarts, as Word does.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .layouts import Block, File
from .variant import Variant
from .vocab import STYLES


class _Numbering:
    """Adds abstract numbering definitions and list instances to a document's numbering part."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        self.abstract = {}
        ids = [int(x.get(qn("w:abstractNumId"))) for x in self.root.findall(qn("w:abstractNum"))]
        nums = [int(x.get(qn("w:numId"))) for x in self.root.findall(qn("w:num"))]
        self.next_abstract, self.next_num = max(ids, default=0) + 1, max(nums, default=0) + 1

    def _abstract_id(self, fmt: str, text: str) -> int:
        if (fmt, text) in self.abstract:
            return self.abstract[fmt, text]
        aid = self.next_abstract
        self.next_abstract += 1
        el = OxmlElement("w:abstractNum")
        el.set(qn("w:abstractNumId"), str(aid))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "singleLevel")
        el.append(multi)
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "nothing"), ("w:lvlText", text),
                         ("w:lvlJc", "left")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            lvl.append(child)
        el.append(lvl)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.root.append(el)
        self.abstract[fmt, text] = aid
        return aid

    def new_list(self, fmt: str, text: str) -> int:
        """A list instance (w:num) starting at 1."""
        aid = self._abstract_id(fmt, text)
        nid = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(aid))
        num.append(ref)
        over = OxmlElement("w:lvlOverride")
        over.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        over.append(start)
        num.append(over)
        self.root.append(num)
        return nid


def _number(paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _page_field(paragraph) -> None:
    paragraph.add_run("— ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)
    paragraph.add_run(" —")


def _table(document, b: Block) -> None:
    cols = max(len(r) for r in b.rows)
    table = document.add_table(rows=len(b.rows), cols=cols)
    table.style = "Table Grid"
    for i, row in enumerate(b.rows):
        for j, c in enumerate(row):
            if c is None:
                continue
            cell = table.cell(i, j)
            if c.row_span > 1 or c.col_span > 1:
                cell = cell.merge(table.cell(i + c.row_span - 1, j + c.col_span - 1))
            paras = c.paras or [""]
            cell.paragraphs[0].text = paras[0]
            for p in paras[1:]:
                cell.add_paragraph(p)
            if c.header:
                for p in cell.paragraphs:
                    for r in p.runs:
                        r.bold = True


def _heading(document, b: Block, style, auto, list_id, numbering):
    """A track or topic heading: its marker in the text, or (auto) numbered by Word in list `list_id`
    (a new list when None); returns the list it is in."""
    if not auto:
        document.add_paragraph(b.full, style=style)
        return list_id
    list_id = list_id or numbering.new_list(*auto)
    _number(document.add_paragraph(b.text, style=style), list_id)
    return list_id


def write(f: File, v: Variant, path: Path, issuer: str) -> None:
    document = docx.Document()
    numbering = _Numbering(document) if v.word_numbering else None
    topic_auto = STYLES.get(v.scheme[1], (None, None))[1] if numbering else None
    track_auto = STYLES.get(v.scheme[0], (None, None))[1] if numbering else None
    section = document.sections[0]
    section.header.paragraphs[0].text = issuer if v.running_head == "issuer" else f.title
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(foot)
    topic_list = track_list = None
    for b in f.blocks:
        if b.kind == "title":
            if v.title_break == "break" and len(b.lines) > 1:
                p = document.add_paragraph()
                run = p.add_run(b.lines[0])
                run.bold = True
                run.add_break()
                p.add_run(b.lines[1]).bold = True
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                for line in b.lines:
                    p = document.add_paragraph()
                    p.add_run(line).bold = True
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind == "table":
            _table(document, b)
        elif b.kind == "blank":
            document.add_paragraph("")
        elif b.kind == "sign":
            document.add_paragraph(b.text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif b.kind == "head" and b.level == 1:
            track_list = _heading(document, b, "Heading 1" if v.word_headings else None,
                                  track_auto if b.marker else None, track_list, numbering)
            if not v.continue_numbering:
                topic_list = None  # topics restart under each track
        elif b.kind == "head" and b.level == 2 and b.role == "topic":
            topic_list = _heading(document, b, "Heading 2" if v.word_headings else None, topic_auto, topic_list,
                                  numbering)
        else:
            p = document.add_paragraph(b.full)
            if v.indent and b.role not in ("banner", "docno", "addressee"):
                p.paragraph_format.first_line_indent = Pt(28)
    document.save(str(path))
