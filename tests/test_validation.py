"""Validation messages name the file, line and column, and say what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_content

HUBEI = Path("guides/hubei/2023-ruankexue-zhongdian.yml")


def check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(content), "check"],
        cwd=ROOT, capture_output=True, text=True,
    )


def edit(content: Path, old: str, new: str, path: Path = HUBEI, count: int = 1) -> int:
    """Replace text in a content file; return the 1-based line where the change starts."""
    target = content / path
    text = target.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    target.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def test_real_content_passes():
    result = check(ROOT / "content")
    assert result.returncode == 0, result.stderr
    assert "content OK" in result.stdout


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("kind: call", "knid: call", "unknown key 'knid'; did you mean 'kind'?"),
        ("year: 2023", "year: twenty", "year must be a whole number, not text"),
        ("updated: 2026-11-25", "updated: 2026-02-30", "is not a real date"),
        ("tags: [ke-ji-jin-rong]", "tags: [ke-ji-jin-rongg]", "unknown tag 'ke-ji-jin-rongg'; did you mean 'ke-ji-jin-rong'?"),
        ("region: hubei", "region: hubie", "unknown region 'hubie'; did you mean 'hubei'?"),
    ],
)
def test_error_names_file_line_and_fix(tmp_path, old, new, message):
    content = copy_content(tmp_path)
    line = edit(content, old, new)
    result = check(content)
    assert result.returncode == 1
    assert f"content/{HUBEI.as_posix()}:{line}:" in result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_required_field_points_at_its_map(tmp_path):
    content = copy_content(tmp_path)
    edit(content, "issuer:\n  zh: 湖北省科学技术厅\n  en: Department of Science and Technology of Hubei Province\n", "")
    result = check(content)
    assert result.returncode == 1
    assert f"content/{HUBEI.as_posix()}:2:1: missing required field 'issuer'" in result.stderr


def test_yaml_syntax_error_has_its_line(tmp_path):
    content = copy_content(tmp_path)
    line = edit(content, "year: 2023", "year: [2023")
    result = check(content)
    assert result.returncode == 1
    assert "YAML syntax error" in result.stderr
    reported = int(result.stderr.split(f"{HUBEI.as_posix()}:")[1].split(":")[0])
    assert line <= reported <= line + 2
