"""What every reader shares: the one failure type, the input limits, a hardened XML parser, text helpers.

Every failure is an ImportFailure whose str() is one line saying what to do (without the file name:
the command line puts the file in front). Limits are checked before a library sees the bytes.
"""

from __future__ import annotations

import re

MAX_BYTES = 50 * 1024 * 1024  # a guide is a few MB at most; larger files are refused before reading
MAX_PAGES = 2000
PDF_SECONDS = 60.0  # PDF text extraction stops with a clear message past this
MAX_ELEMENTS = 800_000  # XML/HTML elements in one part (a 100-page guide's document.xml has ~100 000); keeps the
# worst case (one table of them all, parsed as one block) near 200 MB
MAX_NODES = 200_000  # paragraphs, items and tables in one file (a long guide has a few thousand)


class ImportFailure(Exception):
    """Input the importer cannot use; str() is the one-line message (without the file name)."""


def xml_parser():
    """An lxml parser that resolves no entities, loads no DTD, touches no network and refuses huge trees."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_blank_text=False)


def elements(data: bytes) -> int:
    """About how many elements an XML or HTML text holds (its start tags), counted without parsing it."""
    return data.count(b"<") - data.count(b"</")


def bounded(data: bytes, what: str, fix: str, most: int = MAX_ELEMENTS) -> None:
    """Refuse a part whose element count would make its parse tree too large for the memory bound."""
    n = elements(data)
    if n > most:
        raise ImportFailure(f"{what} holds about {n} elements, more than {most} (a guide has far fewer); {fix}")


def too_many(count: int, fix: str) -> None:
    if count > MAX_NODES:
        raise ImportFailure(f"the file holds more than {MAX_NODES} paragraphs and tables, more than any guide; {fix}")


def parse_xml(data: bytes, what: str, most: int = 300_000):
    """A small XML part (styles, numbering, a header, relationships) parsed within an element bound."""
    from lxml import etree

    bounded(data, what, "open it in its program and save it again", most)
    try:
        return etree.fromstring(data, xml_parser())
    except (etree.XMLSyntaxError, ValueError):
        raise ImportFailure(f"{what} is not well-formed XML (the file is damaged); open it in its program "
                            "and save it again") from None


def lines(text: str) -> str:
    """CRLF and CR line ends made LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cjk(s: str) -> int:
    return sum(1 for c in s if "\u4e00" <= c <= "\u9fff")


_NATURAL = re.compile(r"(\d+)")


def natural_key(name: str) -> list:
    """Sort key putting 附件2 before 附件10 (digit runs compared as numbers)."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in _NATURAL.split(name) if p]
