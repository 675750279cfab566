"""Issue 18, hostile content: no content file makes the build crash or stall; every problem is reported at
the content file and line that causes it, and the build exits 1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import pytest
from conftest import copy_site, previewing

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.sources import load_yaml

EPISODE = "episodes/show/1/episode.md"
FOLDER = "episodes/show/1"
BIG = "1" * 400  # a number no float holds


def front_matter(extra: str, body: str = "Notes.") -> str:
    return f"---\ntitle: T\npublished: 2024-01-05\n{extra}\n---\n{body}\n"


def audio(bytes_: str = "1000", duration: str = "100") -> str:
    return f"audio:\n  url: https://cdn.example/1.mp3\n  bytes: {bytes_}\n  duration: {duration}"


def build_with(tmp_path: Path, files: Mapping[str, str | bytes], capsys: pytest.CaptureFixture[str],
               remove: tuple[str, ...] = ()) -> tuple[int, str]:
    """Builds the minimal site with `files` written over it (and `remove` deleted); the exit code and stderr.
    In this process, so that any exception would fail the test with its traceback."""
    site = copy_site(tmp_path)
    for name in remove:
        (site / name).unlink()
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    capsys.readouterr()
    code = main(["build", "--site", "content", "--out", "output"])
    return code, capsys.readouterr().err


TRANSCRIPT = f"{FOLDER}/transcript.md"
HOSTILE_NUMBERS = {
    "duration": ({EPISODE: front_matter(audio(duration=BIG))}, "episode.md:7: error: 'duration' must be"),
    "duration 1e308": ({EPISODE: front_matter(audio(duration="1.0e+308"))}, "episode.md:7: error: 'duration' must be"),
    "bytes": ({EPISODE: front_matter(audio(bytes_=BIG))}, "episode.md:6: error: 'bytes' must be a whole number"),
    "chapter start": ({EPISODE: front_matter(f"chapters:\n  - start: {BIG}\n    title: x")},
                      "episode.md:5: error: a chapter needs 'start'"),
    "soundbite start": ({EPISODE: front_matter(f"soundbites:\n  - start: {BIG}\n    duration: 10")},
                        "episode.md:5: error: a soundbite needs 'start'"),
    "episode number": ({EPISODE: front_matter(f"number: {BIG}")}, "episode.md:4: error: 'number' must be"),
    "episode number of 5,000 digits": ({EPISODE: front_matter("number: " + "9" * 5000)},
                                       "episode.md:4: error: 'number' must be"),
    "season": ({EPISODE: front_matter(f"season: {BIG}")}, "episode.md:4: error: 'season' must be"),
    "chapters.json startTime": ({f"{FOLDER}/chapters.json": '{"chapters": [{"startTime": ' + BIG + ', "title": "a"}]}'},
                                'chapters.json:1: error: a chapter\'s "startTime" must be'),
    "chapters.json 1e308": ({f"{FOLDER}/chapters.json": '{"chapters": [{"startTime": 0, "title": "a"},\n'
                                                        '{"startTime": 1e308, "title": "b"}]}'},
                            'chapters.json:2: error: a chapter\'s "startTime" must be'),
    "chapters.json NaN": ({f"{FOLDER}/chapters.json": '{"chapters": [{"startTime": NaN, "title": "a"}]}'},
                          'chapters.json:1: error: a chapter\'s "startTime" must be'),
    "transcript.json startTime": (
        {f"{FOLDER}/transcript.json": '{"version": "1.0.0", "segments": [{"startTime": ' + BIG + ', "body": "hi"}]}'},
        'transcript.json:1: error: segment 1: "startTime" must be'),
    "transcript.json 1e308": (
        {f"{FOLDER}/transcript.json": '{"version": "1.0.0", "segments": [{"startTime": 1e308, "body": "hi"}]}'},
        'transcript.json:1: error: segment 1: "startTime" must be'),
    "transcript.json NaN": (
        {f"{FOLDER}/transcript.json": '{"version": "1.0.0", "segments": [{"startTime": NaN, "body": "hi"}]}'},
        'transcript.json:1: error: segment 1: "startTime" must be'),
    "whisper start": ({f"{FOLDER}/transcript.json": '{"segments": [{"start": ' + BIG + ', "end": 1, "text": "hi"}]}'},
                      'transcript.json:1: error: segment 1: "start" must be'),
    "whisper.cpp offsets": (
        {f"{FOLDER}/transcript.json": '{"transcription": [{"offsets": {"from": 1e300, "to": 1}, "text": "hi"}]}'},
        'transcript.json:1: error: segment 1: "offsets.from" must be'),
    "WebVTT hour": ({f"{FOLDER}/transcript.vtt": f"WEBVTT\n\n{BIG}:00:00.000 --> {BIG}:00:01.000\nhi\n"},
                    "transcript.vtt:3: error: a cue time must be"),
    "WebVTT hour of 5,000 digits": ({f"{FOLDER}/transcript.vtt": "WEBVTT\n\n" + "9" * 5000 + ":00:00.000 --> "
                                     "00:01.000\nhi\n"}, "transcript.vtt:3: error: a cue time must be"),
}


@pytest.mark.parametrize("case", HOSTILE_NUMBERS, ids=list(HOSTILE_NUMBERS))
def test_numbers_out_of_range_are_errors_at_their_line(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    files, expected = HOSTILE_NUMBERS[case]
    remove = (TRANSCRIPT,) if any(name.startswith(f"{FOLDER}/transcript.") for name in files) else ()
    code, err = build_with(tmp_path, files, capsys, remove)
    assert code == 1
    assert expected in err
    assert "template error" not in err and "Traceback" not in err
    assert "1111111111" not in err, "the message names the problem, not the 400 digits"


@pytest.mark.parametrize("name", ["chapters.json", "transcript.json"])
def test_json_nested_100000_deep_is_an_error_at_its_line(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = build_with(tmp_path, {f"{FOLDER}/{name}": "\n" + "[" * 100_000}, capsys,
                           (TRANSCRIPT,) if name == "transcript.json" else ())
    assert code == 1
    assert f"{name}:2: error: JSON nested more than 64 levels deep" in err


def test_json_as_deep_as_allowed_is_read() -> None:
    from generator.sources import parse_json
    assert parse_json("[" * 64 + "]" * 64) is not None
    assert parse_json('{"a": "' + "[" * 1000 + '"}') == {"a": "[" * 1000}  # brackets in strings do not count


def test_site_yaml_not_in_utf8_is_an_error_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    latin1 = "title: Caf\xe9\nbase_url: https://podcast.example/\n".encode("latin-1")
    code, err = build_with(tmp_path, {"site.yaml": latin1}, capsys)
    assert code == 1
    assert "site.yaml:1: error: not valid UTF-8: byte 0xE9 at column 11" in err


def test_chapters_json_not_in_utf8_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = build_with(tmp_path, {f"{FOLDER}/chapters.json": b'{"chapters": [\n{"title": "\xe9"}]}'}, capsys)
    assert code == 1
    assert "chapters.json:2: error: not valid UTF-8" in err


@pytest.mark.parametrize("out", ["taken", "taken/below"])
def test_out_naming_a_file_is_an_error(out: str, minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (minimal_site.parent / "taken").write_text("a file\n", encoding="utf-8")
    assert main(["build", "--site", "content", "--out", out]) == 1
    assert f"{out}: error: the output folder {out} cannot be made" in capsys.readouterr().err
    assert (minimal_site.parent / "taken").read_text(encoding="utf-8") == "a file\n"


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))


def test_yaml_alias_bomb_is_refused_at_its_first_alias(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = build_with(tmp_path, {EPISODE: "---\ntitle: T\n" + BILLION_LAUGHS + "---\n"}, capsys)
    assert code == 1
    assert "episode.md:4: error: YAML syntax: alias *a is not allowed" in err


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x {k: 1}\nb: *x\n"])
def test_any_yaml_alias_is_refused_where_it_is_written(text: str) -> None:
    diags = Diagnostics()
    assert load_yaml(text, Path("p.yaml"), diags) is None
    assert diags.report().startswith("p.yaml:2: error: YAML syntax: alias *x is not allowed")


@pytest.mark.parametrize("text", ["a: " + "[" * 100_000, "a: " + "[" * 65 + "]" * 65,
                                  "a:\n" + "".join(" " * i + "-\n" for i in range(2000))])
def test_yaml_nested_too_deep_is_an_error_not_a_crash(text: str) -> None:
    diags = Diagnostics()
    assert load_yaml(text, Path("p.yaml"), diags) is None
    assert "nested more than 64 levels deep" in diags.report()


def test_yaml_key_that_is_a_list_is_an_error() -> None:
    diags = Diagnostics()
    assert load_yaml("? [a, b]\n: 1\n", Path("p.yaml"), diags) is None
    assert diags.report().startswith("p.yaml:1: error: YAML syntax: a key must be plain text")


WORD = '{"speaker": "Hana Host", "startTime": %d, "endTime": %d, "body": "word"}'
STALLS = {
    "[a]( 10,000 times in the notes": ({EPISODE: front_matter("", "[a](" * 10_000)}, ()),
    "[a]( 10,000 times in a transcript paragraph": ({TRANSCRIPT: "**Hana Host:** " + "[a](" * 10_000 + "\n"}, ()),
    "<a 10,000 times in the notes": ({EPISODE: front_matter("", "x <a " * 10_000)}, ()),
    "80,000 words and no full stop": (
        {f"{FOLDER}/transcript.json": '{"version": "1.0.0", "segments": [' + ",".join(
            WORD % (i // 10, i // 10 + 1) for i in range(80_000)) + "]}"}, (TRANSCRIPT,)),
    "a YAML alias bomb": ({EPISODE: "---\ntitle: T\n" + BILLION_LAUGHS + "---\n"}, ()),
}


@pytest.mark.parametrize("case", STALLS, ids=list(STALLS))
def test_pathological_content_builds_in_linear_time(case: str, tmp_path: Path) -> None:
    """Each of these took from 20 s to minutes (quadratic or exponential); now a few seconds. Built by the
    CLI in a process of its own, which a generous timeout stops."""
    files, remove = STALLS[case]
    site = copy_site(tmp_path)
    for name in remove:
        (site / name).unlink()
    for name, content in files.items():
        (site / name).write_text(content, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--site", "content", "--out", "output"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=20, check=False)
    assert "Traceback" not in done.stderr
    assert done.returncode == (0 if case.startswith("80,000") else 1), done.stderr


def test_markdown_paragraph_too_costly_is_reported_and_kept_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = build_with(tmp_path, {EPISODE: front_matter("", "Fine.\n\n" + "[a](" * 10_000)}, capsys)
    assert code == 1
    assert "episode.md:7: error: this paragraph has too many [ and < for its length" in err
    from generator.markup.markdown import Markup
    assert "[a]([a](" in Markup().render("[a](" * 10_000), "the author's text is shown, not dropped"


def test_word_level_transcript_without_full_stops_is_read_in_paragraphs(tmp_path: Path) -> None:
    from generator.transcripts.readers import read_podcastindex_json
    from generator.transcripts.speakers import SpeakerIndex
    text = '{"segments": [' + ",".join(WORD % (i, i + 1) for i in range(1000)) + "]}"
    diags = Diagnostics()
    transcript = read_podcastindex_json(text, tmp_path / "transcript.json", SpeakerIndex(),
                                        diags)
    assert transcript is not None
    paragraphs = [p for turn in transcript.turns for p in turn.paragraphs]
    assert len(paragraphs) == 5
    assert paragraphs[0].text == " ".join(["word"] * 200) and paragraphs[1].start == 200


# -- the importer --------------------------------------------------------------------------------

FEED_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Show</title><link>https://podcast.example/</link><description>A show.</description>
<item><title>One</title><guid>one</guid><pubDate>Fri, 05 Jan 2024 10:00:00 GMT</pubDate>
<itunes:episode>{episode}</itunes:episode>
<enclosure url="https://cdn.example/1.mp3" length="{length}" type="audio/mpeg"/></item>
</channel></rss>
"""


@pytest.mark.parametrize(("episode", "length"), [("²", "1000"), ("1", "³"), ("9" * 300, "1000"),
                                                 ("9" * 5000, "1000"), ("1", "9" * 5000)],
                         ids=["superscript episode", "superscript length", "300 digits", "5,000 digits",
                              "5,000-digit length"])
def test_import_takes_no_number_it_cannot_hold(episode: str, length: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feed.xml").write_text(FEED_ITEM.format(episode=episode, length=length), encoding="utf-8")
    assert main(["import", "feed", "feed.xml", "--site", "site", "--show", "show"]) == 0, capsys.readouterr().err
    written = next((tmp_path / "site" / "episodes" / "show").iterdir())
    front = (written / "episode.md").read_text(encoding="utf-8")
    assert len(written.name) < 20 and "9" * 20 not in front
    assert "²" not in front and "³" not in front


# -- a failure of podsite's own is still a report -----------------------------------------------------

def test_a_crash_reading_an_episode_is_an_error_at_its_file_and_the_build_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import generator.content.episodes
    import generator.diagnostics
    monkeypatch.chdir(tmp_path)
    log = tmp_path / "crashes.log"
    monkeypatch.setattr(generator.diagnostics, "CRASH_LOG", log)
    real_audio = generator.content.episodes._audio

    def audio_that_fails_for_episode_1(fields: object, folder: Path, config: object) -> object:
        if folder.name == "1":
            raise RuntimeError("an unforeseen case")
        return real_audio(fields, folder, config)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.content.episodes, "_audio", audio_that_fails_for_episode_1)
    code, err = build_with(tmp_path, {}, capsys)
    assert code == 1
    assert ("content/episodes/show/1/episode.md: error: podsite failed on this file (RuntimeError: an unforeseen "
            f"case); please report this\n    hint: with the file, and the traceback written to {log}") in err
    assert "Traceback" not in err and "1 error in 1 file" in err  # episode 2 was read, and has none
    assert "in audio_that_fails_for_episode_1" in log.read_text(encoding="utf-8")


def test_a_crash_reading_a_transcript_is_an_error_at_the_transcript(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import generator.diagnostics
    import generator.transcripts.readers
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(generator.diagnostics, "CRASH_LOG", tmp_path / "crashes.log")

    def fails(*args: object, **kwargs: object) -> None:
        raise RecursionError("deep")

    monkeypatch.setattr(generator.transcripts.readers, "parse_transcript", fails)
    code, err = build_with(tmp_path, {}, capsys)
    assert code == 1
    assert "content/episodes/show/1/transcript.md: error: podsite failed on this file (RecursionError: deep)" in err


def test_the_preview_answers_a_path_of_5000_segments(minimal_site: Path) -> None:
    from test_serve import fetch
    with previewing(minimal_site) as running:
        status, _, body = fetch(running.url, "/a" * 5000)
        assert status == 404 and b"podsite" in body
        assert fetch(running.url, "/show/1/")[0] == 200  # and goes on serving


def test_a_crash_in_a_preview_rebuild_shows_on_open_pages(minimal_site: Path, monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    from test_serve import Events

    import generator.diagnostics
    monkeypatch.setattr(generator.diagnostics, "CRASH_LOG", tmp_path / "crashes.log")
    with previewing(minimal_site) as running:
        events = Events(running.url)

        def fails(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a bug")

        monkeypatch.setattr(running.builder, "build", fails)
        episode = minimal_site / EPISODE
        episode.write_text(episode.read_text(encoding="utf-8") + "More.\n", encoding="utf-8")
        problems = events.wait("problems")["problems"]
        events.close()
    assert [(p["location"], p["message"]) for p in cast(list[dict[str, str]], problems)] == [
        ("content/episodes/show/1/episode.md", "podsite failed on this file (RuntimeError: a bug); please report this")]


@pytest.mark.parametrize(("name", "text", "expected"), [
    (EPISODE, front_matter(f"summary: '{'[a](' * 10_000}'"), "episode.md:4: error: this paragraph has too many"),
    ("people/gus-guest.yaml", f"name: Gus Guest\nbio: '{'<a ' * 10_000}'\n", "gus-guest.yaml:2: error: this paragraph"),
])
def test_markdown_in_yaml_too_costly_is_reported_at_its_key(name: str, text: str, expected: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = build_with(tmp_path, {name: text}, capsys)
    assert code == 1
    assert expected in err
