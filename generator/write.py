"""Write generated files into the output folder: only what changed, and remove the stale.

Unchanged files keep their modification time, so `mkdocs serve` reloads only the pages
a content change touched. Files no longer generated are deleted, with empty folders.

With jobs > 1 (on systems with fork), the outputs are listed once, then rendered and written
by that many forked processes, each taking the next CHUNK outputs not yet taken, again and
again, so that they finish together however the work is spread over the outputs; an Output
whose data is a function is rendered only by the process that writes it. Neighbouring outputs
(a guide's pages, the data files) mostly go to one writer, which can reuse what it made for
one in the next. Same files, same report, either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import stat
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

CHUNK = 16  # outputs a writer takes at a time


@dataclass(frozen=True)
class Output:
    """One generated file: a POSIX path relative to the output folder, and its content
    (or a function that makes it, so that only the process writing it renders it).
    `reuse`: the producer knows the file is as it was last written; keep it if it exists."""

    path: str
    data: str | bytes | Callable[[], str | bytes]
    reuse: bool = False

    def encoded(self) -> bytes:
        data = self.data() if callable(self.data) else self.data
        return data.encode("utf-8") if isinstance(data, str) else data


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    # Every file the folder holds once written: path → (size, modification time in ns), as
    # os.stat gives them (for generator/stamp.py, which need not walk the folder then).
    files: dict[str, tuple[int, int]] = field(default_factory=dict)


def _wanted(outputs: list[Output]) -> set[str]:
    """Every output's path; two outputs may not want the same file."""
    wanted: set[str] = set()
    for output in outputs:
        if output.path in wanted:
            raise ValueError(f"two pages want the same file: {output.path}")
        wanted.add(output.path)
    return wanted


def _write_some(outputs: list[Output], out_dir: Path, indexes, fresh: bool = False) -> WriteReport:
    """Write the outputs at `indexes` (rendering those that are functions). In a `fresh` folder
    (made by this run) no file is there before it is written: none is looked for."""
    report = WriteReport()
    made: set[Path] = set()  # folders known to exist: one mkdir per folder, not per file
    for n in indexes:
        output = outputs[n]
        target = out_dir / output.path
        if output.reuse and not fresh and (st := _stat(target)) and stat.S_ISREG(st.st_mode):
            _unchanged(report, output.path, st)
            continue
        data = output.encoded()
        st = None if fresh else _stat(target)
        if st and st.st_size == len(data) and target.read_bytes() == data:
            _unchanged(report, output.path, st)
            continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if st:  # replaced whole, so a watcher never reads half a page
            tmp = target.with_name(target.name + ".tmp")
            written = _write_file(tmp, data)
            os.replace(tmp, target)
        else:
            written = _write_file(target, data)
        report.written.append(output.path)
        report.files[output.path] = (written.st_size, written.st_mtime_ns)
    return report


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _unchanged(report: WriteReport, path: str, st: os.stat_result) -> None:
    report.unchanged += 1
    report.files[path] = (st.st_size, st.st_mtime_ns)


def _write_file(path: Path, data: bytes) -> os.stat_result:
    """Write the file; its stat once written."""
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        return os.fstat(f.fileno())


def _taking(taken, total: int):
    """The indexes of the outputs this writer takes: the next CHUNK not taken yet by any writer
    (`taken`, shared), again and again until none is left."""
    while True:
        with taken.get_lock():
            start = taken.value
            taken.value = start + CHUNK
        if start >= total:
            return
        yield from range(start, min(start + CHUNK, total))


def _forked_writer(outputs, out_dir, fresh, taken, queue) -> None:
    try:
        queue.put((_write_some(outputs, out_dir, _taking(taken, len(outputs)), fresh), None))
    except BaseException as exc:  # reported to the parent, which raises
        queue.put((None, f"{exc!r}\n{traceback.format_exc()}"))


def _fork_writers(outputs: list, out_dir: Path, fresh: bool, jobs: int) -> WriteReport:
    """Write the outputs with `jobs` forked writers; their reports, together."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    taken = ctx.Value("q", 0)  # how many outputs (from the first) the writers have taken
    # Daemonic: ended with this process if it exits first (e.g. a watch loop stopped mid-build).
    procs = [ctx.Process(target=_forked_writer, args=(outputs, out_dir, fresh, taken, queue), daemon=True)
             for _ in range(jobs)]
    # The writers inherit the model and every listed output: frozen, the cycle collector leaves
    # them alone there (it would walk them all, again and again, and copy their memory pages).
    gc.freeze()
    try:
        for p in procs:
            p.start()
    finally:
        gc.unfreeze()  # here they are this process's again (a watch loop frees each build's)
    results = [queue.get() for _ in procs]  # before join: a full pipe would block the child
    for p in procs:
        p.join()
    failed = [error for _, error in results if error]
    if failed:
        raise RuntimeError(f"writing the pages failed:\n{failed[0]}")
    report = WriteReport()
    for part, _ in results:
        report.written += part.written
        report.unchanged += part.unchanged
        report.files.update(part.files)
    return report


def write_outputs(outputs, out_dir: Path, jobs: int = 1) -> WriteReport:
    outputs = list(outputs)
    wanted = _wanted(outputs)
    fresh = not out_dir.exists()  # then nothing is in it: nothing unchanged, nothing stale
    out_dir.mkdir(parents=True, exist_ok=True)
    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        report = _fork_writers(outputs, out_dir, fresh, jobs)
    else:
        report = _write_some(outputs, out_dir, range(len(outputs)), fresh)
    if not fresh:
        _remove_stale(out_dir, wanted, report)
    report.written.sort()
    report.removed.sort(reverse=True)
    return report


def _remove_stale(out_dir: Path, wanted: set[str], report: WriteReport) -> None:
    """Delete the files not in `wanted`, and the folders that leaves empty."""
    prefix = os.path.join(out_dir, "")
    removed: set[str] = set()  # folders
    for dirpath, dirnames, filenames in os.walk(out_dir, topdown=False):
        kept = False
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = path[len(prefix):].replace(os.sep, "/")
            if rel in wanted:
                kept = True
            else:
                os.unlink(path)
                report.removed.append(rel)
        if dirpath != str(out_dir) and not kept and all(os.path.join(dirpath, d) in removed for d in dirnames):
            os.rmdir(dirpath)
            removed.add(dirpath)
