"""Only changed files are written; files no longer generated are removed."""

import os

from generator.write import Output, write_outputs


def test_writes_only_what_changed_and_removes_the_stale(tmp_path):
    first = write_outputs([Output("a/index.md", "一"), Output("b/index.md", "二")], tmp_path)
    assert first.written == ["a/index.md", "b/index.md"]
    before = os.stat(tmp_path / "a/index.md").st_mtime_ns
    second = write_outputs([Output("a/index.md", "一"), Output("c.txt", b"\x00")], tmp_path)
    assert second.written == ["c.txt"] and second.unchanged == 1 and second.removed == ["b/index.md"]
    assert os.stat(tmp_path / "a/index.md").st_mtime_ns == before
    assert not (tmp_path / "b").exists()


def test_two_pages_may_not_claim_one_file(tmp_path):
    try:
        write_outputs([Output("x.md", "1"), Output("x.md", "2")], tmp_path)
    except ValueError as exc:
        assert "x.md" in str(exc)
    else:
        raise AssertionError("duplicate output path accepted")
