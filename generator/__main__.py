"""Command line: python -m generator {check,generate,site,watch}."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from .build import ROOT, build_site_dir, generate, load_site
from .errors import ContentError, ContentErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Guide Atlas site generator.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder (default: content/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate the content only")
    gen = sub.add_parser("generate", help="validate and write Markdown pages")
    gen.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    site = sub.add_parser("site", help="generate, then mkdocs build --strict and Pagefind into --site-dir")
    site.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    site.add_argument("--site-dir", type=Path, default=ROOT / "site")
    watch = sub.add_parser("watch", help="regenerate whenever content/ changes (for make serve)")
    watch.add_argument("--out", type=Path, default=ROOT / "build" / "docs")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            site = load_site(args.content)
            print(f"content OK: {len(site.guides)} guides, {len(site.topics)} topics, "
                  f"{len(site.regions)} regions, {len(site.tags)} tags")
        elif args.command == "generate":
            _generate(args)
        elif args.command == "site":
            _generate(args)
            build_site_dir(args.out, args.site_dir)
            print(f"site built in {args.site_dir}")
        elif args.command == "watch":
            return _watch(args)
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


def _generate(args) -> None:
    result = generate(args.content, args.out)
    r = result.report
    print(f"generated {len(result.site.topics)} topics: {len(r.written)} written, {r.unchanged} unchanged, "
          f"{len(r.removed)} removed in {result.seconds:.2f} s")


def _watch(args) -> int:
    def stamp():
        return sorted((p.as_posix(), p.stat().st_mtime_ns) for p in args.content.rglob("*") if p.is_file())

    last = None
    while True:
        now = stamp()
        if now != last:
            last = now
            try:
                _generate(args)
            except (ContentErrors, ContentError) as exc:
                print(exc, file=sys.stderr)
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
