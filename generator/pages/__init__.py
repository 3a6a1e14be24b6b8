"""What the site publishes: each module here turns the model into outputs.

A page module exposes `outputs(site, renderer) -> Iterable[Output]`. The list below is
the whole site; add a module here to add a kind of page or file.
"""

from __future__ import annotations

from . import (
    calendars, data, explorer, feeds, guides, home, plans, reference, regions, search, sources, tags, years,
)

MODULES = (home, regions, guides, plans, tags, sources, years, explorer, search, data, feeds, calendars, reference)


def all_outputs(site, renderer):
    for module in MODULES:
        yield from module.outputs(site, renderer)
