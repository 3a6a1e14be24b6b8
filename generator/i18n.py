"""The interface's words, one table per language: the one place UI text lives.

Every page is rendered from one set of templates with the edition's language as a parameter
(`lang`, "zh" or "en"). A template says `{{ t("status.open") }}` and gets the word for the page's
language; `t("funding.fixed", amount=20)` fills `{amount}`. Scripts get the same words: the
generator writes the keys starting with "js." to `assets/javascripts/atlas-strings.js` as
`window.ATLAS_STRINGS` (see `script_strings`), so the browser never holds a second table.

Add a key to every language at once: tests/test_i18n.py fails when a language lacks one.
Content (titles, guide text) never comes from here: it is the bureau's text, or its English
name from content/.
"""

from __future__ import annotations

import json

import jinja2

LANGUAGES = ("zh", "en")
DEFAULT = "zh"

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "site.name": "指南图谱",
        "lang.name": "中文",
    },
    "en": {
        "site.name": "Guide Atlas",
        "lang.name": "English",
    },
}


class MissingString(KeyError):
    pass


def text(lang: str, key: str, **values) -> str:
    """The interface text `key` in `lang`, with `{name}` placeholders filled from `values`."""
    try:
        s = STRINGS[lang][key]
    except KeyError:
        raise MissingString(f"no {lang!r} text for {key!r}: add it to generator/i18n.py") from None
    return s.format(**values) if values else s


@jinja2.pass_context
def t(ctx, key: str, **values) -> str:
    """Jinja global: the text for the rendered page's language (context `lang`, default zh).
    Returns plain text, so the template's escaping (md_escape or |html) still applies."""
    return text(ctx.get("lang") or DEFAULT, key, **values)


def script_strings(lang: str) -> str:
    """The body of assets/javascripts/atlas-strings.js for one edition."""
    table = {k[3:]: v for k, v in STRINGS[lang].items() if k.startswith("js.")}
    body = json.dumps(table, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"window.ATLAS_LANG = {json.dumps(lang)};\nwindow.ATLAS_STRINGS = {body};\n"
