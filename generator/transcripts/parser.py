"""Parses Changelog-style Markdown transcripts into speaker turns and timed, anchored paragraphs.

The format (see docs of the corpus): one paragraph per line, blank lines between; a turn opens with
`**Full Name:**`; timestamps are `\\[MM:SS\\]` or `\\[HH:MM:SS.cc\\]`, usually right after the label.
Real files bend every one of those rules, so this parser is lenient where the meaning is clear and
reports (path:line) where it is not, never dropping text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import attrgetter, is_not
from pathlib import Path
from typing import NamedTuple

from generator.diagnostics import Diagnostics, Location
from generator.markup.inline_fast import render_plain_many
from generator.markup.markdown import (
    COSTLY_HINT,
    COSTLY_MESSAGE,
    MARK_CLOSE,
    MARK_OPEN,
    Markup,
    costly_line,
    fill_markers,
    marker,
)
from generator.markup.text_scan import CONTROL_RE, has_control
from generator.model.transcript import Paragraph, Transcript, Turn
from generator.timecode import format_seconds, format_timecode, parse_timecode
from generator.transcripts.speakers import SpeakerIndex, normalize_label, resolve_label
from generator.transcripts.timing import Estimator, Stamp, clock_texts, time_and_anchor

# A label at the start of a line: `**Name:**`, `**Name**:`, `**Name: **`, optionally as an ATX heading
# (`# **Break:** \[22:39\]`) or wrapped in italics with the body (`***Name:** a quoted clip*`); or an
# unbolded break word followed by a timestamp or nothing (`Break: \[44:19\] to \[45:16\]`).
_LABEL_RE = re.compile(
    r"[ \t]{0,3}(?:#{1,6}[ \t]+)?"
    r"(?:(?P<italic>\*)(?=\*\*))?"
    r"\*\*(?P<label>[^*\n]{1,100}?)(?::\*\*|\*\*:|:[ \t]+\*\*)"
    r"|[ \t]{0,3}(?:#{1,6}[ \t]+)?(?P<plain>(?i:break|jingle|outro|intro|sample|song|music))[ \t]*:[ \t]*(?=\\?\[|$)"
)
# The usual label, `**Full Name:**` at the very start: where this matches, _LABEL_RE matches the same text
# (its label group stops at the first ":" or "*" too), at a fraction of the cost of its lazy label group.
_PLAIN_LABEL_RE = re.compile(r"\*\*(?P<label>[^*\n:]{1,100}):\*\*")
# The same label shape anywhere in a line: two turns glued together, or just bold text with a colon.
_INNER_LABEL_RE = re.compile(r"\*\*(?P<label>[^*\n]{1,60}?)(?::\*\*|\*\*:|:[ \t]+\*\*)")
_NAME_LIKE_RE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}")

# A bracket, escaped or not and with stray backslashes on either side, not followed by "(" (that would
# be a Markdown link whose text merely looks like a time). Found by _brackets().
_BRACKET_RE = re.compile(r"\\*\[(?P<inner>[^\[\]\n]{1,60}?)\\*\](?!\()")
_TIME_SHAPE_RE = re.compile(r"[0-9]{1,3}(?:[ \t]*(?:\*\*)?:(?:\*\*)?[ \t]*[0-9]{2}){1,3}(?:\.[0-9]{1,3})?")
_TIME_LIKE_RE = re.compile(r"[0-9:.\\\s*]*[0-9]:[0-9:.\\\s*]*")
_TIME_NOISE_RE = re.compile(r"[\s*\\]+")

_LINK_TARGET_RE = re.compile(r"(?<!\\)\]\((?P<target>[^)\n]*)")
_URL_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_FENCE_RE = re.compile(r"^[ ]{0,3}(?:```|~~~)")
_CONSTRUCT_HINT_RE = re.compile(r"```|~~~|<pre|</pre", re.IGNORECASE)
_PRE_OPEN_RE = re.compile(r"<pre[\s>]", re.IGNORECASE)
_PRE_CLOSE_RE = re.compile(r"</pre\s*>", re.IGNORECASE)
_MARK_CHARS_RE = re.compile(f"[{MARK_OPEN}{MARK_CLOSE}]")
_ESCAPED_CHAR_RE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!$])")


class _Label(NamedTuple):
    """A label as read from one spelling of it (the text _LABEL_RE matched)."""

    text: str  # that text
    name: str  # cleaned, as the turn shows it; '' when nothing is left (the line is then plain text)
    doubled: str  # the doubled label ("Name: Name") it was read from, else ''
    kind: str
    person: str | None
    italic: bool  # italics wrap the label and the body


@dataclass(slots=True)
class _TurnDraft:
    kind: str
    label: str
    person: str | None
    line: int
    paragraphs: list[_ParaDraft] = field(default_factory=list)


@dataclass(slots=True)
class _ParaDraft:  # no link back to its turn: a cycle per paragraph would leave them all to the collector
    line: int
    body: str  # source Markdown, the lifted timestamp removed, inline ones replaced by markers
    speech: bool  # cannot open a block (follows a label or a timestamp on its line)
    lifted: Stamp | None
    inline: Sequence[Stamp]  # _NO_STAMPS when there are none, as in most paragraphs
    words: int = 0
    offset: int = 0  # words before this paragraph in the file
    start: float = 0.0
    anchor: str = ""


_NO_STAMPS: tuple[Stamp, ...] = ()  # shared, rather than an empty list for every paragraph


@dataclass(slots=True)
class _Parser:
    path: Path
    speakers: SpeakerIndex
    markup: Markup
    diags: Diagnostics
    turns: list[_TurnDraft] = field(default_factory=list)
    warned_labels: set[str] = field(default_factory=set)  # labels as written, already checked
    warned_normal: set[str] = field(default_factory=set)  # their normalized forms, already warned about
    labels: dict[str, _Label] = field(default_factory=dict)  # the label match's text -> what it opens
    # The same for `**Name:**` labels that open a turn, the usual kind: their text alone says where a line's
    # label ends (at the first ":**"), so a line finds its label here without a regex match.
    plain_labels: dict[str, _Label] = field(default_factory=dict)
    resolve_cache: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    pending: _ParaDraft | None = None  # a paragraph that holds only a timestamp, waiting for its text
    pending_turn: _TurnDraft | None = None  # the turn it belongs to

    def warn(self, line: int, message: str, hint: str = "") -> None:
        self.diags.warning(Location(self.path, line), message, hint)

    # Lines to blocks -----------------------------------------------------------------------------

    def run(self, text: str) -> None:
        turn: _TurnDraft | None = None
        block: list[str] = []
        block_line = 0
        block_speech = False
        held_open = False  # the block has an unclosed <pre> or code fence, which may hold blank lines
        plain_labels = self.plain_labels
        for number, line in enumerate(self.clean_lines(text), 1):
            if held_open:
                block.append(line)
                held_open = _inside_pre_or_fence(block)
                continue
            if not line:
                if block:
                    turn = self.add_block(turn, block_line, block, block_speech)
                    block = []
                continue
            # Most lines open a turn with a `**Name:**` label already seen in the file: one lookup does it all.
            found = plain_labels.get(line[:line.find(":**", 2) + 3]) if line.startswith("**") else None
            if found is not None:
                end = len(found.text)
            elif "*" in line or ":" in line:
                found, end = self.label_at(line)
            if found is None:
                if not block:
                    block_line, block_speech = number, False
                block.append(line)
                # Every match of the hint has a "`", "~" or "<"; "pre" alone is in many English words.
                if ("`" in line or "~" in line or "<" in line) and _CONSTRUCT_HINT_RE.search(line):
                    held_open = _inside_pre_or_fence(block)
                continue
            if block:
                turn = self.add_block(turn, block_line, block, block_speech)
            turn = self.open_turn(found, number)
            body = line[end:].strip()
            if found.italic:  # the italics wrapped label and body: keep them on the body
                body = "*" + body if body else ""
            block, block_line, block_speech = ([body], number, True) if body else ([], number, False)
        if block:
            self.add_block(turn, block_line, block, block_speech)
        self.flush_pending()

    def label_at(self, line: str) -> tuple[_Label | None, int]:
        """The label opening a line and where it ends; (None, 0) when there is none, or nothing is left of it."""
        m = _PLAIN_LABEL_RE.match(line) or _LABEL_RE.match(line)
        if m is None:
            return None, 0
        key = m.group()
        found = self.labels.get(key)
        if found is None:
            found = self.labels[key] = self.read_label(m)
            if found.name and m.re is _PLAIN_LABEL_RE:
                # `**Name:**` then matches wherever a line starts with it, ending at its first ":**".
                self.plain_labels[key] = found
        return (found, m.end()) if found.name else (None, 0)

    def clean_lines(self, text: str) -> list[str]:
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = list(map(str.rstrip, text.split("\n")))
        if has_control(text):
            for i, line in enumerate(lines):
                if CONTROL_RE.search(line):
                    found = sorted({f"U+{ord(c):04X}" for c in CONTROL_RE.findall(line)})
                    self.warn(i + 1, f"control character {', '.join(found)} removed",
                              "delete the invisible character from the transcript")
                    lines[i] = CONTROL_RE.sub("", line).rstrip()
        if MARK_OPEN in text or MARK_CLOSE in text:  # reserved for our placeholders
            lines = [_MARK_CHARS_RE.sub("\ufffd", line) for line in lines]
        return lines

    # Turns ---------------------------------------------------------------------------------------

    def read_label(self, m: re.Match[str]) -> _Label:
        """What a label match opens (name '' when nothing is left of it); read once per spelling in a file."""
        groups = m.groupdict()  # _PLAIN_LABEL_RE has only the "label" group
        raw = groups.get("label")
        name, doubled = _clean_label(raw or groups.get("plain") or "", plain=raw is None)
        kind, person = self.resolve(name) if name else ("", None)
        return _Label(m.group(), name, doubled, kind, person, groups.get("italic") is not None)

    def open_turn(self, label: _Label, line: int) -> _TurnDraft:
        if label.doubled:
            self.warn(line, f'doubled speaker label "{label.doubled}" read as "{label.name}"', "write the name once")
        if label.kind == "unknown":
            self.warn_unknown(label.name, line)
        turn = _TurnDraft(label.kind, label.name, label.person, line)
        self.turns.append(turn)
        return turn

    def turn_for(self, label: str, line: int) -> _TurnDraft:
        """A new turn for a cleaned label; an unknown label is warned about once per file."""
        kind, person = self.resolve(label)
        if kind == "unknown":
            self.warn_unknown(label, line)
        turn = _TurnDraft(kind, label, person, line)
        self.turns.append(turn)
        return turn

    def warn_unknown(self, label: str, line: int) -> None:
        if label in self.warned_labels:
            return
        key = normalize_label(label)
        first = key not in self.warned_normal  # once per label and file, however it is spelled
        self.warned_labels.add(label)
        self.warned_normal.add(key)
        if first:
            self.warn(line, f'unknown speaker "{label}"',
                      f'add "{label}" as a name or alias in people/<slug>.yaml, or list it under '
                      "transcripts.voices (or transcripts.breaks) in site.yaml")

    def resolve(self, label: str) -> tuple[str, str | None]:
        found = self.resolve_cache.get(label)
        if found is None:
            found = self.resolve_cache[label] = self.resolve_uncached(label)
        return found

    def resolve_uncached(self, label: str) -> tuple[str, str | None]:
        return resolve_label(self.speakers, label)

    # Paragraphs ----------------------------------------------------------------------------------

    def add_block(self, turn: _TurnDraft | None, line: int, block: list[str], speech: bool) -> _TurnDraft:
        if turn is None:
            turn = _TurnDraft("none", "", None, line)
            self.turns.append(turn)
        text = block[0].strip() if len(block) == 1 else "\n".join(block).strip()
        # What both checks look for; most paragraphs have neither. A search for one character is a memchr,
        # far cheaper than one for two, which only the few paragraphs with a "*" or "]" then make.
        if "*" in text and "**" in text:
            self.check_inner_labels(text, line)
        if "]" in text and "](" in text:
            self.check_links(text, line)
        if "[" not in text:  # most paragraphs: no timestamp to look for
            # Spaces approximate words closely enough for estimating times, at a fraction of split()'s cost.
            para = _ParaDraft(line, text, speech, None, _NO_STAMPS, text.count(" ") + 1)
        elif ":" not in text:  # brackets, but no time nor anything like one (both need a ":"): "\\[laughs\\]"
            para = _ParaDraft(line, text, speech, None, _NO_STAMPS, len(text.split()))
        else:
            para = self.timed_paragraph(line, text, speech)
            if para.lifted is not None and not para.body and turn.kind != "break":
                # A timestamp on a line of its own dates the text that follows it.
                self.flush_pending()
                self.pending, self.pending_turn = para, turn
                return turn
        if self.pending is not None:
            if para.lifted is None:
                para.lifted, para.speech = self.pending.lifted, True
            else:
                self.flush_pending()
            self.pending = self.pending_turn = None
        turn.paragraphs.append(para)
        return turn

    def flush_pending(self) -> None:
        if self.pending is not None and self.pending_turn is not None:
            self.pending_turn.paragraphs.append(self.pending)
        self.pending = self.pending_turn = None

    def timed_paragraph(self, line: int, text: str, speech: bool) -> _ParaDraft:
        """Lift a timestamp that opens the paragraph; replace the others by markers for ts links."""
        lifted: Stamp | None = None
        inline: list[Stamp] = []
        parts: list[str] = []
        pos = 0
        for m in _brackets(text):
            stamp = self.read_stamp(m, line + text.count("\n", 0, m.start()))
            if stamp is None:
                continue
            if m.start() == 0 and lifted is None and not parts:
                lifted, pos = stamp, m.end()
                continue
            before = "".join(parts) + text[pos:m.start()]
            stamp.words = len(before.split()) - len(inline)
            parts.append(text[pos:m.start()])
            parts.append(marker(len(inline)))
            inline.append(stamp)
            pos = m.end()
        parts.append(text[pos:])
        body = "".join(parts).strip()
        words = len(body.split()) - len(inline)
        return _ParaDraft(line, body, speech or lifted is not None, lifted, inline, max(words, 0))

    def read_stamp(self, m: re.Match[str], line: int) -> Stamp | None:
        inner = m.group("inner").strip().strip("\\").strip()
        if _TIME_SHAPE_RE.fullmatch(inner):
            display = _TIME_NOISE_RE.sub("", inner)
            seconds = parse_timecode(display)
            if seconds is not None:
                return Stamp(seconds, display, line)
        if _TIME_LIKE_RE.fullmatch(m.group("inner")):
            self.warn(line, f"unreadable timestamp {m.group(0)!r} kept as text",
                      "write it as \\[MM:SS\\] or \\[HH:MM:SS\\]")
        return None

    def check_inner_labels(self, text: str, line: int) -> None:
        for m in _INNER_LABEL_RE.finditer(text):
            label = " ".join(m.group("label").split())
            known = self.resolve(label)[0] != "unknown"
            # Never at the start of a line: a label there opened a turn.
            if known or _NAME_LIKE_RE.fullmatch(label):
                self.warn(line + text.count("\n", 0, m.start()),
                          f'speaker label "{label}" in the middle of a line; kept as text',
                          "start the new turn on a line of its own, after a blank line")

    def check_links(self, text: str, line: int) -> None:
        for m in _LINK_TARGET_RE.finditer(text):
            problem = _link_problem(m.group("target"))
            if problem:
                self.warn(line + text.count("\n", 0, m.start()), problem,
                          "write the full address, e.g. [text](https://example.com/page)")

    # Times and anchors ---------------------------------------------------------------------------

    def paragraphs(self) -> list[_ParaDraft]:
        return [p for turn in self.turns for p in turn.paragraphs]

    def place(self, duration: float | None) -> bool:
        """Word offsets, backwards checks, start times and anchors; True when the file has any time."""
        paras = self.paragraphs()
        offset = 0
        stamps: list[Stamp] = []
        for para in paras:
            para.offset = offset
            if para.lifted is not None:
                para.lifted.words = offset
                stamps.append(para.lifted)
            for stamp in para.inline:
                stamp.words += offset
                stamps.append(stamp)
            offset += para.words
        self.check_order(stamps)
        points = [(s.words, s.seconds) for s in stamps if s.valid]
        time_and_anchor(paras, Estimator(points, offset, duration))
        return bool(stamps)

    def check_order(self, stamps: list[Stamp]) -> None:
        latest: Stamp | None = None
        for stamp in stamps:
            if latest is not None and stamp.seconds < latest.seconds:
                stamp.valid = False
                self.warn(stamp.line, f"timestamp {stamp.display} goes backwards (after {latest.display} "
                                      f"on line {latest.line}); not used for estimates",
                          "check the time against the audio")
            else:
                latest = stamp

    # Output --------------------------------------------------------------------------------------

    def build(self) -> tuple[Turn, ...]:
        built = self.render_all(self.paragraphs())
        new = tuple.__new__  # Turn(...) would run a Python __new__ for each
        turns = []
        start = 0
        for turn in self.turns:
            size = len(turn.paragraphs)
            if not size and turn.kind == "none":
                continue
            turns.append(new(Turn, (turn.kind, turn.label, turn.person, turn.line, tuple(built[start:start + size]))))
            start += size
        return tuple(turns)

    def render_all(self, paras: list[_ParaDraft]) -> list[Paragraph]:
        """What `render` gives for each paragraph, most of them made column by column with no Python call of
        their own: their HTML by render_plain_many, their time by table where format_timecode looks it up, each
        a tuple of its fields. The paragraphs that are not plain, or have inline timestamps to fill in, then go
        through `render`."""
        htmls, texts, others = render_plain_many(list(map(_BODY, paras)))  # clean_lines removed control characters
        starts = list(map(_START, paras))
        lifteds = list(map(_LIFTED, paras))
        times = clock_texts(starts)
        for i in compress(count(), lifteds):  # the source's text of the time, where it gives one
            times[i] = lifteds[i].display
        rows = zip(map(_ANCHOR, paras), map(_LINE, paras), starts, map(is_not, lifteds, repeat(None)), times,
                   htmls, texts, repeat(None))
        out = list(map(tuple.__new__, repeat(Paragraph), rows))  # Paragraph(...) runs a Python __new__
        others.update(compress(count(), map(_INLINE, paras)))
        for i in others:
            out[i] = self.render(paras[i])
        return out

    def render(self, para: _ParaDraft) -> Paragraph:
        if (costly := costly_line(para.body)) is not None:
            self.diags.error(Location(self.path, para.line + costly), COSTLY_MESSAGE, COSTLY_HINT)
        rendered = self.markup.render_paragraph(para.body, inline_only=para.speech)
        body_html, body_text = rendered.html, rendered.text
        if para.inline:
            links = [f'<a class="ts" href="#{para.anchor}" data-t="{format_seconds(s.seconds)}">'
                     f"{html.escape(s.display)}</a>" for s in para.inline]
            body_html = fill_markers(body_html, links)
            body_text = fill_markers(body_text, [s.display for s in para.inline])
        exact = para.lifted is not None
        time_text = para.lifted.display if para.lifted is not None else format_timecode(para.start)
        return Paragraph(para.anchor, para.line, para.start, exact, time_text, body_html, body_text)


# A paragraph draft's fields, read for all paragraphs by `map`, with no Python call each.
_ANCHOR, _LINE, _START, _LIFTED, _INLINE, _BODY = map(attrgetter,
                                                      ("anchor", "line", "start", "lifted", "inline", "body"))



def _clean_label(raw: str, plain: bool) -> tuple[str, str]:
    """(the label to show, the doubled label it was read from or ''): escapes and entities decoded, spaces
    collapsed; an unbolded break word capitalized; "Name: Name" read as "Name"."""
    text = html.unescape(_ESCAPED_CHAR_RE.sub(r"\1", raw))
    label = " ".join(text.split()).rstrip(":").strip()
    if plain:
        label = label[:1].upper() + label[1:].lower()
    if ":" in label:
        parts = [p.strip() for p in label.split(":")]
        if len({normalize_label(p) for p in parts}) == 1:
            return parts[0], label
    return label, ""


def _brackets(text: str) -> Iterator[re.Match[str]]:
    """The matches of _BRACKET_RE.finditer(text), found faster. A match can only start at a "[" or at the
    backslashes right before one (where it matches, or fails, as from the "[" itself), so str.find skips to
    those places, where finditer would try a match at every position of the paragraph."""
    pos = 0
    while (found := text.find("[", pos)) >= 0:
        start = found
        while start > pos and text[start - 1] == "\\":
            start -= 1
        m = _BRACKET_RE.match(text, start)
        if m is None:
            pos = found + 1
        else:
            yield m
            pos = m.end()


def _inside_pre_or_fence(block: list[str]) -> bool:
    """True while a block has an unclosed <pre> or code fence, which may hold blank lines."""
    fences = sum(1 for line in block if _FENCE_RE.match(line))
    if fences % 2:
        return True
    if "<" not in block[0] and not any("<pre" in line.lower() for line in block):
        return False
    joined = "\n".join(block)
    return len(_PRE_OPEN_RE.findall(joined)) > len(_PRE_CLOSE_RE.findall(joined))


def _link_problem(target: str) -> str:
    if target == "":
        return "empty link target"
    if target[0].isspace():
        return f'link target "{target.strip()}" starts with a space'
    if target.startswith("("):
        return f'doubled parenthesis in link target "{target}"'
    if target.startswith("["):
        return f'link target "{target}" holds another link'
    url = target.split()[0]
    if not _URL_SCHEME_RE.match(url) and not url.startswith(("#", "/")):
        return f'link target "{url}" has no scheme'
    return ""



def parse_transcript(text: str, path: Path, speakers: SpeakerIndex, markup: Markup, diags: Diagnostics,
                     duration: float | None = None) -> Transcript:
    """The transcript in `text` (read from `path`, which warnings name) as turns of timed paragraphs."""
    parser = _Parser(path, speakers, markup, diags)
    parser.run(text)
    has_times = parser.place(duration)
    return Transcript(path, parser.build(), has_times)


# -- timed cues (WebVTT, SRT and JSON transcripts; their readers are in transcript_readers.py) -------

_BREAK_CUE_RE = re.compile(r"\[(?P<label>[^\[\]\n]{1,60})\][ \t]*")


@dataclass(frozen=True, slots=True)
class Cue:
    """One timed piece of a caption-style transcript, as its reader found it."""

    line: int  # 1-based source line
    text: str  # plain text: escaped, never rendered as Markdown or HTML
    speaker: str | None = None  # the label as written; None: whoever spoke before (nobody at the start)
    start: float | None = None  # seconds; None when the source's time is unreadable (it is then estimated)
    end: float | None = None
    time_text: str = ""  # the source's text of the start, for messages


@dataclass(slots=True)
class _CueDraft(_ParaDraft):
    end: float | None = None


@dataclass(slots=True)
class _CueParser(_Parser):
    def add_cue(self, cue: Cue, turn: _TurnDraft | None) -> _TurnDraft:
        speaker, text = cue.speaker, cue.text
        if speaker is None and text.startswith("["):
            m = _BREAK_CUE_RE.match(text)
            if m and self.resolve(m.group("label").strip())[0] == "break":
                speaker, text, turn = m.group("label").strip(), text[m.end():], None
        if speaker is not None and (turn is None or not self.same_speaker(turn, speaker)):
            turn = self.turn_for(speaker, cue.line)
        elif turn is None:
            turn = _TurnDraft("none", "", None, cue.line)
            self.turns.append(turn)
        stamp = None if cue.start is None else Stamp(cue.start, cue.time_text or format_timecode(cue.start), cue.line)
        turn.paragraphs.append(_CueDraft(cue.line, text, True, stamp, _NO_STAMPS, len(text.split()), end=cue.end))
        return turn

    def same_speaker(self, turn: _TurnDraft, label: str) -> bool:
        kind, person = self.resolve(label)
        if kind == "person":
            return turn.person == person
        return kind == turn.kind != "break" and normalize_label(label) == normalize_label(turn.label)

    def render_all(self, paras: list[_ParaDraft]) -> list[Paragraph]:
        return list(map(self.render, paras))  # cue text is never Markdown: there is no plain path to take

    def render(self, para: _ParaDraft) -> Paragraph:
        text = para.body
        body_html = f"<p>{html.escape(text, quote=False)}</p>" if text else ""
        end = para.end if isinstance(para, _CueDraft) else None
        return Paragraph(para.anchor, para.line, para.start, para.lifted is not None, format_timecode(para.start),
                         body_html, text, end)


def transcript_from_cues(cues: Iterable[Cue], path: Path, speakers: SpeakerIndex, diags: Diagnostics,
                         duration: float | None = None) -> Transcript:
    """A transcript from timed cues, one paragraph each, with the same speaker resolution, warnings,
    estimates and anchors as Markdown. Consecutive cues of one speaker make one turn. A cue with no
    speaker whose text opens with a bracketed break label ("[Break]", "[Music] …") opens a break turn."""
    parser = _CueParser(path, speakers, None, diags)  # type: ignore[arg-type]  # cue text is never Markdown
    turn: _TurnDraft | None = None
    for cue in cues:
        turn = parser.add_cue(cue, turn)
    has_times = parser.place(duration)
    return Transcript(path, parser.build(), has_times)
