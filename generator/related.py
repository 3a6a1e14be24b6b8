"""Related topics: for each topic, the topics that share its tags.

Ranked other regions first, then by how many tags they share, then newest year, then site
order; never the topic itself.

Fast at tens of thousands of topics: every topic gets a rank in (newest year, site order), and
each tag and region a bitmask of the ranks it holds (Python ints, so AND/OR run in C). The topics
sharing at least s of a topic's tags are the OR over s-sized tag combinations of the AND of their
masks; walking s downwards and taking the lowest set bits gives the best candidates without
touching the rest. Topics with the same tags in the same region share one ranking. A topic's
list is made when first asked for: the process writing its page makes it (see write.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations


@dataclass(frozen=True)
class Related:
    topic: object  # model.Topic
    shared: tuple  # the model.Tag objects both topics carry, in the topic's own tag order


def related_topics(topics: list, limit: int = 6) -> "RelatedTopics":
    """topic.key → up to `limit` related topics, best first."""
    return RelatedTopics(topics, limit)


class RelatedTopics(Mapping):
    """topic.key → up to `limit` related topics, best first, each topic's made when first asked for
    (and the masks with the first): the page writers (see write.py) make only their own pages'."""

    def __init__(self, topics: list, limit: int):
        self._topics, self._limit = topics, limit
        self._made: dict[str, list[Related]] = {}
        self._ranked: dict[tuple, list[int]] = {}  # (tag slugs, region) → best ranks

    def __iter__(self):
        return (topic.key for topic in self._topics)

    def __len__(self) -> int:
        return len(self._topics)

    def __getitem__(self, key: str) -> list[Related]:
        if key not in self._made:
            self._made[key] = self._related(self._masks.position[key])
        return self._made[key]

    @cached_property
    def _masks(self) -> "_Masks":
        return _Masks(self._topics)

    def _related(self, i: int) -> list[Related]:
        m, topic = self._masks, self._topics[i]
        slugs = tuple(sorted(m.tag_sets[i]))
        region = topic.guide.region.slug
        group = (slugs, region)
        if group not in self._ranked:
            same = m.region_masks[region]
            self._ranked[group] = _best([m.tag_masks[s] for s in slugs], (m.everyone ^ same, same), self._limit + 1)
        chosen = [m.order[r] for r in self._ranked[group] if r != m.rank[i]][: self._limit]
        return [Related(self._topics[j], tuple(tag for tag in topic.tags if tag.slug in m.tag_sets[j])) for j in chosen]


class _Masks:
    """Every topic's rank (newest year, then site order) and bit, each tag's and region's mask."""

    def __init__(self, topics: list):
        self.order = sorted(range(len(topics)), key=lambda i: (-topics[i].guide.year, i))
        self.rank = {i: r for r, i in enumerate(self.order)}
        self.tag_masks: dict[str, int] = {}
        self.region_masks: dict[str, int] = {}
        for i, topic in enumerate(topics):
            bit = 1 << self.rank[i]
            for tag in topic.tags:
                self.tag_masks[tag.slug] = self.tag_masks.get(tag.slug, 0) | bit
            slug = topic.guide.region.slug
            self.region_masks[slug] = self.region_masks.get(slug, 0) | bit
        self.everyone = (1 << len(topics)) - 1
        self.tag_sets = [frozenset(tag.slug for tag in topic.tags) for topic in topics]
        self.position = {topic.key: i for i, topic in enumerate(topics)}


def _best(masks: list[int], scopes: tuple[int, ...], n: int) -> list[int]:
    """Up to n ranks: scope by scope, most shared tags first, lowest rank first."""
    levels: dict[int, int] = {}

    def at_least(s: int) -> int:  # ranks sharing at least s of the tags
        if s not in levels:
            level = 0
            for combo in combinations(masks, s):
                both = combo[0]
                for mask in combo[1:]:
                    both &= mask
                level |= both
            levels[s] = level
        return levels[s]

    out: list[int] = []
    for scope in scopes:
        seen = 0
        for s in range(len(masks), 0, -1):
            found = at_least(s) & scope
            exact, seen = found & ~seen, found
            while exact and len(out) < n:
                low = exact & -exact
                out.append(low.bit_length() - 1)
                exact ^= low
            if len(out) >= n:
                return out
    return out
