"""The search page (search/): a full-page Pagefind search whose query and filters live in the URL.

Also each edition's search/bundles.json (generator/bundles.py), the unsharded build's manifest.
The filters offered are the facts topic pages carry for Pagefind (overrides/partials/
atlas-search-facts.html); their values come from the index itself, in the browser.
"""

from __future__ import annotations

from functools import partial

from .. import bundles
from ..render import page_path
from ..write import Output

URL = "search/"

# Pagefind filter keys; the search page labels them with t("label.<key>") (generator/i18n.py).
FILTERS = ("region", "year", "track", "tag")


def outputs(site, renderer):
    meta = {"search": {"exclude": True}, "hide": ["toc"]}
    yield Output(page_path(URL), partial(renderer.render, "search.md.j2", URL, meta=meta, filters=FILTERS))
    # The unsharded build's manifest (one bundle); `python -m generator assemble` writes the sharded one over it.
    found, current = bundles.unsharded(renderer.lang, (g.year for g in site.guides),
                                       (g.region.slug for g in site.guides), site.build_date.year)
    yield Output(bundles.PATH, bundles.text(found, current))
