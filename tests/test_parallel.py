"""The build's worker processes change nothing but the time it takes: every way of building the same
content writes the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import build
from generator.incremental import IncrementalBuilder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_workers_in_process_and_preview_builds_write_the_same_bytes(example_site: Path, tmp_path: Path) -> None:
    config = example_site / "site.yaml"
    config.write_text(config.read_text() + "\n", encoding="utf-8")  # a site of its own, nothing else changed
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        result = build(example_site, out, jobs=jobs)
        assert result.ok, result.diagnostics.report()
        outputs[jobs] = tree(out)
    preview = IncrementalBuilder(example_site, tmp_path / "out-preview")
    assert preview.build().ok
    outputs[0] = tree(tmp_path / "out-preview")
    assert outputs[1] == outputs[2] == outputs[0]
    assert len(outputs[1]) > 100


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
