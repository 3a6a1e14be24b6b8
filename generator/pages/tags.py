"""Cross-city tag pages: one per tag, and an overview of tags × regions."""

from __future__ import annotations

from ..render import page_path
from ..write import Output


def pinyin_key(text: str) -> str:
    from pypinyin import lazy_pinyin  # imported on first use, as in slugs.py

    return " ".join(lazy_pinyin(text))


def outputs(site, renderer):
    tags = sorted(site.tags, key=lambda t: pinyin_key(t.zh))
    yield Output(page_path("tags/"), renderer.render("tags.md.j2", "tags/", tags=tags))
    for tag in tags:
        yield Output(page_path(tag.url), renderer.render("tag.md.j2", tag.url, tag=tag, topics=site.topics_by_tag[tag.slug]))
