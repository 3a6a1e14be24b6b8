"""Groupings and totals for the cross-city pages (tags, regions, years, explorer).

Pure functions of the model: which topics and plan entries fall under a region and a year,
the tag × region counts, the years the site covers, and the funding a guide states. The
templates only lay these out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from . import i18n


def pinyin_key(text: str) -> str:
    return " ".join(lazy_pinyin(text))


def tags_in_pinyin_order(tags: list) -> list:
    return sorted(tags, key=lambda t: (pinyin_key(t.zh), t.slug))


@dataclass
class YearGroup:
    year: int
    topics: list = field(default_factory=list)
    entries: list = field(default_factory=list)  # plan entries (sections, box items)


@dataclass
class RegionGroup:
    region: object  # model.Region
    years: list[YearGroup]

    @property
    def count(self) -> int:
        return sum(len(y.topics) + len(y.entries) for y in self.years)


def by_region_and_year(regions: list, topics: list, entries: list = ()) -> list[RegionGroup]:
    """Topics and plan entries grouped by region (site order) then year (newest first); empty groups left out."""
    buckets: dict[tuple[str, int], YearGroup] = {}
    for kind, items in (("topics", topics), ("entries", entries)):
        for item in items:
            guide = item.guide
            group = buckets.setdefault((guide.region.slug, guide.year), YearGroup(guide.year))
            getattr(group, kind).append(item)
    out = []
    for region in regions:
        years = sorted((g for (slug, _), g in buckets.items() if slug == region.slug), key=lambda g: -g.year)
        if years:
            out.append(RegionGroup(region, years))
    return out


def year_url(year: int) -> str:
    return f"years/{year}/"


@dataclass
class Year:
    """The guides of one year (all regions', or one region's); its page lists every region's."""

    year: int
    guides: list

    @property
    def url(self) -> str:
        return year_url(self.year)

    @property
    def topic_count(self) -> int:
        return sum(len(g.topics) for g in self.guides)


def guides_by_year(guides: list) -> list[Year]:
    """Years, newest first, each with its guides in site order."""
    years: dict[int, list] = {}
    for guide in guides:
        years.setdefault(guide.year, []).append(guide)
    return [Year(year, items) for year, items in sorted(years.items(), key=lambda kv: -kv[0])]


def tag_region_counts(site) -> dict[str, Counter]:
    """tag slug → Counter of region slug → number of topics with that tag."""
    out = {tag.slug: Counter() for tag in site.tags}
    for topic in site.topics:
        for tag in topic.tags:
            out[tag.slug][topic.guide.region.slug] += 1
    return out


@dataclass(frozen=True)
class FundingTotal:
    """The funding a guide's topics state, one award per topic: a sum, and whether it is only a ceiling."""

    amount: float
    ceiling: bool  # some topic gives only a ceiling (不超过), so the sum is an upper bound
    stated: int  # topics with an amount
    topics: int  # all topics

    def label(self, lang: str = i18n.DEFAULT) -> str:
        return i18n.total(self.amount, self.ceiling, lang)

    @property
    def complete(self) -> bool:
        return self.stated == self.topics


def funding_total(topics: list) -> FundingTotal | None:
    """Sum of the stated amounts of `topics`, or None when none states an amount."""
    amounts = [t.funding for t in topics if t.funding and t.funding.amount is not None]
    if not amounts:
        return None
    return FundingTotal(
        amount=sum(f.amount for f in amounts),
        ceiling=any(f.kind != "fixed" for f in amounts),
        stated=len(amounts),
        topics=len(topics),
    )
