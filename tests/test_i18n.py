"""The interface table (generator/i18n.py): every language has every key, with the same placeholders."""

from __future__ import annotations

import json
import string

import jinja2
import pytest

from generator import i18n


def _fields(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name}


def test_every_language_has_every_key_with_the_same_placeholders():
    # A language may add "key.one", its form for n == 1 (English plurals), to a key that counts {n}.
    keys = {lang: {k for k in table if not k.endswith(".one")} for lang, table in i18n.STRINGS.items()}
    assert set(keys) == set(i18n.LANGUAGES)
    reference = keys[i18n.DEFAULT]
    for lang, own in keys.items():
        assert own == reference, f"{lang}: missing {sorted(reference - own)}, extra {sorted(own - reference)}"
        for key in i18n.STRINGS[lang]:
            if key.endswith(".one"):
                base = key[:-4]
                assert "n" in _fields(i18n.STRINGS[lang][base]), f"{lang}: {key} for a key without {{n}}"
                assert _fields(i18n.STRINGS[lang][key]) == _fields(i18n.STRINGS[lang][base]), key
    for key in reference:
        # An empty text (a .gloss line the English edition leaves out) fills nothing.
        fields = {lang: _fields(i18n.STRINGS[lang][key]) for lang in i18n.LANGUAGES if i18n.STRINGS[lang][key]}
        assert len({frozenset(f) for f in fields.values()}) == 1, f"{key}: placeholders differ {fields}"


def test_t_follows_the_page_language_and_fails_loudly_on_unknown_keys():
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals["t"] = i18n.t
    tpl = env.from_string('{{ t("site.name") }}')
    assert tpl.render(lang="zh") == "指南图谱"
    assert tpl.render(lang="en") == "Guide Atlas"
    with pytest.raises(i18n.MissingString):
        env.from_string('{{ t("no.such.key") }}').render(lang="en")


def test_script_strings_is_a_script_holding_only_js_keys():
    body = i18n.script_strings("en")
    assert body.startswith('window.ATLAS_LANG = "en";')
    table = json.loads(body.split("window.ATLAS_STRINGS = ", 1)[1].rstrip(";\n"))
    assert all(f"js.{k}" in i18n.STRINGS["en"] for k in table)
    assert "<" not in body


def test_counts_take_the_singular_where_a_language_has_one():
    assert i18n.text("en", "counts.topics", n=1) == "1 topic"
    assert i18n.text("en", "counts.topics", n=2) == "2 topics"
    assert i18n.text("zh", "counts.topics", n=1) == "1 个题目"


def test_t_link_links_the_bracketed_part_and_escapes_the_rest():
    from generator.render import make_env
    env = make_env()
    out = env.from_string('{{ t_link("home.all", "regions/", n="3*") }}').render(lang="en", page_url="")
    assert out == "3\\* guides in all, every one listed by [region](regions/) and year\\."
