"""One MkDocs project per edition (Material's multilingual pattern): each edition's MkDocs config.

mkdocs.yml holds what the editions share. Each edition's config is written beside its Markdown
folder (build/docs → build/docs.mkdocs.yml, build/docs-en → build/docs-en.mkdocs.yml) and
inherits mkdocs.yml (MkDocs' `INHERIT`), adding the edition's own: its Markdown folder, the theme
folder and the page hooks (generator/page_hooks.py; absolute paths: the file lives in build/), `theme.language`, and its words from
generator/i18n.py: site name, description, copyright, the nav's titles, the colour toggles' names,
and, as `config.extra.atlas`, what the theme overrides need (the `theme.` keys, which Material's
templates cannot get from t(); `root`, the way from the edition's root up to the site's root,
where the shared files and the search index live; `alternate`, the editions for the language
switch and the hreflang links). The file is rewritten only when its text changes, so an unchanged
build writes nothing.

The Chinese edition is the site's root, the English one its `en/` folder (EDITION_DIRS).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

from . import i18n, page_meta

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "mkdocs.yml"
OVERRIDES = ROOT / "overrides"
THEME_HOOKS = Path(__file__).resolve().parent / "theme_hooks.py"  # the theme's filters (atlas_zh)
HOOKS = Path(__file__).resolve().parent / "page_hooks.py"  # every build's (page weight)

# Where each edition sits in the site; the default edition is the root.
EDITION_DIRS = {"zh": "", "en": "en/"}
# The hreflang each edition declares (its <html lang> is Material's: "zh" / "en").
HREFLANG = {"zh": "zh-CN", "en": "en"}
NAV = (("nav.home", "index.md"), ("nav.regions", "regions/index.md"), ("nav.tags", "tags/index.md"),
       ("nav.explore", "explorer/index.md"), ("nav.plans", "plans/index.md"), ("nav.search", "search/index.md"),
       ("nav.data", "data/index.md"), ("nav.about", "about/index.md"))


def languages() -> tuple[str, ...]:
    """The editions to build: ATLAS_LANGUAGES (comma-separated, e.g. "zh" for the Chinese one only),
    default all. The default edition is always built: it holds the shared files."""
    wanted = [x.strip() for x in os.environ.get("ATLAS_LANGUAGES", "").split(",") if x.strip()]
    unknown = set(wanted) - set(i18n.LANGUAGES)
    if unknown:
        raise ValueError(f"ATLAS_LANGUAGES: unknown language {', '.join(sorted(unknown))}; "
                         f"use some of {', '.join(i18n.LANGUAGES)}")
    if not wanted:
        return i18n.LANGUAGES
    return tuple(lang for lang in i18n.LANGUAGES if lang in wanted or lang == i18n.DEFAULT)


def docs_dir(docs: Path, lang: str) -> Path:
    """The Markdown folder of an edition: `docs` for the default one, `docs-en` beside it for English."""
    return docs if lang == i18n.DEFAULT else docs.with_name(f"{docs.name}-{lang}")


def config_path(docs: Path) -> Path:
    """The MkDocs config of the edition whose Markdown is in `docs`."""
    return docs.with_name(docs.name + ".mkdocs.yml")


def _up(lang: str) -> str:
    return "../" * EDITION_DIRS[lang].count("/")


def _palette() -> list:
    """mkdocs.yml's colour schemes, each toggle named in the edition's language (below)."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda _loader, _node: None)
    return yaml.load(BASE.read_text(encoding="utf-8"), loader)["theme"]["palette"]


def config_text(docs: Path, lang: str, langs: tuple[str, ...] = i18n.LANGUAGES) -> str:
    def text(key: str) -> str:
        return i18n.text(lang, key)

    palette = _palette()
    for scheme in palette:
        scheme["toggle"]["name"] = text("mkdocs.to_light" if scheme.get("scheme") == "slate" else "mkdocs.to_dark")
    up = _up(lang)
    alternate = [{"name": i18n.text(other, "lang.name"), "lang": HREFLANG[other],
                  "link": up + EDITION_DIRS[other], "dir": EDITION_DIRS[other]} for other in i18n.LANGUAGES if other in langs]
    site_url = os.environ.get("SITE_URL", "")
    config = {
        "INHERIT": str(BASE),
        # Each edition is its own site for MkDocs (canonical URLs, its 404 page): the English one at en/.
        **({"site_url": site_url.rstrip("/") + "/" + EDITION_DIRS[lang]} if site_url and EDITION_DIRS[lang] else {}),
        "docs_dir": str(docs.resolve()),
        "site_name": text("mkdocs.site_name"),
        "site_description": text("mkdocs.site_description"),
        "copyright": text("mkdocs.copyright"),
        "theme": {"custom_dir": str(OVERRIDES), "language": lang, "palette": palette},
        "hooks": [str(THEME_HOOKS), str(HOOKS)],
        "nav": [{text(key): path} for key, path in NAV],
        "extra": {"atlas": {**i18n.theme_strings(lang), "root": up, "dir": EDITION_DIRS[lang],
                            "alternate": alternate if len(alternate) > 1 else []},
                  "repository": page_meta.repository()},
    }
    # JSON is YAML: one flow mapping, no emitter needed.
    return ("# Written by python -m generator (generator/edition.py); edit mkdocs.yml instead.\n"
            + json.dumps(config, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def write_config(docs: Path, lang: str = i18n.DEFAULT, langs: tuple[str, ...] = i18n.LANGUAGES) -> Path:
    """Write (if changed) and return the edition's MkDocs config."""
    path = config_path(docs)
    text = config_text(docs, lang, langs)
    try:
        if path.read_text(encoding="utf-8") == text:
            return path
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
