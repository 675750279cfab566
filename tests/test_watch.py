"""The watcher: bursts of changes coming out as one batch, each path classified (tests/test_changes.py has the
table of what each path is)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.preview.changes import Change, ChangeKind, WatchRoots
from generator.preview.watch import Debouncer, Watcher


class Batches:
    """Records batches and lets a test wait for them."""

    def __init__(self) -> None:
        self.batches: list[list[Change]] = []
        self._cond = threading.Condition()

    def __call__(self, batch: list[Change]) -> None:
        with self._cond:
            self.batches.append(batch)
            self._cond.notify_all()

    def wait(self, count: int = 1, timeout: float = 5.0) -> list[list[Change]]:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.batches) >= count, timeout), f"got {self.batches}"
            return list(self.batches)

    def paths(self) -> set[str]:
        return {c.path.name for batch in self.batches for c in batch}


def test_a_burst_of_changes_is_one_batch_without_repeats() -> None:
    batches = Batches()
    debouncer = Debouncer(batches, delay=0.05)
    debouncer.start()
    try:
        for i in range(50):
            debouncer.add(Change(ChangeKind.EPISODE, Path(f"/s/episodes/x/{i % 5}/episode.md")))
        got = batches.wait(1)
        time.sleep(0.15)
        assert len(batches.batches) == 1
        assert len(got[0]) == 5
    finally:
        debouncer.stop()


def test_changes_during_a_slow_rebuild_make_the_next_batch() -> None:
    started, release = threading.Event(), threading.Event()
    seen: list[list[Change]] = []

    def slow(batch: list[Change]) -> None:
        seen.append(batch)
        started.set()
        release.wait(5)

    debouncer = Debouncer(slow, delay=0.02)
    debouncer.start()
    try:
        debouncer.add(Change(ChangeKind.EPISODE, Path("/s/a")))
        assert started.wait(5)
        debouncer.add(Change(ChangeKind.PERSON, Path("/s/b")))
        debouncer.add(Change(ChangeKind.PERSON, Path("/s/c")))
        release.set()
        deadline = time.monotonic() + 5
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [[c.path.name for c in batch] for batch in seen] == [["a"], ["b", "c"]]
    finally:
        release.set()
        debouncer.stop()


def test_a_steady_stream_of_changes_still_makes_a_batch_after_the_longest_wait() -> None:
    batches = Batches()
    debouncer = Debouncer(batches, delay=0.1, longest=0.2)
    debouncer.start()
    try:
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline and not batches.batches:  # a change every 20 ms, never quiet for 100
            debouncer.add(Change(ChangeKind.EPISODE, Path(f"/s/{time.monotonic()}")))
            time.sleep(0.02)
        assert batches.batches
    finally:
        debouncer.stop()


@pytest.fixture(params=[False, True], ids=["native", "polling"])
def watched(request: pytest.FixtureRequest, minimal_site: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A watcher on a copy of the minimal site (native events, and the --poll observer)."""
    batches = Batches()
    roots = WatchRoots.of(minimal_site, None, tmp_path / "output")
    # Polling: a save may straddle two polls, so the quiet time must outlast one.
    with Watcher(roots, batches, poll=request.param, delay=0.15 if request.param else 0.05, poll_interval=0.05):
        time.sleep(0.1 if request.param else 0.02)  # the polling observer's first snapshot
        yield minimal_site, batches


def test_an_editor_save_is_one_change_to_the_file_it_saved(watched) -> None:  # type: ignore[no-untyped-def]
    site, batches = watched
    folder = site / "episodes/show/1"
    # What Vim does on :w with its default settings, plus a stray backup and an Emacs autosave.
    (folder / ".transcript.md.swp").write_bytes(b"swap")
    (folder / "4913").write_bytes(b"")
    (folder / "4913").unlink()
    (folder / "transcript.md").rename(folder / "transcript.md~")
    (folder / "transcript.md").write_text("**Hana Host:** Hello again.\n", encoding="utf-8")
    (folder / "transcript.md~").unlink()
    (folder / "#episode.md#").write_text("autosave", encoding="utf-8")
    got = batches.wait(1)
    time.sleep(0.2)
    changes = {(c.kind, c.path.name) for batch in batches.batches for c in batch}
    assert changes == {(ChangeKind.EPISODE, "transcript.md")}
    assert len(got) == len(batches.batches) == 1


def test_site_files_are_classified_as_they_change(watched) -> None:  # type: ignore[no-untyped-def]
    site, batches = watched
    (site / "people/hana-host.yaml").write_text("name: Hana H. Host\n", encoding="utf-8")
    (site / "site.yaml").write_text((site / "site.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    batches.wait(1)
    time.sleep(0.2)
    kinds = {(c.kind, c.path.name) for batch in batches.batches for c in batch}
    assert kinds == {(ChangeKind.PERSON, "hana-host.yaml"), (ChangeKind.CONFIG, "site.yaml")}


def test_an_output_folder_inside_the_watched_tree_is_ignored(minimal_site: Path) -> None:
    batches = Batches()
    out = minimal_site / "static" / "out"
    out.mkdir(parents=True)
    with Watcher(WatchRoots.of(minimal_site, None, out), batches, delay=0.05):
        (out / "index.html").write_text("x", encoding="utf-8")
        (out.with_name(".out.staging")).mkdir()
        # Then a change the watcher must see: its batch comes after any the output's writes made, so once it
        # is seen, whatever the output's writes were going to cause has happened (and a dead watcher fails).
        (minimal_site / "people/hana-host.yaml").write_text("name: Hana H. Host\n", encoding="utf-8")
        batches.wait(1)
    changes = {(c.kind, c.path.name) for batch in batches.batches for c in batch}
    assert changes == {(ChangeKind.PERSON, "hana-host.yaml")}
