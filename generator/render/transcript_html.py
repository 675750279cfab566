"""The transcript part of an episode page: one piece of HTML per turn and paragraph.

A transcript has hundreds of paragraphs, and a Jinja loop's work on each (escaping, attribute lookups,
generator hops) made it the costliest part of a build. Written out here, a paragraph is one f-string.
Themes call it as `transcript_body(...)` and keep the say over the speaker's picture (`avatar`, a macro
of theirs) and over everything around the transcript; a theme that wants other paragraph markup writes
its own loop over `episode.transcript.turns` instead."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from html import escape

from markupsafe import Markup

from generator.model.entities import Chapter, Person
from generator.model.transcript import Transcript, Turn
from generator.timecode import format_seconds, format_timecode


def transcript_body(transcript: Transcript, chapters: tuple[Chapter, ...],
                    chapter_marks: Mapping[str, tuple[Chapter, ...]], people: Mapping[str, Person],
                    url: Callable[[str], str], avatar: Callable[[Person, str], str]) -> Markup:
    """Every turn as `<div class="turn turn-KIND">`: the speaker (linked to their page, with their
    picture), then each paragraph with its anchor, its time link (marked approximate when estimated)
    and its body. Chapter headings go between turns, before the paragraph nearest their start: before
    the speaker when that paragraph opens a turn; when it falls inside one, the turn is split there and
    its second part opens with the speaker again, marked as continued, so a name is never cut off from
    its words by a heading."""
    # A transcript has a few speakers and hundreds of turns, one paragraph each as a rule: what opens a turn
    # is made once per speaker, and the loop below does as little as it can per paragraph.
    openings: dict[object, str] = {}
    out: list[str] = []
    append = out.append
    for turn in transcript.turns:
        kind = turn.kind
        key: object = turn.person if kind == "person" else (kind, turn.label)
        opening = openings.get(key)
        if opening is None:
            # A turn's opening closes the turn before it; the first one's close is taken off at the end.
            opening = _CLOSE + _opening(turn, people, url, avatar)
            # A break's opening depends on whether it has paragraphs, an unknown person's on the label.
            if kind != "break" and (kind != "person" or turn.person in people):
                openings[key] = opening
        paragraphs = turn.paragraphs
        marks = chapter_marks.get(paragraphs[0].anchor) if chapter_marks and paragraphs else None
        if marks:
            append(_CLOSE)
            out.extend(_chapter_heading(chapter, chapters.index(chapter) + 1) for chapter in marks)
            opening = opening.removeprefix(_CLOSE)
        append(opening)
        marker = (f'<p class="speaker-break"><span>{escape(turn.label, quote=False)}</span></p>'
                  if kind == "break" else "")
        first = True
        for paragraph in paragraphs:
            anchor = paragraph.anchor  # [A-Za-z0-9_-] by construction: nothing to escape
            if chapter_marks and not first:
                marks = chapter_marks.get(anchor)
                if marks:
                    append(_CLOSE)
                    out.extend(_chapter_heading(chapter, chapters.index(chapter) + 1) for chapter in marks)
                    append(_opening(turn, people, url, avatar, continued=True))
            first = False
            time = _time_html(paragraph.time_text)
            seconds = format_seconds(paragraph.start)
            if paragraph.exact:
                append(f'<div class="para" id="{anchor}"><a class="para-time" href="#{anchor}" data-t="{seconds}" '
                       f'title="Link to {time}">{time}</a><div class="para-body">{marker}{paragraph.html}'
                       '</div></div>\n')
            else:
                append(f'<div class="para" id="{anchor}"><a class="para-time approx" href="#{anchor}" '
                       f'data-t="{seconds}" '
                       f'title="Link to about {time} (estimated)">~{time}</a><div class="para-body">{marker}'
                       f'{paragraph.html}</div></div>\n')
            marker = ""  # the break's label goes before its first paragraph only
    if out:
        out[0] = out[0].removeprefix(_CLOSE)
        append(_CLOSE)
    return Markup("".join(out))


def _opening(turn: Turn, people: Mapping[str, Person], url: Callable[[str], str],
             avatar: Callable[[Person, str], str], *, continued: bool = False) -> str:
    """The start of a turn: its div and the speaker, linked and pictured when a person of the site. The
    part of a turn after a chapter heading (`continued`) names the speaker again, unlinked (the link is
    at the turn's start) and marked as continued; a break's second part needs no label."""
    if continued:
        opening = f'<div class="turn turn-{turn.kind} turn-continued">\n'
        note = ' <span class="speaker-continued-note">(continued)</span></p>\n'
    else:
        opening = f'<div class="turn turn-{turn.kind}">\n'
        note = "</p>\n"
    person = people.get(turn.person) if turn.person else None
    label = escape(turn.label, quote=False)
    if turn.kind == "break":
        if not turn.paragraphs:
            opening += f'<p class="speaker-break"><span>{label}</span></p>\n'
    elif turn.kind == "person" and person is not None:
        name = f'{avatar(person, "s")}<span>{escape(person.name, quote=False)}</span>'
        if continued:
            opening += f'<p class="speaker speaker-continued"><span class="speaker-name">{name}</span>{note}'
        else:
            opening += f'<p class="speaker"><a href="{escape(url(person.url))}">{name}</a>{note}'
    elif turn.label:
        extra = " speaker-continued" if continued else ""
        opening += f'<p class="speaker speaker-plain{extra}"><span>{label}</span>{note}'
    return opening


_CLOSE = "</div>\n"


@lru_cache(maxsize=16384)
def _time_html(text: str) -> str:
    """The HTML of a paragraph's time: the few thousand times transcripts show ("12:34") recur from episode
    to episode, so each is escaped once."""
    return escape(text)


def _chapter_heading(chapter: Chapter, number: int) -> str:
    return (f'<h3 class="chapter-heading" id="chapter-{number}"><a class="ts" href="#chapter-{number}" '
            f'data-t="{format_seconds(chapter.start)}">{format_timecode(chapter.start)}</a> '
            f'{escape(chapter.title, quote=False)}</h3>\n')
