"""Episode work spread over processes: read the transcript, render the notes and the page, write the
transcript files; and then, for a big site, the pages that list episodes.

Each worker holds the site model without transcripts, finishes one episode at a time, writes that
episode's files straight into the staging folder, and sends back only what the rest of the build needs:
its diagnostics, when each person first speaks, chapters drawn from breaks, and its notes' HTML. No
process ever holds every transcript, so memory stays flat however big the site is."""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, Protocol, cast

import jinja2

from generator.cache.cards import CARDS, CardCache
from generator.cache.episodes import EpisodeOutcome
from generator.cache.keys import named
from generator.cache.state import read_input
from generator.cache.templates import TEMPLATES, CompiledTemplates
from generator.cache.transcripts import TRANSCRIPTS, TranscriptCache
from generator.content.episodes import TranscriptReader, complete_episode, speaker_index
from generator.diagnostics import Diagnostic, Diagnostics
from generator.markup.markdown import Markup
from generator.model.entities import CHAPTERS_FILE, Episode, Site
from generator.model.site import first_spoken
from generator.output import Staging
from generator.render.cards import CARD_FILE, HEIGHT, WIDTH, card_maker
from generator.render.chapters import chapters_json
from generator.render.embed import OEMBED_FILE, embed_page, oembed_json
from generator.render.pages import Page, episode_page, render_page
from generator.render.reads import SIZE, Read, SiteReads
from generator.render.search_index import episode_search
from generator.render.themes import make_environment, theme_dir
from generator.transcripts.readers import read_transcript
from generator.transcripts.writers import transcript_files

Neighbours = dict[str, tuple[Episode | None, Episode | None]]  # Site.neighbours()
EPISODES_PER_WORKER_AT_LEAST = 8  # below this a pool's start-up costs more than it saves
PAGES_PER_WORKER_AT_LEAST = 64  # the same for list pages, each a millisecond or two


def episode_files(episode: Episode, names: dict[str, str]) -> dict[str, bytes | Path]:
    """The files beside an episode page that apps read: the transcript in every format, and chapters."""
    files: dict[str, bytes | Path] = dict(transcript_files(episode, names))
    if episode.chapters:
        files[episode.url + CHAPTERS_FILE] = chapters_json(episode.chapters, episode.title, episode.show.name)
    return files


@dataclass(frozen=True, slots=True)
class EpisodeMade:
    """An episode's page and files, as render_episode makes them."""

    page_path: str
    html: bytes | None  # None: the page did not render (the diagnostics say why)
    files: dict[str, bytes | Path]  # episode_files', the embed page and the oEmbed document
    reads: frozenset[Read]  # what the page's templates read of the Site


def render_episode(site: Site, env: jinja2.Environment, episode: Episode, neighbours: Neighbours,
                   names: dict[str, str], diags: Diagnostics) -> EpisodeMade:
    """The page of an episode read with its transcript, noting what it reads of `site`, and its files: those
    for apps (episode_files), the embed page and the oEmbed document."""
    older, newer = neighbours[episode.url]
    page, embed = episode_page(episode, older, newer), embed_page(episode)
    reads = SiteReads(site)
    html = render_page(page, cast(Site, reads), env, diags)
    files = episode_files(episode, names)
    embed_html = render_page(embed, cast(Site, reads), env, diags)
    if embed_html is not None:
        files[embed.path] = embed_html
    files[episode.url + OEMBED_FILE] = oembed_json(episode, site.config)
    return EpisodeMade(page.path, html, files, frozenset(reads.read))


class EpisodeWorker:
    """Does the work of one episode at a time for a site whose episodes were loaded without transcripts."""

    def __init__(self, site: Site, staging: Staging | None, cache: Path | None = None,
                 transcripts: Path | None = None) -> None:
        self.site = site
        self.staging = staging
        self.markup = Markup()
        self.speakers = speaker_index(site.config, site.people, Diagnostics())  # its errors were reported
        folder = transcripts or (cache / TRANSCRIPTS if cache is not None else None)
        self.cache = TranscriptCache(folder) if folder is not None else None
        self.env = _environment(site, cache)
        self.names = {slug: person.name for slug, person in site.people.items()}
        self.neighbours = site.neighbours()
        self.cards = card_maker(theme_dir(site.config.theme, site.config.root)) if site.config.cards else None
        self.card_cache = CardCache(cache / CARDS, (WIDTH, HEIGHT)) if cache is not None and site.config.cards else None

    def run(self, index: int) -> EpisodeOutcome:
        diags = Diagnostics()
        light = self.site.episodes[index]
        # Read once, for the build state, the cache key and the parser alike; the state then records the
        # very bytes that were parsed, and an edit saved meanwhile shows as a change.
        source = read_input(light.transcript_path) if light.transcript_path else None
        reader: TranscriptReader = read_transcript
        if self.cache is not None:
            self.cache.used.clear()
            reader = partial(self.cache, source=source)
        elif source is not None:
            reader = partial(read_transcript, data=source.data)
        episode = complete_episode(light, self.speakers, self.markup, self.site.config, diags, reader)
        made = render_episode(self.site, self.env, episode, self.neighbours, self.names, diags)
        files = made.files
        if made.html is not None:
            files[made.page_path] = made.html
        card_keys: tuple[str, ...] = ()
        if self.cards is not None:
            self.cards.check(episode, diags)
            if self.staging is not None:  # `podsite check` writes no file, and draws no card
                card_key, files[episode.url + CARD_FILE] = self.cards.card(episode, self.card_cache)
                card_keys = (card_key,)
        written, search, rows = 0, "", b""
        if self.staging is not None and not diags.has_errors:
            written = sum(self.staging.put(name, content) for name, content in files.items())
            if self.site.config.search:  # turning search on changes site.yaml: every episode is made again
                search, rows = episode_search(episode, self.names)
        return EpisodeOutcome(light.url, tuple(diags.items), first_spoken(episode), episode.chapters,
                              tuple(files), written, (*(self.cache.used if self.cache else ()), *card_keys),
                              episode.notes_html, source.state if self.staging and source else {},
                              not _keyed(made.reads, episode), search, rows)


def _environment(site: Site, cache: Path | None) -> jinja2.Environment:
    """A worker's templates, taken compiled from the cache folder (cache_dir's) when one is given."""
    return make_environment(site.config.root, theme_dir(site.config.theme, site.config.root),
                            CompiledTemplates(cache / TEMPLATES) if cache is not None else None)


def _keyed(reads: frozenset[Read], episode: Episode) -> bool:
    """Whether what an episode's page read of the Site is covered by its record's key (keys.py): the
    configuration, the shows, how many people and sponsors there are, and the people and sponsors it names or
    who speak in it."""
    covered = {slug for _, slug in named(episode)} | first_spoken(episode).keys()
    for read in reads:
        name, key = (read, None) if isinstance(read, str) else read
        if name in ("config", "shows"):
            continue
        if name not in ("people", "sponsors") or key is None or (key != SIZE and key not in covered):
            return False
    return True



@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What rendering one page that lists episodes (or any page but an episode's) tells the build."""

    path: str
    made: bool  # False: it did not render (the diagnostics say why)
    written: bool  # put into the staging folder with bytes the output did not have
    diagnostics: tuple[Diagnostic, ...]
    reads: frozenset[Read] = frozenset()  # what its templates read of the Site


class PageWorker:
    """Renders pages of a complete Site (the list pages, which need every episode's outcome) into the
    staging folder, one at a time."""

    def __init__(self, site: Site, pages: Sequence[Page], staging: Staging | None, cache: Path | None) -> None:
        self.site, self.pages, self.staging = site, pages, staging
        self.env = _environment(site, cache)

    def run(self, index: int) -> PageOutcome:
        page, diags = self.pages[index], Diagnostics()
        reads = SiteReads(self.site)
        html = render_page(page, cast(Site, reads), self.env, diags)
        written = html is not None and self.staging is not None and self.staging.put(page.path, html)
        return PageOutcome(page.path, html is not None, written, tuple(diags.items), frozenset(reads.read))


class _Worker(Protocol):
    def run(self, index: int) -> Any: ...


# A worker process's own worker object (EpisodeWorker or PageWorker), made once by the pool's
# initializer: the one module-level state in podsite, because a process pool hands work to functions, not to
# objects.
_worker: _Worker | None = None


def _start(make: Callable[..., _Worker], args: tuple[object, ...]) -> None:
    global _worker
    _worker = make(*args)
    # The site model lives as long as the worker; frozen, it is left out of the collector's full passes,
    # each of which would otherwise walk all of it, again and again as the worker's garbage comes and goes.
    gc.freeze()


def _run(index: int) -> Any:
    assert _worker is not None
    return _worker.run(index)


def spread(make: Callable[..., _Worker], args: tuple[object, ...], todo: Sequence[int], jobs: int,
           context: BaseContext) -> Generator[Any, None, None]:
    """Each index's `run` outcome, in order, from `jobs` processes that each made `make(*args)` (1: this
    process). A caller that stops taking outcomes early leaves the rest undone."""
    if jobs <= 1:
        yield from map(make(*args).run, todo)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                             initargs=(make, args)) as pool:
        try:
            yield from pool.map(_run, todo, chunksize=chunk_size(len(todo), jobs))
        finally:
            pool.shutdown(cancel_futures=True)


def pool_context() -> BaseContext:
    """How worker processes start: by fork on Linux, where a worker then inherits the site instead of
    unpickling a copy of its own (Python 3.14 made forkserver the default there, which pickles the site once
    per worker), but from a process that runs no other thread: a fork would copy the locks the other
    threads hold (the preview's server and watcher), so then from a fork server. Elsewhere, the platform's
    default: spawn, since fork is unsafe with macOS's frameworks."""
    if sys.platform != "linux":
        return multiprocessing.get_context()
    return multiprocessing.get_context("fork" if threading.active_count() == 1 else "forkserver")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def workers_for(episodes: int, jobs: int | None) -> int:
    """How many processes to spread `episodes` over, at most `jobs` (None: one per core); 1: not worth a pool."""
    return min(jobs or default_jobs(), max(1, episodes // EPISODES_PER_WORKER_AT_LEAST))


def chunk_size(episodes: int, workers: int) -> int:
    """Small enough that no worker idles long at the end waiting for the other's last chunk, and that the
    progress line moves; large enough that handing out work costs nothing next to doing it."""
    return max(1, min(16, math.ceil(episodes / (workers * 8))))


def run_episodes(site: Site, staging: Staging | None, jobs: int | None, cache: Path | None = None,
                 indexes: Sequence[int] | None = None, transcripts: Path | None = None,
                 here: EpisodeWorker | None = None) -> Generator[EpisodeOutcome, None, None]:
    """The outcome of every episode (or of those at `indexes`), in the site's episode order, from `jobs`
    processes (1: this process); parsed transcripts and compiled templates are kept in and taken from the
    `cache` folder (cache_dir's), when one is given (the transcripts in `transcripts` when given). `here`:
    the worker to use when the work is done in this process (made for these very arguments)."""
    todo = range(len(site.episodes)) if indexes is None else indexes
    count = workers_for(len(todo), jobs)
    if here is not None and count == 1:
        yield from map(here.run, todo)
    elif todo:
        yield from spread(EpisodeWorker, (site, staging, cache, transcripts), todo, count, pool_context())


def render_pages(site: Site, pages: Sequence[Page], staging: Staging | None, jobs: int | None,
                 cache: Path | None = None) -> Generator[PageOutcome, None, None]:
    """Each page rendered and put into the staging folder (when given), its outcome in the pages' order,
    from up to `jobs` processes. Only forked ones: a spawned worker would be sent the whole site to render
    a few hundred small pages, which costs more than it saves."""
    forks = sys.platform == "linux" and threading.active_count() == 1
    count = min(jobs or default_jobs(), max(1, len(pages) // PAGES_PER_WORKER_AT_LEAST)) if forks else 1
    yield from spread(PageWorker, (site, pages, staging, cache), range(len(pages)), count, pool_context())
