"""Where an episode's build time goes, step by step, on one core.

    python bench/steps.py [SITE] [--episodes 150] [--repeat 5]

SITE defaults to the bench's 2,000-episode site (/tmp/podsite-bench/site-2000/content; run bench/run.py
first to make it). For N episodes spread evenly over the site (the first N would be a few short shows) it
times each step a worker does, in this process, without
writing anything: rendering the notes, reading the transcript file, parsing it (lines to turns, then
times and anchors, then the paragraphs' HTML), making the four transcript files, and rendering the page.
Each step's figure is the best of `--repeat` passes (the least disturbed by other work on the machine),
in milliseconds per episode.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import ParamSpec, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import load_site
from generator.diagnostics import Diagnostics
from generator.model.entities import Episode
from generator.model.transcript import Transcript
from generator.render.pages import episode_page, render_page
from generator.transcripts.parser import _Parser
from generator.workers import EpisodeWorker, episode_files

P = ParamSpec("P")
T = TypeVar("T")

STEPS = ("notes", "read", "lines to turns", "times and anchors", "paragraph HTML", "transcript files", "page")


def one_pass(worker: EpisodeWorker, sample: list[Episode]) -> dict[str, float]:
    """Seconds spent in each step over the `sample` episodes."""
    spent = dict.fromkeys(STEPS, 0.0)

    def timed(step: str, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        started = time.perf_counter()
        value = work(*args, **kwargs)
        spent[step] += time.perf_counter() - started
        return value

    def page(episode: Episode, older: Episode | None, newer: Episode | None, diags: Diagnostics) -> bytes | None:
        return render_page(episode_page(episode, older, newer), worker.site, worker.env, diags)

    for light in sample:
        path = light.transcript_path
        if path is None or path.suffix != ".md":
            continue
        diags = Diagnostics()
        notes = timed("notes", worker.markup.render, light.notes_source or "")
        text = timed("read", path.read_text, encoding="utf-8")
        parser = _Parser(path, worker.speakers, worker.markup, diags)
        timed("lines to turns", parser.run, text)
        has_times = timed("times and anchors", parser.place, light.audio.duration if light.audio else None)
        turns = timed("paragraph HTML", parser.build)
        episode = replace(light, transcript=Transcript(path, turns, has_times), notes_html=notes, notes_source=None)
        timed("transcript files", episode_files, episode, worker.names)
        older, newer = worker.neighbours[light.url]
        timed("page", page, episode, older, newer, diags)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("/tmp/podsite-bench/site-2000/content"))
    parser.add_argument("--episodes", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    site = load_site(args.site, Diagnostics(), read_transcripts=False)
    if site is None:
        raise SystemExit(f"no site at {args.site}")
    worker = EpisodeWorker(site, None)
    count = min(args.episodes, len(site.episodes))
    sample = [site.episodes[i * len(site.episodes) // count] for i in range(count)]
    best = dict.fromkeys(STEPS, float("inf"))
    for _ in range(args.repeat):
        for step, seconds in one_pass(worker, sample).items():
            best[step] = min(best[step], seconds)
    for step in STEPS:
        print(f"  {step:<18} {best[step] / count * 1000:6.2f} ms per episode")
    print(f"  {'total':<18} {sum(best.values()) / count * 1000:6.2f} ms per episode "
          f"({count} episodes, best of {args.repeat})")


if __name__ == "__main__":
    main()
