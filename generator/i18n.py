"""The interface's words: gettext catalogues, one per language, read with Babel.

The words live in `generator/locale/<lang>/LC_MESSAGES/atlas.po`, ordinary gettext catalogues that a
translator edits with the tools they know (Poedit, Weblate, Lokalize, a text editor). Each message
has a context (`msgctxt`), the key the templates use, and as its `msgid` the Chinese interface text
(Chinese is the source language: `zh/…/atlas.po` is its catalogue). A count's message is a plural
message (`msgid_plural`, `msgstr[0..]`) chosen by the catalogue's `Plural-Forms`. A third language is
a new catalogue (`python -m generator messages init fr`), not code; `python -m generator messages
update` brings every catalogue up to date with the Chinese one (a changed Chinese text marks the
translation fuzzy), `python -m generator messages check` is what tests/test_i18n.py runs.

Every page is rendered from one set of templates with the edition's language as a parameter
(`lang`, "zh" or "en"). A template says `{{ t("status.open") }}` and gets the word for the page's
language; `t("funding.fixed", amount=20)` fills `{amount}`; `t("counts.topics", n=3)` picks the
plural form for n. The templates' Jinja environment also has `jinja2.ext.i18n` installed with the
edition's catalogue, so `{% trans %}` and `_()` work too. Scripts get the same words: the keys
starting with "js." go to `assets/javascripts/atlas-strings.js` as `window.ATLAS_STRINGS` (see
`script_strings`), so the browser never holds a second table.

Conventions for keys:
- A message flagged `atlas-blank` (`#, atlas-blank`, empty msgstr) shows nothing in that edition on
  purpose: keys ending in `.gloss` are a line in English under a Chinese heading or intro on the
  Chinese edition only; `missing.en` and `official.note` are for the English edition only.
- Keys ending in `.md` hold Markdown (code spans) and are used with `|safe`: no placeholders.
- t_link() (render.py) takes a text with one [bracketed part] and links that part.
- Keys starting with `theme.` are for overrides/ (Material's templates, which cannot call t()):
  the edition's MkDocs config carries them as `config.extra.atlas` (see `theme_strings`).
- Keys starting with `js.` are for scripts (`window.ATLAS_STRINGS`, without the prefix).
Dates, numbers and money are formatted by Babel with the edition's locale (`date_text`, `money`).
Content (titles, guide text) never comes from here: it is the bureau's text, or its English
name from content/.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import jinja2
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
LOCALES = {"zh": "zh_CN", "en": "en"}  # Babel locale of each edition
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "atlas"


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True)
class Message:
    key: str
    source: str  # the Chinese text (msgid)
    plural: bool


@functools.cache
def _catalogue(lang: str):
    with catalogue_path(lang).open("rb") as f:
        return read_po(f, locale=LOCALES[lang], domain=DOMAIN)


@functools.cache
def messages() -> dict[str, Message]:
    """Every key of the source (Chinese) catalogue, with its Chinese text."""
    out = {}
    for m in _catalogue(DEFAULT):
        if m.id and m.context:
            plural = isinstance(m.id, (tuple, list))
            out[m.context] = Message(m.context, m.id[0] if plural else m.id, plural)
    return out


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The edition's catalogue as standard gettext translations (compiled in memory with Babel)."""
    buf = io.BytesIO()
    write_mo(buf, _catalogue(lang), use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


BLANK = "atlas-blank"  # a message's flag: this edition deliberately shows nothing there
NUMBER = "atlas-number"  # a message's flag: its {n} is a number (a note's, an amount), not a count


@functools.cache
def _translated(lang: str) -> frozenset[str]:
    """Keys the language's catalogue translates (not fuzzy, not empty)."""
    return frozenset(m.context for m in _catalogue(lang)
                     if m.id and m.context and not m.fuzzy and all(m.string if isinstance(m.string, (tuple, list)) else [m.string]))


@functools.cache
def _blank(lang: str) -> frozenset[str]:
    """Keys the edition leaves empty on purpose (flag `atlas-blank`): an English gloss under a Chinese
    heading exists on the Chinese edition only; a note for English readers on the English one only."""
    return frozenset(m.context for m in _catalogue(lang) if m.id and m.context and BLANK in m.flags)


class MissingString(KeyError):
    pass


def text(lang: str, key: str, **values) -> str:
    """The interface text `key` in `lang`, with `{name}` placeholders filled from `values`; a plural
    message takes its form for `n`."""
    s = _form(lang, key, int(values.get("n", 0)))
    return s.format(**values) if values else s


def _form(lang: str, key: str, n: int) -> str:
    """The message `key` in `lang` as written in the catalogue (placeholders unfilled), for count n."""
    message = messages().get(key)
    if message is None or lang not in LANGUAGES:
        raise MissingString(f"no text for {key!r}: add it to {catalogue_path(DEFAULT)} "
                            "and translate it in every catalogue (python -m generator messages update)")
    if key in _blank(lang):
        return ""
    if key not in _translated(lang):
        raise MissingString(f"no {lang!r} text for {key!r}: translate it in {catalogue_path(lang)}")
    catalogue = translations(lang)
    if message.plural:
        return catalogue.npgettext(key, message.source, message.source, n)
    return catalogue.pgettext(key, message.source)


def table(lang: str) -> dict[str, str]:
    """Every key's text in `lang` (a plural message in its general form: {n} is 2, any other
    placeholder left to fill)."""
    return {key: _form(lang, key, 2).replace("{n}", "2") if m.plural else text(lang, key) for key, m in messages().items()}


@jinja2.pass_context
def t(ctx, key: str, **values) -> str:
    """Jinja global: the text for the rendered page's language (context `lang`, default zh).
    Returns plain text, so the template's escaping (md_escape or |html) still applies."""
    return text(ctx.get("lang") or DEFAULT, key, **values)


def install(env: jinja2.Environment, lang: str) -> None:
    """jinja2.ext.i18n with the edition's catalogue: `{% trans %}`, `_()`, `pgettext()` in templates."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(lang), newstyle=True)


def theme_strings(lang: str) -> dict[str, str]:
    """The words overrides/ shows, for the edition's MkDocs config (config.extra.atlas.<key>)."""
    return {k[6:]: v for k, v in table(lang).items() if k.startswith("theme.")}


_PLURAL_EXPR = re.compile(r"[n0-9\s()!=<>&|?:%]+")


def script_strings(lang: str) -> str:
    """The body of assets/javascripts/atlas-strings.js for one edition: the "js." words (a plural
    message as the list of its forms) and ATLAS_PLURAL(n), the catalogue's Plural-Forms expression
    (C syntax, which is also JavaScript) giving the index of the form for n."""
    words = {}
    for key, m in messages().items():
        if not key.startswith("js."):
            continue
        if m.plural and key not in _blank(lang):
            words[key[3:]] = [_form(lang, key, n) for n in _plural_samples(lang)]
        else:
            words[key[3:]] = text(lang, key)
    expr = _catalogue(lang).plural_expr
    if not _PLURAL_EXPR.fullmatch(expr):
        raise ValueError(f"{catalogue_path(lang)}: Plural-Forms expression {expr!r} is not a plain C expression")
    body = json.dumps(words, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return (f"window.ATLAS_LANG = {json.dumps(lang)};\nwindow.ATLAS_STRINGS = {body};\n"
            f"window.ATLAS_PLURAL = function (n) {{ return +({expr}); }};\n")


def _plural_samples(lang: str) -> list[int]:
    """For each plural form index of `lang`'s catalogue, the smallest n that selects it."""
    rule = translations(lang).plural
    samples: dict[int, int] = {}
    for n in range(0, 1000):
        samples.setdefault(rule(n), n)
    return [samples[i] for i in sorted(samples)]


# Formatting: dates, money and durations in an edition's language, by Babel with the edition's
# locale. The model's labels (Funding.label, Duration.label, Window.label, groups.FundingTotal.label)
# call these.

_WAN = Decimal(10000)
_DATE = {"zh": "yyyy-MM-dd"}  # the Chinese edition writes ISO dates; others their locale's short date
_DATE_OTHER = "d MMM y"


def date_text(day: dt.date, lang: str) -> str:
    """2020-12-04 (zh) or 4 Dec 2020 (en)."""
    return format_date(day, _DATE.get(lang, _DATE_OTHER), locale=LOCALES[lang])


def datetime_text(moment: dt.datetime, timed: bool, lang: str) -> str:
    """2020-12-04 16:30 (zh) or 4 Dec 2020, 16:30 (en); the date alone when not `timed`."""
    day = date_text(moment.date(), lang)
    if not timed:
        return day
    return text(lang, "format.datetime", date=day, time=f"{moment:%H:%M}")


def month_name(month: int, lang: str) -> str:
    """A month inside a sentence: its number in the source language (3 月), else the locale's name."""
    if lang == DEFAULT:
        return str(month)
    return format_date(dt.date(2000, month, 1), "LLLL", locale=LOCALES[lang])


def date_range(start: str, end: str, lang: str) -> str:
    return text(lang, "format.range", start=start, end=end)


def money(amount: float, ceiling: bool, lang: str, kind: str = "money") -> str:
    """An amount in 万元: "20 万元" / "不超过 20 万元" as the bureau counts it (source language);
    elsewhere in yuan as the locale writes currency: "CNY 200,000 per unit, fixed" / "up to CNY
    200,000 per unit"; `kind` "total" for a sum over topics ("CNY 2,000,000")."""
    wan = Decimal(repr(amount))
    if lang == DEFAULT:
        shown = format_decimal(wan, format="0.####", locale=LOCALES[lang])
    else:
        shown = format_currency(wan * _WAN, "CNY", format="¤¤\u00a0#,##0.##", locale=LOCALES[lang],
                                currency_digits=False).replace("\u00a0", " ")
    return text(lang, f"format.{kind}_ceiling" if ceiling else f"format.{kind}", amount=shown)


def total(amount: float, ceiling: bool, lang: str) -> str:
    return money(amount, ceiling, lang, "total")


def months(count: int, lang: str) -> str:
    """A duration in months: whole years as years."""
    if count % 12 == 0:
        return text(lang, "format.years", n=count // 12)
    return text(lang, "format.months", n=count)


def name(value, lang: str) -> str:
    """A content name (model.Text, or a region or tag with .zh/.en) in the edition's language:
    the English where the content gives it, else the source's word by meaning (TERMS: a section
    label such as 研究内容), else the Chinese."""
    if value is None:
        return ""
    zh = getattr(value, "zh", None) or str(value)
    if lang != DEFAULT:
        return getattr(value, "en", None) or term(zh, lang) or zh
    return zh


def english(value) -> bool:
    """Whether a name reads in English in the English edition: its own English, or a TERMS word."""
    return bool(getattr(value, "en", None) or term(getattr(value, "zh", None) or str(value), "en"))


# en-render: the source's recurring words, by meaning. A name the content gives in Chinese only is
# shown in the other edition in its words when it is one of these (the importer's drafts write
# section labels such as 研究内容 in Chinese only).
TERMS = {
    "研究内容": "term.research_content",
    "研究需求": "term.research_needs",
    "研究目标与内容": "term.research_goals_content",
    "研究目标和内容": "term.research_goals_content",
    "研究方向": "term.research_direction",
    "研究目标": "term.research_goals",
    "考核指标": "term.deliverables",
    "预期成果": "term.expected_results",
    "申报要求": "term.application_requirements",
    "申报材料": "term.application_materials",
    "申报条件": "term.eligibility",
    "申报方式": "term.how_to_apply",
    "申报程序": "term.procedure",
    "申报流程": "term.procedure",
    "联系方式": "term.contacts",
    "政策咨询": "term.policy_enquiries",
    "其他事项": "term.other_matters",
    "前言": "term.preface",
    "附件": "term.annex",
}


def term(zh: str, lang: str) -> str | None:
    """A TERMS word in `lang`, or None."""
    key = TERMS.get(zh.strip().rstrip("：:"))
    return text(lang, key) if key else None


# Numbers as sources write them: the numeral (Arabic or Chinese) with the word before it
# (方向2, 项目8, 课题二), or 第…章-style ordinals, or alone in brackets or before 、: (（四）, 一、).
NUMBER_WORDS = {
    "方向": "number.direction", "研究方向": "number.direction", "项目": "number.project",
    "课题": "number.topic", "题目": "number.subject", "专题": "number.theme", "任务": "number.task",
    "子课题": "number.subtopic", "重点项目": "number.key_project_call", "一般项目": "number.general_project",
    "领域": "number.area", "附件": "number.annex",
    "专栏": "number.box", "重点领域": "number.key_area", "重点工程": "number.key_project",
}
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ① … ⑳
ORDINAL_UNITS = {"章": "number.chapter", "节": "number.section", "条": "number.article",
                 "部分": "number.part", "批": "number.batch", "项": "number.item"}
_NUMBER = re.compile(r"^(?P<open>[（(])?(?P<ordinal>第)?(?P<word>[^\d（()）零〇一二两三四五六七八九十百千]*?)\s*"
                     r"(?P<n>\d+|[零〇一二两三四五六七八九十百千]+)(?P<unit>部分|[章节条批项])?(?P<close>[）)])?"
                     r"(?P<sep>[、.．])?$")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(value: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None if not a Chinese numeral."""
    total, digit = 0, None
    for ch in value:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def source_number(value, lang: str) -> str:
    """A topic's, theme's or part's number in the edition's language: 方向2 → Direction 2,
    课题二 → Topic 2, （四） → (4), 第三章 → Chapter 3, 一、 → 1.; as written in Chinese, and when
    its word is not known (then the English edition shows, and marks, the Chinese)."""
    value = "" if value is None else str(value).strip()
    if lang == DEFAULT or not value:
        return value
    return number_in(value, lang) or value


def number_in(value: str, lang: str) -> str | None:
    """`source_number` when the value is a number this module knows, else None."""
    if value in _CIRCLED:
        return str(_CIRCLED[value])
    m = _NUMBER.match(value)
    if not m:
        return None
    n = m["n"] if m["n"].isdigit() else chinese_numeral(m["n"])
    if n is None:
        return None
    n = int(n)
    bracketed = bool(m["open"]) and bool(m["close"])
    if bool(m["open"]) != bool(m["close"]):
        return None
    if m["ordinal"]:
        key = ORDINAL_UNITS.get(m["unit"] or "")
        if not key or m["word"] or bracketed:
            return None
        return text(lang, key, n=n)
    if m["unit"]:
        return None
    if m["word"]:
        key = NUMBER_WORDS.get(m["word"].strip())
        if not key:
            return None
        label = text(lang, key, n=n)
        return text(lang, "number.bracketed", value=label) if bracketed else label
    if bracketed:
        return text(lang, "number.bracketed", value=n)
    if m["sep"] == "、":
        return text(lang, "number.listed", value=n)
    return str(n) + (m["sep"] or "").replace("．", ".")
