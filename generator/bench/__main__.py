"""python -m generator.bench: build synthetic corpora of two sizes and compare them.

Writes each corpus into a temporary folder, builds it with `python -m generator site`
(generate, each edition's mkdocs build --strict, Pagefind) in both editions and, beside it, in
the Chinese edition only (`--languages zh`, into another folder), then rebuilds the bilingual
site unchanged and regenerates it after an edit to one guide. Prints a table and writes
build/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from ..build import ROOT
from .corpus import edit_one_guide, write_corpus
from .measure import build_figures, run_generate, run_site, site_figures
from .serve import measure_serve

ROWS = [
    ("guides", "guides", "{:,}"), ("topics", "topics", "{:,}"), ("pages", "HTML pages", "{:,}"),
    ("generate_s", "generate (s)", "{:.1f}"), ("mkdocs_s", "mkdocs (s)", "{:.1f}"),
    ("pagefind_s", "pagefind (s)", "{:.1f}"), ("total_s", "total make site (s)", "{:.1f}"),
    ("generator_share", "generator share", "{:.1%}"),
    ("generate_cpu_s", "generate CPU (s)", "{:.1f}"), ("mkdocs_cpu_s", "mkdocs CPU (s)", "{:.1f}"),
    ("pagefind_cpu_s", "pagefind CPU (s)", "{:.1f}"), ("total_cpu_s", "total CPU (s)", "{:.1f}"),
    ("peak_rss_mb", "peak memory (MB)", "{:,}"),
    ("generate_rss_mb", "  generator (MB)", "{:,}"), ("mkdocs_rss_mb", "  mkdocs (MB)", "{:,}"),
    ("pagefind_rss_mb", "  pagefind (MB)", "{:,}"),
    ("topic_html_median_bytes", "topic page HTML, median (B)", "{:,}"),
    ("topic_html_gzip_median_bytes", "  gzipped (B)", "{:,}"),
    ("en_topic_html_median_bytes", "English topic page HTML, median (B)", "{:,}"),
    ("largest_html_bytes", "largest HTML page (B)", "{:,}"), ("site_bytes", "whole site (B)", "{:,}"),
    ("comparison_pages", "edition comparison pages", "{:,}"),
    ("comparison_html_median_bytes", "  HTML, median (B)", "{:,}"), ("comparison_html_max_bytes", "  HTML, largest (B)", "{:,}"),
    ("home_html_bytes", "home page HTML (B)", "{:,}"), ("deadlines_html_bytes", "deadlines page HTML (B)", "{:,}"),
    ("zh_total_s", "Chinese only: total make site (s)", "{:.1f}"),
    ("zh_mkdocs_s", "  mkdocs (s)", "{:.1f}"), ("zh_pagefind_s", "  pagefind (s)", "{:.1f}"),
    ("zh_total_cpu_s", "  total CPU (s)", "{:.1f}"), ("zh_mkdocs_cpu_s", "  mkdocs CPU (s)", "{:.1f}"),
    ("zh_peak_rss_mb", "  peak memory (MB)", "{:,}"),
    ("bilingual_ratio", "bilingual / Chinese-only time", "{:.2f}"),
    ("bilingual_cpu_ratio", "bilingual / Chinese-only CPU time", "{:.2f}"),
    ("noop_s", "no-op make site (s)", "{:.1f}"), ("noop_written", "  files written", "{:,}"),
    ("one_guide_generate_s", "generate after 1-guide edit (s)", "{:.1f}"),
    ("one_guide_written", "  files written", "{:,}"),
    ("serve_first_build_s", "make serve: first build (s)", "{:.1f}"),
    ("serve_reload_s", "make serve: 1-guide edit shown after (s)", "{:.1f}"),
]


def measure(size: int, base: Path, log) -> dict:
    work = base / f"g{size}"
    content = write_corpus(work / "content", size, ROOT / "content")
    print(f"  {size} guides: corpus written, building …", flush=True)
    figures = build_figures(run_site(content, work, log)) | site_figures(work / "site")
    print(f"  {size} guides: building the Chinese edition alone …", flush=True)
    zh = build_figures(run_site(content, base / f"g{size}-zh", log, languages="zh"))
    shutil.rmtree(base / f"g{size}-zh", ignore_errors=True)
    figures |= {"zh_total_s": zh["total_s"], "zh_mkdocs_s": zh["mkdocs_s"], "zh_pagefind_s": zh["pagefind_s"],
                "zh_total_cpu_s": zh["total_cpu_s"], "zh_mkdocs_cpu_s": zh["mkdocs_cpu_s"],
                "zh_peak_rss_mb": zh["peak_rss_mb"], "bilingual_ratio": round(figures["total_s"] / zh["total_s"], 3),
                # CPU time, which other load on a shared machine inflates less than wall time
                "bilingual_cpu_ratio": round(figures["total_cpu_s"] / zh["total_cpu_s"], 3)}
    noop = run_site(content, work, log)
    assert noop["stats"]["skipped"], "an unchanged rebuild ran mkdocs"
    edited, number, _ = edit_one_guide(content)
    one = run_generate(content, work, log)
    return figures | {
        "noop_s": round(noop["seconds"], 2), "noop_written": len(noop["stats"]["written"]),
        "one_guide_generate_s": round(one["seconds"], 2),
        "one_guide_edit": f"{edited.relative_to(content).as_posix()}: title of topic {number}",
        "one_guide_written": len(one["stats"]["written"]), "one_guide_files": one["stats"]["written"],
    }


def targets(small: dict, large: dict) -> list[tuple[str, bool]]:
    """The figures issue 11 asks of the large corpus (at 1,000 guides), each met or not."""
    return [
        ("total make site ≤ 150 s", large["total_s"] <= 150),
        ("≤ 25 × the small corpus's time", large["total_s"] <= 25 * small["total_s"]),
        ("peak memory < 6 GB", large["peak_rss_mb"] < 6 * 1024),
        ("generator share < 15 %", large["generator_share"] < 0.15),
        ("topic page HTML within 10 %",
         abs(large["topic_html_median_bytes"] / small["topic_html_median_bytes"] - 1) <= 0.10),
        ("no HTML page over 1 MB", large["largest_html_bytes"] <= 1024 * 1024),
        ("comparison page HTML within 10 % (issue 16)", bool(small["comparison_html_median_bytes"]) and
         abs(large["comparison_html_median_bytes"] / small["comparison_html_median_bytes"] - 1) <= 0.10),
        ("home page HTML ≤ 100 kB, its lists capped (issue 16)", large["home_html_bytes"] <= 100 * 1024),
        ("no-op make site writes nothing", large["noop_written"] == 0),
        ("bilingual make site ≤ 1.4 × Chinese-only", large["bilingual_ratio"] <= 1.4),
        ("English topic page HTML within 10 %", bool(large.get("en_topic_html_median_bytes")) and abs(
            large["en_topic_html_median_bytes"] / small["en_topic_html_median_bytes"] - 1) <= 0.10),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=1000, help="the large corpus (default 1000)")
    parser.add_argument("--small", type=int, default=50, help="the small corpus it is compared with (default 50)")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench.json")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--serve", action="store_true",
                        help="also time how long `make serve` takes to show an edit to one guide (large corpus)")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    log_path = base / "bench.log"
    load_before = [round(x, 2) for x in os.getloadavg()]  # other work on the machine slows every figure
    print(f"benchmark: {args.small} and {args.guides} guides in {base} (log: {log_path})", flush=True)
    try:
        with log_path.open("w", encoding="utf-8") as log:
            results = [measure(n, base, log) for n in (args.small, args.guides)]
            if args.serve:
                print(f"  {args.guides} guides: timing make serve …", flush=True)
                results[-1] |= measure_serve(base / f"g{args.guides}" / "content", base / f"g{args.guides}", log)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    machine = {
        "nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
        "mem_total_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    checks = targets(results[0], results[-1])
    args.json.write_text(json.dumps({"machine": machine, "runs": results, "targets": dict(checks)},
                                    indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    for name, met in checks:
        print(f"{'met ' if met else 'MISSED'}  {name}")
    print(f"machine: {machine}")
    print(f"wrote {args.json}")
    return 0


def table(results: list[dict]) -> str:
    small, large = results[0], results[-1]
    lines = [f"| figure | {small['guides']:,} guides | {large['guides']:,} guides | ratio |", "| --- | ---: | ---: | ---: |"]
    for key, label, fmt in ROWS:
        a, b = small.get(key), large.get(key)
        if a is None and b is None:
            continue
        ratio = f"{b / a:.2f}×" if isinstance(a, (int, float)) and a and b is not None else ""
        cell = lambda v: "—" if v is None else fmt.format(v)
        lines.append(f"| {label} | {cell(a)} | {cell(b)} | {ratio} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
