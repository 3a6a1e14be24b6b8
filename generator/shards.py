"""The sharded build: the site cut into shards, each a MkDocs project of its own with its own
Pagefind bundle, built by plain commands that any engine (make -j, xargs -P, a CI matrix) runs
in parallel, then put together into site/.

The cut (see README, "Shards"): language × year × region group for the guides' own pages
(guides/<region>/<id>/…: guide, tracks, topics, plan chapters), and per language a hub for the
rest (home, regions, tags, years, deadlines, explorer, programmes, plans list, data, feeds,
calendars, sources, about, search, 404). A year's regions are grouped in slug order, a group
closed when the next region would take it past the budget (ATLAS_SHARD_PAGES, default 5,000
files); a region-year over the budget is cut between guides; a hub over it is cut between its
folders (first two path parts), the home, nav targets and theme files staying in the first.
Pages keep their URLs whatever shard builds them.

Layout under build/shards/ (ROOT):

    docs/<shard>/          each shard's Markdown and files (one write over docs/: only changed
                           files are rewritten, so a shard none of whose files changed is not rebuilt)
    config/<shard>.mkdocs.yml   its MkDocs config: the edition's (edition.py) + shard_hooks.py
    plan.json              the shards (name, language, years, regions, pages, files)
    files-<lang>.txt       every file of an edition, for checking links across shards
    titles/<lang>/         one tiny page per guide: the titles bundle's input
    site/<shard>/          a built shard (MkDocs, Pagefind), with SHARD_INFO; moved by assemble
    site/<shard>.stamp     what it was built from (skipped when unchanged and already in site/)
    assembled.json         what each shard put into site/ (files, stamp), for the next assemble

`assemble` makes site.new: a hard-linked copy of site/ (no bytes copied) less the files of the
shards built since, plus those shards' files moved (not copied) in; writes each edition's
search/bundles.json and the sitemap; then swaps it in, so a failure leaves site/ as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import bundles, edition, i18n, sitemap, stamp
from .render import page_path
from .write import Output, WriteReport, write_outputs

ROOT = Path(__file__).resolve().parent.parent / "build" / "shards"
HOOKS = Path(__file__).resolve().parent / "shard_hooks.py"
SHARD_INFO = ".atlas-shard.json"  # in a built shard: its name, stamp, bundle (never moved into site/)
DEFAULT_BUDGET = 5000


def budget() -> int:
    """Files per shard at most (ATLAS_SHARD_PAGES, default 5,000), a region-year or hub folder
    larger than it aside (cut further)."""
    return int(os.environ.get("ATLAS_SHARD_PAGES") or DEFAULT_BUDGET)


@dataclass
class Shard:
    name: str
    lang: str
    kind: str  # hub | year
    primary: bool = False  # the edition's first hub: home, nav targets, theme files, 404, titles bundle
    years: list[int] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # output paths, relative to the edition's root

    @property
    def pages(self) -> int:
        return sum(p.endswith(".md") for p in self.files)


# ---------------------------------------------------------------------------------------- the cut

def _hub_unit(path: str) -> str:
    """A hub file's unit: its first two path parts (tags/ai, sources/x.txt), or itself at the root."""
    return "/".join(path.split("/")[:2])


def _primary_unit(unit: str, nav: set[str]) -> bool:
    return "/" not in unit or unit in nav or unit.startswith(("assets/", "search/"))


def _pack(items: list[tuple[str, list[str]]], limit: int) -> list[list[tuple[str, list[str]]]]:
    """Items in order, in groups of at most `limit` files (an item larger than that alone)."""
    groups: list[list] = [[]]
    size = 0
    for key, paths in items:
        if groups[-1] and size + len(paths) > limit:
            groups.append([])
            size = 0
        groups[-1].append((key, paths))
        size += len(paths)
    return [g for g in groups if g]


def _letter(n: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[n] if n < 26 else f"z{n}"


def plan(site, outputs: dict[str, list[Output]], limit: int | None = None) -> list[Shard]:
    """Cut each edition's outputs into shards (see the module's docstring)."""
    limit = limit or budget()
    guide_of = {g.url.rstrip("/"): g for g in site.guides}
    nav = {path for _, path in edition.NAV} | {"404.md"}
    shards: list[Shard] = []
    for lang, outs in outputs.items():
        by_year: dict[int, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(dict))
        hub: dict[str, list[str]] = defaultdict(list)
        for o in outs:
            parts = o.path.split("/")
            guide = guide_of.get("/".join(parts[:3])) if parts[0] == "guides" and len(parts) > 3 else None
            if guide is not None:
                by_year[guide.year][guide.region.slug].setdefault(guide.id, []).append(o.path)
            else:
                hub[_hub_unit(o.path)].append(o.path)
        units = sorted(hub.items(), key=lambda kv: (not _primary_unit(kv[0], nav), kv[0]))
        for n, group in enumerate(_pack(units, limit)):
            shards.append(Shard(f"{lang}-hub" + (f"-{_letter(n)}" if n else ""), lang, "hub", primary=n == 0,
                                files=[p for _, paths in group for p in paths]))
        for year in sorted(by_year, reverse=True):
            items = []
            for region in sorted(by_year[year]):
                guides = by_year[year][region]
                paths = [p for g in sorted(guides) for p in guides[g]]
                if len(paths) <= limit:
                    items.append((region, paths))
                else:  # a region-year past the budget: cut between its guides
                    items += [(region, guides[g]) for g in sorted(guides)]
            for n, group in enumerate(_pack(items, limit)):
                shards.append(Shard(f"{lang}-{year}-{_letter(n)}", lang, "year", years=[year],
                                    regions=sorted({r for r, _ in group}),
                                    files=[p for _, paths in group for p in paths]))
    return shards


def read_plan(root: Path = ROOT) -> list[Shard]:
    try:
        data = json.loads((root / "plan.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ShardError(f"{root / 'plan.json'}: no shards planned yet: run python -m generator shards --generate") from None
    return [Shard(**s) for s in data["shards"]]


def find(name: str, root: Path = ROOT) -> Shard:
    for shard in read_plan(root):
        if shard.name == name:
            return shard
    raise ShardError(f"{root / 'plan.json'}: no shard named {name!r}; python -m generator shards lists them")


class ShardError(Exception):
    """A shard command cannot go on (message: what is wrong and what to do)."""


# ------------------------------------------------------------------------------------- generating

@dataclass
class Generated:
    shards: list[Shard]
    report: WriteReport
    changed: set[str]  # shards whose Markdown or files changed
    seconds: float
    skipped: bool = False
    site: object = None


def _write_if_changed(path: Path, text: str) -> None:
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def config_path(name: str, root: Path = ROOT) -> Path:
    return root / "config" / f"{name}.mkdocs.yml"


def write_config(shard: Shard, langs: tuple[str, ...], root: Path = ROOT) -> Path:
    """The edition's MkDocs config for the shard's Markdown, plus the hooks that check links across
    shards (generator/shard_hooks.py), which do what MkDocs' own not-found checks did."""
    docs = root / "docs" / shard.name
    config = json.loads(edition.config_text(docs, shard.lang, langs).split("\n", 1)[1])
    config["hooks"] = [*config.get("hooks", []), str(HOOKS)]
    config["validation"] = {"links": {"not_found": "ignore", "unrecognized_links": "ignore"}}
    path = config_path(shard.name, root)
    _write_if_changed(path, "# Written by python -m generator (generator/shards.py).\n"
                      + json.dumps(config, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return path


def titles(site, lang: str) -> list[Output]:
    """The titles bundle's input: per guide a tiny page at the guide's URL (from the site's root)
    holding its title, year and region, for a small index of every year's guides."""
    import html
    outs = []
    for g in site.guides:
        title = html.escape(i18n.name(g.title, lang))
        region = html.escape(i18n.name(g.region, lang))
        outs.append(Output(f"{edition.EDITION_DIRS[lang]}{g.url}index.html", (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f'<body><main data-pagefind-body><h1>{title}</h1>'
            f'<p data-pagefind-meta="year">{g.year}</p><p data-pagefind-filter="region">{region}</p>'
            f'<p data-pagefind-filter="year" data-pagefind-ignore>{g.year}</p></main></body></html>\n')))
    return outs


def generate(content: Path, root: Path = ROOT, only: str | None = None, jobs: int = 1, cache=None,
             langs: tuple[str, ...] | None = None, plan_only: bool = False) -> Generated:
    """Validate, plan the shards and write their Markdown into root/docs/<shard>/ (only `only`'s,
    for a CI job building one shard; none with `plan_only`, for CI's list of jobs and its assembling
    job). Skipped when the stamp says nothing changed."""
    from .build import _collector_paused, build_date, edition_page, load_site  # build imports this module
    from .pages import all_outputs
    from .render import Renderer

    start = time.perf_counter()
    langs = langs or edition.languages()
    stamp_file = root / "generate.stamp"
    docs = root / "docs"
    inputs = stamp.generate_inputs(content, docs, build_date().isoformat()) + f" only={only}"
    if only is None and docs.is_dir() and (root / "plan.json").is_file() and stamp.fresh(
            stamp_file, f"{inputs} {stamp.docs_state(docs)}"):
        return Generated(read_plan(root), WriteReport(), set(), time.perf_counter() - start, skipped=True)
    stamp.forget(stamp_file)
    site = load_site(content, cache)
    state_file = root / "generated.json"  # what the Markdown in docs/ was written from
    state = _state(content, cache, langs)
    changed = None if only else _changed_guides(site, state, state_file)
    state_file.unlink(missing_ok=True)  # written again once this generation succeeded
    outputs: dict[str, list[Output]] = {}
    for lang in langs:
        renderer = Renderer(site, lang)
        renderer.changed_guides = changed
        with _collector_paused():
            outputs[lang] = [o for o in all_outputs(site, renderer) if lang == i18n.DEFAULT or edition_page(o)]
    shards = plan(site, outputs)
    by_path = {lang: {o.path: o for o in outs} for lang, outs in outputs.items()}
    root.mkdir(parents=True, exist_ok=True)
    _write_if_changed(root / "plan.json", json.dumps({"shards": [asdict(s) for s in shards]}, ensure_ascii=False) + "\n")
    for lang, outs in outputs.items():
        _write_if_changed(root / f"files-{lang}.txt", "\n".join(sorted(o.path for o in outs)) + "\n")
    for shard in shards:
        write_config(shard, langs, root)
    if plan_only:
        return Generated(shards, WriteReport(), set(), time.perf_counter() - start, site=site)
    chosen = [s for s in shards if only in (None, s.name)]
    if only is not None and not chosen:
        raise ShardError(f"no shard named {only!r}; python -m generator shards lists them")
    prefix = "" if only else None
    work = [Output((prefix if prefix is not None else f"{s.name}/") + p, by_path[s.lang][p].data, by_path[s.lang][p].reuse)
            for s in chosen for p in s.files]
    report = write_outputs(work, docs / only if only else docs, jobs=jobs)
    if only:
        report.written = [f"{only}/{p}" for p in report.written]
        report.removed = [f"{only}/{p}" for p in report.removed]
    for s in chosen:
        if s.primary:
            write_outputs(titles(site, s.lang), root / "titles" / s.lang, jobs=1)
    changed = {p.split("/", 1)[0] for p in report.written + report.removed}
    if only is None:
        _write_if_changed(state_file, json.dumps(state, sort_keys=True))
        stamp.record(stamp_file, f"{inputs} {stamp.docs_state(docs, {f: v for f, v in report.files.items()})}")
    return Generated(shards, report, changed, time.perf_counter() - start, site=site)


def _state(content: Path, cache, langs) -> dict:
    """What the pages are made from: each content file's hash (from the cache, which hashed them),
    and the generator's code, templates, settings and build date (any change there: render all)."""
    from .build import build_date
    h = __import__("hashlib").sha256(f"{build_date()} {','.join(langs)}\n".encode())
    stamp._settings(h)
    stamp._tree(h, stamp.GENERATOR, "generator", contents=False)
    files = {}
    if cache is not None and cache.folder is not None:
        for path, (key, _) in cache.docs.items():
            if path.is_relative_to(content):
                files[path.relative_to(content).as_posix()] = key[1]
    return {"fingerprint": h.hexdigest(), "files": files}


def _changed_guides(site, state: dict, state_file: Path) -> set[str] | None:
    """Keys of the guides whose pages may differ from the Markdown written last time (see
    build.affected_guides); None (render every page) without a record of that, or when the
    generator, the settings, regions.yml or tags.yml changed, or a guide was removed."""
    from .build import affected_guides
    try:
        before = json.loads(state_file.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    old, new = before.get("files", {}), state["files"]
    if before.get("fingerprint") != state["fingerprint"] or not new or set(old) - set(new):
        return None
    changed = {f for f in new if old.get(f) != new[f]}
    if any(not f.startswith("guides/") for f in changed):
        return None
    return affected_guides(site, {f[len("guides/"):-len(".yml")] for f in changed})


# --------------------------------------------------------------------------------------- building

@dataclass
class Built:
    name: str
    skipped: bool
    seconds: float
    steps: list = field(default_factory=list)


def shard_site(name: str, root: Path = ROOT) -> Path:
    return root / "site" / name


def _assembled(root: Path) -> dict:
    try:
        return json.loads((root / "assembled.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def _stamp_value(shard: Shard, root: Path) -> str:
    docs = root / "docs" / shard.name
    value = stamp.site_inputs(docs, shard_site(shard.name, root), config_path(shard.name, root))
    if shard.primary:  # the titles bundle's input
        h = __import__("hashlib").sha256()
        stamp._tree(h, root / "titles" / shard.lang, "titles")
        value += " " + h.hexdigest()
    return value


def check_outside_links(shard: Shard, root: Path = ROOT) -> None:
    """The links this shard's last build made to other shards' files (shard_hooks.py kept them):
    each must still exist, though this shard is not rebuilt."""
    from .errors import ContentError
    recorded = root / "site" / f"{shard.name}.links"
    if not recorded.is_file():
        return
    everywhere = set((root / f"files-{shard.lang}.txt").read_text(encoding="utf-8").split("\n"))
    for line in recorded.read_text(encoding="utf-8").splitlines():
        source, _, target = line.partition("\t")
        if target not in everywhere:
            raise ContentError(f"{root / 'docs' / shard.name / source}: links to {target}, which no shard has "
                               "any more: that page was removed; build again after fixing the content that links it")


def build(name: str, site_dir: Path, root: Path = ROOT) -> Built:
    """MkDocs (--strict) and Pagefind over one shard's Markdown into root/site/<name>/ (the
    English shards into its en/, so the pages' paths there are their paths in site/). Skipped
    when the shard was built from exactly these inputs and is in site/ or waiting to be moved."""
    from .build import PAGEFIND_EXCLUDE, build_date, run
    import datetime as dt

    start = time.perf_counter()
    shard = find(name, root)
    out = shard_site(name, root)
    value = _stamp_value(shard, root)
    info = out / SHARD_INFO
    stamp_file = root / "site" / f"{name}.stamp"
    if stamp.fresh(stamp_file, value) and (info.is_file() or (
            site_dir.is_dir() and _assembled(root).get(name, {}).get("stamp") == value)):
        check_outside_links(shard, root)
        return Built(name, True, time.perf_counter() - start)
    stamp.forget(stamp_file)
    if out.exists():
        shutil.rmtree(out)
    edition_out = out / edition.EDITION_DIRS[shard.lang]
    env = {"NO_MKDOCS_2_WARNING": "1"}
    if os.environ.get("ATLAS_BUILD_DATE") and not os.environ.get("SOURCE_DATE_EPOCH"):
        env["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(build_date(), dt.time(), dt.timezone.utc).timestamp()))
    steps = [run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path(name, root)),
                  "-d", str(edition_out)], env=env, name="mkdocs")]
    owned = _owned_files(shard)
    exclude = [a for s in PAGEFIND_EXCLUDE for a in ("--exclude-selectors", s)]
    bundle = None
    if _indexed(edition_out, owned):
        bundle = f"search/{name}/pagefind/"
        steps.append(run([sys.executable, "-m", "pagefind_bin_extended", "--site", str(out), "--silent",
                          "--output-path", str(edition_out / bundle), *exclude], name="pagefind"))
    titles_bundle = None
    if shard.primary and (root / "titles" / shard.lang).is_dir():
        titles_bundle = f"search/{shard.lang}-titles/pagefind/"
        steps.append(run([sys.executable, "-m", "pagefind_bin_extended", "--site", str(root / "titles" / shard.lang),
                          "--silent", "--output-path", str(edition_out / titles_bundle)], name="pagefind-titles"))
    for folder in (bundle, titles_bundle):
        for unused in bundles.UNUSED_FILES if folder else ():
            (edition_out / folder / unused).unlink(missing_ok=True)
    info.write_text(json.dumps({"name": name, "stamp": value, "bundle": bundle, "titles": titles_bundle}), encoding="utf-8")
    stamp.record(stamp_file, value)
    return Built(name, False, time.perf_counter() - start, steps)


def _owned_files(shard: Shard) -> list[str]:
    """The built files the shard's outputs become, relative to its edition's root."""
    return [p[:-len("index.md")] + "index.html" if p.endswith("index.md") else
            (p[:-3] + "/index.html" if p.endswith(".md") else p) for p in shard.files]


def _indexed(edition_out: Path, owned: list[str]) -> bool:
    """Whether any of the shard's own pages is for the search index (data-pagefind-body): with
    none, Pagefind would index every page whole."""
    for rel in owned:
        if rel.endswith(".html"):
            try:
                with open(edition_out / rel, "rb") as f:
                    if b"data-pagefind-body" in f.read():
                        return True
            except FileNotFoundError:
                continue
    return False


# ------------------------------------------------------------------------------------- assembling

def assemble(site_dir: Path, root: Path = ROOT, langs: tuple[str, ...] | None = None) -> dict:
    """Put the built shards together into site_dir (see the module's docstring); return what was moved."""
    from .build import build_date
    langs = langs or edition.languages()
    shards = read_plan(root)
    before = _assembled(root) if site_dir.is_dir() else {}
    built, missing = {}, []
    for s in shards:
        info = shard_site(s.name, root) / SHARD_INFO
        if info.is_file():
            built[s.name] = json.loads(info.read_text(encoding="utf-8"))
        elif s.name not in before:
            missing.append(s.name)
    if missing:
        raise ShardError(f"{root / 'site'}: shard(s) not built: {', '.join(missing)}; run "
                         f"python -m generator build --shard NAME for each (make site builds them all)")
    if not built and set(before) == {s.name for s in shards}:
        return {"moved_files": 0, "rebuilt": [], "kept": sorted(before)}  # site/ is as the shards are
    fresh = site_dir.with_name(site_dir.name + ".new")
    old = site_dir.with_name(site_dir.name + ".old")
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    names = {s.name for s in shards}
    kept = {n: v for n, v in before.items() if n in names and n not in built}
    if kept:  # a hard-linked copy of the current site, less what the rebuilt and dropped shards put there
        subprocess.run(["cp", "-al", str(site_dir), str(fresh)], check=True)
        for name, entry in before.items():
            if name not in kept:
                for rel in entry["files"]:
                    try:
                        os.unlink(fresh / rel)
                    except FileNotFoundError:
                        pass
    else:
        fresh.mkdir(parents=True)
    record = dict(kept)
    made: set[Path] = set()
    moved = 0
    for s in shards:
        if s.name not in built:
            continue
        out = shard_site(s.name, root)
        edir = edition.EDITION_DIRS[s.lang]
        if s.primary:
            files = [os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs if f != SHARD_INFO]
            files = [f.replace(os.sep, "/") for f in files]
            # another edition's hub is built into its own folder (en/): the Chinese hub takes no part of it
        else:
            files = [edir + f for f in _owned_files(s)]
            if built[s.name]["bundle"]:
                files += [edir + f for f in _tree(out / edir / built[s.name]["bundle"], built[s.name]["bundle"])]
        for rel in files:
            target = fresh / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(out / rel, target)
        moved += len(files)
        record[s.name] = {"stamp": built[s.name]["stamp"], "files": files,
                          "bundle": built[s.name]["bundle"], "titles": built[s.name]["titles"]}
    for lang in langs:
        found, years = [], [y for s in shards if s.lang == lang for y in s.years]
        current = bundles.current_years(years, build_date().year)
        for s in shards:
            entry = record.get(s.name)
            if s.lang != lang or not entry:
                continue
            if entry["bundle"]:
                found.append(bundles.Bundle(s.name, entry["bundle"], bundles.scope_of(s.years, current), s.years, s.regions))
            if entry.get("titles"):
                found.append(bundles.Bundle(f"{lang}-titles", entry["titles"], "titles", sorted(set(years)),
                                            sorted({r for x in shards if x.lang == lang for r in x.regions})))
        bundles.write(fresh, lang, found, current)
    if len(langs) > 1:
        sitemap.write(fresh, langs, os.environ.get("SITE_URL", ""))
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    _write_if_changed(root / "assembled.json", json.dumps(record, ensure_ascii=False) + "\n")
    for name in built:
        shutil.rmtree(shard_site(name, root), ignore_errors=True)
    return {"moved_files": moved, "rebuilt": sorted(built), "kept": sorted(kept)}


def _tree(base: Path, prefix: str) -> list[str]:
    return [prefix + os.path.relpath(os.path.join(d, f), base).replace(os.sep, "/")
            for d, _, fs in os.walk(base) for f in fs]
