"""A reader walks from the home page to a topic in a real browser, under a sub-path."""

from __future__ import annotations

from .conftest import h1, shot


def test_home_to_region_to_guide_to_track_to_topic(page, base_url):
    page.goto(base_url)
    assert h1(page) == "指南图谱"
    page.locator(".atlas-home-regions").get_by_role("link", name="湖北").first.click()
    assert h1(page) == "湖北"
    page.locator("article a", has_text="2023年度湖北省软科学计划研究重点项目").first.click()
    assert "申报指南" in h1(page)
    page.locator("article h3 a").first.click()
    assert h1(page).startswith("研究重点项目")
    page.locator("article a", has_text="湖北省科技金融体系建设研究").click()
    assert h1(page) == "湖北省科技金融体系建设研究"
    assert "孟凡宝" in page.locator("article").inner_text()
    assert page.url.startswith(base_url) and page.url.isascii()
    shot(page, "topic-desktop")
