"""transcript_body: the turns' openings it makes once per speaker, and the paragraphs' markup."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from generator.model.entities import Chapter
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


def test_chapter_headings_go_inside_the_turn_before_their_paragraph() -> None:
    chapter = Chapter(3.0, "Intro")
    html = body(Turn("voice", "V", None, 1, (para("a", 3.0),)), chapters=(chapter,), marks={"a": (chapter,)})
    assert html.index('<p class="speaker speaker-plain">') < html.index('id="chapter-1"') < html.index('id="a"')
