"""Chinese runs on English pages that a screen reader would read with an English voice.

A run of CJK characters (ideographs, CJK punctuation, full-width forms) in a text node of the
page's body, whose nearest ancestor with a `lang` attribute does not say Chinese ("zh…"). Text in
<script>, <style>, <template> and <noscript> is not read aloud as such and is skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

CJK = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
                 r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]+")
_SKIP = {"script", "style", "template", "noscript"}


def _lang(element) -> str:
    while element is not None:
        lang = element.get("lang")
        if lang is not None:
            return lang
        element = element.getparent()
    return ""


def unmarked(html: str) -> list[tuple[str, str]]:
    """(run, the element holding it) for every unmarked Chinese run in the page's body."""
    root = lxml.html.fromstring(html)
    body = root.find("body")
    out = []
    for element in (body if body is not None else root).iter():
        if not isinstance(element.tag, str) or element.tag in _SKIP:
            continue
        # An element's own text belongs to it; its tail to its parent.
        for text, holder in ((element.text, element), (element.tail, element.getparent())):
            if not text or holder is None or holder.tag in _SKIP:
                continue
            runs = CJK.findall(text)
            if runs and not _lang(holder).lower().startswith("zh"):
                out += [(run, _where(holder)) for run in runs]
    return out


def _where(element) -> str:
    cls = element.get("class")
    return f"<{element.tag}{' class=' + repr(cls) if cls else ''}>"


def english_pages(site: Path):
    """(site-relative path, HTML) of every page of the English edition."""
    for path in sorted((site / "en").rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")
