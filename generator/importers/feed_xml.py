"""Reads a feed file as untrusted XML: the standard library's expat with a DOCTYPE refused before its
internal subset is read (so no entity is ever expanded), in any encoding Python knows, with the line of the
channel and of each item kept for the import's messages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import xml.parsers.expat
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.importers.checks import as_utf8
from generator.importers.feed_tags import adopt_podcast_namespace


class _RefusedError(Exception):
    pass


class _NoDoctypeBuilder(ET.TreeBuilder):
    """A tree builder that refuses a document type declaration (and so any entity declaration)."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _RefusedError(name)


def read_feed(path: Path, diags: Diagnostics) -> tuple[ET.Element, dict[int, int]] | None:
    """The feed's <channel> and the line of it and of each <item> (by id), or None with an error.

    Two passes: expat alone, for the line of every item and of a DOCTYPE (ElementTree keeps no positions),
    then ElementTree for the tree. Both refuse a DOCTYPE before its internal subset is read."""
    try:
        data = as_utf8(path.read_bytes())
    except OSError as exc:
        diags.error(Location(path), f"cannot read the feed: {exc.strerror}")
        return None
    except ValueError as exc:
        diags.error(Location(path, 1), f"the feed's encoding cannot be read: {exc}", "save it as UTF-8 and import "
                    "it again")
        return None
    item_lines: list[int] = []
    channel_lines: list[int] = []
    probe = xml.parsers.expat.ParserCreate(namespace_separator="}")

    def start(name: str, attrs: dict[str, str]) -> None:
        if name in ("item", "channel"):
            (item_lines if name == "item" else channel_lines).append(probe.CurrentLineNumber)

    def doctype(*_: object) -> None:
        raise _RefusedError(probe.CurrentLineNumber)

    probe.StartElementHandler = start
    probe.StartDoctypeDeclHandler = doctype
    try:
        probe.Parse(data, True)
    except _RefusedError as refused:
        _refuse_doctype(path, refused.args[0], diags)
        return None
    except xml.parsers.expat.ExpatError as exc:
        if exc.code != xml.parsers.expat.errors.codes[xml.parsers.expat.errors.XML_ERROR_UNKNOWN_ENCODING]:
            _not_well_formed(path, xml.parsers.expat.ErrorString(exc.code), exc.lineno, exc.offset, diags)
            return None
        item_lines = []  # an encoding only ElementTree knows (through Python's codecs): no item lines
    parser = ET.XMLParser(target=_NoDoctypeBuilder())
    try:
        parser.feed(data)
        root = parser.close()
    except _RefusedError:
        line = data[: data.find(b"<!DOCTYPE")].count(b"\n") + 1 if b"<!DOCTYPE" in data else 1
        _refuse_doctype(path, line, diags)
        return None
    except ET.ParseError as exc:
        line, column = exc.position
        _not_well_formed(path, str(exc).split(": line ")[0], line, column, diags)
        return None
    adopt_podcast_namespace(root)
    channel = root.find("channel") if root.tag == "rss" else None
    if channel is None:
        what = "it has no <channel>" if root.tag == "rss" else f"its root element is <{_local(root.tag)}>"
        diags.error(Location(path, 1), f"not an RSS 2.0 podcast feed: {what}",
                    "podsite imports RSS feeds (<rss version=\"2.0\"><channel>…); Atom feeds are not podcast feeds")
        return None
    items = channel.findall("item")
    lines = {id(channel): channel_lines[0]} if len(channel_lines) == 1 else {}
    if len(items) == len(item_lines):
        lines.update((id(item), line) for item, line in zip(items, item_lines, strict=True))
    return channel, lines


def _refuse_doctype(path: Path, line: int, diags: Diagnostics) -> None:
    diags.error(Location(path, line), "the feed has a DOCTYPE declaration; podsite refuses DTDs and entity "
                "declarations in imported feeds", "a podcast feed needs none: remove the <!DOCTYPE …> declaration "
                "if you trust the file, and import it again")


def _not_well_formed(path: Path, message: str, line: int, column: int, diags: Diagnostics) -> None:
    diags.error(Location(path, line), f"not well-formed XML: {message} (column {column + 1})",
                "the feed file is damaged or not XML; export it again from the hosting platform")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
