"""MkDocs hooks of a shard's build (generator/shards.py names them in each shard's config).

A shard's Markdown folder holds only its own pages, so MkDocs alone would find every link to
another shard's page missing. These hooks check those links as strictly as MkDocs checks links
inside one project (--strict: a warning fails the build):

- a relative link (`<a href>`, `<img src>` from Markdown) to a file of this shard is left to
  MkDocs, which checks and rewrites it as before;
- one to a file of another shard of the edition (build/shards/files-<lang>.txt, written by the
  generator) becomes that page's URL (as MkDocs would have written it), and is kept in
  build/shards/site/<shard>.links so that an unchanged shard's links are checked again later;
- any other relative link is an error: `file: link to 'x': no page or file 'y' in any shard`.

The shard config sets MkDocs' own `not_found` and `unrecognized_links` checks to ignore: these
hooks make them. The nav's pages (home, regions, tags …) live in the hub shard: in the others an
empty, unindexed page stands in for each (on_files) so the nav resolves as in the whole site;
they are never moved into site/.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.atlas_shard")
STATE: dict = {}
STUB = "---\nsearch:\n  exclude: true\n---\n"


def on_config(config):
    docs = Path(config.docs_dir)
    root = docs.parent.parent  # build/shards
    STATE.update(docs=docs, everywhere=set((root / f"files-{config.theme['language']}.txt").read_text(
        encoding="utf-8").split("\n")), links=root / "site" / f"{docs.name}.links", outside=[])
    config.markdown_extensions.append(_CrossShard())
    return config


def on_files(files, config):
    STATE["files"] = files
    for item in config.nav or ():
        for path in item.values():
            if isinstance(path, str) and path.endswith(".md") and files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=STUB))
    return files


def on_page_markdown(markdown, page, config, files):
    STATE["page"] = page
    return markdown


def on_post_build(config):
    lines = sorted(set(STATE["outside"]))
    STATE["links"].parent.mkdir(parents=True, exist_ok=True)
    STATE["links"].write_text("".join(f"{s}\t{t}\n" for s, t in lines), encoding="utf-8")


class _Links(Treeprocessor):
    def run(self, root):
        page, files = STATE["page"], STATE["files"]
        here = posixpath.dirname(page.file.src_uri)
        for el in root.iter():
            attr = "href" if el.tag == "a" else "src" if el.tag == "img" else None
            value = el.get(attr) if attr else None
            if not value:
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue  # external, a fragment of this page, or absolute: MkDocs' checks as before
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            if files.get_file_from_path(target) is not None:
                continue  # this shard's: MkDocs checks and rewrites it
            if target not in STATE["everywhere"]:
                log.warning(f"{STATE['docs'] / page.file.src_uri}: link to '{value}': no page or file "
                            f"'{target}' in any shard")
                continue
            STATE["outside"].append((page.file.src_uri, target))
            if target.endswith(".md"):
                url = target[:-len("index.md")] if target.endswith("index.md") else target[:-3] + "/"
            else:
                url = target
            rel = get_relative_url(url or ".", page.url or ".")
            if url.endswith("/") or not url:
                rel = rel.rstrip("/") + "/"
            el.set(attr, rel + (f"#{parts.fragment}" if parts.fragment else ""))


class _CrossShard(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns made the links (20), before MkDocs' own rewriting (relpath, 0).
        md.treeprocessors.register(_Links(md), "atlas_cross_shard", 1)
