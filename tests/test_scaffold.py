"""`make new` starts a guide that `make check` explains field by field and passes once filled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_content

GUIDE = Path("guides/hubei/2024-ruankexue.yml")
SOURCE = Path("sources/hubei-2024-ruankexue.txt")

# What a contributor types into the empty fields: (the line as scaffolded, the line filled in).
FILL = [
    ("title:\n  zh:\n", "title:\n  zh: 2024年度湖北省软科学研究项目申报指南\n"),
    ("issuer:\n  zh:\n", "issuer:\n  zh: 湖北省科学技术厅\n"),
    ("  - id:\n", "  - id: zhongdian\n"),
    ("    name:\n", "    name: 重点项目\n"),
    ("        title:\n", "        title: 科技金融研究\n"),
    ("          -\n", "          - 研究内容。\n"),
    ("        tags: []\n", "        tags: [ke-ji-jin-rong]\n"),
]


def generator(content: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--content", str(content), *args],
                          cwd=ROOT, capture_output=True, text=True)


def new(content: Path, *extra: str) -> subprocess.CompletedProcess:
    return generator(content, "new", "--region", "hubei", "--year", "2024", "--slug", "ruankexue", *extra)


def fill(text: str) -> str:
    for old, new_ in FILL:
        assert text.count(old) == 1, old
        text = text.replace(old, new_)
    return text


def line_of(text: str, needle: str) -> int:
    """1-based line where `needle` (a whole line, with its newline) starts."""
    return text[: text.index("\n" + needle)].count("\n") + 2


def test_new_guide_lists_each_empty_field_then_passes_once_filled(tmp_path):
    content = copy_content(tmp_path)
    result = new(content)
    assert result.returncode == 0, result.stderr
    guide, source = content / GUIDE, content / SOURCE
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../generator/schema/guide.schema.json\n")
    assert "id: 2024-ruankexue\n" in text and "region: hubei\n" in text and "year: 2024\n" in text
    assert source.read_bytes() == b""

    check = generator(content, "check")
    assert check.returncode == 1 and "Traceback" not in check.stderr
    shown = f"content/{GUIDE.as_posix()}"
    title, track, tags = (line_of(text, n) for n in ("title:\n", "  - id:\n", "        tags: []\n"))
    assert f"{shown}:{title + 1}:6: zh is empty; fill it in" in check.stderr
    assert f"{shown}:{track}:8: id is empty; fill it in" in check.stderr
    assert f"{shown}:{tags}:15: tags is empty; give the topic 1–5 tag slugs from content/tags.yml" in check.stderr
    assert check.stderr.count(shown) == len(FILL)  # one error per field to fill, nothing else

    guide.write_text(fill(text), encoding="utf-8")
    check = generator(content, "check")
    assert check.returncode == 1
    assert f"{shown}:{line_of(text, '  file: sources/')}:9: source file content/{SOURCE.as_posix()} is empty" in check.stderr

    source.write_text("2024年度湖北省软科学研究项目申报指南\n……\n", encoding="utf-8")
    check = generator(content, "check")
    assert check.returncode == 0, check.stderr


def test_every_optional_field_in_the_template_is_valid_once_uncommented(tmp_path):
    content = copy_content(tmp_path)
    assert new(content).returncode == 0
    guide = content / GUIDE
    text = fill(guide.read_text(encoding="utf-8"))
    head, body = text.split("\nid: ", 1)
    body = re.sub(r"(?m)^(\s*)# ([a-z_]+:|- |  )", r"\1\2", body)
    assert "window:\n  opens:" in body and "themes:\n  - id: zhuanti-1" in body and "        theme: zhuanti-1" in body
    guide.write_text(head + "\nid: " + body, encoding="utf-8")
    (content / SOURCE).write_text("原文。\n", encoding="utf-8")
    check = generator(content, "check")
    # The one example that cannot pass: context must name a real guide, and the template can't know one.
    errors = [l for l in check.stderr.splitlines() if "error(s)" not in l]
    assert len(errors) == 1 and "context 'hubei/some-plan-id' names no guide" in errors[0], check.stderr


def test_new_refuses_to_overwrite(tmp_path):
    content = copy_content(tmp_path)
    assert new(content).returncode == 0
    guide = content / GUIDE
    guide.write_text("id: 2024-ruankexue\n# my work\n", encoding="utf-8")
    again = new(content)
    assert again.returncode == 1
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    assert guide.read_text(encoding="utf-8") == "id: 2024-ruankexue\n# my work\n"


def test_new_explains_bad_arguments(tmp_path):
    content = copy_content(tmp_path)
    for args, message in [
        (["--region", "hubie", "--year", "2024"], "unknown region 'hubie'; did you mean 'hubei'?"),
        (["--region", "hubei", "--year", "24"], "YEAR must be a four-digit year"),
        (["--region", "hubei", "--year", "2024", "--slug", "../x"], "SLUG '../x' must be lowercase ASCII"),
        (["--year", "2024"], "say which region"),
    ]:
        result = generator(content, "new", *args)
        assert result.returncode == 1, args
        assert message in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not list((content / "guides").glob("*/2024-*.yml"))
