"""MkDocs hooks for the live preview only (`make serve`, through the config serve.py writes).

- MkDocs rebuilds when the generator has finished a generation (build/preview/state.json), not
  on each Markdown file it writes, and holds the preview lock while it builds: a rebuild never
  reads a half-written page (MkDocs' `--dirty` build failed on one with a Jinja traceback).
- After each build, Pagefind indexes the previewed site, as `make site` does, so search works:
  in the background (at a thousand guides it takes a while), into pagefind.new/, swapped in
  when done; a build meanwhile has it run once more after.
- Every page loads assets/javascripts/atlas-preview.js, written after each build: when the last
  generation failed it shows the content errors at the top of the page (the Markdown, and so the
  page, stays the last good one; the terminal shows the errors too).
"""

from __future__ import annotations

import fcntl
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator import i18n  # noqa: E402
from generator.serve import index_in_background, preview_dir, read_errors  # noqa: E402

SCRIPT = "assets/javascripts/atlas-preview.js"
_lock = None

# The errors go into the page as text (textContent), never as HTML.
_SHOW = """(function (ERRORS, TITLE) {
  if (!ERRORS.length) return;
  function show() {
    var box = document.createElement("div");
    box.className = "atlas-preview-errors";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:sticky;top:0;z-index:10;background:#b71c1c;color:#fff;padding:.8em 1.2em;font-size:.75rem";
    var title = document.createElement("strong");
    title.textContent = TITLE;
    var list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:.5em 0 0;color:inherit;background:none";
    list.textContent = ERRORS.join("\\n");
    box.append(title, list);
    document.body.prepend(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show); else show();
})(%s, %s);
"""


def on_config(config):
    from mkdocs.config.config_options import ExtraScriptValue

    if not any(str(s) == SCRIPT for s in config.extra_javascript):
        config.extra_javascript.append(ExtraScriptValue(SCRIPT))
    return config


def on_serve(server, config, builder):
    """Rebuild when a generation is finished, not as the Markdown is being written."""
    folder = preview_dir(Path(config.docs_dir))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "state.json").touch()
    server.unwatch(config.docs_dir)
    server.watch(str(folder / "state.json"), recursive=False)
    return server


def on_pre_build(config):
    global _lock
    folder = preview_dir(Path(config.docs_dir))
    folder.mkdir(parents=True, exist_ok=True)
    _lock = open(folder / "lock", "a")
    fcntl.flock(_lock, fcntl.LOCK_EX)


def _release():
    global _lock
    if _lock:
        fcntl.flock(_lock, fcntl.LOCK_UN)
        _lock.close()
        _lock = None


def on_build_error(error):
    _release()


def on_post_build(config):
    try:
        site = Path(config.site_dir)
        errors = read_errors(preview_dir(Path(config.docs_dir)))
        lang = config.theme.get("language") or i18n.DEFAULT
        lang = lang if lang in i18n.LANGUAGES else i18n.DEFAULT
        script = site / SCRIPT
        script.parent.mkdir(parents=True, exist_ok=True)
        title = i18n.text(lang, "preview.errors", count=len(errors))
        script.write_text(_SHOW % (json.dumps(errors, ensure_ascii=False), json.dumps(title, ensure_ascii=False)),
                          encoding="utf-8")
        index_in_background(site)
    finally:
        _release()

