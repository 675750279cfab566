"""Parsed transcripts kept between builds, in the cache folder beside the output.

An entry is found by a SHA-256 of everything parsing reads but the site's speakers: podsite's version and
source code, the installed libraries (library_stamps), the file's path and the hash of its bytes, and the
episode's duration. What parsing learns of the speakers it learns label by label, through resolve_key,
which looks each one up in the index's people first: so an entry also holds every label its parse looked
up, with what each resolved to, and serves only while each still resolves the same. A person's new alias
then makes only the transcripts that use it parse again, not every one. Reading an entry back costs
less than parsing the file. An entry that cannot be read, or that names another key, is ignored and
replaced: the cache is never trusted over the source. Entries are plain tuples of strings and numbers
written with marshal (quicker than pickle for them, and loading one runs no code), in the cache's one file
format (cache/state.py's write_cache_file), whose checksum is checked before marshal reads a byte: an entry edited,
damaged or written by another podsite is a miss, parsed again from the file."""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import getitem, ne
from pathlib import Path
from typing import Any, cast

from generator.cache.state import ReadInput, code_salt, read_cache_file, read_input, write_cache_file
from generator.diagnostics import Diagnostic, Diagnostics
from generator.markup.markdown import Markup
from generator.model.transcript import Paragraph, Transcript, Turn, columns
from generator.transcripts.readers import read_transcript
from generator.transcripts.speakers import SpeakerIndex, resolve_key

TRANSCRIPTS = "transcripts"  # the folder in the cache folder
ENTRY_FORMAT = 4  # 4: checked (read_cache_file)

# Each speaker label a parse looked up, normalized as looked up, with the kind and person it resolved to.
Labels = tuple[tuple[str, str, str | None], ...]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A transcript as read, what reading it reported, and the labels it depends on."""

    transcript: Transcript | None  # None: the file could not be read (its items say why)
    items: tuple[Diagnostic, ...]
    labels: Labels

    def holds_for(self, speakers: SpeakerIndex) -> bool:
        """Whether parsing the same file with these speakers would give the same: each label resolves alike."""
        return all(resolve_key(speakers, key) == (kind, person) for key, kind, person in self.labels)


# By transcript file: the key of what was last read for it, and that.
Recent = dict[Path, tuple[str, Parsed]]


class TranscriptCache:
    """A transcript reader (read_transcript's signature) that keeps what it parses in `folder`, if given, and
    in `recent`, if given: the last transcript it gave for each file. A reader made later with that same
    dict (the preview's, after a site.yaml or person edit) takes the very objects from it rather than reading
    the entries again, whenever the key is the same and the labels resolve alike. One per file, so it holds
    no transcript that the episodes do not hold already."""

    def __init__(self, folder: Path | None, recent: Recent | None = None) -> None:
        self.folder = folder
        self.recent = recent
        self.salt = code_salt()  # with the libraries': Python-Markdown renders the paragraphs the fast path leaves
        self.used: list[str] = []  # the keys this reader looked up, so that the rest can be pruned

    def __call__(self, path: Path, speakers: SpeakerIndex, markup: Markup, diags: Diagnostics,
                 duration: float | None, source: ReadInput | None = None) -> Transcript | None:
        """The transcript at `path` (`source`: the file as the caller read it already)."""
        if source is None:
            source = read_input(path)
            if source is None:
                return read_transcript(path, speakers, markup, diags, duration)  # which reports why
        key = self.key(path, duration, source)
        self.used.append(key)
        kept = self.recent.get(path) if self.recent is not None else None
        found = kept[1] if kept is not None and kept[0] == key else None
        entry = self.folder / f"{key}.entry" if self.folder is not None else None
        if found is None and entry is not None:
            found = _load(entry, key, self.salt)
        if found is None or not found.holds_for(speakers):
            found = _parse(path, speakers, markup, duration, source.data)
            if entry is not None:
                _store(entry, key, found, self.salt)
        diags.items.extend(found.items)
        if found.transcript is not None and self.recent is not None:
            self.recent[path] = (key, found)
        return found.transcript

    def key(self, path: Path, duration: float | None, source: ReadInput) -> str:
        """The key of the entry for the transcript file at `path`, read as `source`."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"\0{path}\0{duration!r}\0{source.sha256}".encode())
        return digest.hexdigest()

    def fill(self, path: Path, speakers: SpeakerIndex, markup: Markup, duration: float | None) -> bool:
        """Parses the transcript at `path` into the cache folder, unless it has an entry for the file as it is
        (whether that entry holds for these speakers is left to the reader that takes it). True: it parsed."""
        source = read_input(path)
        if source is None or self.folder is None:
            return False
        key = self.key(path, duration, source)
        entry = self.folder / f"{key}.entry"
        if entry.exists():
            return False
        _store(entry, key, _parse(path, speakers, markup, duration, source.data), self.salt)
        return True


class _LabelsAsked(Mapping[str, str]):
    """A speaker index's people that note each label looked up in them: resolve_key looks every label up
    here first, so they are all the labels a parse asked about."""

    def __init__(self, people: Mapping[str, str]) -> None:
        self.people = people
        self.asked: set[str] = set()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.add(key)
        return self.people.get(key, default)

    def __getitem__(self, key: str) -> str:
        self.asked.add(key)
        return self.people[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)


def _parse(path: Path, speakers: SpeakerIndex, markup: Markup, duration: float | None, data: bytes) -> Parsed:
    """read_transcript's transcript and reports, with the labels it looked up."""
    asked = _LabelsAsked(speakers.people)
    noting = object.__new__(SpeakerIndex)  # the same index, but for its people (no __post_init__ to run again)
    for name, value in (("people", asked), ("breaks", speakers.breaks), ("voices", speakers.voices)):
        object.__setattr__(noting, name, value)
    mine = Diagnostics()
    transcript = read_transcript(path, noting, markup, mine, duration, data)
    labels = tuple((key, *resolve_key(speakers, key)) for key in sorted(asked.asked))
    return Parsed(transcript, tuple(mine.items), labels)


def _load(entry: Path, key: str, salt: bytes) -> Parsed | None:
    payload = read_cache_file(entry, salt)
    if payload is None:
        return None
    try:
        form, stored_key, flat, items, labels = marshal.loads(payload)
        if form != ENTRY_FORMAT or stored_key != key:
            return None
        return Parsed(_unflatten(flat), tuple(map(Diagnostic.from_plain, items)), tuple(map(tuple, labels)))
    except Exception:  # noqa: BLE001 - checked, yet not of the shape this podsite writes: parse the file
        return None


def _flatten(t: Transcript) -> tuple[object, ...]:
    """The transcript as marshal takes it (no named tuples), and small: each paragraph field one column, in
    Paragraph's order, and a paragraph's text kept only where it is not its HTML's inside, as it is for all
    but a few. An entry is written on every cold build, and a byte less to write costs less than it takes to
    make."""
    fields: dict[str, object] = dict(columns(Paragraph._fields, list(t.paragraphs())))
    htmls, texts = cast(Sequence[str], fields["html"]), cast(Sequence[str], fields["text"])
    fields["text"] = {i: texts[i] for i in compress(count(), map(ne, htmls, map("<p>{}</p>".format, texts)))}
    turns = tuple((turn.kind, turn.label, turn.person, turn.line, len(turn.paragraphs)) for turn in t.turns)
    return (str(t.path), t.has_times, turns, tuple(fields.values()))


def _unflatten(flat: tuple[Any, ...]) -> Transcript:
    path, has_times, turns, stored = flat
    fields = dict(zip(Paragraph._fields, stored, strict=False))
    texts = list(map(getitem, fields["html"], repeat(slice(3, -4))))  # "<p>text</p>"
    for i, text in fields["text"].items():
        texts[i] = text
    fields["text"] = texts
    # tuple.__new__ rather than Paragraph(...) and Turn(...), each of which runs a Python __new__.
    new = tuple.__new__
    paragraphs = list(map(new, repeat(Paragraph), zip(*fields.values(), strict=False)))
    built = []
    start = 0
    for kind, label, person, line, size in turns:
        built.append(new(Turn, (kind, label, person, line, tuple(paragraphs[start:start + size]))))
        start += size
    return Transcript(Path(path), tuple(built), has_times)


def _store(entry: Path, key: str, found: Parsed, salt: bytes) -> None:
    """Writes a parsed transcript as the entry for `key` (a file that could not be read gets none)."""
    if found.transcript is None:
        return
    payload = (ENTRY_FORMAT, key, _flatten(found.transcript), tuple(d.plain() for d in found.items), found.labels)
    write_cache_file(entry, marshal.dumps(cast(Any, payload)), salt)


def prune(folder: Path, keep: set[str]) -> None:
    """Removes the entries no build step asked for this time (old versions of files, removed episodes)."""
    if not folder.is_dir():
        return
    for entry in folder.glob("*.entry"):
        if entry.stem not in keep:
            entry.unlink(missing_ok=True)
