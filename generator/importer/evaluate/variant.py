"""A variant: every layout choice one rendering makes, drawn from a seeded random generator (`choose`).

`Variant.describe()` prints the choices for the report and for the generator's own tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .truth import Spec
from .vocab import (CONTACT_LABELS, CONTENT_LABELS, DELIVERABLE_LABELS, DURATION_LABELS, EXTRAS, FIELDS,
                    FUNDING_LABELS, KEYWORDS, SCHEMES, SEQ_HEADS, STYLES, TITLE_HEADS, WINDOW_LABELS)


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
    html_word: bool = False  # web page: paragraphs as Word's HTML (MsoNormal, mso spans, <o:p>)
    html_encoding: str = "utf-8"  # web page: utf-8, or gbk with <meta charset=gbk>
    cell_contact: int = 0  # a table's contact cell: office person phone on one line, one a line, or person，phone（office）
    cell_money: int = 0  # a table's funding cell: 20 / 20万元 / 定额20 (fixed), 不超过20 / ≤20 / 最高20 (ceiling)
    plan: bool = False  # plans.py: a plan's variant
    chapter_gap: str = ""  # plans: between 第一章 and the chapter's title
    item_style: str = ""  # plans: list items marked 1. / （1） / ① or not
    running_head: str = ""
    page_footer: str = "dash"  # pdf: "— 3 —" or "第3页 共8页"

    @property
    def id(self) -> str:
        return f"{self.key}-{self.index:03d}-{self.fmt}"

    def describe(self) -> str:
        if self.plan:
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
        html_encoding=rng.choice(["utf-8", "utf-8", "gbk"]), html_word=rng.random() < 0.3,
        continue_numbering=scheme[1] != "1.1" and rng.random() < 0.3,
        html_breaks=rng.random() < 0.3, extra=rng.choice(EXTRAS) if rng.random() < 0.25 else "",
        txt_wrap=rng.choice([0, 0, 0, 33, 38]))


# ---------------------------------------------------------------------------------------------------
# The document, format-neutral
