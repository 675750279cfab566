"""What the commands print: the progress line, every diagnostic, the summary line, and the exit codes. The
command line and the preview both report through it."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

from generator.diagnostics import Diagnostics

if TYPE_CHECKING:
    from generator.result import BuildResult

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class ProgressLine:
    """'podsite: 120 of 500 episodes' on one line of a terminal, for builds that last over a second;
    nothing when the output is not a terminal or the build is quick. One line for one build."""

    def __init__(self, stream: TextIO | None = None, after: float = 1.0) -> None:
        self.stream, self.after = stream or sys.stderr, after
        self.started = time.monotonic()
        self.shown_at = 0.0

    def __call__(self, done: int, total: int, what: str = "episodes") -> None:
        now = time.monotonic()
        if now - self.started < self.after or not self.stream.isatty():
            return
        if now - self.shown_at < 0.1 and done != total:  # the last of a step shows: the next may take long
            return
        self.shown_at = now
        self.stream.write(f"\r\x1b[Kpodsite: {done} of {total} {what}")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown_at:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def report(result: BuildResult, verb: str) -> int:
    """Prints every diagnostic, then one summary line; returns the exit code."""
    return report_counts(result.diagnostics, result.pages, result.episodes, result.seconds, verb)


def report_counts(diags: Diagnostics, pages: int, episodes: int, seconds: float, verb: str) -> int:
    if diags.items:
        print(diags.report(), file=sys.stderr)
    errors, warnings = len(diags.errors), len(diags.warnings)
    if errors:
        files = len({d.location.path for d in diags.errors})
        print(f"podsite: {plural(errors, 'error')} in {plural(files, 'file')}, {plural(warnings, 'warning')}; "
              "nothing was written", file=sys.stderr)
        return EXIT_CONTENT
    print(f"podsite: {verb}: {plural(pages, 'page')}, {plural(episodes, 'episode')}, "
          f"{plural(warnings, 'warning')} in {seconds:.2f} s")
    return EXIT_OK


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
