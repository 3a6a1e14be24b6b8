"""make import on publications in shapes content/ does not have (tests/fixtures/unseen/, scored by tests/unseen_score.py).

Every draft the importer writes must pass make check; a fixture it imported before must still be
imported and lose no more source text silently than it did; and no fixture, nor the set, may score fewer fields right than `FLOOR` records (measured on
main's importer; raise a floor when the importer gets better, never lower one to let a change through).
"""

from __future__ import annotations

import pytest

from tests import unseen_score as U

# Fields right per fixture on main's importer at d439da0 (imp-real's last merge of main).
FLOOR = {
    "anhui-2023-docx-table": 32,
    "changzhou-kexie-2024-txt": 32,
    "dalian-2024-docx-numbering": 28,
    "foshan-2024-html-table": 31,
    "jiangsu-jiebang-2019-xlsx": 22,
    "joint-fund-2024-txt": 33,
    "keti-md-table": 21,
    "most-intl-2025-md": 28,
    "qingdao-2023-txt-keti": 16,
    "suzhou-2019-notice-attachment": 0,
    "tangshan-2024-html-paren": 25,
    "wenzhou-2022-docx-brackets": 20,
    "yichang-2024-pdf-banner": 28,
    "zhengzhou-2023-pdf-decimal": 25,
}
IMPORTED = {name for name, right in FLOOR.items() if right}  # fixtures the importer must keep importing
# Source lines an imported fixture lost silently (in no field and not reported as not placed), at most.
LOST = {name: 0 for name in IMPORTED} | {"dalian-2024-docx-numbering": 2, "tangshan-2024-html-paren": 1, "yichang-2024-pdf-banner": 3}


@pytest.fixture(scope="module")
def results():
    got = U.score_all()
    print("\n" + U.table(got))
    return {r.name: r for r in got}


def test_every_fixture_has_a_floor(results):
    assert set(results) == set(FLOOR), "a fixture was added or removed: record its floor in FLOOR"


@pytest.mark.parametrize("name", sorted(FLOOR))
def test_fixture_holds_its_floor(results, name):
    r = results[name]
    assert not r.check_errors, f"{name}: the draft fails make check: {r.check_errors[:3]}"
    if name in IMPORTED:
        assert not r.error, f"{name} was imported before and is refused now: {r.error}"
    if name in LOST and not r.error:
        assert len(r.dropped) <= LOST[name], f"{name} loses source text silently: {r.dropped}"
    assert r.right >= FLOOR[name], f"{name}: {r.right}/{r.total} fields right, fewer than {FLOOR[name]}:\n" + "\n".join(r.misses)


def test_the_set_holds_its_share(results):
    right = sum(r.right for r in results.values())
    assert right >= sum(FLOOR.values())


def test_the_scorer_counts_what_differs():
    """The scorer is not a rubber stamp: a draft equal to the truth scores every field, one wrong field costs one."""
    truth = {"title": "某市2024年度软科学项目申报指南", "year": 2024, "region": None, "issuer": None, "doc_number": None,
             "window": {"opens": "2024-03-01", "closes": "2024-03-31 17:00"}, "contacts": ["028-1234567"],
             "topics": [{"number": "1.1", "title": "甲研究", "content": "研究甲。", "deliverables": True,
                         "funding": {"amount": 5, "kind": "ceiling"}, "months": 12, "keeps": ["联系处室"]}]}
    guide = {"title": "某市2024年度软科学项目申报指南", "year": 2024,
             "window": {"opens": "2024-03-01", "closes": "2024-03-31 17:00"}, "contacts": [{"phone": "028-1234567"}],
             "tracks": [{"funding": {"amount": 5, "kind": "ceiling", "text": "不超过5万元"},
                         "topics": [{"number": "1.1", "title": "甲研究", "content": ["研究甲。"], "deliverables": ["报告"],
                                     "duration": {"text": "1年", "months": 12},
                                     "sections": [{"heading": "联系处室", "body": ["规划处"]}]}]}]}
    full = U.Result("t")
    U._compare(full, truth, guide, {})
    assert full.right == full.total == 14, full.misses
    guide["tracks"][0]["topics"][0]["number"] = "1"
    guide["window"]["closes"] = "2024-03-31"
    worse = U.Result("t")
    U._compare(worse, truth, guide, {})
    assert worse.right == full.total - 2 and len(worse.misses) == 2


def test_the_scorer_sees_text_lost_silently():
    """`lost` names a source line found neither in the draft nor in the report's not-placed list, and only that."""
    from types import SimpleNamespace

    source = "甲乙丙丁戊己庚\n（联系人：规划处，电话：028-1234567）\n附件：汇总表\n2024年3月1日"
    imported = SimpleNamespace(unplaced=[SimpleNamespace(no=3, joined=[])], source_text=source, body_lines={1, 2, 3, 4},
                               guide={"title": "甲乙丙丁"}, yaml="intro:\n  - 甲乙丙丁戊己庚\n")
    assert U.dropped(imported) == ["line 2: 联系人：规划处，电话：028-1234567"]
    imported.yaml += "contacts:\n  - office: 规划处\n    phone: 028-1234567\n"
    assert U.dropped(imported) == []
