r"""Helpers for the fidelity tests: what counts as the same text, and which fields are ours.

Two texts are the same when they agree after removing whitespace, HTML tags, the
Markdown marks `*` and `#`, editing marks such as `[bookmark: _GoBack]`, and formula
markup (`$\text{…}$`, `\&`, `\%`): exactly the extraction damage that content repairs.
In a source, a heading line that repeats an earlier line (a box title printed again at
the top of the next page) is page furniture and is dropped first, so that text broken by
it reads on. Wording is compared character by character.
"""

from __future__ import annotations

import re

_NOISE = re.compile(r"\[bookmark:[^\]]*\]|<[^<>]*>|\$\\text\{|\}\$|\\(?=[&%])|[\s*#\u3000]+")

# Fields whose text is editorial (ours) or not prose: not compared with the source.
EDITORIAL_KEYS = {
    "en", "short_title", "notes", "note", "issuer", "id", "number", "tags", "theme", "kind", "region",
    "year", "updated", "published", "source", "opens", "closes", "amount", "months", "start", "end",
    "phone", "role", "content_label", "deliverables_label", "title_editorial", "numbered", "context",
    "map_missing", "programme",
}


def normalise(text: str) -> str:
    return _NOISE.sub("", text)


def normalise_source(text: str) -> str:
    """A source, normalised, without heading lines that repeat an earlier line (running headers)."""
    seen: set[str] = set()
    kept = []
    for line in text.split("\n"):
        key = normalise(line)
        if line.lstrip().startswith("#") and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return normalise("\n".join(kept))


def source_texts(data, at=()):
    """Yield (path, text) for every text in guide data that must appear in its source."""
    if isinstance(data, dict):
        editorial_title = data.get("title_editorial") is True
        for key, value in data.items():
            if key in EDITORIAL_KEYS or (key == "title" and editorial_title):
                continue
            if key == "zh" and isinstance(value, str):
                yield at, value
                continue
            yield from source_texts(value, at + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from source_texts(value, at + (i,))
    elif isinstance(data, str):
        yield at, data
