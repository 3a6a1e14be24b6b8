"""Labels: a field label is known by its form, and mapped to a field by meaning through one synonyms table.

Form: a short noun phrase at the start of a paragraph ending in a colon (`研究内容：…`, `拟支持经费:`),
or a table's header cell. Meaning: `SYNONYMS` below, one entry per field, each a list of the names
bureaus give it, gathered from many published guides (national key R&D programme guides, provincial
and city S&T plans, soft-science calls) — extend it here, nowhere else. A phrase is looked up whole
first, then by the longest synonym it contains (`本项目主要研究内容` → content) unless a word from
`NOT_A_FIELD` says it is something else. A label that maps to no field is still a label: the draft
keeps its text under its own name (a topic's labelled `sections`), marked for review.
"""

from __future__ import annotations

import re

# Field → the names it goes by. Order matters only inside a field (longest match wins anyway).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("项目名称", "课题名称", "题目名称", "方向名称", "研究题目", "选题名称", "任务名称", "榜单名称",
              "需求名称", "指南方向", "项目（课题）名称", "课题（项目）名称", "指南名称", "技术名称", "榜单任务名称", "攻关任务名称", "榜单任务", "课题题目", "题目", "名称", "选题", "研究方向", "方向", "课题", "项目"),
    "number": ("序号", "编号", "项目编号", "指南编号", "方向编号", "课题编号", "榜单编号", "任务编号", "代码"),
    "content": ("研究目标与内容", "研究方向与内容", "研究内容与目标", "主要研究内容", "研究内容", "研究需求", "研究任务",
                "研究目标", "需求内容", "需求描述", "主要内容", "具体内容", "建设内容", "建设任务", "主要任务",
                "任务描述", "攻关内容", "攻关任务", "技术需求", "榜单需求", "研发内容", "项目内容", "工作内容",
                "研究重点", "支持内容", "支持方向", "研究要点", "研究要求", "需求概述", "具体需求", "内容",
                "具体研究内容", "重点研究内容", "研究方向和内容", "研究内容和目标", "主要研究任务", "重点任务"),
    "deliverables": ("考核指标", "预期成果", "成果形式", "预期目标", "成果要求", "交付成果", "绩效目标", "验收指标",
                     "考核目标", "预期成效", "主要指标", "技术指标", "成果产出", "预期产出", "研究成果", "验收标准",
                     "目标任务", "验收要求", "考核要求", "成果",
                     "主要考核指标", "预期成果形式", "成果提交形式", "成果形式及要求", "考核内容", "验收内容", "考核指标与成果",
                     "预期成果及考核指标", "成果及考核指标"),
    "funding": ("资助额度（万元）", "资助额度(万元)", "支持经费（万元）", "经费（万元）", "经费额度", "资助额度", "资助金额",
                "资助强度", "经费支持", "支持经费", "支持额度", "支持强度", "支持金额", "经费预算", "财政资助", "资助经费",
                "拟支持经费", "财政经费", "财政支持", "项目经费", "资助方式", "支持方式", "经费上限", "资助上限", "支持上限",
                "补助金额", "补助标准", "资助标准", "支持资金", "资助资金", "补助资金", "经费", "资助", "金额",
                "经费安排", "资助额度及方式", "支持强度及方式", "拟资助金额", "财政资助额度"),
    "duration": ("执行期限", "研究期限", "实施期限", "项目期限", "执行期", "实施周期", "研究周期", "完成时间", "完成时限",
                 "项目周期", "实施期", "研究时限", "执行周期", "起止年限", "项目实施期", "实施年限", "研究年限", "执行年限",
                 "完成年限", "研究时间", "实施时间", "执行时间", "期限", "周期", "年限"),
    "contacts": ("指南联系人", "对接处室", "联系人及电话", "联系人及联系方式", "联系方式", "联系人", "联系电话", "咨询电话",
                 "业务处室", "业务咨询", "咨询处室", "服务热线", "技术咨询", "政策咨询", "系统技术支持", "咨询方式",
                 "联系处室", "归口处室", "责任处室", "对接人", "电话",
                 "项目联系人", "业务联系人", "技术联系人", "咨询联系人", "业务咨询电话"),
    "eligibility": ("申报条件", "申报要求", "申报主体", "申报单位条件", "申请条件", "申报资格", "申请人条件", "申报单位要求",
                    "申报对象", "支持对象", "资助对象", "揭榜条件", "揭榜要求", "揭榜方条件"),
}

# Topic fields: the labels whose presence under an outline item makes it a topic.
TOPIC_FIELDS = ("content", "deliverables", "funding", "duration", "contacts")
# Words that make a phrase something other than the field a synonym inside it names.
NOT_A_FIELD = re.compile(r"说明|备注|注意|要求$(?<!申报要求)|方式$(?<!联系方式|咨询方式|资助方式|支持方式)")
# A lead-in sentence, not a label: 重点支持以下方向：, 具体要求如下：
LEAD_IN = re.compile(r"如下|以下|包括|下列|主要有|具体为|分别为|为$|是$|有$|各有关单位|各区|各市|各县|各.*单位")

_BRACKETED = re.compile(r"^\s*[【\[]([^】\]]{2,16})[】\]]\s*[：:]?\s*(.*)$", re.S)
_VERB = re.compile(r"^(形成|提出|开展|完成|建立|构建|编制|提交|围绕|针对|聚焦|重点|通过|分析|梳理|研究提出|撰写|出版|发表)")
_BY_NAME = {name: kind for kind, names in SYNONYMS.items() for name in names}
_NAMES = sorted(_BY_NAME, key=len, reverse=True)
_COLON = "：:"
# label form: up to 16 characters without sentence punctuation, then a colon
FORM = re.compile(r"^\s*([^，。；！？,;!?：:\s][^，。；！？,;!?：:]{0,15}?)\s*[：:]\s*(.*)$", re.S)


def kind(label: str) -> str | None:
    """The field a label names, or None. `资助额度（万元）` → funding; `本项目研究内容` → content."""
    name = re.sub(r"\s+", "", label).strip("【】[]")
    if name in _BY_NAME:
        return _BY_NAME[name]
    bare = re.sub(r"[（(][^）)]*[）)]", "", name)  # 资助额度（万元）, 项目（课题）名称: the qualifier aside
    if bare in _BY_NAME:
        return _BY_NAME[bare]
    if re.search(r"考核|验收|绩效|成果(?!转化|应用)|产出", bare) and not re.search(r"经费|资助|期限|联系", bare):
        return "deliverables"  # 考核内容, 验收内容: what is assessed, whatever the head noun
    if NOT_A_FIELD.search(bare):
        return None
    for n in _NAMES:  # the longest synonym the phrase ends with, or (4 characters or more) contains
        if _BY_NAME[n] not in ("title", "number") and (bare.endswith(n) or len(n) >= 4 and n in bare):
            return _BY_NAME[n]
    return None


def split(text: str) -> tuple[str, str] | None:
    """`研究内容：甲乙。` → ("研究内容", "甲乙。"); None when the paragraph does not start with a label.

    A label is a short phrase before a colon, with no sentence punctuation, that is not a lead-in
    (`重点支持以下方向：`) nor an address line (`各有关单位：`), and holds no digit, quote or title mark
    (`形成总体研究成果1项：《…》` is a sentence).
    """
    b = _BRACKETED.match(text)  # 【需求描述】… — a field's name in brackets is a label too
    if b and kind(b.group(1)) not in (None, "title", "number"):
        return b.group(1).strip(), b.group(2).strip()
    m = FORM.match(text)
    if not m:
        return None
    label = m.group(1).strip()
    if LEAD_IN.search(label) or re.match(r"^[（(一二三四五六七八九十①-⑳]", label) or re.search(r"[\d、《》“”]", label):
        return None
    if len(label) < 2 or not re.search(r"[\u4e00-\u9fff]", label):
        return None
    if len(label) > 6 and _VERB.match(label) and re.sub(r"\s+", "", label) not in _BY_NAME:
        return None  # 形成课题研究成果：… is a sentence about a result, not a label
    if len(label) > 8 and kind(label) is None:
        return None  # a long phrase naming no field is a sentence with a colon, not a label
    return label, m.group(2).strip()


def known(text: str) -> tuple[str, str, str] | None:
    """(label, field, value) when the paragraph starts with a label naming a field."""
    found = split(text)
    if not found:
        return None
    k = kind(found[0])
    return (found[0], k, found[1]) if k else None


def column(header: str) -> str | None:
    """A table header cell → the field of its column (None for a column naming no field)."""
    cell = re.sub(r"\s+", "", header).rstrip(_COLON)
    if not cell or len(cell) > 20:
        return None
    return kind(cell)
