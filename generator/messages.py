"""The interface catalogues' upkeep: `python -m generator messages check | update | init LANG`.

The Chinese catalogue (`generator/locale/zh/LC_MESSAGES/atlas.po`) is the source: its messages are
the keys (`msgctxt`) and the Chinese texts (`msgid`) the templates and scripts use (see i18n.py).
- `check` lists what keeps an edition from being complete, as `file:line: problem`: a key missing
  or left over, an empty or fuzzy translation, placeholders that differ from the source's, a count
  that is not a plural message (flag `atlas-number` on a message whose `{n}` is a number, not a
  count: a note's number, an amount). tests/test_i18n.py runs it.
- `update` brings every other catalogue up to date with the source with Babel (a new key added
  empty, a removed one dropped, a changed Chinese text marked fuzzy for the translator to review).
- `init LANG` starts a catalogue for a new language (its plural forms from Babel's locale data);
  add the language to i18n.LANGUAGES and LOCALES once it is translated.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import i18n


def _read(path: Path, locale: str) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale, domain=i18n.DOMAIN)


def _write(path: Path, catalogue: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalogue, width=0, sort_output=False, ignore_obsolete=True)


def _fields(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name}


def _texts(value) -> list[str]:
    return list(value) if isinstance(value, (tuple, list)) else [value]


def _template() -> Catalog:
    """The source catalogue as a template: every key with its Chinese text, no translations."""
    source = _read(i18n.catalogue_path(i18n.DEFAULT), i18n.LOCALES[i18n.DEFAULT])
    template = Catalog(domain=i18n.DOMAIN, project="Guide Atlas", charset="utf-8")
    for m in source:
        if m.id:
            template.add(m.id, context=m.context, flags=[f for f in m.flags if f not in ("fuzzy", i18n.BLANK)],
                         auto_comments=m.auto_comments, user_comments=m.user_comments)
    return template


def check(langs: tuple[str, ...] = i18n.LANGUAGES) -> list[str]:
    """Every problem of every catalogue, as `file:line: what is wrong`."""
    problems = []
    source = {m.context: m for m in _read(i18n.catalogue_path(i18n.DEFAULT), i18n.LOCALES[i18n.DEFAULT])
              if m.id}
    for lang in langs:
        path = i18n.catalogue_path(lang)
        catalogue = _read(path, i18n.LOCALES[lang])
        seen = set()
        for m in catalogue:
            if not m.id:
                continue
            where = f"{path}:{m.lineno}"
            if not m.context:
                problems.append(f"{where}: a message without msgctxt; every message has its key as context")
                continue
            seen.add(m.context)
            src = source.get(m.context)
            if src is None:
                problems.append(f"{where}: {m.context} is not in the Chinese catalogue; remove it "
                                "(python -m generator messages update)")
                continue
            if isinstance(src.id, (tuple, list)) != isinstance(m.id, (tuple, list)):
                problems.append(f"{where}: {m.context} must be {'a plural' if isinstance(src.id, tuple) else 'a single'} "
                                "message, as in the Chinese catalogue")
            if _texts(m.id)[0] != _texts(src.id)[0]:
                problems.append(f"{where}: {m.context}: msgid differs from the Chinese catalogue's; run "
                                "python -m generator messages update and review the translation")
            if i18n.BLANK in m.flags:
                if any(_texts(m.string)):
                    problems.append(f"{where}: {m.context} is flagged {i18n.BLANK} but has a text")
                continue
            if m.fuzzy:
                problems.append(f"{where}: {m.context} is fuzzy: review the translation and remove the flag")
            texts = _texts(m.string)
            if not all(texts):
                problems.append(f"{where}: {m.context} has no translation")
                continue
            want = set().union(*(_fields(s) for s in _texts(src.id)))
            for s in texts:
                if _fields(s) != want:
                    problems.append(f"{where}: {m.context}: placeholders {sorted(_fields(s))} differ from the "
                                    f"Chinese {sorted(want)}")
            if "n" in want and not isinstance(m.id, (tuple, list)) and i18n.NUMBER not in src.flags:
                problems.append(f"{where}: {m.context} counts {{n}}: make it a plural message")
        for key in sorted(set(source) - seen):
            problems.append(f"{path}:1: {key} is missing; run python -m generator messages update, then translate it")
    return problems


def update() -> list[Path]:
    template = _template()
    written = []
    for lang in i18n.LANGUAGES:
        if lang == i18n.DEFAULT:
            continue
        path = i18n.catalogue_path(lang)
        catalogue = _read(path, i18n.LOCALES[lang])
        before = {m.context: m for m in catalogue if m.id and m.context}
        catalogue.update(template, no_fuzzy_matching=True)
        for m in catalogue:  # a key whose Chinese changed keeps its old translation, marked fuzzy
            old = before.get(m.context)
            if m.id and old is not None and _texts(old.id)[0] != _texts(m.id)[0] and not any(_texts(m.string)):
                forms = _texts(old.string)
                m.string = tuple(forms[min(i, len(forms) - 1)] for i in range(catalogue.num_plurals)) \
                    if isinstance(m.id, (tuple, list)) else forms[-1]
                m.flags.add("fuzzy")
            if m.id and old is not None and i18n.BLANK in old.flags:
                m.flags.add(i18n.BLANK)
        _write(path, catalogue)
        written.append(path)
    return written


def init(lang: str) -> Path:
    path = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    if path.exists():
        raise FileExistsError(f"{path} exists; use update")
    locale = Locale.parse(lang)
    catalogue = Catalog(locale=locale, domain=i18n.DOMAIN, project="Guide Atlas", charset="utf-8")
    catalogue.update(_template())
    _write(path, catalogue)
    return path


def main(args: list[str]) -> int:
    if not args or args[0] not in ("check", "update", "init") or (args[0] == "init") != (len(args) == 2):
        print("usage: python -m generator messages check | update | init LANG", file=sys.stderr)
        return 2
    if args[0] == "check":
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problem(s) in the interface catalogues" if problems else "catalogues complete")
        return 1 if problems else 0
    if args[0] == "update":
        for path in update():
            print(f"updated {path}")
        return 0
    try:
        print(f"started {init(args[1])}: translate it, then add the language to generator/i18n.py")
    except (FileExistsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
