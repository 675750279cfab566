"""How the index pages group the model: people by role and show and by letter, a show's episodes by year."""

from __future__ import annotations

import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model.entities import Episode, Person, Show, Site

ROLES = ("host", "guest", "speaker")  # the order of the People page's groups; a person's first role in a show wins
OTHER = "#"  # the letter of names that do not start with A-Z (after accents are set aside)


def name_key(person: Person) -> tuple[str, str]:
    """Sorts people by name as a reader looks them up: case and accents set aside ("Élodie" among the E's)."""
    return _plain(person.name).casefold(), person.slug


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Listed:
    person: Person
    episodes: int  # how many of the show's episodes they are on, in any role


@dataclass(frozen=True, slots=True)
class ShowPeople:
    show: Show
    people: tuple[Listed, ...]  # by name


@dataclass(frozen=True, slots=True)
class RolePeople:
    role: str  # one of ROLES
    shows: tuple[ShowPeople, ...]  # in the site's order of shows, each with someone in this role


def people_by_role(site: Site) -> tuple[RolePeople, ...]:
    """The hosts of each show, then the guests of each show, then those who only speak in its transcripts;
    each person once per show, in their first role there (a show's hosts are its hosts even as a guest on
    one episode). A role no one has is left out."""
    roles: dict[tuple[str, str], int] = {}  # (show slug, person slug) -> index in ROLES
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for show in site.shows:
        for host in show.hosts:
            roles[show.slug, host.slug] = 0
    for slug, appearances in site.appearances.items():
        for appearance in appearances:
            key = (appearance.episode.show.slug, slug)
            roles[key] = min(roles.get(key, len(ROLES)), ROLES.index(appearance.role))
            counts[key] += 1
    buckets: dict[tuple[int, str], list[Listed]] = defaultdict(list)  # (role index, show slug) -> people
    for (show_slug, slug), index in roles.items():
        if slug in site.people:
            buckets[index, show_slug].append(Listed(site.people[slug], counts[show_slug, slug]))
    grouped = []
    for index, role in enumerate(ROLES):
        shows = tuple(ShowPeople(show, tuple(sorted(buckets[index, show.slug], key=lambda p: name_key(p.person))))
                      for show in site.shows if buckets.get((index, show.slug)))
        if shows:
            grouped.append(RolePeople(role, shows))
    return tuple(grouped)


@dataclass(frozen=True, slots=True)
class Letter:
    letter: str  # "A" to "Z", or OTHER
    anchor: str  # the id of its heading: "letter-a", or "letter-other"
    people: tuple[Person, ...]  # by name


def letter_index(people: Iterable[Person]) -> tuple[Letter, ...]:
    """Everyone under the first letter of their name, A to Z, and names that start otherwise last; only
    letters that someone's name starts with."""
    found: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        first = _plain(person.name.strip())[:1].upper()
        found[first if first and first in string.ascii_uppercase else OTHER].append(person)
    order = [*string.ascii_uppercase, OTHER]
    return tuple(Letter(letter, f"letter-{'other' if letter == OTHER else letter.lower()}",
                        tuple(sorted(found[letter], key=name_key)))
                 for letter in order if letter in found)


@dataclass(frozen=True, slots=True)
class Year:
    year: int | None  # None: the episodes without a date
    anchor: str  # the id of its heading: "y2024", or "undated"
    episodes: tuple[Episode, ...]  # in the show's order (newest first)


def by_year(episodes: Iterable[Episode]) -> tuple[Year, ...]:
    """The episodes by the year they were published, newest year first, undated ones last."""
    found: dict[int | None, list[Episode]] = defaultdict(list)
    for episode in episodes:
        found[episode.published.year if episode.published else None].append(episode)
    years = sorted((year for year in found if year is not None), reverse=True)
    ordered: list[int | None] = [*years, *([None] if None in found else [])]
    return tuple(Year(year, f"y{year}" if year is not None else "undated", tuple(found[year])) for year in ordered)


@dataclass(frozen=True, slots=True)
class ShowCard:
    show: Show
    episodes: int
    latest: Episode | None  # its newest episode


def show_cards(site: Site) -> tuple[ShowCard, ...]:
    """Each show, with how many episodes it has and its newest."""
    return tuple(ShowCard(show, len(episodes := site.episodes_of(show)), episodes[0] if episodes else None)
                 for show in site.shows)
