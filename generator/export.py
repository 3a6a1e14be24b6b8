"""Open-data records: the one place that shapes topics and guides for machines.

topic_record and guide_record are the records of the JSON files; topics.csv flattens
them (csv_row) and the pages' JSON-LD maps them to schema.org (generator/jsonld.py), so
the three cannot disagree. The feeds and calendars take their ids and paths from here.
Everything is a pure function of the model, the build date and the site's base URL;
nothing reads the clock.

Base URL: the `SITE_URL` environment variable (the same one mkdocs.yml reads as
site_url). When it is set, every URL in the exports is absolute. When it is empty, URLs
are relative: to the site root in the CSV and JSON files (the folder that holds data/),
to the feed file in the Atom feeds, and to the page in JSON-LD; the calendars then omit
the URL property (RFC 5545 wants an absolute URI there) and name the page in the
description instead.

Identifiers never depend on the base URL: ids are UUIDv5 of a stable key under NAMESPACE,
so a guide or topic keeps its id, feed entry id and calendar UID across builds and hosts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import re
import uuid
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from . import i18n
from .model import Funding, Guide, Region, Topic

SCHEMA_PATH = Path(__file__).parent / "schema" / "opendata.schema.json"
BEIJING = dt.timezone(dt.timedelta(hours=8))
# uuid5(NAMESPACE_URL, "https://guide-atlas.invalid/"): fixed forever, so ids stay put.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://guide-atlas.invalid/")
CURRENCY = "CNY"
WAN = Decimal(10000)  # funding is published in 万元; 1 万元 = 10000 yuan

STATUS = {"upcoming": "forecasted", "open": "open", "closed": "closed"}
STATUS_WORDS = {
    "forecasted": "尚未开始申报 · Not yet open",
    "open": "正在申报 · Open for applications",
    "closed": "申报已截止 · Closed",
    "custom": "原文未载明申报时间 · The source gives no application window",
    "past": "往期（原文未载明申报时间）· Past call (the source gives no application window)",
}


def past_call(guide: Guide, today: dt.date) -> bool:
    """A call whose source gives no window and whose year is over on `today` (Beijing): a past call.
    (A guide for year Y is issued in Y-1 or Y; by Y+1 its call is certainly over.)
    overrides/assets/javascripts/atlas-status.js applies the same rule in the reader's time."""
    return guide.window is None and guide.kind == "call" and guide.year < today.year


# ---------------------------------------------------------------- paths and URLs

def site_base(environ=os.environ) -> str | None:
    """The site's absolute base URL from SITE_URL, ending in '/', or None when unset."""
    url = environ.get("SITE_URL", "").strip()
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


class Links:
    """Turns site-root paths into URLs: absolute with a base, else relative to `start`.

    `start` is where the URL will be read: '' for the site root (CSV, JSON), a file path
    (a feed), or a page URL ending in '/' (JSON-LD in that page).
    """

    def __init__(self, base: str | None, start: str = ""):
        self.base, self.start = base, start
        here = posixpath.dirname(start)
        # The folder URLs start from, as parts, when it is a plain site path (see _relative).
        self._here = [] if not here else here.split("/") if _SITE_PATH.fullmatch(here) else None

    def at(self, start: str) -> "Links":
        return Links(self.base, start)

    def url(self, path: str) -> str:
        if self.base:
            return self.base + path
        rel = self._relative(path.rstrip("/"))
        if path.endswith("/") or path == "":
            rel = "./" if rel == "." else rel + "/"
        return rel

    def _relative(self, path: str) -> str:
        """posixpath.relpath(path or '.', folder of start or '.'), without its cost (it asks for
        the working directory twice) when both are plain site paths."""
        if self._here is None or not _SITE_PATH.fullmatch(path):
            return posixpath.relpath(path or ".", posixpath.dirname(self.start) or ".")
        to = path.split("/")
        common = len(posixpath.commonprefix([to, self._here]))
        return "/".join([".."] * (len(self._here) - common) + to[common:]) or "."

    def absolute(self, path: str) -> str | None:
        return self.base + path if self.base else None


_SITE_PATH = re.compile(r"[^/.][^/]*(?:/[^/.][^/]*)*")  # relative, no empty, '.' or '..' part


def guide_files(guide: Guide) -> dict:
    """Site-root paths of the files published for a guide (calendar: None without a window)."""
    return {
        "json": f"data/guides/{guide.region.slug}/{guide.id}.json",
        "calendar": f"calendars/guides/{guide.region.slug}/{guide.id}.ics" if guide.window else None,
        "region_feed": region_feed(guide.region),
    }


def region_feed(region) -> str:
    return f"feeds/regions/{region.slug}.xml"


def tag_feed(tag) -> str:
    return f"feeds/tags/{tag.slug}.xml"


def feed_link(thing, lang: str = i18n.DEFAULT) -> dict:
    """Title (in `lang`) and site-root path of a region's or a tag's feed (for page.meta.feeds and
    the feed itself). The feeds are shared by both editions: the path is from the site's root."""
    path = region_feed(thing) if isinstance(thing, Region) else tag_feed(thing)
    return {"title": i18n.text(lang, "feed.title", name=i18n.name(thing, lang)), "href": path}


ALL_FEED = "feeds/guides.xml"
ALL_CALENDAR = "calendars/guides.ics"


def region_calendar(region) -> str:
    return f"calendars/regions/{region.slug}.ics"


# ---------------------------------------------------------------- identifiers

@lru_cache(maxsize=1 << 17)  # a guide's id goes into each of its topics' records
def stable_id(kind: str, key: str) -> str:
    """A UUIDv5 for (kind, key): the same on every build."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def guide_id(guide: Guide) -> str:
    return stable_id("guide", guide.key)


def topic_id(topic: Topic) -> str:
    return stable_id("topic", topic.key)


def window_uid(guide: Guide) -> str:
    return stable_id("window", guide.key)


# ---------------------------------------------------------------- small shapes

def calls(site) -> list[Guide]:
    """The guides that are calls for proposals (plans are not opportunities)."""
    return [g for g in site.guides if g.kind == "call"]


def plain(blocks) -> str:
    """Paragraphs and lists as text, one paragraph or list item per line (lists numbered as on the page)."""
    lines = []
    for block in blocks:
        if block.kind == "list":
            for i, item in enumerate(block.items, start=1):
                lines.append(f"{i}. {item.zh}" if block.numbered else f"- {item.zh}")
        else:
            lines.append(block.text.zh)
    return "\n".join(lines)


def yuan(amount_wan) -> Decimal:
    return Decimal(str(amount_wan)) * WAN


def money(amount_wan) -> dict:
    return {"amount": f"{yuan(amount_wan):.2f}", "currency": CURRENCY}


def funding(f: Funding | None) -> dict | None:
    if f is None:
        return None
    out = {"details": f.text.zh, "kind": f.kind}
    if f.amount is not None:
        out["amountWan"] = f.amount
        if f.kind == "fixed":
            out["minAwardAmount"] = money(f.amount)
        out["maxAwardAmount"] = money(f.amount)
    return out


def duration(d) -> dict | None:
    if d is None:
        return None
    return _compact({"text": d.text.zh, "months": d.months,
                     "start": d.start.isoformat() if d.start else None,
                     "end": d.end.isoformat() if d.end else None})


def status(guide: Guide, today: dt.date) -> dict:
    if guide.window is None:
        if past_call(guide, today):
            return {"value": "custom", "customValue": "past", "description": STATUS_WORDS["past"]}
        return {"value": "custom", "customValue": "unknown", "description": STATUS_WORDS["custom"]}
    value = STATUS[guide.window.status(today)]
    return {"value": value, "description": STATUS_WORDS[value]}


def status_word(record_status: dict) -> str:
    """forecasted, open, closed, past or unknown: the status as one word (the CSV's)."""
    return record_status.get("customValue") or record_status["value"]


def _event(name: str, value: dt.date | dt.datetime, timed: bool) -> dict:
    day = value.date() if isinstance(value, dt.datetime) else value
    event = {"name": name, "eventType": "singleDate", "date": day.isoformat()}
    if timed:
        event["time"] = value.strftime("%H:%M:%S")
        event["dateTime"] = value.replace(tzinfo=BEIJING).isoformat()
    return event


def key_dates(guide: Guide) -> dict:
    out: dict = {}
    if guide.published:
        out["postDate"] = _event("发布日期 · Published", guide.published, False)
    window = guide.window
    if window:
        out["closeDate"] = _event("申报截止 · Applications close", window.closes, window.timed)
        out["otherDates"] = {"openDate": _event("申报开始 · Applications open", window.opens, window.timed)}
    return out


def region_ref(region) -> dict:
    return {"slug": region.slug, "name": region.zh, "nameEn": region.en}


def tag_ref(tag) -> dict:
    return {"slug": tag.slug, "name": tag.zh, "nameEn": tag.en}


def contact(c) -> dict:
    return _compact({
        "role": c.role.zh if c.role else None, "office": c.office.zh if c.office else None,
        "person": c.person.zh if c.person else None, "phone": c.phone,
        "note": c.note.zh if c.note else None,
    })


def _compact(d: dict) -> dict:
    """Drop the fields the source does not give (None)."""
    return {k: v for k, v in d.items() if v is not None}


def _source(guide: Guide, links: Links) -> tuple[str, str]:
    text = links.url(guide.source_file)
    return (guide.source_url or text), text


# ---------------------------------------------------------------- records

def topic_record(topic: Topic, today: dt.date, links: Links) -> dict:
    """A topic as a CommonGrants-style opportunity (the `topic` definition of the schema)."""
    guide, track = topic.guide, topic.track
    source, source_text = _source(guide, links)
    contacts, contacts_from = (topic.contacts, "topic") if topic.contacts else (guide.contacts, "guide")
    return _compact({
        "id": topic_id(topic),
        "key": topic.key,
        "title": topic.title.zh,
        "titleEn": topic.title.en,
        "titleEditorial": topic.title_editorial,
        "description": plain(topic.content),
        "contentLabel": topic.content_label.zh,
        "summary": plain(topic.summary) or None,
        "deliverables": plain(topic.deliverables) or None,
        "deliverablesLabel": topic.deliverables_label.zh if topic.deliverables else None,
        "status": status(guide, today),
        "funding": funding(topic.funding),
        "keyDates": key_dates(guide),
        "source": source,
        "sourceText": source_text,
        "url": links.url(topic.url),
        "region": region_ref(guide.region),
        "year": guide.year,
        "guide": _compact({"id": guide_id(guide), "key": guide.key, "title": guide.title.zh, "url": links.url(guide.url),
                           "issuer": guide.issuer.zh, "issuerEn": guide.issuer.en}),
        "track": _compact({"id": track.id, "name": track.name.zh, "nameEn": track.name.en, "url": links.url(track.url)}),
        "theme": _compact({"id": topic.theme.id, "number": topic.theme.number, "name": topic.theme.name.zh,
                           "nameEn": topic.theme.name.en}) if topic.theme else None,
        "number": topic.number,
        "duration": duration(topic.duration),
        "tags": [tag_ref(t) for t in topic.tags],
        "contacts": [contact(c) for c in contacts],
        "contactsFrom": contacts_from if contacts else None,
    })


def guide_record(guide: Guide, today: dt.date, links: Links) -> dict:
    """A guide as a CommonGrants-style opportunity (the `guide` definition of the schema)."""
    source, source_text = _source(guide, links)
    files = guide_files(guide)
    return _compact({
        "id": guide_id(guide),
        "key": guide.key,
        "title": guide.title.zh,
        "titleEn": guide.title.en,
        "shortTitle": guide.short_title.zh if guide.short_title else None,
        "description": plain(guide.intro),
        "status": status(guide, today),
        "keyDates": key_dates(guide),
        "source": source,
        "sourceText": source_text,
        "url": links.url(guide.url),
        "data": links.url(files["json"]),
        "calendar": links.url(files["calendar"]) if files["calendar"] else None,
        "region": region_ref(guide.region),
        "year": guide.year,
        "issuer": guide.issuer.zh,
        "issuerEn": guide.issuer.en,
        "docNumber": guide.doc_number,
        "published": guide.published.isoformat() if guide.published else None,
        "updated": guide.updated.isoformat(),
        "tracks": [
            _compact({"id": t.id, "name": t.name.zh, "nameEn": t.name.en, "url": links.url(t.url),
                      "funding": funding(t.funding), "duration": duration(t.duration), "topicCount": len(t.topics)})
            for t in guide.tracks
        ],
        "topicCount": len(guide.topics),
        "topicIds": [topic_id(t) for t in guide.topics],
        "contacts": [contact(c) for c in guide.contacts],
    })


# ---------------------------------------------------------------- files

def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def csv_columns(schema: dict | None = None) -> list[str]:
    """The CSV's columns, in order: the schema's csvRow properties."""
    return list((schema or load_schema())["$defs"]["csvRow"]["properties"])


def _join(values) -> str:
    return "；".join(v for v in values if v)


def csv_row(record: dict) -> dict:
    """A topic record flattened to the CSV's columns (all strings; '' where the source gives nothing)."""
    f = record.get("funding") or {}
    dates = record["keyDates"]
    opens = dates.get("otherDates", {}).get("openDate")
    closes = dates.get("closeDate")
    theme = record.get("theme")
    d = record.get("duration") or {}
    amount = f.get("amountWan")
    contacts = record["contacts"]
    return {
        "id": record["id"],
        "region": record["region"]["name"],
        "regionEn": record["region"]["nameEn"],
        "year": str(record["year"]),
        "guide": record["guide"]["title"],
        "guideId": record["guide"]["id"],
        "track": record["track"]["name"],
        "theme": f"{theme.get('number', '')}{theme['name']}" if theme else "",
        "number": record["number"],
        "title": record["title"],
        "titleEn": record.get("titleEn", ""),
        "description": record["description"],
        "deliverables": record.get("deliverables", ""),
        "fundingText": f.get("details", ""),
        "fundingWan": f"{Decimal(str(amount)).normalize():f}" if amount is not None else "",
        "fundingKind": f.get("kind", ""),
        "fundingMaxCny": f"{yuan(amount):.0f}" if amount is not None else "",
        "duration": d.get("text", ""),
        "durationMonths": str(d["months"]) if "months" in d else "",
        "windowOpens": (opens.get("dateTime") or opens["date"]) if opens else "",
        "windowCloses": (closes.get("dateTime") or closes["date"]) if closes else "",
        "status": status_word(record["status"]),
        "tags": _join(t["name"] for t in record["tags"]),
        "tagSlugs": _join(t["slug"] for t in record["tags"]),
        "contactOffice": _join(c.get("office") for c in contacts),
        "contactPerson": _join(c.get("person") for c in contacts),
        "contactPhone": _join(c.get("phone") for c in contacts),
        "url": record["url"],
    }


def dump_json(data, indent: int | None = None) -> str:
    """JSON as published: UTF-8, key order as built, final newline. Compact (Python's C encoder:
    the data files hold every record twice, and indenting runs in Python, ten times slower)
    unless `indent` is given (the schema, which people read)."""
    separators = None if indent else (",", ":")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def json_item(record) -> str:
    """A record's JSON text as dump_json writes it inside a list: made once, it can go into
    several files (dump_json_listing)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def dump_json_listing(head: dict, key: str, items: list[str]) -> str:
    """dump_json({**head, key: records}) from the records' json_item texts (`key` comes last)."""
    text = dump_json({**head, key: []})
    return text[: -len("[]}\n")] + "[" + ",".join(items) + "]}\n"
