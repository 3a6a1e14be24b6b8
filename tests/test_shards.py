"""The sharded build (generator/shards.py) as `make site` runs it: `shards --generate`, each shard's
`build --shard` (two at once, by xargs -P 2), `assemble`; with a small page budget the real content
makes several shards of both editions. The assembled site is the unsharded site a reader gets, page
for page and byte for byte; the search bundles manifest lists every shard's bundle; a link to a page
of another shard is checked; an edit to one guide rebuilds only the shards whose pages changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPOSITORY, ROOT, copy_content

BUDGET = "200"  # files per shard: the real content's two editions in about ten shards


def run(base: Path, content: Path, *args: str, check: bool = True, stdin: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "generator", "--content", str(content), "--shards-dir", str(base / "build" / "shards"), *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, input=stdin, timeout=600,
                          env={**os.environ, "ATLAS_SHARD_PAGES": BUDGET, "ATLAS_REPO_URL": REPOSITORY})
    if check and done.returncode:
        raise AssertionError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done


def make_site(base: Path, content: Path) -> list[str]:
    """What `make site` runs; the names of the shards xargs built (not skipped)."""
    names = run(base, content, "shards", "--generate", "--names").stdout.split()
    stats = base / "stats"
    done = subprocess.run(
        ["xargs", "-P", "2", "-I{}", sys.executable, "-m", "generator", "--content", str(content), "--shards-dir",
         str(base / "build" / "shards"), "build", "--no-generate", "--site-dir", str(base / "site"),
         "--stats", str(stats / "{}.json"), "--shard", "{}"],
        cwd=ROOT, input="\n".join(names) + "\n", capture_output=True, text=True, timeout=900,
        env={**os.environ, "ATLAS_SHARD_PAGES": BUDGET, "ATLAS_REPO_URL": REPOSITORY})
    assert done.returncode == 0, done.stderr[-3000:]
    run(base, content, "assemble", "--site-dir", str(base / "site"))
    built = [n for n in names if not json.loads((stats / f"{n}.json").read_text())["skipped"]]
    for f in stats.glob("*.json"):
        f.unlink()
    return built


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    base = tmp_path_factory.mktemp("sharded")
    content = copy_content(base)
    built = make_site(base, content)
    return base, content, built


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def test_several_shards_of_both_editions(sharded):
    base, content, built = sharded
    plan = json.loads((base / "build" / "shards" / "plan.json").read_text())["shards"]
    names = {s["name"] for s in plan}
    assert set(built) == names
    assert {s["lang"] for s in plan} == {"zh", "en"}
    assert sum(s["kind"] == "year" for s in plan) >= 6 and {"zh-hub", "en-hub"} <= names
    assert all(len(s["files"]) <= int(BUDGET) for s in plan)
    listed = run(base, content, "shards").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == [s["name"] for s in plan]


def test_the_assembled_site_is_the_unsharded_site(sharded, built):
    """Same pages at the same URLs, byte for byte; only the search bundles differ (one per shard)."""
    base = sharded[0]
    mine, theirs = files(base / "site"), files(built)
    bundle = ("pagefind/", "search/", "en/search/")
    pages = {p for p in theirs if not p.startswith(bundle)}
    assert pages == {p for p in mine if not p.startswith(bundle)}
    different = [p for p in pages if mine[p].read_bytes() != theirs[p].read_bytes()]
    assert not different, different[:5]


def test_manifest_lists_every_bundle(sharded):
    base = sharded[0]
    site = base / "site"
    plan = json.loads((base / "build" / "shards" / "plan.json").read_text())["shards"]
    for lang, edir in (("zh", ""), ("en", "en/")):
        manifest = json.loads((site / edir / "search" / "bundles.json").read_text())
        assert manifest["current_years"] == [2022, 2023]  # the content's two latest years
        ids = {b["id"]: b for b in manifest["bundles"]}
        for shard in (s for s in plan if s["lang"] == lang and s["kind"] == "year"):
            entry = ids[shard["name"]]  # every year shard has topic pages to index
            assert entry["years"] == shard["years"] and entry["regions"] == shard["regions"]
            assert entry["scope"] == ("current" if shard["years"][0] >= 2022 else "archive")
        titles = [b for b in manifest["bundles"] if b["scope"] == "titles"]
        assert len(titles) == 1 and titles[0]["years"] == [2020, 2021, 2022, 2023]
        for entry in manifest["bundles"]:
            assert entry["path"].endswith("pagefind/")
            assert (site / edir / entry["path"] / "pagefind.js").is_file()
            assert (site / edir / entry["path"] / "pagefind-entry.json").is_file()


def test_links_across_shards_resolve(sharded):
    """A topic page (a year shard) links the tag pages and its region (the hub) as MkDocs would."""
    site = sharded[0] / "site"
    page = site / "guides" / "hubei" / "2023-ruankexue-zhongdian" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../../../regions/hubei/"' in html or 'href="../../../regions/"' in html
    hrefs = [h for h in __import__("re").findall(r'href="([^"#:]+)"', html) if not h.startswith("http")]
    for href in hrefs:
        target = (page.parent / href).resolve()
        assert target.exists() and (target.is_file() or (target / "index.html").is_file()), href


def test_a_link_to_a_missing_page_in_another_shard_fails(sharded, tmp_path):
    base, content, _ = sharded
    docs = base / "build" / "shards" / "docs" / "zh-2023-a" / "guides" / "hubei" / "2023-ruankexue-zhongdian" / "index.md"
    before = docs.read_text(encoding="utf-8")
    docs.write_text(before + "\n[gone](../../../tags/no-such-tag/index.md)\n", encoding="utf-8")
    try:
        failed = run(base, content, "build", "--no-generate", "--shard", "zh-2023-a", "--site-dir",
                     str(base / "site"), check=False)
    finally:
        docs.write_text(before, encoding="utf-8")
    assert failed.returncode != 0
    assert f"{docs}: link to '../../../tags/no-such-tag/index.md': no page or file 'tags/no-such-tag/index.md'" \
        in failed.stderr
    assert "Traceback" not in failed.stderr.split("Aborted")[0].split("WARNING")[-1]


def test_one_guide_edit_rebuilds_only_its_shards(sharded):
    base, content, _ = sharded
    site = base / "site"
    plan = {s["name"]: s for s in json.loads((base / "build" / "shards" / "plan.json").read_text())["shards"]}
    inodes = {p: p.stat().st_ino for p in site.rglob("index.html")}
    guide = content / "guides" / "hubei" / "2023-ruankexue-zhongdian.yml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("zh: 湖北省科技融媒体平台建设与管理研究\n", "zh: 湖北省科技融媒体平台建设与管理研究（修订）\n", 1),
                     encoding="utf-8")
    rebuilt = make_site(base, content)
    assert "zh-2023-a" in rebuilt and "zh-hub" in rebuilt  # its pages, and the lists that show it
    kept = [name for name in plan if name not in rebuilt]
    assert kept and "en-2020-a" in kept
    topic = next(site.glob("guides/hubei/2023-ruankexue-zhongdian/*/1-*/index.html"))
    assert "管理研究（修订）" in topic.read_text(encoding="utf-8")
    for name in kept:  # an unchanged shard's pages: the same files, neither rebuilt nor copied
        edir = "en/" if name.startswith("en-") else ""
        page = next(p for p in plan[name]["files"] if p.endswith("index.md"))
        path = site / edir / page.replace("index.md", "index.html")
        assert path.stat().st_ino == inodes[path], path
    assert "up to date" in run(base, content, "shards", "--generate").stderr  # nothing left to do
