"""`podsite new episode SHOW`: the next episode's folder with its front matter filled in, never overwriting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.cli import main
from generator.engine import build
from generator.importers.scaffold import ScaffoldError, new_episode, next_number

TODAY = dt.date(2026, 11, 26)


def test_the_next_episode_is_numbered_dated_hosted_and_a_draft(minimal_site: Path) -> None:
    path = new_episode(minimal_site, "show", TODAY)
    assert path == minimal_site / "episodes/show/3/episode.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "TODO: the title of episode 3"' in text
    assert "number: 3\npublished: 2026-11-26\nhosts: [hana-host]\n" in text
    assert "draft: true" in text

    preview = build(minimal_site, None, drafts=True)
    assert preview.ok, preview.diagnostics.report()
    episode = next(e for e in preview.site.episodes if e.slug == "3")  # type: ignore[union-attr]
    assert (episode.number, episode.draft, episode.published, [h.slug for h in episode.hosts]) == (
        3, True, dt.datetime(2026, 11, 26, tzinfo=dt.UTC), ["hana-host"])
    published = build(minimal_site, None)
    assert published.ok and "show/3/index.html" not in published.paths  # a draft never reaches `podsite build`


def test_numbers_come_from_the_front_matter_or_the_folder_name(minimal_site: Path) -> None:
    special = minimal_site / "episodes/show/special"
    special.mkdir()
    (special / "episode.md").write_text("---\ntitle: Special\nnumber: 41\n---\n", encoding="utf-8")
    (minimal_site / "episodes/show/notes").mkdir()  # no episode.md, no number: not counted
    assert next_number(minimal_site / "episodes/show") == 42
    assert next_number(minimal_site / "episodes/new-show") == 1


def test_an_existing_folder_is_never_overwritten(minimal_site: Path) -> None:
    taken = minimal_site / "episodes/show/3"  # a folder named 3 whose episode says it is number 1
    taken.mkdir()
    (taken / "episode.md").write_text("---\ntitle: Mine\nnumber: 1\n---\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_episode(minimal_site, "show", TODAY)
    assert (taken / "episode.md").read_text(encoding="utf-8") == "---\ntitle: Mine\nnumber: 1\n---\n"


def test_the_command_names_the_file_and_refuses_an_unknown_show(minimal_site: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "episode", "show", "--site", str(minimal_site)]) == 0
    assert "episodes/show/3/episode.md" in capsys.readouterr().out
    assert main(["new", "episode", "shwo", "--site", str(minimal_site)]) == 2
    err = capsys.readouterr().err
    assert "no show 'shwo'" in err and "did you mean 'show'?" in err
    assert main(["new", "episode", "show", "--site", str(minimal_site)]) == 0
    assert (minimal_site / "episodes/show/4/episode.md").is_file()


def test_the_template_has_one_notes_heading_and_no_value_that_passes_unread(minimal_site: Path) -> None:
    path = new_episode(minimal_site, "show", TODAY)
    text = path.read_text(encoding="utf-8")
    assert "## Notes & Links" not in text  # the page gives the notes that heading itself
    # a user who uncomments the remote audio line and publishes gets an error, not a made-up size
    audio = next(line for line in text.splitlines() if line.startswith("# audio: {url:"))
    path.write_text(text.replace(audio, audio[2:]).replace("draft: true", "draft: false"), encoding="utf-8")
    result = build(minimal_site, None)
    assert not result.ok
    assert any("bytes" in d.format() and "episodes/show/3/episode.md" in d.format() for d in result.diagnostics.errors)
