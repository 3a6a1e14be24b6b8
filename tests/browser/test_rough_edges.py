"""Issue 23, "Rough edges" and "Words": what a new reader met, in Chromium at phone and desktop
width, light and dark where it shows, served as a static host serves the site (under /atlas/, and
at the host's root for the not-found page). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from .conftest import ARTIFACTS, shot

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LOOKS = [pytest.param(DESKTOP, "light", id="desktop-light"), pytest.param(PHONE, "dark", id="phone-dark"),
         pytest.param(DESKTOP, "dark", id="desktop-dark"), pytest.param(PHONE, "light", id="phone-light")]
WIDTHS = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
BEIJING = dt.timezone(dt.timedelta(hours=8))


# ---------------------------------------------------------------- colours

def _rgba(css: str) -> tuple[float, float, float, float]:
    nums = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (nums[0], nums[1], nums[2], nums[3] if len(nums) > 3 else 1.0)


def _over(fg: str, bg: str) -> tuple[float, float, float]:
    r, g, b, a = _rgba(fg)
    br, bgr, bb, _ = _rgba(bg)
    return (r * a + br * (1 - a), g * a + bgr * (1 - a), b * a + bb * (1 - a))


def _luminance(rgb) -> float:
    def lin(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of a CSS colour (alpha blended) over an opaque background."""
    a, b = _luminance(_over(fg, bg)), _luminance(_over(bg, "rgb(255,255,255)"))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


BACKGROUND = """el => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c)) return c; }
  return getComputedStyle(document.body).backgroundColor || 'rgb(255, 255, 255)'; }"""


def _context(browser, size, scheme, **options):
    return browser.new_context(viewport=size, color_scheme=scheme, locale="zh-CN", **options)


# ---------------------------------------------------------------- 1. the not-found page

class _ErrorPageHandler(http.server.SimpleHTTPRequestHandler):
    """The site under `prefix`, answering a missing address with the edition's 404.html and status
    404 at that address, as nginx's error_page or Apache's ErrorDocument do."""

    prefix = "/atlas/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urlparse(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        path = urlparse(self.path).path
        rel = path[len(self.prefix):] if path.startswith(self.prefix) else ""
        body = (Path(self.directory) / ("en/404.html" if rel.startswith("en/") else "404.html")).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module", params=["/atlas/", "/"], ids=["sub-path", "host-root"])
def error_site(built, request):
    handler = functools.partial(type("Handler", (_ErrorPageHandler,), {"prefix": request.param}), directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{request.param}"
    server.shutdown()


NOT_FOUND = {"zh": "找不到这个页面", "en": "Page not found"}


def _open_not_found(page, root: str, address: str) -> list[str]:
    """Open `address`; return the requests that failed (network errors, or HTTP errors other than
    the page itself and the script's HEAD questions), and to other hosts."""
    bad: list[str] = []
    host = urlparse(root).netloc
    page.on("requestfailed", lambda r: bad.append(f"failed {r.url}"))
    page.on("response", lambda r: bad.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != root + address
            and r.request.method != "HEAD" else None)
    page.on("request", lambda r: bad.append(f"foreign {r.url}") if urlparse(r.url).scheme.startswith("http")
            and urlparse(r.url).netloc != host else None)
    page.goto(root + address)
    page.wait_for_load_state("load")
    return bad


@pytest.mark.parametrize("size,scheme", LOOKS)
def test_not_found_page_works_under_any_folder(browser, error_site, size, scheme):
    """At /atlas/404.html all assets were absolute (/assets/…) and failed, a giant logo filled the
    screen, links and the search form went to the host's root, en/404.html linked the Chinese
    edition; at the root its search input had no visible border. Also shown at deeper addresses,
    as servers show it for any missing page."""
    root = error_site
    addresses = [("404.html", "zh"), ("en/404.html", "en")]
    if urlparse(root).path != "/":  # deeper addresses once, under the sub-path
        addresses += [("guides/gone/deeper/", "zh"), ("en/topics/nowhere", "en")]
    for address, lang in addresses:
        context = _context(browser, size, scheme)
        page = context.new_page()
        try:
            bad = _open_not_found(page, root, address)
            if not address.endswith("404.html"):
                # Shown at a deeper address, Chromium's preload scanner asks for the head's files
                # against that address while the script finds the site's folder; the page then loads
                # them from there. Only those speculative requests may fail.
                bad = [b for b in bad if not b.split(" ", 1)[1].startswith(urljoin(root + address, "./"))]
            assert not bad, (address, bad)
            assert page.eval_on_selector_all("link[rel=stylesheet]", "ls => ls.length > 3 && ls.every(l => l.sheet)"), address
            edition = root + ("en/" if lang == "en" else "")
            assert page.get_attribute("html", "lang") == lang, address
            assert page.locator("article h1").inner_text().strip() == NOT_FOUND[lang], address
            logo = page.locator(".md-header__button.md-logo svg").evaluate("s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; }")
            assert logo[0] <= 48 and logo[1] <= 48, (address, logo)
            links = page.eval_on_selector_all("header a[href], nav a[href], article a[href]", "as => as.map(a => a.href)")
            ours = [h for h in links if urlparse(h).netloc == urlparse(root).netloc]
            assert ours and all(h.startswith(root) for h in ours), (address, [h for h in ours if not h.startswith(root)])
            assert page.locator("article ul a").first.evaluate("a => a.href") == edition, address
            assert page.eval_on_selector("form.atlas-not-found__search", "f => f.action") == edition + "search/"
            box = page.locator("#atlas-not-found-q")
            border = box.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor]; }")
            background = box.evaluate(BACKGROUND)
            assert border[0] != "none" and border[1] >= 1 and contrast(border[2], background) >= 3, (address, border, background)
            if address.endswith("404.html"):
                shot(page, f"not-found-{lang}-{'root' if urlparse(root).path == '/' else 'subpath'}-{size['width']}-{scheme}")
        finally:
            context.close()


def test_not_found_page_without_javascript_is_right_where_it_is_and_says_so(browser, error_site):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        for address, lang in (("404.html", "zh"), ("en/404.html", "en")):
            assert not _open_not_found(page, error_site, address)
            assert page.locator("noscript").count() == 1
            assert page.locator("article ul a").first.evaluate("a => a.href") == error_site + ("en/" if lang == "en" else "")
    finally:
        context.close()


# ---------------------------------------------------------------- 2. past calls

PAST = {"zh": "往期（未载申报时间）", "en": "Past call (no window stated)"}
UNSTATED = {"zh": "未载申报时间", "en": "No window stated"}


def _past_calls(site_model):
    return [g for g in site_model.guides if g.kind == "call" and g.window is None and g.year < site_model.build_date.year]


def test_a_past_call_says_so_on_its_pages_and_the_home_page(page, base_url, site_model):
    """66 of 84 topics (guides of 2021–2023 whose source states no window) read "No window stated"
    on every page; a past call has its own word, which still says no window is stated."""
    past = _past_calls(site_model)
    assert past
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for guide in past:
            for url in (guide.url, guide.topics[0].url):
                page.goto(base_url + prefix + url)
                badge = page.locator(".atlas-badge-line .atlas-status")
                assert badge.inner_text() == PAST[lang] and badge.get_attribute("data-status") == "past", url
        page.goto(base_url + prefix + past[0].url)
        assert PAST[lang] in page.locator("article table").first.inner_text()
        page.goto(base_url + prefix)
        words = page.eval_on_selector_all(".atlas-home-latest .atlas-status", "s => s.map(e => e.textContent)")
        assert PAST[lang] in words and UNSTATED[lang] not in words, words


@pytest.mark.parametrize("size,scheme", LOOKS)
def test_past_calls_on_the_home_page_at_every_width_and_scheme(page, base_url, site_model, size, scheme):
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "en/")
    latest = page.locator(".atlas-home-latest")
    assert latest.locator(".atlas-status[data-status=past]").count() == len(_past_calls(site_model))
    assert all(s.is_visible() for s in latest.locator(".atlas-status[data-status=past]").all())
    shot(page, f"past-call-home-{size['width']}-{scheme}")


@pytest.mark.parametrize("size", WIDTHS)
def test_past_calls_have_their_own_filter_value(page, base_url, site_model, size):
    page.set_viewport_size(size)
    past_topics = {t.title.zh for g in _past_calls(site_model) for t in g.topics}
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page.goto(base_url + prefix + "explorer/?status=past")
        option = page.locator(".atlas-explorer-filters select[name=status] option[value=past]")
        assert option.inner_text() == PAST[lang]
        rows = page.eval_on_selector_all("table.atlas-explorer tbody tr", "rs => rs.filter(r => !r.hidden).map(r => r.querySelector('.atlas-col-status').textContent)")
        assert len(rows) == len(past_topics) and set(rows) == {PAST[lang]}
        page.goto(base_url + prefix + "search/?q=" + ("研究" if lang == "zh" else "research") + "&status=past")
        page.wait_for_selector("li.md-search-result__item", state="attached")
        assert page.locator(".atlas-search-status select option[value=past]").inner_text() == PAST[lang]
        page.wait_for_function("document.querySelector('.atlas-search-status__note') && !document.querySelector('.atlas-search-status__note').hidden")
        years = page.eval_on_selector_all("li.md-search-result__item", "ls => ls.filter(l => !l.hidden).map(l => l.getAttribute('data-atlas-year'))")
        assert years and all(y and int(y) < site_model.build_date.year for y in years), years


def test_status_of_a_call_without_window_is_the_readers_year(page, base_url, site_model):
    """The page's word is recomputed in the reader's time: a call of 2023 read in 2023 is not yet
    past (no window stated); the same page read later is a past call."""
    guide = next(g for g in _past_calls(site_model) if g.year == 2023)
    page.clock.install(time=dt.datetime(2023, 6, 1, 12, tzinfo=BEIJING))
    page.goto(base_url + guide.topics[0].url)
    badge = page.locator(".atlas-badge-line .atlas-status")
    assert badge.inner_text() == UNSTATED["zh"] and badge.get_attribute("data-status") == "custom"
    page.goto(base_url + "explorer/?status=custom")
    assert page.eval_on_selector_all("table.atlas-explorer tbody tr", "rs => rs.filter(r => !r.hidden).length") == \
        sum(len(g.topics) for g in site_model.guides if g.kind == "call" and not g.window and g.year >= 2023)


# ---------------------------------------------------------------- 3. citation

@pytest.mark.parametrize("size", WIDTHS)
def test_citation_on_topic_guide_plan_and_chapter_pages(browser, base_url, site_model, size):
    """The copied text glued the address to the date (…/(accessed2026-12-05).) and existed on topic
    pages only. Now every such page, in both editions, copies its own address (without query or
    fragment), a space, then the date."""
    plan = next(g for g in site_model.guides if g.plan)
    call = next(g for g in site_model.guides if g.kind == "call" and g.doc_number) if any(
        g.doc_number for g in site_model.guides if g.kind == "call") else next(g for g in site_model.guides if g.kind == "call")
    urls = [(call.topics[0].url, call), (call.url, call), (plan.url, plan), (plan.plan.chapters[0].url, plan)]
    context = browser.new_context(viewport=size)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.clock.install(time=dt.datetime(2026, 12, 5, 1, 0, tzinfo=BEIJING))
        for prefix, accessed in (("", " (访问日期：2026-12-05)."), ("en/", " (accessed 2026-12-05).")):
            for url, guide in urls:
                page.goto(base_url + prefix + url + "?from=test#cite")
                page.click(".atlas-cite-copy")
                page.wait_for_function("document.querySelector('.atlas-cite-done').textContent !== ''")
                copied = page.evaluate("navigator.clipboard.readText()")
                here = base_url + prefix + url
                assert copied.endswith(here + accessed), (url, copied)
                assert not re.search(r"\s[)）\].,]", copied) and "  " not in copied, copied
                assert copied.startswith(guide.issuer.zh if not prefix else (guide.issuer.en or guide.issuer.zh)), copied
    finally:
        context.close()


# ---------------------------------------------------------------- 4. focus

@pytest.mark.parametrize("size,scheme", LOOKS)
def test_search_boxes_show_a_visible_focus_ring(page, base_url, size, scheme):
    page.set_viewport_size(size)
    page.emulate_media(color_scheme=scheme)
    style = """e => { const s = getComputedStyle(e); return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),
        color: s.outlineColor, shadow: s.boxShadow, border: s.borderTopColor}; }"""
    for url, selector in (("", "#atlas-home-q"), ("explorer/", ".atlas-explorer-filters input[name=q]"),
                          ("en/", "#atlas-home-q"), ("en/explorer/", ".atlas-explorer-filters input[name=q]")):
        page.goto(base_url + url)
        box = page.locator(selector)
        box.scroll_into_view_if_needed()
        page.mouse.click(1, 1)
        before = box.evaluate(style)
        background = box.evaluate(BACKGROUND)
        box.focus()
        after = box.evaluate(style)
        assert after != before, (url, before, after)
        # A ring of 2 CSS px or more, 3:1 against the page (WCAG 2.2, 1.4.11 and 2.4.13).
        assert after["style"] not in ("none", "auto") and after["width"] >= 2, (url, after)
        assert contrast(after["color"], background) >= 3, (url, after["color"], background)
        ARTIFACTS.mkdir(exist_ok=True)  # the box and its ring only: a full page of the explorer is large
        box.locator("xpath=..").screenshot(path=str(ARTIFACTS / f"focus-{url.strip('/').replace('/', '-') or 'home'}-{size['width']}-{scheme}.png"))


# ---------------------------------------------------------------- 5. explorer

def _visible(page) -> list[str]:
    return page.eval_on_selector_all("table.atlas-explorer tbody tr",
                                     "rs => rs.filter(r => !r.hidden).map(r => r.querySelector('.atlas-col-title a').getAttribute('href'))")


@pytest.mark.parametrize("size", WIDTHS)
def test_explorer_funding_ceiling_counts_as_up_to(page, base_url, site_model, size):
    """不超过 50 万元 went under "50 万元及以上"; buckets are over the stated figure, ceiling or not,
    with inclusive upper bounds, and say so."""
    page.set_viewport_size(size)
    ceilings = [t for t in site_model.topics if t.funding and t.funding.kind != "fixed" and t.funding.amount == 50]
    assert ceilings
    for lang, prefix, upto in (("zh", "", "不超过 50 万元"), ("en", "en/", "up to 50")):
        page.goto(base_url + prefix + "explorer/")
        labels = dict(page.eval_on_selector_all(".atlas-explorer-filters select[name=funding] option",
                                                "os => os.map(o => [o.value, o.textContent])"))
        assert upto in labels["20-50"] and upto not in labels["50-"], labels
        for value, low, high in (("0-10", 0, 10), ("10-20", 10, 20), ("20-50", 20, 50), ("50-", 50, None)):
            page.select_option(".atlas-explorer-filters select[name=funding]", value)
            shown = {h.rsplit("guides/", 1)[1] for h in _visible(page)}
            want = {t.url.rsplit("guides/", 1)[1] for t in site_model.topics if t.funding and t.funding.amount is not None
                    and (t.funding.amount > low or low == 0) and (high is None or t.funding.amount <= high)}
            assert shown == want, (value, lang)
        page.select_option(".atlas-explorer-filters select[name=funding]", "20-50")
        shown = {h.rsplit("guides/", 1)[1] for h in _visible(page)}
        assert {t.url.rsplit("guides/", 1)[1] for t in ceilings} <= shown


@pytest.mark.parametrize("size", WIDTHS)
def test_explorer_title_filter_matches_latin_words_as_words(page, base_url, site_model, size):
    page.set_viewport_size(size)
    def by_word(word):
        return {t.url for t in site_model.topics
                if re.search(rf"(?<![A-Za-z0-9]){word}(?![A-Za-z0-9])", f"{t.title.zh} {t.title.en or ''}", re.I)}
    ai = by_word("AI")
    assert ai and any("rail" in (t.title.en or "") or "chains" in (t.title.en or "") for t in site_model.topics)
    for prefix in ("", "en/"):
        page.goto(base_url + prefix + "explorer/")
        page.fill(".atlas-explorer-filters input[name=q]", "AI")
        assert {h.rsplit("guides/", 1)[1] for h in _visible(page)} == {u.rsplit("guides/", 1)[1] for u in ai}
        page.fill(".atlas-explorer-filters input[name=q]", "轨道")
        assert {h.rsplit("guides/", 1)[1] for h in _visible(page)} == \
            {t.url.rsplit("guides/", 1)[1] for t in site_model.topics if "轨道" in t.title.zh}


# ---------------------------------------------------------------- 6. the language switch

@pytest.mark.parametrize("size", WIDTHS)
def test_language_switch_keeps_the_query_and_the_fragment(page, base_url, site_model, size):
    page.set_viewport_size(size)
    topic = site_model.topics[0]
    for here, there, lang in (("explorer/?year=2023&q=AI#table", "en/explorer/?year=2023&q=AI#table", "en"),
                              ("en/search/?q=finance", "search/?q=finance", "zh-CN"),
                              (topic.url + "#cite", "en/" + topic.url + "#cite", "en")):
        page.goto(base_url + here)
        link = page.locator(f".md-select__link[hreflang='{lang}']")
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(base_url + there)
    # The explorer's filters changed after the page loaded are carried too, and applied there.
    # A track's value is the same in both editions, so the view shows the same rows there.
    page.goto(base_url + "explorer/")
    page.select_option(".atlas-explorer-filters select[name=year]", "2023")
    page.select_option(".atlas-explorer-filters select[name=track]", "一般项目")
    rows = _visible(page)
    assert rows
    page.locator(".md-select__link[hreflang='en']").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "en/explorer/?year=2023&track=%E4%B8%80%E8%88%AC%E9%A1%B9%E7%9B%AE")
    assert page.eval_on_selector(".atlas-explorer-filters select[name=year]", "s => s.value") == "2023"
    assert page.eval_on_selector(".atlas-explorer-filters select[name=track]", "s => s.value") == "一般项目"
    assert [h.rsplit("guides/", 1)[1] for h in _visible(page)] == [h.rsplit("guides/", 1)[1] for h in rows]


# ---------------------------------------------------------------- 7. without SITE_URL

def test_without_site_url_no_empty_sitemap_and_no_relative_event_links(page, base_url):
    for path in ("sitemap.xml", "en/sitemap.xml", "sitemap.xml.gz"):
        assert page.request.get(base_url + path).status == 404, path
    ics = page.request.get(base_url + "calendars/guides.ics").text()
    assert "BEGIN:VEVENT" in ics
    unfolded = re.sub(r"\r\n[ \t]", "", ics)
    assert not re.search(r"^URL[;:]", unfolded, re.M)
    assert "guides/" not in re.sub(r"https?://\S+", "", unfolded)


# ---------------------------------------------------------------- 8. words

@pytest.mark.parametrize("size", WIDTHS)
def test_english_counts_and_labels_read_right(page, base_url, size):
    page.set_viewport_size(size)
    page.goto(base_url + "en/")
    regions = page.locator(".atlas-home-region-list").inner_text()
    assert not re.search(r"\b1 (calls|plans|topics)\b", regions), regions
    assert re.search(r"\b1 call, 1 plan\b", regions), regions  # Chengdu: one call, one plan
    page.goto(base_url + "en/search/")
    summary = page.locator("[data-atlas-search-filters] summary").inner_text()
    assert not re.search(r"[A-Za-z]:[A-Za-z]", summary), summary
    page.goto(base_url + "en/explorer/?q=AI")
    assert page.locator(".atlas-explorer-count").inner_text() == f"Showing 1 of {page.locator('table.atlas-explorer tbody tr').count()} topics"


def test_days_left_take_the_singular(editions_page, editions_url):
    page = editions_page
    page.clock.install(time=dt.datetime(2027, 3, 30, 12, 0, tzinfo=BEIJING))  # the 2026 edition closes 2027-03-31
    page.goto(editions_url + "en/guides/chengdu/2026-shifan/")
    assert page.locator(".atlas-badge-line .atlas-days").inner_text() == "1 day left"
