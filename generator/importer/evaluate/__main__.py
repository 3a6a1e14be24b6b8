"""`make eval-import` (python -m generator.importer.evaluate): does the importer generalise?

Renders every guide in content/ (calls, and plans without their boxes) in `--variants` seeded variants
each (variant.py, layouts.py) over the `--formats` given, keeps the files under `--out`/variants/<id>/
(default build/eval-import/), prints the PDFs in one Chromium, imports each variant in-process and
scores it (score.py), then prints fields right per format, per guide, per field and per variant, the
overall share, the failed imports and failing drafts, and the weakest variants with their worst
fields and the command that reproduces each; everything is written to `--out`/summary.json.
A benchmark command, not a test; tests/test_eval_import.py runs a small sample.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from . import layouts, plans, render, render_docx, render_xlsx, truth
from .variant import FORMATS, Variant, choose
from .score import ROOT, evaluate


def write_files(v: Variant, files: list[layouts.File], folder: Path, issuer: str, pdfs: list) -> list[Path]:
    """Each file of the variant into `folder`; a PDF's print job is appended to `pdfs` (printed later)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in files:
        path = folder / f.name
        if f.fmt == "txt":
            render.write_text(f, v, path)
        elif f.fmt == "md":
            path.write_text(render.markdown(f, v), encoding="utf-8")
        elif f.fmt == "html":
            render.write_web_page(f, v, path, issuer)
        elif f.fmt == "docx":
            render_docx.write(f, v, path, issuer)
        elif f.fmt == "xlsx":
            render_xlsx.write(f, path)
        elif f.fmt == "pdf":
            pdfs.append((render.print_page(f, v), path, *render.header_footer(f, v, issuer)))
        else:
            raise ValueError(f"unknown format {f.fmt}")
        paths.append(path)
    return paths


def generate(seed: int, per_guide: int, formats: list[str], out: Path, only: str = "", variant: str = "",
             synthetic: int = 0) -> list[dict]:
    """Render the variants (of guides whose key holds `only`; with `variant`, only the variants whose id
    holds it); returns one record per variant (its files, description and Expected)."""
    specs = [s for s in truth.load(ROOT / "content", synthetic) if only in s.key]
    variants_dir = out / "variants"
    if variants_dir.exists() and not variant:  # one variant again leaves the others' files in place
        shutil.rmtree(variants_dir)
    records, pdfs = [], []
    for g, spec in enumerate(specs):
        for i in range(per_guide):
            fmt = formats[(g * per_guide + i) % len(formats)]
            rng = random.Random(f"{seed}:{spec.key}:{i}:{fmt}")
            if spec.plan:
                if fmt not in plans.FORMATS:  # a plan is not a spreadsheet nor a notice with attachments
                    fmt = plans.FORMATS[i % len(plans.FORMATS)]
                    if fmt not in formats:
                        continue
                v = plans.choose_plan(spec, fmt, i, rng)
                files, expected = plans.build_plan(spec, v, rng)
            else:
                v = choose(spec, fmt, i, rng)
                files, expected = layouts.build(spec, v, rng)
            if variant not in v.id:
                continue
            if (variants_dir / v.id).exists():
                shutil.rmtree(variants_dir / v.id)
            paths = write_files(v, files, variants_dir / v.id, spec.issuer, pdfs)
            records.append({"variant": v, "paths": paths, "expected": expected, "guide": spec.key})
    if pdfs:
        from .. import sample

        sample.print_html(pdfs)
    return records


def _reproduce(paths: list[Path]) -> str:
    target = paths[0] if len(paths) == 1 else paths[0].parent
    try:
        shown = target.relative_to(ROOT)
    except ValueError:
        shown = target
    return f'make import FILE="{shown}{"/" if len(paths) > 1 else ""}"'


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.importer.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variants", type=int, default=24, help="variants per guide (default 24)")
    parser.add_argument("--formats", default=",".join(FORMATS),
                        help=f"comma-separated, of {','.join(FORMATS)} (default all)")
    parser.add_argument("--guides", default="", help="only guides whose region-id contains this")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "eval-import")
    parser.add_argument("--synthetic", type=int, default=2, help="made-up guides beside content/'s (default 2)")
    parser.add_argument("--variant", default="", help="only the variants whose id contains this (all their misses shown)")
    parser.add_argument("--weakest", type=int, default=10)
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        print(f"--formats: unknown {', '.join(unknown) or '(none given)'}; choose from {', '.join(FORMATS)}",
              file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    records = generate(args.seed, args.variants, formats, args.out, args.guides, args.variant, args.synthetic)
    rendered = time.perf_counter() - started
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for r in records:
            v: Variant = r["variant"]
            res = evaluate(r["paths"], r["expected"], Path(tmp))
            s = res.score
            worst = Counter(s.wrong_by_field).most_common(4)
            rows.append({"id": v.id, "guide": r["guide"], "format": v.fmt, "describe": v.describe(),
                         "files": [str(p) for p in r["paths"]], "reproduce": _reproduce(r["paths"]),
                         "right": s.right, "total": s.total, "share": s.share, "error": res.error,
                         "check_error": res.check_error, "unplaced": res.unplaced, "review": res.review,
                         "seconds": round(res.seconds, 3), "worst_fields": worst,
                         "by_field": {k: [k_total - s.wrong_by_field[k], k_total] for k, k_total in s.by_field.items()},
                         "misses": s.misses if args.variant else s.misses[:40]})
    summary = _summary(rows, args, formats, rendered, time.perf_counter() - started)
    written = args.out / ("variant.json" if args.variant else "summary.json")  # one variant: the full run's summary kept
    written.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    _print(summary, args.weakest)
    if args.variant:
        for r in rows:
            print(f"\n{r['id']} [{r['describe']}]: every miss")
            print("\n".join("  " + m[:300] for m in r["misses"]) or "  none")
    print(f"\nfull results: {written}")
    return 0


def _summary(rows: list[dict], args, formats: list[str], rendered: float, elapsed: float) -> dict:
    def share(sel):
        right, total = sum(r["right"] for r in sel), sum(r["total"] for r in sel)
        return {"variants": len(sel), "right": right, "total": total,
                "share": round(right / total, 4) if total else 0.0,
                "failed": sum(1 for r in sel if r["error"]),
                "check_failed": sum(1 for r in sel if not r["error"] and r["check_error"]),
                "unplaced": sum(r["unplaced"] or 0 for r in sel)}

    by_format = {f: share([r for r in rows if r["format"] == f]) for f in formats}
    by_guide = {g: share([r for r in rows if r["guide"] == g]) for g in sorted({r["guide"] for r in rows})}
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    matrix: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for r in rows:
        for k, (right, total) in r["by_field"].items():
            for cell in (fields[k], matrix[k][r["format"]]):
                cell[0] += right
                cell[1] += total
    return {"seed": args.seed, "variants_per_guide": args.variants, "formats": formats,
            "render_seconds": round(rendered, 1), "seconds": round(elapsed, 1),
            "overall": share(rows), "calls": share([r for r in rows if not r["describe"].startswith("plan")]),
            "by_format": by_format, "by_guide": by_guide,
            "by_field": {k: {"right": a, "total": b, "share": round(a / b, 4) if b else 0.0}
                         for k, (a, b) in sorted(fields.items())},
            "by_field_and_format": {k: {f: round(a / b, 4) if b else None for f, (a, b) in m.items()}
                                    for k, m in sorted(matrix.items())},
            "variants": sorted(rows, key=lambda r: (r["share"], r["id"]))}


def _print(summary: dict, weakest: int) -> None:
    o = summary["overall"]
    print(f"eval-import: {o['variants']} variants, seed {summary['seed']}, {summary['seconds']} s "
          f"(rendering {summary['render_seconds']} s)")
    print(f"\n{'format':8} {'variants':>8} {'fields right':>16} {'share':>7} {'failed':>6} {'check✗':>6} {'unplaced':>8}")
    for name, x in list(summary["by_format"].items()) + [("overall", o), ("calls", summary["calls"])]:
        print(f"{name:8} {x['variants']:>8} {x['right']:>7}/{x['total']:<8} {x['share']:>7.1%} {x['failed']:>6} "
              f"{x['check_failed']:>6} {x['unplaced']:>8}")
    print("\nby guide:")
    for name, x in summary["by_guide"].items():
        print(f"  {name:42} {x['right']:>6}/{x['total']:<6} {x['share']:.1%}")
    formats = list(summary["by_format"])
    print("\nby field" + " " * 36 + "all " + " ".join(f"{f:>5}" for f in formats))
    for name, x in summary["by_field"].items():
        row = summary["by_field_and_format"].get(name, {})
        cells = " ".join(f"{row[f]:>5.0%}" if row.get(f) is not None else f"{'-':>5}" for f in formats)
        print(f"  {name:24} {x['right']:>6}/{x['total']:<6} {x['share']:>6.1%} {cells}")
    failures = Counter(r["error"].split(";")[0][:110] for r in summary["variants"] if r["error"])
    if failures:
        print("\nimports that failed (each counts all its fields wrong):")
        for error, n in failures.most_common():
            example = next(r["id"] for r in summary["variants"] if r["error"].startswith(error))
            print(f"  ×{n:<3} {error}  (e.g. {example})")
    checks = [r for r in summary["variants"] if not r["error"] and r["check_error"]]
    if checks:
        print("\ndrafts that fail make check:")
        for r in checks:
            print(f"  {r['id']}: {r['check_error'][:150]}")
    print("\nfields right per variant:")
    rows = sorted(summary["variants"], key=lambda r: r["id"])
    width = max((len(r["id"]) for r in rows), default=0)
    for left, right in zip(rows[::2], rows[1::2] + [None]):
        cell = lambda r: f"{r['share']:6.1%} {r['right']:>4}/{r['total']:<4} {r['id']:{width}}" if r else ""
        print(f"  {cell(left)}  {cell(right)}")
    print(f"\nweakest {weakest} variants:")
    for r in summary["variants"][:weakest]:
        print(f"  {r['share']:6.1%} {r['right']:>4}/{r['total']:<4} {r['id']}  [{r['describe']}]")
        if r["error"]:
            print(f"         import failed: {r['error']}")
        if r["check_error"]:
            print(f"         make check fails: {r['check_error'][:200]}")
        if r["worst_fields"]:
            print("         worst: " + ", ".join(f"{k} ×{n}" for k, n in r["worst_fields"]))
        print(f"         {r['reproduce']}")


if __name__ == "__main__":
    raise SystemExit(main())
