from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache.state import output_files
from generator.output import (
    MARKER,
    OutputError,
    Staging,
    check_output_dir,
    safe_relative,
    write_output,
)


@pytest.mark.parametrize("bad", ["../x.html", "/etc/passwd", "a/../../b", "a\\..\\b", ""])
def test_paths_that_leave_the_output_folder_are_refused(bad: str) -> None:
    with pytest.raises(OutputError):
        safe_relative(bad)


def test_write_replaces_the_whole_folder_and_keeps_unchanged_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output({"a.html": b"A", "d/b.html": b"B", "old.html": b"O"}, out)
    before = (out / "a.html").stat().st_ino
    stats = write_output({"a.html": b"A", "d/b.html": b"B2"}, out)
    assert (stats.written, stats.unchanged) == (1, 1)
    assert (out / "a.html").stat().st_ino == before  # same file: linked, not rewritten
    assert (out / "d/b.html").read_bytes() == b"B2"
    assert not (out / "old.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left behind


def test_a_folder_podsite_did_not_make_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.tex").write_text("precious")
    with pytest.raises(OutputError, match="not made by podsite"):
        check_output_dir(out, tmp_path / "content")
    (tmp_path / "made").mkdir()
    (tmp_path / "made" / MARKER).write_text("")
    check_output_dir(tmp_path / "made", tmp_path / "content")


def test_output_inside_the_site_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="must not contain or lie inside"):
        check_output_dir(tmp_path / "content" / "out", tmp_path / "content")


def test_a_commit_in_place_from_a_listing_changes_deletes_and_reports_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_output({"a.html": b"A", "d/b.html": b"B", "d/e/old.html": b"O", "gone.html": b"G"}, out)
    listed = output_files(out)
    (out / "gone.html").unlink()  # deleted by hand after the listing: nothing to fail on
    staging = Staging(out, in_place=True)
    staging.start()
    assert staging.put("a.html", b"A") is False  # the output's own bytes: not staged at all
    assert not (staging.path / "a.html").exists()
    assert staging.put("d/b.html", b"B2") is True
    assert staging.put("n/new.html", b"N") is True
    after = staging.commit_in_place(frozenset({"a.html", "d/b.html", "n/new.html"}), listed)
    assert after == output_files(out)  # what the next build's check will find
    assert sorted(after) == sorted([MARKER, "a.html", "d/b.html", "n/new.html"])
    assert (out / "d/b.html").read_bytes() == b"B2" and not (out / "d/e").exists()
    assert not staging.path.exists()
