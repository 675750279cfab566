"""Podcast RSS 2.0 feeds, built as XML trees (so escaping and well-formedness come from the structure):
one per show at <show>/feed.xml, paged into <show>/feed-2.xml… past the show's feed_size (RFC 5005), and one
for the whole site at feed.xml when it has several shows. Every document is checked before it is returned."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from generator.diagnostics import Diagnostic, Diagnostics
from generator.model.entities import CHAPTERS_FILE, Audio, Episode, Person, Show, Site
from generator.model.topics import topic_names
from generator.render.feed_tags import categories, extra_tags, item_tags, show_tags, transcript_links, unlisted
from generator.render.feed_tags import sub as _sub
from generator.render.feedcheck import MAX_DESCRIPTION_BYTES, FeedSource, check_feed

# podcast:guid is a UUIDv5 of the feed URL (no scheme, no trailing slashes) in this namespace (Podcasting 2.0).
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# Item GUIDs podsite derives are UUIDv5s of "<show>/<episode>" in this namespace of its own. It must never change:
# every episode's GUID, and so whether apps download it again, depends on it.
EPISODE_GUID_NAMESPACE = uuid.UUID("2823f48c-ef7e-4662-a20e-abf57066ce19")
# The per-episode files other parts of the build write: (path below the episode folder, type, captions).
TRANSCRIPT_FILES = (
    ("transcript.vtt", "text/vtt", True),
    ("transcript.srt", "application/x-subrip", True),
    ("transcript.json", "application/json", False),
    ("transcript.txt", "text/plain", False),
    ("index.html#transcript", "text/html", False),
)
_TAG = re.compile(r"<[^>]*>")


def report_once(found: Iterable[Diagnostic], diags: Diagnostics) -> None:
    """The feeds' findings, each once: the site-wide feed repeats the problems of each show's."""
    reported = set()
    for diagnostic in found:
        if diagnostic not in reported:
            reported.add(diagnostic)
            diags.items.append(diagnostic)


def show_feed(site: Site, show: Show, diags: Diagnostics) -> tuple[list[Episode], dict[str, bytes]]:
    """A show's feed: the episodes it lists, and its documents."""
    episodes = feed_episodes(site.episodes_of(show), show, diags)
    return episodes, _paged_feed(site, show, episodes, show.feed_size, diags)


def site_feed(site: Site, in_feeds: tuple[Episode, ...], diags: Diagnostics) -> dict[str, bytes]:
    """The site-wide feed's documents: every show's feed episodes, newest first, but for the shows kept out of
    directories (which must not be listed through the site's feed)."""
    listed = (e for e in in_feeds if not unlisted(e.show))
    everything = sorted(listed, key=lambda e: (e.published.timestamp() if e.published else float("-inf"),
                                               e.show.slug, e.number or 0, e.slug), reverse=True)
    return _paged_feed(site, None, everything, site.config.feed_size, diags)


def feed_episodes(episodes: Iterable[Episode], show: Show, diags: Diagnostics) -> list[Episode]:
    """The episodes that can be feed items, newest first: never drafts, and only those with audio, since
    an item needs an enclosure. Leaving some out is a warning, once per show."""
    episodes = [e for e in episodes if not e.draft]
    silent = [e for e in episodes if e.audio is None]
    if silent:
        root = show.location.path.parent.parent  # shows/<show>.yaml lies in the site folder
        path = silent[0].location.path
        example = path.relative_to(root).as_posix() if path.is_relative_to(root) else path
        count = "1 episode has no audio and is" if len(silent) == 1 else f"{len(silent)} episodes have no audio and are"
        diags.warning(show.location, f"{count} left out of the feed",
                      f"a feed item needs an audio file: add 'audio:' to their episode.md, e.g. {example}")
    with_audio = [e for e in episodes if e.audio is not None]
    for episode in with_audio:
        if episode.published is None and not episode.published_unknown:
            diags.warning(episode.location, "no 'published' date, so the feed item has no pubDate",
                          "add 'published: YYYY-MM-DD', or 'published: unknown' if it cannot be found; apps sort "
                          "undated items unpredictably")
    return with_audio


def podcast_guid(feed_url: str) -> str:
    """The Podcasting 2.0 podcast:guid for a feed URL: UUIDv5 of the URL without scheme and trailing slashes."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def episode_guid(episode: Episode) -> str:
    """The item GUID: as pinned in the front matter, else derived from the show and episode slugs only, so that
    it survives a new base_url, a new title or a move of the audio."""
    return episode.guid or str(uuid.uuid5(EPISODE_GUID_NAMESPACE, f"{episode.show.slug}/{episode.slug}"))


def feed_path(prefix: str, page: int) -> str:
    """'<prefix>feed.xml' for the first (newest) page, '<prefix>feed-N.xml' for the archive pages."""
    return f"{prefix}feed.xml" if page == 1 else f"{prefix}feed-{page}.xml"


def _paged_feed(site: Site, show: Show | None, episodes: list[Episode], size: int,
                diags: Diagnostics) -> dict[str, bytes]:
    """The documents of one feed; none of them when any has an error, so archives never link to a hole."""
    prefix = show.url if show is not None else ""
    pages = [episodes[start:start + size] for start in range(0, len(episodes), size)] or [[]]
    newest = max((e.published for e in episodes if e.published), default=None)
    files: dict[str, bytes] = {}
    seen_guids: dict[str, Episode] = {}
    ok = True
    for number, items in enumerate(pages, start=1):
        xml = _document(site, show, items, prefix, number, len(pages), newest)
        path = feed_path(prefix, number)
        source = FeedSource(path=path, show=show, episodes=tuple(items),
                            location=show.location if show is not None else site.config.location,
                            config=site.config)
        ok = check_feed(xml, source, diags, seen_guids) and ok
        files[path] = xml
    return files if ok else {}


def _document(site: Site, show: Show | None, episodes: list[Episode], prefix: str, page: int, pages: int,
              newest: dt.datetime | None) -> bytes:
    config = site.config
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    if show is not None:
        _sub(channel, "title", show.name)
        _sub(channel, "link", config.base_url + show.url)
    else:
        _sub(channel, "title", config.title)
        _sub(channel, "link", config.base_url)
    _atom_link(channel, "self", config.base_url + feed_path(prefix, page))
    if pages > 1:  # RFC 5005 paged feed: feed.xml holds the newest items, each next page older ones
        _atom_link(channel, "first", config.base_url + feed_path(prefix, 1))
        if page > 1:
            _atom_link(channel, "previous", config.base_url + feed_path(prefix, page - 1))
        if page < pages:
            _atom_link(channel, "next", config.base_url + feed_path(prefix, page + 1))
        _atom_link(channel, "last", config.base_url + feed_path(prefix, pages))
    if show is not None:
        _show_channel(channel, site, show, prefix)
    else:
        _site_channel(channel, site)
    if newest is not None:
        _sub(channel, "lastBuildDate", email.utils.format_datetime(newest))
    _sub(channel, "generator", "podsite")
    for episode in episodes:
        _item(channel, site, episode)
    ET.indent(rss, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(rss, encoding="unicode").encode("utf-8") + b"\n"


def _show_channel(channel: ET.Element, site: Site, show: Show, prefix: str) -> None:
    config = site.config
    _sub(channel, "description", show.description_html)
    _sub(channel, "language", show.language)
    if show.copyright:
        _sub(channel, "copyright", show.copyright)
    if show.artwork is not None:
        _sub(channel, "itunes:image", href=show.artwork.href(config.base_url))
    categories(channel, show.categories or [show.category])
    _sub(channel, "itunes:explicit", "true" if show.explicit else "false")
    author = show.author or ", ".join(h.name for h in show.hosts)
    if author:
        _sub(channel, "itunes:author", author)
    if show.owner_name or show.owner_email:
        owner = _sub(channel, "itunes:owner")
        if show.owner_name:
            _sub(owner, "itunes:name", show.owner_name)
        if show.owner_email:
            _sub(owner, "itunes:email", show.owner_email)
    _sub(channel, "itunes:type", show.type)
    if show.new_feed_url:
        _sub(channel, "itunes:new-feed-url", show.new_feed_url)
    _sub(channel, "podcast:guid", show.guid or podcast_guid(config.base_url + feed_path(prefix, 1)))
    show_tags(channel, show)
    for link in show.funding:
        _sub(channel, "podcast:funding", link.label, url=link.url)
    if show.license is not None:
        _sub(channel, "podcast:license", show.license.name, **({"url": show.license.url} if show.license.url else {}))
    for purpose, text in show.txt:
        _sub(channel, "podcast:txt", text, **({"purpose": purpose} if purpose else {}))
    for host in show.hosts:
        _person(channel, site, host, "host")
    extra_tags(channel, show.feed_extra)


def _site_channel(channel: ET.Element, site: Site) -> None:
    """The site-wide feed describes the site; artwork, category and owner come from the first show that has them."""
    config = site.config
    _sub(channel, "description", config.description_html)
    _sub(channel, "language", config.language)
    artwork = next((s.artwork for s in site.shows if s.artwork is not None), None)
    if artwork is not None:
        _sub(channel, "itunes:image", href=artwork.href(config.base_url))
    categories(channel, [next((s.category for s in site.shows if s.category), "")])
    _sub(channel, "itunes:explicit", "true" if any(s.explicit for s in site.shows) else "false")
    _sub(channel, "itunes:author", config.title)
    owner_show = next((s for s in site.shows if s.owner_email), None)
    if owner_show is not None:
        owner = _sub(channel, "itunes:owner")
        if owner_show.owner_name:
            _sub(owner, "itunes:name", owner_show.owner_name)
        _sub(owner, "itunes:email", owner_show.owner_email)
    _sub(channel, "itunes:type", "episodic")
    _sub(channel, "podcast:guid", podcast_guid(config.base_url + feed_path("", 1)))


def _item(channel: ET.Element, site: Site, episode: Episode) -> None:
    base = site.config.base_url
    audio: Audio = episode.audio  # type: ignore[assignment]  # feed_episodes keeps only episodes with audio
    item = _sub(channel, "item")
    _sub(item, "title", episode.title)
    _sub(item, "link", base + episode.url)
    permalink = episode.guid_permalink and episode.guid is not None
    _sub(item, "guid", episode_guid(episode), isPermaLink="true" if permalink else "false")
    if episode.published is not None:
        _sub(item, "pubDate", email.utils.format_datetime(episode.published))
    description = _item_description(episode)
    if description:
        _sub(item, "description", description)
    if episode.notes_html.strip():
        _sub(item, "content:encoded", episode.notes_html)
    for topic in topic_names(episode):
        _sub(item, "category", topic)
    audio_url = base + audio.url if audio.asset is not None and audio.asset.source is not None else audio.url
    _sub(item, "enclosure", url=audio_url, length=str(audio.bytes or 0), type=audio.mime)
    if audio.duration:
        _sub(item, "itunes:duration", str(max(1, round(audio.duration))))
    if episode.number:
        _sub(item, "itunes:episode", str(episode.number))
    if episode.season is not None:
        _sub(item, "itunes:season", str(episode.season))
    _sub(item, "itunes:episodeType", episode.type)
    _sub(item, "itunes:explicit", "true" if episode.explicit else "false")
    if episode.season is not None:
        _sub(item, "podcast:season", str(episode.season), **({"name": episode.season_name} if episode.season_name
                                                             else {}))
    if episode.number is not None:
        _sub(item, "podcast:episode", str(episode.number))
    # Item-level people replace the channel's, so the hosts are stated again beside the guests.
    for guest in episode.guests:
        _person(item, site, guest, "guest")
    for host in episode.hosts:
        if host not in episode.guests:
            _person(item, site, host, "host")
    if episode.transcript_path is not None:
        for name, mime, captions in TRANSCRIPT_FILES:
            attrs = {"url": base + episode.url + name, "type": mime, "language": episode.show.language}
            _sub(item, "podcast:transcript", **attrs, **({"rel": "captions"} if captions else {}))
    transcript_links(item, episode.transcript_links)
    if episode.chapters:
        _sub(item, "podcast:chapters", url=base + episode.url + CHAPTERS_FILE, type="application/json+chapters")
    for bite in episode.soundbites:
        _sub(item, "podcast:soundbite", bite.title, startTime=_seconds(bite.start), duration=_seconds(bite.duration))
    item_tags(item, episode)
    extra_tags(item, episode.feed_extra)


def _item_description(episode: Episode) -> str:
    """The summary when the episode has one (checked against Apple's limit); else the notes, shortened to plain
    text when they are too long, since the full notes go into content:encoded anyway."""
    if episode.summary_text:
        return episode.summary_html
    notes = episode.notes_html.strip()
    if len(notes.encode("utf-8")) <= MAX_DESCRIPTION_BYTES:
        return notes
    text = " ".join(html.unescape(_TAG.sub(" ", notes)).split())
    cut = text.encode("utf-8")[: MAX_DESCRIPTION_BYTES - 8].decode("utf-8", "ignore")
    return cut.rsplit(" ", 1)[0] + " …"


def _person(parent: ET.Element, site: Site, person: Person, role: str) -> None:
    attrs = {"role": role}
    if person.avatar is not None:
        attrs["img"] = person.avatar.href(site.config.base_url)
    attrs["href"] = site.config.base_url + person.url
    _sub(parent, "podcast:person", person.name, **attrs)


def _atom_link(channel: ET.Element, rel: str, href: str) -> None:
    _sub(channel, "atom:link", href=href, rel=rel, type="application/rss+xml")


def _seconds(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.1f}"
