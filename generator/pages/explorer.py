"""The topic explorer: every topic in one static table, filterable and sortable in the browser.

Pages: `explorer/` and one `explorer/<region>/` per region with topics. Each page is a complete
HTML table without JavaScript, title first (so a phone shows it), then closing date and status;
overrides/assets/javascripts/explorer.js adds the filters (region, year, track, tag, status in the
reader's time, funding range, and every word of the Chinese or English title) and column sorting,
and keeps them in the URL query. The index holds
every topic while the site is small; above INDEX_ROW_LIMIT it lists the regions instead, so no page
grows past what a browser loads quickly, and the region filter moves between region pages.
Each page is rendered by the writer writing it (see write.py), which makes the filter options once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, partial

from .. import i18n
from ..groups import pinyin_key, tags_in_pinyin_order
from ..render import page_path
from ..write import Output

URL = "explorer/"
INDEX_ROW_LIMIT = 800  # at about 1 kB of HTML a row (window data, English title), the index stays under 1 MB
STATUSES = ("open", "forecasted", "closed", "past", "custom")  # the status filter's options (generator/status.py values)
# The funding filter's ranges in 万元 over a topic's stated figure, a fixed amount or a ceiling
# (不超过 50 万元 is "up to 50"): (value, low, high) for low < figure <= high; low 0 for "up to
# high", high None for "over low". explorer.js reads the same bounds from the value.
FUNDING_RANGES = (("0-10", 0, 10), ("10-20", 10, 20), ("20-50", 20, 50), ("50-", 50, None))


@dataclass(frozen=True)
class Row:
    topic: object  # model.Topic
    funding_sort: str  # numeric sort keys as text ("" when the source states none)
    duration_sort: str
    tag_slugs: str  # space-separated, for the tag filter
    closes_sort: str  # the closing day as YYYYMMDD ("" without a window)


@dataclass(frozen=True)
class RegionPage:
    region: object  # model.Region
    url: str
    count: int


@dataclass(frozen=True)
class Options:
    """The choices the filters offer, the same on every explorer page."""

    regions: list[RegionPage]
    years: list[int]
    tracks: list[tuple[str, str]]  # (value: the Chinese name, the same in both editions; label)
    tags: list


def region_url(region) -> str:
    return f"{URL}{region.slug}/"


def outputs(site, renderer):
    topics = site.topics
    in_region = {r.slug: [t for g in r.guides for t in g.topics] for r in site.regions}
    pages = [RegionPage(r, region_url(r), len(in_region[r.slug])) for r in site.regions if in_region[r.slug]]
    # Made by the first explorer page a writer renders, once per process (see write.py).
    page = partial(_page, renderer, cache(partial(options, site, pages, renderer.lang)), len(topics))
    whole = len(topics) <= INDEX_ROW_LIMIT
    yield Output(page_path(URL), partial(page, URL, "all" if whole else "none", None, topics if whole else None))
    for entry in pages:
        region = entry.region
        yield Output(page_path(entry.url), partial(page, entry.url, region.slug, region, in_region[region.slug]))


def options(site, pages: list[RegionPage], lang: str = i18n.DEFAULT) -> Options:
    topics = site.topics
    return Options(
        regions=pages,
        years=sorted({t.guide.year for t in topics}, reverse=True),
        # Values in Chinese in both editions, so a filtered view keeps its track across the language switch.
        tracks=sorted({t.track.name.zh: i18n.name(t.track.name, lang) for t in topics}.items(),
                      key=lambda v: pinyin_key(v[1]) if lang == "zh" else v[1].casefold()),
        tags=tags_in_pinyin_order([tag for tag in site.tags if site.topics_by_tag[tag.slug]]),
    )


def _page(renderer, options, total: int, url: str, scope: str, region, topics: list | None) -> str:
    """An explorer page: `topics` as rows (None: the index lists the regions instead)."""
    return renderer.render(
        "explorer.md.j2", url, meta={"hide": ["navigation", "toc"]}, scope=scope, region=region,
        rows=None if topics is None else [row(t) for t in topics], total=total, options=options(), index_url=URL,
        statuses=STATUSES, funding_ranges=FUNDING_RANGES,
    )


def row(topic) -> Row:
    funding = topic.funding
    return Row(
        topic,
        f"{funding.amount:g}" if funding and funding.amount is not None else "",
        _months(topic.duration),
        " ".join(tag.slug for tag in topic.tags),
        topic.guide.window.closes.strftime("%Y%m%d") if topic.guide.window else "",
    )


def _months(duration) -> str:
    if duration is None:
        return ""
    if duration.months:
        return str(duration.months)
    if duration.start and duration.end:
        return f"{(duration.end - duration.start).days / 30.44:.1f}"
    return ""
