"""The search index (generator/render/search_index.py): what it holds, in what order, and how one edit updates it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from generator.content.episodes import complete_episode, speaker_index
from generator.diagnostics import Diagnostics
from generator.loading import load_site
from generator.markup.markdown import Markup
from generator.model.entities import Episode, Site
from generator.render.search_index import (
    Entry,
    Facet,
    NewIndex,
    built_entries,
    doc_ids,
    episode_search,
    site_entries,
    update_index,
)


def load(site_dir: Path) -> tuple[Site, list[Episode]]:
    diags = Diagnostics()
    site = load_site(site_dir, diags, read_transcripts=False)
    assert site is not None, diags.report()
    speakers, markup = speaker_index(site.config, site.people, diags), Markup()
    return site, [complete_episode(e, speakers, markup, site.config, diags) for e in site.episodes]


def index(site_dir: Path, db: Path) -> int:
    site, complete = load(site_dir)
    entries, facets = site_entries(site, complete.__getitem__)
    return update_index(db, entries, facets)


def hits(db: Path, query: str) -> list[tuple[str, str, str, float | None, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT d.url, d.kind, f.speaker, f.start, f.anchor FROM fts f "
            "JOIN doc d ON d.id = (f.rowid >> 22) & 268435455 WHERE fts MATCH ? ORDER BY f.rowid", (query,)).fetchall()


def test_a_transcript_phrase_finds_its_paragraph_with_speaker_time_and_anchor(example_site: Path,
                                                                             tmp_path: Path) -> None:
    site, complete = load(example_site)
    episode = next(e for e in complete if e.transcript and e.transcript.has_times)
    turn = next(t for t in episode.transcript.turns if t.person and len(t.paragraphs[0].text.split()) > 8)  # type: ignore[union-attr]
    paragraph = turn.paragraphs[0]
    db = tmp_path / "index.db"
    index(example_site, db)
    phrase = '"' + " ".join(paragraph.text.split()[2:8]) + '"'
    found = [h for h in hits(db, phrase) if h[0] == episode.url and h[4]]
    assert (episode.url, "episode", site.people[turn.person].name, paragraph.start, paragraph.anchor) in found  # type: ignore[index]


def test_titles_and_pages_come_before_transcripts_and_newer_before_older(example_site: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    index(example_site, db)
    with sqlite3.connect(db) as conn:
        order = [row[0] for row in conn.execute("SELECT kind FROM doc ORDER BY id")]
        dates = [row[0] for row in conn.execute("SELECT date FROM doc WHERE kind = 'episode' ORDER BY id")]
    assert order.index("episode") > max(i for i, kind in enumerate(order) if kind != "episode")
    assert dates == sorted(dates, reverse=True)
    found = hits(db, "the")
    kinds = [(rowid >> 50) for rowid in _rowids(db, "the")]
    assert kinds == sorted(kinds) and found


def _rowids(db: Path, query: str) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid", (query,))]


def test_one_edit_rewrites_one_episode_and_a_removed_episode_leaves(example_site: Path, tmp_path: Path) -> None:
    db = tmp_path / "index.db"
    first = index(example_site, db)
    notes = sorted(example_site.glob("episodes/*/*/episode.md"))
    notes[0].write_text(notes[0].read_text() + "\nA note about zanzibarian marmalade.\n")
    assert index(example_site, db) == 1
    assert [h[0] for h in hits(db, "zanzibarian")] == [f"{notes[0].parent.parent.name}/{notes[0].parent.name}/"]
    gone = notes[1].parent
    url = f"{gone.parent.name}/{gone.name}/"
    assert any(h[0] == url for h in hits(db, "the"))
    for path in gone.iterdir():
        path.unlink()
    gone.rmdir()
    assert index(example_site, db) == 0
    assert not any(h[0] == url for h in hits(db, "the"))
    assert first > 1


def held(db: Path) -> tuple[list[tuple[object, ...]], ...]:
    """Every row of the index, its documents but for their digests (of files here, of rows in a build)."""
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT rowid, * FROM fts ORDER BY rowid").fetchall(),
                conn.execute("SELECT id, url, kind, title, show, date, people, topics FROM doc ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM facet ORDER BY 1, 2").fetchall())


def new_index(site_dir: Path, db: Path) -> tuple[NewIndex, list[Entry], list[Facet]]:
    """A NewIndex given every episode's rows, as the build's workers make them, before the documents."""
    site, complete = load(site_dir)
    names = {slug: person.name for slug, person in site.people.items()}
    searched = {e.url: episode_search(e, names) for e in complete}
    entries, facets = built_entries(site, {url: (digest, list) for url, (digest, _) in searched.items()})
    writer = NewIndex(db, doc_ids([entry.doc for entry in entries]))
    for url, (_, packed) in searched.items():
        writer.add(url, packed)
    return writer, entries, facets


def test_a_new_index_from_the_workers_rows_holds_what_update_index_writes(example_site: Path, tmp_path: Path) -> None:
    writer, entries, facets = new_index(example_site, tmp_path / "new.db")
    writer.finish(entries, facets)
    index(example_site, tmp_path / "updated.db")
    assert held(tmp_path / "new.db") == held(tmp_path / "updated.db")
    assert hits(tmp_path / "new.db", '"open source"')


def test_a_new_index_whose_process_ends_early_fails_the_finish(example_site: Path, tmp_path: Path) -> None:
    writer, entries, facets = new_index(example_site, tmp_path / "new.db")
    writer.process.kill()
    with pytest.raises(RuntimeError, match="the search index was not written"):
        writer.finish(entries, facets)
