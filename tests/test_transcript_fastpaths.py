"""The parser's shortcuts give exactly what the plain regex searches they replace would give."""

from __future__ import annotations

import random
import re
from typing import Iterable

from generator.markup import CONTROL_RE, has_control
from generator.transcript import _BRACKET_RE, _LABEL_RE, _PLAIN_LABEL_RE, _brackets


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
    "**Break**: \\[1:00\\] to \\[2:00\\]", "Break: \\[44:19\\] to \\[45:16\\]", "Break:", "Break: later", "# **Break:** x",
    "***Clip:** a quoted clip*", "***Jerod Santo:** italic*", "**Jerod Santo: Jerod Santo:** doubled",
    "**Jerod Santo: ** spaced", "**Jerod Santo:**: odd", "**Jerod Santo:**x glued", "**Nobody Known:** who?",
    "**   :** blank label", "**" + "x" * 101 + ":** long", "continuation text", "\\[12:00\\]", "\\[12:00\\] dated",
    "text \\[laughs\\] more", "mid \\[05:00\\] stamp", "a [link](https://x.test) b", "bad [link](www.x)", "[a](b) no colon",
    "\\[12:x0\\]", "[01:03:14.15] bare", "  indented", "trailing spaces   ", "   ", "\t", "", "", "", "", "```", "```go",
    "~~~", "<pre>", "</pre>", "<PRE class=x>", "code `x` span", "x < y ~ z", "glued **Mat Ryer:** inside",
    "**Mat Ryer**: outside", "\x1d control", "\ufeffbom", "nbsp\u00a0", "em space\u2003", "\ue000mark", "smart ’quotes’",
    "**bold: thing**", "**A:** \\[00:10\\]", "Intro:",
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


class _Forgetful(dict):  # type: ignore[type-arg]
    """A plain_labels that keeps nothing: every line's label is then read by the regexes."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def parsed_state(text: str, general: bool) -> tuple[object, ...]:
    from pathlib import Path

    from generator.diagnostics import Diagnostics
    from generator.markup import Markup
    from generator.transcript import SpeakerIndex, _Parser

    speakers = SpeakerIndex(people={"Jerod Santo": "jerod", "Adam Stacoviak": "adam", "Mat Ryer": "mat"})
    diags = Diagnostics()
    parser = _Parser(Path("t.md"), speakers, Markup(), diags)
    if general:
        parser.plain_labels = _Forgetful()
    parser.run(text)
    has_times = parser.place(600.0)

    def stamp(s: object) -> object:
        return None if s is None else (s.seconds, s.display, s.line, s.words, s.valid)  # type: ignore[attr-defined]

    turns = [(t.kind, t.label, t.person, t.line, [(p.line, p.body, p.speech, stamp(p.lifted), [stamp(s) for s in p.inline],
                                                   p.words, p.offset, p.start, p.anchor) for p in t.paragraphs])
             for t in parser.turns]
    return turns, has_times, [(d.location.line, d.message) for d in diags.items]


def test_label_lookup_reads_lines_as_the_regexes_do() -> None:
    for text in tricky_texts(1500, seed=4):
        assert parsed_state(text, general=False) == parsed_state(text, general=True), repr(text)


def test_colon_free_paragraph_is_read_as_timed_paragraph_reads_it() -> None:
    from pathlib import Path

    from generator.diagnostics import Diagnostics
    from generator.transcript import SpeakerIndex, _Parser, _TurnDraft

    rng = random.Random(5)
    pieces = ["\\[laughs\\]", "[x]", "\\[", "\\]", "[a](b)", "word", " ", "  ", "\t", "\n", "\u00a0", "12", "[12.5]", "*"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))).strip()
        if "[" not in text:
            continue
        parser = _Parser(Path("t.md"), SpeakerIndex(), None, Diagnostics())  # type: ignore[arg-type]
        turn = _TurnDraft("none", "", None, 1)
        parser.add_block(turn, 3, [text], False)
        fast = turn.paragraphs[0] if turn.paragraphs else parser.pending
        checked = len(parser.diags.items)  # the link and label checks' warnings, which both paths make
        slow = parser.timed_paragraph(turn, 3, text, False)
        assert fast is not None and len(parser.diags.items) == checked  # no timestamp warning either
        assert (fast.body, fast.speech, fast.lifted, list(fast.inline), fast.words) == \
            (slow.body, slow.speech, slow.lifted, list(slow.inline), slow.words), repr(text)
