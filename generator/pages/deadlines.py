"""Deadlines at a glance: every application window, one row per guide, by closing month.

`deadlines/` lists the windows still to close (soonest first) and the PAST most recently closed
(dimmed), with status, days left, region and funding, and the calendar subscription; every year
with closed windows has `deadlines/<year>/` listing all of that year's. One row per guide (a
window belongs to the guide, not its topics) keeps the pages a few hundred kB at 1,000 guides.
Status and days are as of the build date and redone in the reader's time by atlas-status.js.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from itertools import groupby

from .. import export, i18n
from ..render import page_path
from ..write import Output

URL = "deadlines/"
PAST = 60  # closed windows on the main page; the rest by year
META = {"hide": ["navigation"]}  # kept out of the search index: page_meta.UNINDEXED


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    guides: list

    def name(self, lang: str) -> str:
        """The month as the edition writes it inside `deadlines.month`: 3 (zh), March (en, by Babel)."""
        return i18n.month_name(self.month, lang)


def year_url(year: int) -> str:
    return f"{URL}{year}/"


def months(guides: list) -> list[Month]:
    return [Month(y, m, list(gs)) for (y, m), gs in
            groupby(guides, key=lambda g: (g.window.closes.year, g.window.closes.month))]


def outputs(site, renderer):
    calls = [g for g in export.calls(site)]
    timed = [g for g in calls if g.window]
    today = site.build_date
    coming = sorted((g for g in timed if g.window.closes.date() >= today), key=lambda g: (g.window.closes, g.key))
    past = sorted((g for g in timed if g.window.closes.date() < today), key=lambda g: (g.window.closes, g.key),
                  reverse=True)
    years = sorted({g.window.closes.year for g in past}, reverse=True)
    yield Output(page_path(URL), partial(
        renderer.render, "deadlines.md.j2", URL, meta=META, coming=months(coming),
        past=months(past[:PAST]), more_past=len(past) > PAST, years=years, without=len(calls) - len(timed),
        year=None, calendar=export.ALL_CALENDAR, year_url=year_url))
    for y in years:
        yield Output(page_path(year_url(y)), partial(
            renderer.render, "deadlines.md.j2", year_url(y), meta=META, coming=[],
            past=months([g for g in past if g.window.closes.year == y]), more_past=False, years=years, without=0,
            year=y, calendar=export.ALL_CALENDAR, year_url=year_url))
