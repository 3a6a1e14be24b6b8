"""Segment: cleaned lines → the guide's structure (front matter, intro, tracks, themes, topics, sections).

One walk over the lines builds a tree of what the numbering says: 一、 headings, 专题 marks, （一）
sub-headings, topics (项目1：, 方向一、, 课题1, 1. followed by a field label), labelled fields, lists,
and table rows (an attachment's 项目N | 题目 records and 序号 | 题目 | … tables). Then the tree is read:
a heading with topics under it is a track, its sub-headings with topics are themes, other headings
are requirement sections. Each value keeps the source line it came from, for the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from . import labels as L
from . import patterns as P
from .clean import Line, ends_sentence, split_inline_numbering
from .outline import number_text, outline

REQUIREMENT_WORDS = re.compile(r"申报要求|申报条件|申报材料|申报方式|申报程序|申报流程|评审|公示|咨询|联系|其他|注意|说明|"
                               r"时间安排|受理|纪律|监督|管理要求|支持方式|资助方式|工作要求|组织实施")


@dataclass
class Part:
    """One piece of running text: a paragraph or a numbered item, with where it came from."""
    kind: str  # para | item | paren | circled
    text: str
    lines: list[int]


@dataclass
class Topic:
    number: str
    head: str
    line: Line
    style: str  # topic | item | row
    inline: list[Part] = field(default_factory=list)
    fields: dict[str, list[Part]] = field(default_factory=dict)  # content/deliverables/funding/… → parts
    labels: dict[str, str] = field(default_factory=dict)
    label_lines: dict[str, list[int]] = field(default_factory=dict)
    contacts: list[tuple[str, str, list[int]]] = field(default_factory=list)  # (label, text, lines)
    attached: dict | None = None  # an attachment record joined to this topic
    theme: "Node | None" = None


@dataclass
class Node:
    kind: str  # h1 | mark | h2 | root
    number: str
    text: str
    line: Line | None
    parts: list[Part] = field(default_factory=list)  # text before any child
    children: list["Node"] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    contacts: list[tuple[str, str, list[int]]] = field(default_factory=list)

    def all_topics(self) -> list[Topic]:
        return self.topics + [t for c in self.children for t in c.all_topics()]


@dataclass
class Record:
    """One attachment record: a vertical 项目N | 题目 block or one row of a 序号 | 题目 | … table."""
    number: str
    title: str
    lines: list[int]
    fields: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class Structure:
    front: list[Line]
    title_line: Line | None
    root: Node
    records: list[Record]
    tail: list[Line]  # signature block: issuer, date, 此件主动公开
    annex_lines: list[Line]


def find_title(lines: list[Line], word: str = "指南") -> int | None:
    """Index of the guide's title: the first short line naming a guide (or a plan, or a notice)."""
    pattern = rf"{word}|(通知|规划|方案|计划|公告)[）)]?$"
    for i, l in enumerate(lines[:60]):
        annex = P.ANNEX.match(l.text)
        text = annex.group(2) if annex else l.text  # 附件1：2024年……申报指南 names the guide too
        if not l.is_row and len(text) <= 100 and re.search(pattern, text) and (not annex or len(text) >= 6) \
                and (annex or not P.starts_structure(text)) and not ends_sentence(text) and not P.standalone(text):
            return i
    return None


def _title_starts_before(before: Line, title: Line) -> bool:
    """A title printed on two lines (centred, or as two paragraphs): the line before holds its start."""
    return (not before.is_row and len(before.text) <= 40 and not ends_sentence(before.text)
            and not P.starts_structure(before.text) and not P.standalone(before.text)
            and not re.search(r"指南|通知|规划", before.text) and re.match(r"^[（(《“]|^[^\d]{0,12}$", title.text) is not None)


def segment(lines: list[Line]) -> Structure:
    ti = find_title(lines)
    if ti is None:
        ti = next((i for i, l in enumerate(lines) if not l.is_row), 0) if lines else None
    if ti and _title_starts_before(lines[ti - 1], lines[ti]):  # 2021年……项目 / （软科学研究项目）申报指南
        head, tail = lines[ti - 1], lines.pop(ti)
        head.text += tail.text
        head.joined += [tail.no, *tail.joined]
        ti -= 1
    front = lines[:ti] if ti is not None else []
    title_line = lines[ti] if ti is not None else None
    body = lines[ti + 1:] if ti is not None else lines
    # The body's end: an attachment after the topics, and the signature block before it.
    first_heading = next((i for i, l in enumerate(body) if P.heading_like(l.text) or l.is_row), len(body))
    annex_at = next((i for i, l in enumerate(body) if i > first_heading and not l.is_row and P.ANNEX.match(l.text)
                     and len(l.text) <= 60), len(body))
    tail_start = annex_at
    while tail_start > first_heading and P.standalone(body[tail_start - 1].text) and not body[tail_start - 1].is_row:
        tail_start -= 1
    tail = body[tail_start:annex_at]
    root = Node("root", "", "", None)
    records: list[Record] = []
    _walk(body[:tail_start], root, records)
    annex = body[annex_at:]
    if annex:
        _walk(annex, root, records, annex=True)
    return Structure(front, title_line, root, records, tail, annex)


def _walk(lines: list[Line], root: Node, records: list[Record], annex: bool = False) -> None:
    """One pass over the lines with the roles the outline gave them (outline.py): headings open nodes,
    topics open topics, labels open a topic's fields (or a labelled section), the rest is text."""
    h1: Node | None = None
    mark: Node | None = None
    h2: Node | None = None
    topic: Topic | None = None
    label: str | None = None
    table: list | None = None  # header of a horizontal table
    record: Record | None = None
    state: dict = {}  # an attachment's records written as text (a table a PDF flattened)
    items = outline(lines)

    def container() -> Node:
        return h2 or mark or h1 or root

    def add(part: Part):
        if topic is not None:
            if label:
                topic.fields.setdefault(label, []).append(part)
            else:
                topic.inline.append(part)
        else:
            container().parts.append(part)

    for i, line in enumerate(lines):
        text = line.text
        nos = [line.no, *line.joined]
        if line.is_row:
            record, table = _row(line, records, record, table)
            line.used = True
            continue
        record = None
        if annex and (P.ANNEX.match(text) and len(text) <= 60 or P.is_title_line(text)):
            line.used = True
            continue
        if annex and _annex_text(line, records, state):
            continue
        it = items[i]
        role = it.role if it is not None else None
        line.used = True
        if role == "h1":
            h1, mark, h2, topic, label = Node("h1", _num(it), it.mark.rest, line), None, None, None, None
            root.children.append(h1)
            continue
        if role == "mark":
            mark, h2, topic, label = Node("mark", number_text(it.mark.marker), text, line), None, None, None
            (h1 or root).children.append(mark)
            continue
        if role == "h2":
            h2, topic, label = Node("h2", _num(it), it.mark.rest, line), None, None
            (mark or h1 or root).children.append(h2)
            continue
        if role == "topic":
            topic = Topic(number_text(it.mark.marker), it.mark.rest, line, it.style)
            topic.theme = h2 if h2 is not None and (mark or h1) is not None else None
            container().topics.append(topic)
            label = None
            continue
        labelled = L.split(it.mark.rest if role == "label" else text) if role in (None, "label") else None
        if labelled:
            name, value = labelled
            kind = L.kind(name)
            if kind == "contacts":
                (topic.contacts if topic is not None else container().contacts).append((name, value, nos))
                if topic is None:
                    container().parts.append(Part("para", text, nos))
                continue
            if topic is not None and kind not in (None, "title", "number", "eligibility"):
                label = kind
                topic.labels[kind] = name
                topic.label_lines.setdefault(kind, []).extend(nos)
                if value:
                    topic.fields.setdefault(kind, []).append(Part("para", value, nos))
                continue
            if topic is not None and kind not in ("title", "number"):
                label = "section:" + name  # a label naming no topic field: its own labelled section
                topic.labels[label] = name
                topic.label_lines.setdefault(label, []).extend(nos)
                if value:
                    topic.fields.setdefault(label, []).append(Part("para", value, nos))
                continue
        if it is not None and role in ("list", "label"):
            add(Part(it.style, it.mark.rest, nos))
        else:
            add(Part("para", text, nos))


def _num(it) -> str:
    """A heading's number for ids: the numeral of 一、 / （一） / 第三章, or the marker as written."""
    m = re.search(rf"[{P.ZH}]+|\d+", it.mark.marker)
    return m.group(0) if m else number_text(it.mark.marker)


_LABEL_WORD = re.compile(r"^(" + "|".join(re.escape(l) for l in sorted(P.ALL_LABELS, key=len, reverse=True)) + r")"
                         r"(?:\s*[：:]\s*|\s+)(.*)$")


def _annex_text(line: Line, records: list[Record], state: dict) -> bool:
    """In an attachment, `项目 1 题目` / `研究需求 …` / `考核指标 …` lines (a table printed as text) are
    records for the main text's topics, not new topics. False when the line is something else."""
    text = line.text
    tm = P.TOPIC.match(text)
    if tm and not any(c in tm.group(3) for c in "。；"):
        rec = Record(tm.group(1) + tm.group(2), tm.group(3).strip(), [line.no])
        records.append(rec)
        state["record"], state["kind"] = rec, None
        line.used = True
        return True
    rec = state.get("record")
    if rec is None:
        return False
    lm = _LABEL_WORD.match(text) or P.LABEL_CELL.match(text)
    if lm:
        kind = P.label_kind(lm.group(1))
        state["kind"] = kind
        rec.labels[kind] = lm.group(1)
        value = lm.group(2).strip() if lm.lastindex and lm.lastindex >= 2 else ""
        if value:
            rec.fields.setdefault(kind, []).append(value)
    elif state.get("kind"):
        rec.fields.setdefault(state["kind"], []).append(text)
    elif not rec.fields and not P.heading_like(text):
        rec.title += text  # the title cell ran on to the next line
    else:
        return False
    rec.lines.append(line.no)
    line.used = True
    return True


def _row(line: Line, records: list[Record], record: Record | None, table: list[str] | None):
    """Read one table row into the attachment records; returns (current record, table header)."""
    cells = [" ".join(c) if len(c) == 1 else c for c in line.cells]
    first = cells[0] if isinstance(cells[0], str) else (cells[0][0] if cells[0] else "")
    kinds = [_column(c) if isinstance(c, str) else None for c in cells]
    if sum(k is not None for k in kinds) >= 2 and "title" in kinds:
        return None, [(k, c) for k, c in zip(kinds, cells)]
    if table is not None and len(cells) >= 2:
        rec = Record("", "", [line.no])
        for (kind, head), cell in zip(table, line.cells):
            if kind == "number":
                rec.number = " ".join(cell)
            elif kind == "title":
                rec.title = " ".join(cell)
            elif kind:
                rec.fields.setdefault(kind, []).extend(cell)
                rec.labels[kind] = head
        if rec.title:
            if (tm := P.TOPIC.match(rec.title)) and tm.group(3):  # 【方向1】题目 in the title column
                rec.number, rec.title = tm.group(1) + tm.group(2), tm.group(3).strip()
            records.append(rec)
            return None, table
    tm = P.TOPIC.match(first)
    if (tm and not tm.group(3)) or re.fullmatch(r"\d{1,3}", first):
        title = " ".join(line.cells[1]) if len(line.cells) > 1 else ""
        rec = Record(first.replace(" ", ""), title, [line.no])
        records.append(rec)
        return rec, None
    lm = P.LABEL_CELL.match(first) if isinstance(first, str) else None
    if lm and record is not None:
        kind = P.label_kind(lm.group(1))
        record.fields.setdefault(kind, []).extend(p for c in line.cells[1:] for p in c)
        record.labels[kind] = lm.group(1)
        record.lines.append(line.no)
        return record, None
    return record, table


_COLUMNS = {
    "number": r"^(序号|编号|项目编号|指南编号)$",
    "title": r"^(题目|名称|项目名称|课题名称|研究方向|方向名称|指南方向|选题|研究题目|课题|项目)$",
    "content": r"(研究内容|研究需求|主要内容|研究目标|内容)",
    "deliverables": r"(考核指标|预期成果|成果形式)",
    "funding": r"(经费|资助|金额|额度|强度)",
    "duration": r"(期限|周期|执行期)",
    "contacts": r"(联系人|对接处室|联系方式|电话)",
}


def _column(cell: str) -> str | None:
    cell = re.sub(r"\s+", "", cell)
    if len(cell) > 16:
        return None
    for kind, pattern in _COLUMNS.items():
        if re.search(pattern, cell):
            return kind
    return None


def similar(a: str, b: str) -> float:
    norm = lambda s: re.sub(r"[\s，。、“”《》（）()]", "", s)
    return SequenceMatcher(None, norm(a), norm(b)).ratio()


def blocks(parts: list[Part]) -> list:
    """Parts → schema blocks: paragraphs as strings, runs of numbered items as {list: […]}.

    A paragraph between two items of one list belongs to the item before it (joined by a line break).
    """
    out: list = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p.kind == "para":
            pieces = split_inline_numbering(p.text)
            if len(pieces) > 1 and re.match(r"^\d", pieces[-1]):
                out.extend(pieces[:1] if not re.match(r"^\d", pieces[0]) else [])
                out.append({"list": [re.sub(r"^\d{1,2}\s*[.．、]\s*", "", x) for x in pieces if re.match(r"^\d", x)]})
            else:
                out.append(p.text)
            i += 1
            continue
        items = [p.text]
        j = i + 1
        while j < len(parts):
            q = parts[j]
            if q.kind == p.kind:
                items.append(q.text)
                j += 1
            elif q.kind == "para":
                k = j
                while k < len(parts) and parts[k].kind == "para":
                    k += 1
                if k == len(parts) or parts[k].kind != p.kind:
                    break
                items[-1] += "".join("\n" + r.text for r in parts[j:k])
                j = k
            else:
                break
        out.append({"list": items})
        i = j
    return out
