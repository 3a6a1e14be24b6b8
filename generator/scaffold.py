"""`make new`: start a guide file from the commented template, never overwriting one.

Writes content/guides/<region>/<year>-<slug>.yml from templates/new-guide.yml.j2 (every
field explained, required ones left empty so `make check` lists what to fill in) and an
empty content/sources/<region>-<year>-<slug>.txt for the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .loader import read_yaml
from .render import TEMPLATES
from .validate import suggest

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class Scaffolded:
    guide: Path
    source: Path
    source_created: bool


class ScaffoldError(ValueError):
    """Bad arguments to `make new`, or a guide that already exists."""


def _fail(message: str) -> ScaffoldError:
    return ScaffoldError(message)


def new_guide(content: Path, region: str, year: str, slug: str, today: str) -> Scaffolded:
    """Create the guide file (and its empty source file).

    Raises ScaffoldError for bad arguments or an existing file, ContentError for a broken regions.yml.
    """
    regions_file = content / "regions.yml"
    regions = read_yaml(regions_file, display=str(Path(content.name) / "regions.yml")).data
    known = {r.get("slug"): r for r in regions if isinstance(r, dict)} if isinstance(regions, list) else {}
    if not region:
        raise _fail(f"say which region: make new REGION=… YEAR=…; regions: {', '.join(sorted(known))}")
    if region not in known:
        close = suggest(region, known)
        hint = f"did you mean {close!r}?" if close else "add it to content/regions.yml first (see CONTRIBUTING.md)"
        raise _fail(f"unknown region {region!r}; {hint}")
    if not re.fullmatch(r"[0-9]{4}", year or "") or not 1949 <= int(year) <= 2100:
        raise _fail(f"YEAR must be a four-digit year such as 2024, not {year!r}")
    if not _SLUG.match(slug) or len(slug) > 58:
        raise _fail(f"SLUG {slug!r} must be lowercase ASCII letters, digits and single hyphens, e.g. ruankexue")
    guide_id = f"{year}-{slug}"
    guide = content / "guides" / region / f"{guide_id}.yml"
    source = content / "sources" / f"{region}-{guide_id}.txt"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True, autoescape=False)
    text = env.get_template("new-guide.yml.j2").render(
        id=guide_id, year=int(year), today=today, source_file=source.relative_to(content).as_posix(),
        region={"slug": region, "zh": known[region].get("zh", region)},
    )
    guide.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(guide, "x", encoding="utf-8") as f:  # "x": never overwrite a guide
            f.write(text)
    except FileExistsError:
        raise _fail(f"{guide.relative_to(content.parent)} already exists; edit it, or choose another name with SLUG=…") from None
    source.parent.mkdir(parents=True, exist_ok=True)
    created = not source.exists()
    if created:
        source.touch()
    return Scaffolded(guide, source, created)
