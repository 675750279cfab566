"""The site model: plain, frozen dataclasses that templates and feeds read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Location
from generator.model.transcript import Transcript


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link: on a person's profile (kind: website, github, x, mastodon, linkedin, bluesky), a show's
    funding (kind "funding") or a show's page in a listening app (kind: its `subscribe:` key, or "other")."""

    kind: str
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Asset:
    """A file from the site folder copied into the output, or an outside URL used as is."""

    url: str
    source: Path | None = None  # set when the file is local and must be copied
    target: str = ""  # its output path below the output folder, when local

    def href(self, base: str) -> str:
        """The URL with `base` (the site's base URL or base path) before it when the file is local."""
        return base + self.url if self.source is not None else self.url


@dataclass(frozen=True, slots=True)
class License:
    name: str
    url: str
    credit_html: str


@dataclass(frozen=True, slots=True)
class EditPatterns:
    notes: str | None = None
    transcript: str | None = None


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str
    base_url: str  # always ends with "/"
    language: str
    description_html: str
    theme: str
    per_page: int
    edit: EditPatterns
    license: License | None
    break_labels: frozenset[str]
    voice_labels: frozenset[str]
    footer_html: str
    root: Path  # the site folder
    location: Location
    chapters_from_breaks: bool = False  # derive chapters from Break markers when an episode gives none
    feed_size: int = 300  # items per feed document; older ones go to paged archives (RFC 5005)
    topics: tuple[str, ...] = ()  # the site's own list of topics, when it keeps one; episodes may use others
    nav_shows: int = 5  # the header links each show up to this many shows, else one "Shows" link (shows/)
    search: bool = False  # the build writes the search index (docs/search.md: off until it meets its budget)

    def lists_shows(self, count: int) -> bool:
        """Whether the header links each of `count` shows; if not, it links the shows page (shows/) instead."""
        return count <= self.nav_shows

    @property
    def base_path(self) -> str:
        """The path part of base_url ("/" or "/sub/"), which every site URL starts with."""
        rest = self.base_url.split("://", 1)[-1]
        return "/" + rest.split("/", 1)[1] if "/" in rest else "/"


@dataclass(frozen=True, slots=True)
class Person:
    slug: str
    name: str
    aliases: tuple[str, ...]
    title: str
    orgs: tuple[str, ...]
    bio_html: str
    avatar: Asset | None
    links: tuple[Link, ...]
    location: Location

    @property
    def url(self) -> str:
        return f"people/{self.slug}/"

    @property
    def initials(self) -> str:
        parts = [p for p in self.name.replace("-", " ").split() if p[:1].isalnum()]
        return "".join(p[0] for p in parts[:2]).upper() or "?"


@dataclass(frozen=True, slots=True)
class Sponsor:
    slug: str
    name: str
    url: str
    logo: Asset | None
    blurb_html: str
    location: Location

    @property
    def page_url(self) -> str:
        return f"sponsors/{self.slug}/"


@dataclass(frozen=True, slots=True)
class Show:
    slug: str
    name: str
    description_html: str
    description_text: str
    artwork: Asset | None
    hosts: tuple[Person, ...]
    author: str
    owner_name: str
    owner_email: str
    category: str
    explicit: bool
    language: str
    website: str
    edit: EditPatterns
    location: Location
    subscribe: tuple[Link, ...] = ()  # the show in listening apps, in the show file's order
    # Feed-only settings (podcast RSS), see docs/content-format.md.
    guid: str | None = None  # pinned podcast:guid; feeds derive one from the feed URL otherwise
    locked: bool = False  # podcast:locked
    funding: tuple[Link, ...] = ()  # podcast:funding (kind "funding", label = the link's text)
    txt: tuple[tuple[str, str], ...] = ()  # podcast:txt as (purpose, text); purpose "" when none
    type: str = "episodic"  # itunes:type: episodic or serial
    copyright: str = ""
    new_feed_url: str = ""  # itunes:new-feed-url, once the feed has moved
    license: License | None = None  # podcast:license of the audio
    feed_size: int = 300  # the site's feed_size unless the show sets its own

    @property
    def url(self) -> str:
        return f"{self.slug}/"


@dataclass(frozen=True, slots=True)
class Audio:
    url: str
    bytes: int | None
    duration: float | None  # seconds
    mime: str
    asset: Asset | None = None  # set when the audio file is local
    size_unknown: bool = False  # the author wrote 'bytes: unknown'


CHAPTERS_FILE = "chapters.json"  # an episode's chapters, in its folder and beside its page


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter of an episode (Podcast Index JSON chapters: startTime, title, url, img, toc, endTime)."""

    start: float
    title: str
    url: str = ""
    image: str = ""
    toc: bool = True
    end: float | None = None
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Soundbite:
    """A highlight of an episode that apps can play on its own (podcast:soundbite)."""

    start: float
    duration: float
    title: str = ""


@dataclass(frozen=True, slots=True)
class SponsorSpot:
    """A sponsor as it appears on one episode: the blurb and link used that time."""

    sponsor: Sponsor
    blurb_html: str
    url: str


@dataclass(frozen=True, slots=True)
class Episode:
    show: Show
    slug: str
    number: int | None
    title: str
    has_title: bool  # False when the title is only "Episode N" for lack of a real one
    subtitle: str
    summary_html: str
    summary_text: str
    published: dt.datetime | None
    recorded: dt.datetime | None
    audio: Audio | None
    hosts: tuple[Person, ...]
    guests: tuple[Person, ...]
    sponsors: tuple[SponsorSpot, ...]
    type: str
    season: int | None
    topics: tuple[str, ...]
    draft: bool
    explicit: bool
    notes_html: str
    transcript: Transcript | None
    notes_path: Path
    transcript_path: Path | None
    edit_notes_url: str | None
    edit_transcript_url: str | None
    assets: tuple[Asset, ...]
    location: Location
    chapters: tuple[Chapter, ...] = ()
    soundbites: tuple[Soundbite, ...] = ()
    guid: str | None = None  # as the author pinned it; feeds derive a stable one otherwise
    notes_source: str | None = None  # the notes' Markdown while notes_html is still to be made (see episodes.py)
    topic_lines: tuple[int, ...] = ()  # the line of each of `topics` in the front matter

    @property
    def url(self) -> str:
        return f"{self.show.slug}/{self.slug}/"

    @property
    def people(self) -> tuple[Person, ...]:
        """Guests first, then hosts, as the episode header shows them."""
        return self.guests + tuple(h for h in self.hosts if h not in self.guests)

    def role_of(self, person: Person) -> str:
        return "guest" if person in self.guests else "host"


@dataclass(frozen=True, slots=True)
class Appearance:
    """One episode a person is on, with their role and, when they speak, when they first do."""

    episode: Episode
    role: str  # host, guest or speaker
    first_spoken: float | None
    first_anchor: str | None


@dataclass(frozen=True, slots=True)
class Site:
    config: SiteConfig
    shows: tuple[Show, ...]
    people: dict[str, Person]
    sponsors: dict[str, Sponsor]
    episodes: tuple[Episode, ...]  # newest first within a show; shows in name order
    appearances: dict[str, tuple[Appearance, ...]] = field(default_factory=dict)  # person slug -> newest first
    sponsorships: dict[str, tuple[tuple[Episode, SponsorSpot], ...]] = field(default_factory=dict)

    by_show: dict[str, tuple[Episode, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived here, so that it can never disagree with `episodes` (dataclasses.replace runs it again).
        groups: dict[str, list[Episode]] = {}
        for episode in self.episodes:
            groups.setdefault(episode.show.slug, []).append(episode)
        object.__setattr__(self, "by_show", {slug: tuple(found) for slug, found in groups.items()})

    def episodes_of(self, show: Show) -> tuple[Episode, ...]:
        """The show's episodes, newest first."""
        return self.by_show.get(show.slug, ())

    def neighbours(self) -> dict[str, tuple[Episode | None, Episode | None]]:
        """Each episode's older and newer episode in its show (None at either end), by URL."""
        found: dict[str, tuple[Episode | None, Episode | None]] = {}
        for episodes in self.by_show.values():  # newest first
            for index, episode in enumerate(episodes):
                older = episodes[index + 1] if index + 1 < len(episodes) else None
                found[episode.url] = (older, episodes[index - 1] if index > 0 else None)
        return found
