"""ASCII slugs from Chinese text (pypinyin), and deterministic collision handling.

Pinyin is slow: slugs are kept once made (`make serve` regenerates with the same titles), and
slugify_many makes a whole corpus's in forked processes (generator/parallel.py).
"""

from __future__ import annotations

import re
import unicodedata

from .parallel import fork_map

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_MADE: dict[tuple[str, int], str] = {}  # (text, max_length) → slug
_KEEP = 1 << 17  # slugs kept at most; past that the store starts again
PARALLEL_FROM = 1000  # slugs: a fraction of a millisecond each


def slugify(text: str, max_length: int = 60) -> str:
    """Pinyin syllables and ASCII words joined by hyphens: 科技金融 → ke-ji-jin-rong.

    Cut at a hyphen so that no slug passes `max_length`; never empty.
    """
    slug = _MADE.get((text, max_length))
    if slug is None:
        slug = _keep((text, max_length), _pinyin_slug((text, max_length)))
    return slug


def slugify_many(pairs) -> None:
    """Make the slugs of many (text, max_length) pairs at once, so that slugify has them ready."""
    new = list(dict.fromkeys(pair for pair in pairs if pair not in _MADE))
    for pair, slug in zip(new, fork_map(_pinyin_slug, new, PARALLEL_FROM)):
        _keep(pair, slug)


def _keep(pair: tuple[str, int], slug: str) -> str:
    if len(_MADE) >= _KEEP:
        _MADE.clear()
    _MADE[pair] = slug
    return slug


def _pinyin_slug(pair: tuple[str, int]) -> str:
    from pypinyin import Style, lazy_pinyin  # imported on first use: `check` with errors never needs it

    text, max_length = pair
    text = unicodedata.normalize("NFKC", text)
    parts = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: [chars])
    slug = _NON_ALNUM.sub("-", "-".join(parts).lower()).strip("-")
    slug = re.sub(r"-{2,}", "-", slug)
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug or "x"


class SlugRegistry:
    """Hands out unique slugs within one scope: the second `a` becomes `a-2`, and so on.

    Given the same names in the same order it gives the same slugs, so URLs are stable
    as long as the content's order is.
    """

    def __init__(self, reserved: tuple[str, ...] = ()):
        self._taken: set[str] = set(reserved)

    def claim(self, base: str) -> str:
        slug, n = base, 2
        while slug in self._taken:
            slug, n = f"{base}-{n}", n + 1
        self._taken.add(slug)
        return slug
