"""The search index as the build writes it (generator/indexing.py): search/index.db in the output, kept in the
cache folder and checked there, brought up to date by each build, and never holding what the build does not
publish."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import tree

from generator.cache.state import cache_dir
from generator.engine import Builder, build
from generator.indexing import DATABASE

PHRASE = "zanzibarian marmalade"


@pytest.fixture
def minimal_site(minimal_site: Path) -> Path:
    """The minimal site, with the search index turned on (site.yaml's 'search', off by default)."""
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "search: true\n", encoding="utf-8")
    return minimal_site


def urls_matching(out: Path, query: str) -> list[str]:
    with sqlite3.connect(f"file:{out / 'search/index.db'}?mode=ro", uri=True) as db:
        return [row[0] for row in db.execute(
            "SELECT DISTINCT d.url FROM fts f JOIN doc d ON d.id = (f.rowid >> 22) & 268435455 "
            "WHERE fts MATCH ? ORDER BY d.url", (f'"{query}"',))]


def built(site: Path, out: Path, drafts: bool = False) -> Builder:
    builder = Builder(site, out, drafts=drafts, jobs=1)
    result = builder.build()
    assert result.ok, result.diagnostics.report()
    return builder


def add_to_transcript(site: Path, episode: str, text: str) -> Path:
    path = site / "episodes" / episode / "transcript.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n**Gus:** {text}\n", encoding="utf-8")
    return path


def clean(site: Path, tmp_path: Path, drafts: bool = False) -> dict[str, bytes]:
    out = tmp_path / "clean"
    shutil.rmtree(out, ignore_errors=True)
    assert build(site, out, drafts=drafts, jobs=1).ok
    return tree(out)


def test_the_build_writes_the_index_as_a_link_to_the_cache_and_finds_a_transcript_phrase(
        minimal_site: Path, tmp_path: Path) -> None:
    add_to_transcript(minimal_site, "show/1", f"We spoke of {PHRASE} at length.")
    out = tmp_path / "out"
    built(minimal_site, out)
    assert urls_matching(out, PHRASE) == ["show/1/"]
    published, kept = out / "search/index.db", cache_dir(out) / DATABASE
    assert published.stat().st_ino == kept.stat().st_ino  # one file, not a copy


def test_an_edit_updates_the_index_like_a_clean_build_and_a_build_that_changes_no_row_keeps_the_file(
        minimal_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(minimal_site, out)
    assert urls_matching(out, PHRASE) == []
    add_to_transcript(minimal_site, "show/1", f"Now {PHRASE}.")
    result = Builder(minimal_site, out, jobs=1).build()
    assert result.ok and result.episodes_kept == 1
    assert urls_matching(out, PHRASE) == ["show/1/"]
    assert tree(out) == clean(minimal_site, tmp_path)
    inode = (out / "search/index.db").stat().st_ino
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "description: Said once more.\n", encoding="utf-8")
    assert Builder(minimal_site, out, jobs=1).build().ok
    assert (out / "search/index.db").stat().st_ino == inode
    assert tree(out) == clean(minimal_site, tmp_path)


def test_the_preview_follows_an_edit_and_a_removed_episode_leaves_the_index(minimal_site: Path,
                                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    builder = built(minimal_site, out, drafts=True)
    edited = add_to_transcript(minimal_site, "show/1", f"Also {PHRASE}.")
    assert builder.build(changed=[edited]).ok
    assert urls_matching(out, PHRASE) == ["show/1/"]
    gone = edited.parent
    shutil.rmtree(gone)
    assert builder.build(changed=[gone]).ok
    assert urls_matching(out, PHRASE) == []
    assert tree(out) == clean(minimal_site, tmp_path, drafts=True)


def test_the_index_is_off_by_default(minimal_site: Path, tmp_path: Path) -> None:
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("search: true\n", ""), encoding="utf-8")
    built(minimal_site, tmp_path / "out")
    assert not (tmp_path / "out/search").exists()
    assert not (cache_dir(tmp_path / "out") / DATABASE).exists()


def test_drafts_are_not_in_the_index_of_podsite_build(minimal_site: Path, tmp_path: Path) -> None:
    add_to_transcript(minimal_site, "show/1", f"A draft's {PHRASE}.")
    out = tmp_path / "out"
    built(minimal_site, out)
    assert urls_matching(out, PHRASE) == ["show/1/"]
    notes = minimal_site / "episodes/show/1/episode.md"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("\n---", "\ndraft: true\n---", 1), encoding="utf-8")
    assert Builder(minimal_site, out, jobs=1).build().ok
    assert urls_matching(out, PHRASE) == []
    built(minimal_site, tmp_path / "with-drafts", drafts=True)
    assert urls_matching(tmp_path / "with-drafts", PHRASE) == ["show/1/"]


def test_an_index_that_fails_its_check_is_written_again_with_every_episode(minimal_site: Path,
                                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(minimal_site, out)
    kept = cache_dir(out) / DATABASE
    with sqlite3.connect(kept) as db:  # edited behind podsite's back: an episode's title as a search shows it
        db.execute("UPDATE fts SET text = 'planted' WHERE rowid = (SELECT min(rowid) FROM fts WHERE rowid >> 50 = 1)")
    result = Builder(minimal_site, out, jobs=1).build()
    assert result.ok and result.episodes_kept == 0
    assert urls_matching(out, "planted") == []
    assert tree(out) == clean(minimal_site, tmp_path)


def test_a_build_with_errors_leaves_the_published_index_as_it_was(minimal_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(minimal_site, out)
    before = tree(out)
    add_to_transcript(minimal_site, "show/1", PHRASE)
    notes = minimal_site / "episodes/show/2/episode.md"
    notes.write_text(notes.read_text(encoding="utf-8").replace("published: 2024-02-05", "published: someday"),
                     encoding="utf-8")
    assert not Builder(minimal_site, out, jobs=1).build().ok
    assert tree(out) == before
    assert not any(name.endswith(".new") for name in os.listdir(cache_dir(out)))
