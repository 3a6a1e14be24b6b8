"""What the theme learns about a page beyond its text (front matter the Renderer adds).

- `description`: the page's own summary for search engines and link previews (Material's
  `<meta name="description">`, and OpenGraph in overrides/partials/atlas-head.html): a topic's
  first paragraph of summary or research content, a guide's opening text, else its title.
- `atlas_tab`: the header tab a page belongs under when it is not in the navigation itself
  (guides, tracks and topics under 地区, plans under 规划, tag pages under 标签 …), highlighted by
  overrides/partials/tabs-item.html.
- `atlas_source`: the content file the page is made from (content/guides/<region>/<id>.yml), for
  the edit and report-an-error buttons (overrides/partials/actions.html).
- `source_page(file)`: the URL of the page that shows a source text with numbered lines.
- The repository address (ATLAS_REPO_URL, e.g. https://github.com/owner/repo; the deploy workflow
  sets it): the edit buttons and the about page's link to CONTRIBUTING.md need it; without it
  the pages name the file instead. Given to the theme as config.extra.repository (edition.py).
- `search: {exclude: true}` for pages that only list others (UNINDEXED; a tag's own page is indexed
  for its names and description only, its listing marked data-pagefind-ignore in tag.md.j2): main.html leaves out
  data-pagefind-body, so a search finds the topic or guide itself, and no excerpt is a listing's
  labels and counts ("人才. Talent. 2. 2. 2.") or the explorer's empty state.
"""

from __future__ import annotations

import os
import re

from . import i18n

UNINDEXED = frozenset({
    "home.md.j2", "regions.md.j2", "region.md.j2", "tags.md.j2", "tag_region.md.j2",
    "explorer.md.j2", "years.md.j2", "year.md.j2", "plans.md.j2",
    "deadlines.md.j2", "programmes.md.j2", "compare.md.j2",  # issue 16: listings of guides and topics
})

TABS = {
    "guide.md.j2": "regions/", "track.md.j2": "regions/", "topic.md.j2": "regions/", "region.md.j2": "regions/",
    "plan.md.j2": "plans/", "plan_chapter.md.j2": "plans/", "plan_annex.md.j2": "plans/",
    "tag.md.j2": "tags/", "tag_region.md.j2": "tags/", "explorer.md.j2": "explorer/", "reference.md.j2": "about/",
    "programmes.md.j2": "regions/", "programme.md.j2": "regions/", "compare.md.j2": "regions/",
}

DESCRIPTION_LENGTH = 120  # characters: what link previews and result pages show


def extra(template: str, context: dict, lang: str = i18n.DEFAULT) -> dict:
    """Front matter for a page rendered from `template` with `context` in the edition `lang` (never
    overrides what the page module gave)."""
    meta: dict = {}
    if template in UNINDEXED:
        meta["search"] = {"exclude": True}
    if template in TABS:
        meta["atlas_tab"] = TABS[template]
    plan = context.get("plan")
    guide = context.get("guide") or getattr(plan, "guide", None)
    if guide is not None and template in ("guide.md.j2", "track.md.j2", "topic.md.j2", "plan.md.j2",
                                          "plan_chapter.md.j2", "plan_annex.md.j2"):
        meta["atlas_source"] = f"content/guides/{guide.key}.yml"
        topic = context.get("topic") if template == "topic.md.j2" else None
        meta["description"] = description(topic, guide, lang)
    return meta


def description(topic, guide, lang: str = i18n.DEFAULT) -> str:
    """A topic's first paragraph (summary, else research content), a guide's opening text, or the
    title; in another edition the editors' translation where the paragraph has one (i18n.name)."""
    blocks = (topic.summary or topic.content) if topic is not None else getattr(guide, "intro", ())
    for block in blocks or ():
        if block.kind != "list":
            text = i18n.name(block.text, lang)
        else:
            text = ("；" if lang == i18n.DEFAULT else "; ").join(i18n.name(i, lang) for i in block.items)
        if text.strip():
            return clip(text)
    return clip(i18n.name(topic.title if topic is not None else guide.title, lang))


def clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"


_REPOSITORY = re.compile(r"^https?://[^\s()<>\"']+$")


def repository() -> str:
    """The repository's web address (ATLAS_REPO_URL, no trailing slash), or "" when unset or not an address."""
    value = os.environ.get("ATLAS_REPO_URL", "").strip().rstrip("/")
    return value if _REPOSITORY.match(value) else ""


def source_page(source_file: str) -> str:
    """The page showing a source text (sources/NAME.txt → sources/NAME/; see pages/sources.py)."""
    return source_file.removesuffix(".txt") + "/"
