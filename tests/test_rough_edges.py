"""Issue 23, "Rough edges" and "Words", in the built files: past calls in the open data, no empty
sitemap and no relative calendar links without SITE_URL (and full ones with it), English counts."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import icalendar
import pytest

from generator import export, i18n, sitemap
from generator.pages import calendars


def test_past_calls_in_the_open_data(built, site_model):
    today = site_model.build_date
    past = {g.key for g in site_model.guides if g.kind == "call" and not g.window and g.year < today.year}
    assert past
    topics = json.loads((built / "data" / "topics.json").read_text(encoding="utf-8"))["topics"]
    guide_of = {t.url: t.guide.key for t in site_model.topics}
    assert {r["url"] for r in topics} == set(guide_of)
    for record in topics:
        key = guide_of[record["url"]]
        if record["status"]["value"] == "custom":
            assert record["status"]["customValue"] in ("past", "unknown")
        if key in past:
            assert record["status"] == {"value": "custom", "customValue": "past", "description": export.STATUS_WORDS["past"]}
    rows = list(csv.DictReader(io.StringIO((built / "data" / "topics.csv").read_text(encoding="utf-8-sig"))))
    assert sum(r["status"] == "past" for r in rows) == sum(len(g.topics) for g in site_model.guides if g.key in past)
    schema = json.loads((built / "data" / "schema.json").read_text(encoding="utf-8"))
    assert "past" in json.dumps(schema)


def _fake_site(tmp_path):
    for folder in ("", "en/"):
        (tmp_path / folder / "guides" / "x").mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<html></html>")
        (tmp_path / folder / "guides" / "x" / "index.html").write_text("<html></html>")
        (tmp_path / folder / "sitemap.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n')
        (tmp_path / folder / "sitemap.xml.gz").write_bytes(b"")
    return tmp_path


def test_without_site_url_the_empty_sitemaps_go_and_the_build_says_so(tmp_path, capsys):
    site = _fake_site(tmp_path)
    sitemap.write(site, ("zh", "en"), "")
    assert not list(site.rglob("sitemap.xml*"))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("warning: SITE_URL is not set") and "sitemap.xml" in err and "calendar" in err


def test_with_site_url_the_sitemap_is_full(tmp_path, capsys):
    site = _fake_site(tmp_path)
    sitemap.write(site, ("zh", "en"), "https://example.org/atlas/")
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/atlas/guides/x/</loc>" in xml and "<loc>https://example.org/atlas/en/</loc>" in xml
    assert not capsys.readouterr().err


def test_calendar_events_link_their_page_only_when_the_address_is_known(site_model):
    guide = next(g for g in site_model.guides if g.window)
    without = calendars.event(guide, export.Links(None))
    assert "URL" not in without and guide.url not in str(without["DESCRIPTION"])
    with_url = calendars.event(guide, export.Links("https://example.org/atlas/"))
    assert str(with_url["URL"]) == "https://example.org/atlas/" + guide.url
    assert "https://example.org/atlas/" + guide.url in str(with_url["DESCRIPTION"])
    assert icalendar.Calendar.from_ical(calendars.calendar("x", [guide], export.Links(None)))


# Every English page a reader meets: no "1 topics", no "Filters:Region".
PLURALS = r"\b1 (calls|plans|topics|guides|regions|days|editions|rows|chapters|items|indicators|years|months|entries|results|matches)\b"


def _visible_text(html: str) -> str:
    html = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<[^>]+>", "", html)
    return unescape(html)


def test_english_pages_count_and_label_right(built):
    problems = {}
    for path in sorted((built / "en").rglob("index.html")):
        text = _visible_text(path.read_text(encoding="utf-8"))
        found = re.findall(PLURALS, text) + re.findall(r"(?<![/\w])[A-Z][a-z]+:[A-Z][a-z]+", text)
        if found:
            problems[str(path.relative_to(built))] = found[:5]
    assert not problems, problems


@pytest.mark.parametrize("key", sorted(k for k, m in i18n.messages().items() if m.plural))
def test_each_count_of_one_is_singular(key):
    fields = set(re.findall(r"\{(\w+)\}", i18n.messages()[key].source)) - {"n"}
    text = i18n.text("en", key, n=1, **{f: "x" for f in fields})
    assert not re.search(PLURALS, text), text
