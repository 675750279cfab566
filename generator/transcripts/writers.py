"""A transcript written in every format an episode's page links to, whatever format its source was: WebVTT,
SRT, Podcast Index JSON and plain text, from the model (transcript_model).

- speakers: `<v Name>` on every WebVTT cue, a `Name: ` prefix on every SRT cue, "speaker" in JSON. A
  person shows under their display name (from `names`, slug -> name) and anyone else under the label.
- breaks: the first cue of a break turn opens with the label in brackets ("[Break]", "[Break] 27:11");
  its other cues have no speaker. A bare break with no paragraph (no time) is only in the text file.
- times: a cue starts at its paragraph's start, exact or estimated as the model has it, and ends where
  the source says, else at the next cue's start (the last: the episode's end, else after its words at
  2.5 words a second).

A transcript has hundreds of paragraphs, and a Python loop over them (a call, an attribute, an f-string a
paragraph) cost more than the writing itself. So the writers work on columns, a list of one field of every
cue, made and combined by C: zip, map and chain over the named tuples, str.join and slice assignment to lay
out a file, and one str.find a character over all the texts joined to find the few texts that need more
than copying (see texts_holding). The per-paragraph functions (_one_line, _vtt_escape, _json_escape, _cue_end,
_ms) stay the reference: the columns only decide where they need not be called.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count, repeat
from operator import contains, ge, mul, not_

from generator.markup.html_text import html_to_text
from generator.markup.text_scan import ascii_has, byte_table, texts_holding
from generator.model.entities import Episode
from generator.model.transcript import Paragraph, Transcript, Turn, columns
from generator.timecode import CUE_HOURS, MINUTES_SECONDS
from generator.transcripts.timing import WORDS_PER_SECOND

JSON_VERSION = "1.0.0"


@dataclass(frozen=True, slots=True)
class _Turns:
    """A transcript's turns and paragraphs as columns, the fields of every turn or paragraph (see
    transcript_model.columns)."""
    kinds: Sequence[str]
    labels: Sequence[str]
    shown: list[str]  # each turn's speaker as shown (_name)
    counts: list[int]  # each turn's number of paragraphs
    # the index of each turn's first paragraph (where it would be, for a turn with none), then the number
    # of paragraphs: one more entry than turns
    firsts: list[int]
    paragraphs: list[Paragraph]  # every turn's, in order
    fields: dict[str, Sequence]  # the paragraphs' columns, by field name


def _turns(t: Transcript, names: Mapping[str, str] | None) -> _Turns:
    turns = columns(Turn._fields, t.turns)
    paragraphs = list(chain.from_iterable(turns["paragraphs"]))
    counts = list(map(len, turns["paragraphs"]))
    return _Turns(turns["kind"], turns["label"],
                  [_name(label, person, names) for label, person in zip(turns["label"], turns["person"], strict=True)],
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
                    for speaker, text in zip(cues.speakers, cues.texts, strict=True)]
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
    return (dict(zip(ordered, vtt, strict=True)), dict(zip(ordered, srt, strict=True)),
            dict(zip(ordered, seconds, strict=True)))


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
        labels = ["" if kind == "none" else label for kind, label in zip(turns.kinds, labels, strict=True)]
    # firsts has one more entry than there are turns (the end of the last): zip stops at the last turn.
    for first, label, paragraph_count in zip(turns.firsts, labels, turns.counts, strict=False):
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
        shown = [None if kind in ("break", "none") else name for kind, name in zip(turns.kinds, shown, strict=True)]
    speakers = list(chain.from_iterable([speaker] * paragraphs
                                        for speaker, paragraphs in zip(shown, turns.counts, strict=True)))
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
        for index, vtt_end, srt_end, json_end in zip(others, *_time_columns(ends), strict=True):
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
    next_starts = [*starts[1:], 0]
    # Most cues end where the next starts, in milliseconds already: those skip _cue_end and _ms.
    return [max(next_start if p.end is None and following is not None and following > p.start
                else _ms(_cue_end(p, following, duration)), start + 1)
            for p, following, start, next_start in zip(paragraphs, followings, starts, next_starts, strict=True)]


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
