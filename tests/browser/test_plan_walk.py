"""A policy analyst walks into the Chengdu plan in a real browser: nav tab → plan → section anchor → annex."""

from __future__ import annotations

from .conftest import h1, shot


def test_plans_tab_to_a_cited_section_and_an_indicator_explanation(page, base_url):
    page.goto(base_url)
    page.locator(".md-tabs a", has_text="规划").click()
    assert h1(page) == "规划"
    page.locator("article a", has_text="成都市“十四五”科技创新规划").first.click()
    assert h1(page) == "成都市“十四五”科技创新规划"
    page.locator("article a", has_text="一、深化科技金融创新").click()
    assert page.url.endswith("/di-10-zhang/#shen-hua-ke-ji-jin-rong-chuang-xin")
    heading = page.locator("h2#shen-hua-ke-ji-jin-rong-chuang-xin")
    assert heading.inner_text().replace("¶", "").strip() == "一、深化科技金融创新"
    assert heading.is_visible()
    # The browser scrolled to the cited section (wait: the scroll can land after the load event).
    page.wait_for_function(
        "() => { const r = document.getElementById('shen-hua-ke-ji-jin-rong-chuang-xin').getBoundingClientRect();"
        " return r.top >= 0 && r.top < 300; }", timeout=5000)
    assert page.locator("article a.atlas-tag", has_text="科技金融").count() >= 1
    shot(page, "plan-chapter-section")

    page.goto(base_url + "guides/chengdu/2022-shisiwu-keji-chuangxin-guihua/di-1-zhang/#zhuan-lan-1")
    table = page.locator("div.atlas-box-indicators table")
    assert table.locator("tbody tr").count() == 10
    assert "高于全省平均水平" in table.locator("tbody tr").nth(9).inner_text()
    table.locator("tbody tr").nth(7).locator("a").click()
    assert page.url.endswith("/fu-jian/#zhi-biao-8")
    assert page.locator("h2#zhi-biao-8").inner_text().startswith("8. 技术合同成交额")
    shot(page, "plan-annex")
