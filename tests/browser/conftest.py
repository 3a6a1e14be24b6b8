"""Browser fixtures: the built site served on loopback under a sub-path, and headless Debian Chromium.

Every page a test opens is watched: a request to any host but the local server fails the test.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

SUBPATH = "/atlas/"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def translate_path(self, path):
        # Serve the site only under SUBPATH, as a static host serving it from a folder would.
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + path[len(SUBPATH):])


def _serve(folder):
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_port}{SUBPATH}"


@pytest.fixture(scope="session")
def base_url(built):
    server, url = _serve(built)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def editions_url(editions_built):
    """The site with the fixture programme's three editions (tests/conftest.py), served like base_url."""
    server, url = _serve(editions_built)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page; fails the test if anything is requested from another host."""
    yield from _watched_page(browser, base_url)


@pytest.fixture
def editions_page(browser, editions_url):
    """A fresh page for the editions site, watched the same way."""
    yield from _watched_page(browser, editions_url)


def _watched_page(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    host = urlparse(url).netloc
    foreign: list[str] = []

    def watch(request):
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            foreign.append(request.url)

    context.on("request", watch)  # the context's requests include those of the page's Web Workers
    yield page
    context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


def shot(page, name: str) -> Path:
    """Save a full-page screenshot into tests/artifacts/ (kept by CI)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="session")
def axe_js():
    """axe-core's script (pinned in tests/browser/axe.py), installed from npm on first use."""
    from .axe import ensure_axe

    return ensure_axe()


def h1(page) -> str:
    """The article's h1 as a reader sees it, without the permalink mark."""
    return page.locator("article h1").inner_text().replace("¶", "").strip()
