"""MkDocs hooks of every build (each edition's config names them, generator/edition.py): what a
page carries beyond its own text, made smaller.

Material's templates indent every tag and leave a blank line for each template tag, so the
header, tabs, navigation and scripts of a topic page were half whitespace. Outside the page's
article, each line's leading spaces and the blank lines are dropped (a line break is kept
where there was one, so the page renders exactly as before: HTML collapses the whitespace
between words to one space either way, and there is no <pre> or <textarea> outside the article).
The article, the page's own text, is left exactly as MkDocs wrote it.
"""

from __future__ import annotations

import re

_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def _squeeze(html: str) -> str:
    return _INDENT.sub("\n", html)


def on_post_page(output: str, page, config) -> str:
    start = output.find("<article")
    end = output.rfind("</article>")
    if start < 0 or end < 0:
        return _squeeze(output)
    return _squeeze(output[:start]) + output[start:end] + _squeeze(output[end:])
