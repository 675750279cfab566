"""Every Markdown transcript of ../shared/corpus, written as WebVTT, SRT and Podcast Index JSON and read
back, gives the same speakers, text and times, paragraph by paragraph.

Speakers are compared by who they resolve to: every label of a file is made a person (as a site would
register its speakers), the writers show each person under one name, and reading that name must give the
same person back. Text is compared with whitespace collapsed (a cue is one line); times to the format's
precision: milliseconds in WebVTT and SRT, and in JSON exactly the number written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_transcript_formats import webvtt_problems

from generator.diagnostics import Diagnostics
from generator.markup.markdown import Markup
from generator.model.transcript import Transcript
from generator.transcripts.parser import parse_transcript
from generator.transcripts.readers import read_json, read_srt, read_vtt
from generator.transcripts.speakers import SpeakerIndex, normalize_label
from generator.transcripts.writers import write_podcastindex_json, write_srt, write_vtt

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "transcripts"
FILES = sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"the transcript corpus is not at {CORPUS}")

# Files with the shapes that are hardest to carry through captions, checked on every run: a file opening
# with a bare time, breaks with times and text, Changelog News (bare breaks, stories under a break, lists),
# times past the hour and going backwards, a movie-quote label ending in "!", "<<…>>" in the text,
# lower-case and emoji labels.
SAMPLE = {
    "bigtent/big-tent-s1e6.md", "gotime/go-time-20.md", "gotime/go-time-93.md", "news/changelog-news-44.md",
    "news/changelog-news-161.md", "podcast/the-changelog-399.md", "shipit/ship-it-100.md",
    "jsparty/js-party-185.md", "practicalai/practical-ai-16.md",
}
FORMATS = {
    "vtt": (write_vtt, read_vtt),
    "srt": (write_srt, read_srt),
    "json": (write_podcastindex_json, read_json),
}


def speakers_of(transcript: Transcript) -> tuple[SpeakerIndex, dict[str, str]]:
    """Every label that resolves to nobody made a person (slug: the normalized label), and their names."""
    names: dict[str, str] = {}
    for turn in transcript.turns:
        if turn.kind == "unknown":
            names.setdefault(normalize_label(turn.label), turn.label)
    return SpeakerIndex(people={name: slug for slug, name in names.items()}), names


def paragraphs(transcript: Transcript) -> list[tuple[object, str, int]]:
    """(who, text, start in ms) of every paragraph."""
    return [(turn.person or (turn.kind, normalize_label(turn.label)), " ".join(p.text.split()), round(p.start * 1000))
            for turn in transcript.turns for p in turn.paragraphs]


def check_round_trip(path: Path, markup: Markup) -> None:
    source = path.read_text(encoding="utf-8")
    first = parse_transcript(source, path, SpeakerIndex(), markup, Diagnostics())
    speakers, names = speakers_of(first)
    diags = Diagnostics()
    transcript = parse_transcript(source, path, speakers, markup, diags)
    backwards = any("goes backwards" in d.message for d in diags.items)
    expected = paragraphs(transcript)
    for name, (write, read) in FORMATS.items():
        written = write(transcript, None, names)
        back_diags = Diagnostics()
        back = read(written, path.with_suffix("." + name), speakers, back_diags)
        assert back is not None, f"{path} as {name}: {back_diags.report()}"
        got = paragraphs(back)
        mismatch = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), None)
        assert mismatch is None and len(got) == len(expected), (
            f"{path} as {name}, paragraph {mismatch}: {expected[mismatch] if mismatch is not None else len(expected)}"
            f" != {got[mismatch] if mismatch is not None else len(got)}")
        # Reading back warns only where the source's own times go backwards.
        assert all("goes backwards" in d.message for d in back_diags.items) and (
            backwards or not back_diags.items), f"{path} as {name}: {back_diags.report()}"
        if name == "vtt":
            assert webvtt_problems(written, ordered=not backwards) == [], path
        if name == "json":
            starts = [segment["startTime"] for segment in json.loads(written)["segments"]]
            assert [p.start for p in back.paragraphs()] == starts, path


@pytest.fixture(scope="module")
def markup() -> Markup:
    return Markup()


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_round_trip_sample(name: str, markup: Markup) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    check_round_trip(path, markup)


@pytest.mark.slow
def test_round_trip_whole_corpus(markup: Markup) -> None:
    for path in FILES:
        check_round_trip(path, markup)
