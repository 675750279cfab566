"""Speaker labels and how they resolve: to a person, a break, a voice that is nobody's profile, or unknown."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DEFAULT_BREAKS = frozenset({
    "break", "jingle", "outro", "intro", "sample", "song", "music", "interlude", "theme", "theme song",
    "ad", "ad break", "sponsor", "sponsor break", "bumper", "promo",
})
# Speakers that are not people and need no entry anywhere: crowd voices and played clips.
DEFAULT_VOICES = frozenset({"audience", "audience member", "crowd", "everyone", "all", "both", "clip",
                            "voiceover", "voice over", "announcer", "narrator"})
_VOICE_PREFIXES = ("clip from ", "clip of ")


@dataclass(frozen=True, slots=True)
class SpeakerIndex:
    """How labels resolve. Keys are normalized on construction, so callers may pass names as written."""

    people: Mapping[str, str] = field(default_factory=dict)  # label -> person slug
    breaks: frozenset[str] = frozenset()  # labels that are breaks, beyond DEFAULT_BREAKS
    voices: frozenset[str] = frozenset()  # labels that speak but are nobody's profile

    def __post_init__(self) -> None:
        object.__setattr__(self, "people", MappingProxyType({normalize_label(k): v for k, v in self.people.items()}))
        object.__setattr__(self, "breaks", frozenset(normalize_label(b) for b in self.breaks))
        object.__setattr__(self, "voices", frozenset(normalize_label(v) for v in self.voices))


def normalize_label(label: str) -> str:
    """The comparable form of a speaker label: case-folded, whitespace collapsed, trailing colon and
    emoji/variation selectors dropped ("Paul Frazee✌ " -> "paul frazee")."""
    text = label
    if not text.isascii():  # the common case skips the per-character scan
        text = unicodedata.normalize("NFC", text)
        text = "".join(ch for ch in text if not _is_decoration(ch))
    return " ".join(text.casefold().split()).rstrip(":").strip()


def resolve_label(speakers: SpeakerIndex, label: str) -> tuple[str, str | None]:
    """(kind, person slug) for a label: kind is "person", "break", "voice" or "unknown". All a transcript
    learns of the speakers it learns here (cache/transcripts.py keeps each key looked up with what it gave)."""
    return resolve_key(speakers, normalize_label(label))


def resolve_key(speakers: SpeakerIndex, key: str) -> tuple[str, str | None]:
    """resolve_label for a label already normalized."""
    person = speakers.people.get(key)
    if person is not None:
        return "person", person
    if key in DEFAULT_BREAKS or key in speakers.breaks:
        return "break", None
    if key in DEFAULT_VOICES or key in speakers.voices or key.startswith(_VOICE_PREFIXES):
        return "voice", None
    return "unknown", None


def _is_decoration(ch: str) -> bool:
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or 0x1F3FB <= code <= 0x1F3FF or code == 0x20E3:
        return True  # variation selectors, skin tones, keycap
    return unicodedata.category(ch) in ("So", "Cf", "Cs", "Co")
