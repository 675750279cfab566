"""A parsed transcript as the site model holds it: turns of timed, anchored paragraphs. Data only: the
parsers (transcript_parser, transcript_readers) make it, the pages and writers read it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple


class Paragraph(NamedTuple):  # a named tuple: a transcript has hundreds, and it is the cheapest record to make
    anchor: str  # HTML id, unique in the transcript and stable under edits elsewhere in the file
    line: int  # 1-based source line
    start: float  # seconds
    exact: bool  # the source gives this time (False: estimated from the neighbours by word count)
    time_text: str  # the source's text of the time when exact, else format_timecode(start)
    html: str  # sanitized block HTML of the body
    text: str  # plain text of the body, entities decoded once
    end: float | None = None  # seconds, when the source gives the end (WebVTT, SRT and JSON cues)


class Turn(NamedTuple):  # a named tuple, as Paragraph: every parse makes one a turn, cheaper than a frozen dataclass
    kind: str  # "person" | "voice" | "unknown" | "break" | "none"
    label: str  # as written, cleaned; plain text (escape it when writing HTML)
    person: str | None
    line: int
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Transcript:
    path: Path
    turns: tuple[Turn, ...]
    has_times: bool

    def paragraphs(self) -> Iterator[Paragraph]:
        for turn in self.turns:
            yield from turn.paragraphs


def columns(fields: tuple[str, ...], rows: Sequence[tuple]) -> dict[str, Sequence]:
    """Named tuples' fields as columns, by name, in the order of `fields`: one zip in C, where reading an
    attribute of each row costs a lookup each."""
    return dict(zip(fields, zip(*rows, strict=True), strict=True)) if rows else dict.fromkeys(fields, ())
