"""The feed tags a moved podcast brings with it: categories, block and locked as the show had them, payment
splits (podcast:value), alternate enclosures, extra transcript links, and the tags kept verbatim
(feed_extra). feeds.py writes the rest of each document; both make elements with `sub`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.content.feed_extra import element_of
from generator.model.entities import AlternateEnclosure, Episode, Show, TranscriptLink, ValueBlock
from generator.render.feedcheck import NS

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def sub(parent: ET.Element, name: str, text: str | None = None, /, **attrs: str) -> ET.Element:
    """A child element; 'itunes:image' style names get their namespace. Text is trimmed of surrounding space
    (Apple asks for none) and of characters XML 1.0 cannot hold."""
    prefix, _, local = name.rpartition(":")
    element = ET.SubElement(parent, f"{{{NS[prefix]}}}{local}" if prefix else name,
                            {key: _clean(value) for key, value in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _clean(value: str) -> str:
    return _NOT_XML.sub("", value).strip()


def categories(channel: ET.Element, names: tuple[str, ...] | list[str]) -> None:
    """Apple categories: 'Technology > Tech News' is a category with a subcategory, nested as Apple expects;
    subcategories of one category share its tag, in the order first given."""
    tops: dict[str, ET.Element] = {}
    for name in names:
        parts = [part.strip() for part in name.split(">") if part.strip()][:2]
        if not parts:
            continue
        top = tops.get(parts[0])
        if top is None:
            top = tops[parts[0]] = sub(channel, "itunes:category", text=parts[0])
        if len(parts) == 2:
            sub(top, "itunes:category", text=parts[1])


def unlisted(show: Show) -> bool:
    """Whether the show asks directories not to list it: itunes:block, or podcast:block for every service."""
    return show.itunes_block or ("", True) in show.block


def show_tags(channel: ET.Element, show: Show) -> None:
    """itunes:block, podcast:block and podcast:locked as the show file gives them, and its podcast:value."""
    if show.itunes_block:
        sub(channel, "itunes:block", "Yes")
    for service, blocked in show.block:
        sub(channel, "podcast:block", "yes" if blocked else "no", **({"id": service} if service else {}))
    owner = show.owner_email if show.lock_owner is None else show.lock_owner
    sub(channel, "podcast:locked", "yes" if show.locked else "no", **({"owner": owner} if owner else {}))
    value_tags(channel, show.value)


def value_tags(parent: ET.Element, blocks: tuple[ValueBlock, ...]) -> None:
    for block in blocks:
        attrs = {"type": block.type, "method": block.method}
        if block.suggested:
            attrs["suggested"] = block.suggested
        element = sub(parent, "podcast:value", **attrs)
        for r in block.recipients:
            extra = {k: v for k, v in (("customKey", r.custom_key), ("customValue", r.custom_value)) if v}
            sub(element, "podcast:valueRecipient", **({"name": r.name} if r.name else {}), type=r.type,
                address=r.address, split=str(r.split), **extra, **({"fee": "true"} if r.fee else {}))


def item_tags(item: ET.Element, episode: Episode) -> None:
    """An item's podcast:value, alternate enclosures and extra transcript links."""
    value_tags(item, episode.value)
    for enclosure in episode.alternate_enclosures:
        _alternate_enclosure(item, enclosure)


def transcript_links(item: ET.Element, links: tuple[TranscriptLink, ...]) -> None:
    for link in links:
        attrs = {"url": link.url, "type": link.type}
        attrs.update({k: v for k, v in (("language", link.language), ("rel", link.rel)) if v})
        sub(item, "podcast:transcript", **attrs)


def _alternate_enclosure(item: ET.Element, enclosure: AlternateEnclosure) -> None:
    element = sub(item, "podcast:alternateEnclosure", type=enclosure.type, **dict(enclosure.attributes))
    for url, mime in enclosure.sources:
        sub(element, "podcast:source", uri=url, **({"contentType": mime} if mime else {}))
    if enclosure.integrity is not None:
        sub(element, "podcast:integrity", type=enclosure.integrity[0], value=enclosure.integrity[1])


def extra_tags(parent: ET.Element, entries: tuple[str, ...]) -> None:
    """The tags kept verbatim, each parsed again from the checked XML the content loader made of it."""
    for xml in entries:
        parent.append(element_of(xml))
