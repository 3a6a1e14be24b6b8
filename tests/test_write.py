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


def test_folders_left_empty_go_and_the_others_stay(tmp_path):
    write_outputs([Output("a/b/c/index.md", "1"), Output("a/b/d/index.md", "2"), Output("a/e/index.md", "3"),
                   Output("f/g/index.md", "4")], tmp_path)
    (tmp_path / "a/b/empty").mkdir()  # made by hand: empty, so it goes too
    (tmp_path / "f/g/notes.txt").write_text("by hand")  # not generated: removed
    for jobs in (1, 2):
        report = write_outputs([Output("a/b/d/index.md", "2"), Output("a/x.md", "5")], tmp_path, jobs=jobs)
        files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
        assert files == ["a", "a/b", "a/b/d", "a/b/d/index.md", "a/x.md"]
    assert report.written == [] and report.unchanged == 2


def test_the_docs_stamp_from_the_report_is_the_stamp_from_the_folder(tmp_path):
    """generate() records the folder's state from what the writers report, without walking it."""
    from generator import stamp

    outputs = [Output(path, path) for path in ("index.md", "a/index.md", "a/b.md", "a/b/index.md", "a-b/index.md",
                                               "a/b/c/index.md", "a/a.md", "b/index.md", "Z/index.md", "a.md")]
    for jobs in (1, 2):
        report = write_outputs(outputs, tmp_path / str(jobs), jobs=jobs)
        assert stamp.docs_state(tmp_path / str(jobs), report.files) == stamp.docs_state(tmp_path / str(jobs))
        again = write_outputs(outputs[1:], tmp_path / str(jobs), jobs=jobs)  # one stale file removed
        assert stamp.docs_state(tmp_path / str(jobs), again.files) == stamp.docs_state(tmp_path / str(jobs))
