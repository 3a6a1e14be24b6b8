"""What the site publishes: each module here turns the model into outputs.

A page module exposes `outputs(site, renderer) -> Iterable[Output]`. The list below is
the whole site; add a module here to add a kind of page or file.
"""

from __future__ import annotations

from . import guides, home, regions, search, sources, tags

MODULES = (home, regions, guides, tags, sources, search)


def all_outputs(site, renderer):
    for module in MODULES:
        yield from module.outputs(site, renderer)
