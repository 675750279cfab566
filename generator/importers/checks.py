"""Checks of a feed whose findings the import reports: a guid two items share (the build refuses it; the import
says where both are), a date that is not RFC 2822 but whose day can still be read; and the feed's text in UTF-8,
so that every finding has its line whatever the feed's encoding."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from generator.diagnostics import Diagnostics, Location
from generator.importers.report import Report

_ENCODING_RE = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")


def as_utf8(data: bytes) -> bytes:
    """A feed in UTF-8, its declaration saying so, when it declares another encoding: expat reads no multi-byte
    encoding but UTF-8 and UTF-16 itself (a Shift_JIS feed), though it reads single-byte ones through Python's
    codecs (ISO-8859-1, windows-1252): those are left as they are. Lines stay where they were.
    ValueError when Python does not know the encoding or the bytes are not in it."""
    declared = _ENCODING_RE.match(data)
    if not declared or declared.group(1).lower() in (b"utf-8", b"utf8"):
        return data
    name = declared.group(1).decode("ascii")
    try:
        if len(bytes(range(256)).decode(name, "replace")) == 256:  # one byte, one character: expat reads it
            return data
        text = data.decode(name)
    except LookupError:
        raise ValueError(f"it declares encoding=\"{name}\", which Python does not know") from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(f"it declares encoding=\"{name}\", but its line {line} is not in it") from None
    start, end = declared.span(1)  # the declaration is ASCII, so its characters are its bytes
    return (text[:start] + "UTF-8" + text[end:]).encode("utf-8")


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RFC_DAY_RE = re.compile(r"\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b", re.IGNORECASE)
_ISO_DAY_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def readable_day(text: str) -> dt.date | None:
    """The day in a date that is not RFC 2822 as a whole ("Tue, 03 Mar 2020 15:12:352 CST", "2020-03-03 noon"):
    its day, month name and year, or an ISO date; None when there is none."""
    rfc, iso = _RFC_DAY_RE.search(text), _ISO_DAY_RE.search(text)
    try:
        if rfc and rfc.group(2).lower() in _MONTHS:
            return dt.date(int(rfc.group(3)), _MONTHS.index(rfc.group(2).lower()) + 1, int(rfc.group(1)))
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    except ValueError:  # the 31st of February
        return None
    return None


def duplicate_guids(items: list[ET.Element], where: Callable[[ET.Element], Location], diags: Diagnostics,
                    report: Report) -> None:
    """A guid two items share, reported at the second with the line of the first."""
    first: dict[str, ET.Element] = {}
    for item in items:
        found = item.find("guid")
        guid = (found.text or "").strip() if found is not None else ""
        earlier = first.setdefault(guid, item) if guid else item
        if earlier is not item:
            message = f"guid '{guid}' is also the guid of the item at {where(earlier)}"
            diags.warning(where(item), message, "apps take the two for one episode, and the build refuses it: give "
                          "one of them a guid of its own ('guid:' in its episode.md)")
            report.add_attention(where(item), message, "give one of them a guid of its own")
