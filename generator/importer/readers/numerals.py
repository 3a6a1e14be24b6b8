"""Numbers rendered in Word's number formats (w:numFmt): what a list marker shows for its counter."""

from __future__ import annotations

_ZH = "〇一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese(n: int, digits: str = "一二三四五六七八九", units: str = "十百千", short_ten: bool = True) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百〇五 (counting below 10000)."""
    if n <= 0:
        return "〇" if n == 0 else str(n)
    if n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and parts:
                parts.append("〇" if digits[0] == "一" else "零")
            parts.append(("" if unit == units[0] and d == 1 and n < 20 and short_ten else digits[d - 1]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def _letters(n: int, upper: bool) -> str:
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    n = max(1, n)
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)  # Word repeats the letter: a … z, aa … zz


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def render(n: int, fmt: str) -> str:
    """The counter `n` as Word prints it in number format `fmt` (unknown formats as decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting"):
        return chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital", "japaneseDigitalTenThousand"):
        return "".join(_ZH[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return chinese(n, _ZH_LEGAL[1:], "拾佰仟", short_ten=False)
    if fmt == "ideographLegalTraditional":
        return chinese(n, "壹貳參肆伍陸柒捌玖", "拾佰仟", short_ten=False)
    if fmt in ("ideographTraditional",):
        return _STEMS[(n - 1) % 10] if n >= 1 else str(n)
    if fmt in ("ideographZodiac",):
        return _BRANCHES[(n - 1) % 12] if n >= 1 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        if 1 <= n <= 20:
            return chr(0x2460 + n - 1)
        if 21 <= n <= 35:
            return chr(0x3251 + n - 21)
        if 36 <= n <= 50:
            return chr(0x32B1 + n - 36)
        return str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n, True)
    if fmt == "lowerLetter":
        return _letters(n, False)
    return str(n)
