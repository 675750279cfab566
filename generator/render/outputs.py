"""Every file a build will write, with the source that owns it: two sources of one output path are an error
naming both, before anything is made. Otherwise the one written last would silently replace the other (an
audio file named index.html over its episode's page, a static file or an avatar over a show's page)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics, Location, display_path
from generator.model.entities import CHAPTERS_FILE, Asset, Site
from generator.render.cards import CARD_FILE
from generator.render.embed import OEMBED_FILE, embed_page
from generator.render.feeds import feed_path
from generator.render.pages import Page, check_collisions

TRANSCRIPT_FILES = ("transcript.vtt", "transcript.srt", "transcript.json", "transcript.txt")
SITE_FILES = ("sitemap.xml", "robots.txt", "_headers")


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's claim on an output path."""

    path: str  # below the output folder
    owner: object  # claims with the same owner are one source (two people sharing an avatar file)
    source: Location
    what: str
    page: bool = False


def check_outputs(site: Site, pages: list[Page], static: Mapping[str, Path], diags: Diagnostics) -> None:
    """An error for each output path that two sources would write: pages (check_collisions), episode files,
    feeds, the site's own files, the static files (`static`: themes.static_files') and assets."""
    check_collisions(pages, diags)  # page against page, in its own words
    seen: dict[str, Claim] = {}
    for claim in planned_outputs(site, pages, static):
        first = seen.setdefault(claim.path, claim)
        if first is claim or first.owner == claim.owner or (first.page and claim.page):
            continue
        diags.error(claim.source, f"{claim.what} and {first.what} ({display_path(first.source.path)}) would both be "
                                  f"/{claim.path}", _hint(claim, first))
    _check_folders(seen, diags)


def _check_folders(claims: dict[str, Claim], diags: Diagnostics) -> None:
    """An error for each file that would stand where another output needs a folder: an audio file named
    'embed' where the episode's embed page goes (embed/index.html)."""
    folders: dict[str, Claim] = {}
    for path, claim in claims.items():
        parent = path.rpartition("/")[0]
        while parent and parent not in folders:
            folders[parent] = claim
            parent = parent.rpartition("/")[0]
    for path, claim in claims.items():
        inside = folders.get(path)
        if inside is not None:
            diags.error(claim.source, f"{claim.what} would be the file /{path}, where {inside.what} "
                                      f"({display_path(inside.source.path)}) needs a folder for /{inside.path}",
                        "rename the file")


def planned_outputs(site: Site, pages: list[Page], static: Mapping[str, Path]) -> Iterator[Claim]:
    """Every output path the build writes, each with its owner; the pages first."""
    root = site.config.location
    for page in pages:
        yield Claim(page.path, page, page.source, page.what, page=True)
    for name in SITE_FILES:
        yield Claim(name, name, root, f"podsite's {name}")
    yield from _feeds(site)
    for episode in site.episodes:
        what = f"a file of episode '{episode.show.slug}/{episode.slug}'"
        if episode.transcript_path is not None or episode.transcript is not None:
            for name in TRANSCRIPT_FILES:
                yield Claim(episode.url + name, episode.url, episode.location, what)
        if site.config.cards:
            yield Claim(episode.url + CARD_FILE, episode.url, episode.location, what)
        if episode.chapters or (episode.transcript_path is not None and site.config.chapters_from_breaks):
            yield Claim(episode.url + CHAPTERS_FILE, episode.url, episode.location, what)
        embed = embed_page(episode)
        yield Claim(embed.path, episode.url, episode.location, embed.what)
        yield Claim(episode.url + OEMBED_FILE, episode.url, episode.location, what)
        for asset in episode.assets:
            yield from _asset(asset, episode.location, f"the file '{asset.url}' of episode "
                                                       f"'{episode.show.slug}/{episode.slug}'")
    for person in site.people.values():
        yield from _asset(person.avatar, person.location, f"the avatar of person '{person.slug}'")
    for sponsor in site.sponsors.values():
        yield from _asset(sponsor.logo, sponsor.location, f"the logo of sponsor '{sponsor.slug}'")
    for show in site.shows:
        yield from _asset(show.artwork, show.location, f"the artwork of show '{show.slug}'")
    for path, source in static.items():
        yield Claim(path, source, Location(source), f"the static file {source.name}")


def _feeds(site: Site) -> Iterator[Claim]:
    for show in site.shows:
        documents = max(1, math.ceil(len(site.episodes_of(show)) / show.feed_size))
        for number in range(1, documents + 1):
            yield Claim(feed_path(show.url, number), show.url, show.location, f"the feed of show '{show.slug}'")
    if len(site.shows) > 1:
        documents = max(1, math.ceil(len(site.episodes) / site.config.feed_size))
        for number in range(1, documents + 1):
            yield Claim(feed_path("", number), "", site.config.location, "the site's feed")


def _asset(asset: Asset | None, source: Location, what: str) -> Iterator[Claim]:
    if asset is not None and asset.source is not None:
        yield Claim(asset.target, asset.source, source, what)


def _hint(claim: Claim, first: Claim) -> str:
    if first.page or claim.page:
        return "rename the file, or the show, person, sponsor or topic whose page it would replace"
    return "rename one of the two files"
