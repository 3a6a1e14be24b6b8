"""Programmes and their editions: the `programme` field's checks, topic matching between editions,
the comparison, programme and deadline pages, and the home page's window lists (issue 16)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

from conftest import EDITIONS, editions_content
from test_validation import check, edit

from generator import compare, status
from generator.model import Text, Window

SHIFAN = EDITIONS / "2025-shifan.yml"


def titles(topics) -> list[str]:
    return [t.title.zh for t in topics]


def test_bigram_similarity():
    assert compare.bigrams("科技 金融！") == {"科技", "技金", "金融"}
    assert compare.jaccard(compare.bigrams("科技金融"), compare.bigrams("科技金融")) == 1
    assert compare.jaccard(compare.bigrams("科技金融"), compare.bigrams("低空经济")) == 0


def test_editions_are_ordered_and_matched(editions_model):
    (shifan,) = [p for p in editions_model.programmes if p.id == "shifan"]
    assert [g.year for g in shifan.editions] == [2024, 2025, 2026]
    assert shifan.url == "programmes/chengdu/shifan/"
    first, second = (compare.compare(a, b) for a, b in compare.consecutive(shifan))
    assert [(m.old.title.zh, m.new.title.zh) for m in first.continued] == [
        ("科技金融服务体系建设研究", "科技金融服务体系优化研究"), ("人工智能产业发展路径研究", "人工智能产业发展路径研究")]
    assert 0.5 < first.continued[0].similarity < 1 and first.continued[1].similarity == 1
    assert titles(first.added) == ["低空经济发展对策研究"]
    assert titles(first.dropped) == ["农村科技特派员制度实施评估"]
    assert titles(second.added) == ["数据要素市场化配置改革研究"]
    assert titles(second.dropped) == ["人工智能产业发展路径研究"]
    facts = {f.key: f for f in first.facts}
    assert facts["compare.funding"].changed and (facts["compare.funding"].old, facts["compare.funding"].new) == ("10", "15")
    assert not facts["compare.duration"].changed
    requirements = next(s for s in first.sections if s.heading == "申报要求")
    assert 0 < requirements.similarity < 1  # 博士学位 was added


def _topic(title, content=""):
    blocks = (SimpleNamespace(kind="paragraph", text=Text(content)),) if content else ()
    return SimpleNamespace(title=Text(title), summary=(), content=blocks, deliverables=())


def test_matching_is_one_to_one_and_keeps_to_the_threshold():
    old = [_topic("科技金融服务体系建设研究"), _topic("科技金融服务体系完善研究")]
    new = [_topic("科技金融服务体系建设研究"), _topic("海洋生物多样性保护")]
    matches, added, dropped = compare.match_topics(old, new)
    assert [(m.old, m.new) for m in matches] == [(old[0], new[0])]  # the better pair, once
    assert added == [new[1]] and dropped == [old[1]]  # unrelated titles never pair


def test_programme_editions_must_share_a_name(tmp_path):
    content = editions_content(tmp_path)
    path = SHIFAN.relative_to(EDITIONS)
    line = edit(content, "\"zh\": \"示范软科学项目\"", "\"zh\": \"示范项目\"", path=Path("guides/chengdu") / path)
    result = check(content)
    assert result.returncode == 1
    assert f"content/guides/chengdu/2025-shifan.yml:{line - 1}:" in result.stderr  # at name:
    assert "give every edition the same name" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_plan_has_no_programme(tmp_path):
    from pathlib import Path
    content = editions_content(tmp_path)
    plan = Path("guides/chengdu/2022-shisiwu-keji-chuangxin-guihua.yml")
    line = edit(content, "updated: '2026-11-25'", "programme: {id: guihua, name: 规划}\nupdated: '2026-11-25'", path=plan)
    result = check(content)
    assert result.returncode == 1
    assert f"content/{plan.as_posix()}:{line}:" in result.stderr and "a plan is not an edition" in result.stderr


def test_programme_id_must_be_a_slug(tmp_path):
    from pathlib import Path
    content = editions_content(tmp_path)
    edit(content, '"id": "shifan"', '"id": "示范"', path=Path("guides/chengdu/2025-shifan.yml"))
    result = check(content)
    assert result.returncode == 1 and "2025-shifan.yml:" in result.stderr and "Traceback" not in result.stderr


def _guide(i, opens, closes):
    window = Window(dt.datetime.fromisoformat(opens), dt.datetime.fromisoformat(closes), False)
    return SimpleNamespace(key=f"r/{i:05d}", window=window)


def test_home_lists_stay_the_same_size_as_the_corpus_grows():
    today = dt.date(2027, 3, 20)
    guides = []
    for i in range(3000):
        start = dt.date(2026, 1, 1) + dt.timedelta(days=i % 600)
        guides.append(_guide(i, start.isoformat(), (start + dt.timedelta(days=30)).isoformat()))
    home = status.windows_for_home(guides, today)
    assert len(home.pool) == status.HOME_POOL
    by = {name: len(gs) for name, gs in home.lists.items()}
    assert by["closing"] + by["open"] >= 10 and by["upcoming"] >= 10 and by["recent"] >= 10
    for g in home.lists["closing"]:
        assert 0 <= status.days_left(g.window, today) <= status.CLOSING_SOON_DAYS
    assert all(g.window.status(today) == "upcoming" for g in home.lists["upcoming"])


def test_home_lists_fill_with_what_there_is():
    today = dt.date(2027, 3, 20)
    guides = [_guide(i, "2020-01-01", "2020-02-01") for i in range(30)] + [_guide(99, "2027-03-01", "2027-03-25")]
    home = status.windows_for_home(guides, today)
    assert len(home.pool) == 31 and [g.key for g in home.lists["closing"]] == ["r/00099"]


def test_pages_built_for_the_editions(editions_built):
    programme = (editions_built / "programmes/chengdu/shifan/index.html").read_text(encoding="utf-8")
    for year in (2024, 2025, 2026):
        assert f"../../../guides/chengdu/{year}-shifan/" in programme
    assert "2024-shifan-2025-shifan/" in programme and "2025-shifan-2026-shifan/" in programme
    guide = (editions_built / "guides/chengdu/2025-shifan/index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="atlas-editions-nav".*?</nav>', guide, re.S).group(0)
    assert "2024-shifan/" in nav and "2026-shifan/" in nav and "2024-shifan-2025-shifan/" in nav
    deadlines = (editions_built / "deadlines/index.html").read_text(encoding="utf-8")
    assert deadlines.index("2026-shifan/") < deadlines.index("2025-shifan/") < deadlines.index("2024-shifan/")
    assert (editions_built / "deadlines/2020/index.html").is_file()
    # Listings of other pages stay out of the search index; the programme page is findable.
    comparison = (editions_built / "programmes/chengdu/shifan/2024-shifan-2025-shifan/index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in deadlines and "data-pagefind-body" not in comparison
    assert "data-pagefind-body" in programme


def test_pages_stay_flat_as_editions_add_up(tmp_path):
    """A comparison page holds its two editions only: the same size with 3 or 30 editions around it."""
    from generator.build import load_site
    from generator.pages import programmes
    from generator.render import Renderer

    content = editions_content(tmp_path)
    text = (content / "guides/chengdu/2026-shifan.yml").read_text(encoding="utf-8")
    for year in range(2030, 2057):
        (content / f"guides/chengdu/{year}-shifan.yml").write_text(
            text.replace("2026-shifan", f"{year}-shifan").replace('"year": 2026', f'"year": {year}'), encoding="utf-8")
    site = load_site(content)
    pages = {o.path: o for o in programmes.outputs(site, Renderer(site))}
    sizes = [len(o.encoded()) for path, o in pages.items() if re.search(r"/20\d\d-shifan-20\d\d-shifan/", path)]
    assert len(sizes) == 29
    assert max(sizes) < 1.2 * min(sizes)
