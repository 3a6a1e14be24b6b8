"""Application status as of a day, and the window data pages carry so a script can redo it.

The status vocabulary is the open data's (export.STATUS over model.Window.status: forecasted, open,
closed; for a call whose source gives no window, CommonGrants' custom status: `past` once the
guide's year is over (export.past_call; customValue "past" in the open data), else `custom`
(customValue "unknown")). These five are the values of the status filters (explorer, search) and
of `data-status`; the words are the i18n keys `js.status.<value>`, shared by templates and
overrides/assets/javascripts/atlas-status.js. A page shows the status as of its build date (the
no-script fallback, labelled with that date) and carries each window as `data-opens` /
`data-closes` (ISO 8601, Beijing time), or a windowless call's year as `data-atlas-year`, from
which the script recomputes the word, the days left and the home page's lists in the reader's
current Beijing time.

`windows_for_home` picks the few guides the home page lists (a fixed number however large the
corpus): those open or opening around the build date, and the most recently closed as a fallback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import export

CLOSING_SOON_DAYS = 14  # an open window with this many days left or fewer is "closing soon"
HOME_LIST = 6  # rows per home-page list
HOME_POOL = 40  # windows the home page carries for the script to sort into its lists


def value(guide, today: dt.date) -> str:
    """forecasted, open, closed; past or custom (no window): the site's status value."""
    if guide.window is None:
        return "past" if export.past_call(guide, today) else "custom"
    return export.STATUS[guide.window.status(today)]


def iso(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=export.BEIJING).isoformat(timespec="minutes")


def attrs(window) -> dict:
    """The data attributes that carry a window: {"data-opens": …, "data-closes": …}."""
    return {"data-opens": iso(window.opens), "data-closes": iso(window.closes)}


def days_left(window, today: dt.date) -> int:
    """Days from `today` to the closing day (0 on the closing day, negative after)."""
    return (window.closes.date() - today).days


def days_until(window, today: dt.date) -> int:
    return (window.opens.date() - today).days


def which_list(window, today: dt.date) -> str:
    """The home list a window belongs in on `today`: closing, open, upcoming or recent (closed)."""
    state = window.status(today)
    if state == "upcoming":
        return "upcoming"
    if state == "closed":
        return "recent"
    return "closing" if days_left(window, today) <= CLOSING_SOON_DAYS else "open"


@dataclass(frozen=True)
class HomeWindows:
    pool: list  # guides with windows the page carries, each in one list
    lists: dict  # list name -> guides in it at the build date (all of them; the page caps what it shows)


def windows_for_home(guides, today: dt.date, pool_size: int = HOME_POOL) -> HomeWindows:
    """At most `pool_size` guides: half the open ones closing soonest, a quarter the next to open,
    a quarter the most recently closed (any share left over goes to the others). A page a week
    old still holds what opened or closed since it was built, for the script to move."""
    by_state: dict[str, list] = {"open": [], "upcoming": [], "closed": []}
    for g in guides:
        if g.window is not None:
            by_state[g.window.status(today)].append(g)
    by_state["open"].sort(key=lambda g: (g.window.closes, g.key))
    by_state["upcoming"].sort(key=lambda g: (g.window.opens, g.key))
    by_state["closed"].sort(key=lambda g: (g.window.closes, g.key), reverse=True)
    share = {"open": pool_size // 2, "upcoming": pool_size // 4, "closed": pool_size - pool_size // 2 - pool_size // 4}
    spare = sum(max(0, share[k] - len(v)) for k, v in by_state.items())
    pool = []
    for k in ("open", "upcoming", "closed"):
        extra = min(spare, max(0, len(by_state[k]) - share[k]))
        spare -= extra
        pool += by_state[k][: share[k] + extra]
    lists: dict[str, list] = {"closing": [], "open": [], "upcoming": [], "recent": []}
    for g in pool:
        lists[which_list(g.window, today)].append(g)
    return HomeWindows(pool, lists)


def funding_range(topics) -> tuple[float, float] | None:
    """The smallest and largest stated funding (万元) of some topics, or None."""
    amounts = [t.funding.amount for t in topics if t.funding and t.funding.amount is not None]
    return (min(amounts), max(amounts)) if amounts else None
