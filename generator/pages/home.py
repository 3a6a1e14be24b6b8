"""The home page and the about page."""

from __future__ import annotations

from ..render import page_path
from ..write import Output


def outputs(site, renderer):
    yield Output(page_path(""), renderer.render("home.md.j2", ""))
    yield Output(page_path("about/"), renderer.render("about.md.j2", "about/"))
