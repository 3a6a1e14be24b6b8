"""Layouts: one guide's facts (truth.Spec) → a published document in a seeded variant, and what it states.

`choose(spec, fmt, rng)` draws a `Variant`: the numbering style of each level (GB/T 9704 一、 → （一） →
1. → （1）, decimal outlines, 第X章, ①, 【…】, 项目/方向/课题/任务/榜单 + numeral), a synonym for every
field label and how labels are printed (inline or on their own line, ：or :, 【】), the order of the
fields inside a topic, which optional facts exist (document number, window, deliverables, funding,
duration, contacts) and where they are given (per topic, per track, once per guide; as a labelled
line or a sentence), topics as paragraphs or as table rows (in the body or in an attachment), a
title on one line or two, a notice around the guide, blank lines, full-width digits and colons.

`build(spec, variant)` returns the document as format-neutral `File`s of `Block`s (render.py turns
them into .txt/.md/.html/.docx/.pdf/.xlsx) and the `Expected` facts: the spec as this variant states
it (topic numbers as printed, offices as shortened, facts left out removed). The scorer compares
the import with `Expected`, never with the curated YAML directly.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from .truth import Spec, Topic
from .variant import Variant
from .vocab import ABBR, AREA, EXTRA_TEXT, OFFICES, PEOPLE
from .wording import (amount_text, contact_text, date_zh, digits, marker_of, money_text, number_of, phone_number,
                      section_marker, short_office, time_text, two_lines, window_text)


@dataclass
class Cell:
    paras: list[str]
    row_span: int = 1
    col_span: int = 1
    header: bool = False


@dataclass
class Block:
    kind: str  # title | p | head | item | table | sign | blank | attach
    text: str = ""
    marker: str = ""  # printed before the text (omitted where Word numbers it: `auto`)
    level: int = 0  # 1 track/section, 2 topic, 3 item in a topic
    auto: tuple | None = None  # Word numbering: (numFmt, lvlText, list id, ilvl)
    lines: list[str] = field(default_factory=list)  # title lines
    rows: list[list[Cell | None]] = field(default_factory=list)  # None: covered by a span
    role: str = ""  # what it is, for renderers that style by role: banner, docno, addressee …

    @property
    def full(self) -> str:
        return self.marker + self.text


@dataclass
class File:
    name: str
    fmt: str
    blocks: list[Block]
    title: str = ""  # the document's title (HTML <h1>, running head)
    sheet_title: str = ""


@dataclass
class Expected:
    """The facts the variant's files state: what a perfect import yields."""
    title: str
    year: int
    region: str
    issuer: str | None  # None: not printed, not scored
    doc_number: str | None
    window: dict | None
    contacts: list[dict]
    topics: list[dict]  # {track, number, title, content, deliverables, funding, duration, contacts}


def _label(v: Variant, name: str, value: str) -> list[Block]:
    """A labelled field as printed: inline, or the label on its own line, or 【label】 (alone or before the text)."""
    if v.label_form == "inline":
        return [Block("p", name + v.colon + value)]
    if v.label_form == "bracket-inline":
        return [Block("p", f"【{name}】" + value)]
    head = f"【{name}】" if v.label_form == "bracket" else name + v.colon
    return [Block("p", head), Block("p", value)]


def _facts(spec: Spec, v: Variant, rng: random.Random) -> Spec:
    """The spec with this variant's optional facts: dropped where the variant leaves them out, made up
    (plausibly) where it states them and the guide has none, moved to where the variant gives them."""
    s = spec.copy()
    if v.has["doc_number"] and not s.doc_number:
        s.doc_number = f"{ABBR.get(s.region, s.region_zh[0] + '科发')}〔{s.year}〕{rng.randint(2, 60)}号"
    if not v.has["doc_number"]:
        s.doc_number = None
    if v.has["window"] and not s.window:
        start = dt.date(s.year, rng.randint(3, 9), rng.randint(1, 20))
        end = start + dt.timedelta(days=rng.randint(14, 40))
        if v.window_form in ("hours", "start-end") and rng.random() < 0.7:
            s.window = {"opens": f"{start} 09:00", "closes": f"{end} {rng.choice(['17:00', '16:30', '17:30'])}"}
        else:
            s.window = {"opens": str(start), "closes": str(end)}
    if not v.has["window"]:
        s.window = None
    if s.window and v.window_form == "year-omitted" and s.window["opens"][:4] != s.window["closes"][:4]:
        v.window_form = "dates"
    area = AREA.get(s.region, "0717")
    people = rng.sample(PEOPLE, len(PEOPLE))
    shared = None
    for ti, tr in enumerate(s.tracks):
        base_f = tr.funding or {"amount": rng.choice([5, 10, 20, 30, 50]), "kind": rng.choice(["fixed", "ceiling"])}
        base_d = tr.duration or rng.choice([{"months": 12}, {"months": 18}, {"months": 24},
                                            {"start": f"{s.year}-07-01", "end": f"{s.year + 1}-06-30"}])
        if shared is None:
            shared = (base_f, base_d)
        if v.funding_at == "guide":
            base_f = shared[0]
        if v.duration_at == "guide":
            base_d = shared[1]
        tr.funding = base_f if v.has["funding"] and v.funding_at != "topic" else None
        tr.duration = base_d if v.has["duration"] and v.duration_at != "topic" else None
        for k, t in enumerate(tr.topics):
            if v.has["funding"] and v.funding_at == "topic":
                t.funding = t.funding or (base_f if rng.random() < 0.6 else
                                          {"amount": rng.choice([3, 5, 8, 10, 15, 20]), "kind": base_f["kind"]})
            else:
                t.funding = None
            if v.has["duration"] and v.duration_at == "topic":
                t.duration = t.duration or base_d
            else:
                t.duration = None
            if not v.has["deliverables"]:
                t.deliverables = []
            elif not t.deliverables and rng.random() < 0.7:
                t.deliverables = [("p", f"形成《{t.title}》研究报告1份，提出对策建议{rng.randint(2, 5)}条。")]
            if v.has["contacts"] and v.contacts_at == "topic":
                if not t.contacts and rng.random() < 0.8:
                    t.contacts = [{"office": rng.choice(OFFICES), "person": people[k % len(people)],
                                   "phone": phone_number(area, rng)}]
                    if rng.random() < 0.15:  # a second person for the same topic
                        t.contacts.append({"person": people[(k + 3) % len(people)], "phone": phone_number(area, rng)})
                if v.short_office:
                    t.contacts = [{**c, "office": short_office(c["office"], s)} if c.get("office") else c for c in t.contacts]
            else:
                t.contacts = []
    if v.has["contacts"] and v.contacts_at == "guide":
        s.contacts = s.contacts or [{"office": rng.choice(OFFICES), "person": people[0], "phone": phone_number(area, rng)}]
    else:
        s.contacts = []
    s.contacts = [c for c in s.contacts if c.get("phone")]
    return s


def _form(v: Variant, t: Topic) -> list[Block]:
    """A topic as a form: a row a field, its label in the left cell, its value (paragraphs) in the right."""
    rows: list[list[Cell | None]] = []
    for f in v.order:
        if f in ("content", "deliverables"):
            paras = t.content if f == "content" else t.deliverables
            if paras:
                rows.append([Cell([v.labels[f]]), Cell(_cell_paras(v, paras))])
        elif f == "funding" and t.funding:
            rows.append([Cell([v.labels["funding"]]), Cell([money_text(v, t.funding, v.funding_form == "sentence")])])
        elif f == "duration" and t.duration:
            rows.append([Cell([v.labels["duration"]]),
                         Cell([time_text(v, t.duration, v.duration_form == "sentence")])])
        elif f == "contacts" and t.contacts:
            rows.append([Cell([v.labels["contacts"]]), Cell([p for c in t.contacts for p in _contact_cell(v, c)])])
        if f == "deliverables" and v.extra:
            rows.append([Cell([v.extra]), Cell([EXTRA_TEXT[v.extra]])])
    return [Block("table", rows=rows, role="form")] if rows else []


def _topic_blocks(v: Variant, t: Topic, spec: Spec, marker: str, item_level_parent: str) -> list[Block]:
    out: list[Block] = []
    if v.topics_as == "forms":
        gap = v.marker_gap if marker and not marker[-1].isspace() else ""
        return [Block("head", t.title, marker=marker + gap, level=2, role="topic")] + _form(v, t)
    if v.title_label:
        out.append(Block("head", "", marker=number_of(marker), level=2, role="topic"))
        out.append(Block("p", v.title_label + v.colon + t.title))
    else:
        gap = v.marker_gap if marker and not marker[-1].isspace() else ""
        out.append(Block("head", t.title, marker=marker + gap, level=2, role="topic"))
    col = v.colon
    for f in v.order:
        if f in ("content", "deliverables"):
            paras = t.content if f == "content" else t.deliverables
            if not paras:
                continue
            unlabelled = f == "content" and v.content_unlabelled
            n = 0
            body: list[Block] = []
            for kind, text in paras:
                if kind == "li":
                    n += 1
                    mk = marker_of(v, 3, n, item_level_parent) if v.items_marked else ""
                    body.append(Block("item", text, marker=mk, level=3))
                else:
                    n = 0
                    body.append(Block("p", text))
            if unlabelled:
                out += body
            elif v.label_form in ("inline", "bracket-inline") and body[0].kind == "p":
                head = v.labels[f] + col if v.label_form == "inline" else f"【{v.labels[f]}】"
                out.append(Block("p", head + body[0].text))
                out += body[1:]
            else:
                head = f"【{v.labels[f]}】" if v.label_form.startswith("bracket") else v.labels[f] + col
                out.append(Block("p", head))
                out += body
        elif f == "funding" and t.funding:
            if v.funding_form == "sentence":
                out.append(Block("p", money_text(v, t.funding, True)))
            else:
                out += _label(v, v.labels["funding"], money_text(v, t.funding, False))
        elif f == "duration" and t.duration:
            if v.duration_form == "sentence":
                out.append(Block("p", time_text(v, t.duration, True)))
            else:
                out += _label(v, v.labels["duration"], time_text(v, t.duration, False))
        elif f == "contacts" and t.contacts:
            for c in t.contacts:
                out.append(Block("p", contact_text(v, c, v.labels["contacts"])))
        if f == "deliverables" and v.extra:
            out += _label(v, v.extra, EXTRA_TEXT[v.extra])
    return out


def _track_facts(v: Variant, money: dict | None, time: dict | None) -> list[Block]:
    out = []
    if money and time and v.funding_form == "sentence" and v.duration_form == "sentence":
        return [Block("p", money_text(v, money, True)[:-1] + "，" + time_text(v, time, True))]
    if money:
        out += ([Block("p", money_text(v, money, True))] if v.funding_form == "sentence"
                else _label(v, v.labels["funding"], money_text(v, money, False)))
    if time:
        out += ([Block("p", time_text(v, time, True))] if v.duration_form == "sentence"
                else _label(v, v.labels["duration"], time_text(v, time, False)))
    return out


def _cell_paras(v: Variant, paras: list[tuple[str, str]]) -> list[str]:
    out, n = [], 0
    for kind, text in paras:
        if kind == "li":
            n += 1
            out.append((marker_of(v, 3, n, "1") if v.items_marked else "") + text)
        else:
            n = 0
            out.append(text)
    return out


def _contact_cell(v: Variant, c: dict) -> list[str]:
    office, person, phone = c.get("office", ""), c.get("person", ""), digits(v, c.get("phone", ""))
    if v.cell_contact == 1:
        return [x for x in (office, person, phone) if x]
    if v.cell_contact == 2 and person:
        return [f"{person}，{phone}" + (f"（{office}）" if office else "")]
    return [" ".join(x for x in (office, person, phone) if x)]


def _table(v: Variant, s: Spec, tracks: list[int], numbers: dict) -> Block:
    """Topics as rows: 序号 | 题目 | 研究内容 | 考核指标 | 经费 | 期限 | 联系人, as this variant has them."""
    topics = [(i, t) for i in tracks for t in s.tracks[i].topics]
    cols = ["seq"] + (["track"] if len(tracks) > 1 else []) + ["title", "content"]
    cols += [f for f in ("deliverables", "funding", "duration", "contacts")
             if any((t.deliverables if f == "deliverables" else getattr(t, f)) for _, t in topics)]
    head = {"seq": v.seq_head, "track": "类别", "title": v.title_head, "content": v.labels["content"],
            "deliverables": v.labels["deliverables"], "funding": v.labels["funding"] + "（万元）",
            "duration": v.labels["duration"], "contacts": v.labels["contacts"]}
    rows: list[list[Cell | None]] = [[Cell([head[c]], header=True) for c in cols]]
    for i, t in topics:
        row = []
        for c in cols:
            if c == "seq":
                row.append(Cell([numbers[id(t)] + v.seq_dot]))
            elif c == "track":
                row.append(Cell([s.tracks[i].name]))
            elif c == "title":
                row.append(Cell([t.title]))
            elif c in ("content", "deliverables"):
                row.append(Cell(_cell_paras(v, t.content if c == "content" else t.deliverables)))
            elif c == "funding":
                f = t.funding
                form = (["{a}", "{a}万元", "定额{a}"] if f and f["kind"] == "fixed" else ["不超过{a}", "≤{a}", "最高{a}"])
                row.append(Cell([form[v.cell_money].format(a=digits(v, amount_text(f["amount"]))) if f else ""]))
            elif c == "duration":
                row.append(Cell([time_text(v, t.duration, False) if t.duration else ""]))
            else:
                row.append(Cell([p for c2 in t.contacts for p in _contact_cell(v, c2)] or [""]))
        rows.append(row)
    if v.merge_cells:  # equal neighbours in the 类别 and 经费 columns become one tall cell
        for c in ("track", "funding"):
            if c not in cols:
                continue
            j = cols.index(c)
            r = 1
            while r < len(rows):
                end = r
                while end + 1 < len(rows) and rows[end + 1][j].paras == rows[r][j].paras and rows[r][j].paras != [""]:
                    end += 1
                if end > r:
                    rows[r][j].row_span = end - r + 1
                    for k in range(r + 1, end + 1):
                        rows[k][j] = None
                r = end + 1
    if v.two_row_header:  # a group row above the header: 项目信息 over title…deliverables, 支持方式 over the rest
        top: list[Cell | None] = []
        j = 0
        while j < len(cols):
            c = cols[j]
            if c in ("seq", "track"):
                top.append(Cell([head[c]], row_span=2, header=True))
                rows[0][j] = None
                j += 1
                continue
            group = ("title", "content", "deliverables") if c in ("title", "content", "deliverables") else \
                ("funding", "duration", "contacts")
            width = 1
            while j + width < len(cols) and cols[j + width] in group:
                width += 1
            top.append(Cell(["项目信息" if "title" in group else "支持方式"], col_span=width, header=True))
            top += [None] * (width - 1)
            j += width
        rows.insert(0, top)
    return Block("table", rows=rows)


def _when_and_whom(v: Variant, s: Spec, n: int) -> tuple[list[Block], int]:
    """The window and the guide's contacts under headings of their own, numbered on from `n`."""
    out: list[Block] = []
    bracket = (lambda h: f"【{h}】") if v.scheme[0] == "【】" else (lambda h: h)
    if s.window:
        n += 1
        out += [Block("head", bracket("申报时间"), marker=section_marker(v, n), level=1),
                Block("p", window_text(v, s.window))]
    if s.contacts:
        n += 1
        out.append(Block("head", bracket("联系方式"), marker=section_marker(v, n), level=1))
        out += [Block("p", contact_text(v, c, v.labels["contacts"])) for c in s.contacts]
    return out, n


def build(spec: Spec, v: Variant, rng: random.Random) -> tuple[list[File], Expected]:
    s = _facts(spec, v, rng)
    col = v.colon
    numbers: dict[int, str] = {}  # id(topic) → number as printed
    expected_topics: list[dict] = []

    # the notice (通知) part
    notice: list[Block] = []
    if v.banner and v.has["issuer"]:
        notice.append(Block("p", f"{s.issuer}文件", role="banner"))
    if s.doc_number:
        notice.append(Block("p", digits(v, s.doc_number), role="docno"))
    issuer_printed = v.has["issuer"]
    if v.notice:
        verb = rng.choice(["发布", "印发", "组织申报"])
        ntitle = f"关于{verb}{s.title}的通知" if verb != "组织申报" else f"关于发布《{s.title}》的通知"
        notice.append(Block("title", lines=two_lines(ntitle) if v.title_lines == 2 else [ntitle]))
        notice.append(Block("p", rng.choice(["各有关单位：", "各区（市）县科技主管部门，各有关单位：", "各市、州、直管市科技局，各有关单位："]),
                            role="addressee"))
        notice.append(Block("p", f"为深入实施创新驱动发展战略，现将《{s.title}》予以发布，请按要求组织申报。"))
    guide: list[Block] = []
    title_block = Block("title", lines=two_lines(s.title) if v.title_lines == 2 else [s.title])
    tail: list[Block] = []
    if v.notice:
        notice += _when_and_whom(v, s, 0)[0]
        if v.fmt == "pair" and v.topics_as == "attachment-table" and v.attachment_fmt != "xlsx":
            notice += [Block("p", f"附件{col}1.{s.title}"), Block("p", f"2.{s.title}项目汇总表")]
        else:
            notice.append(Block("p", f"附件{col}{s.title}"))
        notice.append(Block("sign", s.issuer))
        notice.append(Block("sign", date_zh(s.published or f"{s.year}-{rng.randint(1, 9):02d}-{rng.randint(10, 28)}")))
        notice.append(Block("p", "（此件主动公开）"))
        guide.append(Block("attach", "附件" if rng.random() < 0.5 else "附件1"))
        guide.append(title_block)
    else:
        guide = notice + [title_block]
        notice = []
    guide += [Block("p", p) for p in s.intro if not p.endswith("：") or not v.notice]
    if v.has["funding"] and v.funding_at == "guide" or v.has["duration"] and v.duration_at == "guide":
        money = s.tracks[0].funding if v.funding_at == "guide" else None
        time = s.tracks[0].duration if v.duration_at == "guide" else None
        if money or time:
            guide += _track_facts(v, money, time)
    # requirements and the rest, at the track level, before or after the tracks
    def requirements(n1: int) -> tuple[list[Block], int]:
        out: list[Block] = []
        for heading, body in s.sections:
            n1 += 1
            out.append(Block("head", f"【{heading}】" if v.scheme[0] == "【】" else heading, marker=section_marker(v, n1),
                             level=1, role="section"))
            k = 0
            for kind, text in body:
                if kind == "li":
                    k += 1
                    lvl = 2 if v.section_style == "topic" else 3
                    out.append(Block("item", text, marker=marker_of(v, lvl, k, str(n1)), level=lvl))
                else:
                    k = 0
                    out.append(Block("p", text))
        return out, n1

    # tracks and their topics
    n1 = 0
    if v.sections_first:
        reqs, n1 = requirements(n1)
        guide += reqs
    in_table = v.topics_as in ("table", "attachment-table")
    seq = before = 0
    for ti, tr in enumerate(s.tracks):
        for k, t in enumerate(tr.topics, 1):
            if in_table:
                seq = seq + 1 if v.table_tracks == "column" or k > 1 else 1
                numbers[id(t)] = str(seq)
            else:
                numbers[id(t)] = marker_of(v, 2, k + before if v.continue_numbering else k, str(ti + 1))
        before += len(tr.topics)
    table_tracks_one = in_table and v.table_tracks == "column"
    attach_tables: list[Block] = []
    for ti, tr in enumerate(s.tracks):
        n1 += 1
        marker = marker_of(v, 1, n1)
        name = re.sub(r"^专题[一二三四五六七八九十]+[、，]", "", tr.name)
        head = Block("head", f"【{name}】" if v.scheme[0] == "【】" else name, marker=marker, level=1, role="track")
        guide.append(head)
        guide += _track_facts(v, tr.funding if v.funding_at == "track" else None,
                              tr.duration if v.duration_at == "track" else None)
        if in_table:
            if not table_tracks_one:
                tbl = _table(v, s, [ti], numbers)
                (attach_tables.extend([Block("p", f"{name}指南", role="table-title"), tbl])
                 if v.topics_as == "attachment-table" else guide.append(tbl))
                if v.topics_as == "attachment-table":
                    guide.append(Block("p", f"具体研究方向见附件{col}{name}指南表。"))
            continue
        for k, t in enumerate(tr.topics, 1):
            guide += _topic_blocks(v, t, s, numbers[id(t)], number_of(numbers[id(t)]))
    if table_tracks_one:
        tbl = _table(v, s, list(range(len(s.tracks))), numbers)
        if v.topics_as == "attachment-table":
            attach_tables += [Block("p", f"{s.title}项目表", role="table-title"), tbl]
        else:
            guide.append(tbl)
    if not v.sections_first:
        reqs, n1 = requirements(n1)
        guide += reqs
    if not v.notice:
        more, n1 = _when_and_whom(v, s, n1)
        guide += more
        if v.has["issuer"]:
            tail.append(Block("sign", s.issuer))
            if s.published:
                tail.append(Block("sign", date_zh(s.published)))
    guide += tail
    if attach_tables:
        guide.append(Block("attach", "附件" + ("2" if v.notice else ""), role="tables"))
        guide += attach_tables

    if v.blank_lines:
        guide = [x for b in guide for x in ((b, Block("blank")) if b.kind in ("p", "head", "title") and rng.random() < 0.5 else (b,))]

    for i, t in s.topics():
        expected_topics.append({
            "track": i, "number": number_of(numbers[id(t)]), "title": t.title,
            "content": [x for _, x in t.content], "deliverables": [x for _, x in t.deliverables],
            "funding": t.funding or s.tracks[i].funding, "duration": t.duration or s.tracks[i].duration,
            "contacts": t.contacts})
    expected = Expected(title=s.title, year=s.year, region=s.region,
                        issuer=s.issuer if issuer_printed else None, doc_number=s.doc_number, window=s.window,
                        contacts=s.contacts, topics=expected_topics)
    return _files(v, s, notice, guide), expected


def _files(v: Variant, s: Spec, notice: list[Block], guide: list[Block]) -> list[File]:
    """The blocks as the files the variant publishes: one file, or the notice and its attachment."""
    short = re.sub(r"[^\w]", "", s.title)[:24]
    if v.fmt == "xlsx":
        return [File(f"{short}.xlsx", "xlsx", [b for b in guide if b.kind in ("title", "table", "head")], title=s.title)]
    if v.fmt == "pair":
        att = v.attachment_fmt
        if att == "xlsx":
            guide = [b for b in guide if b.kind in ("title", "table", "head")]
        files = [File(f"关于发布{short}的通知.{v.notice_fmt}", v.notice_fmt, notice, title=s.title)]
        split = next((i for i, b in enumerate(guide) if b.role == "tables"), None)
        if split is None:
            return files + [File(f"附件1 {short}.{att}", att, guide, title=s.title)]
        tables = [b for b in guide[split:] if b.kind == "table" or b.role == "table-title"]
        return files + [File(f"附件1 {short}.{att}", att, guide[:split], title=s.title),
                        File(f"附件2 {short}项目汇总表.xlsx", "xlsx", tables, title=f"{s.title}项目汇总表")]
    return [File(f"{short}.{v.fmt}", v.fmt, notice + guide, title=s.title)]
