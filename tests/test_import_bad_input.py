"""Bad input to `make import`: one line naming the file and what to do, non-zero exit, no traceback,
bounded time and memory (a 2 GB address-space limit on the process), and nothing written."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, copy_content
from generator.importer import sample

NOTICE_WITHOUT_TOPICS = "关于做好2024年宜昌市科技统计工作的通知\n各有关单位：\n请于5月31日前报送统计报表。\n一、报送范围\n全市规模以上企业。\n"
ENCRYPTED_PDF = (b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n"
                 b"3 0 obj <</Filter/Standard/V 1/R 2/O <" + b"11" * 32 + b">/U <" + b"22" * 32 + b">/P -4>> endobj\n"
                 b"trailer <</Root 1 0 R/Encrypt 3 0 R/ID[<00112233445566778899aabbccddeeff>"
                 b"<00112233445566778899aabbccddeeff>]>>\n%%EOF\n")


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(40):  # 40 MB of zeros, about 40 KB packed
                f.write(chunk)
    return buf.getvalue()


def _corrupt_docx() -> bytes:
    good = io.BytesIO()
    import docx

    d = docx.Document()
    d.add_paragraph("2024年宜昌市软科学研究项目申报指南")
    d.save(good)
    data = good.getvalue()
    return data[: len(data) // 2]


def _make(name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    if name == "huge.pdf":
        with open(path, "wb") as f:
            f.truncate(500 * 1024 * 1024)  # sparse: 500 MB on paper, nothing on disk
    elif name == "garbage.txt":
        path.write_bytes(os.urandom(64 * 1024))
    elif name == "bomb.docx":
        path.write_bytes(_zip_bomb())
    elif name == "corrupt.docx":
        path.write_bytes(_corrupt_docx())
    elif name == "encrypted.docx":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(8192))  # encrypted OOXML is an OLE file
    elif name == "corrupt.pdf":
        path.write_bytes(b"%PDF-1.7\n" + os.urandom(4096))
    elif name == "encrypted.pdf":
        path.write_bytes(ENCRYPTED_PDF)
    elif name == "no-topic.txt":
        path.write_text(NOTICE_WITHOUT_TOPICS, encoding="utf-8")
    elif name == "renamed.pdf":
        path.write_text(sample.text(), encoding="utf-8")
    elif name == "guide.rtf":
        path.write_text("{\\rtf1 guide}", encoding="ascii")
    elif name == "old.doc":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    elif name == "empty.txt":
        path.write_bytes(b"")
    elif name == "corrupt.xlsx":
        path.write_bytes(_corrupt_xlsx())
    elif name == "encrypted.xlsx":  # an encrypted OOXML file is an OLE container holding EncryptionInfo
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
                         + os.urandom(8192))
    elif name == "empty.xlsx":
        import openpyxl

        openpyxl.Workbook().save(path)
    elif name == "fake.ofd":
        path.write_bytes(_zip_of({"Doc_0/Document.xml": "<Document/>"}))
    elif name == "dense.docx":
        path.write_bytes(_zip_of({"word/document.xml": "<w:document><w:body>" + "<w:p/>" * 1_000_000 + "</w:body></w:document>"}))
    return path


def _zip_of(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()


def _corrupt_xlsx() -> bytes:
    import openpyxl

    good = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "2024年宜昌市软科学研究项目汇总表"
    wb.save(good)
    data = good.getvalue()
    return data[: len(data) // 2]


CASES = {
    "huge.pdf": "50 MB",
    "garbage.txt": "text",
    "bomb.docx": "zip bomb",
    "corrupt.docx": "save it again",
    "encrypted.docx": "password",
    "corrupt.pdf": "damaged",
    "encrypted.pdf": "encrypted",
    "no-topic.txt": "no recognisable topic",
    "renamed.pdf": "not a PDF",
    "guide.rtf": "unknown format",
    "old.doc": ".docx",
    "empty.txt": "empty",
    "corrupt.xlsx": "save it again",
    "encrypted.xlsx": "password",
    "empty.xlsx": "no cells with text",
    "fake.ofd": "not an OFD file",
    "dense.docx": "elements",
}


def _snapshot(content: Path) -> dict:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_fails_cleanly_and_writes_nothing(name, tmp_path):
    content = copy_content(tmp_path)
    before = _snapshot(content)
    src = _make(name, tmp_path)
    done = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "import", str(src)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, preexec_fn=_limit)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"{src}: ") and lines[0].endswith("nothing was written")
    assert CASES[name].lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in done.stderr and not done.stdout
    assert _snapshot(content) == before


def test_scanned_pdf_names_ocr(tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian's chromium")
    src = tmp_path / "scan.pdf"
    subprocess.run([sys.executable, "-m", "generator.importer.sample", "shapes", str(src)], check=True, cwd=ROOT,
                   timeout=300)  # a page of shapes, no text; in its own process (Playwright may be busy here)
    content = copy_content(tmp_path)
    before = _snapshot(content)
    done = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "import", str(src)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode != 0 and "--ocr" in done.stderr and "tesseract" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert _snapshot(content) == before


def test_never_overwrites_an_existing_guide(tmp_path):
    content = copy_content(tmp_path)
    src = tmp_path / "guide.txt"
    src.write_text(sample.text(), encoding="utf-8")
    cmd = [sys.executable, "-m", "generator", "--content", str(content), "import", str(src)]
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert first.returncode == 0, first.stderr
    before = _snapshot(content)
    second = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert second.returncode != 0 and "already exists" in second.stderr
    assert _snapshot(content) == before


def test_output_path_names_the_guide(tmp_path):
    content = copy_content(tmp_path)
    src = tmp_path / "guide.txt"
    src.write_text(sample.text(), encoding="utf-8")
    out = content / "guides" / "hubei" / "2024-yichang-ruankexue.yml"
    done = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "import", str(src),
                           "--region", "hubei", "--output", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "id: 2024-yichang-ruankexue" in text and "region: hubei" in text
    assert (content / "sources" / "hubei-2024-yichang-ruankexue.txt").is_file()
