"""Score: import a variant's files through the importer's public entry point and count the fields right.

`evaluate(files, expected, scratch)` runs `generator.importer.import_guide` in-process into a scratch
copy of content/ (regions and tags only), checks the draft the way `make check` does (load_site on
that folder), and compares the draft with the variant's `Expected` field by field:

- the guide: title, year, region, issuer (when printed), document number, window opens / closes, and
  its contacts (office, person, phone);
- plans (compare_plan): title, year, region, issuer, the preface, and each chapter, section and
  sub-section by position: number, title, body;
- per topic (paired with the import's by position when the counts agree, else by number and title):
  number as printed, title, research content and deliverables (each the whole list of paragraphs and
  list items, equal after whitespace and width normalisation and without list markers), funding
  amount and kind, duration (months, or start and end), contacts (office, person, phone) — funding
  and duration are the topic's own or else its track's, wherever the document gave them.

A fact on one side only counts as wrong. An import that fails counts every expected field wrong.
"""

from __future__ import annotations

import re
import shutil
import signal
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .layouts import Expected

ROOT = Path(__file__).resolve().parents[3]


class Score:
    """Fields right of fields compared, with the misses named (shared with tests/import_score.py)."""

    def __init__(self):
        self.right = 0
        self.total = 0
        self.misses: list[str] = []
        self.by_field: Counter = Counter()  # field kind → compared
        self.wrong_by_field: Counter = Counter()  # field kind → wrong

    def same(self, where: str, a, b, kind: str = "") -> None:
        if a is None and b is None:
            return
        self.total += 1
        self.by_field[kind or where] += 1
        if a == b:
            self.right += 1
        else:
            self.wrong_by_field[kind or where] += 1
            self.misses.append(f"{where}: expected {a!r} ≠ imported {b!r}")

    def items(self, where: str, a: list[str], b: list[str]) -> None:
        n = max(len(a), len(b))
        if not n:
            return
        common = sum((Counter(a) & Counter(b)).values())
        self.total += n
        self.right += common
        for x in (Counter(a) - Counter(b)).elements():
            self.misses.append(f"{where}: missing {x[:60]!r}")

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


def zh(v):
    return v.get("zh") if isinstance(v, dict) else v


def flat(blocks) -> list[str]:
    out = []
    for b in blocks or []:
        if isinstance(b, dict) and "list" in b:
            out.extend(zh(x) for x in b["list"])
        elif isinstance(b, dict) and "box" in b:
            continue
        else:
            out.append(zh(b))
    return out


def align(a: list[dict], b: list[dict], title=lambda t: zh(t["title"])):
    """Pairs of topics in source order: by position when the counts agree, else by number and title."""
    if len(a) == len(b):
        return list(zip(a, b))
    pairs, used = [], set()
    for ct in a:
        best, best_score = None, 0.0
        for j, it in enumerate(b):
            if j in used:
                continue
            sc = (norm(ct.get("number")) == norm(it.get("number"))) + SequenceMatcher(
                None, title(ct) or "", zh(it.get("title")) or "").ratio()
            if sc > best_score:
                best, best_score = j, sc
        if best is not None and best_score >= 1.0:
            used.add(best)
            pairs.append((ct, b[best]))
        else:
            pairs.append((ct, None))
    pairs += [(None, b[j]) for j in range(len(b)) if j not in used]
    return pairs


_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII → ASCII


def norm(text) -> str | None:
    """Text compared: full-width letters, digits and punctuation folded to half-width, every space
    removed. Nothing else: ① stays ①, （一） stays a bracketed 一."""
    if text is None:
        return None
    return re.sub(r"\s+", "", str(zh(text)).translate(_HALF))


_ITEM_MARK = re.compile(r"^(?:\((?:\d{1,3}|[一二三四五六七八九十]{1,3})\)|\d{1,3}(?:\.\d{1,3})+(?=\D)|\d{1,3}[.、)]|"
                        r"[①-⑳㉑-㉟㊱-㊿]|[一二三四五六七八九十]{1,3}、)")  # a list item's marker, not its text


def _paras(items: list[str]) -> list[str]:
    return [_ITEM_MARK.sub("", norm(x) or "", count=1) for x in items if norm(x)]


def _money(f: dict | None) -> tuple:
    if not f:
        return None, None
    amount = f.get("amount")
    return (float(amount) if amount is not None else None), f.get("kind")


def _time(d: dict | None, keys: tuple[str, ...]) -> dict | None:
    if not d:
        return None
    return {k: (str(d.get(k)) if k in ("start", "end") and d.get(k) else d.get(k)) for k in keys}


def _contacts(s: Score, where: str, kind: str, a: list[dict], b: list[dict]) -> None:
    for n in range(max(len(a), len(b))):
        ca = a[n] if n < len(a) else {}
        cb = b[n] if n < len(b) else {}
        for k in ("office", "person", "phone"):
            va, vb = norm(ca.get(k)), norm(cb.get(k))
            if k in ca or vb is not None:
                s.same(f"{where}[{n}].{k}", va, vb, f"{kind}.{k}")


def compare(expected: Expected, guide: dict) -> Score:
    s = Score()
    s.same("title", norm(expected.title), norm(guide.get("title")), "title")
    s.same("year", expected.year, guide.get("year"), "year")
    s.same("region", expected.region, guide.get("region"), "region")
    if expected.issuer is not None:
        s.same("issuer", norm(expected.issuer), norm(guide.get("issuer")), "issuer")
    s.same("doc_number", norm(expected.doc_number), norm(guide.get("doc_number")), "doc_number")
    ew, iw = expected.window or {}, guide.get("window") or {}
    for k in ("opens", "closes"):
        s.same(f"window.{k}", ew.get(k), str(iw[k]) if iw.get(k) else None, f"window.{k}")
    _contacts(s, "contacts", "contacts", expected.contacts, guide.get("contacts") or [])
    imported = []
    for tr in guide.get("tracks") or []:
        for t in tr.get("topics") or []:
            imported.append({**t, "funding": t.get("funding") or tr.get("funding"),
                             "duration": t.get("duration") or tr.get("duration")})
    for et, it in align(expected.topics, imported, title=lambda t: t["title"]):
        where = f"topic {(et or it).get('number')}"
        et, it = et or {}, it or {}
        s.same(where + " number", norm(et.get("number")), norm(it.get("number")), "topic.number")
        s.same(where + " title", norm(et.get("title")), norm(it.get("title")), "topic.title")
        for f in ("content", "deliverables"):
            a = _paras(et.get(f) or [])
            b = _paras(flat(it.get("summary")) + flat(it.get(f)) if f == "content" else flat(it.get(f)))
            s.same(f"{where} {f}", a or None, b or None, f"topic.{f}")
        ea, ek = _money(et.get("funding"))
        ia, ik = _money(it.get("funding"))
        s.same(where + " funding.amount", ea, ia, "topic.funding.amount")
        s.same(where + " funding.kind", ek, ik, "topic.funding.kind")
        keys = tuple((et.get("duration") or {}).keys()) or ("months", "start", "end")
        s.same(where + " duration", _time(et.get("duration"), keys), _time(it.get("duration"), keys), "topic.duration")
        _contacts(s, where + " contacts", "topic.contacts", et.get("contacts") or [], it.get("contacts") or [])
    return s


def compare_plan(expected, guide: dict) -> Score:
    """A plan: title, year, region, issuer, the preface, and every chapter, section and sub-section by
    position (number, title, body paragraphs and list items; boxes left out)."""
    s = Score()
    s.same("title", norm(expected.title), norm(guide.get("title")), "title")
    s.same("year", expected.year, guide.get("year"), "year")
    s.same("region", expected.region, guide.get("region"), "region")
    s.same("issuer", norm(expected.issuer), norm(guide.get("issuer")), "issuer")
    s.same("preface", _paras(expected.preface) or None,
           _paras(flat((guide.get("preface") or {}).get("body"))) or None, "plan.preface")

    def walk(exp: list, imp: list, where: str, depth: int) -> None:
        kind = ("chapter", "section", "subsection")[min(depth, 2)]
        for i in range(max(len(exp), len(imp))):
            e = exp[i] if i < len(exp) else None
            m = imp[i] if i < len(imp) else {}
            at = f"{where}{kind} {i + 1}"
            s.same(at + " number", e.number if e else None, str(m["number"]) if m.get("number") else None,
                   f"plan.{kind}.number")
            s.same(at + " title", norm(e.title) if e else None, norm(m.get("title")), f"plan.{kind}.title")
            s.same(at + " body", (_paras([t for _, t in e.body]) or None) if e else None,
                   _paras(flat(m.get("body"))) or None, f"plan.{kind}.body")
            walk(e.sections if e else [], m.get("sections") or [], at + " ", depth + 1)

    walk(expected.chapters, guide.get("chapters") or [], "", 0)
    return s


@dataclass
class Result:
    score: Score
    error: str = ""
    check_error: str | None = None  # None: the draft passes make check
    unplaced: int | None = None
    review: int | None = None
    seconds: float = 0.0
    draft: dict = field(default_factory=dict)


def _scratch_content(scratch: Path) -> Path:
    content = scratch / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "guides").mkdir(parents=True)
    for name in ("regions.yml", "tags.yml"):
        shutil.copy(ROOT / "content" / name, content / name)
    return content


def _compare(expected, guide: dict) -> Score:
    return compare_plan(expected, guide) if hasattr(expected, "chapters") else compare(expected, guide)


def run_import(paths: list[Path], content: Path):
    """The importer's public entry point, one file or (a publication of several files) the list."""
    from .. import import_guide

    source = paths[0] if len(paths) == 1 else paths
    return import_guide(source, content, today="2026-12-01")


def check(content: Path) -> str | None:
    """`make check` on a content folder, in-process: None, or the first error."""
    from ...build import load_site
    from ...errors import ContentError, ContentErrors

    try:
        load_site(content)
    except ContentErrors as exc:
        return f"{len(exc.errors)} error(s): {exc.errors[0]}"
    except ContentError as exc:
        return str(exc)
    return None


TIME_LIMIT = 60  # seconds an import may take before it counts as failed


class TooLong(Exception):
    pass


def _too_long(signum, frame):
    raise TooLong(f"the import took over {TIME_LIMIT} s")


def evaluate(paths: list[Path], expected, scratch: Path) -> Result:
    import time

    content = _scratch_content(scratch)
    started = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _too_long)
    signal.alarm(TIME_LIMIT)
    try:
        done = run_import(paths, content)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 — any failure is the variant's result, with its message
        s = _compare(expected, {})
        s.right = 0
        return Result(s, error=f"{type(exc).__name__}: {exc}"[:300], seconds=time.perf_counter() - started)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - started
    guide = done.guide
    result = Result(_compare(expected, guide), seconds=seconds, draft=guide,
                    unplaced=len(done.unplaced) if hasattr(done, "unplaced") else None,
                    review=len(done.review) if hasattr(done, "review") else None)
    result.check_error = check(content)
    return result
