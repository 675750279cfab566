"""The preview's incremental rebuilds: after every kind of change the output is byte for byte what a clean full
build of the same files writes, and only the affected episodes are reloaded and pages re-rendered."""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import shutil
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from generator import incremental
from generator.cache import transcripts as transcript_cache
from generator.build import BuildResult, build
from generator.diagnostics import Diagnostics
from generator.content.episodes import episode_folders
from generator.incremental import Change, ChangeKind, IncrementalBuilder
from generator.model.entities import Show, SiteConfig
from generator.output import WriteStats, update_output

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


def speak_earlier(site: Path) -> list[Change]:  # Gus's appearance on episode 1 starts at another time
    path = site / "episodes/show/1/transcript.md"
    replace(path, "**Gus:** \\[00:30\\]", "**Gus:** \\[00:20\\]")
    return [Change(ChangeKind.EPISODE, path)]


def add_guest(site: Path) -> list[Change]:  # a new appearance, placed before the one Gus had
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05\n", "published: 2024-02-05\nguests: [gus-guest]\n")
    return [Change(ChangeKind.EPISODE, path)]


def add_episode_sponsor(site: Path) -> list[Change]:  # the sponsorship index is made again whole
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05\n", "published: 2024-02-05\nsponsors: [acme]\n")
    return [Change(ChangeKind.EPISODE, path)]


def edit_sponsor_spot(site: Path) -> list[Change]:  # the same sponsor with its own blurb this time
    path = site / "episodes/show/1/episode.md"
    replace(path, "sponsors: [acme]", "sponsors:\n  - sponsor: acme\n    blurb: Acme, *this* time.")
    return [Change(ChangeKind.EPISODE, path)]


def redate_episode(site: Path) -> list[Change]:  # episode 2 becomes the older one: the order changes
    path = site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05", "published: 2023-12-05")
    return [Change(ChangeKind.EPISODE, path)]


EDITS: list[Edit] = [edit_transcript, edit_notes, edit_title, edit_person, rename_speaker, rename_person, add_person,
                     edit_sponsor, edit_show, add_template, add_static, edit_config, add_episode, delete_episode,
                     make_draft, add_transcript, speak_earlier, add_guest, add_episode_sponsor, edit_sponsor_spot,
                     redate_episode]


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


def test_a_build_tells_its_progress_step_by_step(minimal_site: Path, tmp_path: Path) -> None:
    # What `podsite serve` shows on a terminal while a big site builds (the progress line of the build).
    told: list[tuple[int, int, str]] = []
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    result = builder.build(lambda done, total, what: told.append((done, total, what)))
    episodes = len(result.site.episodes) if result.site else 0
    assert episodes > 1
    for what in ("episodes read", "episode pages made", "episodes' transcript files made"):
        steps = [(done, total) for done, total, step in told if step == what]
        assert steps == [(done, episodes) for done in range(1, episodes + 1)], what
    told.clear()
    builder.rebuild(edit_transcript(minimal_site), lambda done, total, what: told.append((done, total, what)))
    assert (1, episodes, "episodes read") in told


def test_a_full_build_in_workers_writes_what_one_process_writes(example_site: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    premake = incremental.premake
    monkeypatch.setattr(incremental, "premake", lambda *args: made.append(args[3]) or premake(*args))
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2)
    result = builder.build()
    assert result.ok, result.diagnostics.report()
    assert made == [2]  # two workers made the episode pages
    assert len(builder.stats.rendered) == result.pages
    assert_same_as_full_build(builder, tmp_path)
    assert not (tmp_path / ".preview.made").exists()  # what the workers made was moved into the output
    page = "practicalai/36/index.html"
    assert result.files[page] == builder.out_dir / page
    transcript = example_site / "episodes/practicalai/36/transcript.md"
    replace(transcript, "Hello there", "Hi there")
    assert builder.rebuild([Change(ChangeKind.EPISODE, transcript)]).ok
    assert builder.stats.rendered == (page,)
    assert_same_as_full_build(builder, tmp_path)


def test_a_first_build_has_workers_parse_the_transcripts_its_cache_lacks(example_site: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # A site nothing has parsed yet, or a new podsite (every key new): the load would parse every transcript
    # in this process, one after the other. The workers parse them into the cache, and the load reads them back.
    here = os.getpid()
    parsed_here: list[Path] = []
    parse = transcript_cache._parse

    def recording(path: Path, *args: Any) -> Any:
        if os.getpid() == here:  # the forked workers run this too, each in a process of its own
            parsed_here.append(path)
        return parse(path, *args)

    monkeypatch.setattr(transcript_cache, "_parse", recording)
    cache = tmp_path / "cache"
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2, cache=cache)
    result = builder.build()
    assert result.ok, result.diagnostics.report()
    assert result.site is not None
    transcripts = [episode for episode in result.site.episodes if episode.transcript_path is not None]
    assert parsed_here == []
    assert len(list(cache.glob("*.entry"))) == len(transcripts) == 16
    assert_same_as_full_build(builder, tmp_path)
    alone = IncrementalBuilder(example_site, tmp_path / "alone", base_url=BASE, drafts=True, jobs=1).build()
    assert [d.format() for d in result.diagnostics.items] == [d.format() for d in alone.diagnostics.items]


def test_parsing_ahead_stops_soon_when_the_cache_has_the_transcripts(example_site: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The first preview after a `podsite build`: looking for every entry would only delay the load.
    looked: list[tuple[int, int]] = []
    ahead = incremental.parse_ahead
    monkeypatch.setattr(incremental, "parse_ahead", lambda *args: looked.append(ahead(*args, probe=4)))
    for name in ("first", "second"):
        builder = IncrementalBuilder(example_site, tmp_path / name, base_url=BASE, drafts=True, jobs=2,
                                     cache=tmp_path / "cache")
        assert builder.build().ok
    assert looked == [(16, 16), (4, 0)]
    assert_same_as_full_build(builder, tmp_path)


def test_an_episode_that_fails_in_a_worker_parsing_ahead_is_left_to_the_load(example_site: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Parsing ahead is only a head start: whatever goes wrong in a worker, the load does the work and reports.
    fill = transcript_cache.TranscriptCache.fill

    def failing(self: transcript_cache.TranscriptCache, path: Path, *args: Any) -> bool:
        if path.parent.name == "36":
            raise RuntimeError("as if a bug")
        return fill(self, path, *args)

    monkeypatch.setattr(transcript_cache.TranscriptCache, "fill", failing)
    looked: list[tuple[int, int]] = []
    ahead = incremental.parse_ahead
    monkeypatch.setattr(incremental, "parse_ahead", lambda *args: looked.append(ahead(*args)))
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2,
                                 cache=tmp_path / "cache")
    assert builder.build().ok
    assert looked == [(16, 15)]
    assert_same_as_full_build(builder, tmp_path)


def test_a_write_that_fails_after_the_workers_is_made_again_whole(example_site: Path, tmp_path: Path) -> None:
    # A disk full, say, halfway through moving the workers' files in: the next run does not count on them.
    failures = [OSError(28, "No space left on device")]

    def write(files: dict[str, bytes | Path], out: Path, previous: dict[str, bytes | Path] | None) -> WriteStats:
        if failures:
            shutil.rmtree(out.with_name(f".{out.name}.made"))  # as if moved in before the failure
            raise failures.pop()
        return update_output(files, out, previous)

    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2, write=write)
    assert "No space left" in builder.build().diagnostics.report()
    transcript = example_site / "episodes/practicalai/36/transcript.md"
    replace(transcript, "Hello there", "Hi there")
    result = builder.rebuild([Change(ChangeKind.EPISODE, transcript)])
    assert result.ok, result.diagnostics.report()
    assert_same_as_full_build(builder, tmp_path)


def test_no_worker_is_forked_while_another_thread_runs(example_site: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # As when the preview serves: a fork would copy the locks the server's and the watcher's threads hold.
    made: list[int] = []
    premake = incremental.premake
    monkeypatch.setattr(incremental, "premake", lambda *args: made.append(args[3]) or premake(*args))
    monkeypatch.setattr(incremental, "parse_ahead", lambda *args: made.append(args[7]))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2,
                                     cache=tmp_path / "cache")
        assert builder.build().ok
    finally:
        stop.set()
        other.join()
    assert made == []
    assert_same_as_full_build(builder, tmp_path)


def test_episodes_load_with_the_collector_paused_and_it_runs_again_after(minimal_site: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Its passes over every transcript took a third of a big site's load; left off, a long preview would leak.
    enabled: list[bool] = []
    load_episode = incremental.load_episode

    def recording(*args: Any, **kwargs: Any) -> Any:
        enabled.append(gc.isenabled())
        if len(enabled) == 3:
            raise MemoryError("as if a transcript were too big")
        return load_episode(*args, **kwargs)

    monkeypatch.setattr(incremental, "load_episode", recording)
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    assert builder.build().ok
    assert enabled and not any(enabled)
    assert gc.isenabled()
    with pytest.raises(MemoryError):
        builder.rebuild([Change(ChangeKind.CONFIG, minimal_site / "site.yaml")])
    assert gc.isenabled()


def test_no_worker_is_spawned_to_be_sent_every_transcript(example_site: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # On macOS and Windows workers start afresh: each would unpickle every transcript, slower than rendering.
    made: list[int] = []
    monkeypatch.setattr(incremental, "premake", lambda *args: made.append(args[3]))
    monkeypatch.setattr(incremental, "parse_ahead", lambda *args: made.append(args[7]))
    monkeypatch.setattr(incremental, "pool_context", lambda: multiprocessing.get_context("spawn"))
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2,
                                 cache=tmp_path / "cache")
    assert builder.build().ok
    assert made == []
    assert_same_as_full_build(builder, tmp_path)


def test_a_pool_that_breaks_leaves_the_work_to_this_process(example_site: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(incremental, "premake", broken)
    monkeypatch.setattr(incremental, "parse_ahead", broken)
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=2,
                                 cache=tmp_path / "cache")
    assert builder.build().ok
    assert_same_as_full_build(builder, tmp_path)


def test_workers_report_what_one_process_reports(example_site: Path, tmp_path: Path) -> None:
    template = example_site / "templates/episode.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text('{% extends "theme/episode.html" %}\n'
                        "{% block title %}{{ episode.nothing.at_all }}{% endblock %}\n", encoding="utf-8")
    reports = []
    for jobs in (1, 2):
        builder = IncrementalBuilder(example_site, tmp_path / f"preview-{jobs}", base_url=BASE, drafts=True, jobs=jobs)
        result = builder.build()
        assert not result.ok
        reports.append([d.format() for d in result.diagnostics.items])
    assert reports[0] == reports[1]
    assert sum("templates/episode.html:2" in line for line in reports[0]) == 16  # every episode page, in order


def test_a_transcript_edit_reloads_one_episode_and_renders_only_its_page(builder: IncrementalBuilder) -> None:
    # As in a full build, the other pages, the feeds and the indexes are made from the episode without its
    # transcript, which this edit leaves as it was (who speaks first, and when, too).
    before = builder.build().files
    result = builder.rebuild(edit_transcript(builder.site_dir))
    stats = builder.stats
    assert (stats.full, stats.episodes_loaded, stats.rendered) == (False, 1, ("show/1/index.html",))
    assert stats.pages_reused == result.pages - 1
    remade = {name for name, content in result.files.items() if content is not before.get(name)}
    assert remade == {"show/1/index.html", "show/1/transcript.vtt", "show/1/transcript.srt",
                      "show/1/transcript.json", "show/1/transcript.txt"}


def test_a_transcript_edit_that_changes_who_speaks_when_renders_the_pages_that_say_it(
        builder: IncrementalBuilder) -> None:
    builder.rebuild(speak_earlier(builder.site_dir))
    rendered = set(builder.stats.rendered)
    assert {"show/1/index.html", "people/gus-guest/index.html"} <= rendered
    assert "404.html" not in rendered


def test_an_episode_edit_renders_the_pages_that_show_it(builder: IncrementalBuilder) -> None:
    builder.rebuild(edit_title(builder.site_dir))
    rendered = set(builder.stats.rendered)
    assert {"show/1/index.html", "show/2/index.html", "show/index.html", "index.html",
            "people/gus-guest/index.html", "sponsors/acme/index.html"} <= rendered
    assert "404.html" not in rendered
    assert builder.stats.pages_reused > 0


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


def test_the_pages_bytes_are_let_go_of_once_written(minimal_site: Path, tmp_path: Path) -> None:
    # What a big site's preview would otherwise hold twice over: every page and transcript file is in the output.
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    result = builder.build()
    held = {name: content for name, content in result.files.items() if name.endswith((".html", ".vtt", ".json"))}
    assert "show/1/index.html" in held and "show/1/transcript.vtt" in held
    assert all(content == builder.out_dir / name for name, content in held.items())


def test_an_output_folder_that_went_is_made_again_whole(builder: IncrementalBuilder, tmp_path: Path) -> None:
    # A temp cleaner, say: the pages the builder let go of to the output must be made again, not copied from it.
    shutil.rmtree(builder.out_dir)
    result = builder.rebuild(edit_notes(builder.site_dir))
    assert result.ok, result.diagnostics.report()
    assert_same_as_full_build(builder, tmp_path)


def test_a_template_change_that_changes_no_page_writes_nothing(builder: IncrementalBuilder) -> None:
    # Every page is made again and compared with the file the output has: none differs, none is written.
    times = {p: p.stat().st_mtime_ns for p in builder.out_dir.rglob("*") if p.is_file()}
    result = builder.rebuild([Change(ChangeKind.TEMPLATE, builder.site_dir / "templates/episode.html")])
    assert result.ok
    assert len(builder.stats.rendered) == result.pages
    assert builder.stats.changed is False
    assert times == {p: p.stat().st_mtime_ns for p in builder.out_dir.rglob("*") if p.is_file()}


def test_runs_that_make_every_episode_page_hold_them_as_files_until_the_write(minimal_site: Path,
                                                                             tmp_path: Path) -> None:
    # A site.yaml edit, or a template change, while the preview serves (so with no workers): at 2,000 episodes
    # the pages and transcript files held as bytes until written came to 730 MB.
    held: list[dict[str, type]] = []

    def write(files: dict[str, bytes | Path], out: Path, previous: dict[str, bytes | Path] | None) -> WriteStats:
        held.append({name: type(content) for name, content in files.items() if re.match(r"show/\d+/", name)})
        return update_output(files, out, previous)

    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True, write=write)
    assert builder.build().ok
    replace(minimal_site / "site.yaml", "title: Minimal", "title: Minimal Again")
    assert builder.rebuild([Change(ChangeKind.CONFIG, minimal_site / "site.yaml")]).ok
    assert_same_as_full_build(builder, tmp_path)
    template = minimal_site / "templates/episode.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text('{% extends "theme/episode.html" %}{% block title %}Ep. {{ super() }}{% endblock %}\n',
                        encoding="utf-8")
    assert builder.rebuild([Change(ChangeKind.TEMPLATE, template)]).ok
    assert_same_as_full_build(builder, tmp_path)
    for files in held:
        assert "show/1/index.html" in files and "show/1/transcript.vtt" in files
        assert [name for name, kind in files.items() if issubclass(kind, bytes)] == []
    assert not (tmp_path / ".preview.made").exists()


def test_a_site_yaml_edit_makes_again_only_the_transcript_files_of_episodes_it_changes(
        minimal_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Made from their episode and the speakers' names alone; making them all again was 3 s of a site.yaml
    # edit's rebuild at 2,000 episodes.
    made: list[str] = []
    files_of = incremental.episode_files
    monkeypatch.setattr(incremental, "episode_files", lambda episode, names: made.append(episode.url)
                        or files_of(episode, names))
    transcript = minimal_site / "episodes/show/1/transcript.md"
    replace(transcript, "**Hana Host:** And we", "**Studio Crowd:** Cheers.\n\n**Hana Host:** And we")
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    assert builder.build().ok
    assert sorted(made) == ["show/1/", "show/2/"]
    made.clear()
    config = minimal_site / "site.yaml"
    replace(config, "title: Minimal", "title: Minimal Again")
    assert builder.rebuild([Change(ChangeKind.CONFIG, config)]).ok
    assert made == []
    assert_same_as_full_build(builder, tmp_path)
    replace(config, "transcripts:", "transcripts:\n  voices: [Studio Crowd]")  # an unknown speaker until now
    assert builder.rebuild([Change(ChangeKind.CONFIG, config)]).ok
    assert made == ["show/1/"]
    assert_same_as_full_build(builder, tmp_path)


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


def gone_and_back(builder: IncrementalBuilder, path: Path, kind: ChangeKind) -> BuildResult:
    """Deletes `path` and rebuilds, then puts it back and rebuilds (which must succeed); the first result."""
    saved = path.read_text(encoding="utf-8")
    path.unlink()
    gone = builder.rebuild([Change(kind, path)])
    path.write_text(saved, encoding="utf-8")
    assert builder.rebuild([Change(kind, path)]).ok
    return gone


def test_a_person_file_that_appears_fixes_the_episodes_that_named_it(builder: IncrementalBuilder,
                                                                    tmp_path: Path) -> None:
    assert not gone_and_back(builder, builder.site_dir / "people/gus-guest.yaml", ChangeKind.PERSON).ok
    assert_same_as_full_build(builder, tmp_path)


def test_ignored_changes_rebuild_nothing(builder: IncrementalBuilder) -> None:
    result = builder.rebuild([Change(ChangeKind.IGNORED, builder.site_dir / "episodes/show/1/.episode.md.swp")])
    assert result.ok
    assert (builder.stats.episodes_loaded, builder.stats.rendered, builder.stats.changed) == (0, (), False)


def scans(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Notes every scan of the episode folders the builders make from now on."""
    seen: list[Path] = []

    def counted(config: SiteConfig, shows: dict[str, Show], diags: Diagnostics) -> list[tuple[Show, Path]]:
        seen.append(config.root)
        return episode_folders(config, shows, diags)

    monkeypatch.setattr(incremental, "episode_folders", counted)
    return seen


def test_the_folders_are_scanned_again_only_when_one_may_have_come_or_gone(
        builder: IncrementalBuilder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = scans(monkeypatch)
    for edit in (edit_transcript, edit_notes, add_transcript):  # files in folders the last scan listed
        assert builder.rebuild(edit(builder.site_dir)).ok
    assert seen == []
    folder = builder.site_dir / "episodes/show/3"
    folder.mkdir()
    (folder / "episode.md").write_text("---\ntitle: The third one\n---\n", encoding="utf-8")
    assert builder.rebuild([Change(ChangeKind.EPISODE, folder / "episode.md")]).ok  # the folder's own event missed
    assert len(seen) == 1 and (tmp_path / "preview/show/3/index.html").is_file()
    assert_same_as_full_build(builder, tmp_path)


def test_an_episode_md_that_goes_is_noticed_and_one_that_comes_back_too(builder: IncrementalBuilder,
                                                                       tmp_path: Path) -> None:
    gone = gone_and_back(builder, builder.site_dir / "episodes/show/2/episode.md", ChangeKind.EPISODE)
    assert [d.message for d in gone.diagnostics.errors] == ["episode folder without episode.md"]
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
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    before = builder.build().files
    path = minimal_site / "episodes/show/1/episode.md"
    replace(path, "title: The first one", "title: The very first one")
    result = builder.rebuild([Change(ChangeKind.EPISODE, path)])
    assert result.ok, result.diagnostics.report()
    assert result.files["other/feed.xml"] is before["other/feed.xml"]  # taken from the memo, not made again
    assert result.files["show/feed.xml"] != before["show/feed.xml"]
    assert result.files["feed.xml"] != before["feed.xml"]
    assert_same_as_full_build(builder, tmp_path)


def test_a_report_follows_its_line_when_only_the_line_moves(minimal_site: Path, tmp_path: Path) -> None:
    """Feed checks read the line of the key they report from the file; the file can move it without a change
    to the model (a comment line), and the report must move with it."""
    path = minimal_site / "episodes/show/2/episode.md"
    replace(path, "published: 2024-02-05\n", "published: 2024-02-05\naudio:\n  url: https://cdn.example/2.mp3\n"
            "  bytes: 1000\nguid: shared\n")
    replace(minimal_site / "episodes/show/1/episode.md", "sponsors: [acme]\n", "sponsors: [acme]\nguid: shared\n")
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)

    def guid_reports(result: BuildResult) -> list[tuple[str, int]]:
        return [(d.location.path.name, d.location.line) for d in result.diagnostics.errors if "guid" in d.message]

    first = guid_reports(builder.build())
    assert first
    replace(path, "guid: shared", "# the same guid, one line further down\nguid: shared")
    replace(minimal_site / "episodes/show/1/episode.md", "guid: shared", "# here too\nguid: shared")
    moved = guid_reports(builder.rebuild([Change(ChangeKind.EPISODE, path),
                                          Change(ChangeKind.EPISODE, minimal_site / "episodes/show/1/episode.md")]))
    assert moved == guid_reports(build(minimal_site, None, base_url=BASE, drafts=True))
    assert [line for _, line in moved] == [line + 1 for _, line in first]


def test_an_audio_file_that_changes_is_copied_again(minimal_site: Path, tmp_path: Path) -> None:
    audio = minimal_site / "episodes/show/2/2.mp3"
    audio.write_bytes(b"one")
    replace(minimal_site / "episodes/show/2/episode.md", "published: 2024-02-05\n",
            "published: 2024-02-05\naudio:\n  file: 2.mp3\n  bytes: 3\n")
    builder = IncrementalBuilder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True)
    assert builder.build().ok
    audio.write_bytes(b"two")  # the same size, as the front matter says: the episode's model does not change
    assert builder.rebuild([Change(ChangeKind.EPISODE, audio)]).ok
    assert (tmp_path / "preview/show/2/2.mp3").read_bytes() == b"two"
    assert_same_as_full_build(builder, tmp_path)


def test_a_static_file_changed_beside_a_transcript_is_copied_too(builder: IncrementalBuilder, tmp_path: Path) -> None:
    result = builder.rebuild(edit_transcript(builder.site_dir) + add_static(builder.site_dir))
    assert result.ok and (tmp_path / "preview/assets/extra.css").is_file()
    assert_same_as_full_build(builder, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_every_kind_of_change_in_a_row_on_the_example_site(example_site: Path, tmp_path: Path, jobs: int) -> None:
    """One builder through a sequence of edits of the bundled example, compared after each step (with two
    workers, the first build and the one after site.yaml changed make the episode pages in them)."""
    builder = IncrementalBuilder(example_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=jobs)
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
