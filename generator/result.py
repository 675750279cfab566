"""What a build gives back: its diagnostics and what it made (engine.Builder.build returns it; the command
line and the preview report it). A leaf, so that the no-change check can answer without the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostics
from generator.output import WriteStats

if TYPE_CHECKING:
    from generator.model.entities import Site

# Told how many episodes are done out of how many, as the workers finish them.
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class BuildResult:
    diagnostics: Diagnostics
    site: Site | None = None
    paths: frozenset[str] = frozenset()  # every file the build made, below the output folder
    pages: int = 0
    episodes: int = 0
    written: WriteStats | None = None
    episodes_kept: int = 0  # episodes whose records matched: not made again
    rendered: tuple[str, ...] = ()  # the pages rendered anew (episode pages and the others), by output path
    changed: bool = False  # some output file was written or removed
    up_to_date: bool = False  # nothing had changed: the last build's report, given again
    leftover: str | None = None  # the new site is in place, but what its commit set aside is not deleted
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors
