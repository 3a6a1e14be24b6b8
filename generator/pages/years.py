"""Year pages: years/ lists the years the site covers; years/<year>/ every region's guides of that year."""

from __future__ import annotations

from ..groups import funding_total, guides_by_year
from ..render import page_path
from ..write import Output


def year_url(year: int) -> str:
    return f"years/{year}/"


def outputs(site, renderer):
    years = guides_by_year(site.guides)
    yield Output(page_path("years/"), renderer.render("years.md.j2", "years/", years=years))
    for i, (year, guides) in enumerate(years):
        following = years[i - 1][0] if i else None  # years run newest first
        previous = years[i + 1][0] if i + 1 < len(years) else None
        yield Output(page_path(year_url(year)), renderer.render(
            "year.md.j2", year_url(year), year=year, guides=guides, previous=previous, following=following,
            totals={g.key: funding_total(g.topics) for g in guides},
        ))
