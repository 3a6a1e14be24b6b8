"""The interface table (generator/i18n.py): every language has every key, with the same placeholders."""

from __future__ import annotations

import json
import string

import jinja2
import pytest

from generator import i18n, messages


def test_every_catalogue_is_complete_with_the_same_placeholders():
    # generator/messages.py check: every key, translated, not fuzzy, placeholders as in the Chinese,
    # counts as plural messages.
    assert messages.check() == []


def test_the_check_finds_what_a_translator_can_get_wrong(tmp_path, monkeypatch):
    source = i18n.catalogue_path("en").read_text(encoding="utf-8")
    broken = source.replace('msgstr "Guide Atlas"', 'msgstr ""', 1)
    at = broken.index('msgctxt "counts.topics"')  # (other messages say "{n} topic" too)
    broken = broken[:at] + broken[at:].replace('msgstr[0] "{n} topic"', 'msgstr[0] "{count} topic"', 1)
    broken = broken.replace('msgctxt "nav.home"', '#, fuzzy\nmsgctxt "nav.home"', 1)
    assert broken.count("msgstr") == source.count("msgstr") and broken != source
    path = tmp_path / "en" / "LC_MESSAGES" / "atlas.po"
    path.parent.mkdir(parents=True)
    path.write_text(broken, encoding="utf-8")
    zh = tmp_path / "zh" / "LC_MESSAGES" / "atlas.po"
    zh.parent.mkdir(parents=True)
    zh.write_text(i18n.catalogue_path("zh").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    problems = "\n".join(messages.check())
    assert "site.name has no translation" in problems
    assert "counts.topics: placeholders ['count'] differ" in problems
    assert "nav.home is fuzzy" in problems
    assert all(line.startswith(str(path)) for line in problems.splitlines())


def test_a_new_language_is_a_catalogue_not_code(tmp_path, monkeypatch):
    zh = tmp_path / "zh" / "LC_MESSAGES" / "atlas.po"
    zh.parent.mkdir(parents=True)
    zh.write_text(i18n.catalogue_path("zh").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    path = messages.init("fr")
    text = path.read_text(encoding="utf-8")
    assert "Plural-Forms: nplurals=2; plural=(n > 1);" in text  # from Babel's locale data
    assert 'msgctxt "counts.topics"' in text and 'msgid_plural "{n} 个题目"' in text


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
    table = json.loads(body.split("window.ATLAS_STRINGS = ", 1)[1].split(";\n", 1)[0])
    assert table and all(f"js.{k}" in i18n.messages() for k in table)
    assert table["days.left"] == ["{n} day left", "{n} days left"]  # a plural message: its forms
    assert "window.ATLAS_PLURAL = function (n) { return +((n != 1)); };" in body
    assert "<" not in body


def test_counts_take_the_singular_where_a_language_has_one():
    assert i18n.text("en", "counts.topics", n=1) == "1 topic"
    assert i18n.text("en", "counts.topics", n=2) == "2 topics"
    assert i18n.text("zh", "counts.topics", n=1) == "1 个题目"
    assert i18n.text("en", "home.more_regions", n=1) == "The 1 region"
    assert i18n.text("en", "programmes.editions", n=1) == "1 edition"


def test_dates_and_money_are_formatted_by_babel_in_the_edition_locale():
    import datetime as dt
    assert i18n.date_text(dt.date(2020, 12, 4), "en") == "4 Dec 2020"
    assert i18n.date_text(dt.date(2020, 12, 4), "zh") == "2020-12-04"
    assert i18n.datetime_text(dt.datetime(2020, 12, 4, 16, 30), True, "en") == "4 Dec 2020, 16:30"
    assert i18n.money(20, False, "en") == "CNY 200,000 per unit, fixed"
    assert i18n.money(1.5, True, "en") == "up to CNY 15,000 per unit"
    assert i18n.money(1000, True, "zh") == "不超过 1000 万元"
    assert i18n.months(18, "en") == "18 months" and i18n.months(12, "en") == "1 year"
    assert i18n.month_name(3, "en") == "March" and i18n.month_name(3, "zh") == "3"


def test_an_edition_can_leave_a_message_blank_on_purpose():
    assert i18n.text("en", "home.gloss") == ""  # an English gloss under a Chinese heading: Chinese edition only
    assert i18n.text("zh", "home.gloss")
    assert i18n.text("zh", "missing.en") == "" and i18n.text("en", "missing.en")


def test_t_link_links_the_bracketed_part_and_escapes_the_rest():
    from generator.render import make_env
    env = make_env()
    out = env.from_string('{{ t_link("home.all", "regions/", n="3*") }}').render(lang="en", page_url="")
    assert out == "3\\* guides in all, every one listed by [region](regions/) and year\\."


def test_update_marks_a_translation_fuzzy_when_the_chinese_changes(tmp_path, monkeypatch):
    for lang in ("zh", "en"):
        path = tmp_path / lang / "LC_MESSAGES" / "atlas.po"
        path.parent.mkdir(parents=True)
        path.write_text(i18n.catalogue_path(lang).read_text(encoding="utf-8"), encoding="utf-8")
    zh = tmp_path / "zh" / "LC_MESSAGES" / "atlas.po"
    zh.write_text(zh.read_text(encoding="utf-8").replace('msgid "首页"\nmsgstr "首页"', 'msgid "主页"\nmsgstr "主页"'),
                  encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert any("nav.home: msgid differs" in p for p in messages.check())
    messages.update()
    en = (tmp_path / "en" / "LC_MESSAGES" / "atlas.po").read_text(encoding="utf-8")
    assert '#, fuzzy\nmsgctxt "nav.home"\nmsgid "主页"\nmsgstr "Home"' in en
    assert any("nav.home is fuzzy" in p for p in messages.check())
