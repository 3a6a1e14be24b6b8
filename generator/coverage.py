"""How much of the site reads in English: names and the topics' text, counted per kind.

Where one is missing, the English edition shows the Chinese, marked lang="zh-CN" and "no English
yet". A name counts as English when the content gives its `en`, or when it is one of the source's
recurring words the interface knows (i18n.TERMS: a section label such as 研究内容); a paragraph or
list item of a topic's text when the content gives its `en` (generator/translation.py). The
importer's drafts write Chinese only, so everything they add counts as missing until a translator
fills it in.

Kinds (KINDS, in the order `make check` prints them): regions, tags, guide titles, tracks, themes,
topic titles, the paragraphs (and list items) of topics' summaries, content and deliverables,
section headings (a guide's sections, and the labels of a topic's content and deliverables as its
page shows them), plan chapters, plan sections and sub-sections, boxes, box items, and contact
offices and roles. `make check` prints each as a count and a percentage (a notice, never an
error); the about page shows the totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import i18n, translation

KINDS = ("regions", "tags", "guides", "tracks", "themes", "topics", "summary", "content", "deliverables",
         "headings", "chapters", "plan_sections", "boxes", "box_items", "offices")
NAMES = ("regions", "tags", "guides", "tracks", "themes", "topics", "headings", "chapters", "plan_sections",
         "boxes", "box_items", "offices")  # the kinds that are names (titles); the others are paragraphs


@dataclass
class Kind:
    english: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)  # where, for the first few without English

    @property
    def percent(self) -> int:
        return _percent(self.english, self.total)


@dataclass
class Coverage:
    kinds: dict[str, Kind] = field(default_factory=lambda: {k: Kind() for k in KINDS})

    def count(self, kind: str, text, where: str) -> None:
        """One name (a Text, region or tag), or None (nothing to count)."""
        if text is None:
            return
        self._add(kind, i18n.english(text), f"{where}: {getattr(text, 'zh', text)}")

    def count_blocks(self, kind: str, blocks, where: str) -> None:
        """Every paragraph and list item of a topic's text."""
        for text in translation.texts(blocks):
            self._add(kind, bool(text.en), f"{where}: {text.zh[:30]}…" if len(text.zh) > 30 else f"{where}: {text.zh}")

    def _add(self, kind: str, english: bool, where: str) -> None:
        k = self.kinds[kind]
        k.total += 1
        if english:
            k.english += 1
        elif len(k.missing) < 3:
            k.missing.append(where)

    # The names (titles), as the about page and the old one-line notice count them.
    @property
    def named(self) -> int:
        return sum(self.kinds[k].english for k in NAMES)

    @property
    def total(self) -> int:
        return sum(self.kinds[k].total for k in NAMES)

    @property
    def percent(self) -> int:
        return _percent(self.named, self.total)

    @property
    def paragraphs(self) -> Kind:
        """The topics' text: summary, content and deliverables paragraphs together."""
        parts = [self.kinds[k] for k in KINDS if k not in NAMES]
        return Kind(sum(p.english for p in parts), sum(p.total for p in parts))


def _percent(part: int, whole: int) -> int:
    """Rounded down, so 100 % means every one (318 of 319 is 99 %, not 100 %)."""
    return 100 * part // whole if whole else 100


def english_coverage(site) -> Coverage:
    c = Coverage()
    for region in site.regions:
        c.count("regions", region, f"content/regions.yml {region.slug}")
    for tag in site.tags:
        c.count("tags", tag, f"content/tags.yml {tag.slug}")
    for guide in site.guides:
        where = f"content/guides/{guide.key}.yml"
        c.count("guides", guide.title, where)
        for section in _walk(guide.sections):
            c.count("headings", section.heading, where)
        for contact in guide.contacts:
            _contact(c, contact, where)
        for theme in guide.themes:
            c.count("themes", theme.name, where)
        for track in guide.tracks:
            c.count("tracks", track.name, where)
            for topic in track.topics:
                at = f"{where} topic {topic.number}"
                c.count("topics", topic.title, at)
                c.count_blocks("summary", topic.summary, at)
                c.count_blocks("content", topic.content, at)
                c.count_blocks("deliverables", topic.deliverables, at)
                if topic.content:
                    c.count("headings", topic.content_label, at)
                if topic.deliverables:
                    c.count("headings", topic.deliverables_label, at)
                for contact in topic.contacts:
                    _contact(c, contact, at)
        plan = guide.plan
        if plan is not None:
            for chapter in plan.chapters:
                c.count("chapters", chapter.title, where)
                for section in chapter.walk():
                    c.count("plan_sections", section.title, where)
                for box in chapter.boxes:
                    c.count("boxes", box.title, where)
                    for item in box.items:
                        c.count("box_items", item.title, where)
    return c


def _contact(c: Coverage, contact, where: str) -> None:
    c.count("offices", contact.office, where)
    c.count("offices", contact.role, where)


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.sections)
