"""Fuzzing the readers of content: whatever the text, each gives a result or diagnostics, never an exception.
10,000 generated inputs in all (2,000 per reader), built from the pieces each format is made of, so that
most inputs come near what the reader looks for. Slow: run with -m slow (or -m '' as CI does)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.markup.markdown import Markup
from generator.model.transcript import Transcript
from generator.sources import YamlList, YamlMap, load_yaml, split_front_matter
from generator.transcripts.parser import parse_transcript
from generator.transcripts.readers import read_json, read_srt, read_vtt
from generator.transcripts.speakers import SpeakerIndex

pytestmark = pytest.mark.slow
EXAMPLES = 2_000
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SPEAKERS = SpeakerIndex(people={"Hana Host": "hana-host", "Gus": "gus-guest"})
MARKUP = Markup()

# Any character at all, now and then; mostly the ones the formats are made of.
ANY = st.characters(codec="utf-8")
NUMBERS = st.sampled_from(["0", "00", "59", "60", "99", "100", "1" * 400, "9" * 5000, "-1", "1e308", "NaN",
                           "Infinity", "²", "0.5", ".", ""])


def text_of(pieces: st.SearchStrategy[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(pieces, st.text(ANY, max_size=3)), max_size=max_size).map("".join)


def checked(result: Transcript | None, diags: Diagnostics) -> None:
    assert result is None or isinstance(result, Transcript)
    assert result is not None or diags.has_errors, "no transcript, so an error says why"


MARKDOWN_PIECES = st.one_of(
    st.sampled_from(["**Hana Host:** ", "**Gus:**", "**Break:** ", "**Nobody:** ", "\n", "\n\n", "\\[", "\\]",
                     "[", "]", "(", ")", "[a](", "[a](b)", "<", ">", "<a ", "*", "_", "`", "#", "> ", "- ", "1. ",
                     "|", "&amp;", "\\", ":", " ", "\t", "\r", "\x00", "\ue000", "\ue0010\ue001"]),
    st.builds(lambda h, m, s: f"\\[{h}:{m}:{s}\\] ", NUMBERS, NUMBERS, NUMBERS),
    st.builds(lambda m, s: f"[{m}:{s}] ", NUMBERS, NUMBERS),
)


@FUZZ
@given(text_of(MARKDOWN_PIECES))
def test_changelog_markdown_transcripts(text: str) -> None:
    diags = Diagnostics()
    checked(parse_transcript(text, Path("transcript.md"), SPEAKERS, MARKUP, diags, None), diags)


def stamp(separator: str) -> st.SearchStrategy[str]:
    return st.builds(lambda h, m, s, f: f"{h}:{m}:{s}{separator}{f}", NUMBERS, NUMBERS, NUMBERS, NUMBERS)


CUE_PIECES = st.one_of(
    st.sampled_from(["WEBVTT\n\n", "WEBVTT", "\n", "\n\n", " --> ", "-->", "NOTE ", "STYLE\n", "REGION\n", "<v Gus>",
                     "<v>", "<v.loud Hana Host>", "</v>", "<i>", "<b>", "<font color=red>", "{\\an8}", "Gus: ",
                     "Hana Host: ", "[Break]", "1\n", "&amp;", "<", ">", " ", "\r", "\ufeff"]),
    st.builds(lambda a, b: f"{a} --> {b}", stamp("."), stamp(".")),
    st.builds(lambda a, b: f"{a} --> {b}", stamp(","), stamp(",")),
)


@FUZZ
@given(text_of(CUE_PIECES), st.booleans())
def test_webvtt_transcripts(text: str, header: bool) -> None:
    diags = Diagnostics()
    checked(read_vtt(("WEBVTT\n\n" if header else "") + text, Path("transcript.vtt"), SPEAKERS, diags), diags)


@FUZZ
@given(text_of(CUE_PIECES))
def test_srt_transcripts(text: str) -> None:
    diags = Diagnostics()
    checked(read_srt(text, Path("transcript.srt"), SPEAKERS, diags), diags)


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(ANY, max_size=8),
              st.sampled_from(["Gus", "Hana Host", "hi.", ""])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["speaker", "startTime", "endTime", "body", "start",
                                                             "end", "text", "offsets", "from", "to", "segments",
                                                             "transcription", "version", "x"]), inner, max_size=5)),
    max_leaves=12)
SEGMENT = st.fixed_dictionaries({}, optional={
    "speaker": st.one_of(st.sampled_from(["Gus", "Hana Host", "Nobody"]), JSON_VALUES),
    "startTime": st.one_of(st.floats(), st.integers(), JSON_VALUES), "endTime": st.one_of(st.floats(), JSON_VALUES),
    "body": st.one_of(st.sampled_from(["hi", "word", "end.", "[a](", "<a "]), JSON_VALUES),
    "start": st.one_of(st.floats(), st.integers()), "end": st.floats(), "text": st.text(ANY, max_size=10),
    "offsets": st.fixed_dictionaries({"from": st.one_of(st.integers(), st.floats()), "to": st.integers()})})
JSON_DOCUMENTS = st.one_of(
    st.builds(lambda segments, key: {key: segments, "version": "1.0.0"}, st.lists(SEGMENT, max_size=12),
              st.sampled_from(["segments", "transcription"])),
    st.lists(SEGMENT, max_size=12), JSON_VALUES)


@FUZZ
@given(st.one_of(JSON_DOCUMENTS.map(json.dumps), text_of(st.sampled_from(
    ['{"segments": [', '{"startTime": ', "1" * 400, "NaN", "1e308", "[", "]", "{", "}", ",", '"body": "x"', '"',
     "\\", ":"]))))
def test_json_transcripts(text: str) -> None:
    diags = Diagnostics()
    checked(read_json(text, Path("transcript.json"), SPEAKERS, diags), diags)


YAML_PIECES = st.sampled_from(["---\n", "...\n", "title: ", "a: ", "- ", "  ", "\n", "[", "]", "{", "}", ",", ":", "? ",
                               "&a ", "*a", "!!python/object ", "!!binary ", "|", ">", "'", '"', "#", "%YAML 1.1\n",
                               "2024-13-01", "1" * 400, "9" * 5000, "<<: ", "\t", "\ufeff", "null", "yes", "~"])


@FUZZ
@given(text_of(YAML_PIECES, max_size=60))
def test_front_matter_and_yaml(text: str) -> None:
    diags = Diagnostics()
    parts = split_front_matter(text)
    data = load_yaml(parts.yaml_text if parts.yaml_text is not None else text, Path("episode.md"), diags,
                     parts.yaml_first_line or 1)
    assert data is None or isinstance(data, (YamlMap, YamlList, str, bytes, int, float, bool, dt.date))
    assert all(item.location.line >= 1 for item in diags.items)
