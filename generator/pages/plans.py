"""Plans (规划): the plans index, and per plan its overview, a page per chapter and the annex.

Each page is rendered by the process that writes it (see write.py)."""

from __future__ import annotations

from functools import partial

from .. import i18n
from ..groups import year_url
from ..render import page_path
from ..write import Output


def outputs(site, renderer):
    plans = [g.plan for g in site.guides if g.plan is not None]
    yield Output(page_path("plans/"), partial(renderer.render, "plans.md.j2", "plans/", plans=plans))
    for plan in plans:
        yield Output(page_path(plan.url), partial(overview, renderer, plan))
        for i, chapter in enumerate(plan.chapters):
            previous = plan.chapters[i - 1] if i else None
            following = plan.chapters[i + 1] if i + 1 < len(plan.chapters) else plan.annex
            yield Output(page_path(chapter.url), partial(chapter_page, renderer, plan, chapter, previous, following))
        if plan.annex:
            yield Output(page_path(plan.annex.url), partial(annex_page, renderer, plan))


def overview(renderer, plan) -> str:
    return renderer.render("plan.md.j2", plan.url, meta=plan_meta(plan, lang=renderer.lang), plan=plan, year_url=year_url(plan.guide.year))


def chapter_page(renderer, plan, chapter, previous, following) -> str:
    return renderer.render("plan_chapter.md.j2", chapter.url, meta=plan_meta(plan, chapter, renderer.lang), plan=plan,
                           chapter=chapter, previous=previous, following=following)


def annex_page(renderer, plan) -> str:
    return renderer.render("plan_annex.md.j2", plan.annex.url, meta=plan_meta(plan, lang=renderer.lang), plan=plan,
                           annex=plan.annex, previous=plan.chapters[-1])


def plan_meta(plan, chapter=None, lang: str = i18n.DEFAULT) -> dict:
    """Front matter for plan pages: facts the theme may show to search (page.meta.atlas), named in
    the edition's language (as a topic's: pages/guides.py topic_meta).
    (The page title comes from the h1, as on every page: Renderer.render.)"""
    guide = plan.guide
    atlas = {
        "kind": "plan",
        "region": i18n.name(guide.region, lang),
        "region_slug": guide.region.slug,
        "year": guide.year,
        "guide": i18n.name(guide.name, lang),
    }
    if chapter is not None:
        atlas["chapter"] = i18n.name(chapter.heading, lang)
        atlas["tags"] = sorted({i18n.name(t, lang) for s in chapter.walk() for t in s.tags})
    return {"atlas": atlas}
