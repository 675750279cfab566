"""Instructions per episode of a worker's episode work, counted by callgrind: a figure that, unlike seconds
on a shared machine, is the same from run to run, so that a change of a few per cent can be seen.

    python bench/instructions.py [SITE] [--episodes 40] [--write]

SITE defaults to the bench's 2,000-episode site (/tmp/podsite-bench/site-2000/content; run bench/run.py
first to make it). One worker, in one process, does the whole work of N episodes spread evenly over the
site (notes, transcript, page, transcript files; nothing written, unless --write: then the files go to a
staging folder and the parsed transcripts to a cache, as in a cold build), after a few episodes of warm-up
that compile the templates. Two runs under `valgrind --tool=callgrind`, with and without the N episodes; the
difference over N is printed. Needs valgrind (Debian's package); takes about a minute per 20 episodes.
"""

from __future__ import annotations

import argparse
import gc
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WARM_UP = 4


def work(site_dir: Path, count: int, episodes: int, write: Path | None) -> None:
    """The measured process: load the site, warm up, then do `count` of the `episodes` sample episodes
    (writing into the folder `write`, when given)."""
    from generator.build import load_site
    from generator.diagnostics import Diagnostics
    from generator.output import Staging
    from generator.workers import EpisodeWorker

    site = load_site(site_dir, Diagnostics(), read_transcripts=False)
    if site is None or not site.episodes:
        raise SystemExit(f"no site with episodes at {site_dir}")
    staging = None
    if write is not None:
        staging = Staging(write / "output")
        staging.start()
    worker = EpisodeWorker(site, staging, write / "cache" if write is not None else None)
    gc.freeze()  # as the build's workers do
    total = len(site.episodes)
    for index in range(min(WARM_UP, total)):
        worker.run(index)
    for index in range(count):
        worker.run(index * total // episodes)


def instructions(site_dir: Path, count: int, episodes: int, write: bool) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
               str(site_dir), "--episodes", str(episodes), "--count", str(count)]
    with tempfile.TemporaryDirectory(prefix="podsite-instructions-") as folder:
        run = subprocess.run(command + (["--write-to", folder] if write else []), capture_output=True, text=True,
                             check=True)
    found = re.search(r"Collected : ([0-9]+)", run.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{run.stderr[-1000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("/tmp/podsite-bench/site-2000/content"))
    parser.add_argument("--episodes", type=int, default=40)
    parser.add_argument("--write", action="store_true", help="write the files and the cache, as a cold build does")
    parser.add_argument("--count", type=int, default=None, help=argparse.SUPPRESS)  # the measured process
    parser.add_argument("--write-to", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.count is not None:
        work(args.site, args.count, args.episodes, args.write_to)
        return
    base = instructions(args.site, 0, args.episodes, args.write)
    full = instructions(args.site, args.episodes, args.episodes, args.write)
    print(f"  {(full - base) / args.episodes:,.0f} instructions per episode "
          f"({args.episodes} episodes spread over {args.site}{', writing' if args.write else ''})")


if __name__ == "__main__":
    main()
