"""Plain text (.txt, and what antiword/catdoc print for a .doc) → a Part: one paragraph node per line.

Bytes are decoded whatever the Chinese encoding: UTF-8 with or without BOM, UTF-16 with BOM, GB18030
(GBK, GB2312) or Big5, told apart by which decoding gives common Chinese characters, else as
charset-normalizer finds. Ideographic (U+3000) and other Unicode spaces are text, never a reason to
refuse a file: leading ones are the paragraph's indentation (Node.indent) and stay in Node.orig.
Consecutive lines of tab-separated cells are one table.
"""

from __future__ import annotations

import re

from ..document import PARAGRAPH, TABLE, Cell, Node, Part
from .base import ImportFailure, lines, too_many

# Characters frequent in Chinese prose, simplified and traditional: real text decoded right is full of
# them, the wrong decoding of the same bytes almost never produces them.
_COMMON = set("的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動"
              "同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部度家电電力里裡如水化高自"
              "二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本应應开開合还還因由其些然前外天政四日那社义義"
              "事平形相全表间間样樣与與关關各重新线內内数數正心反明看原又利比或但质質气氣第向道命此变變条條只没結结解"
              "问問意建月公无無系军軍者最立代已通并並提直题題党黨程展五果员員位入常文总總次品式活设設及管特件长長求"
              "项項目申报報指南研究科技市省局单單位请請时於年月日")
_TAB_ROW = re.compile(r"\t")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text file → (text, encoding); ImportFailure when it is not text in any encoding tried."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ImportFailure("binary data, not text; open it in its program and save it as .docx, .pdf or UTF-8 .txt")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            scored.append((_common_share(text), enc, text))
    if scored:
        share, enc, text = max(scored)
        if share > 0.15:
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is not None:
        text = data.decode(best.encoding, errors="replace")
        if _mostly_text(text):
            return text, best.encoding
    if scored:
        return scored[0][2], scored[0][1]
    raise ImportFailure("not readable as text in UTF-8, GB18030/GBK or Big5; save it as UTF-8 text, .docx or .pdf")


def _common_share(text: str) -> float:
    han = [c for c in text[:200_000] if "\u4e00" <= c <= "\u9fff"]
    return sum(1 for c in han if c in _COMMON) / len(han) if han else 0.0


def _mostly_text(text: str) -> bool:
    """True when nearly every character is printable or a space of any kind (U+3000 included)."""
    sample = text[:200_000]
    if not sample.strip():
        return False
    good = sum(1 for c in sample if c.isprintable() or c.isspace())
    cjk = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    return good / len(sample) > 0.97 and (cjk > 0 or sample.isascii())


def indent_of(line: str) -> int:
    """2 for a line led by four or more ideographic (or eight plain) spaces, 1 for two, else 0."""
    lead = len(line) - len(line.lstrip(" \u3000\u00a0\u2002\u2003\t"))
    width = sum(2 if c == "\u3000" else 1 for c in line[:lead])
    return 2 if width >= 8 else 1 if width >= 2 else 0


def part_from_lines(text: str, name: str, fmt: str, where: str = "line") -> Part:
    """Text → a Part: a paragraph node per non-blank line, runs of tab-separated lines as a table."""
    part = Part(name, fmt)
    rows: list[list[Cell]] = []
    start = 0
    split = lines(text).split("\n")
    too_many(sum(1 for l in split if l.strip()), "split it into the guide and its attachments")
    for no, raw in enumerate(split, 1):
        cells = raw.split("\t")
        if len([c for c in cells if c.strip()]) >= 2:
            if not rows:
                start = no
            rows.append([Cell([p.strip() for p in c.split("<p>") if p.strip()], len(rows), i)
                         for i, c in enumerate(cells)])
            continue
        if rows:
            part.nodes.append(_table(rows, f"{where} {start}-{no - 1}"))
            rows = []
        if raw.strip():
            part.nodes.append(Node(PARAGRAPH, text=raw.strip(), orig=raw, indent=indent_of(raw), where=f"{where} {no}"))
    if rows:
        part.nodes.append(_table(rows, f"{where} {start}-{start + len(rows) - 1}"))
    return part


def _table(rows: list[list[Cell]], where: str) -> Node:
    for c in rows[0]:
        c.header = True
    return Node(TABLE, rows=rows, where=where)


def read(data: bytes, name: str) -> Part:
    text, enc = decode(data)
    part = part_from_lines(text, name, "txt")
    part.notes.append(f"encoding {enc}")
    return part
