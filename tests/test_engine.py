"""The one engine: a Builder kept alive and handed the changed paths, as the preview keeps it, writes after
every kind of change byte for byte what a clean full build of the same files writes, and makes again only
what the change reaches; and every way of building the same content (one process, workers, a build that
keeps episodes from its records, the preview's) writes the same bytes."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import tree

from generator import loading
from generator.content.episodes import episode_folders
from generator.diagnostics import Diagnostics
from generator.engine import Builder, build
from generator.model.entities import Show, SiteConfig
from generator.output import MARKER
from generator.render import themes
from generator.render.outputs import check_outputs
from generator.render.themes import static_dirs
from generator.result import BuildResult

BASE = "http://127.0.0.1:8000/"
Edit = Callable[[Path], list[Path]]


def full_build(site: Path, out: Path, drafts: bool = True) -> dict[str, bytes]:
    if out.exists():
        shutil.rmtree(out)
    result = build(site, out, base_url=BASE, drafts=drafts, jobs=1)
    assert result.ok, result.diagnostics.report()
    return tree(out)


def assert_same_as_full_build(builder: Builder, tmp_path: Path) -> None:
    assert builder.out_dir is not None
    kept = tree(builder.out_dir)
    full = full_build(builder.site_dir, tmp_path / "full", builder.drafts)
    assert sorted(kept) == sorted(full)
    different = [name for name in full if kept[name] != full[name]]
    assert different == []


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- the edits: each changes files of the minimal site and returns the paths the watcher would report ------------

def edit_transcript(site: Path) -> list[Path]:
    path = site / "episodes/show/1/transcript.md"
    replace(path, "Thanks for having me.", "Thanks for having me here.")
    return [path]


def edit_notes(site: Path) -> list[Path]:
    path = site / "episodes/show/2/episode.md"
    replace(path, "Notes.", "Notes, with [a link](https://example.org/b).")
    return [path]


def edit_title(site: Path) -> list[Path]:  # the neighbour's prev/next link shows it
    path = site / "episodes/show/1/episode.md"
    replace(path, "title: The first one", "title: The very first one")
    return [path]


def edit_person(site: Path) -> list[Path]:
    path = site / "people/gus-guest.yaml"
    replace(path, "org: [Acme, University of Somewhere]", "org: [Acme]\nbio: Gus *builds* things.")
    return [path]


def rename_speaker(site: Path) -> list[Path]:  # the transcript label "Gus" no longer names anyone
    path = site / "people/gus-guest.yaml"
    replace(path, "aliases: [Gus]", "aliases: [Gustav]")
    return [path]


def rename_person(site: Path) -> list[Path]:  # transcripts in every format show the new name
    path = site / "people/hana-host.yaml"
    replace(path, "name: Hana Host", "name: Hana H. Host\naliases: [Hana Host]")
    return [path]


def add_person(site: Path) -> list[Path]:
    path = site / "people/nia-new.yaml"
    path.write_text("name: Nia New\n", encoding="utf-8")
    return [path]


def edit_sponsor(site: Path) -> list[Path]:
    path = site / "sponsors/acme.yaml"
    replace(path, "Acme makes **everything**.", "Acme makes *nearly* everything.")
    return [path]


def edit_show(site: Path) -> list[Path]:
    path = site / "shows/show.yaml"
    replace(path, "A show about *things*.", "A show about *other* things.")
    return [path]


def add_template(site: Path) -> list[Path]:
    path = site / "templates/episode.html"
    path.parent.mkdir(exist_ok=True)
    path.write_text('{% extends "theme/episode.html" %}\n{% block title %}EP {{ episode.title }}{% endblock %}\n',
                    encoding="utf-8")
    return [path]


def add_static(site: Path) -> list[Path]:
    path = site / "static/extra.css"
    path.parent.mkdir(exist_ok=True)
    path.write_text("body { color: teal; }\n", encoding="utf-8")
    return [path]


def edit_config(site: Path) -> list[Path]:
    path = site / "site.yaml"
    replace(path, "title: Minimal", "title: Minimal, renamed")
    return [path]


def add_episode(site: Path) -> list[Path]:
    folder = site / "episodes/show/3"
    folder.mkdir()
    (folder / "episode.md").write_text("---\ntitle: The third one\npublished: 2024-03-05\nguests: [gus-guest]\n"
                                       "---\nMore notes.\n", encoding="utf-8")
    return [folder, folder / "episode.md"]


def delete_episode(site: Path) -> list[Path]:
    folder = site / "episodes/show/1"
    shutil.rmtree(folder)
    return [folder / "episode.md", folder]


def make_draft(site: Path) -> list[Path]:
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05", "published: 2024-02-05\ndraft: true")
    return [path]


def add_transcript(site: Path) -> list[Path]:
    path = site / "episodes/show/2/transcript.md"
    path.write_text("**Hana Host:** \\[00:05\\] Just me today.\n", encoding="utf-8")
    return [path]


def speak_earlier(site: Path) -> list[Path]:  # Gus's appearance on episode 1 starts at another time
    path = site / "episodes/show/1/transcript.md"
    replace(path, "**Gus:** \\[00:30\\]", "**Gus:** \\[00:20\\]")
    return [path]


def add_guest(site: Path) -> list[Path]:  # a new appearance, placed before the one Gus had
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05\n", "published: 2024-02-05\nguests: [gus-guest]\n")
    return [path]


def add_episode_sponsor(site: Path) -> list[Path]:  # the sponsorship index is made again whole
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05\n", "published: 2024-02-05\nsponsors: [acme]\n")
    return [path]


def edit_sponsor_spot(site: Path) -> list[Path]:  # the same sponsor with its own blurb this time
    path = site / "episodes/show/1/episode.md"
    replace(path, "sponsors: [acme]", "sponsors:\n  - sponsor: acme\n    blurb: Acme, *this* time.")
    return [path]


def redate_episode(site: Path) -> list[Path]:  # episode 2 becomes the older one: the order changes
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05", "published: 2023-12-05")
    return [path]


EDITS: list[Edit] = [edit_transcript, edit_notes, edit_title, edit_person, rename_speaker, rename_person, add_person,
                     edit_sponsor, edit_show, add_template, add_static, edit_config, add_episode, delete_episode,
                     make_draft, add_transcript, speak_earlier, add_guest, add_episode_sponsor, edit_sponsor_spot,
                     redate_episode]


def started(site: Path, out: Path) -> Builder:
    """A Builder of the site, as the preview keeps one, after its first build."""
    builder = Builder(site, out, base_url=BASE, drafts=True, jobs=1)
    result = builder.build()
    assert result.ok, result.diagnostics.report()
    return builder


@pytest.fixture
def builder(minimal_site: Path, tmp_path: Path) -> Builder:
    """A preview's Builder, started, on the minimal site with its search index on (each kind of change then
    brings the index up to date as a clean build writes it)."""
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "search: true\n", encoding="utf-8")
    return started(minimal_site, tmp_path / "preview")


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_after_each_kind_of_change_the_output_is_what_a_clean_build_writes(builder: Builder, tmp_path: Path,
                                                                          edit: Edit) -> None:
    result = builder.build(changed=edit(builder.site_dir))
    assert result.ok, result.diagnostics.report()
    assert result.changed
    assert_same_as_full_build(builder, tmp_path)


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_a_scanning_build_after_each_kind_of_change_writes_what_a_clean_build_writes(
        minimal_site: Path, tmp_path: Path, edit: Edit) -> None:
    # `podsite build` after the edit: the changes found by a scan, the unchanged episodes taken from the records.
    out = tmp_path / "output"
    assert build(minimal_site, out, base_url=BASE, drafts=True).ok
    edit(minimal_site)
    result = build(minimal_site, out, base_url=BASE, drafts=True)
    assert result.ok, result.diagnostics.report()
    assert tree(out) == full_build(minimal_site, tmp_path / "full")


@pytest.fixture
def navigating(minimal_site: Path, tmp_path: Path) -> Builder:
    """A builder of the minimal site with a page per episode (so an archive by year) and a shows page."""
    with (minimal_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("per_page: 1\nnav_shows: 0\n")
    builder = started(minimal_site, tmp_path / "preview")
    assert {"shows/index.html", "show/archive/index.html", "show/page/2/index.html"} <= set(tree(tmp_path / "preview"))
    return builder


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_the_shows_page_archives_and_people_groups_follow_each_kind_of_change(navigating: Builder, tmp_path: Path,
                                                                              edit: Edit) -> None:
    result = navigating.build(changed=edit(navigating.site_dir))
    assert result.ok, result.diagnostics.report()
    assert_same_as_full_build(navigating, tmp_path)


@pytest.mark.parametrize(("edit", "pages"), [
    (edit_show, {"shows/index.html", "show/archive/index.html", "people/index.html"}),
    (rename_person, {"shows/index.html", "people/index.html"}),  # the shows page names the hosts
    (add_guest, {"people/index.html"}),
    (redate_episode, {"show/archive/index.html", "shows/index.html"}),  # the newest episode is another
], ids=lambda e: getattr(e, "__name__", ""))
def test_the_new_index_pages_are_rendered_again_when_what_they_show_changes(navigating: Builder, edit: Edit,
                                                                            pages: set[str]) -> None:
    assert pages <= set(navigating.build(changed=edit(navigating.site_dir)).rendered)


def test_drafts_stay_out_when_the_builder_leaves_them_out(minimal_site: Path, tmp_path: Path) -> None:
    builder = Builder(minimal_site, tmp_path / "out", base_url=BASE, drafts=False)
    assert builder.build().ok
    assert builder.build(changed=make_draft(minimal_site)).ok
    assert not (tmp_path / "out/show/2/index.html").exists()
    out = tmp_path / "full"
    assert build(minimal_site, out, base_url=BASE, drafts=False).ok
    assert tree(tmp_path / "out") == tree(out)


def test_a_build_tells_its_progress_episode_by_episode(builder: Builder) -> None:
    told: list[tuple[int, int]] = []
    result = builder.build(changed=edit_transcript(builder.site_dir), progress=lambda *step: told.append(step))
    assert result.episodes == 2
    assert told == [(1, 2), (2, 2)]


def test_a_transcript_edit_makes_only_its_episode_again(builder: Builder) -> None:
    # The other pages, the feeds and the indexes are made from the episode without its transcript, which this
    # edit leaves as it was (who speaks first, and when, too).
    out = builder.out_dir
    assert out is not None
    times = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    result = builder.build(changed=edit_transcript(builder.site_dir))
    assert result.rendered == ("show/1/index.html",)
    assert result.episodes_kept == 1
    remade = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MARKER
              and p.stat().st_mtime_ns != times.get(p)}
    assert remade == {"show/1/index.html", "show/1/transcript.vtt", "show/1/transcript.srt",
                      "show/1/transcript.json", "show/1/transcript.txt", "search/index.db"}


def test_a_transcript_edit_that_changes_who_speaks_when_renders_the_pages_that_say_it(builder: Builder) -> None:
    rendered = set(builder.build(changed=speak_earlier(builder.site_dir)).rendered)
    assert {"show/1/index.html", "people/gus-guest/index.html"} <= rendered
    assert "404.html" not in rendered


def test_an_episode_edit_renders_the_pages_that_show_it(builder: Builder) -> None:
    result = builder.build(changed=edit_title(builder.site_dir))
    rendered = set(result.rendered)
    assert {"show/1/index.html", "show/2/index.html", "show/index.html", "index.html",
            "people/gus-guest/index.html", "sponsors/acme/index.html"} <= rendered
    assert "404.html" not in rendered
    assert len(rendered) < result.pages


def test_a_person_edit_makes_again_the_episodes_that_name_them_and_the_pages_that_show_them(
        builder: Builder) -> None:
    result = builder.build(changed=edit_person(builder.site_dir))
    rendered = set(result.rendered)
    # Gus's episode changes (its guest line names his organisations), and with it the pages that show it.
    assert {"people/gus-guest/index.html", "people/index.html", "show/1/index.html"} <= rendered
    assert "404.html" not in rendered
    assert result.episodes_kept == 1  # the episode Gus is not a guest on


def test_a_change_that_changes_no_output_reports_no_change(builder: Builder) -> None:
    path = builder.site_dir / "episodes/show/1/transcript.md"
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = builder.build(changed=[path])
    assert result.ok
    assert (result.changed, result.rendered) == (False, ())


def test_an_editors_swap_file_rebuilds_nothing(builder: Builder) -> None:
    swap = builder.site_dir / "episodes/show/1/.episode.md.swp"
    swap.write_text("swap", encoding="utf-8")
    result = builder.build(changed=[swap])
    assert result.ok
    assert (result.changed, result.rendered, result.episodes_kept) == (False, (), 2)


def test_an_output_folder_that_went_is_made_again_whole(builder: Builder, tmp_path: Path) -> None:
    # A temp cleaner, say: what the builder kept of it must be made again, not taken as there.
    assert builder.out_dir is not None
    shutil.rmtree(builder.out_dir)
    result = builder.build(changed=edit_notes(builder.site_dir))
    assert result.ok, result.diagnostics.report()
    assert_same_as_full_build(builder, tmp_path)


def test_a_template_change_that_changes_no_page_writes_nothing(builder: Builder) -> None:
    # Every page is made again and compared with the file the output has: none differs, none is written.
    assert builder.out_dir is not None
    times = {p: p.stat().st_mtime_ns for p in builder.out_dir.rglob("*") if p.is_file() and p.name != MARKER}
    template = builder.site_dir / "templates/episode.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text('{% extends "theme/episode.html" %}\n', encoding="utf-8")
    result = builder.build(changed=[template])
    assert result.ok
    assert len(result.rendered) == result.pages
    assert result.changed is False
    assert times == {p: p.stat().st_mtime_ns for p in builder.out_dir.rglob("*") if p.is_file() and p.name != MARKER}


def test_a_broken_edit_keeps_the_last_good_output_and_the_fix_catches_up(builder: Builder, tmp_path: Path) -> None:
    assert builder.out_dir is not None
    before = tree(builder.out_dir)
    path = builder.site_dir / "episodes/show/1/episode.md"
    replace(path, "guests: [gus-guest]", "guests: [gus-gust]")
    result = builder.build(changed=[path])
    assert [(d.location.path, d.message) for d in result.diagnostics.errors] == [
        (path, "no person 'gus-gust' (in 'guests')")]
    assert tree(builder.out_dir) == before
    changes = edit_title(builder.site_dir)  # another edit meanwhile: it must not be lost
    replace(path, "guests: [gus-gust]", "guests: [gus-guest]")
    assert builder.build(changed=changes).ok
    assert_same_as_full_build(builder, tmp_path)


def gone_and_back(builder: Builder, path: Path) -> BuildResult:
    """Deletes `path` and rebuilds, then puts it back and rebuilds (which must succeed); the first result."""
    saved = path.read_text(encoding="utf-8")
    path.unlink()
    gone = builder.build(changed=[path])
    path.write_text(saved, encoding="utf-8")
    assert builder.build(changed=[path]).ok
    return gone


def test_a_person_file_that_comes_back_fixes_the_episodes_that_named_it(builder: Builder, tmp_path: Path) -> None:
    assert not gone_and_back(builder, builder.site_dir / "people/gus-guest.yaml").ok
    assert_same_as_full_build(builder, tmp_path)


def test_an_episode_md_that_goes_is_noticed_and_one_that_comes_back_too(builder: Builder, tmp_path: Path) -> None:
    gone = gone_and_back(builder, builder.site_dir / "episodes/show/2/episode.md")
    assert [d.message for d in gone.diagnostics.errors] == ["episode folder without episode.md"]
    assert_same_as_full_build(builder, tmp_path)


def scans(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Notes every scan of the episode folders the builds make from now on."""
    seen: list[Path] = []

    def counted(config: SiteConfig, shows: dict[str, Show], diags: Diagnostics) -> list[tuple[Show, Path]]:
        seen.append(config.root)
        return episode_folders(config, shows, diags)

    monkeypatch.setattr(loading, "episode_folders", counted)
    return seen


def test_the_folders_are_scanned_again_only_when_one_may_have_come_or_gone(
        builder: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = scans(monkeypatch)
    # Files in folders the last scan listed, and registry entries that leave the same shows.
    for edit in (edit_transcript, edit_notes, add_transcript, edit_person, edit_show):
        assert builder.build(changed=edit(builder.site_dir)).ok
    assert seen == []
    folder = builder.site_dir / "episodes/show/3"
    folder.mkdir()
    (folder / "episode.md").write_text("---\ntitle: The third one\n---\n", encoding="utf-8")
    assert builder.build(changed=[folder / "episode.md"]).ok  # the folder's own event missed
    assert len(seen) == 1 and (tmp_path / "preview/show/3/index.html").is_file()
    assert_same_as_full_build(builder, tmp_path)


def add_other_show(site: Path) -> None:
    (site / "shows/other.yaml").write_text("name: Another Show\nhosts: [hana-host]\n", encoding="utf-8")
    folder = site / "episodes/other/1"
    folder.mkdir(parents=True)
    (folder / "episode.md").write_text("---\ntitle: Elsewhere\npublished: 2024-01-20\naudio:\n"
                                       "  url: https://cdn.example/o1.mp3\n  bytes: 2000\n---\nOther notes.\n",
                                       encoding="utf-8")


def test_an_episode_edit_makes_its_show_feed_and_the_site_feed_again_and_keeps_the_others(
        minimal_site: Path, tmp_path: Path) -> None:
    add_other_show(minimal_site)
    builder = Builder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    assert builder.build().ok
    out = tmp_path / "preview"
    before = {name: (out / name).read_bytes() for name in ("other/feed.xml", "show/feed.xml", "feed.xml")}
    kept = (out / "other/feed.xml").stat().st_mtime_ns
    path = minimal_site / "episodes/show/1/episode.md"
    replace(path, "title: The first one", "title: The very first one")
    result = builder.build(changed=[path])
    assert result.ok, result.diagnostics.report()
    assert (out / "other/feed.xml").stat().st_mtime_ns == kept  # its record kept: not made, nor written
    assert (out / "show/feed.xml").read_bytes() != before["show/feed.xml"]
    assert (out / "feed.xml").read_bytes() != before["feed.xml"]
    assert_same_as_full_build(builder, tmp_path)


def test_a_report_follows_its_line_when_only_the_line_moves(minimal_site: Path, tmp_path: Path) -> None:
    """Feed checks read the line of the key they report from the file; the file can move it without a change
    to the model (a comment line), and the report must move with it."""
    path = minimal_site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05\n", "published: 2024-02-05\naudio:\n  url: https://cdn.example/2.mp3\n"
            "  bytes: 1000\nguid: shared\n")
    replace(minimal_site / "episodes/show/1/episode.md", "sponsors: [acme]\n", "sponsors: [acme]\nguid: shared\n")
    builder = Builder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)

    def guid_reports(result: BuildResult) -> list[tuple[str, int]]:
        return [(d.location.path.name, d.location.line) for d in result.diagnostics.errors if "guid" in d.message]

    first = guid_reports(builder.build())
    assert first
    replace(path, "guid: shared", "# the same guid, one line further down\nguid: shared")
    replace(minimal_site / "episodes/show/1/episode.md", "guid: shared", "# here too\nguid: shared")
    moved = guid_reports(builder.build(changed=[path, minimal_site / "episodes/show/1/episode.md"]))
    assert moved == guid_reports(build(minimal_site, None, base_url=BASE, drafts=True))
    assert [line for _, line in moved] == [line + 1 for _, line in first]


def test_an_audio_file_that_changes_is_copied_again(minimal_site: Path, tmp_path: Path) -> None:
    audio = minimal_site / "episodes/show/2/2.mp3"
    audio.write_bytes(b"one")
    replace(minimal_site / "episodes/show/2/episode.md", "published: 2024-02-05\n",
            "published: 2024-02-05\naudio:\n  file: 2.mp3\n  bytes: 3\n")
    builder = Builder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    assert builder.build().ok
    audio.write_bytes(b"two")  # the same size, as the front matter says: the episode's model does not change
    assert builder.build(changed=[audio]).ok
    assert (tmp_path / "preview/show/2/2.mp3").read_bytes() == b"two"
    assert_same_as_full_build(builder, tmp_path)


def test_a_static_file_changed_beside_a_transcript_is_copied_too(builder: Builder, tmp_path: Path) -> None:
    result = builder.build(changed=edit_transcript(builder.site_dir) + add_static(builder.site_dir))
    assert result.ok and (tmp_path / "preview/assets/extra.css").is_file()
    assert_same_as_full_build(builder, tmp_path)


def test_a_build_lists_the_static_files_once_and_a_later_build_sees_a_new_one(
        minimal_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[int] = []

    def counting(*args: Any) -> list[Path]:
        listed.append(1)
        return static_dirs(*args)

    monkeypatch.setattr(themes, "static_dirs", counting)  # what every listing of the static files starts with
    builder = Builder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=1)
    assert builder.build().ok
    assert listed == [1]  # the output check and the copy share one listing
    listed.clear()
    result = builder.build(changed=add_static(minimal_site))  # nothing loaded again: listed for the copy
    assert result.ok and (tmp_path / "preview/assets/extra.css").is_file()
    assert listed == [1]
    assert_same_as_full_build(builder, tmp_path)


def test_workers_report_what_one_process_reports(example_site: Path, tmp_path: Path) -> None:
    template = example_site / "templates/episode.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text('{% extends "theme/episode.html" %}\n'
                        "{% block title %}{{ episode.nothing.at_all }}{% endblock %}\n", encoding="utf-8")
    reports = []
    for jobs in (1, 2):
        result = Builder(example_site, tmp_path / f"out-{jobs}", base_url=BASE, drafts=True, jobs=jobs).build()
        assert not result.ok
        reports.append([d.format() for d in result.diagnostics.items])
    assert reports[0] == reports[1]
    assert sum("templates/episode.html:2" in line for line in reports[0]) == 16  # every episode page, in order


def test_one_process_workers_a_cached_build_and_the_preview_write_the_same_bytes(example_site: Path,
                                                                                 tmp_path: Path) -> None:
    preview = Builder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2)
    assert preview.build().ok
    cached = tmp_path / "cached"
    assert build(example_site, cached, base_url=BASE, drafts=True).ok
    changed = _edit(example_site / "episodes/practicalai/36/episode.md", "[Google Scholar]", "[Scholar]")
    changed += _edit(example_site / "episodes/practicalai/36/transcript.md", "Hello there", "Hi there")
    assert preview.build(changed=changed).ok
    result = build(example_site, cached, base_url=BASE, drafts=True)
    assert result.ok and result.episodes_kept == result.episodes - 3  # 36, and the two whose pages link to it
    outputs = [tree(tmp_path / "preview"), tree(cached)]
    for jobs in (1, 2):
        out = tmp_path / f"clean-{jobs}"
        assert build(example_site, out, base_url=BASE, drafts=True, jobs=jobs).ok
        outputs.append(tree(out))
    assert all(output == outputs[0] for output in outputs[1:])
    assert len(outputs[0]) > 100


def test_a_build_while_another_thread_runs_has_its_workers_forked_by_a_server(example_site: Path,
                                                                             tmp_path: Path) -> None:
    # As when the preview serves: a fork would copy the locks the server's and the watcher's threads hold, so
    # a change that reaches every episode (site.yaml) has them made by workers a fork server starts.
    builder = Builder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2)
    assert builder.build().ok
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        result = builder.build(changed=_edit(example_site / "site.yaml", "language: en", "language: en-GB"))
    finally:
        stop.set()
        other.join()
    assert result.ok, result.diagnostics.report()
    assert result.episodes_kept == 0
    assert_same_as_full_build(builder, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_every_kind_of_change_in_a_row_on_the_example_site(example_site: Path, tmp_path: Path, jobs: int) -> None:
    """One builder through a sequence of edits of the bundled example, compared after each step."""
    builder = Builder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=jobs)
    assert builder.build().ok
    episode = example_site / "episodes/practicalai/36"
    steps: list[Callable[[], list[Path]]] = [
        lambda: _edit(episode / "transcript.md", "Hello there", "Hi there"),
        lambda: _edit(episode / "episode.md", "[Google Scholar]", "[Scholar]"),
        lambda: _edit(example_site / "people/anima-anandkumar.yaml", "org: [NVIDIA, Caltech]", "org: [Caltech]"),
        lambda: _edit(example_site / "people/chris-benson.yaml", "name: Chris Benson",
                      "name: Chris Benson\naliases: [Chris B]"),
        lambda: _edit(example_site / "sponsors/fastly.yaml", "Our bandwidth partner.", "Bandwidth by Fastly."),
        lambda: add_template(example_site),
        lambda: _edit(example_site / "site.yaml", "language: en", "language: en-GB"),
        lambda: _copy_episode(example_site, "36", "999"),
        lambda: delete_example_episode(example_site, "57"),
    ]
    for step in steps:
        result = builder.build(changed=step())
        assert result.ok, result.diagnostics.report()
        assert_same_as_full_build(builder, tmp_path)


def _edit(path: Path, old: str, new: str) -> list[Path]:
    replace(path, old, new)
    return [path]


def _copy_episode(site: Path, source: str, target: str) -> list[Path]:
    folder = site / "episodes/practicalai" / target
    shutil.copytree(site / "episodes/practicalai" / source, folder)
    replace(folder / "episode.md", f"number: {source}\n", f"number: {target}\n")
    return [folder]


def delete_example_episode(site: Path, slug: str) -> list[Path]:
    folder = site / "episodes/practicalai" / slug
    shutil.rmtree(folder)
    return [folder]


def test_a_notes_edit_checks_the_outputs_again_only_when_more_than_the_notes_changed(
        builder: Builder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []

    def check(*args: Any) -> None:
        checked.append(1)
        check_outputs(*args)

    monkeypatch.setattr(loading, "check_outputs", check)
    assert builder.build(changed=edit_notes(builder.site_dir)).ok
    assert checked == []
    assert_same_as_full_build(builder, tmp_path)  # a build of its own, which checks
    checked.clear()
    assert builder.build(changed=edit_title(builder.site_dir)).ok
    assert checked == [1]
    assert_same_as_full_build(builder, tmp_path)


def test_a_clash_made_beside_a_notes_edit_is_reported(builder: Builder) -> None:
    show = builder.site_dir / "shows/people.yaml"
    show.write_text("name: People\nhosts: [hana-host]\n", encoding="utf-8")
    result = builder.build(changed=[show, *edit_notes(builder.site_dir)])
    assert "the page of show 'people' and the people index would both be /people/" in result.diagnostics.report()
    assert not result.ok
