"""The raw source texts, published beside the guides that cite them (read by the process writing them).

Each is published twice: as the text file itself (sources/NAME.txt, which the open data names),
with a UTF-8 byte-order mark so that a browser reads it right from any server, even one that sends
text/plain without a charset (python3 -m http.server, nginx's default); and as a page
(sources/NAME/) with numbered lines a guide can link to (#L12). Source pages are not indexed for
search: the guides' own pages hold the same text.
"""

from __future__ import annotations

from functools import partial

from ..page_meta import source_page
from ..render import page_path
from ..write import Output

BOM = b"\xef\xbb\xbf"


def outputs(site, renderer):
    guides: dict[str, object] = {}
    for g in site.guides:
        guides.setdefault(g.source_file, g)
    for path in sorted(guides):
        yield Output(path, partial(_text, site.content_dir / path))
        url = source_page(path)
        yield Output(page_path(url), partial(_page, renderer, site.content_dir / path, url, path, guides[path]))


def _text(file) -> bytes:
    raw = file.read_bytes()
    return raw if raw.startswith(BOM) else BOM + raw


def _page(renderer, file, url: str, path: str, guide) -> str:
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    meta = {"search": {"exclude": True}, "hide": ["toc", "navigation"]}
    return renderer.render("source.md.j2", url, meta=meta, guide=guide, lines=lines, file=path)
