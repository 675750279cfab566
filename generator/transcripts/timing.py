"""The times of a transcript's paragraphs: the source's where it gives one, else estimated from the words
between known times; and the anchors that follow from them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add, floordiv, mod
from typing import Protocol

from generator.timecode import MINUTES_SECONDS, TIMECODE_HOURS, format_timecode

WORDS_PER_SECOND = 2.5  # speech rate assumed when a file has too few timestamps to measure its own

_ANCHOR_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(slots=True)
class Stamp:
    seconds: float
    display: str  # the source text without backslashes, spaces or bold markers
    line: int
    words: float = 0  # word position in the file, for estimating
    valid: bool = True  # False when it goes backwards


class Timed(Protocol):
    """What time_and_anchor reads and sets of a paragraph draft."""

    lifted: Stamp | None  # the source's time, when it gives one
    offset: int  # words before the paragraph in the file
    start: float
    anchor: str


def clock_texts(starts: list[float]) -> list[str]:
    """format_timecode for each start, by table and with no Python call each while the times are under ten hours:
    from an hour on, its text is the hours before the table's "MM:SS" for the rest."""
    try:
        whole = list(map(int, starts))  # format_timecode's whole seconds, where it does not make them 0
    except (ValueError, OverflowError):  # a NaN or an infinity
        whole = []
    if not whole or min(whole) < 0 or max(whole) >= 10 * 3600:
        return list(map(format_timecode, starts))
    if max(whole) < 3600:
        return list(map(MINUTES_SECONDS.__getitem__, whole))
    return list(map(add, map(TIMECODE_HOURS.__getitem__, map(floordiv, whole, repeat(3600))),
                    map(MINUTES_SECONDS.__getitem__, map(mod, whole, repeat(3600)))))


class Estimator:
    """Seconds at a word position: linear between known (words, seconds) points, from (0, 0) before
    the first, and after the last towards the episode's end (duration) or at the file's speech rate."""

    def __init__(self, points: list[tuple[float, float]], total_words: int, duration: float | None) -> None:
        self.words = [w for w, _ in points]
        self.seconds = [s for _, s in points]
        self.total = total_words
        self.duration = duration
        self.rate = _speech_rate(points)

    def at(self, position: float) -> float:
        words = self.words
        if not words:
            if self.duration and self.total:
                return self.duration * position / self.total
            return position / WORDS_PER_SECOND
        i = bisect.bisect_right(words, position) - 1
        if i < 0:
            return _lerp(position, 0.0, 0.0, words[0], self.seconds[0])
        if i + 1 < len(words):  # between two known times, as most paragraphs are: _lerp inlined
            x0, x1 = words[i], words[i + 1]
            y1 = self.seconds[i + 1]
            if x1 <= x0:
                return y1
            y0 = self.seconds[i]
            return y0 + (position - x0) * (y1 - y0) / (x1 - x0)
        last_w, last_s = words[-1], self.seconds[-1]
        if self.duration is not None and self.duration > last_s and self.total > last_w:
            return _lerp(position, last_w, last_s, self.total, self.duration)
        return last_s + (position - last_w) / self.rate


def _lerp(x: float, x0: float, y0: float, x1: float, y1: float) -> float:
    if x1 <= x0:
        return y1
    return y0 + (x - x0) * (y1 - y0) / (x1 - x0)


def _speech_rate(points: list[tuple[float, float]]) -> float:
    """Words per second between the first and last known times, within human bounds."""
    if len(points) >= 2:
        words = points[-1][0] - points[0][0]
        seconds = points[-1][1] - points[0][1]
        if words > 0 and seconds > 0:
            return min(max(words / seconds, 0.5), 6.0)
    return WORDS_PER_SECOND


def time_and_anchor(paras: Sequence[Timed], estimator: Estimator) -> None:
    """Each paragraph's start (the source's time, else estimated) and anchor, in one pass. Anchors:
    `t-04-34` for a paragraph with a source time, `t-04-34-2`, `-3` … for those after it, `t-start-N`
    before the first: an edit moves only the anchors up to the next timestamp."""
    estimate = estimator.at
    used: set[str] = set()
    base, position = "t-start", 0
    for para in paras:
        if para.lifted is not None:
            para.start = para.lifted.seconds
            base = _unique("t-" + _ANCHOR_UNSAFE_RE.sub("-", format_timecode(para.start)), used, "-x")
            para.anchor, position = base, 1
            continue
        para.start = estimate(para.offset)
        position += 1
        anchor = f"{base}-{position}"
        if anchor in used:
            anchor = _unique(anchor, used, "-d")
        else:  # the common case, without a call
            used.add(anchor)
        para.anchor = anchor
    return


def _unique(anchor: str, used: set[str], joiner: str) -> str:
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}{joiner}{n}"
    used.add(candidate)
    return candidate
