"""The build's worker processes change nothing but the time it takes: every way of building the same
content writes the same bytes."""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from collections.abc import Callable, Generator, Sequence
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

import pytest
from conftest import tree

from generator import workers
from generator.engine import Builder, build


def test_workers_in_process_and_a_builder_kept_alive_write_the_same_bytes(example_site: Path, tmp_path: Path) -> None:
    config = example_site / "site.yaml"
    config.write_text(config.read_text() + "\n", encoding="utf-8")  # a site of its own, nothing else changed
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        result = build(example_site, out, jobs=jobs)
        assert result.ok, result.diagnostics.report()
        outputs[jobs] = tree(out)
    preview = Builder(example_site, tmp_path / "out-preview")
    assert preview.build().ok
    assert preview.build(changed=[config]).ok  # as the preview does, handed the watcher's paths
    outputs[0] = tree(tmp_path / "out-preview")
    assert outputs[1] == outputs[2] == outputs[0]
    assert len(outputs[1]) > 100


def test_spawned_workers_write_what_forked_ones_write(example_site: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # As on macOS and Windows, whose workers start afresh and are sent the site, where Linux's inherit it.
    assert build(example_site, tmp_path / "forked", jobs=2).ok
    monkeypatch.setattr(workers, "pool_context", lambda: multiprocessing.get_context("spawn"))
    result = build(example_site, tmp_path / "spawned", jobs=2)
    assert result.ok, result.diagnostics.report()
    assert tree(tmp_path / "spawned") == tree(tmp_path / "forked")


def test_workers_fork_on_linux() -> None:
    # Python 3.14 starts them by forkserver there unless told: the preview's would each unpickle a copy of the site.
    expected = "fork" if sys.platform == "linux" else multiprocessing.get_start_method()
    assert workers.pool_context().get_start_method() == expected


def test_errors_found_by_workers_keep_the_last_good_output(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=2).ok
    before = tree(out)
    broken = example_site / "episodes" / "practicalai" / "36" / "transcript.md"
    shutil.copy(broken, tmp_path / "keep.md")
    broken.write_bytes(b"**Chris Benson:** caf\xe9\n")
    result = build(example_site, out, jobs=2)
    assert [d.format().splitlines()[0] for d in result.diagnostics.errors] == [
        "content/episodes/practicalai/36/transcript.md:1: error: not valid UTF-8: byte 0xE9 at column 22"]
    assert tree(out) == before
    assert not any(p.name.endswith(".staging") for p in tmp_path.iterdir())


@pytest.mark.parametrize("kept", [False, True])
def test_list_pages_rendered_by_workers_are_what_one_process_renders(example_site: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     kept: bool) -> None:
    # The example's 29 list pages are fewer than a page pool takes; a bigger site's hundreds are not.
    made: list[int] = []
    real = workers.spread
    monkeypatch.setattr(workers, "PAGES_PER_WORKER_AT_LEAST", 4)

    def spread(make: Callable[..., Any], args: tuple[object, ...], todo: Sequence[int], jobs: int,
               context: BaseContext) -> Generator[Any, None, None]:
        if make is workers.PageWorker:
            made.append(jobs)
        return real(make, args, todo, jobs, context)

    monkeypatch.setattr(workers, "spread", spread)
    out = tmp_path / "output"
    if kept:  # then the pages are put into a staging folder committed in place
        assert build(example_site, out, jobs=2).ok
        notes = example_site / "episodes/practicalai/36/episode.md"
        notes.write_text(notes.read_text() + "\nOne more line.\n")
    made.clear()
    result = build(example_site, out, jobs=2)
    assert made == [2]
    assert result.ok and result.episodes_kept == (13 if kept else 0)
    one = build(example_site, tmp_path / "one", jobs=1)
    assert tree(out) == tree(tmp_path / "one")
    assert [d.format() for d in result.diagnostics.items] == [d.format() for d in one.diagnostics.items]


def test_a_list_page_that_fails_in_a_worker_is_reported_and_keeps_the_last_good_output(
        example_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PAGES_PER_WORKER_AT_LEAST", 4)
    out = tmp_path / "output"
    assert build(example_site, out, jobs=2).ok
    before = tree(out)
    (example_site / "templates").mkdir()
    (example_site / "templates/person.html").write_text(
        '{% extends "theme/person.html" %}{% block main %}{{ person.no_such_field.deeper }}{% endblock %}\n')
    result = build(example_site, out, jobs=2)
    one = build(example_site, tmp_path / "one", jobs=1)
    assert not result.ok
    assert [d.format() for d in result.diagnostics.items] == [d.format() for d in one.diagnostics.items]
    assert len(result.diagnostics.errors) == len(list((example_site / "people").glob("*.yaml")))  # a page each
    assert tree(out) == before
    assert not any(p.name.endswith(".staging") for p in tmp_path.iterdir())


CHANGES = {
    "transcript": ("episodes/practicalai/36/transcript.md", "Hello there", "Hi there"),
    "notes": ("episodes/practicalai/36/episode.md", "Google Scholar", "Scholar"),
    "person": ("people/anima-anandkumar.yaml", "Bren Professor", "Professor"),
    "sponsor": ("sponsors/rollbar.yaml", "Rollbar", "Rollbar Inc."),
    "template": ("templates/404.html", None, '{% extends "theme/404.html" %}{% block title %}Lost{% endblock %}'),
    "site.yaml": ("site.yaml", "language: en", "language: en-GB"),
}


@pytest.mark.slow
def test_cached_parallel_builds_after_each_kind_of_change_equal_a_clean_single_process_build(
        example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=2).ok  # fills the transcript cache and the build state
    for kind, (name, old, new) in CHANGES.items():
        path = example_site / name
        if old is None:
            path.parent.mkdir(exist_ok=True)
            path.write_text(new, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, (kind, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        cached = build(example_site, out, jobs=2)
        clean_out = tmp_path / f"clean-{kind.replace('.', '-')}"
        clean = build(example_site, clean_out, jobs=1)
        assert cached.ok and clean.ok, kind
        assert tree(out) == tree(clean_out), f"after a {kind} change the cached build differs"
