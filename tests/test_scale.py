"""Pages that do not grow with the corpus, and rebuilds that do only what they must.

Two synthetic corpora (generator/bench/corpus.py: the real guides' shapes, text cut
from the real sources) are built through the real pipeline; no timing is asserted here
(speed is measured by `make bench`).
"""

from __future__ import annotations

import html

import re
import statistics
from pathlib import Path

import pytest

from conftest import CONTENT
from generator.bench.corpus import edit_one_guide, write_corpus
from generator.bench.measure import site_figures
from generator.build import build_site_dir, generate
from generator.edition import docs_dir
from generator.pages import home, tags
from generator.related import related_topics
from generator.render import Renderer, md_escape, page_path
from generator.validate import ContentCache

MB = 1024 * 1024


def _build(base: Path, guides: int) -> dict:
    content = write_corpus(base / "content", guides, CONTENT)
    docs, site = base / "docs", base / "site"
    result = generate(content, docs)
    build_site_dir(docs, site)
    return {"content": content, "docs": docs, "site": site, "model": result.site}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    return {n: _build(tmp_path_factory.mktemp(f"corpus{n}"), n) for n in (5, 40)}


def _topic_pages(site: Path) -> list[Path]:
    # guides/<region>/<guide>/<track>/<topic>/index.html
    return [p for p in site.glob("guides/*/*/*/*/index.html")]


def test_corpora_differ_in_size(corpora):
    small, large = corpora[5]["model"], corpora[40]["model"]
    assert len(large.guides) == 8 * len(small.guides)
    assert len(large.topics) > 5 * len(small.topics)
    assert len(_topic_pages(corpora[40]["site"])) == len(large.topics)


def test_topic_page_html_is_flat(corpora):
    small, large = (statistics.median(p.stat().st_size for p in _topic_pages(corpora[n]["site"])) for n in (5, 40))
    assert abs(large - small) / small < 0.10, (small, large)


def _nav_links(html: str) -> list[str]:
    primary = html[html.index("md-nav--primary"):]
    primary = primary[: primary.index("</nav>")]
    return re.findall(r'<a href="([^"]*)" class="md-nav__link', primary)


def test_nav_is_the_same_fixed_set_whatever_the_corpus(corpora):
    counts = {}
    for n, built in corpora.items():
        pages = _topic_pages(built["site"])[:3] + sorted(built["site"].glob("regions/*/index.html"))[:2]
        counts[n] = {len(_nav_links(p.read_text(encoding="utf-8"))) for p in pages}
    assert counts[5] == counts[40], counts
    (count,) = counts[40]
    assert 3 <= count <= 10  # home, regions, tags, about (+ the sections other pages add), never guides


def test_no_page_over_its_cap(corpora):
    figures = site_figures(corpora[40]["site"])
    assert figures["largest_html_bytes"] < MB, figures["largest_html"]


TOPIC_ROW = "\n<tr><td><a "  # a row of a tag's listing (_tag_listing.md.j2)


def test_long_listings_are_split_or_capped(tmp_path, corpora, monkeypatch):
    built = corpora[40]
    limit = 12
    monkeypatch.setattr(tags, "TAG_PAGE_ROWS", limit)
    docs = tmp_path / "docs"
    generate(built["content"], docs)
    model = built["model"]
    split = [t for t in model.tags if len(model.topics_by_tag[t.slug]) > limit]
    assert split, "the corpus should have tags used by more topics than the limit"
    for tag in model.tags:
        text = (docs / page_path(tag.url)).read_text(encoding="utf-8")
        rows = text.count(TOPIC_ROW)
        if tag in split:
            regions = {t.guide.region.slug for t in model.topics_by_tag[tag.slug]}
            assert rows == 0 and text.count("\n| [") == len(regions)  # one row per region, linking to its page
            for slug in regions:
                sub = (docs / page_path(tags.region_url(tag, model_region(model, slug)))).read_text(encoding="utf-8")
                listed = sum(1 for t in model.topics_by_tag[tag.slug] if t.guide.region.slug == slug)
                assert sub.count(TOPIC_ROW) == listed
        else:
            assert rows == len(model.topics_by_tag[tag.slug])
    home_md = (docs / "index.md").read_text(encoding="utf-8")
    latest = home_md[home_md.index('id="latest"'):home_md.index("</section>", home_md.index('id="latest"'))]
    assert latest.count("<li>") == home.LATEST < len(model.guides)
    about = (docs / "about/index.md").read_text(encoding="utf-8")
    assert "sources/" not in about  # each region page lists its own sources


def model_region(model, slug):
    return next(r for r in model.regions if r.slug == slug)


def test_noop_rebuild_writes_nothing_and_skips_the_site(corpora, tmp_path):
    built = corpora[5]
    report = generate(built["content"], built["docs"]).report
    assert report.written == [] and report.removed == []
    stamp = tmp_path / "site.stamp"
    first = build_site_dir(built["docs"], built["site"], stamp_file=stamp)
    # both editions' MkDocs at once (and each one's own figures), then Pagefind over both
    assert not first.skipped and [s.name for s in first.steps] == ["mkdocs", "mkdocs-zh", "mkdocs-en", "pagefind"]
    again = build_site_dir(built["docs"], built["site"], stamp_file=stamp)
    assert again.skipped and again.steps == []


def test_one_guide_edit_rewrites_only_its_pages_and_listings(corpora):
    built = corpora[40]
    docs = built["docs"]
    path, number, title = edit_one_guide(built["content"])
    result = generate(built["content"], docs)
    model = result.site
    guide = next(g for g in model.guides if g.region.slug == path.parent.name and g.id == path.stem)
    track = guide.tracks[0]
    index = next(i for i, t in enumerate(track.topics) if t.number == number)
    topic = track.topics[index]
    assert topic.title.zh == title
    listed = {tag.url if len(model.topics_by_tag[tag.slug]) <= tags.TAG_PAGE_ROWS else tags.region_url(tag, guide.region)
              for tag in topic.tags}
    required = {prefix + page_path(u) for u in {topic.url, track.url, guide.url, track.topics[index - 1].url,
                                                track.topics[index + 1].url, *listed} for prefix in ("", "en/")}
    written = set(result.report.written)
    assert required <= written
    # Nothing else changed: every page written shows the new title, and every page showing it was written.
    # Pages carry it Markdown-escaped; the open data (CSV, JSON) carries it as plain text. The English
    # edition (en/, from docs-en) shows the new English title, or the Chinese one (beneath a heading,
    # in JSON-LD).
    showing = set()
    for prefix, folder, titles in (("", docs, [topic.title.zh]), ("en/", docs_dir(docs, "en"), [topic.title.zh, topic.title.en])):
        for p in folder.rglob("*"):
            if p.is_file():
                text = p.read_text(encoding="utf-8", errors="replace")
                # (raw HTML lists, such as related topics, carry it HTML-escaped, not Markdown-escaped)
                if any(form in text for t in titles if t
                       for form in ((str(md_escape(t)), html.escape(t)) if p.suffix == ".md" else (t,))):
                    showing.add(prefix + p.relative_to(folder).as_posix())
    assert written == showing
    assert result.report.removed == []


def test_generate_stamp_skips_only_when_nothing_changed(tmp_path):
    content = write_corpus(tmp_path / "content", 3, CONTENT)
    docs, stamp = tmp_path / "docs", tmp_path / "generate.stamp"
    first = generate(content, docs, stamp_file=stamp)
    assert not first.skipped and first.report.written
    assert generate(content, docs, stamp_file=stamp).skipped
    page = docs / "about" / "index.md"
    page.unlink()  # a page removed by hand is written again
    again = generate(content, docs, stamp_file=stamp)
    assert not again.skipped and again.report.written == ["about/index.md"]
    edit_one_guide(content)  # an edited guide is read again
    edited = generate(content, docs, stamp_file=stamp)
    assert not edited.skipped and edited.report.written
    assert generate(content, docs, stamp_file=stamp).skipped


def test_parallel_writers_write_the_same_files(tmp_path):
    content = write_corpus(tmp_path / "content", 4, CONTENT)
    one, two = generate(content, tmp_path / "one"), generate(content, tmp_path / "two", jobs=2)
    assert one.report.written == two.report.written and len(two.report.written) > 50
    for path in one.report.written:
        assert _file(tmp_path / "one", path).read_bytes() == _file(tmp_path / "two", path).read_bytes(), path
    (tmp_path / "two" / "stale" / "x").mkdir(parents=True)
    (tmp_path / "two" / "stale" / "x" / "index.md").write_text("old", encoding="utf-8")
    again = generate(content, tmp_path / "two", jobs=2)
    assert again.report.written == [] and again.report.unchanged == len(one.report.written)
    assert again.report.removed == ["stale/x/index.md"] and not (tmp_path / "two" / "stale").exists()


def _file(docs: Path, path: str) -> Path:
    """A written file ("en/…" is in the English edition's folder beside `docs`)."""
    return docs_dir(docs, "en") / path[3:] if path.startswith("en/") else docs / path


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_watch_rebuilds_render_only_the_edited_guide_and_match_a_full_build(tmp_path):
    content = write_corpus(tmp_path / "content", 6, CONTENT)
    docs, cache = tmp_path / "docs", ContentCache()
    generate(content, docs, cache=cache)
    path, _, _ = edit_one_guide(content)
    rendered = []
    original = Renderer.render
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Renderer, "render", lambda self, template, url, **kw: rendered.append(url) or original(self, template, url, **kw))
        result = generate(content, docs, cache=cache)
    guide_prefix = f"guides/{path.parent.name}/{path.stem}/"
    guide_pages = [u for u in rendered if u.startswith("guides/")]
    # Rendered again: the edited guide's pages, and pages of guides whose topics list one of
    # its topics as related (they show its titles); no other guide's pages.
    related = related_topics(result.site.topics)
    showing = {t.guide.url for t in result.site.topics
               if any(r.topic.guide.url == guide_prefix for r in related[t.key])} | {guide_prefix}
    assert any(u.startswith(guide_prefix) for u in guide_pages)
    assert all(any(u.startswith(g) for g in showing) for u in guide_pages)
    assert len({u.split("/")[2] for u in guide_pages}) < len(result.site.guides) or len(showing) == len(result.site.guides)
    assert result.report.written and result.report.removed == []
    full = generate(content, tmp_path / "full")
    assert _tree(docs) == _tree(tmp_path / "full")
    # A tag renamed in tags.yml shows on topic pages of every guide: all are rendered again.
    tags_file = content / "tags.yml"
    renamed = max(full.site.tags, key=lambda t: len(full.site.topics_by_tag[t.slug])).zh
    tags_file.write_text(tags_file.read_text(encoding="utf-8").replace(f"zh: {renamed}\n", f"zh: {renamed}新\n"),
                         encoding="utf-8")
    renamed_result = generate(content, docs, cache=cache)
    assert any(p.startswith("guides/") and not p.startswith(guide_prefix) for p in renamed_result.report.written)
    generate(content, tmp_path / "full2")
    assert _tree(docs) == _tree(tmp_path / "full2")
    # A deleted guide: its pages go, and what it linked to is rendered again.
    path.unlink()
    deleted = generate(content, docs, cache=cache)
    # (its pages, its source text, its own data file and calendar, all named by its id, its
    # region's explorer page where the region has no other topics, and its programme's page
    # where it was the programme's only edition)
    region_explorer = f"explorer/{path.parent.name}/"
    region_programmes = f"programmes/{path.parent.name}/"
    assert deleted.report.removed and all(
        p.removeprefix("en/").startswith((guide_prefix, "sources/", region_explorer, region_programmes))
        or path.stem in p
        for p in deleted.report.removed)
    generate(content, tmp_path / "full3")
    assert _tree(docs) == _tree(tmp_path / "full3")


def test_watch_started_on_up_to_date_pages_still_renders_the_next_edit(tmp_path):
    content = write_corpus(tmp_path / "content", 4, CONTENT)
    docs, stamp_file = tmp_path / "docs", tmp_path / "generate.stamp"
    generate(content, docs, stamp_file=stamp_file)  # make site, then make serve starts watching
    cache = ContentCache()
    first = generate(content, docs, stamp_file=stamp_file, cache=cache)
    assert not first.skipped and first.report.written == [] and cache.docs
    path, _, title = edit_one_guide(content)
    after = generate(content, docs, stamp_file=stamp_file, cache=cache)
    assert f"guides/{path.parent.name}/{path.stem}/index.md" in after.report.written
    generate(content, tmp_path / "full")
    assert _tree(docs) == _tree(tmp_path / "full")
