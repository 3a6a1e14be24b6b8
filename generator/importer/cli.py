"""The `import` subcommand: run the importer, print what it wrote and a short report, or one error line."""

from __future__ import annotations

import sys
from pathlib import Path

from . import ImportFailure, import_guide


def run(args, shown) -> int:
    """Run `python -m generator import`; `shown` turns a path into what to print (relative when it can)."""
    try:
        done = import_guide(args.source, args.content, region=args.region, year=args.year, output=args.output,
                            url=args.url, ocr=args.ocr)
    except ImportFailure as exc:
        print(f"{args.source}: {exc}; nothing was written", file=sys.stderr)
        return 1
    except (MemoryError, RecursionError):
        print(f"{args.source}: the file is too complex to read within the limits; save it again as .docx or PDF; "
              "nothing was written", file=sys.stderr)
        return 1
    print(f"wrote {shown(done.guide_path)}")
    print(f"wrote {shown(done.source_path)} (the extracted text)")
    print(done.report())
    report = args.report or Path(__file__).resolve().parents[2] / "build" / "import" / f"{done.guide['id']}.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(done.report(full=True) + "\n", encoding="utf-8")
    print(f"full report (every field with its source lines): {shown(report)}")
    print("next: review the “# 待核对 review” comments, then make check and make serve")
    return 0

