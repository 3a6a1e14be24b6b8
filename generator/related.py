"""Related topics: for each topic, the topics that share its tags.

Ranked other regions first, then by how many tags they share, then newest year, then site
order; never the topic itself.

Fast at tens of thousands of topics: every topic gets a rank in (newest year, site order), and
each tag and region a bitmask of the ranks it holds (Python ints, so AND/OR run in C). The topics
sharing at least s of a topic's tags are the OR over s-sized tag combinations of the AND of their
masks; walking s downwards and taking the lowest set bits gives the best candidates without
touching the rest. Topics with the same tags in the same region share one ranking.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Related:
    topic: object  # model.Topic
    shared: tuple  # the model.Tag objects both topics carry, in the topic's own tag order


def related_topics(topics: list, limit: int = 6) -> dict[str, list[Related]]:
    """topic.key → up to `limit` related topics, best first."""
    order = sorted(range(len(topics)), key=lambda i: (-topics[i].guide.year, i))
    rank = {i: r for r, i in enumerate(order)}
    tag_masks: dict[str, int] = {}
    region_masks: dict[str, int] = {}
    for i, topic in enumerate(topics):
        bit = 1 << rank[i]
        for tag in topic.tags:
            tag_masks[tag.slug] = tag_masks.get(tag.slug, 0) | bit
        slug = topic.guide.region.slug
        region_masks[slug] = region_masks.get(slug, 0) | bit
    everyone = (1 << len(topics)) - 1
    tag_sets = [frozenset(tag.slug for tag in topic.tags) for topic in topics]

    ranked: dict[tuple, list[int]] = {}
    out: dict[str, list[Related]] = {}
    for i, topic in enumerate(topics):
        slugs = tuple(sorted(tag_sets[i]))
        region = topic.guide.region.slug
        group = (slugs, region)
        if group not in ranked:
            masks = [tag_masks[s] for s in slugs]
            same = region_masks[region]
            ranked[group] = _best(masks, (everyone ^ same, same), limit + 1)
        chosen = [order[r] for r in ranked[group] if r != rank[i]][:limit]
        out[topic.key] = [
            Related(topics[j], tuple(tag for tag in topic.tags if tag.slug in tag_sets[j])) for j in chosen
        ]
    return out


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
