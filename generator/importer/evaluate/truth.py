"""The truth a variant is rendered from: a guide of content/ (its curated YAML) as plain facts.

`load(content)` reads every guide into a `Spec` (a plan's chapters in `Spec.plan`): the facts a
published document states (title, year, region, issuer, document number, window, contacts) and its
tracks and topics (number, title, research content and deliverables as paragraphs and list items,
funding, duration, contacts). The layouts (layouts.py) copy a spec, drop or add optional facts for a
variant and render it; the copy they render is what the scorer compares the import with.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ...loader import read_yaml


def zh(value) -> str:
    """The Chinese of a `text` value ({zh, en} or a plain string)."""
    if isinstance(value, dict):
        return str(value.get("zh", ""))
    return "" if value is None else str(value)


def blocks(value) -> list[tuple[str, str]]:
    """YAML blocks → [("p" | "li", text)], a multi-line string split into its lines."""
    out: list[tuple[str, str]] = []
    for b in value or []:
        if isinstance(b, dict) and "list" in b:
            out += [("li", line) for item in b["list"] for line in zh(item).split("\n") if line.strip()]
        elif isinstance(b, dict) and "box" in b:
            continue
        else:
            out += [("p", line) for line in zh(b).split("\n") if line.strip()]
    return out


@dataclass
class Topic:
    number: str  # as curated; a variant renumbers it in its own style
    title: str
    content: list[tuple[str, str]]
    deliverables: list[tuple[str, str]] = field(default_factory=list)
    funding: dict | None = None  # {amount, kind}
    duration: dict | None = None  # {months} or {start, end}
    contacts: list[dict] = field(default_factory=list)  # {office, person, phone}, each optional


@dataclass
class Track:
    name: str
    topics: list[Topic]
    funding: dict | None = None
    duration: dict | None = None


@dataclass
class Chapter:
    """A plan's chapter, section or sub-section."""
    number: str  # the Chinese numeral, as the schema keeps it
    title: str
    body: list[tuple[str, str]]
    sections: list["Chapter"] = field(default_factory=list)


@dataclass
class Spec:
    key: str  # region-id, names the variant files
    title: str
    year: int
    region: str  # slug
    region_zh: str
    province: bool
    issuer: str
    doc_number: str | None
    window: dict | None  # {opens, closes}: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"
    published: str | None
    intro: list[str]
    sections: list[tuple[str, list[tuple[str, str]]]]  # (heading, blocks): requirements, materials …
    contacts: list[dict]  # guide-level contacts
    tracks: list[Track]
    plan: dict | None = None  # plans: {"preface": blocks, "chapters": [Chapter]}

    def copy(self) -> "Spec":
        return copy.deepcopy(self)

    def topics(self) -> list[tuple[int, Topic]]:
        return [(i, t) for i, tr in enumerate(self.tracks) for t in tr.topics]


def _money(value) -> dict | None:
    if not value or "amount" not in value:
        return None
    return {"amount": value["amount"], "kind": value["kind"]}


def _time(value) -> dict | None:
    if not value:
        return None
    if value.get("months"):
        return {"months": value["months"]}
    if value.get("start") and value.get("end"):
        return {"start": str(value["start"]), "end": str(value["end"])}
    return None


def _contact(c: dict) -> dict | None:
    out = {k: zh(c.get(k)) for k in ("office", "person") if c.get(k)}
    if c.get("phone"):
        out["phone"] = str(c["phone"])
    return out or None


# Sections the layouts render themselves (contacts, the window): left out of the copied requirements.
_OWN_SECTIONS = ("咨询", "联系")


def _chapter(d: dict) -> Chapter:
    return Chapter(number=str(d.get("number") or ""), title=zh(d.get("title")), body=blocks(d.get("body")),
                   sections=[_chapter(x) for x in d.get("sections", []) or []])


def spec(guide: dict, regions: dict[str, dict]) -> Spec:
    region = regions[guide["region"]]
    if guide.get("kind") == "plan":  # chapters instead of tracks; boxes and the annex are not rendered
        return Spec(key=f"{guide['region']}-{guide['id']}", title=zh(guide["title"]), year=int(guide["year"]),
                    region=guide["region"], region_zh=region["zh"], province=region.get("kind") == "province",
                    issuer=zh(guide["issuer"]), doc_number=None, window=None,
                    published=zh(guide.get("published_text")) or None, intro=[], sections=[], contacts=[], tracks=[],
                    plan={"preface": blocks((guide.get("preface") or {}).get("body")),
                          "chapters": [_chapter(c) for c in guide.get("chapters", [])]})
    window_text = zh((guide.get("window") or {}).get("text"))
    sections = []
    for s in guide.get("sections", []) or []:
        heading = zh(s.get("heading"))
        if any(w in heading for w in _OWN_SECTIONS):
            continue
        body = [b for b in blocks(s.get("body")) if b[1] != window_text]
        for sub in s.get("sections", []) or []:
            body += [("p", zh(sub.get("heading")) + "：")] + blocks(sub.get("body"))
        if body:
            sections.append((heading, body))
    tracks = []
    for tr in guide.get("tracks", []):
        topics = [Topic(number=str(t["number"]), title=zh(t["title"]), content=blocks(t.get("content")),
                        deliverables=blocks(t.get("deliverables")), funding=_money(t.get("funding")),
                        duration=_time(t.get("duration")),
                        contacts=[c for c in map(_contact, t.get("contacts", []) or []) if c])
                  for t in tr["topics"]]
        tracks.append(Track(name=zh(tr["name"]), topics=topics, funding=_money(tr.get("funding")),
                            duration=_time(tr.get("duration"))))
    win = guide.get("window")
    return Spec(key=f"{guide['region']}-{guide['id']}", title=zh(guide["title"]), year=int(guide["year"]),
                region=guide["region"], region_zh=region["zh"], province=region.get("kind") == "province",
                issuer=zh(guide["issuer"]), doc_number=guide.get("doc_number"),
                window={"opens": str(win["opens"]), "closes": str(win["closes"])} if win else None,
                published=str(guide["published"]) if guide.get("published") else None,
                intro=[b[1] for b in blocks(guide.get("intro"))], sections=sections,
                contacts=[c for c in map(_contact, guide.get("contacts", []) or []) if c], tracks=tracks)


def load(content: Path, synthetic: int = 0) -> list[Spec]:
    """Every guide in `content` (calls and plans), in file order, then `synthetic` made-up calls
    (synthetic.py) in regions of regions.yml."""
    from .synthetic import guide

    regions = {r["slug"]: r for r in read_yaml(content / "regions.yml", display="regions.yml").data
               if isinstance(r, dict)}
    out = []
    for path in sorted((content / "guides").glob("*/*.yml")):
        data = read_yaml(path, display=str(path)).data
        if isinstance(data, dict) and (data.get("tracks") or data.get("chapters")):
            out.append(spec(data, regions))
    return out + [guide(n, list(regions.values())) for n in range(1, synthetic + 1)]
