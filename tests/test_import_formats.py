"""`make import` on a .docx, a .pdf, an .html and a GB18030 .txt guide writes drafts that pass the checker and build.

Every fixture is made here: the .docx by python-docx, the PDF by printing HTML with Debian's Chromium
(with a running head, `— N —` page numbers, Kangxi radicals and full-width digits), the web page with
navigation, breadcrumbs, styling spans, &nbsp; and a footer, the text file in GB18030 with CRLF.
Each is imported with `make import … CONTENT=<a copy of content/>`, then checked and generated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_content
from generator.build import generate, load_site
from generator.importer import sample
from generator.loader import read_yaml

E = sample.EXPECTED


def print_sample(kind: str, out: Path, topics: int = 2) -> Path:
    """Print a sample PDF with Chromium in a process of its own (the browser tests hold Playwright here)."""
    subprocess.run([sys.executable, "-m", "generator.importer.sample", kind, str(out), str(topics)], check=True,
                   cwd=ROOT, timeout=300)
    return out


def make_import(content: Path, file: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-s", "import", f"FILE={file}", f"CONTENT={content}", *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def imported(content: Path, done: subprocess.CompletedProcess) -> dict:
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.split("wrote ", 1)[1].split("\n", 1)[0].strip())
    path = path if path.is_absolute() else ROOT / path
    assert path.is_file() and path.is_relative_to(content)
    return read_yaml(path, display=path.name).data


def builds(content: Path, tmp_path: Path) -> None:
    site = load_site(content)  # what make check runs
    assert len(site.guides) == 6
    generate(content, tmp_path / "docs")
    assert list((tmp_path / "docs" / "guides" / "yichang").rglob("*.md"))


def assert_sample_fields(guide: dict) -> None:
    assert guide["title"] == E["title"]
    assert guide["region"] == "yichang"
    assert guide["doc_number"] == E["doc_number"]
    assert guide["published"] == E["published"]
    assert {k: guide["window"][k] for k in ("opens", "closes")} == E["window"]
    key, general = guide["tracks"]
    assert key["funding"] == E["track_funding"] and key["duration"] == E["track_duration"]
    assert [t["number"] for t in key["topics"]] == ["方向一", "方向二"]
    assert [t["number"] for t in general["topics"]] == ["课题1", "课题2"]
    assert general["topics"][0]["funding"] == E["topic_funding"]
    assert general["topics"][1]["duration"] == E["topic_duration"]
    assert guide["contacts"] == [E["contact"]]
    assert key["topics"][0]["title"] == "宜昌市绿色化工产业转型升级路径研究"
    assert key["topics"][0]["content"] == [sample.CONTENT_A.format(x="绿色化工产业转型升级")]  # one paragraph, whole
    assert general["topics"][1]["content"] == [sample.CONTENT_A.format(x=sample.SUBJECTS[6])]
    assert key["topics"][0]["deliverables"] == ["形成《宜昌市绿色化工产业转型升级路径研究报告》1份。"]


def test_gb18030_text_with_crlf(tmp_path):
    content = copy_content(tmp_path)
    src = tmp_path / "guide.txt"
    src.write_bytes(sample.text().replace("\n", "\r\n").encode("gb18030"))
    guide = imported(content, make_import(content, src))
    assert_sample_fields(guide)
    regions = read_yaml(content / "regions.yml", display="regions.yml").data
    assert {"slug": "yichang", "zh": "宜昌", "en": "Yichang", "kind": "city"} in regions
    saved = (content / guide["source"]["file"]).read_text(encoding="utf-8")
    assert "宜科发〔2024〕12号" in saved and "\r" not in saved
    builds(content, tmp_path)


def test_web_page_with_navigation_and_footer(tmp_path):
    content = copy_content(tmp_path)
    src = tmp_path / "notice.html"
    src.write_text(sample.web_page(sample.paragraphs()), encoding="utf-8")
    url = "https://kjj.yichang.gov.cn/tzgg/2024/0422/1.html"
    guide = imported(content, make_import(content, src, "REGION=宜昌", "YEAR=2024", f"URL={url}"))
    assert_sample_fields(guide)
    assert guide["source"]["url"] == url
    text = (content / guide["source"]["file"]).read_text(encoding="utf-8")
    for furniture in ("ICP", "当前位置", "分享到", "机构概况", "_hmt", "发布时间"):
        assert furniture not in text
    builds(content, tmp_path)
    page = (tmp_path / "docs" / "guides" / "yichang" / f"{guide['id']}.md")
    page = page if page.exists() else next((tmp_path / "docs" / "guides" / "yichang").rglob("index.md"))
    assert url in page.read_text(encoding="utf-8")


def test_docx_with_topics_in_an_attachment_table(tmp_path):
    content = copy_content(tmp_path)
    src = sample.docx_with_table(tmp_path / "guide.docx")
    guide = imported(content, make_import(content, src))
    assert guide["title"] == "2024年宜昌市科技创新智库课题申报指南"
    assert guide["window"]["opens"] == "2024-06-03" and guide["window"]["closes"] == "2024-06-28"
    topics = guide["tracks"][0]["topics"]
    assert [t["number"] for t in topics] == ["1", "2", "3", "4"]
    assert topics[1]["title"] == "宜昌市长江大保护科技支撑研究"
    assert topics[1]["funding"] == {"amount": 5, "kind": "ceiling", "text": "不超过5"}
    assert topics[1]["contacts"] == [{"office": "政策法规科", "person": "李二明", "phone": "0717-6220002"}]
    builds(content, tmp_path)


@pytest.fixture(scope="module")
def printed_pdf(tmp_path_factory):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian's chromium (tests/ensure-browser.sh installs it)")
    return print_sample("pdf", tmp_path_factory.mktemp("pdf") / "guide.pdf", 16)


def test_pdf_with_running_heads_page_numbers_and_look_alikes(tmp_path, printed_pdf):
    content = copy_content(tmp_path)
    guide = imported(content, make_import(content, printed_pdf))
    assert_sample_fields({**guide, "tracks": [{**t, "topics": t["topics"][:2]} for t in guide["tracks"]]})
    assert len(guide["tracks"][0]["topics"]) == 8 and len(guide["tracks"][1]["topics"]) == 8
    flat = str(guide)
    assert "⼀" not in flat and "１" not in flat  # Kangxi radical and full-width digits repaired
    assert "宜昌市科学技术局文件" not in flat and "—" not in flat  # running head and page numbers dropped
    builds(content, tmp_path)


@pytest.fixture(scope="module")
def table_pdfs(tmp_path_factory):
    """The notice whose topics sit in an attachment table (序号 | 题目 | 研究内容 | 经费 | 联系人), 14 rows,
    every third with three paragraphs in its cell, printed twice: header row once, and header row
    repeated on every page (<thead>). Cells wrap over many lines; rows are cut by page breaks."""
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian's chromium (tests/ensure-browser.sh installs it)")
    folder = tmp_path_factory.mktemp("table-pdf")
    for name, extra in (("once", []), ("repeated", ["repeat"])):
        subprocess.run([sys.executable, "-m", "generator.importer.sample", "table", str(folder / f"{name}.pdf"), "14",
                        *extra], check=True, cwd=ROOT, timeout=300)
    return folder


@pytest.mark.parametrize("header", ["once", "repeated"])
def test_pdf_table_imports_as_the_docx_table_does(header, table_pdfs, tmp_path):
    """The same attachment table from .docx and from PDF gives the same topics, field for field."""
    import pypdfium2 as pdfium

    from generator.importer import pdftables
    from generator.importer.read import read

    src = table_pdfs / f"{header}.pdf"
    pdf = pdfium.PdfDocument(str(src))
    try:
        assert len(pdf) >= 3
        cut = [t.open_bottom for i in range(len(pdf)) for t in pdftables.grids(*pdftables.rules(pdf[i]))]
    finally:
        pdf.close()
    assert any(cut), "the sample should have a row cut by a page break"
    rows = [l for l in read(src).text.split("\n") if "\t" in l]
    assert [r.split("\t")[0] for r in rows] == ["序号"] + [str(i) for i in range(1, 15)]  # header once, no row split
    content = copy_content(tmp_path)
    from_docx = imported(content, make_import(content, sample.docx_with_table(tmp_path / "guide.docx", 14, tall=True),
                                              "OUTPUT=" + str(content / "guides" / "docx.yml")))
    from_pdf = imported(content, make_import(content, src, "OUTPUT=" + str(content / "guides" / "pdf.yml")))
    assert len(from_pdf["tracks"][0]["topics"]) == 14
    assert from_pdf["tracks"] == from_docx["tracks"]
    third = from_pdf["tracks"][0]["topics"][2]["content"]  # three paragraphs in one cell, the third cut by a page
    assert third == [{"list": [sample.CONTENT_A.format(x=sample.SUBJECTS[k]) for k in (4, 5, 6)]}]


def test_old_word_doc_goes_through_antiword(tmp_path):
    """No .doc can be made here, so a stand-in antiword on PATH prints what antiword prints for one
    (text, tables as | cells |); the importer must call it and read its output like any other text."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    printed = tmp_path / "antiword-output.txt"
    printed.write_text(sample.text().replace("联系人：张敏，电话：0717-6221234", "| 联系人：张敏 | 电话：0717-6221234 |"),
                       encoding="utf-8")
    stub = bin_dir / "antiword"
    stub.write_text(f"#!/bin/sh\n[ \"$1\" = -m ] || exit 9\ncat '{printed}'\n", encoding="utf-8")
    stub.chmod(0o755)
    src = tmp_path / "guide.doc"
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    content = copy_content(tmp_path)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    done = subprocess.run(["make", "--no-print-directory", "-s", "import", f"FILE={src}", f"CONTENT={content}"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    guide = imported(content, done)
    assert guide["title"] == E["title"] and len(guide["tracks"]) == 2
    builds(content, tmp_path)


def test_contributing_leads_with_make_import_in_both_languages():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    zh, en = text.index("## 添加一份指南"), text.index("## Adding a guide")
    for part in (text[zh:en], text[en:]):
        first = part.index("make import FILE=")
        assert first < part.index("make new REGION=")
        for step in ("待核对 review", "make check", "make serve"):
            assert first < part.index(step)


def _has_chi_sim() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    return "chi_sim" in subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout.split()


@pytest.mark.skipif(not _has_chi_sim(), reason="needs Debian's tesseract-ocr and tesseract-ocr-chi-sim")
def test_scanned_pdf_with_ocr(tmp_path):
    """A scan (the guide as a picture in a PDF, no text layer) is read with --ocr (make import … OCR=1)."""
    src = print_sample("scan", tmp_path / "scan.pdf")
    content = copy_content(tmp_path)
    done = make_import(content, src, "OCR=1", "REGION=宜昌", "YEAR=2024")
    assert "recognised by OCR" in done.stdout
    guide = imported(content, done)
    assert [len(t["topics"]) for t in guide["tracks"]] == [2, 2]
    assert guide["window"]["opens"] == E["window"]["opens"]
    builds(content, tmp_path)


def test_pdf_rules_drawn_as_stroked_lines_and_one_path_grids():
    """Word and Chromium print table borders as hairline rectangles; other exporters stroke lines, or draw
    a whole grid as one path. All become rules, and a page with a lone rule (a letterhead's) has no table."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    from generator.importer import pdftables

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)

    def path(points, close=False, moves=()):
        p = c.FPDFPageObj_CreateNewPath(*points[0])
        for x, y in points[1:]:
            c.FPDFPath_LineTo(p, x, y)
        if close:
            c.FPDFPath_Close(p)
        for a, b in moves:
            c.FPDFPath_MoveTo(p, *a)
            c.FPDFPath_LineTo(p, *b)
        c.FPDFPath_SetDrawMode(p, c.FPDF_FILLMODE_NONE, True)
        c.FPDFPage_InsertObject(page.raw, p)

    # a 3 × 2 grid as one path: outline closed, inner lines as move-to/line-to pairs
    path([(100, 700), (400, 700), (400, 500), (100, 500)], close=True,
         moves=[((100, 600), (400, 600)), ((200, 700), (200, 500)), ((300, 700), (300, 500))])
    path([(100, 450), (400, 450)])  # a lone stroked line
    c.FPDFPage_GenerateContent(page.raw)
    tables = pdftables.grids(*pdftables.rules(page))
    assert len(tables) == 1
    assert [round(y) for y in tables[0].ys] == [700, 600, 500]
    assert [[round(x) for x in band] for band in tables[0].bands] == [[100, 200, 300, 400]] * 2
    assert not tables[0].open_top and not tables[0].open_bottom
    pdf.close()


def test_pdf_tables_join_across_a_page_break_only_past_page_furniture():
    """A table at the top of a page goes on with the one at the foot of the page before only when nothing
    but running heads and page numbers lies between: a second attachment's table after its heading stays
    a table of its own, though its columns are the same."""
    from generator.importer import pdftables
    from generator.importer.read import _join_tables

    def table(*rows, open_top=False, open_bottom=False):
        return pdftables.Table(60, 70, 535, 770, [770, 70], [[60, 90, 535]], rows=[list(r) for r in rows],
                               open_top=open_top, open_bottom=open_bottom)

    first = table(["序号", "题目"], ["1", "甲课题研究"], ["2", "乙课题"], open_bottom=True)
    cut = table(["", "研究"], ["3", "丙课题研究"], open_top=True)
    second = table(["序号", "题目"], ["1", "丁课题研究"])
    pages = [["附件1", first, "宜昌市科学技术局文件", "— 1 —"],
             ["宜昌市科学技术局文件", cut, "— 2 —"],
             ["宜昌市科学技术局文件", "附件2", second, "— 3 —"]]
    _join_tables(pages)
    assert first.rows == [["序号", "题目"], ["1", "甲课题研究"], ["2", "乙课题研究"], ["3", "丙课题研究"]]
    assert cut.rows == [] and second.rows == [["序号", "题目"], ["1", "丁课题研究"]]


def test_pdf_model_paragraphs_whole_and_page_furniture_marked(printed_pdf):
    """The printed guide read into the model: every paragraph comes back as one node, its wrapped lines joined
    where the layout says (the line before reaches the right margin, this one is not indented), never two
    paragraphs in one; the running head and `— N —` on every page are furniture nodes, kept, not in the body."""
    from generator.importer.read import read

    part = read([printed_pdf]).parts[0]
    printed = [p.replace("一", "⼀").replace("10万元", "１０万元").replace("18个月", "１８个月")  # as print_page prints them
               for p in sample.paragraphs(key_topics=8, general_topics=8)]
    assert [n.text for n in part.body()] == printed
    furniture = [(n.page, n.text) for n in part.nodes if n.layer == "furniture"]
    pages = max(n.page for n in part.nodes)
    assert furniture == [x for p in range(1, pages + 1) for x in ((p, "宜昌市科学技术局文件"), (p, f"— {p} —"))]
    first = next(n for n in part.body() if n.text.startswith("研究内容："))
    assert first.indent == 1 and first.orig.count("\n") >= 2  # a first-line indent; three or more printed lines
