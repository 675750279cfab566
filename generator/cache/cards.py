"""Social cards kept between builds, in the cache folder beside the output: a card is drawn again only when
what it shows changes (render/cards.py keys it by its texts, the artwork's bytes and the layout and fonts).

Each entry is the PNG in the cache's one file format (cache/state.py), whose checksum of the payload and of
podsite's code is checked before a byte is used; an entry that passes is also checked to be a PNG of a
card's size. Anything else is a miss, and the card is drawn again."""

from __future__ import annotations

from pathlib import Path

from generator.cache.state import code_salt, read_cache_file, write_cache_file

CARDS = "cards"  # the folder in the cache folder
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int] | None:
    """The width and height a PNG's header gives, or None when `png` does not start as a PNG does."""
    if len(png) < 24 or not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        return None
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


class CardCache:
    """The cards in `folder`, by key, each of `size` (render/cards.py's, which this layer cannot import)."""

    def __init__(self, folder: Path, size: tuple[int, int]) -> None:
        self.folder, self.size = folder, size
        self.salt = code_salt()

    def get(self, key: str) -> bytes | None:
        png = read_cache_file(self.folder / f"{key}.entry", self.salt)
        return png if png is not None and png_size(png) == self.size else None

    def put(self, key: str, png: bytes) -> None:
        write_cache_file(self.folder / f"{key}.entry", png, self.salt)
