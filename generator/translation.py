"""How much of the bureau's text the editors have translated: counts over a list of blocks.

The English of a paragraph or list item is the `en` of its `text` ({zh, en}); the Chinese is the
official text. The English edition's pages (templates/_macros.md.j2, `blocks`) ask `count` whether
a block list has any English, and `make check` (generator/coverage.py) adds the counts up per kind.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Count:
    translated: int = 0  # paragraphs and list items with English
    total: int = 0  # paragraphs and list items


def texts(blocks):
    """Each paragraph's and list item's Text, in order."""
    for block in blocks or ():
        if block.kind == "list":
            yield from block.items
        elif block.kind == "paragraph":
            yield block.text


def count(blocks) -> Count:
    translated = total = 0
    for text in texts(blocks):
        total += 1
        translated += bool(text.en)
    return Count(translated, total)
