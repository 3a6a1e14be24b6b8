"""The raw source texts, published beside the guides that cite them (read by the process writing them)."""

from __future__ import annotations

from ..write import Output


def outputs(site, renderer):
    for path in sorted({g.source_file for g in site.guides}):
        yield Output(path, (site.content_dir / path).read_bytes)
