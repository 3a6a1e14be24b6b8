"""The importer on structures the seed guides lack: windows written close-first, title-only topic lists."""

from __future__ import annotations

from generator.importer import fields as F


def test_window_dates_are_assigned_by_their_words_not_their_order():
    win, review = F.window("项目受理截止时间为2025年6月15日12:00，受理开始时间为2025年5月20日8:30。")
    assert (win["opens"], win["closes"]) == ("2025-05-20 08:30", "2025-06-15 12:00")
    assert "截止早于开始，请核对" not in review
    win, _ = F.window("自2025年5月20日起至2025年6月15日止")
    assert (win["opens"], win["closes"]) == ("2025-05-20", "2025-06-15")
    win, _ = F.window("于2025年6月15日前完成网上填报，系统于2025年5月20日开放")
    assert (win["opens"], win["closes"]) == ("2025-05-20", "2025-06-15")
    win, review = F.window("2025年6月15日—2025年5月20日")  # no words: by order, and flagged
    assert (win["opens"], win["closes"]) == ("2025-06-15", "2025-05-20")
    assert "截止早于开始，请核对" in review


def test_markdown_paragraphs_apart_are_never_joined_but_a_soft_break_still_is(tmp_path):
    from generator.importer.clean import clean_document
    from generator.importer.read import read

    src = tmp_path / "guide.md"
    src.write_text("# 2025年某市科技计划项目申报指南\n\n2.1 智能传感器研发\n\n拟支持数量：1项\n\n"
                   "财政经费：每项不超过300万元\n\n具体要求：\n\n项目申报单位应当具有\n独立法人资格。\n", encoding="utf-8")
    texts = [l.text for l in clean_document(read([src]))]
    assert texts[-5:] == ["2.1 智能传感器研发", "拟支持数量：1项", "财政经费：每项不超过300万元", "具体要求：",
                          "项目申报单位应当具有独立法人资格。"]


TITLES_ONLY = """2025年宜昌市社会科学界联合会应用研究课题指南
一、申报要求
1．申报人须具有中级以上职称。
2．每人限报1项。
二、课题方向
（一）城市治理
1．超大城市基层治理数字化转型研究
2．老旧小区更新中的多元协同机制研究
（二）乡村振兴
3．县域富民产业培育路径研究
三、联系方式
联系人：赵六，电话：0571-87001234
"""


def test_title_only_numbered_items_are_topics_and_the_numbered_level_above_them_tracks():
    from conftest import CONTENT
    from generator.importer import convert

    guide = convert(TITLES_ONLY, CONTENT, today="2026-12-01").guide
    topics = [(t["number"], t["title"]) for tr in guide["tracks"] for t in tr["topics"]]
    assert topics == [("1", "超大城市基层治理数字化转型研究"), ("2", "老旧小区更新中的多元协同机制研究"),
                      ("3", "县域富民产业培育路径研究")]
    names = [tr.get("name") for tr in guide["tracks"]] + [th.get("name") for th in guide.get("themes", [])]
    assert "城市治理" in str(names) and "乡村振兴" in str(names)
    assert not any("申报人须" in t["title"] for tr in guide["tracks"] for t in tr["topics"])


def test_track_word_headings_above_a_table_of_topics_stay_tracks(tmp_path):
    from conftest import CONTENT
    from generator.importer import convert_document
    from generator.importer.clean import clean_document
    from generator.importer.outline import outline
    from generator.importer.read import read

    src = tmp_path / "guide.md"
    src.write_text("# 2025年宜昌市软科学研究项目申报指南\n\n为推进创新驱动发展，特发布本指南。\n\n## 研究方向\n\n"
                   "**专题一、产业发展**\n\n**专题二、人才政策**\n\n"
                   "| 序号 | 类别 | 题目 | 研究内容 | 资助额度（万元） |\n|---|---|---|---|---|\n"
                   "| 1 | 专题一、产业发展 | 宜昌市绿色化工产业转型研究 | 分析现状，提出对策。 | 5 |\n"
                   "| 2 | 专题二、人才政策 | 宜昌市青年人才引留机制研究 | 梳理政策，提出建议。 | 3 |\n", encoding="utf-8")
    lines = clean_document(read([src]))
    roles = {l.text: it.role for l, it in zip(lines, outline(lines)) if it}
    assert roles["专题一、产业发展"] != "topic" and roles["专题二、人才政策"] != "topic"
    guide = convert_document(read([src]), CONTENT, today="2026-12-01").guide
    titles = [t["title"] for tr in guide["tracks"] for t in tr["topics"]]
    assert titles == ["宜昌市绿色化工产业转型研究", "宜昌市青年人才引留机制研究"]


def test_a_window_called_application_receipt_time_is_read():
    from conftest import CONTENT
    from generator.importer import convert

    text = TITLES_ONLY.replace("三、联系方式", "三、受理安排\n申请接收时间为2025年4月1日至4月30日17时。\n四、联系方式")
    guide = convert(text, CONTENT, today="2026-12-01").guide
    assert (guide["window"]["opens"], guide["window"]["closes"]) == ("2025-04-01", "2025-04-30 17:00")


def test_a_total_with_the_amount_per_project_beside_it_gives_the_per_project_amount():
    value, review = F.funding("共安排经费900万元（每项不超过300万元）", labelled=True)
    assert (value["amount"], value["kind"]) == (300, "ceiling")
    assert F.funding("每项资助不超过20万元，总额100万元", labelled=True)[0]["amount"] == 20


def test_a_duration_sentence_under_a_label_naming_no_field_is_read_and_kept():
    from conftest import CONTENT
    from generator.importer import convert

    text = ("2025年宜昌市软科学研究项目申报指南\n一、研究方向\n项目1：宜昌市数字经济发展路径研究\n"
            "研究内容：分析数字经济发展现状，提出对策建议。\n其他要求：\n（1）项目执行期为2年。\n（2）须联合高校申报。\n")
    topic = convert(text, CONTENT, today="2026-12-01").guide["tracks"][0]["topics"][0]
    assert topic["duration"]["months"] == 24
    assert "项目执行期为2年" in str(topic["sections"])


def test_an_office_and_its_phone_under_a_contacts_heading_is_a_contact():
    from conftest import CONTENT
    from generator.importer import convert

    text = TITLES_ONLY.replace("联系人：赵六，电话：0571-87001234", "市社科联科研处：0717-6253110")
    guide = convert(text, CONTENT, today="2026-12-01").guide
    assert any(c.get("phone") == "0717-6253110" for c in guide.get("contacts", []))


def test_the_issuer_before_guanyu_may_be_an_association():
    from conftest import CONTENT
    from generator.importer import convert

    text = "宜昌市科协关于申报2025年软科学研究课题的通知\n" + TITLES_ONLY.split("\n", 1)[1]
    assert convert(text, CONTENT, today="2026-12-01").guide["issuer"] == "宜昌市科协"


def test_dates_under_a_window_heading_are_the_window():
    from conftest import CONTENT
    from generator.importer import convert

    text = TITLES_ONLY.replace("三、联系方式", "三、申报时间\n2025年4月1日—4月30日17:00，逾期不予受理。\n四、联系方式")
    guide = convert(text, CONTENT, today="2026-12-01").guide
    assert (guide["window"]["opens"], guide["window"]["closes"]) == ("2025-04-01", "2025-04-30 17:00")


def test_a_period_in_which_to_submit_is_the_window():
    from conftest import CONTENT
    from generator.importer import convert

    text = TITLES_ONLY.replace("三、联系方式", "三、其他事项\n请于2025年4月1日9:00至2025年4月30日17:00期间登录系统提交申请书。\n四、联系方式")
    guide = convert(text, CONTENT, today="2026-12-01").guide
    assert (guide["window"]["opens"], guide["window"]["closes"]) == ("2025-04-01 09:00", "2025-04-30 17:00")


def test_from_today_until_a_date_opens_on_the_day_the_guide_is_published():
    win, review = F.window("即日起至2025年4月30日17:00止。", since="2025-04-02")
    assert (win["opens"], win["closes"]) == ("2025-04-02", "2025-04-30 17:00")
    assert any("发布日期" in r for r in review)
    assert F.window("即日起至2025年4月30日17:00止。")[0] is None  # no published date: nothing to open on


def test_a_ceiling_named_by_the_column_header_makes_a_bare_amount_a_ceiling():
    value, review = F.funding("8", labelled=True, unit="万元", label="资助上限（万元）")
    assert (value["amount"], value["kind"]) == (8, "ceiling")
    assert F.funding("8", labelled=True, unit="万元", label="资助金额（万元）")[0]["kind"] == "fixed"
