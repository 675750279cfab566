"""Assembles the loaded entities into a Site: order, cross-references and the checks that need all of them."""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterator

from generator.diagnostics import Diagnostics
from generator.model.entities import (
    Appearance,
    Episode,
    Person,
    Show,
    Site,
    SiteConfig,
    Sponsor,
    SponsorSpot,
)
from generator.model.topics import check_topics

# Each speaking person's slug -> when (seconds) and where (paragraph anchor) they first speak in one episode.
FirstSpoken = dict[str, tuple[float | None, str | None]]
# The same per episode URL.
Spoken = dict[str, FirstSpoken]


def assemble_site(config: SiteConfig, shows: dict[str, Show], people: dict[str, Person],
                  sponsors: dict[str, Sponsor], episodes: list[Episode], diags: Diagnostics,
                  spoken: Spoken | None = None) -> Site:
    """The site model, with each show's episodes newest first and the indexes people and sponsor pages need;
    spellings of one topic that differ are reported when the site lists no topics of its own.
    `spoken` stands in for the transcripts when they were read elsewhere (a parallel build's workers)."""
    ordered_shows = tuple(sorted(shows.values(), key=lambda s: (s.name.casefold(), s.slug)))
    by_show: dict[str, list[Episode]] = defaultdict(list)
    for episode in episodes:
        by_show[episode.show.slug].append(episode)
    ordered: list[Episode] = []
    for show in ordered_shows:
        show_episodes = by_show.get(show.slug, [])
        _check_numbers(show_episodes, diags)
        ordered.extend(newest_first(show_episodes))
    if not config.topics:  # else each topic was checked against the site's list as its episode loaded
        check_topics(ordered, diags)
    return Site(config=config, shows=ordered_shows, people=dict(sorted(people.items())),
                sponsors=dict(sorted(sponsors.items())), episodes=tuple(ordered),
                appearances=_appearances(ordered, people, spoken or {}), sponsorships=_sponsorships(ordered))


def newest_first(episodes: list[Episode]) -> list[Episode]:
    """By publish date when every episode has one, else by number: an unknown date is never guessed."""
    if episodes and all(e.published for e in episodes):
        return sorted(episodes, key=lambda e: (e.published, e.number or 0, e.slug), reverse=True)
    return sorted(episodes, key=lambda e: (e.number if e.number is not None else -1,
                                           e.published or dt.datetime.min.replace(tzinfo=dt.UTC),
                                           e.slug), reverse=True)


def latest_episodes(site: Site, count: int = 10) -> list[Episode]:
    """The site's newest `count` episodes across its shows, newest first (newest_across_shows)."""
    return list(itertools.islice(newest_across_shows(site), count))


def newest_across_shows(site: Site) -> Iterator[Episode]:
    """The site's episodes, newest first across its shows. Each show's own order (newest_first) is kept, and
    the shows are interleaved by date: an episode without one counts as new as the newest dated episode after
    it in its show's order, and when no date tells shows apart, the show named first leads."""
    runs = []
    for show in site.shows:
        newest: dt.datetime = _UNDATED
        keyed = []
        for episode in reversed(site.episodes_of(show)):  # oldest first: each key is the newest date so far
            newest = max(newest, episode.published or _UNDATED)
            keyed.append((newest, episode))
        runs.append(keyed[::-1])
    merged = heapq.merge(*runs, key=lambda pair: pair[0], reverse=True)  # stable: earlier shows first on ties
    return (episode for _, episode in merged)


_UNDATED = dt.datetime.min.replace(tzinfo=dt.UTC)


def _check_numbers(episodes: list[Episode], diags: Diagnostics) -> None:
    """Numbers are unique within a season (shows that restart numbering each season are common)."""
    seen: dict[tuple[int | None, int], Episode] = {}
    for episode in sorted(episodes, key=lambda e: e.slug):
        if episode.number is None:
            continue
        first = seen.setdefault((episode.season, episode.number), episode)
        if first is not episode:
            season = f" in season {episode.season}" if episode.season is not None else ""
            diags.error(episode.location, f"episode number {episode.number}{season} is also used by "
                        f"{first.location.path}", "give each episode of a show its own number")


def _appearances(episodes: list[Episode], people: dict[str, Person],
                 spoken: Spoken) -> dict[str, tuple[Appearance, ...]]:
    found: dict[str, list[Appearance]] = defaultdict(list)
    for episode in episodes:
        first = spoken[episode.url] if episode.url in spoken else first_spoken(episode)
        for slug, appearance in _appearances_in(episode, first):
            found[slug].append(appearance)
    return {slug: tuple(found.get(slug, ())) for slug in people}


def _appearances_in(episode: Episode, first: FirstSpoken) -> Iterator[tuple[str, Appearance]]:
    """Each person's appearance on one episode: the hosts and guests, then whoever else speaks."""
    first = dict(first)
    for person in episode.people:
        time, anchor = first.pop(person.slug, (None, None))
        yield person.slug, Appearance(episode, episode.role_of(person), time, anchor)
    for slug, (time, anchor) in first.items():  # spoke without being listed as host or guest
        yield slug, Appearance(episode, "speaker", time, anchor)


def first_spoken(episode: Episode) -> FirstSpoken:
    first: FirstSpoken = {}
    if episode.transcript is None:
        return first
    for turn in episode.transcript.turns:
        if turn.person and turn.person not in first and turn.paragraphs:
            paragraph = turn.paragraphs[0]
            first[turn.person] = (paragraph.start, paragraph.anchor)
    return first


def _sponsorships(episodes: list[Episode]) -> dict[str, tuple[tuple[Episode, SponsorSpot], ...]]:
    found: dict[str, list[tuple[Episode, SponsorSpot]]] = defaultdict(list)
    for episode in episodes:
        for spot in episode.sponsors:
            found[spot.sponsor.slug].append((episode, spot))
    return {slug: tuple(items) for slug, items in found.items()}
