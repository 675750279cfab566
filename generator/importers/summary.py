"""An imported episode's notes and summary, told apart.

Platforms fill a feed item's texts in their own ways: Libsyn puts the rich HTML in `description` and the same
words with the tags stripped in `content:encoded`; ART19 and Fireside give the notes again, as plain text, as
the summary. So the notes are the richer of the two when their words are the same, and a summary is kept only
when it says something the notes do not. A summary longer than Apple's limit is cut at a sentence boundary,
measured as the feed check measures it: the bytes of the HTML the build writes into <description>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.markup.html_text import html_to_text
from generator.render.feedcheck import MAX_DESCRIPTION_BYTES

_TAG_RE = re.compile(r"<[^>]*>")
_SPACE_RE = re.compile(r"\s+")
# The end of a sentence: its mark, any closing quotes or brackets, then a space or the end of the text.
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_ELLIPSIS = " …"


def words_key(markup: str) -> str:
    """The text of HTML or Markdown without tags, entities decoded and every space removed: two texts that are
    the same up to markup and spacing (a tag-stripped copy runs words together) have the same key."""
    return _SPACE_RE.sub("", html.unescape(_TAG_RE.sub(" ", markup)))


def _tag_count(markup: str) -> int:
    return len(_TAG_RE.findall(markup))


def pick_notes(encoded: str, description: str) -> str:
    """content:encoded, unless the description has the same words with more markup: then the description."""
    if not encoded:
        return description
    if description and words_key(description) == words_key(encoded) and _tag_count(description) > _tag_count(encoded):
        return description
    return encoded


def pick_summary(candidates: list[str], notes: str) -> str:
    """The first candidate that says something the notes do not: not a copy of them up to markup, nor a
    shortened one (a description cut to Apple's limit, with or without an ellipsis); '' when none does."""
    in_notes = words_key(notes)
    for candidate in candidates:
        key = words_key(candidate).rstrip("….")
        if key and not in_notes.startswith(key):
            return candidate
    return ""


@dataclass(frozen=True, slots=True)
class Cut:
    """A summary cut to fit: its text and the size the whole one has in the feed."""

    text: str
    full_bytes: int


def fit_summary(summary: str, render: Callable[[str], str]) -> Cut | None:
    """None when `summary`, rendered, fits below Apple's limit; else its plain text cut after the last sentence
    that fits (after a word, with an ellipsis, when not even the first one does)."""
    full = len(render(summary).encode("utf-8"))
    if full <= MAX_DESCRIPTION_BYTES:
        return None

    def fits(text: str) -> bool:
        return len(render(text).encode("utf-8")) <= MAX_DESCRIPTION_BYTES

    text = html_to_text(render(summary)).strip()
    best = ""
    for match in _SENTENCE_END_RE.finditer(text):
        candidate = text[: match.end()]
        if not fits(candidate):
            break
        best = candidate
    if not best:
        words = text.split(" ")
        while words and not fits(" ".join(words) + _ELLIPSIS):
            words = words[: len(words) * 9 // 10] if len(words) > 10 else words[:-1]
        best = " ".join(words) + _ELLIPSIS if words else ""
    return Cut(best, full)

