"""Open data under data/: topics.csv, topics.json, guides.json, one JSON per guide, the
JSON Schema they follow, and the data page that lists them and explains every field.

The records come from generator/export.py; the field reference on the data page is
generated from the published schema (generator/schema/opendata.schema.json). Every file is
made by the process that writes it (see write.py); OpenData makes each record, and each
topic's JSON text, at most once in that process, for all the files that hold it.
"""

from __future__ import annotations

import csv
import io
from functools import partial

from .. import export
from ..render import page_path
from ..write import Output
from . import feeds

# The schema's definitions in the order the data page explains them.
DOC_ORDER = ("csvRow", "topicsFile", "guidesFile", "guideFile", "topic", "guide", "track", "trackRef",
             "status", "funding", "money", "keyDates", "event", "duration", "region", "tag", "contact")
SCALARS = {"uuid": "UUID", "url": "URL", "date": "日期 date (YYYY-MM-DD)"}


def outputs(site, renderer):
    links = export.Links(export.site_base())
    schema = export.load_schema()
    guides = export.calls(site)
    data = OpenData(site.build_date, guides, links, schema)
    # The guides' files first: the writers share them (each making its guides' topic records),
    # then the files of all topics, whose writer makes only the records it has not made yet.
    for g in guides:
        yield Output(export.guide_files(g)["json"], partial(data.guide_json, g))
    yield Output("data/topics.csv", data.topics_csv)
    yield Output("data/topics.json", data.topics_json)
    yield Output("data/guides.json", data.guides_json)
    yield Output("data/schema.json", partial(published_schema, schema, links.base))
    yield Output(page_path("data/"), partial(data_page, renderer, site, guides, schema, links.base))


class OpenData:
    """The data files' records, made on first use in the process writing a file that needs them,
    then kept for its other files: a topic's record and JSON text are made once per process."""

    def __init__(self, today, guides: list, links: export.Links, schema: dict):
        self.today, self.guides, self.links, self.schema = today, guides, links, schema
        self._made: dict[tuple, object] = {}  # (kind, guide or topic key) → record or JSON text

    def _once(self, kind: str, key: str, make):
        if (kind, key) not in self._made:
            self._made[kind, key] = make()
        return self._made[kind, key]

    def topic(self, topic) -> dict:
        return self._once("topic", topic.key, lambda: export.topic_record(topic, self.today, self.links))

    def topic_json(self, topic) -> str:
        return self._once("topic json", topic.key, lambda: export.json_item(self.topic(topic)))

    def guide(self, guide) -> dict:
        return self._once("guide", guide.key, lambda: export.guide_record(guide, self.today, self.links))

    def _head(self, kind: str) -> dict:
        return {"kind": kind, "statusAsOf": self.today.isoformat()}

    def topics_csv(self) -> bytes:
        return topics_csv([self.topic(t) for g in self.guides for t in g.topics], self.schema)

    def topics_json(self) -> str:
        return export.dump_json_listing(self._head("topics"), "topics",
                                        [self.topic_json(t) for g in self.guides for t in g.topics])

    def guides_json(self) -> str:
        return export.dump_json({**self._head("guides"), "guides": [self.guide(g) for g in self.guides]})

    def guide_json(self, guide) -> str:
        return export.dump_json_listing({**self._head("guide"), "guide": self.guide(guide)}, "topics",
                                        [self.topic_json(t) for t in guide.topics])


def published_schema(schema: dict, base: str | None) -> str:
    """data/schema.json: the schema, with its own address as $id when the site's is known."""
    return export.dump_json({"$id": base + "data/schema.json", **schema} if base else schema, indent=2)


def data_page(renderer, site, guides: list, schema: dict, base: str | None) -> str:
    return renderer.render(
        "data.md.j2", "data/", guides=guides, guide_files=[(g, export.guide_files(g)) for g in guides],
        topic_count=sum(len(g.topics) for g in guides), base=base,
        reference=field_reference(schema), schema=schema,
        feeds=feed_list(site), feed_length=feeds.FEED_LENGTH, calendars=calendar_list(site),
    )


def topics_csv(records: list[dict], schema: dict) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads Chinese), RFC 4180 CRLF rows, a header."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=export.csv_columns(schema), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow(export.csv_row(record))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def feed_list(site) -> list[dict]:
    """The feeds the data page lists: the words' key (generator/i18n.py), what it is of, the file."""
    out = [{"key": "data.feed_all", "thing": None, "path": export.ALL_FEED}]
    out += [{"key": "data.feed_region", "thing": r, "path": export.region_feed(r)} for r in site.regions]
    out += [{"key": "data.feed_tag", "thing": t, "path": export.tag_feed(t)} for t in site.tags]
    return out


def calendar_list(site) -> list[dict]:
    out = [{"key": "data.calendar_all", "thing": None, "path": export.ALL_CALENDAR}]
    out += [{"key": "data.calendar_region", "thing": r, "path": export.region_calendar(r)} for r in site.regions]
    return out


# ---------------------------------------------------------------- field reference from the schema

def field_reference(schema: dict) -> list[dict]:
    """Sections for the data page: one per schema definition, a row per field (nested objects flattened)."""
    defs = schema["$defs"]
    sections = []
    for name in DOC_ORDER:
        d = defs[name]
        sections.append({
            "id": "def-" + name.lower(), "name": name, "title": d.get("title", name),
            "description": d.get("description", ""), "rows": list(_rows(d, "", defs)),
        })
    return sections


def _rows(d: dict, prefix: str, defs: dict):
    required = set(d.get("required", ()))
    for field, spec in d.get("properties", {}).items():
        path = prefix + field
        target = _target(spec)
        yield {
            "field": path,
            "type": _type(spec),
            "link": "def-" + target.lower() if target and target not in SCALARS else None,
            "title": spec.get("title") or (defs[target].get("title", "") if target else ""),
            "description": spec.get("description") or (defs[target].get("description", "") if target else ""),
            "required": field in required,
        }
        if spec.get("type") == "object" and "properties" in spec:
            yield from _rows(spec, path + ".", defs)


def _target(spec: dict) -> str | None:
    ref = spec.get("$ref") or (spec.get("items") or {}).get("$ref")
    return ref.rsplit("/", 1)[1] if ref else None


def _type(spec: dict) -> str:
    if "const" in spec:
        return f"常量 “{spec['const']}”"
    if "enum" in spec:
        return "取值 " + " / ".join(str(v) or "（空）" for v in spec["enum"])
    target = _target(spec)
    if spec.get("type") == "array":
        return f"列表 list of {SCALARS.get(target, target) if target else spec['items'].get('type', '')}"
    if target:
        return SCALARS.get(target, target)
    return {"string": "文本 string", "integer": "整数 integer", "number": "数 number",
            "boolean": "真假 boolean", "object": "对象 object"}.get(spec.get("type"), str(spec.get("type", "")))
