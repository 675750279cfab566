"""Each episode's finished work kept from one build to the next, so that a build after a small change makes
again only the episodes the change can reach.

After a successful build, every episode's outcome (what its worker told the rest of the build: diagnostics,
who speaks when, chapters, the notes' HTML, the files it made) is saved in the cache folder beside the
output, under a key. The next build works the keys out from its inputs as they are now; an episode whose
key is the same keeps its files in the output as they are and has its outcome read back, without its
transcript being read or anything rendered (build.py then commits the staging folder in place).

A key is a hash of the content of every file that goes into the episode, with the hashes the build state
keeps (uptodate.py: only a file whose size or time moved is hashed again):
- everything outside episodes/: podsite's code, the theme, site.yaml, people, shows, sponsors, templates and
  static files, and the build's options. A change there makes every episode again;
- the episode's own folder (episode.md, the transcript, chapters, its files);
- its older and newer neighbours in its show, which its page links to: which episodes they are, and their
  folders;
- every episode folder, for an episode whose page read more of the Site than the above covers (a theme that
  lists the latest episodes on every episode's page, say): workers.py notes what each page reads.

The records are saved only with a build state, and used only when that state says that the output folder
is as the last build left it. They are plain values written with marshal (reading them runs no code), with
their format and podsite's version, in the cache's one file format (uptodate.write_cache_file): marshal
reads them only once their checksum, of the payload and of podsite's code, is found right. Anything else is
ignored, and every episode is made again."""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.cache.state import Hashed, read_cache_file, write_cache_file
from generator.diagnostics import Diagnostic, Location
from generator.model.entities import Chapter, Episode, Site


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


RECORDS_FILE = "episodes.marshal"
RECORDS_FORMAT = 2  # 2: checked (read_cache_file)


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


def episode_keys(site: Site, hashes: dict[str, str], options: str) -> EpisodeKeys:
    """Every episode's key, from `hashes`: every input file's SHA-256 (of the site folder, the theme and
    podsite's package), by path, as the build state records them."""
    root = str((site.config.root / "episodes").resolve()) + os.sep
    shared = [options]
    folders: dict[tuple[str, str], list[str]] = {}
    for path, digest in sorted(hashes.items()):
        line = f"{path}\0{digest}"
        parts = path[len(root):].split(os.sep) if path.startswith(root) else ()
        if len(parts) >= 3:  # <show>/<episode>/<file>
            folders.setdefault((parts[0], parts[1]), []).append(line)
        else:
            shared.append(line)
    salt = _digest(shared)
    folder_keys = {folder: _digest([salt, *lines]) for folder, lines in folders.items()}
    by_url = {episode.url: episode for episode in site.episodes}
    own = {url: _digest([salt, url, *(_folder_key(e, folder_keys) for e in (by_url[url], older, newer))])
           for url, (older, newer) in site.neighbours().items()}
    return EpisodeKeys(own, _digest([salt, *sorted(folder_keys.values())]))


def _folder_key(episode: Episode | None, folder_keys: dict[tuple[str, str], str]) -> str:
    """Which episode it is, and its folder's key."""
    if episode is None:
        return "-"
    folder = episode.notes_path.parent
    return f"{folder.parent.name}/{folder.name}\0{folder_keys.get((folder.parent.name, folder.name), '')}"


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


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
    return (tuple(d.plain() for d in o.diagnostics), o.spoken, chapters, o.paths, o.cache_keys, o.notes_html, o.wide)


def _outcome(url: str, flat: tuple) -> EpisodeOutcome:
    diagnostics, spoken, chapters, paths, cache_keys, notes_html, wide = flat
    return EpisodeOutcome(
        url, tuple(map(Diagnostic.from_plain, diagnostics)), dict(spoken),
        tuple(Chapter(start, title, link, image, toc, end,
                      None if where is None else Location(Path(where[0]), where[1]))
              for start, title, link, image, toc, end, where in chapters),
        tuple(paths), 0, tuple(cache_keys), notes_html, {}, wide)
