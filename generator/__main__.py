"""Command line: python -m generator {check,generate,site,watch,serve,new,import}."""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()

from .build import ROOT, build_date, build_site_dir, cpu_seconds, generate, load_site, peak_rss_mb
from . import i18n, serve as preview
from . import shards as sharding
from .coverage import english_coverage
from .edition import languages
from .errors import ContentError, ContentErrors
from .importer import cli as import_cli
from .scaffold import ScaffoldError, new_guide
from .validate import ContentCache


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Guide Atlas site generator.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder (default: content/)")
    parser.add_argument("--languages", help="editions to build, comma-separated (default: all, zh,en; "
                                            "same as ATLAS_LANGUAGES; zh is always built)")
    parser.add_argument("--shards-dir", type=Path, default=sharding.ROOT,
                        help="where the shards are written and built (default: build/shards; the content cache beside it)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate the content only")
    gen = sub.add_parser("generate", help="validate and write Markdown pages")
    gen.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    gen.add_argument("--stats", type=Path, help="write the time, memory and written files here (JSON)")
    site = sub.add_parser("site", help="generate, then mkdocs build --strict and Pagefind into --site-dir")
    site.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    site.add_argument("--site-dir", type=Path, default=ROOT / "site")
    site.add_argument("--stats", type=Path, help="write each step's time, memory and written files here (JSON)")
    watch = sub.add_parser("watch", help="regenerate whenever content/ changes")
    watch.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    serve = sub.add_parser("serve", help="live preview: mkdocs serve, regenerating when content/ changes (make serve)")
    serve.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    shards = sub.add_parser("shards", help="list the shards (name, pages); --generate writes their Markdown first")
    shards.add_argument("--generate", action="store_true", help="validate and write every shard's Markdown (make site)")
    shards.add_argument("--plan", action="store_true",
                        help="plan the shards again from the content (plan.json), writing no page (CI's first job)")
    shards.add_argument("--names", action="store_true", help="names only, one a line, largest first (for xargs -P)")
    shards.add_argument("--json", action="store_true", help="a JSON list of names (for a CI matrix)")
    shard_build = sub.add_parser("build", help="build one shard: its Markdown, mkdocs build --strict, Pagefind")
    shard_build.add_argument("--shard", required=True, help="a name from python -m generator shards")
    shard_build.add_argument("--no-generate", action="store_true",
                             help="its Markdown is written already (by shards --generate): only MkDocs and Pagefind")
    shard_build.add_argument("--site-dir", type=Path, default=ROOT / "site")
    shard_build.add_argument("--stats", type=Path, help="write its pages, time, CPU and peak memory here (JSON)")
    assemble = sub.add_parser("assemble", help="move the built shards into --site-dir and write the search bundles manifest")
    assemble.add_argument("--site-dir", type=Path, default=ROOT / "site")
    new = sub.add_parser("new", help="start a guide file from the commented template (make new)")
    new.add_argument("--region", default="")
    new.add_argument("--year", default="")
    new.add_argument("--slug", default="zhinan", help="the id after the year (default: zhinan)")
    import_cli.add_parser(sub)
    msgs = sub.add_parser("messages", help="the interface catalogues (generator/locale/): check | update | init LANG")
    msgs.add_argument("action", nargs="+", metavar="check|update|init LANG")
    args = parser.parse_args(argv)
    if args.command == "messages":
        from . import messages
        return messages.main(args.action)
    if args.command == "import":
        return import_cli.run(args, _shown, build_date().isoformat())
    if args.languages is not None:
        os.environ["ATLAS_LANGUAGES"] = args.languages  # read by generate and build (and in the stamps)
    try:
        languages()  # an unknown language stops here, before anything is read
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "check":
            site = load_site(args.content)
            print(f"content OK: {len(site.guides)} guides, {len(site.topics)} topics, "
                  f"{len(site.regions)} regions, {len(site.tags)} tags")
            _coverage_notice(site)
        elif args.command == "generate":
            result = _generate(args)
            if args.stats:
                _stats(args.stats, result, peak_rss_mb(), cpu_seconds())
        elif args.command == "site":
            result = _generate(args)
            generated_rss, generated_cpu = peak_rss_mb(), cpu_seconds()
            # The stamp sits beside the Markdown folder: build/site.stamp for make site.
            built = build_site_dir(args.out, args.site_dir, stamp_file=args.out.parent / "site.stamp")
            if built.skipped:
                print(f"{args.site_dir} is up to date: nothing changed since it was built")
            else:
                print(f"site built in {args.site_dir}")
            if args.stats:
                _stats(args.stats, result, generated_rss, generated_cpu, built)
        elif args.command == "watch":
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # exit normally: forked page writers end too
            return preview.watch(args, _generate)
        elif args.command == "serve":
            return preview.serve(args, _generate)
        elif args.command == "new":
            return _new(args)
        elif args.command == "shards":
            return _shards(args)
        elif args.command == "build":
            return _build_shard(args)
        elif args.command == "assemble":
            done = sharding.assemble(args.site_dir, args.shards_dir)
            print(f"site assembled in {args.site_dir}: {done['moved_files']:,} files moved from "
                  f"{len(done['rebuilt'])} shard(s) built; {len(done['kept'])} unchanged shard(s) kept")
    except sharding.ShardError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ContentErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} error(s) in content; nothing was built", file=sys.stderr)
        return 1
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"error: {' '.join(map(str, exc.cmd[:4]))} … failed (exit {exc.returncode}); "
              "the previous site/ is unchanged", file=sys.stderr)
        return 1
    return 0


def _generate(args, cache: ContentCache | None = None):
    # The stamp sits beside the Markdown folder: build/generate.stamp for make site. Each writer
    # makes for itself what its outputs share (records, related-topic masks), so a few are enough.
    jobs = min(os.cpu_count() or 1, 4)
    result = generate(args.content, args.out, stamp_file=args.out.parent / "generate.stamp", jobs=jobs, cache=cache)
    r = result.report
    if result.skipped:
        print(f"{args.out} is up to date: content and generator unchanged ({result.seconds:.2f} s)")
    else:
        print(f"generated {len(result.site.topics)} topics: {len(r.written)} written, {r.unchanged} unchanged, "
              f"{len(r.removed)} removed in {result.seconds:.2f} s")
    return result


def _shards(args) -> int:
    cache = ContentCache.on_disk(args.shards_dir.parent / "cache")
    jobs = min(os.cpu_count() or 1, 4)
    if args.generate or args.plan or not (args.shards_dir / "plan.json").is_file():
        result = sharding.generate(args.content, args.shards_dir, jobs=jobs, cache=cache, plan_only=not args.generate)
        cache.save()
        r = result.report
        if not args.generate:
            pass  # planned only
        elif result.skipped:
            print(f"shards up to date: content and generator unchanged ({result.seconds:.2f} s)", file=sys.stderr)
        else:
            print(f"generated {len(result.shards)} shards: {len(r.written)} files written, {r.unchanged} unchanged, "
                  f"{len(r.removed)} removed in {result.seconds:.2f} s; changed: {' '.join(sorted(result.changed)) or 'none'}",
                  file=sys.stderr)
        shards = result.shards
    else:
        shards = sharding.read_plan(args.shards_dir)
    if args.json:
        print(json.dumps([s.name for s in shards]))
    elif args.names:
        print("\n".join(s.name for s in sorted(shards, key=lambda s: -len(s.files))))
    else:
        for s in shards:
            print(f"{s.name}\t{s.pages}")
    return 0


def _build_shard(args) -> int:
    if not args.no_generate:
        cache = ContentCache.on_disk(args.shards_dir.parent / "cache")
        result = sharding.generate(args.content, args.shards_dir, only=args.shard, jobs=min(os.cpu_count() or 1, 4), cache=cache)
        cache.save()
        print(f"{args.shard}: {len(result.report.written)} files written in {result.seconds:.2f} s", file=sys.stderr)
    built = sharding.build(args.shard, args.site_dir, args.shards_dir)
    if args.stats:
        args.stats.parent.mkdir(parents=True, exist_ok=True)
        args.stats.write_text(json.dumps({
            "shard": args.shard, "pages": sharding.find(args.shard, args.shards_dir).pages, "skipped": built.skipped,
            "seconds": round(time.perf_counter() - STARTED, 2), "cpu_s": round(cpu_seconds(), 2),
            "peak_rss_mb": round(peak_rss_mb()), "steps": [vars(s) for s in built.steps]}), encoding="utf-8")
    print(f"{args.shard}: " + ("up to date" if built.skipped else f"built in {built.seconds:.1f} s "
          f"({', '.join(f'{s.name} {s.seconds:.1f} s, {s.peak_rss_mb:.0f} MB' for s in built.steps)})"), file=sys.stderr)
    return 0


def _coverage_notice(site) -> None:
    """English, per kind: a notice, never an error (the English edition shows the Chinese, marked,
    where English is missing). The first line keeps its form for scripts reading it."""
    c = english_coverage(site)
    text = c.paragraphs
    print(f"notice: English titles: {c.named} of {c.total} ({c.percent} %); topics' text: {text.english} of "
          f"{text.total} paragraphs ({text.percent} %); the English edition shows the Chinese, marked, where "
          "English is missing")
    for key, kind in c.kinds.items():
        label = i18n.text("en", f"coverage.kind.{key}")
        print(f"  {label + ':':<28}{kind.english:>6} of {kind.total:<6}{kind.percent:>4} %")
    missing = [kind.missing[0] for kind in c.kinds.values() if kind.missing]  # the first of each kind
    for where in missing:
        print(f"  no English yet: {where}")
    left = sum(k.total - k.english for k in c.kinds.values()) - len(missing)
    if left > 0:
        print(f"  … and {left} more")


def _stats(path: Path, result, rss_mb: float, cpu_s: float, built=None) -> None:
    """The figures `python -m generator.bench` reads: sizes, times, memory, files written."""
    path.write_text(json.dumps({
        "guides": len(result.site.guides) if result.site else None,
        "topics": len(result.site.topics) if result.site else None, "generate_skipped": result.skipped,
        "generate_s": result.seconds, "generate_rss_mb": rss_mb, "cpu_s": cpu_s,
        "skipped": built.skipped if built else None, "steps": [vars(s) for s in built.steps] if built else [],
        "written": result.report.written, "removed": result.report.removed, "unchanged": result.report.unchanged,
    }, indent=1), encoding="utf-8")


def _new(args) -> int:
    try:
        made = new_guide(args.content, args.region, args.year, args.slug, build_date().isoformat())
    except ScaffoldError as exc:
        print(f"make new: {exc}", file=sys.stderr)
        return 1
    print(f"created {_shown(made.guide)}")
    if made.source_created:
        print(f"created {_shown(made.source)} (empty): paste the guide's raw text into it")
    print("next: fill in the empty fields, run `make check` until it passes, preview with `make serve`")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    code = main()
    # The site's model is one big cycle of objects: left to the collector's last pass at exit
    # it takes most of a second to free memory the system frees anyway.
    gc.freeze()
    sys.exit(code)
