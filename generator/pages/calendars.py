"""iCalendar files (RFC 5545) of application windows: all guides, one per region, one per guide.

Made with the icalendar library. One event per guide window: timed in Asia/Shanghai
(TZID, with the VTIMEZONE) when the source gives hours, all-day dates otherwise (DTEND
is the day after the last day, as RFC 5545 wants). Guides without a window have no
event. UIDs are the window's UUIDv5 (generator/export.py), so they survive rebuilds;
DTSTAMP and LAST-MODIFIED are the guide's `updated` date, never the clock.

Every calendar carries the Asia/Shanghai VTIMEZONE: all times on the site are Beijing
time, and it keeps a region calendar with no window yet a valid calendar (RFC 5545 wants
at least one component). Subscribing to a region's calendar picks up its future windows.
Each calendar is made by the process that writes it (see write.py). Without SITE_URL an event
has no URL and names no page (a relative path is no address in a calendar).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache, partial

from icalendar import Calendar, Event, Timezone

from .. import export
from ..write import Output

TZID = "Asia/Shanghai"
SHANGHAI = zoneinfo.ZoneInfo(TZID)
# China has kept UTC+8 without daylight time since 1992; the VTIMEZONE covers from then on.
TZ_FROM, TZ_TO = dt.date(1992, 1, 1), dt.date(2038, 1, 1)
PRODID = "-//Guide Atlas//指南图谱//ZH"


def outputs(site, renderer):
    links = export.Links(export.site_base())
    guides = [g for g in export.calls(site) if g.window]
    yield Output(export.ALL_CALENDAR, partial(calendar, "指南图谱：申报时间", guides, links))
    for region in site.regions:
        yield Output(export.region_calendar(region), partial(
            calendar, f"指南图谱：{region.zh}申报时间", [g for g in guides if g.region is region], links))
    for guide in guides:
        yield Output(export.guide_files(guide)["calendar"], partial(calendar, guide.name.zh, [guide], links))


@lru_cache(maxsize=None)
def shanghai_vtimezone() -> Timezone:
    """Asia/Shanghai as a VTIMEZONE, built once (icalendar takes a while to derive it)."""
    return Timezone.from_tzinfo(SHANGHAI, tzid=TZID, first_date=TZ_FROM, last_date=TZ_TO)


def calendar(name: str, guides: list, links) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(shanghai_vtimezone())
    for guide in sorted(guides, key=lambda g: (g.window.opens, g.key)):
        cal.add_component(event(guide, links))
    return cal.to_ical()


def event(guide, links) -> Event:
    window = guide.window
    stamp = dt.datetime(guide.updated.year, guide.updated.month, guide.updated.day,
                        tzinfo=export.BEIJING).astimezone(dt.timezone.utc)
    ev = Event()
    ev.add("uid", export.window_uid(guide))
    ev.add("dtstamp", stamp)
    ev.add("last-modified", stamp)
    ev.add("summary", f"申报：{guide.name.zh}")
    if window.timed:
        ev.add("dtstart", window.opens.replace(tzinfo=SHANGHAI))
        ev.add("dtend", window.closes.replace(tzinfo=SHANGHAI))
    else:
        ev.add("dtstart", window.opens.date())
        ev.add("dtend", window.closes.date() + dt.timedelta(days=1))
    ev.add("transp", "TRANSPARENT")
    page = links.absolute(guide.url)
    lines = [guide.title.zh, f"{guide.issuer.zh} · {guide.region.zh}"]
    if window.text:
        lines.append(window.text.zh)
    lines.append(f"申报时间：{window.label()}（北京时间）")
    if guide.source_url:
        lines.append(f"官方通知：{guide.source_url}")
    # The page's address only when absolute (SITE_URL): RFC 5545's URL is a URI, and a path
    # relative to a site the calendar does not know is no address at all (generator/sitemap.py warns).
    if page:
        lines.append(page)
        ev.add("url", page)
    ev.add("description", "\n".join(lines))
    ev.add("categories", [guide.region.zh])
    return ev
