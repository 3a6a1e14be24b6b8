"""Related topics: for each topic, the topics that share its tags.

Ranked other regions first, then by how many tags they share, then newest year, then site
order; never the topic itself. Topics with the same tags in the same region get the same
ranking, so each distinct (tags, region) pair is ranked once and the topic itself is dropped
afterwards: this keeps large sites fast, since real guides reuse tag sets heavily.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass


@dataclass(frozen=True)
class Related:
    topic: object  # model.Topic
    shared: tuple  # the model.Tag objects both topics carry, in the topic's own tag order


def related_topics(topics: list, limit: int = 6) -> dict[str, list[Related]]:
    """topic.key → up to `limit` related topics, best first."""
    by_tag: dict[str, list[int]] = {}
    for i, topic in enumerate(topics):
        for tag in topic.tags:
            by_tag.setdefault(tag.slug, []).append(i)
    tag_sets = [frozenset(tag.slug for tag in topic.tags) for topic in topics]

    ranked: dict[tuple, list[int]] = {}
    out: dict[str, list[Related]] = {}
    for i, topic in enumerate(topics):
        group = (tag_sets[i], topic.guide.region.slug)
        if group not in ranked:
            ranked[group] = _rank(topics, tag_sets, by_tag, *group, limit + 1)
        chosen = [j for j in ranked[group] if j != i][:limit]
        out[topic.key] = [
            Related(topics[j], tuple(t for t in topic.tags if t.slug in tag_sets[j])) for j in chosen
        ]
    return out


def _rank(topics, tag_sets, by_tag, tags: frozenset, region: str, n: int) -> list[int]:
    shared: dict[int, int] = {}
    for slug in tags:
        for j in by_tag[slug]:
            shared[j] = shared.get(j, 0) + 1

    def key(j: int):
        other = topics[j]
        return (other.guide.region.slug == region, -shared[j], -other.guide.year, j)

    return heapq.nsmallest(n, shared, key=key)
