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
