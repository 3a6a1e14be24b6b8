"""Outline: the levels of a guide from the grammar of official documents, whatever markers it uses.

Three steps over the cleaned lines of the body (table rows are not part of the outline):

1. **Marker.** Each paragraph's marker is detected and classified into a style (`marker()`): GB/T 9704's
   一、 （一） 1. （1）, a decimal outline 1 / 1.1 / 1.1.1 (one style per depth), 第X章 / 第X节 / 第X部分,
   ①, 1）, 【…】, a word and a number (项目 3, 方向二, 课题1, 任务、榜单、子课题、选题 …; 专题/领域/板块/类别
   + number are the track words), a Word numbering marker as the reader gave it, or a heading level the
   format states (HTML h2, Word outline level).
2. **Levels**, as a reader builds them: a style not open above nests under the current item; a style
   already open pops back to its level — unless its number restarts at 1 where that level's numbering
   runs on (then it is a new list inside the current item: `研究内容：1. … 2. …` inside topic `1.`). A field
   label (`考核指标：`) closes any list opened since the previous label of the same item.
3. **Topic level**, from what is under it: a style whose items own topic-field labels (research
   content, deliverables, funding, duration, contacts — labels.TOPIC_FIELDS) holds topics, and so does a
   style of word markers (项目/方向/课题 …); where the same style also numbers plain lists, only the
   sibling groups that carry labels, or that are short titles rather than sentences, are topics. The
   deepest such style wins: a style whose items contain topics is a track or theme above them.

`outline(lines)` returns one `Item` per marked line (None for the others) with its role for segment:
h1 / mark (track word) / h2 (a heading above topics or a section heading), topic, or list (a numbered
paragraph inside a topic or a section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import labels as L
from . import patterns as P

ZH = P.ZH
TOPIC_WORDS = ("子课题", "子任务", "项目", "方向", "课题", "任务", "榜单", "选题", "题目", "研究方向", "指南方向", "需求")
TRACK_WORDS = ("专题", "领域", "板块", "类别", "专项", "类")
_WORD = re.compile(rf"^[【\[]?({'|'.join(sorted(TOPIC_WORDS + TRACK_WORDS, key=len, reverse=True))})\s*(\d{{1,3}}|[{ZH}]{{1,3}})"
                   rf"(?![{ZH}]*[年月日万元个项])\s*(?:[】\]]\s*[：:、.．]?\s*|[：:、.．]\s*|\s+|(?=[\u4e00-\u9fff“《（(])|$)(.*)$")
_DI = re.compile(rf"^第\s*([{ZH}]+|\d+)\s*(章|节|部分|篇|类)\s*[：:、.．]?\s*(.*)$")
_ZH_DUN = re.compile(rf"^([{ZH}]{{1,3}})\s*[、.．]\s*(.+)$")
_ZH_PAREN = re.compile(rf"^[（(]\s*([{ZH}]{{1,3}})\s*[）)]\s*[、.．]?\s*(.+)$")
_DECIMAL = re.compile(r"^(\d{1,2}(?:[.．]\d{1,2}){1,3})[.．]?(?!\d)\s*(\S.*)$")
_AR = re.compile(r"^(\d{1,3})\s*(?:([.．、])(?!\d{1,2}(?!\d))|\s+(?=[\u4e00-\u9fff“《]))\s*(\S.*)$")
_AR_PAREN = re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*[、.．]?\s*(.+)$")
_AR_HALF = re.compile(r"^(\d{1,3})\s*[）)](?![）)])\s*(\S.*)$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" + "".join(map(chr, range(0x3251, 0x3260))) + "".join(map(chr, range(0x32B1, 0x32C0)))
_BRACKET = re.compile(r"^【([^】]{1,30})】\s*(.*)$")
_BULLET = re.compile(r"^([•●○◆◇■□▪▶►·\-\*])\s*(\S.*)$")


@dataclass
class Marker:
    style: str  # "一、" "（一）" "1." "（1）" "1）" "①" "1.1" "1.1.1" "第章" "【】" "w:项目" "h2" …
    number: int | None  # its value in its sequence (None: unnumbered)
    marker: str  # as printed
    rest: str  # the text after it
    word: str = ""  # 项目, 方向, 专题 … for word markers


def _n(text: str) -> int | None:
    return int(text) if text.isdigit() else P.zh_number(text)


def marker(text: str, given: str = "", level: int | None = None) -> Marker | None:
    """The marker a paragraph starts with, classified by its form; None for a plain paragraph."""
    if m := _DI.match(text):
        return Marker("第" + m.group(2), _n(m.group(1)), text[: m.start(3)], m.group(3))
    if m := _WORD.match(text):
        word, num = m.group(1), m.group(2)
        return Marker(f"w:{word}", _n(num), text[: m.start(3)], m.group(3), word)  # 方向十 then 方向11: one style
    if m := _ZH_PAREN.match(text):
        return Marker("（一）", _n(m.group(1)), text[: m.start(2)], m.group(2))
    if m := _ZH_DUN.match(text):
        return Marker("一、", _n(m.group(1)), text[: m.start(2)], m.group(2))
    if m := _DECIMAL.match(text):
        parts = re.split(r"[.．]", m.group(1))
        spaced = text[len(m.group(1)):len(m.group(1)) + 1].isspace()
        if (spaced or not re.match(r"^\d", m.group(2))) and not re.match(r"^[万元%个年月]", m.group(2)):
            return Marker("1" + ".1" * (len(parts) - 1), int(parts[-1]), text[: m.start(2)], m.group(2))
    if m := _AR_PAREN.match(text):
        return Marker("（1）", int(m.group(1)), text[: m.start(2)], m.group(2))
    if m := _AR_HALF.match(text):
        return Marker("1）", int(m.group(1)), text[: m.start(2)], m.group(2))
    if m := _AR.match(text):
        rest = m.group(3)
        if m.group(2) or not re.match(r"^(年|月|日|万|元|个|%|项|家|名|人|次|倍|号|岁|天|周)", rest):
            return Marker("1." if m.group(2) else "1 ", int(m.group(1)), text[: m.start(3)], rest)
    if text[:1] and text[0] in _CIRCLED:
        return Marker("①", _CIRCLED.index(text[0]) + 1, text[0], text[1:].strip())
    if m := _BRACKET.match(text):
        inner = m.group(1)
        if L.kind(inner) not in (None, "title", "number"):
            return None  # 【需求描述】 names a field: a label (labels.split), not a heading
        if w := _WORD.match(inner):  # 【方向1】题目
            return Marker(f"w:{w.group(1)}", _n(w.group(2)),
                          text[: m.start(2)], (w.group(3) + " " + m.group(2)).strip() if w.group(3) else m.group(2),
                          w.group(1))
        if len(text) <= 40 or not m.group(2):
            return Marker("【】", None, "", text)
    if given:  # a Word numbering marker not in the text (the reader put it in Line.marker)
        g = marker(given.strip() + " x")
        if g is not None:
            return Marker(g.style, g.number, given, text[len(given):].strip() if text.startswith(given) else text, g.word)
        return Marker("bullet", None, given, text)
    if m := _BULLET.match(text):
        return Marker("bullet", None, m.group(1), m.group(2))
    if level is not None:
        return Marker(f"h{level}", None, "", text)
    return None


@dataclass
class Item:
    index: int  # the line's index in the list given to outline()
    mark: Marker
    depth: int
    parent: "Item | None"
    children: list["Item"] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # fields of the labels this item owns
    role: str = "list"  # h1, mark, h2, topic, list
    rows: int = 0  # table rows (of three cells or more) directly under it
    last: int = 0  # the last number seen among its children of each style (for continuity)

    @property
    def style(self) -> str:
        return self.mark.style


def _sentence(text: str) -> bool:
    t = text.rstrip("”’」』）)》〉】 ")
    return bool(t) and (t[-1] in P.TERMINAL or len(text) > 60)


def outline(lines) -> list[Item | None]:
    """One Item per line that carries a marker (None for other lines and table rows), roles decided."""
    items: list[Item | None] = [None] * len(lines)
    stack: list[Item] = []
    last: dict[int, int] = {}  # depth → last number at that depth
    owner_depth: int | None = None  # the depth of the item that owns the current label
    block_label = False  # that label stands alone on its line, its text below it
    seen_at: dict[str, int] = {}  # style → the depth it first took
    roots: list[Item] = []
    for i, line in enumerate(lines):
        if line.is_row:
            if stack and len(line.cells) >= 3:
                stack[-1].rows += 1  # a table under this item: its rows may be the topics
            continue
        text = line.text
        if P.ANNEX.match(text) and len(text) <= 60:
            stack, owner_depth = [], None
            continue
        lab = L.split(text)
        m = marker(text, line.marker, line.level)
        if m is None and lab and L.kind(lab[0]) == "title" and lab[1]:  # 项目名称：… opens an unnumbered topic
            m, lab = Marker("label:title", None, "", lab[1]), None
        if m is None or (lab and m.style in ("bullet",)):
            if not lab:
                block_label = False  # the label's text came as a paragraph: items after it are not its list
            if lab and stack:
                if owner_depth is not None and len(stack) - 1 > owner_depth and (
                        block_label or all(_sentence(lines[it.index].text) for it in stack[owner_depth + 1:])):
                    del stack[owner_depth + 1:]  # the list inside the previous label's field is over
                owner_depth = len(stack) - 1
                block_label = not lab[1]  # 研究内容： alone on its line opens a block (a list may follow)
                k = L.kind(lab[0])
                stack[-1].labels.append(k or "other")
            continue
        # the level: pop to the deepest open item of this style whose numbering this continues
        at = None
        for d in range(len(stack) - 1, -1, -1):
            if stack[d].style == m.style:
                if m.number == 1 and last.get(d, 0) >= 1:
                    continue  # numbering restarts: a new list inside the current item, not a sibling
                at = d
                break
        if at is None and m.style.startswith("h") and m.style[1:].isdigit():  # a stated heading level
            at = next((d for d in range(len(stack)) if stack[d].style.startswith("h") and stack[d].style[1:].isdigit()
                       and int(stack[d].style[1:]) >= int(m.style[1:])), None)
        if at is None and m.style.startswith("第"):
            at = next((d for d in range(len(stack)) if stack[d].style.startswith("第")
                       and _DI_ORDER.index(stack[d].style) >= _DI_ORDER.index(m.style)), None)
        if at is None and m.style in _RANK and _RANK[m.style] <= _RANK["一、"]:
            # 一、 or 第X章 after 1. is never inside it: it closes every open item of a lower rank
            at = next((d for d in range(len(stack)) if _RANK.get(stack[d].style, -1) > _RANK[m.style]), None)
            if at is None and m.number is not None and m.number > 1 and stack:
                # 二、 with no 一、 open: not the start of a list inside the current item but a heading of
                # the level where this style was last used (the top when never used before)
                at = seen_at.get(m.style, 0)
        depth = at if at is not None else len(stack)
        seen_at.setdefault(m.style, depth)
        del stack[depth:]
        for d in [d for d in last if d > depth]:
            del last[d]
        parent = stack[-1] if stack else None
        item = Item(i, m, depth, parent)
        (parent.children if parent else roots).append(item)
        stack.append(item)
        if m.number is not None:
            last[depth] = m.number
        if owner_depth is not None and depth <= owner_depth:
            owner_depth = None  # a new item at the label owner's level or above: the labels there are done
        items[i] = item
        if lab := L.split(m.rest):  # 1. 研究内容：… — a numbered label belongs to the item above
            k = L.kind(lab[0])
            if k and parent is not None and k in L.TOPIC_FIELDS:
                parent.labels.append(k)
                item.role = "label"
    _roles(roots, lines)
    return items


_DI_ORDER = ["第篇", "第部分", "第章", "第节", "第类"]
# GB/T 9704's order of levels (and where the other numbered styles sit in it)
_RANK = {"第篇": 0, "第部分": 0, "第章": 1, "第节": 2, "一、": 3, "（一）": 4, "1.": 5, "1 ": 5, "1.1": 6, "1.1.1": 7,
         "（1）": 8, "1）": 9, "①": 10}


def _walk(items: list[Item]):
    for it in items:
        yield it
        yield from _walk(it.children)


def _roles(roots: list[Item], lines) -> None:
    everything = list(_walk(roots))
    by_style: dict[str, list[Item]] = {}
    for it in everything:
        by_style.setdefault(it.style, []).append(it)
    fields = set(L.TOPIC_FIELDS) - {"contacts"}
    topic_styles = set()
    for style, its in by_style.items():
        labelled = [it for it in its if fields & set(it.labels) and it.rows < 2]
        if style.startswith("w:") and style[2:] in TOPIC_WORDS or style == "label:title":
            topic_styles.add(style)
        elif labelled:
            topic_styles.add(style)
    # the deepest wins: a style with topic-style items below it holds tracks or themes
    changed = True
    while changed:
        changed = False
        for style in list(topic_styles):
            its = by_style[style]
            below = sum(1 for it in its if any(d.style in topic_styles and d.style != style
                                                 for d in _walk(it.children)))
            if below and below >= sum(1 for it in its if fields & set(it.labels)):
                topic_styles.discard(style)
                changed = True
    titled = set()
    if not topic_styles and not any(it.rows >= 2 for it in everything):
        # no level owns field labels nor a table of topics: a list of titles under a heading holds the topics
        titled = {it.style for it in everything if _titles_under_heading(it, lines)}
        topic_styles |= {st for st in titled
                         if not any(d.style in titled and d.style != st for it in by_style[st] for d in _walk(it.children))}
    topics: list[Item] = []
    for parent_children in _groups(roots):
        group = [it for it in parent_children if it.style in topic_styles and it.role != "label" and it.rows < 2]
        by: dict[str, list[Item]] = {}
        for it in group:
            by.setdefault(it.style, []).append(it)
        for style, its in by.items():
            has_labels = any(fields & set(it.labels) for it in its)
            word = style.startswith("w:") or style == "label:title"
            titles = sum(1 for it in its if not _sentence(lines[it.index].text) or _title_then_text(it.mark.rest))
            parent = its[0].parent
            inside_topic = any(a.role == "topic" for a in _ancestors(its[0]))
            if inside_topic or style in titled and not _titles_under_heading(its[0], lines):
                continue
            if has_labels or word or titles >= 0.7 * len(its) and not _requirements(parent, lines):
                for it in its:
                    it.role = "topic"
                    topics.append(it)
    for it in everything:
        if it.role == "topic":
            continue
        if any(d.role == "topic" for d in _walk(it.children)) or it.rows >= 2:
            it.role = "mark" if it.style.startswith("w:") else "heads"
        elif any(a.role == "topic" for a in _ancestors(it)) or it.role == "label":
            it.role = "list"
        elif it.depth == 0 and not _sentence(lines[it.index].text):
            it.role = "h1"
        elif it.depth == 1 and not _sentence(lines[it.index].text) and it.style not in ("①", "bullet"):
            it.role = "h2"
        else:
            it.role = "list"
    for it in everything:  # headings above topics: outermost h1, innermost a theme (h2), between them marks
        if it.role != "heads":
            continue
        chain = [a for a in _ancestors(it) if a.role in ("heads", "mark", "h1")]
        below = [d for d in _walk(it.children) if d.role in ("heads",)]
        if it.mark.style.startswith("w:"):
            it.role = "mark"
        elif not chain:
            it.role = "h1"
        elif below:
            it.role = "mark"
        else:
            it.role = "h2"


def _titles_under_heading(it: Item, lines) -> bool:
    """A numbered item in a group of title-like siblings (short, not a sentence) under a heading that is
    not the requirements: a title-only topic list (一、重点课题 / 1．题目 …), when no level owns labels."""
    parent = it.parent
    if it.mark.number is None or parent is None or _requirements(parent, lines) or it.role == "label" \
            or it.mark.word in TRACK_WORDS:  # 专题一、… names a track, never a topic
        return False
    group = [s for s in parent.children if s.style == it.style]
    short = sum(1 for s in group if not _sentence(lines[s.index].text) and len(s.mark.rest) <= 40
                and not lines[s.index].text.rstrip().endswith(("：", ":")))
    return short >= 0.7 * len(group)


def _title_then_text(rest: str) -> bool:
    """项目1：题目。正文… — a short title then a sentence."""
    head = rest.split("。", 1)[0]
    return "。" in rest and len(head) <= 40 and "，" not in head


def _requirements(parent: Item | None, lines) -> bool:
    from .segment import REQUIREMENT_WORDS

    return parent is not None and bool(REQUIREMENT_WORDS.search(parent.mark.rest))


def _ancestors(it: Item):
    p = it.parent
    while p is not None:
        yield p
        p = p.parent


def _groups(roots: list[Item]):
    yield roots
    for it in _walk(roots):
        if it.children:
            yield it.children


def number_text(mark: str) -> str:
    """A topic's number as written, without the separator after it: 1. → 1, （3） → （3）, 【方向1】 → 方向1."""
    return re.sub(r"[、.．:：]+$", "", re.sub(r"\s+", "", mark)).strip("【】[]")[:20]
