"""Fields: one value of the source → one field of the schema (funding, duration, contacts, window, dates, tags).

Pure functions over cleaned text. Each returns the field as guide.schema.json wants it, keeping the
source's own wording in `text`, or None when the text does not say; `review` lists what a person
should check. Nothing here knows a particular city's guide.
"""

from __future__ import annotations

import datetime as dt
import re

from . import labels as L
from . import patterns as P

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:[-—~～至到]\s*(\d+(?:\.\d+)?)\s*)?(万元|万|元|亿元)")
_CEILING = re.compile(r"不超过|不高于|不大于|不多于|最高|最多|上限|以内|以下|之内|封顶|非定额|原则上不超|[≤≦⩽<＜]|up to", re.I)
_TOTAL = re.compile(r"总经费|总额|共安排|合计|总计|共计|总资助|总投入|累计|总预算")
_FIXED = re.compile(r"定额|每项|每个|每家|支持经费|资助经费")
_PER_ITEM = re.compile(r"(?:每项|每个|每家|单项|单个)(?:项目|课题|单位)?[^，。；、\d]{0,6}$")
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
# a sentence stating a topic's terms without a label: 每项资助5万元 / 执行期1年
FUNDING_SENTENCE = re.compile(r"(每项|每个|资助|经费|支持强度|资助额度|财政)[^。]{0,20}\d[^。]{0,6}万元")
DURATION_SENTENCE = re.compile(r"(执行期|实施期|研究期|项目期|周期|期限)[^。]{0,8}(\d+|[一二两三四五六])\s*(个月|年)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def number(text: str) -> float | int | None:
    value = float(text)
    return int(value) if value.is_integer() else value


def unit_of(label: str) -> str:
    """The money unit a label or column header states: `资助额度（万元）` → 万元; `` when it states none."""
    m = re.search(r"[（(]\s*(万元|元|亿元|万)\s*[）)/]|单位\s*[：:]\s*(万元|元|亿元)", label or "")
    return (m.group(1) or m.group(2)).replace("万", "万元").replace("万元元", "万元") if m else ""


def funding(text: str, labelled: bool, unit: str = "", label: str = "") -> tuple[dict | None, list[str]]:
    """`每项资助额度不超过50万元` → {amount: 50, kind: ceiling, text: …}. Unlabelled text: the clause that says it.

    Kind by the words around the amount: a ceiling when 不超过、最高、最多、上限、以内、以下、≤ (or < ＜) say so, a
    total (总额、合计、共计 …: recorded as a ceiling, marked for review), otherwise fixed. A labelled value
    without a unit (a table cell `最高20` under 资助额度（万元）) takes `unit`, the label's unit, or 万元 (marked).
    """
    review = []
    m = _AMOUNT.search(text)
    if not m and labelled:
        bare = re.search(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:[-—~～至到]\s*(\d+(?:\.\d+)?))?(?![\d.]*\s*(?:%|％|年|个月|月|日|项|个|人|号))", text)
        if not bare or re.search(r"[\u4e00-\u9fff]{9,}", text) or _PHONE.search(text) and len(re.sub(r"\D", "", text)) >= 7:
            return None, []  # a sentence, or a phone number (a cell from the column beside), is no amount
        if not unit:
            review.append(f"“{text.strip()}”没写单位，按万元读，请核对")
        text_u = text[:bare.end()] + (unit or "万元") + text[bare.end():]
        value, more = funding(text_u, labelled, unit, label)
        if value:
            value["text"] = text.strip()
        return value, review + more
    if not m:
        return None, []
    clause = text if labelled else _clause(text, m.start())
    said = clause  # the words that say what kind of amount it is
    per = [a for a in _AMOUNT.finditer(text) if _PER_ITEM.search(text[max(0, a.start() - 12):a.start()])]
    if per and per[0].start() > m.start() and not _PER_ITEM.search(text[max(0, m.start() - 12):m.start()]):
        m = per[0]  # 共安排900万元（每项不超过300万元）: the amount per project, not the total
        said = _clause(text.replace("（", "，").replace("）", "，"), m.start())
    amount = number(m.group(1))
    unit = m.group(3)
    if unit == "元":
        amount = number(str(float(m.group(1)) / 10000))
    elif unit == "亿元":
        amount = number(str(float(m.group(1)) * 10000))
    ceiling = _CEILING.search(said) or _CEILING.search(re.sub(r"[（(][^）)]*[）)]", "", label))  # 经费上限（万元）
    kind = "ceiling" if ceiling else "fixed"
    if m.group(2):
        review.append(f"经费是一个范围（{m.group(0)}），amount 记为下限")
    if _TOTAL.search(said):
        kind = "ceiling"
        review.append("原文写的是总额，不是每项的金额；已记为上限（ceiling），请核对")
    elif not ceiling and not _FIXED.search(said):
        review.append("经费是定额还是上限，原文未明说")
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


_PERSON = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}|(?:欧阳|司马|诸葛|上官|东方|慕容|令狐|皇甫|尉迟|公孙|长孙|宇文|司徒|夏侯|端木|独孤|南宫|西门)"
                     r"[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{1,2}·[\u4e00-\u9fff]{1,6})(?:老师|同志|先生|女士|处长|科长|主任)?$"
                     r"|^[\u4e00-\u9fff](?:老师|同志|先生|女士|工)$")
_TOKEN = re.compile(r"(?P<email>" + _EMAIL.pattern + r")|(?P<phone>" + _PHONE.pattern + r")"
                    r"|(?P<word>[^\s，,；;、/（）()\[\]【】：:\d]+)\s*(?P<colon>[：:])?|(?P<other>\d+)")
_CONTACT_WORDS = re.compile(r"^(?:(?:办公室|联系|咨询|服务|固定|移动)?电话|手机|座机|传真|邮箱|电子邮箱|E-?mail|邮件|地址|分机|"
                            r"联系方式|号码|联系人|联系处室)$", re.I)


def contact_word(word: str) -> str:
    """What a word of a contact line is by its form: `person` (2–3 Han characters, or 4 with a two-character
    surname, optionally with 老师/同志/先生/女士), `office` (ends in 处/科/室/中心/局/厅/委/所/部 … or is longer
    than a name), or `` (a label word such as 电话)."""
    if _CONTACT_WORDS.match(word) or L.kind(word) == "contacts" and len(word) <= 6:
        return ""
    if _PERSON.match(word) and not _OFFICE_END.search(re.sub(r"(老师|同志|先生|女士|处长|科长|主任)$", "", word)):
        return "person"
    return "office" if re.search(r"[\u4e00-\u9fff]", word) else ""


def contacts(text: str, label: str = "", role: str = "") -> tuple[list[dict], list[str]]:
    """A contact line → one entry per person (office, person, phone, each where given), read by form:
    `省科技厅办公室 朱勇进 027-87135799`, `联系人：李明（规划处），电话：…`, `张敏，0717-1234567（成果处）`,
    `对接处室：办公室；联系人：孟老师；联系电话：…`, `社发处 孙丽 028-1234567 赵磊 65323491` (two people).

    An office is a word ending in an office's ending (处、科、室、中心、办公室、厅、局、委、所、部 …) or longer than a
    name; a person is 2–3 Han characters (4 with a two-character surname), with 老师/同志/先生/女士 or not.
    A person word under a label naming an office (对接处室：…), or an office word under 联系人, is read by its
    form and marked for review. Phones with a note each (`…（业务） …（技术）`) make one entry each.
    """
    review: list[str] = []
    text = text.strip().rstrip("。；;")
    noted = re.findall(r"(" + _PHONE.pattern + r")\s*[（(]([^）)]{1,12})[）)]", _EMAIL.sub(" ", text))
    if len(noted) >= 2 and not any(contact_word(n) in ("office", "person") and not re.search(r"咨询|业务|技术|政策|系统", n)
                                   for _, n in noted):
        return [dict({"role": role} if role else {}, phone=phones(p)[0], note=n) for p, n in noted], review
    items: list[tuple[str, str]] = []
    hint = "person" if re.search(r"联系人|对接人|咨询人", label) else "office" if re.search(r"处室|单位|部门|科室", label) else ""
    for m in _TOKEN.finditer(text):
        if m.group("email"):
            items.append(("email", m.group("email")))
        elif m.group("phone"):
            items.append(("phone", phones(m.group("phone"))[0]))
        elif m.group("word"):
            word = m.group("word").strip("-—·")
            if not word:
                continue
            if m.group("colon"):  # an inner label: 对接处室：… 联系人：…
                hint = "person" if re.search(r"联系人|对接人", word) else "office" if re.search(r"处室|单位|部门|科室", word) \
                    else "phone" if re.search(r"电话|手机|座机", word) else hint
                if contact_word(word) == "" or L.kind(word) == "contacts":
                    continue
            items.append((contact_word(word) or "skip", word))
        elif m.group("other"):
            items.append(("note", m.group("other")))
    people = [w for k, w in items if k == "person"]
    if not people:  # 政策法规科李一明: an office and a person with the space between them lost
        for i, (k, w) in enumerate(items):
            glued = _OFFICE_PERSON.match(w) if k == "office" else None
            if glued and not _OFFICE_END.search(glued.group(2)) and any(k2 == "phone" for k2, _ in items):
                items[i:i + 1] = [("office", glued.group(1)), ("person", glued.group(2))]
                review.append(f"“{w}”拆成处室“{glued.group(1)}”和联系人“{glued.group(2)}”（原文两者之间没有空格），请核对")
                break
    entries: list[dict] = []
    cur: dict = {}

    def close():
        nonlocal cur
        if cur:
            entries.append(cur)
        cur = {}

    for k, w in items:
        if k == "person":
            if "person" in cur:
                close()
            cur["person"] = w
        elif k == "office":
            if "office" in cur and ("phone" in cur or "person" in cur):
                close()
            if "office" in cur:
                cur["note"] = (cur.get("note", "") + " " + w).strip()
            else:
                cur["office"] = w
        elif k == "phone":
            cur["phone"] = cur["phone"] + "、" + w if "phone" in cur else w
        elif k == "email" or k == "note":
            cur["note"] = (cur.get("note", "") + " " + w).strip()
    close()
    for e in entries:
        if label and hint == "person" and "office" in e and "person" not in e and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", e["office"]):
            review.append(f"“{e['office']}”写在联系人一栏，但像是处室名，已记为 office，请核对")
        if "note" in e and not _EMAIL.fullmatch(e["note"]):
            review.append(f"联系方式里有没能归类的部分：{e['note']}")
    order = ("role", "office", "person", "phone", "note")
    entries = [{k: v for k, v in sorted(dict({"role": role} if role else {}, **e).items(), key=lambda kv: order.index(kv[0]))}
               for e in entries if set(e) - {"note"}]
    if entries and not any("phone" in e for e in entries) and not any(_EMAIL.search(e.get("note", "")) for e in entries):
        review.append("联系方式里没有电话")
    return entries, review


def window(text: str, since: str | None = None) -> tuple[dict | None, list[str]]:
    """An application window (申报时间 … 至 …, 起始时间为 … 截止时间为 …) → {opens, closes, text}.

    `since`, the guide's published date, opens a window written 即日起至 … 止 (from today until a date)."""
    found = list(_DATE_TIME.finditer(text))
    if found and found[0].group(1) is None:
        found = [m for m in found if m.group(1)] if any(m.group(1) for m in found) else []
    review = []
    if len(found) == 1 and since and re.search(r"即日起|即日开始|自即日|发布之日起", text):
        closes = _stamp_alone(found[0])
        if closes and closes >= since:
            return {"opens": since, "closes": closes, "text": text}, ["“即日起”按指南的发布日期读作开始日期，请核对"]
    if len(found) < 2:
        return None, []
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

    stamps = [stamp(m) for m in found[:2]]
    first, second = _window_order(text, found[:2])
    opens, closes = stamps[first], stamps[second]
    if not opens or not closes:
        return None, ["申报时间里的日期无效"]
    if closes < opens:
        review.append("截止早于开始，请核对")
    if len(found) > 2:
        review.append("这段话里有两个以上日期，取了前两个")
    return {"opens": opens, "closes": closes, "text": text}, review


def _stamp_alone(m) -> str | None:
    """One date that states its year (2025年4月30日17:00) → 2025-04-30 17:00."""
    y, mo, d, h, mi = m.groups()
    try:
        day = dt.date(int(y), int(mo), int(d)).isoformat()
    except (TypeError, ValueError):
        return None
    return f"{day} {int(h):02d}:{int(mi or 0):02d}" if h is not None else day


_OPENS_AFTER = re.compile(r"^\s*(?:起|开始)")
_CLOSES_AFTER = re.compile(r"^\s*(?:止|截止|前|以前|之前)")


def _window_order(text: str, found: list) -> tuple[int, int]:
    """Which of two dates opens the window and which closes it, by their words (截止时间为 B，起始时间为 A).

    A date's words are those right after it (…日起, …日止, …日前) or else the ones before it back to the
    previous date or clause (起始/开始/自/起 → opens; 截止/止/前 → closes). Only when the words do not
    tell, the order does: the first opens.
    """
    kinds, start = [], 0
    for m in found:
        before = text[max(start, max(text.rfind(c, 0, m.start()) for c in "，。；,;") + 1):m.start()]
        after = text[m.end():]
        if _CLOSES_AFTER.match(after):
            kinds.append("closes")
        elif _OPENS_AFTER.match(after):
            kinds.append("opens")
        elif "截止" in before:
            kinds.append("closes")
        elif re.search(r"起始|开始|自|起", before):
            kinds.append("opens")
        elif re.search(r"止|前", before):
            kinds.append("closes")
        else:
            kinds.append(None)
        suffix = _CLOSES_AFTER.match(after) or _OPENS_AFTER.match(after)
        start = m.end() + (suffix.end() if suffix else 0)
    if kinds[0] == "closes" and kinds[1] != "closes" or kinds[1] == "opens" and kinds[0] != "opens":
        return 1, 0
    return 0, 1


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
