"""Typed, located access to the keys of a YAML mapping, with every problem reported as a diagnostic."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostics, Location
from generator.markup.markdown import COSTLY_HINT, COSTLY_MESSAGE, costly_line
from generator.timecode import SECONDS_RANGE, parse_duration
from generator.sources import YamlList, YamlMap

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The largest whole number a content file may give where no other bound is documented (episode and season
# numbers, counts): past it, a number is a typo, and would overflow where it is used as a float or printed.
MAX_NUMBER = 999_999_999
# Audio file sizes: up to a terabyte.
MAX_BYTES = 10**12


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest known word, or listing the known ones."""
    choices = sorted(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "known: " + ", ".join(choices) if len(choices) <= 12 else ""


class Fields:
    """Reads one YAML mapping of a file; each getter reports a wrong or missing value at its line."""

    def __init__(self, data: YamlMap, path: Path, diags: Diagnostics, allowed: Iterable[str], what: str) -> None:
        self.data = data
        self.path = path
        self.diags = diags
        self.what = what
        self.allowed = frozenset(allowed)
        for key in data:
            if key not in self.allowed:
                diags.error(self.at(key), f"unknown key '{key}' in {what}", did_you_mean(key, self.allowed))

    @classmethod
    def of(cls, value: Any, path: Path, line: int, diags: Diagnostics, allowed: Iterable[str], what: str) -> Fields | None:
        """Fields of `value` when it is a mapping; otherwise an error and None."""
        if isinstance(value, YamlMap):
            return cls(value, path, diags, allowed, what)
        diags.error(Location(path, line), f"{what} must be a mapping of keys to values, got {_kind(value)}")
        return None

    def at(self, key: str) -> Location:
        return Location(self.path, self.data.line_of(key))

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _get(self, key: str, required: bool, expected: str) -> Any:
        value = self.data.get(key)
        if value is None and required:
            self.diags.error(Location(self.path, self.data.line), f"{self.what} is missing the required key '{key}'",
                             f"add a line '{key}: <{expected}>'")
        return value

    def _check(self, key: str, value: Any, ok: bool, expected: str, hint: str = "") -> bool:
        if not ok:
            self.diags.error(self.at(key), f"'{key}' must be {expected}, got {_kind(value)}", hint)
        return ok

    def text(self, key: str, required: bool = False, default: str | None = None, expected: str = "text") -> str | None:
        value = self._get(key, required, expected)
        if value is None:
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)  # `title: 1984` is text to the author
        return value if self._check(key, value, isinstance(value, str), "text") else default

    def integer(self, key: str, required: bool = False, minimum: int = 0, maximum: int = MAX_NUMBER) -> int | None:
        """A whole number from `minimum` to `maximum` (by default MAX_NUMBER: any count a site has)."""
        value = self._get(key, required, "number")
        if value is None:
            return None
        ok = isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum
        return value if self._check(key, value, ok, f"a whole number from {minimum} to {maximum}") else None

    def markdown(self, key: str) -> str | None:
        """Text to be rendered as Markdown: as text(), and an error where it is too costly to render as
        Markdown (costly_line; it is then shown as text)."""
        value = self.text(key)
        if value is not None and costly_line(value) is not None:
            self.diags.error(self.at(key), COSTLY_MESSAGE, COSTLY_HINT)
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        return value if self._check(key, value, isinstance(value, bool), "true or false") else default

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.data.get(key)
        if value is None:
            return default
        if value in choices:
            return str(value)
        self.diags.error(self.at(key), f"'{key}' must be one of {', '.join(choices)}, got {value!r}",
                         did_you_mean(str(value), choices))
        return default

    def date(self, key: str) -> dt.datetime | None:
        """A date or date-time; a bare date is taken as midnight UTC so that sorting is total."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
        if isinstance(value, str):
            try:
                parsed = dt.datetime.fromisoformat(value.strip())
                return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
            except ValueError:
                pass
        self._check(key, value, False, "a date like 2019-03-19 or 2019-03-19T10:00:00-07:00",
                    "write the date as YYYY-MM-DD")
        return None

    def duration(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        seconds = parse_duration(value)
        ok = seconds is not None and seconds > 0
        return seconds if self._check(key, value, ok, "a duration like 1:02:03, 45:10 or a number of seconds, "
                                      f"{SECONDS_RANGE}",
                                      "write hours, minutes and seconds with colons, e.g. 1:12:00") else None

    def text_list(self, key: str, slugs: bool = False) -> tuple[tuple[str, int], ...]:
        """A list of texts (a single text is a list of one), each with its line."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            items = [(value, self.data.line_of(key))]
        elif isinstance(value, YamlList):
            items = list(zip(value, value.item_lines))
        else:
            self._check(key, value, False, "a list")
            return ()
        result = []
        for item, line in items:
            if not isinstance(item, str) or (slugs and not SLUG_RE.match(item)):
                expected = "a slug (lower-case letters, digits and hyphens)" if slugs else "text"
                self.diags.error(Location(self.path, line), f"each item of '{key}' must be {expected}, got {item!r}")
                continue
            result.append((item, line))
        return tuple(result)

    def mapping(self, key: str, allowed: Iterable[str]) -> Fields | None:
        value = self.data.get(key)
        if value is None:
            return None
        return Fields.of(value, self.path, self.data.line_of(key), self.diags, allowed, f"'{key}'")

    def items(self, key: str) -> list[tuple[Any, int]]:
        """The raw items of a list with their lines (a scalar counts as a list of one)."""
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, YamlList):
            return list(zip(value, value.item_lines))
        return [(value, self.data.line_of(key))]

    def url(self, key: str, required: bool = False) -> str | None:
        value = self.text(key, required, expected="https://…")
        if value is None:
            return None
        ok = bool(re.match(r"^(https?://[^\s]+|mailto:\S+)$", value))
        return value if self._check(key, value, ok, "a full URL starting with https://", "add the scheme, e.g. https://" + value) else None


def _kind(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and len(str(abs(value))) > 20:  # not 400 digits
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, str) and len(value) > 80:
        return repr(value[:60] + "…")
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    if value is None:
        return "nothing"
    return repr(value)

