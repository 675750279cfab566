"""Parsed transcripts kept between builds, in the cache folder beside the output.

An entry is found by a SHA-256 of everything parsing reads: podsite's version, the file's path and
bytes, the episode's duration, and how speaker labels resolve (every person's name and aliases, and the
site's break and voice labels). A changed person therefore makes every transcript parse again, which is
right: its labels may now resolve differently. Reading an entry back is about three times faster than
parsing the file. An entry that cannot be read, or that names another key, is ignored and replaced:
the cache is never trusted over the source. It is the user's own folder, as the output is: podsite
reads it with pickle, so a file planted there by someone else could run code, as a planted plugin could."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from generator import __version__
from generator.diagnostics import Diagnostic, Diagnostics
from generator.markup import Markup
from generator.transcript import SpeakerIndex, Transcript
from generator.transcript_formats import read_transcript

ENTRY_FORMAT = 1


class TranscriptCache:
    """A transcript reader (read_transcript's signature) that keeps what it parses."""

    def __init__(self, folder: Path, speakers: SpeakerIndex) -> None:
        self.folder = folder
        labels = repr((sorted(speakers.people.items()), sorted(speakers.breaks), sorted(speakers.voices)))
        self.salt = hashlib.sha256(f"{__version__}\0{labels}".encode()).digest()
        self.used: list[str] = []  # the keys this reader looked up, so that the rest can be pruned

    def __call__(self, path: Path, speakers: SpeakerIndex, markup: Markup, diags: Diagnostics,
                 duration: float | None) -> Transcript | None:
        try:
            data = path.read_bytes()
        except OSError:
            return read_transcript(path, speakers, markup, diags, duration)  # which reports why
        digest = hashlib.sha256(self.salt)
        digest.update(f"\0{path}\0{duration!r}\0".encode())
        digest.update(data)
        key = digest.hexdigest()
        self.used.append(key)
        entry = self.folder / f"{key}.pickle"
        found = _load(entry, key)
        if found is not None:
            transcript, items = found
            diags.items.extend(items)
            return transcript
        mine = Diagnostics()
        transcript = read_transcript(path, speakers, markup, mine, duration)
        diags.extend(mine)
        if transcript is not None:
            _save(entry, (ENTRY_FORMAT, key, transcript, tuple(mine.items)))
        return transcript


def _load(entry: Path, key: str) -> tuple[Transcript, tuple[Diagnostic, ...]] | None:
    try:
        with open(entry, "rb") as handle:
            form, stored_key, transcript, items = pickle.load(handle)
    except Exception:  # noqa: BLE001 - absent, damaged or foreign: parse the file instead
        return None
    if form != ENTRY_FORMAT or stored_key != key or not isinstance(transcript, Transcript):
        return None
    return transcript, items


def _save(entry: Path, payload: tuple[object, ...]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(entry.name + ".tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(entry)
    except OSError:
        pass  # a cache that cannot be written only costs time


def prune(folder: Path, keep: set[str]) -> None:
    """Removes the entries no build step asked for this time (old versions of files, removed episodes)."""
    if not folder.is_dir():
        return
    for entry in folder.glob("*.pickle"):
        if entry.stem not in keep:
            entry.unlink(missing_ok=True)
