"""The sharded build as `make site` runs it, measured: `shards --generate`, then the shards built by
`xargs -P JOBS` (each `build --shard` writes its own figures: --stats), then `assemble`.

Each command is one child of this process; os.wait4 gives its wall time, its CPU time and the
peak resident memory of the largest process it ran (xargs's: the largest shard build, MkDocs or
Pagefind). Nothing here schedules the shards: xargs does, as in the Makefile.
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

REPO = Path(__file__).resolve().parents[2]


def _cmd(content: Path, work: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--content", str(content), "--shards-dir", str(work / "build" / "shards")]


def _timed(cmd: list[str], log, stdout=None, env: dict | None = None) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout or log, stderr=log, cwd=REPO,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{' '.join(map(str, cmd[:8]))} … failed; see the log")
    return {"seconds": round(time.perf_counter() - start, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def build_shards(content: Path, work: Path, names: list[str], jobs: int, log) -> tuple[dict, list[dict]]:
    """`xargs -P jobs` over `build --no-generate --shard NAME`; its figures and each shard's."""
    stats = work / "stats"
    stats.mkdir(parents=True, exist_ok=True)
    for old in stats.glob("*.json"):
        old.unlink()
    cmd = ["xargs", "-P", str(jobs), "-I{}", *_cmd(content, work), "build", "--no-generate",
           "--site-dir", str(work / "site"), "--stats", str(stats / "{}.json"), "--shard", "{}"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=log, stderr=log, cwd=REPO,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    proc.stdin.write(("\n".join(names) + "\n").encode())
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError("building the shards failed; see the log")
    whole = {"seconds": round(time.perf_counter() - start, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
             "peak_rss_mb": round(usage.ru_maxrss / 1024)}
    shards = [json.loads((stats / f"{n}.json").read_text(encoding="utf-8")) for n in names]
    return whole, shards


def make_site(content: Path, work: Path, jobs: int, log) -> dict:
    """What `make site JOBS=jobs` runs; the figures of each step and of the whole."""
    names_file = work / "names.txt"
    with names_file.open("w") as out:
        gen = _timed(_cmd(content, work) + ["shards", "--generate", "--names"], log, stdout=out)
    names = names_file.read_text().split()
    print(f"    shards --generate: {gen}; {len(names)} shards", flush=True)
    built, shards = build_shards(content, work, names, jobs, log)
    print(f"    build --shard × {len(names)} (xargs -P {jobs}): {built}", flush=True)
    asm = _timed(_cmd(content, work) + ["assemble", "--site-dir", str(work / "site")], log)
    print(f"    assemble: {asm}", flush=True)
    rebuilt = [s for s in shards if not s["skipped"]]
    return {
        "total_s": round(gen["seconds"] + built["seconds"] + asm["seconds"], 2),
        "generate_s": gen["seconds"], "build_shards_s": built["seconds"], "assemble_s": asm["seconds"],
        "total_cpu_s": round(gen["cpu_s"] + built["cpu_s"] + asm["cpu_s"], 2),
        "generate_cpu_s": gen["cpu_s"], "build_shards_cpu_s": built["cpu_s"], "assemble_cpu_s": asm["cpu_s"],
        "peak_rss_mb": max(gen["peak_rss_mb"], built["peak_rss_mb"], asm["peak_rss_mb"]),
        "generate_rss_mb": gen["peak_rss_mb"], "shard_rss_mb": built["peak_rss_mb"], "assemble_rss_mb": asm["peak_rss_mb"],
        "shards": len(names), "shards_rebuilt": len(rebuilt), "rebuilt": sorted(s["shard"] for s in rebuilt),
        "per_shard": [{k: s[k] for k in ("shard", "pages", "seconds", "cpu_s", "peak_rss_mb", "skipped")} for s in shards],
    }


def jobs_ratio(content: Path, work: Path, names: list[str], log) -> dict:
    """Wall time of building the same shards again (their stamps dropped) with JOBS=1, then JOBS=2."""
    figures = {}
    for jobs in (1, 2):
        for n in names:
            (work / "build" / "shards" / "site" / f"{n}.stamp").unlink(missing_ok=True)
        whole, _ = build_shards(content, work, names, jobs, log)
        figures[f"jobs{jobs}_s"] = whole["seconds"]
    _timed(_cmd(content, work) + ["assemble", "--site-dir", str(work / "site")], log)
    return {"jobs_sample": names, **figures, "jobs2_vs_jobs1": round(figures["jobs2_s"] / figures["jobs1_s"], 3)}


def site_figures(site: Path) -> dict:
    """Size, file count, the folder with the most files, HTML pages and topic page sizes."""
    files = size = pages = 0
    largest = (0, "")
    topic, topic_gz, en_topic = [], [], []
    for dirpath, _, names in os.walk(site):
        files += len(names)
        if len(names) > largest[0]:
            largest = (len(names), os.path.relpath(dirpath, site))
        for name in names:
            path = Path(dirpath) / name
            size += path.stat().st_size
            if name.endswith(".html"):
                pages += 1
                rel = path.relative_to(site).parts
                if rel[0] == "guides" and len(rel) == 6:  # guides/<region>/<guide>/<track>/<topic>/index.html
                    data = path.read_bytes()
                    topic.append(len(data))
                    topic_gz.append(len(gzip.compress(data, 6)))
                elif rel[:2] == ("en", "guides") and len(rel) == 7:
                    en_topic.append(path.stat().st_size)
    return {"site_bytes": size, "site_files": files, "largest_folder_files": largest[0], "largest_folder": largest[1],
            "pages": pages, "topic_html_median_bytes": int(statistics.median(topic)) if topic else None,
            "topic_html_gzip_median_bytes": int(statistics.median(topic_gz)) if topic_gz else None,
            "en_topic_html_median_bytes": int(statistics.median(en_topic)) if en_topic else None}
