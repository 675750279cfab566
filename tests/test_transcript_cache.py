"""Parsed transcripts kept between builds: used when nothing they depend on changed, ignored otherwise,
and never a reason for different output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import transcript_cache
from generator.build import build
from generator.uptodate import cache_dir


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(out: Path) -> list[Path]:
    return sorted((cache_dir(out) / "transcripts").glob("*.entry"))


def test_a_cached_build_writes_what_a_parsing_build_writes(minimal_site: Path, tmp_path: Path) -> None:
    transcript = minimal_site / "episodes/show/1/transcript.md"
    transcript.write_text(transcript.read_text() + "\n**Nobody Known:** Hello.\n")  # a warning to keep
    out = tmp_path / "output"
    first = build(minimal_site, out)
    assert first.ok and len(entries(out)) == 1
    parsed = tree(out)
    (entries(out)[0]).touch()
    second = build(minimal_site, out)  # the build state is not asked here: this really builds
    assert tree(out) == parsed
    assert [d.format() for d in second.diagnostics.items] == [d.format() for d in first.diagnostics.items]
    assert any("Nobody Known" in d.message for d in second.diagnostics.warnings)


def test_a_damaged_or_foreign_entry_is_ignored_and_replaced(minimal_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    parsed = tree(out)
    [entry] = entries(out)
    entry.write_bytes(b"not an entry at all")
    assert build(minimal_site, out).ok
    assert tree(out) == parsed
    assert entry.read_bytes() != b"not an entry at all"


def test_a_person_change_parses_again_and_old_entries_are_pruned(minimal_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    [before] = entries(out)
    person = minimal_site / "people/gus-guest.yaml"
    person.write_text(person.read_text().replace("aliases: [Gus]", "aliases: [Gus, G]"))
    assert build(minimal_site, out).ok
    [after] = entries(out)
    assert after != before


def test_a_change_to_podsites_own_code_makes_new_entries(minimal_site: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    [before] = entries(out)
    package = tmp_path / "package"
    package.mkdir()
    (package / "transcript.py").write_text("# a parser of another day\n")
    real = transcript_cache.code_digest
    monkeypatch.setattr(transcript_cache, "code_digest", lambda: real(package))
    assert build(minimal_site, out).ok
    assert [e.name for e in entries(out)] != [before.name]  # parsed again, under a new key
