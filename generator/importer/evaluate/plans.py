"""Plans (规划) in variants: a plan of content/ rendered without its boxes, and what it then states.

The schema numbers a plan's chapters and sections with Chinese numerals only, so a plan varies less
than a call: chapters as 第一章 (with or without a gap after the marker), sections 一、, sub-sections
（一）; list items inside a body marked 1. / （1） / ① or not; the title on one line or two; the
preface; indents, blank lines, wrapped text, encodings and every format but the spreadsheet ones.
Boxes (专栏: indicator tables, key areas, key projects) and the annex are left out of both the
document and the `PlanExpected`: the scorer (score.compare_plan) compares chapters and sections by
position (number, title, body) and the guide's title, year, region and issuer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .layouts import Block, File, _files
from .truth import Chapter, Spec
from .variant import Variant, choose
from .vocab import circled, cn
from .wording import two_lines

FORMATS = ("txt", "md", "html", "docx", "pdf")


@dataclass
class PlanExpected:
    title: str
    year: int
    region: str
    issuer: str
    preface: list[str]
    chapters: list[Chapter]
    topics: list = field(default_factory=list)  # a plan has none


def choose_plan(spec: Spec, fmt: str, index: int, rng: random.Random) -> Variant:
    v = choose(spec, fmt if fmt in FORMATS else "docx", index, rng)
    v.word_numbering = False
    v.notice = False
    v.plan = True
    v.chapter_gap = rng.choice(["\u3000", " ", ""])
    v.item_style = rng.choice(["1.", "（1）", "①", ""])
    return v


def _item(style: str, n: int) -> str:
    return {"1.": f"{n}.", "（1）": f"（{n}）", "①": circled(n), "": ""}[style]


def _body(v: Variant, body: list[tuple[str, str]]) -> list[Block]:
    out, n = [], 0
    for kind, text in body:
        if kind == "li":
            n += 1
            out.append(Block("item", text, marker=_item(v.item_style, n), level=4))
        else:
            n = 0
            out.append(Block("p", text))
    return out


def build_plan(spec: Spec, v: Variant, rng: random.Random) -> tuple[list[File], PlanExpected]:
    plan = spec.plan
    doc: list[Block] = [Block("title", lines=two_lines(spec.title) if v.title_lines == 2 else [spec.title]),
                        Block("sign", spec.issuer), Block("sign", spec.published or f"{spec.year}年")]
    if plan["preface"]:
        doc.append(Block("head", "前言", level=1))
        doc += _body(v, plan["preface"])
    for i, ch in enumerate(plan["chapters"], 1):
        doc.append(Block("head", ch.title, marker=f"第{cn(i)}章{v.chapter_gap}", level=1, role="chapter"))
        doc += _body(v, ch.body)
        for j, sec in enumerate(ch.sections, 1):
            doc.append(Block("head", sec.title, marker=f"{cn(j)}、", level=2))
            doc += _body(v, sec.body)
            for k, sub in enumerate(sec.sections, 1):
                doc.append(Block("head", sub.title, marker=f"（{cn(k)}）", level=3))
                doc += _body(v, sub.body)
    if v.blank_lines:
        doc = [x for b in doc for x in ((b, Block("blank")) if b.kind in ("p", "head") and rng.random() < 0.5 else (b,))]
    expected = PlanExpected(title=spec.title, year=spec.year, region=spec.region, issuer=spec.issuer,
                            preface=[t for _, t in plan["preface"]], chapters=plan["chapters"])
    return _files(v, spec, [], doc), expected
