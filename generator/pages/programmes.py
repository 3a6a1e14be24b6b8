"""Programmes (yearly calls) and what changed between their consecutive editions.

`programmes/` lists every programme with more than one edition or any edition; each programme has a
page listing its editions by year (topics, funding, window) and linking a comparison page per pair
of consecutive editions (generator/compare.py: new, dropped and continued topics, changed facts and
sections). A comparison holds the two editions' topics only, so its page stays the same size and
its cost the same however many guides the site has.
"""

from __future__ import annotations

from functools import partial

from .. import compare
from ..render import page_path
from ..write import Output

URL = "programmes/"


def outputs(site, renderer):
    if not site.programmes:
        return
    yield Output(page_path(URL), partial(renderer.render, "programmes.md.j2", URL, programmes=site.programmes))
    for p in site.programmes:
        pairs = compare.consecutive(p)
        yield Output(page_path(p.url), partial(
            renderer.render, "programme.md.j2", p.url, programme=p, pairs=pairs, comparison_url=compare.comparison_url))
        for old, new in pairs:
            url = compare.comparison_url(old, new)
            yield Output(page_path(url), partial(_comparison_page, renderer, url, old, new))


def _comparison_page(renderer, url, old, new) -> str:
    # Kept out of the search index (page_meta.UNINDEXED): it repeats its editions' topic titles.
    return renderer.render("compare.md.j2", url, meta={"hide": ["navigation"]},
                           c=compare.compare(old, new, renderer.lang),
                           threshold=compare.THRESHOLD)
