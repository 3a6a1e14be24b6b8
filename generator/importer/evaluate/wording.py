"""How a variant writes each fact: numbering markers, the number a marker states, funding, duration,
windows, contacts, phone numbers, offices shortened, titles cut in two. Text in, text out."""

from __future__ import annotations

import random
import re

from .truth import Spec
from .variant import Variant
from .vocab import FULLWIDTH, STYLES, cn


def digits(v: Variant, text: str) -> str:
    return text.translate(FULLWIDTH) if v.fullwidth else text


def marker_of(v: Variant, level: int, n: int, parent: str = "") -> str:
    style = v.scheme[level - 1]
    if style == "kw":
        num = str(n) if v.kw_numeral == "arabic" else cn(n)
        return f"{v.keyword}{digits(v, num)}{v.kw_sep}"
    return digits(v, STYLES[style][0](n, parent))


def section_marker(v: Variant, n: int) -> str:
    """A guide-level section's marker (申报要求, 申报时间 …): the track level's, but 一、 where tracks are 专题一、."""
    return f"{cn(n)}、" if v.scheme[0] == "专题一、" else marker_of(v, 1, n)


def number_of(marker: str) -> str:
    """The topic number a marker states: 项目1： → 项目1, （一） → （一）, 1.1  → 1.1, 2. → 2."""
    return re.sub(r"[、.．:：\s]+$", "", marker.strip())


def money_text(v: Variant, f: dict, sentence: bool) -> str:
    amount = digits(v, amount_text(f["amount"]))
    if sentence:
        if f["kind"] == "fixed":
            return random.Random(amount).choice([f"每项定额资助{amount}万元。", f"每个项目支持经费{amount}万元。",
                                                 f"财政定额资助{amount}万元/项。"])
        return random.Random(amount).choice([f"每项资助不超过{amount}万元。", f"每项支持经费不超过{amount}万元。",
                                             f"原则上每项资助额度最高不超过{amount}万元。",
                                             f"拟支持经费不超过{amount}万元/项。"])
    return f"{amount}万元" if f["kind"] == "fixed" else f"不超过{amount}万元"


def amount_text(a) -> str:
    return str(int(a)) if float(a).is_integer() else str(a)


def date_zh(d: str) -> str:
    y, m, day = d[:10].split("-")
    return f"{y}年{int(m)}月{int(day)}日"


def time_text(v: Variant, d: dict, sentence: bool) -> str:
    if "months" in d:
        m = d["months"]
        span = digits(v, f"{m // 12}年") if m % 12 == 0 else digits(v, f"{m}个月")
    else:
        span = digits(v, f"{date_zh(d['start'])}至{date_zh(d['end'])}")
    return f"项目执行期为{span}。" if sentence else span


def window_text(v: Variant, w: dict) -> str:
    def at(s: str, year: bool = True) -> str:
        d = date_zh(s) if year else date_zh(s).split("年", 1)[1]
        return digits(v, d + (f"{int(s[11:13])}:{s[14:16]}" if len(s) > 10 else ""))
    o, c = w["opens"], w["closes"]
    if v.window_form == "dash":
        return f"{v.window_label}{v.colon}{at(o)}—{at(c)}"
    if v.window_form == "hours":
        return f"网上申报时间为{at(o)}至{at(c)}。"
    if v.window_form == "year-omitted":
        return f"{v.window_label}{v.colon}{at(o)}至{at(c, year=False)}。"
    if v.window_form == "start-end":
        return f"项目网上填报起始时间为{at(o)}，截止时间为{at(c)}。"
    return f"{v.window_label}{v.colon}{at(o)}至{at(c)}。"


def contact_text(v: Variant, c: dict, label: str) -> str:
    office, person, phone = c.get("office", ""), c.get("person", ""), digits(v, c.get("phone", ""))
    col = v.colon
    form = v.contact_form
    if form == 0:
        return label + col + "，".join(x for x in (office, person, phone) if x)
    if form == 1 and person:
        return f"联系人{col}{person}" + (f"（{office}）" if office else "") + (f"，电话{col}{phone}" if phone else "")
    if form == 2:
        bits = [f"对接处室{col}{office}" if office else "", f"联系人{col}{person}" if person else "",
                f"联系电话{col}{phone}" if phone else ""]
        return "；".join(b for b in bits if b)
    if form == 3:
        return label + col + " ".join(x for x in (office, person, phone) if x)
    return label + col + "，".join(x for x in (person, phone) if x) + (f"（{office}）" if office else "")


def short_office(office: str, spec: Spec) -> str:
    for prefix in ("省科技厅", "市科技局", "市科委", spec.region_zh + "省科学技术厅", spec.region_zh + "市科学技术局"):
        if office.startswith(prefix) and len(office) > len(prefix) + 1:
            return office[len(prefix):]
    return office


# ---------------------------------------------------------------------------------------------------


def phone_number(area: str, rng: random.Random) -> str:
    """A phone number as bureaus print them: 027-87135799, （027）87135799, 87135799, a mobile."""
    number = str(rng.randint(60000000, 89999999))
    return rng.choice([f"{area}-{number}", f"{area}-{number}", f"（{area}）{number}", number,
                       f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}"])


_BREAK_AFTER = ("年度", "年", "省", "市", "计划", "研究", "项目", "”", "）", "关于印发", "关于发布")


def two_lines(title: str) -> list[str]:
    """A title cut in two where a printed title breaks (after 年度, 省, 计划, a closing bracket …),
    nearest its middle, never inside brackets or quotes, never leaving a short line."""
    depth, best, mid = 0, None, len(title) // 2
    for i, ch in enumerate(title):
        if ch in "（(“《":
            depth += 1
        elif ch in "）)”》":
            depth -= 1
        if depth == 0 and 6 <= i + 1 <= len(title) - 6 and title[:i + 1].endswith(_BREAK_AFTER):
            if best is None or abs(i + 1 - mid) < abs(best - mid):
                best = i + 1
    return [title] if best is None else [title[:best].strip(), title[best:].strip()]
