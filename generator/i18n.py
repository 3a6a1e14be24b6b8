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
        # Search (overrides/assets/javascripts/atlas-search.js)
        "js.search.meta.region": "地区",
        "js.search.meta.year": "年度",
        "js.search.meta.guide": "指南",
        "js.search.meta.track": "类别",
        "js.search.count.checking": "已找到 {n} 个完全符合的结果，还有更多待核对",
        "js.search.count.none": "没有找到完全符合的结果",
        "js.search.count.one": "找到 1 个完全符合的结果",
        "js.search.count.many": "{n} 个完全符合的结果",
        "js.search.count.partial": "；另有 {n} 个部分符合的结果",
        "js.search.partial.notice": "以下是部分符合的结果：页面只含检索词中的部分词语，不含完整的检索词。",
        "js.search.prompt": "键入以开始搜索",
        "js.search.skip": "跳到搜索结果",
        "js.tables.scroll": "表格较宽，可左右滚动查看全部列",
        # make serve's preview (generator/serve_hooks.py)
        "preview.errors": "内容有 {count} 处错误，没有重新生成：预览显示的是上一次成功生成的页面。改正后保存，页面会自动刷新。",
    },
    "en": {
        "site.name": "Guide Atlas",
        "lang.name": "English",
        # Search (overrides/assets/javascripts/atlas-search.js)
        "js.search.meta.region": "Region",
        "js.search.meta.year": "Year",
        "js.search.meta.guide": "Guide",
        "js.search.meta.track": "Track",
        "js.search.count.checking": "{n} exact results so far; more to check",
        "js.search.count.none": "No exact results",
        "js.search.count.one": "1 exact result",
        "js.search.count.many": "{n} exact results",
        "js.search.count.partial": "; {n} partial matches",
        "js.search.partial.notice": "Partial matches below: these pages hold some of the query's words, not the whole query.",
        "js.search.prompt": "Type to search",
        "js.search.skip": "Skip to the results",
        "js.tables.scroll": "Wide table: scroll sideways to see every column",
        # make serve's preview (generator/serve_hooks.py)
        "preview.errors": "{count} error(s) in the content, so nothing was regenerated: this preview shows the last good build. Fix and save; the page reloads by itself.",
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
