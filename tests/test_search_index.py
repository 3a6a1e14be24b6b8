"""What the built site hands Pagefind: only each page's article, and each topic's facts.

Read from the built HTML and the Pagefind bundle beside it; the browser tests then search it.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from generator import status


class Marks(HTMLParser):
    """Elements carrying data-pagefind-* attributes: (tag, attrs, text)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[list] = []
        self._open: list[list] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if any(k.startswith("data-pagefind") for k in attrs):
            item = [tag, attrs, ""]
            self.found.append(item)
            if tag == "span":
                self._open.append(item)

    def handle_endtag(self, tag):
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data):
        for item in self._open:
            item[2] += data


def marks(built, url: str) -> list[list]:
    return Marks((built / url / "index.html").read_text(encoding="utf-8")).found


# Pages that only list others (issue 18, item 11): indexed, they crowded results and gave excerpts
# of labels and counts ("人才. Talent. 2. 2. 2.", the explorer's "没有符合条件的题目"). And the
# source texts' pages (sources/NAME/), whose text the guide pages hold.
LISTINGS = re.compile(r"^(index\.html|regions/(\w+/)?index\.html|tags/index\.html|tags/[^/]+/[^/]+/index\.html|explorer/.*|years/.*|plans/index\.html"
                      r"|sources/[^/]+/index\.html"
                      # issue 16: the deadlines, the programme index, comparisons of two editions
                      r"|deadlines/.*|programmes/index\.html|programmes/[^/]+/[^/]+/[^/]+/index\.html)$")


def test_only_the_article_is_indexed_on_every_page(built):
    listings = 0
    for path in built.rglob("*.html"):
        rel = path.relative_to(built).as_posix()
        html = path.read_text(encoding="utf-8")
        bodies = re.findall(r"<(\w+)([^>]*)\sdata-pagefind-body", html)
        if rel.removeprefix("en/") in ("404.html", "search/index.html") or LISTINGS.match(rel.removeprefix("en/")):
            assert bodies == [], f"{rel} must not be indexed"
            listings += 1
            continue
        assert len(bodies) == 1, rel
        tag, attrs = bodies[0]
        assert tag == "article" and 'class="md-content__inner md-typeset"' in attrs, rel
    assert listings > 10


def test_topic_pages_carry_their_facts_for_results_and_filters(built, site_model):
    for topic in site_model.topics:
        found = marks(built, topic.url)
        meta = {a["data-pagefind-meta"]: text for tag, a, text in found if "data-pagefind-meta" in a}
        filters: dict[str, list[str]] = {}
        for tag, a, text in found:
            if "data-pagefind-filter" in a:
                filters.setdefault(a["data-pagefind-filter"], []).append(text)
        guide = topic.guide
        # A window, or a call's year without one (a past call once it is over: issue 23).
        window = {"opens": status.iso(guide.window.opens), "closes": status.iso(guide.window.closes)} if guide.window \
            else {"callyear": str(guide.year)}
        assert meta == {"region": guide.region.zh, "year": str(guide.year), "guide": guide.name.zh,
                        "track": topic.track.name.zh, **window}, topic.url
        assert filters == {"region": [guide.region.zh], "year": [str(guide.year)], "track": [topic.track.name.zh],
                           **({"tag": [t.zh for t in topic.tags]} if topic.tags else {})}, topic.url


def test_other_pages_carry_no_filters(built, site_model):
    for url in ("", "regions/", site_model.guides[0].url, "tags/", site_model.tags[0].url, "about/"):
        assert [m for m in marks(built, url) if "data-pagefind-filter" in m[1]] == [], url


def test_the_bundle_is_built_with_the_filters_and_without_test_tools(built, site_model):
    bundle = built / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "zh"]  # one index per edition (<html lang>)
    for lang in ("zh", "en"):
        assert entry["languages"][lang]["page_count"] >= len(site_model.topics)
    assert list((bundle / "filter").iterdir())  # the filter chunks
    assert not [p for p in built.rglob("*") if "axe" in p.name.lower()]


def test_search_page_offers_the_four_filters(built):
    found = Marks((built / "search" / "index.html").read_text(encoding="utf-8")).found
    assert found == []  # nothing on the search page itself is indexed
    html = (built / "search" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-atlas-filter="(\w+)"', html) == ["region", "year", "track", "tag"]
