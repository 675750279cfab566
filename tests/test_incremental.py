"""The preview's incremental rebuilds: after every kind of change the output is byte for byte what a clean full
build of the same files writes, and only the affected episodes are reloaded and pages re-rendered."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import build
from generator.incremental import Change, ChangeKind, IncrementalBuilder

BASE = "http://127.0.0.1:8000/"
Edit = Callable[[Path], list[Change]]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def full_build(site: Path, out: Path, drafts: bool = True) -> dict[str, bytes]:
    if out.exists():
        shutil.rmtree(out)
    result = build(site, out, base_url=BASE, drafts=drafts)
    assert result.ok, result.diagnostics.report()
    return tree(out)


def assert_same_as_full_build(builder: IncrementalBuilder, tmp_path: Path) -> None:
    incremental = tree(builder.out_dir)
    full = full_build(builder.site_dir, tmp_path / "full", builder.drafts)
    assert sorted(incremental) == sorted(full)
    different = [name for name in full if incremental[name] != full[name]]
    assert different == []


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the edits: each changes files of the minimal site and returns what the watcher would report ------------

def edit_transcript(site: Path) -> list[Change]:
    path = site / "episodes/show/1/transcript.md"
    replace(path, "Thanks for having me.", "Thanks for having me here.")
    return [Change(ChangeKind.EPISODE, path)]


def edit_notes(site: Path) -> list[Change]:
    path = site / "episodes/show/2/episode.md"
    replace(path, "Notes.", "Notes, with [a link](https://example.org/b).")
    return [Change(ChangeKind.EPISODE, path)]


def edit_title(site: Path) -> list[Change]:  # the neighbour's prev/next link shows it
    path = site / "episodes/show/1/episode.md"
    replace(path, "title: The first one", "title: The very first one")
    return [Change(ChangeKind.EPISODE, path)]


def edit_person(site: Path) -> list[Change]:
    path = site / "people/gus-guest.yaml"
    replace(path, "org: [Acme, University of Somewhere]", "org: [Acme]\nbio: Gus *builds* things.")
    return [Change(ChangeKind.PERSON, path)]


def rename_speaker(site: Path) -> list[Change]:  # the transcript label "Gus" no longer names anyone
    path = site / "people/gus-guest.yaml"
    replace(path, "aliases: [Gus]", "aliases: [Gustav]")
    return [Change(ChangeKind.PERSON, path)]


def rename_person(site: Path) -> list[Change]:  # transcripts in every format show the new name
    path = site / "people/hana-host.yaml"
    replace(path, "name: Hana Host", "name: Hana H. Host\naliases: [Hana Host]")
    return [Change(ChangeKind.PERSON, path)]


def add_person(site: Path) -> list[Change]:
    path = site / "people/nia-new.yaml"
    path.write_text("name: Nia New\n", encoding="utf-8")
    return [Change(ChangeKind.PERSON, path)]


def edit_sponsor(site: Path) -> list[Change]:
    path = site / "sponsors/acme.yaml"
    replace(path, "Acme makes **everything**.", "Acme makes *nearly* everything.")
    return [Change(ChangeKind.SPONSOR, path)]


def edit_show(site: Path) -> list[Change]:
    path = site / "shows/show.yaml"
    replace(path, "A show about *things*.", "A show about *other* things.")
    return [Change(ChangeKind.SHOW, path)]


def add_template(site: Path) -> list[Change]:
    path = site / "templates/episode.html"
    path.parent.mkdir(exist_ok=True)
    path.write_text('{% extends "theme/episode.html" %}\n{% block title %}EP {{ episode.title }}{% endblock %}\n',
                    encoding="utf-8")
    return [Change(ChangeKind.TEMPLATE, path)]


def add_static(site: Path) -> list[Change]:
    path = site / "static/extra.css"
    path.parent.mkdir(exist_ok=True)
    path.write_text("body { color: teal; }\n", encoding="utf-8")
    return [Change(ChangeKind.STATIC, path)]


def edit_config(site: Path) -> list[Change]:
    path = site / "site.yaml"
    replace(path, "title: Minimal", "title: Minimal, renamed")
    return [Change(ChangeKind.CONFIG, path)]


def add_episode(site: Path) -> list[Change]:
    folder = site / "episodes/show/3"
    folder.mkdir()
    (folder / "episode.md").write_text("---\ntitle: The third one\npublished: 2024-03-05\nguests: [gus-guest]\n"
                                       "---\nMore notes.\n", encoding="utf-8")
    return [Change(ChangeKind.EPISODE, folder), Change(ChangeKind.EPISODE, folder / "episode.md")]


def delete_episode(site: Path) -> list[Change]:
    folder = site / "episodes/show/1"
    shutil.rmtree(folder)
    return [Change(ChangeKind.EPISODE, folder / "episode.md"), Change(ChangeKind.EPISODE, folder)]


def make_draft(site: Path) -> list[Change]:
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05", "published: 2024-02-05\ndraft: true")
    return [Change(ChangeKind.EPISODE, path)]


def add_transcript(site: Path) -> list[Change]:
    path = site / "episodes/show/2/transcript.md"
    path.write_text("**Hana Host:** \\[00:05\\] Just me today.\n", encoding="utf-8")
    return [Change(ChangeKind.EPISODE, path)]


EDITS: list[Edit] = [edit_transcript, edit_notes, edit_title, edit_person, rename_speaker, rename_person, add_person,
                     edit_sponsor, edit_show, add_template, add_static, edit_config, add_episode, delete_episode,
                     make_draft, add_transcript]


@pytest.fixture
def builder(minimal_site: Path, tmp_path: Path) -> IncrementalBuilder:
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    result = builder.build()
    assert result.ok, result.diagnostics.report()
    return builder


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_an_incremental_build_writes_what_a_full_build_writes(builder: IncrementalBuilder, tmp_path: Path,
                                                              edit: Edit) -> None:
    result = builder.rebuild(edit(builder.site_dir))
    assert result.ok, result.diagnostics.report()
    assert builder.stats.changed
    assert_same_as_full_build(builder, tmp_path)


def test_drafts_stay_out_when_the_builder_leaves_them_out(minimal_site: Path, tmp_path: Path) -> None:
    builder = IncrementalBuilder(minimal_site, tmp_path / "out", base_url=BASE, drafts=False)
    builder.build()
    builder.rebuild(make_draft(minimal_site))
    assert not (tmp_path / "out/show/2/index.html").exists()
    assert_same_as_full_build(builder, tmp_path)


def test_a_transcript_edit_reloads_one_episode_and_renders_only_the_pages_that_show_it(
        builder: IncrementalBuilder) -> None:
    builder.rebuild(edit_transcript(builder.site_dir))
    stats = builder.stats
    assert (stats.full, stats.episodes_loaded) == (False, 1)
    rendered = set(stats.rendered)
    assert {"show/1/index.html", "show/2/index.html", "show/index.html", "index.html",
            "people/gus-guest/index.html", "sponsors/acme/index.html"} <= rendered
    assert "404.html" not in rendered
    assert stats.pages_reused > 0


def test_a_person_edit_renders_the_pages_that_feature_them(builder: IncrementalBuilder) -> None:
    builder.rebuild(edit_person(builder.site_dir))
    rendered = set(builder.stats.rendered)
    # Gus's episode changes (its guest line names his organisations), and with it the pages that show it.
    assert {"people/gus-guest/index.html", "people/index.html", "show/1/index.html"} <= rendered
    assert "404.html" not in rendered
    assert builder.stats.episodes_loaded == 1  # the episode Gus is a guest on; not the one he is not


def test_a_change_that_changes_no_output_reports_no_change(builder: IncrementalBuilder) -> None:
    path = builder.site_dir / "episodes/show/1/transcript.md"
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = builder.rebuild([Change(ChangeKind.EPISODE, path)])
    assert result.ok
    assert (builder.stats.changed, builder.stats.rendered) == (False, ())


def test_a_broken_edit_keeps_the_last_good_output_and_the_fix_catches_up(builder: IncrementalBuilder,
                                                                        tmp_path: Path) -> None:
    before = tree(builder.out_dir)
    path = builder.site_dir / "episodes/show/1/episode.md"
    replace(path, "guests: [gus-guest]", "guests: [gus-gust]")
    result = builder.rebuild([Change(ChangeKind.EPISODE, path)])
    assert [(d.location.path, d.message) for d in result.diagnostics.errors] == [
        (path, "no person 'gus-gust' (in 'guests')")]
    assert tree(builder.out_dir) == before
    changes = edit_title(builder.site_dir)  # another edit meanwhile: it must not be lost
    replace(path, "guests: [gus-gust]", "guests: [gus-guest]")
    assert builder.rebuild(changes).ok
    assert_same_as_full_build(builder, tmp_path)


def test_a_person_file_that_appears_fixes_the_episodes_that_named_it(builder: IncrementalBuilder,
                                                                    tmp_path: Path) -> None:
    person = builder.site_dir / "people/gus-guest.yaml"
    saved = person.read_text(encoding="utf-8")
    person.unlink()
    assert not builder.rebuild([Change(ChangeKind.PERSON, person)]).ok
    person.write_text(saved, encoding="utf-8")
    assert builder.rebuild([Change(ChangeKind.PERSON, person)]).ok
    assert_same_as_full_build(builder, tmp_path)


def test_ignored_changes_rebuild_nothing(builder: IncrementalBuilder) -> None:
    result = builder.rebuild([Change(ChangeKind.IGNORED, builder.site_dir / "episodes/show/1/.episode.md.swp")])
    assert result.ok
    assert (builder.stats.episodes_loaded, builder.stats.rendered, builder.stats.changed) == (0, (), False)


@pytest.mark.slow
def test_every_kind_of_change_in_a_row_on_the_example_site(example_site: Path, tmp_path: Path) -> None:
    """One builder through a sequence of edits of the bundled example, compared after each step."""
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True)
    assert builder.build().ok
    episode = example_site / "episodes/practicalai/36"
    steps: list[Callable[[], list[Change]]] = [
        lambda: _edit(episode / "transcript.md", "Hello there", "Hi there", ChangeKind.EPISODE),
        lambda: _edit(episode / "episode.md", "[Google Scholar]", "[Scholar]", ChangeKind.EPISODE),
        lambda: _edit(example_site / "people/anima-anandkumar.yaml", "org: [NVIDIA, Caltech]", "org: [Caltech]",
                      ChangeKind.PERSON),
        lambda: _edit(example_site / "people/chris-benson.yaml", "name: Chris Benson",
                      "name: Chris Benson\naliases: [Chris B]", ChangeKind.PERSON),
        lambda: _edit(example_site / "sponsors/fastly.yaml", "Our bandwidth partner.", "Bandwidth by Fastly.",
                      ChangeKind.SPONSOR),
        lambda: add_template(example_site),
        lambda: _edit(example_site / "site.yaml", "language: en", "language: en-GB", ChangeKind.CONFIG),
        lambda: _copy_episode(example_site, "36", "999"),
        lambda: delete_example_episode(example_site, "57"),
    ]
    for step in steps:
        result = builder.rebuild(step())
        assert result.ok, result.diagnostics.report()
        assert_same_as_full_build(builder, tmp_path)


def _edit(path: Path, old: str, new: str, kind: ChangeKind) -> list[Change]:
    replace(path, old, new)
    return [Change(kind, path)]


def _copy_episode(site: Path, source: str, target: str) -> list[Change]:
    folder = site / "episodes/practicalai" / target
    shutil.copytree(site / "episodes/practicalai" / source, folder)
    replace(folder / "episode.md", f"number: {source}\n", f"number: {target}\n")
    return [Change(ChangeKind.EPISODE, folder)]


def delete_example_episode(site: Path, slug: str) -> list[Change]:
    folder = site / "episodes/practicalai" / slug
    shutil.rmtree(folder)
    return [Change(ChangeKind.EPISODE, folder)]
