"""The readers, each by its model: a file of every format built here, read into a Document, compared as
a tree dump (Document.dump(): kind, level, layer, marker, text; tables with header marks and spans).

Also: several files as one publication, a folder in natural name order, hostile zips cheap (every
member streamed under hard caps, headers that understate a size included), and `make import` taking
file names with quotes, backticks, `$` and spaces as data, never as shell.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, copy_content
from reader_files import bomb, docx, lvl, ofd, p, tc, tr
from generator.importer.read import ImportFailure, read

NUMBERING = (
    '<w:abstractNum w:abstractNumId="10">' + lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
    + lvl(2, "decimal", "%3.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="11">' + lvl(0, "decimalEnclosedCircle", "%1") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="12">' + lvl(0, "ideographTraditional", "%1.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="13">' + lvl(0, "decimalFullWidth", "%1.") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="14">' + lvl(0, "decimal", "%1") + lvl(1, "decimal", "%1.%2") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="15">' + lvl(0, "decimal", "（%1）") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="16">' + lvl(0, "bullet", "•") + "</w:abstractNum>"
    + "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="{9 + i}"/></w:num>' for i in range(1, 8))
)
LIST_STYLE = ('<w:style w:type="paragraph" w:styleId="ZhList"><w:name w:val="Zh List"/><w:pPr><w:numPr>'
              '<w:numId w:val="6"/></w:numPr></w:pPr></w:style>')


def word_file(path: Path) -> Path:
    body = "".join([
        p("2025年深圳市软科学研究项目申报指南", "Title"),
        p("联系电话：0755-88101234"), p("系统技术支持：0755-88102222"),
        p("支持方向", "Heading1", (1, 0)), p("重点项目", num=(1, 1)), p("甲研究", num=(1, 2)), p("乙研究", num=(1, 2)),
        p("一般项目", num=(1, 1)), p("丙研究", num=(1, 2)), p("申报要求", "Heading1", (1, 0)),
        p("圈一", num=(2, 0)), p("圈二", num=(2, 0)), p("天干", num=(3, 0)), p("全角", num=(4, 0)),
        p("大纲", num=(5, 0)), p("大纲一", num=(5, 1)), p("大纲二", num=(5, 1)),
        p("样式编号", "ZhList"), p("项目符号", num=(7, 0)),
        "<w:sdt><w:sdtPr/><w:sdtContent>" + p("内容控件中的段落") + "</w:sdtContent></w:sdt>",
        "<w:tbl>" + tr(tc("序号"), tc("题目"), tc("经费"), header=True)
        + tr(tc("1"), tc("甲课题|研究内容：甲。"), tc("不超过5万元", vmerge="restart"))
        + tr(tc("2"), tc("乙课题"), tc("", vmerge="continue"))
        + tr(tc("合计", span=2), before=1) + "</w:tbl>",
    ])
    return docx(path, body, numbering=NUMBERING, styles=LIST_STYLE, header=p("深圳市科技创新局文件"),
                footer=p("— 1 —"), title="属性中的标题")


def test_docx_model(tmp_path):
    doc = read([word_file(tmp_path / "指南.docx")])
    assert doc.dump() == textwrap.dedent("""\
        part 指南.docx (docx)
          paragraph [furniture] 深圳市科技创新局文件
          title 2025年深圳市软科学研究项目申报指南
          paragraph 联系电话：0755-88101234
          paragraph 系统技术支持：0755-88102222
          heading L1 [一、] 支持方向
          list_item L1 [（一）] 重点项目
          list_item L2 [1.] 甲研究
          list_item L2 [2.] 乙研究
          list_item L1 [（二）] 一般项目
          list_item L2 [1.] 丙研究
          heading L1 [二、] 申报要求
          list_item L0 [①] 圈一
          list_item L0 [②] 圈二
          list_item L0 [甲.] 天干
          list_item L0 [１.] 全角
          list_item L0 [1] 大纲
          list_item L1 [1.1] 大纲一
          list_item L1 [1.2] 大纲二
          list_item L0 [（1）] 样式编号
          list_item L0 项目符号
          paragraph 内容控件中的段落
          table 4×3
            | *序号 | *题目 | *经费
            | 1 | 甲课题 / 研究内容：甲。 | 不超过5万元 <2x1>
            | 2 | 乙课题
            | 合计 <1x2>""") + "\n  paragraph [furniture] — 1 —"
    part = doc.parts[0]
    assert part.title_hints == ["属性中的标题"]
    table = next(n for n in part.nodes if n.kind == "table")
    assert [(c.row, c.col) for c in table.rows[3]] == [(3, 1)]  # gridBefore: the row starts in the second column
    assert table.rows[1][1].paragraphs == ["甲课题", "研究内容：甲。"]  # a cell's paragraphs are never joined


def test_docx_written_by_python_docx_keeps_line_breaks_and_style_numbering(tmp_path):
    import docx as python_docx

    d = python_docx.Document()
    run = d.add_paragraph().add_run("2025年宜昌市软科学研究")
    run.add_break()
    run.add_text("项目申报指南")
    d.add_paragraph("宜昌市甲研究", style="List Number")
    d.add_paragraph("宜昌市乙研究", style="List Number")
    d.add_heading("二级标题", level=2)
    d.save(tmp_path / "n.docx")
    assert read([tmp_path / "n.docx"]).dump() == textwrap.dedent("""\
        part n.docx (docx)
          paragraph 2025年宜昌市软科学研究
        项目申报指南
          list_item L0 [1.] 宜昌市甲研究
          list_item L0 [2.] 宜昌市乙研究
          heading L2 二级标题""")


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于申报2025年项目的通知_宜昌市科学技术局</title>
<script>var _hmt = 1;</script><style>.x{}</style></head><body>
<div class="header"><a href="/">首页</a><a>机构概况</a></div>
<nav><ul><li>通知公告</li></ul></nav>
<h1>关于申报2025年宜昌市软科学研究项目的通知</h1>
<div class="breadcrumb">当前位置：首页 &gt; 通知公告</div>
<div id="zoom" class="article-body">
<p class="meta">发布时间：2025-03-01 来源：宜昌市科学技术局</p>
<p>各有关单位：为做好2025年宜昌市软科学研究项目申报工作，现将有关事项通知如下。项目申报工作按照公开、公平、公正的原则组织实施，请各单位认真组织申报，确保申报材料真实准确。申报单位应为在宜昌市注册的独立法人单位。</p>
<h2>一、支持方向</h2>
<h3>（一）重点项目</h3>
<ol><li>宜昌市绿色化工研究</li><li>宜昌市文旅融合研究<ol><li>子项甲</li></ol></li></ol>
<ul><li>不编号的条目</li></ul>
<p>实体只解码一次：&amp;lt;不是标签&amp;gt; A&amp;B</p>
<div style="display:none">隐藏的文字</div>
<table><thead><tr><th>序号</th><th>题目</th><th>经费</th></tr></thead>
<tbody><tr><td>1</td><td><p>甲课题</p><p>研究内容：甲。</p></td><td rowspan="2">不超过5万元</td></tr>
<tr><td>2</td><td>乙课题</td></tr><tr><td colspan="2">合计</td><td>10</td></tr></tbody></table>
<div class="share">分享到：微信</div>
</div>
<div class="footer">版权所有 ICP备案</div></body></html>"""


def test_html_model(tmp_path):
    (tmp_path / "通知.html").write_text(PAGE, encoding="utf-8")
    doc = read([tmp_path / "通知.html"])
    assert doc.dump() == textwrap.dedent("""\
        part 通知.html (html)
          paragraph [furniture] 首页机构概况
          list_item L0 [furniture] 通知公告
          title L1 [furniture] 关于申报2025年宜昌市软科学研究项目的通知
          paragraph [furniture] 当前位置：首页 > 通知公告
          paragraph [furniture] 发布时间：2025-03-01 来源：宜昌市科学技术局
          paragraph 各有关单位：为做好2025年宜昌市软科学研究项目申报工作，现将有关事项通知如下。项目申报工作按照公开、公平、公正的原则组织实施，请各单位认真组织申报，确保申报材料真实准确。申报单位应为在宜昌市注册的独立法人单位。
          heading L2 一、支持方向
          heading L3 （一）重点项目
          list_item L0 [1.] 宜昌市绿色化工研究
          list_item L0 [2.] 宜昌市文旅融合研究
          list_item L1 [1.] 子项甲
          list_item L0 不编号的条目
          paragraph 实体只解码一次：&lt;不是标签&gt; A&B
          paragraph [furniture] 隐藏的文字
          table 4×3
            | *序号 | *题目 | *经费
            | 1 | 甲课题 / 研究内容：甲。 | 不超过5万元 <2x1>
            | 2 | 乙课题
            | 合计 <1x2> | 10
          paragraph [furniture] 分享到：微信
          paragraph [furniture] 版权所有 ICP备案""")
    part = doc.parts[0]
    assert part.title_hints == ["关于申报2025年项目的通知_宜昌市科学技术局", "关于申报2025年宜昌市软科学研究项目的通知"]
    assert next(n for n in part.nodes if n.text.startswith("发布时间")).where == "page meta"
    assert "_hmt" not in doc.dump() and ".x{}" not in doc.dump()  # scripts and styles are not text


TEXT = ("2025年宜昌市软科学研究项目申报指南\r\n\u3000\u3000一、支持方向\r\n\u3000\u3000申报单位应为在宜昌市注册的独立法人单位。\r\n"
        "序号\t题目\r\n1\t甲研究\r\n\u3000\u3000\u3000\u3000宜昌市科学技术局\r\n")
TEXT_DUMP = """\
part guide.txt (txt)
  paragraph 2025年宜昌市软科学研究项目申报指南
  paragraph 一、支持方向
  paragraph 申报单位应为在宜昌市注册的独立法人单位。
  table 2×2
    | *序号 | *题目
    | 1 | 甲研究
  paragraph 宜昌市科学技术局"""
BIG5 = {"软科学研究项目申报指南": "軟科學研究項目申報指南", "申报单位应为在宜昌市注册的独立法人单位": "申報單位應為在宜昌市註冊的獨立法人單位",
        "序号": "序號", "题目": "題目", "科学技术局": "科學技術局"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk", "big5"])
def test_text_in_any_chinese_encoding_with_ideographic_space_indents(encoding, tmp_path):
    text, expected = TEXT, TEXT_DUMP
    if encoding == "big5":
        for simplified, traditional in BIG5.items():
            text, expected = text.replace(simplified, traditional), expected.replace(simplified, traditional)
    (tmp_path / "guide.txt").write_bytes(text.encode(encoding))
    part = read([tmp_path / "guide.txt"]).parts[0]
    assert read([tmp_path / "guide.txt"]).dump() == expected
    assert [n.indent for n in part.nodes] == [0, 1, 1, 0, 2]  # U+3000 indents are text, kept as indentation
    assert part.notes == [f"encoding {'gb18030' if encoding == 'gbk' else encoding}"]


MARKDOWN = """# 2025年宜昌市软科学研究项目申报指南

## 一、支持方向

各有关单位：
现将有关事项通知如下。

1. 宜昌市绿色化工研究
2. 宜昌市文旅融合研究
   - 子项甲

| 序号 | 题目 | 研究内容 |
|---|---|---|
| 1 | 甲课题 | 研究甲。<br>形成报告。 |
| 2 | 乙课题 | 研究乙。 |

实体一次：&amp;lt;
"""


def test_markdown_model(tmp_path):
    (tmp_path / "附件.md").write_text(MARKDOWN, encoding="gb18030")
    assert read([tmp_path / "附件.md"]).dump() == textwrap.dedent("""\
        part 附件.md (md)
          title L1 2025年宜昌市软科学研究项目申报指南
          heading L2 一、支持方向
          paragraph 各有关单位：
        现将有关事项通知如下。
          list_item L0 [1.] 宜昌市绿色化工研究
          list_item L0 [2.] 宜昌市文旅融合研究
          list_item L1 子项甲
          table 3×3
            | *序号 | *题目 | *研究内容
            | 1 | 甲课题 | 研究甲。 / 形成报告。
            | 2 | 乙课题 | 研究乙。
          paragraph 实体一次：&lt;""")


def workbook(path: Path, *, empty: bool = False) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总表"
    if not empty:
        ws["A1"] = "2025年宜昌市软科学研究项目汇总表"
        ws.merge_cells("A1:D1")
        ws.append(["序号", "题目", "研究内容", "经费（万元）"])
        ws.append([1, "甲课题", "研究甲。\n形成报告。", 5])
        ws.append([2, "乙课题", "研究乙。", None])
        ws.merge_cells("D3:D4")
        ws["F2"], ws["F3"] = "备注", "单独一列"
        ws["A7"] = "联系人：张三"
        wb.create_sheet("说明")["B2"] = "填表说明：按要求填写。"
        wb.create_sheet("空表")
    wb.save(path)
    return path


def test_spreadsheet_model(tmp_path):
    doc = read([workbook(tmp_path / "附件2 汇总表.xlsx")])
    assert doc.dump() == textwrap.dedent("""\
        part 附件2 汇总表.xlsx (xlsx)
          heading L1 汇总表
          paragraph 2025年宜昌市软科学研究项目汇总表
          table 3×4
            | *序号 | *题目 | *研究内容 | *经费（万元）
            | 1 | 甲课题 | 研究甲。 / 形成报告。 | 5 <2x1>
            | 2 | 乙课题 | 研究乙。
          paragraph 备注
          paragraph 单独一列
          paragraph 联系人：张三
          heading L1 说明
          paragraph 填表说明：按要求填写。""")
    part = doc.parts[0]
    assert [n.where for n in part.nodes] == ["汇总表", "汇总表!A1:D1", "汇总表!A2:D4", "汇总表!F2", "汇总表!F3",
                                             "汇总表!A7", "说明", "说明!B2"]
    assert part.notes == ["sheet 空表 is empty"]


def test_ofd_says_to_save_it_as_pdf(tmp_path):
    with pytest.raises(ImportFailure, match="OFD reader .* save it as PDF"):
        read([ofd(tmp_path / "guide.ofd")])
    (tmp_path / "fake.ofd").write_bytes(b"PK\x03\x04" + b"\0" * 200)
    with pytest.raises(ImportFailure, match="not a valid .ofd|not an OFD"):
        read([tmp_path / "fake.ofd"])


def test_several_files_are_one_document_and_a_folder_reads_in_natural_order(tmp_path):
    folder = tmp_path / "publication"
    folder.mkdir()
    (folder / "通知.html").write_text(PAGE, encoding="utf-8")
    word_file(folder / "附件1 指南.docx")
    workbook(folder / "附件2 汇总表.xlsx")
    for n in (9, 10):
        (folder / f"附件{n}.txt").write_text(f"附件{n}的正文。", encoding="utf-8")
    (folder / "说明.pdf.bak").write_text("不是要读的文件", encoding="utf-8")
    given = [folder / "通知.html", folder / "附件1 指南.docx", folder / "附件2 汇总表.xlsx"]
    assert [(p.name, p.fmt) for p in read(given).parts] == [("通知.html", "html"), ("附件1 指南.docx", "docx"),
                                                           ("附件2 汇总表.xlsx", "xlsx")]
    assert [p.name for p in read([folder]).parts] == ["通知.html", "附件1 指南.docx", "附件2 汇总表.xlsx", "附件9.txt",
                                                      "附件10.txt"]  # 通 (U+901A) sorts before 附 (U+9644)
    text = read([folder]).source_text()
    assert "==== 附件10.txt ====\n附件10的正文。" in text
    with pytest.raises(ImportFailure) as failed:
        read([folder / "通知.html", folder / "附件3.docx"])
    assert failed.value.path == folder / "附件3.docx" and "no such file" in str(failed.value)


def test_format_told_by_content_before_extension(tmp_path):
    word_file(tmp_path / "guide.pdf")  # a .docx named .pdf
    assert read([tmp_path / "guide.pdf"]).parts[0].fmt == "docx"
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    assert read([tmp_path / "page.txt"]).parts[0].fmt == "html"


READ_AND_MEASURE = """
import sys, time
from pathlib import Path
from generator.importer.read import ImportFailure, read
for name in sys.argv[1:]:
    started = time.monotonic()
    try:
        read([Path(name)])
        message = "read"
    except ImportFailure as exc:
        message = str(exc)
    hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))  # peak so far (ru_maxrss survives exec)
    print(round(time.monotonic() - started, 2), int(hwm.split()[1]) // 1024, message)
"""
HOSTILE = {"big": "more than 64 MB (a zip bomb?)", "many": "more than 200 MB (a zip bomb?)",
           "kept": "more than 32 MB (a zip bomb?)", "understated": "does not unpack as its header says"}


@pytest.mark.parametrize("kind", ["docx", "xlsx", "ofd"])
def test_hostile_zips_stop_early_whatever_the_headers_say(kind, tmp_path):
    """Every member is inflated as a stream and counted: a member past 64 MB (256 MB, headers honest), all past
    200 MB (4 × 60 MB), a part the reader parses past 32 MB (100 MB), or a parsed part whose local and central
    headers understate it (claim 1000 bytes) stops with one line, within a bounded peak memory (printed with
    the time, run with -s to see them; speed is measured, not asserted)."""
    files = []
    for how in HOSTILE:
        files.append(tmp_path / f"{how}.{kind}")
        files[-1].write_bytes(bomb(kind, how))
    done = subprocess.run([sys.executable, "-c", READ_AND_MEASURE, *map(str, files)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    results = done.stdout.strip().splitlines()
    assert len(results) == len(HOSTILE), done.stderr
    for how, line in zip(HOSTILE, results):
        seconds, peak_mb, message = line.split(" ", 2)
        print(f"{kind} {how}: {seconds} s, peak {peak_mb} MB: {message}")
        assert HOSTILE[how] in message, message
        assert int(peak_mb) < 300


def _make_import(content: Path, file_value: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-s", "-C", str(ROOT), "import", f"FILE={file_value}",
                           f"CONTENT={content}"], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_make_import_takes_file_names_as_data_never_as_shell(tmp_path):
    from generator.importer import sample

    content = copy_content(tmp_path)
    name = "guide `touch MARK-backtick` $(touch MARK-dollar) \"q' $$HOME\nline two.txt"
    src = tmp_path / name
    src.write_text(sample.text(), encoding="utf-8")
    done = _make_import(content, str(src), tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    for where in (tmp_path, ROOT):
        assert not list(where.glob("MARK-*")), "a file name ran as a shell command"


def test_make_import_several_files_each_must_exist(tmp_path):
    content = copy_content(tmp_path)
    (tmp_path / "notice.txt").write_text("通知", encoding="utf-8")
    done = _make_import(content, f"{tmp_path / 'notice.txt'} {tmp_path / 'attachment.docx'}", tmp_path)
    assert done.returncode != 0
    lines = [l for l in done.stderr.strip().splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", l)]  # make's own
    assert len(lines) == 1 and "attachment.docx" in lines[0] and "does not exist" in lines[0], done.stderr
    assert lines[0].endswith("nothing was written")


def test_make_import_a_notice_and_its_spreadsheet_attachment_as_one_publication(tmp_path):
    """The notice as a web page (document number, window) and its topics in an .xlsx attachment (a merged
    title row above the table): one draft from both, given as two files and as their folder."""
    import openpyxl

    from generator.importer import sample
    from generator.loader import read_yaml

    folder = tmp_path / "publication"
    folder.mkdir()
    (folder / "通知.html").write_text(sample.web_page(sample.TABLE_NOTICE[:-2]), encoding="utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = sample.TABLE_NOTICE[-1]
    ws.merge_cells("A1:E1")
    for row in [sample.TABLE_HEAD, *sample.table_rows(4)]:
        ws.append(row)
    wb.save(folder / "附件1.xlsx")
    for given in (f"{folder / '通知.html'} {folder / '附件1.xlsx'}", str(folder)):
        content = copy_content(tmp_path / str(len(given)))
        done = _make_import(content, given, tmp_path)
        assert done.returncode == 0, done.stderr
        path = Path(done.stdout.split("wrote ", 1)[1].split("\n", 1)[0].strip())
        guide = read_yaml(path if path.is_absolute() else ROOT / path, display="draft").data
        assert guide["doc_number"] == "宜科发〔2024〕13号"
        assert guide["window"]["opens"] == "2024-06-03" and guide["window"]["closes"] == "2024-06-28"
        topics = guide["tracks"][0]["topics"]
        assert [t["title"] for t in topics] == [f"宜昌市{s}研究" for s in sample.SUBJECTS[:4]]
        assert topics[1]["contacts"] == [{"office": "政策法规科", "person": "李二明", "phone": "0717-6220002"}]


def test_doc_through_antiword_model(tmp_path, monkeypatch):
    """No .doc can be written here, so a stand-in antiword on PATH prints what antiword prints for one; its
    `| cell | cell |` lines become a table."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "out.txt").write_text("2025年宜昌市软科学研究项目申报指南\n\n  一、支持方向\n| 序号 | 题目 |\n| 1 | 甲研究 |\n",
                                      encoding="utf-8")
    stub = bin_dir / "antiword"
    stub.write_text(f"#!/bin/sh\ncat '{tmp_path / 'out.txt'}'\n", encoding="utf-8")
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    doc = read([tmp_path / "old.doc"])
    assert doc.dump() == textwrap.dedent("""\
        part old.doc (doc)
          paragraph 2025年宜昌市软科学研究项目申报指南
          paragraph 一、支持方向
          table 2×2
            | *序号 | *题目
            | 1 | 甲研究""")
    assert doc.parts[0].notes == ["read with antiword"]


def test_pdf_lines_glued_as_the_document_spaces_latin_and_chinese():
    """A PDF keeps no space at a line break: between a digit and a Chinese character one is put back only
    when the document writes them spaced elsewhere ("成果 1 项"); Latin words always get one."""
    from generator.importer.readers.pdf import _glue

    assert _glue("形成研究成果 1", "项、分项成果", spaced=True) == "形成研究成果 1 项、分项成果"
    assert _glue("形成研究成果1", "项", spaced=False) == "形成研究成果1项"
    assert _glue("拨付剩余", "50%。", spaced=True) == "拨付剩余 50%。"
    assert _glue("open the", "file", spaced=False) == "open the file"
    assert _glue("研究内容：", "梳理", spaced=True) == "研究内容：梳理"


def test_pdf_ruled_table_model_with_a_merged_cell(tmp_path):
    """A ruled table drawn on a PDF page (a cell over two columns: its inner rule missing in that row) is a
    table node, the first row its header, the merged cell one cell spanning two columns."""
    import ctypes
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)

    def line(x0, y0, x1, y1):
        p = c.FPDFPageObj_CreateNewPath(x0, y0)
        c.FPDFPath_LineTo(p, x1, y1)
        c.FPDFPath_SetDrawMode(p, c.FPDF_FILLMODE_NONE, True)
        c.FPDFPage_InsertObject(page.raw, p)

    def text(x, y, s):
        obj = c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 12.0)
        raw = (s + "\0").encode("utf-16-le")
        c.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(raw, len(raw)), c.FPDF_WIDESTRING))
        c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        c.FPDFPage_InsertObject(page.raw, obj)

    for y in (700, 650, 600, 550):
        line(100, y, 400, y)
    for x in (100, 200, 400):
        line(x, 700, x, 550)
    line(300, 700, 300, 650)  # the rule between the second and third column: not in the middle row
    line(300, 600, 300, 550)
    for x, y, s in ((110, 670, "Number"), (210, 670, "Title"), (310, 670, "Funds"), (110, 620, "1"),
                    (210, 620, "One merged cell"), (110, 570, "2"), (210, 570, "Second"), (310, 570, "Five")):
        text(x, y, s)
    c.FPDFPage_GenerateContent(page.raw)
    buf = io.BytesIO()
    pdf.save(buf)
    pdf.close()
    (tmp_path / "table.pdf").write_bytes(buf.getvalue())
    assert read([tmp_path / "table.pdf"]).dump() == textwrap.dedent("""\
        part table.pdf (pdf)
          table 3×3
            | *Number | *Title | *Funds
            | 1 | One merged cell <1x2>
            | 2 | Second | Five""")


def test_html_whitespace_and_line_breaks_as_a_browser_shows_them(tmp_path):
    """Source line breaks are whitespace (none between Chinese characters), <br> a line break in the paragraph,
    and in a table cell a paragraph break."""
    (tmp_path / "p.html").write_text(
        "<html><body><article><p>各有关单位：为做好\n  申报工作，现通知如下。Open\n  data</p><p>第一行<br>第二行</p>"
        "<table><tr><td>1.甲；<br/>2.乙。</td></tr></table></article></body></html>", encoding="utf-8")
    assert read([tmp_path / "p.html"]).dump() == textwrap.dedent("""\
        part p.html (html)
          paragraph 各有关单位：为做好申报工作，现通知如下。Open data
          paragraph 第一行
        第二行
          table 1×1
            | 1.甲； / 2.乙。""")


def test_html_article_inside_a_layout_table(tmp_path):
    """A page laid out with a table (`<table><tr><td><div class=article>`) and Word's paragraphs pasted in
    (class=MsoNormal, <o:p>): the article is read as the body, its own data table stays a table."""
    page = ("<html><body><div class='nav'><a href='/'>首页</a></div><table width='100%'><tr><td class='bt_content'>"
            "<div class='article'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>2025年宜昌市软科学研究项目"
            "申报指南</span><o:p></o:p></p><p class=MsoNormal>一、研究方向<o:p></o:p></p>"
            "<p class=MsoNormal>为做好2025年宜昌市软科学研究项目申报工作，现将有关事项通知如下，请各单位认真组织申报，"
            "确保申报材料真实准确，申报单位应为在宜昌市注册的独立法人单位。<o:p></o:p></p>"
            "<table><tr><th>序号</th><th>题目</th></tr><tr><td>1</td><td>甲课题</td></tr></table>"
            "</div></td></tr></table></body></html>")
    (tmp_path / "指南.html").write_text(page, encoding="utf-8")
    dump = read([tmp_path / "指南.html"]).dump()
    assert "  paragraph 2025年宜昌市软科学研究项目申报指南\n" in dump and "  paragraph 一、研究方向\n" in dump
    assert "table 2×2" in dump and "[furniture] 2025年" not in dump
