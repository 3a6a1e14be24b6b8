"""The `import` subcommand: run the importer, print what it wrote and a short report, or one error line."""

from __future__ import annotations

import sys
from pathlib import Path


def add_parser(sub) -> None:
    """The `import` subcommand's arguments (make import passes FILE, REGION, YEAR, URL, OUTPUT, OCR)."""
    imp = sub.add_parser("import", help="turn a published guide file into a draft YAML guide (make import)")
    imp.add_argument("source", type=Path, nargs="+",
                     help="the publication's files or a folder of them (.docx .doc .pdf .html .txt .md .xlsx .xls .ofd), "
                          "the notice first, then its attachments")
    imp.add_argument("--split", action="store_true",
                     help="make import: one SOURCE that names an existing path is one file, else it is several "
                          "paths separated by spaces")
    imp.add_argument("--region", default="", help="slug from content/regions.yml or a Chinese name (宜昌)")
    imp.add_argument("--year", default="")
    imp.add_argument("--output", type=Path, help="write the draft here (the guide id is the file name)")
    imp.add_argument("--url", default="", help="address of the official notice (source.url)")
    imp.add_argument("--ocr", action="store_true", help="recognise a scanned PDF with tesseract (chi_sim)")
    imp.add_argument("--report", type=Path, help="write the full report (every field's source lines) here")


def files(given: list[Path], split: bool) -> list[Path]:
    """The paths to read. With `split` (make import FILE=…): a single value naming an existing path is one file
    (a name with spaces); otherwise it is split at whitespace into several paths, each of which must exist."""
    from .read import ImportFailure

    if not split or len(given) != 1 or given[0].exists():
        return given
    value = str(given[0])
    paths = [Path(p) for p in value.split()]
    if not paths:
        raise ImportFailure("say which file: make import FILE=path/to/guide.docx")
    missing = [p for p in paths if not p.exists()]
    if missing:
        if len(paths) == 1:
            raise ImportFailure(f"{value}: no such file; check the path")
        raise ImportFailure(f"{value!r} is not a file, and read as several paths {', '.join(map(str, missing))} "
                            "does not exist; check the names (a name with spaces must be the whole FILE value)")
    return paths


def run(args, shown, today: str) -> int:
    """Run `python -m generator import`; `shown` turns a path into what to print (relative when it can),
    `today` is the date the draft is `updated` (the build date: ATLAS_BUILD_DATE or today in Beijing)."""
    from . import ImportFailure, import_guide  # imported when used: `make check` does not need the importer

    try:
        sources = files(args.source, args.split)
    except ImportFailure as exc:
        print(f"{exc}; nothing was written", file=sys.stderr)
        return 1
    first = sources[0] if len(sources) == 1 else " ".join(map(str, sources))
    try:
        done = import_guide(sources if len(sources) > 1 else sources[0], args.content, region=args.region, year=args.year, output=args.output,
                            url=args.url, ocr=args.ocr, today=today)
    except ImportFailure as exc:
        print(f"{getattr(exc, 'path', None) or first}: {exc}; nothing was written", file=sys.stderr)
        return 1
    except (MemoryError, RecursionError):
        print(f"{first}: the file is too complex to read within the limits; save it again as .docx or PDF; "
              "nothing was written", file=sys.stderr)
        return 1
    except Exception as exc:  # a file shape the importer does not handle yet: one line, not a traceback
        print(f"{first}: the importer could not read this file ({type(exc).__name__}: {exc}); "
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

