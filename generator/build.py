"""The pipeline in order: load → validate → model (and plans) → pages → write, and the site build.

Reading the content files and writing the pages run in forked processes, one per CPU
(generator/parallel.py, generator/write.py); this process lists the outputs between.

`generate` writes Markdown for MkDocs; `build_site_dir` runs `mkdocs build --strict`
and Pagefind into a fresh folder beside `site/` and swaps it in only when both succeed,
so a failed build leaves the previous site exactly as it was. Given a stamp file, it
skips both when nothing they read has changed since the last successful build
(generator/stamp.py). Each step's time and peak memory are kept for the benchmark.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import edition, i18n, search_bundles, sitemap, stamp

from .errors import ContentErrors
from .model import Site, build_site
from .pages import all_outputs, strings
from .plan import attach_plans
from .render import TEMPLATES, Renderer
from .validate import ContentCache, load_content
from .write import WriteReport, write_outputs

ROOT = Path(__file__).resolve().parent.parent
BEIJING = dt.timezone(dt.timedelta(hours=8))
# Inside each page's indexed article (data-pagefind-body), what Pagefind must not index:
# heading permalinks (¶), and the parts that name other pages (so that a search for their titles
# does not find this page): breadcrumbs, the previous/next pager, related topics and their heading.
# The labels of a topic's facts table too ("编号", "地区" …), which made every excerpt read "编号. 8. 地区. 湖北.".
# And the interface text every topic page repeats (issues 22, 23): the status line, the applying block
# (its labels, and its links "Requirements and materials, in the guide: 申报要求 · 申报材料", which made
# "new materials" find every English topic), the citation and print lines (the page's title and
# guide again), the editors' notes and the section headings every topic has.
PAGEFIND_EXCLUDE = (".headerlink", ".atlas-breadcrumbs", ".atlas-pager", "#related", ".atlas-related",
                    "[data-atlas-facts] thead", "[data-atlas-facts] td:first-child",
                    ".atlas-badge-line", ".atlas-apply", ".atlas-cite", ".atlas-print-only", ".atlas-note",
                    ".admonition-title", "h2#summary", "h2#content", "h2#deliverables")


def build_date() -> dt.date:
    """The date status is computed for: ATLAS_BUILD_DATE (YYYY-MM-DD) or today in Beijing."""
    fixed = os.environ.get("ATLAS_BUILD_DATE")
    return dt.date.fromisoformat(fixed) if fixed else dt.datetime.now(BEIJING).date()


def load_site(content: Path, cache: ContentCache | None = None) -> Site:
    """Read, validate and model the content; raise ContentErrors on any problem."""
    with _collector_paused():
        loaded, errors = load_content(content, cache)
        if errors:
            raise ContentErrors(errors)
        site = build_site(
            loaded.regions.data, loaded.tags.data, [d.data for d in loaded.guides], build_date(), content
        )
        attach_plans(site)
    return site


@contextmanager
def _collector_paused():
    """Python's cycle collector off (here and in the readers forked meanwhile) while millions of
    lasting objects are made: each of its passes would walk them all, and there is no garbage."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass
class GenerateResult:
    site: Site | None  # None when skipped
    report: WriteReport
    seconds: float
    skipped: bool = False


def generate(content: Path, out: Path, stamp_file: Path | None = None, jobs: int = 1,
             cache: ContentCache | None = None, langs: tuple[str, ...] | None = None) -> GenerateResult:
    """Validate and write the Markdown of each edition (`langs`, default edition.languages()):
    the Chinese into `out`, the English into `out`-en beside it (edition.docs_dir), each with its
    MkDocs config (edition.write_config). Files both editions link to (data, feeds, calendars,
    sources) are written once, with the Chinese edition, which is the site's root.
    With `stamp_file`, skip all of it when neither the content, the generator, the settings nor the
    written folders changed since the last run. `jobs` processes render and write the pages (see
    write.py). With a `cache` (make serve's watch loop), guides whose files did not change keep
    their pages without rendering them."""
    start = time.perf_counter()
    langs = langs or edition.languages()
    folders = {lang: edition.docs_dir(out, lang) for lang in langs}
    up_to_date = False
    if stamp_file:
        inputs = stamp.generate_inputs(content, out, build_date().isoformat())
        if cache is None or cache.fingerprint is None:  # a running watch loop knows what changed
            up_to_date = all(d.is_dir() for d in folders.values()) and stamp.fresh(
                stamp_file, f"{inputs} {_docs_states(folders)}")
        if up_to_date and cache is None:
            _write_configs(folders, langs)
            return GenerateResult(None, WriteReport(), time.perf_counter() - start, skipped=True)
        stamp.forget(stamp_file)
    site = load_site(content, cache)  # a watch loop's first run fills its cache even when up to date
    changed = _changed_guides(site, cache, content, up_to_date) if cache is not None else None
    report, files = WriteReport(), {}
    for lang, folder in folders.items():
        renderer = Renderer(site, lang)
        renderer.changed_guides = changed
        with _collector_paused():  # tens of thousands of lasting outputs (most are made later, by the writers)
            outputs = [o for o in all_outputs(site, renderer) if lang == i18n.DEFAULT or edition_page(o)]
        part = write_outputs(outputs, folder, jobs=jobs)
        files[lang] = part.files
        prefix = edition.EDITION_DIRS[lang]
        report.written += [prefix + p for p in part.written]
        report.removed += [prefix + p for p in part.removed]
        report.unchanged += part.unchanged
    _write_configs(folders, langs)
    if cache is not None:
        cache.pending.clear()
    if stamp_file:
        stamp.record(stamp_file, f"{inputs} {_docs_states(folders, files)}")
    return GenerateResult(site, report, time.perf_counter() - start)


def edition_page(output) -> bool:
    """Whether an output belongs to each edition (a page, or the edition's script of words) rather
    than to the files both editions share (data, feeds, calendars, sources), written once."""
    return output.path.endswith(".md") or output.path == strings.PATH


def _docs_states(folders: dict, files: dict | None = None) -> str:
    return " ".join(stamp.docs_state(folder, (files or {}).get(lang)) for lang, folder in folders.items())


def _write_configs(folders: dict, langs: tuple[str, ...]) -> None:
    for lang, folder in folders.items():
        edition.write_config(folder, lang, langs)


def _changed_guides(site: Site, cache: ContentCache, content: Path, up_to_date: bool) -> set[str] | None:
    """Keys of the guides whose own pages (guide, tracks, topics) may differ from the last build
    with this cache: the guides read again, and the guides that cite them or that they cite.
    None (render all) on the first build, after regions.yml or tags.yml changed or a guide was
    deleted, or when the build date or a template changed; none at all when the stamp says the
    pages are up to date."""
    fingerprint = (build_date(), tuple(sorted((p.name, p.stat().st_mtime_ns) for p in TEMPLATES.iterdir())))
    first, cache.fingerprint = cache.fingerprint != fingerprint, fingerprint
    if up_to_date:
        return set()
    if first or any(path.parent == content or not path.exists() for path in cache.pending):
        return None  # regions.yml or tags.yml changed, or a guide was deleted: render all
    return affected_guides(site, {f"{path.parent.name}/{path.stem}" for path in cache.pending})  # guides/<region>/<id>.yml


def affected_guides(site: Site, changed: set[str]) -> set[str]:
    """The guides `changed` (keys), and the guides that cite them or that they cite."""
    affected = set(changed)
    for guide in site.guides:
        linked = {other.key for other in guide.context + guide.cited_by}
        if guide.key in changed:
            affected |= linked
        elif linked & changed:
            affected.add(guide.key)
    return affected


def peak_rss_mb() -> float:
    """Peak resident memory so far of this process or of any child it has waited for, in MB."""
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def cpu_seconds() -> float:
    """CPU time used so far by this process and the children it has waited for (user + system)."""
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


@dataclass
class Step:
    """One step of the build: wall time, CPU time and peak resident memory of its processes."""

    name: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


# Each step runs under this small launcher, which reports its child's peak memory and
# CPU time (RUSAGE_CHILDREN). A process forked straight from this one would count this
# one's memory at the fork as its own peak.
_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "open(sys.argv[1], 'w').write(f'{u.ru_maxrss} {u.ru_utime + u.ru_stime}')\n"
    "sys.exit(code)\n"
)


def _launch(cmd: list[str], rss, env: dict | None = None):
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.Popen([sys.executable, "-c", _LAUNCHER, rss.name, *map(str, cmd)], env={**os.environ, **(env or {})})


def _finish(proc, rss, cmd: list[str], name: str, start: float) -> Step:
    code = proc.wait()
    if code:
        raise subprocess.CalledProcessError(code, cmd)
    peak_kb, cpu = rss.read().split()
    return Step(name, time.perf_counter() - start, float(cpu), int(peak_kb) / 1024)


def run(cmd: list[str], env: dict | None = None, name: str | None = None) -> Step:
    start = time.perf_counter()
    with tempfile.NamedTemporaryFile("r") as rss:
        return _finish(_launch(cmd, rss, env), rss, cmd, name or cmd[0], start)


def run_together(cmds: dict[str, list[str]], env: dict | None = None, name: str = "together") -> list[Step]:
    """The commands at once (each edition's MkDocs is one process on one core), then each one's
    step and one for all: wall time until the last ended, CPU time and peak memory added up
    (they ran at the same time)."""
    start = time.perf_counter()
    with ExitStack() as stack:
        running = {}
        for step, cmd in cmds.items():
            rss = stack.enter_context(tempfile.NamedTemporaryFile("r"))
            running[step] = (_launch(cmd, rss, env), rss, cmd)
        steps, failure = [], None
        for step, (proc, rss, cmd) in running.items():
            try:
                steps.append(_finish(proc, rss, cmd, step, start))
            except subprocess.CalledProcessError as exc:
                failure = failure or exc
        if failure:
            raise failure
    whole = Step(name, max(s.seconds for s in steps), sum(s.cpu_seconds for s in steps),
                 sum(s.peak_rss_mb for s in steps))
    return [whole, *steps]


@dataclass
class SiteBuild:
    skipped: bool = False
    steps: list[Step] = field(default_factory=list)


def index(site: Path, langs: tuple[str, ...], env: dict | None = None) -> Step:
    """Pagefind over the built `site`: each edition cut into search bundles (generator/search_bundles.py),
    indexed at once, a few processes at a time, and each edition's search/bundles.json; one step."""
    now = dt.datetime.combine(build_date(), dt.time(), BEIJING)
    with tempfile.TemporaryDirectory(prefix="bundles-", dir=site.parent) as work:
        commands, manifests = search_bundles.prepare(site, langs, edition.EDITION_DIRS, i18n.DEFAULT,
                                                     PAGEFIND_EXCLUDE, now, Path(work))
        steps, ids, at_once = [], list(commands), max(1, os.cpu_count() or 1)
        for i in range(0, len(ids), at_once):
            steps.append(run_together({k: commands[k] for k in ids[i:i + at_once]}, env=env, name="pagefind")[0])
    search_bundles.finish(manifests)
    return Step("pagefind", sum(s.seconds for s in steps), sum(s.cpu_seconds for s in steps),
                max(s.peak_rss_mb for s in steps))


def build_site_dir(docs: Path, site_dir: Path, config: Path | None = None,
                   stamp_file: Path | None = None, langs: tuple[str, ...] | None = None) -> SiteBuild:
    """Each edition's mkdocs build --strict (at once, in parallel processes), the English one moved
    into en/ of the Chinese one, then Pagefind over both (one index per <html lang>), into
    site_dir.new; then swap it in.

    `docs` is the Chinese edition's Markdown (the others' are beside it: edition.docs_dir), each
    with its MkDocs config beside it (generator/edition.py), or `config` for the Chinese one alone.
    With `stamp_file`, skip both when site_dir was built from exactly these inputs.
    """
    langs = (i18n.DEFAULT,) if config else (langs or edition.languages())
    configs = {lang: config or edition.write_config(edition.docs_dir(docs, lang), lang, langs) for lang in langs}
    value = " ".join(stamp.site_inputs(edition.docs_dir(docs, lang), site_dir, configs[lang]) for lang in langs) \
        if stamp_file else ""
    if stamp_file and site_dir.is_dir() and stamp.fresh(stamp_file, value):
        return SiteBuild(skipped=True)
    if stamp_file:
        stamp.forget(stamp_file)
    fresh = site_dir.with_name(site_dir.name + ".new")
    old = site_dir.with_name(site_dir.name + ".old")
    built = {lang: fresh if lang == i18n.DEFAULT else fresh.with_name(f"{fresh.name}-{lang}") for lang in langs}
    for leftover in (fresh, old, *built.values()):
        if leftover.exists():
            shutil.rmtree(leftover)
    env = {"NO_MKDOCS_2_WARNING": "1"}
    if os.environ.get("ATLAS_BUILD_DATE") and not os.environ.get("SOURCE_DATE_EPOCH"):
        # A pinned build date pins MkDocs's too (sitemap dates), so equal content builds equal bytes.
        env["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(build_date(), dt.time(), dt.timezone.utc).timestamp()))
    result = SiteBuild()
    try:
        mkdocs = {f"mkdocs-{lang}": [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(configs[lang]),
                                     "-d", str(built[lang])] for lang in langs}
        result.steps += run_together(mkdocs, env=env, name="mkdocs")
        for lang in langs:
            if lang != i18n.DEFAULT:
                built[lang].rename(fresh / edition.EDITION_DIRS[lang].rstrip("/"))
        sitemap.write(fresh, langs, os.environ.get("SITE_URL", ""))
        result.steps.append(index(fresh, langs, env))
    except (subprocess.CalledProcessError, OSError):
        for folder in built.values():
            shutil.rmtree(folder, ignore_errors=True)
        raise
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    if stamp_file:
        stamp.record(stamp_file, value)
    return result
