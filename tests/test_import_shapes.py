"""The importer's pieces on shapes the five seed texts do not have (DOMAIN.md: how guides reach us)."""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT
from generator.importer import convert
from generator.importer import fields as F
from generator.importer.clean import clean, normalise_chars, split_inline_numbering
from generator.importer.read import decode


def test_look_alike_characters_are_repaired_but_punctuation_kept():
    assert normalise_chars("第⼀章 ⼆、经费１０万元（含）") == "第一章 二、经费10万元（含）"
    assert normalise_chars("研究\u00a0内容\u200b：") == "研究 内容："


def test_page_furniture_and_markup_are_dropped():
    raw = ("一、重点项目\n— 3 —\n第3页 共8页\n- 4 -\n12\n<p>项目1：<b>数字</b>经济研究。内容</p>\n"
           "[bookmark: _GoBack]研究内容：**甲**乙&nbsp;丙。\n---\n")
    texts = [l.text for l in clean(raw)]
    assert texts == ["一、重点项目", "项目1：数字经济研究。内容", "研究内容：甲乙 丙。"]


def test_a_paragraph_cut_by_a_page_break_is_joined_and_headings_are_not():
    raw = "一、申报要求\n\n申报单位应当具有独立法人资格，并具备\n\n— 2 —\n\n相应的研究能力。\n二、申报时间\n申报截止时间为5月31日。\n"
    texts = [l.text for l in clean(raw, page_starts=[0, 4])]
    assert texts == ["一、申报要求", "申报单位应当具有独立法人资格，并具备相应的研究能力。", "二、申报时间", "申报截止时间为5月31日。"]


def test_inline_numbering_splits_only_when_it_counts_up():
    assert split_inline_numbering("重点研究： 1.甲； 2.乙； 3.丙。") == ["重点研究：", "1.甲；", "2.乙；", "3.丙。"]
    assert split_inline_numbering("经费2.5万元，3.5个月") == ["经费2.5万元，3.5个月"]


def test_funding_duration_window_and_contacts():
    assert F.funding("每项资助不超过20万元", labelled=True)[0] == {"amount": 20, "kind": "ceiling", "text": "每项资助不超过20万元"}
    assert F.funding("申报后，每项定额资助5万元。", labelled=False)[0] == {"amount": 5, "kind": "fixed", "text": "每项定额资助5万元"}
    assert F.funding("资助额度为30000元", labelled=True)[0]["amount"] == 3
    assert F.duration("项目执行期限为18个月。", labelled=False)[0] == {"text": "项目执行期限为18个月", "months": 18}
    assert F.duration("两年", labelled=True)[0] == {"text": "两年", "months": 24}
    assert F.duration("2024年1月—2024年12月", labelled=True)[0]["months"] == 12
    win, _ = F.window("申报时间：2024年3月1日（上午9:00）至2024年3月31日下午5:30")
    assert (win["opens"], win["closes"]) == ("2024-03-01 09:00", "2024-03-31 17:30")
    assert F.contacts("基础研究处 王晓 010-68512345转802", "指南联系人")[0] == [
        {"office": "基础研究处", "person": "王晓", "phone": "010-68512345转802"}]
    assert F.contacts("张三 13800138000；李四 027-87654321", "联系人")[0] == [  # one entry per person, each their phone
        {"person": "张三", "phone": "13800138000"}, {"person": "李四", "phone": "027-87654321"}]


GUIDE = """2025年宜昌市软科学研究项目申报指南
一、研究方向
方向一：宜昌市数字经济发展路径研究
研究方向与内容：分析数字经济发展现状，提出对策建议。
考核指标：形成研究报告1份。
资助额度：不超过８万元
方向二：宜昌市科技成果转化机制研究
研究方向与内容：梳理科技成果转化堵点。
二、申报要求
1、申报单位须在宜昌注册。
2、每个单位限报1项。
三、联系方式
联系人：王五
电话：0717-6888888
"""


def test_numbering_and_labels_in_other_shapes():
    done = convert(GUIDE, CONTENT, today="2026-12-01")
    track = done.guide["tracks"][0]
    assert track["name"] == "研究方向"
    first, second = track["topics"]
    assert (first["number"], first["title"], first["content_label"]) == ("方向一", "宜昌市数字经济发展路径研究", "研究方向与内容")
    assert first["funding"] == {"amount": 8, "kind": "ceiling", "text": "不超过8万元"}
    assert first["deliverables"] == ["形成研究报告1份。"]
    assert second["content"] == ["梳理科技成果转化堵点。"]
    assert done.guide["sections"][0]["body"] == [{"list": ["申报单位须在宜昌注册。", "每个单位限报1项。"]}]
    # contacts given once at the end, on two lines, make one guide-level contact
    assert done.guide["contacts"] == [{"role": "联系方式", "person": "王五", "phone": "0717-6888888"}]
    assert not done.unplaced


def test_same_office_with_two_phone_numbers_is_kept_and_flagged():
    text = ("2025年宜昌市软科学研究项目申报指南\n1.甲研究\n研究内容：甲。\n对接处室：规划处 6001\n"
            "2.乙研究\n研究内容：乙。\n对接处室：规划处 6002\n").replace("6001", "67001234").replace("6002", "67001235")
    done = convert(text, CONTENT, today="2026-12-01")
    topics = done.guide["tracks"][0]["topics"]
    assert [t["contacts"][0]["phone"] for t in topics] == ["67001234", "67001235"]
    assert all("电话不止一个" in t["notes"][0] for t in topics)
    assert "规划处在原文中有不同电话" in done.yaml


def test_gbk_and_bom_text_is_decoded():
    text = "2025年宜昌市软科学研究项目申报指南\r\n"
    assert decode(text.encode("gbk"))[0] == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")


def test_importer_imports_nothing_from_the_page_renderers():
    for module in (Path(__file__).resolve().parent.parent / "generator" / "importer").glob("*.py"):
        text = module.read_text(encoding="utf-8")
        for forbidden in ("from ..pages", "from ..render", "import render", "generator.pages", "generator.render"):
            assert forbidden not in text, f"{module.name}: {forbidden}"


XIANGYANG = """2025年襄阳市科技计划项目申报指南
一、重点研发项目
（一）新能源汽车关键零部件研发
研究内容：
开展电机、电控关键技术攻关。
考核指标：形成样机1台。
（二）智能装备产业链协同研究（支持经费不超过20万元）
研究内容：研究产业链协同机制。
二、软科学项目
1.项目名称：襄阳市科技金融发展研究
研究内容：研究科技金融服务体系。
执行期限：12个月
2.项目名称：襄阳市人才引进政策研究
研究内容：研究人才政策。
"""


def test_topics_numbered_like_sub_headings_and_named_by_a_label():
    done = convert(XIANGYANG, CONTENT, today="2026-12-01")
    key, soft = done.guide["tracks"]
    assert [(t["number"], t["title"]) for t in key["topics"]] == [("（一）", "新能源汽车关键零部件研发"), ("（二）", "智能装备产业链协同研究")]
    assert key["topics"][0]["content"] == ["开展电机、电控关键技术攻关。"] and key["topics"][0]["deliverables"] == ["形成样机1台。"]
    assert key["topics"][1]["funding"] == {"amount": 20, "kind": "ceiling", "text": "支持经费不超过20万元"}
    assert [t["title"] for t in soft["topics"]] == ["襄阳市科技金融发展研究", "襄阳市人才引进政策研究"]
    assert soft["topics"][0]["duration"] == {"text": "12个月", "months": 12}


def test_word_numbering_and_manual_line_breaks(tmp_path):
    import docx

    from generator.importer.read import read

    d = docx.Document()
    title = d.add_paragraph().add_run("2025年宜昌市软科学研究")
    title.add_break()  # a manual line break inside the title
    title.add_text("项目申报指南")
    for t in ["宜昌市甲研究", "宜昌市乙研究"]:
        d.add_paragraph(t, style="List Number")  # numbering Word adds, not in the text
        d.add_paragraph("研究内容：内容。")
    d.save(tmp_path / "n.docx")
    done = convert(read(tmp_path / "n.docx").text, CONTENT, today="2026-12-01")
    assert done.guide["title"] == "2025年宜昌市软科学研究项目申报指南"
    assert [(t["number"], t["title"]) for t in done.guide["tracks"][0]["topics"]] == [("1", "宜昌市甲研究"), ("2", "宜昌市乙研究")]


def test_terms_stated_once_for_the_guide_and_a_deadline_without_start():
    text = ("2025年荆州市软科学研究项目申报指南\n1.荆州市农业科技创新研究\n研究内容：研究农业科技。\n"
            "2.荆州市文旅融合研究\n研究内容：研究文旅融合。\n二、支持方式\n每个项目资助经费不超过5万元，研究期限为1年。\n"
            "三、申报时间\n申报截止时间为2025年4月30日。\n")
    done = convert(text, CONTENT, today="2026-12-01")
    track = done.guide["tracks"][0]
    assert track["funding"] == {"amount": 5, "kind": "ceiling", "text": "每个项目资助经费不超过5万元"}
    assert track["duration"] == {"text": "研究期限为1年", "months": 12}
    assert "window" not in done.guide and "window 需要起止两个日期" in done.yaml
    assert done.guide["region"] == "jingzhou" and done.region_added["zh"] == "荆州"


def test_title_on_the_attachment_line():
    done = convert("附件1：2025年宜昌市软科学研究项目申报指南\n1.宜昌市甲研究\n研究内容：甲。\n", CONTENT, today="2026-12-01")
    assert done.guide["title"] == "2025年宜昌市软科学研究项目申报指南"
    assert done.guide["tracks"][0]["topics"][0]["title"] == "宜昌市甲研究"


def test_web_page_with_a_topic_table(tmp_path):
    from generator.importer.read import read

    rows = "".join(f"<tr><td>{i}</td><td>【方向{i}】宜昌市{s}研究</td><td><p>研究{s}。</p><p>1.甲；2.乙。</p></td>"
                   f"<td>不超过{i}0万元</td><td>张{i} 0717-622000{i}</td></tr>" for i, s in ((1, "数字经济"), (2, "绿色低碳")))
    page = ("<html><head><meta charset='gb2312'></head><body><div class='nav'>首页 | 通知公告</div><div id='content'>"
            "<p>2025年宜昌市科技创新研究课题申报指南</p><p>一、申报要求</p><p>1、申报单位须在宜昌注册，"
            "具有独立法人资格，并具备开展研究的条件和能力，项目组成员结构合理。</p><p>二、课题指南</p><table>"
            "<tr><th>序号</th><th>指南方向</th><th>研究内容</th><th>支持强度</th><th>联系人及电话</th></tr>" + rows +
            "</table></div><div class='footer'>版权所有：宜昌市科学技术局</div></body></html>")
    (tmp_path / "p.html").write_bytes(page.encode("gb18030"))
    done = convert(read(tmp_path / "p.html").text, CONTENT, today="2026-12-01")
    topics = done.guide["tracks"][0]["topics"]
    assert [(t["number"], t["title"]) for t in topics] == [("方向1", "宜昌市数字经济研究"), ("方向2", "宜昌市绿色低碳研究")]
    assert topics[1]["content"] == ["研究绿色低碳。", {"list": ["甲；", "乙。"]}]
    assert topics[1]["funding"] == {"amount": 20, "kind": "ceiling", "text": "不超过20万元"}
    assert topics[0]["contacts"][0]["phone"] == "0717-6220001"
    assert "版权所有" not in str(done.guide)


def test_a_wrapped_line_ending_in_a_semicolon_is_joined_but_numbered_items_are_not():
    texts = [l.text for l in clean("研究内容：梳理现状；\n分析问题；提出建议。\n重点任务：\n1.甲；\n2.乙。\n")]
    assert texts == ["研究内容：梳理现状；分析问题；提出建议。", "重点任务：", "1.甲；", "2.乙。"]
