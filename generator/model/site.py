"""Assembles the loaded entities into a Site: order, cross-references and the checks that need all of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator.diagnostics import Diagnostics
from generator.model.entities import Appearance, Episode, Person, Show, Site, SiteConfig, Sponsor, SponsorSpot


# Each speaking person's slug -> when (seconds) and where (paragraph anchor) they first speak in one episode.
FirstSpoken = dict[str, tuple[float | None, str | None]]
# The same per episode URL.
Spoken = dict[str, FirstSpoken]


@dataclass(frozen=True, slots=True)
class Swap:
    """An episode of an assembled Site and the new version of it that replaces it, each with who speaks first."""

    old: Episode
    new: Episode
    old_spoken: FirstSpoken
    new_spoken: FirstSpoken


def assemble_site(config: SiteConfig, shows: dict[str, Show], people: dict[str, Person],
                  sponsors: dict[str, Sponsor], episodes: list[Episode], diags: Diagnostics,
                  spoken: Spoken | None = None) -> Site:
    """The site model, with each show's episodes newest first and the indexes people and sponsor pages need.
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
    return Site(config=config, shows=ordered_shows, people=dict(sorted(people.items())),
                sponsors=dict(sorted(sponsors.items())), episodes=tuple(ordered),
                appearances=_appearances(ordered, people, spoken or {}), sponsorships=_sponsorships(ordered))


def newest_first(episodes: list[Episode]) -> list[Episode]:
    """By publish date when every episode has one, else by number: an unknown date is never guessed."""
    if episodes and all(e.published for e in episodes):
        return sorted(episodes, key=lambda e: (e.published, e.number or 0, e.slug), reverse=True)
    return sorted(episodes, key=lambda e: (e.number if e.number is not None else -1,
                                           e.published or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
                                           e.slug), reverse=True)


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


def _appearances(episodes: list[Episode], people: dict[str, Person], spoken: Spoken) -> dict[str, tuple[Appearance, ...]]:
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


def swap_episodes(site: Site, swaps: list[Swap]) -> Site | None:
    """`site` with new versions of some of its episodes, as assemble_site would make it from them, for the
    preview, whose edits change an episode or two at a time: only the indexes that list a swapped episode are
    made again, the rest is shared with `site`. None when a new version could sort elsewhere or change what
    the number check reports; then only assemble_site gives the right answer.

    Every new version must belong to the same show, as the same folder, as its old one."""
    if any(_placement(swap.old) != _placement(swap.new) for swap in swaps):
        return None
    new_of = {id(swap.old): swap.new for swap in swaps}
    episodes = tuple(new_of.get(id(episode), episode) for episode in site.episodes)
    return dataclasses.replace(site, episodes=episodes, appearances=_swap_appearances(site, episodes, swaps),
                               sponsorships=_swap_sponsorships(site, episodes, swaps, new_of))


def _placement(episode: Episode) -> tuple[object, ...]:
    """What assemble_site orders a show's episodes by and checks their numbers with."""
    return episode.show.slug, episode.slug, episode.published, episode.number, episode.season, episode.location


def _swap_appearances(site: Site, episodes: tuple[Episode, ...],
                      swaps: list[Swap]) -> dict[str, tuple[Appearance, ...]]:
    """The appearances with each swapped episode's entries made again, in the site's episode order."""
    dropped = {id(swap.old) for swap in swaps}
    added: dict[str, list[Appearance]] = defaultdict(list)
    touched: set[str] = set()
    for swap in swaps:
        touched.update(slug for slug, _ in _appearances_in(swap.old, swap.old_spoken))
        for slug, appearance in _appearances_in(swap.new, swap.new_spoken):
            added[slug].append(appearance)
    touched = (touched | added.keys()) & site.appearances.keys()  # speakers who are nobody's person are left out
    if not touched:
        return site.appearances
    rank = {id(episode): index for index, episode in enumerate(episodes)}
    appearances = dict(site.appearances)
    for slug in touched:
        kept = [a for a in appearances[slug] if id(a.episode) not in dropped]
        appearances[slug] = tuple(sorted(kept + added.get(slug, []), key=lambda a: rank[id(a.episode)]))
    return appearances


def _swap_sponsorships(site: Site, episodes: tuple[Episode, ...], swaps: list[Swap],
                       new_of: dict[int, Episode]) -> dict[str, tuple[tuple[Episode, SponsorSpot], ...]]:
    """The sponsorships with the swapped episodes' spots. When an episode's sponsors are the same ones in the
    same order, each new spot takes its old one's place; otherwise the order of the index itself may change
    (it lists sponsors as they first appear), and it is made again whole."""
    if any([s.sponsor.slug for s in swap.old.sponsors] != [s.sponsor.slug for s in swap.new.sponsors]
           for swap in swaps):
        return _sponsorships(list(episodes))
    new_spots: dict[tuple[int, str], list[SponsorSpot]] = defaultdict(list)
    for swap in swaps:
        for spot in swap.new.sponsors:
            new_spots[id(swap.old), spot.sponsor.slug].append(spot)
    queues = {key: iter(spots) for key, spots in new_spots.items()}  # an episode may name a sponsor twice
    sponsorships = dict(site.sponsorships)
    for slug in {slug for _, slug in new_spots}:
        sponsorships[slug] = tuple((new_of[id(e)], next(queues[id(e), slug])) if (id(e), slug) in queues
                                   else (e, spot) for e, spot in sponsorships[slug])
    return sponsorships
