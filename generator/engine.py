"""The one build engine: `podsite build`, `podsite check` and `podsite serve` all build through a Builder.

    builder = Builder(site_dir, out_dir, base_url=None, drafts=False, jobs=None)
    result = builder.build()                # finds what changed by scanning (the command line)
    result = builder.build(changed=paths)   # trusts the paths given (the preview's watcher)

Either way the build goes through the same keyed records (cache/keys.py, cache/episodes.py): an episode whose key
is unchanged keeps its files in the output and its outcome; the others are made again by the workers
(workers.py; in this process when they are few). A page that lists episodes is kept when what its
templates read of the Site is unchanged (reads.py), a feed when its inputs are; then the staging folder is
committed (output.Staging). A Builder kept alive (the preview's) keeps its records in memory between calls
(build.Memory), on top of the same records on disk; a scanning build starts from the disk's alone.

This module imports only what the no-change check needs: `podsite build` with nothing changed answers from
the build state before the pipeline's modules (jinja2, markdown, the parsers) are even loaded."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache.state import (
    OutputLook,
    is_current,
    load_state,
    look_at_output,
    options_key,
)
from generator.diagnostics import Diagnostics, Location
from generator.output import OutputError, check_output_dir, recover
from generator.result import BuildResult, Progress

if TYPE_CHECKING:
    from generator.build import Memory

class Builder:
    """Builds `site_dir` into `out_dir` (None: checks only, writes nothing), as often as asked. Not
    thread-safe: one thread drives it. `transcripts`: the folder of parsed transcripts to read and fill,
    when not the one in the output's cache folder (the preview shares `podsite build`'s)."""

    def __init__(self, site_dir: Path, out_dir: Path | None, *, base_url: str | None = None, drafts: bool = False,
                 jobs: int | None = None, transcripts: Path | None = None) -> None:
        self.site_dir = site_dir
        self.out_dir = out_dir
        self.base_url = base_url
        self.drafts = drafts
        self.jobs = jobs
        self.transcripts = transcripts
        self.memory: Memory | None = None  # made by the first build that gets past the no-change check

    @property
    def options(self) -> str:
        """The options' part of every key (cache.state.options_key)."""
        return options_key(self.site_dir, self.out_dir, self.base_url, self.drafts) if self.out_dir else ""

    @property
    def theme(self) -> Path | None:
        """The theme folder the last build used (None before one could read site.yaml)."""
        return self.memory.theme if self.memory is not None else None

    def build(self, changed: Iterable[Path] | None = None, progress: Progress | None = None) -> BuildResult:
        """Builds what changed: the `changed` paths (files or folders, absolute or not), or what a scan finds
        changed since the last build when None. Writes the output only when there were no errors."""
        started = time.perf_counter()
        look = None
        if self.out_dir is not None:
            try:
                check_output_dir(self.out_dir, self.site_dir)
            except OutputError as exc:
                diags = Diagnostics()
                diags.error(Location(self.out_dir), str(exc))
                return BuildResult(diags, seconds=time.perf_counter() - started)
            if changed is None:
                # A commit that was stopped is finished or undone before the output is looked at; one that
                # cannot be, the build says why, as it starts its commit.
                with contextlib.suppress(OutputError, OSError):
                    recover(self.out_dir)
                current, look = self._up_to_date()
                if current is not None:
                    current.seconds = time.perf_counter() - started
                    return current
        from generator.build import (
            run,  # the pipeline's modules, loaded only when there is work to do
        )

        result = run(self, None if changed is None else list(changed), progress, look)
        result.seconds = time.perf_counter() - started
        return result

    def _up_to_date(self) -> tuple[BuildResult | None, OutputLook | None]:
        """The last build's report when no input changed since and the output is as it left it; else None,
        and what the check found of the output folder (for the build to take rather than scan it again)."""
        assert self.out_dir is not None
        state = load_state(self.out_dir)
        if state is None:
            return None, None
        look = look_at_output(state, self.options, self.out_dir)
        if not is_current(state, look):
            return None, look
        return BuildResult(Diagnostics(list(state.diagnostics)), pages=state.pages, episodes=state.episodes,
                           up_to_date=True), look


def build(site_dir: Path, out_dir: Path | None, base_url: str | None = None, drafts: bool = False,
          jobs: int | None = None, progress: Progress | None = None) -> BuildResult:
    """One build by a Builder of its own: `podsite build` (or `check`, with no output folder)."""
    return Builder(site_dir, out_dir, base_url=base_url, drafts=drafts, jobs=jobs).build(progress=progress)
