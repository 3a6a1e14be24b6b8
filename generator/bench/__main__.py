"""python -m generator.bench: build synthetic corpora of two sizes and compare them.

Writes each corpus into a temporary folder and builds it as `make site` does, in shards
(generator/bench/sharded.py: `shards --generate`, `xargs -P JOBS … build --shard`, `assemble`);
builds the four largest shards again with JOBS=1 and JOBS=2; edits one guide and times `make site`
until the site is ready to publish. Per shard: pages, seconds, CPU, peak memory. Prints a table and
writes build/bench.json (and build/bench-<N>.json per corpus: a 5,000-guide run is compared with
the last 1,000-guide one).
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
from .sharded import jobs_ratio, make_site, site_figures
from .serve import measure_serve

ROWS = [
    ("guides", "guides", "{:,}"), ("topics", "topics", "{:,}"), ("pages", "HTML pages", "{:,}"),
    ("shards", "shards", "{:,}"), ("max_shard_pages", "  largest shard (pages)", "{:,}"),
    ("total_s", f"make site, cold (s)", "{:.1f}"), ("generate_s", "  shards --generate (s)", "{:.1f}"),
    ("build_shards_s", "  build the shards (s)", "{:.1f}"), ("assemble_s", "  assemble (s)", "{:.1f}"),
    ("total_cpu_s", "total CPU (s)", "{:.1f}"), ("generate_cpu_s", "  generator CPU (s)", "{:.1f}"),
    ("build_shards_cpu_s", "  shards CPU (s)", "{:.1f}"),
    ("peak_rss_mb", "peak memory of any process (MB)", "{:,}"), ("generate_rss_mb", "  generator (MB)", "{:,}"),
    ("shard_rss_mb", "  largest shard build (MB)", "{:,}"),
    ("jobs1_s", "sample of shards, JOBS=1 (s)", "{:.1f}"), ("jobs2_s", "  same, JOBS=2 (s)", "{:.1f}"),
    ("jobs2_vs_jobs1", "  JOBS=2 / JOBS=1 wall", "{:.2f}"),
    ("one_guide_s", "one-guide edit → site ready (s)", "{:.1f}"), ("one_guide_shards", "  shards rebuilt", "{:,}"),
    ("one_guide_generate_s", "  shards --generate (s)", "{:.1f}"),
    ("site_bytes", "whole site (B)", "{:,}"), ("site_files", "files in site/", "{:,}"),
    ("largest_folder_files", "largest folder (files)", "{:,}"),
    ("topic_html_median_bytes", "topic page HTML, median (B)", "{:,}"),
    ("topic_html_gzip_median_bytes", "  gzipped (B)", "{:,}"),
    ("en_topic_html_median_bytes", "English topic page HTML, median (B)", "{:,}"),
]


def measure(size: int, base: Path, log, jobs: int, jobs_sample: bool = True) -> dict:
    work = base / f"g{size}"
    content = write_corpus(work / "content", size, ROOT / "content")
    print(f"  {size} guides: corpus written, building (JOBS={jobs}) …", flush=True)
    cold = make_site(content, work, jobs, log)
    plan = json.loads((work / "build" / "shards" / "plan.json").read_text(encoding="utf-8"))["shards"]
    figures = {"guides": size, "topics": sum(1 for _ in (work / "site" / "guides").glob("*/*/*/*/index.html")),
               **cold, "max_shard_pages": max(s["pages"] for s in cold["per_shard"])} | site_figures(work / "site")
    if jobs_sample:  # four shards of median size (the largest would take long, the smallest only start up)
        by_size = sorted(cold["per_shard"], key=lambda s: s["pages"])
        middle = max(0, len(by_size) // 2 - 2)
        sample = [s["shard"] for s in by_size[middle:middle + 4]]
        print(f"  {size} guides: shards {', '.join(sample)} again with JOBS=1 and JOBS=2 …", flush=True)
        figures |= jobs_ratio(content, work, sample, log)
    edited, number, _ = edit_one_guide(content)
    print(f"  {size} guides: one guide edited, make site …", flush=True)
    one = make_site(content, work, jobs, log)
    figures |= {"one_guide_s": one["total_s"], "one_guide_generate_s": one["generate_s"],
                "one_guide_shards": one["shards_rebuilt"], "one_guide_rebuilt": one["rebuilt"],
                "one_guide_edit": f"{edited.relative_to(content).as_posix()}: title of topic {number}"}
    if size > 100:
        shutil.rmtree(work / "content", ignore_errors=True)
    return figures


def targets(small: dict, large: dict, reference: dict | None) -> list[tuple[str, bool]]:
    """The figures issue 22 asks (`reference`: an earlier run at 1,000 guides, for the 5,000-guide ones)."""
    checks = [
        ("peak memory of any process < 4 GB", large["peak_rss_mb"] < 4096),
        ("largest folder ≤ 10,000 files", large["largest_folder_files"] <= 10000),
        ("topic page HTML, small vs large corpus ≤ 1.1×",
         large["topic_html_median_bytes"] <= 1.1 * small["topic_html_median_bytes"]),
    ]
    if "jobs2_vs_jobs1" in large:
        checks.append(("wall JOBS=2 / JOBS=1 ≤ 0.6", large["jobs2_vs_jobs1"] <= 0.6))
    if large["guides"] >= 5000:
        checks.append(("one-guide edit → site ready < 60 s", large["one_guide_s"] < 60))
    if reference:
        n = large["guides"] / reference["guides"]
        checks += [
            (f"peak memory, {large['guides']:,} vs {reference['guides']:,} guides ≤ 1.2×",
             large["peak_rss_mb"] <= 1.2 * reference["peak_rss_mb"]),
            (f"total CPU, {large['guides']:,} vs {reference['guides']:,} guides ≤ {1.1 * n:.1f}× (linear)",
             large["total_cpu_s"] <= 1.1 * n * reference["total_cpu_s"]),
        ]
    return checks


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=1000, help="the large corpus (default 1000)")
    parser.add_argument("--small", type=int, default=50, help="the small corpus it is compared with (default 50)")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS") or os.cpu_count() or 1))
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench.json")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--reuse-small", action="store_true",
                        help="take the small corpus's figures from the last run (build/bench-<small>.json)")
    parser.add_argument("--no-jobs-ratio", action="store_true", help="skip building a sample of shards with JOBS=1 and 2")
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
            kept = args.json.with_name(f"bench-{args.small}.json")
            if args.reuse_small and kept.is_file():  # the small corpus as measured by an earlier run
                results = [json.loads(kept.read_text(encoding="utf-8"))]
            else:
                results = [measure(args.small, base, log, args.jobs, jobs_sample=False)]
            results.append(measure(args.guides, base, log, args.jobs, jobs_sample=not args.no_jobs_ratio))
            if args.serve:
                print(f"  {args.guides} guides: timing make serve …", flush=True)
                results[-1] |= measure_serve(base / f"g{args.guides}" / "content", base / f"g{args.guides}", log)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    machine = {
        "nproc": os.cpu_count(), "jobs": args.jobs, "python": platform.python_version(), "platform": platform.platform(),
        "mem_total_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "load_average_before": load_before, "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    # Each size's figures are kept (build/bench-<N>.json), so a 5,000-guide run is compared with a 1,000-guide one.
    for r in results:
        args.json.with_name(f"bench-{r['guides']}.json").write_text(json.dumps(r, indent=1, ensure_ascii=False) + "\n")
    reference = None
    ref_path = args.json.with_name(f"bench-{args.guides // 5}.json")
    if args.guides >= 5000 and ref_path.is_file():
        reference = json.loads(ref_path.read_text(encoding="utf-8"))
        results.insert(1, reference)
    checks = targets(results[0], results[-1], reference)
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
    head = " | ".join(f"{r['guides']:,} guides" for r in results)
    lines = [f"| figure | {head} | ratio last/first |", "| --- |" + " ---: |" * (len(results) + 1)]
    cell = lambda v, fmt: "—" if v is None else fmt.format(v)
    for key, label, fmt in ROWS:
        values = [r.get(key) for r in results]
        if all(v is None for v in values):
            continue
        a, b = small.get(key), large.get(key)
        ratio = f"{b / a:.2f}×" if isinstance(a, (int, float)) and a and b is not None else ""
        lines.append(f"| {label} | {' | '.join(cell(v, fmt) for v in values)} | {ratio} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
