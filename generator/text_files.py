"""Text files as podsite reads them: UTF-8 (a byte-order mark allowed), line endings normalised, and what
cannot be read reported where it is. A leaf: content, transcripts and the scaffold all read through it."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics, Location


def read_text(path: Path, diags: Diagnostics, data: bytes | None = None) -> str | None:
    """A file's text as UTF-8 (from `data`, its bytes when already read); unreadable or undecodable files
    are errors."""
    try:
        if data is None:
            data = path.read_bytes()
        # Line endings are normalised here so that every later stage counts lines the same way.
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        assert data is not None
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.error(Location(path, line), f"not valid UTF-8: byte 0x{data[exc.start]:02X} at column {column}",
                    "save the file as UTF-8 (it is probably Latin-1 or Windows-1252 now)")
    except OSError as exc:
        diags.error(Location(path), f"cannot read the file: {exc.strerror}")
    return None
