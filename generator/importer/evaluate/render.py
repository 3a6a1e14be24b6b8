"""Render a variant's files (layouts.File) as the bytes a bureau publishes: .txt, .md, .html, and the
HTML that Chromium prints to PDF. Word and spreadsheets are in render_docx.py and render_xlsx.py.

- .txt: GB18030 or UTF-8, CRLF or LF, paragraphs indented with two ideographic spaces (U+3000), the
  title centred with spaces, the signature pushed right.
- .md: a heading for the title, tracks as headings or bold lines, pipe tables (merged cells repeated,
  a cell's paragraphs joined by <br>), a blank line between paragraphs.
- .html: a bureau's article page: navigation, breadcrumbs, the title in an <h1> outside the article,
  a date/source line, styling spans cutting words, &nbsp;, a footer with an address and registration.
- print HTML (for PDF): indented paragraphs, ruled tables whose cells wrap, a running head and page
  numbers from Chromium's header and footer templates (sample.print_html prints them).
"""

from __future__ import annotations

import html
from pathlib import Path

from .layouts import Block, File
from .variant import Variant


def _cells(rows) -> list[list[list[str]]]:
    """A table's rows as text cells, spans expanded: a covered cell repeats the text of the cell covering it."""
    grid: list[list[list[str] | None]] = [[None] * len(r) for r in rows]
    for i, row in enumerate(rows):
        for j, c in enumerate(row):
            if c is None:
                continue
            for di in range(c.row_span):
                for dj in range(c.col_span):
                    if i + di < len(grid) and j + dj < len(grid[i + di]):
                        grid[i + di][j + dj] = c.paras
    return [[c if c is not None else [""] for c in r] for r in grid]


# --- .txt -----------------------------------------------------------------------------------------

def text(f: File, v: Variant) -> str:
    lines: list[str] = []
    for b in f.blocks:
        if b.kind == "title":
            lines += ["\u3000" * max(0, (28 - len(x)) // 2) + x for x in b.lines]
        elif b.kind == "blank":
            lines.append("")
        elif b.kind == "sign":
            lines.append("\u3000" * 18 + b.text)
        elif b.kind == "attach":
            lines.append(b.text)
        elif b.kind == "table":
            lines += ["\t".join(" ".join(c) for c in row) for row in _cells(b.rows)]
        else:
            line = (v.indent if b.role not in ("banner", "docno", "addressee") else "") + b.full
            while v.txt_wrap and len(line) > v.txt_wrap:  # hard-wrapped, as text copied out of a PDF
                lines.append(line[: v.txt_wrap])
                line = line[v.txt_wrap:]
            lines.append(line)
    return ("\r\n" if v.crlf else "\n").join(lines) + ("\r\n" if v.crlf else "\n")


def write_text(f: File, v: Variant, path: Path) -> None:
    path.write_bytes(text(f, v).encode(v.encoding))


# --- .md ------------------------------------------------------------------------------------------

def markdown(f: File, v: Variant) -> str:
    out: list[str] = []
    for b in f.blocks:
        if b.kind == "title":
            out.append("# " + "".join(b.lines))
        elif b.kind == "blank":
            continue
        elif b.kind == "head" and b.level == 1:
            out.append(("## " if v.word_headings else "**") + b.full + ("" if v.word_headings else "**"))
        elif b.kind == "head" and b.level == 2 and v.word_headings:
            out.append("### " + b.full)
        elif b.kind == "table":
            rows = _cells(b.rows)
            esc = [["<br>".join(p.replace("|", "\\|") for p in c) for c in row] for row in rows]
            out.append("\n".join(["| " + " | ".join(esc[0]) + " |", "|" + "---|" * len(esc[0])]
                                 + ["| " + " | ".join(r) + " |" for r in esc[1:]]))
        else:
            out.append(b.full)
    return "\n\n".join(out) + "\n"


# --- .html (a bureau's web page) ------------------------------------------------------------------

def _cut(text: str, k: int) -> str:
    """Escaped text with a styling span cutting a word and a &nbsp; after full stops, as CMS pages do."""
    e = html.escape(text)
    if len(text) > 14 and k % 3 == 0:
        e = e[:6] + '<span style="font-family:仿宋_GB2312">' + e[6:10] + "</span>" + e[10:]
    return e.replace("。", "。&nbsp;", 1) if k % 4 == 1 else e


def _table_html(b: Block, border: bool = True) -> str:
    rows = []
    for row in b.rows:
        cells = []
        for c in row:
            if c is None:
                continue
            tag = "th" if c.header else "td"
            span = (f' rowspan="{c.row_span}"' if c.row_span > 1 else "") + (f' colspan="{c.col_span}"' if c.col_span > 1 else "")
            inner = "".join(f"<p>{html.escape(p)}</p>" for p in c.paras) if len(c.paras) > 1 else html.escape(c.paras[0] if c.paras else "")
            cells.append(f"<{tag}{span}>{inner}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    form = " class='form'" if b.role == "form" else ""
    return f'<table{form}{" border=1" if border else ""} cellspacing="0">' + "".join(rows) + "</table>"


def _body_html(f: File, v: Variant, web: bool) -> str:
    out = []
    for k, b in enumerate(f.blocks):
        if b.kind == "title":
            if web and v.title_lines == 2:
                out.append("<p style='text-align:center'><strong>" + "<br>".join(html.escape(x) for x in b.lines) + "</strong></p>")
            else:
                out += [f"<p class='title' style='text-align:center'><strong>{html.escape(x)}</strong></p>" for x in b.lines]
        elif b.kind == "blank":
            out.append("<p>&nbsp;</p>" if web else "")
        elif b.kind == "sign":
            out.append(f"<p style='text-align:right'>{html.escape(b.text)}</p>")
        elif b.kind == "table":
            out.append(_table_html(b))
        elif b.kind == "head" and b.level == 1 and v.word_headings and web:
            out.append(f"<h3>{html.escape(b.full)}</h3>")
        elif b.kind == "head":
            out.append(f"<p class='h{b.level}'><strong>{_cut(b.full, k) if web else html.escape(b.full)}</strong></p>")
        elif b.kind == "attach":
            out.append(f"<p class='attach'>{html.escape(b.text)}</p>")
        else:
            text = _cut(b.full, k) if web else html.escape(b.full)
            if web and v.html_word:  # pasted from Word: MsoNormal, spans with mso styles, <o:p>
                out.append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                           f"<span style='font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>{text}</span><o:p></o:p></p>")
            else:
                out.append(f"<p style='text-indent:2em'>{text}</p>" if web else f"<p>{text}</p>")
    return "".join(out)


def write_web_page(f: File, v: Variant, path, issuer: str = "") -> None:
    """The page in its declared encoding; what GBK lacks written as character references, as CMSs do."""
    path.write_bytes(web_page(f, v, issuer).encode(v.html_encoding, errors="xmlcharrefreplace"))


def _with_breaks(body: str) -> str:
    """Paragraphs as lines of one block, separated by <br>, as some CMS editors save them."""
    import re

    def join(m):
        paras = re.findall(r"<p[^>]*>(.*?)</p>", m.group(0), flags=re.S)
        return "<div class='content'>" + "<br>\n".join(paras) + "</div>"
    return re.sub(r"(?:<p[^>]*>.*?</p>)+", join, body, flags=re.S)


def web_page(f: File, v: Variant, issuer: str = "") -> str:
    body = _body_html(f, v, web=True)
    article = "<div class='article'><div class='TRS_Editor'>" + (_with_breaks(body) if v.html_breaks else body) + "</div></div>"
    if v.layout_table:
        article = "<table width='100%' border='0'><tr><td class='bt_content'>" + article + "</td></tr></table>"
    return ("<!doctype html><html><head>"
            f"<meta http-equiv='Content-Type' content='text/html; charset={v.html_encoding}'>"
            f"<title>{html.escape(f.title)} - 通知公告</title><script>var _hmt = _hmt || [];</script></head><body>"
            "<div class='header'><a href='/'>首页</a> <a href='/xxgk/'>信息公开</a> <a href='/tzgg/'>通知公告</a></div>"
            "<nav><ul><li><a href='/'>机构概况</a></li><li><a href='/'>政策法规</a></li><li><a href='/'>科技计划</a></li>"
            "<li><a href='/'>办事服务</a></li></ul></nav>"
            "<div class='breadcrumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/tzgg/'>通知公告</a> &gt; 正文</div>"
            f"<div class='title-box'><h1>{html.escape(f.title)}</h1>"
            f"<div class='info'>发布时间：2024-04-22&nbsp;&nbsp;来源：{html.escape(issuer or '本站')}&nbsp;&nbsp;浏览次数：1024</div></div>"
            + article +
            "<div class='share'>分享到：微信 微博</div><div class='print'><a href='javascript:window.print()'>【打印本页】</a> "
            "<a href='javascript:window.close()'>【关闭窗口】</a></div>"
            "<div class='footer'><p>主办单位：科学技术局 地址：人民路1号 邮编：610000 电话：028-12345678</p>"
            "<p>ICP备00000000号-1 公网安备 51010000000000号 网站标识码：5101000000</p></div></body></html>")


# --- print HTML (→ PDF) ---------------------------------------------------------------------------

def print_page(f: File, v: Variant) -> str:
    return ("<!doctype html><html><head><meta charset='utf-8'><style>"
            "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:15pt;line-height:1.7}"
            "p{margin:0 0 .3em;text-indent:2em}p.title{text-indent:0;font-size:20pt;text-align:center}"
            "p.h1,p.h2,p.attach{text-indent:" + ("2em" if v.indent else "0") + "}"
            "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #000;padding:2pt 5pt;"
            "vertical-align:top;font-size:11pt;line-height:1.4}td p,th p{margin:0;text-indent:0}"
            "table.form td:first-child{width:7em;white-space:nowrap}"
            "</style></head><body>" + _body_html(f, v, web=False) + "</body></html>")


def header_footer(f: File, v: Variant, issuer: str) -> tuple[str, str]:
    style = "font-size:9pt;width:100%;text-align:center;font-family:Noto Sans CJK SC"
    head = html.escape(issuer if v.running_head == "issuer" else f.title)
    if v.page_footer == "dash":
        foot = "— <span class='pageNumber'></span> —"
    else:
        foot = "第 <span class='pageNumber'></span> 页 共 <span class='totalPages'></span> 页"
    return f"<div style='{style}'>{head}</div>", f"<div style='{style}'>{foot}</div>"
