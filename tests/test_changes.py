"""What a changed path is to the build: a table of paths and the kind of change each one is (as Zola's
detect_change_kind is tested), and the editors' files that are no change at all. classify() is pure: it
looks at the path and the roots only, so none of these paths exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.preview.changes import ChangeKind, WatchRoots, classify, is_temp_file

ROOTS = WatchRoots.of(Path("/w/content"), Path("/w/theme"), Path("/w/out"))


@pytest.mark.parametrize(("path", "kind"), [
    ("content/site.yaml", ChangeKind.CONFIG),
    ("content/episodes/show/1/transcript.md", ChangeKind.EPISODE),
    ("content/episodes/show/1/episode.md", ChangeKind.EPISODE),
    ("content/episodes/show/1/audio.mp3", ChangeKind.EPISODE),
    ("content/episodes/show/1", ChangeKind.EPISODE),
    ("content/episodes/show", ChangeKind.EPISODE),
    ("content/people/hana-host.yaml", ChangeKind.PERSON),
    ("content/people", ChangeKind.PERSON),
    ("content/sponsors/acme.yaml", ChangeKind.SPONSOR),
    ("content/shows/show.yaml", ChangeKind.SHOW),
    ("content/templates/episode.html", ChangeKind.TEMPLATE),
    ("content/static/logo.svg", ChangeKind.STATIC),
    ("content/static/.well-known/security.txt", ChangeKind.STATIC),
    ("content/people/avatars/hana.jpg", ChangeKind.OTHER),  # media: whoever refers to it reloads
    ("content/media/cover.png", ChangeKind.OTHER),
    ("content/README.md", ChangeKind.OTHER),
    ("theme/templates/base.html", ChangeKind.TEMPLATE),
    ("theme/static/podsite.css", ChangeKind.STATIC),
    ("theme/README.md", ChangeKind.IGNORED),
    # editors' and desktops' files
    ("content/episodes/show/1/.transcript.md.swp", ChangeKind.IGNORED),  # Vim swap
    ("content/episodes/show/1/transcript.md~", ChangeKind.IGNORED),  # Vim, Emacs backup
    ("content/episodes/show/1/4913", ChangeKind.IGNORED),  # Vim's write probe
    ("content/episodes/show/1/#episode.md#", ChangeKind.IGNORED),  # Emacs autosave
    ("content/episodes/show/1/.#episode.md", ChangeKind.IGNORED),  # Emacs lock
    ("content/episodes/show/1/episode.md___jb_tmp___", ChangeKind.IGNORED),  # JetBrains safe write
    ("content/episodes/show/1/episode.md___jb_old___", ChangeKind.IGNORED),
    ("content/people/.DS_Store", ChangeKind.IGNORED),
    ("content/.output.podsite-cache/transcripts/0a1b.entry", ChangeKind.IGNORED),  # `podsite serve --site .`
    ("content/site.yaml~", ChangeKind.IGNORED),
    ("content/.git/index", ChangeKind.IGNORED),
    ("content/.idea/workspace.xml", ChangeKind.IGNORED),
    # the output, and anything outside the watched folders
    ("out/show/1/index.html", ChangeKind.IGNORED),
    (".out.staging/show/1/index.html", ChangeKind.IGNORED),
    ("out", ChangeKind.IGNORED),
    ("elsewhere/site.yaml", ChangeKind.IGNORED),
    ("content", ChangeKind.IGNORED),
])
def test_each_path_is_classified_by_the_entity_it_belongs_to(path: str, kind: ChangeKind) -> None:
    assert classify(Path("/w") / path, ROOTS) is kind


def test_a_theme_inside_the_site_folder_is_a_theme() -> None:
    roots = WatchRoots.of(Path("/w/content"), Path("/w/content/mytheme"))
    assert classify(Path("/w/content/mytheme/templates/base.html"), roots) is ChangeKind.TEMPLATE
    assert roots.folders() == [Path("/w/content")]


@pytest.mark.parametrize(("name", "temp"), [
    ("transcript.md", False), ("episode.md", False), ("site.yaml", False), ("#1", False), ("#", False),
    (".episode.md.swp", True), (".episode.md.swx", True), ("episode.md~", True), ("#episode.md#", True),
    (".#episode.md", True), ("x___jb_tmp___", True), ("x___jb_old___", True), (".DS_Store", True),
    ("Thumbs.db", True), ("4913", True), (".x.kate-swp", True), ("x.tmp", True),
])
def test_editor_and_desktop_files_are_told_apart_from_content(name: str, temp: bool) -> None:
    assert is_temp_file(name) is temp
