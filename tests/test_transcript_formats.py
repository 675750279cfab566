"""WebVTT, SRT and JSON transcripts: each reader on small samples, each broken input with its exact
diagnostics, the writers' exact output, and the episode folder (one transcript, any format)."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_site

from generator.build import load_site
from generator.diagnostics import Diagnostics
from generator.markup.markdown import Markup
from generator.model.transcript import Transcript
from generator.transcripts.parser import parse_transcript
from generator.transcripts.readers import (
    find_transcript,
    read_json,
    read_podcastindex_json,
    read_srt,
    read_transcript,
    read_vtt,
    read_whisper_json,
)
from generator.transcripts.speakers import SpeakerIndex
from generator.transcripts.writers import transcript_files, write_podcastindex_json, write_srt, write_text, write_vtt

SPEAKERS = SpeakerIndex(people={"Hana Host": "hana", "Gus Guest": "gus", "Gus": "gus", "sam boyer": "sam"})
NAMES = {"hana": "Hana Host", "gus": "Gus Guest", "sam": "Sam Boyer"}
VTT = Path("episodes/show/1/transcript.vtt")
SRT = Path("episodes/show/1/transcript.srt")
JSON = Path("episodes/show/1/transcript.json")


Reader = Callable[[str, Path, SpeakerIndex, Diagnostics, float | None], Transcript | None]


def read(reader: Reader, text: str, path: Path, duration: float | None = None) -> tuple[Transcript | None, Diagnostics]:
    diags = Diagnostics()
    return reader(text, path, SPEAKERS, diags, duration), diags


def read_ok(reader: Reader, text: str, path: Path, duration: float | None = None) -> tuple[Transcript, Diagnostics]:
    """As read, for a text that must give a transcript (whatever its warnings)."""
    t, diags = read(reader, text, path, duration)
    assert t is not None, f"no transcript read: {report(diags)}"
    return t, diags


def turns(t: Transcript) -> list[tuple[str, str, str | None, list[tuple[int, float, bool, float | None, str]]]]:
    """(kind, label, person, [(line, start, exact, end, text)]) of every turn."""
    return [(turn.kind, turn.label, turn.person, [(p.line, round(p.start, 3), p.exact, p.end, p.text)
                                                  for p in turn.paragraphs]) for turn in t.turns]


def report(diags: Diagnostics) -> list[str]:
    return [d.format() for d in diags.items]


# -- WebVTT ----------------------------------------------------------------------------------------

def test_vtt_speakers_times_and_text() -> None:
    text = ("WEBVTT\n\n"
            "00:00:01.000 --> 00:00:04.000\n<v Hana Host>Welcome to the show,\nfolks.\n\n"
            "00:00:04.500 --> 00:00:06.250\n<v Gus>Thanks</v> for having me.\n\n"
            "00:00:06.250 --> 00:00:08.000\n<v Gus Guest>Twice.\n\n"
            "01:02:03.004 --> 01:02:05.000\n<v Hana Host>An hour in.\n")
    t, diags = read_ok(read_vtt, text, VTT)
    assert diags.items == []
    assert turns(t) == [
        ("person", "Hana Host", "hana", [(3, 1.0, True, 4.0, "Welcome to the show, folks.")]),
        ("person", "Gus", "gus", [(7, 4.5, True, 6.25, "Thanks for having me."), (10, 6.25, True, 8.0, "Twice.")]),
        ("person", "Hana Host", "hana", [(13, 3723.004, True, 5.0 + 3720, "An hour in.")]),
    ]
    assert [p.anchor for p in t.paragraphs()] == ["t-00-01", "t-00-04", "t-00-06", "t-1-02-03"]
    assert [p.time_text for p in t.paragraphs()] == ["00:01", "00:04", "00:06", "1:02:03"]
    assert t.has_times and t.path == VTT


def test_vtt_header_comments_styles_regions_identifiers_and_settings_are_skipped() -> None:
    text = ("\ufeffWEBVTT - Episode 1\r\nKind: captions\r\nLanguage: en\r\n\r\n"
            "REGION\r\nid:fred\r\nwidth:40%\r\n\r\n"
            "STYLE\r\n::cue { color: yellow }\r\n\r\n"
            "NOTE This is a comment\r\nthat spans two lines\r\n\r\n"
            "intro-1\r\n00:01.000 --> 00:02.500 region:fred align:left position:10%,line-left\r\n"
            "<v.loud.shout Hana Host>Hi!\r\n\r\n"
            "NOTE\r\nanother comment\r\n\r\n"
            "00:03.000 --> 00:04.000 line:0\r\n<v Gus>Hello.\r\n")
    t, diags = read_ok(read_vtt, text, VTT)
    assert diags.items == []
    assert turns(t) == [("person", "Hana Host", "hana", [(16, 1.0, True, 2.5, "Hi!")]),
                        ("person", "Gus", "gus", [(22, 3.0, True, 4.0, "Hello.")])]


def test_vtt_lone_carriage_returns_end_lines_too() -> None:
    t, diags = read_ok(read_vtt, "WEBVTT\r\r00:01.000 --> 00:02.000\r<v Gus>One\rtwo\r", VTT)
    assert turns(t) == [("person", "Gus", "gus", [(3, 1.0, True, 2.0, "One two")])] and diags.items == []


def test_vtt_inline_tags_keep_their_text_and_the_text_is_escaped_for_html() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\n"
            "<v Gus><i>So</i> <b>the</b> <c.yellow.bg_blue>&lt;script&gt;</c> tag &amp; <u>co</u>"
            "<00:01.500> <ruby>漢<rt>kan</rt></ruby> <lang en>ok</lang>&nbsp;&lrm;done\n")
    t, _ = read_ok(read_vtt, text, VTT)
    (p,) = t.paragraphs()
    assert p.text == "So the <script> tag & co 漢kan ok \u200edone"  # a no-break space is a space
    assert p.html == "<p>So the &lt;script&gt; tag &amp; co 漢kan ok \u200edone</p>"


def test_vtt_cue_without_voice_continues_the_speaker_before_and_opens_with_nobody() -> None:
    text = ("WEBVTT\n\n00:00.000 --> 00:01.000\nCold open.\n\n"
            "00:01.000 --> 00:02.000\n<v Hana Host>Hi.\n\n00:02.000 --> 00:03.000\nStill Hana.\n")
    t, diags = read_ok(read_vtt, text, VTT)
    assert turns(t) == [("none", "", None, [(3, 0.0, True, 1.0, "Cold open.")]),
                        ("person", "Hana Host", "hana", [(6, 1.0, True, 2.0, "Hi."),
                                                         (9, 2.0, True, 3.0, "Still Hana.")])]
    assert diags.items == []


def test_vtt_bracketed_break_label_opens_a_break_turn() -> None:
    text = ("WEBVTT\n\n00:00.000 --> 00:01.000\n<v Gus>Before.\n\n00:01.000 --> 00:05.000\n[Music]\n\n"
            "00:05.000 --> 00:06.000\n[Break] 00:06\n\n00:06.000 --> 00:07.000\n[laughs] not a break\n")
    t, _ = read_ok(read_vtt, text, VTT)
    assert [(k, label, [x[4] for x in paras]) for k, label, _, paras in turns(t)] == [
        ("person", "Gus", ["Before."]), ("break", "Music", [""]), ("break", "Break", ["00:06", "[laughs] not a break"])]


def test_vtt_two_voices_in_one_cue_make_two_paragraphs_the_second_estimated() -> None:
    text = "WEBVTT\n\n00:10.000 --> 00:14.000\n<v Hana Host>One two three.\n<v Gus>Four five six.\n"
    t, _ = read_ok(read_vtt, text, VTT)
    assert turns(t) == [("person", "Hana Host", "hana", [(3, 10.0, True, None, "One two three.")]),
                        ("person", "Gus", "gus", [(5, 10.0 + 3 / 2.5, False, 14.0, "Four five six.")])]


def test_vtt_unknown_speaker_warned_once_per_file_at_its_first_cue() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Zed>One.\n\n00:02.000 --> 00:03.000\n<v Gus>Two.\n\n"
            "00:03.000 --> 00:04.000\n<v zed>Three.\n")
    t, diags = read_ok(read_vtt, text, VTT)
    assert [(turn.kind, turn.label) for turn in t.turns] == [("unknown", "Zed"), ("person", "Gus"), ("unknown", "zed")]
    assert report(diags) == [
        'episodes/show/1/transcript.vtt:3: warning: unknown speaker "Zed"\n'
        '    hint: add "Zed" as a name or alias in people/<slug>.yaml, or list it under transcripts.voices '
        "(or transcripts.breaks) in site.yaml"]


def test_vtt_same_second_cues_get_distinct_anchors() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:01.400\n<v Gus>A\n\n00:01.400 --> 00:01.800\nB\n\n00:01.800 --> 00:02.000\nC\n"
    t, _ = read_ok(read_vtt, text, VTT)
    assert [p.anchor for p in t.paragraphs()] == ["t-00-01", "t-00-01-x2", "t-00-01-x3"]


def test_vtt_without_header_is_an_error() -> None:
    t, diags = read(read_vtt, "1\n00:00:01,000 --> 00:00:02,000\nHello\n", VTT)
    assert t is None
    assert report(diags) == [
        'episodes/show/1/transcript.vtt:1: error: not a WebVTT file: the first line must be "WEBVTT"\n'
        "    hint: start the file with a line WEBVTT and a blank line; an SRT file (times like 00:01:02,500) "
        "must be named transcript.srt"]


def test_vtt_unreadable_timing_keeps_the_text_with_an_estimated_time() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:03.000\n<v Gus>One two.\n\n"
            "00:00:03,000 --> 00:00:05,000\nThree four.\n\n00:05.000 --> 00:07.000\nFive six.\n")
    t, diags = read_ok(read_vtt, text, VTT)
    assert turns(t) == [("person", "Gus", "gus", [(3, 1.0, True, 3.0, "One two."), (6, 3.0, False, None, "Three four."),
                                                  (9, 5.0, True, 7.0, "Five six.")])]
    assert report(diags) == [
        'episodes/show/1/transcript.vtt:6: warning: cannot read the cue timing "00:00:03,000 --> 00:00:05,000"; '
        "the cue's text is kept with an estimated time\n"
        "    hint: write the timing as 00:01:02.500 --> 00:01:05.000 (the hours may be left out; "
        "the milliseconds follow a dot)"]


def test_vtt_text_without_a_timing_line_is_kept_with_an_estimated_time() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Gus>One.\n\nstray words here\n\n00:04.000 --> 00:05.000\nTwo.\n"
    t, diags = read_ok(read_vtt, text, VTT)
    assert [(x[0], x[2], x[4]) for x in turns(t)[0][3]] == [(3, True, "One."), (6, False, "stray words here"),
                                                            (8, True, "Two.")]
    assert report(diags) == [
        "episodes/show/1/transcript.vtt:6: warning: text without a cue timing line; kept with an estimated time\n"
        "    hint: add a timing line (00:01:02.500 --> 00:01:05.000) above it"]


def test_vtt_cue_ending_before_it_starts_and_times_going_backwards() -> None:
    text = ("WEBVTT\n\n00:10.000 --> 00:08.000\n<v Gus>Ends first.\n\n"
            "00:05.000 --> 00:06.000\nBack in time.\n")
    t, diags = read_ok(read_vtt, text, VTT)
    assert [(p.start, p.end, p.exact) for p in t.paragraphs()] == [(10.0, None, True), (5.0, 6.0, True)]
    assert report(diags) == [
        "episodes/show/1/transcript.vtt:3: warning: the cue ends (00:08.000) before it starts (00:10.000); "
        "its end is ignored\n    hint: check the cue's times against the audio",
        "episodes/show/1/transcript.vtt:6: warning: timestamp 00:05.000 goes backwards (after 00:10.000 on line 3); "
        "not used for estimates\n    hint: check the time against the audio"]


def test_vtt_missing_blank_line_between_cues_still_splits_them() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Gus>One.\n00:02.000 --> 00:03.000\n<v Hana Host>Two.\n"
    t, diags = read_ok(read_vtt, text, VTT)
    assert [(turn.label, [p.text for p in turn.paragraphs]) for turn in t.turns] == [("Gus", ["One."]),
                                                                                   ("Hana Host", ["Two."])]
    assert diags.items == []


def test_vtt_with_no_cues_warns() -> None:
    t, diags = read(read_vtt, "WEBVTT\n\nNOTE nothing yet\n", VTT)
    assert t is not None and t.turns == () and not t.has_times
    assert report(diags) == ["episodes/show/1/transcript.vtt:1: warning: no cues in this transcript\n"
                             "    hint: add them, or delete the file if the episode has no transcript"]


# -- SRT -------------------------------------------------------------------------------------------

def test_srt_numbering_gaps_speaker_prefixes_and_multi_line_cues() -> None:
    text = ("\ufeff1\r\n00:00:01,000 --> 00:00:04,000\r\nHana Host: Welcome to the show,\r\nfolks.\r\n\r\n"
            "7\r\n00:00:04,500 --> 00:00:06,000\r\n<i>Gus:</i> Thanks <b>for</b> having me.\r\n\r\n"
            "8\r\n00:00:06,000 --> 00:00:08,000\r\n{\\an8}So here's the thing: it works.\r\n\r\n"
            "00:00:08,000 --> 00:00:09,000\r\nsam boyer: lower-case but known.\r\n\r\n"
            "10\r\n00:00:09,000 --> 00:00:10,000\r\nThe plan: ship it.\r\n\r\n"
            "11\r\n0:00:10.5 --> 0:00:11.25\r\nMary-Jane van Dyke: Hi!\r\n")
    t, diags = read_ok(read_srt, text, SRT)
    assert turns(t) == [
        ("person", "Hana Host", "hana", [(2, 1.0, True, 4.0, "Welcome to the show, folks.")]),
        ("person", "Gus", "gus", [(7, 4.5, True, 6.0, "Thanks for having me."),
                                  (11, 6.0, True, 8.0, "So here's the thing: it works.")]),
        ("person", "sam boyer", "sam", [(14, 8.0, True, 9.0, "lower-case but known."),
                                        (18, 9.0, True, 10.0, "The plan: ship it.")]),
        ("unknown", "Mary-Jane van Dyke", None, [(22, 10.5, True, 11.25, "Hi!")]),
    ]
    assert [d.message for d in diags.items] == ['unknown speaker "Mary-Jane van Dyke"']


def test_srt_a_second_speaker_line_in_a_cue_is_a_second_paragraph() -> None:
    t, _ = read_ok(read_srt, "1\n00:00:01,000 --> 00:00:03,000\nHana Host: Tea?\nGus: Please.\n", SRT)
    assert turns(t) == [("person", "Hana Host", "hana", [(2, 1.0, True, None, "Tea?")]),
                        ("person", "Gus", "gus", [(4, 1.0 + 1 / 2.5, False, 3.0, "Please.")])]


def test_srt_that_is_webvtt_is_an_error() -> None:
    t, diags = read(read_srt, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", SRT)
    assert t is None
    assert report(diags) == ['episodes/show/1/transcript.srt:1: error: this is a WebVTT file '
                             '(it starts with "WEBVTT"), not SRT\n    hint: name it transcript.vtt']


def test_srt_without_any_timing_line_is_an_error() -> None:
    t, diags = read(read_srt, "\n\nJust some notes.\nNothing timed.\n", SRT)
    assert t is None
    assert report(diags) == ["episodes/show/1/transcript.srt:3: error: not an SRT file: no cue timing line "
                             "(00:01:02,500 --> 00:01:05,000) in it\n"
                             "    hint: an SRT cue is a number, a timing line and its text"]


def test_srt_bad_timing_line_and_number_without_text() -> None:
    text = ("1\n00:00:01,000 --> 00:00:02,000\nGus: One.\n\n2\n00:00:02 --> 00:00:03\nTwo.\n\n3\n\n"
            "4\n00:00:04,000 --> 00:00:05,000\nThree.\n")
    t, diags = read_ok(read_srt, text, SRT)
    assert [(p.line, p.exact, p.text) for p in t.paragraphs()] == [(2, True, "One."), (6, False, "Two."),
                                                                   (12, True, "Three.")]
    assert report(diags) == [
        'episodes/show/1/transcript.srt:6: warning: cannot read the cue timing "00:00:02 --> 00:00:03"; '
        "the cue's text is kept with an estimated time\n"
        "    hint: write the timing as 00:01:02,500 --> 00:01:05,000"]


# -- JSON ------------------------------------------------------------------------------------------

PODCAST_INDEX = """{
  "version": "1.0.0",
  "segments": [
    {"speaker": "Hana Host", "startTime": 0.5, "endTime": 2.0, "body": "Hello <b>there</b>."},
    {"speaker": "Hana Host", "startTime": 2.0, "body": "Second."},
    {
      "speaker": "Gus",
      "startTime": "3.25",
      "endTime": 4,
      "body": "  Spaced\\n out. "
    },
    {"startTime": 5, "endTime": 6, "body": "[Break]"}
  ]
}"""


def test_podcastindex_json_speakers_times_and_lines() -> None:
    for reader in (read_json, read_podcastindex_json):
        t, diags = read_ok(reader, PODCAST_INDEX, JSON)
        assert diags.items == []
        assert turns(t) == [
            ("person", "Hana Host", "hana", [(4, 0.5, True, 2.0, "Hello <b>there</b>."),
                                             (5, 2.0, True, None, "Second.")]),
            ("person", "Gus", "gus", [(6, 3.25, True, 4, "Spaced out.")]),
            ("break", "Break", None, [(12, 5.0, True, 6, "")]),
        ]
        assert t.turns[0].paragraphs[0].html == "<p>Hello &lt;b&gt;there&lt;/b&gt;.</p>"


def test_podcastindex_json_word_segments_are_joined_into_utterances() -> None:
    words = [("Hana Host", 0.0, "Hi"), ("Hana Host", 0.3, "there."), ("Hana Host", 3.0, "After"),
             ("Hana Host", 3.3, "a"), ("Hana Host", 3.6, "pause."), ("Gus", 4.0, "Hello"), ("Gus", 4.3, "back."),
             ("Gus", 4.6, "I"), ("Gus", 4.9, "am"), ("Gus", 5.2, "here.")]
    data = {"version": "1.0.0", "segments": [{"speaker": s, "startTime": t, "endTime": t + 0.25, "body": w}
                                             for s, t, w in words]}
    t, diags = read_ok(read_json, json.dumps(data, indent=1), JSON)
    assert [(turn.label, [(p.start, p.end, p.text) for p in turn.paragraphs]) for turn in t.turns] == [
        ("Hana Host", [(0.0, 0.55, "Hi there."), (3.0, 3.85, "After a pause.")]),
        ("Gus", [(4.0, 5.45, "Hello back. I am here.")])]
    assert diags.items == []


def test_whisper_json_without_speakers_is_one_turn_of_nobody() -> None:
    text = json.dumps({"text": " Hi there. How are you?", "language": "en", "segments": [
        {"id": 0, "seek": 0, "start": 0.0, "end": 1.5, "text": " Hi there.", "tokens": [50364, 2421],
         "temperature": 0.0, "avg_logprob": -0.25, "compression_ratio": 0.9, "no_speech_prob": 0.01},
        {"id": 1, "seek": 0, "start": 1.5, "end": 3.0, "text": " How are you?", "tokens": [1012]}]}, indent=2)
    for reader in (read_json, read_whisper_json):
        t, diags = read_ok(reader, text, JSON)
        assert turns(t) == [("none", "", None, [(5, 0.0, True, 1.5, "Hi there."),
                                                (20, 1.5, True, 3.0, "How are you?")])]
        assert diags.items == []


def test_whisperx_speakers_resolve_like_any_label() -> None:
    text = ('{"segments": [\n{"start": 0.0, "end": 1.0, "text": " Hi.", "speaker": "SPEAKER_00", '
            '"words": [{"word": "Hi.", "start": 0.0, "end": 0.5}]},\n'
            '{"start": 1.0, "end": 2.0, "text": " Yo.", "speaker": "SPEAKER_01"},\n'
            '{"start": 2.0, "end": 3.0, "text": " Unassigned."},\n'
            '{"start": 3.0, "end": 4.0, "text": " Hi again.", "speaker": "SPEAKER_00"}\n]}')
    speakers = SpeakerIndex(people={"SPEAKER_00": "hana"})
    diags = Diagnostics()
    t = read_json(text, JSON, speakers, diags)
    assert t is not None, report(diags)
    assert [(turn.kind, turn.label, turn.person, [p.text for p in turn.paragraphs]) for turn in t.turns] == [
        ("person", "SPEAKER_00", "hana", ["Hi."]), ("unknown", "SPEAKER_01", None, ["Yo.", "Unassigned."]),
        ("person", "SPEAKER_00", "hana", ["Hi again."])]
    assert [(d.location.line, d.message) for d in diags.items] == [(3, 'unknown speaker "SPEAKER_01"')]


def test_whisper_cpp_offsets_are_milliseconds() -> None:
    text = json.dumps({"systeminfo": "AVX = 1", "model": {"type": "base"}, "result": {"language": "en"},
                       "transcription": [
                           {"timestamps": {"from": "00:00:00,000", "to": "00:00:02,500"},
                            "offsets": {"from": 0, "to": 2500}, "text": " One."},
                           {"timestamps": {"from": "00:00:02,500", "to": "00:00:04,000"},
                            "offsets": {"from": 2500, "to": 4000}, "text": " Two."}]})
    t, diags = read_ok(read_whisper_json, text, JSON)
    assert turns(t) == [("none", "", None, [(1, 0.0, True, 2.5, "One."), (1, 2.5, True, 4.0, "Two.")])]
    assert diags.items == []


JSON_HINT = ('    hint: write a Podcast Index transcript {"version": "1.0.0", "segments": [{"speaker": "…", '
             '"startTime": 0.5, "endTime": 2.0, "body": "…"}]} or Whisper\'s JSON output '
             '{"segments": [{"start": 0.5, "end": 2.0, "text": "…"}]}')


@pytest.mark.parametrize(("text", "expected"), [
    ('{\n  "segments": [\n    {"startTime": 1 "body": "x"}\n  ]\n}',
     "episodes/show/1/transcript.json:3: error: not valid JSON: Expecting ',' delimiter (column 21)\n"
     "    hint: a missing comma, quote or bracket just before that point is the usual cause"),
    ("", "episodes/show/1/transcript.json:1: error: not valid JSON: Expecting value (column 1)\n"
         "    hint: a missing comma, quote or bracket just before that point is the usual cause"),
    ('{"title": "Episode 1", "chapters": []}',
     'episodes/show/1/transcript.json:1: error: cannot read this JSON as a transcript: it holds the keys "title", '
     '"chapters" and no "segments"\n' + JSON_HINT),
    ('{"segments": [{"from": 1, "words": "x"}]}',
     'episodes/show/1/transcript.json:1: error: cannot read this JSON as a transcript: its first segment holds '
     'the keys "from", "words"\n' + JSON_HINT),
    ('"just a string"', "episodes/show/1/transcript.json:1: error: cannot read this JSON as a transcript: "
                        "it is a string, not an object\n" + JSON_HINT),
    ("[1, 2]", "episodes/show/1/transcript.json:1: error: cannot read this JSON as a transcript: "
               "its items are not objects\n" + JSON_HINT),
])
def test_unreadable_json_is_an_error(text: str, expected: str) -> None:
    t, diags = read(read_json, text, JSON)
    assert t is None and report(diags) == [expected]


def test_json_of_the_other_flavour_is_an_error_for_a_specific_reader() -> None:
    t, diags = read(read_whisper_json, PODCAST_INDEX, JSON)
    assert t is None
    assert report(diags) == ["episodes/show/1/transcript.json:1: error: cannot read this JSON as Whisper or "
                             "whisper.cpp: it is a Podcast Index transcript\n" + JSON_HINT]


def test_json_segment_problems() -> None:
    text = ('{"version": "1.0.0", "segments": [\n'
            '  {"speaker": "Gus", "startTime": 1, "body": "One."},\n'
            '  "Two.",\n'
            '  {"startTime": 3, "body": 3},\n'
            '  {"startTime": 4},\n'
            '  {"startTime": "soon", "body": "Five."},\n'
            '  {"body": "Six."},\n'
            '  {"startTime": 8, "endTime": 7, "body": "Seven.", "speaker": 7},\n'
            '  {"startTime": 6, "body": "Eight."}\n'
            ']}')
    t, diags = read_ok(read_json, text, JSON)
    # Five and Six lie between One (1 s) and Seven (8 s), by words; Eight goes backwards and is not used.
    assert [(p.line, round(p.start, 3), p.exact, p.end, p.text) for p in t.paragraphs()] == [
        (2, 1.0, True, None, "One."), (6, 3.333, False, None, "Five."), (7, 5.667, False, None, "Six."),
        (8, 8.0, True, None, "Seven."), (9, 6.0, True, None, "Eight.")]
    assert [turn.label for turn in t.turns] == ["Gus"]
    example = '{"speaker": "…", "startTime": 0.5, "endTime": 2.0, "body": "…"}'
    assert report(diags) == [
        f"episodes/show/1/transcript.json:3: error: segment 2 is a string, not an object\n"
        f"    hint: write each segment as an object, e.g. {example}",
        f'episodes/show/1/transcript.json:4: error: segment 3: "body" is a number, not text\n'
        f'    hint: give every segment its words as text in "body", e.g. {example}',
        f'episodes/show/1/transcript.json:5: error: segment 4 has no "body" text\n'
        f'    hint: give every segment its words as text in "body", e.g. {example}',
        'episodes/show/1/transcript.json:6: warning: segment 5 has a "startTime" that is not a number ("soon"); '
        'its time is estimated\n    hint: write the time as a number of seconds, e.g. "startTime": 274.5',
        'episodes/show/1/transcript.json:7: warning: segment 6 has no "startTime"; its time is estimated\n'
        '    hint: write the time as a number of seconds, e.g. "startTime": 274.5',
        "episodes/show/1/transcript.json:8: warning: segment 7 ends (7) before it starts (8); its end is ignored\n"
        "    hint: check the segment's times",
        'episodes/show/1/transcript.json:8: warning: segment 7: "speaker" is a number, not text; ignored\n'
        '    hint: write the speaker\'s name, e.g. "speaker": "Chris Benson"',
        "episodes/show/1/transcript.json:9: warning: timestamp 6 goes backwards (after 8 on line 8); "
        "not used for estimates\n    hint: check the time against the audio",
    ]


def test_json_with_no_segments_warns() -> None:
    t, diags = read(read_json, '{"version": "1.0.0", "segments": []}', JSON)
    assert t is not None and t.turns == ()
    assert report(diags) == ["episodes/show/1/transcript.json: warning: no segments in this transcript\n"
                             "    hint: add them, or delete the file if the episode has no transcript"]


# -- writing ---------------------------------------------------------------------------------------

MARKDOWN = """Cold open, before anyone is named.

**Hana Host:** \\[00:01.50\\] Welcome to the [show](https://example.org/show?a=1&b=2) & <more>.

Second paragraph, no time.

**Gus:** \\[00:10\\] Thanks.

**Break:** \\[00:20\\]

**Break:**

**Hana Host:** We are back.
"""


@pytest.fixture(scope="module")
def markdown() -> Transcript:
    diags = Diagnostics()
    return parse_transcript(MARKDOWN, Path("transcript.md"), SPEAKERS, Markup(), diags)


def test_write_vtt(markdown: Transcript) -> None:
    out = write_vtt(markdown, 30.0, NAMES)
    assert out == (
        "WEBVTT\n\n"
        "NOTE 3 of 6 start times are estimated from the words between the transcript's timestamps; "
        "the others are exact.\n\n"
        "t-start-1\n00:00:00.000 --> 00:00:01.500\nCold open, before anyone is named.\n\n"
        "t-00-01\n00:00:01.500 --> 00:00:06.600\n<v Hana Host>Welcome to the show &amp; &lt;more&gt;.\n\n"
        "t-00-01-2\n00:00:06.600 --> 00:00:10.000\n<v Hana Host>Second paragraph, no time.\n\n"
        "t-00-10\n00:00:10.000 --> 00:00:20.000\n<v Gus Guest>Thanks.\n\n"
        "t-00-20\n00:00:20.000 --> 00:00:21.000\n[Break]\n\n"
        "t-00-20-2\n00:00:20.000 --> 00:00:30.000\n<v Hana Host>We are back.\n")
    assert webvtt_problems(out) == []


def test_write_srt_uses_labels_without_names(markdown: Transcript) -> None:
    assert write_srt(markdown) == (
        "1\n00:00:00,000 --> 00:00:01,500\nCold open, before anyone is named.\n\n"
        "2\n00:00:01,500 --> 00:00:06,600\nHana Host: Welcome to the show & <more>.\n\n"
        "3\n00:00:06,600 --> 00:00:10,000\nHana Host: Second paragraph, no time.\n\n"
        "4\n00:00:10,000 --> 00:00:20,000\nGus: Thanks.\n\n"
        "5\n00:00:20,000 --> 00:00:21,000\n[Break]\n\n"
        "6\n00:00:20,000 --> 00:00:21,200\nHana Host: We are back.\n")


def test_write_podcastindex_json(markdown: Transcript) -> None:
    out = write_podcastindex_json(markdown, 30.0, NAMES)
    assert out == (
        '{\n  "version": "1.0.0",\n  "segments": [\n'
        '    {"startTime": 0.0, "endTime": 1.5, "body": "Cold open, before anyone is named."},\n'
        '    {"speaker": "Hana Host", "startTime": 1.5, "endTime": 6.6, "body": "Welcome to the show & <more>."},\n'
        '    {"speaker": "Hana Host", "startTime": 6.6, "endTime": 10.0, "body": "Second paragraph, no time."},\n'
        '    {"speaker": "Gus Guest", "startTime": 10.0, "endTime": 20.0, "body": "Thanks."},\n'
        '    {"startTime": 20.0, "endTime": 21.0, "body": "[Break]"},\n'
        '    {"speaker": "Hana Host", "startTime": 20.0, "endTime": 30.0, "body": "We are back."}\n'
        "  ]\n}\n")
    assert json.loads(out)["segments"][1]["speaker"] == "Hana Host"
    empty = Transcript(Path("t.md"), (), False)
    assert json.loads(write_podcastindex_json(empty)) == {"version": "1.0.0", "segments": []}


def test_write_text_keeps_everything_the_author_wrote(markdown: Transcript) -> None:
    assert write_text(markdown, NAMES) == (
        "Cold open, before anyone is named.\n\n"
        "Hana Host: [00:01.50] Welcome to the show (https://example.org/show?a=1&b=2) & <more>.\n\n"
        "Second paragraph, no time.\n\n"
        "Gus Guest: [00:10] Thanks.\n\n"
        "Break: [00:20]\n\n"
        "Break:\n\n"
        "Hana Host: We are back.\n")


def test_cue_ends_source_end_then_next_start_then_duration_then_words() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Gus>Has an end.\n\n"
            "00:03.000 --> 00:03.000\nZero length: next start.\n\n"
            "00:05.000 --> 00:04.000\nLast, five words said here.\n")
    t, _ = read_ok(read_vtt, text, VTT)
    assert cue_times(write_srt(t, 60.0)) == [("00:00:01,000", "00:00:02,000"), ("00:00:03,000", "00:00:05,000"),
                                             ("00:00:05,000", "00:01:00,000")]
    # Without the episode's length the last cue lasts its words at 2.5 a second (at least a second).
    assert cue_times(write_srt(t))[-1] == ("00:00:05,000", "00:00:07,000")
    assert cue_times(write_srt(t, 4.0))[-1] == ("00:00:05,000", "00:00:07,000")


def test_writers_escape_and_flatten_what_would_break_a_cue() -> None:
    text = ('{"segments": [{"speaker": "A <b> & C", "startTime": 0, "body": "x --> y\\n\\nz & <i>w</i>"}]}')
    t, _ = read_ok(read_json, text, JSON)
    vtt = write_vtt(t)
    assert vtt.splitlines()[2:5] == ["t-00-00", "00:00:00.000 --> 00:00:02.400",
                                     "<v A &lt;b&gt; &amp; C>x --&gt; y z &amp; &lt;i&gt;w&lt;/i&gt;"]
    assert webvtt_problems(vtt) == []
    back, _ = read_ok(read_vtt, vtt, VTT)
    assert [(turn.label, [p.text for p in turn.paragraphs]) for turn in back.turns] == [
        ("A <b> & C", ["x --> y z & <i>w</i>"])]


def test_writers_on_a_transcript_read_from_vtt_keep_exact_ends() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Gus>One.\n\n00:05.000 --> 00:06.500\n<v Gus>Two.\n"
    t, _ = read_ok(read_vtt, text, VTT)
    out = write_vtt(t, None, NAMES)
    assert "NOTE" not in out
    assert out.endswith("t-00-01\n00:00:01.000 --> 00:00:02.000\n<v Gus Guest>One.\n\n"
                        "t-00-05\n00:00:05.000 --> 00:00:06.500\n<v Gus Guest>Two.\n")


def cue_times(srt: str) -> list[tuple[str, str]]:
    return [tuple(line.split(" --> ")) for line in srt.splitlines() if " --> " in line]  # type: ignore[misc]


# -- the episode folder ----------------------------------------------------------------------------

def load(folder: Path) -> tuple[Transcript | None, Path | None, Diagnostics]:
    """As an episode is loaded: the folder's one transcript found, then read."""
    diags = Diagnostics()
    path = find_transcript(folder, diags)
    transcript = read_transcript(path, SPEAKERS, Markup(), diags, None) if path else None
    return transcript, (path if transcript is not None else None), diags  # an unreadable one is not used


def test_an_episode_folder_transcript_is_read_whatever_its_format(tmp_path: Path) -> None:
    assert load(tmp_path) == (None, None, Diagnostics())
    sources = {"transcript.md": "**Gus:** \\[00:01\\] Hi.\n",
               "transcript.vtt": "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Gus>Hi.\n",
               "transcript.srt": "1\n00:00:01,000 --> 00:00:02,000\nGus: Hi.\n",
               "transcript.json": '{"segments": [{"speaker": "Gus", "startTime": 1, "body": "Hi."}]}'}
    for name, text in sources.items():
        folder = tmp_path / name.split(".")[1]
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
        t, path, diags = load(folder)
        assert path == folder / name and t is not None and t.path == path and diags.items == []
        assert [(turn.person, p.start, p.text) for turn in t.turns for p in turn.paragraphs] == [("gus", 1.0, "Hi.")]


def test_two_transcripts_in_one_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "transcript.md").write_text("**Gus:** Hi.\n", encoding="utf-8")
    (tmp_path / "transcript.vtt").write_text("WEBVTT\n", encoding="utf-8")
    t, path, diags = load(tmp_path)
    assert (t, path) == (None, None)
    assert report(diags) == ["transcript.vtt: error: more than one transcript: transcript.md and transcript.vtt\n"
                             "    hint: keep one of them; podsite writes the other formats from it"]


def test_unreadable_transcript_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "transcript.srt").write_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n")
    t, path, diags = load(tmp_path)
    assert (t, path) == (None, None)
    assert report(diags) == ["transcript.srt:3: error: not valid UTF-8: byte 0xE9 at column 4\n"
                             "    hint: save the file as UTF-8 (it is probably Latin-1 or Windows-1252 now)"]


def test_episode_with_a_vtt_transcript_and_its_written_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    site = copy_site(tmp_path)
    folder = site / "episodes" / "show" / "1"
    (folder / "transcript.md").unlink()
    (folder / "transcript.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Hana Host>Welcome to the show.\n\n"
        "00:00:30.000 --> 00:00:33.000\n<v Gus>Thanks for having me.\n", encoding="utf-8")
    diags = Diagnostics()
    loaded = load_site(site, diags)
    assert loaded is not None and not diags.has_errors, diags.report()
    episode = next(e for e in loaded.episodes if e.slug == "1")
    assert episode.transcript_path == folder / "transcript.vtt"
    assert episode.transcript is not None
    assert [(turn.person, turn.label) for turn in episode.transcript.turns] == [("hana-host", "Hana Host"),
                                                                              ("gus-guest", "Gus")]
    files = transcript_files(episode)
    assert sorted(files) == ["show/1/transcript.json", "show/1/transcript.srt", "show/1/transcript.txt",
                             "show/1/transcript.vtt"]
    vtt = files["show/1/transcript.vtt"].decode("utf-8")
    assert webvtt_problems(vtt) == []
    # Gus is the episode's guest: his cue shows his name; the cue keeps the end the source gave it.
    assert vtt.endswith("t-00-30\n00:00:30.000 --> 00:00:33.000\n<v Gus Guest>Thanks for having me.\n")
    assert files["show/1/transcript.txt"] == (b"Hana Host: [00:01] Welcome to the show.\n\n"
                                              b"Gus Guest: [00:30] Thanks for having me.\n")
    episode_without = next(e for e in loaded.episodes if e.slug == "2")
    assert episode_without.transcript is None and transcript_files(episode_without) == {}



@pytest.mark.parametrize(("name", "text", "expected"), [
    ("transcript.json", '{"segments": [{"startTime": 1, "body": "Hi."},]}',
     "content/episodes/show/1/transcript.json:1: error: not valid JSON: Expecting value (column 47)\n"
     "    hint: a missing comma, quote or bracket just before that point is the usual cause"),
    ("transcript.vtt", "WEBVTT FILE\n\n1\n00:00:01,000 --> 00:00:02,000\nHi.\n",
     'content/episodes/show/1/transcript.vtt:4: warning: cannot read the cue timing "00:00:01,000 --> '
     "00:00:02,000\"; the cue's text is kept with an estimated time\n"
     "    hint: write the timing as 00:01:02.500 --> 00:01:05.000 (the hours may be left out; "
     "the milliseconds follow a dot)"),
])
def test_broken_transcript_in_a_site(name: str, text: str, expected: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    site = copy_site(tmp_path)
    folder = site / "episodes" / "show" / "1"
    (folder / "transcript.md").unlink()
    (folder / name).write_text(text, encoding="utf-8")
    diags = Diagnostics()
    loaded = load_site(site.relative_to(tmp_path), diags)
    assert [d.format() for d in diags.sorted()] == [expected]
    assert loaded is not None, "a broken transcript must not stop the site loading"
    episode = next(e for e in loaded.episodes if e.slug == "1")
    assert (episode.transcript is None) == diags.has_errors
    assert episode.transcript_path == (None if diags.has_errors else Path("content/episodes/show/1") / name)

# -- a WebVTT checker (the syntax rules of the W3C WebVTT spec for what the writer produces) -------------

_STAMP = r"(?:[0-9]{2,}:)?[0-5][0-9]:[0-5][0-9]\.[0-9]{3}"
_TIMING = re.compile(rf"({_STAMP}) +--> +({_STAMP})")
_ENTITY = re.compile(r"&(?:amp|lt|gt|nbsp|lrm|rlm);")


def webvtt_problems(text: str, ordered: bool = True) -> list[str]:
    """What a WebVTT parser would reject or drop in `text`: the header, block structure, cue timings
    (end after start; starts in order unless `ordered` is False), unique identifiers, and the cue text
    (only a leading voice tag as markup, every "&" an entity, no "-->")."""
    problems = []
    blocks = text.removeprefix("\ufeff").split("\n\n")
    if not re.fullmatch(r"WEBVTT(?:[ \t][^\n]*)?", blocks[0]):
        problems.append(f"bad header {blocks[0]!r}")
    if "\r" in text or not text.endswith("\n"):
        problems.append("line ends")
    ids: set[str] = set()
    last_start = -1.0
    for block in blocks[1:]:
        lines = block.strip("\n").split("\n")
        if not block.strip("\n") or lines[0].startswith("NOTE"):
            if "-->" in block:
                problems.append(f"--> in a comment: {block!r}")
            continue
        if "-->" not in lines[0]:
            ident, lines = lines[0], lines[1:]
            if ident in ids:
                problems.append(f"duplicate identifier {ident}")
            ids.add(ident)
        m = _TIMING.fullmatch(lines[0]) if lines else None
        if m is None:
            problems.append(f"bad timing in {block!r}")
            continue
        start, end = (sum(float(x) * 60 ** i for i, x in enumerate(reversed(s.split(":")))) for s in m.groups())
        if end <= start:
            problems.append(f"cue ends before it starts: {lines[0]}")
        if ordered and start < last_start:
            problems.append(f"cue starts before the one before it: {lines[0]}")
        last_start = start
        for line in lines[1:]:
            rest = re.sub(r"^<v [^<>&\n]*(?:&(?:amp|lt|gt);[^<>&\n]*)*>", "", line)
            if "<" in rest or ">" in rest or "-->" in line or "&" in _ENTITY.sub("", rest) or not line.strip():
                problems.append(f"bad cue text {line!r}")
    return problems


def test_an_empty_transcript_file_is_a_warning(minimal_site: Path) -> None:
    (minimal_site / "episodes/show/2/transcript.md").write_text("\ufeff\n\n", encoding="utf-8")
    diags = Diagnostics()
    load_site(minimal_site, diags)
    assert [d.format() for d in diags.items if "empty" in d.message] == [
        "content/episodes/show/2/transcript.md:1: warning: the transcript is empty\n"
        "    hint: write the transcript, or delete the file while the episode has none"]


@pytest.mark.parametrize("name", ["transcript.vtt", "transcript.srt", "transcript.json"])
def test_an_empty_timed_transcript_is_the_same_warning_and_nothing_else(minimal_site: Path, name: str) -> None:
    (minimal_site / "episodes/show/2" / name).write_text("\n", encoding="utf-8")
    diags = Diagnostics()
    site = load_site(minimal_site, diags)
    assert not diags.has_errors
    assert [d.message for d in diags.items if name in str(d.location.path)] == ["the transcript is empty"]
    episode = next(e for e in site.episodes if e.slug == "2")  # type: ignore[union-attr]
    assert episode.transcript is not None and episode.transcript.turns == ()


# -- the writers' shortcuts, held to what they stand for ---------------------------------------------------

def test_times_are_written_as_clocks_and_their_floats_repr() -> None:
    from generator.transcripts.writers import _time_texts
    rng = random.Random(5)
    samples = [*range(200_000), *(rng.randrange(10**15) for _ in range(20_000)), 10**15 - 1, 10**15, 10**19 + 7,
               359_999_999, 360_000_000, 360_000_001]
    vtt, srt, seconds = _time_texts(set(samples))
    for ms in samples:
        assert seconds[ms] == repr(ms / 1000), ms
        hours, rest = divmod(ms, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        clock = f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"
        assert vtt[ms] == clock, ms
        assert srt[ms] == clock.replace(".", ","), ms


def test_text_checks_agree_with_what_they_stand_for() -> None:
    from generator.transcripts.writers import _is_printable, _json_escape
    for code in [*range(0x3000), 0xFEFF, 0x1F600, 0xE000]:
        text = f"a{chr(code)}b"
        assert _is_printable(text) == text.isprintable(), code
        assert f'"{_json_escape(text, text.isprintable())}"' == json.dumps(text, ensure_ascii=False), code


def test_the_whitespace_looked_for_is_what_str_split_splits_at() -> None:
    import sys

    from generator.transcripts.writers import _ASCII_SPACES, _OTHER_SPACES
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace() and code != 0x20]
    assert sorted(_ASCII_SPACES + _OTHER_SPACES) == spaces
    assert all(ch.isascii() for ch in _ASCII_SPACES) and not any(ch.isascii() for ch in _OTHER_SPACES)


# Texts for the shortcuts that look for what a text needs in all the texts joined: control characters,
# every kind of whitespace, what WebVTT and JSON escape, wide characters, and texts that are empty or open or
# end with a space (each of which makes a double space with the separator).
TRICKY_TEXTS = ["plain words", "", " ", "  ", " lead", "trail ", "dou  ble", "tab\there", "line\nbreak", "cr\r",
                "nul\x00x", "del\x7fx", "bell\x07", "nbsp\xa0x", "em\u2003space", "sep\u2028x", "nel\x85x",
                "wide 😀 text", "café", 'a "quote"', "back\\slash", "a & b < c > d", "<v Gus>", "x --> y", "é",
                "ends with é ", "\x1f", "  both  ", "\u3000ideographic", "zero\u200bwidth", '"q" \\ \x01 all',
                '"q"\x7f', '"" \\"', 'é "quoted"']


def tricky_text_lists() -> list[list[str]]:
    rng = random.Random(7)
    lists = [[text] for text in TRICKY_TEXTS] + [TRICKY_TEXTS, TRICKY_TEXTS[::-1], [], ["", ""], ["a", "", "b"]]
    lists += [[rng.choice(TRICKY_TEXTS + ["ok", "fine words"] * 10) for _ in range(rng.randrange(1, 30))]
              for _ in range(400)]
    return lists


def test_one_lines_are_each_texts_one_line() -> None:
    from generator.transcripts.writers import _one_line, _one_lines
    for texts in tricky_text_lists():
        assert _one_lines(texts) == [_one_line(text, text.isprintable()) for text in texts], texts


def test_texts_holding_finds_every_text_with_a_needle() -> None:
    from generator.markup.text_scan import texts_holding
    needles = ["  ", "\t", "&", '"', "\x00", "é", "😀", "ab", "a"]
    for texts in tricky_text_lists():
        for sep in ("", " ", "\n"):
            found = texts_holding(texts, needles, sep)
            assert found == texts_holding(texts, needles, sep, sep.join(texts))
            for needle in needles:
                holding = {index for index, text in enumerate(texts) if needle in text}
                assert holding <= found.get(needle, set()) <= set(range(len(texts))), (texts, sep, needle)
                if len(needle) == 1 and needle not in sep:  # a single character never spans a junction
                    assert found.get(needle, set()) == holding, (texts, sep, needle)


def cues_of(texts: list[str], starts: list[float], ends: list[float | None] | None = None,
            kinds: tuple[str, ...] = ("person",)) -> Transcript:
    from generator.model.transcript import Paragraph, Turn
    paragraphs = [Paragraph(f"p{i}", i + 1, start, i % 3 == 0, f"{i}:00", f"<p>{text}</p>", text,
                            ends[i] if ends else None)
                  for i, (text, start) in enumerate(zip(texts, starts, strict=True))]
    turns, at = [], 0
    for i, kind in enumerate(kinds * len(paragraphs)):
        if at >= len(paragraphs):
            break
        size = 1 + i % 3
        turns.append(Turn(kind, f"Label {i % 2}" if kind != "none" else "", "hana" if i % 4 == 0 else None, i + 1,
                          tuple(paragraphs[at:at + size])))
        at += size
    return Transcript(Path("t.md"), tuple(turns), True)


def test_cue_columns_are_the_per_cue_functions() -> None:
    from generator.transcripts.writers import _json_escape, _one_line, _out_cues, _turns, _vtt_escape
    for texts in tricky_text_lists():
        for kinds in (("person",), ("break", "person", "none")):
            t = cues_of(texts, [float(i) for i in range(len(texts))], kinds=kinds)
            cues = _out_cues(_turns(t, NAMES), None)
            firsts = {turn.paragraphs[0].anchor: turn.label for turn in t.turns if turn.kind == "break"}
            expected = [_one_line(p.text, p.text.isprintable()) for p in t.paragraphs()]
            expected = [f"[{firsts[p.anchor]}] {text}".rstrip() if p.anchor in firsts else text
                        for p, text in zip(t.paragraphs(), expected, strict=True)]
            assert cues.texts == expected
            assert cues.vtt_texts == [_vtt_escape(text) for text in cues.texts]
            assert cues.json_texts == [_json_escape(text, text.isprintable()) for text in cues.texts]


def test_cue_times_moved_up_are_the_times_of_each_end() -> None:
    from generator.transcripts.writers import _cue_times, _cue_times_by_dict, _ms, _turns
    rng = random.Random(11)
    samples = [[0.0, 0.0, 1.0], [1.0, 1.0004, 1.0008, 2.0], [5.0, 3.0, 4.0], [0.0], [2.5, 2.5, 2.5],
               [0.0004, 0.0, 7200.1234, 7200.1236, 360000.5]]
    samples += [sorted(rng.choice([rng.uniform(0, 4000), round(rng.uniform(0, 4000)), 12.0])
                       for _ in range(rng.randrange(1, 40))) for _ in range(300)]
    samples += [[rng.uniform(0, 100) for _ in range(rng.randrange(1, 10))] for _ in range(100)]
    for starts in samples:
        for duration in (None, 0.0, 30.0, 1e6):
            t = cues_of(["a few words"] * len(starts), starts)
            turns = _turns(t, None)
            expected = _cue_times_by_dict(turns.paragraphs, [_ms(s) for s in starts], duration)
            assert [list(column) for column in _cue_times(turns.paragraphs, turns.fields, duration)] == \
                [list(column) for column in expected], (starts, duration)


def test_utf8_in_chunks_is_the_whole_encoded() -> None:
    from generator.transcripts.writers import _utf8
    rng = random.Random(3)
    for _ in range(50):
        pieces = [rng.choice(["ascii", "é", "😀", "", "\n", "a longer piece of text"])
                  for _ in range(rng.randrange(0, 2000))]
        for separator in ("", "\n\n"):
            assert _utf8(pieces, separator) == separator.join(pieces).encode("utf-8")
