"""A build's output is all or nothing: whatever stops a commit (a kill -9 at any of its steps, a rename that
fails), the output folder is a whole old or a whole new site once the next build starts; podsite deletes
only the folders it marked; and what it says of a failed commit is true."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import tree

from generator import output
from generator.cache.state import cache_dir
from generator.cli import main
from generator.output import MARKER, WORK_MARK, recover

OUT = Path("output")
STAGING, OLD, JOURNAL = Path(".output.staging"), Path(".output.old"), Path(".output.podsite-commit")

# Builds that kill themselves (SIGKILL: no handler, no cleanup) at the Nth step of their commit that changes
# a file or folder: a rename, an unlink, a folder made or removed, a file opened for writing. The process
# imports podsite once, then forks one build for each step it is sent on its input, and answers with what
# the build said ("swap" or "in place" as it entered its commit; "steps N" when it was not killed) and
# "exit" with its exit code (-9: killed). "N renames": the swap as it is made where folders cannot exchange
# their names in one step, by two renames.
KILLER = r"""
import io, os, signal, sys
from generator import output
from generator.cli import main

def say(line):
    os.write(1, f"{line}\n".encode())

def build(kill_at, renames):
    steps = 0
    if renames:
        output._exchange = lambda staging, out_dir: False
    committing = False

    def step():
        nonlocal steps
        if committing:
            steps += 1
            if steps == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    def counted(real):
        def call(*args, **kwargs):
            step()
            return real(*args, **kwargs)
        return call

    for name in ("replace", "rename", "unlink", "rmdir", "mkdir", "link"):
        setattr(os, name, counted(getattr(os, name)))
    real_open = io.open
    def opening(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            step()
        return real_open(file, mode, *args, **kwargs)
    io.open = opening

    def entering(real, label):
        def method(self, *args, **kwargs):
            nonlocal committing
            say(label)
            committing = True
            try:
                return real(self, *args, **kwargs)
            finally:
                committing = False
        return method

    output.Staging.commit = entering(output.Staging.commit, "swap")
    output.Staging.commit_in_place = entering(output.Staging.commit_in_place, "in place")
    sys.stdout = sys.stderr = open(os.devnull, "w")
    code = main(["build", "--site", "content", "--out", "output", "--jobs", "1"])
    say(f"steps {steps}")
    return code

for line in sys.stdin:
    child = os.fork()
    if child == 0:
        os._exit(build(int(line.split()[0]), line.split()[1:] == ["renames"]))
    say(f"exit {os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])}")
"""


class Killer:
    """The process that runs KILLER, for one test."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parent.parent),
                                                            os.environ.get("PYTHONPATH", "")])}
        self.process = subprocess.Popen([sys.executable, "-c", KILLER], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, env=env)

    def build(self, kill_at: int, renames: bool = False) -> tuple[int, list[str]]:
        """A build killed at that step of its commit: its exit code, and what it said."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{kill_at}{' renames' if renames else ''}\n")
        self.process.stdin.flush()
        said = []
        while not (line := self.process.stdout.readline()).startswith("exit "):
            assert line, "the killer process ended"
            said.append(line.strip())
        return int(line.split()[1]), said

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def killer() -> Iterator[Killer]:
    running = Killer()
    try:
        yield running
    finally:
        running.close()


def build_here(*extra: str) -> int:
    return main(["build", "--site", "content", "--out", str(OUT), "--jobs", "1", *extra])


def add_episodes(site: Path, *numbers: int) -> None:
    """Episodes like the minimal site's second, after it."""
    for number in numbers:
        folder = site / f"episodes/show/{number}"
        shutil.copytree(site / "episodes/show/2", folder)
        notes = folder / "episode.md"
        notes.write_text(notes.read_text().replace("The second one", f"Number {number}")
                         .replace("2024-02-05", f"2024-02-{number + 3:02}"))


def built_then_edited(site: Path, commit: str, edit_notes: Callable[[str], str]) -> dict[str, bytes]:
    """The output of a first build; then a change that the next build commits the `commit` way: the site's
    title (every page: a swap), or episode 4's notes as `edit_notes` makes them (a commit in place)."""
    if commit == "in place":
        add_episodes(site, 3, 4)
    assert build_here() == 0
    old = tree(OUT)
    if commit == "swap":
        config = site / "site.yaml"
        config.write_text(config.read_text().replace("title: Minimal", "title: Minimal Again"))
    else:
        notes = site / "episodes/show/4/episode.md"
        notes.write_text(edit_notes(notes.read_text()))
    return old


def restore(saved: Path) -> None:
    """The output folder and its cache as the first build left them (times kept: the state still holds)."""
    for path in (OUT, cache_dir(OUT), STAGING, OLD):
        if path.exists():
            shutil.rmtree(path)
    JOURNAL.unlink(missing_ok=True)
    shutil.copytree(saved / "out", OUT)
    shutil.copytree(saved / "cache", cache_dir(OUT))


@pytest.mark.parametrize(("change", "commit", "renames"), [
    ("title", "swap", False), pytest.param("title", "swap", True, marks=pytest.mark.slow),
    ("notes", "in place", False)])
def test_a_build_killed_at_any_step_of_its_commit_leaves_a_whole_site(minimal_site: Path, tmp_path: Path,
                                                                     killer: Killer, change: str, commit: str,
                                                                     renames: bool) -> None:
    """For every step of the commit: the build killed there. A swap by exchange leaves a whole site at
    once; a swap by two renames, or a commit in place, leaves one once recover() has run, as the next
    build runs it first. The next build then makes the new site."""
    if commit == "in place":
        add_episodes(minimal_site, 3, 4)
    assert build_here() == 0
    old = tree(OUT)
    saved = tmp_path / "saved"
    shutil.copytree(OUT, saved / "out")
    shutil.copytree(cache_dir(OUT), saved / "cache")
    if change == "title":  # every page changes: the staging folder is swapped in
        config = minimal_site / "site.yaml"
        config.write_text(config.read_text().replace("title: Minimal", "title: Minimal Again"))
    else:  # the newest episode's notes: the two oldest are kept, and the commit is made in place
        notes = minimal_site / "episodes/show/4/episode.md"
        notes.write_text(notes.read_text() + "\nA line added to the notes.\n")
    assert main(["build", "--site", "content", "--out", str(tmp_path / "clean"), "--jobs", "1"]) == 0
    new = tree(tmp_path / "clean")
    assert new != old
    step = 0
    while True:
        step += 1
        restore(saved)
        code, said = killer.build(step, renames)
        assert said[0] == commit, said
        if code == 0:  # the commit took fewer steps than this: every one was tried
            assert said[1:] == [f"steps {step - 1}"], said
            break
        assert code == -9, said
        if commit == "swap" and not renames:  # never missing, never mixed, even before the next build
            assert {k: v for k, v in tree(OUT).items() if k != WORK_MARK} in (old, new), f"step {step}"
        recover(OUT)  # as the next build does first
        assert tree(OUT) in (old, new), f"killed at step {step} of the {commit}"
        assert not STAGING.exists() and not OLD.exists() and not JOURNAL.exists()
        if step % 3 == 1:  # then a build: not after every step, to keep the test short
            assert build_here() == 0
            assert tree(OUT) == new, f"killed at step {step} of the {commit}"
    assert tree(OUT) == new
    assert step > 5


def test_a_kill_between_the_swaps_renames_is_undone_by_the_next_build(minimal_site: Path, killer: Killer,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A swap made by two renames, killed between them, through the command line alone: the old site is put
    back, then the build runs."""
    assert build_here() == 0
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text().replace("title: Minimal", "title: Minimal Again"))
    # The swap's steps: the journal (open, replace), the old site's mark (open), then its two renames.
    assert killer.build(5, renames=True) == (-9, ["swap"])
    assert not OUT.exists() and OLD.is_dir()  # killed between the renames
    capsys.readouterr()
    assert build_here() == 0
    assert "Minimal Again" in (OUT / "index.html").read_text()
    assert not STAGING.exists() and not OLD.exists() and not JOURNAL.exists()
    assert not (OUT / WORK_MARK).exists()


@pytest.mark.parametrize("name", [".output.staging", ".output.old"])
@pytest.mark.parametrize("how", ["a folder of the user's", "the site folder", "another build's output"])
def test_a_folder_podsite_did_not_mark_is_never_deleted(minimal_site: Path, capsys: pytest.CaptureFixture[str],
                                                       name: str, how: str) -> None:
    site = "content"
    if how == "a folder of the user's":
        Path(name).mkdir()
        (Path(name) / "notes.txt").write_text("mine")
    elif how == "the site folder":
        minimal_site.rename(name)
        site = name
    else:
        assert main(["build", "--site", "content", "--out", name, "--jobs", "1"]) == 0
    before = tree(Path(name))
    capsys.readouterr()
    assert main(["build", "--site", site, "--out", "output", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{name} is in the way" in err and "does not hold podsite's mark" in err
    assert "Move or rename it" in err
    assert tree(Path(name)) == before
    assert (not OUT.exists() and not STAGING.exists()) or name == ".output.staging"


def test_a_stopped_commits_journal_does_not_make_another_folder_ours(minimal_site: Path, killer: Killer,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A journal names the tokens of the folders its commit marked; a folder of the same name without that
    token (here the user's, put there after the kill) is left alone."""
    assert build_here() == 0
    notes = minimal_site / "episodes/show/1/episode.md"
    notes.write_text(notes.read_text() + "\nA line added to the notes.\n")
    assert killer.build(1)[0] == -9  # the journal not written yet: nothing of the commit's is there
    shutil.rmtree(STAGING)  # as a user might, before putting a folder of theirs by that name
    STAGING.mkdir()
    (STAGING / WORK_MARK).write_text("podsite's work folder for one build, deleted once the build is in place\n"
                                     "token not-the-journals\n")
    (STAGING / "draft.txt").write_text("mine")
    capsys.readouterr()
    assert build_here() == 1
    assert ".output.staging is in the way" in capsys.readouterr().err
    assert (STAGING / "draft.txt").read_text() == "mine"


@pytest.mark.parametrize("renames", [False, True])
def test_a_failed_swap_puts_the_old_site_back_and_says_nothing_was_written(
        minimal_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, renames: bool) -> None:
    assert build_here() == 0
    old = tree(OUT)
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text().replace("title: Minimal", "title: Minimal Again"))
    real_rename, real_exchange = os.rename, output._exchange

    def refuse_exchange(staging: Path, out_dir: Path) -> bool:
        if renames:
            return False  # as where folders cannot exchange names: two renames, the second refused
        raise PermissionError(13, "Permission denied", str(staging))

    monkeypatch.setattr(output, "_exchange", refuse_exchange)

    def refuse_staging(source: str | Path, target: str | Path, *args: object, **kwargs: object) -> None:
        if Path(source).name == STAGING.name:  # the swap's second rename: the output is renamed aside already
            raise PermissionError(13, "Permission denied", str(source))
        real_rename(source, target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", refuse_staging)
    capsys.readouterr()
    assert build_here() == 1
    err = capsys.readouterr().err
    assert "cannot write the output: [Errno 13] Permission denied" in err and "nothing was written" in err
    assert tree(OUT) == old  # true: the old site is back, whole
    assert not STAGING.exists() and not OLD.exists() and not JOURNAL.exists()
    monkeypatch.setattr(os, "rename", real_rename)
    monkeypatch.setattr(output, "_exchange", real_exchange)
    assert build_here() == 0
    assert "Minimal Again" in (OUT / "index.html").read_text()


@pytest.mark.parametrize("commit", ["swap", "in place"])
def test_an_old_site_that_cannot_be_deleted_is_a_warning_once_the_new_one_is_in_place(
        minimal_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, commit: str) -> None:
    """A read-only output folder, as root can write anyway: the deletion of what the commit set aside fails
    after the new site is in place. The report says so, and not that nothing was written."""
    if commit == "in place":
        add_episodes(minimal_site, 3, 4)
    assert build_here() == 0
    if commit == "swap":
        config = minimal_site / "site.yaml"
        config.write_text(config.read_text().replace("title: Minimal", "title: Minimal Again"))
    else:
        notes = minimal_site / "episodes/show/4/episode.md"
        notes.write_text(notes.read_text() + "\nMinimal Again\n")
    real_unlink = os.unlink
    # Where the old site is set aside: swapped by an exchange of names, where the staging folder was.
    aside = STAGING if commit == "swap" else OLD

    def refuse_old(path: str | Path, *args: object, **kwargs: object) -> None:
        if aside.name in str(path) or (kwargs.get("dir_fd") is not None and aside.exists()):
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", refuse_old)
    capsys.readouterr()
    assert build_here() == 0
    captured = capsys.readouterr()
    assert "nothing was written" not in captured.err
    assert f"warning: the new site is in place in {OUT}, but {aside} is left from a build" in captured.err
    assert "built output" in captured.out
    page = OUT / "show/4/index.html" if commit == "in place" else OUT / "index.html"
    assert "Minimal Again" in page.read_text()
    assert aside.is_dir()
    monkeypatch.setattr(os, "unlink", real_unlink)
    assert build_here() == 0  # which deletes it first
    assert not OLD.exists() and not STAGING.exists() and not JOURNAL.exists()
    assert "left from a build" not in capsys.readouterr().err


def writes_into_read_only_folders(tmp_path: Path) -> bool:
    """Whether this process writes into a folder whose mode forbids it all the same (root, as a rule)."""
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o555)
    try:
        (folder / "probe").write_bytes(b"")
    except PermissionError:
        return False
    finally:
        folder.chmod(0o755)
    return True


@pytest.mark.parametrize("commit", ["swap", "in place"])
def test_a_read_only_output_folder_is_left_whole_and_the_report_is_true(minimal_site: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       commit: str) -> None:
    if writes_into_read_only_folders(tmp_path):
        pytest.skip("this process writes into read-only folders all the same (see the tests above for root)")
    old = built_then_edited(minimal_site, commit, lambda notes: notes.replace("Number 4", "Number Four"))
    # In place, the show's folder: the site's own files (its home page lists the new title) are written
    # first, and the commit fails halfway.
    locked = OUT if commit == "swap" else OUT / "show"
    locked.chmod(0o555)
    try:
        capsys.readouterr()
        assert build_here() == 1
        assert "nothing was written" in capsys.readouterr().err
        assert tree(OUT) == old
    finally:
        locked.chmod(0o755)
    assert not STAGING.exists() and not OLD.exists() and not JOURNAL.exists()


def test_the_output_holds_no_work_mark_and_its_own_mark_is_the_same_on_every_build(minimal_site: Path,
                                                                                  tmp_path: Path) -> None:
    assert build_here() == 0
    first = (OUT / MARKER).read_bytes()
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text().replace("title: Minimal", "title: Minimal Again"))
    assert build_here() == 0
    assert (OUT / MARKER).read_bytes() == first and not (OUT / WORK_MARK).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["content", "output", ".output.podsite-cache"])


@pytest.mark.parametrize(("commit", "kill_at"), [("swap", 5), ("in place", 7)])
def test_the_old_site_is_back_even_when_the_build_after_the_kill_fails(minimal_site: Path, killer: Killer,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       commit: str, kill_at: int) -> None:
    """Killed between the swap's two renames, or halfway through a commit in place, then built again with an
    error in the content: that build writes nothing, and the output is the old site, whole."""
    old = built_then_edited(minimal_site, commit, lambda notes: notes + "\nA line added to the notes.\n")
    assert killer.build(kill_at, renames=True) == (-9, [commit])
    assert tree(OUT) != old  # missing, or its first file changed and no other
    notes = minimal_site / "episodes/show/2/episode.md"
    notes.write_text(notes.read_text().replace("published: 2024-02-05", "published: someday"))
    capsys.readouterr()
    assert build_here() == 1
    assert "nothing was written" in capsys.readouterr().err
    assert tree(OUT) == old
    assert not STAGING.exists() and not OLD.exists() and not JOURNAL.exists()
