"""What search engines and hosts read besides the pages: schema.org JSON-LD, sitemap.xml, robots.txt and
a _headers file (Netlify and Cloudflare Pages syntax) with the right types and CORS for podcast files."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Any

from generator.model.entities import Audio, Episode, Person, Show, Site
from generator.model.topics import topic_names

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration, as schema.org wants it: 3723 -> 'PT1H2M3S'."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def _date(value: dt.datetime) -> str:
    midnight_utc = value.time() == dt.time(0) and value.utcoffset() == dt.timedelta(0)
    return value.date().isoformat() if midnight_utc else value.isoformat()


def _person(person: Person, base_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Person", "name": person.name, "url": base_url + person.url}
    if person.title:
        data["jobTitle"] = person.title
    if person.orgs:
        data["affiliation"] = [{"@type": "Organization", "name": org} for org in person.orgs]
    if person.avatar:
        data["image"] = person.avatar.href(base_url)
    if person.links:
        data["sameAs"] = [link.url for link in person.links]
    return data


def _audio(audio: Audio, base_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "AudioObject",
                            "contentUrl": audio.asset.href(base_url) if audio.asset else audio.url,
                            "encodingFormat": audio.mime}
    if audio.duration is not None:
        data["duration"] = iso_duration(audio.duration)
    if audio.bytes is not None:
        data["contentSize"] = str(audio.bytes)
    return data


def series_jsonld(show: Show, base_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "PodcastSeries", "name": show.name,
                            "url": base_url + show.url, "webFeed": base_url + show.url + "feed.xml",
                            "inLanguage": show.language}
    if show.description_text:
        data["description"] = show.description_text
    if show.artwork:
        data["image"] = show.artwork.href(base_url)
    if show.author:
        data["author"] = {"@type": "Organization", "name": show.author}
    if show.hosts:
        data["actor"] = [_person(p, base_url) for p in show.hosts]
    return data


def episode_jsonld(episode: Episode, base_url: str) -> dict[str, Any]:
    """PodcastEpisode with its series, audio, people, chapters as clips, and its transcript."""
    url = base_url + episode.url
    series = series_jsonld(episode.show, base_url)
    del series["@context"]
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "PodcastEpisode", "@id": url, "url": url,
                            "name": episode.title, "partOfSeries": series, "inLanguage": episode.show.language}
    if episode.number is not None:
        data["episodeNumber"] = episode.number
    if episode.summary_text or episode.subtitle:
        data["description"] = episode.summary_text or episode.subtitle
    if episode.published:
        data["datePublished"] = _date(episode.published)
    if episode.recorded:
        data["dateCreated"] = _date(episode.recorded)
    if episode.topics:
        data["keywords"] = topic_names(episode)
    if episode.hosts:
        data["actor"] = [_person(p, base_url) for p in episode.people]
    if episode.audio:
        data["associatedMedia"] = _audio(episode.audio, base_url)
        if episode.audio.duration is not None:
            data["timeRequired"] = iso_duration(episode.audio.duration)
    if episode.chapters:
        data["hasPart"] = [_clip(episode, index, url) for index in range(len(episode.chapters))]
    if episode.transcript is not None:
        if episode.audio:  # the whole transcript's text: made only where it goes
            data["associatedMedia"]["transcript"] = "\n\n".join(_transcript_lines(episode))
        data["subjectOf"] = {"@type": "DigitalDocument", "name": "Transcript", "url": url + "transcript.txt",
                             "encodingFormat": "text/plain", "inLanguage": episode.show.language}
    return data


def _clip(episode: Episode, index: int, url: str) -> dict[str, Any]:
    chapter = episode.chapters[index]
    following = episode.chapters[index + 1].start if index + 1 < len(episode.chapters) else None
    end = chapter.end if chapter.end is not None else following
    clip: dict[str, Any] = {"@type": "Clip", "name": chapter.title, "position": index + 1,
                            "startOffset": round(chapter.start), "url": f"{url}#t={round(chapter.start)}"}
    if end is not None:
        clip["endOffset"] = round(end)
    return clip


def _transcript_lines(episode: Episode) -> list[str]:
    assert episode.transcript is not None
    lines: list[str] = []
    append = lines.append
    for turn in episode.transcript.turns:
        paragraphs = turn.paragraphs
        # most turns have one paragraph: no list to join
        text = paragraphs[0].text if len(paragraphs) == 1 else " ".join([p.text for p in paragraphs if p.text])
        append(f"{turn.label}: {text}" if turn.label else text)
    return lines


def sitemap(site: Site, page_urls: list[str]) -> bytes:
    """Every page but the 404, with the episode's publish date as lastmod where it is known."""
    return sitemap_xml(site.config.base_url, page_urls, published(site))


def published(site: Site) -> dict[str, dt.datetime | None]:
    return {e.url: e.published for e in site.episodes}


def sitemap_xml(base_url: str, page_urls: list[str], published: dict[str, dt.datetime | None]) -> bytes:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for path in page_urls:
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = base_url + path
        when = published.get(path)
        if when:
            ET.SubElement(entry, "lastmod").text = _date(when)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode() + b"\n"


def robots(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.config.base_url}sitemap.xml\n".encode()


# Path patterns use placeholders (`:show`), which both Netlify and Cloudflare Pages understand, so one rule
# covers every episode however many there are (Cloudflare allows only 100 rules).
_CORS = "  Access-Control-Allow-Origin: *\n"
HEADERS_FILE = "".join(
    f"{pattern}\n  Content-Type: {mime}\n{_CORS}  Cache-Control: public, max-age=3600\n\n"
    for pattern, mime in (
        ("/:show/:episode/transcript.vtt", "text/vtt; charset=utf-8"),
        ("/:show/:episode/transcript.srt", "application/x-subrip; charset=utf-8"),
        ("/:show/:episode/transcript.json", "application/json; charset=utf-8"),
        ("/:show/:episode/transcript.txt", "text/plain; charset=utf-8"),
        ("/:show/:episode/chapters.json", "application/json+chapters; charset=utf-8"),
    )
) + (
    "/feed.xml\n  Content-Type: application/rss+xml; charset=utf-8\n" + _CORS
    + "  Cache-Control: public, max-age=300\n\n"
    "/:show/feed.xml\n  Content-Type: application/rss+xml; charset=utf-8\n" + _CORS
    + "  Cache-Control: public, max-age=300\n\n"
    "/assets/*\n  Cache-Control: public, max-age=86400\n\n"
    "/:show/:episode/oembed.json\n  Content-Type: application/json; charset=utf-8\n" + _CORS
    + "  Cache-Control: public, max-age=3600\n"
)

# Who may show a page in a frame: an episode's embed page anyone, every other page only this site. One
# Content-Security-Policy rule for all, and a later one for the embed pages. Cloudflare Pages would join the
# two values (and a browser enforce both) without the `!` line, which drops the first; Netlify skips that
# line (it has no colon) and gives a later rule's value of a header precedence. X-Frame-Options is left out:
# it cannot be lifted for the embed pages on Netlify, and every browser that honours frame-ancestors
# ignores it where frame-ancestors is set.
FRAME_SELF = "frame-ancestors 'self'"
FRAME_ANY = "frame-ancestors *"
EMBED_PATTERN = "/:show/:episode/embed/*"
FRAMING_RULES = (f"/*\n  Content-Security-Policy: {FRAME_SELF}\n\n"
                 f"{EMBED_PATTERN}\n  ! Content-Security-Policy\n  Content-Security-Policy: {FRAME_ANY}\n")


def frame_ancestors(path: str) -> str:
    """The Content-Security-Policy the _headers file gives the URL path `path` (below the site's root)."""
    parts = path.split("/")
    embed = len(parts) >= 5 and parts[0] == "" and parts[3] == "embed" and all(parts[1:3])
    return FRAME_ANY if embed else FRAME_SELF


def headers_file() -> bytes:
    """A _headers file; paged feed archives (feed-2.xml…) change rarely and keep the host's defaults."""
    return ("# Written by podsite: content types, CORS for podcast apps, cache rules, and who may frame a page.\n\n"
            + HEADERS_FILE + "\n" + FRAMING_RULES).encode()
