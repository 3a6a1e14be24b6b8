"""The importer on shapes it was not tuned for: outline by grammar, labels by form, nothing dropped.

Small documents built here (Document objects, text, a .docx) in the shapes issue 21 names: a decimal
outline under 一、, （1）-numbered topics in a web page, topics as table rows with unknown column names
and extra columns, unknown labels, funding and duration under unfamiliar names, a second date without
its year, U+3000 indents, a notice and its attachment as one publication.
"""

from __future__ import annotations

from conftest import CONTENT
from generator.importer import convert, convert_document
from generator.importer import labels as L
from generator.importer.clean import clean_document
from generator.importer.document import PARAGRAPH, TABLE, Cell, Document, Node, Part
from generator.importer.outline import marker, outline


def _doc(fmt: str, *nodes: Node, name: str = "guide") -> Document:
    return Document([Part(f"{name}.{fmt}", fmt, list(nodes))])


def _p(text: str, **kw) -> Node:
    return Node(PARAGRAPH, text=text, **kw)


def _table(*rows: list) -> Node:
    return Node(TABLE, rows=[[Cell([c] if isinstance(c, str) else c, r, i, header=r == 0) for i, c in enumerate(row)]
                             for r, row in enumerate(rows)])


def _topics(done) -> list[dict]:
    return [t for tr in done.guide["tracks"] for t in tr["topics"]]


def _all_placed(done) -> None:
    """The report's counts are true: every body line is placed or listed, none twice."""
    assert done.placed_lines | {l.no for l in done.unplaced} == done.body_lines
    assert not done.placed_lines & {l.no for l in done.unplaced}


def test_markers_are_classified_by_form():
    styles = {t: marker(t).style for t in ["一、总则", "（二）专题", "3.题目", "1.1 题目", "2.3.1 题目", "（4）题目", "5）题目",
                                           "②题目", "第三章 总则", "项目2：题目", "课题二 题目", "榜单3 题目", "【方向1】题目"]}
    assert styles == {"一、总则": "一、", "（二）专题": "（一）", "3.题目": "1.", "1.1 题目": "1.1", "2.3.1 题目": "1.1.1",
                      "（4）题目": "（1）", "5）题目": "1）", "②题目": "①", "第三章 总则": "第章", "项目2：题目": "w:项目",
                      "课题二 题目": "w:课题", "榜单3 题目": "w:榜单", "【方向1】题目": "w:方向"}
    for not_a_marker in ["2024年度计划", "1.5万元", "10个月", "研究内容：甲"]:
        assert marker(not_a_marker) is None, not_a_marker


def test_labels_by_form_and_meaning():
    assert L.known("主要研究内容：甲") == ("主要研究内容", "content", "甲")
    assert L.known("拟支持经费:50万元")[1] == "funding"
    assert L.known("项目实施周期：2年")[1] == "duration"
    assert L.known("绩效目标：乙")[1] == "deliverables"
    assert L.split("项目负责人要求：高级职称") == ("项目负责人要求", "高级职称") and L.kind("项目负责人要求") is None
    for sentence in ["重点支持以下方向：", "各区（市）县科技局，各有关单位：", "1.研究内容：甲"]:
        assert L.split(sentence) is None, sentence


DECIMAL = """2025年湖南省软科学研究计划项目申报指南
一、重点项目
1.1 湖南省数字经济发展研究
研究内容：分析数字经济。
考核指标：研究报告1份。
1.2 湖南省绿色低碳发展研究
研究内容：研究低碳路径。
二、一般项目
2.1 湖南省科技金融研究
研究内容：研究科技金融。
三、申报要求
1.申报单位须在湖南注册，具有独立法人资格。
2.每个单位限报1项。
"""


def test_decimal_outline_under_gbt_headings_keeps_its_numbers():
    done = convert(DECIMAL, CONTENT, today="2026-12-01")
    key, general = done.guide["tracks"]
    assert (key["name"], general["name"]) == ("重点项目", "一般项目")
    assert [(t["number"], t["title"]) for t in key["topics"]] == [("1.1", "湖南省数字经济发展研究"), ("1.2", "湖南省绿色低碳发展研究")]
    assert general["topics"][0]["number"] == "2.1" and general["topics"][0]["content"] == ["研究科技金融。"]
    assert done.guide["sections"][0]["heading"] == "申报要求"
    assert not done.unplaced


def test_paren_numbered_topics_in_a_web_page_with_unfamiliar_labels():
    doc = _doc("html",
               _p("2025年襄阳市科技创新研究课题申报指南"),
               _p("一、研究课题"),
               _p("（1）襄阳市汽车产业链研究"),
               _p("需求描述：研究汽车产业链。"),
               _p("绩效目标：咨询报告1份。"),
               _p("资助经费：每项5万元"),
               _p("完成时限：8个月"),
               _p("（2）襄阳市人才政策研究"),
               _p("需求描述：研究人才政策。"),
               _p("二、申报时间"),
               _p("申报时间为2025年3月1日至4月15日。"))
    done = convert_document(doc, CONTENT, today="2026-12-01")
    first, second = _topics(done)
    assert (first["number"], first["title"], second["number"]) == ("（1）", "襄阳市汽车产业链研究", "（2）")
    assert first["content_label"] == "需求描述" and first["deliverables"] == ["咨询报告1份。"]
    assert first["funding"] == {"amount": 5, "kind": "fixed", "text": "每项5万元"}
    assert first["duration"] == {"text": "8个月", "months": 8}
    assert done.guide["window"]["opens"] == "2025-03-01" and done.guide["window"]["closes"] == "2025-04-15"
    assert "没写年份" in done.yaml  # the year the second date left out is marked for review
    assert ":" not in done.guide["window"]["opens"]  # a date-only window gets no invented time
    _all_placed(done)


def test_topics_as_table_rows_with_unknown_title_column_and_extra_columns():
    doc = _doc("docx",
               _p("2025年宜昌市软科学研究项目申报指南"),
               _p("一、项目指南"),
               _table(["编号", "攻关方向", "主要研究内容", "预期目标", "支持金额（万元）", "实施期", "承担单位要求", "联系人"],
                      ["1", "宜昌市磷化工转型研究", ["研究磷化工转型。", "提出对策。"], "报告1份", "20", "1年", "本地高校",
                       "规划科 张三 0717-6221234"],
                      ["2", "宜昌市文旅融合研究", "研究文旅融合。", "报告1份", "10", "1年", "不限", "规划科 张三 0717-6221234"]))
    done = convert_document(doc, CONTENT, today="2026-12-01")
    first, second = _topics(done)
    assert (first["number"], first["title"]) == ("1", "宜昌市磷化工转型研究")
    assert first["content"] == ["研究磷化工转型。", "提出对策。"] and first["deliverables"] == ["报告1份"]
    assert first["funding"]["amount"] == 20 and first["duration"]["months"] == 12
    assert first["contacts"][0]["phone"] == "0717-6221234"
    assert first["sections"] == [{"heading": "承担单位要求", "body": ["本地高校"]}]  # the extra column, kept
    assert second["sections"][0]["body"] == ["不限"]
    assert "不对应任何已知字段" in done.yaml
    _all_placed(done)


def test_unknown_label_keeps_its_text_and_never_flows_into_another_field():
    text = ("2025年宜昌市软科学研究项目申报指南\n一、重点项目\n1.宜昌市甲研究\n研究内容：甲。\n考核指标：报告。\n"
            "合作要求：须联合企业申报。\n须有配套资金。\n2.宜昌市乙研究\n研究内容：乙。\n")
    done = convert(text, CONTENT, today="2026-12-01")
    first = _topics(done)[0]
    assert first["deliverables"] == ["报告。"]
    assert first["sections"] == [{"heading": "合作要求", "body": ["须联合企业申报。", "须有配套资金。"]}]
    _all_placed(done)


def test_ideographic_space_indents_and_funding_in_a_sentence():
    text = ("2025年宜昌市软科学研究项目申报指南\n\u3000\u3000一、重点项目\n\u3000\u3000每项资助经费不超过8万元，研究期限为1年。\n"
            "\u3000\u3000方向一：宜昌市甲研究\n\u3000\u3000研究内容：甲。\n\u3000\u3000方向二：宜昌市乙研究\n\u3000\u3000研究内容：乙。\n")
    done = convert(text, CONTENT, today="2026-12-01")
    track = done.guide["tracks"][0]
    assert track["funding"] == {"amount": 8, "kind": "ceiling", "text": "每项资助经费不超过8万元"}
    assert track["duration"]["months"] == 12
    assert [t["number"] for t in track["topics"]] == ["方向一", "方向二"]


def test_docx_paragraphs_are_never_joined():
    doc = _doc("docx", _p("2025年宜昌市软科学研究项目申报指南"), _p("1.宜昌市甲研究"), _p("研究内容：甲"),
               _p("联系电话：0717-6888888"), _p("系统技术支持：027-87654321"))
    lines = clean_document(doc)
    assert [l.text for l in lines][-2:] == ["联系电话：0717-6888888", "系统技术支持：027-87654321"]
    wrapped = _doc("pdf", _p("申报单位应当具有独立法人资格，并具备", page=1), _p("相应的研究能力。", page=1))
    assert [l.text for l in clean_document(wrapped)] == ["申报单位应当具有独立法人资格，并具备相应的研究能力。"]


def test_a_notice_and_its_attachment_make_one_draft():
    notice = Part("通知.html", "html", [
        _p("宜昌市科学技术局关于发布2025年宜昌市软科学研究项目申报指南的通知"), _p("宜科发〔2025〕3号"),
        _p("各有关单位："), _p("现将申报指南印发给你们，请按要求申报。"),
        _p("网上申报时间为2025年3月1日9:00至2025年3月31日17:00。"), _p("联系人：王五，电话：0717-6888888"),
        _p("宜昌市科学技术局"), _p("2025年2月20日")])
    annex = Part("附件1 指南.docx", "docx", [
        _p("2025年宜昌市软科学研究项目申报指南"), _p("一、重点项目"), _p("1.宜昌市甲研究"), _p("研究内容：甲。"),
        _p("2.宜昌市乙研究"), _p("研究内容：乙。")])
    done = convert_document(Document([notice, annex]), CONTENT, today="2026-12-01")
    g = done.guide
    assert g["title"] == "2025年宜昌市软科学研究项目申报指南" and g["issuer"] == "宜昌市科学技术局"
    assert g["doc_number"] == "宜科发〔2025〕3号" and g["published"] == "2025-02-20"
    assert (g["window"]["opens"], g["window"]["closes"]) == ("2025-03-01 09:00", "2025-03-31 17:00")
    assert [t["title"] for t in _topics(done)] == ["宜昌市甲研究", "宜昌市乙研究"]
    assert "==== 附件1 指南.docx ====" in done.source_text


def test_outline_pops_back_only_where_numbering_continues():
    doc = _doc("txt", *[_p(t) for t in ["一、重点项目", "1.甲研究", "研究内容：", "1.子项一；", "2.子项二。",
                                        "考核指标：报告。", "2.乙研究", "研究内容：乙。"]])
    lines = clean_document(doc)
    roles = [(it.role if it else None) for it in outline(lines)]
    assert roles == ["h1", "topic", None, "list", "list", None, "topic", None]


def test_a_web_page_title_outside_the_article_is_used_and_marked():
    part = Part("page.html", "html", [_p("各有关单位："), _p("现将有关事项通知如下。"), _p("一、研究课题"),
                                      _p("（1）襄阳市汽车产业链研究"), _p("研究内容：研究汽车产业链。")],
                title_hints=["2025年襄阳市科技创新研究课题申报指南"])
    done = convert_document(Document([part]), CONTENT, today="2026-12-01")
    assert done.guide["title"] == "2025年襄阳市科技创新研究课题申报指南"
    assert done.guide["id"].startswith("2025-") and "标题取自正文之外" in done.yaml


def test_a_docx_with_a_topic_table_imports_end_to_end(tmp_path):
    """A real .docx (python-docx) through read → draft → the in-process check → files written."""
    import docx

    from conftest import copy_content
    from generator.importer import import_guide

    d = docx.Document()
    d.add_paragraph("2025年宜昌市软科学研究项目申报指南")
    d.add_paragraph("一、研究课题")
    table = d.add_table(rows=3, cols=5)
    for r, row in enumerate([["编号", "选题方向", "需求描述", "资助强度", "备注"],
                             ["1", "宜昌市甲研究", "研究甲。", "不超过5万元", "限高校"],
                             ["2", "宜昌市乙研究", "研究乙。", "不超过5万元", ""]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.add_paragraph("二、联系方式")
    d.add_paragraph("联系人：张三，电话：0717-6221234")
    d.save(tmp_path / "g.docx")
    content = copy_content(tmp_path)
    done = import_guide(tmp_path / "g.docx", content, today="2026-12-01")
    topics = done.guide["tracks"][0]["topics"]
    assert [(t["number"], t["title"]) for t in topics] == [("1", "宜昌市甲研究"), ("2", "宜昌市乙研究")]
    assert topics[0]["funding"] == {"amount": 5, "kind": "ceiling", "text": "不超过5万元"}
    assert topics[0]["sections"] == [{"heading": "备注", "body": ["限高校"]}] and "sections" not in topics[1]
    assert done.guide_path.is_file() and done.source_path.is_file()


SEED_PAIRS = {"000_eecb1d20244ec844.txt": "chengdu/2023-ruankexue.yml", "001_e7c28f5c679c15f8.txt": "tianjin/2021-zhiku-ruankexue.yml",
              "003_b9209f982a6b1f63.txt": "shanghai/2020-ruankexue-zhongdian-2.yml", "004_b3b054f0b581b1d0.txt": "hubei/2023-ruankexue-zhongdian.yml"}


def test_the_seed_guides_in_other_numbering_labels_and_indents():
    """A small sample of layout variants of real guides: topic numbers as （N）, other label names, U+3000 indents."""
    import re

    from generator.loader import read_yaml
    from import_score import score

    names = {"研究内容：": "主要研究内容：", "考核指标：": "绩效目标：", "执行期限：": "实施周期：", "经费额度：": "支持金额："}
    for source, guide in SEED_PAIRS.items():
        text = (CONTENT / "sources" / source).read_text(encoding="utf-8")
        for old, new in names.items():
            text = text.replace(old, new)
        text = re.sub(r"(?m)^(\s*)(\d{1,2})\.(?=\S)", r"\1（\2）", text)
        text = "\n".join("\u3000\u3000" + l if l.strip() else l for l in text.split("\n"))
        truth = read_yaml(CONTENT / "guides" / guide, display=guide).data
        for track in truth["tracks"]:
            for t in track["topics"]:
                t["number"] = f"（{t['number']}）" if t["number"].isdigit() else t["number"]
                for key, new in (("content_label", "主要研究内容"), ("deliverables_label", "绩效目标")):
                    t.pop(key, None)
        result = score(truth, convert(text, CONTENT, today="2026-12-01").guide)
        assert result.share >= 0.95, f"{source}: {result.share:.1%}\n" + "\n".join(result.misses[:10])


def test_terms_from_a_sentence_in_the_topic_and_once_for_several_tracks():
    text = ("2025年宜昌市软科学研究项目申报指南\n每个项目资助经费不超过5万元，研究期限为1年。\n一、重点项目\n1.宜昌市甲研究\n"
            "研究内容：研究甲。\n本项目定额资助10万元，执行期2年。\n二、一般项目\n1.宜昌市乙研究\n研究内容：研究乙。\n")
    done = convert(text, CONTENT, today="2026-12-01")
    key, general = done.guide["tracks"]
    first = key["topics"][0]
    assert first["funding"] == {"amount": 10, "kind": "fixed", "text": "本项目定额资助10万元"}
    assert first["duration"] == {"text": "执行期2年", "months": 24}
    assert first["content"] == ["研究甲。", "本项目定额资助10万元，执行期2年。"]  # the sentence stays in the text
    assert "funding" not in key  # the track's own topic states it
    assert general["funding"] == {"amount": 5, "kind": "ceiling", "text": "每个项目资助经费不超过5万元"}
    assert general["duration"]["months"] == 12 and "全指南统一的规定" in done.yaml


def test_a_notice_title_on_three_lines_under_the_banner():
    text = ("湖北省科学技术厅文件\n鄂科技发〔2025〕3号\n关于发布2025年湖北省\n软科学研究计划项目\n申报指南的通知\n各有关单位：\n"
            "一、重点项目\n1.湖北甲研究\n研究内容：甲。\n专题总经费300万元，支持3项。\n")
    done = convert(text, CONTENT, today="2026-12-01")
    assert done.guide["title"] == "2025年湖北省软科学研究计划项目申报指南" and "分几行印出" in done.yaml
    assert done.guide["issuer"] == "湖北省科学技术厅" and "发布单位取自原文第 1 行" in done.yaml
    assert done.guide["tracks"][0]["topics"][0]["funding"]["kind"] == "ceiling" and "总额" in done.yaml


def test_heading_levels_word_numbering_and_unnumbered_topics_named_by_a_label():
    from generator.importer.document import HEADING, LIST_ITEM, TITLE

    def h(text, level):
        return Node(HEADING, text=text, level=level)

    doc = _doc("html", Node(TITLE, text="2025年宜昌市软科学研究项目申报指南"),
               h("重点项目", 2), h("宜昌市甲研究", 3), _p("研究内容：甲。"), h("宜昌市乙研究", 3), _p("研究内容：乙。"),
               h("一般项目", 2), _p("项目名称：宜昌市丙研究"), _p("研究内容：丙。"), _p("项目名称：宜昌市丁研究"), _p("研究内容：丁。"),
               h("委托项目", 2), Node(LIST_ITEM, text="宜昌市戊研究", marker="（一）"), _p("研究内容：戊。"),
               Node(LIST_ITEM, text="宜昌市己研究", marker="（二）"), _p("研究内容：己。"),
               h("申报要求", 2), _p("申报单位应为独立法人。"))
    done = convert_document(doc, CONTENT, today="2026-12-01")
    key, general, commissioned = done.guide["tracks"]
    assert [(t["number"], t["title"]) for t in key["topics"]] == [("1", "宜昌市甲研究"), ("2", "宜昌市乙研究")]
    assert [t["title"] for t in general["topics"]] == ["宜昌市丙研究", "宜昌市丁研究"]
    assert "原文此项没有编号" in done.yaml  # numbers the importer gave are marked
    assert [(t["number"], t["content"]) for t in commissioned["topics"]] == [("（一）", ["戊。"]), ("（二）", ["己。"])]
    assert done.guide["sections"][0]["heading"] == "申报要求"
    _all_placed(done)


def test_labels_in_brackets_with_their_text_on_the_next_line():
    text = ("2021年天津市软科学研究项目申报指南\n第一部分 重点项目\n【经费额度】\n不超过10万元\n【项目周期】\n1年\n"
            "（一）天津市甲研究\n【需求描述】\n研究甲。\n（二）天津市乙研究\n【需求描述】\n研究乙。\n")
    done = convert(text, CONTENT, today="2026-12-01")
    track = done.guide["tracks"][0]
    assert track["name"] == "重点项目" or track["name"].endswith("重点项目")
    assert track["funding"]["amount"] == 10 and track["duration"]["months"] == 12
    assert [(t["number"], t["title"], t["content"]) for t in track["topics"]] == [
        ("（一）", "天津市甲研究", ["研究甲。"]), ("（二）", "天津市乙研究", ["研究乙。"])]
