"""`make serve` as a contributor uses it (issue 18, items 16 and 18): the real preview server on a
free port, over a private copy of content/ that the test edits as a contributor saves a file.

- search works in the preview: Pagefind's bundle and index are served, and rebuilt after a save;
- saving never prints a traceback (MkDocs' --dirty rebuild used to read half-written pages);
- a content error reaches the page being previewed (its preview script shows it) and the terminal.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, copy_content

HUBEI = "guides/hubei/2023-ruankexue-zhongdian.yml"
TITLE = "湖北省科技融媒体平台建设与管理研究"
NEW_TITLE = "湖北省科技融媒体平台建设与管理研究（预览测试）"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(check, what: str, timeout: float = 120):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = check()
        if result:
            return result
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def preview(tmp_path):
    content = copy_content(tmp_path)
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--content", str(content), "serve",
         "--out", str(tmp_path / "build" / "docs"), "--port", str(port)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(base)[0] == 200, "the preview to serve its home page", 180)
        yield content, base, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def preview_errors(base: str) -> list[str] | None:
    status, body = fetch(base + "assets/javascripts/atlas-preview.js")
    if status != 200:
        return None
    errors, _title = json.loads("[" + body[body.rindex("})(") + 3: body.rindex(");")] + "]")
    return errors


def test_preview_searches_rebuilds_cleanly_and_shows_errors_in_the_page(preview):
    content, base, log = preview
    topic = f"{base}guides/hubei/2023-ruankexue-zhongdian/"

    # Search: Pagefind's script and index are there (indexed just after the build), as on the built site.
    wait_for(lambda: fetch(base + "pagefind/pagefind.js")[0] == 200, "Pagefind's bundle")
    assert fetch(base + "pagefind/pagefind-entry.json")[0] == 200
    wait_for(lambda: fetch(base + "search/bundles.json")[0] == 200, "the manifest naming it")  # read by the search page
    page = fetch(topic)[1]
    assert "assets/javascripts/atlas-preview.js" in page  # every page loads the preview script
    assert preview_errors(base) == []

    # A save: the page changes, the index follows, and nothing prints a traceback.
    entry = fetch(base + "pagefind/pagefind-entry.json")[1]
    guide = content / HUBEI
    guide.write_text(guide.read_text(encoding="utf-8").replace(TITLE, NEW_TITLE, 1), encoding="utf-8")
    wait_for(lambda: NEW_TITLE in fetch(topic)[1], "the page to show the new title")
    wait_for(lambda: fetch(base + "pagefind/pagefind-entry.json")[1] != entry, "the search index to be rebuilt")

    # A mistake: the page keeps its last good text and its preview script names the error.
    guide.write_text(guide.read_text(encoding="utf-8").replace("\nregion: hubei", "\nregio: hubei", 1),
                     encoding="utf-8")
    errors = wait_for(lambda: preview_errors(base), "the preview to show the content error")
    assert len(errors) == 1 and "unknown key 'regio'; did you mean 'region'?" in errors[0]
    assert errors[0].startswith("content/guides/hubei/2023-ruankexue-zhongdian.yml:")
    assert NEW_TITLE in fetch(topic)[1]

    # Fixed: the error goes away.
    guide.write_text(guide.read_text(encoding="utf-8").replace("\nregio: hubei", "\nregion: hubei", 1),
                     encoding="utf-8")
    wait_for(lambda: preview_errors(base) == [], "the error to clear")
    log.seek(0)
    output = log.read()
    assert "unknown key 'regio'" in output  # the terminal shows it too
    assert "Traceback" not in output and "server will appear stuck" not in output, output
