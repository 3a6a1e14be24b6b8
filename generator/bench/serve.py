"""How long `make serve` takes to show an edit to one guide, on a given content folder.

Runs what `make serve` runs (`python -m generator serve`: the generator's watch loop and
`mkdocs serve --dirty --no-strict`, see generator/serve.py) on private ports (one per edition),
waits for the first build, edits one guide, and times until the served guide page shows the
edited title in both editions.
"""

from __future__ import annotations

import html
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..build import ROOT
from .corpus import edit_one_guide


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def measure_serve(content: Path, work: Path, log, timeout: float = 900) -> dict:
    docs = work / "serve-docs"
    py = [sys.executable, "-m", "generator", "--content", str(content)]
    port = _free_port()
    port_en = port + 1  # generator serve runs the English edition on the next port
    serve = subprocess.Popen([*py, "serve", "--out", str(docs), "--port", str(port)],
                             stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        start = time.perf_counter()
        while _get(f"http://127.0.0.1:{port}/") is None or _get(f"http://127.0.0.1:{port_en}/") is None:
            if time.perf_counter() - start > timeout or serve.poll() is not None:
                raise RuntimeError("mkdocs serve did not come up; see the log")
            time.sleep(1)
        first_build = time.perf_counter() - start
        time.sleep(3)  # let the watcher settle on the current content
        path, _, title = edit_one_guide(content)
        guide = f"guides/{path.parent.name}/{path.stem}/"
        start = time.perf_counter()
        while True:  # the Chinese guide page shows the new title, the English one the new English title
            english = _get(f"http://127.0.0.1:{port_en}/{guide}") or ""
            if (html.escape(title, quote=False) in (_get(f"http://127.0.0.1:{port}/{guide}") or "")
                    and ("(revised)" in english or html.escape(title, quote=False) in english)):
                break
            if time.perf_counter() - start > timeout:
                raise RuntimeError("the edit never showed")
            time.sleep(0.2)
        return {"serve_first_build_s": round(first_build, 1), "serve_reload_s": round(time.perf_counter() - start, 1)}
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
