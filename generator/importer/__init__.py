"""`make import`: a bureau's guide file (.docx, .doc, .pdf, .html, .txt, .md) → a reviewed YAML draft.

The pipeline is read → clean → segment → (draft, fields) → write, one module each. It shares the
schema (generator/schema/guide.schema.json), slugs (generator/slugs.py) and YAML reading
(generator/loader.py) with the generator, and imports nothing from the page renderers. The draft
passes `make check` as written; what the importer is unsure of carries `# 待核对 review: …` comments,
and the report maps every field to the source lines it came from and lists the lines it could not place.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..loader import read_yaml
from ..slugs import slugify
from . import draft as D
from . import fields as F
from . import patterns as P
from .clean import Line, clean_document, from_text
from .document import Document
from .read import ImportFailure, flatten, read
from .segment import segment
from .write import Writes, dump

__all__ = ["ImportFailure", "Imported", "import_guide", "convert", "convert_document"]

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Imported:
    guide: dict
    yaml: str
    source_text: str
    region_added: dict | None
    guide_path: Path
    source_path: Path
    review: dict[tuple, list[str]]
    placed: list[tuple[str, list[int]]]
    unplaced: list[Line]
    notes: list[str] = field(default_factory=list)
    body_lines: set[int] = field(default_factory=set)  # every non-empty line of the body in the source text
    placed_lines: set[int] = field(default_factory=set)  # those some field, section or heading took
    furniture: int = 0  # nodes the readers marked as page furniture (running heads, page numbers, navigation)

    def report(self, full: bool = False) -> str:
        lines = [f"{len(self.review)} field(s) marked “待核对 review” in the YAML"]
        if self.region_added:
            r = self.region_added
            lines.append(f"added region {r['slug']} ({r['zh']}, {r['en']}, {r['kind']}) to regions.yml: check its English name")
        lines += [f"note: {n}" for n in self.notes]
        topics = sum(len(t["topics"]) for t in self.guide.get("tracks", []))
        chapters = len(self.guide.get("chapters", []))
        lines.append(f"{topics} topics in {len(self.guide.get('tracks', []))} tracks" if not chapters
                     else f"{chapters} chapters")
        for path, messages in self.review.items():
            lines.append(f"  review {D._path_text(path)}: {'；'.join(messages)}")
        if full:
            lines.append("fields and the source lines they came from:")
            for path, nos in self.placed:
                lines.append(f"  {path} ← line {_ranges(nos)}")
        if self.furniture:
            lines.append(f"{self.furniture} line(s) of page furniture (running heads, page numbers, navigation) left out")
        lines.append(f"{len(self.placed_lines)} of {len(self.body_lines)} source line(s) placed; "
                     f"{len(self.unplaced)} source line(s) not placed in any field" + (":" if self.unplaced else ""))
        for line in self.unplaced[: None if full else 20]:
            lines.append(f"  line {line.no}: {line.text[:80]}")
        if not full and len(self.unplaced) > 20:
            lines.append(f"  … {len(self.unplaced) - 20} more (see the full report)")
        return "\n".join(lines)


def _ranges(nos: list[int]) -> str:
    out, start, prev = [], None, None
    for n in nos:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
            start = prev = n
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ", ".join(out)


def convert(text: str, content: Path, *, region: str = "", year: str = "", guide_id: str = "",
            url: str = "", today: str | None = None, page_starts: list[int] | None = None,
            source_name: str = "", fmt: str = "txt") -> Imported:
    """Raw guide text (one printed line or paragraph a line) → Imported (nothing written)."""
    return convert_document(from_text(text, fmt, page_starts), content, source_text=text, region=region, year=year,
                            guide_id=guide_id, url=url, today=today, source_name=source_name)


def convert_document(doc: Document, content: Path, *, source_text: str | None = None, region: str = "",
                     year: str = "", guide_id: str = "", url: str = "", today: str | None = None,
                     source_name: str = "") -> Imported:
    """A read Document → Imported (nothing written). Raises ImportFailure for what cannot become a draft.

    `source_text` is the text saved to content/sources/ that line numbers refer to; by default the
    Document's own rendering (Document.source_text()), which numbers its nodes.
    """
    today = today or dt.date.today().isoformat()
    text = source_text if source_text is not None else doc.source_text()
    lines = clean_document(doc)
    if not any(l.text for l in lines):
        raise ImportFailure("no text found; check the file holds the guide itself")
    tags = _read_list(content / "tags.yml")
    regions = _read_list(content / "regions.yml")
    # a plan (规划) is chapters under a title naming a plan; a guide may number its parts 第X章 and quote a 规划
    named = [l.text for l in lines[:20] if not l.is_row and len(l.text) <= 60 and re.search(r"规划|指南|通知", l.text)]
    is_plan = sum(1 for l in lines if P.CHAPTER.match(l.text) and not l.is_row) >= 3 and any(
        "规划" in t for t in named) and not any("指南" in t for t in named)
    struct = segment(lines) if not is_plan else None
    from .plan import find_plan_title, plan as build_plan

    title_line = find_plan_title(lines) if is_plan else struct.title_line
    title = title_line.text if title_line is not None else ""
    title_review: list[str] = []
    if not is_plan:
        D.join_title_start(struct)
        D.join_title_end(struct)
        title_line = struct.title_line
        title, title_review = D.title_of(struct)
        hints = [re.sub(r"\s+", "", h) for p in doc.parts for h in p.title_hints if h.strip()]
        named = [h for h in hints if P.is_title_line(h) or "指南" in h]
        if named and not (P.is_title_line(title) or "指南" in title):  # the page's <h1>/<title> outside the body
            title = D.title_of_text(named[0])[0]
            title_review = [f"标题取自正文之外（网页的 <h1>/<title> 或文件属性）：“{named[0]}”，请核对"]
            title_line = None
    if not title:
        raise ImportFailure("no title found (a line naming the 申报指南); check this is a guide")
    full_text = "\n".join(l.text for l in lines)
    region_entry, added, region_review = _region(region, title, full_text, regions, _issuer_names(lines))
    year_text = year or _year(title) or _year(full_text[:400])
    if not year_text or not re.fullmatch(r"\d{4}", year_text) or not 1949 <= int(year_text) <= 2100:
        raise ImportFailure("cannot tell the year from the title; pass YEAR=2024 (--year)")
    guide_id = guide_id or f"{year_text}-{_title_slug(title, region_entry, year_text)}"
    if not _SLUG.match(guide_id) or len(guide_id) > 64:
        raise ImportFailure(f"the guide id {guide_id!r} must be lowercase ASCII letters, digits and hyphens "
                            "(it is taken from the --output file name)")
    source_name = source_name or f"{region_entry['slug']}-{guide_id}.txt"
    draft = D.Draft({})
    guide: dict = {"id": guide_id, "kind": "plan" if is_plan else "call", "region": region_entry["slug"],
                   "year": int(year_text), "title": title}
    draft.came_from(("title",), [title_line.no, *title_line.joined] if title_line else [])
    for m in title_review:
        draft.note(("title",), m)
    if title_line is not None and title_line.joined:
        draft.note(("title",), "标题在原文中分几行印出，已连成一行，请核对")
    if region_review:
        draft.note(("region",), region_review)
    front = struct.front + struct.tail if struct else lines[:12]
    issuer, issuer_line = _issuer(front + [title_line] * (title_line is not None), region_entry, full_text, lines)
    guide["issuer"] = issuer
    if issuer_line is None:
        draft.note(("issuer",), "原文未写明发布单位；这是按地区推断的，请核对")
    else:
        draft.came_from(("issuer",), [issuer_line])
        draft.note(("issuer",), f"发布单位取自原文第 {issuer_line} 行（发文机关或落款），请核对")
    head = front + (lines[:15] if struct else [])
    for l in head:
        m = P.DOC_NUMBER.search(l.text)
        if m:
            guide["doc_number"] = re.sub(r"\s+", "", m.group(0))
            draft.came_from(("doc_number",), [l.no])
            l.used = True
            break
    for l in (struct.tail if struct else lines[:12]):
        if P.DATE_LINE.match(l.text):
            d = F.date(l.text)
            if d:
                guide["published"] = d
            else:
                guide["published_text"] = l.text.strip()
            draft.came_from(("published",), [l.no])
            l.used = True
    guide["updated"] = today
    guide["source"] = {"file": f"sources/{source_name}"}
    if url:
        if not re.match(r"^https?://[^\s<>\"]+$", url):
            raise ImportFailure(f"--url {url!r} is not a web address (http:// or https://)")
        guide["source"]["url"] = url
    if is_plan:
        build_plan(lines, title_line, guide, draft)
    else:
        if not struct.root.all_topics() and not struct.records:
            raise ImportFailure("no recognisable topic (项目1：, 方向一、, 课题1, 1. with 研究内容：, or a table with "
                                "题目); check it is a guide, or type it by hand with make new")
        D.call(struct, tags, draft, guide)
    for l in (struct.front + struct.tail if struct else []):
        if P.SIGN_OFF.match(l.text) or P.ORG_LINE.match(l.text) or P.ANNEX.match(l.text) or l is title_line:
            l.used = True
    if title_line is not None:
        title_line.used = True
    order = ["id", "kind", "region", "year", "title", "issuer", "doc_number", "published", "published_text", "updated",
             "source", "window", "intro", "sections", "contacts", "themes", "tracks", "preface", "chapters", "annex"]
    guide = {k: guide[k] for k in order if k in guide} | {k: v for k, v in guide.items() if k not in order}
    joined = {n for l in lines for n in l.joined}
    unplaced = [l for l in lines if not l.used and l.no not in joined]
    unplaced_nos = {n for l in unplaced for n in [l.no, *l.joined]}
    body_lines = _body_lines(doc, text)
    placed_lines = ({n for _, nos in draft.placed for n in nos}
                    | {n for l in lines if l.used for n in [l.no, *l.joined]}) - unplaced_nos
    header = ["# yaml-language-server: $schema=../../../generator/schema/guide.schema.json",
              "# 由 make import 生成的草稿：请核对每条“# 待核对 review”注释，英文（en:）留给审阅者补上。",
              "# Draft made by make import: check every “# 待核对 review” comment; English (en:) is left for the reviewer."]
    text_yaml = dump(guide, draft.review, header)
    return Imported(guide, text_yaml, text, added, Path(), Path(), draft.review, draft.placed, unplaced,
                    body_lines=body_lines, placed_lines=placed_lines,
                    furniture=sum(1 for p in doc.parts for n in p.nodes if n.layer != "body"))


def _body_lines(doc: Document, text: str) -> set[int]:
    """The source text's lines that hold a body node's text (furniture and blank lines left out)."""
    src = text.split("\n")
    out = set()
    for node in doc.nodes():
        for n in range(node.line, max(node.line, node.end_line) + 1):
            if 0 < n <= len(src) and src[n - 1].strip():
                out.add(n)
    return out


def import_guide(source: Path | list[Path], content: Path, *, region: str = "", year: str = "", output: Path | None = None,
                 url: str = "", ocr: bool = False, today: str | None = None) -> Imported:
    """Read `source`, make the draft, and write it (and the raw text, and a new region) under `content`."""
    # Every format but PDF goes on as the Document it was read into (cells, spans and paragraph boundaries as
    # the reader found them; TEAM.md's seam). A PDF still goes through its printed lines (read.flatten): the
    # clean step finds running heads and page breaks there, and reads the PDF Document less well so far.
    extracted = read(source if isinstance(source, list) else [source], ocr=ocr)
    if any(part.fmt in ("pdf", "ocr") for part in extracted.parts):
        extracted = flatten(extracted)
    guide_id = ""
    if output is not None:
        guide_id = output.stem
        if output.suffix not in (".yml", ".yaml"):
            raise ImportFailure(f"--output {output} must end in .yml")
    if isinstance(extracted, Document):
        imported = convert_document(extracted, content, region=region, year=year, guide_id=guide_id, url=url,
                                    today=today)
        imported.notes += [n for p in extracted.parts for n in p.notes]
    else:
        imported = convert(extracted.text, content, region=region, year=year, guide_id=guide_id, url=url, today=today,
                           page_starts=extracted.page_starts, fmt=extracted.fmt)
        imported.notes += extracted.notes
    region_slug = imported.guide["region"]
    guide_path = output if output is not None else content / "guides" / region_slug / f"{imported.guide['id']}.yml"
    if output is not None:
        rel = os.path.relpath(Path(__file__).resolve().parents[1] / "schema" / "guide.schema.json",
                              guide_path.resolve().parent)
        imported.yaml = imported.yaml.replace("../../../generator/schema/guide.schema.json", rel, 1)
    source_path = content / imported.guide["source"]["file"]
    for path in (guide_path, source_path):
        if path.exists():
            raise ImportFailure(f"{path} already exists and is never overwritten; remove it or pass --output NEW.yml")
    imported.guide_path, imported.source_path = guide_path, source_path
    problems = check_draft(imported, content, imported.source_text)
    if problems:
        raise ImportFailure("the draft would not pass make check, so nothing is written: " + "; ".join(problems[:5])
                            + " — fill these in by hand with make new, or report the file")
    writes = Writes()
    try:
        text = imported.source_text if imported.source_text.endswith("\n") else imported.source_text + "\n"
        writes.create(source_path, text)
        writes.create(guide_path, imported.yaml)
        if imported.region_added:
            r = imported.region_added
            writes.append(content / "regions.yml",
                          f"- slug: {r['slug']}\n  zh: {r['zh']}\n  en: {r['en']}\n  kind: {r['kind']}\n")
    except BaseException:
        writes.undo()
        raise
    return imported


def check_draft(imported: Imported, content: Path, source_text: str) -> list[str]:
    """What `make check` would say of the draft, run in-process before anything is written: the draft,
    its source and the regions and tags are copied to a scratch content folder and checked there."""
    import shutil
    import tempfile

    from ..validate import load_content

    g = imported.guide
    with tempfile.TemporaryDirectory(prefix="atlas-import-") as tmp:
        scratch = Path(tmp)
        regions = (content / "regions.yml").read_text(encoding="utf-8")
        if imported.region_added:
            r = imported.region_added
            regions += f"- slug: {r['slug']}\n  zh: {r['zh']}\n  en: {r['en']}\n  kind: {r['kind']}\n"
        (scratch / "regions.yml").write_text(regions, encoding="utf-8")
        shutil.copyfile(content / "tags.yml", scratch / "tags.yml")
        draft = scratch / "guides" / g["region"] / f"{g['id']}.yml"
        draft.parent.mkdir(parents=True)
        draft.write_text(imported.yaml, encoding="utf-8")
        source = scratch / g["source"]["file"]
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(source_text if source_text.strip() else "-\n", encoding="utf-8")
        _, errors = load_content(scratch)
    return [f"{e.line}: {e.message}" if hasattr(e, "line") else str(e) for e in errors]


def _read_list(path: Path) -> list[dict]:
    data = read_yaml(path, display=str(path)).data
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def _year(text: str) -> str | None:
    m = re.search(r"(20\d{2}|19\d{2})\s*(?:年度|年)", text)
    return m.group(1) if m else None


def _region(arg: str, title: str, text: str, regions: list[dict], issuers: list[str] = ()) -> tuple[dict, dict | None, str]:
    """REGION as a slug or Chinese name, or the region the title names, or else the one the issuer's name
    names (`issuers`, in reading order); a new one is made if needed."""
    by_slug = {r["slug"]: r for r in regions}
    by_zh = {r["zh"]: r for r in regions}
    if arg:
        if arg in by_slug:
            return by_slug[arg], None, ""
        zh = re.sub(r"(省|市|自治区)$", "", arg)
        if zh in by_zh:
            return by_zh[zh], None, ""
        if not re.search(r"[\u4e00-\u9fff]", arg):
            raise ImportFailure(f"unknown region {arg!r}: give a slug from content/regions.yml or the Chinese name (宜昌)")
        kind = "province" if re.search(re.escape(zh) + r"省", text) else "city"
        return _new_region(zh, kind, regions)
    found = _named_region(title, regions)
    if found:
        return found, None, ""
    m = re.search(r"([\u4e00-\u9fff]{2,4}?)(省|自治区|市)", re.sub(r"^\d{4}\s*年度?", "", title))
    if m:
        kind = "province" if m.group(2) in ("省", "自治区") else "city"
        return _new_region(m.group(1), kind, regions)
    for org in issuers:  # the title names no place: the issuing body does (湖北省科学技术厅, 宜昌市科学技术局)
        found = _named_region(org, regions)
        if found:
            return found, None, f"标题没写地区，地区取自发布单位“{org}”，请核对"
        m = re.match(r"^([\u4e00-\u9fff]{2,4}?)(省|自治区|市)", org)
        if m:
            entry, added, note = _new_region(m.group(1), "province" if m.group(2) != "市" else "city", regions)
            return entry, added, f"标题没写地区，地区取自发布单位“{org}”；{note}"
    raise ImportFailure("cannot tell the region from the title or the issuer; pass REGION=slug or REGION=宜昌 (--region)")


def _named_region(text: str, regions: list[dict]) -> dict | None:
    """The region of regions.yml that `text` names first (the longer name where two start together)."""
    found = sorted((r for r in regions if r["zh"] in text), key=lambda r: (text.index(r["zh"]), -len(r["zh"])))
    return found[0] if found else None


def _issuer_names(lines: list[Line]) -> list[str]:
    """Names of issuing bodies printed in the document: the banner (某某局文件), a line naming a body alone
    (the signature), or a notice title's 某某局关于…, in reading order."""
    out = []
    for l in lines:
        t = re.sub(r"\s+", "", l.text)
        m = re.match(r"^([\u4e00-\u9fff（）()、]{2,40}?(?:委员会|局|厅|人民政府|政府|办公室|办公厅|委))(?:文件|关于|$)", t)
        if m and not l.is_row and len(t) <= 60:
            out.append(m.group(1))
    return out


def _new_region(zh: str, kind: str, regions: list[dict]) -> tuple[dict, dict, str]:
    slug = slugify(zh, 40).replace("-", "")
    taken = {r["slug"] for r in regions}
    base, n = slug, 2
    while slug in taken:
        slug, n = f"{base}{n}", n + 1
    entry = {"slug": slug, "zh": zh, "en": slug.capitalize(), "kind": kind}
    return entry, entry, f"新地区 {zh}（{slug}）已加入 content/regions.yml，请核对英文名 {entry['en']} 和类别 {kind}"


def _title_slug(title: str, region: dict, year: str) -> str:
    core = title
    for word in (year, "年度", "年", region["zh"] + "省", region["zh"] + "市", region["zh"], "申报指南", "指南",
                 "的通知", "项目"):
        core = core.replace(word, "", 1) if word in ("年度", "年") else core.replace(word, "")
    core = re.sub(r"[“”\"'《》（）()、，\s]", "", core)
    return slugify(core or "zhinan", 28)


def _issuer(front: list[Line], region: dict, text: str, every: list[Line] = ()) -> tuple[str, int | None]:
    """The issuing body: a line naming it alone (the signature), the banner (某某局文件), or the notice's
    title before 关于; otherwise the region's usual bureau (marked as inferred)."""
    for l in front:
        if P.ORG_LINE.match(l.text.strip()) and len(l.text) <= 30:
            l.used = True
            return l.text.strip(), l.no
    for l in front:
        m = re.match(r"^([\u4e00-\u9fff（）()、\s]{2,40}?(?:委员会|局|厅|人民政府|政府|办公室|办公厅|科协|协会|学会|联合会|社科联))\s*(?:文件|关于)", l.text.strip())
        if m:
            if l.text.strip().endswith("文件"):
                l.used = True
            return re.sub(r"\s+", "", m.group(1)), l.no
    for a, b in zip(every, every[1:]):  # the signature wherever the outline put it: a body's name alone, then the date
        if not a.is_row and P.ORG_LINE.match(a.text.strip()) and len(a.text.strip()) <= 30 and P.DATE_LINE.match(b.text):
            return a.text.strip(), a.no
    suffix = "省科学技术厅" if region.get("kind") == "province" else "市科学技术局"
    return region["zh"] + suffix, None
