"""Fields: one value of the source → one field of the schema (funding, duration, contacts, window, dates, tags).

Pure functions over cleaned text. Each returns the field as guide.schema.json wants it, keeping the
source's own wording in `text`, or None when the text does not say; `review` lists what a person
should check. Nothing here knows a particular city's guide.
"""

from __future__ import annotations

import datetime as dt
import re

from . import patterns as P

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:[-—~～至到]\s*(\d+(?:\.\d+)?)\s*)?(万元|万|元|亿元)")
_CEILING = re.compile(r"不超过|不高于|最高|最多|上限|以内|以下|封顶|非定额|原则上不超")
_TOTAL = re.compile(r"总经费|总额|共安排|合计|总计|总资助|总投入|累计")
_FIXED = re.compile(r"定额|每项|每个|每家|支持经费|资助经费")
_MONTHS = re.compile(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(个月|年半|年)")
_RANGE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:到|至|—|－|–|-|~|～)+\s*"
                    r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_TIME = r"(?:\s*(?:（|\()?\s*(?:上午|下午|早上)?\s*(\d{1,2})\s*[:：时点]\s*(\d{2})?\s*分?\s*(?:）|\))?)?"
_DATE_TIME = re.compile(r"(?:(\d{4})\s*年\s*|(?<![\d年\s]))(\d{1,2})\s*月\s*(\d{1,2})\s*日" + _TIME)
_PHONE = re.compile(r"(?<!\d)(?:[48]00[-\s]?\d{3}[-\s]?\d{4}|1[3-9]\d{9}|"
                    r"(?:(?:\(|（)?0\d{2,3}(?:\)|）)?\s*[-－—]?\s*)?\d{7,8}(?:\s*转\s*\d{1,5})?)(?!\d)")
_OFFICE_END = re.compile(r"(处|室|厅|局|中心|所|委|部|科|办|院|会|司|站|馆|组|队|公司|协会|交易所|大学|学院|集团|平台|办公室)$")
# An office and a person with the space between them lost (a PDF line wrapped there): 政策法规科李一明
_OFFICE_PERSON = re.compile(r"^([\u4e00-\u9fff]{2,}(?:办公室|中心|处|科|室|办|所|部|局|厅))([\u4e00-\u9fff·]{2,3})$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def number(text: str) -> float | int | None:
    value = float(text)
    return int(value) if value.is_integer() else value


def funding(text: str, labelled: bool) -> tuple[dict | None, list[str]]:
    """`每项资助额度不超过50万元` → {amount: 50, kind: ceiling, text: …}. Unlabelled text: the clause that says it."""
    m = _AMOUNT.search(text)
    if not m:
        return None, []
    review = []
    clause = text if labelled else _clause(text, m.start())
    amount = number(m.group(1))
    unit = m.group(3)
    if unit == "元":
        amount = number(str(float(m.group(1)) / 10000))
    elif unit == "亿元":
        amount = number(str(float(m.group(1)) * 10000))
    kind = "ceiling" if _CEILING.search(clause) else "fixed"
    if m.group(2):
        review.append(f"经费是一个范围（{m.group(0)}），amount 记为下限")
    if not _CEILING.search(clause) and not _FIXED.search(clause):
        review.append("经费是定额还是上限，原文未明说")
    if _TOTAL.search(clause):
        kind = "ceiling"
        review.append("原文写的是总额，不是每项的金额；已记为上限（ceiling），请核对")
    if len(_AMOUNT.findall(clause)) > 1:
        review.append("这句话里有不止一个金额")
    result = {"amount": amount, "kind": kind, "text": clause}
    if amount <= 0:
        del result["amount"]
    return result, review


def duration(text: str, labelled: bool) -> tuple[dict | None, list[str]]:
    """`执行期 1 年` → {text, months: 12}; `2020年12月1日到2021年11月30日` → {text, start, end}."""
    r = _RANGE.search(text)
    if r:
        clause = text if labelled else _clause(text, r.start())
        y1, m1, d1, y2, m2, d2 = r.groups()
        y2 = y2 or y1
        out: dict = {"text": clause}
        review = []
        try:
            if d1 and d2:
                out["start"] = dt.date(int(y1), int(m1), int(d1)).isoformat()
                out["end"] = dt.date(int(y2), int(m2), int(d2)).isoformat()
            else:
                months = (int(y2) - int(y1)) * 12 + int(m2) - int(m1) + 1
                if 1 <= months <= 240:
                    out["months"] = months
                review.append("起止只写到月，已按整月计 months")
        except ValueError:
            review.append("起止日期不是有效日期")
        return out, review
    m = _MONTHS.search(text)
    if not m or not re.search(r"期|限|年内|个月内|周期|时间", text if not labelled else "期" + text):
        return None, []
    clause = text if labelled else _clause(text, m.start())
    n = P.zh_number(m.group(1)) if not m.group(1)[0].isdigit() else float(m.group(1))
    if n is None:
        return {"text": clause}, ["期限的数字没能读出"]
    months = n * 12 + (6 if m.group(2) == "年半" else 0) if "年" in m.group(2) else n
    out = {"text": clause}
    if float(months).is_integer() and 1 <= months <= 240:
        out["months"] = int(months)
    return out, []


def _clause(text: str, at: int) -> str:
    """The clause around position `at`: from the last ，。；： before it to the next ，。；."""
    start = max(text.rfind(c, 0, at) for c in "，。；：,;") + 1
    ends = [i for i in (text.find(c, at) for c in "，。；,;") if i != -1]
    end = min(ends) if ends else len(text)
    return text[start:end].strip()


def phones(text: str) -> list[str]:
    return [re.sub(r"\s+", "", p).replace("（", "(").replace("）", ")").replace("－", "-").replace("—", "-")
            for p in _PHONE.findall(text)]


def contacts(text: str, label: str = "", role: str = "") -> tuple[list[dict], list[str]]:
    """`省科技厅办公室 朱勇进 027-87135799` → [{office, person, phone}]; several phones with notes → one each."""
    review: list[str] = []
    text = text.strip().rstrip("。；;")
    email = _EMAIL.findall(text)
    rest = _EMAIL.sub(" ", text)
    noted = re.findall(r"(" + _PHONE.pattern + r")\s*[（(]([^）)]{1,12})[）)]", rest)
    if len(noted) >= 2:
        return [dict({"role": role} if role else {}, phone=phones(p)[0], note=n) for p, n in noted], review
    found = phones(rest)
    words = _PHONE.sub(" ", rest)
    words = re.sub(r"(电话|手机|联系人|办公室电话|座机|传真|邮箱|E-?mail)\s*[：:]?", " ", words, flags=re.I)
    tokens = [t for t in re.split(r"[\s，,；;、/]+", words) if t.strip("（）() -")]
    cjk_tokens = [t for t in tokens if re.search(r"[\u4e00-\u9fff]", t)]
    glued = _OFFICE_PERSON.match(cjk_tokens[0].strip("（）() -：:")) if len(cjk_tokens) == 1 and found and not label else None
    if glued and not _OFFICE_END.search(glued.group(2)):
        tokens = [glued.group(1), glued.group(2)] + [t for t in tokens if t is not cjk_tokens[0]]
        review.append(f"“{glued.group(0)}”拆成处室“{glued.group(1)}”和联系人“{glued.group(2)}”（原文两者之间没有空格），请核对")
    entry: dict = {}
    if role:
        entry["role"] = role
    person_label = label in ("联系人",)
    office_label = label in ("对接处室", "业务处室", "咨询处室")
    for t in tokens:
        t = t.strip("（）() -：:")
        if not t:
            continue
        cjk = re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", t)
        if cjk and person_label and "person" not in entry and len(t) >= 3 and _OFFICE_END.search(t):
            cjk = None  # 联系人：规划科 — a short office, not a person
            review.append(f"“{t}”写在联系人一栏，但像是处室名，已记为 office，请核对")
        if (person_label or (cjk and not _OFFICE_END.search(t) and "office" in entry)) and "person" not in entry and cjk:
            entry["person"] = t
        elif "office" not in entry:
            entry["office"] = t
        else:
            entry["note"] = (entry.get("note", "") + " " + t).strip()
    if found:
        entry["phone"] = "、".join(dict.fromkeys(found))
    if email:
        entry["note"] = (entry.get("note", "") + " " + " ".join(email)).strip()
    if office_label and "person" in entry and "office" not in entry:
        entry["office"] = entry.pop("person")
    if "note" in entry:
        review.append(f"联系方式里有没能归类的部分：{entry['note']}")
    if not found and not email:
        review.append("联系方式里没有电话")
    if set(entry) <= {"role"}:
        return [], review
    return [entry], review


def window(text: str) -> tuple[dict | None, list[str]]:
    """An application window (申报时间 … 至 …, 起始时间为 … 截止时间为 …) → {opens, closes, text}."""
    found = list(_DATE_TIME.finditer(text))
    if found and found[0].group(1) is None:
        found = [m for m in found if m.group(1)] if any(m.group(1) for m in found) else []
    if len(found) < 2:
        return None, []
    review = []
    year = found[0].group(1)

    def stamp(m) -> str | None:
        nonlocal year
        y, mo, d, h, mi = m.groups()
        if y is None:
            review.append(f"“{m.group(0).strip()}”没写年份，按前一个日期的年份 {year} 读，请核对")
        y = y or year
        year = y
        try:
            day = dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            return None
        if h is not None:  # a time only where the source gives one; a date alone stays a date
            hour = int(h) + (12 if "下午" in m.group(0) and int(h) < 12 else 0)
            return f"{day} {hour:02d}:{int(mi or 0):02d}"
        return day

    opens, closes = stamp(found[0]), stamp(found[1])
    if not opens or not closes:
        return None, ["申报时间里的日期无效"]
    if closes < opens:
        review.append("截止早于开始，请核对")
    if len(found) > 2:
        review.append("这段话里有两个以上日期，取了前两个")
    return {"opens": opens, "closes": closes, "text": text}, review


def date(text: str) -> str | None:
    m = P.DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def suggest_tags(text: str, title: str, tags: list[dict], limit: int = 3) -> list[str]:
    """Tags whose Chinese name or keywords occur in the topic (title counts thrice), best first."""
    scores = []
    for i, tag in enumerate(tags):
        words = [tag.get("zh", "")] + list(tag.get("keywords", []) or [])
        score = sum(3 * title.count(w) + text.count(w) for w in words if w)
        if score:
            scores.append((-score, i, tag["slug"]))
    return [slug for _, _, slug in sorted(scores)[:limit]]


def nearest_tag(text: str, tags: list[dict]) -> str:
    """When no tag's words occur: the tag sharing most two-character pieces with the text."""
    grams = {text[i:i + 2] for i in range(len(text) - 1)}

    def overlap(tag):
        words = [tag.get("zh", "")] + list(tag.get("keywords", []) or [])
        return sum(1 for w in words for i in range(len(w) - 1) if w[i:i + 2] in grams)

    return max(tags, key=overlap)["slug"]
