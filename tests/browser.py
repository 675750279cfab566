"""Helpers for the browser tests: a headless Debian chromium through Playwright, and a static server
on 127.0.0.1 that answers Range requests (browsers seek audio with them)."""

from __future__ import annotations

import functools
import http.server
import io
import os
import shutil
import struct
import threading
import wave
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--autoplay-policy=no-user-gesture-required"]


def require_browser() -> None:
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (scripts/test installs it with apt-get)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Playwright's Browser), closed afterwards; skips the test when there is none."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def write_silence(path: Path, seconds: int, rate: int = 8000) -> None:
    """A mono 8-bit WAV of silence: a real, seekable audio file made without any download."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * rate * seconds)


def write_png(path: Path, width: int, height: int) -> None:
    """A real PNG, a green that lightens from top to bottom: artwork made without an image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes((11 + y * 120 // height, 110 + y * 100 // height, 79 + y * 120 // height)) * width
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))


# The minimal site's remote audio, which a browser test swaps for a local file that really plays.
REMOTE_AUDIO = '  url: https://cdn.example/1.mp3\n  bytes: 1000000\n  duration: "10:00"\n'


def play_locally(folder: Path, seconds: int) -> None:
    """Gives the minimal site's episode in `folder` a local WAV of `seconds` as its audio: in place of its
    remote audio, or before its 'published:' where it has none."""
    write_silence(folder / "audio.wav", seconds=seconds)
    episode = folder / "episode.md"
    text = episode.read_text(encoding="utf-8")
    if REMOTE_AUDIO in text:
        text = text.replace(REMOTE_AUDIO, "  file: audio.wav\n")
    else:
        assert "published:" in text, episode
        text = text.replace("published:", "audio:\n  file: audio.wav\npublished:", 1)
    episode.write_text(text, encoding="utf-8")


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler plus single byte ranges."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name of the method it overrides
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        header = self.headers.get("Range", "")
        path = self.translate_path(self.path)
        if not header.startswith("bytes=") or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        first, _, last = header[6:].split(",")[0].partition("-")
        start = int(first) if first else max(0, size - int(last))
        end = min(int(last), size - 1) if first and last else size - 1
        with open(path, "rb") as handle:  # the test files are small: the range is read whole
            handle.seek(start)
            body = handle.read(end - start + 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serves `folder` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(RangeHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
