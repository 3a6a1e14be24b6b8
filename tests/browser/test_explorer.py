"""The topic explorer in a real browser, under a sub-path: filters, shared URLs, sorting."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from .conftest import shot


def visible_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "table.atlas-explorer tbody tr",
        """rows => rows.filter(r => !r.hidden && r.offsetParent !== null).map(r => ({
            region: r.dataset.region, year: r.dataset.year, tags: r.dataset.tags.split(' '),
            title: r.querySelector('.atlas-col-title').innerText.trim(),
            funding: r.querySelector('.atlas-col-funding').dataset.sort,
            closes: r.querySelector('.atlas-col-closes').dataset.sort,
            status: r.querySelector('.atlas-col-status').innerText.trim(),
        }))""",
    )


def query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_filter_share_reload_and_sort(page, base_url, site_model):
    page.goto(base_url + "explorer/")
    total = len(site_model.topics)
    assert len(visible_rows(page)) == total
    assert page.locator("form.atlas-explorer-filters").is_visible()

    page.select_option(".atlas-explorer-filters select[name=region]", "hubei")
    rows = visible_rows(page)
    hubei = [t for t in site_model.topics if t.guide.region.slug == "hubei"]
    assert len(rows) == len(hubei) and {r["region"] for r in rows} == {"hubei"}
    assert page.locator(".atlas-explorer-count").inner_text() == f"显示 {len(hubei)} / {total} 个题目"

    page.select_option(".atlas-explorer-filters select[name=tag]", "ke-xue-pu-ji")
    expected = sorted(t.title.zh for t in hubei if any(tag.slug == "ke-xue-pu-ji" for tag in t.tags))
    assert len(expected) == 2
    assert sorted(r["title"] for r in visible_rows(page)) == expected
    assert query(page) == {"region": "hubei", "tag": "ke-xue-pu-ji"}
    assert page.url.startswith(base_url + "explorer/")

    # The shared URL opens the same view.
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert page.locator(".atlas-explorer-filters select[name=region]").input_value() == "hubei"
    assert page.locator(".atlas-explorer-filters select[name=tag]").input_value() == "ke-xue-pu-ji"
    assert sorted(r["title"] for r in visible_rows(page)) == expected
    shot(page, "explorer-filtered")

    # Typing into the title box narrows further (Chinese arrives as inserted text; End fires key events).
    page.fill(".atlas-explorer-filters input[name=q]", "")
    page.locator(".atlas-explorer-filters input[name=q]").type("传播")
    page.keyboard.press("End")
    assert [r["title"] for r in visible_rows(page)] == [t for t in expected if "传播" in t]
    assert query(page)["q"] == "传播"

    # Clear, then sort by funding: ascending, then descending; topics without an amount stay last.
    page.click(".atlas-explorer-filters button[type=reset]")
    page.wait_for_function("new URLSearchParams(location.search).toString() === ''")
    assert len(visible_rows(page)) == total
    header = page.locator("th[data-key=funding] button")
    header.click()
    assert page.locator("th[data-key=funding]").get_attribute("aria-sort") == "ascending"
    amounts = [r["funding"] for r in visible_rows(page)]
    stated = [float(a) for a in amounts if a]
    assert stated == sorted(stated) and len(set(stated)) > 1
    assert amounts[len(stated):] == [""] * (total - len(stated))
    header.click()
    assert page.locator("th[data-key=funding]").get_attribute("aria-sort") == "descending"
    stated = [float(r["funding"]) for r in visible_rows(page) if r["funding"]]
    assert stated == sorted(stated, reverse=True)
    assert query(page) == {"sort": "funding", "order": "desc"}
    page.reload()
    assert page.locator("th[data-key=funding]").get_attribute("aria-sort") == "descending"
    assert [float(r["funding"]) for r in visible_rows(page) if r["funding"]] == stated
    shot(page, "explorer-sorted")


def test_region_pages_move_between_regions_keeping_the_filter(page, base_url, site_model):
    page.goto(base_url + "explorer/hubei/?tag=ke-ji-jin-rong")
    assert page.locator(".atlas-explorer-filters select[name=region]").input_value() == "hubei"
    assert [r["title"] for r in visible_rows(page)] == ["湖北省科技金融体系建设研究"]
    with page.expect_navigation():
        page.select_option(".atlas-explorer-filters select[name=region]", "shanghai")
    assert urlparse(page.url).path.endswith("/atlas/explorer/shanghai/")
    assert query(page) == {"tag": "ke-ji-jin-rong"}
    assert [r["title"] for r in visible_rows(page)] == ["上海科技金融生态年度观察"]
    with page.expect_navigation():
        page.select_option(".atlas-explorer-filters select[name=region]", "")
    assert urlparse(page.url).path.endswith("/atlas/explorer/")
    expected = {t.title.zh for t in site_model.topics_by_tag["ke-ji-jin-rong"]}
    assert {r["title"] for r in visible_rows(page)} == expected


def test_table_is_complete_without_javascript(browser, base_url, site_model):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "explorer/?region=hubei")
        assert page.locator("table.atlas-explorer tbody tr").count() == len(site_model.topics)
        assert not page.locator("form.atlas-explorer-filters").is_visible()
    finally:
        context.close()


def test_year_and_track_filters(page, base_url, site_model):
    page.goto(base_url + "explorer/")
    page.select_option(".atlas-explorer-filters select[name=year]", "2021")
    assert {r["year"] for r in visible_rows(page)} == {"2021"}
    assert len(visible_rows(page)) == sum(1 for t in site_model.topics if t.guide.year == 2021)
    page.select_option(".atlas-explorer-filters select[name=year]", "")
    page.select_option(".atlas-explorer-filters select[name=track]", "一般项目")
    expected = {t.title.zh for t in site_model.topics if t.track.name.zh == "一般项目"}
    assert {t.guide.region.slug for t in site_model.topics if t.title.zh in expected} == {"chengdu", "tianjin"}
    assert {r["title"] for r in visible_rows(page)} == expected
    assert query(page) == {"track": "一般项目"}
    page.select_option(".atlas-explorer-filters select[name=tag]", "ke-ji-jin-rong")
    assert [r["title"] for r in visible_rows(page)] == ["天津科技成果产业化早期的科技金融创新支撑体系研究"]
    page.select_option(".atlas-explorer-filters select[name=year]", "2023")
    assert visible_rows(page) == []
    assert page.locator(".atlas-explorer-empty").is_visible()


def test_the_filtered_view_downloads_as_csv(page, base_url, site_model):
    """The explorer saves exactly the rows shown, in order, as CSV with a BOM, each with its address."""
    import csv
    import io

    page.goto(base_url + "explorer/?tag=ke-ji-jin-rong&sort=funding&order=desc")
    shown = [r["title"] for r in visible_rows(page)]
    expected = {t.title.zh: t for t in site_model.topics if any(tag.slug == "ke-ji-jin-rong" for tag in t.tags)}
    assert sorted(shown) == sorted(expected)
    with page.expect_download() as info:
        page.click(".atlas-explorer-filters .atlas-explorer-csv")
    data = open(info.value.path(), "rb").read()
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:7] == ["题目", "截止", "状态", "经费", "地区", "年度", "指南"] and rows[0][-1] == "链接"
    assert [r[0] for r in rows[1:]] == shown  # the rows shown, in the order shown
    for row in rows[1:]:
        topic = expected[row[0]]
        assert row[4] == topic.guide.region.zh and row[5] == str(topic.guide.year)
        assert row[-1] == base_url + topic.url
