"""The open data as a reuser meets it: the built files read with standard parsers.

topics.csv (csv), the JSON files (json + jsonschema against the published schema.json),
the Atom feeds (xml.etree), the calendars (icalendar) and the pages' JSON-LD. The CSV is
checked against the content YAML read directly, not through the generator's model.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import jsonschema
import pytest
import yaml

from conftest import CONTENT, copy_content
from generator import export
from generator.build import build_site_dir, generate
from generator.pages import feeds as feed_pages
from html_page import clean, read_page

ATOM = "{http://www.w3.org/2005/Atom}"
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


# ---------------------------------------------------------------- helpers

def content_topics() -> list[dict]:
    """Every topic of every call, straight from content/ YAML, in the site's order."""
    out = []
    guides = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) for p in CONTENT.glob("guides/*/*.yml")]
    guides = [g for g in guides if g["kind"] == "call"]
    guides.sort(key=lambda g: (g["region"], -int(g["year"]), g["id"]))
    for g in guides:
        for track in g["tracks"]:
            for topic in track["topics"]:
                out.append({"guide": g, "track": track, "topic": topic})
    return out



def zh(value) -> str:
    return value["zh"] if isinstance(value, dict) else value


def schema(built: Path) -> dict:
    return json.loads((built / "data" / "schema.json").read_text(encoding="utf-8"))


def validator(built: Path, definition: str | None = None):
    s = schema(built)
    if definition:
        s = {**s, "oneOf": None, "$ref": f"#/$defs/{definition}"}
        del s["oneOf"]
    return jsonschema.Draft202012Validator(s, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def read_csv(built: Path) -> tuple[bytes, list[dict], list[str]]:
    raw = (built / "data" / "topics.csv").read_bytes()
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return raw, rows, reader.fieldnames


def resolve(base_file: str, href: str) -> str:
    """A relative href as seen from base_file (a path under the site root) → a site-root path."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_file), href)) + ("/" if href.endswith("/") else "")


def page_exists(built: Path, path: str) -> bool:
    return (built / path / "index.html").is_file() if path.endswith("/") else (built / path).is_file()


def calls(site_model):
    return [g for g in site_model.guides if g.kind == "call"]


def ld_blocks(html: str) -> list:
    return [json.loads(m) for m in LD.findall(html)]


def export_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for folder in ("data", "feeds", "calendars") for p in sorted((site / folder).rglob("*"))
            if p.is_file() and p.suffix != ".html"}


@pytest.fixture(scope="session")
def second_build(tmp_path_factory):
    """The same content built again, into another folder."""
    base = tmp_path_factory.mktemp("second")
    generate(CONTENT, base / "docs")
    build_site_dir(base / "docs", base / "site")
    return base / "site"


# ---------------------------------------------------------------- CSV

def test_csv_has_a_bom_a_header_from_the_schema_and_a_row_per_topic(built, site_model):
    raw, rows, header = read_csv(built)
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8 Chinese"
    # Rows end in CRLF; a line break inside a quoted cell (research content) is Excel's LF.
    in_cells = sum(v.count("\n") for r in rows for v in r.values())
    assert raw.count(b"\r\n") == len(rows) + 1 and raw.count(b"\n") == len(rows) + 1 + in_cells
    assert header == list(schema(built)["$defs"]["csvRow"]["properties"])
    topics = [t for g in calls(site_model) for t in g.topics]
    assert len(rows) == len(topics) > 0
    assert len({r["id"] for r in rows}) == len(rows)
    check = validator(built, "csvRow")
    for row in rows:
        errors = [e.message for e in check.iter_errors(row)]
        assert not errors, (row["title"], errors)


def test_csv_rows_agree_with_the_content(built, site_model):
    _, rows, _ = read_csv(built)
    expected = content_topics()
    assert len(rows) == len(expected)
    for row, item in zip(rows, expected):
        g, track, topic = item["guide"], item["track"], item["topic"]
        assert row["title"] == zh(topic["title"])
        assert row["number"] == topic["number"]
        assert row["year"] == g["year"]
        assert row["guide"] == zh(g["title"])
        assert row["track"] == zh(track["name"])
        funding = topic.get("funding") or track.get("funding")
        if funding:
            assert row["fundingText"] == zh(funding["text"])
            assert row["fundingKind"] == funding["kind"]
            if "amount" in funding:
                assert Decimal(row["fundingWan"]) == Decimal(funding["amount"])
                assert Decimal(row["fundingMaxCny"]) == Decimal(funding["amount"]) * 10000
        else:
            assert row["fundingText"] == row["fundingWan"] == row["fundingKind"] == ""
        tags = set(row["tagSlugs"].split("；"))
        assert tags == set(topic["tags"])
        for c in topic.get("contacts", []):
            assert c.get("phone", "") in row["contactPhone"]
            assert zh(c.get("office", "")) in row["contactOffice"]
        window = g.get("window")
        if window:
            opens = window["opens"]
            assert row["windowOpens"].startswith(opens.replace(" ", "T"))
            assert row["windowOpens"].endswith("+08:00") == (" " in opens)
        else:
            # No window: a past call once the guide's year is over (issue 23), else unknown.
            assert row["windowOpens"] == row["windowCloses"] == "" and row["status"] == (
                "past" if int(row["year"]) < site_model.build_date.year else "unknown")


def test_csv_urls_are_the_topic_pages(built):
    _, rows, _ = read_csv(built)
    for row in rows:
        assert not row["url"].startswith(("/", "http")), "without SITE_URL the URL is relative to the site root"
        page = read_page(built, row["url"])
        assert [clean(h) for h in page.h1] == [clean(row["title"])]


# ---------------------------------------------------------------- JSON

def test_json_files_validate_against_the_published_schema(built, site_model):
    check = validator(built)
    files = [built / "data" / "topics.json", built / "data" / "guides.json",
             *sorted((built / "data" / "guides").glob("*/*.json"))]
    assert len(files) == 2 + len(calls(site_model))
    for path in files:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
        assert not errors, (path.name, errors[:5])


def test_schema_rejects_what_it_should(built):
    jsonschema.Draft202012Validator.check_schema(schema(built))
    check = validator(built)
    data = json.loads((built / "data" / "topics.json").read_text(encoding="utf-8"))
    data["topics"][0]["status"] = {"value": "pending", "description": "x"}
    assert not check.is_valid(data)
    data = json.loads((built / "data" / "topics.json").read_text(encoding="utf-8"))
    data["topics"][0]["funding"] = {"details": "x", "kind": "fixed", "maxAwardAmount": {"amount": "20", "currency": "USD"}}
    assert not check.is_valid(data)


def test_json_agrees_with_csv_and_its_own_files(built, site_model):
    _, rows, _ = read_csv(built)
    topics = json.loads((built / "data" / "topics.json").read_text(encoding="utf-8"))["topics"]
    assert [t["id"] for t in topics] == [r["id"] for r in rows]
    assert [t["title"] for t in topics] == [r["title"] for r in rows]
    guides = json.loads((built / "data" / "guides.json").read_text(encoding="utf-8"))["guides"]
    assert [g["key"] for g in guides] == [g.key for g in calls(site_model)]
    for g in guides:
        own = json.loads((built / g["data"]).read_text(encoding="utf-8"))  # relative to the site root
        assert own["guide"] == g
        assert [t["id"] for t in own["topics"]] == g["topicIds"]
        assert g["topicCount"] == len(own["topics"])
        assert page_exists(built, g["url"]) and page_exists(built, g["sourceText"])


def test_money_is_wan_times_ten_thousand_in_cny(built):
    topics = json.loads((built / "data" / "topics.json").read_text(encoding="utf-8"))["topics"]
    with_amount = [t for t in topics if "amountWan" in t.get("funding", {})]
    assert with_amount, "the content has topics with amounts"
    for t in with_amount:
        f = t["funding"]
        assert f["maxAwardAmount"] == {"amount": f"{Decimal(str(f['amountWan'])) * 10000:.2f}", "currency": "CNY"}
        assert ("minAwardAmount" in f) == (f["kind"] == "fixed")
    shanghai = next(t for t in topics if t["key"].startswith("shanghai/") and t["number"] == "方向1")
    assert shanghai["funding"]["maxAwardAmount"]["amount"] == "500000.00"  # 不超过50万元
    assert shanghai["keyDates"]["closeDate"]["dateTime"] == "2020-12-04T16:30:00+08:00"
    assert shanghai["keyDates"]["otherDates"]["openDate"]["dateTime"] == "2020-11-17T09:00:00+08:00"
    assert shanghai["keyDates"]["postDate"]["date"] == "2020-11-09"


# ---------------------------------------------------------------- Atom

def feeds(site: Path) -> dict[str, ET.Element]:
    return {p.relative_to(site).as_posix(): ET.parse(p).getroot() for p in sorted((site / "feeds").rglob("*.xml"))}


def test_atom_feeds_parse_and_list_guides_newest_first(built, site_model):
    all_feeds = feeds(built)
    assert len(all_feeds) == 1 + len(site_model.regions) + len(site_model.tags)
    for path, root in all_feeds.items():
        assert root.tag == f"{ATOM}feed", path
        for child in ("id", "title", "updated", "author"):
            assert root.find(ATOM + child) is not None, (path, child)
        self_link = [l for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
        assert resolve(path, self_link[0].get("href")) == path
        updated = [dt.datetime.fromisoformat(e.findtext(ATOM + "updated")) for e in root.findall(ATOM + "entry")]
        assert updated == sorted(updated, reverse=True), path
        for entry in root.findall(ATOM + "entry"):
            assert entry.findtext(ATOM + "id").startswith("urn:uuid:")
            target = resolve(path, entry.find(ATOM + "link").get("href"))
            assert page_exists(built, target), (path, target)
            assert clean(read_page(built, target).h1[0]) == clean(entry.findtext(ATOM + "title"))
    everything = all_feeds["feeds/guides.xml"]
    assert len(everything.findall(ATOM + "entry")) == len(calls(site_model))
    for region in site_model.regions:
        titles = [e.findtext(ATOM + "title") for e in all_feeds[f"feeds/regions/{region.slug}.xml"].findall(ATOM + "entry")]
        assert sorted(titles) == sorted(g.title.zh for g in calls(site_model) if g.region is region)
    for tag in site_model.tags:
        titles = {e.findtext(ATOM + "title") for e in all_feeds[f"feeds/tags/{tag.slug}.xml"].findall(ATOM + "entry")}
        assert titles == {t.guide.title.zh for t in site_model.topics_by_tag[tag.slug]}, tag.slug


def test_a_feed_holds_only_its_newest_guides(site_model):
    """More guides than FEED_LENGTH: each feed keeps the newest, newest first; the others drop off."""
    guide = calls(site_model)[0]
    tag = guide.topics[0].tags[0]
    many = [dataclasses.replace(guide, id=f"copy-{i}", updated=guide.updated - dt.timedelta(days=i))
            for i in reversed(range(feed_pages.FEED_LENGTH + 20))]  # oldest first in the site's order
    site = dataclasses.replace(site_model, guides=many)
    made = {o.path: ET.fromstring(o.encoded()) for o in feed_pages.outputs(site, None)}
    newest = ["urn:uuid:" + export.guide_id(g) for g in sorted(many, key=lambda g: g.updated, reverse=True)]
    for path in (export.ALL_FEED, export.region_feed(guide.region), export.tag_feed(tag)):
        ids = [e.findtext(ATOM + "id") for e in made[path].findall(ATOM + "entry")]
        assert ids == newest[: feed_pages.FEED_LENGTH], path
        assert made[path].findtext(ATOM + "updated") == f"{guide.updated.isoformat()}T00:00:00+08:00"
    others = [r for r in site.regions if r is not guide.region]
    assert not made[export.region_feed(others[0])].findall(ATOM + "entry")


def test_entry_updated_comes_from_the_content(built, site_model):
    root = feeds(built)["feeds/guides.xml"]
    by_title = {e.findtext(ATOM + "title"): e for e in root.findall(ATOM + "entry")}
    for guide in calls(site_model):
        entry = by_title[guide.title.zh]
        assert entry.findtext(ATOM + "updated") == f"{guide.updated.isoformat()}T00:00:00+08:00"
        published = entry.findtext(ATOM + "published")
        assert published == (f"{guide.published.isoformat()}T00:00:00+08:00" if guide.published else None)


def test_every_page_head_links_the_feed(built):
    for path in built.rglob("*.html"):
        if path.name == "404.html" or path.parent.name == "pagefind":
            continue
        html = path.read_text(encoding="utf-8")
        # rel is the token list "alternate " (see overrides/partials/atlas-head.html)
        hrefs = re.findall(r'<link rel="alternate ?" type="application/atom\+xml" title="[^"]*" href="([^"]+)"', html)
        assert hrefs, path
        here = path.relative_to(built).as_posix()
        for href in hrefs:
            assert (built / resolve(here, href)).is_file(), (here, href)
    region_page = (built / "regions" / "shanghai" / "index.html").read_text(encoding="utf-8")
    assert "feeds/regions/shanghai.xml" in region_page


# ---------------------------------------------------------------- iCalendar

def calendars(site: Path) -> dict[str, icalendar.Calendar]:
    return {p.relative_to(site).as_posix(): icalendar.Calendar.from_ical(p.read_bytes())
            for p in sorted((site / "calendars").rglob("*.ics"))}


def test_calendars_parse_with_one_event_per_window(built, site_model):
    cals = calendars(built)
    with_window = [g for g in calls(site_model) if g.window]
    assert with_window, "the Shanghai guide has a window"
    assert len(cals) == 1 + len(site_model.regions) + len(with_window)
    for path, cal in cals.items():
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"], path
    assert len(cals["calendars/guides.ics"].walk("VEVENT")) == len(with_window)
    for region in site_model.regions:
        events = cals[f"calendars/regions/{region.slug}.ics"].walk("VEVENT")
        assert len(events) == sum(1 for g in with_window if g.region is region)
    shanghai = cals["calendars/guides/shanghai/2020-ruankexue-zhongdian-2.ics"].walk("VEVENT")
    assert len(shanghai) == 1
    ev = shanghai[0]
    tz = ZoneInfo("Asia/Shanghai")
    assert ev.decoded("DTSTART") == dt.datetime(2020, 11, 17, 9, 0, tzinfo=tz)
    assert ev.decoded("DTEND") == dt.datetime(2020, 12, 4, 16, 30, tzinfo=tz)
    assert ev["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert ev.decoded("DTSTAMP") == dt.datetime(2026, 11, 24, 16, 0, tzinfo=dt.timezone.utc)  # updated 2026-11-25, Beijing


def test_guide_pages_link_their_json_and_calendar(built, site_model):
    for guide in calls(site_model):
        page = read_page(built, guide.url)
        targets = {resolve(guide.url + "index.html", l): l for l in page.links}
        assert f"data/guides/{guide.region.slug}/{guide.id}.json" in targets
        ics = f"calendars/guides/{guide.region.slug}/{guide.id}.ics"
        assert (ics in targets) == bool(guide.window), guide.key
        assert (built / ics).is_file() == bool(guide.window)
        if guide.window:
            assert "添加到日历" in page.article
        for target in targets:
            if target.endswith((".json", ".ics", ".xml")):
                assert (built / target).is_file(), target


def test_untimed_windows_are_all_day_events_and_no_window_no_event(tmp_path):
    content = copy_content(tmp_path)
    path = content / "guides" / "hubei" / "2023-ruankexue-zhongdian.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("updated: 2026-11-25\n", 'updated: 2026-11-25\nwindow:\n  opens: "2023-03-01"\n  closes: "2023-03-31"\n', 1), encoding="utf-8")
    docs = tmp_path / "docs"
    generate(content, docs)
    cal = icalendar.Calendar.from_ical((docs / "calendars/guides/hubei/2023-ruankexue-zhongdian.ics").read_bytes())
    (ev,) = cal.walk("VEVENT")
    assert ev.decoded("DTSTART") == dt.date(2023, 3, 1)
    assert ev.decoded("DTEND") == dt.date(2023, 4, 1)  # exclusive: the whole of 31 March
    assert "TZID" not in ev["DTSTART"].params
    everything = icalendar.Calendar.from_ical((docs / "calendars/guides.ics").read_bytes())
    assert len(everything.walk("VEVENT")) == 2
    assert not (docs / "calendars/guides/chengdu").exists()
    csv_rows = list(csv.DictReader(io.StringIO((docs / "data/topics.csv").read_bytes().decode("utf-8-sig"))))
    hubei = [r for r in csv_rows if r["region"] == "湖北"]
    assert hubei and all(r["windowOpens"] == "2023-03-01" and r["windowCloses"] == "2023-03-31" for r in hubei)


# ---------------------------------------------------------------- JSON-LD

def test_json_ld_names_every_topic(built, site_model):
    topics = {t["url"]: t for t in json.loads((built / "data" / "topics.json").read_text(encoding="utf-8"))["topics"]}
    for topic in site_model.topics:
        html = (built / topic.url / "index.html").read_text(encoding="utf-8")
        (ld,) = ld_blocks(html)
        assert ld["@context"] == "https://schema.org" and ld["@type"] == "MonetaryGrant"
        names = {n["@language"]: n["@value"] for n in ld["name"]} if isinstance(ld["name"], list) else {"zh-CN": ld["name"]}
        assert names["zh-CN"] == topic.title.zh
        if topic.title.en:
            assert names["en"] == topic.title.en
        assert ld["identifier"] == topics[topic.url]["id"]
        assert resolve(topic.url + "index.html", ld["url"]) == topic.url
        assert ld["funder"]["@type"] == "GovernmentOrganization"
        if topic.funding and topic.funding.amount:
            amount = ld["amount"]
            assert amount["@type"] == "MonetaryAmount" and amount["currency"] == "CNY"
            key = "value" if topic.funding.kind == "fixed" else "maxValue"
            assert Decimal(str(amount[key])) == Decimal(str(topic.funding.amount)) * 10000
        else:
            assert "amount" not in ld


def test_guide_json_ld_names_the_guide_and_its_topics(built, site_model):
    for guide in calls(site_model):
        (ld,) = ld_blocks((built / guide.url / "index.html").read_text(encoding="utf-8"))
        graph = ld["@graph"]
        assert all(node["@type"] == "MonetaryGrant" for node in graph)
        names = [n["name"][0]["@value"] if isinstance(n["name"], list) else n["name"] for n in graph]
        assert names == [guide.title.zh] + [t.title.zh for t in guide.topics]
        for node, topic in zip(graph[1:], guide.topics):
            assert resolve(guide.url + "index.html", node["url"]) == topic.url


def test_json_ld_cannot_break_out_of_its_script(built):
    for path in (built / "guides").rglob("index.html"):
        for block in LD.findall(path.read_text(encoding="utf-8")):
            assert "<" not in block and ">" not in block and "&" not in block.replace("&amp;", "")


# ---------------------------------------------------------------- data page

def test_data_page_explains_every_field_and_links_every_file(built):
    page = read_page(built, "data/")
    article = page.article
    s = schema(built)

    def fields(definition):
        for field, spec in definition.get("properties", {}).items():
            yield field
            yield from fields(spec)

    for name, definition in s["$defs"].items():
        for field in fields(definition):
            assert field in article, (name, field)
    for column in s["$defs"]["csvRow"]["properties"]:
        assert column in article
    assert re.search(r"构建日期\s*\d{4}-\d{2}-\d{2}", article)
    files = {resolve("data/index.html", l) for l in page.links if l.endswith((".csv", ".json", ".xml", ".ics"))}
    assert {"data/topics.csv", "data/topics.json", "data/guides.json", "data/schema.json",
            "feeds/guides.xml", "calendars/guides.ics"} <= files
    for f in files:
        assert (built / f).is_file(), f
    nav = (built / "index.html").read_text(encoding="utf-8")
    assert 'href="data/"' in nav


# ---------------------------------------------------------------- stability

def test_exports_are_byte_identical_across_builds(built, second_build):
    first, second = export_files(built), export_files(second_build)
    assert first.keys() == second.keys() and len(first) > 40
    different = [p for p in first if first[p] != second[p]]
    assert not different
    entry_ids = lambda site: {p: [e.findtext(ATOM + "id") for e in root.iter(ATOM + "entry")] for p, root in feeds(site).items()}
    uids = lambda site: {p: [str(e["UID"]) for e in cal.walk("VEVENT")] for p, cal in calendars(site).items()}
    assert entry_ids(built) == entry_ids(second_build) and any(entry_ids(built).values())
    assert uids(built) == uids(second_build) and any(uids(built).values())
    for page in ("guides/shanghai/2020-ruankexue-zhongdian-2/index.html", "data/index.html"):
        a = (built / page).read_text(encoding="utf-8")
        b = (second_build / page).read_text(encoding="utf-8")
        assert LD.findall(a) == LD.findall(b)


def test_ids_and_uids_do_not_depend_on_the_host(built, tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/atlas")
    docs = tmp_path / "docs"
    generate(CONTENT, docs)
    for path, root in feeds(built).items():
        other = ET.parse(docs / path).getroot()
        assert [e.findtext(ATOM + "id") for e in root.iter(ATOM + "entry")] == \
               [e.findtext(ATOM + "id") for e in other.iter(ATOM + "entry")]
        assert root.findtext(ATOM + "id") == other.findtext(ATOM + "id")
        links = [l.get("href") for l in other.iter(ATOM + "link")]
        assert links and all(h.startswith("https://example.org/atlas/") for h in links)
    for path, cal in calendars(built).items():
        other = icalendar.Calendar.from_ical((docs / path).read_bytes())
        assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [str(e["UID"]) for e in other.walk("VEVENT")]
        for ev in other.walk("VEVENT"):
            assert str(ev["URL"]).startswith("https://example.org/atlas/guides/")
    a = json.loads((built / "data/topics.json").read_text(encoding="utf-8"))["topics"]
    b = json.loads((docs / "data/topics.json").read_text(encoding="utf-8"))["topics"]
    assert [t["id"] for t in a] == [t["id"] for t in b]
    assert all(t["url"] == "https://example.org/atlas/" + u["url"] for t, u in zip(b, a))


def test_relative_urls_are_what_posixpath_relpath_gives():
    """export.Links computes relative URLs itself (posixpath.relpath asks for the working directory)."""
    import random

    parts = ["a", "b", "guides", "x.xml", "", ".", "..", ".hidden", "c d", "上海"]
    rng = random.Random(3)
    for _ in range(20000):
        path, here = ("/".join(rng.choice(parts) for _ in range(rng.randint(0, 5))) for _ in range(2))
        for start in (here, here + "/", here + "/page.xml"):
            expected = posixpath.relpath(path or ".", posixpath.dirname(start) or ".")
            if path.endswith("/") or path == "":
                expected = "./" if expected == "." else expected + "/"
            if not path.startswith("/") and not start.startswith("/"):
                assert export.Links(None, start).url(path) == expected, (path, start)


def test_listings_made_from_item_texts_are_what_json_dumps_writes(site_model):
    """topics.json and the per-guide files are put together from each record's JSON text, made
    once (export.json_item): the result is the text of the whole object dumped at once."""
    links = export.Links(None)
    records = [export.topic_record(t, site_model.build_date, links) for t in site_model.topics]
    records += [export.guide_record(g, site_model.build_date, links) for g in calls(site_model)]
    odd = [{}, [], [{}], {"a": [[], {}]}, "", "引号\"\\/\n\t\x00\u2028😀", 0, -1, 10**30, 0.1, 1e16, True, None]
    for items in ([], records, odd, [records[0]]):
        text = export.dump_json_listing({"kind": "x"}, "items", [export.json_item(r) for r in items])
        assert text == export.dump_json({"kind": "x", "items": items})
        assert json.loads(text) == {"kind": "x", "items": items}




def _block_lines(blocks) -> list[str]:
    """Each paragraph and list item's Chinese text, as content/ gives it."""
    lines = []
    for block in blocks or []:
        if isinstance(block, dict) and "list" in block:
            lines.extend(zh(item) for item in block["list"])
        else:
            lines.append(zh(block))
    return lines


def test_csv_carries_each_topics_research_content_and_deliverables(built):
    """Issue 18, item 20: a spreadsheet reader sees what each topic asks for, not only its title
    (Chengdu's 一般项目 have editorial titles; their text is the source's)."""
    _, rows, header = read_csv(built)
    assert "description" in header and "deliverables" in header
    for row, item in zip(rows, content_topics()):
        topic = item["topic"]
        for line in _block_lines(topic.get("content")):
            assert line in row["description"], (row["title"], line)
        for line in _block_lines(topic.get("deliverables")):
            assert line in row["deliverables"], (row["title"], line)
        if not topic.get("deliverables"):
            assert row["deliverables"] == ""
    editorial = [r for r, item in zip(rows, content_topics()) if item["topic"].get("title_editorial")]
    assert editorial and all(r["description"] for r in editorial)


def test_guides_json_publishes_each_guides_own_contacts(built, site_model):
    """Issue 18, item 20: the guide's enquiry lines are on the guide, not only on topics lacking their own."""
    guides = json.loads((built / "data" / "guides.json").read_text(encoding="utf-8"))["guides"]
    by_key = {g.key: g for g in site_model.guides}
    assert any(g["contacts"] for g in guides)
    for record in guides:
        guide = by_key[record["key"]]
        assert [c.get("phone") for c in record["contacts"]] == [c.phone for c in guide.contacts]
        assert [c.get("office") for c in record["contacts"]] == [c.office.zh if c.office else None for c in guide.contacts]
