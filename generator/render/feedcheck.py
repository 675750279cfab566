"""Checks each feed document before it is written: it must parse, carry the tags RSS and Apple Podcasts require,
and hold only values apps accept. Every problem points at the content file and line that caused it."""

from __future__ import annotations

import dataclasses
import email.utils
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.content.chapters import check_chapters
from generator.content.feed_extra import FEED_NAMESPACES
from generator.diagnostics import Diagnostics, Location, display_path
from generator.model.entities import Episode, Show, SiteConfig
from generator.sources import YamlMap, load_yaml, split_front_matter
from generator.timecode import format_timecode

MAX_DESCRIPTION_BYTES = 4000  # Apple's limit for channel and item descriptions
ARTWORK_SUFFIXES = (".jpg", ".jpeg", ".png")
NS = {prefix: FEED_NAMESPACES[prefix] for prefix in ("itunes", "podcast", "atom", "content")}
BUG_HINT = "this is a podsite bug: please report it with the content that causes it"


@dataclass(frozen=True, slots=True)
class FeedSource:
    """What one feed document was made from, so that its problems can be reported where the content is."""

    path: str  # below the output folder: "<show>/feed.xml", "<show>/feed-2.xml", "feed.xml"
    show: Show | None  # None for the site-wide feed
    episodes: tuple[Episode, ...]  # the episode of each <item>, in document order
    location: Location  # the show file, or site.yaml for the site-wide feed
    config: SiteConfig


def check_feed(xml: bytes, source: FeedSource, diags: Diagnostics,
               seen_guids: dict[str, Episode] | None = None) -> bool:
    """Reports every problem of one feed document; True when none of them is an error.

    `seen_guids` is shared by the pages of one paged feed, so that a GUID used on two pages is caught too.
    """
    before = len(diags.errors)
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        diags.error(source.location, f"the feed {source.path} is not well-formed XML: {exc}", BUG_HINT)
        return False
    channel = root.find("channel") if root.tag == "rss" and root.get("version") == "2.0" else None
    if channel is None:
        diags.error(source.location, f"the feed {source.path} is not an RSS 2.0 document", BUG_HINT)
        return False
    _check_channel(channel, source, diags)
    items = channel.findall("item")
    if len(items) != len(source.episodes):
        diags.error(source.location, f"the feed {source.path} has {len(items)} items for {len(source.episodes)} "
                    "episodes", BUG_HINT)
        return False
    seen = {} if seen_guids is None else seen_guids
    for item, episode in zip(items, source.episodes, strict=True):
        _check_item(item, episode, source, diags, seen)
    return len(diags.errors) == before


def _q(name: str) -> str:
    """'itunes:image' as ElementTree names it."""
    prefix, _, local = name.rpartition(":")
    return f"{{{NS[prefix]}}}{local}" if prefix else name


def _text(parent: ET.Element, name: str) -> str | None:
    element = parent.find(_q(name))
    return None if element is None else (element.text or "").strip()


def _check_channel(channel: ET.Element, source: FeedSource, diags: Diagnostics) -> None:
    for name in ("title", "link"):
        if not _text(channel, name):
            diags.error(source.location, f"the feed {source.path} has no <{name}>", BUG_HINT)
    if channel.find("description") is None:
        diags.error(source.location, f"the feed {source.path} has no <description>", BUG_HINT)
    if not any(link.get("rel") == "self" and link.get("href") for link in channel.findall(_q("atom:link"))):
        diags.error(source.location, f"the feed {source.path} has no atom:link rel=\"self\"", BUG_HINT)
    description = _text(channel, "description") or ""
    size = len(description.encode("utf-8"))
    if size > MAX_DESCRIPTION_BYTES:
        diags.error(key_location(source.location, "description"),
                    f"the description is {size} bytes in the feed; Apple Podcasts allows at most "
                    f"{MAX_DESCRIPTION_BYTES}",
                    "shorten 'description' (its HTML counts too)")
    _check_apple_channel(channel, source, description, diags)
    for name in ("lastBuildDate", "pubDate"):
        value = _text(channel, name)
        if value is not None and _rfc2822(value) is None:
            diags.error(source.location, f"the feed's {name} '{value}' is not an RFC 2822 date", BUG_HINT)


def _check_apple_channel(channel: ET.Element, source: FeedSource, description: str, diags: Diagnostics) -> None:
    """Apple's required channel tags. The ones that come from optional content are warnings: the feed is
    valid RSS that any app reads, but Apple Podcasts will refuse it until they are there."""
    missing = []
    if not description:
        missing.append(("description", "'description'"))
    image = channel.find(_q("itunes:image"))
    if image is None or not image.get("href"):
        missing.append(("itunes:image", "'artwork' (a square JPEG or PNG of 1400 to 3000 pixels)"))
    elif PurePosixPath(image.get("href", "").split("?")[0]).suffix.lower() not in ARTWORK_SUFFIXES:
        diags.warning(key_location(source.location, "artwork"),
                      f"Apple Podcasts takes artwork only as JPEG or PNG, not '{image.get('href')}'",
                      "use a .jpg or .png file of 1400 to 3000 pixels square")
    if not _text(channel, "language"):
        missing.append(("language", "'language'"))
    category = channel.find(_q("itunes:category"))
    if category is None or not category.get("text"):
        missing.append(("itunes:category", "'category' (e.g. Technology)"))
    if _text(channel, "itunes:explicit") not in ("true", "false"):
        missing.append(("itunes:explicit", "'explicit'"))
    if not missing:
        return
    where = (f"to {display_path(source.location.path)}" if source.show is not None
             else "to a show (the site-wide feed takes artwork and category from the first show that has them) "
                  "or to site.yaml")
    diags.warning(source.location,
                  "the feed lacks what Apple Podcasts requires: " + ", ".join(tag for tag, _ in missing),
                  "add " + _and([key for _, key in missing]) + " " + where)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _check_item(item: ET.Element, episode: Episode, source: FeedSource, diags: Diagnostics,
                seen: dict[str, Episode]) -> None:
    where = episode.location
    if not _text(item, "title"):
        diags.error(key_location(where, "title"), "the episode has no title for the feed", "add 'title:'")
    _check_guid(item, episode, diags, seen)
    _check_enclosure(item, episode, diags)
    published = _text(item, "pubDate")
    if published is not None and _rfc2822(published) is None:
        diags.error(key_location(where, "published"), f"the feed date '{published}' is not a valid RFC 2822 date",
                    "write 'published' as YYYY-MM-DD or an ISO date-time with a zone")
    description = _text(item, "description") or ""
    size = len(description.encode("utf-8"))
    if size > MAX_DESCRIPTION_BYTES:
        diags.error(key_location(where, "summary"),
                    f"the episode's description is {size} bytes in the feed; Apple Podcasts allows at most "
                    f"{MAX_DESCRIPTION_BYTES}", "shorten 'summary' (the full notes still go into content:encoded)")
    duration = _text(item, "itunes:duration")
    if duration is not None and not (duration.isdigit() and int(duration) > 0):
        diags.error(key_location(where, "audio", "duration"), f"itunes:duration '{duration}' is not a positive "
                    "number of seconds", "write the audio's 'duration' as H:MM:SS or seconds")
    if source.show is not None and source.show.type == "serial" and item.find(_q("itunes:episode")) is None:
        diags.warning(key_location(where, "number"), "the show is serial, but this episode has no number",
                      "add 'number:' (Apple Podcasts orders a serial show by episode number)")
    _check_chapters(episode, diags)


def _check_guid(item: ET.Element, episode: Episode, diags: Diagnostics, seen: dict[str, Episode]) -> None:
    guid = _text(item, "guid")
    if not guid:
        diags.error(episode.location, "the episode has no guid in the feed", BUG_HINT)
        return
    first = seen.setdefault(guid, episode)
    if first is not episode and first.location != episode.location:
        diags.error(key_location(episode.location, "guid"),
                    f"guid '{guid}' is also used by {display_path(first.location.path)}",
                    "each episode's guid must be its own and never change: remove this 'guid:' line to use the "
                    "derived one, or pin the value this episode's feed item had")


def _check_enclosure(item: ET.Element, episode: Episode, diags: Diagnostics) -> None:
    enclosure = item.find("enclosure")
    # The line of 'audio:' is looked up only for an error: finding it reads the episode's file again.
    if enclosure is None:
        diags.error(key_location(episode.location, "audio"), "the episode has no enclosure in the feed", BUG_HINT)
        return
    url, length, mime = enclosure.get("url", ""), enclosure.get("length", ""), enclosure.get("type", "")
    if not re.match(r"^https?://\S+$", url):
        diags.error(key_location(episode.location, "audio"), f"the enclosure URL '{url}' is not a full http(s) URL",
                    "give 'url: https://…' under 'audio:', or check site.yaml's base_url")
    size_unknown = episode.audio is not None and episode.audio.size_unknown and length == "0"
    if not size_unknown and not (length.isdigit() and int(length) > 0):
        problem = ("the audio's size is missing, and a feed enclosure needs it" if length == "0" else
                   f"the enclosure length must be a positive number of bytes, got '{length}'")
        diags.error(key_location(episode.location, "audio", "bytes"), problem,
                    "add 'bytes: <the audio file's size in bytes>' under 'audio:', or 'bytes: unknown' if it cannot "
                    "be found (the feed then says length=\"0\", and apps learn the size as they download)")
    if not mime.startswith(("audio/", "video/")):
        diags.error(key_location(episode.location, "audio"), f"the enclosure type '{mime}' is not an audio or video "
                    "type",
                    "set 'type:' under 'audio:', e.g. audio/mpeg")


def _check_chapters(episode: Episode, diags: Diagnostics) -> None:
    """Chapters must start in ascending order and within the audio (when its duration is known): the chapter
    loader's own rules, applied to whatever chapters the episode ended up with, plus ends within the audio."""
    duration = episode.audio.duration if episode.audio else None
    chapters = tuple(c if c.location else dataclasses.replace(c, location=episode.location) for c in episode.chapters)
    check_chapters(chapters, duration, diags)
    for chapter in chapters:
        if chapter.end is not None and duration is not None and chapter.start < chapter.end and chapter.end > duration:
            diags.error(chapter.location or episode.location,
                        f"chapter '{chapter.title}' ends at {timestamp(chapter.end)}, after the audio ends "
                        f"({timestamp(duration)})", "check the time, or the audio's duration")


def timestamp(seconds: float) -> str:
    """'04:34', or '04:34.50' when there is a fraction, so that close times stay distinguishable."""
    fraction = round(seconds % 1, 2)
    return format_timecode(seconds) + (f"{fraction:.2f}"[1:] if 0 < fraction < 1 else "")


def _rfc2822(value: str) -> object | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed is not None and parsed.tzinfo is not None else None


def key_location(location: Location, *keys: str) -> Location:
    """Where a key (the path of keys for a nested one) is in the YAML, or the front matter, of the location's
    file; the location itself when the key is not there."""
    try:
        text = location.path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return location
    first_line = 1
    if location.path.suffix == ".md":
        parts = split_front_matter(text)
        if parts.yaml_text is None:
            return location
        text, first_line = parts.yaml_text, parts.yaml_first_line
    data = load_yaml(text, location.path, Diagnostics(), first_line)
    line = location.line
    for key in keys:
        if not isinstance(data, YamlMap) or key not in data:
            break
        line, data = data.line_of(key), data[key]
    return Location(location.path, line)
