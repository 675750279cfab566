"""A WebVTT file read into its cues as the W3C WebVTT parser algorithm reads it
(https://www.w3.org/TR/webvtt1/#file-parsing): what a browser's <track> shows is what podsite reads.

The reader of transcript.vtt (transcript_readers.read_vtt) makes paragraphs and speakers of these
cues; this module knows only the file format. Where the algorithm drops a block (a cue whose timing
cannot be read, text with no timing line), the block is returned too, so that its words can be
reported rather than lost without a word. Cue settings, style sheets and regions are read past:
a transcript has no use for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ASCII whitespace as the spec means it: tab, line feed, form feed, carriage return, space.
_WS = "[\t\n\f\r ]*"
_STAMP = r"([0-9]+):([0-9]+)(?::([0-9]+))?\.([0-9]+)"
_TIMING_RE = re.compile(rf"{_WS}{_STAMP}{_WS}-->{_WS}{_STAMP}(.*)", re.DOTALL)
_SIGNATURE_ENDS = frozenset(" \t\n")
_MAX_HOUR_DIGITS = 9  # more digits than any audio has hours; int() of thousands of digits is refused


@dataclass(frozen=True, slots=True)
class VttCue:
    """A cue as the spec's parser makes it: its identifier, times in seconds and text (the lines after the
    timing line, joined by line feeds, tags and entities as written)."""

    line: int  # 1-based line of the timing line
    id: str
    start: float
    end: float
    text: str
    start_text: str  # the timestamps as written, for messages
    end_text: str


@dataclass(frozen=True, slots=True)
class VttDropped:
    """A block the spec's parser drops that is neither a comment nor a style sheet or region: its words
    would be lost, so the reader reports them."""

    line: int  # 1-based line of the timing line, or of the block's first line when it has none
    id: str  # the lines above the unreadable timing line
    timing: str  # the unreadable timing line; "" when the block has none
    text: str  # the block's other lines, joined by line feeds


@dataclass(frozen=True, slots=True)
class VttFile:
    cues: tuple[VttCue, ...]
    dropped: tuple[VttDropped, ...]


def parse_webvtt(text: str) -> VttFile | None:
    """The cues of a WebVTT file, and the blocks it drops; None when the text is not a WebVTT file (it does
    not start with the signature WEBVTT followed by a space, a tab or the end of the line)."""
    text = text.removeprefix("\ufeff")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in _SIGNATURE_ENDS):
        return None
    lines = text.split("\n")
    end = len(lines) - 1 if text.endswith("\n") else len(lines)  # a final line feed ends the last line
    reader = _BlockReader(lines, end)
    i = 1  # past the signature line
    if i < end and lines[i]:
        i = reader.block(i, in_header=True)
    while i < end:
        if not lines[i]:
            i += 1
            continue
        i = reader.block(i, in_header=False)
    return VttFile(tuple(reader.cues), tuple(reader.dropped))


class _BlockReader:
    """The spec's "collect a WebVTT block", over the file's lines."""

    def __init__(self, lines: list[str], end: int) -> None:
        self.lines = lines
        self.end = end
        self.cues: list[VttCue] = []
        self.dropped: list[VttDropped] = []

    def block(self, i: int, in_header: bool) -> int:
        """Read the block starting at line index i; the index of the line after it."""
        lines, first = self.lines, i
        buffer: list[str] = []
        line_count = 0
        previous = i
        seen_arrow = False
        head: tuple[int, str, float, float, str, str] | None = None  # a cue's all but its text, once timed
        bad_timing, bad_line, bad_id = "", 0, ""
        while i < self.end:
            line = lines[i]
            line_count += 1
            i += 1
            if "-->" in line:
                if in_header or not (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    i = previous  # the line starts the next block
                    break
                seen_arrow = True
                previous = i
                m = _TIMING_RE.fullmatch(line)
                times = _times(m) if m else None
                if m is None or times is None:  # the lines above it are the cue's identifier, not its words
                    head, bad_timing, bad_line, bad_id, buffer = None, line, i, "\n".join(buffer), []
                else:
                    head = (i, "\n".join(buffer), times[0], times[1], _stamp(m, 1), _stamp(m, 5))
                    buffer = []
                continue
            if not line:
                break
            buffer.append(line)
            previous = i
        if head is not None:
            line_no, ident, start, end, start_text, end_text = head
            self.cues.append(VttCue(line_no, ident, start, end, "\n".join(buffer), start_text, end_text))
        elif not in_header and not _skipped(lines[first]) and (buffer or bad_timing):
            self.dropped.append(VttDropped(bad_line or first + 1, bad_id, bad_timing, "\n".join(buffer)))
        return i


def _skipped(first_line: str) -> bool:
    """Whether a block is a comment, a style sheet or a region, which a transcript reads past without a
    word: its first line is NOTE, STYLE or REGION, alone or followed by a space or tab. (Whether the spec
    makes a style sheet or region of it, as before the first cue, or drops it, as after, is all one.)"""
    return any(first_line.startswith(word) and first_line[len(word):len(word) + 1] in ("", " ", "\t")
               for word in ("NOTE", "STYLE", "REGION"))


def _stamp(m: re.Match[str], group: int) -> str:
    hours, minutes, seconds, millis = m.group(group, group + 1, group + 2, group + 3)
    return f"{hours}:{minutes}:{seconds}.{millis}" if seconds is not None else f"{hours}:{minutes}.{millis}"


def _times(m: re.Match[str]) -> tuple[float, float] | None:
    start, end = _seconds(*m.group(1, 2, 3, 4)), _seconds(*m.group(5, 6, 7, 8))
    return None if start is None or end is None else (start, end)


def _seconds(first: str, second: str, third: str | None, millis: str) -> float | None:
    """Seconds of a timestamp's parts by the spec's rules: "MM:SS.mmm" when the first part is two digits up
    to 59 and there is no third, else "H…:MM:SS.mmm" with any number of hour digits (past
    _MAX_HOUR_DIGITS it is infinite: a time no audio has). None when the spec rejects it."""
    if len(millis) != 3 or len(second) != 2:
        return None
    if third is None:
        if len(first) != 2 or int(first) > 59:
            return None
        hours, minutes, seconds = "0", first, second
    else:
        if len(third) != 2:
            return None
        hours, minutes, seconds = first, second, third
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    if len(hours) > _MAX_HOUR_DIGITS:
        return float("inf")
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000
