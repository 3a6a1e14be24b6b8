"""The importer's field rules on small examples of our own (not the eval's vocabulary): contacts read by
form, funding kind and unit, durations, labels by meaning, two-line titles, the region from the issuer."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer import ImportFailure, convert_document
from generator.importer.document import PARAGRAPH, Document, Node, Part
from generator.importer import fields as F
from generator.importer import labels as L

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.mark.parametrize("label, text, expected", [
    # person first, the office in brackets after the name or after the phone
    ("联系人", "黄海涛（科技局规划科），电话：0717-6881234",
     [{"office": "科技局规划科", "person": "黄海涛", "phone": "0717-6881234"}]),
    ("项目联系人", "李晓，0717-6881234（成果处）", [{"office": "成果处", "person": "李晓", "phone": "0717-6881234"}]),
    # an office alone under 联系人 is an office, not a person
    ("联系人", "高新技术处，87651234", [{"office": "高新技术处", "phone": "87651234"}]),
    # inner labels in one line
    ("", "对接处室：市科技局办公室；联系人：孟老师；联系电话：0717-6881234",
     [{"office": "市科技局办公室", "person": "孟老师", "phone": "0717-6881234"}]),
    # a role label holding a person
    ("业务咨询", "王五 13912345678", [{"person": "王五", "phone": "13912345678"}]),
    # two people in one cell: one entry each, the office with the first
    ("", "社会发展科 钱多多 0717-6881234 欧阳晓明 65323491",
     [{"office": "社会发展科", "person": "钱多多", "phone": "0717-6881234"}, {"person": "欧阳晓明", "phone": "65323491"}]),
    # an office's two numbers stay together
    ("联系电话", "61881749 61881738", [{"phone": "61881749、61881738"}]),
])
def test_contacts_by_form(label, text, expected):
    assert F.contacts(text, label)[0] == expected


def test_contact_words():
    assert [F.contact_word(w) for w in ("规划科", "赵小军", "孟老师", "省科技厅办公室", "电话", "司马相如")] == [
        "office", "person", "person", "office", "", "person"]


@pytest.mark.parametrize("text, unit, amount, kind", [
    ("≤15万元", "", 15, "ceiling"),
    ("最高15", "万元", 15, "ceiling"),
    ("不大于8万元", "", 8, "ceiling"),
    ("12万元以内", "", 12, "ceiling"),
    ("12", "万元", 12, "fixed"),
    ("150000", "元", 15, "fixed"),
    ("0.1亿元", "", 1000, "fixed"),
    ("共计200万元，拟支持10项", "", 200, "ceiling"),  # a total: recorded as a ceiling, marked for review
])
def test_funding_kind_and_unit(text, unit, amount, kind):
    value, review = F.funding(text, True, unit)
    assert (value["amount"], value["kind"]) == (amount, kind)
    if "共计" in text:
        assert any("总额" in r for r in review)


def test_funding_unit_from_the_label():
    assert F.unit_of("资助额度（万元）") == "万元" and F.unit_of("经费(元)") == "元" and F.unit_of("资助金额") == ""
    value, review = F.funding("最高30", True)  # no unit anywhere: read as 万元 and marked
    assert value["amount"] == 30 and any("单位" in r for r in review)
    assert F.funding("经费自筹", True)[0] is None


@pytest.mark.parametrize("label, kind", [
    ("考核内容", "deliverables"), ("验收内容", "deliverables"), ("成果提交形式", "deliverables"),
    ("项目（课题）名称", "title"), ("经费安排", "funding"), ("业务联系人", "contacts"), ("组织方式", None),
])
def test_labels_by_meaning(label, kind):
    assert L.kind(label) == kind


def convert(text: str, content: Path, today: str):
    """The text as a .docx's paragraphs would come: one node a line, never joined by the clean step."""
    nodes = [Node(PARAGRAPH, text=line) for line in text.split("\n") if line.strip()]
    return convert_document(Document([Part("guide.docx", "docx", nodes)]), content, today=today)


GUIDE = """{head}
一、研究方向
方向一：数字经济发展路径研究
研究内容：分析数字经济发展现状，提出对策建议。
起止年限：
2025年1月至2025年12月
联系人：赵小军（规划科），电话：0717-6881234
二、申报要求
申报单位须在本地注册。
{issuer}
2025年3月1日
"""


def test_two_line_title_joined_and_region_from_it():
    head = "2025年度宜昌市软科学研究\n重点项目（第一批竞争类）申报指南"  # the second line too long to look like a tail
    done = convert(GUIDE.format(head=head, issuer="宜昌市科学技术局"), CONTENT, today="2026-01-01")
    assert done.guide["title"] == "2025年度宜昌市软科学研究重点项目（第一批竞争类）申报指南"
    assert done.guide["region"] == "yichang" or done.region_added["zh"] == "宜昌"
    topic = done.guide["tracks"][0]["topics"][0]
    assert topic["contacts"] == [{"office": "规划科", "person": "赵小军", "phone": "0717-6881234"}]


def test_notice_title_cut_after_its_first_line():
    head = "关于发布2025年度宜昌市科技计划\n软科学研究项目申报指南的通知"
    done = convert(GUIDE.format(head=head, issuer="宜昌市科学技术局"), CONTENT, today="2026-01-01")
    assert done.guide["title"] == "2025年度宜昌市科技计划软科学研究项目申报指南"


def test_region_from_the_issuer_when_the_title_names_none():
    done = convert(GUIDE.format(head="2025年度软科学研究项目申报指南", issuer="湖北省科学技术厅"), CONTENT,
                   today="2026-01-01")
    assert done.guide["region"] == "hubei" and done.guide["issuer"] == "湖北省科学技术厅"
    assert any("发布单位" in m for m in done.review[("region",)])


def test_no_region_anywhere_asks_for_region():
    with pytest.raises(ImportFailure, match="REGION="):
        convert(GUIDE.format(head="2025年度软科学研究项目申报指南", issuer="科学技术局"), CONTENT, today="2026-01-01")


def test_attachment_tables_under_their_headings_are_tracks():
    """Topics only in an attachment, one table per heading: each heading is its rows' track, so the numbers
    restarting at 1 in the second table stay as written, and each track keeps its own duration."""
    from generator.importer.document import TABLE, Cell

    def table(*rows):
        return Node(TABLE, rows=[[Cell([c], r, i, header=r == 0) for i, c in enumerate(row)] for r, row in enumerate(rows)])

    notice = Part("通知.docx", "docx", [Node(PARAGRAPH, text=t) for t in (
        "关于发布2025年度宜昌市软科学研究项目申报指南的通知", "各有关单位：", "现将申报指南印发给你们。",
        "附件：2025年度宜昌市软科学研究项目申报指南", "宜昌市科学技术局", "2025年2月20日")])
    head = ("序号", "课题名称", "研究内容", "资助额度（万元）")
    annex = Part("附件1.docx", "docx", [
        Node(PARAGRAPH, text="2025年度宜昌市软科学研究项目申报指南"),
        Node(PARAGRAPH, text="（一）重点课题"), Node(PARAGRAPH, text="项目执行期为2年。"),
        table(head, ("1", "宜昌市甲研究", "研究甲。", "最高20"), ("2", "宜昌市乙研究", "研究乙。", "≤20")),
        Node(PARAGRAPH, text="（二）一般课题"), Node(PARAGRAPH, text="项目执行期为12个月。"),
        table(head, ("1", "宜昌市丙研究", "研究丙。", "5"))])
    done = convert_document(Document([notice, annex]), CONTENT, today="2026-01-01")
    tracks = done.guide["tracks"]
    assert [(t["name"], t["duration"]["months"], [x["number"] for x in t["topics"]]) for t in tracks] == [
        ("重点课题", 24, ["1", "2"]), ("一般课题", 12, ["1"])]
    assert [x["funding"]["kind"] for x in tracks[0]["topics"]] == ["ceiling", "ceiling"]
    assert tracks[1]["topics"][0]["funding"] == {"amount": 5, "kind": "fixed", "text": "5"}


def test_notice_title_without_its_banner_and_wrapper():
    from generator.importer.draft import title_of_text
    assert title_of_text("宜昌市科学技术局文件关于发布2025年宜昌市软科学研究项目申报指南的通知")[0] == \
        "2025年宜昌市软科学研究项目申报指南"
    assert title_of_text("关于印发《2025年度宜昌市软科学研究项目申报指南》的通知")[0] == "2025年度宜昌市软科学研究项目申报指南"
    assert title_of_text("宜昌市科学技术局文件2025年宜昌市软科学研究项目申报指南")[0] == "2025年宜昌市软科学研究项目申报指南"


def test_a_phone_number_is_no_amount():
    assert F.funding("19365352347", True, "万元")[0] is None
    assert F.funding("027-80688259", True)[0] is None


def test_a_cells_list_items_lose_every_marker_form():
    from generator.importer.draft import _record_blocks
    assert _record_blocks(["研究以下内容：", "1.1 分析现状。", "（2）提出建议。", "③形成报告。", "2024年完成。"]) == [
        "研究以下内容：", {"list": ["分析现状。", "提出建议。", "形成报告。"]}, "2024年完成。"]


def test_a_condition_with_years_is_no_duration():
    from generator.importer.draft import stated_term
    from generator.importer.segment import Part
    parts = [Part("para", "项目负责人申报的同一题目在三年内未获得市级财政资金支持。", [1]),
             Part("para", "项目执行期为1年。", [2])]
    value, _, lines = stated_term(parts, "duration")
    assert value["months"] == 12 and lines == [2]


def test_a_guide_in_chapters_that_quotes_a_plan_is_a_call():
    text = "\n".join(["2025年度宜昌市软科学研究项目申报指南", "第一章 申报时间", "申报时间为2025年3月1日至3月31日。",
                      "第二章 研究方向", "方向一：宜昌市“十四五”科技创新规划实施评估", "研究内容：评估规划实施情况。",
                      "第三章 联系方式", "联系人：赵小军，0717-6881234"])
    done = convert(text, CONTENT, today="2026-01-01")
    assert done.guide["kind"] == "call" and done.guide["title"] == "2025年度宜昌市软科学研究项目申报指南"
