"""The show and episode keys that only feeds use and that a feed import brings with it: categories, block,
locked's owner, podcast:value, alternate enclosures, extra transcript links, and the tags kept verbatim
(`feed_extra`). Each reports a wrong value at its line, as every key does (docs/content-format.md)."""

from __future__ import annotations

import re
from typing import Any

from generator.content.feed_extra import read_entry
from generator.content.fields import MAX_BYTES, Fields
from generator.diagnostics import Location
from generator.model.entities import AlternateEnclosure, TranscriptLink, ValueBlock, ValueRecipient

VALUE_KEYS = ("type", "method", "suggested", "recipients")
RECIPIENT_KEYS = ("name", "type", "address", "split", "custom_key", "custom_value", "fee")
# An alternate enclosure's optional keys, each with the attribute the feed gives it.
ENCLOSURE_ATTRIBUTES = {"bytes": "length", "bitrate": "bitrate", "height": "height", "lang": "lang",
                        "title": "title", "rel": "rel", "codecs": "codecs", "default": "default"}
ENCLOSURE_KEYS = ("type", "sources", "integrity", *ENCLOSURE_ATTRIBUTES)
TRANSCRIPT_LINK_KEYS = ("url", "type", "language", "rel")
_WEB_URL = re.compile(r"https?://\S+\Z")


def read_categories(fields: Fields) -> tuple[str, ...]:
    """`category`: one Apple category or a list of them, the first being the show's main one."""
    return tuple(name.strip() for name, _ in fields.text_list("category") if name.strip())


def read_block(fields: Fields) -> tuple[tuple[str, bool], ...]:
    """`block`: true or false for every service (podcast:block without id), or a mapping of service ids to
    true or false, `all` standing for every service."""
    value = fields.data.get("block")
    if value is None:
        return ()
    if isinstance(value, bool):
        return (("", value),)
    services = fields.mapping("block", [k for k in value if isinstance(k, str)] if isinstance(value, dict) else [])
    if services is None:
        return ()
    return tuple(("" if key == "all" else key, services.boolean(key)) for key in services.data)


def read_lock_owner(fields: Fields) -> tuple[bool, str | None]:
    """`locked`: true or false (podcast:locked with the owner's email), or {locked, owner} to give the
    tag's owner itself, or none (no `owner`), as a feed had it."""
    if not isinstance(fields.data.get("locked"), dict):
        return fields.boolean("locked"), None
    lock = fields.mapping("locked", ("locked", "owner"))
    if lock is None:
        return False, None
    return lock.boolean("locked"), lock.text("owner") or ""


def read_value(fields: Fields) -> tuple[ValueBlock, ...]:
    """`value`: podcast:value blocks, each with its recipients."""
    blocks = []
    for item, line in fields.items("value"):
        block = Fields.of(item, fields.path, line, fields.diags, VALUE_KEYS, "a value block")
        if block is None:
            continue
        kind, method = block.text("type", required=True), block.text("method", required=True)
        recipients = []
        for entry, at in block.items("recipients"):
            recipient = Fields.of(entry, fields.path, at, fields.diags, RECIPIENT_KEYS, "a value recipient")
            if recipient is None:
                continue
            name, address = recipient.text("name") or "", recipient.text("address", required=True)
            kind_of = recipient.text("type", required=True)
            split = recipient.integer("split", required=True)
            if address and kind_of and split is not None:
                recipients.append(ValueRecipient(name, kind_of, address, split, recipient.text("custom_key") or "",
                                                 recipient.text("custom_value") or "", recipient.boolean("fee")))
        if not recipients and not block.has("recipients"):
            fields.diags.error(Location(fields.path, line), "a value block needs 'recipients'",
                               "list who gets each share: name, type, address and split")
        if kind and method and recipients:
            blocks.append(ValueBlock(kind, method, tuple(recipients), block.text("suggested") or ""))
    return tuple(blocks)


def read_alternate_enclosures(fields: Fields) -> tuple[AlternateEnclosure, ...]:
    """`alternate_enclosures`: other files of the episode, each with its type and the URLs it is at."""
    found = []
    for item, line in fields.items("alternate_enclosures"):
        entry = Fields.of(item, fields.path, line, fields.diags, ENCLOSURE_KEYS, "an alternate enclosure")
        if entry is None:
            continue
        kind = entry.text("type", required=True)
        sources = _sources(entry)
        attributes = []
        for key, attribute in ENCLOSURE_ATTRIBUTES.items():
            if not entry.has(key):
                continue
            value: Any = (entry.boolean(key) if key == "default" else
                          entry.integer(key, minimum=1, maximum=MAX_BYTES) if key in ("bytes", "bitrate", "height")
                          else entry.text(key))
            if isinstance(value, bool):
                value = "true" if value else "false"
            if value is not None:
                attributes.append((attribute, str(value)))
        integrity = entry.mapping("integrity", ("type", "value"))
        check_type = integrity.text("type", required=True) if integrity else None
        check_value = integrity.text("value", required=True) if integrity else None
        if kind and sources:
            found.append(AlternateEnclosure(kind, sources, tuple(attributes), (check_type, check_value)
                                            if check_type and check_value else None))
    return tuple(found)


def _sources(entry: Fields) -> tuple[tuple[str, str], ...]:
    """An alternate enclosure's sources: URLs, or {url, type} mappings; each a full http(s) URL."""
    sources = []
    for item, line in entry.items("sources"):
        source = Fields.of(item, entry.path, line, entry.diags, ("url", "type"), "a source") \
            if not isinstance(item, str) else None
        url = item if isinstance(item, str) else source.url("url", required=True, web=True) if source else None
        if isinstance(item, str) and not _WEB_URL.match(item):
            entry.diags.error(Location(entry.path, line), f"the source {item!r} is not a full http(s) URL",
                              "give the address the file is at, starting with https://")
            url = None
        if url:
            sources.append((url, (source.text("type") or "") if source else ""))
    if not sources and entry.data.get("sources") is None:
        entry.diags.error(Location(entry.path, entry.data.line), "an alternate enclosure needs 'sources'",
                          "list the URLs the file is at")
    return tuple(sources)


def read_transcript_links(fields: Fields) -> tuple[TranscriptLink, ...]:
    """`transcript_links`: transcripts elsewhere the feed names beside the episode's own."""
    found = []
    for item, line in fields.items("transcript_links"):
        entry = Fields.of(item, fields.path, line, fields.diags, TRANSCRIPT_LINK_KEYS, "a transcript link")
        if entry is None:
            continue
        url, kind = entry.url("url", required=True, web=True), entry.text("type", required=True)
        if url and kind:
            found.append(TranscriptLink(url, kind, entry.text("language") or "", entry.text("rel") or ""))
    return tuple(found)


def read_feed_extra(fields: Fields, level: str) -> tuple[str, ...]:
    """`feed_extra`: feed tags kept verbatim, each an XML element as text; refused ones are errors, and
    what was cut out of one a warning, at the entry's line."""
    kept = []
    for text, line in fields.text_list("feed_extra"):
        entry = read_entry(text, level)
        where = Location(fields.path, line)
        if entry.xml is None:
            fields.diags.error(where, f"this feed_extra entry cannot go into the feed: {'; '.join(entry.dropped)}",
                               "see 'feed_extra' in docs/content-format.md for what it may hold")
            continue
        if entry.dropped:
            fields.diags.warning(where, f"left out of this feed_extra entry: {'; '.join(entry.dropped)}")
        kept.append(entry.xml)
    return tuple(kept)
