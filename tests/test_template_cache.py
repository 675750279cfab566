"""A build compiles each template once; the builds after it take the compiled code from the cache folder,
but never after the template changed, never from a damaged file, and never what another podsite compiled."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import tree, use_own_theme

from generator.cache import templates as template_cache
from generator.cache.episodes import RECORDS_FILE
from generator.cache.state import cache_dir
from generator.cache.templates import SUFFIX, TEMPLATES
from generator.engine import build

NOTES = "episodes/practicalai/36/episode.md"  # the bundled example's own episode


def compiled_files(out: Path) -> list[Path]:
    return sorted((cache_dir(out) / TEMPLATES).glob(f"*{SUFFIX}"))


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from source in this process (builds here run with jobs=1)."""
    names: list[str] = []
    real = jinja2.Environment.compile

    def compile_noted(self: jinja2.Environment, source: str, name: str | None = None, *args: Any,
                      **kwargs: Any) -> object:
        names.append(name or "")
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_noted)
    return names


def edit_notes(site: Path, line: str) -> None:
    with (site / NOTES).open("a", encoding="utf-8") as notes:
        notes.write(f"\n{line}\n")


def assert_as_clean(site: Path, out: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.rmtree(cache_dir(clean), ignore_errors=True)
    assert build(site, clean, jobs=1).ok
    assert tree(out) == tree(clean)


def test_a_build_after_an_edit_compiles_no_template(example_site: Path, tmp_path: Path,
                                                    compiles: list[str]) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=1).ok
    assert "episode.html" in compiles and "show.html" in compiles
    assert len(compiled_files(out)) == len(set(compiles))
    compiles.clear()
    edit_notes(example_site, "One more line of notes.")
    assert build(example_site, out, jobs=1).ok
    assert compiles == []
    assert "One more line of notes." in (out / "practicalai/36/index.html").read_text()
    assert_as_clean(example_site, out, tmp_path)


def test_an_edited_template_is_compiled_again(example_site: Path, tmp_path: Path, compiles: list[str]) -> None:
    theme = use_own_theme(example_site)
    out = tmp_path / "output"
    assert build(example_site, out, jobs=1).ok
    compiles.clear()
    base = theme / "templates/base.html"
    base.write_text(base.read_text().replace("</body>", "<p>a new footer line</p></body>", 1))
    assert build(example_site, out, jobs=1).ok
    assert "base.html" in compiles
    assert "<p>a new footer line</p>" in (out / "index.html").read_text()
    assert "<p>a new footer line</p>" in (out / "practicalai/36/index.html").read_text()
    assert_as_clean(example_site, out, tmp_path)


def test_a_site_template_added_beside_the_theme_is_compiled_and_used(example_site: Path, tmp_path: Path,
                                                                   compiles: list[str]) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=1).ok
    compiles.clear()
    (example_site / "templates").mkdir()
    (example_site / "templates/show.html").write_text(
        '{% extends "theme/show.html" %}{% block main %}<p>our own show page</p>{{ super() }}{% endblock %}')
    assert build(example_site, out, jobs=1).ok
    assert "show.html" in compiles
    assert "<p>our own show page</p>" in (out / "practicalai/index.html").read_text()
    assert_as_clean(example_site, out, tmp_path)


@pytest.mark.parametrize("damage", ["garbage", "flipped", "truncated", "empty"])
def test_a_damaged_compiled_template_is_compiled_again(example_site: Path, tmp_path: Path, compiles: list[str],
                                                       damage: str) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=1).ok
    for path in compiled_files(out):
        data = path.read_bytes()
        path.write_bytes({"garbage": b"\x80not a template at all" * 40,
                          "flipped": data[:-20] + bytes([data[-20] ^ 1]) + data[-19:],
                          "truncated": data[:len(data) // 2],
                          "empty": b""}[damage])
    compiles.clear()
    edit_notes(example_site, "A line after the damage.")
    assert build(example_site, out, jobs=1).ok
    assert "episode.html" in compiles and "show.html" in compiles  # none was taken from a damaged file
    assert_as_clean(example_site, out, tmp_path)
    compiles.clear()
    edit_notes(example_site, "And one more.")
    assert build(example_site, out, jobs=1).ok
    assert compiles == []  # the damaged files were replaced by good ones


def test_what_another_podsite_compiled_is_neither_used_nor_kept(example_site: Path, tmp_path: Path,
                                                               compiles: list[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=1).ok
    before = compiled_files(out)
    (cache_dir(out) / TEMPLATES / f"{before[0].name}.1234.tmp").write_bytes(b"left half written")
    monkeypatch.setattr(template_cache, "code_salt", lambda: b"another podsite's code" * 2)
    compiles.clear()
    edit_notes(example_site, "A line for the new podsite.")
    assert build(example_site, out, jobs=1).ok
    assert "episode.html" in compiles
    after = compiled_files(out)
    assert after and not set(before) & set(after)  # the old podsite's files are gone
    assert sorted((cache_dir(out) / TEMPLATES).iterdir()) == after  # and so is the half-written one
    assert_as_clean(example_site, out, tmp_path)


def test_a_cache_folder_that_cannot_be_written_only_costs_time(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    cache_dir(out).mkdir()
    (cache_dir(out) / TEMPLATES).write_text("a file where the folder would go")
    assert build(example_site, out, jobs=1).ok
    assert_as_clean(example_site, out, tmp_path)


def test_workers_take_the_compiled_templates_too(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=2).ok
    made = compiled_files(out)
    times = {path: path.stat().st_mtime_ns for path in made}
    edit_notes(example_site, "A line for the workers.")
    shutil.rmtree(cache_dir(out) / "transcripts")  # and without records, every episode goes to the workers
    (cache_dir(out) / RECORDS_FILE).unlink()
    assert build(example_site, out, jobs=2).ok
    assert compiled_files(out) == made
    assert {path: path.stat().st_mtime_ns for path in made} == times  # read, not written again
    assert_as_clean(example_site, out, tmp_path)
