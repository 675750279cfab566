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
from generator.markup.policy import url_allowed, url_hint
from generator.markup.text_scan import CONTROL_RE, has_control
from generator.sources import YamlList, YamlMap
from generator.timecode import SECONDS_RANGE, parse_duration

# Slugs name folders, files and URLs: lower-case letters and digits in runs joined by single hyphens, and
# nothing else (\Z, not $, which would let a trailing newline through). docs/content-format.md says so.
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SLUG_HINT = "use lower-case letters a-z, digits 0-9 and single hyphens between them, e.g. 36 or my-first-episode"
# The largest whole number a content file may give where no other bound is documented (episode and season
# numbers, counts): past it, a number is a typo, and would overflow where it is used as a float or printed.
MAX_NUMBER = 999_999_999
# Audio file sizes: up to a terabyte.
MAX_BYTES = 10**12


def is_slug(name: str) -> bool:
    return SLUG_RE.match(name) is not None


def without_controls(value: str, location: Location, diags: Diagnostics) -> str:
    """The text with its control characters (CONTROL_RE: invisible, and some terminals and feed readers act
    on them) removed, and a warning saying so. Every text field read from content passes through here."""
    if not has_control(value):
        return value
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL_RE.findall(value)})
    diags.warning(location, f"control character {', '.join(found)} removed from {value!r}",
                  "delete it from the file; such characters are invisible and do nothing in a page or feed")
    return CONTROL_RE.sub("", value)


def check_url(url: str, location: Location, diags: Diagnostics, what: str, shown: str | None = None) -> bool:
    """Whether `url` passes the URL policy (url_allowed); an error at `location` when it does not, quoting
    `shown` (what the author wrote) or the URL."""
    if url_allowed(url):
        return True
    diags.error(location, f"{what} '{shown or url}' is not allowed", url_hint(url))
    return False


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
    def of(cls, value: Any, path: Path, line: int, diags: Diagnostics, allowed: Iterable[str],
           what: str) -> Fields | None:
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
        if not self._check(key, value, isinstance(value, str), "text"):
            return default
        return without_controls(value, self.at(key), self.diags)

    def integer(self, key: str, required: bool = False, minimum: int = 0, maximum: int = MAX_NUMBER,
                hint: str = "") -> int | None:
        """A whole number from `minimum` to `maximum` (by default MAX_NUMBER: any count a site has)."""
        value = self._get(key, required, "number")
        if value is None:
            return None
        ok = isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum
        return value if self._check(key, value, ok, f"a whole number from {minimum} to {maximum}", hint) else None

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
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        if isinstance(value, dt.date):
            return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
        if isinstance(value, str):
            try:
                parsed = dt.datetime.fromisoformat(value.strip())
                return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
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
            items = list(zip(value, value.item_lines, strict=True))
        else:
            self._check(key, value, False, "a list")
            return ()
        result = []
        for item, line in items:
            if not isinstance(item, str) or (slugs and not is_slug(item)):
                expected = "a slug (lower-case letters, digits and hyphens)" if slugs else "text"
                self.diags.error(Location(self.path, line), f"each item of '{key}' must be {expected}, got {item!r}")
                continue
            result.append((without_controls(item, Location(self.path, line), self.diags), line))
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
            return list(zip(value, value.item_lines, strict=True))
        return [(value, self.data.line_of(key))]

    def url(self, key: str, required: bool = False, web: bool = False) -> str | None:
        """A full http(s) or mailto: URL the URL policy allows; with `web`, only a web page's (http or https)."""
        value = self.text(key, required, expected="https://…")
        if value is None:
            return None
        if not check_url(value, self.at(key), self.diags, f"the URL in '{key}'"):
            return None
        ok = re.match(r"https?://\S+\Z" if web else r"(https?://\S+|mailto:\S+)\Z", value) is not None
        has_scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value) is not None
        if not self._check(key, value, ok, "a full URL starting with https://",
                           "give the address of a web page" if has_scheme else "add the scheme, e.g. https://" + value):
            return None
        return value


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

