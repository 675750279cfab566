"""Transcripts in and out of the timed formats: WebVTT, SRT and JSON (Podcast Index, Whisper).

An episode folder holds one transcript, `transcript.md|.vtt|.srt|.json`; every reader gives the model of
generator/transcript.py (the Markdown parser), with its speaker resolution, warnings, estimates and anchors.
Cue text is plain text: it is escaped for the page, never rendered. The writers make every format from
that model, whatever the source was:

- speakers: `<v Name>` on every WebVTT cue, a `Name: ` prefix on every SRT cue, "speaker" in JSON. A
  person shows under their display name (from `names`, slug -> name) and anyone else under the label.
- breaks: the first cue of a break turn opens with the label in brackets ("[Break]", "[Break] 27:11");
  its other cues have no speaker. A bare break with no paragraph (no time) is only in the text file.
- times: a cue starts at its paragraph's start, exact or estimated as the model has it, and ends where
  the source says, else at the next cue's start (the last: the episode's end, else after its words at
  2.5 words a second).

The readers take back what the writers write: a cue without a speaker continues the speaker before it,
and a speakerless cue opening with a bracketed break label opens a break turn.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count, repeat
from operator import contains, ge, mul, not_
from pathlib import Path

from generator.content import read_text
from generator.diagnostics import Diagnostics, Location
from generator.markup import (
    CONTROL_RE,
    Markup,
    ascii_has,
    byte_table,
    html_to_text,
    texts_holding,
)
from generator.model import Episode
from generator.timecode import CUE_HOURS, MINUTES_SECONDS
from generator.speakers import SpeakerIndex, resolve_label
from generator.timing import WORDS_PER_SECOND
from generator.transcript_model import Paragraph, Transcript, Turn, columns
from generator.transcript_parser import Cue, parse_transcript, transcript_from_cues

SOURCE_NAMES = ("transcript.md", "transcript.vtt", "transcript.srt", "transcript.json")
JSON_VERSION = "1.0.0"

_Lines = list[tuple[int, str]]  # (1-based line number, text)
_Piece = tuple[str | None, int, str]  # (speaker, line, text) of one cue, or of one voice in it


# -- the episode folder ----------------------------------------------------------------------------

def find_transcript(folder: Path, diags: Diagnostics) -> Path | None:
    """The episode folder's one transcript file, without reading it; two of them is an error."""
    try:  # one listing of the folder rather than a look for each name: a site has thousands of episodes
        with os.scandir(folder) as entries:
            present = {entry.name for entry in entries if entry.name in SOURCE_NAMES and entry.is_file()}
    except OSError:
        present = set()
    found = [folder / name for name in SOURCE_NAMES if name in present]
    if len(found) > 1:
        names = [p.name for p in found]
        diags.error(Location(found[-1]), f"more than one transcript: {', '.join(names[:-1])} and {names[-1]}",
                    "keep one of them; podsite writes the other formats from it")
        return None
    return found[0] if found else None


def read_transcript(path: Path, speakers: SpeakerIndex, markup: Markup, diags: Diagnostics,
                    duration: float | None, data: bytes | None = None) -> Transcript | None:
    """A transcript file of any format (`data`: its bytes, when already read) read into turns and
    paragraphs; None when it cannot be read."""
    text = read_text(path, diags, data)
    if text is None:
        return None
    if not text.strip():  # whatever its format: an empty file is a transcript not written yet
        diags.warning(Location(path, 1), "the transcript is empty",
                      "write the transcript, or delete the file while the episode has none")
        return Transcript(path, (), has_times=False)
    if path.suffix == ".md":
        return parse_transcript(text, path, speakers, markup, diags, duration)
    reader = {".vtt": read_vtt, ".srt": read_srt, ".json": read_json}[path.suffix]
    return reader(text, path, speakers, diags, duration)


# -- WebVTT and SRT --------------------------------------------------------------------------------

_VTT_STAMP = r"(?:[0-9]{2,}:)?[0-5][0-9]:[0-5][0-9]\.[0-9]{3}"
_VTT_TIMING_RE = re.compile(rf"[ \t]*(?P<start>{_VTT_STAMP})[ \t]*-->[ \t]*(?P<end>{_VTT_STAMP})(?:[ \t].*)?")
_SRT_STAMP = r"(?:[0-9]{1,3}:)?[0-9]{1,2}:[0-9]{1,2}[,.][0-9]{1,3}"
_SRT_TIMING_RE = re.compile(rf"[ \t]*(?P<start>{_SRT_STAMP})[ \t]*-->[ \t]*(?P<end>{_SRT_STAMP})(?:[ \t].*)?")
_VTT_HEADER_RE = re.compile(r"WEBVTT(?:[ \t].*)?")
_VTT_SKIPPED_RE = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")  # comments, style sheets, regions
_VOICE_RE = re.compile(r"<v(?=[.\s>])(?:\.[^\s>]*)?(?:\s+(?P<name>[^>]*))?>")
_TAG_RE = re.compile(r"<[^>\n]*>")
_SRT_TAG_RE = re.compile(r"</?[ibus]>|<font(?:\s[^>]*)?>|</font>|\{\\[^}]*\}", re.IGNORECASE)  # <i>, <font …>, {\an8}
# "Name: text" at the start of an SRT line. The name is checked further by _is_speaker.
_SPEAKER_PREFIX_RE = re.compile(r"(?P<label>[^:\[\]<>{}\n]{1,60}?)[ \t]*:(?:[ \t]+|$)")
_NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "der", "den", "van", "von", "la", "le", "bin", "al",
                             "y", "of", "from", "the", "and"})


@dataclass(frozen=True, slots=True)
class _Dialect:
    timing: re.Pattern[str]
    example: str  # a timing line, for hints
    rule: str  # what the example does not show, for hints
    pieces: Callable[[_Lines], list[_Piece]]  # a cue's payload lines -> (speaker, line, text) for each voice


def read_vtt(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics,
             duration: float | None = None) -> Transcript | None:
    """A WebVTT transcript: the speaker from `<v Name>`, the text of every inline tag kept; header, NOTE,
    STYLE and REGION blocks and cue identifiers and settings ignored."""
    lines = _numbered_lines(text)
    if not _VTT_HEADER_RE.fullmatch(lines[0][1]):
        diags.error(Location(path, 1), 'not a WebVTT file: the first line must be "WEBVTT"',
                    "start the file with a line WEBVTT and a blank line; an SRT file (times like "
                    "00:01:02,500) must be named transcript.srt")
        return None
    header = next(i for i, (_, line) in enumerate(lines + [(0, "")]) if not line.strip())
    if any("-->" in line for _, line in lines[1:header]):  # no blank line after the header: a cue follows it
        header = 1 + next(i for i, (_, line) in enumerate(lines[1:header]) if "-->" in line)
    dialect = _Dialect(_VTT_TIMING_RE, "00:01:02.500 --> 00:01:05.000",
                       " (the hours may be left out; the milliseconds follow a dot)", _vtt_pieces)
    blocks = [b for b in _blocks(lines[header:]) if not _VTT_SKIPPED_RE.fullmatch(b[0][1])]
    return _cue_transcript(blocks, dialect, path, speakers, diags, duration)


def read_srt(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics,
             duration: float | None = None) -> Transcript | None:
    """A SubRip transcript: numbered cues (the numbers are not checked), the speaker from a `Name: ` prefix
    (a known speaker label, or a capitalised name of up to five words), <i>/<b>/<font> tags dropped."""
    lines = _numbered_lines(text)
    if _VTT_HEADER_RE.fullmatch(lines[0][1]):
        diags.error(Location(path, 1), 'this is a WebVTT file (it starts with "WEBVTT"), not SRT',
                    "name it transcript.vtt")
        return None
    blocks = list(_blocks(lines))
    if blocks and not any("-->" in line for block in blocks for _, line in block):
        diags.error(Location(path, blocks[0][0][0]), "not an SRT file: no cue timing line "
                    "(00:01:02,500 --> 00:01:05,000) in it", "an SRT cue is a number, a timing line and its text")
        return None

    def pieces(payload: _Lines) -> list[_Piece]:
        return _srt_pieces(payload, speakers)

    dialect = _Dialect(_SRT_TIMING_RE, "00:01:02,500 --> 00:01:05,000", "", pieces)
    return _cue_transcript(blocks, dialect, path, speakers, diags, duration)


def _numbered_lines(text: str) -> _Lines:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return list(enumerate(text.split("\n"), 1))


def _blocks(lines: _Lines) -> Iterator[_Lines]:
    """Runs of lines between blank lines (a line of spaces counts as blank)."""
    block: _Lines = []
    for number, line in lines:
        if line.strip():
            block.append((number, line))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _cue_transcript(blocks: list[_Lines], dialect: _Dialect, path: Path, speakers: SpeakerIndex,
                    diags: Diagnostics, duration: float | None) -> Transcript:
    cues: list[Cue] = []
    for block in blocks:
        cues.extend(_block_cues(block, dialect, path, diags))
    if not cues:
        diags.warning(Location(path), "no cues in this transcript",
                      "add them, or delete the file if the episode has no transcript")
    return transcript_from_cues(cues, path, speakers, diags, duration)


def _block_cues(block: _Lines, dialect: _Dialect, path: Path, diags: Diagnostics) -> Iterator[Cue]:
    """The cues of one block: an optional identifier (SRT: the number), a timing line, the payload; a
    block without a timing line is text whose time is estimated."""
    at = next((i for i in (0, 1) if i < len(block) and "-->" in block[i][1]), None)
    if at is None:
        if len(block) == 1 and block[0][1].strip().isdigit():
            return  # a cue number and nothing else
        text_lines = block[1:] if block[0][1].strip().isdigit() else block
        diags.warning(Location(path, text_lines[0][0]), "text without a cue timing line; kept with an estimated time",
                      f"add a timing line ({dialect.example}) above it")
        yield from _cues(dialect.pieces(text_lines), None, None, "", None)
        return
    rest = block[at:]
    while rest:
        # A timing line inside the payload starts the next cue (a blank line was left out).
        nxt = next((i for i in range(1, len(rest)) if dialect.timing.fullmatch(rest[i][1])), len(rest))
        payload_end = nxt - 1 if nxt < len(rest) and nxt > 1 and rest[nxt - 1][1].strip().isdigit() else nxt
        number, timing = rest[0]
        m = dialect.timing.fullmatch(timing)
        start = end = None
        if m is None:
            diags.warning(Location(path, number), f'cannot read the cue timing "{timing.strip()}"; '
                          "the cue's text is kept with an estimated time",
                          f"write the timing as {dialect.example}{dialect.rule}")
        else:
            start, end = _clock_seconds(m.group("start")), _clock_seconds(m.group("end"))
            if end < start:
                diags.warning(Location(path, number), f"the cue ends ({m.group('end')}) before it starts "
                              f"({m.group('start')}); its end is ignored", "check the cue's times against the audio")
            if end <= start:
                end = None
        payload = rest[1:payload_end] or [(number + 1, "")]
        yield from _cues(dialect.pieces(payload), start, end, m.group("start") if m else "", number)
        rest = rest[nxt:]


def _cues(pieces: list[_Piece], start: float | None, end: float | None, time_text: str,
          timing_line: int | None) -> Iterator[Cue]:
    """One cue per voice: the first at the cue's start and its timing line, the others estimated and at
    their own lines; the last ends with the cue."""
    for i, (speaker, line, text) in enumerate(pieces):
        first, last = i == 0, i == len(pieces) - 1
        yield Cue((timing_line or line) if first else line, text, speaker, start if first else None,
                  end if last else None, time_text if first else "")


def _clock_seconds(stamp: str) -> float:
    """Seconds of "01:02:03.500", "02:03.500" or SRT's "01:02:03,5"."""
    *rest, seconds = stamp.replace(",", ".").split(":")
    hours, minutes = (int(rest[0]), int(rest[1])) if len(rest) == 2 else (0, int(rest[0]))
    return hours * 3600 + minutes * 60 + float(seconds)


def _vtt_pieces(payload: _Lines) -> list[_Piece]:
    body = "\n".join(line for _, line in payload)
    first_line = payload[0][0]
    found: list[_Piece] = []
    speaker: str | None = None
    line, pos = first_line, 0
    for m in _VOICE_RE.finditer(body):
        found.append((speaker, line, _vtt_text(body[pos:m.start()])))
        speaker = _clean(html.unescape(m.group("name") or "")) or None
        line, pos = first_line + body.count("\n", 0, m.start()), m.end()
    found.append((speaker, line, _vtt_text(body[pos:])))
    return [p for p in found if p[2]] or found[-1:]


def _vtt_text(fragment: str) -> str:
    return _clean(html.unescape(_TAG_RE.sub("", fragment)))


def _srt_pieces(payload: _Lines, speakers: SpeakerIndex) -> list[_Piece]:
    found: list[list] = []
    for number, raw in payload:
        line = _SRT_TAG_RE.sub("", raw)
        m = _SPEAKER_PREFIX_RE.match(line)
        if m and _is_speaker(m.group("label"), speakers):
            found.append([_clean(m.group("label")), number, line[m.end():]])
        elif found:
            found[-1][2] += "\n" + line
        else:
            found.append([None, number, line])
    pieces: list[_Piece] = [(speaker, number, _clean(text)) for speaker, number, text in found]
    return [p for p in pieces if p[2]] or pieces[-1:]


def _is_speaker(label: str, speakers: SpeakerIndex) -> bool:
    """A prefix is a speaker when it is a known label, or looks like a name: up to five words, each
    capitalised (or a number, a handle, or a particle such as "van" after the first)."""
    label = _clean(label)
    if not label:
        return False
    if resolve_label(speakers, label)[0] != "unknown":
        return True
    words = label.split()
    if len(words) > 5 or any(c in label for c in '?!"') or words[0] in _NAME_PARTICLES:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w[0] in "$@#(" or w in _NAME_PARTICLES for w in words)


def _clean(text: str) -> str:
    """One line of plain text: control characters dropped, whitespace collapsed."""
    if CONTROL_RE.search(text):
        text = CONTROL_RE.sub(" ", text)
    return " ".join(text.split())


# -- JSON ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _JsonFormat:
    name: str
    start: str
    end: str
    text: str
    times: str = ""  # the key of an object holding the times, when they are not in the segment itself
    unit: float = 1.0  # seconds per unit of the times
    example: str = ""  # a segment, for hints


PODCAST_INDEX = _JsonFormat("Podcast Index", "startTime", "endTime", "body",
                            example='{"speaker": "…", "startTime": 0.5, "endTime": 2.0, "body": "…"}')
WHISPER = _JsonFormat("Whisper", "start", "end", "text", example='{"start": 0.5, "end": 2.0, "text": "…"}')
WHISPER_CPP = _JsonFormat("whisper.cpp", "from", "to", "text", times="offsets", unit=0.001,
                          example='{"offsets": {"from": 500, "to": 2000}, "text": "…"}')
_JSON_HINT = ('write a Podcast Index transcript {"version": "1.0.0", "segments": [{"speaker": "…", '
              '"startTime": 0.5, "endTime": 2.0, "body": "…"}]} or Whisper\'s JSON output '
              '{"segments": [{"start": 0.5, "end": 2.0, "text": "…"}]}')
_JSON_SPACE_RE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def read_json(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics,
              duration: float | None = None) -> Transcript | None:
    """A JSON transcript, Podcast Index or Whisper (openai-whisper, WhisperX, whisper.cpp) as its shape says."""
    return _read_json(text, path, speakers, diags, duration, None)


def read_podcastindex_json(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics,
                           duration: float | None = None) -> Transcript | None:
    """A Podcast Index transcript: {"version", "segments": [{"speaker", "startTime", "endTime", "body"}]}.
    Word-level segments are joined into utterances (at a change of speaker, a pause, or a sentence's end)."""
    return _read_json(text, path, speakers, diags, duration, (PODCAST_INDEX,))


def read_whisper_json(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics,
                      duration: float | None = None) -> Transcript | None:
    """Whisper's JSON output: {"segments": [{"start", "end", "text", "speaker"?}]} (openai-whisper, WhisperX
    with its diarised "speaker"), or whisper.cpp's {"transcription": [{"offsets": {"from", "to"}, "text"}]}."""
    return _read_json(text, path, speakers, diags, duration, (WHISPER, WHISPER_CPP))


def _read_json(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics, duration: float | None,
               expected: tuple[_JsonFormat, ...] | None) -> Transcript | None:
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        diags.error(Location(path, exc.lineno), f"not valid JSON: {exc.msg} (column {exc.colno})",
                    "a missing comma, quote or bracket just before that point is the usual cause")
        return None
    found = _json_format(data)
    if isinstance(found, str) or (expected is not None and found[0] not in expected):
        what = found if isinstance(found, str) else f"it is a {found[0].name} transcript"
        wanted = "a transcript" if expected is None else " or ".join(f.name for f in expected)
        diags.error(Location(path, 1), f"cannot read this JSON as {wanted}: {what}", _JSON_HINT)
        return None
    form, key = found
    items = data[key] if key else data
    cues = _json_cues(items, _item_lines(text, key), form, path, diags)
    if form is PODCAST_INDEX and _word_level(cues):
        cues = _join_words(cues)
    if not items:
        diags.warning(Location(path), "no segments in this transcript",
                      "add them, or delete the file if the episode has no transcript")
    return transcript_from_cues(cues, path, speakers, diags, duration)


def _json_format(data: object) -> tuple[_JsonFormat, str] | str:
    """The format of the data and the top-level key of its segments ("" for a bare list), or what the
    data holds instead, for the message."""
    if isinstance(data, dict):
        for key, candidates in (("segments", (PODCAST_INDEX, WHISPER)), ("transcription", (WHISPER_CPP,))):
            if isinstance(data.get(key), list):
                if not data[key]:  # no segments to tell the formats apart: the top level may
                    return (WHISPER if "text" in data and "version" not in data else candidates[0]), key
                return _segment_format(data[key], candidates, key)
        return f'it holds {_keys(data)} and no "segments"' if data else "it is an empty object"
    if isinstance(data, list):
        return _segment_format(data, (PODCAST_INDEX, WHISPER), "") if data else "it is an empty list"
    return f"it is {_json_kind(data)}, not an object"


def _segment_format(items: list, candidates: tuple[_JsonFormat, ...], key: str) -> tuple[_JsonFormat, str] | str:
    first = next((s for s in items if isinstance(s, dict)), None)
    if first is None:
        return "its segments are not objects" if key else "its items are not objects"
    for candidate in candidates:
        if candidate.text in first or (candidate.times or candidate.start) in first:
            return candidate, key
    return f"its first segment holds {_keys(first)}" if first else "its first segment is empty"


def _keys(data: dict) -> str:
    shown = ", ".join(f'"{k}"' for k in list(data)[:6]) + (", …" if len(data) > 6 else "")
    return f"the key {shown}" if len(data) == 1 else f"the keys {shown}"


def _json_kind(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return {str: "a string", int: "a number", float: "a number", list: "a list"}.get(type(value), "an object")


def _json_cues(items: list, lines: list[int], form: _JsonFormat, path: Path, diags: Diagnostics) -> list[Cue]:
    cues = []
    for n, item in enumerate(items, 1):
        line = lines[n - 1] if n - 1 < len(lines) else 1
        where = Location(path, line)
        if not isinstance(item, dict):
            diags.error(where, f"segment {n} is {_json_kind(item)}, not an object",
                        f"write each segment as an object, e.g. {form.example}")
            continue
        text = item.get(form.text)
        if not isinstance(text, str):
            diags.error(where, f'segment {n} has no "{form.text}" text' if text is None
                        else f'segment {n}: "{form.text}" is {_json_kind(text)}, not text',
                        f'give every segment its words as text in "{form.text}", e.g. {form.example}')
            continue
        times = item.get(form.times) if form.times else item
        times = times if isinstance(times, dict) else {}
        start = _json_seconds(times.get(form.start), form.unit)
        if start is None:
            name = f"{form.times}.{form.start}" if form.times else form.start
            problem = (f'has no "{name}"' if form.start not in times else
                       f'has a "{name}" that is not a number ({json.dumps(times[form.start], ensure_ascii=False)})')
            diags.warning(where, f"segment {n} {problem}; its time is estimated",
                          f'write the time as a number of {"milliseconds" if form.unit != 1 else "seconds"}, '
                          f'e.g. "{form.start}": {"274500" if form.unit != 1 else "274.5"}')
        end = _json_seconds(times.get(form.end), form.unit)
        if end is not None and start is not None and end <= start:
            if end < start:
                diags.warning(where, f"segment {n} ends ({_seconds_text(end)}) before it starts "
                              f"({_seconds_text(start)}); its end is ignored", "check the segment's times")
            end = None
        speaker = item.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            diags.warning(where, f'segment {n}: "speaker" is {_json_kind(speaker)}, not text; ignored',
                          'write the speaker\'s name, e.g. "speaker": "Chris Benson"')
            speaker = None
        start_text = _seconds_text(start) if start is not None else ""
        cues.append(Cue(line, _clean(text), (_clean(speaker) or None) if speaker else None, start, end, start_text))
    return cues


def _json_seconds(value: object, unit: float) -> float | None:
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    return value * unit


def _seconds_text(seconds: float) -> str:
    return f"{seconds:.3f}".rstrip("0").rstrip(".") if seconds % 1 else f"{seconds:.0f}"


def _item_lines(text: str, key: str) -> list[int]:
    """The line of each item of the top-level list (key "") or of the list under `key` of the top-level
    object. The C decoder skips over each value; only the top level is walked here."""
    pos = _skip_space(text, 0)
    if key:
        pos = _value_position(text, pos, key)
        if pos is None:
            return []
    if text[pos:pos + 1] != "[":
        return []
    starts, pos = [], pos + 1
    while text[(pos := _skip_space(text, pos)):pos + 1] not in ("]", ""):
        starts.append(pos)
        pos = _skip_space(text, _DECODER.raw_decode(text, pos)[1])
        if text[pos:pos + 1] == ",":
            pos += 1
    lines, line, counted = [], 1, 0
    for start in starts:
        line += text.count("\n", counted, start)
        counted = start
        lines.append(line)
    return lines


def _value_position(text: str, pos: int, key: str) -> int | None:
    """Where the (last) value of `key` starts in the object at `pos`."""
    if text[pos:pos + 1] != "{":
        return None
    found, pos = None, pos + 1
    while text[(pos := _skip_space(text, pos)):pos + 1] == '"':
        name, pos = _DECODER.raw_decode(text, pos)
        pos = _skip_space(text, _skip_space(text, pos) + 1)  # past the colon
        if name == key:
            found = pos
        pos = _skip_space(text, _DECODER.raw_decode(text, pos)[1])
        if text[pos:pos + 1] == ",":
            pos += 1
    return found


def _skip_space(text: str, pos: int) -> int:
    return _JSON_SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]  # it matches the empty string


_SENTENCE_END_RE = re.compile(r"[.?!…][\"'”’)]*$")


def _word_level(cues: list[Cue]) -> bool:
    """Segments of single words (the spec allows them, for word-by-word highlighting)."""
    return len(cues) >= 10 and sum(1 for c in cues if " " not in c.text) >= 0.8 * len(cues)


def _join_words(cues: list[Cue]) -> list[Cue]:
    """Word segments joined into utterances: a new one at a change of speaker, after a pause of 2 s, or
    at the end of a sentence once it has 20 words."""
    joined: list[Cue] = []
    words: list[str] = []
    for cue in cues:
        if joined and words:
            last = joined[-1]
            pause = cue.start is not None and last.end is not None and cue.start - last.end >= 2.0
            full = len(words) >= 20 and _SENTENCE_END_RE.search(words[-1]) is not None
            if cue.speaker == last.speaker and not pause and not full:
                words.append(cue.text)
                joined[-1] = Cue(last.line, " ".join(words), last.speaker, last.start, cue.end, last.time_text)
                continue
        joined.append(cue)
        words = [cue.text]
    return joined


# -- writing ---------------------------------------------------------------------------------------
#
# A transcript has hundreds of paragraphs, and a Python loop over them (a call, an attribute, an f-string a
# paragraph) cost more than the writing itself. So the writers work on columns, a list of one field of every
# cue, made and combined by C: zip, map and chain over the named tuples, str.join and slice assignment to lay
# out a file, and one str.find a character over all the texts joined to find the few texts that need more
# than copying (see texts_holding). The per-paragraph functions (_one_line, _vtt_escape, _json_escape, _cue_end,
# _ms) stay the reference: the columns only decide where they need not be called.

@dataclass(frozen=True, slots=True)
class _Turns:
    """A transcript's turns and paragraphs as columns, the fields of every turn or paragraph (see
    transcript.columns)."""
    kinds: Sequence[str]
    labels: Sequence[str]
    shown: list[str]  # each turn's speaker as shown (_name)
    counts: list[int]  # each turn's number of paragraphs
    firsts: list[int]  # the index of each turn's first paragraph (where it would be, for a turn with none)
    paragraphs: list[Paragraph]  # every turn's, in order
    fields: dict[str, Sequence]  # the paragraphs' columns, by field name


def _turns(t: Transcript, names: Mapping[str, str] | None) -> _Turns:
    turns = columns(Turn._fields, t.turns)
    paragraphs = list(chain.from_iterable(turns["paragraphs"]))
    counts = list(map(len, turns["paragraphs"]))
    return _Turns(turns["kind"], turns["label"],
                  [_name(label, person, names) for label, person in zip(turns["label"], turns["person"])],
                  counts, list(accumulate(counts, initial=0)), paragraphs, columns(Paragraph._fields, paragraphs))


@dataclass(frozen=True, slots=True)
class _OutCues:
    """A transcript's cues as the writers take them: one column per field, indexed by cue."""
    anchors: Sequence[str]
    speakers: list[str | None]  # as shown; None (or "") for none
    vtt_starts: Sequence[str]  # as WebVTT writes a time, "01:02:03.500"
    vtt_ends: Sequence[str]
    srt_starts: Sequence[str]  # … as SRT writes it, "01:02:03,500"
    srt_ends: Sequence[str]
    json_starts: Sequence[str]  # … as JSON writes it, "3723.5"
    json_ends: Sequence[str]
    texts: list[str]  # one line each, never ending in whitespace
    vtt_texts: list[str]  # … escaped for WebVTT
    json_texts: list[str]  # … as they go between a JSON string's quotes
    estimated: int  # how many start times are estimated


def write_vtt(t: Transcript, duration: float | None = None, names: Mapping[str, str] | None = None) -> str:
    """WebVTT with a `<v Name>` voice on every cue of a speaker, the paragraph anchors as cue identifiers,
    and a NOTE saying how many start times are estimated."""
    return "".join(_vtt(_out_cues(_turns(t, names), duration)))


def _vtt(cues: _OutCues) -> list[str]:
    """The file's pieces, to join: every block ends in a blank line but the last."""
    head = "WEBVTT\n"
    if cues.estimated:
        head += (f"\nNOTE {cues.estimated} of {len(cues.texts)} start times are estimated from the words "
                 "between the transcript's timestamps; the others are exact.\n")
    if not cues.texts:
        return [head]
    # The newline ending each timing line goes with the voice, one piece fewer a cue.
    voices = {speaker: f"\n<v {_vtt_escape(speaker)}>" if speaker else "\n" for speaker in set(cues.speakers)}
    pieces = _interleaved(cues.anchors, "\n", cues.vtt_starts, " --> ", cues.vtt_ends,
                          map(voices.__getitem__, cues.speakers),
                          cues.vtt_texts, "\n\n", rows=len(cues.texts))
    pieces[0] = f"{head}\n{pieces[0]}"
    pieces[-1] = "\n"
    return pieces


def write_srt(t: Transcript, duration: float | None = None, names: Mapping[str, str] | None = None) -> str:
    """SRT with a `Name: ` prefix on every cue of a speaker."""
    return "".join(_srt(_out_cues(_turns(t, names), duration)))


def _srt(cues: _OutCues) -> list[str]:
    """The file's pieces, to join: every block ends in a blank line but the last."""
    if not cues.texts:
        return []
    prefixes = {speaker: f"{speaker}: " if speaker else "" for speaker in set(cues.speakers)}
    # The newline ending each timing line goes with the prefix, one piece fewer a cue.
    openings: Iterable[str] = map({speaker: f"\n{prefix}" for speaker, prefix in prefixes.items()}.__getitem__,
                                  cues.speakers)
    if "" in cues.texts:  # an empty text leaves "Name:"; the others never end in whitespace
        openings = [f"\n{prefixes[speaker] if text else prefixes[speaker].rstrip()}"
                    for speaker, text in zip(cues.speakers, cues.texts)]
    pieces = _interleaved(map(str, range(1, len(cues.texts) + 1)), "\n",
                          cues.srt_starts, " --> ", cues.srt_ends, openings, cues.texts, "\n\n",
                          rows=len(cues.texts))
    pieces[-1] = "\n"
    return pieces


def write_podcastindex_json(t: Transcript, duration: float | None = None,
                            names: Mapping[str, str] | None = None) -> str:
    """The Podcast Index JSON transcript, one segment a line; a segment without a speaker has no "speaker"."""
    return "".join(_json(_out_cues(_turns(t, names), duration)))


# json's own (C) string encoder, the one json.dumps(ensure_ascii=False) uses. The segments are written
# around it: encoding a dict per segment was most of the cost of writing a transcript's JSON.
_JSON_STRING = json.encoder.encode_basestring


def _json(cues: _OutCues) -> list[str]:
    """The segments as json.dumps writes them: the keys in this order, ", " and ": " between, and the
    times as their float's repr. The file's pieces, to join."""
    if not cues.texts:
        return [f'{{\n  "version": "{JSON_VERSION}",\n  "segments": []\n}}\n']
    openings = {speaker: f'    {{"speaker": {_JSON_STRING(speaker)}, "startTime": ' if speaker
                else '    {"startTime": ' for speaker in set(cues.speakers)}
    pieces = _interleaved(map(openings.__getitem__, cues.speakers), cues.json_starts, ', "endTime": ',
                          cues.json_ends, ', "body": "', cues.json_texts,
                          '"},\n', rows=len(cues.texts))
    pieces[0] = f'{{\n  "version": "{JSON_VERSION}",\n  "segments": [\n{pieces[0]}'
    pieces[-1] = '"}\n  ]\n}\n'
    return pieces


def _json_escape(text: str, printable: bool) -> str:
    """The text as it goes between a JSON string's quotes. The encoder only escapes quotes, backslashes and
    control characters: without control characters (a printable text), escaping the first two is all it does."""
    if not printable:
        return _JSON_STRING(text)[1:-1]
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    return text


def _interleaved(*parts: str | Iterable[str], rows: int) -> list[str]:
    """The pieces of `rows` cues, cue by cue, each cue's in the order of `parts`: a part is either one
    piece a cue, or a str, the same piece for every cue. Slice assignment lays out a part in C."""
    width = len(parts)
    pieces = [""] * (width * rows)
    for slot, column in enumerate(parts):
        pieces[slot::width] = [column] * rows if isinstance(column, str) else column
    return pieces


# The fraction of a second as repr() writes it in a float's shortest digits: ".5", ".25", ".0".
_FRACTIONS = tuple(f".{ms:03d}".rstrip("0") if ms else ".0" for ms in range(1000))


def _time_texts(times: set[int]) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """Each time (ms, not negative) as WebVTT, SRT and JSON write it (see _time_columns)."""
    ordered = list(times)
    vtt, srt, seconds = _time_columns(ordered)
    return dict(zip(ordered, vtt)), dict(zip(ordered, srt)), dict(zip(ordered, seconds))


def _time_columns(times: list[int]) -> tuple[list[str], list[str], list[str]]:
    """Each time (ms, not negative) as WebVTT, SRT and JSON write it: "01:02:03.500", "01:02:03,500" and
    "3723.5", from one divmod a time (a function call and a divmod per format cost more than the writing).

    JSON's is repr(ms / 1000), as json.dumps writes the float, without the float's costly shortest-digits
    search. The quotient is the double nearest the decimal ms / 1000, and below 10**15 ms (where a double's
    spacing is far finer than a millisecond) no shorter decimal reads back as that double: repr's digits are
    the decimal's."""
    vtt: list[str] = []
    srt: list[str] = []
    seconds: list[str] = []
    for ms in times:
        whole, millis = divmod(ms, 1000)
        hours, rest = divmod(whole, 3600)
        clock = f"{CUE_HOURS[hours] if hours < 100 else f'{hours}:'}{MINUTES_SECONDS[rest]}"
        vtt.append(clock + _MILLIS[millis])
        srt.append(clock + _SRT_MILLIS[millis])
        seconds.append(f"{whole}{_FRACTIONS[millis]}" if ms < 10**15 else repr(ms / 1000))
    return vtt, srt, seconds


def write_text(t: Transcript, names: Mapping[str, str] | None = None) -> str:
    """Plain text, one paragraph a block: "Name: " opening each turn, "[04:34] " before a paragraph whose
    time the source gives, link addresses in brackets after their text, bare break markers included."""
    return "\n\n".join(_text_blocks(_turns(t, names)))


def _text_blocks(turns: _Turns) -> list[str]:
    """write_text's blocks, to join by blank lines (the last ends the file's last line)."""
    fields = turns.fields
    blocks = list(fields["text"])
    htmls = fields["html"]
    for index in texts_holding(htmls, ('<a href="',), "\n").get('<a href="', ()):
        blocks[index] = _plain_text(turns.paragraphs[index])
    time_texts = fields["time_text"]
    for index in compress(count(), fields["exact"]):
        blocks[index] = f"[{time_texts[index]}] {blocks[index]}"
    labels = turns.shown
    if "none" in turns.kinds:
        labels = ["" if kind == "none" else label for kind, label in zip(turns.kinds, labels)]
    for first, label, paragraph_count in zip(turns.firsts, labels, turns.counts):
        if label and paragraph_count:  # on the turn's first paragraph only
            blocks[first] = f"{label}: {blocks[first]}"
    # (label + time + text).rstrip() is what stripping the paragraph's line, then the turn's, gives.
    blocks = list(map(str.rstrip, blocks))
    if 0 in turns.counts:  # bare break markers, put in from the last so that the earlier places stay
        for index in reversed(list(compress(count(), map(not_, turns.counts)))):
            blocks.insert(turns.firsts[index], f"{labels[index]}:")
    if blocks:
        blocks[-1] += "\n"
    return blocks


def transcript_files(episode: Episode, names: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """The episode's transcript in every written format, by output path ("<show>/<ep>/transcript.vtt" …);
    {} without a transcript. `names` (person slug -> display name) defaults to the episode's hosts and
    guests; pass every person's so that other speakers show under their names too."""
    transcript = episode.transcript
    if transcript is None:
        return {}
    if names is None:
        names = {p.slug: p.name for p in episode.people}
    duration = episode.audio.duration if episode.audio is not None else None
    turns = _turns(transcript, names)
    cues = _out_cues(turns, duration)
    return {
        f"{episode.url}transcript.vtt": _utf8(_vtt(cues)),
        f"{episode.url}transcript.srt": _utf8(_srt(cues)),
        f"{episode.url}transcript.json": _utf8(_json(cues)),
        f"{episode.url}transcript.txt": _utf8(_text_blocks(turns), "\n\n"),
    }


_UTF8_CHUNK = 256  # pieces: a few kB


def _utf8(pieces: list[str], separator: str = "") -> bytes:
    """separator.join(pieces).encode("utf-8"), a few hundred pieces at a time. Encoding ASCII text is a
    copy, but anything else goes a character at a time, and joining a piece of wider characters widens
    the whole: one accented name would have the whole file encoded character by character."""
    chunks = [separator.join(pieces[start:start + _UTF8_CHUNK]).encode("utf-8")
              for start in range(0, len(pieces), _UTF8_CHUNK)]
    return separator.encode("utf-8").join(chunks)


def _out_cues(turns: _Turns, duration: float | None) -> _OutCues:
    """A cue per paragraph: its text on one line (a break turn's first opening with the label), its
    speaker's name, and its times."""
    fields = turns.fields
    shown: list[str | None] = list(turns.shown)
    if "break" in turns.kinds or "none" in turns.kinds:
        shown = [None if kind in ("break", "none") else name for kind, name in zip(turns.kinds, shown)]
    speakers = list(chain.from_iterable([speaker] * paragraphs for speaker, paragraphs in zip(shown, turns.counts)))
    texts = _one_lines(fields["text"])
    if "break" in turns.kinds:
        for index in compress(count(), map("break".__eq__, turns.kinds)):
            if turns.counts[index]:
                first = turns.firsts[index]
                texts[first] = f"[{turns.labels[index]}] {texts[first]}".rstrip()
    joined = " ".join(texts)
    # What WebVTT escapes, backslashes and control characters are in few texts: found by texts_holding (a
    # memchr a character over them all), only those texts are escaped. The JSON encoder escapes control
    # characters too (see _json_escape).
    found = texts_holding(texts, _VTT_SPECIALS + "\\" + _CONTROLS, " ", joined)
    vtt_texts = texts.copy()
    for index in set().union(*(hits for needle, hits in found.items() if needle in _VTT_SPECIALS)):
        vtt_texts[index] = _vtt_escape(texts[index])
    # Quotes are in many texts (a fifth), too many to map back find by find: `in` tests each text in C, and
    # only those that hold one are escaped (str.replace would count every text's characters one by one).
    json_texts = texts.copy()
    for index in compress(count(), map(contains, texts, repeat('"'))):
        json_texts[index] = _json_escape(texts[index], True)  # as printable: those with controls are redone below
    for index in set().union(*(hits for needle, hits in found.items() if needle not in _VTT_SPECIALS)):
        json_texts[index] = _json_escape(texts[index], _is_printable(texts[index]))
    return _OutCues(fields["anchor"], speakers, *_cue_times(turns.paragraphs, fields, duration), texts, vtt_texts,
                    json_texts, fields["exact"].count(False))


_TimeColumns = tuple[Sequence[str], Sequence[str], Sequence[str], Sequence[str], Sequence[str], Sequence[str]]


def _cue_times(paragraphs: list[Paragraph], fields: dict[str, Sequence], duration: float | None) -> _TimeColumns:
    """Each cue's start and end as WebVTT, SRT and JSON write them (see _cue_ends for the end)."""
    start_seconds = fields["start"]
    if not start_seconds:
        return [], [], [], [], [], []
    if not (math.isfinite(sum(start_seconds)) and min(start_seconds) >= 0):  # a NaN or infinity makes the sum neither
        return _cue_times_by_dict(paragraphs, list(map(_ms, start_seconds)), duration)
    starts = list(map(round, map(mul, start_seconds, repeat(1000))))  # _ms of each
    if fields["end"].count(None) != len(paragraphs):
        return _cue_times_by_dict(paragraphs, starts, duration)
    # No end given: a cue ends where the next starts when that is later (a later millisecond is a later
    # second: rounding keeps the order), so each time is formatted once and the ends are the starts moved up
    # one, but for the few cues whose next starts no later (see _cue_ends).
    last = max(_ms(_cue_end(paragraphs[-1], None, duration)), starts[-1] + 1)
    vtt, srt, seconds = _time_columns([*starts, last])
    vtt_ends, srt_ends, json_ends = vtt[1:], srt[1:], seconds[1:]
    others = list(compress(count(), map(ge, starts, starts[1:])))
    if others:
        ends = [_cue_ends(paragraphs[index:index + 2], starts[index:index + 2], duration)[0] for index in others]
        for index, vtt_end, srt_end, json_end in zip(others, *_time_columns(ends)):
            vtt_ends[index], srt_ends[index], json_ends[index] = vtt_end, srt_end, json_end
    return vtt[:-1], vtt_ends, srt[:-1], srt_ends, seconds[:-1], json_ends


def _cue_times_by_dict(paragraphs: list[Paragraph], starts: list[int], duration: float | None) -> _TimeColumns:
    """_cue_times for any cues, each distinct time formatted once."""
    ends = _cue_ends(paragraphs, starts, duration)
    clocks, srt_clocks, seconds = _time_texts({*starts, *ends})  # a cue mostly ends where the next starts
    return (list(map(clocks.__getitem__, starts)), list(map(clocks.__getitem__, ends)),
            list(map(srt_clocks.__getitem__, starts)), list(map(srt_clocks.__getitem__, ends)),
            list(map(seconds.__getitem__, starts)), list(map(seconds.__getitem__, ends)))


def _cue_ends(paragraphs: list[Paragraph], starts: list[int], duration: float | None) -> list[int]:
    """Each cue's end in milliseconds (see _cue_end), at least a millisecond after its start."""
    followings = [p.start for p in paragraphs[1:]] + [None]
    next_starts = starts[1:] + [0]
    # Most cues end where the next starts, in milliseconds already: those skip _cue_end and _ms.
    return [max(next_start if p.end is None and following is not None and following > p.start
                else _ms(_cue_end(p, following, duration)), start + 1)
            for p, following, start, next_start in zip(paragraphs, followings, starts, next_starts)]


# The characters that str.split() splits at besides the space (the test holds this to str.isspace).
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
_OTHER_SPACES = ("\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
                 "\u202f\u205f\u3000")
# The control characters, which the JSON encoder escapes.
_CONTROLS = "".join(map(chr, range(0x20)))
_VTT_SPECIALS = "&<>"  # what _vtt_escape escapes


def _one_lines(raw: Sequence[str]) -> list[str]:
    """Each text on one line, as _one_line makes it: only the texts with whitespace to collapse are
    looked at, found in all the texts joined by spaces, where a double space also shows a text opening or
    ending with a space (or an empty one)."""
    texts = list(raw)
    joined = " ".join(raw)
    needles = [*_ASCII_SPACES, "  "] if joined.isascii() else [*_ASCII_SPACES, *_OTHER_SPACES, "  "]
    found: set[int] = set().union(*texts_holding(raw, needles, " ", joined).values())
    if joined[:1] == " ":
        found.add(0)
    if joined[-1:] == " ":
        found.add(len(raw) - 1)
    for index in found:
        texts[index] = _one_line(raw[index], _is_printable(raw[index]))
    return texts


def _is_printable(text: str) -> bool:
    """str.isprintable(), sooner for ASCII text."""
    return not ascii_has(text, _UNPRINTABLE_BYTES) if text.isascii() else text.isprintable()


# Marked in a table for ascii_has: what makes an ASCII text unprintable.
_UNPRINTABLE_BYTES = byte_table(re.compile(r"[\x00-\x1f\x7f]"))


def _one_line(text: str, printable: bool) -> str:
    """The text's whitespace collapsed to single spaces, as " ".join(text.split()), without splitting a
    text that has nothing to collapse. `printable` is text.isprintable(): then the space is its only
    whitespace (every other character that str.split splits at is not printable)."""
    if printable and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _cue_end(p: Paragraph, following: float | None, duration: float | None) -> float:
    if p.end is not None and p.end > p.start:
        return p.end
    if following is not None and following > p.start:
        return following
    if following is None and duration is not None and duration > p.start:
        return duration
    return p.start + max(len(p.text.split()) / WORDS_PER_SECOND, 1.0)


def _name(label: str, person: str | None, names: Mapping[str, str] | None) -> str:
    if person and names:
        return names.get(person) or label
    return label


def _ms(seconds: float) -> int:
    """Whole milliseconds; 0 for a time that is not positive, or not finite (NaN fails both tests)."""
    return round(seconds * 1000) if 0 < seconds < math.inf else 0


# These tables turn the formatting of a cue time into lookups (a format spec such as :02d costs more).
_MILLIS = tuple(f".{ms:03d}" for ms in range(1000))
_SRT_MILLIS = tuple(f",{ms:03d}" for ms in range(1000))


def _vtt_escape(text: str) -> str:
    if "&" not in text and "<" not in text and ">" not in text:
        return text  # most text: finding a character is much quicker than replace's counting it
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_OUTSIDE_LINK_RE = re.compile(r'<a href="(?P<url>[^"#][^"]*)"[^>]*>(?P<inner>.*?)</a>', re.DOTALL)


def _plain_text(p: Paragraph) -> str:
    """The paragraph's text with each link's address after it ("RPi.GPIO (https://pypi.org/…)")."""
    if '<a href="' not in p.html:
        return p.text

    def expand(m: re.Match[str]) -> str:
        url = html.unescape(m.group("url"))
        inner = m.group("inner")
        return inner if html_to_text(inner).strip() == url else f"{inner} ({html.escape(url, quote=False)})"

    return html_to_text(_OUTSIDE_LINK_RE.sub(expand, p.html))
