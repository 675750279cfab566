"""Shared fixtures: throwaway copies of the test sites and the bundled example."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser import chromium

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostics
    from generator.model.entities import Site
    from generator.preview.app import Preview

REPO = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
CORPUS = REPO.parent / "shared" / "corpus"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` by its path, with its bytes; the search index by what it holds, row by row: a
    new index and one updated in place hold the same rows in different database pages."""
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    if "search/index.db" in files:
        files["search/index.db"] = search_rows(folder / "search/index.db")
    return files


def search_rows(db: Path) -> bytes:
    """What the index holds, each row by its document's URL: an update keeps each document's id, where a new
    index numbers documents of one day afresh."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        url = dict(conn.execute("SELECT id, url FROM doc").fetchall())
        docs = sorted(row[1:] for row in conn.execute("SELECT * FROM doc"))
        rows = sorted((url[rowid >> 22 & (1 << 28) - 1], rowid >> 50, rowid & (1 << 22) - 1, *rest)
                      for rowid, *rest in conn.execute("SELECT rowid, * FROM fts"))
        facets = conn.execute("SELECT * FROM facet ORDER BY 1, 2").fetchall()
    return repr((docs, rows, facets)).encode()


def search_text(db: Path) -> bytes:
    """Every text the index holds, as it holds it (a page of SQLite's own bytes is no text to search)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        values = [value for table in ("doc", "fts", "facet") for row in conn.execute(f"SELECT * FROM {table}")
                  for value in row if isinstance(value, str)]
    return "\n".join(values).encode()


def copy_site(tmp_path: Path, *overlays: Path) -> Path:
    """tmp_path/content: the minimal site with each overlay's files laid over it; returns the site folder."""
    site = tmp_path / "content"
    shutil.copytree(SITES / "minimal", site)
    for overlay in overlays:
        shutil.copytree(overlay, site, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return site


def use_own_theme(site: Path) -> Path:
    """Gives the site a copy of the default theme (so that edits to the real one cannot reach the test)."""
    theme = site / "theme"
    shutil.copytree(REPO / "themes/default", theme)
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("theme: ./theme\n")
    return theme


@contextmanager
def previewing(site: Path) -> Iterator[Preview]:
    """`podsite serve` of the site on 127.0.0.1 at a free port, built and watching, stopped afterwards."""
    from generator.preview.app import Preview

    running = Preview(site, port=0, delay=0.05)
    assert running.start().ok
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def browser() -> Iterator[Any]:
    """A headless Chromium for a browser test (skipped where there is none), closed afterwards."""
    with chromium() as launched:
        yield launched


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


def feed_documents(site: Site, diags: Diagnostics) -> dict[str, bytes]:
    """Every feed document by path, as a build makes them (render/pieces.py's feed_files, with no records)."""
    from generator.render.pieces import FeedRecords, feed_files

    return {path: data for path, (data, _) in feed_files(site, diags, FeedRecords(), frozenset()).items()}
