"""MkDocs hooks for every build of an edition (named in its config by generator/edition.py).

They give the theme (overrides/) the Jinja filter `atlas_zh`: on pages not in Chinese it marks each
run of Chinese in a text Material prints itself (the table of contents, the header's page title)
lang="zh-CN", as the generator marks the pages' own text (generator/render.py, mark_zh); on
Chinese pages it leaves the text as it is. The text is already escaped HTML.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # MkDocs loads this file by its path, outside the package
    sys.path.insert(0, _ROOT)

from generator.render import mark_zh  # noqa: E402


def _unchanged(text):
    return text


def _marked(text):
    return mark_zh("" if text is None else str(text))


def on_env(env, config, files):
    chinese = str(config["theme"]["language"]).startswith("zh")
    env.filters["atlas_zh"] = _unchanged if chinese else _marked
    return env
