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

from . import fields as F
from . import labels as L
from . import patterns as P
from .clean import Line, ends_sentence, split_inline_numbering
from .outline import marker, number_text, outline

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

    records: list = field(default_factory=list)  # table rows read under this heading (Record)

    def all_topics(self) -> list[Topic]:
        return self.topics + [t for c in self.children for t in c.all_topics()]

    def holds(self) -> bool:
        """True when topics are under it: in its text or as rows of a table under it."""
        return bool(self.topics or self.records) or any(c.holds() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Record:
    """One attachment record: a vertical 项目N | 题目 block or one row of a 序号 | 题目 | … table."""
    number: str
    title: str
    lines: list[int]
    fields: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    node: "Node | None" = None  # the heading it was read under (None in an attachment)


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


def _title_starts_before(before: Line, title: Line, first: bool = True) -> bool:
    """A title printed on two or three lines (centred, or as paragraphs): the line before holds its start.
    Past the first join, only a line opening a notice's title (关于…, a year) or a centred line continues it."""
    if before.is_row or len(before.text) > 40 or ends_sentence(before.text) or P.starts_structure(before.text) \
            or P.standalone(before.text) or re.search(r"指南|通知|规划|：$|:$", before.text) or len(title.text) > 80:
        return False
    if first:
        return re.match(r"^[（(《“]|^[^\d]{0,12}$", title.text) is not None
    return bool(re.match(r"^关于|^\d{4}\s*年", before.text) or before.indent == 2 and title.indent == 2)


def segment(lines: list[Line]) -> Structure:
    ti = find_title(lines)
    if ti is None:
        ti = next((i for i, l in enumerate(lines) if not l.is_row), 0) if lines else None
    first = True
    while ti and _title_starts_before(lines[ti - 1], lines[ti], first):  # 2021年……项目 / （软科学研究项目）申报指南
        head, tail = lines[ti - 1], lines.pop(ti)
        head.text += tail.text
        head.joined += [tail.no, *tail.joined]
        ti -= 1
        first = False
    front = lines[:ti] if ti is not None else []
    title_line = lines[ti] if ti is not None else None
    body = lines[ti + 1:] if ti is not None else lines
    # The body's end: an attachment after the topics, and the signature block before it.
    first_heading = next((i for i, l in enumerate(body) if P.heading_like(l.text) or l.is_row), len(body))
    annex_at = next((i for i, l in enumerate(body) if i > first_heading and not l.is_row and P.ANNEX.match(l.text)
                     and len(l.text) <= 60 or l.part > body[0].part), len(body))
    if first_heading > annex_at:  # a notice before its attachment: no heading of its own
        first_heading = 0
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
            line.used = True
            before = len(records)
            record, table = _row(line, records, record, table)
            if not annex:  # a topic table under a heading: its rows are that heading's topics
                for rec in records[before:]:
                    rec.node = container()
                    container().records.append(rec)
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
        if role is None and topic is None and not (labelled and L.kind(labelled[0])) \
                and L.kind(container().text) == "contacts" and F.phones(text):
            labelled = (container().text, text)  # 咨询电话 / 某司：010-…: an office and its phone under a contacts heading
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
            continue
        if topic is not None and len(text) <= 40 and label not in ("content", "deliverables"):
            kind = next((k for k, words in (("funding", F.FUNDING_SENTENCE), ("duration", F.DURATION_SENTENCE))
                         if k not in topic.fields and words.search(text)), None)
            if kind:  # 财政定额资助20万元/项。 after the topic's other fields: its funding, unlabelled
                topic.fields[kind] = [Part("para", text, nos)]
                topic.labels.setdefault(kind, "")
                continue
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


def _row(line: Line, records: list[Record], record: Record | None, table: list | None):
    """Read one table row into the attachment records; returns (current record, table header).

    A header row is one whose cells name at least two columns by meaning (labels.column: 序号, 题目,
    研究内容, 支持强度（万元）…). Under it each row is a record: the number and title columns, a column
    per field, and every other column kept under its own header (a labelled section), so no cell is
    lost. When no header names the title column, the first text column that names no field is it.
    """
    cells = [" ".join(c) for c in line.cells]
    first = cells[0] if cells else ""
    kinds = [L.column(c) if len(c) <= 20 else None for c in cells]
    named = [k for k in kinds if k is not None]
    if len(named) >= 2 and len(set(named)) == len(named) and not any(len(c) > 20 for c in cells if c):
        if "title" not in kinds:
            free = [i for i, (k, c) in enumerate(zip(kinds, cells)) if k is None and c]
            if free:
                kinds[free[0]] = "title"
        return None, [(k, c) for k, c in zip(kinds, cells)]
    if table is not None and len(cells) >= 2:
        rec = Record("", "", [line.no])
        for (kind, head), cell in zip(table, line.cells):
            if not cell:
                continue
            if kind == "number":
                rec.number = number_text(" ".join(cell))
            elif kind == "title":
                rec.title = " ".join(cell)
                if table_title := next((h for k, h in table if k == "title"), ""):
                    rec.labels["title"] = table_title
            elif kind in ("content", "deliverables", "funding", "duration", "contacts"):
                rec.fields.setdefault(kind, []).extend(cell)
                rec.labels[kind] = head
            else:  # a column naming no topic field: kept under its header
                key = "section:" + (head or f"第{table.index((kind, head)) + 1}列")
                rec.fields.setdefault(key, []).extend(cell)
                rec.labels[key] = head or key[8:]
        if len(table) < len(line.cells):  # cells beyond the header's columns
            for extra in line.cells[len(table):]:
                if extra:
                    rec.fields.setdefault("section:其他", []).extend(extra)
                    rec.labels["section:其他"] = "其他"
        if rec.title:
            m = marker(rec.title)
            if m is not None and m.word and m.rest:  # 【方向1】题目 in the title column
                rec.number, rec.title = number_text(m.marker), m.rest.strip()
            records.append(rec)
            return None, table
    tm = P.TOPIC.match(first)
    if (tm and not tm.group(3)) or re.fullmatch(r"\d{1,3}", first):
        title = " ".join(line.cells[1]) if len(line.cells) > 1 else ""
        rec = Record(first.replace(" ", ""), title, [line.no])
        for extra in line.cells[2:]:
            if extra:
                rec.fields.setdefault("section:其他", []).extend(extra)
                rec.labels["section:其他"] = "其他"
        records.append(rec)
        return rec, None
    name = re.sub(r"\s+", "", first).rstrip("：:")
    if record is not None and name and len(name) <= 12 and not re.search(r"[，。；,;]", name) and len(line.cells) >= 2:
        kind = L.kind(name)  # a label cell of a record printed vertically: 研究需求 | …
        kind = kind if kind in ("content", "deliverables", "funding", "duration", "contacts") else "section:" + name
        record.fields.setdefault(kind, []).extend(p for c in line.cells[1:] for p in c)
        record.labels[kind] = name
        record.lines.append(line.no)
        return record, None
    line.used = False  # a row the importer could not read: reported as not placed
    return record, table


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
