"""The pipeline in order: load → validate → model (and plans) → pages → write, and the site build.

`generate` writes Markdown for MkDocs; `build_site_dir` runs `mkdocs build --strict`
and Pagefind into a fresh folder beside `site/` and swaps it in only when both succeed,
so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentErrors
from .model import Site, build_site
from .pages import all_outputs
from .plan import attach_plans
from .render import Renderer
from .validate import load_content
from .write import WriteReport, write_outputs

ROOT = Path(__file__).resolve().parent.parent
BEIJING = dt.timezone(dt.timedelta(hours=8))
# Inside each page's indexed article (data-pagefind-body), what Pagefind must not index:
# heading permalinks (¶), and navigation: breadcrumbs and the previous/next pager.
# Page parts that name other pages (so a search for their titles must not find this page).
PAGEFIND_EXCLUDE = (".headerlink", ".atlas-breadcrumbs", ".atlas-pager", ".atlas-related")


def build_date() -> dt.date:
    """The date status is computed for: ATLAS_BUILD_DATE (YYYY-MM-DD) or today in Beijing."""
    fixed = os.environ.get("ATLAS_BUILD_DATE")
    return dt.date.fromisoformat(fixed) if fixed else dt.datetime.now(BEIJING).date()


def load_site(content: Path) -> Site:
    """Read, validate and model the content; raise ContentErrors on any problem."""
    loaded, errors = load_content(content)
    if errors:
        raise ContentErrors(errors)
    site = build_site(
        loaded.regions.data, loaded.tags.data, [d.data for d in loaded.guides], build_date(), content
    )
    attach_plans(site)
    return site


@dataclass
class GenerateResult:
    site: Site
    report: WriteReport
    seconds: float


def generate(content: Path, out: Path) -> GenerateResult:
    start = time.perf_counter()
    site = load_site(content)
    renderer = Renderer(site)
    report = write_outputs(all_outputs(site, renderer), out)
    return GenerateResult(site, report, time.perf_counter() - start)


def run(cmd: list[str], env: dict | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env={**os.environ, **(env or {})})


def build_site_dir(docs: Path, site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    """mkdocs build --strict and Pagefind into site_dir.new, then swap it in."""
    fresh = site_dir.with_name(site_dir.name + ".new")
    old = site_dir.with_name(site_dir.name + ".old")
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    env = {"ATLAS_DOCS_DIR": str(docs.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    if os.environ.get("ATLAS_BUILD_DATE") and not os.environ.get("SOURCE_DATE_EPOCH"):
        # A pinned build date pins MkDocs's too (sitemap dates), so equal content builds equal bytes.
        env["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(build_date(), dt.time(), dt.timezone.utc).timestamp()))
    try:
        run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(fresh)], env=env)
        run([sys.executable, "-m", "pagefind_bin_extended", "--site", str(fresh), "--silent",
             *(arg for selector in PAGEFIND_EXCLUDE for arg in ("--exclude-selectors", selector))])
    except (subprocess.CalledProcessError, OSError):
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
