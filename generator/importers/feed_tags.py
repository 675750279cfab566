"""How a feed's tags become keys (docs/importing.md): the Podcasting 2.0 namespace at either of its addresses,
categories, block and locked as they were, payment splits, alternate enclosures, extra transcripts, a guid
as apps know it, and every other tag podcast apps read kept verbatim under `feed_extra`. What cannot be
kept is named in a warning, with the reason."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any
from urllib.parse import quote, urlsplit

from generator.content.feed_extra import (
    FEED_NAMESPACES,
    KEPT_NAMESPACES,
    PODCAST_NAMESPACE_OLD,
    PUBLISHED,
    keep_element,
    prefixed,
)
from generator.content.fields import MAX_BYTES
from generator.diagnostics import Diagnostics, Location

ITUNES, PODCAST = (f"{{{FEED_NAMESPACES[p]}}}" for p in ("itunes", "podcast"))
HOST_ROLES = ("host", "co-host", "cohost")
GUEST_ROLES = ("guest",)
# Tags the old host wrote about its own copy of the feed, which podsite writes anew: dropped without a word.
REWRITTEN = {
    "channel": frozenset({"atom:link", "docs", "cloud", "content:encoded"}),
    "item": frozenset({"link", "content:encoded", "atom:link"}),
}
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"
_OLD = f"{{{PODCAST_NAMESPACE_OLD}}}"


def adopt_podcast_namespace(root: ET.Element) -> None:
    """Tags of the Podcasting 2.0 namespace's first address are renamed into its current one: the same tags."""
    for element in root.iter():
        if element.tag.startswith(_OLD):
            element.tag = PODCAST + element.tag[len(_OLD):]


def web_url(raw: str) -> str:
    """An http(s) URL as a feed may write it, with spaces and other characters a URL cannot hold
    percent-encoded (a hosting platform's file named 'my episode.mp3'); '' for anything else."""
    url = quote(raw.strip(), safe=_URL_SAFE)
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _whole(value: str | None, maximum: int = MAX_BYTES) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= len(str(maximum)) else None


class TagImport:
    """The keys of one feed's tags, and what was kept verbatim or dropped (warnings at the item's line)."""

    def __init__(self, feed: Location, diags: Diagnostics) -> None:
        self.feed, self.diags = feed, diags
        self.unread: Counter[str] = Counter()  # tags of namespaces podcast apps do not read, by name

    # The show -------------------------------------------------------------------------------------

    def show_keys(self, channel: ET.Element) -> dict[str, Any]:
        keys: dict[str, Any] = {}
        names = categories(channel)
        if names:
            keys["category"] = names[0] if len(names) == 1 else names
        if (channel.findtext(f"{ITUNES}block") or "").strip().lower() == "yes":
            keys["itunes_block"] = True
        blocks = {(b.get("id") or "").strip() or "all": (b.text or "").strip().lower() == "yes"
                  for b in channel.findall(f"{PODCAST}block")}
        if list(blocks) == ["all"]:
            keys["block"] = blocks["all"]
        elif blocks:
            keys["block"] = blocks
        locked = channel.find(f"{PODCAST}locked")
        if locked is not None:
            lock: dict[str, Any] = {"locked": (locked.text or "").strip().lower() == "yes"}
            if (locked.get("owner") or "").strip():
                lock["owner"] = locked.get("owner", "").strip()
            keys["locked"] = lock
        values = [v for v in (value_block(e) for e in channel.findall(f"{PODCAST}value")) if v]
        if values:
            keys["value"] = values
        extra = self.extras(channel, "channel", Location(self.feed.path, self.feed.line))
        if extra:
            keys["feed_extra"] = extra
        return keys

    # An item --------------------------------------------------------------------------------------

    def item_keys(self, item: ET.Element, where: Location, guid: str, taken: ET.Element | None,
                  language: str) -> dict[str, Any]:
        """The keys of an item's tags the rest of the import leaves: `guid` as apps know the item, season
        name, value, alternate enclosures, transcripts beside `taken` (the one imported), tags kept verbatim."""
        keys: dict[str, Any] = {}
        season = item.find(f"{PODCAST}season")
        if season is not None and (season.get("name") or "").strip():
            keys["season_name"] = season.get("name", "").strip()
        found = item.find("enclosure")
        raw = found.get("url", "").strip() if found is not None else ""
        element = item.find("guid")
        if guid:
            keys["guid"] = guid  # apps know the episode by it: the imported one must keep it
            if element is not None and (element.get("isPermaLink") or "").strip().lower() == "true":
                keys["guid_permalink"] = True
        elif web_url(raw):
            keys["guid"] = raw  # what apps know a guid-less item by (the RSS convention): the URL as they saw it
        values = [v for v in (value_block(e) for e in item.findall(f"{PODCAST}value")) if v]
        if values:
            keys["value"] = values
        alternates = [a for a in (self.alternate(e, where) for e in item.findall(f"{PODCAST}alternateEnclosure"))
                      if a]
        if alternates:
            keys["alternate_enclosures"] = alternates
        links = transcript_links(item, taken, language)
        if links:
            keys["transcript_links"] = links
        extra = self.extras(item, "item", where)
        if extra:
            keys["feed_extra"] = extra
        return keys

    def alternate(self, element: ET.Element, where: Location) -> dict[str, Any] | None:
        kind = (element.get("type") or "").strip()
        sources = []
        for source in element.findall(f"{PODCAST}source"):
            raw = source.get("uri", "")
            url = web_url(raw)
            if not url:
                self.diags.warning(where, f"the alternate enclosure source {raw!r} is not an http(s) URL and was "
                                   "left out", "podsite links only to web addresses")
                continue
            mime = (source.get("contentType") or "").strip()
            sources.append({"url": url, "type": mime} if mime else url)
        if not kind or not sources:
            self.diags.warning(where, "an alternateEnclosure without a type or a web source was left out")
            return None
        found: dict[str, Any] = {"type": kind}
        for key, attribute in (("bytes", "length"), ("bitrate", "bitrate"), ("height", "height")):
            number = _whole(element.get(attribute))
            if number:
                found[key] = number
        for key in ("lang", "title", "rel", "codecs"):
            if (element.get(key) or "").strip():
                found[key] = element.get(key, "").strip()
        if (element.get("default") or "").strip().lower() in ("true", "false"):
            found["default"] = element.get("default", "").strip().lower() == "true"
        found["sources"] = sources
        integrity = element.find(f"{PODCAST}integrity")
        if integrity is not None and integrity.get("type") and integrity.get("value"):
            found["integrity"] = {"type": integrity.get("type"), "value": integrity.get("value")}
        return found

    # Verbatim -------------------------------------------------------------------------------------

    def extras(self, parent: ET.Element, level: str, where: Location) -> list[str]:
        """The XML of `parent`'s tags that no key holds, checked as a content file's feed_extra is."""
        kept = []
        for element in parent:
            if element.tag == "item" or _has_key(element, level) or prefixed(element.tag) in REWRITTEN[level]:
                continue
            if element.tag.startswith("{") and element.tag[1:].partition("}")[0] not in KEPT_NAMESPACES:
                self.unread[prefixed(element.tag)] += 1
                continue
            entry = keep_element(element, level)
            if entry.dropped:
                self.diags.warning(where, f"left out of the feed: {'; '.join(entry.dropped)}")
            if entry.xml is not None:
                kept.append(entry.xml)
        return kept

    def report_unread(self) -> None:
        """One warning for the tags of namespaces podcast apps do not read (a host's own bookkeeping)."""
        if self.unread:
            listed = ", ".join(f"<{name}> ({count})" for name, count in sorted(self.unread.items()))
            self.diags.warning(self.feed, f"left out {sum(self.unread.values())} tags of namespaces podcast apps "
                               f"do not read: {listed}", "docs/importing.md lists the namespaces kept")


def _has_key(element: ET.Element, level: str) -> bool:
    """Whether the import turns this tag into a key (so it is not kept verbatim too)."""
    name = prefixed(element.tag)
    if name == "podcast:person":
        roles = HOST_ROLES + GUEST_ROLES if level == "item" else HOST_ROLES
        return (element.get("role") or "host").strip().lower() in roles
    if name == "podcast:value":
        return value_block(element) is not None
    return name in PUBLISHED[level]


def categories(channel: ET.Element) -> list[str]:
    """Every Apple category, 'Top > Sub' for each subcategory, in the feed's order."""
    names = []
    for top in channel.findall(f"{ITUNES}category"):
        name = (top.get("text") or "").strip()
        subs = [(s.get("text") or "").strip() for s in top.findall(f"{ITUNES}category")]
        names.extend([f"{name} > {s}" for s in subs if s] or [name] if name else [])
    return names


def value_block(element: ET.Element) -> dict[str, Any] | None:
    """A podcast:value as the `value` key holds it; None when it holds more than the key can (time splits,
    a recipient without address or split): it is then kept verbatim."""
    kind, method = (element.get("type") or "").strip(), (element.get("method") or "").strip()
    recipients = []
    for child in element:
        split = _whole(child.get("split"))
        if child.tag != f"{PODCAST}valueRecipient" or split is None or not child.get("address") \
                or not child.get("type"):
            return None
        recipient: dict[str, Any] = {}
        if child.get("name"):
            recipient["name"] = child.get("name")
        recipient.update({"type": child.get("type"), "address": child.get("address"), "split": split})
        for key, attribute in (("custom_key", "customKey"), ("custom_value", "customValue")):
            if child.get(attribute):
                recipient[key] = child.get(attribute)
        if (child.get("fee") or "").strip().lower() == "true":
            recipient["fee"] = True
        recipients.append(recipient)
    if not kind or not method or not recipients:
        return None
    block: dict[str, Any] = {"type": kind, "method": method}
    if (element.get("suggested") or "").strip():
        block["suggested"] = element.get("suggested", "").strip()
    block["recipients"] = recipients
    return block


def transcript_links(item: ET.Element, taken: ET.Element | None, language: str) -> list[dict[str, str]]:
    """The item's transcripts other than the imported one, as links: every one when none was imported, else
    those in another language (podsite writes the imported one's other formats itself)."""
    own = ((taken.get("language") or language).strip().lower()) if taken is not None else None
    links = []
    for element in item.findall(f"{PODCAST}transcript"):
        url, kind = web_url(element.get("url", "")), (element.get("type") or "").strip()
        lang = (element.get("language") or "").strip()
        if element is taken or not url or not kind or (own is not None and (lang or language).lower() == own):
            continue
        link = {"url": url, "type": kind}
        link.update({k: v for k, v in (("language", lang), ("rel", (element.get("rel") or "").strip())) if v})
        links.append(link)
    return links
