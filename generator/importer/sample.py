"""Sample: a made-up guide in shapes the five seed texts do not have, as text, HTML, .docx and PDF.

Used by the importer's tests and by `make bench-import`. The guide is a notice (文号, 印发 title,
signature) for a region not in regions.yml, with 方向一：/课题1 numbering, 不超过 N 万元 and 定额
funding, 执行期限 N 个月 and date ranges, a window with hours, and contacts once at the end.
`EXPECTED` says what the importer must read from it.
"""

from __future__ import annotations

import html
from pathlib import Path

CONTENT_A = ("围绕{x}，系统梳理国内外先进地区的经验做法，分析本市在创新资源配置、政策协同和服务体系等方面存在的"
             "问题与短板，结合本市产业基础和发展需求，研究提出推动{x}的总体思路、重点任务和政策建议。")
SUBJECTS = ["绿色化工产业转型升级", "长江大保护科技支撑", "磷化工新材料产业链创新", "文旅融合数字化发展", "三峡库区生态修复技术",
            "县域科技创新能力提升", "科技成果转化服务体系", "高新技术企业倍增", "创新型产业集群培育", "科技人才引育机制",
            "科技金融服务创新", "区域协同创新共同体"]

EXPECTED = {
    "title": "2024年宜昌市软科学研究项目申报指南",
    "doc_number": "宜科发〔2024〕12号",
    "published": "2024-04-20",
    "window": {"opens": "2024-05-06 09:00", "closes": "2024-05-31 17:00"},
    "track_funding": {"amount": 10, "kind": "ceiling", "text": "每项资助经费不超过10万元"},
    "track_duration": {"text": "执行期限18个月", "months": 18},
    "topic_funding": {"amount": 3, "kind": "fixed", "text": "每项定额资助3万元"},
    "topic_duration": {"text": "2024年7月1日至2025年6月30日", "start": "2024-07-01", "end": "2025-06-30"},
    "contact": {"role": "联系方式", "person": "张敏", "phone": "0717-6221234"},
}


def paragraphs(key_topics: int = 2, general_topics: int = 2) -> list[str]:
    """The guide, one paragraph a line."""
    zh = "一二三四五六七八九十"
    out = ["宜昌市科学技术局", "宜科发〔2024〕12号", "关于印发2024年宜昌市软科学研究项目申报指南的通知",
           "各县市区科技局、各有关单位：", "现将《2024年宜昌市软科学研究项目申报指南》印发给你们，请认真组织申报。",
           "一、重点方向", "每项资助经费不超过10万元，执行期限18个月。"]
    for i in range(key_topics):
        subject = SUBJECTS[i % len(SUBJECTS)]
        n = zh[i] if i < 10 else str(i + 1)
        out += [f"方向{n}：宜昌市{subject}路径研究", "研究内容：" + CONTENT_A.format(x=subject),
                f"预期成果：形成《宜昌市{subject}路径研究报告》1份。"]
    out += ["二、一般课题"]
    for i in range(general_topics):
        subject = SUBJECTS[(i + 5) % len(SUBJECTS)]
        out += [f"课题{i + 1} 宜昌市{subject}对策研究", "主要研究内容：" + CONTENT_A.format(x=subject),
                "执行期限：2024年7月1日至2025年6月30日", "经费：每项定额资助3万元"]
    out += ["三、申报要求", "1、申报单位应为在宜昌市注册的独立法人单位。", "2、项目负责人同年度限报1项。",
            "四、申报时间", "申报时间为2024年5月6日9:00至2024年5月31日17:00。",
            "五、联系方式", "联系人：张敏，电话：0717-6221234", "宜昌市科学技术局", "2024年4月20日"]
    return out


def text(key_topics: int = 2, general_topics: int = 2) -> str:
    return "\n".join(paragraphs(key_topics, general_topics)) + "\n"


def web_page(paras: list[str]) -> str:
    """The guide as a bureau's article page: navigation, breadcrumbs, spans that cut words, &nbsp;, footer."""
    body = []
    for p in paras:
        escaped = html.escape(p)
        if len(p) > 12:  # a styling span cutting a word, and a non-breaking space after a full stop
            escaped = escaped[:5] + '<span style="font-family:仿宋">' + escaped[5:9] + "</span>" + escaped[9:]
        body.append(f"<p style='text-indent:2em'>{escaped.replace('。', '。&nbsp;')}</p>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>通知公告 - 宜昌市科学技术局</title>"
            "<script>var _hmt = _hmt || [];</script></head><body>"
            "<div class='header'><a href='/'>首页</a> <a href='/xxgk/'>信息公开</a> <a href='/tzgg/'>通知公告</a></div>"
            "<nav><ul><li><a href='/'>机构概况</a></li><li><a href='/'>政策法规</a></li><li><a href='/'>科技计划</a></li></ul></nav>"
            "<div class='breadcrumb'>当前位置：首页 &gt; 通知公告</div>"
            "<div class='article'><h1>" + html.escape(paras[2]) + "</h1>"
            "<div class='info'>发布时间：2024-04-22 来源：宜昌市科学技术局</div>"
            "<div class='TRS_Editor'>" + "".join(body[:2] + body[3:]) + "</div></div>"
            "<div class='share'>分享到：微信 微博</div>"
            "<div class='footer'><p>主办：宜昌市科学技术局 地址：宜昌市沿江大道 电话：0717-6220000</p>"
            "<p>鄂ICP备00000000号-1 鄂公网安备 42050000000000号</p></div></body></html>")


def print_page(paras: list[str], look_alikes: bool = True) -> str:
    """HTML for printing to PDF: a running head and `— N —` page numbers come from Chromium's templates.

    With look_alikes, some 一 become the Kangxi radical ⼀ and some digits full-width, as PDF fonts do.
    """
    def damage(p: str) -> str:
        if not look_alikes:
            return p
        return p.replace("一", "⼀").replace("10万元", "１０万元").replace("18个月", "１８个月")

    body = "".join(f"<p>{html.escape(damage(p))}</p>" for p in paras)
    return ("<!doctype html><html><head><meta charset='utf-8'><style>"
            "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:16pt;line-height:1.8}"
            "p{margin:0 0 .4em;text-indent:2em}</style></head><body>" + body + "</body></html>")


HEADER = "<div style='font-size:9pt;width:100%;text-align:center;font-family:Noto Sans CJK SC'>宜昌市科学技术局文件</div>"
FOOTER = ("<div style='font-size:9pt;width:100%;text-align:center;font-family:Noto Sans CJK SC'>"
          "— <span class='pageNumber'></span> —</div>")


def pdf(paras: list[str], path: Path, look_alikes: bool = True) -> Path:
    """Print the guide to PDF with Debian's Chromium (Playwright), with a running head and page numbers."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = _browser_page(pw)
        page.set_content(print_page(paras, look_alikes))
        page.pdf(path=str(path), format="A4", display_header_footer=True, header_template=HEADER,
                 footer_template=FOOTER, margin={"top": "25mm", "bottom": "25mm", "left": "20mm", "right": "20mm"})
        browser.close()
    return path


def source_page(text: str, header_rows: bool = False) -> str:
    """HTML printing a source text the way a bureau's Word export looks: each line a paragraph with its
    first line indented, each run of tab-separated rows a ruled table (a cell's `<p>` marks its
    paragraphs), stray markup shown as the reader sees it (gone). With header_rows, a table's first row
    is its header, which the browser repeats on every page the table runs onto."""
    from .clean import _BLOCK_TAGS, _TABLE_TAGS, tidy

    def cell(c: str) -> str:
        paras = [tidy(p) for p in _BLOCK_TAGS.split(_TABLE_TAGS.sub(" ", c))]
        return "".join(f"<p>{html.escape(p)}</p>" for p in paras if p)

    body, rows = [], []
    for line in text.replace("\r\n", "\n").split("\n") + [""]:
        if "\t" in line and len([c for c in line.split("\t") if c.strip()]) >= 2:
            rows.append("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in line.split("\t")) + "</tr>")
            continue
        if rows:
            head = f"<thead>{rows.pop(0)}</thead>" if header_rows else ""
            body.append(f"<table>{head}<tbody>" + "".join(rows) + "</tbody></table>")
            rows = []
        t = tidy(line)
        if t:
            body.append(f"<p>{html.escape(t)}</p>")
    return ("<!doctype html><html><head><meta charset='utf-8'><style>"
            "body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;font-size:14pt;line-height:1.6}"
            "body>p{margin:0 0 .3em;text-indent:2em}table{border-collapse:collapse;width:100%;margin:.5em 0}"
            "td{border:1px solid #000;padding:2pt 5pt;vertical-align:top;font-size:12pt}td p{margin:0}"
            "</style></head><body>" + "".join(body) + "</body></html>")


def print_html(pages: list[tuple]) -> None:
    """Print each (HTML, path) to an A4 PDF with a running head and `— N —` page numbers, in one browser.
    An item (HTML, path, header, footer) gives its own header and footer templates."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = _browser_page(pw)
        for markup, path, *templates in pages:
            header, footer = templates if templates else (HEADER, FOOTER)
            page.set_content(markup)
            page.pdf(path=str(path), format="A4", display_header_footer=True, header_template=header,
                     footer_template=footer, margin={"top": "25mm", "bottom": "25mm", "left": "20mm", "right": "20mm"})
        browser.close()


def _browser_page(pw, **kwargs):
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox", "--disable-gpu"])
    return browser, browser.new_page(**kwargs)


def scan_pdf(paras: list[str], path: Path) -> Path:
    """The guide as a picture in a PDF (no text layer), like a scanned paper copy."""
    import base64

    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = _browser_page(pw, viewport={"width": 900, "height": 1200}, device_scale_factor=2)
        page.set_content(print_page(paras, look_alikes=False))
        png = base64.b64encode(page.screenshot(full_page=True)).decode()
        page.set_content(f"<img style='width:100%' src='data:image/png;base64,{png}'>")
        page.pdf(path=str(path), format="A4")
        browser.close()
    return path


def shapes_pdf(path: Path) -> Path:
    """A PDF page of shapes and no text at all."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = _browser_page(pw)
        page.set_content("<svg width='600' height='800'><rect x='50' y='50' width='500' height='20'/>"
                         "<rect x='50' y='90' width='400' height='20'/></svg>")
        page.pdf(path=str(path))
        browser.close()
    return path


def main(argv=None) -> int:
    """`python -m generator.importer.sample KIND OUT [ARGS]`: print sample PDFs in a process of their own
    (Playwright's sync API cannot run inside another Playwright session, as in the browser tests).

    KIND pdf (ARGS: topics), scan, shapes, table (ARGS: topics, and `repeat` to repeat the header row on
    every page; rows tall as table_rows makes them), sources (OUT a folder, ARGS text files each printed to OUT/<stem>.pdf as source_page does)."""
    import sys

    kind, out, *rest = argv if argv is not None else sys.argv[1:]
    if kind == "sources":
        print_html([(source_page(Path(f).read_text(encoding="utf-8")), Path(out) / f"{Path(f).stem}.pdf") for f in rest])
        return 0
    topics = int(rest[0]) if rest else 2
    if kind == "table":
        print_html([(source_page(table_guide_text(topics, tall=True), header_rows="repeat" in rest), Path(out))])
        return 0
    paras = paragraphs(key_topics=topics // 2 or 1, general_topics=topics - (topics // 2 or 1) or 1)
    {"pdf": lambda: pdf(paras, Path(out)), "scan": lambda: scan_pdf(paragraphs(), Path(out)),
     "shapes": lambda: shapes_pdf(Path(out))}[kind]()
    return 0


TABLE_NOTICE = ["宜昌市科学技术局", "宜科发〔2024〕13号", "关于发布2024年宜昌市科技创新智库课题申报指南的通知",
                "各有关单位：", "现发布2024年宜昌市科技创新智库课题申报指南，请按要求申报。",
                "一、申报要求", "1、申报单位应为在宜昌市注册的独立法人单位。", "2、每个单位限报2项。",
                "二、申报时间", "网上申报时间：2024年6月3日至2024年6月28日。",
                "宜昌市科学技术局", "2024年5月20日", "附件", "2024年宜昌市科技创新智库课题指南"]
TABLE_HEAD = ["序号", "题目", "研究内容", "资助额度（万元）", "联系人"]


def table_rows(topics: int = 4, tall: bool = False) -> list[list[str]]:
    """The attachment table's rows after its header: 序号 | 题目 | 研究内容 | 经费 | 联系人. With tall,
    every third topic's 研究内容 is three numbered paragraphs (`<p>` between them), so rows run long."""
    zh = "一二三四五六七八九十"
    rows = []
    for i in range(1, topics + 1):
        subject = SUBJECTS[(i - 1) % len(SUBJECTS)]
        content = CONTENT_A.format(x=subject)
        if tall and i % 3 == 0:
            content = "<p>".join(f"{k}.{CONTENT_A.format(x=SUBJECTS[(i + k) % len(SUBJECTS)])}" for k in (1, 2, 3))
        rows.append([str(i), f"宜昌市{subject}研究", content, "不超过5", f"政策法规科 李{zh[(i - 1) % 10]}明 0717-622{i:04d}"])
    return rows


def table_guide_text(topics: int = 4, tall: bool = False) -> str:
    """The notice with its attachment table as text, a row a line with tab-separated cells."""
    return "\n".join(TABLE_NOTICE + ["\t".join(r) for r in [TABLE_HEAD, *table_rows(topics, tall)]]) + "\n"


def docx_with_table(path: Path, topics: int = 4, tall: bool = False) -> Path:
    """A .docx notice whose topics are rows of a table in the attachment (序号 | 题目 | 研究内容 | 经费 | 联系人)."""
    import docx

    d = docx.Document()
    for p in TABLE_NOTICE:
        d.add_paragraph(p)
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, TABLE_HEAD):
        cell.text = head
    for values in table_rows(topics, tall):
        for cell, value in zip(table.add_row().cells, values):
            first, *more = value.split("<p>")
            cell.text = first
            for p in more:  # a paragraph of its own in the cell
                cell.add_paragraph(p)
    d.save(path)
    return path


if __name__ == "__main__":
    raise SystemExit(main())
