"""Downloads where readers look, in a real browser under a sub-path: the guide page's
JSON and "add to calendar" links, the feed the browser discovers in the head, and the
data page reached from the nav."""

from __future__ import annotations

import csv
import io
import json

import icalendar

from .conftest import shot


def test_guide_page_offers_json_calendar_and_feed(page, base_url):
    page.goto(base_url + "guides/shanghai/2020-ruankexue-zhongdian-2/")
    calendar_link = page.get_by_role("link", name="添加到日历")
    assert calendar_link.is_visible()
    href = calendar_link.evaluate("a => a.href")
    assert href.startswith(base_url) and href.endswith(".ics")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    (event,) = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("申报：上海市2020年度")

    json_href = page.get_by_role("link", name="下载数据 JSON").evaluate("a => a.href")
    data = json.loads(page.request.get(json_href).body())
    assert data["guide"]["title"] == page.locator("article h1").inner_text().replace("¶", "").strip()
    assert len(data["topics"]) == 18

    feeds = page.locator('head link[rel~="alternate"][type="application/atom+xml"]')
    hrefs = [feeds.nth(i).evaluate("l => l.href") for i in range(feeds.count())]
    assert base_url + "feeds/guides.xml" in hrefs and base_url + "feeds/regions/shanghai.xml" in hrefs
    for feed in hrefs:
        assert page.request.get(feed).body().startswith(b"<?xml")
    ld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert ld["@graph"][0]["@type"] == "MonetaryGrant"
    shot(page, "guide-downloads")


def test_data_page_from_the_nav_downloads_the_csv(page, base_url):
    page.goto(base_url)
    page.get_by_role("link", name="数据").first.click()
    assert page.locator("article h1").inner_text().replace("¶", "").strip() == "数据"
    csv_href = page.locator("article a", has_text="topics.csv").first.evaluate("a => a.href")
    body = page.request.get(csv_href).body()
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    topics = json.loads(page.request.get(csv_href.replace("topics.csv", "topics.json")).body())["topics"]
    assert [r["id"] for r in rows] == [t["id"] for t in topics] and rows[0]["region"] == "成都"
    shot(page, "data-page")
