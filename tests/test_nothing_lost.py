"""Nothing is lost: a failed build leaves the previous site byte for byte; equal content builds equal bytes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT, copy_content
from generator.build import build_site_dir, generate


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder under `folder`: its bytes (files) and modification time."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        st = path.stat()
        out[rel] = (path.read_bytes() if path.is_file() else None, st.st_mtime_ns)
    return out


def site_command(content: Path, docs: Path, site: Path, **env) -> subprocess.CompletedProcess:
    """`python -m generator --content … site` as `make site` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(content), "site", "--out", str(docs), "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env}, timeout=600,
    )


@pytest.fixture
def previous_site(built, tmp_path) -> Path:
    """A copy of a good build, standing where the next build will go."""
    site = tmp_path / "site"
    shutil.copytree(built, site)
    return site


def assert_untouched(site: Path, before: dict) -> None:
    assert snapshot(site) == before
    assert not site.with_name("site.new").exists()
    assert not site.with_name("site.old").exists()


def test_content_error_leaves_the_site_as_it_was(previous_site, tmp_path):
    before = snapshot(previous_site)
    assert len(before) > 100
    content = copy_content(tmp_path)
    guide = content / "guides" / "hubei" / "2023-ruankexue-zhongdian.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("year: 2023", "year: 二〇二三"), encoding="utf-8")
    result = site_command(content, tmp_path / "docs", previous_site)
    assert result.returncode == 1
    assert "content/guides/hubei/2023-ruankexue-zhongdian.yml:5:7: year must be a whole number" in result.stderr
    assert "nothing was built" in result.stderr
    assert "Traceback" not in result.stderr
    assert_untouched(previous_site, before)


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "docs"
    generate(CONTENT, out)
    return out


def test_broken_link_in_generated_docs_leaves_the_site_as_it_was(previous_site, docs, tmp_path):
    broken = tmp_path / "docs"
    shutil.copytree(docs, broken)
    (broken / "about" / "index.md").write_text(
        (broken / "about" / "index.md").read_text(encoding="utf-8") + "\n[gone](../no-such-page/index.md)\n",
        encoding="utf-8",
    )
    before = snapshot(previous_site)
    with pytest.raises(subprocess.CalledProcessError):
        build_site_dir(broken, previous_site)
    assert_untouched(previous_site, before)


def test_theme_template_error_leaves_the_site_as_it_was(previous_site, docs, tmp_path):
    config = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    main = tmp_path / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace("{{ super() }}", "{{ super( }}"), encoding="utf-8")
    before = snapshot(previous_site)
    with pytest.raises(subprocess.CalledProcessError):
        build_site_dir(docs, previous_site, config=config)
    assert_untouched(previous_site, before)


def test_a_good_build_replaces_the_site_and_equal_content_builds_equal_bytes(tmp_path):
    """Two builds from different folders, the second over a stale site: every file equal."""
    first, second = tmp_path / "one", tmp_path / "two"
    (second / "site").mkdir(parents=True)
    (second / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    for base in (first, second):
        result = site_command(CONTENT, base / "docs", base / "site", ATLAS_BUILD_DATE="2026-11-25")
        assert result.returncode == 0, result.stderr
    assert not (second / "site" / "stale.html").exists()
    a, b = snapshot(first / "site"), snapshot(second / "site")
    # Pagefind 1.5.2 writes its filter index in hash-map order, so pagefind/filter/, the metadata
    # file and the entry file that name them by content hash differ from run to run even on the
    # same input (seen by running it twice on one folder). Everything else, Pagefind's page
    # fragments and word index included, must be equal byte for byte.
    # (Each search bundle is a Pagefind bundle: <edition>/search/<id>/pagefind/, issue 22.)
    def ours(rel: str) -> bool:
        rel = "pagefind/" + rel.split("/pagefind/", 1)[1] if "/pagefind/" in rel else rel
        return not (rel.startswith("pagefind/filter/") or rel.startswith("pagefind/pagefind.")
                    and rel.endswith(".pf_meta") or rel == "pagefind/pagefind-entry.json")

    a = {rel: v for rel, v in a.items() if ours(rel)}
    b = {rel: v for rel, v in b.items() if ours(rel)}
    assert sorted(a) == sorted(b)
    assert len(a) > 100 and any("/pagefind/fragment/" in rel for rel in a)
    different = [rel for rel in a if a[rel][0] != b[rel][0]]
    assert not different, different[:20]
