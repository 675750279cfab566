"""Rebuilds for the preview: reload only the files that changed, re-render only the pages whose inputs changed.

The builder keeps the last build in memory: the configuration, the registries (people, sponsors, shows), the
episode folders, every episode with the diagnostics its files gave, the assembled Site, and every rendered page,
feed and sitemap with what it was made from. A change drops what it invalidates and the next run recomputes
just that:

- an episode's files reload that episode; the folders are scanned again only when a change could have added,
  removed or renamed one; the Site is then re-assembled around the new version (site.swap_episodes), or kept
  whole when the episode's model is unchanged;
- a person, sponsor or show file reloads the registries, then every episode that refers to something that
  changed (or whose speaker labels now resolve differently, or that had errors);
- a template re-renders every page; site.yaml, or any other file of the site folder, starts from scratch, but
  for the transcripts, taken from memory where their cache key is unchanged (TranscriptCache.recent), and
  each episode's transcript files, kept while the episode loads the same.

As in a full build (build.py), the Site holds the episodes without their transcripts: only an episode's own page
and files are made from its transcript, and every other page, feed and index from what the Site holds. So a
transcript edit that does not change who speaks first leaves the Site as it was, and re-renders one page.

A page is re-rendered unless its template, its context and every part of the Site its templates read (recorded
while it rendered) are equal to last time; equal inputs give equal bytes, so this stays exact however a theme
uses the model. Feeds and the sitemap are remade likewise only when what they are made from changed (see
feeds.FeedMemo, seo.SitemapMemo). tests/test_incremental.py holds every kind of change to a clean full build,
byte for byte.

Build-side: the watcher and the server hand changes in and are never imported here.
"""

from __future__ import annotations

import dataclasses
import enum
import gc
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import jinja2

from generator.build import BuildResult, Reuse, episode_files, render_site
from generator.content.config import load_config
from generator.content.registries import load_people, load_shows, load_sponsors
from generator.diagnostics import Diagnostic, Diagnostics, Location
from generator.content.episodes import EPISODE_FILE, episode_folders, load_episode, speaker_index
from generator.render.feeds import FeedMemo
from generator.markup.markdown import Markup
from generator.model.entities import Episode, Person, Show, Site, SiteConfig, Sponsor
from generator.output import (MARKER, ChangedFiles, Made, OutputError, WriteStats, check_output_dir, make_file,
                              safe_relative, same_bytes, update_output)
from generator.premade import Premade, parse_ahead, premake
from generator.render.reads import SITE_FIELDS, SIZE, Read, SiteReads
from generator.render.pages import Page, episode_page, render_page
from generator.render.seo import SitemapMemo
from generator.model.site import FirstSpoken, Swap, assemble_site, first_spoken, swap_episodes
from generator.render.themes import make_environment, theme_dir
from generator.transcripts.speakers import SpeakerIndex
from generator.model.transcript import Transcript
from generator.cache.transcripts import Recent, TranscriptCache, prune
from generator.workers import pool_context, workers_for

# Writes a build: (files, the output folder, what this builder wrote there last time or None).
Writer = Callable[[dict[str, bytes | Path], Path, dict[str, bytes | Path] | None], WriteStats]
# Told how far a run is, step by step: (done, out of, what: "episodes read", say).
Progress = Callable[[int, int, str], None]


class ChangeKind(enum.Enum):
    """What a changed file asks the build to redo (the watcher's classify() decides which it is)."""

    CONFIG = "config"  # site.yaml: everything
    TEMPLATE = "template"  # a theme or site template: every page
    STATIC = "static"  # a theme or site static file: copied as is, nothing to render
    SHOW = "show"  # shows/<show>.yaml
    PERSON = "person"  # people/<person>.yaml
    SPONSOR = "sponsor"  # sponsors/<sponsor>.yaml
    EPISODE = "episode"  # anything below episodes/
    OTHER = "other"  # any other file of the site folder (an avatar, a logo): everything, to be safe
    IGNORED = "ignored"  # editor temp files, the output folder, files the build never reads


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    path: Path


@dataclass(frozen=True, slots=True)
class RebuildStats:
    """What the last run did: how much it reloaded and re-rendered, and whether the output changed."""

    full: bool
    episodes_loaded: int
    rendered: tuple[str, ...]  # the pages rendered anew, by output path
    pages_reused: int
    changed: bool  # some output file was written, added or removed

    @property
    def pages_rendered(self) -> int:
        return len(self.rendered)


@dataclass(slots=True)
class _Registries:
    people: dict[str, Person]
    sponsors: dict[str, Sponsor]
    shows: dict[str, Show]
    speakers: SpeakerIndex
    diags: Diagnostics
    transcripts: TranscriptCache  # parsed transcripts kept between runs (and previews, when given a folder)


@dataclass(slots=True)
class _LoadedEpisode:
    episode: Episode | None  # None: its front matter could not be read
    light: Episode | None  # the episode without its transcript, as the Site holds it
    diags: Diagnostics
    spoken: FirstSpoken  # found once: a rebuild would scan every transcript
    url: str = ""  # the episode's URL, kept: every run looks its episode up by it


@dataclass(frozen=True, slots=True)
class _Scan:
    """The episode folders as episode_folders last found them, for the registries' shows of then."""

    shows: dict[str, Show]
    folders: list[tuple[Show, Path]]
    listed: frozenset[Path]
    diags: Diagnostics


@dataclass(frozen=True, slots=True)
class _Assembly:
    """The last assembled Site and what it was assembled from."""

    config: SiteConfig
    registries: _Registries
    entries: list[_LoadedEpisode]  # the episodes in it, in folder order
    site: Site
    diags: Diagnostics  # what assemble_site reported


@dataclass(slots=True)
class _EpisodeFiles:
    episode: Episode  # what they were made from, with the speaker names of _names
    files: dict[str, bytes | Path]


@dataclass(frozen=True, slots=True)
class _EpisodePage:
    """An episode page as planned, and the episode and neighbours it was planned from."""

    episode: Episode
    older: Episode | None
    newer: Episode | None
    page: Page


@dataclass(frozen=True, slots=True)
class _Rendered:
    """What render_site made of the last run's Site, and the run's state it depended on."""

    site: Site
    env: jinja2.Environment | None
    errors_before: bool  # whether loading had reported errors (then render_site makes no feeds)
    files: dict[str, bytes | Path]
    pages: int
    diags: tuple[Diagnostic, ...]  # what it reported
    sources: frozenset[str]  # the files those reports point into (absolute): their line numbers are read there


@dataclass(slots=True)
class _RenderedPage:
    template: str
    context: dict[str, Any]
    reads: frozenset[Read]  # what its templates read of the Site
    html: bytes | Path  # a Path once written: the output file that holds it (see _leave_on_disk)


@dataclass(slots=True)
class _Run:
    """The bookkeeping of one run."""

    site: Site | None = None
    full: dict[str, Episode] = field(default_factory=dict)  # each episode with its transcript, by URL
    reloaded: list[str] = field(default_factory=list)  # the URLs of the episodes loaded again
    equal_reads: dict[Read, bool] = field(default_factory=dict)
    equal_read_sets: dict[frozenset[Read], bool] = field(default_factory=dict)
    names: dict[str, str] | None = None  # the speaker names this run's episode files are made with
    episodes_loaded: int = 0
    rendered: list[str] = field(default_factory=list)
    reused: int = 0
    progress: Progress | None = None
    episode_pages: int = 0  # planned so far (rendered or reused), for the progress
    episode_files: int = 0  # likewise
    premade: dict[str, Premade] = field(default_factory=dict)  # by episode URL: what workers made (premade.py)
    spill: bool = False  # episode pages and files go to disk as they are made (see _spilled)


class IncrementalBuilder:
    """Builds `site_dir` into `out_dir` again and again, redoing only what each batch of changes affects.
    Not thread-safe: one thread (the watcher's) drives it."""

    def __init__(self, site_dir: Path, out_dir: Path, *, base_url: str | None = None, drafts: bool = False,
                 write: Writer = update_output, cache: Path | None = None, jobs: int | None = 1) -> None:
        """`cache`: a folder to keep parsed transcripts in (transcript_cache), which a later run, or preview,
        reads back instead of parsing. `jobs`: processes for the episode pages of a full build (premade.py;
        None: one per core)."""
        self.site_dir = site_dir
        self.out_dir = out_dir
        self.cache = cache
        self.jobs = jobs
        self.base_url = base_url
        self.drafts = drafts
        self._write = write
        self._markup = Markup()
        self._config: SiteConfig | None = None
        self._config_diags = Diagnostics()
        self._registries: _Registries | None = None
        self._speakers: SpeakerIndex | None = None  # the registries' last speaker index
        self._scan: _Scan | None = None
        self._episodes: dict[Path, _LoadedEpisode] = {}
        self._stale: dict[Path, set[str]] = {}  # episode folders changed since loaded: the changed paths
        self._assembly: _Assembly | None = None
        self._env: jinja2.Environment | None = None
        self._rendered: _Rendered | None = None
        self._pages: dict[str, _RenderedPage] = {}
        self._read_sets: dict[frozenset[Read], frozenset[Read]] = {}  # one object per distinct set of reads
        self._site: Site | None = None
        self._episode_files: dict[str, _EpisodeFiles] = {}  # by episode URL
        self._episode_pages: dict[str, _EpisodePage] = {}  # by episode URL
        self._feeds = FeedMemo()
        self._sitemap = SitemapMemo()
        self._recent: Recent = {}  # the transcripts last read, for every reader to come (see TranscriptCache)
        self._names: dict[str, str] = {}
        self._paths: AbstractSet[str] = frozenset()  # the output's paths (a dict's keys, not copied every run)
        self._written: dict[str, bytes | Path] | None = None  # what the output folder holds, when known
        self.stats = RebuildStats(True, 0, (), 0, False)

    @property
    def theme(self) -> Path | None:
        """The theme folder of the current configuration (None until site.yaml could be read)."""
        return theme_dir(self._config.theme, self._config.root) if self._config else None

    def build(self, progress: Progress | None = None) -> BuildResult:
        """A full build, forgetting everything cached."""
        self._forget_everything()
        return self._run(True, progress)

    def rebuild(self, changes: Iterable[Change], progress: Progress | None = None) -> BuildResult:
        """Redoes what `changes` affect, and writes the output when there are no errors."""
        changes = [c for c in changes if c.kind is not ChangeKind.IGNORED]
        kinds = {c.kind for c in changes}
        if self._config is None or kinds & {ChangeKind.CONFIG, ChangeKind.OTHER}:
            # Everything is loaded and rendered again, but an episode's transcript files are made from that
            # episode and the speakers' names alone: kept, they serve each episode that loads the same.
            kept = dict(self._episode_files)
            self._forget_everything()
            self._episode_files.update(kept)
            return self._run(True, progress)
        if ChangeKind.TEMPLATE in kinds:
            self._env = None
            self._pages.clear()
            self._read_sets.clear()
        if kinds & {ChangeKind.SHOW, ChangeKind.PERSON, ChangeKind.SPONSOR}:
            self._registries = None
        paths = {os.path.abspath(c.path) for c in changes}
        self._feeds.forget_files(paths)
        if kinds & {ChangeKind.TEMPLATE, ChangeKind.STATIC} or (self._rendered and self._rendered.sources & paths):
            self._rendered = None  # render the whole site again: only that reads templates and static files
        for change in changes:
            if change.kind is ChangeKind.EPISODE:
                if not self._keeps_folders(change.path):
                    self._scan = None
                folder = self._episode_folder(change.path)
                if folder is not None:
                    self._stale.setdefault(folder, set()).add(os.path.abspath(change.path))
        return self._run(False, progress)

    # -- a run ----------------------------------------------------------------------------------------

    def _run(self, full: bool, progress: Progress | None) -> BuildResult:
        started = time.perf_counter()
        diags = Diagnostics()
        result = BuildResult(diags)
        try:
            check_output_dir(self.out_dir, self.site_dir)
        except OutputError as exc:
            diags.error(Location(self.out_dir), str(exc))
            self._rendered = None  # this batch's changes are not rendered: the next run must see them all
            return result
        if self._written is not None and not (self.out_dir / MARKER).is_file():
            self._forget_everything()  # the output went (a temp cleaner): what was let go of to it is made again
        run = _Run(progress=progress)
        result.site = run.site = self._load(diags, run)
        if result.site is not None:
            self._render_site(result, run)
            self._site = result.site
        changed = False
        if not diags.has_errors:
            if progress is not None:
                progress(len(result.files), len(result.files), "files made; writing them")
            try:
                same_names = self._same_names(result.files)
                result.written = self._write(result.files, self.out_dir, self._written)
                changed = result.written.written > 0 or not same_names
                self._paths = result.files.keys()
                self._written = result.files
                self._leave_on_disk(result.files)
            except (OutputError, OSError) as exc:
                self._written = None  # the folder may be half updated: stage the next build whole
                if any(isinstance(content, Made) for content in result.files.values()):
                    self._forget_everything()  # some of the workers' files may have been moved in, and are gone
                diags.error(Location(self.out_dir), f"cannot write the output: {exc}")
        if isinstance(result.files, ChangedFiles):
            result.files.forget_base()  # written or not, it is done with: the next run's builds on this one
        if full and not diags.has_errors:
            self._prune_transcripts()
        rendered = tuple(dict.fromkeys(run.rendered))  # a page the quick path rendered before giving up is in twice
        self.stats = RebuildStats(full, run.episodes_loaded, rendered, run.reused, changed)
        result.seconds = time.perf_counter() - started
        return result

    def _render_site(self, result: BuildResult, run: _Run) -> None:
        """render_site's files for the run's Site, into `result`; only the pages and files of the episodes
        whose transcripts changed when nothing else can have (see _only_episodes_rendered)."""
        assert result.site is not None
        diags = result.diagnostics
        env = self._environment(result.site.config)
        errors_before, start = diags.has_errors, len(diags.items)
        last = self._rendered
        files = self._only_episodes_rendered(result.site, env, errors_before, run)
        if files is not None:
            assert last is not None
            diags.items.extend(last.diags)
            result.files, result.pages = files, last.pages
            run.reused = result.pages - len(run.rendered)
            self._rendered = dataclasses.replace(last, files=files)
            return
        if env is not None and not self._pages and not self._episode_files:  # every episode page to make
            self._premake(result.site, run)
        run.spill = not self._pages
        reuse = Reuse(lambda episode, older, newer: self._episode_page(episode, older, newer, run),
                      self._feeds, self._sitemap)
        result.files, result.pages = render_site(
            result.site, diags, env, lambda page, site, env, d: self._render(page, env, d, run),
            lambda episode, names: self._files_of(episode, names, run), reuse)
        self._forget_what_is_gone(result.files, run)
        found = tuple(diags.items[start:])
        self._rendered = _Rendered(result.site, env, errors_before, result.files, result.pages, found,
                                   frozenset(os.path.abspath(d.location.path) for d in found))

    def _only_episodes_rendered(self, site: Site, env: jinja2.Environment | None, errors_before: bool,
                                run: _Run) -> dict[str, bytes | Path] | None:
        """Last run's files with the page and files of each episode whose transcript changed made again, when
        nothing else can differ: the Site is the very object last rendered, as are the templates, no static
        file changed (rebuild drops the last render otherwise) and loading reports errors as it did. Every
        other page, feed and index is made from those alone, so render_site would make them as they are. None
        when that does not hold, or when such an episode's page reports something: the whole site is then
        rendered, so that every report comes in its place."""
        last = self._rendered
        if last is None or last.site is not site or last.env is not env or last.errors_before != errors_before:
            return None
        changes: dict[str, bytes | Path | None] = {}
        for url in run.reloaded:
            planned, made = self._episode_pages.get(url), self._episode_files.get(url)
            if planned is None or made is None or planned.page.path not in self._pages:
                return None  # not planned last time, or its page reported something
            if planned.episode is run.full[url]:
                continue
            page = self._plan_episode_page(url, planned.older, planned.newer, run)
            page_diags = Diagnostics()
            html = self._render(page, cast(jinja2.Environment, env), page_diags, run)
            if html is None or page_diags.items:
                return None
            changes.update(dict.fromkeys(made.files))  # an episode may no longer have chapters
            changes.update(self._episode_files_of(run.full[url], self._names))
            changes[page.path] = html
        return ChangedFiles(last.files, changes) if changes else last.files

    def _premake(self, site: Site, run: _Run) -> None:
        """Has worker processes make every episode's page and files (premade.py), when the site is big enough
        for it to pay and this process runs no other thread: a fork copies the locks other threads hold (the
        preview's server and watcher, once it serves), and a worker could wait on one forever. So the
        preview's first build uses workers, and a full rebuild while it serves does not. Nor does a platform
        whose workers are spawned (macOS, Windows): each would unpickle every transcript, which took longer
        than this process's own rendering (10 s against 7 s at 500 episodes, spawn against one process)."""
        workers = self._forking_workers(len(site.episodes))
        if not workers:
            return
        total = len(site.episodes)
        progress = run.progress
        told = (lambda done: progress(done, total, "episode pages made")) if progress is not None else None
        try:
            run.premade = premake(site, run.full, self._made_dir, workers, told)
        except (BrokenProcessPool, OSError):  # a worker killed (out of memory, say): this process makes them
            run.premade = {}

    def _forking_workers(self, episodes: int) -> int:
        """How many workers to fork for work on `episodes` episodes; 0: do it in this process (see _premake)."""
        workers = workers_for(episodes, self.jobs)
        if workers <= 1 or threading.active_count() > 1 or pool_context().get_start_method() != "fork":
            return 0
        return workers

    def _parse_ahead(self, folders: list[tuple[Show, Path]], config: SiteConfig, registries: _Registries,
                     run: _Run) -> None:
        """Has worker processes parse into the cache folder the transcripts it lacks (premade.parse_ahead), so
        that the load that follows reads them all from there: at 2,000 episodes nothing had parsed, the
        preview's load took 11.7 s in this process, and 4.3 s when the cache had them."""
        workers = self._forking_workers(len(folders))
        if not workers or self.cache is None:
            return
        total = len(folders)
        progress = run.progress
        told = (lambda done: progress(done, total, "transcripts looked at")) if progress is not None else None
        try:
            parse_ahead(folders, config, registries.people, registries.sponsors, registries.speakers, self._markup,
                        self.cache, workers, told)
        except (BrokenProcessPool, OSError):
            pass  # what the workers did not parse, the load parses

    @property
    def _made_dir(self) -> Path:
        """Where the workers write, beside the output (so that a rename moves a file into it)."""
        return self.out_dir.with_name(f".{self.out_dir.name}.made")

    def _take_premade(self, page: Page, made: Premade, diags: Diagnostics, run: _Run) -> Made | None:
        """A page a worker rendered, kept as _render keeps the pages it renders."""
        diags.items.extend(made.diagnostics)
        self._keep_page(page, made.html, made.reads, bool(made.diagnostics), run)
        return made.html

    def _leave_on_disk(self, files: dict[str, bytes | Path]) -> None:
        """Lets go of the bytes of the pages and episode files just written, most of what the builder would
        hold (some 770 MB at 2,000 episodes): each becomes the path of the output file that holds it, in
        `files` (the next run's `previous`) and in what holds it for the next run alike. update_output takes
        such a path as that file, unchanged while it is the very object, and compares a page made again with
        the file itself."""
        for path, page in self._pages.items():
            if isinstance(page.html, (bytes, Made)) and files.get(path) is page.html:
                page.html = files[path] = self.out_dir / safe_relative(path)
        for made in self._episode_files.values():
            for name, content in made.files.items():
                if isinstance(content, (bytes, Made)) and files.get(name) is content:
                    made.files[name] = files[name] = self.out_dir / safe_relative(name)
        if self._made_dir.exists():  # what the workers made is in the output now, or was the same as its file
            shutil.rmtree(self._made_dir, ignore_errors=True)

    def _prune_transcripts(self) -> None:
        """After a full build, drops the kept transcripts it did not ask for (old versions, other folders)."""
        if self._registries is None:
            return
        used = set(self._registries.transcripts.used)
        for path in [path for path, (key, _) in self._recent.items() if key not in used]:
            del self._recent[path]  # an episode gone: nothing else holds its transcript
        if self.cache is not None:
            try:
                prune(self.cache, used)
            except OSError:
                pass  # a cache that cannot be pruned only costs room

    def _same_names(self, files: dict[str, bytes | Path]) -> bool:
        """Whether the output has the very paths it had after the last write."""
        if files is self._written:
            return True
        if isinstance(files, ChangedFiles) and files.made_from(self._written):
            return files.same_names()
        return files.keys() == self._paths

    def _load(self, diags: Diagnostics, run: _Run) -> Site | None:
        """The site model, as build.load_site makes it, from what is cached and what had to be reloaded."""
        with _collector_paused():
            return self._load_site(diags, run)

    def _load_site(self, diags: Diagnostics, run: _Run) -> Site | None:
        if self._config is None:
            self._config_diags = Diagnostics()
            self._config = load_config(self.site_dir, self._markup, self._config_diags, self.base_url)
        diags.extend(self._config_diags)
        config = self._config
        if config is None:
            return None
        registries = self._registries
        if registries is None:
            registries = self._registries = self._load_registries(config)
            self._forget_episodes_that_depend_on_changes(registries)
        diags.extend(registries.diags)
        scan = self._episode_folders(config, registries)
        diags.extend(scan.diags)
        if not self._episodes and not self._recent:  # every transcript to read, none held
            self._parse_ahead(scan.folders, config, registries, run)
        entries = []
        known, stale, full = self._episodes, self._stale, run.full  # the loop runs for every episode: kept lean
        progress, total = run.progress, len(scan.folders)
        for position, (show, folder) in enumerate(scan.folders, 1):
            previous = loaded = known.get(folder)
            if loaded is None or (stale and folder in stale):
                loaded = known[folder] = self._load_episode(show, folder, config, registries, previous,
                                                            stale.get(folder, set()))
                run.episodes_loaded += 1
                if progress is not None:
                    progress(position, total, "episodes read")
            if loaded.diags.items:
                diags.extend(loaded.diags)
            if loaded.light is not None and (self.drafts or not loaded.light.draft):
                entries.append(loaded)
                full[loaded.url] = loaded.episode  # type: ignore[assignment]  # set whenever light is
                if loaded is not previous:
                    run.reloaded.append(loaded.url)
        stale.clear()
        return self._assemble(config, registries, entries, diags)

    def _episode_folders(self, config: SiteConfig, registries: _Registries) -> _Scan:
        """The episode folders: last scan's, unless a change could have added, removed or renamed one
        (rebuild decides) or the shows were reloaded."""
        if self._scan is None or self._scan.shows is not registries.shows:
            diags = Diagnostics()
            folders = episode_folders(config, registries.shows, diags)
            self._scan = _Scan(registries.shows, folders, frozenset(folder for _, folder in folders), diags)
            self._episodes = {folder: e for folder, e in self._episodes.items() if folder in self._scan.listed}
        return self._scan

    def _keeps_folders(self, path: Path) -> bool:
        """Whether a change at `path` leaves the episode folders as last scanned: it lies in a folder the scan
        listed, which still has its episode.md. A folder or episode.md that appears, goes or is renamed, or a
        change to a show's folder itself, fails this and has the folders scanned again."""
        folder = self._episode_folder(path)
        return (self._scan is not None and folder is not None and folder in self._scan.listed
                and (folder / EPISODE_FILE).is_file())

    def _assemble(self, config: SiteConfig, registries: _Registries, entries: list[_LoadedEpisode],
                  diags: Diagnostics) -> Site:
        """assemble_site's Site: last time's when nothing in it changed, last time's with the new versions of
        the reloaded episodes swapped in when that is exact (site.swap_episodes), else assembled anew."""
        previous = self._assembly
        site = None
        if previous is not None and previous.config is config and previous.registries is registries:
            site = _reassembled(previous, entries)
        if site is not None:
            assert previous is not None
            self._assembly = _Assembly(config, registries, entries, site, previous.diags)
        else:
            found = Diagnostics()
            lights = [cast(Episode, entry.light) for entry in entries]
            site = assemble_site(config, registries.shows, registries.people, registries.sponsors, lights, found,
                                 {light.url: entry.spoken for light, entry in zip(lights, entries)})
            self._assembly = _Assembly(config, registries, entries, site, found)
        diags.extend(self._assembly.diags)
        return site

    def _load_registries(self, config: SiteConfig) -> _Registries:
        diags = Diagnostics()
        people = load_people(config, self._markup, diags)
        sponsors = load_sponsors(config, self._markup, diags)
        shows = load_shows(config, people, self._markup, diags)
        speakers = speaker_index(config, people, diags)
        transcripts = TranscriptCache(self.cache, self._recent)
        return _Registries(people, sponsors, shows, speakers, diags, transcripts)

    def _load_episode(self, show: Show, folder: Path, config: SiteConfig, registries: _Registries,
                      previous: _LoadedEpisode | None, changed: set[str]) -> _LoadedEpisode:
        """The episode in `folder`; `previous` is what it was, `changed` the paths changed since (absolute)."""
        diags = Diagnostics()
        episode = load_episode(show, folder, config, registries.people, registries.sponsors, registries.speakers,
                               self._markup, diags, reader=registries.transcripts)
        if episode is None:
            return _LoadedEpisode(None, None, diags, {})
        light = dataclasses.replace(episode, transcript=None)
        if previous is not None and previous.light == light and not _copies_changed(light, changed):
            light = previous.light  # the very object of last build: every comparison with it is then instant
        return _LoadedEpisode(episode, light, diags, first_spoken(episode), episode.url)

    def _forget_episodes_that_depend_on_changes(self, registries: _Registries) -> None:
        """After the registries reloaded, keep only the episodes that read nothing that changed."""
        previous, self._speakers = self._speakers, registries.speakers
        if previous != registries.speakers:  # a transcript label may now name someone else
            self._episodes.clear()
            return
        self._episodes = {folder: loaded for folder, loaded in self._episodes.items()
                          if _still_current(loaded, registries)}

    def _environment(self, config: SiteConfig) -> jinja2.Environment | None:
        if self._env is None:
            theme = theme_dir(config.theme, config.root)
            if (theme / "templates").is_dir():  # otherwise render_site reports the missing theme
                self._env = make_environment(config.root, theme)
        return self._env

    def _render(self, page: Page, env: jinja2.Environment, diags: Diagnostics, run: _Run) -> bytes | Path | None:
        """The page's HTML: last time's bytes when nothing it was rendered from changed, else rendered anew."""
        assert run.site is not None
        if run.progress is not None and page.template == "episode.html":
            run.episode_pages += 1
            run.progress(run.episode_pages, len(run.site.episodes), "episode pages made")
        made = run.premade.get(page.context["episode"].url) if page.template == "episode.html" else None
        if made is not None and made.page_path == page.path:
            return self._take_premade(page, made, diags, run)
        previous = self._pages.get(page.path)
        if (previous is not None and previous.template == page.template
                and (previous.context is page.context or previous.context == page.context)
                and self._reads_unchanged(previous.reads, run)):
            run.reused += 1
            return previous.html
        reads = SiteReads(run.site)
        page_diags = Diagnostics()
        html: bytes | Path | None = render_page(page, cast(Site, reads), env, page_diags)
        diags.extend(page_diags)
        if run.spill and isinstance(html, bytes) and page.template == "episode.html":
            html = self._spilled(page.path, html)
        self._keep_page(page, html, frozenset(reads.read), bool(page_diags.items), run)
        return html

    def _keep_page(self, page: Page, html: bytes | Path | None, reads: frozenset[Read], reported: bool,
                   run: _Run) -> None:
        """Notes a page rendered anew, and keeps it for the next run unless it failed or reported something
        (it is then rendered again, so that its report comes again)."""
        run.rendered.append(page.path)
        if html is None or reported:
            self._pages.pop(page.path, None)
        else:
            kept_reads = self._read_sets.setdefault(reads, reads)  # one object per distinct set
            self._pages[page.path] = _RenderedPage(page.template, page.context, kept_reads, html)

    def _episode_page(self, light: Episode, older: Episode | None, newer: Episode | None, run: _Run) -> Page:
        """The page of the episode the Site holds as `light` (see _plan_episode_page)."""
        return self._plan_episode_page(light.url, older, newer, run)

    def _plan_episode_page(self, url: str, older: Episode | None, newer: Episode | None, run: _Run) -> Page:
        """An episode's page, planned from the episode with its transcript: last time's Page when that episode
        and its neighbours are the very objects they were."""
        episode = run.full[url]
        known = self._episode_pages.get(url)
        if known is not None and known.episode is episode and known.older is older and known.newer is newer:
            return known.page
        page = episode_page(episode, older, newer)
        self._episode_pages[url] = _EpisodePage(episode, older, newer, page)
        return page

    def _files_of(self, light: Episode, names: dict[str, str], run: _Run) -> dict[str, bytes | Path]:
        """The files of the episode the Site holds as `light` (see _episode_files_of)."""
        if run.progress is not None and run.site is not None:
            run.episode_files += 1
            run.progress(run.episode_files, len(run.site.episodes), "episodes' transcript files made")
        if run.names is not names:
            run.names = names
            if names != self._names:
                self._episode_files.clear()
                self._names = names
        made = run.premade.get(light.url)
        if made is not None:  # made with these very names (premade.py takes them from the same Site)
            files: dict[str, bytes | Path] = dict(made.files)
            self._episode_files[light.url] = _EpisodeFiles(run.full[light.url], files)
            return files
        files = self._episode_files_of(run.full[light.url], names)
        if run.spill:
            for name, content in files.items():  # the very dict kept for the next run
                if isinstance(content, bytes):
                    files[name] = self._spilled(name, content)
        return files

    def _spilled(self, name: str, data: bytes) -> Path:
        """A page or file of a run that makes every episode page (a full build, a template change), held as a
        file rather than as bytes, or the builder would hold them all until the write (some 730 MB at 2,000
        episodes): the output's own file when it holds these bytes already, which the write then skips, else
        a file beside the output that the write renames into place."""
        before = self._written.get(name) if self._written is not None else None
        if isinstance(before, Path) and not isinstance(before, Made) and same_bytes(before, data):
            return before
        return make_file(self._made_dir, name, data)

    def _episode_files_of(self, episode: Episode, names: dict[str, str]) -> dict[str, bytes | Path]:
        """An episode's files (transcript formats, chapters), made from the episode with its transcript: last
        time's when it is the same (and so are the names: _files_of forgets them all otherwise)."""
        cached = self._episode_files.get(episode.url)
        if cached is not None and (cached.episode is episode or cached.episode == episode):
            cached.episode = episode
            return cached.files
        files = episode_files(episode, names)
        self._episode_files[episode.url] = _EpisodeFiles(episode, files)
        return files

    def _reads_unchanged(self, reads: frozenset[Read], run: _Run) -> bool:
        """Whether everything a page read of the Site is the same as last time; decided once per run for each
        set of reads, which many pages share."""
        known = run.equal_read_sets.get(reads)
        if known is None:
            known = run.equal_read_sets[reads] = (self._site is run.site
                                                  or all(self._read_unchanged(read, run) for read in reads))
        return known

    def _read_unchanged(self, read: Read, run: _Run) -> bool:
        """Whether what a page read of the Site is the same in this build as in the last one; a method or
        property (episodes_of) counts as reading the whole Site."""
        known = run.equal_reads.get(read)
        if known is None:
            old, new = self._site, run.site
            if isinstance(read, tuple):
                name, key = read
                before, after = getattr(old, name), getattr(new, name)
                known = (len(before) == len(after) if key is SIZE
                         else before.get(key, SIZE) == after.get(key, SIZE))
            elif read in SITE_FIELDS:
                known = getattr(old, read) == getattr(new, read)
            else:
                known = old == new
            run.equal_reads[read] = known
        return known

    def _episode_folder(self, path: Path) -> Path | None:
        """episodes/<show>/<episode> for a path at or below it; None for episodes/ or a show's folder itself."""
        try:
            parts = Path(os.path.abspath(path)).relative_to(os.path.abspath(self.site_dir)).parts
        except ValueError:
            return None
        if len(parts) < 3 or parts[0] != "episodes":
            return None
        return self.site_dir.joinpath(*parts[:3])

    def _forget_what_is_gone(self, files: dict[str, bytes | Path], run: _Run) -> None:
        """Drops the pages and episodes this run's output no longer has, lest they be held forever."""
        self._pages = {path: page for path, page in self._pages.items() if path in files}
        self._episode_files = {url: f for url, f in self._episode_files.items() if url in run.full}
        self._episode_pages = {url: p for url, p in self._episode_pages.items() if url in run.full}

    def _forget_everything(self) -> None:
        self._markup = Markup()
        self._config = None
        self._registries = None
        self._speakers = None
        self._scan = None
        self._episodes.clear()
        self._stale.clear()
        self._assembly = None
        self._env = None
        self._rendered = None
        self._pages.clear()
        self._read_sets.clear()
        self._site = None
        self._episode_files.clear()
        self._episode_pages.clear()
        self._feeds = FeedMemo()
        self._sitemap = SitemapMemo()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Holds off Python's cyclic garbage collector while the preview loads episodes with their transcripts:
    each of its full passes walks the whole growing heap, and they took 1.8 s of a 5.3 s load of 2,000
    episodes (1.3 million objects), for almost nothing to collect (a load leaves some 1,000 objects in
    cycles). Reference counting still frees everything else as it goes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reassembled(previous: _Assembly, entries: list[_LoadedEpisode]) -> Site | None:
    """The previous assembly's Site for the same registries and episode folders: itself when no episode in it
    changed its model or who speaks first, else with the changed ones swapped in; None when the episodes are
    not the same ones in the same places, or a swap is not exact."""
    if len(entries) != len(previous.entries):
        return None
    swaps = [Swap(cast(Episode, old.light), cast(Episode, new.light), old.spoken, new.spoken)
             for old, new in zip(previous.entries, entries)
             if old is not new and (old.light is not new.light or old.spoken != new.spoken)]
    return swap_episodes(previous.site, swaps) if swaps else previous.site


def _copies_changed(episode: Episode, changed: set[str]) -> bool:
    """Whether a file the output copies as it is (the episode's audio) is among the changed paths: its copy
    is compared byte for byte only when its Path is not the very object of the last build. Asset sources are
    resolved paths, the changes not: both are resolved here."""
    sources = {os.path.realpath(asset.source) for asset in episode.assets if asset.source is not None}
    return bool(sources) and not sources.isdisjoint(os.path.realpath(path) for path in changed)


def _still_current(loaded: _LoadedEpisode, registries: _Registries) -> bool:
    """Whether an episode loaded earlier holds the very shows, people and sponsors the new registries have.
    Episodes with errors always reload: a message may name or suggest something that now exists."""
    if loaded.episode is None or loaded.diags.has_errors:
        return False
    for entity in _registry_entities(loaded.episode):
        registry: dict[str, Any] = (registries.people if isinstance(entity, Person)
                                    else registries.sponsors if isinstance(entity, Sponsor) else registries.shows)
        if registry.get(entity.slug) != entity:
            return False
    return True


def _registry_entities(value: Any) -> Iterator[Person | Sponsor | Show]:
    """Every show, person and sponsor an episode holds, wherever in its fields (transcripts hold only slugs)."""
    if isinstance(value, (Person, Sponsor, Show)):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _registry_entities(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, (type, Transcript)):
        for item in dataclasses.fields(value):
            yield from _registry_entities(getattr(value, item.name))
