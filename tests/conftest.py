"""Shared fixtures: throwaway copies of the test sites and the bundled example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
CORPUS = REPO.parent / "shared" / "corpus"


def copy_site(tmp_path: Path, *overlays: Path) -> Path:
    """tmp_path/content: the minimal site with each overlay's files laid over it; returns the site folder."""
    site = tmp_path / "content"
    shutil.copytree(SITES / "minimal", site)
    for overlay in overlays:
        shutil.copytree(overlay, site, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return site


@pytest.fixture
def minimal_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of tests/sites/minimal; the working directory is its parent so paths print short."""
    monkeypatch.chdir(tmp_path)
    return copy_site(tmp_path)


@pytest.fixture
def example_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the bundled example content/."""
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "content"
    shutil.copytree(REPO / "content", site)
    return site


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (then review the diff by eye)")
