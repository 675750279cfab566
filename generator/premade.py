"""The episode pages and files of the preview's first build, made ahead in worker processes.

A full build of the preview renders every episode page and makes every episode's transcript files: most of
its time, in one process. Here the workers do it (for a build of a process with no other thread: see
IncrementalBuilder._premake), each with the builder's site and episodes (inherited when the pool forks, not
sent), writing what they make into a folder beside the output and sending back only what the builder keeps
of each page: what its templates read of the Site, and its diagnostics. The builder then takes each page and
file as output.Made, a file renamed into place when the output is written, and renders the rest of the site
itself.

Before that, when the builder first loads a site, the workers parse ahead the transcripts its cache folder has
no entry for (parse_ahead), so that the load reads every transcript back from there rather than parse them
one after the other: on a site nothing has parsed yet, or after an upgrade of podsite, which changes every
key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, Diagnostics
from generator.content.episodes import load_episode
from generator.markup.markdown import Markup
from generator.model.entities import Episode, Person, Show, Site, SiteConfig, Sponsor
from generator.output import Made, make_file
from generator.render.reads import Read
from generator.transcripts.speakers import SpeakerIndex
from generator.render.themes import make_environment, theme_dir
from generator.cache.transcripts import TranscriptCache
from generator.workers import pool_context, render_episode, spread


@dataclass(frozen=True, slots=True)
class Premade:
    """One episode's page and files as a worker made them."""

    page_path: str
    html: Made | None  # None: the page did not render (its diagnostics say why)
    reads: frozenset[Read]  # what the page's templates read of the Site
    diagnostics: tuple[Diagnostic, ...]
    files: dict[str, Made]  # the episode's files (episode_files), by output path


class _Maker:
    """A worker's part: makes the page and files of one episode at a time (of `urls`) into `folder`."""

    def __init__(self, site: Site, full: dict[str, Episode], names: dict[str, str], folder: Path,
                 urls: list[str]) -> None:
        self.site, self.full, self.names, self.folder, self.urls = site, full, names, folder, urls
        self.env = make_environment(site.config.root, theme_dir(site.config.theme, site.config.root))
        self.neighbours = site.neighbours()

    def run(self, index: int) -> Premade:
        diags = Diagnostics()
        made = render_episode(self.site, self.env, self.full[self.urls[index]], self.neighbours, self.names, diags)
        html = make_file(self.folder, made.page_path, made.html) if made.html is not None else None
        files = {name: make_file(self.folder, name, content) for name, content in made.files.items()}
        return Premade(made.page_path, html, made.reads, tuple(diags.items), files)


def premake(site: Site, full: dict[str, Episode], folder: Path, workers: int,
            progress: Callable[[int], None] | None = None) -> dict[str, Premade]:
    """Every episode's page and files, made by `workers` processes into `folder` (emptied first), by episode
    URL. `full`: the episodes with their transcripts, by URL; `progress` is told how many are done."""
    shutil.rmtree(folder, ignore_errors=True)
    names = {slug: person.name for slug, person in site.people.items()}
    urls = [episode.url for episode in site.episodes]
    made: dict[str, Premade] = {}
    for url, premade in zip(urls, spread(_Maker, (site, full, names, folder, urls), range(len(urls)), workers,
                                         pool_context())):
        made[url] = premade
        if progress is not None:
            progress(len(made))
    return made


# -- parsing ahead -------------------------------------------------------------------------------------

# Episodes looked at before the workers stop when none of them needed parsing: the cache has the site's
# transcripts, and this process reads them back faster than a worker would look for each (the first build of
# a preview after a `podsite build`, or after another preview). Two chunks at 2,000 episodes.
PROBE = 32


@dataclass(frozen=True, slots=True)
class _Loading:
    """What loading an episode reads besides its folder."""

    config: SiteConfig
    people: dict[str, Person]
    sponsors: dict[str, Sponsor]
    speakers: SpeakerIndex
    markup: Markup


class _Ahead:
    """A worker's part: finds one episode's transcript and its duration, and parses it into `cache` unless
    the cache has it."""

    def __init__(self, folders: list[tuple[Show, Path]], loading: _Loading, cache: Path) -> None:
        self.folders, self.loading, self.cache = folders, loading, TranscriptCache(cache)

    def run(self, index: int) -> bool:
        try:
            return self.parse(index)
        except Exception:  # noqa: BLE001 - only a head start: the load reads this episode itself, and reports it
            return False

    def parse(self, index: int) -> bool:
        show, folder = self.folders[index]
        given = self.loading
        # Without its transcript, nor its notes rendered: what the builder's load reports, it reports itself.
        episode = load_episode(show, folder, given.config, given.people, given.sponsors, given.speakers, given.markup,
                               Diagnostics(), read=False)
        if episode is None or episode.transcript_path is None:
            return False
        duration = episode.audio.duration if episode.audio is not None else None
        return self.cache.fill(episode.transcript_path, given.speakers, given.markup, duration)


def parse_ahead(folders: list[tuple[Show, Path]], config: SiteConfig, people: dict[str, Person],
                sponsors: dict[str, Sponsor], speakers: SpeakerIndex, markup: Markup, cache: Path, workers: int,
                progress: Callable[[int], None] | None = None, probe: int = PROBE) -> tuple[int, int]:
    """Has `workers` processes parse into the `cache` folder the transcripts of the episode `folders` (show and
    folder, as episode_folders lists them; loaded with the other arguments) that it has no entry for. They stop
    early when the first `probe` episodes needed none. Returns how many episodes were looked at and how many
    transcripts parsed; `progress` is told the first as it grows."""
    looked = parsed = 0
    loading = _Loading(config, people, sponsors, speakers, markup)
    with closing(spread(_Ahead, (folders, loading, cache), range(len(folders)), workers, pool_context())) as done:
        for did in done:
            looked += 1
            parsed += did
            if progress is not None:
                progress(looked)
            if looked == probe and not parsed:
                break  # closing the outcomes leaves the rest of the episodes undone
    return looked, parsed
