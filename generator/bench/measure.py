"""Build a content folder the way `make site` does and read the figures off the result.

The build runs as `python -m generator site` in a child process (so its time includes
interpreter start-up and imports, and its memory is its own); peak memory comes from
os.wait4, which reports that child's own peak resident set with its children's
(MkDocs, Pagefind), not a running maximum over the benchmark. The generator's share
is what is left of the wall time after MkDocs and Pagefind.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def run_site(content: Path, work: Path, log, languages: str | None = None) -> dict:
    """One `python -m generator site` run (of the editions in `languages`, default all); its wall
    time, peak memory and step stats."""
    stats = work / "stats.json"
    stats.parent.mkdir(parents=True, exist_ok=True)
    stats.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "generator", "--content", str(content),
           *(["--languages", languages] if languages else []), "site",
           "--out", str(work / "build" / "docs"), "--site-dir", str(work / "site"), "--stats", str(stats)]
    return _timed(cmd, log) | {"stats": json.loads(stats.read_text(encoding="utf-8"))}


def run_generate(content: Path, work: Path, log) -> dict:
    stats = work / "stats.json"
    stats.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "generator", "--content", str(content), "generate",
           "--out", str(work / "build" / "docs"), "--stats", str(stats)]
    return _timed(cmd, log) | {"stats": json.loads(stats.read_text(encoding="utf-8"))}


def _timed(cmd: list[str], log) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            cwd=Path(__file__).resolve().parents[2])
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{' '.join(cmd[:6])} … failed; see the log")
    return {"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime}


def build_figures(run: dict) -> dict:
    stats = run["stats"]
    steps = {s["name"]: s for s in stats["steps"]}
    mkdocs, pagefind = steps["mkdocs"], steps["pagefind"]
    total = run["seconds"]
    generate = total - mkdocs["seconds"] - pagefind["seconds"]
    return {
        "guides": stats["guides"], "topics": stats["topics"],
        "generate_s": round(generate, 2), "mkdocs_s": round(mkdocs["seconds"], 2),
        "pagefind_s": round(pagefind["seconds"], 2), "total_s": round(total, 2),
        "generator_share": round(generate / total, 3),
        # CPU time, which other load on the machine does not inflate as it does wall time
        "generate_cpu_s": round(stats["cpu_s"], 2), "mkdocs_cpu_s": round(mkdocs["cpu_seconds"], 2),
        "pagefind_cpu_s": round(pagefind["cpu_seconds"], 2), "total_cpu_s": round(run["cpu_s"], 2),
        # os.wait4 gives the largest single process; the editions' MkDocs run at once, so their
        # peaks added (the mkdocs step's figure) count when larger.
        "peak_rss_mb": round(max(run["peak_rss_mb"], mkdocs["peak_rss_mb"])),
        "generate_rss_mb": round(stats["generate_rss_mb"]), "mkdocs_rss_mb": round(mkdocs["peak_rss_mb"]),
        "pagefind_rss_mb": round(pagefind["peak_rss_mb"]),
        "markdown_files": len(stats["written"]) + stats["unchanged"],
    }


def site_figures(site: Path) -> dict:
    """Pages, topic page sizes (each edition's), comparison page sizes, the largest page, the whole site."""
    html, topic_sizes, topic_gzip, compare_sizes, site_bytes = [], [], [], [], 0
    en_sizes = []
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            path = Path(dirpath) / name
            size = path.stat().st_size
            site_bytes += size
            if name.endswith(".html"):
                rel = path.relative_to(site).parts
                html.append((size, "/".join(rel)))
                if rel[0] == "guides" and len(rel) == 6:  # guides/<region>/<guide>/<track>/<topic>/index.html
                    data = path.read_bytes()
                    topic_sizes.append(len(data))
                    topic_gzip.append(len(gzip.compress(data, 6)))
                elif rel[:2] == ("en", "guides") and len(rel) == 7:  # the English edition's topic pages
                    en_sizes.append(size)
                if rel[0] == "programmes" and len(rel) == 5:  # programmes/<region>/<programme>/<a>-<b>/index.html
                    compare_sizes.append(size)
    largest = max(html)
    return {
        "pages": len(html),
        "topic_html_median_bytes": int(statistics.median(topic_sizes)),
        "topic_html_gzip_median_bytes": int(statistics.median(topic_gzip)),
        "en_topic_html_median_bytes": int(statistics.median(en_sizes)) if en_sizes else None,
        "largest_html_bytes": largest[0], "largest_html": largest[1],
        "site_bytes": site_bytes,
        "comparison_pages": len(compare_sizes),
        "comparison_html_median_bytes": int(statistics.median(compare_sizes)) if compare_sizes else None,
        "comparison_html_max_bytes": max(compare_sizes) if compare_sizes else None,
        "home_html_bytes": (site / "index.html").stat().st_size,
        "deadlines_html_bytes": (site / "deadlines" / "index.html").stat().st_size,
    }
