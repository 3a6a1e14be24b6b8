"""Content is never trusted as HTML, in search either: markup in a guide shows as text in results.

Builds a private copy of the site whose first Hubei topic carries markup in its title and text,
serves it under the sub-path, and searches for it.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import copy_content
from generator.build import build_site_dir, generate

from .conftest import SUBPATH, _Handler

MARKUP = '<img src=x onerror="window.pwned=1">'
TITLE = "湖北省科技融媒体平台建设与管理研究"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    content = copy_content(base)
    guide = content / "guides/hubei/2023-ruankexue-zhongdian.yml"
    text = guide.read_text(encoding="utf-8")
    assert text.count(f"zh: {TITLE}") == 1
    text = text.replace(f"zh: {TITLE}", f"zh: '{TITLE}{MARKUP}'")
    text = text.replace("        content:\n          - 全面调研", f"        content:\n          - {MARKUP} 全面调研", 1)
    guide.write_text(text, encoding="utf-8")
    generate(content, base / "docs")
    build_site_dir(base / "docs", base / "site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(base / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUBPATH}"
    server.shutdown()


def test_markup_in_content_is_shown_as_text_in_results(browser, hostile_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for url in (hostile_site, hostile_site + "search/?q=融媒体平台"):
        page.goto(url)
        if url == hostile_site:
            page.keyboard.press("/")
            page.keyboard.insert_text("融媒体平台")
            page.keyboard.press("End")
        page.wait_for_function("[...document.querySelectorAll('.atlas-search-result__title')]"
                               ".some(t => t.textContent.includes('onerror'))")
        titles = page.eval_on_selector_all(".atlas-search-result__title", "ts => ts.map(t => t.textContent)")
        assert f"{TITLE}{MARKUP}" in titles
        assert page.locator(".md-search-result img").count() == 0
        assert page.evaluate("window.pwned") is None
    context.close()
