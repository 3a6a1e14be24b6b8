"""One MkDocs project per edition: the config that builds an edition's Markdown folder.

mkdocs.yml holds what every edition shares. Each edition's config is written beside its Markdown
folder (build/docs → build/docs.mkdocs.yml) and inherits mkdocs.yml (MkDocs' `INHERIT`), adding
the edition's own: its Markdown folder, the theme folder (absolute paths: the file lives in build/),
and the words the theme overrides show, as `config.extra.atlas.<key>` (the `theme.` keys of
generator/i18n.py: Material's templates cannot call t()). The file is rewritten only when its
text changes, so an unchanged build writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import i18n, page_meta

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "mkdocs.yml"
OVERRIDES = ROOT / "overrides"


def config_path(docs: Path) -> Path:
    """The MkDocs config of the edition whose Markdown is in `docs`."""
    return docs.with_name(docs.name + ".mkdocs.yml")


def config_text(docs: Path, lang: str) -> str:
    config = {
        "INHERIT": str(BASE),
        "docs_dir": str(docs.resolve()),
        "theme": {"custom_dir": str(OVERRIDES)},
        "extra": {"atlas": i18n.theme_strings(lang), "repository": page_meta.repository()},
    }
    # JSON is YAML: one flow mapping, no emitter needed.
    return ("# Written by python -m generator (generator/edition.py); edit mkdocs.yml instead.\n"
            + json.dumps(config, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def write_config(docs: Path, lang: str = i18n.DEFAULT) -> Path:
    """Write (if changed) and return the edition's MkDocs config."""
    path = config_path(docs)
    text = config_text(docs, lang)
    try:
        if path.read_text(encoding="utf-8") == text:
            return path
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
