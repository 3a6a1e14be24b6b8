"""Plans (规划) as typed, linked objects: chapters → sections → sub-sections, boxes, annex.

Built from a validated guide of kind `plan` (its `data`), after the site model, so a plan
knows its guide and its tags. Owns the URLs of a plan's pages (overview at the guide URL,
a page per chapter, the annex page) and the anchors inside them, and collects the tagged
sections, boxes and box items as `PlanEntry`s for the tag pages (`site.plan_entries`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import i18n
from .model import Block, Guide, Site, Tag, Text, blocks


@dataclass
class BoxItem:
    """A numbered item of a 重点领域 / 重点工程 box, with its own anchor."""

    id: str
    number: int
    title: Text
    body: tuple[Block, ...]
    tags: list[Tag]
    box: "Box" = None  # type: ignore[assignment]

    @property
    def url(self) -> str:
        return f"{self.box.page.url}#{self.id}"


@dataclass
class IndicatorRow:
    number: int
    indicator: Text
    unit: str | None
    baseline: str
    target: str
    footnotes: list[int]
    annex_row: "AnnexRow | None"
    tags: list[Tag]
    box: "Box" = None  # type: ignore[assignment]

    @property
    def label(self) -> Text:
        """The indicator with its unit, as the source prints it: 国家级创新平台（个）."""
        if not self.unit:
            return self.indicator
        return Text(f"{self.indicator.zh}（{self.unit}）", self.indicator.en)


@dataclass
class Box:
    """A 专栏 / 重点领域 / 重点工程 box: indicators, numbered items, or a map not in the source."""

    id: str
    kind: str  # indicators, items or map
    series: Text
    number: int
    title: Text
    body: tuple[Block, ...]
    columns: dict[str, Text]
    rows: list[IndicatorRow]
    footnotes: list[Text]
    items: list[BoxItem]
    map_missing: bool
    tags: list[Tag]
    page: "Chapter" = None  # type: ignore[assignment]
    block_kind: str = "box"  # how templates tell a box from a paragraph or list in a body

    @property
    def heading(self) -> Text:
        series = self.series.en and f"{self.series.en} {self.number}"
        return Text(f"{self.series.zh} {self.number} {self.title.zh}",
                    _numbered(series or f"{self.series.zh}{self.number}", self.title.en, "number.titled"))

    @property
    def url(self) -> str:
        return f"{self.page.url}#{self.id}"


@dataclass
class PlanSection:
    """A section (一、) or sub-section (（一）) on a chapter page."""

    id: str
    number: str | None
    title: Text
    body: tuple  # Paragraph, ListBlock or Box, in source order
    sections: list["PlanSection"]
    tags: list[Tag]
    depth: int  # 1 for a section, 2 for a sub-section
    page: "Chapter | Plan" = None  # type: ignore[assignment]  # the page it is on

    @property
    def heading(self) -> Text:
        if not self.number:
            return self.title
        label = f"{self.number}、" if self.depth == 1 else f"（{self.number}）"
        return Text(label + self.title.zh, _numbered(label, self.title.en))

    @property
    def url(self) -> str:
        return f"{self.page.url}#{self.id}"

    @property
    def boxes(self) -> list[Box]:
        return [b for b in self.body if getattr(b, "block_kind", None) == "box"]


@dataclass
class Chapter:
    id: str
    number: str
    title: Text
    body: tuple
    sections: list[PlanSection]
    tags: list[Tag]
    plan: "Plan" = None  # type: ignore[assignment]

    @property
    def label(self) -> str:
        return f"第{self.number}章"

    @property
    def heading(self) -> Text:
        return Text(f"{self.label} {self.title.zh}", _numbered(self.label, self.title.en, "number.titled"))

    @property
    def url(self) -> str:
        return f"{self.plan.url}{self.id}/"

    def walk(self):
        """Every section and sub-section of the chapter, in order."""
        stack = list(reversed(self.sections))
        while stack:
            s = stack.pop()
            yield s
            stack.extend(reversed(s.sections))

    @property
    def boxes(self) -> list[Box]:
        own = [b for b in self.body if getattr(b, "block_kind", None) == "box"]
        return own + [b for s in self.walk() for b in s.boxes]


@dataclass
class AnnexRow:
    number: int
    indicator: Text
    formula: Text | None
    explanation: Text
    annex: "Annex" = None  # type: ignore[assignment]
    indicator_rows: list[IndicatorRow] = field(default_factory=list)  # the box rows it explains

    @property
    def id(self) -> str:
        return f"zhi-biao-{self.number}"

    @property
    def url(self) -> str:
        return f"{self.annex.url}#{self.id}"


@dataclass
class Annex:
    id: str
    label: Text
    title: Text
    columns: dict[str, Text]
    rows: list[AnnexRow]
    plan: "Plan" = None  # type: ignore[assignment]

    @property
    def heading(self) -> Text:
        en = self.title.en and (f"{self.label.en}: {self.title.en}" if self.label.en else self.title.en)
        return Text(f"{self.label.zh} {self.title.zh}", en)

    @property
    def url(self) -> str:
        return f"{self.plan.url}{self.id}/"


@dataclass
class PlanEntry:
    """A tagged part of a plan, for tag pages: .title, .url (with #anchor), .guide, .tags, and where it sits."""

    title: Text
    url: str
    guide: Guide
    tags: list[Tag]
    where: Text  # chapter (and box) it belongs to, e.g. 第十章 营造良好创新生态
    kind: str  # chapter, section, box or item


@dataclass
class Plan:
    guide: Guide
    published_text: Text | None
    preface: PlanSection | None
    chapters: list[Chapter]
    annex: Annex | None
    entries: list[PlanEntry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.guide.url

    @property
    def title(self) -> Text:
        return self.guide.title

    @property
    def name(self) -> Text:
        return self.guide.name

    @property
    def boxes(self) -> list[Box]:
        return [b for c in self.chapters for b in c.boxes]


def _numbered(number: str, title_en: str | None, key: str = "number.heading") -> str | None:
    """An English heading: the number in English (i18n.number: 第一章 → Chapter 1, 一、 → 1.) and the
    English title; None without an English title (the page then shows the Chinese heading)."""
    if not title_en:
        return None
    return i18n.text("en", key, number=i18n.source_number(number, "en"), title=title_en)


def attach_plans(site: Site) -> list[Plan]:
    """Build the plan of every guide of kind plan; set guide.plan and fill site.plan_entries."""
    tags = {t.slug: t for t in site.tags}
    plans = []
    for guide in site.guides:
        if guide.kind != "plan":
            continue
        plan = build_plan(guide, tags)
        guide.plan = plan
        site.plan_entries.extend(plan.entries)
        plans.append(plan)
    return plans


def build_plan(guide: Guide, tags: dict[str, Tag]) -> Plan:
    d = guide.data
    annex = _annex(d["annex"]) if d.get("annex") else None
    plan = Plan(guide, Text.of(d.get("published_text")), None, [], annex)
    if annex:
        annex.plan = plan
    if d.get("preface"):
        plan.preface = _section(d["preface"], 1, tags, annex, page=plan)
    for cd in d["chapters"]:
        chapter = Chapter(cd["id"], cd["number"], Text.of(cd["title"]), (), [], _tags(cd, tags), plan)
        chapter.body = _body(cd.get("body"), tags, annex, chapter)
        chapter.sections = [_section(s, 1, tags, annex, chapter) for s in cd.get("sections", [])]
        plan.chapters.append(chapter)
    plan.entries = list(_entries(plan))
    return plan


def _tags(d: dict, tags: dict[str, Tag]) -> list[Tag]:
    return [tags[t] for t in d.get("tags", [])]


def _section(d: dict, depth: int, tags, annex, page) -> PlanSection:
    section = PlanSection(d["id"], d.get("number"), Text.of(d["title"]), (), [], _tags(d, tags), depth, page)
    section.body = _body(d.get("body"), tags, annex, page)
    section.sections = [_section(s, depth + 1, tags, annex, page) for s in d.get("sections", [])]
    return section


def _body(values, tags, annex, page) -> tuple:
    """Paragraphs and lists (model.blocks) with boxes in their source places."""
    out: list = []
    for value in values or ():
        if isinstance(value, dict) and "box" in value:
            out.append(_box(value["box"], tags, annex, page))
        else:
            out.extend(blocks([value]))
    return tuple(out)


def _box(d: dict, tags, annex, page) -> Box:
    annex_rows = {r.number: r for r in annex.rows} if annex else {}
    box = Box(
        id=d["id"], kind=d["kind"], series=Text.of(d["series"]), number=d["number"], title=Text.of(d["title"]),
        body=blocks(d.get("body")), columns={k: Text.of(v) for k, v in d.get("columns", {}).items()},
        rows=[
            IndicatorRow(r["number"], Text.of(r["indicator"]), r.get("unit"), r["baseline"], r["target"],
                         list(r.get("footnotes", [])), annex_rows.get(r.get("annex_row")), _tags(r, tags))
            for r in d.get("rows", [])
        ],
        footnotes=[Text.of(f) for f in d.get("footnotes", [])], items=[],
        map_missing=d.get("map_missing", False), tags=_tags(d, tags), page=page,
    )
    for row in box.rows:
        row.box = box
        if row.annex_row:
            row.annex_row.indicator_rows.append(row)
    for item in d.get("items", []):
        box.items.append(BoxItem(item.get("id") or f"{box.id}-{item['number']}", item["number"], Text.of(item["title"]),
                                 blocks(item["body"]), _tags(item, tags), box))
    return box


def _annex(d: dict) -> Annex:
    annex = Annex(d["id"], Text.of(d["label"]), Text.of(d["title"]),
                  {k: Text.of(v) for k, v in d["columns"].items()}, [])
    for r in d["rows"]:
        annex.rows.append(AnnexRow(r["number"], Text.of(r["indicator"]), Text.of(r.get("formula")),
                                   Text.of(r["explanation"]), annex))
    return annex


def _entries(plan: Plan):
    """Tagged chapters, sections, boxes and box items, in document order."""
    for chapter in plan.chapters:
        if chapter.tags:
            yield PlanEntry(chapter.heading, chapter.url, plan.guide, chapter.tags, chapter.heading, "chapter")
        parts = [(None, b) for b in chapter.body if getattr(b, "block_kind", None) == "box"]
        for section in chapter.walk():
            parts.append((section, None))
            parts.extend((None, b) for b in section.boxes)
        for section, box in parts:
            if section is not None and section.tags:
                yield PlanEntry(section.title, section.url, plan.guide, section.tags, chapter.heading, "section")
            if box is not None:
                where = Text(f"{chapter.heading.zh} › {box.heading.zh}",
                             chapter.heading.en and box.heading.en and f"{chapter.heading.en} › {box.heading.en}")
                if box.tags:
                    yield PlanEntry(box.heading, box.url, plan.guide, box.tags, chapter.heading, "box")
                for item in box.items:
                    if item.tags:
                        yield PlanEntry(item.title, item.url, plan.guide, item.tags, where, "item")
