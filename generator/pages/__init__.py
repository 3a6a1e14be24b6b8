"""What the site publishes: each module here turns the model into outputs.

A page module exposes `outputs(site, renderer) -> Iterable[Output]`. The list below is
the whole site; add a module here to add a kind of page or file.
"""

from __future__ import annotations

from . import explorer, guides, home, regions, sources, tags, years

MODULES = (home, regions, guides, tags, sources, years, explorer)


def all_outputs(site, renderer):
    for module in MODULES:
        yield from module.outputs(site, renderer)
