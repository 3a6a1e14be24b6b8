"""The `import` subcommand: run the importer, print what it wrote and a short report, or one error line."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub) -> None:
    """The `import` subcommand's arguments (make import passes FILE, REGION, YEAR, URL, OUTPUT, OCR)."""
    imp = sub.add_parser("import", help="turn a published guide file into a draft YAML guide (make import)")
    imp.add_argument("source", type=Path, help=".docx, .doc, .pdf, .html, .txt or .md")
    imp.add_argument("--region", default="", help="slug from content/regions.yml or a Chinese name (宜昌)")
    imp.add_argument("--year", default="")
    imp.add_argument("--output", type=Path, help="write the draft here (the guide id is the file name)")
    imp.add_argument("--url", default="", help="address of the official notice (source.url)")
    imp.add_argument("--ocr", action="store_true", help="recognise a scanned PDF with tesseract (chi_sim)")
    imp.add_argument("--report", type=Path, help="write the full report (every field's source lines) here")


def run(args, shown, today: str) -> int:
    """Run `python -m generator import`; `shown` turns a path into what to print (relative when it can),
    `today` is the date the draft is `updated` (the build date: ATLAS_BUILD_DATE or today in Beijing)."""
    from . import ImportFailure, import_guide  # imported when used: `make check` does not need the importer

    try:
        done = import_guide(args.source, args.content, region=args.region, year=args.year, output=args.output,
                            url=args.url, ocr=args.ocr, today=today)
    except ImportFailure as exc:
        print(f"{args.source}: {exc}; nothing was written", file=sys.stderr)
        return 1
    except (MemoryError, RecursionError):
        print(f"{args.source}: the file is too complex to read within the limits; save it again as .docx or PDF; "
              "nothing was written", file=sys.stderr)
        return 1
    except Exception as exc:  # a file shape the importer does not handle yet: one line, not a traceback
        print(f"{args.source}: the importer could not read this file ({type(exc).__name__}: {exc}); "
              "save it as .docx and try again, or report it with the file; nothing was written", file=sys.stderr)
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

