"""An episode's player for other sites: the compact page they frame (`<episode>/embed/`), the iframe code
that frames it, and the oEmbed document (`<episode>/oembed.json`, oEmbed 1.0, type "rich") that the
episode page points consumers to."""

from __future__ import annotations

import html
import json
import struct
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.model.entities import Episode, Show, SiteConfig
from generator.render.pages import Page

EMBED_FOLDER = "embed/"  # below the episode's URL
EMBED_PAGE = EMBED_FOLDER + "index.html"
OEMBED_FILE = "oembed.json"
# The frame's size in CSS pixels: the page fits its artwork, title, show and player in this height and
# scrolls its chapters inside it; narrower than the width, it wraps, and on a phone the host shrinks it.
EMBED_WIDTH = 640
EMBED_HEIGHT = 200


def embed_page(episode: Episode) -> Page:
    return Page(episode.url + EMBED_PAGE, "embed.html", episode.location, {"episode": episode, "show": episode.show},
                f"the embed page of episode '{episode.show.slug}/{episode.slug}'")


def embed_code(episode: Episode, base_url: str) -> str:
    """The iframe a host pastes into its page; every value from content escaped for an attribute."""
    src = html.escape(base_url + episode.url + EMBED_FOLDER, quote=True)
    title = html.escape(f"Player: {episode.title} ({episode.show.name})", quote=True)
    return (f'<iframe src="{src}" title="{title}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" loading="lazy" '
            f'style="width:100%;max-width:{EMBED_WIDTH}px;border:0"></iframe>')


def oembed(episode: Episode, config: SiteConfig) -> dict[str, Any]:
    """The oEmbed 1.0 response for the episode's page; a thumbnail only where its size is known, since the
    format asks for the width and height with its URL."""
    data: dict[str, Any] = {
        "version": "1.0", "type": "rich", "title": episode.title, "author_name": episode.show.name,
        "author_url": config.base_url + episode.show.url, "provider_name": config.title,
        "provider_url": config.base_url, "html": embed_code(episode, config.base_url),
        "width": EMBED_WIDTH, "height": EMBED_HEIGHT,
    }
    thumbnail = _thumbnail(episode.show, config.base_url)
    if thumbnail is not None:
        data["thumbnail_url"], data["thumbnail_width"], data["thumbnail_height"] = thumbnail
    return data


def oembed_json(episode: Episode, config: SiteConfig) -> bytes:
    """oembed.json's bytes. <, > and & as \\u escapes: the same JSON, which no browser can take for markup."""
    text = json.dumps(oembed(episode, config), ensure_ascii=False, indent=2)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n").encode()


def _thumbnail(show: Show, base_url: str) -> tuple[str, int, int] | None:
    artwork = show.artwork
    if artwork is None or artwork.source is None:
        return None  # an image elsewhere: its size is not known without fetching it
    size = image_size(artwork.source)
    return (artwork.href(base_url), *size) if size is not None else None


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG file, read from its header; None for another or a broken file."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _image_size(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=64)  # a show's artwork, asked for by each of its episodes
def _image_size(path: Path, size: int, mtime: int) -> tuple[int, int] | None:
    try:
        with path.open("rb") as image:
            head = image.read(26)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                width, height = struct.unpack(">II", head[16:24])
                return (width, height) if width and height else None
            if head.startswith(b"\xff\xd8"):
                image.seek(2)
                return _jpeg_size(image)
    except OSError:
        return None
    return None


# The JPEG markers that start a frame and give its size (SOF0-SOF15 but DHT, JPG and DAC).
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(image: Any) -> tuple[int, int] | None:
    while True:
        marker = image.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        kind = marker[1]
        if kind == 0xFF:  # fill byte
            image.seek(-1, 1)
            continue
        if kind in (0xD8, 0x01) or 0xD0 <= kind <= 0xD7:  # markers without a length
            continue
        length = image.read(2)
        if len(length) < 2:
            return None
        if kind in _SOF:
            frame = image.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return (width, height) if width and height else None
        image.seek(struct.unpack(">H", length)[0] - 2, 1)
