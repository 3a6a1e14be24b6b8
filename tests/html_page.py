"""Read built pages the way a reader meets them: parsed HTML, main content only."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """Collects text by element: h1s, the article's text, links and ids."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text_parts: list[str] = []
        self.article_parts: list[str] = []
        self.scripts: list[str] = []
        self.tables: list[list[list[str]]] = []  # each table: rows of cell texts
        self._cell: list[str] | None = None
        self._stack: list[str] = []
        self._in_article = 0
        self._in_h1 = False
        self.feed(html)
        self.text = "".join(self.text_parts)
        self.article = "".join(self.article_parts)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "link", "img", "iframe", "source") and (attrs.get("src") or attrs.get("href")):
            self.scripts.append(attrs.get("src") or attrs.get("href"))
        if tag == "article":
            self._in_article += 1
        if tag == "table":
            self.tables.append([])
        if tag == "tr" and self.tables:
            self.tables[-1].append([])
        if tag in ("td", "th"):
            self._cell = []
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data):
        if self._stack and self._stack[-1] in ("script", "style"):
            return
        if self._in_h1:
            self.h1[-1] += data
        if self._cell is not None:
            self._cell.append(data)
        self.text_parts.append(data)
        if self._in_article:
            self.article_parts.append(data)


def clean(text: str) -> str:
    """Text as compared in tests: no whitespace, no heading permalink mark."""
    return re.sub(r"\s+", "", text).replace("¶", "")


def read_page(site: Path, url: str) -> Page:
    return Page((site / url / "index.html").read_text(encoding="utf-8"))
