"""Rebuilds for the preview: reload only the files that changed, re-render only the pages whose inputs changed.

The builder keeps the last build in memory: the configuration, the registries (people, sponsors, shows), every
episode with the diagnostics its files gave, and every rendered page with what it was rendered from. A change
drops what it invalidates and the next run recomputes just that:

- an episode's files reload that episode; the site is then re-assembled from the cached entities;
- a person, sponsor or show file reloads the registries, then every episode that refers to something that
  changed (or whose speaker labels now resolve differently, or that had errors);
- a template re-renders every page; site.yaml, or any other file of the site folder, starts from scratch.

A page is re-rendered unless its template, its context and every part of the Site its templates read (recorded
while it rendered) are equal to last time; equal inputs give equal bytes, so this stays exact however a theme
uses the model. tests/test_incremental.py holds every kind of change to a clean full build, byte for byte.

Build-side: the watcher and the server hand changes in and are never imported here.
"""

from __future__ import annotations

import dataclasses
import enum
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import jinja2

from generator.build import BuildResult, episode_files, render_site
from generator.config import load_config
from generator.content import load_people, load_shows, load_sponsors
from generator.diagnostics import Diagnostics, Location
from generator.episodes import episode_folders, load_episode, speaker_index
from generator.markup import Markup
from generator.model import Episode, Person, Show, Site, SiteConfig, Sponsor
from generator.output import OutputError, WriteStats, check_output_dir, update_output
from generator.render import Page, render_page
from generator.site import Spoken, assemble_site, first_spoken
from generator.themes import make_environment, theme_dir
from generator.transcript import SpeakerIndex, Transcript

# Writes a build: (files, the output folder, what this builder wrote there last time or None).
Writer = Callable[[dict[str, bytes | Path], Path, dict[str, bytes | Path] | None], WriteStats]

_SITE_FIELDS = frozenset(f.name for f in dataclasses.fields(Site))
_SIZE = object()  # the key under which a page's use of a dict's size (or truth) is noted
Read = str | tuple[str, Any]  # a Site attribute, or (dict attribute, key or _SIZE)


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


@dataclass(slots=True)
class _LoadedEpisode:
    episode: Episode | None  # None: its front matter could not be read
    diags: Diagnostics
    spoken: dict[str, tuple[float | None, str | None]]  # found once: a rebuild would scan every transcript


@dataclass(slots=True)
class _EpisodeFiles:
    episode: Episode  # what they were made from, with the speaker names of _names
    files: dict[str, bytes | Path]


@dataclass(slots=True)
class _RenderedPage:
    template: str
    context: dict[str, Any]
    reads: frozenset[Read]  # what its templates read of the Site
    html: bytes


class _SiteReads:
    """Stands in for the Site while one page renders and notes what the templates read of it: an attribute
    as a whole, or of a dict attribute (people, sponsors, appearances, sponsorships) single keys or its size."""

    __slots__ = ("_site", "read")

    def __init__(self, site: Site) -> None:
        self._site = site
        self.read: set[Read] = set()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if name in _SITE_FIELDS and isinstance(value, dict):
            return _MappingReads(name, value, self.read)
        self.read.add(name)
        return value


class _MappingReads(Mapping[Any, Any]):
    """A read-only view of one of the Site's dicts that notes which keys are looked up."""

    __slots__ = ("_name", "_data", "_read")

    def __init__(self, name: str, data: dict[Any, Any], read: set[Read]) -> None:
        self._name, self._data, self._read = name, data, read

    def __getitem__(self, key: Any) -> Any:  # also what get() and `in` use
        self._read.add((self._name, key))
        return self._data[key]

    def __len__(self) -> int:  # also what truth tests use
        self._read.add((self._name, _SIZE))
        return len(self._data)

    def __iter__(self) -> Iterator[Any]:
        self._read.add(self._name)
        return iter(self._data)


@dataclass(slots=True)
class _Run:
    """The bookkeeping of one run."""

    site: Site | None = None
    equal_reads: dict[Read, bool] = field(default_factory=dict)
    names: dict[str, str] | None = None  # the speaker names this run's episode files are made with
    episodes_loaded: int = 0
    rendered: list[str] = field(default_factory=list)
    reused: int = 0


class IncrementalBuilder:
    """Builds `site_dir` into `out_dir` again and again, redoing only what each batch of changes affects.
    Not thread-safe: one thread (the watcher's) drives it."""

    def __init__(self, site_dir: Path, out_dir: Path, *, base_url: str | None = None, drafts: bool = False,
                 write: Writer = update_output) -> None:
        self.site_dir = site_dir
        self.out_dir = out_dir
        self.base_url = base_url
        self.drafts = drafts
        self._write = write
        self._markup = Markup()
        self._config: SiteConfig | None = None
        self._config_diags = Diagnostics()
        self._registries: _Registries | None = None
        self._speakers: SpeakerIndex | None = None  # the registries' last speaker index
        self._episodes: dict[Path, _LoadedEpisode] = {}
        self._env: jinja2.Environment | None = None
        self._pages: dict[str, _RenderedPage] = {}
        self._site: Site | None = None
        self._episode_files: dict[str, _EpisodeFiles] = {}  # by episode URL
        self._names: dict[str, str] = {}
        self._paths: frozenset[str] = frozenset()
        self._written: dict[str, bytes | Path] | None = None  # what the output folder holds, when known
        self.stats = RebuildStats(True, 0, (), 0, False)

    @property
    def theme(self) -> Path | None:
        """The theme folder of the current configuration (None until site.yaml could be read)."""
        return theme_dir(self._config.theme, self._config.root) if self._config else None

    def build(self) -> BuildResult:
        """A full build, forgetting everything cached."""
        self._forget_everything()
        return self._run(full=True)

    def rebuild(self, changes: Iterable[Change]) -> BuildResult:
        """Redoes what `changes` affect, and writes the output when there are no errors."""
        changes = [c for c in changes if c.kind is not ChangeKind.IGNORED]
        kinds = {c.kind for c in changes}
        if self._config is None or kinds & {ChangeKind.CONFIG, ChangeKind.OTHER}:
            return self.build()
        if ChangeKind.TEMPLATE in kinds:
            self._env = None
            self._pages.clear()
        if kinds & {ChangeKind.SHOW, ChangeKind.PERSON, ChangeKind.SPONSOR}:
            self._registries = None
        for change in changes:
            if change.kind is ChangeKind.EPISODE:
                folder = self._episode_folder(change.path)
                if folder is not None:
                    self._episodes.pop(folder, None)
        return self._run(full=False)

    # -- a run ----------------------------------------------------------------------------------------

    def _run(self, full: bool) -> BuildResult:
        started = time.perf_counter()
        diags = Diagnostics()
        result = BuildResult(diags)
        try:
            check_output_dir(self.out_dir, self.site_dir)
        except OutputError as exc:
            diags.error(Location(self.out_dir), str(exc))
            return result
        run = _Run()
        result.site = run.site = self._load(diags, run)
        if result.site is not None:
            env = self._environment(result.site.config)
            result.files, result.pages = render_site(
                result.site, diags, env, lambda page, site, env, d: self._render(page, env, d, run),
                lambda episode, names: self._files_of(episode, names, run))
            self._pages = {path: page for path, page in self._pages.items() if path in result.files}
            urls = {episode.url for episode in result.site.episodes}
            self._episode_files = {url: f for url, f in self._episode_files.items() if url in urls}
            self._site = result.site
        changed = False
        if not diags.has_errors:
            try:
                result.written = self._write(result.files, self.out_dir, self._written)
                changed = result.written.written > 0 or frozenset(result.files) != self._paths
                self._paths = frozenset(result.files)
                self._written = result.files
            except (OutputError, OSError) as exc:
                self._written = None  # the folder may be half updated: stage the next build whole
                diags.error(Location(self.out_dir), f"cannot write the output: {exc}")
        self.stats = RebuildStats(full, run.episodes_loaded, tuple(run.rendered), run.reused, changed)
        result.seconds = time.perf_counter() - started
        return result

    def _load(self, diags: Diagnostics, run: _Run) -> Site | None:
        """The site model, as build.load_site makes it, from what is cached and what had to be reloaded."""
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
        episodes = []
        spoken: Spoken = {}
        folders = episode_folders(config, registries.shows, diags)
        for show, folder in folders:
            loaded = self._episodes.get(folder)
            if loaded is None:
                loaded = self._episodes[folder] = self._load_episode(show, folder, config, registries)
                run.episodes_loaded += 1
            diags.extend(loaded.diags)
            if loaded.episode is not None and (self.drafts or not loaded.episode.draft):
                episodes.append(loaded.episode)
                spoken[loaded.episode.url] = loaded.spoken
        listed = {folder for _, folder in folders}
        self._episodes = {folder: e for folder, e in self._episodes.items() if folder in listed}
        return assemble_site(config, registries.shows, registries.people, registries.sponsors, episodes, diags,
                             spoken)

    def _load_registries(self, config: SiteConfig) -> _Registries:
        diags = Diagnostics()
        people = load_people(config, self._markup, diags)
        sponsors = load_sponsors(config, self._markup, diags)
        shows = load_shows(config, people, self._markup, diags)
        speakers = speaker_index(config, people, diags)
        return _Registries(people, sponsors, shows, speakers, diags)

    def _load_episode(self, show: Show, folder: Path, config: SiteConfig, registries: _Registries) -> _LoadedEpisode:
        diags = Diagnostics()
        episode = load_episode(show, folder, config, registries.people, registries.sponsors, registries.speakers,
                               self._markup, diags)
        return _LoadedEpisode(episode, diags, first_spoken(episode) if episode is not None else {})

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

    def _render(self, page: Page, env: jinja2.Environment, diags: Diagnostics, run: _Run) -> bytes | None:
        """The page's HTML: last time's bytes when nothing it was rendered from changed, else rendered anew."""
        assert run.site is not None
        previous = self._pages.get(page.path)
        if (previous is not None and previous.template == page.template and previous.context == page.context
                and all(self._read_unchanged(read, run) for read in previous.reads)):
            run.reused += 1
            return previous.html
        reads = _SiteReads(run.site)
        page_diags = Diagnostics()
        html = render_page(page, cast(Site, reads), env, page_diags)
        diags.extend(page_diags)
        run.rendered.append(page.path)
        if html is None or page_diags.items:
            self._pages.pop(page.path, None)
        else:
            self._pages[page.path] = _RenderedPage(page.template, page.context, frozenset(reads.read), html)
        return html

    def _files_of(self, episode: Episode, names: dict[str, str], run: _Run) -> dict[str, bytes | Path]:
        """An episode's files (transcript formats, chapters): last time's when it and the names are the same."""
        if run.names is not names:
            run.names = names
            if names != self._names:
                self._episode_files.clear()
                self._names = names
        cached = self._episode_files.get(episode.url)
        if cached is not None and (cached.episode is episode or cached.episode == episode):
            cached.episode = episode
            return cached.files
        files = episode_files(episode, names)
        self._episode_files[episode.url] = _EpisodeFiles(episode, files)
        return files

    def _read_unchanged(self, read: Read, run: _Run) -> bool:
        """Whether what a page read of the Site is the same in this build as in the last one; a method or
        property (episodes_of) counts as reading the whole Site."""
        known = run.equal_reads.get(read)
        if known is None:
            old, new = self._site, run.site
            if isinstance(read, tuple):
                name, key = read
                before, after = getattr(old, name), getattr(new, name)
                known = (len(before) == len(after) if key is _SIZE
                         else before.get(key, _SIZE) == after.get(key, _SIZE))
            elif read in _SITE_FIELDS:
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

    def _forget_everything(self) -> None:
        self._markup = Markup()
        self._config = None
        self._registries = None
        self._speakers = None
        self._episodes.clear()
        self._env = None
        self._pages.clear()
        self._site = None
        self._episode_files.clear()


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
