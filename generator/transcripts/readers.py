"""Transcript files read into the model (transcript_model): Markdown by transcript_parser, and the timed
formats WebVTT, SRT and JSON (Podcast Index, Whisper) here.

An episode folder holds one transcript, `transcript.md|.vtt|.srt|.json`; every reader gives the model the
Markdown parser gives, with its speaker resolution, warnings, estimates and anchors. Cue text is plain text:
it is escaped for the page, never rendered.

The readers take back what transcript_writers writes: a cue without a speaker continues the speaker before
it, and a speakerless cue opening with a bracketed break label opens a break turn.
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.markup.markdown import Markup
from generator.markup.text_scan import CONTROL_RE
from generator.model.transcript import Transcript
from generator.sources import JsonError, parse_json, read_text
from generator.timecode import MAX_SECONDS, SECONDS_RANGE, seconds_in_range
from generator.transcripts.parser import Cue, parse_transcript, transcript_from_cues
from generator.transcripts.speakers import SpeakerIndex, resolve_label
from generator.transcripts.webvtt import VttCue, VttDropped, parse_webvtt

SOURCE_NAMES = ("transcript.md", "transcript.vtt", "transcript.srt", "transcript.json")

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
    if not text.strip() and path.suffix != ".vtt":  # an empty file is a transcript not written yet; WebVTT
        # alone requires a header, so an empty .vtt is not a WebVTT file (read_vtt says so)
        diags.warning(Location(path, 1), "the transcript is empty",
                      "write the transcript, or delete the file while the episode has none")
        return Transcript(path, (), has_times=False)
    if path.suffix == ".md":
        return parse_transcript(text, path, speakers, markup, diags, duration)
    reader = {".vtt": read_vtt, ".srt": read_srt, ".json": read_json}[path.suffix]
    return reader(text, path, speakers, diags, duration)


# -- WebVTT and SRT --------------------------------------------------------------------------------

_SRT_STAMP = r"(?:[0-9]{1,3}:)?[0-9]{1,2}:[0-9]{1,2}[,.][0-9]{1,3}"
_SRT_TIMING_RE = re.compile(rf"[ \t]*(?P<start>{_SRT_STAMP})[ \t]*-->[ \t]*(?P<end>{_SRT_STAMP})(?:[ \t].*)?")
_VTT_HEADER_RE = re.compile(r"WEBVTT(?:[ \t].*)?")
_VOICE_RE = re.compile(r"<v(?=[.\s>])(?:\.[^\s>]*)?(?:\s+(?P<name>[^>]*))?>")
_TAG_RE = re.compile(r"<[^>\n]*>")
_SRT_TAG_RE = re.compile(r"</?[ibus]>|<font(?:\s[^>]*)?>|</font>|\{\\[^}]*\}", re.IGNORECASE)  # <i>, <font …>, {\an8}
# "Name: text" at the start of an SRT line. The name is checked further by _is_speaker.
_SPEAKER_PREFIX_RE = re.compile(r"(?P<label>[^:\[\]<>{}\n]{1,60}?)[ \t]*:(?:[ \t]+|$)")
_NAME_PARTICLES = frozenset({"de", "da", "di", "du", "del", "der", "den", "van", "von", "la", "le", "bin", "al",
                             "y", "of", "from", "the", "and"})


_SRT_EXAMPLE = "00:01:02,500 --> 00:01:05,000"  # a timing line, for hints


def read_vtt(text: str, path: Path, speakers: SpeakerIndex, diags: Diagnostics,
             duration: float | None = None) -> Transcript | None:
    """A WebVTT transcript, its cues as the W3C parser reads them (transcript_webvtt.parse_webvtt): the
    speaker from `<v Name>`, the text of every inline tag kept. A block the parser drops (a timing it
    cannot read, text with no timing line) is not kept at a guessed time: a warning reports its words."""
    parsed = parse_webvtt(text)
    if parsed is None:
        empty = not text.strip()
        diags.error(Location(path, 1), "not a WebVTT file: " + ("it is empty" if empty else
                    'the first line must be "WEBVTT"'),
                    "start the file with a line WEBVTT and a blank line" + (
                        ", or delete it while the episode has no transcript" if empty else
                        "; an SRT file (times like 00:01:02,500) must be named transcript.srt"))
        return None
    for dropped in parsed.dropped:
        _report_dropped(dropped, path, diags)
    cues: list[Cue] = []
    for cue in parsed.cues:
        cues.extend(_vtt_cue(cue, path, diags))
    if not parsed.cues:
        diags.warning(Location(path, 1), "no cues in this transcript",
                      "add them, or delete the file if the episode has no transcript")
    return transcript_from_cues(cues, path, speakers, diags, duration)


_VTT_EXAMPLE = "00:01:02.500 --> 00:01:05.000 (the hours may be left out; the milliseconds follow a dot)"


def _report_dropped(dropped: VttDropped, path: Path, diags: Diagnostics) -> None:
    words = _clean(dropped.text)
    said = (f': "{words}"' if words else "") + (f' (identifier "{_clean(dropped.id)}")' if dropped.id.strip() else "")
    if dropped.timing:
        timing = _printable(dropped.timing.strip(" "))
        diags.warning(Location(path, dropped.line), f'cannot read the cue timing "{timing}"; '
                      f"the cue is dropped, as WebVTT players drop it{said}", f"write the timing as {_VTT_EXAMPLE}")
    else:
        diags.warning(Location(path, dropped.line), f"text without a cue timing line is dropped, as WebVTT players "
                      f"drop it{said}", f"add a timing line ({_VTT_EXAMPLE.split(' (')[0]}) above it, or start the "
                      "block with NOTE if it is a comment")


def _vtt_cue(cue: VttCue, path: Path, diags: Diagnostics) -> Iterator[Cue]:
    start: float | None = seconds_in_range(cue.start)
    end: float | None = seconds_in_range(cue.end)
    if start is None or end is None:
        words = _clean(cue.text)
        diags.error(Location(path, cue.line), f"a cue time must be {SECONDS_RANGE}; the cue is dropped"
                    + (f': "{words}"' if words else ""), f"write the timing as {_VTT_EXAMPLE}")
        return
    if end <= start:
        if end < start:
            diags.warning(Location(path, cue.line), f"the cue ends ({cue.end_text}) before it starts "
                          f"({cue.start_text}); its end is ignored", "check the cue's times against the audio")
        end = None
    yield from _cues(_vtt_pieces(cue.line + 1, cue.text), start, end, cue.start_text, cue.line)


def _printable(text: str) -> str:
    """Text for a message: a character that does not print (a form feed, a NUL) shown as its escape."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


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
                    f"({_SRT_EXAMPLE}) in it", "an SRT cue is a number, a timing line and its text")
        return None
    cues = [cue for block in blocks for cue in _block_cues(block, speakers, path, diags)]
    if not cues:
        diags.warning(Location(path, 1), "no cues in this transcript",
                      "add them, or delete the file if the episode has no transcript")
    return transcript_from_cues(cues, path, speakers, diags, duration)


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


def _block_cues(block: _Lines, speakers: SpeakerIndex, path: Path, diags: Diagnostics) -> Iterator[Cue]:
    """The cues of one SRT block: an optional number, a timing line, the payload; a block without a timing
    line is text whose time is estimated."""
    at = next((i for i in (0, 1) if i < len(block) and "-->" in block[i][1]), None)
    if at is None:
        if len(block) == 1 and block[0][1].strip().isdigit():
            return  # a cue number and nothing else
        text_lines = block[1:] if block[0][1].strip().isdigit() else block
        diags.warning(Location(path, text_lines[0][0]), "text without a cue timing line; kept with an estimated time",
                      f"add a timing line ({_SRT_EXAMPLE}) above it")
        yield from _cues(_srt_pieces(text_lines, speakers), None, None, "", None)
        return
    rest = block[at:]
    while rest:
        # A timing line inside the payload starts the next cue (a blank line was left out).
        nxt = next((i for i in range(1, len(rest)) if _SRT_TIMING_RE.fullmatch(rest[i][1])), len(rest))
        payload_end = nxt - 1 if nxt < len(rest) and nxt > 1 and rest[nxt - 1][1].strip().isdigit() else nxt
        number, timing = rest[0]
        m = _SRT_TIMING_RE.fullmatch(timing)
        start = end = None
        if m is None:
            diags.warning(Location(path, number), f'cannot read the cue timing "{timing.strip()}"; '
                          "the cue's text is kept with an estimated time",
                          f"write the timing as {_SRT_EXAMPLE}")
        elif (start := _clock_seconds(m.group("start"))) is None or (end := _clock_seconds(m.group("end"))) is None:
            start = end = None
            diags.error(Location(path, number), f"a cue time must be {SECONDS_RANGE}; the cue's text is kept with "
                        "an estimated time", f"write the timing as {_SRT_EXAMPLE}")
        else:
            if end < start:
                diags.warning(Location(path, number), f"the cue ends ({m.group('end')}) before it starts "
                              f"({m.group('start')}); its end is ignored", "check the cue's times against the audio")
            if end <= start:
                end = None
        payload = rest[1:payload_end] or [(number + 1, "")]
        yield from _cues(_srt_pieces(payload, speakers), start, end, m.group("start") if m else "", number)
        rest = rest[nxt:]


def _cues(pieces: list[_Piece], start: float | None, end: float | None, time_text: str,
          timing_line: int | None) -> Iterator[Cue]:
    """One cue per voice: the first at the cue's start and its timing line, the others estimated and at
    their own lines; the last ends with the cue."""
    for i, (speaker, line, text) in enumerate(pieces):
        first, last = i == 0, i == len(pieces) - 1
        yield Cue((timing_line or line) if first else line, text, speaker, start if first else None,
                  end if last else None, time_text if first else "")


def _clock_seconds(stamp: str) -> float | None:
    """Seconds of an SRT time ("01:02:03,500", "0:02:03.5", "02:03,500"); None past MAX_SECONDS."""
    *rest, seconds = stamp.replace(",", ".").split(":")
    hours, minutes = (int(rest[0]), int(rest[1])) if len(rest) == 2 else (0, int(rest[0]))
    return seconds_in_range(hours * 3600 + minutes * 60 + float(seconds))


def _vtt_pieces(first_line: int, body: str) -> list[_Piece]:
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
        data = parse_json(text)
    except JsonError as exc:
        diags.error(Location(path, exc.line), f"{exc} (column {exc.column})" if exc.column else str(exc), exc.hint)
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
        diags.warning(Location(path, 1), "no segments in this transcript",
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
        if _out_of_range(times, form, (form.start, form.end), where, n, diags):
            continue
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
    """Seconds of a time in `unit`s, a number or a numeric string; None when it is neither, or out of range."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int) and value > MAX_SECONDS / unit:  # before multiplying: never an overflow
        return None
    return seconds_in_range(value * unit) if math.isfinite(value) else None


def _out_of_range(times: dict, form: _JsonFormat, keys: tuple[str, str], where: Location, n: int,
                  diags: Diagnostics) -> bool:
    """Whether a time of the segment is a number, but NaN, infinite, negative or past MAX_SECONDS: an
    error (a time that is no number at all is estimated, as before)."""
    for key in keys:
        value = times.get(key)
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and _json_seconds(value, form.unit) is None:
            name = f"{form.times}.{key}" if form.times else key
            unit = "milliseconds" if form.unit != 1 else "seconds"
            diags.error(where, f'segment {n}: "{name}" must be a number of {unit} {SECONDS_RANGE}',
                        "check the segment's times against the audio")
            return True
    return False


def _seconds_text(seconds: float) -> str:
    return f"{seconds:.3f}".rstrip("0").rstrip(".") if seconds % 1 else f"{seconds:.0f}"


def _item_lines(text: str, key: str) -> list[int]:
    """The line of each item of the top-level list (key "") or of the list under `key` of the top-level
    object. The C decoder skips over each value; only the top level is walked here."""
    first = _skip_space(text, 0)
    pos = _value_position(text, first, key) if key else first
    if pos is None or text[pos:pos + 1] != "[":
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
    """Segments of single words (the spec allows them, for word-by-word highlighting), however few."""
    return bool(cues) and sum(1 for c in cues if " " not in c.text) >= 0.8 * len(cues)


def _join_words(cues: list[Cue]) -> list[Cue]:
    """Word segments joined into utterances: a new one at a change of speaker, after a pause of 2 s, at the
    end of a sentence once it has 20 words, and in any case at MAX_UTTERANCE_WORDS (a transcript with no
    full stop is still read in paragraphs). Each utterance's text is joined once, when it ends."""
    joined: list[Cue] = []
    words: list[str] = []
    first: Cue | None = None
    last: Cue | None = None
    for cue in cues:
        if first is not None and last is not None:
            pause = cue.start is not None and last.end is not None and cue.start - last.end >= 2.0
            full = len(words) >= 20 and _SENTENCE_END_RE.search(words[-1]) is not None
            if cue.speaker == first.speaker and not pause and not full and len(words) < MAX_UTTERANCE_WORDS:
                words.append(cue.text)
                last = cue
                continue
            joined.append(_utterance(first, last, words))
        first, last, words = cue, cue, [cue.text]
    if first is not None and last is not None:
        joined.append(_utterance(first, last, words))
    return joined


MAX_UTTERANCE_WORDS = 200  # about a minute and a half of speech


def _utterance(first: Cue, last: Cue, words: list[str]) -> Cue:
    return Cue(first.line, " ".join(words), first.speaker, first.start, last.end, first.time_text)
