"""Year pages: years/ lists the years the site covers; years/<year>/ every region's guides of that year."""

from __future__ import annotations

from functools import partial

from ..groups import funding_total, guides_by_year
from ..render import page_path
from ..write import Output


def outputs(site, renderer):
    years = guides_by_year(site.guides)
    yield Output(page_path("years/"), partial(renderer.render, "years.md.j2", "years/", years=years))
    for i, year in enumerate(years):
        following = years[i - 1] if i else None  # years run newest first
        previous = years[i + 1] if i + 1 < len(years) else None
        yield Output(page_path(year.url), partial(year_page, renderer, year, previous, following))


def year_page(renderer, year, previous, following) -> str:
    return renderer.render("year.md.j2", year.url, year=year, previous=previous, following=following,
                           totals={g.key: funding_total(g.topics) for g in year.guides})
