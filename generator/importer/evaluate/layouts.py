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

ZH_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 24 → 二十四 (Word's chineseCounting)."""
    if n < 10:
        return ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[ones] if ones else "")


def circled(n: int) -> str:
    if n <= 20:
        return chr(0x2460 + n - 1)
    if n <= 35:
        return chr(0x3251 + n - 21)
    return chr(0x32B1 + n - 36)


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# Numbering styles: name → (marker for item n under parent p, Word numFmt, Word lvlText) — the Word
# pair is None for styles Word's automatic numbering does not print.
STYLES = {
    "一、": (lambda n, p: f"{cn(n)}、", ("chineseCounting", "%1、")),
    "（一）": (lambda n, p: f"（{cn(n)}）", ("chineseCounting", "（%1）")),
    "1.": (lambda n, p: f"{n}.", ("decimal", "%1.")),
    "1、": (lambda n, p: f"{n}、", ("decimal", "%1、")),
    "1．": (lambda n, p: f"{n}．", None),
    "（1）": (lambda n, p: f"（{n}）", ("decimal", "（%1）")),
    "(1)": (lambda n, p: f"({n})", ("decimal", "(%1)")),
    "1）": (lambda n, p: f"{n}）", ("decimal", "%1）")),
    "①": (lambda n, p: circled(n), ("decimalEnclosedCircleChinese", "%1")),
    "1 ": (lambda n, p: f"{n} ", None),  # decimal outline, level 1
    "1.1": (lambda n, p: f"{p}.{n} ", None),
    "1.1.1": (lambda n, p: f"{p}.{n} ", None),
    "第一章": (lambda n, p: f"第{cn(n)}章 ", None),
    "专题一、": (lambda n, p: f"专题{cn(n)}、", ("chineseCounting", "专题%1、")),
    "第一部分": (lambda n, p: f"第{cn(n)}部分 ", None),
    "【】": (lambda n, p: "", None),  # the heading's text goes in 【】
    "": (lambda n, p: "", None),  # a plain heading, no marker
}
KEYWORDS = ("项目", "方向", "课题", "任务", "榜单", "选题", "指南方向")

# Numbering hierarchies: (track / section level, topic level, item level inside a topic).
SCHEMES = [
    ("一、", "（一）", "1."), ("（一）", "1.", "（1）"), ("一、", "1.", "（1）"), ("一、", "1、", "（1）"),
    ("1 ", "1.1", "（1）"), ("1 ", "1.1", "1.1.1"), ("第一章", "一、", "（一）"), ("第一部分", "（一）", "1."),
    ("【】", "kw", "1."), ("一、", "kw", "（1）"), ("（一）", "kw", "①"), ("一、", "①", "1）"), ("", "kw", "1."),
    ("一、", "（1）", "①"), ("一、", "(1)", "1．"), ("【】", "1.", "(1)"), ("专题一、", "kw", "1."),
    ("专题一、", "1.", "（1）"),
]

CONTENT_LABELS = ["研究内容", "主要研究内容", "建设内容", "研究任务", "需求描述", "研究需求", "研究目标与内容",
                  "研究方向与内容", "主要内容", "具体研究内容", "研究重点", "主要任务", "研究要点", "重点研究内容",
                  "项目内容", "研究方向和内容"]
DELIVERABLE_LABELS = ["考核指标", "预期成果", "绩效目标", "成果形式", "验收指标", "预期目标", "成果要求", "主要考核指标",
                      "预期成果形式", "成果提交形式", "考核内容", "验收内容"]
FUNDING_LABELS = ["支持强度", "资助额度", "拟支持经费", "经费额度", "资助金额", "经费支持", "支持经费", "财政资助",
                  "资助经费", "经费安排", "支持额度", "资助强度"]
DURATION_LABELS = ["执行期限", "实施周期", "研究周期", "研究期限", "实施期限", "项目周期", "执行期", "完成时限", "实施年限",
                   "起止年限", "研究时限"]
CONTACT_LABELS = ["联系人", "指南联系人", "对接处室", "联系方式", "联系人及电话", "咨询电话", "业务联系人", "联系处室",
                  "项目联系人"]
WINDOW_LABELS = ["申报时间", "受理时间", "网上申报时间", "申报起止时间", "项目申报时间", "申报受理时间", "网上填报时间"]
TITLE_HEADS = ["题目", "项目名称", "研究方向", "课题名称", "指南方向", "榜单名称", "选题名称", "项目（课题）名称", "研究题目",
               "需求名称"]
SEQ_HEADS = ["序号", "编号"]
FIELDS = ("content", "deliverables", "funding", "duration", "contacts")
EXTRAS = ["合作要求", "申报条件", "备注", "组织方式", "特别说明"]  # labels of no field: a labelled section, for review
EXTRA_TEXT = {"合作要求": "鼓励高校、科研院所与企业联合申报。", "申报条件": "申报单位须具有相关研究基础。",
              "备注": "本方向拟支持1项。", "组织方式": "采取公开竞争方式遴选承担单位。", "特别说明": "研究成果须提交电子版。"}

PEOPLE = ["张敏", "李明", "王芳", "刘洋", "陈静", "赵磊", "周婷", "吴刚", "孙丽", "郑伟"]
OFFICES = ["综合处", "规划处", "成果转化处", "政策法规处", "高新处", "农村处", "社发处", "合作处", "资管处", "人才处"]
ABBR = {"chengdu": "成科字", "tianjin": "津科规", "hubei": "鄂科技发", "shanghai": "沪科指南"}
AREA = {"chengdu": "028", "tianjin": "022", "hubei": "027", "shanghai": "021"}


@dataclass
class Variant:
    """What a variant chose; `describe()` prints it for the report and the generator's own test."""
    key: str  # guide key
    index: int
    fmt: str  # txt md html docx pdf xlsx pair
    scheme: tuple[str, str, str]
    keyword: str  # for the kw topic style
    kw_numeral: str  # "arabic" | "chinese"
    kw_sep: str  # "：" "、" " " "." or ""
    labels: dict[str, str]  # field → label
    colon: str  # "：" or ":"
    label_form: str  # inline | own-line | bracket
    content_unlabelled: bool
    order: list[str]
    topics_as: str  # paragraphs | table | attachment-table
    table_tracks: str  # per-track tables or one table with a 类别 column: "tables" | "column"
    title_head: str
    seq_head: str
    merge_cells: bool
    has: dict[str, bool]  # doc_number window deliverables funding duration contacts issuer
    funding_at: str  # topic | track | guide
    funding_form: str  # label | sentence
    duration_at: str
    duration_form: str
    contacts_at: str  # topic | guide
    contact_form: int
    short_office: bool
    window_form: str  # hours | dates | year-omitted | start-end
    window_label: str
    title_lines: int
    notice: bool
    banner: bool
    blank_lines: bool
    fullwidth: bool
    indent: str  # "\u3000\u3000" or ""
    items_marked: bool  # list items inside a topic printed with the item style's marker
    section_style: str  # requirements' items: "item" (deeper than topics) or "topic" (the topics' own marker)
    sections_first: bool = False  # requirements before the tracks
    marker_gap: str = ""  # between a topic's marker and its title: "", " " or U+3000
    title_label: str = ""  # the topic's title under a label on its own line (项目名称：…), its number alone above
    encoding: str = "utf-8"  # txt: utf-8 | gb18030
    crlf: bool = False
    word_numbering: bool = False  # docx: topics (and tracks) numbered by Word, not in the text
    word_headings: bool = False  # docx/html/md: tracks as headings
    title_break: str = "paragraphs"  # docx two-line title: two paragraphs or one with a line break
    attachment_fmt: str = ""  # pair: the attachment's format
    notice_fmt: str = ""  # pair: the notice's format
    md_table: bool = False
    extra: str = ""  # a label of no known field inside each topic (合作要求：…), never part of another field
    continue_numbering: bool = False  # topics numbered on across tracks (项目11 opens the second track)
    html_breaks: bool = False  # web page: paragraphs separated by <br> inside one block, not <p>s
    txt_wrap: int = 0  # .txt: lines hard-wrapped at this many characters (text copied out of a PDF)
    two_row_header: bool = False  # a table's header in two rows (group cells spanning columns)
    seq_dot: str = ""  # a table's 序号 printed 1 or 1.
    layout_table: bool = False  # web page: the article inside a layout <table>, as old CMS pages are
    html_encoding: str = "utf-8"  # web page: utf-8, or gbk with <meta charset=gbk>
    cell_contact: int = 0
    cell_money: int = 0  # a table's funding cell: 20 / 20万元 / 定额20 (fixed), 不超过20 / ≤20 / 最高20 (ceiling)  # a table's contact cell: office person phone on one line, one a line, or person，phone（office）
    running_head: str = ""
    page_footer: str = "dash"  # pdf: "— 3 —" or "第3页 共8页"

    @property
    def id(self) -> str:
        return f"{self.key}-{self.index:03d}-{self.fmt}"

    def describe(self) -> str:
        if hasattr(self, "chapter_gap"):  # a plan (plans.py)
            return (f"plan; chapters 第一章{self.chapter_gap!r}, items {self.item_style or 'unmarked'}"
                    + ("; 2-line title" if self.title_lines == 2 else "") + (f"; {self.encoding}" if self.fmt == "txt" else ""))
        t = self.scheme[1] if self.scheme[1] != "kw" else f"{self.keyword}{'1' if self.kw_numeral == 'arabic' else '一'}{self.kw_sep}"
        where = self.topics_as + (f"/{self.table_tracks}" if "table" in self.topics_as else "")
        parts = [f"levels {self.scheme[0] or 'plain'}|{t}|{self.scheme[2]}", where,
                 "labels " + "/".join(self.labels[f] for f in FIELDS) + f" {self.label_form}{self.colon}",
                 f"funding {self.funding_at}-{self.funding_form}" if self.has["funding"] else "no funding",
                 f"duration {self.duration_at}" if self.has["duration"] else "no duration",
                 f"contacts {self.contacts_at}" if self.has["contacts"] else "no contacts",
                 f"window {self.window_form}" if self.has["window"] else "no window"]
        if self.notice:
            parts.append("notice")
        if self.title_lines == 2:
            parts.append("2-line title")
        if self.fullwidth:
            parts.append("full-width")
        if self.extra:
            parts.append(f"extra label {self.extra}")
        if self.continue_numbering:
            parts.append("numbered on")
        if self.word_numbering:
            parts.append("Word numbering")
        if self.fmt == "pair":
            parts.append(f"{self.notice_fmt}+{self.attachment_fmt}")
        if self.fmt == "txt":
            parts.append(self.encoding + (" CRLF" if self.crlf else ""))
        return "; ".join(parts)


FORMATS = ("txt", "md", "html", "docx", "pdf", "xlsx", "pair")
TABLE_FORMATS = ("md", "html", "docx", "pdf")


def choose(spec: Spec, fmt: str, index: int, rng: random.Random) -> Variant:
    scheme = rng.choice(SCHEMES)
    topics_as = "paragraphs"
    if fmt == "xlsx":
        topics_as = "table"
    elif fmt in TABLE_FORMATS and rng.random() < 0.35:
        topics_as = rng.choice(["table", "attachment-table"])
    elif fmt in ("docx", "html", "pdf") and rng.random() < 0.2:
        topics_as = "forms"  # each topic a two-column form: label cells on the left, values on the right
    attachment_fmt = notice_fmt = ""
    if fmt == "pair":
        attachment_fmt = rng.choice(["docx", "xlsx", "md", "pdf", "html", "docx"])
        notice_fmt = rng.choice(["html", "docx", "txt", "html"])
        if attachment_fmt == "xlsx" or rng.random() < 0.3:
            topics_as = "table"
        elif rng.random() < 0.35:  # three files: the notice, 附件1 the guide, 附件2 the topics' table (.xlsx)
            topics_as = "attachment-table"
    if fmt == "md" and topics_as != "paragraphs":
        topics_as = "table"
    order = list(FIELDS)
    rest = order[1:]
    rng.shuffle(rest)
    order = ["content"] + rest if rng.random() < 0.7 else rng.sample(list(FIELDS), len(FIELDS))
    funding_at = rng.choice(["topic", "topic", "track", "guide"])
    duration_at = rng.choice(["topic", "track", "guide", "track"])
    if topics_as != "paragraphs" and rng.random() < 0.6:
        funding_at = "topic"
    label_form = rng.choice(["inline", "inline", "own-line", "bracket", "bracket-inline"])
    has = {"doc_number": rng.random() < 0.6, "window": rng.random() < 0.75, "deliverables": rng.random() < 0.7,
           "funding": rng.random() < 0.8, "duration": rng.random() < 0.7, "contacts": rng.random() < 0.75,
           "issuer": True}
    notice = fmt == "pair" or rng.random() < 0.4
    if fmt == "xlsx":  # a spreadsheet alone: its title row and its table, nothing else
        has.update(doc_number=False, window=False, issuer=False)
        notice = False
    contacts_at = rng.choice(["topic", "topic", "guide"])
    if fmt == "xlsx" or attachment_fmt == "xlsx":  # a spreadsheet holds what its rows hold
        contacts_at = "topic" if fmt == "xlsx" else contacts_at
        funding_at = "topic" if has["funding"] else funding_at
        duration_at = "topic" if has["duration"] else duration_at
    return Variant(
        key=spec.key, index=index, fmt=fmt, scheme=scheme, keyword=rng.choice(KEYWORDS),
        kw_numeral=rng.choice(["arabic", "arabic", "chinese"]), kw_sep=rng.choice(["：", "、", " ", "：", "."]),
        labels={"content": rng.choice(CONTENT_LABELS), "deliverables": rng.choice(DELIVERABLE_LABELS),
                "funding": rng.choice(FUNDING_LABELS), "duration": rng.choice(DURATION_LABELS),
                "contacts": rng.choice(CONTACT_LABELS)},
        colon=rng.choice(["：", "：", ":"]), label_form=label_form,
        content_unlabelled=order[0] == "content" and rng.random() < 0.25,
        order=order, topics_as=topics_as, table_tracks=rng.choice(["tables", "column"]),
        title_head=rng.choice(TITLE_HEADS), seq_head=rng.choice(SEQ_HEADS), merge_cells=rng.random() < 0.6,
        has=has, funding_at=funding_at, funding_form=rng.choice(["label", "sentence"]),
        duration_at=duration_at, duration_form=rng.choice(["label", "sentence"]), contacts_at=contacts_at,
        contact_form=rng.randrange(5), short_office=rng.random() < 0.4,
        window_form=rng.choice(["hours", "dates", "year-omitted", "start-end", "dash"]), window_label=rng.choice(WINDOW_LABELS),
        title_lines=rng.choice([1, 1, 2]), notice=notice, banner=rng.random() < 0.5,
        blank_lines=rng.random() < 0.4, fullwidth=rng.random() < 0.25,
        indent=rng.choice(["\u3000\u3000", "\u3000\u3000", ""]), items_marked=rng.random() < 0.7,
        section_style="item" if scheme[1] == "kw" else rng.choice(["item", "topic"]),
        sections_first=rng.random() < 0.3, marker_gap=rng.choice(["", "", " ", "\u3000"]),
        title_label=rng.choice(["项目名称", "课题名称", "题目", "方向名称"]) if fmt != "docx" and rng.random() < 0.12 else "",
        encoding=rng.choice(["utf-8", "gb18030"]), crlf=rng.random() < 0.4,
        word_numbering=fmt == "docx" and rng.random() < 0.5 and STYLES.get(scheme[1], (0, None))[1] is not None,
        word_headings=rng.random() < 0.5, title_break=rng.choice(["paragraphs", "break"]),
        attachment_fmt=attachment_fmt, notice_fmt=notice_fmt, md_table=topics_as != "paragraphs",
        running_head=rng.choice(["issuer", "title"]), page_footer=rng.choice(["dash", "of"]),
        cell_contact=rng.randrange(3), cell_money=rng.randrange(3), two_row_header=rng.random() < 0.25,
        seq_dot=rng.choice(["", "", "."]), layout_table=rng.random() < 0.25,
        html_encoding=rng.choice(["utf-8", "utf-8", "gbk"]), continue_numbering=scheme[1] != "1.1" and rng.random() < 0.3,
        html_breaks=rng.random() < 0.3, extra=rng.choice(EXTRAS) if rng.random() < 0.25 else "", txt_wrap=rng.choice([0, 0, 0, 33, 38]))


# ---------------------------------------------------------------------------------------------------
# The document, format-neutral


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


def _colon(v: Variant) -> str:
    return v.colon


def _num(v: Variant, text: str) -> str:
    return text.translate(FULLWIDTH) if v.fullwidth else text


def _label(v: Variant, name: str, value: str) -> list[Block]:
    """A labelled field as printed: inline, or the label on its own line, or 【label】 (alone or before the text)."""
    if v.label_form == "inline":
        return [Block("p", name + v.colon + value)]
    if v.label_form == "bracket-inline":
        return [Block("p", f"【{name}】" + value)]
    head = f"【{name}】" if v.label_form == "bracket" else name + v.colon
    return [Block("p", head), Block("p", value)]


def _marker(v: Variant, level: int, n: int, parent: str = "") -> str:
    style = v.scheme[level - 1]
    if style == "kw":
        num = str(n) if v.kw_numeral == "arabic" else cn(n)
        return f"{v.keyword}{_num(v, num)}{v.kw_sep}"
    return _num(v, STYLES[style][0](n, parent))


def _section_marker(v: Variant, n: int) -> str:
    """A guide-level section's marker (申报要求, 申报时间 …): the track level's, but 一、 where tracks are 专题一、."""
    return f"{cn(n)}、" if v.scheme[0] == "专题一、" else _marker(v, 1, n)


def number_of(marker: str) -> str:
    """The topic number a marker states: 项目1： → 项目1, （一） → （一）, 1.1  → 1.1, 2. → 2."""
    return re.sub(r"[、.．:：\s]+$", "", marker.strip())


def _money_text(v: Variant, f: dict, sentence: bool) -> str:
    amount = _num(v, _amount(f["amount"]))
    if sentence:
        if f["kind"] == "fixed":
            return random.Random(amount).choice([f"每项定额资助{amount}万元。", f"每个项目支持经费{amount}万元。",
                                                 f"财政定额资助{amount}万元/项。"])
        return random.Random(amount).choice([f"每项资助不超过{amount}万元。", f"每项支持经费不超过{amount}万元。",
                                             f"原则上每项资助额度最高不超过{amount}万元。",
                                             f"拟支持经费不超过{amount}万元/项。"])
    return f"{amount}万元" if f["kind"] == "fixed" else f"不超过{amount}万元"


def _amount(a) -> str:
    return str(int(a)) if float(a).is_integer() else str(a)


def _date_zh(d: str) -> str:
    y, m, day = d[:10].split("-")
    return f"{y}年{int(m)}月{int(day)}日"


def _time_text(v: Variant, d: dict, sentence: bool) -> str:
    if "months" in d:
        m = d["months"]
        span = _num(v, f"{m // 12}年") if m % 12 == 0 else _num(v, f"{m}个月")
    else:
        span = _num(v, f"{_date_zh(d['start'])}至{_date_zh(d['end'])}")
    return f"项目执行期为{span}。" if sentence else span


def _window_text(v: Variant, w: dict) -> str:
    def at(s: str, year: bool = True) -> str:
        d = _date_zh(s) if year else _date_zh(s).split("年", 1)[1]
        return _num(v, d + (f"{int(s[11:13])}:{s[14:16]}" if len(s) > 10 else ""))
    o, c = w["opens"], w["closes"]
    if v.window_form == "dash":
        return f"{v.window_label}{v.colon}{at(o)}—{at(c)}"
    if v.window_form == "hours":
        return f"网上申报时间为{at(o)}至{at(c)}。"
    if v.window_form == "year-omitted":
        return f"{v.window_label}{v.colon}{at(o)}至{at(c, year=False)}。"
    if v.window_form == "start-end":
        return f"项目网上填报起始时间为{at(o)}，截止时间为{at(c)}。"
    return f"{v.window_label}{v.colon}{at(o)}至{at(c)}。"


def _contact_text(v: Variant, c: dict, label: str) -> str:
    office, person, phone = c.get("office", ""), c.get("person", ""), _num(v, c.get("phone", ""))
    col = v.colon
    form = v.contact_form
    if form == 0:
        return label + col + "，".join(x for x in (office, person, phone) if x)
    if form == 1 and person:
        return f"联系人{col}{person}" + (f"（{office}）" if office else "") + (f"，电话{col}{phone}" if phone else "")
    if form == 2:
        bits = [f"对接处室{col}{office}" if office else "", f"联系人{col}{person}" if person else "",
                f"联系电话{col}{phone}" if phone else ""]
        return "；".join(b for b in bits if b)
    if form == 3:
        return label + col + " ".join(x for x in (office, person, phone) if x)
    return label + col + "，".join(x for x in (person, phone) if x) + (f"（{office}）" if office else "")


def _short(office: str, spec: Spec) -> str:
    for prefix in ("省科技厅", "市科技局", "市科委", spec.region_zh + "省科学技术厅", spec.region_zh + "市科学技术局"):
        if office.startswith(prefix) and len(office) > len(prefix) + 1:
            return office[len(prefix):]
    return office


# ---------------------------------------------------------------------------------------------------


def _phone(area: str, rng: random.Random) -> str:
    """A phone number as bureaus print them: 027-87135799, （027）87135799, 87135799, a mobile."""
    number = str(rng.randint(60000000, 89999999))
    return rng.choice([f"{area}-{number}", f"{area}-{number}", f"（{area}）{number}", number,
                       f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}"])


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
                                   "phone": _phone(area, rng)}]
                    if rng.random() < 0.15:  # a second person for the same topic
                        t.contacts.append({"person": people[(k + 3) % len(people)], "phone": _phone(area, rng)})
                if v.short_office:
                    t.contacts = [{**c, "office": _short(c["office"], s)} if c.get("office") else c for c in t.contacts]
            else:
                t.contacts = []
    if v.has["contacts"] and v.contacts_at == "guide":
        s.contacts = s.contacts or [{"office": rng.choice(OFFICES), "person": people[0], "phone": _phone(area, rng)}]
    else:
        s.contacts = []
    s.contacts = [c for c in s.contacts if c.get("phone")]
    return s


_BREAK_AFTER = ("年度", "年", "省", "市", "计划", "研究", "项目", "”", "）", "关于印发", "关于发布")


def _two_lines(title: str) -> list[str]:
    """A title cut in two where a printed title breaks (after 年度, 省, 计划, a closing bracket …),
    nearest its middle, never inside brackets or quotes, never leaving a short line."""
    depth, best, mid = 0, None, len(title) // 2
    for i, ch in enumerate(title):
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》":
            depth -= 1
        if depth == 0 and 6 <= i + 1 <= len(title) - 6 and title[:i + 1].endswith(_BREAK_AFTER):
            if best is None or abs(i + 1 - mid) < abs(best - mid):
                best = i + 1
    return [title] if best is None else [title[:best].strip(), title[best:].strip()]


def _form(v: Variant, t: Topic) -> list[Block]:
    """A topic as a form: a row a field, its label in the left cell, its value (paragraphs) in the right."""
    rows: list[list[Cell | None]] = []
    for f in v.order:
        if f in ("content", "deliverables"):
            paras = t.content if f == "content" else t.deliverables
            if paras:
                rows.append([Cell([v.labels[f]]), Cell(_cell_paras(v, paras))])
        elif f == "funding" and t.funding:
            rows.append([Cell([v.labels["funding"]]), Cell([_money_text(v, t.funding, v.funding_form == "sentence")])])
        elif f == "duration" and t.duration:
            rows.append([Cell([v.labels["duration"]]),
                         Cell([_time_text(v, t.duration, v.duration_form == "sentence")])])
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
                    mk = _marker(v, 3, n, item_level_parent) if v.items_marked else ""
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
                out.append(Block("p", _money_text(v, t.funding, True)))
            else:
                out += _label(v, v.labels["funding"], _money_text(v, t.funding, False))
        elif f == "duration" and t.duration:
            if v.duration_form == "sentence":
                out.append(Block("p", _time_text(v, t.duration, True)))
            else:
                out += _label(v, v.labels["duration"], _time_text(v, t.duration, False))
        elif f == "contacts" and t.contacts:
            for c in t.contacts:
                out.append(Block("p", _contact_text(v, c, v.labels["contacts"])))
        if f == "deliverables" and v.extra:
            out += _label(v, v.extra, EXTRA_TEXT[v.extra])
    return out


def _track_facts(v: Variant, money: dict | None, time: dict | None) -> list[Block]:
    out = []
    if money and time and v.funding_form == "sentence" and v.duration_form == "sentence":
        return [Block("p", _money_text(v, money, True)[:-1] + "，" + _time_text(v, time, True))]
    if money:
        out += ([Block("p", _money_text(v, money, True))] if v.funding_form == "sentence"
                else _label(v, v.labels["funding"], _money_text(v, money, False)))
    if time:
        out += ([Block("p", _time_text(v, time, True))] if v.duration_form == "sentence"
                else _label(v, v.labels["duration"], _time_text(v, time, False)))
    return out


def _cell_paras(v: Variant, paras: list[tuple[str, str]]) -> list[str]:
    out, n = [], 0
    for kind, text in paras:
        if kind == "li":
            n += 1
            out.append((_marker(v, 3, n, "1") if v.items_marked else "") + text)
        else:
            n = 0
            out.append(text)
    return out


def _contact_cell(v: Variant, c: dict) -> list[str]:
    office, person, phone = c.get("office", ""), c.get("person", ""), _num(v, c.get("phone", ""))
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
                row.append(Cell([form[v.cell_money].format(a=_num(v, _amount(f["amount"]))) if f else ""]))
            elif c == "duration":
                row.append(Cell([_time_text(v, t.duration, False) if t.duration else ""]))
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
        out += [Block("head", bracket("申报时间"), marker=_section_marker(v, n), level=1),
                Block("p", _window_text(v, s.window))]
    if s.contacts:
        n += 1
        out.append(Block("head", bracket("联系方式"), marker=_section_marker(v, n), level=1))
        out += [Block("p", _contact_text(v, c, v.labels["contacts"])) for c in s.contacts]
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
        notice.append(Block("p", _num(v, s.doc_number), role="docno"))
    issuer_printed = v.has["issuer"]
    if v.notice:
        verb = rng.choice(["发布", "印发", "组织申报"])
        ntitle = f"关于{verb}{s.title}的通知" if verb != "组织申报" else f"关于发布《{s.title}》的通知"
        notice.append(Block("title", lines=_two_lines(ntitle) if v.title_lines == 2 else [ntitle]))
        notice.append(Block("p", rng.choice(["各有关单位：", "各区（市）县科技主管部门，各有关单位：", "各市、州、直管市科技局，各有关单位："]),
                            role="addressee"))
        notice.append(Block("p", f"为深入实施创新驱动发展战略，现将《{s.title}》予以发布，请按要求组织申报。"))
    guide: list[Block] = []
    title_block = Block("title", lines=_two_lines(s.title) if v.title_lines == 2 else [s.title])
    tail: list[Block] = []
    if v.notice:
        notice += _when_and_whom(v, s, 0)[0]
        if v.fmt == "pair" and v.topics_as == "attachment-table" and v.attachment_fmt != "xlsx":
            notice += [Block("p", f"附件{col}1.{s.title}"), Block("p", f"2.{s.title}项目汇总表")]
        else:
            notice.append(Block("p", f"附件{col}{s.title}"))
        notice.append(Block("sign", s.issuer))
        notice.append(Block("sign", _date_zh(s.published or f"{s.year}-{rng.randint(1, 9):02d}-{rng.randint(10, 28)}")))
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
            out.append(Block("head", f"【{heading}】" if v.scheme[0] == "【】" else heading, marker=_section_marker(v, n1),
                             level=1, role="section"))
            k = 0
            for kind, text in body:
                if kind == "li":
                    k += 1
                    lvl = 2 if v.section_style == "topic" else 3
                    out.append(Block("item", text, marker=_marker(v, lvl, k, str(n1)), level=lvl))
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
                numbers[id(t)] = _marker(v, 2, k + before if v.continue_numbering else k, str(ti + 1))
        before += len(tr.topics)
    table_tracks_one = in_table and v.table_tracks == "column"
    attach_tables: list[Block] = []
    for ti, tr in enumerate(s.tracks):
        n1 += 1
        marker = _marker(v, 1, n1)
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
                tail.append(Block("sign", _date_zh(s.published)))
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
