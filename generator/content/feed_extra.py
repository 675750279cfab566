"""Feed tags that podsite has no key for yet. A show or episode keeps them verbatim under `feed_extra:`
(docs/content-format.md), and the feed writer puts them back where they were.

Their XML comes from somebody else's feed, or from an author: it is hostile input. Every entry is parsed
(without a DTD, so no entity is expanded), reduced to what a podcast feed may carry, and serialized again;
nothing is ever pasted into a feed as text. What is kept: one element from a namespace podcast apps read
(Apple's, Podcasting 2.0, Google Play's, Media RSS, Spotify's) or one of RSS 2.0's own that podsite does not
write, with its attributes, text and children from those namespaces. A tag podsite writes from a key of its
own is refused (it would be there twice), and so is any URL the one URL policy refuses."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from generator.markup.policy import url_allowed

FEED_NAMESPACES = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "googleplay": "http://www.google.com/schemas/play-podcasts/1.0",
    "media": "http://search.yahoo.com/mrss/",
    "spotify": "http://www.spotify.com/ns/rss",
}
# The Podcasting 2.0 namespace's first address, which feeds made before 2021 (Fireside's among them) still declare.
PODCAST_NAMESPACE_OLD = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
# Namespaces whose tags are kept: those of podcast apps and directories. Atom's links (self, hub) and
# content:encoded describe the old host's feed and are written anew.
KEPT_NAMESPACES = frozenset(FEED_NAMESPACES[p] for p in ("itunes", "podcast", "googleplay", "media", "spotify"))
# RSS 2.0's own tags that podsite writes no key for, and which still mean something on a new host.
RSS_KEPT = {
    "channel": frozenset({"managingEditor", "webMaster", "ttl", "skipHours", "skipDays", "rating"}),
    "item": frozenset({"author", "comments", "source"}),
}
# The tags podsite writes, or imports, from keys of its own: a feed_extra entry may not add a second one.
# (podcast:person and podcast:value may come more than once: those the keys cannot hold are kept verbatim.)
PUBLISHED = {
    "channel": frozenset({
        "title", "link", "description", "language", "copyright", "lastBuildDate", "generator", "pubDate", "image",
        "itunes:image", "itunes:category", "itunes:explicit", "itunes:author", "itunes:owner", "itunes:type",
        "itunes:new-feed-url", "itunes:block", "itunes:summary", "podcast:guid", "podcast:locked",
        "podcast:funding", "podcast:license", "podcast:txt", "podcast:block"}),
    "item": frozenset({
        "title", "link", "guid", "pubDate", "description", "category", "enclosure", "itunes:duration",
        "itunes:episode", "itunes:season", "itunes:episodeType", "itunes:explicit", "itunes:summary",
        "itunes:subtitle", "itunes:keywords", "podcast:season", "podcast:episode", "podcast:transcript",
        "podcast:chapters", "podcast:soundbite", "podcast:alternateEnclosure"}),
}
# Tags of the feed namespaces whose children are RSS's own (a live item is an item).
HOLDS_RSS = frozenset({"podcast:liveItem"})
URL_ATTRIBUTES = frozenset({"url", "href", "uri", "src", "img", "feedUrl"})
MAX_DEPTH = 8  # podcast:value > valueTimeSplit > remoteItem is the deepest the namespace goes
MAX_CHARS = 64_000
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREFIXES = {uri: prefix for prefix, uri in FEED_NAMESPACES.items()}
_DECLARATIONS = " ".join(f'xmlns:{p}="{u}"' for p, u in FEED_NAMESPACES.items())

for _prefix, _uri in FEED_NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)


@dataclass(slots=True)
class Kept:
    """One entry: its XML as podsite writes it (None when refused), and what was left out of it and why."""

    xml: str | None
    dropped: list[str] = field(default_factory=list)


def prefixed(tag: str) -> str:
    """'{https://podcastindex.org/namespace/1.0}person' as a feed writes it: 'podcast:person'."""
    uri, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
    prefix = _PREFIXES.get(uri)
    return local if not uri else f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def keepable(element: ET.Element, level: str) -> str | None:
    """Why a tag found at `level` ('channel' or 'item') cannot be kept verbatim, or None when it can."""
    name = prefixed(element.tag)
    uri = element.tag[1:].partition("}")[0] if element.tag.startswith("{") else ""
    if name in PUBLISHED[level]:
        return f"<{name}> comes from a key of podsite's own"
    if uri and uri not in KEPT_NAMESPACES:
        return f"<{name}> is in a namespace podcast apps do not read here"
    if not uri and element.tag not in RSS_KEPT[level]:
        return f"<{name}> is no RSS {level} tag podsite can carry over"
    return None


def keep_element(element: ET.Element, level: str) -> Kept:
    """The element as a feed_extra entry: a copy cut down to what may be kept, serialized."""
    refused = keepable(element, level)
    if refused is not None:
        return Kept(None, [refused])
    copy = ET.fromstring(ET.tostring(element))  # a copy: the source tree stays as it was
    kept = Kept(None)
    why = _url_refused(copy)
    if why:
        kept.dropped.append(f"<{prefixed(copy.tag)}>: {why}")
        return kept
    _prune(copy, 1, kept.dropped)
    copy.tail = None
    text = ET.tostring(copy, encoding="unicode")
    end = text.index(">") + 1  # the root's start tag, where ElementTree declares the namespaces
    head = text[:end]
    for prefix, uri in FEED_NAMESPACES.items():  # declared by every feed, and by read_entry
        head = head.replace(f' xmlns:{prefix}="{uri}"', "")
    kept.xml = head + text[end:]
    return kept


def read_entry(text: str, level: str) -> Kept:
    """A feed_extra entry as written in a content file: one element, whose prefixes may be left undeclared
    when they are the usual ones (podcast:, itunes:, …)."""
    if len(text) > MAX_CHARS:
        return Kept(None, [f"the entry is {len(text)} characters long; at most {MAX_CHARS} are read"])
    try:
        wrapper = ET.fromstring(f"<feed-extra {_DECLARATIONS}>{text}</feed-extra>")
    except ET.ParseError as exc:
        return Kept(None, [f"not well-formed XML: {str(exc).split(':')[0]}"])
    if len(wrapper) != 1 or (wrapper.text or "").strip() or (wrapper[0].tail or "").strip():
        return Kept(None, ["an entry holds exactly one element, with nothing around it"])
    return keep_element(wrapper[0], level)


def element_of(xml: str) -> ET.Element:
    """An entry read_entry or keep_element made, as an element to append to a feed."""
    return ET.fromstring(f"<feed-extra {_DECLARATIONS}>{xml}</feed-extra>")[0]


def _prune(element: ET.Element, depth: int, dropped: list[str]) -> None:
    """Removes the children and attributes of `element` that may not be kept, saying why."""
    for key in list(element.attrib):
        if key.startswith("{") and key != _XML_LANG:
            del element.attrib[key]
            dropped.append(f"<{prefixed(element.tag)}>: its attribute {key} (not a feed namespace)")
    plain_parent = not element.tag.startswith("{") or prefixed(element.tag) in HOLDS_RSS
    if len(element) and not (element.text or "").strip():
        element.text = None
    for child in list(element):
        uri = child.tag[1:].partition("}")[0] if child.tag.startswith("{") else ""
        why = ("it is nested too deep" if depth >= MAX_DEPTH
               else "its namespace is not a feed's" if (uri and uri not in KEPT_NAMESPACES)
               else "an element without a namespace belongs in RSS tags only" if (not uri and not plain_parent)
               else _url_refused(child))
        if why:
            element.remove(child)
            dropped.append(f"<{prefixed(child.tag)}> in <{prefixed(element.tag)}>: {why}")
            continue
        if not (child.tail or "").strip():
            child.tail = None
        _prune(child, depth + 1, dropped)


def _url_refused(element: ET.Element) -> str:
    """Why an element's URLs may not go into a feed ('' when they may): the one URL policy."""
    for key, value in element.attrib.items():
        urls = [part.split()[0] for part in value.split(",") if part.split()] if key == "srcset" else [value]
        if (key in URL_ATTRIBUTES or key == "srcset") and not all(url_allowed(u) for u in urls):
            return f"its {key} {value!r} is not an http(s) URL"
    return ""
