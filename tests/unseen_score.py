"""Score `make import` on publications in shapes the atlas's own content does not have (tests/fixtures/unseen/).

Each folder there holds the file(s) a bureau would publish and `truth.yml`, what a careful human puts in
the draft. Every fixture is imported through the public entry point (generator.importer.import_guide)
into a scratch content folder, the draft is checked as `make check` would, and these fields are compared:

- guide: title (or one of title_also), year, region (its Chinese name), issuer, doc_number (an empty truth means the draft
  must not invent one), window opens and closes, each guide-level phone number;
- per topic (aligned as eval-import aligns them: in source order, or by number and title when the counts differ): number as written, title,
  the first 30 characters of the research content (summary + content; null means the topic has none),
  deliverables present or not, funding amount and kind and duration in months (the topic's own, else its
  track's, else the guide's: what a reader of the topic is told), each phone, and each `keeps` text
  found somewhere in the topic (nothing dropped). A truth topic with no imported topic loses all its
  fields; an imported topic with no truth topic costs one field.

Text is compared with white space removed and nothing else forgiven. Run it alone for the table:
`make eval-import-real [VERBOSE=1]` (or `.venv/bin/python tests/unseen_score.py [-v]`).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script (make eval-import-real)
    sys.path.insert(0, str(ROOT))

from generator.importer.evaluate.score import align, flat  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "unseen"
TODAY = "2026-12-04"


@dataclass
class Result:
    name: str
    right: int = 0
    total: int = 0
    error: str = ""  # the importer's message when it refused the file
    check_errors: list[str] = field(default_factory=list)  # what make check says of the draft
    dropped: list[str] = field(default_factory=list)  # source text in neither the draft nor the report's "not placed"
    misses: list[str] = field(default_factory=list)

    def same(self, where: str, truth, got) -> None:
        self.total += 1
        if truth == got:
            self.right += 1
        else:
            self.misses.append(f"{where}: want {truth!r}, got {got!r}")

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


def fixtures() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if (p / "truth.yml").is_file())


def _squash(v):
    if isinstance(v, dict):
        v = v.get("zh")
    return re.sub(r"\s+", "", v) if isinstance(v, str) else v


def _flat(blocks) -> list[str]:
    return [_squash(x) or "" for x in flat(blocks)]


def _phones(contacts) -> set[str]:
    return {re.sub(r"\s+", "", c["phone"]) for c in contacts or [] if isinstance(c, dict) and c.get("phone")}


def _number(n) -> str | None:
    return re.sub(r"[\s.．、:：]+$", "", str(n)).strip() if n is not None else None


def _dump(v) -> str:
    return re.sub(r"\s+", "", yaml.safe_dump(v, allow_unicode=True, width=10**6))


def import_fixture(folder: Path, content: Path):
    """The Imported of a fixture's files under `content` (a scratch copy), or raise ImportFailure."""
    from generator.importer import import_guide

    truth = yaml.safe_load((folder / "truth.yml").read_text(encoding="utf-8"))
    files = [folder / f for f in truth["files"]]
    args = truth.get("args") or {}
    source = files[0] if len(files) == 1 else files
    return truth, import_guide(source, content, region=args.get("region", ""), year=str(args.get("year", "")),
                               today=TODAY)


def score_fixture(folder: Path) -> Result:
    from generator.importer import ImportFailure
    from generator.validate import load_content

    res = Result(folder.name)
    truth = yaml.safe_load((folder / "truth.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="atlas-unseen-") as tmp:
        content = Path(tmp) / "content"
        (content / "guides").mkdir(parents=True)
        for name in ("regions.yml", "tags.yml"):
            shutil.copyfile(ROOT / "content" / name, content / name)
        try:
            _, imported = import_fixture(folder, content)
        except ImportFailure as e:
            res.error = str(e)
        except Exception as e:  # a traceback is a failure of its own; score it, and say so
            res.error = f"{type(e).__name__}: {e}"
        else:
            _, errors = load_content(content)
            res.check_errors = [getattr(e, "message", str(e)) for e in errors]
            regions = {r["slug"]: r["zh"] for r in yaml.safe_load((content / "regions.yml").read_text(encoding="utf-8"))}
            _compare(res, truth, imported.guide, regions)
            res.dropped = dropped(imported)
    if res.error:
        res.total = _count(truth)
        res.misses = [f"not imported: {res.error}"]
    return res


_MARKER = re.compile(r"^(?:[（(【\[][^）)】\]]{1,8}[）)】\]]|\d{1,3}(?:\.\d{1,3})+|[一二三四五六七八九十\d]{1,3}[、.．:：]|[①-⑳]"
                     r"|附件\d*|[-*#|>]+)")
_DATE_ONLY = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_PHONE = re.compile(r"(\d{3,4}-\d{7,8})")


def dropped(imported) -> list[str]:
    """Source text that is in no field of the draft and not in the report's "not placed" list: what the
    importer lost silently. Each body line is split into its cells and paragraphs; a piece counts as kept
    when the first ten characters of each of its parts are somewhere in the draft: the parts are the text
    after its numbering marker, split at commas, semicolons and colons and around a phone number (a label
    naming a field need not be kept: the field says it). A date alone and a table header naming a field count as kept."""
    from generator.importer import labels as L

    reported = {n for l in imported.unplaced for n in [l.no, *l.joined]}
    text = re.sub(r"[\s（）()]+", "", imported.yaml)
    title = re.sub(r"[\s（）()]+", "", _squash(imported.guide.get("title")) or "") or None
    src = imported.source_text.split("\n")
    lost = []
    for n in sorted(imported.body_lines):
        if n in reported or not 0 < n <= len(src):
            continue
        for piece in re.split(r"\t|<p>|\||\s/\s", src[n - 1]):  # cells, and a cell's paragraphs (<p>; " / " in Document.source_text)
            piece = _MARKER.sub("", re.sub(r"\s+", "", piece))
            if L.column(piece):
                continue
            piece = re.sub(r"[（）()]+", "", piece)
            if len(piece) < 4 or _DATE_ONLY.match(piece) or (title and title in piece):
                continue  # a notice title whose wrapper (issuer, 关于发布…的通知) the draft's title leaves out
            parts = [x for clause in re.split(r"[，,；;：:]", piece) for x in _PHONE.split(clause)]
            parts = [x for x in parts if len(x) >= 2 and not (len(x) <= 8 and L.kind(x))]
            if not all(x[:10] in text for x in parts):
                lost.append(f"line {n}: {piece[:40]}")
                break
    return lost


def _count(truth: dict) -> int:
    """The number of fields a fixture scores (all wrong when the file is refused)."""
    r = Result("")
    _compare(r, truth, {}, {})
    return r.total


def _compare(res: Result, truth: dict, g: dict, regions: dict) -> None:
    title = _squash(g.get("title"))
    accepted = [_squash(t) for t in [truth["title"], *(truth.get("title_also") or [])]]
    res.same("title", accepted[0], accepted[accepted.index(title)] if title in accepted else title)
    res.same("year", truth["year"], g.get("year"))
    if truth.get("region"):
        res.same("region", truth["region"], regions.get(g.get("region")))
    if truth.get("issuer"):
        res.same("issuer", _squash(truth["issuer"]), _squash(g.get("issuer")))
    res.same("doc_number", truth.get("doc_number"), g.get("doc_number"))
    tw, gw = truth.get("window") or {}, g.get("window") or {}
    for k in ("opens", "closes"):
        res.same(f"window.{k}", tw.get(k), gw.get(k))
    guide_phones = _phones(g.get("contacts"))
    for p in truth.get("contacts") or []:
        res.same(f"contact {p}", True, p in guide_phones)

    track_of = {id(t): tr for tr in g.get("tracks", []) or [] for t in tr.get("topics", [])}
    gtopics = [t for tr in g.get("tracks", []) or [] for t in tr.get("topics", [])]
    for tt, it in align(truth["topics"], gtopics, title=lambda t: t["title"]):
        where = f"topic {tt['number'] if tt else '+'}"
        if tt is None:
            res.same(f"extra topic {it.get('number')} {_squash(it.get('title'))}", None, "present")
            continue
        it = it or {}
        track = track_of.get(id(it), {})
        res.same(where + " number", _number(tt["number"]), _number(it.get("number")))
        res.same(where + " title", _squash(tt["title"]), _squash(it.get("title")))
        text = "".join(_flat(it.get("summary")) + _flat(it.get("content")))
        want = _squash(tt.get("content"))
        res.same(where + " content", want, (text[: len(want)] if want else (text[:30] or None)))
        res.same(where + " deliverables", bool(tt.get("deliverables")), bool(it.get("deliverables")))
        funding = it.get("funding") or track.get("funding") or g.get("funding") or {}
        if tt.get("funding"):
            res.same(where + " funding.amount", tt["funding"]["amount"], funding.get("amount"))
            res.same(where + " funding.kind", tt["funding"]["kind"], funding.get("kind"))
        duration = it.get("duration") or track.get("duration") or g.get("duration") or {}
        if tt.get("months"):
            res.same(where + " months", tt["months"], duration.get("months"))
        phones = _phones(it.get("contacts")) | _phones(track.get("contacts"))
        for p in tt.get("phones") or []:
            res.same(f"{where} phone {p}", True, p in phones)
        dump = _dump(it)
        for k in tt.get("keeps") or []:
            res.same(f"{where} keeps {k}", True, _squash(k) in dump)


def score_all() -> list[Result]:
    return [score_fixture(f) for f in fixtures()]


def table(results: list[Result], verbose: bool = False) -> str:
    lines = [f"{'fixture':34} {'right':>5} {'of':>4} {'share':>6} {'lost':>4}  note"]
    for r in results:
        note = f"refused: {r.error[:70]}" if r.error else (f"make check: {r.check_errors[0][:60]}" if r.check_errors else "")
        lost = "" if r.error else len(r.dropped)
        lines.append(f"{r.name:34} {r.right:5d} {r.total:4d} {r.share:6.0%} {lost:>4}  {note}")
        if verbose:
            lines += [f"    {m}" for m in r.misses] + [f"    lost silently: {d}" for d in r.dropped]
    right, total = sum(r.right for r in results), sum(r.total for r in results)
    imported = sum(1 for r in results if not r.error)
    passing = sum(1 for r in results if not r.error and not r.check_errors)
    lost = sum(len(r.dropped) for r in results)
    lines.append(f"{'all (real-shape set)':34} {right:5d} {total:4d} {right / total if total else 0:6.0%} {lost:>4}  "
                 f"{imported}/{len(results)} imported, {passing}/{imported} of their drafts pass make check")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    print(table(score_all(), verbose="-v" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
