"""Open data under data/: topics.csv, topics.json, guides.json, one JSON per guide, the
JSON Schema they follow, and the data page that lists them and explains every field.

The records come from generator/export.py; the field reference on the data page is
generated from the published schema (generator/schema/opendata.schema.json).
"""

from __future__ import annotations

import csv
import io

from .. import export
from ..render import page_path
from ..write import Output

# The schema's definitions in the order the data page explains them.
DOC_ORDER = ("csvRow", "topicsFile", "guidesFile", "guideFile", "topic", "guide", "track", "trackRef",
             "status", "funding", "money", "keyDates", "event", "duration", "region", "tag", "contact")
SCALARS = {"uuid": "UUID", "url": "URL", "date": "日期 date (YYYY-MM-DD)"}


def outputs(site, renderer):
    links = export.Links(export.site_base())
    today = site.build_date.isoformat()
    schema = export.load_schema()
    guides = export.calls(site)
    records = {t.key: export.topic_record(t, site.build_date, links) for g in guides for t in g.topics}
    topics = list(records.values())

    yield Output("data/topics.csv", topics_csv(topics, schema))
    yield Output("data/topics.json", export.dump_json({"kind": "topics", "statusAsOf": today, "topics": topics}))
    yield Output("data/guides.json", export.dump_json({
        "kind": "guides", "statusAsOf": today,
        "guides": [export.guide_record(g, site.build_date, links) for g in guides],
    }))
    for g in guides:
        yield Output(export.guide_files(g)["json"], export.dump_json({
            "kind": "guide", "statusAsOf": today,
            "guide": export.guide_record(g, site.build_date, links),
            "topics": [records[t.key] for t in g.topics],
        }))
    published = dict(schema)
    if links.base:
        published = {"$id": links.base + "data/schema.json", **schema}
    yield Output("data/schema.json", export.dump_json(published))
    yield Output(page_path("data/"), renderer.render(
        "data.md.j2", "data/", guides=guides, guide_files=[(g, export.guide_files(g)) for g in guides],
        topic_count=len(topics), base=links.base,
        reference=field_reference(schema), schema=schema,
        feeds=feed_list(site), calendars=calendar_list(site),
    ))


def topics_csv(records: list[dict], schema: dict) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads Chinese), RFC 4180 CRLF rows, a header."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=export.csv_columns(schema), lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow(export.csv_row(record))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def feed_list(site) -> list[dict]:
    out = [{"name": "全部指南 · All guides", "path": export.ALL_FEED}]
    out += [{"name": f"地区：{r.zh} · {r.en}", "path": export.region_feed(r)} for r in site.regions]
    out += [{"name": f"标签：{t.zh} · {t.en}", "path": export.tag_feed(t)} for t in site.tags]
    return out


def calendar_list(site) -> list[dict]:
    out = [{"name": "全部申报时间 · All application windows", "path": export.ALL_CALENDAR}]
    out += [{"name": f"地区：{r.zh} · {r.en}", "path": export.region_calendar(r)} for r in site.regions]
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
