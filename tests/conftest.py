"""Shared fixtures: the real content, and one real build of the site for the whole session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import build_site_dir, generate, load_site

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
REPOSITORY = "https://github.com/example/guide-atlas"  # the address `built` is built for


@pytest.fixture(scope="session")
def site_model():
    return load_site(CONTENT)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Generate and build the real content once (mkdocs --strict and Pagefind) into a temp folder."""
    base = tmp_path_factory.mktemp("built")
    docs, site_dir = base / "docs", base / "site"
    # Built as the deploy workflow builds it: with the repository's address (edit buttons, CONTRIBUTING link).
    before = os.environ.get("ATLAS_REPO_URL")
    os.environ["ATLAS_REPO_URL"] = REPOSITORY
    try:
        generate(CONTENT, docs)
        build_site_dir(docs, site_dir)
    finally:
        if before is None:
            del os.environ["ATLAS_REPO_URL"]
        else:
            os.environ["ATLAS_REPO_URL"] = before
    return site_dir


def copy_content(tmp_path: Path) -> Path:
    """A private copy of content/ that a test may break."""
    dest = tmp_path / "content"
    shutil.copytree(CONTENT, dest)
    return dest


# A programme with three editions (tests/fixtures/editions), added to a copy of the real content, built
# once with a fixed build date: the home lists, deadlines, programme and comparison pages have
# something to show (the real content has one edition per programme and one past window).
EDITIONS = ROOT / "tests" / "fixtures" / "editions"
EDITIONS_BUILD_DATE = "2027-02-20"  # the fixture's 2026 edition opens 2027-03-01 09:00, closes 2027-03-31 17:00


def editions_content(tmp_path: Path) -> Path:
    dest = copy_content(tmp_path)
    for f in EDITIONS.glob("*.yml"):
        shutil.copy(f, dest / "guides" / "chengdu" / f.name)
    for f in EDITIONS.glob("*.txt"):
        shutil.copy(f, dest / "sources" / f.name)
    return dest


@pytest.fixture(scope="session")
def editions_model(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATLAS_BUILD_DATE", EDITIONS_BUILD_DATE)
        return load_site(editions_content(tmp_path_factory.mktemp("editions-model")))


@pytest.fixture(scope="session")
def editions_built(tmp_path_factory):
    """The real content plus the fixture editions, generated and built once (mkdocs and Pagefind)."""
    base = tmp_path_factory.mktemp("editions-built")
    content = editions_content(base)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATLAS_BUILD_DATE", EDITIONS_BUILD_DATE)
        generate(content, base / "docs")
        build_site_dir(base / "docs", base / "site")
    return base / "site"
