"""The search page (search/): a full-page Pagefind search whose query and filters live in the URL.

Also each edition's search/bundles.json (generator/bundles.py), the unsharded build's manifest.
The filters offered are the facts topic pages carry for Pagefind (overrides/partials/
atlas-search-facts.html); their values come from the index itself, in the browser.
"""

from __future__ import annotations

from functools import partial

from .. import i18n
from ..render import page_path
from ..write import Output

URL = "search/"

# Pagefind filter keys; the search page labels them with t("label.<key>") (generator/i18n.py).
FILTERS = ("region", "year", "track", "tag")


def outputs(site, renderer):
    meta = {"search": {"exclude": True}, "hide": ["toc"]}
    # Region names (the filter's values) → slugs (search/bundles.json's), to load the archive
    # bundles holding a region the reader filters to.
    regions = {i18n.name(r, renderer.lang): r.slug for r in site.regions}
    yield Output(page_path(URL), partial(renderer.render, "search.md.j2", URL, meta=meta, filters=FILTERS,
                                         regions=regions))
