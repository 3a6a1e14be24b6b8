"""Round-trip scorer: how many fields of a curated guide an imported draft reproduces exactly.

Fields compared (the issue's list): the guide's title, document number and window; per track its
funding and duration; per topic its number, title (unless the curated title is editorial, which no
source holds), summary and content paragraphs and list items, deliverables, funding, duration and
contacts; the guide's contacts. Plans: chapter, section and sub-section titles and numbers and the
paragraphs and list items of every body. A field present on one side only counts as wrong. Text is
compared exactly.
"""

from __future__ import annotations

from generator.importer.evaluate.score import Score, align as _align, flat, zh as _zh


def score(curated: dict, imported: dict) -> Score:
    s = Score()
    s.same("title", _zh(curated.get("title")), _zh(imported.get("title")))
    s.same("doc_number", curated.get("doc_number"), imported.get("doc_number"))
    cw, iw = curated.get("window") or {}, imported.get("window") or {}
    for k in ("opens", "closes"):
        s.same(f"window.{k}", cw.get(k), iw.get(k))
    _contacts(s, "contacts", curated.get("contacts"), imported.get("contacts"))
    if curated.get("kind") == "plan":
        _plan(s, curated, imported)
        return s
    ctracks, itracks = curated.get("tracks", []), imported.get("tracks", [])
    for i, ct in enumerate(ctracks):
        it = itracks[i] if i < len(itracks) else {}
        _money_time(s, f"tracks[{i}]", ct, it)
    ctopics = [t for tr in ctracks for t in tr["topics"]]
    itopics = [t for tr in itracks for t in tr["topics"]]
    for ct, it in _align(ctopics, itopics):
        where = f"topic {ct.get('number') if ct else it.get('number')}"
        ct, it = ct or {}, it or {}
        s.same(where + " number", ct.get("number"), it.get("number"))
        if not ct.get("title_editorial"):
            s.same(where + " title", _zh(ct.get("title")), _zh(it.get("title")))
        s.items(where + " content", flat(ct.get("summary")) + flat(ct.get("content")),
                flat(it.get("summary")) + flat(it.get("content")))
        s.items(where + " deliverables", flat(ct.get("deliverables")), flat(it.get("deliverables")))
        _money_time(s, where, ct, it)
        _contacts(s, where + " contacts", ct.get("contacts"), it.get("contacts"))
    return s


def _money_time(s: Score, where: str, c: dict, i: dict) -> None:
    cf, jf = c.get("funding") or {}, i.get("funding") or {}
    for k in ("amount", "kind", "text"):
        s.same(f"{where} funding.{k}", _zh(cf.get(k)), _zh(jf.get(k)))
    cd, jd = c.get("duration") or {}, i.get("duration") or {}
    for k in ("text", "months", "start", "end"):
        s.same(f"{where} duration.{k}", _zh(cd.get(k)), _zh(jd.get(k)))


def _contacts(s: Score, where: str, a, b) -> None:
    a, b = a or [], b or []
    for n in range(max(len(a), len(b))):
        ca = a[n] if n < len(a) else {}
        cb = b[n] if n < len(b) else {}
        for k in ("role", "office", "person", "phone", "note"):
            s.same(f"{where}[{n}].{k}", _zh(ca.get(k)), _zh(cb.get(k)))


def _plan(s: Score, curated: dict, imported: dict) -> None:
    def walk(node, prefix):
        yield prefix, node
        for i, sec in enumerate(node.get("sections", []) or []):
            yield from walk(sec, f"{prefix}.{i}")

    cnodes = [x for i, c in enumerate(curated.get("chapters", [])) for x in walk(c, f"ch{i}")]
    inodes = dict(x for i, c in enumerate(imported.get("chapters", [])) for x in walk(c, f"ch{i}"))
    for where, c in cnodes:
        i = inodes.get(where, {})
        s.same(where + " number", c.get("number"), i.get("number"))
        s.same(where + " title", _zh(c.get("title")), _zh(i.get("title")))
        s.items(where + " body", flat(c.get("body")), flat(i.get("body")))
    s.items("preface", flat((curated.get("preface") or {}).get("body")), flat((imported.get("preface") or {}).get("body")))
    cboxes = [b for _, c in cnodes for b in _boxes(c)]
    iboxes = [b for i, c in enumerate(imported.get("chapters", [])) for _, n in walk(c, "") for b in _boxes(n)]
    for n in range(max(len(cboxes), len(iboxes))):
        cb = cboxes[n] if n < len(cboxes) else {}
        ib = iboxes[n] if n < len(iboxes) else {}
        where = f"box {cb.get('series')}{cb.get('number')}"
        for k in ("kind", "series", "number", "title"):
            s.same(f"{where} {k}", _zh(cb.get(k)), _zh(ib.get(k)))
        s.items(where + " body", flat(cb.get("body")), flat(ib.get("body")))
        s.items(where + " items", [f"{i['number']} {_zh(i['title'])}" for i in cb.get("items", [])],
                [f"{i['number']} {_zh(i['title'])}" for i in ib.get("items", [])])
        s.items(where + " item bodies", [x for i in cb.get("items", []) for x in flat(i["body"])],
                [x for i in ib.get("items", []) for x in flat(i["body"])])
        s.items(where + " rows", [_row(r) for r in cb.get("rows", [])], [_row(r) for r in ib.get("rows", [])])
        s.items(where + " footnotes", flat(cb.get("footnotes")), flat(ib.get("footnotes")))
    ca, ia = curated.get("annex") or {}, imported.get("annex") or {}
    s.same("annex title", _zh(ca.get("title")), _zh(ia.get("title")))
    s.items("annex rows", [_row(r) for r in ca.get("rows", [])], [_row(r) for r in ia.get("rows", [])])
    extra = set(inodes) - {w for w, _ in cnodes}
    s.total += len(extra)
    s.misses += [f"{w}: not in the curated plan" for w in extra]


def _boxes(node: dict) -> list[dict]:
    return [b["box"] for b in node.get("body", []) or [] if isinstance(b, dict) and "box" in b]


def _row(r: dict) -> str:
    return " | ".join(str(_zh(r.get(k, ""))) for k in ("number", "indicator", "unit", "baseline", "target",
                                                       "formula", "explanation"))
