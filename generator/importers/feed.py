"""Imports a podcast's RSS feed, as a hosting platform exports it, into a site folder as podsite's own files
(docs/content-format.md): the show, its episodes with their metadata, the people of podcast:person, and the
transcripts and chapters the feed points to when they are local files.

The feed is untrusted input: it is read by feed_xml.py with DTDs refused (so no entity is ever expanded),
only files inside the feed file's folder are copied, and nothing is fetched from the network unless the user
asks for it with --fetch (fetch.py, which refuses addresses on the user's own network).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from generator.content.episodes import UNKNOWN_SIZE
from generator.content.fields import MAX_BYTES, MAX_NUMBER, SLUG_RE
from generator.diagnostics import Location
from generator.importers.checks import duplicate_guids, readable_day
from generator.importers.feed_tags import GUEST_ROLES, HOST_ROLES, TagImport, web_url
from generator.importers.feed_xml import read_feed
from generator.importers.fetch import Fetcher
from generator.importers.remote import Remote, count_fetches, write_report
from generator.importers.summary import fit_summary, pick_notes, pick_summary, words_key
from generator.importers.writer import (
    ImportResult,
    ImportUsageError,
    People,
    SiteWriter,
    episode_text,
    slugify,
    to_yaml,
    write_site_file,
)
from generator.markup.markdown import Markup
from generator.render.feedcheck import MAX_DESCRIPTION_BYTES, NS
from generator.timecode import format_timecode, parse_duration

ITUNES, PODCAST, CONTENT, ATOM = (f"{{{NS[p]}}}" for p in ("itunes", "podcast", "content", "atom"))
# Transcript formats podsite reads, by MIME type, best first: the Markdown source format, then the timed ones.
TRANSCRIPT_TYPES = {"text/markdown": "md", "text/x-markdown": "md", "text/vtt": "vtt", "application/json": "json",
                    "application/x-subrip": "srt", "application/srt": "srt", "text/srt": "srt"}
TRANSCRIPT_RANK = ("md", "vtt", "json", "srt")
TRANSCRIPT_NAMES = tuple(f"transcript.{ext}" for ext in TRANSCRIPT_RANK)
_URL_RE = re.compile(r"^https?://\S+$")


def _text(element: ET.Element | None, tag: str) -> str:
    found = element.find(tag) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _explicit(value: str) -> bool | None:
    value = value.strip().lower()
    if value in ("true", "yes", "explicit"):
        return True
    if value in ("false", "no", "clean"):
        return False
    return None


def _whole(value: str, maximum: int = MAX_NUMBER) -> int | None:
    """A whole number written in ASCII digits, up to `maximum`; None for anything else ("²" is a digit to
    str.isdigit, and no int; a number of thousands of digits is none Python converts)."""
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if number <= maximum else None


class NotTaken(Enum):
    """Why a file a feed names was not taken (see _FeedImport.local_file)."""

    REMOTE = "remote"  # a URL elsewhere: nothing is fetched
    REFUSED = "refused"  # a local file missing, or outside the feed file's folder: reported where found


@dataclass(slots=True)
class _FeedPerson:
    name: str
    role: str
    slug: str


class _FeedImport:
    def __init__(self, feed: Path, channel: ET.Element, item_lines: dict[int, int], site: Path, show: str | None,
                 force: bool, result: ImportResult, fetcher: Fetcher | None = None) -> None:
        self.feed, self.channel, self.item_lines = feed, channel, item_lines
        self.site, self.result, self.diags = site, result, result.diagnostics
        self.remote = Remote(fetcher, self.diags, result.report)
        self.markup = Markup()
        self.writer = SiteWriter(site, force, result)
        self.tags = TagImport(Location(feed, 0), self.diags)
        self.people = People(site, self.writer)
        self.title = _text(channel, "title")
        self.show = show or slugify(self.title) or "show"
        self.feed_dir = feed.resolve().parent
        self.site_link = _text(channel, "link")
        self_link = next((a.get("href", "") for a in channel.findall(f"{ATOM}link") if a.get("rel") == "self"), "")
        # A file next to the feed file mirrors its URL below the feed's own address (a saved copy of a site).
        self.mirror_base = self_link.rsplit("/", 1)[0] + "/" if _URL_RE.match(self_link) else ""

    def where(self, item: ET.Element | None = None) -> Location:
        """The line of `item`, or of the channel for what is about the show."""
        return Location(self.feed, self.item_lines.get(id(item if item is not None else self.channel), 0))

    def run(self) -> None:
        language = _text(self.channel, "language")
        website = self.site_link if _URL_RE.match(self.site_link) else ""
        base = "{0.scheme}://{0.netloc}/".format(urlsplit(website)) if website else "https://example.org/"
        if write_site_file(self.writer, self.title or self.show, base, language or None) and not website:
            self.diags.warning(Location(self.site / "site.yaml", 2), "the feed gives no website, so base_url is a "
                               "placeholder", "set base_url to where the site will live")
        channel_people = self.persons(self.channel)
        hosts = [p.slug for p in channel_people if p.role in HOST_ROLES]
        show_data = self.show_data(hosts)
        episodes = self.episodes(hosts, show_data.get("explicit", False))
        self.tags.report_unread()
        self.remote.unknown_size_warning()
        self.people.write_all()
        self.writer.write(f"shows/{self.show}.yaml", to_yaml(show_data), "show")
        for folder, files in episodes:
            for rel, data, kind in files:
                self.writer.write(f"episodes/{self.show}/{folder}/{rel}", data, kind)

    # The show ----------------------------------------------------------------------------------

    def show_data(self, hosts: list[str]) -> dict[str, Any]:
        ch = self.channel
        data: dict[str, Any] = {"name": self.title or self.show}
        description = _text(ch, "description") or _text(ch, f"{ITUNES}summary")
        if description:
            data["description"] = description
        image = ch.find(f"{ITUNES}image")
        artwork = image.get("href", "").strip() if image is not None else _text(ch.find("image"), "url")
        if _URL_RE.match(artwork):
            data["artwork"] = self.remote.cover(artwork, self.where(), self.writer, self.show)
        if hosts:
            data["hosts"] = hosts
        author = _text(ch, f"{ITUNES}author")
        if author:
            data["author"] = author
        owner = {key: _text(ch.find(f"{ITUNES}owner"), f"{ITUNES}{key}") for key in ("name", "email")}
        if any(owner.values()):
            data["owner"] = {k: v for k, v in owner.items() if v}
        explicit = _explicit(_text(ch, f"{ITUNES}explicit"))
        if explicit is not None:
            data["explicit"] = explicit
        language = _text(ch, "language")
        if language:
            data["language"] = language
        if _URL_RE.match(self.site_link):
            data["website"] = self.site_link
        kind = _text(ch, f"{ITUNES}type").lower()
        if kind in ("episodic", "serial"):
            data["type"] = kind
        copyright_ = _text(ch, "copyright")
        if copyright_:
            data["copyright"] = copyright_
        guid = _text(ch, f"{PODCAST}guid")
        if guid:
            try:
                data["guid"] = str(uuid.UUID(guid))
            except ValueError:
                self.diags.warning(self.where(), f"podcast:guid '{guid}' is not a UUID and was left out")
        funding = []
        for link in ch.findall(f"{PODCAST}funding"):
            url, label = link.get("url", "").strip(), (link.text or "").strip()
            if _URL_RE.match(url):
                funding.append({"url": url, "text": label} if label else {"url": url})
        if funding:
            data["funding"] = funding
        lic = ch.find(f"{PODCAST}license")
        licence = (lic.text or "").strip() if lic is not None else ""
        if lic is not None and licence:
            url = lic.get("url", "").strip()
            data["license"] = {"name": licence, "url": url} if _URL_RE.match(url) else licence
        txt = [{"purpose": t.get("purpose"), "text": (t.text or "").strip()} if t.get("purpose")
               else (t.text or "").strip() for t in ch.findall(f"{PODCAST}txt") if (t.text or "").strip()]
        if txt:
            data["txt"] = txt
        new_url = _text(ch, f"{ITUNES}new-feed-url")
        if _URL_RE.match(new_url):
            data["new_feed_url"] = new_url
        data.update(self.tags.show_keys(ch))
        return data

    def persons(self, parent: ET.Element) -> list[_FeedPerson]:
        found = []
        for element in parent.findall(f"{PODCAST}person"):
            name = " ".join((element.text or "").split())
            role = (element.get("role") or "host").strip().lower()
            if not name or role not in HOST_ROLES + GUEST_ROLES:  # other roles are kept verbatim (feed_tags)
                continue
            href, img = element.get("href", "").strip(), element.get("img", "").strip()
            own_page = self.own_person_page(href)
            slug = self.people.slug_for(name, own_page or "")
            details: dict[str, Any] = {}
            if _URL_RE.match(img):
                details["avatar"] = img
            if _URL_RE.match(href) and own_page is None:
                details["links"] = {"website": href}
            self.people.add_details(slug, details)
            found.append(_FeedPerson(name, role, slug))
        return found

    def own_person_page(self, href: str) -> str | None:
        """The slug of a person page on the feed's own site (…/people/<slug>/), which is no link of theirs."""
        if not href or not self.site_link:
            return None
        url, site = urlsplit(href), urlsplit(self.site_link)
        m = re.search(r"/people/([a-z0-9]+(?:-[a-z0-9]+)*)/?$", url.path)
        return m.group(1) if m and url.netloc == site.netloc else None

    # Episodes ----------------------------------------------------------------------------------

    def episodes(self, show_hosts: list[str], show_explicit: bool) -> list[tuple[str, list[tuple[str, Any, str]]]]:
        items = self.channel.findall("item")
        dated = [(self.published(item), index, item) for index, item in enumerate(items)]
        # Oldest first, so that a later episode with the same title or number is the one that gets a suffix.
        ordered = sorted(dated, key=lambda d: (d[0] is None, d[0] or dt.datetime.min.replace(tzinfo=dt.UTC),
                                               -d[1]))
        duplicate_guids(items, self.where, self.diags, self.result.report)
        # Numbers are unique within a season (as apps and the build take them), so folders are named by the
        # number alone when no other season has it, else by season and number (s2e1).
        numbers = Counter(self.number(item) for _, _, item in ordered)
        in_season = Counter((self.season(item), self.number(item)) for _, _, item in ordered)
        used_numbers: set[tuple[int | None, int]] = set()
        folders: set[str] = set()
        existing = self.site / "episodes" / self.show
        result = []
        for published, _, item in ordered:
            number, season = self.number(item), self.season(item)
            if number is not None and (season, number) in used_numbers:
                where = f"season {season}" if season else "the show"
                self.diags.warning(self.where(item), f"episode number {number} is used by an earlier item of {where} "
                                   "too; left out of this one", "podsite numbers the episodes of a season uniquely; "
                                   "give it its own number")
                number = None
            if number is not None:
                used_numbers.add((season, number))
            if number is not None and numbers[number] == 1:
                base = str(number)
            elif number is not None and season and in_season[(season, number)] == 1:
                base = f"s{season}e{number}"
            else:
                base = slugify(_text(item, "title")) or "episode"
                base = f"episode-{base}" if base.isdigit() else base
            folder, n = base, 2
            while folder in folders:
                folder, n = f"{base}-{n}", n + 1
            folders.add(folder)
            result.append((folder, self.episode(item, folder, number, published, show_hosts, show_explicit,
                                                existing / folder)))
        return result

    def published(self, item: ET.Element) -> dt.datetime | None:
        text = _text(item, "pubDate")
        if not text:
            return None
        try:
            value = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            day = readable_day(text)
            kept = f"kept its day, {day.isoformat()}, without the time" if day else "the episode has no 'published'"
            self.diags.warning(self.where(item), f"pubDate '{text}' is not an RFC 2822 date; {kept}",
                               "write 'published:' in its episode.md as YYYY-MM-DD, or as an ISO date-time with a "
                               "zone when you know the time")
            return dt.datetime.combine(day, dt.time(0), dt.UTC) if day else None
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def season(self, item: ET.Element) -> int | None:
        return _whole(_text(item, f"{ITUNES}season") or _text(item, f"{PODCAST}season")) or None

    def number(self, item: ET.Element) -> int | None:
        return _whole(_text(item, f"{ITUNES}episode")) if _text(item, f"{ITUNES}episode") else \
            _whole(_text(item, f"{PODCAST}episode"))

    def episode(self, item: ET.Element, folder: str, number: int | None, published: dt.datetime | None,
                show_hosts: list[str], show_explicit: bool, existing: Path) -> list[tuple[str, Any, str]]:
        front: dict[str, Any] = {}
        title = _text(item, "title")
        if title:
            front["title"] = title
        if number is not None:
            front["number"] = number
        subtitle = _text(item, f"{ITUNES}subtitle")
        if subtitle:
            front["subtitle"] = subtitle
        notes = pick_notes(_text(item, f"{CONTENT}encoded"), _text(item, "description"))
        summary, notes = self.summary(item, notes, folder)
        if summary:
            front["summary"] = summary
        if published is not None:
            midnight = published.utcoffset() == dt.timedelta(0) and published.time() == dt.time(0)
            front["published"] = published.date() if midnight else published
        files: list[tuple[str, Any, str]] = []
        audio = self.audio(item, folder, files)
        if audio:
            front["audio"] = audio
        people = [p for p in self.persons(item) if p.role in HOST_ROLES + GUEST_ROLES]
        if people:  # item-level people replace the channel's (Podcasting 2.0), hosts included
            hosts = [p.slug for p in people if p.role in HOST_ROLES]
            guests = [p.slug for p in people if p.role in GUEST_ROLES]
            if hosts != show_hosts:
                front["hosts"] = hosts
            if guests:
                front["guests"] = guests
        kind = _text(item, f"{ITUNES}episodeType").lower()
        if kind in ("trailer", "bonus"):
            front["type"] = kind
        season = self.season(item)
        if season:
            front["season"] = season
        keywords = [k.strip() for k in _text(item, f"{ITUNES}keywords").split(",") if k.strip()]
        keywords += [(c.text or "").strip() for c in item.findall("category") if (c.text or "").strip()]
        topics: dict[str, str] = {}
        for keyword in keywords:  # one spelling of each, the first
            topics.setdefault(keyword.casefold(), keyword)
        if topics:
            front["topics"] = list(topics.values())
        explicit = _explicit(_text(item, f"{ITUNES}explicit"))
        if explicit is not None and explicit != show_explicit:
            front["explicit"] = explicit
        bites = self.soundbites(item)
        if bites:
            front["soundbites"] = bites
        taken = self.transcript(item, folder, existing, files)
        front.update(self.tags.item_keys(item, self.where(item), _text(item, "guid"), taken,
                                         _text(self.channel, "language")))
        self.chapters(item, folder, files)
        return [("episode.md", episode_text(front, notes), "episode"), *files]

    def summary(self, item: ET.Element, notes: str, folder: str) -> tuple[str, str]:
        """The summary (summary.py) and the notes: a summary over Apple's limit is cut at a sentence, and the
        whole of it goes into the notes when they do not hold its words already."""
        summary = pick_summary([_text(item, f"{ITUNES}summary"), _text(item, "description")], notes)
        cut = fit_summary(summary, self.markup.render) if summary else None
        if cut is None:
            return summary, notes
        if words_key(summary) not in words_key(notes):
            notes = f"{notes}\n\n{summary}" if notes else summary
        episode = f"episodes/{self.show}/{folder}/episode.md"
        message = (f"the summary is {cut.full_bytes} bytes in the feed, over Apple's {MAX_DESCRIPTION_BYTES}; it "
                   f"was cut to {len(cut.text.split())} words, and the whole text is in the notes")
        self.diags.warning(self.where(item), message, f"check where {episode}'s summary ends")
        self.result.report.add_attention(self.where(item), f"{episode}: {message}", "check where the summary ends")
        return cut.text, notes

    def audio(self, item: ET.Element, folder: str, files: list[tuple[str, Any, str]]) -> dict[str, Any] | None:
        enclosure = item.find("enclosure")
        if enclosure is None or not enclosure.get("url", "").strip():
            return None
        url = enclosure.get("url", "").strip()
        audio: dict[str, Any] = {}
        if web_url(url):
            audio["url"] = web_url(url)
        else:
            source = self.local_file(url, item, "audio file", mirror=False)
            if not isinstance(source, Path):
                return None
            name = source.name
            name = f"audio-{name}" if name.startswith(("episode.", "transcript.", "chapters.")) else name
            audio["file"] = name
            files.append((name, source.read_bytes(), "audio file"))
        length = _whole(enclosure.get("length", ""), MAX_BYTES)
        if not length and "url" in audio:
            length = self.remote.size(url, self.where(item), f"episodes/{self.show}/{folder}/episode.md")
        if length:
            audio["bytes"] = length
        elif "url" in audio:
            audio["bytes"] = UNKNOWN_SIZE  # reported once for the whole feed (Remote.unknown_size_warning)
        seconds = parse_duration(_text(item, f"{ITUNES}duration"))
        if seconds:
            audio["duration"] = format_timecode(seconds) if seconds.is_integer() else seconds
        mime = enclosure.get("type", "").strip()
        if mime:
            audio["type"] = mime
        return audio

    def soundbites(self, item: ET.Element) -> list[dict[str, Any]]:
        bites = []
        for element in item.findall(f"{PODCAST}soundbite"):
            start, length = parse_duration(element.get("startTime", "")), parse_duration(element.get("duration", ""))
            if start is None or not length:
                continue
            bite: dict[str, Any] = {"start": _number(start), "duration": _number(length)}
            title = (element.text or "").strip()
            if title:
                bite["title"] = title
            bites.append(bite)
        return bites

    def transcript(self, item: ET.Element, folder: str, existing: Path,
                   files: list[tuple[str, Any, str]]) -> ET.Element | None:
        """Copies the best local transcript the item names; returns its tag (None when none was taken)."""
        offered = []
        for index, element in enumerate(item.findall(f"{PODCAST}transcript")):
            url = element.get("url", "").strip()
            mime = element.get("type", "").split(";")[0].strip().lower()
            ext = TRANSCRIPT_TYPES.get(mime) or Path(urlsplit(url).path).suffix.lstrip(".").lower()
            if url and ext in TRANSCRIPT_RANK:
                offered.append((TRANSCRIPT_RANK.index(ext), index, ext, url, element))
        remote = []
        for _, _, ext, url, element in sorted(offered, key=lambda o: o[:2]):
            source = self.local_file(url, item, "transcript", quiet=True)
            if source is NotTaken.REMOTE:
                remote.append((ext, url, element))
                continue
            if source is NotTaken.REFUSED:  # reported already
                continue
            if not self.has_other_transcript(item, folder, existing, ext):
                files.append((f"transcript.{ext}", source.read_bytes(), "transcript"))
            return element
        if self.remote.fetcher is None:
            if remote:  # it is not lost: transcript_links keeps every transcript link when none was taken
                ext, url, _ = remote[0]
                self.diags.warning(self.where(item), f"the transcript {url} is not a local file and was not fetched: "
                                   "it is kept as a link, and the episode's page has no transcript",
                                   f"import again with --fetch, or download it into episodes/{self.show}/{folder}/ "
                                   f"as transcript.{ext}")
                self.result.report.add_kept(self.where(item), f"the transcript {url}, as a link", "transcript_links")
            return None
        for ext, url, element in remote:
            if self.has_other_transcript(item, folder, existing, ext):
                return element
            fetched = self.remote.file(url, self.where(item), "transcript",
                                       f"episodes/{self.show}/{folder}/ as transcript.{ext}", lost=False)
            if fetched is not None:
                files.append((f"transcript.{ext}", fetched.data, "transcript"))
                return element
        return None

    def has_other_transcript(self, item: ET.Element, folder: str, existing: Path, ext: str) -> bool:
        """Whether the episode's folder has a transcript in another format already (reported: one is enough)."""
        name = f"transcript.{ext}"
        other = next((n for n in TRANSCRIPT_NAMES if n != name and (existing / n).exists()), None)
        if other is not None:
            self.diags.warning(self.where(item), f"episodes/{self.show}/{folder}/ already has {other}; the feed's "
                               f"transcript was not imported", "an episode has one transcript")
        return other is not None

    def chapters(self, item: ET.Element, folder: str, files: list[tuple[str, Any, str]]) -> None:
        element = item.find(f"{PODCAST}chapters")
        url = element.get("url", "").strip() if element is not None else ""
        if not url:
            return
        source = self.local_file(url, item, "chapters file", quiet=True)
        if source is NotTaken.REFUSED:  # reported already
            return
        if source is NotTaken.REMOTE:
            fetched = self.remote.file(url, self.where(item), "chapters file",
                                       f"episodes/{self.show}/{folder}/ as chapters.json")
            if fetched is not None:
                files.append(("chapters.json", fetched.data, "chapters"))
            return
        files.append(("chapters.json", source.read_bytes(), "chapters"))

    def local_file(self, url: str, item: ET.Element, what: str, *, mirror: bool = True,
                   quiet: bool = False) -> Path | NotTaken:
        """The local file a URL in the feed names: a path relative to the feed file, a file:// URL, or (with
        `mirror`) a URL below the feed's own address that a saved copy holds at the same place next to the
        feed file. Only files inside the feed file's folder are taken. REMOTE for a remote URL (reported unless
        `quiet`: then it is the caller's to report); REFUSED for a local one that cannot be taken (reported)."""
        parts = urlsplit(url)
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            path = Path(url2pathname(parts.path))
        elif not parts.scheme and not parts.netloc:
            path = self.feed_dir / unquote(parts.path)
        elif mirror and self.mirror_base and url.startswith(self.mirror_base):
            path = self.feed_dir / unquote(urlsplit(url[len(self.mirror_base):]).path)
            if not path.is_file():
                return NotTaken.REMOTE
        else:
            if not quiet:
                self.diags.warning(self.where(item), f"the {what} {url} is not a local file and was not fetched")
            return NotTaken.REMOTE
        resolved = path.resolve()
        if not resolved.is_relative_to(self.feed_dir):
            self.diags.warning(self.where(item), f"the {what} {url} lies outside the feed file's folder and was not "
                               "copied", f"copy it into {self.feed_dir} and give its relative path")
            self.result.report.add_dropped(self.where(item), f"the {what} {url}", "outside the feed file's folder")
            return NotTaken.REFUSED
        if not resolved.is_file():
            self.diags.warning(self.where(item), f"the {what} {url} was not found (looked for {resolved})")
            self.result.report.add_dropped(self.where(item), f"the {what} {url}", "not found")
            return NotTaken.REFUSED
        return resolved


def _number(seconds: float) -> float | int:
    return int(seconds) if float(seconds).is_integer() else round(seconds, 3)


def import_feed(feed: Path, site: Path, show: str | None = None, force: bool = False,
                fetcher: Fetcher | None = None) -> ImportResult:
    """Imports an RSS feed file into the site folder (created when missing); with a `fetcher` (--fetch), the
    sizes and files the feed names on other hosts are fetched. The report goes into site/IMPORT-REPORT.md."""
    if not feed.is_file():
        raise ImportUsageError(f"feed file '{feed}' not found")
    if show is not None and not SLUG_RE.match(show):
        raise ImportUsageError(f"--show '{show}' is not a slug (lower-case letters, digits and hyphens)")
    result = ImportResult()
    parsed = read_feed(feed, result.diagnostics)
    if parsed is None:
        return result
    channel, item_lines = parsed
    if fetcher is not None:
        fetcher.total = count_fetches(channel)
    _FeedImport(feed, channel, item_lines, site, show, force, result, fetcher).run()
    result.report.source = str(feed)
    result.report_path = write_report(site, result)
    return result
