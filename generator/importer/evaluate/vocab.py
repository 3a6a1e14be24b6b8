"""The vocabulary variants draw from: numbering styles per level and the hierarchies that combine them,
field-label synonyms from real guides, table headings, keywords, and the people, offices and area codes
made-up facts use. Data only (and the two numeral writers every style needs)."""

from __future__ import annotations

ZH_DIGITS = "零一二三四五六七八九"


def cn(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 24 → 二十四 (Word's chineseCounting)."""
    if n < 10:
        return ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[ones] if ones else "")


def circled(n: int) -> str:
    if n <= 20:
        return chr(0x2460 + n - 1)
    if n <= 35:
        return chr(0x3251 + n - 21)
    return chr(0x32B1 + n - 36)


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# Numbering styles: name → (marker for item n under parent p, Word numFmt, Word lvlText) — the Word
# pair is None for styles Word's automatic numbering does not print.
STYLES = {
    "一、": (lambda n, p: f"{cn(n)}、", ("chineseCounting", "%1、")),
    "（一）": (lambda n, p: f"（{cn(n)}）", ("chineseCounting", "（%1）")),
    "1.": (lambda n, p: f"{n}.", ("decimal", "%1.")),
    "1、": (lambda n, p: f"{n}、", ("decimal", "%1、")),
    "1．": (lambda n, p: f"{n}．", None),
    "（1）": (lambda n, p: f"（{n}）", ("decimal", "（%1）")),
    "(1)": (lambda n, p: f"({n})", ("decimal", "(%1)")),
    "1）": (lambda n, p: f"{n}）", ("decimal", "%1）")),
    "①": (lambda n, p: circled(n), ("decimalEnclosedCircleChinese", "%1")),
    "1 ": (lambda n, p: f"{n} ", None),  # decimal outline, level 1
    "1.1": (lambda n, p: f"{p}.{n} ", None),
    "1.1.1": (lambda n, p: f"{p}.{n} ", None),
    "第一章": (lambda n, p: f"第{cn(n)}章 ", None),
    "专题一、": (lambda n, p: f"专题{cn(n)}、", ("chineseCounting", "专题%1、")),
    "第一部分": (lambda n, p: f"第{cn(n)}部分 ", None),
    "【】": (lambda n, p: "", None),  # the heading's text goes in 【】
    "": (lambda n, p: "", None),  # a plain heading, no marker
}
KEYWORDS = ("项目", "方向", "课题", "任务", "榜单", "选题", "指南方向")

# Numbering hierarchies: (track / section level, topic level, item level inside a topic).
SCHEMES = [
    ("一、", "（一）", "1."), ("（一）", "1.", "（1）"), ("一、", "1.", "（1）"), ("一、", "1、", "（1）"),
    ("1 ", "1.1", "（1）"), ("1 ", "1.1", "1.1.1"), ("第一章", "一、", "（一）"), ("第一部分", "（一）", "1."),
    ("【】", "kw", "1."), ("一、", "kw", "（1）"), ("（一）", "kw", "①"), ("一、", "①", "1）"), ("", "kw", "1."),
    ("一、", "（1）", "①"), ("一、", "(1)", "1．"), ("【】", "1.", "(1)"), ("专题一、", "kw", "1."),
    ("专题一、", "1.", "（1）"),
]

CONTENT_LABELS = ["研究内容", "主要研究内容", "建设内容", "研究任务", "需求描述", "研究需求", "研究目标与内容",
                  "研究方向与内容", "主要内容", "具体研究内容", "研究重点", "主要任务", "研究要点", "重点研究内容",
                  "项目内容", "研究方向和内容"]
DELIVERABLE_LABELS = ["考核指标", "预期成果", "绩效目标", "成果形式", "验收指标", "预期目标", "成果要求", "主要考核指标",
                      "预期成果形式", "成果提交形式", "考核内容", "验收内容"]
FUNDING_LABELS = ["支持强度", "资助额度", "拟支持经费", "经费额度", "资助金额", "经费支持", "支持经费", "财政资助",
                  "资助经费", "经费安排", "支持额度", "资助强度"]
DURATION_LABELS = ["执行期限", "实施周期", "研究周期", "研究期限", "实施期限", "项目周期", "执行期", "完成时限", "实施年限",
                   "起止年限", "研究时限"]
CONTACT_LABELS = ["联系人", "指南联系人", "对接处室", "联系方式", "联系人及电话", "咨询电话", "业务联系人", "联系处室",
                  "项目联系人"]
WINDOW_LABELS = ["申报时间", "受理时间", "网上申报时间", "申报起止时间", "项目申报时间", "申报受理时间", "网上填报时间"]
TITLE_HEADS = ["题目", "项目名称", "研究方向", "课题名称", "指南方向", "榜单名称", "选题名称", "项目（课题）名称", "研究题目",
               "需求名称"]
SEQ_HEADS = ["序号", "编号"]
FIELDS = ("content", "deliverables", "funding", "duration", "contacts")
EXTRAS = ["合作要求", "申报条件", "备注", "组织方式", "特别说明"]  # labels of no field: a labelled section, for review
EXTRA_TEXT = {"合作要求": "鼓励高校、科研院所与企业联合申报。", "申报条件": "申报单位须具有相关研究基础。",
              "备注": "本方向拟支持1项。", "组织方式": "采取公开竞争方式遴选承担单位。", "特别说明": "研究成果须提交电子版。"}

PEOPLE = ["张敏", "李明", "王芳", "刘洋", "陈静", "赵磊", "周婷", "吴刚", "孙丽", "郑伟"]
OFFICES = ["综合处", "规划处", "成果转化处", "政策法规处", "高新处", "农村处", "社发处", "合作处", "资管处", "人才处"]
ABBR = {"chengdu": "成科字", "tianjin": "津科规", "hubei": "鄂科技发", "shanghai": "沪科指南"}
AREA = {"chengdu": "028", "tianjin": "022", "hubei": "027", "shanghai": "021"}
