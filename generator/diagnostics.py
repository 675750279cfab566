"""Errors and warnings as values with a source location, collected and reported together."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

Severity = Literal["error", "warning"]
T = TypeVar("T")
# Characters a terminal acts on rather than shows: C0 and C1 controls, DEL, and the bidirectional overrides
# and isolates that reorder what follows them. Content quoted in a message may hold any of them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Where the tracebacks of podsite's own failures go (guarded): the system's temporary folder, one file for all
# builds, appended to.
CRASH_LOG = Path(tempfile.gettempdir()) / "podsite-crashes.log"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a source file; line 0 means the file as a whole."""

    path: Path
    line: int = 0

    def __str__(self) -> str:
        shown = display_path(self.path)
        return f"{shown}:{self.line}" if self.line else shown


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: Severity
    location: Location
    message: str
    hint: str = ""

    def format(self) -> str:
        """The diagnostic as the terminal shows it, every control character escaped (\\x00, \\x0c …)."""
        text = f"{printable(str(self.location))}: {self.severity}: {printable(self.message)}"
        if self.hint:
            text += f"\n    hint: {printable(self.hint)}"
        return text

    def sort_key(self) -> tuple[str, int, str]:
        return (str(self.location.path), self.location.line, self.message)

    def plain(self) -> tuple[str, str, int, str, str]:
        """As plain values, for the files a build keeps beside its output (marshal, JSON)."""
        return (self.severity, str(self.location.path), self.location.line, self.message, self.hint)

    @staticmethod
    def from_plain(values: Sequence[Any]) -> Diagnostic:
        """The diagnostic plain() gave (a list, once through JSON); ValueError or TypeError when it is not one."""
        severity, path, line, message, hint = values
        if severity not in ("error", "warning"):
            raise ValueError(f"not a severity: {severity!r}")
        return Diagnostic(severity, Location(Path(path), int(line)), str(message), str(hint))


@dataclass(slots=True)
class Diagnostics:
    """Collects every problem a build finds, so one run reports them all."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic("error", location, message, hint))

    def warning(self, location: Location, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic("warning", location, message, hint))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=Diagnostic.sort_key)

    def report(self) -> str:
        """All diagnostics, sorted by file and line, one per line (hints indented below)."""
        return "\n".join(d.format() for d in self.sorted())


def printable(text: str) -> str:
    """`text` with the characters a terminal would act on written as escapes: a NUL as \\x00, a form feed
    as \\x0c, a right-to-left override as \\u202e."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it, so messages stay short."""
    text = str(path)
    if not os.path.isabs(text):
        return text
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith("..") else relative


def guarded(diags: Diagnostics, location: Location, work: Callable[[], T], fallback: T) -> T:
    """`work()`, or, when it raises what podsite did not expect (a bug, met on some content), `fallback` and
    an error at the content file it was reading, the traceback written to CRASH_LOG: the build goes on with
    the other files and reports everything together, as for any error."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - whatever it is, it is reported at its file
        report_crash(diags, location, exc)
        return fallback


def report_crash(diags: Diagnostics, location: Location, exc: BaseException) -> None:
    """An error at `location` for a failure of podsite's own, its traceback written to CRASH_LOG."""
    diags.error(location, f"podsite failed on this file ({type(exc).__name__}: {str(exc)[:200]}); please report this",
                f"with the file, and the traceback written to {_log_crash(location, exc)}")


def _log_crash(location: Location, exc: BaseException) -> Path | str:
    """Appends the traceback to CRASH_LOG; the path, or a note that it could not be written."""
    text = "".join(traceback.format_exception(exc))
    try:
        with CRASH_LOG.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} {location}\n{text}\n")
    except OSError:
        return f"(nowhere: {CRASH_LOG} cannot be written)"
    return CRASH_LOG
