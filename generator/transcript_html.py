"""The transcript part of an episode page: one piece of HTML per turn and paragraph.

A transcript has hundreds of paragraphs, and a Jinja loop spends some 50 µs on each (escaping, attribute
lookups, generator hops), which made it the costliest part of a build. Written out here it costs a
tenth of that. Themes call it as `transcript_body(...)` and keep the say over the speaker's picture
(`avatar`, a macro of theirs) and over everything around the transcript; a theme that wants other
paragraph markup writes its own loop over `episode.transcript.turns` instead."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from markupsafe import Markup

from generator.model import Chapter, Person
from generator.timecode import format_seconds, format_timecode
from generator.transcript import Transcript


def transcript_body(transcript: Transcript, chapters: tuple[Chapter, ...],
                    chapter_marks: Mapping[str, tuple[Chapter, ...]], people: Mapping[str, Person],
                    url: Callable[[str], str], avatar: Callable[[Person, str], str]) -> Markup:
    """Every turn as `<div class="turn turn-KIND">`: the speaker (linked to their page, with their
    picture), then each paragraph with its anchor, its time link (marked approximate when estimated)
    and its body; chapter headings go before the paragraph nearest their start."""
    heads: dict[str, str] = {}
    labels: dict[str, str] = {}
    out: list[str] = []
    for turn in transcript.turns:
        out.append(f'<div class="turn turn-{turn.kind}">\n')
        person = people.get(turn.person) if turn.person else None
        label = labels.get(turn.label)
        if label is None:  # a transcript has a few speakers and hundreds of turns
            label = labels[turn.label] = escape(turn.label, quote=False)
        if turn.kind == "break":
            if not turn.paragraphs:
                out.append(f'<p class="speaker-break"><span>{label}</span></p>\n')
        elif turn.kind == "person" and person is not None:
            head = heads.get(person.slug)
            if head is None:
                head = heads[person.slug] = (f'<p class="speaker"><a href="{escape(url(person.url))}">'
                                             f'{avatar(person, "s")}<span>{escape(person.name, quote=False)}</span></a></p>\n')
            out.append(head)
        elif turn.label:
            out.append(f'<p class="speaker speaker-plain"><span>{label}</span></p>\n')
        for index, paragraph in enumerate(turn.paragraphs):
            marks = chapter_marks.get(paragraph.anchor)
            if marks:
                out.extend(_chapter_heading(chapter, chapters.index(chapter) + 1) for chapter in marks)
            anchor = paragraph.anchor  # [A-Za-z0-9_-] by construction: nothing to escape
            time = escape(paragraph.time_text)
            if paragraph.exact:
                link = f'<a class="para-time" href="#{anchor}" data-t="{format_seconds(paragraph.start)}" title="Link to {time}">{time}</a>'
            else:
                link = (f'<a class="para-time approx" href="#{anchor}" data-t="{format_seconds(paragraph.start)}" '
                        f'title="Link to about {time} (estimated)">~{time}</a>')
            marker = f'<p class="speaker-break"><span>{label}</span></p>' if turn.kind == "break" and index == 0 else ""
            out.append(f'<div class="para" id="{anchor}">{link}<div class="para-body">{marker}{paragraph.html}</div></div>\n')
        out.append("</div>\n")
    return Markup("".join(out))


def _chapter_heading(chapter: Chapter, number: int) -> str:
    return (f'<h3 class="chapter-heading" id="chapter-{number}"><a class="ts" href="#chapter-{number}" '
            f'data-t="{format_seconds(chapter.start)}">{format_timecode(chapter.start)}</a> '
            f'{escape(chapter.title, quote=False)}</h3>\n')
