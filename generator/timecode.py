"""Timestamps as they appear in transcripts ("04:34", "01:08:08.00") and durations in front matter."""

from __future__ import annotations

import math
import re

# The range of every time and duration a content file may give (docs/content-format.md, "Numbers"): from 0 up
# to 100 hours. Beyond it a number is a typo or hostile, and arithmetic on it (a 400-digit integer as a
# float, 1e308 in milliseconds) would overflow; parse_duration and seconds_in_range refuse it.
MAX_SECONDS = 100 * 3600
SECONDS_RANGE = "from 0 to 100 hours (360000 seconds)"

# Two to four colon-separated fields (all but the first two digits wide), the last optionally with a fraction.
# ASCII digits only: a timestamp written with other digit scripts is not one the corpus has ever produced.
_TIMECODE_RE = re.compile(r"([0-9]{1,3})((?::[0-9]{2}){1,3})(?:\.([0-9]{1,3}))?")
_SECONDS_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# Stray escaping and decoration that the corpus puts around or inside timestamps.
_NOISE_RE = re.compile(r"[\s*]+")


def parse_timecode(text: str) -> float | None:
    """Seconds for a timestamp, or None when it cannot be read.

    Accepts M:SS and MM:SS (minutes may exceed 59: "100:08"), H:MM:SS and HH:MM:SS with an optional
    fraction ("01:08:08.00", "22:48.0"), and a fourth field of frames/centiseconds ("00:19:38:01").
    Spaces and bold markers inside ("00:11: 57.25") and backslashes or brackets around it are ignored.
    """
    cleaned = _NOISE_RE.sub("", text).strip("\\[]")
    m = _TIMECODE_RE.fullmatch(cleaned)
    if m is None:
        return None
    first = int(m.group(1))
    rest = [int(part) for part in m.group(2)[1:].split(":")]
    fraction = float("0." + m.group(3)) if m.group(3) else 0.0
    if m.group(3) and len(rest) == 3:
        return None  # "00:19:38:01.5" has two fractions
    if len(rest) == 1:  # MM:SS; minutes past 59 occur where the hour field was dropped
        minutes, seconds = first, rest[0]
        return _checked(0, minutes, seconds, fraction, max_minutes=None)
    hours, minutes, seconds = first, rest[0], rest[1]
    if len(rest) == 3:  # the fourth field counts frames or centiseconds; read it as hundredths
        fraction = rest[2] / 100
    return _checked(hours, minutes, seconds, fraction, max_minutes=59)


def _checked(hours: int, minutes: int, seconds: int, fraction: float, max_minutes: int | None) -> float | None:
    if seconds > 59 or (max_minutes is not None and minutes > max_minutes):
        return None
    return seconds_in_range(hours * 3600 + minutes * 60 + seconds + fraction)


def seconds_in_range(value: object) -> float | None:
    """`value` as seconds when it is a number (not a bool) within MAX_SECONDS of 0; None for anything else,
    NaN, infinities and integers too large for a float among them."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int) and not 0 <= value <= MAX_SECONDS:  # compared as integers: no float overflow
        return None
    seconds = float(value)
    return seconds if 0 <= seconds <= MAX_SECONDS else None  # NaN compares false


def format_timecode(seconds: float) -> str:
    """'04:34' under an hour, '1:08:08' from an hour on; fractions are dropped, negatives read as 0."""
    if not math.isfinite(seconds) or seconds < 0:
        seconds = 0
    whole = int(seconds)
    if whole < 3600:
        return MINUTES_SECONDS[whole]
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


# "MM:SS" for every second of an hour: transcripts format a time for most of their paragraphs and cues,
# and a table makes the common case a lookup. What goes before it from an hour on: format_timecode's hours
# below ten ("", "1:" … "9:"), and the two digits of WebVTT's and SRT's hours ("00:" … "99:").
MINUTES_SECONDS = tuple(f"{m:02d}:{sec:02d}" for m in range(60) for sec in range(60))
TIMECODE_HOURS = ("", *(f"{hours}:" for hours in range(1, 10)))
CUE_HOURS = tuple(f"{hours:02d}:" for hours in range(100))


def format_seconds(seconds: float) -> str:
    """A compact number for a data attribute: '274', '274.01' (never '274.0' or exponent notation)."""
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def parse_duration(value: object) -> float | None:
    """Seconds from an int/float, a digit string ('3723') or a timecode ('1:02:03', '45:10'); None if bad or
    outside 0 to MAX_SECONDS."""
    if isinstance(value, bool):  # YAML's yes/no are not durations, though bool is an int subtype
        return None
    if isinstance(value, str):
        text = value.strip()
        if _SECONDS_RE.fullmatch(text):
            return seconds_in_range(float(text))  # a digit string's float is at worst inf, never an error
        return parse_timecode(text) if ":" in text else None
    return seconds_in_range(value)
