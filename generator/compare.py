"""What changed between two consecutive editions of a programme: topics new, dropped and continued.

Topics are matched by text similarity: each topic becomes the set of character bigrams of its title
and of its title plus content (punctuation and spaces removed; Chinese has no spaces to split words
on, and bigrams are the standard cheap unit for it). The similarity of two topics is the mean of the
Jaccard index of their title bigrams and that of their full-text bigrams. Pairs at or above
THRESHOLD are matched greedily, most similar first, each topic at most once (for the few dozen
topics of an edition, greedy gives the optimal assignment in all but contrived ties). Unmatched
topics of the older edition were dropped; of the newer, are new. The cost is the product of the two
editions' topic counts, so a comparison page's size and time depend on its editions only.

Besides topics, `compare` reports the guide-level facts a proposal writer checks: the window, the
funding range and durations of the tracks, and the sections (requirements, materials …) matched by
heading, with their text similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import i18n
from .export import plain
from .status import funding_range

THRESHOLD = 0.3
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of `text` without spaces and punctuation (a single character: itself)."""
    s = _NOISE.sub("", text.lower())
    if len(s) < 2:
        return frozenset([s]) if s else frozenset()
    return frozenset(s[i:i + 2] for i in range(len(s) - 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Fingerprint:
    title: frozenset
    full: frozenset


def fingerprint(topic) -> Fingerprint:
    """The topic's bigram sets, kept on the topic: an edition is compared with the one before and after."""
    found = getattr(topic, "_fingerprint", None)
    if found is None:
        title = topic.title.zh
        body = plain(topic.summary + topic.content + topic.deliverables)
        found = Fingerprint(bigrams(title), bigrams(title + body))
        try:
            topic._fingerprint = found
        except AttributeError:  # an object that takes no attributes: compute each time
            pass
    return found


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    return (jaccard(a.title, b.title) + jaccard(a.full, b.full)) / 2


@dataclass(frozen=True)
class Match:
    old: object  # model.Topic
    new: object
    similarity: float


@dataclass(frozen=True)
class Change:
    """One guide-level fact in both editions: label key (i18n), old and new text, and whether it differs."""

    key: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class SectionChange:
    heading: str
    old: object | None  # model.Section
    new: object | None
    similarity: float | None  # None when one side lacks the section


@dataclass(frozen=True)
class Comparison:
    old: object  # model.Guide
    new: object
    continued: list[Match]
    added: list  # topics of the new edition only
    dropped: list  # topics of the old edition only
    facts: list[Change]
    sections: list[SectionChange]

    @property
    def url(self) -> str:
        return comparison_url(self.old, self.new)


def comparison_url(old, new) -> str:
    return f"{new.programme.url}{old.id}-{new.id}/"


def match_topics(old: list, new: list, threshold: float = THRESHOLD) -> tuple[list[Match], list, list]:
    """(matches, new topics without a match, old topics without a match); matches in the new edition's order."""
    fo = [fingerprint(t) for t in old]
    fn = [fingerprint(t) for t in new]
    pairs = sorted(((similarity(a, b), i, j) for i, a in enumerate(fo) for j, b in enumerate(fn)),
                   key=lambda p: (-p[0], p[1], p[2]))
    used_old: set[int] = set()
    used_new: dict[int, Match] = {}
    for score, i, j in pairs:
        if score < threshold:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new[j] = Match(old[i], new[j], score)
    matches = [used_new[j] for j in sorted(used_new)]
    added = [t for j, t in enumerate(new) if j not in used_new]
    dropped = [t for i, t in enumerate(old) if i not in used_old]
    return matches, added, dropped


def _funding_text(guide) -> str:
    r = funding_range(guide.topics)
    if r is None:
        return "—"
    low, high = r
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def _durations(guide, lang: str) -> str:
    labels = sorted({t.duration.label(lang) for t in guide.topics if t.duration})
    return " / ".join(labels) or "—"


def _window(guide, lang: str) -> str:
    return guide.window.label(lang) if guide.window else "—"


def _section_text(section) -> str:
    parts = [plain(section.body)]
    for sub in section.sections:
        parts.append(sub.heading.zh + _section_text(sub))
    return "\n".join(parts)


def _sections(old, new) -> list[SectionChange]:
    olds = {s.heading.zh: s for s in old.sections}
    news = {s.heading.zh: s for s in new.sections}
    out = []
    for heading, s in news.items():
        o = olds.get(heading)
        score = jaccard(bigrams(_section_text(o)), bigrams(_section_text(s))) if o else None
        out.append(SectionChange(heading, o, s, score))
    out += [SectionChange(h, s, None, None) for h, s in olds.items() if h not in news]
    return out


def compare(old, new, lang: str = i18n.DEFAULT) -> Comparison:
    """What changed from `old` to `new`, its facts worded in `lang`."""
    matches, added, dropped = match_topics(old.topics, new.topics)
    facts = [
        Change("compare.window", _window(old, lang), _window(new, lang)),
        Change("compare.funding", _funding_text(old), _funding_text(new)),
        Change("compare.duration", _durations(old, lang), _durations(new, lang)),
        Change("compare.topics", str(len(old.topics)), str(len(new.topics))),
    ]
    return Comparison(old, new, matches, added, dropped, facts, _sections(old, new))


def consecutive(programme) -> list[tuple]:
    """(older, newer) for each pair of consecutive editions."""
    eds = programme.editions
    return list(zip(eds, eds[1:]))
