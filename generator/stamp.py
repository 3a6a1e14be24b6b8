"""What the last successful build was made from, so an unchanged one can be skipped.

Two stamps, both written only after their step succeeded (a failed step runs again):

- the generator's: content/, the generator's own code, templates and schemas, the
  pinned package versions, the build date and ATLAS_*/SITE_URL settings, and the
  Markdown folder as it was left (so a hand-deleted page is written again);
- the site's: everything `mkdocs build` and Pagefind read: the Markdown folder (each
  file's path, size and modification time; the writer keeps the time of files it did
  not change), the edition's MkDocs config and mkdocs.yml, the theme overrides, the package versions, SITE_URL, and
  the site folder it was built into.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent
ROOT = GENERATOR.parent


def _tree(h, base: Path, tag: str, contents: bool = False) -> None:
    """Each file under `base`: path, size and modification time (and its bytes if asked)."""
    prefix = os.path.join(base, "")  # each path under base starts so: what follows is relative to it
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            st = os.stat(path)
            h.update(f"{tag}:{path[len(prefix):]}:{st.st_size}:{st.st_mtime_ns}\n".encode())
            if contents:
                h.update(Path(path).read_bytes())


def _settings(h) -> None:
    lock = ROOT / "requirements.lock"
    h.update(lock.read_bytes() if lock.is_file() else b"")
    for key in sorted(os.environ):
        if key.startswith("ATLAS_") or key == "SITE_URL":
            h.update(f"env:{key}={os.environ[key]}\n".encode())


def generate_inputs(content: Path, out: Path, build_date: str) -> str:
    h = hashlib.sha256(f"out={out.resolve()}\ndate={build_date}\n".encode())
    _settings(h)
    _tree(h, GENERATOR, "generator")
    _tree(h, content, "content")
    return h.hexdigest()


def docs_state(out: Path, files: dict[str, tuple[int, int]] | None = None) -> str:
    """The Markdown folder's state. `files` (every file it holds: relative POSIX path → (size,
    mtime in ns), as the writer left them) gives the same value as walking the folder, without it."""
    h = hashlib.sha256()
    if files is None:
        _tree(h, out, "docs")
    for path in sorted(files or (), key=_walk_order):
        if "__pycache__" not in path.split("/")[:-1]:  # as _tree skips those folders
            size, mtime = files[path]
            h.update(f"docs:{path.replace('/', os.sep)}:{size}:{mtime}\n".encode())
    return h.hexdigest()


def _walk_order(path: str) -> str:
    """Where _tree meets the file, as text that sorts so: folders by name, a folder's files before
    its subfolders. Each part is marked file (\x01) or folder (\x02) and ends in \x00, which
    sorts before any character a name can hold."""
    *folders, name = path.split("/")
    return "".join(f"\x02{folder}\x00" for folder in folders) + f"\x01{name}\x00"


def site_inputs(docs: Path, site_dir: Path, config: Path) -> str:
    h = hashlib.sha256(f"site={site_dir.resolve()}\n".encode())
    _settings(h)
    h.update(config.read_bytes())
    base = ROOT / "mkdocs.yml"
    h.update(base.read_bytes() if base.is_file() and base != config else b"")
    _tree(h, ROOT / "overrides", "theme", contents=True)
    _tree(h, docs, "docs")
    return h.hexdigest()


def fresh(stamp_file: Path, value: str) -> bool:
    """True when `stamp_file` records exactly `value`."""
    try:
        return stamp_file.read_text(encoding="utf-8").strip() == value
    except FileNotFoundError:
        return False


def record(stamp_file: Path, value: str) -> None:
    stamp_file.parent.mkdir(parents=True, exist_ok=True)
    stamp_file.write_text(value + "\n", encoding="utf-8")


def forget(stamp_file: Path) -> None:
    stamp_file.unlink(missing_ok=True)
