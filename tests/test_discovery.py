"""Cross-city discovery, read from the built site: tag pages, the tag matrix, region and year
pages, related topics, guide status and the static explorer table."""

from __future__ import annotations

import posixpath
import re
from html import unescape

import pytest
from pypinyin import lazy_pinyin

from html_page import clean as _clean, read_page

STATUS_WORDS = {"open": "申报中", "upcoming": "尚未开始", "closed": "已截止"}


def resolve(page_url: str, href: str) -> str:
    """A relative href on the page at `page_url` → the site URL it points to ('a/b/')."""
    path = href.split("#")[0].split("?")[0]
    joined = posixpath.normpath(posixpath.join(page_url, path))
    return "" if joined == "." else joined + "/"


def page_links(built, url: str) -> list[str]:
    return [resolve(url, h) for h in read_page(built, url).links if not h.startswith(("#", "http"))]



def section_html(built, url: str, anchor: str) -> str:
    html = (built / url / "index.html").read_text(encoding="utf-8")
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start:end if end > 0 else None]


@pytest.mark.parametrize("slug, words, regions", [
    ("ke-ji-jin-rong", ("科技金融",), {"hubei", "shanghai"}),
    ("ke-xue-pu-ji", ("科普", "科学技术普及"), {"hubei", "chengdu"}),
])
def test_tag_page_lists_every_topic_with_the_tag(built, site_model, slug, words, regions):
    tag = next(t for t in site_model.tags if t.slug == slug)
    expected = {t.url for t in site_model.topics if tag in t.tags}
    # The tag must reach the guides that are plainly about it, whatever else it reaches.
    by_title = {t.url for t in site_model.topics if any(w in t.title.zh for w in words)}
    assert regions <= {t.guide.region.slug for t in site_model.topics if t.url in by_title}
    assert by_title <= expected

    url = f"tags/{slug}/"
    assert url == tag.url and url.isascii()
    page = read_page(built, url)
    assert _clean(page.h1[0]) == tag.zh
    linked = set(page_links(built, url))
    assert expected <= linked, expected - linked
    assert not ({t.url for t in site_model.topics} - expected) & linked
    # Each row carries guide, track and funding; groups are region then year.
    article = _clean(page.article)
    for topic in (t for t in site_model.topics if t.url in expected):
        assert _clean(topic.title.zh) in article
        assert topic.guide.url in linked and topic.track.url in linked
        row = next(r for table in page.tables for r in table if r and _clean(r[0]) == _clean(topic.title.zh))
        assert row[3] == (topic.funding.label() if topic.funding else "—")
        assert f"{topic.guide.region.slug}-{topic.guide.year}" in page.ids


def test_tag_page_groups_by_region_then_year(built, site_model):
    for tag in site_model.tags:
        html = (built / tag.url / "index.html").read_text(encoding="utf-8")
        parts = re.split(r'<h2 id="([a-z0-9-]+)"', html)[1:]
        sections = dict(zip(parts[0::2], parts[1::2]))
        entries = site_model.plan_entries_by_tag[tag.slug]
        regions = [r for r in site_model.regions
                   if any(tag in t.tags for t in r_topics(r)) or any(e.guide.region is r for e in entries)]
        assert [s for s in sections if s != "guides"] == [r.slug for r in regions]
        for region in regions:
            years = re.split(r'<h3 id="[a-z0-9-]+-(\d{4})"', sections[region.slug])[1:]
            expected_years = sorted({t.guide.year for t in r_topics(region) if tag in t.tags}
                                    | {e.guide.year for e in entries if e.guide.region is region}, reverse=True)
            assert [int(y) for y in years[0::2]] == expected_years
            for year, chunk in zip(years[0::2], years[1::2]):
                linked = {resolve(tag.url, unescape(h)) for h in re.findall(r'href="([^"#]+)"', chunk)}
                expected = {t.url for t in r_topics(region) if tag in t.tags and t.guide.year == int(year)}
                assert expected <= linked
                assert not ({t.url for t in site_model.topics} - expected) & linked


def r_topics(region):
    return [t for g in region.guides for t in g.topics]


def test_topic_pages_link_their_tags(built, site_model):
    for topic in site_model.topics:
        links = set(page_links(built, topic.url))
        for tag in topic.tags:
            assert tag.url in links, (topic.url, tag.slug)


def test_tag_matrix_counts_equal_the_model(built, site_model):
    page = read_page(built, "tags/")
    table = page.tables[0]
    header = table[0]
    regions = site_model.regions
    assert header[2:2 + len(regions)] == [r.zh for r in regions]
    rows = {row[0]: row for row in table[1:]}
    assert set(rows) == {t.zh for t in site_model.tags}
    for tag in site_model.tags:
        row = rows[tag.zh]
        for i, region in enumerate(regions):
            count = sum(1 for t in site_model.topics if tag in t.tags and t.guide.region is region)
            assert row[2 + i] == (str(count) if count else "·"), (tag.zh, region.zh)
        assert row[2 + len(regions)] == str(sum(1 for t in site_model.topics if tag in t.tags))
    # Tags in pinyin order.
    order = [row[0] for row in table[1:]]
    assert order == sorted(order, key=lambda zh: lazy_pinyin(zh))
    assert set(page_links(built, "tags/")) >= {t.url for t in site_model.tags}


@pytest.mark.parametrize("slug, zh", [("chengdu", "成都"), ("tianjin", "天津"), ("shanghai", "上海"), ("hubei", "湖北")])
def test_region_pages(built, site_model, slug, zh):
    region = next(r for r in site_model.regions if r.slug == slug)
    page = read_page(built, region.url)
    assert _clean(page.h1[0]) == zh
    links = set(page_links(built, region.url))
    assert region.guides
    for guide in region.guides:
        assert guide.url in links
        assert f"y{guide.year}" in page.ids
        assert f"years/{guide.year}/" in links
        row = next(r for t in page.tables for r in t if r and _clean(r[0]) == _clean(guide.title.zh))
        assert row[2] == (str(len(guide.topics)) if guide.kind == "call" else f"{len(guide.plan.chapters)} 章")
        assert _clean(row[4]) == _status_text(guide, site_model.build_date)
    assert f"explorer/{slug}/" in links


def test_region_funding_totals_follow_the_guides(built):
    # Sums of what each guide states per topic (one award per topic), read off the sources:
    # Chengdu 10 × 20 + 10 × 5; Shanghai ceilings 3 × 50 + 8 × 20 and fixed 40 + 6 × 20.
    expected = {"chengdu": "250 万元", "shanghai": "不超过 470 万元", "hubei": "—", "tianjin": "—"}
    for slug, total in expected.items():
        table = read_page(built, f"regions/{slug}/").tables[0]
        assert table[1][3] == total, slug


def test_year_pages(built, site_model):
    years = sorted({g.year for g in site_model.guides}, reverse=True)
    index_links = set(page_links(built, "years/"))
    for year in years:
        url = f"years/{year}/"
        assert url in index_links
        page = read_page(built, url)
        assert _clean(page.h1[0]) == f"{year}年"
        links = set(page_links(built, url))
        guides = [g for g in site_model.guides if g.year == year]
        assert {g.url for g in guides} <= links
        others = {g.url for g in site_model.guides if g.year != year}
        assert not others & links
        for guide in guides:  # and back: each guide (or plan) and topic page links its year
            assert url in page_links(built, guide.url)
            if guide.topics:
                assert url in page_links(built, guide.topics[0].url)


def _status_text(guide, today) -> str:
    if guide.kind == "plan":
        return "规划，不设申报时间"
    if guide.window is None:  # a past call once its year is over (issue 23)
        return "往期（未载申报时间）" if guide.year < today.year else "未载申报时间"
    return f"{STATUS_WORDS[guide.window.status(today)]}（截至{today.isoformat()}）"


def test_guide_pages_show_status_as_of_build_date(built, site_model):
    for guide in (g for g in site_model.guides if g.kind == "call"):  # plans have no application window
        table = read_page(built, guide.url).tables[0]
        row = next(r for r in table if r[0] == "申报状态")
        assert _clean(row[1]) == _status_text(guide, site_model.build_date)
    shanghai = next(g for g in site_model.guides if g.region.slug == "shanghai")
    assert shanghai.window.status(site_model.build_date) == "closed"  # its window closed in 2020


def related_urls(built, topic) -> list[str]:
    html = section_html(built, topic.url, "related")
    html = html[: html.index("</ul>")]
    return [resolve(topic.url, unescape(h)) for h in re.findall(r'<a href="([^"]+)"', html) if not h.startswith("#")]


def test_related_topics_share_tags_prefer_other_regions_and_never_self(built, site_model):
    by_url = {t.url: t for t in site_model.topics}
    checked = 0
    for topic in site_model.topics:
        if not topic.tags:
            continue
        urls = related_urls(built, topic)
        assert urls, topic.url
        assert topic.url not in urls
        related = [by_url[u] for u in urls]
        shared = [len(set(map(id, topic.tags)) & set(map(id, r.tags))) for r in related]
        assert all(shared), topic.url
        same = [r.guide.region is topic.guide.region for r in related]
        assert same == sorted(same), f"{topic.url}: a same-region topic before another region's"
        for flag in (False, True):
            counts = [s for s, f in zip(shared, same) if f is flag]
            assert counts == sorted(counts, reverse=True), topic.url
        # If any topic in another region shares a tag, the list starts with one.
        elsewhere = any(o.guide.region is not topic.guide.region and set(map(id, o.tags)) & set(map(id, topic.tags))
                        for o in site_model.topics)
        assert (not same[0]) == elsewhere, topic.url
        checked += 1
    assert checked == len(site_model.topics)


def test_breadcrumbs_and_pager_within_track(built, site_model):
    for track in (tr for g in site_model.guides for tr in g.tracks):
        for i, topic in enumerate(track.topics):
            html = (built / topic.url / "index.html").read_text(encoding="utf-8")
            crumbs = html[html.index('class="atlas-breadcrumbs"'):]
            crumbs = crumbs[: crumbs.index("</nav>")]
            hrefs = [resolve(topic.url, h) for h in re.findall(r'href="([^"]+)"', crumbs)]
            assert hrefs == [topic.guide.region.url, topic.guide.url, track.url]
            assert 'aria-current="page"' in crumbs
            pager = html[html.index('class="atlas-pager"'):]
            pager = pager[: pager.index("</nav>")]
            prev = re.search(r'class="atlas-prev" href="([^"]+)"', pager)
            nxt = re.search(r'class="atlas-next" href="([^"]+)"', pager)
            assert (resolve(topic.url, prev.group(1)) if prev else None) == (track.topics[i - 1].url if i else None)
            assert (resolve(topic.url, nxt.group(1)) if nxt else None) == (
                track.topics[i + 1].url if i + 1 < len(track.topics) else None)
            assert f"第 {i + 1} / {len(track.topics)} 题" in pager


def explorer_rows(built, url):
    html = (built / url / "index.html").read_text(encoding="utf-8")
    body = html[html.index("<tbody>"): html.index("</tbody>")]
    return re.findall(r"<tr ([^>]*)>(.*?)</tr>", body, flags=re.S)


def test_explorer_is_a_complete_table_without_javascript(built, site_model):
    rows = explorer_rows(built, "explorer/")
    assert len(rows) == len(site_model.topics)
    page = read_page(built, "explorer/")
    header = page.tables[0][0]
    # The title first, so a phone shows it (issue 18 item 4); then when it closes and its status.
    assert header == ["题目", "截止", "状态", "经费", "地区", "年度", "指南", "类别", "期限", "标签"]
    by_title = {}
    for attrs, cells in rows:
        assert "hidden" not in attrs
        hrefs = [resolve("explorer/", unescape(h)) for h in re.findall(r'href="([^"]+)"', cells)]
        for href in hrefs:
            assert (built / href / "index.html").exists(), href
        by_title[hrefs[0]] = (attrs, hrefs)
    for topic in site_model.topics:
        attrs, hrefs = by_title[topic.url]
        assert hrefs[1:3] == [topic.guide.region.url, topic.guide.url]
        assert {t.url for t in topic.tags} == set(hrefs[3:])
        assert f'data-region="{topic.guide.region.slug}"' in attrs
        assert f'data-year="{topic.guide.year}"' in attrs
    # The script is ours, served beside the page, and loaded relatively.
    assert "../assets/javascripts/explorer.js" in page.scripts
    assert (built / "assets/javascripts/explorer.js").exists()


def test_explorer_has_a_page_per_region(built, site_model):
    for region in site_model.regions:
        url = f"explorer/{region.slug}/"
        rows = explorer_rows(built, url)
        expected = [t for g in region.guides for t in g.topics]
        assert len(rows) == len(expected), region.slug
        assert all(f'data-region="{region.slug}"' in attrs for attrs, _ in rows)
        assert (built / url / "index.html").stat().st_size < 1_000_000


def test_nav_is_fixed_and_has_the_explorer(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    tabs = html[html.index('class="md-tabs__list"'):]
    tabs = tabs[: tabs.index("</ul>")]
    labels = [_clean(t) for t in re.findall(r'class="md-tabs__link[^"]*">\s*([^<]+?)\s*<', tabs)]
    assert "浏览" in labels
    assert set(labels) <= {"首页", "地区", "标签", "浏览", "规划", "关于", "搜索", "数据"}, labels
