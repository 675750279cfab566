"""The parser's shortcuts give exactly what the plain regex searches they replace would give."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.markup.blocks import BLOCK_START_CHARS
from generator.markup.inline_fast import render_plain, render_plain_many
from generator.markup.markdown import Markup
from generator.markup.text_scan import CONTROL_RE, has_control
from generator.timecode import format_timecode
from generator.transcripts.parser import _BRACKET_RE, _LABEL_RE, _PLAIN_LABEL_RE, _brackets, _Label, _Parser
from generator.transcripts.speakers import SpeakerIndex
from generator.transcripts.timing import clock_texts


def random_texts(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


BRACKET_TEXTS = [
    "", "[", "\\[", "\\\\[12:00\\]", "a \\[laughs\\] b \\[12:34\\]", "[link](https://x.test) \\[01:02:03.45\\]",
    "\\[12:00\\]\\[13:00\\]", "\\\\\\[[12:00]]", "[a\\]\\](", "\\[x\n12:00\\]",
]


def test_brackets_finds_what_finditer_finds() -> None:
    def spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], str]]:
        return [(m.span(), m.group("inner")) for m in matches]
    for text in BRACKET_TEXTS + random_texts("\\\\[]()\n1:a ", 20000, 20, seed=1):
        assert spans(_brackets(text)) == spans(_BRACKET_RE.finditer(text)), repr(text)


def test_control_check_agrees_with_the_regex() -> None:
    rng = random.Random(2)
    samples = [chr(c) for c in range(0x200)] + ["\u2019", "\U0001F600", "a", " ", "\n", "\t"]
    for _ in range(20000):
        text = "".join(rng.choice(samples) for _ in range(rng.randint(0, 6)))
        assert has_control(text) == (CONTROL_RE.search(text) is not None), repr(text)


LABEL_LINES = [
    "**Jerod Santo:** Hi.", "**Jerod Santo:**", "**A:** b", "**Jerod Santo**: Hi.", "***Jerod Santo:** clip*",
    "**Name: Name:** Hi.", "**" + "x" * 100 + ":** Hi.", "**" + "x" * 101 + ":** Hi.", "**Bold** text: no",
]


def test_plain_label_matches_like_the_full_label_pattern() -> None:
    lines = LABEL_LINES + random_texts("*: \tab#\\[]", 20000, 14, seed=3)
    for text in lines + ["**" + line for line in lines]:
        fast = _PLAIN_LABEL_RE.match(text)
        if fast is not None:
            full = _LABEL_RE.match(text)
            assert full is not None and full.group() == fast.group()
            assert (full.group("label"), full.group("plain"), full.group("italic")) == (fast.group("label"), None, None)


# -- lines to turns: the shortcuts in _Parser.run and add_block against the general path ----------------

TRICKY_LINES = [
    "**Jerod Santo:** Hi there.", "**Jerod Santo:**", "**Adam Stacoviak:** \\[04:34\\] So.", "**Break:** \\[26:46\\]",
    "**Break**: \\[1:00\\] to \\[2:00\\]", "Break: \\[44:19\\] to \\[45:16\\]", "Break:", "Break: later",
    "# **Break:** x", "***Clip:** a quoted clip*", "***Jerod Santo:** italic*", "**Jerod Santo: Jerod Santo:** doubled",
    "**Jerod Santo: ** spaced", "**Jerod Santo:**: odd", "**Jerod Santo:**x glued", "**Nobody Known:** who?",
    "**   :** blank label", "**" + "x" * 101 + ":** long", "continuation text", "\\[12:00\\]", "\\[12:00\\] dated",
    "text \\[laughs\\] more", "mid \\[05:00\\] stamp", "a [link](https://x.test) b", "bad [link](www.x)",
    "[a](b) no colon", "\\[12:x0\\]", "[01:03:14.15] bare", "  indented", "trailing spaces   ", "   ", "\t", "", "", "",
    "", "```", "```go", "~~~", "<pre>", "</pre>", "<PRE class=x>", "code `x` span", "x < y ~ z",
    "glued **Mat Ryer:** inside", "**Mat Ryer**: outside", "\x1d control", "\ufeffbom", "nbsp\u00a0", "em space\u2003",
    "\ue000mark", "smart ’quotes’", "**bold: thing**", "**A:** \\[00:10\\]", "Intro:",
]


def tricky_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = "\n".join(rng.choice(TRICKY_LINES) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.1:
            text = text.replace("\n", rng.choice(["\r\n", "\r"]))
        texts.append(("\ufeff" if rng.random() < 0.1 else "") + text + rng.choice(["", "\n", "\n\n"]))
    return texts


class _Forgetful(dict[str, _Label]):
    """A plain_labels that keeps nothing: every line's label is then read by the regexes."""

    def __setitem__(self, key: str, value: _Label) -> None:
        pass


def parsed_state(text: str, general: bool) -> tuple[object, ...]:
    from pathlib import Path

    from generator.diagnostics import Diagnostics
    from generator.markup.markdown import Markup
    from generator.transcripts.parser import _Parser
    from generator.transcripts.speakers import SpeakerIndex

    speakers = SpeakerIndex(people={"Jerod Santo": "jerod", "Adam Stacoviak": "adam", "Mat Ryer": "mat"})
    diags = Diagnostics()
    parser = _Parser(Path("t.md"), speakers, Markup(), diags)
    if general:
        parser.plain_labels = _Forgetful()
    parser.run(text)
    has_times = parser.place(600.0)

    def stamp(s: object) -> object:
        return None if s is None else (s.seconds, s.display, s.line, s.words, s.valid)  # type: ignore[attr-defined]

    turns = [(t.kind, t.label, t.person, t.line,
              [(p.line, p.body, p.speech, stamp(p.lifted), [stamp(s) for s in p.inline], p.words, p.offset, p.start,
                p.anchor) for p in t.paragraphs])
             for t in parser.turns]
    return turns, has_times, [(d.location.line, d.message) for d in diags.items]


def test_label_lookup_reads_lines_as_the_regexes_do() -> None:
    for text in tricky_texts(1500, seed=4):
        assert parsed_state(text, general=False) == parsed_state(text, general=True), repr(text)


def test_colon_free_paragraph_is_read_as_timed_paragraph_reads_it() -> None:
    from pathlib import Path

    from generator.diagnostics import Diagnostics
    from generator.transcripts.parser import _Parser, _TurnDraft
    from generator.transcripts.speakers import SpeakerIndex

    rng = random.Random(5)
    pieces = ["\\[laughs\\]", "[x]", "\\[", "\\]", "[a](b)", "word", " ", "  ", "\t", "\n", "\u00a0", "12", "[12.5]",
              "*"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))).strip()
        if "[" not in text:
            continue
        parser = _Parser(Path("t.md"), SpeakerIndex(), None, Diagnostics())  # type: ignore[arg-type]
        turn = _TurnDraft("none", "", None, 1)
        parser.add_block(turn, 3, [text], False)
        fast = turn.paragraphs[0] if turn.paragraphs else parser.pending
        checked = len(parser.diags.items)  # the link and label checks' warnings, which both paths make
        slow = parser.timed_paragraph(3, text, False)
        assert fast is not None and len(parser.diags.items) == checked  # no timestamp warning either
        assert (fast.body, fast.speech, fast.lifted, list(fast.inline), fast.words) == \
            (slow.body, slow.speech, slow.lifted, list(slow.inline), slow.words), repr(text)


PARAGRAPHS = [
    "", " ", "plain words", "  padded  ", "a \\[laughs\\] b", "\\[", "\\]", "\\\\[]", "\\[x\\]\\[y]", "[link](https://x.test)",
    "a > b", ">", "> quoted", "\\> not quoted", "16. sixteen", "16 years", "- dash", "-dash", "+ plus", "# hash",
    "~~~", "``` fence", "1) one", "a & b", "&amp;", "a * b", "*em*", "snake_case", "<b>x</b>", "a\tb", "a\nb",
    "a\xa0b", "café > tea", "naïve \\[laughs\\]", "\u2019quoted\u2019", "\ue0000\ue001 marker", "`code`",
    "ends with \\", "ends with \\[", "emoji \U0001F600 > 1", "x" * 300 + " \\[ok\\]",
]


def test_plain_many_gives_what_render_paragraph_gives() -> None:
    """render_plain_many leaves exactly the paragraphs the plain path refuses, or that open with a block
    character, to render_paragraph; the others get render_paragraph's HTML and text. Sources are rendered
    in groups, since they are searched as one text."""
    markup = Markup()
    rng = random.Random(4)
    sources = PARAGRAPHS + random_texts("ab \\[]>&*_`<-#16.\t\n\xa0é\u2019", 4000, 12, seed=5)
    groups = [PARAGRAPHS, []] + [rng.sample(sources, rng.randint(1, 8)) for _ in range(2000)]
    for group in groups:
        htmls, texts, others = render_plain_many(group)
        for i, source in enumerate(group):
            plain = render_plain(source.strip())
            refused = plain is None or source.strip()[:1] in BLOCK_START_CHARS or not source.strip()
            assert (i in others) == refused, repr(source)
            if not refused:
                rendered = markup.render_paragraph(source)
                assert (htmls[i], texts[i]) == (rendered.html, rendered.text), repr(source)


TRICKY_TRANSCRIPT = """**Jerod Santo:** \\[00:01\\] Hi > there \\[laughs\\]. 16. Not a list.

16\\. and 16. a list?

> a quote

**Adam Stacoviak:** a & b, *em*, snake_case, café, \x07bell\x85 and\tnbsp\xa0.

  leading spaces

\\[00:30\\]

**Jerod Santo:** inline \\[00:40\\] stamp and \\[laughter\\]

***Jerod Santo:** a quoted clip*

**Adam Stacoviak:** \\[1:02:03\\] an hour on

after an hour

**Jerod Santo:** \\[10:00:01\\] ten hours on

and after that

**Adam Stacoviak:** \\[12:00:00\\]
"""


def test_render_all_gives_what_render_gives() -> None:
    speakers = SpeakerIndex(people={"Jerod Santo": "jerod", "Adam Stacoviak": "adam"})
    parser = _Parser(Path("t.md"), speakers, Markup(), Diagnostics())
    parser.run(TRICKY_TRANSCRIPT)
    parser.place(None)
    paras = parser.paragraphs()
    assert any(not para.body for para in paras) and any(para.inline for para in paras)
    built = parser.render_all(paras)
    expected = [parser.render(para) for para in paras]
    assert built == expected
    assert [type(p) for p in built] == [type(p) for p in expected]


TRANSCRIPT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "transcripts"


@pytest.mark.slow
@pytest.mark.skipif(not TRANSCRIPT_CORPUS.is_dir(), reason=f"the transcript corpus is not at {TRANSCRIPT_CORPUS}")
def test_render_all_gives_what_render_gives_on_every_corpus_file() -> None:
    markup = Markup()
    for path in sorted(TRANSCRIPT_CORPUS.rglob("*.md")):
        parser = _Parser(path, SpeakerIndex(), markup, Diagnostics())
        parser.run(path.read_text(encoding="utf-8"))
        parser.place(None)
        paras = parser.paragraphs()
        assert parser.render_all(paras) == [parser.render(para) for para in paras], path


def test_clock_texts_are_format_timecode() -> None:
    rng = random.Random(6)
    edges = [0.0, -0.0, -0.5, -1.0, 59.99, 3599.99, 3600.0, 35999.9, 36000.0, 1e300, math.nan, math.inf, -math.inf]
    groups = [[edge, extra] for edge in edges for extra in (0.0, 100.0, 5000.0)] + [[]]
    groups += [[rng.uniform(-3, 40000) for _ in range(rng.randint(1, 5))] for _ in range(3000)]
    for starts in groups:
        assert clock_texts(starts) == list(map(format_timecode, starts)), starts
