"""What the social cards cost a build: podsite with and without them, on the same site.

    python bench/cards.py [--site CONTENT] [--episodes 2000] [--repeat 3] [--rebuilds 3] [--jobs N] [--work DIR]
                          [--code REV]

"Without" and "with" are the same podsite (this checkout, or `--code REV` exported from git into the work
folder, so that the checkout can be edited while the bench runs) on two copies of one site, the second
with `cards: true` in its site.yaml. The site is `--site` (default: bench/run.py's site of `--episodes`
episodes), in which every show is given a local artwork file, a 3000x3000 JPEG as podcast artwork is, so
that cards decode and scale one, and a name of its own, so that no two shows' cards are alike.

It prints, alternating without and with so that a slow spell of the machine falls on both alike:
- the cold builds (no output, no cache folder), `--repeat` times each, and their medians;
- the rebuilds after a template edit (`--rebuilds` times), every page made again from a warm cache
  folder: the transcripts parsed before, and for "with", the cards drawn before;
- the share of the cold build the cards add.
"""

from __future__ import annotations

import argparse
import compileall
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Run, measure
from PIL import Image, ImageFilter
from run import make_podsite, podsite_build

REPO = Path(__file__).resolve().parent.parent
ARTWORK = "artwork.jpg"


def exported(revision: str, work: Path) -> Path:
    """podsite's source at `revision`, exported into `work`/code."""
    target = work / "code"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", revision, "generator", "themes"], cwd=REPO, check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    compileall.compile_dir(target / "generator", quiet=1)
    return target


def site_with_artwork(source: Path, work: Path) -> Path:
    """A copy of the site whose every show has a local 3000x3000 JPEG artwork (one file for all) and a
    name of its own."""
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(source, site, ignore=shutil.ignore_patterns(".*"))
    # Smooth colour with some grain, as a photograph or an illustration has: pure noise would make every
    # card's PNG many times bigger than real artwork does.
    gradient = Image.linear_gradient("L").resize((3000, 3000))
    grain = Image.effect_noise((3000, 3000), 12).filter(ImageFilter.GaussianBlur(2))
    Image.merge("RGB", (gradient, gradient.rotate(90), Image.blend(gradient.rotate(45), grain, 0.3))).save(
        site / ARTWORK, quality=90)
    for show in (site / "shows").glob("*.yaml"):
        text = show.read_text(encoding="utf-8")
        if "\nartwork:" not in "\n" + text:
            text = text.rstrip("\n") + f"\nartwork: {ARTWORK}\n"
        # bench/run.py's copies of a show keep its name, and so would their cards be the same as the
        # first's, taken from the cache: each copy gets a name of its own ("Go Time 2").
        copy = re.fullmatch(r".*-(\d+)", show.stem)
        if copy:
            text = re.sub(r"(?m)^name: (.*)$", rf"name: \1 {copy.group(1)}", text, count=1)
        show.write_text(text, encoding="utf-8")
    return site


def _row(label: str, run: Run, episodes: int) -> str:
    return (f"  {label:<24} wall {run.wall:7.2f} s  cpu {run.cpu:7.2f} s (kernel {run.kernel:5.2f})  "
            f"{episodes / run.wall:6.1f} ep/s  peak {run.peak_mib:6.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=None, help="a site folder (default: bench/run.py's)")
    parser.add_argument("--episodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuilds", type=int, default=3, help="template edits, each built without and with")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--work", type=Path, default=Path("/tmp/podsite-bench-cards"))
    parser.add_argument("--code", default=None, help="the git revision to run (default: this checkout as it is)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    source = args.site or make_podsite(args.work, args.episodes)[0]
    sites = {"without": site_with_artwork(source, args.work)}
    sites["with"] = sites["without"].with_name("site-with-cards")
    shutil.rmtree(sites["with"], ignore_errors=True)
    shutil.copytree(sites["without"], sites["with"], copy_function=os.link)  # the same files, linked
    config = sites["with"] / "site.yaml"
    text = config.read_text(encoding="utf-8")
    config.unlink()  # a link: written in place, it would turn the cards on in both
    config.write_text(text.rstrip("\n") + "\ncards: true\n", encoding="utf-8")
    count = sum(1 for _ in sites["with"].glob("episodes/*/*/episode.md"))
    code = exported(args.code, args.work) if args.code else REPO
    compileall.compile_dir(code / "generator", quiet=1)
    print(f"{count} episodes, code {args.code or 'of this checkout'}")

    def build(name: str, out: Path) -> Run:
        env = {**os.environ, "PYTHONPATH": str(code)}
        # From the code's folder: `python -m` puts the working folder first on the path, before PYTHONPATH.
        run = measure(podsite_build(sites[name], out, args.jobs), cwd=code, env=env)
        if run.returncode:
            raise SystemExit(f"the build {name} cards failed")
        return run

    outs = args.work / "out"
    shutil.rmtree(outs, ignore_errors=True)
    outs.mkdir()
    colds: dict[str, list[Run]] = {"without": [], "with": []}
    for k in range(1, args.repeat + 1):
        for name in ("without", "with"):
            colds[name].append(build(name, outs / f"{name}-{k}"))
            print(_row(f"cold {name} #{k}", colds[name][-1], count), flush=True)
    medians = {name: statistics.median(r.wall for r in runs) for name, runs in colds.items()}
    cpus = {name: statistics.median(r.cpu for r in runs) for name, runs in colds.items()}
    for name in ("without", "with"):
        print(f"  {f'cold {name}, median':<24} wall {medians[name]:7.2f} s  cpu {cpus[name]:7.2f} s  "
              f"{count / medians[name]:6.1f} ep/s")
    # A template of the site's own, over the theme's: every episode's record key changes, so every page is
    # made again, from the transcripts (and cards) the cold build left in the cache folder.
    theme_404 = (REPO / "themes" / "default" / "templates" / "404.html").read_text(encoding="utf-8")
    rebuilds: dict[str, list[Run]] = {"without": [], "with": []}
    try:
        for k in range(1, args.rebuilds + 1):
            for name in ("without", "with"):
                (sites[name] / "templates").mkdir(exist_ok=True)
                template = sites[name] / "templates" / "404.html"
                template.write_text(theme_404 + "\n" * k, encoding="utf-8")  # a change each time
                rebuilds[name].append(build(name, outs / f"{name}-1"))
                print(_row(f"template edit {name} #{k}", rebuilds[name][-1], count), flush=True)
    finally:
        for folder in sites.values():
            shutil.rmtree(folder / "templates", ignore_errors=True)
    for name in ("without", "with"):
        runs = rebuilds[name]
        print(f"  {f'template edit {name}, median':<31} wall {statistics.median(r.wall for r in runs):7.2f} s  "
              f"cpu {statistics.median(r.cpu for r in runs):7.2f} s")
    share = medians["with"] / medians["without"] - 1
    cpu_share = cpus["with"] / cpus["without"] - 1
    print(f"  cards add {share:+.1%} to the cold build's wall time, {cpu_share:+.1%} to its cpu")
    cards = list((outs / "with-1").glob("*/*/card.png"))
    total = sum(p.stat().st_size for p in cards)
    print(f"  {len(cards)} cards, {total / 1e6:.1f} MB, {total / max(1, len(cards)) / 1e3:.0f} kB each")


if __name__ == "__main__":
    main()
