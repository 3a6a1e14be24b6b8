"""Patterns: the numbering styles, field labels and dates that Chinese guides use, in one place.

Shared by clean, segment and fields. Every pattern expects text after clean (ASCII digits, no markup).
"""

from __future__ import annotations

import re

from . import labels as L

ZH = "一二三四五六七八九十百零〇两"
TERMINAL = "。！？；;!?"
SEP = r"[、.．，,:：\s]"

CHAPTER = re.compile(rf"^第\s*([{ZH}]+|\d+)\s*章\s*(.*)$")
H1 = re.compile(rf"^([{ZH}]+)\s*[、.．]\s*(.+)$")
H2 = re.compile(rf"^[（(]\s*([{ZH}]+)\s*[）)]\s*(.+)$")
ITEM = re.compile(r"^(\d{1,3})\s*(?:[.．、](?!\d+[.．]\d)|[）)](?![）)]))\s*(\S.*)$")
PAREN_ITEM = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*(.+)$")
CIRCLED = re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.+)$")
# Topic markers: 项目1：, 方向 3、, 课题一, 子课题2 … (专题 is a track or theme, see TRACK_MARK)
TOPIC = re.compile(rf"^[【\[]?(项目|方向|课题|子课题|题目|选题|研究方向|任务|指南方向)\s*(\d{{1,3}}|[{ZH}]{{1,3}})\s*"
                   rf"(?:[】\]]\s*[：:、.．]?\s*|[：:、.．]\s*|\s+|(?=[\u4e00-\u9fff“《（])|$)(.*)$")
TRACK_MARK = re.compile(rf"^(专题|领域|板块|类别|第[{ZH}\d]+类|[{ZH}]+类)\s*([{ZH}\d]*)\s*[、.．：:\s]\s*(.+)$")
ANNEX = re.compile(r"^附\s*件\s*(\d*|[一二三四五六七八九十]*)\s*[：:]?\s*(.*)$")
BOX = re.compile(r"^(专栏|重点领域|重点工程|重大工程|重点任务|重大项目)\s*(\d{1,2})\s*(.*)$")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_LINE = re.compile(r"^\s*(?:\d{4}|二〇[〇一二三四五六七八九]{2})\s*年\s*[\d一二三四五六七八九十〇]{1,2}\s*月"
                       r"(?:\s*[\d一二三四五六七八九十〇]{1,3}\s*日)?\s*$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*\d{1,4}\s*号")

# Field labels come from the one synonyms table (labels.SYNONYMS); these patterns find the known ones
# where form alone cannot (a label printed without its colon in a table flattened to text).
ALL_LABELS = tuple(n for k in ("content", "deliverables", "funding", "duration", "contacts") for n in L.SYNONYMS[k]
                   if len(n) >= 2)
LABEL = re.compile(r"^(" + "|".join(re.escape(l) for l in sorted(ALL_LABELS, key=len, reverse=True)) + r")\s*[：:]\s*(.*)$")
LABEL_SPACED = re.compile(r"^(" + "|".join(re.escape(l) for l in sorted(ALL_LABELS, key=len, reverse=True) if len(l) >= 4)
                          + r")\s+\S")  # 研究需求 聚焦…: a table's label cell printed before its text
LABEL_CELL = re.compile(r"^(" + "|".join(re.escape(l) for l in sorted(ALL_LABELS, key=len, reverse=True)) + r")\s*[：:]?$")
ORG_LINE = re.compile(r"^[\u4e00-\u9fff（）()、\s]{2,40}(委员会|局|厅|人民政府|政府|办公室|办公厅|中心|协会|基金会)$")
TITLE_LABEL = re.compile(r"^(" + "|".join(sorted((n for n in L.SYNONYMS["title"] if len(n) >= 2), key=len, reverse=True))
                         + r")\s*[：:]\s*")
TITLE_WORDS = re.compile(r"(指南|通知|规划|公告|计划|方案)[）)]?$")
SIGN_OFF = re.compile(r"^[（(]?\s*此件(主动|依申请)?公开\s*[）)]?$|^[（(]?\s*联系人[:：].*[）)]$")


def label_kind(label: str) -> str:
    """The field a known label names (labels.kind), contacts when it names none of the topic fields."""
    kind = L.kind(label)
    return kind if kind in ("content", "deliverables", "funding", "duration") else "contacts"


def zh_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; digits as they are; None if neither."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    if not text or any(c not in digits and c not in "十百" for c in text):
        return None
    if "百" in text:
        head, _, rest = text.partition("百")
        return (digits.get(head, 1) if head else 1) * 100 + (zh_number(rest) or 0 if rest else 0)
    if "十" in text:
        head, _, tail = text.partition("十")
        return (digits[head] if head else 1) * 10 + (digits[tail] if tail else 0)
    return digits.get(text) if len(text) == 1 else None


def starts_structure(text: str) -> bool:
    """True when a line opens something new: a numbered item or heading, a topic, a label, an annex."""
    return bool(CHAPTER.match(text) or H1.match(text) or H2.match(text) or ITEM.match(text)
                or PAREN_ITEM.match(text) or CIRCLED.match(text) or TOPIC.match(text) or TRACK_MARK.match(text)
                or LABEL.match(text) or LABEL_SPACED.match(text) or ANNEX.match(text) or BOX.match(text) or text.startswith(("——", "【", "注：", "注:")))


def heading_like(text: str) -> bool:
    """Numbered headings and items (labels are not: their values wrap like any paragraph)."""
    return bool(CHAPTER.match(text) or H1.match(text) or H2.match(text) or ITEM.match(text)
                or PAREN_ITEM.match(text) or TOPIC.match(text) or TRACK_MARK.match(text) or BOX.match(text)
                or ANNEX.match(text))


def standalone(text: str) -> bool:
    """Lines that stand alone whatever their punctuation: issuer, date, document number, sign-off."""
    t = text.strip()
    return bool(ORG_LINE.match(t) or DATE_LINE.match(t) or DOC_NUMBER.fullmatch(t) or SIGN_OFF.match(t))


def is_title_line(text: str) -> bool:
    return len(text) <= 80 and bool(TITLE_WORDS.search(text))
