"""The web-platform-tests WebVTT file-parsing cases (tests/fixtures/wpt-webvtt, see its README), one test
each: the cues parse_webvtt finds are the cues the case expects (their number, identifiers, times and text),
and the transcript read_vtt makes keeps each of them, in order, as podsite keeps cue text (whitespace
collapsed). Every assertion of a case is accounted for: checked when it is about a cue's number, id, text
or times; named as not applicable when it is about what a transcript has no use for (settings, regions,
style sheets)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.transcripts.readers import read_vtt
from generator.transcripts.speakers import SpeakerIndex
from generator.transcripts.webvtt import parse_webvtt

CASES = Path(__file__).parent / "fixtures" / "wpt-webvtt"
CUE_PROPERTIES = {"id": "id", "text": "text", "startTime": "start", "endTime": "end"}
# What a cue or file has that a transcript does not keep: layout settings, regions, style sheets.
NOT_KEPT = {"align", "line", "lineAlign", "position", "positionAlign", "size", "vertical", "snapToLines"}
NOT_KEPT_OBJECTS = ("region", "Region", "styleSheet", "rule", "document")
# Cases whose cue assertions run in a JavaScript loop, written out here as (text, startTime, endTime).
LOOPS: dict[str, list[tuple[str, float, float]]] = {
    "timings-negative": [("text1", 0, 0), ("text2", 1, 0.999), ("text3", 60, 59.999), ("text4", 3600, 3599.999)],
    "timings-omitted-hours": [("text1", 0, 1), ("text2", 0, 1), ("text3", 0, 1)],
}

# The style sheet cases assert only the style sheets, which a transcript does not keep. Their cues, as the
# spec's parser reads the files (podsite's reading, not wpt's assertions): the CSS is never cue text.
STYLE_SHEET_CASES = {"stylesheets-newlines": [("foo", "text"), ("bar", "text")], "stylesheets-none": []}

_LENGTH_RE = re.compile(r"assert_equals\(cues\.length, (\d+)")
_CUE_VAR_RE = re.compile(r"var cue = cues\[(\d+)\];")
_CUE_ASSERT_RE = re.compile(r"assert_equals\((?:cues\[(\d+)\]|cue)\.(id|text|startTime|endTime), (.+)\);")
_FIRST_ARG_RE = re.compile(r"assert_\w+\(([^,)]+)")


@dataclass
class Case:
    name: str
    vtt: str
    length: int | None = None
    expected: dict[tuple[int, str], object] = field(default_factory=dict)  # (cue index, "id"|...) -> value
    not_applicable: set[str] = field(default_factory=set)


def _js_value(literal: str) -> object:
    literal = literal.strip()
    if literal[0] in "'\"":
        body = literal[1:-1].replace('\\"', '"').replace("\\'", "'").replace('"', '\\"')
        return json.loads(f'"{body}"')
    return float(literal)


def load_case(path: Path) -> Case:
    """A .test file as wpt's build script splits it: title and metadata, a blank line, the JavaScript, a
    line "===", the WebVTT file with Python string escapes."""
    body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    js, vtt = body.split("===\n", 1)
    case = Case(path.stem, vtt.encode("utf-8").decode("unicode_escape"))
    current: int | None = None
    for line in (raw.strip() for raw in js.splitlines()):
        if m := _CUE_VAR_RE.fullmatch(line):
            current = int(m.group(1))
        if not line.startswith("assert_"):
            continue
        first = _FIRST_ARG_RE.match(line)
        subject = first.group(1) if first else ""
        prop = subject.rsplit(".", 1)[-1]
        if m := _LENGTH_RE.match(line):
            case.length = int(m.group(1))
        elif case.name in LOOPS and prop in CUE_PROPERTIES:
            continue  # written out in LOOPS
        elif m := _CUE_ASSERT_RE.fullmatch(line):
            index = int(m.group(1)) if m.group(1) is not None else current
            assert index is not None, f"{path.name}: cue. before var cue = cues[N]: {line}"
            case.expected[(index, CUE_PROPERTIES[m.group(2)])] = _js_value(m.group(3))
        elif any(word in subject for word in NOT_KEPT_OBJECTS):
            case.not_applicable.add("regions" if "egion" in subject else "style sheets")
        elif prop in NOT_KEPT:
            case.not_applicable.add(prop)
        else:
            pytest.fail(f"{path.name}: an assertion this test does not account for: {line}")
    for index, (text, start, end) in enumerate(LOOPS.get(case.name, [])):
        case.expected.update({(index, "text"): text, (index, "start"): start, (index, "end"): end})
    if case.name in STYLE_SHEET_CASES:
        cues = STYLE_SHEET_CASES[case.name]
        case.length = len(cues)
        for index, (ident, text) in enumerate(cues):
            case.expected.update({(index, "id"): ident, (index, "text"): text})
    return case


CASE_FILES = sorted(CASES.glob("*.test"))


def test_every_vendored_case_is_here() -> None:
    assert len(CASE_FILES) == 24


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_wpt_case(path: Path) -> None:
    case = load_case(path)
    assert case.length is not None, "every case states how many cues the file has"
    parsed = parse_webvtt(case.vtt)
    assert parsed is not None, "a file the case expects to load"
    cues = parsed.cues
    assert len(cues) == case.length
    for (index, prop), value in sorted(case.expected.items()):
        assert getattr(cues[index], prop) == value, f"cue {index} {prop}"

    diags = Diagnostics()
    transcript = read_vtt(case.vtt, Path(f"{case.name}.vtt"), SpeakerIndex(people={}), diags)
    assert transcript is not None
    assert [p.text for p in transcript.paragraphs()] == [" ".join(cue.text.split()) for cue in cues]
    assert [p.start for p in transcript.paragraphs()] == [cue.start for cue in cues]
    assert not diags.has_errors
    for dropped in parsed.dropped:  # what the spec drops is reported at its line, with its words
        assert any(d.location.line == dropped.line and (" ".join(dropped.text.split()) in d.message)
                   for d in diags.items), f"no warning for the block dropped at line {dropped.line}"


def test_the_cases_check_what_they_say() -> None:
    """The loader reads the assertions it is given: ids, texts and times of the cases that state them."""
    expected = {p.stem: load_case(p).expected for p in CASE_FILES}
    assert expected["ids"][(0, "id")] == " leading space" and expected["ids"][(4, "id")] == " "
    assert expected["nulls"][(2, "text")] == "\ufffdtext\ufffd3"
    assert expected["whitespace-chars"][(0, "text")] == "   text1"
    assert expected["timings-negative"][(3, "end")] == 3599.999
    assert expected["settings-multiple"][(1, "id")] == "id2"
    assert load_case(CASES / "settings-align.test").not_applicable == {"align"}
    assert load_case(CASES / "stylesheets-newlines.test").not_applicable == {"style sheets"}
