"""The interface words scripts need (generator/i18n.py, keys "js.…"), as a script per edition."""

from __future__ import annotations

from functools import partial

from ..i18n import script_strings
from ..write import Output

PATH = "assets/javascripts/atlas-strings.js"


def outputs(site, renderer):
    yield Output(PATH, partial(script_strings, renderer.lang))
