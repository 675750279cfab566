"""Imports a tree of Changelog-style transcripts and show notes (`<show>/<file>.md` in each) into a site
folder, writing only what those files tell: episode numbers from the file names, the speakers as people, the
notes as the episodes' bodies and the transcripts as they are."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.fields import MAX_NUMBER, SLUG_RE
from generator.diagnostics import Diagnostics, Location
from generator.importers.writer import (
    ImportResult,
    ImportUsageError,
    People,
    SiteWriter,
    episode_text,
    read_yaml,
    slugify,
    to_yaml,
    write_site_file,
)
from generator.markup.markdown import Markup
from generator.transcripts.parser import parse_transcript
from generator.transcripts.speakers import SpeakerIndex, normalize_label

_NUMBERED_FILE_RE = re.compile(r"^(?P<prefix>.*?-)??(?:s(?P<season>[0-9]+)e)?(?P<number>[0-9]+)$")


@dataclass(slots=True)
class _SourceEpisode:
    stem: str
    first: Path  # the file found first of the two, the transcript when there is one: where messages point
    transcript: Path | None = None
    notes: Path | None = None
    number: int | None = None
    season: int | None = None
    folder: str = ""


def import_changelog(transcripts: Path, notes: Path | None, site: Path, force: bool = False) -> ImportResult:
    """Imports a tree of `<show>/<file>.md` transcripts (and show notes of the same names) into the site."""
    for folder, what in ((transcripts, "transcripts"), (notes, "notes")):
        if folder is not None and not folder.is_dir():
            raise ImportUsageError(f"{what} folder '{folder}' not found")
    result = ImportResult()
    writer = SiteWriter(site, force, result)
    shows = _changelog_tree(transcripts, notes, result.diagnostics)
    if not shows:
        result.diagnostics.error(Location(transcripts), "no <show>/<file>.md files here",
                                 "name the folder that holds one folder per show")
        return result
    new_site = write_site_file(writer, "Podcasts", "https://example.org/", None)
    people = People(site, writer)
    speakers = _speaker_settings(site, people)
    markup = Markup()
    found: dict[str, _Speaker] = {}  # each new speaker by normalised label
    for episodes in shows.values():
        for episode in episodes.values():
            if episode.transcript is not None:
                for label, (turns, line) in _speaker_labels(episode.transcript, speakers, markup).items():
                    speaker = found.setdefault(normalize_label(label), _Speaker(Location(episode.transcript, line)))
                    speaker.spellings[label] += 1
                    speaker.turns += turns
    voices: list[str] = []
    for speaker in found.values():
        label = speaker.spellings.most_common(1)[0][0]  # named as most files spell it
        if looks_like_person(label, speaker.turns):
            people.slug_for(label)
        else:
            voices.append(label)
            _report_voice(label, speaker, new_site, result.diagnostics)
    if new_site and voices:
        _add_voices(site / "site.yaml", voices)
    for show, episodes in shows.items():
        writer.write(f"shows/{show}.yaml", to_yaml({"name": show}), "show", keep=True)
        for episode in episodes.values():
            front: dict[str, Any] = {}
            if episode.number is not None:
                front["number"] = episode.number
            if episode.season is not None:
                front["season"] = episode.season
            body = episode.notes.read_bytes().decode("utf-8-sig") if episode.notes else ""
            target = f"episodes/{show}/{episode.folder}"
            writer.write(f"{target}/episode.md", episode_text(front, body), "episode")
            if episode.transcript is not None:
                writer.write(f"{target}/transcript.md", episode.transcript.read_bytes(), "transcript")
    people.write_all()
    return result


def _changelog_tree(transcripts: Path, notes: Path | None, diags: Diagnostics) -> dict[str, dict[str, _SourceEpisode]]:
    """Each show's episodes by file stem, sorted, with their folder names and numbers."""
    shows: dict[str, dict[str, _SourceEpisode]] = {}
    for root, kind in ((transcripts, "transcript"), (notes, "notes")):
        if root is None:
            continue
        for show_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            show = show_dir.name if SLUG_RE.match(show_dir.name) else slugify(show_dir.name)
            if not show:
                diags.warning(Location(show_dir), "no slug can be made of this folder's name; skipped")
                continue
            for path in sorted(show_dir.glob("*.md")):
                episode = shows.setdefault(show, {}).setdefault(path.stem, _SourceEpisode(path.stem, path))
                setattr(episode, kind, path)
    for show, episodes in shows.items():
        _name_episodes(show, dict(sorted(episodes.items())), diags)
        shows[show] = dict(sorted(episodes.items(), key=lambda e: e[1].folder))
    return dict(sorted(shows.items()))


def _numbers_fit(m: re.Match[str]) -> bool:
    """Whether a file name's episode and season numbers are no larger than any a site may give."""
    return all(len(m.group(name) or "") <= len(str(MAX_NUMBER)) for name in ("number", "season"))


def _name_episodes(show: str, episodes: dict[str, _SourceEpisode], diags: Diagnostics) -> None:
    """Numbers and folder names from the file names. The show's files share a prefix before their number
    ("go-time-" of go-time-79.md); a file named prefix + number (or prefix + sNeM) is that episode, and
    any other keeps its name without the prefix ("js-party-meet-alex-sexton" -> "meet-alex-sexton")."""
    matches = {stem: _NUMBERED_FILE_RE.match(stem.lower()) for stem in episodes}
    prefixes = Counter(m.group("prefix") or "" for m in matches.values() if m)
    prefix = prefixes.most_common(1)[0][0] if prefixes else ""
    for stem, episode in episodes.items():
        m = matches[stem]
        if m and (m.group("prefix") or "") == prefix and _numbers_fit(m):
            episode.number = int(m.group("number"))
            episode.season = int(m.group("season")) if m.group("season") else None
    counts = Counter(e.number for e in episodes.values() if e.number is not None)
    folders: set[str] = set()
    for stem, episode in episodes.items():
        if episode.number is not None and counts[episode.number] > 1:
            first = next(e for e in episodes.values() if e.number == episode.number)
            if first is not episode:
                diags.warning(Location(episode.first), f"episode number {episode.number} is also {first.stem}'s; this "
                              "episode gets none", "podsite numbers the episodes of a show uniquely")
                episode.number = episode.season = None
        rest = stem.lower()[len(prefix):] if stem.lower().startswith(prefix) and len(stem) > len(prefix) else stem
        if episode.number is not None and episode.season is None:
            base = str(episode.number)
        else:
            base = slugify(rest) or slugify(stem) or "episode"
            base = f"episode-{base}" if base.isdigit() else base
        folder, n = base, 2
        while folder in folders:
            folder, n = f"{base}-{n}", n + 1
        folders.add(folder)
        episode.folder = folder


def _speaker_settings(site: Path, people: People) -> SpeakerIndex:
    """How the build will resolve speaker labels: the site's people and its extra break and voice labels."""
    config = read_yaml(site / "site.yaml")
    transcripts = config.get("transcripts") if isinstance(config, dict) else None
    extra = transcripts if isinstance(transcripts, dict) else {}

    def labels(key: str) -> frozenset[str]:
        value = extra.get(key) or []
        return frozenset(str(v) for v in (value if isinstance(value, list) else [value]))

    return SpeakerIndex(people=dict(people.by_label), breaks=labels("breaks"), voices=labels("voices"))


def _speaker_labels(path: Path, speakers: SpeakerIndex, markup: Markup) -> dict[str, tuple[int, int]]:
    """The labels of a transcript's speakers that are nobody yet, as the build's parser reads them
    (breaks such as Break, Jingle and Outro, and voices such as Audience Member, are nobody), each with
    its number of turns and the line of its first."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    transcript = parse_transcript(text, path, speakers, markup, Diagnostics())
    labels: dict[str, str] = {}  # normalised -> as first written
    seen: dict[str, tuple[int, int]] = {}
    for turn in transcript.turns:
        if turn.kind == "unknown" and turn.label:
            label = labels.setdefault(normalize_label(turn.label), turn.label)
            turns, line = seen.get(label, (0, turn.line))
            seen[label] = (turns + 1, line)
    return seen


@dataclass(slots=True)
class _Speaker:
    first: Location  # where the label first speaks
    turns: int = 0
    spellings: Counter[str] = field(default_factory=Counter)


NOT_IN_NAMES = frozenset("!#?")  # in clip and quote labels ("Airplane!", "JS Party #269"), in no name


def looks_like_person(label: str, turns: int) -> bool:
    """Whether a speaker label the site does not know is made a person by the import: it speaks in at least
    two turns of the imported transcripts, and has none of the characters "!", "#" and "?". A clip or a
    quote ("Aladdin", "Ogre from Revenge of the Nerds") is one turn; a participant answers more than once.
    docs/importing.md counts what this does on the Changelog corpus."""
    return turns >= 2 and not NOT_IN_NAMES.intersection(label)


def _report_voice(label: str, speaker: _Speaker, new_site: bool, diags: Diagnostics) -> None:
    why = "speaks in one turn only" if speaker.turns < 2 else f"has {'/'.join(sorted(NOT_IN_NAMES & set(label)))} in it"
    where = "listed in site.yaml's transcripts.voices" if new_site else "add it to site.yaml's transcripts.voices"
    diags.warning(speaker.first, f'speaker "{label}" {why}, so it is taken for a clip or quote, not a person: its '
                  f"lines stay in the transcript under this label ({where})",
                  f'if "{label}" is a person, add people/{slugify(label) or "name"}.yaml with name: {label}')


def _add_voices(path: Path, voices: list[str]) -> None:
    """The labels taken for clips and quotes, as voices of the site.yaml the import has just written."""
    data = read_yaml(path) or {}
    data.setdefault("transcripts", {})["voices"] = sorted(voices, key=str.casefold)
    path.write_text(to_yaml(data), encoding="utf-8")
