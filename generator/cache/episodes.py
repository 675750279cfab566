"""Each episode's finished work kept from one build to the next, so that a build after a small change makes
again only the episodes the change can reach.

After a successful build, every episode's outcome (what its worker told the rest of the build: diagnostics,
who speaks when, chapters, the notes' HTML, the files it made) is saved in the cache folder beside the
output, under a key. The next build works the keys out from its inputs as they are now; an episode whose
key is the same keeps its files in the output as they are and has its outcome read back, without its
transcript being read or anything rendered (build.py then commits the staging folder in place).

A record's key is made by cache/keys.py from the content hashes the build state keeps: the episode's own
folder, the people, sponsors and show it names, its older and newer neighbours (its page links them), the
templates, the speakers, and everything else of the site and of podsite; and, for an episode whose page
read more of the Site than that (a theme that lists the latest episodes on every episode's page, say:
workers.py notes what each page reads), every episode folder (`EpisodeKeys.every`).

The records are saved only with a build state, and used only when that state says that the output folder
is as the last build left it. They are plain values written with marshal (reading them runs no code), with
their format and podsite's version, in the cache's one file format (cache/state.py): marshal
reads them only once their checksum, of the payload and of podsite's code, is found right. Anything else is
ignored, and every episode is made again."""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.cache.state import Hashed, read_cache_file, write_cache_file
from generator.diagnostics import Diagnostic, Location
from generator.model.entities import Chapter


@dataclass(frozen=True, slots=True)
class EpisodeOutcome:
    """What one episode's work tells the rest of the build."""

    url: str
    diagnostics: tuple[Diagnostic, ...]
    spoken: dict[str, tuple[float | None, str | None]]
    chapters: tuple[Chapter, ...]
    paths: tuple[str, ...]  # every file made, below the output folder
    written: int  # how many of them had new bytes (the others were linked from the last build)
    cache_keys: tuple[str, ...]  # the transcript cache entries it used
    notes_html: str  # made here rather than in the main process, which would do every episode's in turn
    inputs: Hashed  # the transcript file as read, for the build state (hashed here, on every core)
    wide: bool = False  # its page read more of the Site than its record's key covers (keys.py; every episode, say)
    search: str = ""  # the digest of its search document and rows (render/search_index.py's episode_search)
    # Those rows, as episode_search gives them (marshalled), for this build's index: never kept in a record.
    rows: bytes = b""


RECORDS_FILE = "episodes.marshal"
RECORDS_FORMAT = 3  # 2: checked (read_cache_file); 3: the search digest


@dataclass(frozen=True, slots=True)
class EpisodeKeys:
    own: dict[str, str]  # episode URL -> key: the site outside episodes/, its folder, its neighbours'
    every: str  # a hash of every episode folder, for the pages that read more of the Site


@dataclass(frozen=True, slots=True)
class Record:
    key: str
    every: str | None  # EpisodeKeys.every when the episode's page read more of the Site, else None
    outcome: EpisodeOutcome

    def matches(self, keys: EpisodeKeys, url: str) -> bool:
        return self.key == keys.own.get(url) and self.every in (None, keys.every)


def load_records(folder: Path) -> dict[str, Record]:
    """The last build's records by episode URL; {} when there are none or they cannot be trusted."""
    payload = read_cache_file(folder / RECORDS_FILE)
    if payload is None:
        return {}
    try:
        form, version, records = marshal.loads(payload)
        if form != RECORDS_FORMAT or version != __version__:
            return {}
        return {url: Record(key, every, _outcome(url, flat)) for url, key, every, flat in records}
    except Exception:  # noqa: BLE001 - checked, yet not of the shape this podsite writes
        return {}


def save_records(folder: Path, keys: EpisodeKeys, outcomes: Iterable[EpisodeOutcome]) -> None:
    """Keeps every episode's outcome under its key (best effort: a build that cannot save them is still good)."""
    records = [(o.url, keys.own[o.url], keys.every if o.wide else None, _flat(o)) for o in outcomes]
    write_cache_file(folder / RECORDS_FILE, marshal.dumps((RECORDS_FORMAT, __version__, records)))


def _flat(o: EpisodeOutcome) -> tuple[object, ...]:
    chapters = tuple((c.start, c.title, c.url, c.image, c.toc, c.end,
                      None if c.location is None else (str(c.location.path), c.location.line)) for c in o.chapters)
    return (tuple(d.plain() for d in o.diagnostics), o.spoken, chapters, o.paths, o.cache_keys, o.notes_html, o.wide,
            o.search)


def _outcome(url: str, flat: tuple) -> EpisodeOutcome:
    diagnostics, spoken, chapters, paths, cache_keys, notes_html, wide, search = flat
    return EpisodeOutcome(
        url, tuple(map(Diagnostic.from_plain, diagnostics)), dict(spoken),
        tuple(Chapter(start, title, link, image, toc, end,
                      None if where is None else Location(Path(where[0]), where[1]))
              for start, title, link, image, toc, end, where in chapters),
        tuple(paths), 0, tuple(cache_keys), notes_html, {}, wide, search)
