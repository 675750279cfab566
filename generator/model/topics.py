"""Topics: what an episode is about, as its front matter names them. Each topic has a slug (its page is
/topics/<slug>/); topics whose slugs are equal are one topic. Spellings of one topic that differ only in case,
spacing, hyphens, underscores or a plural ending are reported, so that a site keeps to one."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.diagnostics import Diagnostics, Location, display_path
from generator.model.entities import Episode

TOPICS_URL = "topics/"
# Signs that tell topics apart ("C", "C++" and "C#"), spelled out before the rest of the punctuation goes.
_SIGNS = {"+": " plus ", "#": " sharp ", "&": " and ", "@": " at "}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=8192)  # a site names its few hundred topics again on every episode
def topic_slug(name: str) -> str:
    """Lower-case ASCII letters and digits joined by single hyphens: accents dropped ("Éire" is "eire"), a few
    signs spelled out. A name with no such letter at all (in another script) gets "topic-" and a short hash
    of its text, which stays the same from build to build."""
    text = "".join(_SIGNS.get(c, c) for c in name.strip())
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if slug:
        return slug
    folded = unicodedata.normalize("NFKC", name.strip()).casefold()
    return "topic-" + hashlib.sha256(folded.encode("utf-8")).hexdigest()[:10]


def topic_url(name: str) -> str:
    """The topic's page below the site's base URL."""
    return f"{TOPICS_URL}{topic_slug(name)}/"


@functools.lru_cache(maxsize=8192)
def near_keys(name: str) -> frozenset[str]:
    """Forms that two spellings of one topic share: the slug without its hyphens (case, spacing, hyphens and
    underscores gone), and that without a plural ending (-s, -es, -ies for -y)."""
    joined = topic_slug(name).replace("-", "")
    keys = {joined}
    if joined.endswith("ies") and len(joined) > 4:
        keys.add(joined[:-3] + "y")
    if joined.endswith("es") and len(joined) > 3:
        keys.add(joined[:-2])
    if joined.endswith("s") and len(joined) > 2:
        keys.add(joined[:-1])
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic with its episodes, newest first (latest_episodes' order across shows)."""

    slug: str
    name: str  # as the site's topic list spells it, else as most episodes do
    episodes: tuple[Episode, ...]

    @property
    def url(self) -> str:
        return f"{TOPICS_URL}{self.slug}/"

    @property
    def letter(self) -> str:
        """The index's heading the topic is listed under: its first letter, or "#"."""
        first = unicodedata.normalize("NFKD", self.name.strip()[:1]).upper()[:1]
        return first if first.isalpha() else "#"


def site_topics(episodes: Iterable[Episode], declared: tuple[str, ...]) -> tuple[Topic, ...]:
    """The topics of `episodes` (in the order their pages list them), by name. An episode that names one
    topic twice is listed once."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    listed: dict[str, list[Episode]] = defaultdict(list)
    for episode in episodes:
        for slug, name in _topics_of(episode).items():
            spellings[slug][name] += 1
            listed[slug].append(episode)
    official = {topic_slug(name): name for name in reversed(declared)}  # the first of two the same wins
    topics = [Topic(slug, official.get(slug) or _preferred(spellings[slug]), tuple(found))
              for slug, found in listed.items()]
    return tuple(sorted(topics, key=lambda t: (_sort_key(t.name), t.slug)))


def check_topics(episodes: Iterable[Episode], diags: Diagnostics) -> None:
    """A warning at each spelling of a topic that another spelling of it outnumbers (or precedes, on a tie),
    naming where that one is used. Spellings are of one topic when they share a near key."""
    uses: dict[str, list[Location]] = defaultdict(list)
    for episode in episodes:
        for name, line in zip(episode.topics, episode.topic_lines, strict=False):
            uses[name].append(Location(episode.location.path, line))
    for group in _near_groups(list(uses)):
        if len(group) < 2:
            continue
        best = _preferred(Counter({name: len(uses[name]) for name in group}))
        there = uses[best][0]
        for name in sorted(group - {best}, key=_sort_key):
            for here in uses[name]:
                diags.warning(here, f"topic '{name}' is written '{best}' elsewhere ({display_path(there.path)}:"
                                    f"{there.line})",
                              f"did you mean '{best}'? Spell a topic the same way on every episode (or list the "
                              "site's topics under 'topics:' in site.yaml)")


def near_match(name: str, known: Iterable[str]) -> str | None:
    """The first of `known` that is a spelling of the same topic as `name`."""
    keys = near_keys(name)
    return next((other for other in known if near_keys(other) & keys), None)


def topic_names(episode: Episode) -> list[str]:
    """The episode's topics, each once (as the episode first spells it): for its JSON-LD and feed item."""
    return list(_topics_of(episode).values())


def _topics_of(episode: Episode) -> dict[str, str]:
    """The episode's topics by slug, each as the episode first spells it."""
    found: dict[str, str] = {}
    for name in episode.topics:
        found.setdefault(topic_slug(name), name)
    return found


def _near_groups(names: list[str]) -> list[set[str]]:
    """The names joined into groups wherever two share a near key (and through them, transitively)."""
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    first: dict[str, str] = {}
    for name in names:
        for key in near_keys(name):
            other = first.setdefault(key, name)
            parent[root(name)] = root(other)
    groups: dict[str, set[str]] = defaultdict(set)
    for name in names:
        groups[root(name)].add(name)
    return list(groups.values())


def _preferred(counts: Counter[str]) -> str:
    """The spelling used most; on a tie, the first in name order."""
    return min(counts, key=lambda name: (-counts[name], _sort_key(name), name))


def _sort_key(name: str) -> str:
    return unicodedata.normalize("NFKD", name).casefold()
