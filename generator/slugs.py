"""ASCII slugs from Chinese text (pypinyin), and deterministic collision handling."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 17)  # pinyin is slow; `make serve` regenerates with the same titles
def slugify(text: str, max_length: int = 60) -> str:
    """Pinyin syllables and ASCII words joined by hyphens: 科技金融 → ke-ji-jin-rong.

    Cut at a hyphen so that no slug passes `max_length`; never empty.
    """
    from pypinyin import Style, lazy_pinyin  # imported on first use: `check` with errors never needs it

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
