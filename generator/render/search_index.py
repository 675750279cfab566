"""The site's search index: one SQLite database with an FTS5 table, written into the output at
search/index.db, which the theme's search page queries in the browser over HTTP range requests.

Every searchable piece is a row: an episode's title, its summary, its notes, each transcript paragraph (with
its speaker, time and anchor), and each person's and sponsor's page. A row's rowid orders the results
without a sort, so that the browser reads only the first pages of a term's postings: the kind of row first
(pages, titles, summaries and notes, transcripts), then the episode's date, newest first. An episode's rows
are replaced in place when it changes; rows of an episode that is no longer published are deleted."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
import os
import pickle
import queue
import sqlite3
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from generator.markup.html_text import html_to_text
from generator.model.entities import Episode, Person, Site, Sponsor

INDEX_PATH = "search/index.db"  # below the output folder

# Row kinds, in the order results list them.
PAGE, TITLE, TEXT, TRANSCRIPT = 0, 1, 2, 3
KIND_SHIFT = 50
DOC_SHIFT = 22  # a document has up to 2**22 rows; a rowid stays below 2**53, which JavaScript's numbers hold
SLOT_BITS = 12  # episodes published on the same day
MAX_AGE = (1 << 16) - 1
EPOCH = dt.date(1900, 1, 1).toordinal()

# Small pages: a query over HTTP fetches what it touches, page by page.
PAGE_SIZE = 4096
# A new index is written in runs of rows sorted by rowid: FTS5 writes its in-memory hash out as a segment
# whenever a rowid is lower than the one before, so rows in episode order (title, notes, transcript, then the
# next episode's title) would make a small segment per episode, all merged later. The runs' segments are
# merged once, at the end (optimize), not as they come: FTS5's automerge would rewrite the rows at each level.
HASH_SIZE = 16 << 20  # FTS5's 'hashsize'
RUN_TEXT = 8 << 20  # characters of text in one sorted run
PIPE_SIZE = 1 << 20  # bytes of rows on their way to the process that writes a new index (Linux's usual limit)
LOAD_MERGES = (("automerge", 0), ("crisismerge", 64))  # while a new index is written
MERGES = (("automerge", 4), ("crisismerge", 16))  # FTS5's defaults, for the updates that follow

SCHEMA = """
CREATE TABLE doc(id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, title TEXT NOT NULL,
                 show TEXT NOT NULL, show_name TEXT NOT NULL, date TEXT NOT NULL, year INTEGER,
                 people TEXT NOT NULL, topics TEXT NOT NULL, digest TEXT NOT NULL, number INTEGER);
CREATE VIRTUAL TABLE fts USING fts5(text, speaker UNINDEXED, start UNINDEXED, anchor UNINDEXED,
                                    tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE facet(kind TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (kind, value));
"""


@dataclass(frozen=True, slots=True)
class Doc:
    """A page that search lands on: an episode, a person or a sponsor."""

    url: str  # below the site's base, e.g. "gotime/300/"
    kind: str  # "episode", "person" or "sponsor"
    title: str
    show: str = ""  # the show's slug (episodes)
    show_name: str = ""
    date: str = ""  # ISO date of publication (episodes), "" when unknown
    people: tuple[str, ...] = ()  # slugs of hosts and guests
    topics: tuple[str, ...] = ()
    number: int | None = None  # the episode's number, which a result names beside the show


# A row's text, speaker, start (seconds, None when the transcript has no times), anchor and kind.
Row = tuple[str, str, float | None, str, int]


def episode_doc(episode: Episode) -> Doc:
    date = episode.published.date().isoformat() if episode.published else ""
    return Doc(episode.url, "episode", episode.title, episode.show.slug, episode.show.name, date,
               tuple(p.slug for p in episode.people), episode.topics, episode.number)


def episode_rows(episode: Episode, names: Mapping[str, str]) -> list[Row]:
    """The rows of an episode read with its transcript: title, summary, notes, then each paragraph."""
    rows: list[Row] = [(episode.title, "", None, "", TITLE)]
    if episode.summary_text:
        rows.append((episode.summary_text, "", None, "", TEXT))
    notes = html_to_text(episode.notes_html)
    if notes:
        rows.append((notes, "", None, "", TEXT))
    transcript = episode.transcript
    if transcript is not None:
        timed = transcript.has_times
        for turn in transcript.turns:
            speaker = names.get(turn.person, turn.label) if turn.person else turn.label
            if turn.kind == "break":
                speaker = ""
            for p in turn.paragraphs:
                if p.text:
                    rows.append((p.text, speaker, p.start if timed else None, p.anchor, TRANSCRIPT))
    return rows


def episode_search(episode: Episode, names: Mapping[str, str]) -> tuple[str, bytes]:
    """An episode's rows, read with its transcript, marshalled (rows_of() reads them back), and the digest of
    its document and rows: equal digests, equal rows, so that an index that holds the digest need not be
    given the rows again. The rows travel to the index in the very bytes the digest is taken of."""
    packed = _packed(episode_rows(episode, names))
    return _digest_packed(episode_doc(episode), packed), packed


def rows_of(packed: bytes) -> list[Row]:
    """The rows that episode_search marshalled."""
    rows: list[Row] = marshal.loads(packed)
    return rows


def person_doc(person: Person) -> tuple[Doc, list[Row]]:
    text = " ".join(filter(None, (person.title, " ".join(person.orgs), html_to_text(person.bio_html))))
    rows: list[Row] = [(person.name, "", None, "", PAGE)]
    if text:
        rows.append((text, "", None, "", PAGE))
    return Doc(person.url, "person", person.name), rows


def sponsor_doc(sponsor: Sponsor) -> tuple[Doc, list[Row]]:
    rows: list[Row] = [(sponsor.name, "", None, "", PAGE)]
    text = html_to_text(sponsor.blurb_html)
    if text:
        rows.append((text, "", None, "", PAGE))
    return Doc(sponsor.page_url, "sponsor", sponsor.name), rows


def doc_ids(docs: list[Doc], held: Mapping[str, int] | None = None) -> dict[str, int]:
    """Each document's id by URL: pages first, then episodes newest first, so that rowid order is the order
    results are listed in. Documents of one day (and the pages) share an age and differ by a slot, which a
    document keeps from `held` (the index's ids) while its age is the same: a new or removed episode moves
    no other."""
    held = held or {}
    groups: dict[int, list[str]] = {}
    for doc in docs:
        groups.setdefault(_age(doc.date) if doc.kind == "episode" else 0, []).append(doc.url)
    ids: dict[str, int] = {}
    for age, urls in groups.items():
        if len(urls) >= 1 << SLOT_BITS:
            raise ValueError(f"more than {(1 << SLOT_BITS) - 1} documents of one day (or people and sponsors)")
        kept = {url: held[url] for url in urls if url in held and held[url] >> SLOT_BITS == age}
        free = iter(sorted(set(range(1 << SLOT_BITS)) - {ident & ((1 << SLOT_BITS) - 1) for ident in kept.values()}))
        for url in sorted(urls):
            ids[url] = kept[url] if url in kept else age << SLOT_BITS | next(free)
    return ids


def _age(date: str) -> int:
    """Days before the latest representable date: newer episodes get smaller ids. At least 1 (0 is pages)."""
    if not date:
        return MAX_AGE
    days = dt.date.fromisoformat(date).toordinal() - EPOCH
    return max(1, min(MAX_AGE, MAX_AGE - days))


def rowid(kind: int, doc: int, index: int) -> int:
    return kind << KIND_SHIFT | doc << DOC_SHIFT | index


def open_index(path: Path) -> sqlite3.Connection:
    """The index at `path`, made with its schema if it is new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    db = sqlite3.connect(path, isolation_level=None)
    if new:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        db.execute("PRAGMA journal_mode = DELETE")
        db.executescript(SCHEMA)
        # FTS5's leaves as big as a database page (less the page's own header), so that one read brings one.
        db.execute("INSERT INTO fts(fts, rank) VALUES ('pgsz', ?)", (PAGE_SIZE - 64,))
    db.execute("PRAGMA cache_size = -16000")
    return db


def open_unjournaled(path: Path) -> sqlite3.Connection:
    """open_index() for a file that the build writes beside the published one, checks (or trusts, having
    written it) before it is used again, and deletes when the build fails: neither a journal nor a sync
    would ever serve, and the sync would wait for every page of it to reach the disk."""
    db = open_index(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    return db


_INSERT_ROW = "INSERT INTO fts(rowid, text, speaker, start, anchor) VALUES (?,?,?,?,?)"


def _insert(db: sqlite3.Connection, doc: Doc, ident: int, digest: str, rows: list[Row]) -> None:
    _insert_doc(db, doc, ident, digest)
    db.executemany(_INSERT_ROW, _numbered(ident, rows))


def _insert_doc(db: sqlite3.Connection, doc: Doc, ident: int, digest: str) -> None:
    year = int(doc.date[:4]) if doc.date else None
    db.execute("INSERT INTO doc VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
               (ident, doc.url, doc.kind, doc.title, doc.show, doc.show_name, doc.date, year,
                " ".join(doc.people), "\x1f".join(doc.topics), digest, doc.number))


def _numbered(ident: int, rows: list[Row]) -> Iterator[tuple[int, str, str, float | None, str]]:
    for index, (text, speaker, start, anchor, kind) in enumerate(rows):
        if index >= 1 << DOC_SHIFT:
            break
        yield rowid(kind, ident, index), text, speaker, start, anchor


def _delete(db: sqlite3.Connection, ident: int) -> None:
    db.execute("DELETE FROM doc WHERE id = ?", (ident,))
    for kind in (PAGE, TITLE, TEXT, TRANSCRIPT):
        low = rowid(kind, ident, 0)
        db.execute("DELETE FROM fts WHERE rowid BETWEEN ? AND ?", (low, low + (1 << DOC_SHIFT) - 1))


@dataclass(frozen=True, slots=True)
class Entry:
    """A document to index, the digest of what its rows are made from, and how to make them (called only
    when the index does not hold this document at this digest)."""

    doc: Doc
    digest: str
    rows: Callable[[], list[Row]]


def update_index(path: Path, entries: Iterable[Entry], facets: Iterable[tuple[str, str, str]]) -> int:
    """Makes the index at `path` hold exactly `entries`: a document whose id or digest changed is replaced,
    one no longer given is deleted, the others are kept as they are. Returns how many were (re)written."""
    db = open_index(path)
    try:
        written, _, new = update_rows(db, entries, facets)
        db.execute("COMMIT")
        if new:
            optimize(db)
        return written
    finally:
        db.close()


def held_docs(db: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """The documents the index holds: URL -> (id, digest)."""
    return {url: (ident, digest) for ident, url, digest in db.execute("SELECT id, url, digest FROM doc")}


def update_rows(db: sqlite3.Connection, entries: Iterable[Entry],
                facets: Iterable[tuple[str, str, str]]) -> tuple[int, bool, bool]:
    """update_index's work, in a transaction it begins and leaves open (the caller commits or rolls back).
    Returns how many documents were (re)written, whether anything changed at all (a document deleted, the
    filters' choices), and whether the index held none before."""
    wanted = {entry.doc.url: entry for entry in entries}
    db.execute("BEGIN")
    held = held_docs(db)
    ids = doc_ids([entry.doc for entry in wanted.values()], {url: ident for url, (ident, _) in held.items()})
    deleted = False
    for url, (ident, digest) in held.items():
        entry = wanted.get(url)
        if entry is None or ids[url] != ident or entry.digest != digest:
            _delete(db, ident)
            deleted = True
    written = 0
    for url, entry in sorted(wanted.items(), key=lambda item: ids[item[0]]):
        if held.get(url) != (ids[url], entry.digest):
            _insert(db, entry.doc, ids[url], entry.digest, entry.rows())
            written += 1
    facets = sorted(set(facets))
    same_facets = facets == db.execute("SELECT * FROM facet ORDER BY 1, 2").fetchall()
    if not same_facets:
        db.execute("DELETE FROM facet")
        db.executemany("INSERT INTO facet VALUES (?,?,?)", facets)
    return written, bool(written or deleted or not same_facets), not held


def optimize(db: sqlite3.Connection) -> None:
    """A new index's segments merged into one, so that a term's postings are read in one run."""
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")


class NewIndex:
    """A new index written by a process of its own (write_new_index), which the build hands each episode's
    rows as they come: the main process keeps no thread, so that the list pages' pool can fork from it at
    once, while the index goes on being written beside them; and the index's work never waits for the
    main process, nor the main process for it, until finish(). `ids`: every document's id, by URL
    (doc_ids'), known before the first row."""

    def __init__(self, path: Path, ids: Mapping[str, int]) -> None:
        self.path, self.ids = path, ids
        self.failure: BaseException | None = None
        package = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (package, os.environ.get("PYTHONPATH")))))
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from generator.render.search_index import write_new_index; write_new_index()",
             str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        assert self.process.stdin is not None
        _widen(self.process.stdin.fileno())

    def add(self, url: str, packed: bytes) -> None:
        """An episode's rows, as episode_search packed them."""
        self._send(_ROWS + self.ids[url].to_bytes(8, "little") + packed)

    def finish(self, entries: Iterable[Entry], facets: Iterable[Facet]) -> None:
        """The documents (and the rows of those never added: people and sponsors) written, the segments
        merged, the database closed. Raises what the process met, or that it ended before it was done."""
        pages = [(e.doc, self.ids[e.doc.url], e.digest, None if e.doc.kind == "episode" else e.rows())
                 for e in entries]
        self._send(_FINISH + pickle.dumps((pages, list(facets)), pickle.HIGHEST_PROTOCOL))
        assert self.process.stdin is not None and self.process.stdout is not None
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        reply = self.process.stdout.read()
        self.process.wait()
        if self.process.returncode != 0 or reply != _DONE:
            told = reply.decode(errors="replace") or str(self.failure or "") or f"exit {self.process.returncode}"
            raise RuntimeError(f"the search index was not written: {told}")

    def abandon(self) -> None:
        """Stops the process, its work left unfinished; the caller deletes the file."""
        self.process.kill()
        self.process.wait()

    def _send(self, message: bytes) -> None:
        assert self.process.stdin is not None
        if self.failure is not None:
            return
        try:
            self.process.stdin.write(len(message).to_bytes(8, "little"))
            self.process.stdin.write(message)
        except OSError as exc:  # the process ended: finish() says so
            self.failure = exc


def _widen(pipe: int) -> None:
    """A write blocks on a full pipe until the reading process is given a core: on a busy machine, that is
    a wait at each of the pipe's 64 KiB by default. Linux lets a pipe grow (up to its limit)."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_SIZE)


_ROWS, _FINISH, _DONE = b"R", b"F", b"done"


def write_new_index() -> None:
    """The process that NewIndex starts: reads an episode's rows at a time from its standard input, as fast
    as they come (a thread of its own), and writes them in runs sorted by rowid (HASH_SIZE says why); then
    the documents, and the segments merged. Says "done" on its standard output, or what went wrong."""
    path = Path(sys.argv[1])
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    reader = threading.Thread(target=_read_messages, args=(sys.stdin.buffer, inbox), daemon=True)
    reader.start()
    try:
        db = open_unjournaled(path)
        db.executemany("INSERT INTO fts(fts, rank) VALUES (?, ?)", (("hashsize", HASH_SIZE), *LOAD_MERGES))
        db.execute("BEGIN")
        run: list[tuple[int, str, str, float | None, str]] = []
        size = 0
        while (message := inbox.get()) is not None and message[:1] == _ROWS:
            rows = rows_of(message[9:])
            run.extend(_numbered(int.from_bytes(message[1:9], "little"), rows))
            size += sum(len(row[0]) for row in rows)
            if size >= RUN_TEXT:
                _insert_run(db, run)
                run, size = [], 0
        if message is None:
            raise EOFError("the build ended before the index was finished")
        _insert_run(db, run)
        pages, facets = pickle.loads(message[1:])
        for doc, ident, digest, rows in pages:
            _insert_doc(db, doc, ident, digest)
            if rows is not None:
                db.executemany(_INSERT_ROW, _numbered(ident, rows))
        db.executemany("INSERT OR REPLACE INTO facet VALUES (?,?,?)", facets)
        db.execute("COMMIT")
        optimize(db)
        db.executemany("INSERT INTO fts(fts, rank) VALUES (?, ?)", MERGES)
        db.close()
        reader.join()  # the build closes its end after the documents
    except BaseException:  # noqa: BLE001 - told to the build, which raises it
        sys.stdout.buffer.write(traceback.format_exc().encode())
        sys.stdout.flush()
        os._exit(1)  # the reader may be blocked on a read, which an orderly exit would wait for
    sys.stdout.buffer.write(_DONE)


def _read_messages(stream: BinaryIO, inbox: queue.SimpleQueue[bytes | None]) -> None:
    while len(header := stream.read(8)) == 8:
        inbox.put(stream.read(int.from_bytes(header, "little")))
    inbox.put(None)


def _insert_run(db: sqlite3.Connection, run: list[tuple[int, str, str, float | None, str]]) -> None:
    run.sort(key=_first)
    db.executemany(_INSERT_ROW, run)


def _first(row: tuple[int, str, str, float | None, str]) -> int:
    return row[0]


Facet = tuple[str, str, str]  # kind ("person" or "topic"), value, label


def site_entries(site: Site, complete: Callable[[int], Episode]) -> tuple[list[Entry], list[Facet]]:
    """Every document of `site` to index, each episode's rows made by completing it (`complete(index)`:
    the episode at that index read with its transcript) only when asked; and the filters' choices. An
    episode's digest is one of its files' sizes and times, with what the document shows (a build's is
    episode_search's: built_entries)."""
    names = {slug: person.name for slug, person in site.people.items()}
    entries: list[Entry] = []
    for index, episode in enumerate(site.episodes):
        doc = episode_doc(episode)
        entries.append(Entry(doc, _digest(doc, _file_stamps(episode)), _rows_of(complete, index, names)))
    return _with_pages(site, entries, names)


def built_entries(site: Site, searched: Mapping[str, tuple[str, Callable[[], list[Row]]]]
                  ) -> tuple[list[Entry], list[Facet]]:
    """Every document of `site` to index, as a build gives its episodes: by URL, episode_search's digest
    and how to have the rows (its workers made them, or the index holds them at that digest)."""
    names = {slug: person.name for slug, person in site.people.items()}
    entries = [Entry(episode_doc(e), *searched[e.url]) for e in site.episodes]
    return _with_pages(site, entries, names)


def _with_pages(site: Site, entries: list[Entry], names: Mapping[str, str]) -> tuple[list[Entry], list[Facet]]:
    """`entries` (the episodes') with the people's and sponsors' pages, and the filters' choices."""
    for person in site.people.values():
        doc, rows = person_doc(person)
        entries.append(Entry(doc, _rows_digest(doc, rows), _given(rows)))
    for sponsor in site.sponsors.values():
        doc, rows = sponsor_doc(sponsor)
        entries.append(Entry(doc, _rows_digest(doc, rows), _given(rows)))
    appearing = {slug for entry in entries for slug in entry.doc.people}
    facets: list[Facet] = [("person", slug, names[slug]) for slug in sorted(appearing) if slug in names]
    facets += [("topic", topic, topic) for topic in sorted({t for e in site.episodes for t in e.topics})]
    return entries, facets


def _rows_of(complete: Callable[[int], Episode], index: int, names: Mapping[str, str]) -> Callable[[], list[Row]]:
    return lambda: episode_rows(complete(index), names)


def _given(rows: list[Row]) -> Callable[[], list[Row]]:
    return lambda: rows


def _rows_digest(doc: Doc, rows: list[Row]) -> str:
    """The digest of a document and its rows."""
    return _digest_packed(doc, _packed(rows))


def _packed(rows: list[Row]) -> bytes:
    """The rows as marshal's version 2 writes them, which shares no object between them (later versions do,
    as the objects' reference counts happen to be), so that equal rows give equal bytes; and quicker to make
    than their repr."""
    return marshal.dumps(rows, 2)


def _digest_packed(doc: Doc, packed: bytes) -> str:
    return hashlib.sha256(repr(doc).encode() + b"\0" + packed).hexdigest()[:32]


def _digest(doc: Doc, source: str) -> str:
    return hashlib.sha256(f"{doc!r}\0{source}".encode()).hexdigest()[:32]


def _file_stamps(episode: Episode) -> str:
    stamps = []
    for path in (episode.notes_path, episode.transcript_path):
        if path is not None:
            stat = path.stat()
            stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\0".join(stamps)
