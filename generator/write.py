"""Write generated files into the output folder: only what changed, and remove the stale.

Unchanged files keep their modification time, so `mkdocs serve` reloads only the pages
a content change touched. Files no longer generated are deleted, with empty folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One generated file: a POSIX path relative to the output folder, and its content."""

    path: str
    data: str | bytes

    def encoded(self) -> bytes:
        return self.data.encode("utf-8") if isinstance(self.data, str) else self.data


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write_outputs(outputs, out_dir: Path) -> WriteReport:
    report = WriteReport()
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    made: set[Path] = set()  # folders known to exist: one mkdir per folder, not per file
    for output in outputs:
        if output.path in wanted:
            raise ValueError(f"two pages want the same file: {output.path}")
        wanted.add(output.path)
        target = out_dir / output.path
        data = output.encoded()
        try:
            exists = True
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                report.unchanged += 1
                continue
        except FileNotFoundError:
            exists = False
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if exists:  # replaced whole, so a watcher never reads half a page
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)
        else:
            target.write_bytes(data)
        report.written.append(output.path)
    for path in sorted(out_dir.rglob("*"), reverse=True):
        rel = path.relative_to(out_dir).as_posix()
        if path.is_file() and rel not in wanted:
            path.unlink()
            report.removed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    report.written.sort()
    return report
