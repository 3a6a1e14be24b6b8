"""What the site publishes: each module here turns the model into outputs.

A page module exposes `outputs(site, renderer) -> Iterable[Output]`. The list below is
the whole site; add a module here to add a kind of page or file.

Its order is the order the page writers take the outputs in (see write.py): the modules with
few, heavy files first, the thousands of guide, track and topic pages last, so that the writers
finish together.
"""

from __future__ import annotations

from . import (
    calendars, data, deadlines, explorer, feeds, guides, home, plans, programmes, reference, regions, search, sources,
    strings, tags, years,
)

MODULES = (data, explorer, feeds, calendars, tags, home, deadlines, regions, plans, programmes, sources, strings, years,
           search, reference, guides)


def all_outputs(site, renderer):
    for module in MODULES:
        yield from module.outputs(site, renderer)
