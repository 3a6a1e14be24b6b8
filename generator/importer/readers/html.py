"""A bureau's web page (.html) → a Part through lxml: the article found, the site around it kept as furniture.

The article is `<article>`, else a container whose class or id names content (TRS_Editor, zoom …), else
the densest block of Chinese text with the fewest links. Everything outside it, and navigation, headers,
footers, share bars, forms and hidden elements inside it, are furniture nodes (scripts and styles are not
text and are skipped). `<h1>`–`<h6>` are title and heading nodes with their level; an `<h1>` outside the
article and the page's `<title>` are title hints. Lists keep their numbers as markers; tables keep
rowspan/colspan as spans and `<th>` rows as headers. The page's date / source / hit-counter line is
furniture with `where` "page meta". Entities are decoded once, by the parser.
"""

from __future__ import annotations

import re

from ..document import BODY, FURNITURE, HEADING, LIST_ITEM, PARAGRAPH, TABLE, TITLE, Cell, Node, Part
from .base import ImportFailure, bounded, cjk, too_many
from .text import decode

_SKIP = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "object", "embed"}
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "select", "button", "iframe", "menu"}
_CHROME_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|breadcrumb|crumb|footer|foot|header|head|share|menu|sidebar|"
                           r"topbar|banner|copyright|position|location)(?:$|[\s_-])", re.I)
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "dt", "dd",
          "blockquote", "pre", "ul", "ol", "table", "tbody", "thead", "tfoot", "main", "center", "dl", "hr",
          "figure", "figcaption", "caption", "address", "td", "th"} | _CHROME_TAGS
_PAGE_META = re.compile(r"^\s*(发布时间|发布日期|发文日期|信息来源|来源|浏览次数|点击数|阅读次数|访问量|字号|作者|【?\s*(打印|关闭)).{0,80}$|"
                        r"【\s*(打印本页|关闭窗口|返回顶部)\s*】|^\s*[【\[]?\s*字体\s*[:：]?\s*[大中小]")
_ARTICLE_HINTS = ("article", "content", "zoom", "TRS_Editor", "main", "detail", "text", "ccontent", "pages_content")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _charset(data: bytes) -> str | None:
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def read(data: bytes, name: str) -> Part:
    import lxml.html

    bounded(data, "the web page", "save the article alone (Save as HTML) or as PDF", 500_000)
    declared = _charset(data)
    if declared and declared.startswith("gb") and not data.startswith(b"\xef\xbb\xbf"):
        text, enc = data.decode("gb18030", errors="replace"), "gb18030"
    elif declared == "big5" and not data.startswith(b"\xef\xbb\xbf"):
        text, enc = data.decode("big5", errors="replace"), "big5"
    else:
        text, enc = decode(data)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # lxml raises ParserError and ValueError on broken input
        raise ImportFailure("the web page cannot be parsed; save it again from the browser (Save as HTML)") from None
    part = Part(name, "html", notes=[f"encoding {enc}"])
    title = root.find(".//title")
    if title is not None and (title.text_content() or "").strip():
        part.title_hints.append(" ".join(title.text_content().split()))
    article = _article(root)
    walker = _Walker(part, article)
    body = root.find("body")
    walker.walk(body if body is not None else root, FURNITURE if article is not None else BODY)
    walker.flush()
    too_many(len(part.nodes), "save the article alone")
    for node in part.nodes:
        if node.kind == TITLE and node.layer != BODY and node.text not in part.title_hints:
            part.title_hints.append(node.text)
    return part


_BREAK = "\x0b"  # stands for <br> until the whitespace around it is collapsed
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r\n\f]*\n[ \t\r\n\f]*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def _collapse(text: str) -> str:
    """HTML whitespace as a browser shows it: a run of spaces and source line breaks is one space, none where a
    source line break falls between Chinese characters; <br> a line break; &nbsp; a space."""
    text = _CJK_GAP.sub("", text.replace("\xa0", " "))
    text = re.sub(r"[ \t\r\n\f]+", " ", text)
    return "\n".join(part.strip() for part in text.split(_BREAK) if part.strip())


def _hidden(el) -> bool:
    return (el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(el.get("style") or "")))


def _chrome(el) -> bool:
    if el.tag in _CHROME_TAGS:
        return True
    return bool(_CHROME_CLASS.search(el.get("class") or "") or _CHROME_CLASS.search(el.get("id") or ""))


def _article(root):
    """The element holding the guide: <article>, a known content container, or the densest block."""
    for least in (200, 30):  # a long article first; a short notice's container after
        for xp in ("//article",) + tuple(f"//*[contains(@class, '{h}') or contains(@id, '{h}')]" for h in _ARTICLE_HINTS):
            found = [e for e in root.xpath(xp) if cjk(e.text_content()) > least and not _chrome(e)]
            if found:
                return max(found, key=lambda e: cjk(e.text_content()) - len(e.xpath(".//a")) * 20)
    candidates = [e for e in root.iter("div", "td", "section", "main") if cjk(e.text_content()) > 200]
    if not candidates:
        return None
    return max(candidates, key=lambda e: cjk(e.text_content()) - 30 * len(e.xpath(".//a")) - 2 * cjk(
        "".join(a.text_content() for a in e.xpath(".//a"))))


class _Walker:
    """Walks the page, turning block elements into nodes; the layer is the page's (furniture) until the
    article is entered, and furniture again inside site chrome or hidden elements."""

    def __init__(self, part: Part, article):
        self.part, self.article = part, article
        self.buf: list[str] = []
        self.ctx: list[tuple[str, int | None, str]] = [("p", None, "")]  # (kind, level, marker) of the open block
        self.layer = BODY
        self.lists: list[dict] = []

    def flush(self) -> None:
        text = _collapse("".join(self.buf))
        self.buf.clear()
        if not text.strip():
            return
        kind, level, marker = self.ctx[-1]
        layer = self.layer
        where = ""
        if layer == BODY and _PAGE_META.search(text):
            layer, where = FURNITURE, "page meta"
        if kind == "li":
            node = Node(LIST_ITEM, text=text.strip(), orig=(marker + text.strip()), marker=marker, level=level)
            self.ctx[-1] = ("p", None, "")  # the item's later lines are its paragraphs
        elif kind == "h":
            node = Node(TITLE if level == 1 else HEADING, text=" ".join(text.split()), orig=text.strip(), level=level)
        else:
            node = Node(PARAGRAPH, text=text.strip(), orig=text.strip())
        node.layer, node.where = layer, where
        self.part.nodes.append(node)

    def walk(self, el, layer: str) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comment or processing instruction: only its tail is text
            if el.tail:
                self.buf.append(el.tail)
            return
        if tag in _SKIP:
            if el.tail:
                self.buf.append(el.tail)
            return
        if el is self.article:
            inner = BODY
        elif _hidden(el) or _chrome(el):
            inner = FURNITURE
        else:
            inner = layer
        if tag == "br":  # a line break inside the paragraph, as in Word: kept in the node's text
            self.buf.append(_BREAK)
            if el.tail:
                self.buf.append(el.tail)
            return
        block = tag in _BLOCK or inner != layer
        if block:
            self.flush()
        saved = self.layer
        self.layer = inner
        if tag == "table" and not _layout(el, self.article):
            self.table(el)
        else:
            pushed = self.open(tag)
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child, inner)
            if block:
                self.flush()
            if pushed:
                self.close(tag)
        self.layer = saved
        if el.tail:
            self.buf.append(el.tail)

    def open(self, tag: str) -> bool:
        if tag in ("ul", "ol"):
            self.lists.append({"ordered": tag == "ol", "n": 1})
            return True
        if tag == "li":
            marker = ""
            if self.lists and self.lists[-1]["ordered"]:
                marker = f"{self.lists[-1]['n']}."
                self.lists[-1]["n"] += 1
            self.ctx.append(("li", max(0, len(self.lists) - 1), marker))
            return True
        if re.fullmatch(r"h[1-6]", tag):
            self.ctx.append(("h", int(tag[1]), ""))
            return True
        return False

    def close(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.lists.pop()
        else:
            self.ctx.pop()

    def table(self, table) -> None:
        rows: list[list[Cell]] = []
        taken: set[tuple[int, int]] = set()
        for r, (tr, in_head) in enumerate(_rows(table)):
            row: list[Cell] = []
            col = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while (r, col) in taken:
                    col += 1
                rs, cs = _span(td.get("rowspan")), _span(td.get("colspan"))
                cell = Cell(cell_lines(td), r, col, row_span=rs, col_span=cs, header=in_head or td.tag == "th")
                row.append(cell)
                for dr in range(rs):
                    for dc in range(cs):
                        taken.add((r + dr, col + dc))
                col += cs
            if row:
                rows.append(row)
        if rows:
            self.part.nodes.append(Node(TABLE, rows=rows, layer=self.layer))


def _layout(table, article) -> bool:
    """A table used for page layout, not data: it holds the article (`<table><tr><td><div class=article>`), or
    each of its rows is one cell holding paragraphs. Its cells are walked as the page's blocks."""
    if article is not None and any(a is article for a in table.iter()):
        return True
    rows = [tr for tr, _ in _rows(table)]
    return bool(rows) and all(len([td for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]) <= 1
                              for tr in rows) and any(e is not table for e in table.iter("p", "div", "table", "h1", "h2", "h3"))


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _rows(table):
    """The table's own rows (not those of tables nested in its cells), each with whether it is in <thead>."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child, False
        elif child.tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag == "tr":
                    yield tr, child.tag == "thead"


def cell_lines(cell) -> list[str]:
    """A cell's paragraphs: its block elements and line breaks separate them; a nested table's rows are
    paragraphs with cells separated by " | "."""
    part = Part("", "html")
    walker = _Walker(part, None)
    if cell.text:
        walker.buf.append(cell.text)
    for child in cell:
        walker.walk(child, BODY)
    walker.flush()
    out = []
    for n in part.nodes:
        if n.kind == TABLE:
            out.extend(" | ".join(" / ".join(c.paragraphs) for c in row) for row in n.rows)
        elif n.layer == BODY or n.where == "page meta":  # a <br> in a cell separates its paragraphs
            out.extend(((n.marker + n.text) if n.marker else n.text).split("\n"))
    return out
