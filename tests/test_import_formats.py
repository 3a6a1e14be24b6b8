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
