"""Typed, linked objects built from validated content: the site as the pages see it.

Regions, tags, guides, tracks, themes and topics, each with its URL (an ASCII path
relative to the site root, ending in "/"). Built once from validated data; nothing
downstream reads YAML. Text fields are `Text` (Chinese, with English where given).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import i18n
from .slugs import SlugRegistry, slugify, slugify_many


@dataclass(frozen=True)
class Text:
    """A human-readable text: Chinese always, English where the content gives it."""

    zh: str
    en: str | None = None

    def __str__(self) -> str:
        return self.zh

    @classmethod
    def of(cls, value) -> "Text | None":
        if value is None:
            return None
        if isinstance(value, dict):
            return cls(value["zh"], value.get("en"))
        return cls(str(value))


@dataclass(frozen=True)
class Paragraph:
    text: Text
    kind: str = "paragraph"


@dataclass(frozen=True)
class ListBlock:
    items: tuple[Text, ...]
    numbered: bool = True
    kind: str = "list"


Block = Paragraph | ListBlock


def blocks(values) -> tuple[Block, ...]:
    out: list[Block] = []
    for value in values or ():
        if isinstance(value, dict) and "list" in value:
            out.append(ListBlock(tuple(Text.of(v) for v in value["list"]), value.get("numbered", True)))
        else:
            out.append(Paragraph(Text.of(value)))
    return tuple(out)


@dataclass(frozen=True)
class Contact:
    role: Text | None = None
    office: Text | None = None
    person: Text | None = None
    phone: str | None = None
    note: Text | None = None

    @classmethod
    def of(cls, d: dict) -> "Contact":
        return cls(Text.of(d.get("role")), Text.of(d.get("office")), Text.of(d.get("person")), d.get("phone"), Text.of(d.get("note")))


@dataclass(frozen=True)
class Funding:
    """Funding in 万元: a fixed amount (定额) or a ceiling (不超过)."""

    kind: str
    text: Text
    amount: float | None = None

    @classmethod
    def of(cls, d: dict | None) -> "Funding | None":
        return cls(d["kind"], Text.of(d["text"]), d.get("amount")) if d else None

    def label(self, lang: str = i18n.DEFAULT) -> str:
        if self.amount is None:
            return i18n.name(self.text, lang)
        return i18n.money(self.amount, self.kind != "fixed", lang)


@dataclass(frozen=True)
class Duration:
    text: Text
    months: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @classmethod
    def of(cls, d: dict | None) -> "Duration | None":
        if not d:
            return None
        return cls(Text.of(d["text"]), d.get("months"), _date(d.get("start")), _date(d.get("end")))

    def label(self, lang: str = i18n.DEFAULT) -> str:
        if self.start and self.end:
            return i18n.date_range(i18n.date_text(self.start, lang), i18n.date_text(self.end, lang), lang)
        if self.months:
            return i18n.months(self.months, lang)
        return i18n.name(self.text, lang)


@dataclass(frozen=True)
class Window:
    """An application window in Beijing time; `timed` when the source gives hours."""

    opens: dt.datetime
    closes: dt.datetime
    timed: bool
    text: Text | None = None

    @classmethod
    def of(cls, d: dict | None) -> "Window | None":
        if not d:
            return None
        timed = " " in d["opens"] or " " in d["closes"]
        return cls(_datetime(d["opens"]), _datetime(d["closes"], end=True), timed, Text.of(d.get("text")))

    def status(self, today: dt.date) -> str:
        """upcoming, open or closed on `today` (dates compared in Beijing time)."""
        if today < self.opens.date():
            return "upcoming"
        if today > self.closes.date():
            return "closed"
        return "open"

    def label(self, lang: str = i18n.DEFAULT) -> str:
        return i18n.date_range(i18n.datetime_text(self.opens, self.timed, lang),
                               i18n.datetime_text(self.closes, self.timed, lang), lang)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _datetime(value: str, end: bool = False) -> dt.datetime:
    if " " in value:
        return dt.datetime.strptime(value, "%Y-%m-%d %H:%M")
    day = dt.datetime.strptime(value, "%Y-%m-%d")
    return day.replace(hour=23, minute=59) if end else day


@dataclass
class Section:
    id: str
    heading: Text
    body: tuple[Block, ...]
    sections: list["Section"]

    @classmethod
    def build(cls, d: dict, registry: SlugRegistry) -> "Section":
        sid = registry.claim(d.get("id") or slugify(*_section_slug_text(d)))
        return cls(sid, Text.of(d["heading"]), blocks(d.get("body")), [cls.build(s, registry) for s in d.get("sections", [])])


@dataclass
class Region:
    slug: str
    zh: str
    en: str
    kind: str
    guides: list["Guide"] = field(default_factory=list)

    @property
    def name(self) -> Text:
        return Text(self.zh, self.en)

    @property
    def url(self) -> str:
        return f"regions/{self.slug}/"


@dataclass
class Tag:
    slug: str
    zh: str
    en: str
    description: str

    @property
    def name(self) -> Text:
        return Text(self.zh, self.en)

    @property
    def url(self) -> str:
        return f"tags/{self.slug}/"


@dataclass
class Theme:
    id: str
    number: str | None
    name: Text


@dataclass
class Topic:
    number: str
    title: Text
    title_editorial: bool
    theme: Theme | None
    summary: tuple[Block, ...]
    content: tuple[Block, ...]
    content_label: Text
    deliverables: tuple[Block, ...]
    deliverables_label: Text
    own_funding: Funding | None
    own_duration: Duration | None
    contacts: list[Contact]
    tags: list[Tag]
    notes: list[Text]
    slug: str = ""
    track: "Track" = None  # type: ignore[assignment]
    sections: list[Section] = field(default_factory=list)  # the source's other labelled parts (make import)

    @property
    def guide(self) -> "Guide":
        return self.track.guide

    @property
    def funding(self) -> Funding | None:
        return self.own_funding or self.track.funding

    @property
    def duration(self) -> Duration | None:
        return self.own_duration or self.track.duration

    @property
    def url(self) -> str:
        return f"{self.track.url}{self.slug}/"

    @property
    def key(self) -> str:
        """A stable id: region/guide/track/number."""
        return f"{self.guide.key}/{self.track.id}/{self.number}"


@dataclass
class Track:
    id: str
    name: Text
    funding: Funding | None
    duration: Duration | None
    rules: tuple[Block, ...]
    topics: list[Topic]
    guide: "Guide" = None  # type: ignore[assignment]

    @property
    def url(self) -> str:
        return f"{self.guide.url}{self.id}/"


@dataclass
class Programme:
    """A yearly call in one region (e.g. Chengdu's 软科学研究项目): its guides are its editions."""

    id: str
    name: Text
    region: Region
    editions: list["Guide"] = field(default_factory=list)  # oldest first: year, published, id

    @property
    def key(self) -> str:
        return f"{self.region.slug}/{self.id}"

    @property
    def url(self) -> str:
        return f"programmes/{self.region.slug}/{self.id}/"


@dataclass
class Guide:
    id: str
    kind: str
    region: Region
    year: int
    title: Text
    short_title: Text | None
    issuer: Text
    doc_number: str | None
    published: dt.date | None
    updated: dt.date
    source_file: str
    source_url: str | None
    source_note: Text | None
    window: Window | None
    intro: tuple[Block, ...]
    sections: list[Section]
    contacts: list[Contact]
    themes: list[Theme]
    tracks: list[Track]
    notes: list[Text]
    tags: list[Tag]
    context_keys: list[str]
    data: dict  # the validated content, for kinds with their own structure (plans)
    context: list["Guide"] = field(default_factory=list)
    cited_by: list["Guide"] = field(default_factory=list)
    plan: object = None  # for kind plan: its generator.plan.Plan (chapters, boxes, annex)
    programme: Programme | None = None  # the yearly call this guide is an edition of

    @property
    def edition_key(self) -> tuple:
        """How a programme orders its editions: year, publication date, id."""
        return (self.year, self.published or dt.date.min, self.id)

    @property
    def key(self) -> str:
        return f"{self.region.slug}/{self.id}"

    @property
    def url(self) -> str:
        return f"guides/{self.region.slug}/{self.id}/"

    @property
    def name(self) -> Text:
        """The short title where there is one, else the title."""
        return self.short_title or self.title

    @property
    def topics(self) -> list[Topic]:
        return [t for track in self.tracks for t in track.topics]


@dataclass
class Site:
    """Everything the pages need, with the links between objects resolved."""

    regions: list[Region]
    tags: list[Tag]
    guides: list[Guide]
    build_date: dt.date
    content_dir: "Path"

    # Other tagged things (plan sections, box items) that tag pages list beside topics.
    # Each has .title (Text), .url (may end in #anchor), .guide and .tags.
    plan_entries: list = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)  # by region, then id

    @cached_property
    def plan_entries_by_tag(self) -> dict[str, list]:
        out: dict[str, list] = {t.slug: [] for t in self.tags}
        for entry in self.plan_entries:
            for tag in entry.tags:
                out[tag.slug].append(entry)
        return out

    @cached_property
    def topics(self) -> list[Topic]:
        return [t for g in self.guides for t in g.topics]

    @cached_property
    def topics_by_tag(self) -> dict[str, list[Topic]]:
        out: dict[str, list[Topic]] = {t.slug: [] for t in self.tags}
        for topic in self.topics:
            for tag in topic.tags:
                out[tag.slug].append(topic)
        return out


def build_site(regions_data: list, tags_data: list, guides_data: list[dict], build_date: dt.date, content_dir: Path) -> Site:
    """Turn validated data into linked objects. Guides are ordered by region, year (newest first), id."""
    regions = {r["slug"]: Region(r["slug"], r["zh"], r["en"], r["kind"]) for r in regions_data}
    tags = {t["slug"]: Tag(t["slug"], t["zh"], t["en"], t["description"]) for t in tags_data}
    slugify_many(_slug_texts(guides_data))  # all at once: in parallel when there are many
    guides = [_guide(g, regions, tags) for g in guides_data]
    guides.sort(key=lambda g: (g.region.slug, -g.year, g.id))
    by_key = {g.key: g for g in guides}
    for g in guides:
        g.context = [by_key[k] for k in g.context_keys]
        for other in g.context:
            other.cited_by.append(g)
        g.region.guides.append(g)
    return Site(list(regions.values()), list(tags.values()), guides, build_date, content_dir,
                programmes=_programmes(guides_data, guides))


def _programmes(guides_data: list[dict], guides: list[Guide]) -> list[Programme]:
    """Link each guide naming a programme to it; editions oldest first."""
    named = {f"{d['region']}/{d['id']}": d["programme"] for d in guides_data if d.get("programme")}
    out: dict[str, Programme] = {}
    for g in guides:
        d = named.get(g.key)
        if d is None:
            continue
        key = f"{g.region.slug}/{d['id']}"
        if key not in out:
            out[key] = Programme(d["id"], Text.of(d["name"]), g.region)
        g.programme = out[key]
        out[key].editions.append(g)
    for p in out.values():
        p.editions.sort(key=lambda g: g.edition_key)
    return sorted(out.values(), key=lambda p: (p.region.slug, p.id))


def _section_slug_text(d: dict) -> tuple[str, int]:
    """What a section's id is made from when the content gives none: (text, max_length) for slugify."""
    return Text.of(d["heading"]).zh, 40


def _topic_slug_text(p: dict) -> tuple[str, int]:
    """What a topic's slug is made from: (text, max_length) for slugify."""
    return f"{p['number']} {Text.of(p['title']).zh}", 48


def _slug_texts(guides_data: list[dict]):
    """Every (text, max_length) the guides' sections without an id and their topics take a slug from."""
    for d in guides_data:
        sections = list(d.get("sections", []))
        while sections:
            section = sections.pop()
            sections += section.get("sections", [])
            if not section.get("id"):
                yield _section_slug_text(section)
        for track in d.get("tracks", []):
            yield from map(_topic_slug_text, track["topics"])


def _guide(d: dict, regions: dict, tags: dict) -> Guide:
    themes = [Theme(t["id"], t.get("number"), Text.of(t["name"])) for t in d.get("themes", [])]
    theme_by_id = {t.id: t for t in themes}
    section_ids = SlugRegistry(reserved=("overview", "tracks", "window", "contacts", "source", "notes", "context"))
    guide = Guide(
        id=d["id"], kind=d["kind"], region=regions[d["region"]], year=d["year"],
        title=Text.of(d["title"]), short_title=Text.of(d.get("short_title")), issuer=Text.of(d["issuer"]),
        doc_number=d.get("doc_number"), published=_date(d.get("published")), updated=_date(d["updated"]),
        source_file=d["source"]["file"], source_url=d["source"].get("url"), source_note=Text.of(d["source"].get("note")),
        window=Window.of(d.get("window")), intro=blocks(d.get("intro")),
        sections=[Section.build(s, section_ids) for s in d.get("sections", [])],
        contacts=[Contact.of(c) for c in d.get("contacts", [])], themes=themes, tracks=[],
        notes=[Text.of(n) for n in d.get("notes", [])], tags=[tags[t] for t in d.get("tags", [])],
        context_keys=list(d.get("context", [])), data=d,
    )
    for td in d.get("tracks", []):
        track = Track(
            id=td["id"], name=Text.of(td["name"]), funding=Funding.of(td.get("funding")),
            duration=Duration.of(td.get("duration")), rules=blocks(td.get("rules")), topics=[], guide=guide,
        )
        slugs = SlugRegistry()
        for p in td["topics"]:
            title = Text.of(p["title"])
            topic = Topic(
                number=p["number"], title=title, title_editorial=p.get("title_editorial", False),
                theme=theme_by_id.get(p.get("theme")), summary=blocks(p.get("summary")),
                content=blocks(p.get("content")), content_label=Text.of(p.get("content_label")) or Text("研究内容", "Research content"),
                deliverables=blocks(p.get("deliverables")),
                deliverables_label=Text.of(p.get("deliverables_label")) or Text("考核指标", "Deliverables"),
                own_funding=Funding.of(p.get("funding")), own_duration=Duration.of(p.get("duration")),
                contacts=[Contact.of(c) for c in p.get("contacts", [])], tags=[tags[t] for t in p["tags"]],
                notes=[Text.of(n) for n in p.get("notes", [])], track=track,
                sections=[Section.build(s, SlugRegistry()) for s in p.get("sections", [])],
            )
            topic.slug = slugs.claim(slugify(*_topic_slug_text(p)))
            track.topics.append(topic)
        guide.tracks.append(track)
    return guide
