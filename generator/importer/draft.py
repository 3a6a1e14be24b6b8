"""Draft: the segmented structure → a guide as guide.schema.json wants it, with review notes and provenance.

Reads the tree from segment: intro, requirement sections (with guide-level contacts and the
application window), tracks with their rules, funding and duration, shared themes, and topics with
their fields, joining attachment records to the topics they describe. Every field remembers the
source lines it came from (for the report); anything uncertain gets a review note on its path, which
write turns into `# 待核对 review: …` comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..slugs import SlugRegistry, slugify
from . import fields as F
from . import labels as L
from . import patterns as P
from .clean import Line
from .outline import marker
from .segment import Node, Part, Record, Structure, Topic, blocks, similar

WINDOW_WORDS = re.compile(r"申报时间|受理时间|接收时间|申请时间|起止时间|起始时间|截止时间|申报截止|网上填报|申报期|受理期|征集时间|报送时间|期间[^。]{0,20}(?:填报|报送|提交|申报|申请)")
GENERIC_PHONE_LABELS = ("联系电话", "电话", "咨询电话", "联系方式")


@dataclass
class Draft:
    data: dict
    review: dict[tuple, list[str]] = field(default_factory=dict)
    placed: list[tuple[str, list[int]]] = field(default_factory=list)

    def note(self, path: tuple, message: str) -> None:
        self.review.setdefault(path, []).append(message)

    def came_from(self, path: tuple, lines) -> None:
        self.placed.append((_path_text(path), sorted(set(lines))))


def _path_text(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


_TITLE_START = re.compile(r"^(?:关于|(?:19|20)\d{2}\s*年)|(?:省|市|自治区|区|县|州|盟)$")


def join_title_start(struct: Structure) -> None:
    """A title printed on two lines whose first line the outline left in the front matter: `2023年度湖北省软科学计划研究`
    / `重点项目（第一批竞争类）申报指南`, `关于发布2021年度湖北省` / `科技创新战略研究专项申报指南的通知`.

    The line just before the title continues into it when it opens a title (关于…, a year) or ends in a place
    (…湖北省), and is not a line that stands alone (issuer, document number, date), a sentence, or numbered.
    """
    title = struct.title_line
    if title is None or title.joined or not struct.front or title.is_row:
        return
    before = struct.front[-1]
    text = before.text.strip()
    if before.is_row or before.part != title.part or not text or len(text) > 40 or len(title.text) > 60 \
            or P.standalone(text) or P.starts_structure(text) or re.search(r"[。！？；;：:，,]$|指南|通知$|文件$", text) \
            or not _TITLE_START.search(text):
        return
    before.text = text + title.text.strip()
    before.joined += [title.no, *title.joined]
    struct.front.pop()
    struct.title_line = before


def join_title_end(struct: Structure) -> None:
    """A notice's title cut after its first line (`关于发布2021年天津市科技计划` / `智库项目（…）申报指南的通知`): the
    title names no guide or notice yet, and the next paragraph is short, no sentence, and ends the title."""
    title = struct.title_line
    if title is None or not struct.root.parts or re.search(r"(通知|公告|通告|指南)[）)]?$", title.text):
        return
    nxt = struct.root.parts[0]
    last = max([title.no, *title.joined])
    text = nxt.text.strip()
    if not nxt.lines or min(nxt.lines) != last + 1 or len(text) > 50 or len(title.text) + len(text) > 100 \
            or "\n" in text or not P.TITLE_WORDS.search(text) or P.starts_structure(text) or P.standalone(text):
        return
    title.text = title.text.strip() + text
    title.joined += list(nxt.lines)
    struct.root.parts.pop(0)


def title_of(struct: Structure) -> tuple[str, list[str]]:
    """The guide's title: its own title line, or the notice's title without 关于发布 … 的通知."""
    if struct.title_line is None:
        return "", ["没有找到标题"]
    return title_of_text(struct.title_line.text)


_BANNER = re.compile(r"^[\u4e00-\u9fff（）()、]{2,40}?(?:局|厅|委员会|人民政府|政府|办公室|办公厅|委)\s*文件\s*(?=\S)")


def title_of_text(text: str) -> tuple[str, list[str]]:
    annex = P.ANNEX.match(text)
    text = annex.group(2).strip() if annex else text
    text = _BANNER.sub("", text)  # 某某局文件 printed above the title and joined to it
    m = re.match(r"^(?:[\u4e00-\u9fff（）()、\s]{2,40}?(?:局|厅|委员会|人民政府|政府|办公室|办公厅)\s*(?:文件\s*)?)?关于(?:印发|发布|下达|公布|组织申报|组织开展|开展|征集|做好)?(.+?)的(?:通知|公告)$", text)
    if m:
        return _unquoted(m.group(1).strip()), ["标题取自通知题目（去掉了“关于发布……的通知”），请核对"]
    return _unquoted(text), []


def _unquoted(title: str) -> str:
    """《2022年度…申报指南》 → the title without the book-title marks that enclose all of it."""
    m = re.fullmatch(r"《([^《》]+)》", title)
    return m.group(1) if m else title


def _home_attachment_records(struct: Structure) -> None:
    """When the topics are only in an attachment's tables (the notice has none), each table's rows belong to
    the heading printed above that table (（一）主题项目 / table / （二）战略研究产品 / table): the heading holds
    them and becomes their track. segment leaves an attachment's records without a heading, for joining
    them to a main text's topics; with no such topics, the heading is all there is to go by."""
    if struct.root.all_topics() or not struct.annex_lines:
        return
    start = struct.annex_lines[0].no
    heads = sorted((n for n in struct.root.walk() if n.line is not None and n.line.no >= start),
                   key=lambda n: n.line.no)
    for rec in struct.records:
        if rec.node is not None or not rec.lines:
            continue
        above = [n for n in heads if n.line.no < rec.lines[0]]
        if above:
            rec.node = above[-1]
            above[-1].records.append(rec)


def call(struct: Structure, tags: list[dict], draft: Draft, guide: dict) -> None:
    """Fill `guide` (already holding id, region, year …) with the call's structure."""
    root = struct.root
    _home_attachment_records(struct)
    track_nodes: list[Node] = []
    section_nodes: list[Node] = []
    for node in root.children:
        marks = [c for c in node.children if c.kind == "mark" and c.holds()]
        if marks:
            track_nodes.extend(marks)
            section_nodes.extend(c for c in node.children if c not in marks and not c.holds())
        elif node.holds():
            track_nodes.append(node)
        else:
            section_nodes.append(node)
    intro_parts = list(root.parts)
    if intro_parts:
        guide["intro"] = blocks(intro_parts)
        draft.came_from(("intro",), [n for p in intro_parts for n in p.lines])
    contacts: list[dict] = []
    ids = SlugRegistry()
    sections = [_section(n, draft, ("sections", i), ids, contacts) for i, n in enumerate(section_nodes)]
    if sections:
        guide["sections"] = sections
    for node in [root, *track_nodes]:
        for label, text, nos in node.contacts:
            role = node.text.rstrip("：:。") if node is not root else ""
            entries, review = F.contacts(text, label, role=role or label)
            for e in entries:
                draft.came_from(("contacts", len(contacts)), nos)
                if review:
                    draft.note(("contacts", len(contacts)), "；".join(review))
                contacts.append(e)
    win = _window(root, track_nodes, section_nodes, draft, guide.get("published"))
    if win:
        guide["window"] = win
    if contacts:
        guide["contacts"] = contacts
    themes: list[dict] = []
    theme_ids: dict[str, str] = {}
    tracks = []
    topics_all: list[tuple[Topic, dict, tuple]] = []
    if root.topics:
        track_nodes.insert(0, _default_track(root, guide.get("title", "")))
        draft.note(("tracks", 0, "name"), "原文没有分类标题，类别名取自指南标题，请核对")
    track_ids = SlugRegistry()
    for ti, node in enumerate(track_nodes):
        path = ("tracks", ti)
        name, rules_extra = _track_name(node)
        track: dict = {"id": track_ids.claim(slugify(re.sub(r"^专题[一二三四五六七八九十\d]+、?", lambda m: m.group(0), name), 40))}
        track["name"] = name
        if node.line is not None:
            draft.came_from(path + ("name",), [node.line.no])
        rule_parts = ([Part("para", rules_extra, [node.line.no])] if rules_extra else []) + list(node.parts)
        rule_parts = [p for p in rule_parts if not P.LABEL.match(p.text) or P.label_kind(P.LABEL.match(p.text).group(1)) != "contacts"]
        for kind in ("funding", "duration"):
            found = stated_term(rule_parts, kind)
            if found:
                track[kind], review, nos = found
                draft.came_from(path + (kind,), nos)
                if review:
                    draft.note(path + (kind,), "；".join(review))
        if rule_parts:
            track["rules"] = blocks(rule_parts)
            draft.came_from(path + ("rules",), [n for p in rule_parts for n in p.lines])
        topics = sorted(node.all_topics(), key=lambda t: t.line.no)
        track["topics"] = []
        for t in topics:
            tpath = path + ("topics", len(track["topics"]))
            entry = _topic(t, draft, tpath)
            if t.theme is not None:
                theme_name = t.theme.text.rstrip("。：:；")
                if theme_name not in theme_ids:
                    n = P.zh_number(t.theme.number) or len(theme_ids) + 1
                    base = f"zhuanti-{n}" if "专题" in theme_name else f"theme-{n}"
                    tid = base if base not in theme_ids.values() else f"{base}-{len(theme_ids) + 1}"
                    theme_ids[theme_name] = tid
                    themes.append({"id": tid, "number": f"（{t.theme.number}）", "name": theme_name})
                    draft.came_from(("themes", len(themes) - 1), [t.theme.line.no])
                entry = _insert_after(entry, "title_editorial" if "title_editorial" in entry else "title",
                                      "theme", theme_ids[theme_name])
            track["topics"].append(entry)
            topics_all.append((t, entry, tpath))
        tracks.append(track)
    home = {id(d): ti for ti, node in enumerate(track_nodes) for d in node.walk()}
    _join_records(struct.records, topics_all, tracks, draft, guide.get("title", ""), home)
    _drop_empty_tracks(tracks, draft)
    _unique_numbers(tracks, draft)
    _guide_wide_terms(section_nodes, tracks, draft, root.parts)
    for t, entry, tpath in topics_all:
        _tags(entry, tags, draft, tpath)
    _same_office_phones(topics_all, draft)
    if themes:
        guide["themes"] = themes
    guide["tracks"] = tracks


def _unique_numbers(tracks: list[dict], draft: Draft) -> None:
    """Topic numbers are kept as written, and must be unique in a track: a repeated one gets -2, -3 …"""
    for ti, track in enumerate(tracks):
        seen: set[str] = set()
        for pi, topic in enumerate(track["topics"]):
            number, n = topic["number"], 2
            while topic["number"] in seen:
                topic["number"] = f"{number[:16]}-{n}"
                n += 1
            if topic["number"] != number:
                draft.note(("tracks", ti, "topics", pi, "number"), f"编号“{number}”在本类别中重复，暂记为 {topic['number']}，请核对")
            seen.add(topic["number"])


def _guide_wide_terms(sections: list[Node], tracks: list[dict], draft: Draft, intro: list[Part] = ()) -> None:
    """Funding or duration stated once for the whole guide (in the opening text, 支持方式, 申报要求 …) goes to
    every track that states none of its own, marked for review."""

    def parts(node: Node):
        yield from node.parts
        for c in node.children:
            yield from parts(c)

    found: dict = {}
    for kind in ("funding", "duration"):
        term = stated_term([*intro, *(p for n in sections for p in parts(n))], kind)
        if term:
            found[kind] = term
    for ti, track in enumerate(tracks):
        for kind, (value, review, lines) in found.items():
            if kind in track or any(kind in t for t in track["topics"]):
                continue
            track[kind] = dict(value)
            draft.came_from(("tracks", ti, kind), lines)
            where = "唯一的类别" if len(tracks) == 1 else "每个没有自己规定的类别"
            draft.note(("tracks", ti, kind), "；".join([f"这是全指南统一的规定，已记在{where}上"] + review))
        _track_order(track)


_TERM_WORDS = {"funding": re.compile(r"资助|经费|支持|补助|万元"),
               "duration": re.compile("|".join(sorted(L.SYNONYMS["duration"], key=len, reverse=True)) + "|执行期|实施期")}


def stated_term(parts: list[Part], kind: str) -> tuple[dict, list[str], list[int]] | None:
    """Funding or duration stated among a track's or the guide's paragraphs: a labelled value (`执行期限：1年`,
    or `起止年限：` with the value in the next paragraph) read as labelled, else a sentence that says it
    (`项目执行期为18个月。`, `每项资助不超过20万元`). Returns (value, review, source lines) or None."""
    for i, p in enumerate(parts):
        lab = L.known(p.text)
        if lab and lab[1] == kind:
            text, nos = lab[2], list(p.lines)
            if not text and i + 1 < len(parts) and not L.split(parts[i + 1].text):
                text, nos = parts[i + 1].text, nos + list(parts[i + 1].lines)
            if text:
                value, review = (F.funding(text, True, F.unit_of(lab[0]), lab[0]) if kind == "funding"
                                 else F.duration(text, labelled=True))
                if value:
                    return value, review, nos
        if not _TERM_WORDS[kind].search(p.text):
            continue  # 三年内未获得资助 is a condition, not a duration: a sentence must name the term
        value, review = (F.funding if kind == "funding" else F.duration)(p.text, labelled=False)
        if value:
            return value, review, list(p.lines)
    return None


def _track_order(track: dict) -> None:
    order = ["id", "name", "funding", "duration", "rules", "topics"]
    kept = {k: track[k] for k in order if k in track}
    track.clear()
    track.update(kept)


def _insert_after(entry: dict, after: str, key: str, value) -> dict:
    out = {}
    for k, v in entry.items():
        out[k] = v
        if k == after:
            out[key] = value
    return out


def _default_track(root: Node, title: str) -> Node:
    name = track_name_from_title(title)
    node = Node("h1", "", name, None)
    node.topics = root.topics
    return node


def track_name_from_title(title: str) -> str:
    """研究重点项目（第一批）申报指南 → 研究重点项目（第一批）; 智库课题指南 → 智库课题."""
    m = re.findall(r"[\u4e00-\u9fff]{0,8}(?:项目|课题)(?:（[^）]*）)?", re.sub(r"^.*?[市省区]", "", title))
    return m[-1] if m else "项目"


def _track_name(node: Node) -> tuple[str, str]:
    """一、重点项目 → 重点项目; 专题一、主题项目（题目不得更改）→ (专题一、主题项目, 题目不得更改)."""
    name = node.text if node.kind == "mark" else node.text
    name = name.rstrip("。：:；")
    m = re.match(r"^(.+?)[（(]([^（）()]{4,})[）)]$", name)
    if m and node.kind == "mark":
        return m.group(1), m.group(2)
    return name, ""


def _section(node: Node, draft: Draft, path: tuple, ids: SlugRegistry, contacts: list[dict]) -> dict:
    heading = node.text.rstrip("。：:；")
    out: dict = {"id": ids.claim(slugify(heading, 40)), "heading": heading}
    if node.line is not None:
        draft.came_from(path + ("heading",), [node.line.no])
    if node.parts:
        out["body"] = blocks(node.parts)
        draft.came_from(path + ("body",), [n for p in node.parts for n in p.lines])
    subs = [_section(c, draft, path + ("sections", i), ids, contacts) for i, c in enumerate(node.children)]
    if subs:
        out["sections"] = subs
    for label, text, nos in node.contacts:
        role = label if label not in GENERIC_PHONE_LABELS and label not in ("业务处室", "对接处室", "联系人") else heading
        entries, review = F.contacts(text, label, role=role)
        if contacts and entries and _mergeable(contacts[-1], entries[0]) and contacts[-1].get("role") == role:
            contacts[-1].update({k: v for k, v in entries[0].items() if k != "role"})
            draft.came_from(("contacts", len(contacts) - 1), nos)
            notes = draft.review.get(("contacts", len(contacts) - 1), [])
            if "phone" in contacts[-1] and notes:  # the phone came on the next line
                notes[:] = [k for k in ("；".join(x for x in n.split("；") if x != "联系方式里没有电话") for n in notes) if k]
                if not notes:
                    del draft.review[("contacts", len(contacts) - 1)]
            continue
        for e in entries:
            draft.came_from(("contacts", len(contacts)), nos)
            if review and (len(entries) == 1):
                draft.note(("contacts", len(contacts)), "；".join(review))
            contacts.append(e)
    return out


def _mergeable(a: dict, b: dict) -> bool:
    """联系人：张三 then 电话：… (or 业务处室 then 联系电话) make one contact."""
    return not (set(a) & set(b) - {"role"})


def _window(root: Node, tracks: list[Node], sections: list[Node], draft: Draft, since: str | None = None) -> dict | None:
    def walk(node: Node):
        yield from ((p, node.text) for p in node.parts)
        for c in node.children:
            yield from walk(c)

    missing: list[Part] = []
    for node in [root, *sections, *tracks]:
        for p, head in (((p, "") for p in node.parts) if node is root else walk(node)):
            if WINDOW_WORDS.search(p.text) or WINDOW_WORDS.search(head):  # 三、申报时间 / 2024年3月1日—4月15日
                win, review = F.window(p.text, since)
                if not win and F.date(p.text) and not missing:
                    missing.append(p)
                if win:
                    draft.came_from(("window",), p.lines)
                    if review:
                        draft.note(("window",), "；".join(review))
                    return win
    if missing:
        draft.note(("title",), f"原文只给了一个申报日期（第 {missing[0].lines[0]} 行：{missing[0].text[:40]}），"
                               "window 需要起止两个日期，请核对后手填")
    return None


def split_head(head: str) -> tuple[str | None, str]:
    """A topic's heading text → (title, text after it). Title None when the heading is one sentence."""
    head = P.TITLE_LABEL.sub("", head.strip())
    if "。" in head[:-1]:
        t, rest = head.split("。", 1)
        if rest.strip() and len(t) <= 80 and "，" not in t:
            return t.strip(), rest.strip()
    if head.endswith("。") and (len(head) > 40 or "，" in head):
        return None, head
    return head.rstrip("。；;"), ""


def _topic(t: Topic, draft: Draft, path: tuple) -> dict:
    entry: dict = {"number": t.number or str(path[-1] + 1)}
    if not t.number:
        draft.note(path + ("number",), "原文此项没有编号，按顺序编为 " + entry["number"] + "，请核对")
    draft.came_from(path + ("number",), [t.line.no])
    title, rest = split_head(t.head)
    inline = ([Part("para", rest, [t.line.no, *t.line.joined])] if rest else []) + t.inline
    if title is None:
        first = re.split(r"[，。；]", t.head)[0]
        entry["title"] = first[:60]
        entry["title_editorial"] = True
        draft.note(path + ("title",), "原文此项没有题目：这里暂用正文第一句开头，请拟定题目（title_editorial: true）")
    else:
        money = re.search(r"[（(]([^（）()]*\d[^（）()]*万元[^（）()]*)[）)]$", title)
        if money and "funding" not in t.fields:  # 题目（支持经费不超过20万元）
            t.fields["funding"] = [Part("para", money.group(1), [t.line.no])]
            t.labels.setdefault("funding", "")
            title = title[: money.start()].rstrip()
            draft.note(path + ("title",), f"题目后括号里的“{money.group(1)}”已移入 funding，请核对")
        entry["title"] = title
        if not title:
            draft.note(path + ("title",), "题目为空，请补上")
    draft.came_from(path + ("title",), [t.line.no, *t.line.joined])
    if "content" in t.fields:
        if inline:
            entry["summary"] = blocks(inline)
            draft.came_from(path + ("summary",), [n for p in inline for n in p.lines])
        entry["content_label"] = t.labels["content"]
        entry["content"] = blocks(t.fields["content"])
        draft.came_from(path + ("content",), t.label_lines.get("content", []) + [n for p in t.fields["content"] for n in p.lines])
    elif inline:
        entry["content"] = blocks(inline)
        draft.came_from(path + ("content",), [n for p in inline for n in p.lines])
    if "deliverables" in t.fields:
        entry["deliverables_label"] = t.labels["deliverables"]
        entry["deliverables"] = blocks(t.fields["deliverables"])
        draft.came_from(path + ("deliverables",), [n for p in t.fields["deliverables"] for n in p.lines])
    terms: dict = {}
    for kind, fn, words in (("funding", F.funding, F.FUNDING_SENTENCE), ("duration", F.duration, F.DURATION_SENTENCE)):
        if kind not in t.fields:  # 每项资助5万元，执行期1年。 written in the topic's text: read, text kept too
            for p in [*inline, *t.fields.get("content", []), *t.fields.get("deliverables", []),
                      *(p for k, ps in t.fields.items() if k.startswith("section:") for p in ps)]:  # 其他要求：…执行期为3年
                if len(p.text) <= 80 and words.search(p.text):
                    value, review = fn(p.text, labelled=False)
                    if value:
                        terms[kind] = (value, p.lines, ["取自本题正文中的一句话（原文照留在正文里）", *review])
                        break
            continue
        if kind in t.fields:
            text = "".join(p.text for p in t.fields[kind])
            value, review = (F.funding(text, True, F.unit_of(t.labels.get(kind, "")), t.labels.get(kind, "")) if kind == "funding"
                             else fn(text, labelled=True))
            nos = t.label_lines.get(kind, []) + [n for p in t.fields[kind] for n in p.lines]
            if value:
                terms[kind] = (value, nos, review)
            else:  # kept as written under its own label, never lost
                key = "section:" + t.labels.get(kind, kind)
                t.fields[key] = t.fields.pop(kind)
                t.labels[key] = t.labels.get(kind, kind)
                t.label_lines[key] = t.label_lines.get(kind, [])
    _labelled_sections(entry, t.fields, t.labels, t.label_lines, draft, path)
    for kind, (value, nos, review) in terms.items():
        entry[kind] = value
        draft.came_from(path + (kind,), nos)
        if review:
            draft.note(path + (kind,), "；".join(review))
    contacts = []
    for label, text, nos in t.contacts:
        entries, review = F.contacts(text, label)
        for e in entries:
            if contacts and _mergeable(contacts[-1], e):
                contacts[-1].update(e)
            else:
                contacts.append(e)
            draft.came_from(path + ("contacts", len(contacts) - 1), nos)
            if review:
                draft.note(path + ("contacts", len(contacts) - 1), "；".join(review))
    if contacts:
        entry["contacts"] = contacts
    return entry


def _labelled_sections(entry: dict, fields: dict, labels: dict, label_lines: dict, draft: Draft, path: tuple) -> None:
    """Labels naming no field (`section:<label>` keys) → the topic's labelled sections, marked for review."""
    keys = [k for k in fields if k.startswith("section:")] + [k for k in labels if k.startswith("section:") and k not in fields]
    if not keys:
        return
    sections = []
    for k in keys:
        heading = labels.get(k, k.split(":", 1)[1])
        section: dict = {"heading": heading}
        parts = fields.get(k, [])
        if parts:
            section["body"] = blocks(parts) if isinstance(parts[0], Part) else _record_blocks(parts)
        sp = path + ("sections", len(sections))
        draft.came_from(sp, label_lines.get(k, []) + [n for p in parts if isinstance(p, Part) for n in p.lines])
        draft.note(sp, f"标签“{heading}”不对应任何已知字段，原文照录为本题的一节；请核对它该归入哪个字段，或保留")
        sections.append(section)
    entry["sections"] = sections


_ITEM_STYLES = ("1.", "1 ", "（1）", "1）", "①", "1.1", "1.1.1", "1.1.1.1")


def _record_blocks(paragraphs: list[str]) -> list:
    """A cell's paragraphs as blocks: a paragraph opening with a list marker of any form the outline knows
    (1. / （1） / 1） / ① / 1.1 / 1.1.1) is a list item without its marker (the site numbers lists)."""
    parts = []
    for p in paragraphs:
        m = marker(p)
        parts.append(Part("item", m.rest, []) if m is not None and m.style in _ITEM_STYLES and m.rest
                     else Part("para", p, []))
    return blocks(parts)


def _drop_empty_tracks(tracks: list[dict], draft: Draft) -> None:
    """A heading that looked like a track but got no topic is dropped (its notes move with the others)."""
    empty = [i for i, t in enumerate(tracks) if not t["topics"]]
    if not empty:
        return
    shift = {old: old - sum(1 for e in empty if e < old) for old in range(len(tracks)) if old not in empty}
    moved = {}
    for path, notes in draft.review.items():
        if path[:1] == ("tracks",) and len(path) > 1:
            if path[1] in empty:
                continue
            path = ("tracks", shift[path[1]]) + path[2:]
        moved[path] = notes
    draft.review.clear()
    draft.review.update(moved)
    tracks[:] = [t for i, t in enumerate(tracks) if i not in empty]


def _join_records(records: list[Record], topics: list[tuple[Topic, dict, tuple]], tracks: list[dict], draft: Draft,
                  title: str, home: dict | None = None) -> None:
    """Attachment records (项目N | 题目 | 研究需求 | 考核指标 …) joined to the topics they describe."""
    taken: set[int] = set()
    had_topics = bool(topics)
    for rec in records:
        best, best_score = None, 0.0
        for i, (t, entry, _) in enumerate(topics):
            if i in taken:
                continue
            score = similar(rec.title, entry["title"]) if rec.title and not entry.get("title_editorial") else 0.0
            if rec.number and rec.number == entry["number"]:
                score += 1.0
            elif rec.number and re.sub(r"\D", "", rec.number) == re.sub(r"\D", "", entry["number"]):
                score += 0.3
            if score > best_score:
                best, best_score = i, score
        if best is None or best_score < 0.6:
            if not tracks:
                name = track_name_from_title(title)
                tracks.append({"id": slugify(name, 40), "name": name, "topics": []})
                draft.note(("tracks", 0, "name"), "题目来自附件表格，类别名请核对")
            ti = (home or {}).get(id(rec.node), len(tracks) - 1)
            track = tracks[ti]
            entry = {"number": rec.number or str(len(track["topics"]) + 1), "title": rec.title or "（无题目）"}
            path = ("tracks", ti, "topics", len(track["topics"]))
            track["topics"].append(entry)
            topics.append((None, entry, path))
            taken.add(len(topics) - 1)
            draft.came_from(path + ("title",), rec.lines[:1])
            if had_topics:
                draft.note(path + ("title",), "附件表格中的这一项在正文里没有找到对应题目，请核对归属")
            _fill_from_record(rec, entry, None, draft, path)
            continue
        taken.add(best)
        t, entry, path = topics[best]
        if rec.title and similar(rec.title, entry["title"]) < 0.999 and not entry.get("title_editorial"):
            entry.setdefault("notes", []).append(
                f"附件表格中本项目题目作“{rec.title}”，与正文题目“{entry['title']}”不同。本站以正文题目为准。")
            draft.note(path + ("title",), f"附件题目与正文不同：“{rec.title}”")
        _fill_from_record(rec, entry, t, draft, path)


def _fill_from_record(rec: Record, entry: dict, t: Topic | None, draft: Draft, path: tuple) -> None:
    for kind in ("content", "deliverables"):
        if kind in rec.fields and rec.fields[kind]:
            if kind == "content" and "content" in entry and "summary" not in entry and "content_label" not in entry:
                entry_new = {}
                for k, v in entry.items():
                    if k == "content":
                        entry_new["summary"] = v
                    else:
                        entry_new[k] = v
                entry.clear()
                entry.update(entry_new)
            if kind in entry:
                draft.note(path + (kind,), "正文和附件都写了这一项，附件内容未并入，请核对")
                continue
            label = rec.labels.get(kind)
            if label:
                entry[f"{kind}_label"] = label
            entry[kind] = _record_blocks(rec.fields[kind])
            draft.came_from(path + (kind,), rec.lines)
    for kind, fn in (("funding", F.funding), ("duration", F.duration)):
        if kind in rec.fields and kind not in entry:
            text = "".join(rec.fields[kind])
            value, review = (F.funding(text, True, F.unit_of(rec.labels.get(kind, "")), rec.labels.get(kind, "")) if kind == "funding"
                             else fn(text, labelled=True))
            if value:
                entry[kind] = value
                draft.came_from(path + (kind,), rec.lines)
                if review:
                    draft.note(path + (kind,), "；".join(review))
            elif text.strip():  # not readable as this field: kept as written under its own header, never lost
                label = rec.labels.get(kind) or kind
                rec.fields["section:" + label] = rec.fields.pop(kind)
                rec.labels["section:" + label] = label
    if any(k.startswith("section:") for k in rec.fields) and "sections" not in entry:
        _labelled_sections(entry, rec.fields, rec.labels, {k: rec.lines for k in rec.fields}, draft, path)
    if "contacts" in rec.fields and "contacts" not in entry:
        found, review = F.contacts(" ".join(rec.fields["contacts"]))
        if found:
            entry["contacts"] = found
            draft.came_from(path + ("contacts",), rec.lines)
    # keep schema order: content before deliverables, fields after
    order = ["number", "title", "title_editorial", "theme", "summary", "content_label", "content",
             "deliverables_label", "deliverables", "sections", "funding", "duration", "contacts", "tags", "notes"]
    ordered = {k: entry[k] for k in order if k in entry}
    entry.clear()
    entry.update(ordered)


def _tags(entry: dict, tags: list[dict], draft: Draft, path: tuple) -> None:
    text = " ".join(_flat(entry.get(k)) for k in ("summary", "content", "deliverables"))
    found = F.suggest_tags(text, entry["title"], tags)
    if not found:
        found = [F.nearest_tag(entry["title"] + text, tags)]
        draft.note(path + ("tags",), "没有标签的词出现在本题中，这个标签是猜的；请选 1–5 个合适的标签")
    notes = entry.pop("notes", None)
    entry["tags"] = found
    if notes:
        entry["notes"] = notes


def _flat(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_flat(v) for v in value.values())
    return " ".join(_flat(v) for v in value)


def _same_office_phones(topics: list[tuple[Topic, dict, tuple]], draft: Draft) -> None:
    """One office with different phone numbers in different places: keep both, say so."""
    seen: dict[str, dict[str, list[tuple[dict, tuple]]]] = {}
    for _, entry, path in topics:
        for ci, c in enumerate(entry.get("contacts", [])):
            if c.get("office") and c.get("phone") and not c.get("person"):
                seen.setdefault(c["office"], {}).setdefault(c["phone"], []).append((entry, path + ("contacts", ci)))
    for office, by_phone in seen.items():
        if len(by_phone) < 2:
            continue
        numbers = "、".join(by_phone)
        for phone, places in by_phone.items():
            for entry, cpath in places:
                draft.note(cpath, f"{office}在原文中有不同电话：{numbers}，请核对")
                note = f"原文中{office}的电话不止一个（{numbers}），本题照录为 {phone}。"
                notes = entry.setdefault("notes", [])
                if note not in notes:
                    notes.append(note)
