"""The bad-input corpus: every broken file gets `file:line:col: message`, exit 1, no traceback.

Each tests/bad_input/<case>.yml is a guide that is valid except for one defect, named in its
first line; its second line says what `make check` must print: `# expect: LINE:COL: message`.
The test drops the case into a private copy of content/ as guides/hubei/<case>.yml and runs
`python -m generator --content <copy> check` as a subprocess, the way a contributor does.
tests/bad_input/valid.yml is the same guide without a defect, and passes, so every error
comes from the defect. Cases that break regions.yml, tags.yml or two files at once are
edits of the real content, in EDIT_CASES below.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT, ROOT

CASES = Path(__file__).parent / "bad_input"
FILE_CASES = sorted(p.stem for p in CASES.glob("*.yml") if p.stem != "valid")
HUBEI = "guides/hubei/2023-ruankexue-zhongdian.yml"
TIMEOUT = 60  # seconds; a hang (an alias bomb being expanded) fails the test instead of stalling it


@dataclass
class Expect:
    file: str  # as printed, e.g. content/guides/hubei/bom.yml
    line: int
    col: int
    message: str


def expectation(case: str) -> Expect:
    raw = (CASES / f"{case}.yml").read_bytes().removeprefix(b"\xef\xbb\xbf")
    header = raw.split(b"\n")[1].decode("utf-8")
    m = re.fullmatch(r"# expect: (\d+):(\d+): (.+)", header)
    assert m, f"{case}.yml: second line must be '# expect: LINE:COL: message'"
    return Expect(f"content/guides/hubei/{case}.yml", int(m[1]), int(m[2]), m[3])


def run_check(content: Path, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m generator --content DIR check`, from `cwd` (so a payload would write there)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "generator", "--content", str(content), "check"]
    try:
        return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, None, "", f"still running after {TIMEOUT} s: it hangs")


def _big_guide(content: Path) -> None:
    target = content / HUBEI
    text = target.read_text(encoding="utf-8")
    target.write_text(text + "notes:\n  - " + "很长的说明。" * 120_000 + "\n", encoding="utf-8")


def _append(path: str, text: str):
    def change(content: Path) -> None:
        with open(content / path, "a", encoding="utf-8") as f:
            f.write(text)
    return change


def _replace(path: str, old: str, new: str):
    def change(content: Path) -> None:
        target = content / path
        text = target.read_text(encoding="utf-8")
        assert old in text, old
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def _as_gbk(path: str):
    """Save a source text as GBK, as a Windows editor might (CONTRIBUTING asks for UTF-8)."""
    def change(content: Path) -> None:
        target = content / path
        target.write_bytes(target.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    return change


def _first_non_ascii(path: str) -> tuple[int, int]:
    text = (CONTENT / path).read_text(encoding="utf-8")
    at = next(i for i, c in enumerate(text) if ord(c) > 127)
    line = text.count("\n", 0, at) + 1
    return line, len(text[:at].rpartition("\n")[2].encode("utf-8")) + 1


SOURCE = "sources/004_b3b054f0b581b1d0.txt"  # the Hubei guide's source text


def _copy_guide(dest: str):
    def change(content: Path) -> None:
        (content / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(content / HUBEI, content / dest)
    return change


def _line_of(path: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth occurrence of `needle` in the real content file."""
    lines = (CONTENT / path).read_text(encoding="utf-8").split("\n")
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[nth - 1]


def _lines(path: str) -> int:
    return (CONTENT / path).read_text(encoding="utf-8").count("\n")


# name → (change to a copy of content/, expected file, line, column, message)
EDIT_CASES = {
    "duplicate-guide-id": (
        # The same guide filed twice: the copy in chengdu/ still says region hubei.
        _copy_guide("guides/chengdu/2023-ruankexue-zhongdian.yml"),
        HUBEI, lambda: _line_of(HUBEI, "id: 2023-ruankexue-zhongdian"), 5,
        "duplicate guide id 'hubei/2023-ruankexue-zhongdian' (also in content/guides/chengdu/2023-ruankexue-zhongdian.yml)",
    ),
    "duplicate-tag-slug": (
        _append("tags.yml", "- slug: ke-ji-jin-rong\n  zh: 金融科技\n  en: Fintech\n  description: Duplicate slug.\n"),
        "tags.yml", lambda: _lines("tags.yml") + 1, 9, "duplicate tag slug 'ke-ji-jin-rong' (also entry 1); each must be unique",
    ),
    "duplicate-tag-name": (
        _append("tags.yml", "- slug: jin-rong\n  zh: 科技金融\n  en: Finance\n  description: Duplicate Chinese name.\n"),
        "tags.yml", lambda: _lines("tags.yml") + 2, 7, "duplicate tag zh '科技金融' (also entry 1); each must be unique",
    ),
    "duplicate-region-slug": (
        _append("regions.yml", "- slug: hubei\n  zh: 湖北省\n  en: Hubei Province\n  kind: province\n"),
        "regions.yml", lambda: _lines("regions.yml") + 1, 9, "duplicate region slug 'hubei' (also entry 4); each must be unique",
    ),
    "path-like-region-slug": (
        _append("regions.yml", "- slug: ../../etc\n  zh: 某地\n  en: Somewhere\n  kind: city\n"),
        "regions.yml", lambda: _lines("regions.yml") + 1, 9, "slug '../../etc' is not a valid id",
    ),
    "unknown-key-in-regions": (
        _replace("regions.yml", "  kind: province", "  knid: province"),
        "regions.yml", lambda: _line_of("regions.yml", "kind: province"), 3, "unknown key 'knid'; did you mean 'kind'?",
    ),
    "unknown-key-in-tags": (
        _replace("tags.yml", "  description: ", "  desc: "),
        "tags.yml", lambda: _line_of("tags.yml", "description: "), 3, "unknown key 'desc'; did you mean 'description'?",
    ),
    "very-large-file": (
        _big_guide, HUBEI, lambda: 1, 1, "bytes, over the 2,097,152-byte limit; split it into several guides",
    ),
    "symlinked-guide": (
        # A link smuggling in a file from outside content/ (here, the real Hubei guide).
        lambda content: (content / "guides" / "hubei" / "linked.yml").symlink_to(CONTENT / HUBEI),
        "guides/hubei/linked.yml", lambda: 1, 1, "the file is a symbolic link; put the file itself in content/",
    ),
    "source-saved-as-gbk": (
        _as_gbk(SOURCE), SOURCE, lambda: _first_non_ascii(SOURCE)[0], _first_non_ascii(SOURCE)[1],
        "is not UTF-8: the file looks saved as GBK/GB18030; save it as UTF-8",
    ),
    "guide-outside-region-folder": (
        _copy_guide("guides/2023-ruankexue-zhongdian.yml"),
        "guides/2023-ruankexue-zhongdian.yml", lambda: 1, 1, "guide files go in content/guides/<region>/<id>.yml",
    ),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Run every case's check once, in parallel; case name → (CompletedProcess, its folder)."""
    base = tmp_path_factory.mktemp("bad_input")

    def prepare(name: str) -> tuple[Path, Path]:
        work = base / name
        content = work / "content"
        shutil.copytree(CONTENT, content)
        if name in EDIT_CASES:
            EDIT_CASES[name][0](content)
        else:
            shutil.copy(CASES / f"{name}.yml", content / "guides" / "hubei" / f"{name}.yml")
        return content, work

    names = FILE_CASES + ["valid"] + list(EDIT_CASES)
    prepared = {name: prepare(name) for name in names}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {name: pool.submit(run_check, *prepared[name]) for name in names}
        return {name: (futures[name].result(), prepared[name][1]) for name in names}


def assert_reported(result: subprocess.CompletedProcess, file: str, line: int, col: int, message: str) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert "content OK" not in result.stdout
    prefix = f"{file}:{line}:{col}: "
    lines = result.stderr.splitlines()
    assert any(l.startswith(prefix) and message in l for l in lines), (
        f"expected a line starting {prefix!r} containing {message!r}; got:\n{result.stderr}"
    )


def test_corpus_is_large_enough():
    assert len(FILE_CASES) + len(EDIT_CASES) >= 25


def test_the_valid_base_passes(results):
    result, _ = results["valid"]
    assert result.returncode == 0, result.stderr
    guides = len(list(CONTENT.glob("guides/*/*.yml")))
    assert f"content OK: {guides + 1} guides" in result.stdout


@pytest.mark.parametrize("case", FILE_CASES)
def test_bad_file(results, case):
    expect = expectation(case)
    result, _ = results[case]
    assert_reported(result, expect.file, expect.line, expect.col, expect.message)


@pytest.mark.parametrize("case", list(EDIT_CASES))
def test_bad_edit(results, case):
    _, file, line, col, message = EDIT_CASES[case]
    result, _ = results[case]
    assert_reported(result, f"content/{file}", line(), col, message)


@pytest.mark.parametrize("case", ["python-object-apply", "python-apply-popen"])
def test_unsafe_yaml_runs_nothing(results, case, tmp_path):
    """The payload is live (an unsafe loader runs it and creates the marker), yet the check runs nothing."""
    result, work = results[case]
    assert result.returncode == 1
    assert not (work / "yaml-ran-code").exists()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    here = os.getcwd()
    os.chdir(scratch)
    try:
        data = yaml.unsafe_load((CASES / f"{case}.yml").read_text(encoding="utf-8"))
        payload = data["tracks"][0]["topics"][0]["title"]
        if hasattr(payload, "wait"):  # subprocess.Popen: let it finish
            payload.wait()
    finally:
        os.chdir(here)
    assert (scratch / "yaml-ran-code").exists(), "the payload should be live for this test to mean anything"


def test_every_error_line_has_file_line_col(results):
    """Whatever else is printed, each error line reads file:line:col: message."""
    pattern = re.compile(r"^content/[\w./<>-]+:\d+:\d+: \S")
    for name, (result, _) in results.items():
        if name == "valid":
            continue
        errors = [l for l in result.stderr.splitlines() if "error(s) in content" not in l]
        assert errors, name
        for line in errors:
            assert pattern.match(line), f"{name}: {line!r}"


def test_a_misspelt_required_key_is_one_error_not_two(results):
    """`titel:` is reported as the typo it is, without also reporting 'title' as missing."""
    result, _ = results["unknown-key"]
    errors = [l for l in result.stderr.splitlines() if "error(s) in content" not in l]
    assert errors == ["content/guides/hubei/unknown-key.yml:7:1: unknown key 'titel'; did you mean 'title'?"]


def test_reading_in_forked_processes_changes_nothing(tmp_path, monkeypatch):
    """Many files are read and checked by forked processes (validate.PARALLEL_FROM): the same errors
    in the same order, the same documents with the same positions and the same cache as reading
    them one by one here."""
    from generator import validate

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    for case in FILE_CASES:
        shutil.copyfile(CASES / f"{case}.yml", content / "guides" / "hubei" / f"{case}.yml")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    def load(parallel_from: int):
        monkeypatch.setattr(validate, "PARALLEL_FROM", parallel_from)
        cache = validate.ContentCache()
        _, errors = validate.load_content(content, cache)
        docs = {path: (key, doc.data, doc.marks, doc.key_marks) for path, (key, doc) in cache.docs.items()}
        return [str(e) for e in errors], docs, cache.pending

    errors, docs, pending = load(2)
    assert (errors, docs, pending) == load(10**9)
    assert len(errors) >= len(FILE_CASES) and len(docs) > 3
