"""Discovery logic on models built in the test: plan entries and plans on tag, region and year
pages (a made-up plan beside the real one, with a title full of markup), related-topic ranking, the explorer split, funding totals."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from conftest import CONTENT
from generator.build import load_site
from generator.groups import funding_total
from generator.model import Funding, Text
from generator.pages import explorer, regions, tags, years
from generator.related import related_topics
from generator.render import Renderer, html_text, md_escape


@dataclasses.dataclass
class Entry:
    """A plan section or box item as the plan pages will hand it to tag pages."""

    title: Text
    url: str
    guide: object
    tags: list


def site_with_plan():
    site = load_site(CONTENT)
    chengdu = next(r for r in site.regions if r.slug == "chengdu")
    plan = dataclasses.replace(
        chengdu.guides[0], id="2022-guihua", kind="plan", year=2022, title=Text("成都市“十四五”科技创新规划"),
        short_title=None, tracks=[], themes=[], window=None, context=[], cited_by=[],
    )
    site.guides.append(plan)
    chengdu.guides.append(plan)
    finance = next(t for t in site.tags if t.slug == "ke-ji-jin-rong")
    entry = Entry(Text("专栏5 <b>科技金融</b> [工程]"), plan.url + "#zhuan-lan-5", plan, [finance])
    site.plan_entries.append(entry)
    return site, plan, entry


def render_all(module, site) -> dict[str, str]:
    return {o.path: o.encoded().decode("utf-8") for o in module.outputs(site, Renderer(site))}


def test_tag_page_lists_plan_entries_with_their_anchor():
    site, plan, entry = site_with_plan()
    pages = render_all(tags, site)
    page = pages["tags/ke-ji-jin-rong/index.md"]
    # Escaped title, linked with its #anchor, under the plan's region and year, beside the plan's name.
    assert f'<a href="../../guides/chengdu/2022-guihua/#zhuan-lan-5">{html_text(entry.title.zh)}</a>' in page
    assert "<b>" not in page and "&lt;b&gt;" in page
    chengdu = page[page.index("## 成都"):page.index("## 天津")]
    assert "### 2022 年 { #chengdu-2022 }" in chengdu
    assert chengdu.index("2023 年") < chengdu.index("2022 年")
    finance_entries = site.plan_entries_by_tag["ke-ji-jin-rong"]
    assert entry in finance_entries
    assert f"{len(finance_entries)} 个规划条目" in page
    other = pages["tags/ke-xue-pu-ji/index.md"]
    assert "zhuan-lan-5" not in other
    # The matrix counts the entry in its own column, not among the topics.
    matrix = pages["tags/index.md"]
    row = next(line for line in matrix.splitlines() if line.startswith("| [科技金融]"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[-2:] == [str(len(site.topics_by_tag["ke-ji-jin-rong"])), str(len(finance_entries))]


def test_region_and_year_pages_take_plans_without_tracks():
    site, plan, _ = site_with_plan()
    region = render_all(regions, site)["regions/chengdu/index.md"]
    row = next(line for line in region.splitlines() if "2022-guihua" in line)
    assert "| 规划 | 0 | — | 规划，不设申报时间 |" in row  # a made-up plan with no chapters
    chengdu = next(r for r in site.regions if r.slug == "chengdu")
    plans = sum(g.kind == "plan" for g in chengdu.guides)
    assert plans >= 2  # the real plan and the made-up one
    assert f"共 1 份申报指南、{plans} 份规划，20 个题目。" in region
    pages = render_all(years, site)
    assert "years/2022/index.md" in pages
    assert "2022-guihua" in pages["years/2022/index.md"]
    assert "2022-guihua" not in pages["years/2023/index.md"]


def test_explorer_splits_per_region_past_the_row_limit(monkeypatch):
    site = load_site(CONTENT)
    monkeypatch.setattr(explorer, "INDEX_ROW_LIMIT", 10)
    pages = render_all(explorer, site)
    index = pages["explorer/index.md"]
    assert 'class="atlas-explorer"' not in index and 'data-scope="none"' in index
    for region in site.regions:
        assert f'href="{region.slug}/"' in index
        page = pages[f"explorer/{region.slug}/index.md"]
        assert page.count("<tr data-region=") == sum(len(g.topics) for g in region.guides)
        assert f'data-scope="{region.slug}"' in page


def _topic(key, region, year, *tags):
    return SimpleNamespace(key=key, tags=[SimpleNamespace(slug=t) for t in tags],
                           guide=SimpleNamespace(region=SimpleNamespace(slug=region), year=year))


def test_related_ranking():
    a1 = _topic("a1", "a", 2023, "x", "y")
    a2 = _topic("a2", "a", 2023, "x", "y")  # same tags, same region as a1
    b1 = _topic("b1", "b", 2020, "x")
    b2 = _topic("b2", "b", 2021, "x", "y")
    c1 = _topic("c1", "c", 2023, "z")
    related = related_topics([a1, a2, b1, b2, c1], limit=5)
    keys = {k: [r.topic.key for r in v] for k, v in related.items()}
    # Other regions first, most shared tags first, then newest; never the topic itself.
    assert keys["a1"] == ["b2", "b1", "a2"]
    assert keys["a2"] == ["b2", "b1", "a1"]
    assert keys["b1"] == ["a1", "a2", "b2"]
    assert keys["c1"] == []
    assert [t.slug for t in related["a1"][0].shared] == ["x", "y"]
    assert [len(v) for v in related_topics([a1, a2, b1, b2], limit=1).values()] == [1, 1, 1, 1]


def test_funding_total():
    def t(kind, amount):
        return SimpleNamespace(funding=Funding(kind, Text(""), amount) if kind else None)

    assert funding_total([t("fixed", 20), t("fixed", 5)]).label() == "25 万元"
    total = funding_total([t("fixed", 20), t("ceiling", 50), t(None, None)])
    assert total.label() == "不超过 70 万元" and not total.complete and total.stated == 2
    assert funding_total([t(None, None)]) is None


def test_status_follows_the_build_date():
    import datetime as dt

    from generator.pages import guides

    base = load_site(CONTENT)
    expected = {
        dt.date(2020, 11, 16): "尚未开始",
        dt.date(2020, 11, 17): "申报中",
        dt.date(2020, 12, 4): "申报中",
        dt.date(2020, 12, 5): "已截止",
    }
    for day, word in expected.items():
        site = dataclasses.replace(base, build_date=day)
        page = render_all(guides, site)["guides/shanghai/2020-ruankexue-zhongdian-2/index.md"]
        row = next(line for line in page.splitlines() if line.startswith("| 申报状态 |"))
        assert f'>{word}</span> <span class="atlas-asof">（截至 {day.isoformat()}）</span>' in row, (day, row)
        region = render_all(regions, site)["regions/shanghai/index.md"]
        assert f">{word}</span>" in region
        hubei = render_all(guides, site)["guides/hubei/2023-ruankexue-zhongdian/index.md"]
        hubei_row = next(line for line in hubei.splitlines() if line.startswith("| 申报状态 |"))
        assert 'data-status="custom" data-atlas-status data-atlas-year="2023">未载申报时间</span>' in hubei_row
    # Once its year is over, a call without a window is a past call (issue 23).
    site = dataclasses.replace(base, build_date=dt.date(2024, 1, 1))
    hubei = render_all(guides, site)["guides/hubei/2023-ruankexue-zhongdian/index.md"]
    assert '>往期（未载申报时间）</span>' in next(line for line in hubei.splitlines() if line.startswith("| 申报状态 |"))
