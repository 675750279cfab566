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
