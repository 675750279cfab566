"""The build pipeline, top to bottom: inputs -> keys -> config and registries -> episodes (loaded without
their transcripts) -> the workers' episode work -> the site model -> list pages, feeds and site files ->
the staging folder, committed -> the build state and the records. engine.Builder runs it.

What one build leaves for the next lives in a Memory: the records of every step, each found by a key made
from the inputs' content (keys.py), so that whichever way the next build learns what changed (a scan, or
the watcher's paths), it reuses exactly what those inputs still give."""

from __future__ import annotations

import os
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.config import load_config
from generator.content import load_people, load_shows, load_sponsors
from generator.diagnostics import Diagnostic, Diagnostics, Location
from generator.engine import Builder, BuildResult, Progress
from generator.episode_cache import EpisodeKeys, Record, load_records, save_records
from generator.episodes import episode_folders, load_episode, speaker_index
from generator.keys import InputKeys, folder_of, input_keys, named, speakers_digest
from generator.markup import Markup
from generator.model import Asset, Episode, Person, Show, Site, SiteConfig, Sponsor
from generator.output import MARKER, OutputError, Staging, WriteStats
from generator.pieces import (
    FeedRecord,
    PageRecord,
    feed_files,
    reusable_pages,
    sitemap_of,
)
from generator.render import Page, check_collisions, plan_pages
from generator.seo import headers_file, robots
from generator.site import Spoken, assemble_site
from generator.template_cache import TEMPLATES, CompiledTemplates
from generator.themes import static_dirs, theme_dir
from generator.transcript import SpeakerIndex
from generator.transcript_cache import TRANSCRIPTS, prune
from generator.uptodate import (
    PACKAGE_DIR,
    BuildState,
    Hashed,
    OutputLook,
    Stats,
    cache_dir,
    content_hashes,
    input_stats,
    load_state,
    output_as_left,
    output_files,
    save_state,
    scan,
)
from generator.workers import EpisodeOutcome, render_pages, run_episodes


@dataclass(frozen=True, slots=True)
class Shared:
    """The configuration and the registries, as loaded from the inputs whose key is `key` (InputKeys.shared)."""

    key: str
    config: SiteConfig | None
    people: dict[str, Person]
    sponsors: dict[str, Sponsor]
    shows: dict[str, Show]
    speakers: SpeakerIndex | None
    speakers_key: str
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Folders:
    """The episode folders as episode_folders found them, for the registries loaded as `shared`."""

    shared: str
    listed: list[tuple[Show, Path]]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Loaded:
    """One episode folder loaded (without its transcript) from the inputs whose key is `key` (None: never
    reused, as when it had errors: a message may name what now exists)."""

    key: str | None
    episode: Episode | None
    diagnostics: tuple[Diagnostic, ...]
    ok: bool  # loaded without errors: keyed once there are keys


@dataclass(slots=True)
class Memory:
    """What a Builder keeps from one build for the next. A scanning build (changed=None) starts from a new
    one; the build after it, handed the watcher's paths, takes its records."""

    stats: Stats = field(default_factory=dict)  # every input's size and time, as the last build saw them
    inputs: Hashed | None = None  # the same with their hashes, once a build succeeded and saved its state
    output: Stats | None = None  # the output's files as the last commit left them
    records: dict[str, Record] = field(default_factory=dict)  # by episode URL (episode_cache)
    theme: Path | None = None
    shared: Shared | None = None
    folders: Folders | None = None
    loaded: dict[Path, Loaded] = field(default_factory=dict)  # by episode folder
    finished: dict[str, tuple[Episode, Episode]] = field(default_factory=dict)  # by URL: light, as the Site held it
    paths: frozenset[str] = frozenset()  # what the last commit left in the output
    site: Site | None = None  # the Site of the last committed build
    pages: dict[str, PageRecord] = field(default_factory=dict)  # the list pages of that build, by path
    feeds: dict[str, FeedRecord] = field(default_factory=dict)  # by feed path prefix
    sitemap: tuple[Any, bytes] | None = None  # what it was made from, and it
    look: str | None = None  # the key of the templates the list pages were rendered with


def run(builder: Builder, changed: list[Path] | None, progress: Progress | None,
        look: OutputLook | None) -> BuildResult:
    """One build (see engine.Builder.build); `look`: what the no-change check found of the output."""
    out_dir = builder.out_dir
    memory = builder.memory
    handed = (changed is not None and memory is not None and memory.inputs is not None
              and memory.output is not None and out_dir is not None and (out_dir / MARKER).is_file())
    if not handed or memory is None:
        memory = builder.memory = Memory()
    run = _Run(builder, memory, handed, frozenset(_absolute(p) for p in changed or ()), look)
    return run.build(progress)


class _Run:
    """The state of one build; its steps are its methods, in the order they run."""

    def __init__(self, builder: Builder, memory: Memory, handed: bool, changed: frozenset[str],
                 look: OutputLook | None) -> None:
        self.builder, self.memory, self.handed, self.changed, self.look = builder, memory, handed, changed, look
        self.site_dir, self.out_dir = builder.site_dir, builder.out_dir
        self.options = builder.options
        self.diags = Diagnostics()
        self.result = BuildResult(self.diags)
        self.previous: BuildState | None = None  # the state on disk, for a scanning build
        self.keys: InputKeys | None = None

    def build(self, progress: Progress | None) -> BuildResult:
        memory = self.memory
        before: Stats = {}
        if self.out_dir is not None:
            before = self._inputs_now((self.site_dir, PACKAGE_DIR))
            if self.handed and memory.theme is not None:
                self._keys(before, memory.theme)
        shared = self._shared()
        if shared.config is None:
            return self.result
        theme = theme_dir(shared.config.theme, shared.config.root)
        if self.out_dir is not None:
            if not self.handed or theme != memory.theme:
                before.update(input_stats((theme,)))  # read only from the rendering on
                self._keys(before, theme)
            memory.stats = before
        memory.theme = theme
        light = self._light_site(shared)
        if find_theme(light, self.diags) is None:
            return self.result
        check_collisions(plan_pages(light), self.diags)
        staging = Staging(self.out_dir) if self.out_dir is not None and not self.diags.has_errors else None
        if staging is not None:
            staging.start()
        try:
            self._finish(light, theme, staging, shared, progress, before)
        except (OutputError, OSError) as exc:
            self.diags.error(Location(self.out_dir or self.site_dir), f"cannot write the output: {exc}")
            memory.output = memory.inputs = None  # the folder may be half updated: the next build starts afresh
        finally:
            if staging is not None and staging.path.exists():
                staging.abort()
        return self.result

    # -- inputs and keys -----------------------------------------------------------------------------

    def _inputs_now(self, roots: tuple[Path, ...]) -> Stats:
        """Every input's size and time: the last build's updated with the changed paths, when handed them;
        else scanned (before anything is read, for save_state to tell whether one changed meanwhile)."""
        if not self.handed:
            assert self.out_dir is not None
            self.previous = load_state(self.out_dir)
            return input_stats(roots)
        stats = dict(self.memory.stats)
        folders = [root.resolve() for root in (*roots, self.memory.theme) if root is not None]
        for path in self.changed:
            for root in folders:
                inside = _below(path, root)
                if inside is not None:
                    _update_stats(stats, os.path.join(root, inside), inside)
        return stats

    def _keys(self, stats: Stats, theme: Path) -> None:
        """The keys of this build's inputs, when a last build's hashes are there to spare hashing them all."""
        known = self.memory.inputs if self.handed else self._usable_state()
        if known is None:
            return
        self.hashes = content_hashes(stats, known)
        self.keys = input_keys(self.hashes, self.site_dir, theme, self.options)

    def _usable_state(self) -> Hashed | None:
        """The saved state's hashes, when the output is as the build that saved it left it."""
        state, out_dir = self.previous, self.out_dir
        if state is None or out_dir is None or not output_as_left(state, self.options, out_dir, self.look):
            return None
        self.memory.records = load_records(cache_dir(out_dir))
        if self.look is not None and self.look.key == self.options:
            self.memory.output = self.look.files
        return state.inputs

    # -- loading ---------------------------------------------------------------------------------------

    def _shared(self) -> Shared:
        """The configuration and registries: the last build's when their inputs are the same."""
        known = self.memory.shared
        if known is not None and self.keys is not None and known.key == self.keys.shared:
            self.diags.items.extend(known.diagnostics)
            return known
        shared = load_shared(self.site_dir, self.builder.base_url, self.keys.shared if self.keys else "")
        self.memory.shared = shared if self.keys is not None else None
        self.memory.folders = None
        self.diags.items.extend(shared.diagnostics)
        return shared

    def _light_site(self, shared: Shared) -> Site | None:
        """The Site without transcripts: each episode folder loaded again only when its key changed."""
        assert shared.config is not None and shared.speakers is not None
        folders = self._folders(shared)
        episodes: list[Episode] = []
        loaded: dict[Path, Loaded] = {}
        markup = Markup()
        for show, folder in folders.listed:
            entry = self.memory.loaded.get(folder)
            if entry is None or entry.key is None or entry.episode is None or self.keys is None \
                    or entry.key != self.keys.load_key(folder_of(entry.episode), named(entry.episode)):
                entry = self._load(show, folder, shared, markup)
            loaded[folder] = entry
            self.diags.items.extend(entry.diagnostics)
            if entry.episode is not None and (self.builder.drafts or not entry.episode.draft):
                episodes.append(entry.episode)
        self.memory.loaded = loaded
        return assemble_site(shared.config, shared.shows, shared.people, shared.sponsors, episodes, self.diags)

    def _folders(self, shared: Shared) -> Folders:
        """The episode folders: the last build's list unless a changed path may add, remove or rename one."""
        known = self.memory.folders
        if known is None or known.shared != shared.key or not self.handed or self._may_move_folders(known):
            assert shared.config is not None
            found = Diagnostics()
            known = Folders(shared.key, episode_folders(shared.config, shared.shows, found), tuple(found.items))
            self.memory.folders = known if self.keys is not None else None
        self.folders = known
        self.diags.items.extend(known.diagnostics)
        return known

    def _may_move_folders(self, folders: Folders) -> bool:
        listed = {os.path.realpath(folder) for _, folder in folders.listed}
        episodes = os.path.realpath(self.site_dir / "episodes")
        for path in self.changed:
            inside = _below(path, Path(episodes))
            if inside is None:
                continue
            parts = Path(inside).parts
            if len(parts) < 3 or os.path.join(episodes, parts[0], parts[1]) not in listed or not os.path.isfile(path):
                return True
        return False

    def _load(self, show: Show, folder: Path, shared: Shared, markup: Markup) -> Loaded:
        assert shared.config is not None and shared.speakers is not None
        found = Diagnostics()
        episode = load_episode(show, folder, shared.config, shared.people, shared.sponsors, shared.speakers, markup,
                               found, read=False)
        key = None
        if episode is not None and not found.has_errors and self.keys is not None:
            key = self.keys.load_key(folder_of(episode), named(episode))
        return Loaded(key, episode, tuple(found.items), episode is not None and not found.has_errors)

    # -- the episodes, the pages, the output -------------------------------------------------------------

    def _finish(self, light: Site, theme: Path, staging: Staging | None, shared: Shared, progress: Progress | None,
                before: Stats) -> None:
        """Episode work (but for the episodes whose records match), then the rest of the site; commits the
        staging folder when all is well, and keeps the state and the records."""
        diags, result, memory = self.diags, self.result, self.memory
        neighbours = light.neighbours()
        kept = self._kept(light, neighbours, shared) if staging is not None else {}
        if (kept or self.handed) and staging is not None:  # the output is as the last build left it
            staging = replace(staging, in_place=True)
        cache = cache_dir(self.out_dir) if self.out_dir is not None else None
        transcripts = self.builder.transcripts or (cache / TRANSCRIPTS if cache is not None else None)
        todo = [index for index in range(len(light.episodes)) if index not in kept]
        outcomes: list[EpisodeOutcome] = []
        known: Hashed = {}
        spoken: Spoken = {}
        paths: set[str] = set()
        written = 0
        jobs = self.builder.jobs
        with closing(run_episodes(light, staging, jobs, cache, todo, transcripts)) as made:
            for index in range(len(light.episodes)):
                outcome = kept[index] if index in kept else next(made)
                outcomes.append(outcome)
                known.update(outcome.inputs)
                if progress is not None:
                    progress(index + 1, len(light.episodes))
                diags.items.extend(outcome.diagnostics)
                spoken[outcome.url] = outcome.spoken
                paths.update(outcome.paths)
                written += outcome.written
        site = assemble_site(light.config, {s.slug: s for s in light.shows}, light.people, light.sponsors,
                             [self._finished(e, o) for e, o in zip(light.episodes, outcomes)], Diagnostics(),
                             spoken)  # assembly's own findings were reported with the light site
        pages = plan_pages(site)
        reuse = self.handed and staging is not None and memory.look == (self.keys.look if self.keys else None)
        listing = [page for page in pages if page.template != "episode.html"]
        reused = reusable_pages(listing, memory.pages, memory.site, site) if reuse else {}
        todo_pages = [page for page in listing if page.path not in reused]
        page_records = dict(reused)
        rendering = render_pages(site, todo_pages, None if diags.has_errors else staging, jobs, cache)
        for page, rendered in zip(todo_pages, rendering):
            diags.items.extend(rendered.diagnostics)
            if rendered.made:
                paths.add(rendered.path)
                if not rendered.diagnostics:  # else rendered again, so that it reports again
                    page_records[page.path] = PageRecord(page.template, page.context, rendered.reads)
            written += rendered.written
        paths.update(reused)
        files, unchanged = self._site_files(site, pages, theme, reuse)
        result.site, result.pages, result.episodes = site, len(pages), len(site.episodes)
        result.rendered = (*(light.episodes[index].url + "index.html" for index in todo),
                           *(page.path for page in todo_pages))
        result.paths = frozenset(paths | files.keys() | unchanged)
        if staging is None or diags.has_errors:
            return
        written += sum(staging.put(name, content) for name, content in sorted(files.items()))
        self._commit(staging, staging.in_place)
        memory.site, memory.pages = site, page_records
        result.written = WriteStats(written, len(result.paths) - written)
        result.changed = written > 0 or result.paths != memory.paths
        memory.paths = result.paths
        result.episodes_kept = len(kept)
        self._keep(light, neighbours, shared, outcomes, known, before, theme, cache)

    def _kept(self, light: Site, neighbours: dict[str, tuple[Episode | None, Episode | None]],
              shared: Shared) -> dict[int, EpisodeOutcome]:
        """By index, the episodes whose record's key is this build's: their outcome, their files left in the
        output (the staging folder is then committed in place)."""
        records, keys = self.memory.records, self.keys
        if keys is None or not records or self.memory.output is None:
            return {}
        own = {}
        for episode in light.episodes:
            record = records.get(episode.url)
            if record is not None:
                own[episode.url] = self._record_key(episode, neighbours, shared, record.outcome.spoken)
        every = EpisodeKeys(own, keys.every)
        return {index: records[e.url].outcome for index, e in enumerate(light.episodes)
                if e.url in own and records[e.url].matches(every, e.url)}

    def _record_key(self, episode: Episode, neighbours: dict[str, tuple[Episode | None, Episode | None]],
                    shared: Shared, spoken: dict[str, Any]) -> str:
        assert self.keys is not None
        load = self.keys.load_key(folder_of(episode), named(episode))
        return self.keys.record_key(load, shared.speakers_key, neighbours[episode.url], spoken)

    def _finished(self, light: Episode, outcome: EpisodeOutcome) -> Episode:
        """The episode as the Site holds it: the very object of the last build when nothing of it changed
        (comparing the pages' inputs then takes no time)."""
        known = self.memory.finished.get(light.url)
        if known is not None and known[0] is light and known[1].notes_html == outcome.notes_html \
                and known[1].chapters == outcome.chapters:
            return known[1]
        return replace(light, chapters=outcome.chapters, notes_html=outcome.notes_html, notes_source=None)

    def _site_files(self, site: Site, pages: list[Page], theme: Path,
                    reuse: bool) -> tuple[dict[str, bytes | Path], set[str]]:
        """What the whole site has besides its pages, and which of them the output holds as they are."""
        memory = self.memory
        files: dict[str, bytes | Path] = {}
        unchanged: set[str] = set()
        for name, (content, same) in feed_files(site, self.diags, memory.feeds, self.changed).items():
            if reuse and same:
                unchanged.add(name)
            else:
                files[name] = content
        inputs, xml = sitemap_of(site, [p.url for p in pages if p.path != "404.html"], memory.sitemap)
        if reuse and memory.sitemap is not None and memory.sitemap[1] is xml:
            unchanged.add("sitemap.xml")
        else:
            files["sitemap.xml"] = xml
        memory.sitemap = (inputs, xml)
        files["robots.txt"] = robots(site)
        files["_headers"] = headers_file()
        files.update(static_files(site, theme))
        return files, unchanged

    def _commit(self, staging: Staging, in_place: bool) -> None:
        memory = self.memory
        if in_place:
            memory.output = staging.commit_in_place(self.result.paths, memory.output)
        else:
            staging.commit()
            memory.output = None
        if memory.output is None and self.out_dir is not None:
            memory.output = output_files(self.out_dir)

    def _keep(self, light: Site, neighbours: dict[str, tuple[Episode | None, Episode | None]], shared: Shared,
              outcomes: list[EpisodeOutcome], known: Hashed, before: Stats, theme: Path, cache: Path | None) -> None:
        """The state and the records, for the next build: on disk after a scanning build, in memory only
        after one handed the changed paths (whose state a scan would have to confirm)."""
        memory, out_dir = self.memory, self.out_dir
        assert out_dir is not None and cache is not None
        site = self.result.site
        assert site is not None
        memory.finished = {light.url: (light, episode) for light, episode in zip(light.episodes, site.episodes)}
        if self.handed:
            inputs = {path: (*before[path], self.hashes[path]) for path in before}
        else:
            saved = save_state(out_dir, self.options, (self.site_dir, theme, PACKAGE_DIR), self.diags,
                               self.result.pages, self.result.episodes, known, before, self.previous, memory.output)
            if saved is None:
                memory.inputs = None
                return
            inputs = saved
            prune(self.builder.transcripts or cache / TRANSCRIPTS, {key for o in outcomes for key in o.cache_keys})
            CompiledTemplates(cache / TEMPLATES).prune()
        memory.inputs = inputs
        if not self.handed:
            self.hashes = {path: digest for path, (_, _, digest) in inputs.items()}
            self.keys = input_keys(self.hashes, self.site_dir, theme, self.options)
            self._key_memory(shared)
        own = {o.url: self._record_key(e, neighbours, shared, o.spoken) for e, o in zip(light.episodes, outcomes)}
        keys = EpisodeKeys(own, self.keys.every)
        # As episode_cache reads them back: nothing written by a build that keeps them, no inputs to record.
        memory.records = {o.url: Record(own[o.url], keys.every if o.wide else None,
                                        replace(o, written=0, inputs={})) for o in outcomes}
        memory.look = self.keys.look
        if not self.handed:
            save_records(cache, keys, outcomes)

    def _key_memory(self, shared: Shared) -> None:
        """Keys what this build loaded with the keys of the inputs as saved (a first build had none before)."""
        memory, keys = self.memory, self.keys
        assert keys is not None
        memory.shared = replace(shared, key=keys.shared)
        memory.folders = replace(self.folders, shared=keys.shared) if self.folders is not None else None
        memory.loaded = {folder: replace(entry, key=keys.load_key(folder_of(entry.episode), named(entry.episode)))
                         if entry.ok and entry.episode is not None else entry
                         for folder, entry in memory.loaded.items()}

    hashes: dict[str, str] = {}
    folders: Folders | None = None


def load_shared(site_dir: Path, base_url: str | None, key: str) -> Shared:
    """The configuration and the registries; no configuration when site.yaml cannot be read."""
    diags = Diagnostics()
    markup = Markup()
    config = load_config(site_dir, markup, diags, base_url)
    if config is None:
        return Shared(key, None, {}, {}, {}, None, "", tuple(diags.items))
    people = load_people(config, markup, diags)
    sponsors = load_sponsors(config, markup, diags)
    shows = load_shows(config, people, markup, diags)
    speakers = speaker_index(config, people, diags)
    return Shared(key, config, people, sponsors, shows, speakers, speakers_digest(speakers), tuple(diags.items))


def load_site(site_dir: Path, diags: Diagnostics, base_url: str | None = None, drafts: bool = False,
              read_transcripts: bool = True) -> Site | None:
    """Reads and checks every content file, at once and in this process; None when the site cannot even be
    configured. For the tools that want the whole model (a build reads it through a Builder)."""
    shared = load_shared(site_dir, base_url, "")
    diags.items.extend(shared.diagnostics)
    if shared.config is None or shared.speakers is None:
        return None
    markup = Markup()
    episodes = [e for show, folder in episode_folders(shared.config, shared.shows, diags)
                if (e := load_episode(show, folder, shared.config, shared.people, shared.sponsors, shared.speakers,
                                      markup, diags, read_transcripts))
                and (drafts or not e.draft)]
    return assemble_site(shared.config, shared.shows, shared.people, shared.sponsors, episodes, diags)


def find_theme(site: Site, diags: Diagnostics) -> Path | None:
    """The site's theme folder, or None with an error when it has no templates."""
    theme = theme_dir(site.config.theme, site.config.root)
    if (theme / "templates").is_dir():
        return theme
    diags.error(site.config.location, f"theme '{site.config.theme}' not found (looked in {theme})",
                "set 'theme' in site.yaml to a folder of themes/ or to a path in the site folder")
    return None


def static_files(site: Site, theme: Path) -> dict[str, bytes | Path]:
    """The files copied as they are: the theme's and the site's static files, and the assets."""
    files: dict[str, bytes | Path] = {}
    for folder in static_dirs(site.config.root, theme):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files["assets/" + path.relative_to(folder).as_posix()] = path
    assets: list[Asset | None] = [p.avatar for p in site.people.values()]
    assets += [s.logo for s in site.sponsors.values()] + [s.artwork for s in site.shows]
    assets += [a for e in site.episodes for a in e.assets]
    for asset in assets:
        if asset is not None and asset.source is not None:
            files[asset.target] = asset.source
    return files


def build(site_dir: Path, out_dir: Path | None, base_url: str | None = None, drafts: bool = False,
          jobs: int | None = None, progress: Progress | None = None) -> BuildResult:
    """One build by a Builder of its own: `podsite build` (or `check`, with no output folder)."""
    return Builder(site_dir, out_dir, base_url=base_url, drafts=drafts, jobs=jobs).build(progress=progress)


def _absolute(path: Path | str) -> str:
    """The path absolute, its folder's links resolved (as the scans' roots are), itself not: it may be gone."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def _below(path: str, root: Path) -> str | None:
    """`path` relative to `root` (absolute both), or None when it does not lie below it."""
    prefix = str(root) + os.sep
    if path == str(root):
        return ""
    return path[len(prefix):] if path.startswith(prefix) else None


def _update_stats(stats: Stats, path: str, inside: str) -> None:
    """Brings the sizes and times below `path` (a file or folder; `inside`: its path below its root) up to
    date, as uptodate.scan would find them: hidden files and folders left out."""
    parts = inside.split(os.sep) if inside else []
    if any(part.startswith(".") or part == "__pycache__" for part in parts):
        return
    prefix = path + os.sep
    for known in [p for p in stats if p == path or p.startswith(prefix)]:
        del stats[known]
    if os.path.isdir(path):
        stats.update(scan(Path(path), skip_hidden=True))
    elif os.path.isfile(path):
        status = os.stat(path)
        stats[path] = (status.st_size, status.st_mtime_ns)


