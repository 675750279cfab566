"""transcript_body: the turns' openings it makes once per speaker, and the paragraphs' markup."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from generator.diagnostics import Location
from generator.model.entities import Chapter, Person
from generator.model.transcript import Paragraph, Transcript, Turn
from generator.render.transcript_html import transcript_body
from generator.timecode import format_seconds


def para(anchor: str, start: float, exact: bool = False, time_text: str = "00:03") -> Paragraph:
    return Paragraph(anchor, 1, start, exact, time_text, f"<p>{anchor}</p>", anchor)


def body(*turns: Turn, chapters: tuple[Chapter, ...] = (), marks: dict[str, tuple[Chapter, ...]] | None = None) -> str:
    transcript = Transcript(Path("t.md"), turns, True)
    html = transcript_body(transcript, chapters, marks or {}, {}, lambda p: "/" + p, lambda p, s: "")
    assert isinstance(html, Markup)
    return str(html)


def test_every_turn_is_closed_once_and_breaks_keep_their_label() -> None:
    html = body(Turn("break", "Break <1>", None, 1, ()),
                Turn("break", "Break <1>", None, 2, (para("a", 1.0), para("b", 2.0))),
                Turn("voice", "A & B", None, 3, (para("c", 3.0, True, "<3>"),)),
                Turn("voice", "A & B", None, 4, (para("d", 4.0),)))
    assert html.startswith(
        '<div class="turn turn-break">\n<p class="speaker-break"><span>Break &lt;1&gt;</span></p>\n</div>\n')
    assert html.count('<div class="turn') == html.count("</div>\n") - 4 == 4  # 4 turns, 4 paragraphs
    assert html.endswith("</div></div>\n</div>\n")
    # the label of a break with paragraphs goes before its first paragraph only
    assert html.count('<div class="para-body"><p class="speaker-break">') == 1
    assert html.count('<p class="speaker speaker-plain"><span>A &amp; B</span></p>') == 2
    assert 'title="Link to &lt;3&gt;">&lt;3&gt;</a>' in html


def test_no_turns_no_markup() -> None:
    assert body() == ""


def test_data_t_is_format_seconds() -> None:
    starts = (0.0, 0.125, 0.375, 1.005, 2.675, 59.999, 3599.995, 1e10)
    html = body(Turn("voice", "V", None, 1, tuple(para(f"p{i}", s) for i, s in enumerate(starts))))
    for i, start in enumerate(starts):
        assert f'href="#p{i}" data-t="{format_seconds(start)}"' in html


def test_a_chapter_heading_at_the_start_of_a_turn_goes_before_the_speaker() -> None:
    chapter = Chapter(3.0, "Intro")
    html = body(Turn("voice", "V", None, 1, (para("a", 1.0),)), Turn("voice", "W", None, 2, (para("b", 3.0),)),
                chapters=(chapter,), marks={"b": (chapter,)})
    assert html.index('id="a"') < html.index('id="chapter-1"') < html.index("<span>W</span>") < html.index('id="b"')
    # the heading stands between the turns, not inside either, and every turn is still closed once
    assert '</div>\n</div>\n<h3 class="chapter-heading" id="chapter-1">' in html
    assert html.count('<div class="turn') == 2 and "(continued)" not in html


def test_a_chapter_heading_on_the_first_paragraph_opens_the_transcript() -> None:
    chapter = Chapter(0.0, "Hello")
    html = body(Turn("voice", "V", None, 1, (para("a", 0.0),)), chapters=(chapter,), marks={"a": (chapter,)})
    assert html.startswith('<h3 class="chapter-heading" id="chapter-1">')
    assert html.endswith("</div></div>\n</div>\n") and html.count("</div>\n") == 2  # a paragraph, a turn


def test_a_chapter_heading_inside_a_turn_is_followed_by_the_speaker_again_marked_as_continued() -> None:
    people = {"hana": Person("hana", "Hana Host", (), "", (), "", None, (), Location(Path("people/hana.yaml")))}
    intro, main = Chapter(0.0, "Intro"), Chapter(20.0, "Main")
    turns = (Turn("person", "Hana", "hana", 1, (para("a", 0.0), para("b", 10.0), para("c", 20.0), para("d", 30.0))),
             Turn("voice", "Crowd", None, 5, (para("e", 40.0), para("f", 50.0))))
    outline = Chapter(50.0, "Questions")
    html = str(transcript_body(Transcript(Path("t.md"), turns, True), (intro, main, outline),
                               {"a": (intro,), "c": (main,), "f": (outline,)}, people,
                               lambda p: "/" + p, lambda p, s: f"[{p.name}]"))
    # the name stays with the words after the heading: heading, then the speaker, then the paragraph
    heading = html.index('id="chapter-2"')
    assert html.index('id="b"') < heading < html.rindex("<span>Hana Host</span>") < html.index('id="c"')
    continued = html[heading:html.index('id="c"')]
    assert '<div class="turn turn-person turn-continued">' in continued
    assert '<p class="speaker speaker-continued"><span class="speaker-name">[Hana Host]<span>Hana Host</span></span> ' \
           '<span class="speaker-continued-note">(continued)</span></p>' in continued
    assert "<a " not in continued.replace('<a class="ts"', "")  # the link to her page is at the turn's start only
    assert html.count('href="/people/hana/"') == 1
    # a voice is repeated as well
    tail = html[html.index('id="chapter-3"'):html.index('id="f"')]
    assert '<p class="speaker speaker-plain speaker-continued"><span>Crowd</span> ' in tail
    # each turn part is one div, closed once: 2 turns split into 4 parts, around 6 paragraphs
    assert html.count('<div class="turn') == 4 and html.count("</div>\n") == 4 + 6
    assert html.count('<h3 class="chapter-heading"') == 3 and html.count("(continued)") == 2


def test_headings_never_fall_between_a_speaker_and_their_first_words_on_the_example(example_site: Path) -> None:
    """The example's #36 with chapters where its turns begin and inside one: after every heading, the next
    element is a turn that names its speaker before any paragraph."""
    import re

    from generator.engine import build

    episode = example_site / "episodes/practicalai/36/episode.md"
    text = episode.read_text(encoding="utf-8")
    chapters = ("chapters:\n  - {start: 0, title: Hello}\n  - {start: \"0:31\", title: GTC}\n"
                "  - {start: \"3:10\", title: Early days}\n  - {start: \"20:00\", title: Tensors}\n")
    episode.write_text(text.replace("sponsors:\n", chapters + "sponsors:\n", 1), encoding="utf-8")
    out = example_site.parent / "output"
    result = build(example_site, out)
    assert result.ok, result.diagnostics.report()
    page = (out / "practicalai/36/index.html").read_text(encoding="utf-8")
    transcript = page[page.index('<div class="transcript-body"'):page.index('<footer class="transcript-footer"')]
    headings = list(re.finditer(r'<h3 class="chapter-heading"[^\n]*\n', transcript))
    assert len(headings) == 4
    for heading in headings:
        after = transcript[heading.end():]
        assert after.startswith('<div class="turn turn-person'), after[:200]
        assert after.index('<p class="speaker') < after.index('<div class="para"')
    # 0:31 falls on the second paragraph of the opening turn: the one heading inside a turn
    assert transcript.count('<div class="turn turn-person turn-continued">') == 1
