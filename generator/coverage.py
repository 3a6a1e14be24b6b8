"""How many of the site's titles have an English name: the English edition shows the Chinese one,
marked "no English title yet", where one is missing.

Counted: regions, tags, each guide's title, its tracks, themes, section headings and topic
titles, and each plan's chapters, sections, boxes and box items. `make check` prints the
figure as a notice (never an error), the about page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Coverage:
    named: int = 0  # titles with an English name
    total: int = 0
    missing: list[str] = field(default_factory=list)  # where, for the first few without one

    def count(self, text, where: str) -> None:
        if text is None:
            return
        self.total += 1
        if getattr(text, "en", None):
            self.named += 1
        elif len(self.missing) < 5:
            self.missing.append(f"{where}: {getattr(text, 'zh', text)}")

    @property
    def percent(self) -> int:
        return round(100 * self.named / self.total) if self.total else 100


def english_coverage(site) -> Coverage:
    c = Coverage()
    for region in site.regions:
        c.count(region, f"content/regions.yml {region.slug}")
    for tag in site.tags:
        c.count(tag, f"content/tags.yml {tag.slug}")
    for guide in site.guides:
        where = f"content/guides/{guide.key}.yml"
        c.count(guide.title, where)
        for section in _walk(guide.sections):
            c.count(section.heading, where)
        for theme in guide.themes:
            c.count(theme.name, where)
        for track in guide.tracks:
            c.count(track.name, where)
            for topic in track.topics:
                c.count(topic.title, where)
        plan = guide.plan
        if plan is not None:
            for chapter in plan.chapters:
                c.count(chapter.title, where)
                for section in _walk(chapter.sections):
                    c.count(section.title, where)
                for box in chapter.boxes:
                    c.count(box.title, where)
                    for item in box.items:
                        c.count(item.title, where)
    return c


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.sections)
