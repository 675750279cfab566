"""Finding characters in many texts at once, and control characters in one: by a byte table or one C search
over all the texts joined, where a regex character class or a search per text would cost more."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Sequence

# C0 and C1 control characters other than tab and newline: invisible, and nothing good comes of them.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def byte_table(pattern: re.Pattern[str]) -> bytes:
    """A table for bytes.translate that maps every byte whose character `pattern` matches to another byte:
    an ASCII text's bytes come through unchanged exactly when the pattern finds none of its characters
    (ascii_has). Most texts are ASCII, and a table lookup a character costs a fraction of a regex character
    class or of str.isprintable's Unicode lookups."""
    return bytes(c if pattern.match(chr(c)) is None else c ^ 0x80 for c in range(256))


def ascii_has(text: str, table: bytes) -> bool:
    """Whether an ASCII text has a character that `table` (made by byte_table) marks."""
    data = text.encode()
    return data.translate(table) != data
_CONTROL_BYTES = byte_table(CONTROL_RE)
# The characters CONTROL_RE finds, to look for one by one in other text: a search for one character is a
# memchr, where the regex tests its class on every character (3M instructions for a whole transcript).
_CONTROL_CHARS = "".join(ch for ch in map(chr, range(0xA0)) if CONTROL_RE.match(ch))


def has_control(text: str) -> bool:
    """Whether CONTROL_RE finds a character in the text (most texts have none), sooner than it would."""
    if text.isascii():
        return ascii_has(text, _CONTROL_BYTES)
    return any(map(text.__contains__, _CONTROL_CHARS))


def texts_holding(texts: Sequence[str], needles: Iterable[str], sep: str = "",
                  joined: str | None = None) -> dict[str, set[int]]:
    """For each needle the texts hold, the indices of those texts, and maybe a few more: each needle is
    found by one C search through all the texts joined by `sep`, rather than a search of each text, and
    each find is mapped back to its texts by bisecting where they start. A find that spans a junction
    counts for the texts on both sides. `joined` is sep.join(texts), if the caller has it already."""
    if joined is None:
        joined = sep.join(texts)
    find = joined.find
    found: dict[str, set[int]] = {}
    starts: list[int] = []
    for needle in needles:
        at = find(needle)
        if at < 0:
            continue
        if not starts:  # where each text starts in `joined`, computed only once a needle is there
            lengths = map(operator.add, map(len, texts), itertools.repeat(len(sep))) if sep else map(len, texts)
            starts = list(itertools.accumulate(lengths, initial=0))
            starts.pop()
        hits = found[needle] = set()
        while at >= 0:
            first = bisect.bisect_right(starts, at) - 1
            last = bisect.bisect_right(starts, at + len(needle) - 1) - 1
            hits.update(range(first, last + 1))
            if last + 1 == len(starts):
                break
            # On from the separator before the next text: a find there takes in the next text.
            at = find(needle, max(at + 1, starts[last + 1] - len(sep)))
    return found
