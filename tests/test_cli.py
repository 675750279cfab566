"""The command line on a fresh copy of the repository, as a user runs it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\n")
    return [name for name in listed if name and (REPO / name).is_file()]


@pytest.fixture(scope="module")
def fresh_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's files (what a clone holds) in a new folder, with no output/ and no caches."""
    root = tmp_path_factory.mktemp("clone") / "podsite"
    for name in tracked_files():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    return root


def podsite(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)


def test_build_the_bundled_example(fresh_repo: Path) -> None:
    run = podsite(fresh_repo, "build")
    assert run.returncode == 0, run.stderr
    assert re.fullmatch(r"podsite: built output: \d+ pages, 16 episodes, \d+ warnings? in \d+\.\d\d s\n", run.stdout)
    page = (fresh_repo / "output" / "practicalai" / "36" / "index.html").read_text(encoding="utf-8")
    assert "Growing up to become a world-class AI expert" in page
    for expected in ("index.html", "404.html", "practicalai/index.html", "people/index.html",
                     "people/anima-anandkumar/index.html", "sponsors/rollbar/index.html", "assets/podsite.css"):
        assert (fresh_repo / "output" / expected).is_file(), expected


def test_check_writes_nothing(fresh_repo: Path, tmp_path: Path) -> None:
    shutil.rmtree(fresh_repo / "output", ignore_errors=True)
    run = podsite(fresh_repo, "check")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("podsite: checked:")
    assert not (fresh_repo / "output").exists()


def test_content_errors_exit_1_and_keep_the_last_good_output(fresh_repo: Path) -> None:
    assert podsite(fresh_repo, "build").returncode == 0
    page = fresh_repo / "output" / "practicalai" / "36" / "index.html"
    before = page.read_bytes()
    episode = fresh_repo / "content" / "episodes" / "practicalai" / "36" / "episode.md"
    original = episode.read_text(encoding="utf-8")
    try:
        episode.write_text(original.replace("guests:", "gusts:"), encoding="utf-8")
        run = podsite(fresh_repo, "build")
        assert run.returncode == 1
        assert "content/episodes/practicalai/36/episode.md:" in run.stderr
        assert "unknown key 'gusts' in the front matter" in run.stderr
        assert "did you mean 'guests'?" in run.stderr
        assert page.read_bytes() == before
    finally:
        episode.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("args", [["frobnicate"], ["build", "--nope"], ["build", "--site", "no-such-folder"], []])
def test_usage_errors_exit_2(fresh_repo: Path, args: list[str]) -> None:
    run = podsite(fresh_repo, *args)
    assert run.returncode == 2
    assert run.stderr


def test_podsite_entry_point_is_declared() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'podsite = "generator.cli:main"' in text


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal, or not, and keeps what is written to it."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    @property
    def text(self) -> str:
        return self.getvalue()


def test_progress_shows_on_a_terminal_only_for_long_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.console import ProgressLine

    clock = iter([0.0, 0.5, 1.5, 1.55, 1.7, 1.72, 1.75])
    monkeypatch.setattr("generator.console.time.monotonic", lambda: next(clock))
    terminal = FakeTerminal(tty=True)
    line = ProgressLine(terminal)  # started at 0.0
    line(1, 5)  # 0.5 s: too early
    line(2, 5)  # 1.5 s: shown
    line(3, 5)  # 1.55 s: too soon after the last
    line(4, 5)  # 1.7 s: shown
    line(5, 5)  # 1.72 s: soon after, but the last: what follows it may take long
    line(9, 9, "files made; writing them")  # 1.75 s: the last of the next step
    line.clear()
    assert terminal.text == ("\r\x1b[Kpodsite: 2 of 5 episodes\r\x1b[Kpodsite: 4 of 5 episodes"
                             "\r\x1b[Kpodsite: 5 of 5 episodes\r\x1b[Kpodsite: 9 of 9 files made; writing them\r\x1b[K")

    piped = FakeTerminal(tty=False)
    clock = iter([0.0, 5.0])
    quiet = ProgressLine(piped)
    quiet(1, 1)
    quiet.clear()
    assert piped.text == ""
