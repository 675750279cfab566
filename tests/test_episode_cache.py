"""A build after a small change takes the episodes it cannot reach from the last build's records, and its
output and report are those of a clean build all the same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import tree, use_own_theme

from generator.cache.episodes import RECORDS_FILE
from generator.cache.state import cache_dir
from generator.engine import build
from generator.result import BuildResult

EPISODES = 16  # in the bundled example, all of one show


def report(result: BuildResult) -> list[str]:
    return sorted(d.format() for d in result.diagnostics.items)


def assert_as_clean(site: Path, out: Path, result: BuildResult, tmp_path: Path) -> None:
    """The output and the report equal a build from nothing, in one process."""
    clean_out = tmp_path / "clean"
    shutil.rmtree(clean_out, ignore_errors=True)
    shutil.rmtree(cache_dir(clean_out), ignore_errors=True)
    clean = build(site, clean_out, jobs=1)
    assert result.ok and clean.ok
    assert tree(out) == tree(clean_out)
    assert report(result) == report(clean)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_keeps_every_episode_and_its_warnings(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    first = build(example_site, out)
    assert first.ok and first.episodes_kept == 0
    made = tree(out)
    again = build(example_site, out)
    assert again.up_to_date and report(again) == report(first)  # the build state's answer: nothing is built
    (example_site / "static").mkdir()
    (example_site / "static/extra.css").write_text("p {}\n", encoding="utf-8")  # in no episode's key
    again = build(example_site, out)
    assert again.episodes_kept == EPISODES and again.written is not None and again.written.written == 1
    assert report(again) == report(first)  # the kept episodes' warnings are told again
    assert tree(out) == {**made, "assets/extra.css": b"p {}\n"}


@pytest.mark.parametrize(("source", "made", "kept"), [("episode.md", "index.html", EPISODES - 3),
                                                     ("transcript.md", "transcript.txt", EPISODES - 1)])
def test_an_edit_makes_that_episode_again_and_its_neighbours_when_it_is_not_the_transcript(
        example_site: Path, tmp_path: Path, source: str, made: str, kept: int) -> None:
    # Its neighbours' pages show the episode as the Site holds it: without its transcript.
    out = tmp_path / "output"
    assert build(example_site, out).ok
    with (example_site / "episodes/practicalai/36" / source).open("a", encoding="utf-8") as text:
        text.write("\n\n**Chris Benson:** One more line, at the very end.\n")
    edited = build(example_site, out)
    assert edited.episodes_kept == kept
    assert "One more line, at the very end." in (out / "practicalai/36" / made).read_text(encoding="utf-8")
    assert_as_clean(example_site, out, edited, tmp_path)


def test_a_file_touched_without_a_change_keeps_its_episode(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out).ok
    notes = example_site / "episodes/practicalai/36/episode.md"
    later = notes.stat().st_mtime + 60
    os.utime(notes, (later, later))
    assert build(example_site, out).up_to_date  # the state is made of the files' contents
    (example_site / "static").mkdir()
    (example_site / "static/extra.css").write_text("p {}\n", encoding="utf-8")  # in no episode's key
    assert build(example_site, out).episodes_kept == EPISODES  # and so are the keys


def test_a_page_that_lists_every_episode_is_made_again_when_any_changes(example_site: Path, tmp_path: Path) -> None:
    theme = use_own_theme(example_site)
    edit(theme / "templates/episode.html", "{% block main %}",
         '{% block main %}<ul class="all">{% for e in site.episodes %}<li>{{ e.title }}</li>{% endfor %}</ul>')
    out = tmp_path / "output"
    assert build(example_site, out).ok
    # Episode 1 is nobody's neighbour but episode 16's: every other page lists it all the same.
    edit(example_site / "episodes/practicalai/1/episode.md", "number: 1\n", "number: 1\ntitle: A new title\n")
    edited = build(example_site, out)
    assert edited.episodes_kept == 0
    assert "<li>A new title</li>" in (out / "practicalai/36/index.html").read_text(encoding="utf-8")
    assert_as_clean(example_site, out, edited, tmp_path)


def test_a_removed_episode_leaves_nothing_behind(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out).ok
    assert (out / "practicalai/36/transcript.vtt").is_file()
    shutil.rmtree(example_site / "episodes/practicalai/36")
    edited = build(example_site, out)
    assert edited.episodes_kept == EPISODES - 3  # itself gone, its two neighbours made again
    assert not (out / "practicalai/36").exists()
    assert_as_clean(example_site, out, edited, tmp_path)


def test_a_touched_output_or_damaged_records_make_every_episode_again(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out).ok
    page = out / "practicalai/36/index.html"
    page.write_text("edited by hand", encoding="utf-8")
    rebuilt = build(example_site, out)
    assert rebuilt.episodes_kept == 0 and page.read_text(encoding="utf-8") != "edited by hand"
    (cache_dir(out) / RECORDS_FILE).write_bytes(b"not records at all")
    rebuilt = build(example_site, out)
    assert rebuilt.episodes_kept == 0
    assert_as_clean(example_site, out, rebuilt, tmp_path)


def test_a_change_outside_the_episodes_makes_every_episode_again(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out).ok
    [person] = [p for p in (example_site / "people").glob("*.yaml") if "Anima" in p.read_text(encoding="utf-8")]
    edit(person, "name: Anima Anandkumar", "name: Anima Anandkumar-Renamed")
    edited = build(example_site, out)
    assert edited.episodes_kept == 0
    assert_as_clean(example_site, out, edited, tmp_path)


def test_a_person_edit_makes_again_only_the_episodes_that_name_them(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out).ok
    [person] = [p for p in (example_site / "people").glob("*.yaml") if "Anima" in p.read_text(encoding="utf-8")]
    edit(person, "org: [NVIDIA, Caltech]", "org: [Caltech]")  # not her name: every speaker label resolves alike
    edited = build(example_site, out)
    assert 0 < edited.episodes_kept < EPISODES
    assert_as_clean(example_site, out, edited, tmp_path)
