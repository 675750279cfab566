"""`podsite build` with nothing changed answers from the saved build state; anything that could change
the output makes it build again."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import signal
from pathlib import Path

import pytest
from conftest import tree

from generator.cache import state as uptodate
from generator.cache.state import cache_dir, installed_release, library_stamps, metadata_folders
from generator.cli import main
from generator.workers import EpisodeWorker


def build(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["build", "--site", "content", "--out", "output", *extra]) == 0
    return capsys.readouterr().out


def test_nothing_changed_is_answered_from_the_state(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "built output" in build(capsys)
    page = Path("output/show/1/index.html")
    before = page.stat().st_mtime_ns
    out = build(capsys)
    assert out.startswith("podsite: output is up to date: 10 pages, 2 episodes, ")
    assert page.stat().st_mtime_ns == before


def test_the_saved_report_repeats_the_warnings(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    first = capsys.readouterr().err
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    assert capsys.readouterr().err == first != ""


def test_touching_a_file_without_changing_it_is_not_a_change(minimal_site: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    build(capsys)
    transcript = minimal_site / "episodes/show/1/transcript.md"
    os.utime(transcript, ns=(transcript.stat().st_atime_ns, transcript.stat().st_mtime_ns + 10**9))
    assert "up to date" in build(capsys)


@pytest.mark.parametrize("change", ["transcript", "person", "site.yaml", "template", "new file", "deleted file"])
def test_any_input_change_builds_again(minimal_site: Path, capsys: pytest.CaptureFixture[str], change: str) -> None:
    build(capsys)
    if change == "transcript":
        path = minimal_site / "episodes/show/1/transcript.md"
        path.write_text(path.read_text() + "\n**Hana Host:** One more thing.\n")
    elif change == "person":
        path = minimal_site / "people/gus-guest.yaml"
        path.write_text(path.read_text().replace("Gus Guest", "Gus Guestly"))
    elif change == "site.yaml":
        path = minimal_site / "site.yaml"
        path.write_text(path.read_text().replace("title: Minimal", "title: Maximal"))
    elif change == "template":
        (minimal_site / "templates").mkdir()
        (minimal_site / "templates/404.html").write_text("gone")
    elif change == "new file":
        (minimal_site / "static").mkdir()
        (minimal_site / "static/extra.css").write_text("body{}")
    else:
        (minimal_site / "sponsors/acme.yaml").unlink()
        path = minimal_site / "episodes/show/1/episode.md"
        path.write_text(path.read_text().replace("sponsors: [acme]\n", ""))
    assert "built output" in build(capsys)


def test_a_touched_output_or_other_options_build_again(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(capsys)
    Path("output/show/1/index.html").write_text("edited by hand")
    assert "built output" in build(capsys)
    assert "Thanks for having me." in Path("output/show/1/index.html").read_text()
    assert "built output" in build(capsys, "--base-url", "https://elsewhere.example/")
    assert "built output" in build(capsys, "--drafts")


@pytest.mark.parametrize("damage", ["garbage", "tampered", "missing"])
def test_a_damaged_state_is_ignored(minimal_site: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    build(capsys)
    state = cache_dir(Path("output")) / uptodate.STATE_FILE
    if damage == "garbage":
        state.write_text("{not json")
    elif damage == "tampered":
        data = state.read_bytes()
        assert b'"pages": 10' in data
        state.write_bytes(data.replace(b'"pages": 10', b'"pages": 11'))
    else:
        state.unlink()
    assert "built output" in build(capsys)
    assert "up to date" in build(capsys)


def test_a_transcript_edited_while_the_build_runs_is_built_again(minimal_site: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The state holds each transcript as the build read it: an edit saved after that, however late in the
    build, makes the next build run, so it is never reported as built."""
    transcript = minimal_site / "episodes/show/1/transcript.md"
    real_run = EpisodeWorker.run

    def run_then_edit(worker: EpisodeWorker, index: int) -> object:
        outcome = real_run(worker, index)
        read = worker.site.episodes[index].transcript_path
        if read is not None and read.resolve() == transcript.resolve():
            transcript.write_text(transcript.read_text() + "\n**Hana Host:** Said after the page was made.\n")
            os.utime(transcript, ns=(transcript.stat().st_atime_ns, transcript.stat().st_mtime_ns + 10**9))
        return outcome

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(EpisodeWorker, "run", run_then_edit)
        assert "built output" in build(capsys)
    assert "Said after the page was made." not in Path("output/show/1/index.html").read_text()
    assert "built output" in build(capsys)
    assert "Said after the page was made." in Path("output/show/1/index.html").read_text()


@pytest.mark.parametrize("change", ["edit notes", "add person", "remove sponsor"])
def test_an_input_changed_while_the_build_runs_is_built_again(minimal_site: Path, capsys: pytest.CaptureFixture[str],
                                                              change: str) -> None:
    """Files the build read before its episode work (the notes, people, sponsors) may change while it runs;
    the output then holds what they said before, so the next build must not call it up to date."""
    notes = minimal_site / "episodes/show/1/episode.md"
    real_run = EpisodeWorker.run

    def run_then_change(worker: EpisodeWorker, index: int) -> object:
        outcome = real_run(worker, index)
        if index == 0:
            if change == "edit notes":
                notes.write_text(notes.read_text() + "- [Added during the build](https://example.org/late)\n")
            elif change == "add person":
                (minimal_site / "people/late-guest.yaml").write_text("name: Late Guest\n")
            else:
                (minimal_site / "sponsors/acme.yaml").unlink()
        return outcome

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(EpisodeWorker, "run", run_then_change)
        assert "built output" in main_output(capsys, "--jobs", "1")
    assert "Added during the build" not in Path("output/show/1/index.html").read_text()
    out = main_output(capsys)
    assert "up to date" not in out
    if change == "remove sponsor":
        assert "no sponsor 'acme'" in out
        return
    if change == "edit notes":
        assert "Added during the build" in Path("output/show/1/index.html").read_text()
    else:
        assert Path("output/people/late-guest/index.html").is_file()
    assert "up to date" in main_output(capsys)


def main_output(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """The build's summary line, whatever the exit code (a removed sponsor is an error)."""
    main(["build", "--site", "content", "--out", "output", *extra])
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_the_libraries_are_known_by_their_release_not_by_their_files_times(tmp_path: Path) -> None:
    # A fresh install of the same release (every CI run) must keep the caches; another release must not.
    package = tmp_path / "fake_lib"
    package.mkdir()
    origin = package / "__init__.py"
    origin.write_text("")
    record = tmp_path / "Fake_Lib-1.0.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("fake_lib/__init__.py,sha256=abc,0\n")

    def stamp() -> str:
        return installed_release(origin, "fake-lib", metadata_folders(tmp_path))

    first = stamp()
    assert "Fake_Lib-1.0.dist-info" in first
    os.utime(origin, ns=(10**18, 10**18))
    os.utime(record, ns=(10**18, 10**18))
    assert stamp() == first
    record.write_text("fake_lib/__init__.py,sha256=def,0\n")  # a build of the same version, other files
    assert stamp() != first
    record.parent.rename(tmp_path / "Fake_Lib-1.1.dist-info")
    assert "Fake_Lib-1.1.dist-info" in stamp()
    (tmp_path / "Fake_Lib-1.1.dist-info" / "RECORD").unlink()
    (tmp_path / "Fake_Lib-1.1.dist-info").rename(tmp_path / "fake.lib-1.2.egg-info")  # a system package's: no RECORD
    assert stamp().startswith("fake.lib-1.2.egg-info:")
    (tmp_path / "fake.lib-1.2.egg-info").rmdir()
    without = stamp()  # no metadata: the file's size and time are all there is to go by
    os.utime(origin, ns=(2 * 10**18, 2 * 10**18))
    assert stamp() != without


def test_the_stamps_name_the_installed_releases() -> None:
    stamps = dict(stamp.split(":", 1) for stamp in library_stamps())
    assert list(stamps) == ["jinja2", "markupsafe", "markdown", "yaml"]
    for module, distribution in (("jinja2", "jinja2"), ("markdown", "markdown"), ("yaml", "pyyaml")):
        assert f"-{importlib.metadata.version(distribution)}." in stamps[module]


@pytest.mark.parametrize("change", ["notes edited", "episode removed", "episode added"])
def test_a_build_that_keeps_episodes_leaves_a_state_that_is_up_to_date(example_site: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      change: str) -> None:
    """The build after the no-change check takes the output folder as the check found it: the files to
    delete, and the state it saves, come from that one look. The next check must find the output as saved."""
    assert "built output" in build(capsys)
    untouched = Path("output/practicalai/1/transcript.vtt")
    made = untouched.stat().st_mtime_ns
    episodes = example_site / "episodes/practicalai"
    if change == "notes edited":
        with (episodes / "36/episode.md").open("a", encoding="utf-8") as handle:
            handle.write("\nOne more line of notes.\n")
    elif change == "episode removed":
        shutil.rmtree(episodes / "107")
    else:
        shutil.copytree(episodes / "107", episodes / "108")
        notes = episodes / "108/episode.md"
        notes.write_text(notes.read_text().replace("number: 107", "number: 108"))
    looks: list[Path] = []
    real_scan = uptodate.scan

    def scan(folder: Path, skip_hidden: bool) -> uptodate.Stats:
        looks.append(folder)
        return real_scan(folder, skip_hidden)

    monkeypatch.setattr(uptodate, "scan", scan)
    assert "built output" in build(capsys)
    assert untouched.stat().st_mtime_ns == made  # its episode was kept, and the output changed in place
    assert looks.count(Path("output")) == 1  # the check's look, and no other
    assert "up to date" in build(capsys)
    clean = tmp_path / "clean"
    assert main(["build", "--site", "content", "--out", str(clean), "--jobs", "1"]) == 0
    assert tree(Path("output")) == tree(clean)


@pytest.mark.parametrize("trouble", ["fork refused", "other process fails"])
def test_the_inputs_are_scanned_here_when_the_other_process_cannot(minimal_site: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  trouble: str) -> None:
    """The no-change check scans the inputs in a forked process while it looks at the output."""
    build(capsys)
    out = Path("output")
    state = uptodate.load_state(out)
    assert state is not None
    key = uptodate.options_key(Path("content"), out, None, False)
    expected = uptodate.input_stats(map(Path, state.roots))
    with monkeypatch.context() as patched:
        if trouble == "fork refused":
            def refuse() -> int:
                raise OSError("no more processes")
            patched.setattr(os, "fork", refuse)  # the os module the check forks with
        else:
            here, real = os.getpid(), uptodate.input_stats
            patched.setattr(uptodate, "input_stats", lambda roots: real(roots) if os.getpid() == here else os._exit(3))
        look = uptodate.look_at_output(state, key, out)
    assert look.inputs == expected and look.as_left
    assert uptodate.is_current(state, look)
    assert "up to date" in build(capsys)


def test_a_failing_look_at_the_output_does_not_wait_for_the_other_scan_forever(
        minimal_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The forked scan may have more to send than the pipe holds; when the scan here fails first, the
    pipe is closed before the wait, so that the other process ends."""
    build(capsys)
    state = uptodate.load_state(Path("output"))
    assert state is not None
    many = {f"/somewhere/file-{n}.md": (n, n) for n in range(20_000)}  # some 700 kB marshalled
    here = os.getpid()

    def fail_here(out_dir: Path) -> uptodate.Stats:
        raise RuntimeError("the output could not be read")

    def timed_out(signum: int, frame: object) -> None:
        raise TimeoutError("still waiting for the other process")

    monkeypatch.setattr(uptodate, "input_stats", lambda roots: many if os.getpid() != here else {})
    monkeypatch.setattr(uptodate, "output_files", fail_here)
    previous = signal.signal(signal.SIGALRM, timed_out)
    signal.alarm(20)
    try:
        with pytest.raises(RuntimeError, match="could not be read"):
            uptodate.look_at_output(state, state.key, Path("output"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
