"""`make serve`: the live preview. Regenerates the Markdown when content/ changes and runs
`mkdocs serve` on each edition (Chinese on PORT, English on PORT+1) with its MkDocs config (generator/edition.py) plus hooks
(generator/serve_hooks.py, named by a config written beside it: build/docs.serve.mkdocs.yml) that
add what a contributor checking a new guide needs: the Pagefind index of the previewed site, and
the content's errors shown at the top of the page being previewed.

This process and MkDocs meet in the preview folder beside the Markdown (build/preview/ for
build/docs/): `state.json` holds the last generation's number and errors (MkDocs rebuilds when it
changes, never while the Markdown is half written), and `lock` is held by whichever of the two is
writing, so a rebuild never reads a page being rewritten.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from . import edition
from .errors import ContentError, ContentErrors

ROOT = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().parent / "serve_hooks.py"


def serve_config(docs: Path) -> Path:
    """The preview's MkDocs config: the edition's (written by each generation) and the hooks."""
    path = docs.with_name(docs.name + ".serve.mkdocs.yml")
    # MkDocs replaces an inherited list: the edition's hooks are named again.
    config = {"INHERIT": str(edition.config_path(docs).resolve()),
              "hooks": [str(edition.THEME_HOOKS), str(edition.HOOKS), str(HOOKS)]}
    path.write_text("# Written by python -m generator serve (generator/serve.py).\n" + json.dumps(config) + "\n",
                    encoding="utf-8")
    return path


def preview_dir(docs: Path) -> Path:
    """Where this process and MkDocs' hooks meet: beside the Markdown folder."""
    return docs.resolve().parent / "preview"


@contextmanager
def locked(folder: Path):
    """Hold the preview lock (blocks while MkDocs builds from the Markdown)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_state(folder: Path, generation: int, errors: list[str]) -> None:
    """Tell MkDocs a generation finished (it watches this file), with its errors (none: [])."""
    tmp = folder / "state.json.tmp"
    tmp.write_text(json.dumps({"generation": generation, "errors": errors}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / "state.json")


def read_errors(folder: Path) -> list[str]:
    try:
        return json.loads((folder / "state.json").read_text(encoding="utf-8"))["errors"]
    except (OSError, ValueError, KeyError):
        return []


def watch(args, generate, preview: Path | None = None, keep_going=lambda: True) -> int:
    """Run `generate(args, cache)` now and whenever a file under args.content changes (polled
    each second). Content errors go to stderr and, with `preview`, to the previewed page."""
    from .validate import ContentCache

    def stamp():
        return sorted((p.as_posix(), p.stat().st_mtime_ns) for p in args.content.rglob("*") if p.is_file())

    last, generation = None, 0
    # Only edited files are read again, and only their guides' pages rendered; the first run takes
    # what `make site` or an earlier preview read (build/cache/, keyed by each file's hash).
    cache = ContentCache.on_disk(ROOT / "build" / "cache")
    while True:
        now = stamp()
        if now != last:
            last, generation = now, generation + 1
            errors: list[str] = []
            with locked(preview) if preview else _nothing():
                try:
                    generate(args, cache)
                    cache.save()
                except ContentErrors as exc:
                    errors = [str(e) for e in exc.errors]
                except ContentError as exc:
                    errors = [str(exc)]
                if errors:
                    print("\n".join(errors), file=sys.stderr, flush=True)
                if preview:
                    write_state(preview, generation, errors)
        if not keep_going():
            return 0
        time.sleep(1)


@contextmanager
def _nothing():
    yield


# Pagefind over the previewed site, run by the hooks after each build. Kept here, not in the hooks
# file, which MkDocs loads anew with each build: one run at a time across builds.
_indexing = threading.Lock()
_again: set[str] = set()  # sites built again while Pagefind was indexing them


def index_in_background(site: Path) -> None:
    """Index `site` with Pagefind in a thread (into pagefind.new/, then swapped in for pagefind/, with a
    search/bundles.json naming it, as the built site's names its bundles: generator/search_bundles.py),
    so a rebuild is shown at once and search catches up; a build meanwhile has it run again."""
    threading.Thread(target=_index, args=(site,), daemon=True).start()


def _index(site: Path) -> None:
    from . import bundles
    from .build import PAGEFIND_EXCLUDE

    if not _indexing.acquire(blocking=False):
        _again.add(str(site))
        return
    try:
        while True:
            _again.discard(str(site))
            fresh, live, old = site / "pagefind.new", site / "pagefind", site / "pagefind.old"
            shutil.rmtree(fresh, ignore_errors=True)
            done = subprocess.run(
                [sys.executable, "-m", "pagefind_bin_extended", "--site", str(site), "--output-path", str(fresh),
                 "--silent", *(a for selector in PAGEFIND_EXCLUDE for a in ("--exclude-selectors", selector))],
                check=False).returncode == 0
            if done and site.is_dir():
                shutil.rmtree(old, ignore_errors=True)
                if live.exists():
                    live.rename(old)
                fresh.rename(live)
                shutil.rmtree(old, ignore_errors=True)
                # The preview searches one bundle of every year (the search page reads only the manifest).
                bundles.write_manifest(site, [], [{"id": "all", "path": "pagefind/", "scope": "current",
                                                          "years": [], "regions": []}])
            if str(site) not in _again:
                return
    finally:
        _indexing.release()


def serve(args, generate) -> int:
    """Generate, then run `mkdocs serve` on each edition's Markdown (the Chinese one on `--port`,
    the English one on the next port) and regenerate on every change until one of them ends."""
    preview = preview_dir(args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmds = [[sys.executable, "-m", "mkdocs", "serve", "-f", str(serve_config(edition.docs_dir(args.out, lang))),
             "--dirty", "--no-strict", "--dev-addr", f"{args.host}:{args.port + i}"]
            for i, lang in enumerate(edition.languages())]
    servers: list[subprocess.Popen] = []
    # Stopped with SIGTERM (or Ctrl+C): exit normally, so MkDocs and forked page writers end too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        def keep_going():
            if not servers:  # after the first generation: MkDocs needs the Markdown to start
                servers.extend(subprocess.Popen(cmd, cwd=ROOT, env=env) for cmd in cmds)
                for i, lang in enumerate(edition.languages()):
                    print(f"preview ({lang}): http://{args.host}:{args.port + i}/", file=sys.stderr, flush=True)
            return all(server.poll() is None for server in servers)
        watch(args, generate, preview, keep_going)
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            if server.poll() is None:
                server.terminate()
        for server in servers:
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    return max((server.returncode or 0 for server in servers), default=0)
