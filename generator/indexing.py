"""The search index in a build: kept in the cache folder, brought up to date from the rows the episode workers
made (render/search_index.py), and put into the output by the build's commit.

The database lives in the cache folder (`search.db`) and reaches the output as a hard link
(`search/index.db`): a build that changes nothing in it neither copies nor stages it, and the output keeps
the very file. It is used only after a check like every cache file's: `search.check`, written by the cache's
checked writer, holds the SHA-256 of the database, which is hashed again and compared before the database is
used (a Builder that wrote it itself, as the preview's does, knows its inode, size and time instead). A
failed check is a rebuild: every episode is made again, into a new database.

A build that changes the index writes a new file beside it (`search.db.new`): a new database, or a copy of
the last one updated. The commit renames its link into the output like any changed file, under its journal,
so that the output holds the old index or the new one with the pages they belong to, whatever stops the
build; then the new file takes the old one's name in the cache folder. Updating the published file in place
would save the copy, but a build stopped between the pages' commit and the database's would leave pages and
index of two builds."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from generator.cache.episodes import EpisodeOutcome
from generator.cache.state import file_sha256, read_cache_file, write_cache_file
from generator.model.entities import Site
from generator.output import Staging
from generator.render.search_index import (
    INDEX_PATH,
    Entry,
    Facet,
    NewIndex,
    Row,
    built_entries,
    doc_ids,
    episode_doc,
    held_docs,
    open_unjournaled,
    person_doc,
    rows_of,
    sponsor_doc,
    update_rows,
)

DATABASE = "search.db"  # in the cache folder
CHECK = "search.check"
CHECK_FORMAT = 2  # 2: doc.number
Stamp = tuple[int, int, int]  # the database's inode, size and time, as the build that wrote it left it


class SearchIndex:
    """One build's work on the index: start() before the episodes, add() each episode made, finish() once
    the Site is whole, stage() into the staging folder, publish() after the commit, or close() to give up."""

    def __init__(self, cache: Path, light: Site, trusted: Stamp | None, scanning: bool) -> None:
        self.file, self.check = cache / DATABASE, cache / CHECK
        self.scanning = scanning  # a build whose state is saved on disk: the check file is written again
        self.held = self._held(trusted)  # None: no usable index, a new one is written
        self.new: NewIndex | None = None
        self.rows: dict[str, list[Row]] = {}  # an update's rows, of the episodes whose digest changed
        self.finishing: threading.Thread | None = None
        self.failure: BaseException | None = None
        self.digest = ""  # the new file's SHA-256, for its check
        self.fresh = cache / f"{DATABASE}.new"
        self.fresh.unlink(missing_ok=True)
        if self.held is None:
            docs = [episode_doc(e) for e in light.episodes]
            docs += [person_doc(p)[0] for p in light.people.values()]
            docs += [sponsor_doc(s)[0] for s in light.sponsors.values()]
            self.new = NewIndex(self.fresh, doc_ids(docs))

    def holds(self, kept: Mapping[int, EpisodeOutcome]) -> bool:
        """Whether the index holds every episode the build keeps, as its record says it was indexed (else
        its rows are not at hand, and every episode must be made again, into a new index)."""
        if self.held is None:
            return not kept
        held = self.held
        return all(o.search and held.get(o.url, (0, ""))[1] == o.search for o in kept.values())

    def add(self, outcome: EpisodeOutcome) -> None:
        if self.new is not None:
            self.new.add(outcome.url, outcome.rows)
        elif self.held is not None and self.held.get(outcome.url, (0, ""))[1] != outcome.search:
            self.rows[outcome.url] = rows_of(outcome.rows)

    def finish_later(self, site: Site, outcomes: list[EpisodeOutcome]) -> None:
        """finish() in a thread, and the new file hashed for its check: started once the list pages' pool
        has forked, it overlaps their rendering; wait() takes its end."""
        if self.finishing is None:
            self.finishing = threading.Thread(target=self._finish, args=(site, outcomes), name="search index",
                                              daemon=True)
            self.finishing.start()

    def wait(self) -> None:
        if self.finishing is not None:
            self.finishing.join()
        if self.failure is not None:
            raise self.failure

    def _finish(self, site: Site, outcomes: list[EpisodeOutcome]) -> None:
        try:
            self.finish(site, outcomes)
            if self.file == self.fresh and self.scanning:
                self.digest = file_sha256(self.file)
        except BaseException as exc:  # noqa: BLE001 - raised again by wait(), in the build's thread
            self.failure = exc

    def finish(self, site: Site, outcomes: list[EpisodeOutcome]) -> None:
        """Every document written into the new file: a new index whole, or a copy of the last one updated
        (none when the last one holds every document as it is)."""
        searched = {o.url: (o.search, self._rows(o.url)) for o in outcomes}
        entries, facets = built_entries(site, searched)
        if self.new is not None:
            self.new.finish(entries, facets)
            self.new = None
            self.file = self.fresh
            return
        with contextlib.closing(sqlite3.connect(f"file:{self.file}?mode=ro", uri=True)) as db:
            db.execute("BEGIN")  # as update_rows would see it, had it begun
            changed = _changes(db, entries, facets)
        if not changed:
            return
        shutil.copyfile(self.file, self.fresh)
        db = open_unjournaled(self.fresh)
        try:
            update_rows(db, entries, facets)
            db.execute("COMMIT")
        finally:
            db.close()
        self.file = self.fresh

    def stage(self, staging: Staging) -> str:
        """The database linked into the staging folder (unless the output holds that very file, committed
        in place); its path in the output."""
        staging.link(INDEX_PATH, self.file)
        return INDEX_PATH

    def publish(self) -> Stamp:
        """After the build's commit: a new file takes the old one's place in the cache folder, its check
        written. Returns the stamp a Builder keeps to trust the file without hashing it."""
        final = self.file.with_name(DATABASE)
        if self.file != final:
            self.check.unlink(missing_ok=True)
            os.replace(self.file, final)
            self.file = final
            if self.scanning:
                self._write_check(self.digest or file_sha256(self.file))
        status = os.stat(self.file)
        return status.st_ino, status.st_size, status.st_mtime_ns

    def close(self) -> None:
        """Gives up: the new file deleted (the output never saw it)."""
        if self.finishing is not None:
            self.finishing.join()
        if self.new is not None:
            self.new.abandon()
            self.new = None
        self.fresh.unlink(missing_ok=True)

    def _rows(self, url: str) -> Callable[[], list[Row]]:
        def rows() -> list[Row]:
            return self.rows.pop(url)  # KeyError: holds() let a build keep an episode the index lacks

        return rows

    def _held(self, trusted: Stamp | None) -> dict[str, tuple[int, str]] | None:
        """The documents of the index in the cache folder, by URL; None when it fails its check."""
        try:
            status = os.stat(self.file)
            if trusted != (status.st_ino, status.st_size, status.st_mtime_ns):
                payload = read_cache_file(self.check)
                if payload is None:
                    return None
                check = json.loads(payload)
                if check != {"format": CHECK_FORMAT, "sha256": file_sha256(self.file)}:
                    return None
            with contextlib.closing(sqlite3.connect(f"file:{self.file}?mode=ro", uri=True)) as db:
                return held_docs(db)
        except (OSError, ValueError, sqlite3.Error):
            return None

    def _write_check(self, digest: str) -> None:
        write_cache_file(self.check, json.dumps({"format": CHECK_FORMAT, "sha256": digest}).encode())


def _changes(db: sqlite3.Connection, entries: list[Entry], facets: list[Facet]) -> bool:
    """Whether the index `db` holds other documents, or other versions of them, or other filters' choices."""
    held = held_docs(db)
    ids = doc_ids([entry.doc for entry in entries], {url: ident for url, (ident, _) in held.items()})
    if held.keys() != ids.keys() or any(held[e.doc.url] != (ids[e.doc.url], e.digest) for e in entries):
        return True
    return sorted(set(facets)) != db.execute("SELECT * FROM facet ORDER BY 1, 2").fetchall()
