"""`make bench-import`: time importing a synthetic guide printed to a PDF of about N pages (default 100).

The PDF is printed once by Debian's Chromium from importer/sample.py and kept in build/bench-import/;
then the import (read the PDF, clean, segment, draft, YAML) runs into a temporary copy of content/
three times and the best and worst wall-clock times are printed, with the pages, topics and peak
memory. The target is under 10 s for 100 pages on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path

from . import import_guide, sample

ROOT = Path(__file__).resolve().parents[2]


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_pdf(pages: int, folder: Path) -> tuple[Path, int]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"guide-{pages}p.pdf"
    meta = folder / f"guide-{pages}p.json"
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())["topics"]
    topics = pages  # about one topic a page at 16 pt; corrected from the first print
    for _ in range(4):
        sample.pdf(sample.paragraphs(key_topics=topics // 2, general_topics=topics - topics // 2), path)
        got = _pages(path)
        if abs(got - pages) <= max(2, pages // 50):
            break
        topics = max(2, round(topics * pages / got))
    meta.write_text(json.dumps({"topics": topics}))
    return path, topics


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.importer.bench")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    pdf, topics = make_pdf(args.pages, ROOT / "build" / "bench-import")
    pages = _pages(pdf)
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            content = Path(tmp) / "content"
            shutil.copytree(ROOT / "content", content)
            started = time.perf_counter()
            done = import_guide(pdf, content, today="2026-12-01")
            times.append(time.perf_counter() - started)
    got = sum(len(t["topics"]) for t in done.guide["tracks"])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import {pdf.relative_to(ROOT)}: {pages} pages, {pdf.stat().st_size / 1024:.0f} KB, "
          f"{got} of {topics} topics found")
    print(f"wall time: best {min(times):.2f} s, worst {max(times):.2f} s over {len(times)} runs "
          f"({min(times) / pages * 1000:.0f} ms a page); peak memory {rss:.0f} MB")
    ok = max(times) < 10 and got == topics
    print("OK: under 10 s" if ok else "SLOW or incomplete: target is under 10 s with every topic found")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
