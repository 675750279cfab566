"""The build pipeline, top to bottom: inputs -> keys -> config, registries and episodes without their
transcripts (loading.py) -> the workers' episode work -> the site model -> list pages, feeds and site files
-> the staging folder, committed -> the build state and the records. engine.Builder runs it.

What one build leaves for the next lives in a Memory: the records of every step, each valid while the
inputs of its key (keys.py) are unchanged, so that whichever way the next build learns what changed (a
scan, or the watcher's paths), it reuses exactly what those inputs still give."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from generator.cache.cards import CARDS
from generator.cache.episodes import EpisodeKeys, EpisodeOutcome, Record, load_records, save_records
from generator.cache.keys import Changes, Entity, FolderId, InputKeys, changes, folder_of, input_keys, named
from generator.cache.state import (
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
from generator.cache.templates import TEMPLATES, CompiledTemplates
from generator.cache.transcripts import TRANSCRIPTS, prune
from generator.diagnostics import Diagnostics, Location
from generator.indexing import SearchIndex, Stamp
from generator.loading import Loads, Shared, find_theme, light_site, load_site, rekey, shared_for, static_files
from generator.model.entities import Episode, Site
from generator.model.site import Spoken, assemble_site
from generator.output import MARKER, Leftover, OutputError, Staging, WriteStats
from generator.render.cards import check_cards
from generator.render.pages import Page, plan_pages
from generator.render.pieces import FeedRecords, PageRecord, feed_files, reusable_pages, sitemap_of
from generator.render.seo import headers_file, robots
from generator.render.themes import theme_dir
from generator.result import BuildResult, Progress
from generator.workers import EpisodeWorker, render_pages, run_episodes, workers_for

__all__ = ["Memory", "Settings", "find_theme", "load_site", "run"]

Neighbours = dict[str, tuple[Episode | None, Episode | None]]  # Site.neighbours()


@dataclass(frozen=True, slots=True)
class Deps:
    """What an episode's record key was made from, by group (see keys.py): the record holds while none of
    these groups changed and the episode's neighbours are the same ones."""

    place: tuple[FolderId, FolderId | None, FolderId | None]  # its folder, its older and newer neighbours'
    entities: frozenset[Entity]  # those it names, and the people who speak in it
    wide: bool  # its page read more of the Site: every folder and entity
    episodes: tuple[Episode | None, ...]  # it and its neighbours, as the light Site held them

    def same(self, episode: Episode, neighbours: tuple[Episode | None, Episode | None]) -> bool:
        """Whether these are the very objects it was made with (then they are in the same folders)."""
        mine, older, newer = self.episodes
        return mine is episode and older is neighbours[0] and newer is neighbours[1]


@dataclass(slots=True)
class Memory:
    """What a Builder keeps from one build for the next. A scanning build (changed=None) starts from a new
    one, and from the records on disk; the builds after it, handed the watcher's paths, take these."""

    stats: Stats = field(default_factory=dict)  # every input's size and time, as the last build saw them
    inputs: Hashed | None = None  # the same with their hashes, once a build succeeded and kept its state
    keys: InputKeys | None = None  # the keys of those inputs
    output: Stats | None = None  # the output's files as the last commit left them
    theme: Path | None = None
    loads: Loads = field(default_factory=Loads)
    records: dict[str, Record] = field(default_factory=dict)  # by episode URL (cache/episodes.py)
    deps: dict[str, Deps] = field(default_factory=dict)  # by episode URL
    speakers: str = ""  # the speaker index's digest the records were made with
    finished: dict[str, tuple[Episode, Episode]] = field(default_factory=dict)  # by URL: light and as the Site has it
    site: Site | None = None  # the Site of the last committed build
    spoken: Spoken = field(default_factory=dict)
    planned: list[Page] = field(default_factory=list)  # its pages
    paths: frozenset[str] = frozenset()  # what the last commit left in the output
    pages: dict[str, PageRecord] = field(default_factory=dict)  # the list pages of that build, by path
    look: str | None = None  # the key of the templates they were rendered with
    feeds: FeedRecords = field(default_factory=FeedRecords)
    sitemap: tuple[Any, bytes] | None = None  # what it was made from, and it
    worker: tuple[str | None, EpisodeWorker, tuple[Path | None, Path | None]] | None = None  # see _Run._worker
    pending: Callable[[], None] | None = None  # files the records of a scanning build, when a build needs them
    search: Stamp | None = None  # the search index as the last build left it (indexing.py)


class Settings(Protocol):
    """What a build is run with: an engine.Builder, which keeps the Memory between builds."""

    site_dir: Path
    out_dir: Path | None
    base_url: str | None
    drafts: bool
    jobs: int | None
    transcripts: Path | None
    memory: Memory | None

    @property
    def options(self) -> str: ...


def run(builder: Settings, changed: list[Path] | None, progress: Progress | None,
        look: OutputLook | None) -> BuildResult:
    """One build (see engine.Builder.build); `look`: what the no-change check found of the output."""
    out_dir, memory = builder.out_dir, builder.memory
    handed = (changed is not None and memory is not None and memory.inputs is not None and memory.keys is not None
              and memory.output is not None and out_dir is not None and (out_dir / MARKER).is_file())
    if not handed or memory is None:
        memory = builder.memory = Memory()
    elif memory.pending is not None:
        memory.pending()
        memory.pending = None
    return _Run(builder, memory, handed, frozenset(map(_absolute, changed or ())), look).build(progress)


class _Run:
    """The state of one build; its steps are its methods, in the order they run."""

    def __init__(self, builder: Settings, memory: Memory, handed: bool, changed: frozenset[str],
                 look: OutputLook | None) -> None:
        self.builder, self.memory, self.handed, self.changed, self.look = builder, memory, handed, changed, look
        self.site_dir, self.out_dir = builder.site_dir, builder.out_dir
        self.options = builder.options
        self.diags = Diagnostics()
        self.result = BuildResult(self.diags)
        self.previous: BuildState | None = None  # the state on disk, for a scanning build
        self.keys: InputKeys | None = None
        self.changes: Changes | None = None  # since the last build's keys, for a build handed the paths
        self.hashes: dict[str, str] = {}
        self.sitemap: tuple[Any, bytes] | None = None
        self.same_light = False  # the light Site is the last build's
        self.same_site = False  # and so is the Site
        self.urls: tuple[str, ...] = ()  # the episodes', in the Site's order
        self.touched: set[str] | None = None  # the input paths that changed, when handed them
        self.scanned: Path | None = None  # the theme whose files `before` holds, when the no-change check's scan
        self.own: dict[str, str] = {}  # the record keys of the episodes kept, by URL, as _kept worked them out
        self.search: SearchIndex | None = None  # this build's work on the search index

    def build(self, progress: Progress | None) -> BuildResult:
        memory = self.memory
        before: Stats = {}
        if self.out_dir is not None:
            before, touched = self._inputs_now()
            if self.handed and memory.theme is not None:
                self._keys(before, memory.theme, touched)
        shared = shared_for(memory.loads, self.site_dir, self.builder.base_url, self.keys)
        self.diags.items.extend(shared.diagnostics)
        if shared.config is None:
            return self.result
        theme = theme_dir(shared.config.theme, shared.config.root)
        if self.out_dir is not None and (not self.handed or theme != memory.theme):
            if self.scanned is None:
                before.update(input_stats((theme,)))  # read only from the rendering on
            elif self.scanned != theme.resolve():  # the check scanned another theme's files: all again
                before = input_stats((self.site_dir, PACKAGE_DIR, theme))
            self.changes = None
            self._keys(before, theme, None)
        memory.theme = theme
        before_light = memory.loads.light.site if memory.loads.light is not None else None
        light = light_site(memory.loads, shared, self.builder.drafts, self.changes, self.changed, theme, self.diags)
        self.same_light = light is before_light
        if find_theme(light, self.diags) is None:
            return self.result
        staging = Staging(self.out_dir) if self.out_dir is not None and not self.diags.has_errors else None
        try:
            if staging is not None:
                staging.start()  # which first finishes or undoes a commit that was stopped
            self._finish(light, theme, staging, shared, progress, before)
            if self.out_dir is not None and self.result.leftover is not None:  # told after the state is saved
                self.diags.warning(Location(self.out_dir), self.result.leftover,
                                   "the next build deletes it; or delete it yourself")
        except (OutputError, OSError) as exc:
            self.diags.error(Location(self.out_dir or self.site_dir), f"cannot write the output: {exc}")
            memory.output = memory.inputs = None  # the folder may be half updated: the next build starts afresh
        finally:
            if staging is not None and staging.path.exists():
                staging.abort()
            if self.search is not None:
                self.search.close()
        return self.result

    # -- inputs and keys -------------------------------------------------------------------------------

    def _inputs_now(self) -> tuple[Stats, set[str]]:
        """Every input's size and time, and the paths among them that changed: the last build's updated with
        the changed paths, when handed them; else scanned (before anything is read, for save_state to tell
        whether one changed meanwhile)."""
        roots = (self.site_dir, PACKAGE_DIR)
        if not self.handed:
            assert self.out_dir is not None
            look = self.look
            if look is not None and look.state.roots[0] == str(self.site_dir.resolve()) \
                    and look.state.roots[2] == str(PACKAGE_DIR):
                # The no-change check read the state and scanned its roots just now, before anything was read.
                self.previous, self.scanned = look.state, Path(look.state.roots[1])
                return dict(look.inputs), set()
            self.previous = load_state(self.out_dir)
            return input_stats(roots), set()
        stats, touched = dict(self.memory.stats), set()
        for root in {root.resolve() for root in (*roots, self.memory.theme) if root is not None}:
            for path in self.changed:
                inside = _below(path, root)
                if inside is not None:
                    touched |= _update_stats(stats, os.path.join(root, inside), inside)
        return stats, touched

    def _keys(self, stats: Stats, theme: Path, touched: set[str] | None) -> None:
        """The keys of this build's inputs, when the last build's hashes are there to spare hashing them all
        (`touched`: the paths that may differ from them, when known)."""
        memory = self.memory
        if self.handed and memory.inputs is not None and memory.keys is not None:
            if touched is None:  # the theme moved: every input looked at again
                self.touched = None
                self.hashes = content_hashes(stats, memory.inputs)
                self.keys = input_keys(self.hashes, self.site_dir, theme, self.options)
            else:
                self.touched = touched
                now = content_hashes({path: stats[path] for path in touched if path in stats}, memory.inputs)
                self.hashes = now  # the others' are the last build's, in its keys
                self.keys = input_keys(self.hashes, self.site_dir, theme, self.options, memory.keys, touched)
                self.changes = changes(memory.keys, self.keys)
            return
        known = self._usable_state()
        if known is not None:
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

    # -- the episodes, the pages, the output -------------------------------------------------------------

    def _finish(self, light: Site, theme: Path, staging: Staging | None, shared: Shared, progress: Progress | None,
                before: Stats) -> None:
        """Episode work (but for the episodes whose records hold), then the rest of the site; commits the
        staging folder when all is well, and keeps the state and the records."""
        diags, result, memory = self.diags, self.result, self.memory
        neighbours = light.neighbours()
        assert memory.loads.light is not None
        self.urls = memory.loads.light.urls
        kept = self._kept(light, neighbours, shared) if staging is not None else {}
        cache = cache_dir(self.out_dir) if self.out_dir is not None else None
        if staging is not None and cache is not None and light.config.search:
            search = self.search = SearchIndex(cache, light, memory.search if self.handed else None, not self.handed)
            if not search.holds(kept):  # the rows of the episodes kept are not at hand: all made again
                kept = {}
        if (kept or self.handed) and staging is not None:  # the output is as the last build left it
            staging = replace(staging, in_place=True)
        transcripts = self.builder.transcripts or (cache / TRANSCRIPTS if cache is not None else None)
        todo = [index for index in range(len(light.episodes)) if index not in kept]
        outcomes: list[EpisodeOutcome] = []
        known: Hashed = {}
        spoken: Spoken = {}
        paths: set[str] = set()
        written = 0
        here = self._worker(light, staging, cache, transcripts, len(todo))
        with closing(run_episodes(light, staging, self.builder.jobs, cache, todo, transcripts, here)) as made:
            for index in range(len(light.episodes)):
                outcome = kept[index] if index in kept else next(made)
                if outcome.rows:  # taken by the index, not kept: all of them are every transcript's text
                    if self.search is not None:
                        self.search.add(outcome)
                    outcome = replace(outcome, rows=b"")
                outcomes.append(outcome)
                known.update(outcome.inputs)
                if progress is not None:
                    progress(index + 1, len(light.episodes))
                diags.items.extend(outcome.diagnostics)
                spoken[outcome.url] = outcome.spoken
                paths.update(outcome.paths)
                written += outcome.written
        site, pages = self._site(light, outcomes, spoken)
        reuse = self.handed and staging is not None and memory.look == (self.keys.look if self.keys else None)
        listing = [page for page in pages if page.template != "episode.html"]
        reused = reusable_pages(listing, memory.pages, memory.site, site) if reuse else {}
        todo_pages = [page for page in listing if page.path not in reused]
        page_records = dict(reused)
        # Closed once done, which ends its pool: its workers would otherwise live on to the end of the build.
        with closing(render_pages(site, todo_pages, None if diags.has_errors else staging, self.builder.jobs,
                                  cache)) as rendering:
            for page, rendered in zip(todo_pages, rendering, strict=False):
                self._finish_search(site, outcomes)  # now that the pool, if any, has forked
                diags.items.extend(rendered.diagnostics)
                if rendered.made:
                    paths.add(rendered.path)
                    if not rendered.diagnostics:  # else rendered again, so that it reports again
                        page_records[page.path] = PageRecord(page.template, page.context, rendered.reads)
                written += rendered.written
        paths.update(reused)
        files, unchanged = self._site_files(site, pages, theme, reuse)
        self._finish_search(site, outcomes)
        if self.search is not None and staging is not None and not diags.has_errors:
            self.search.wait()
            paths.add(self.search.stage(staging))
        result.site, result.pages, result.episodes = site, len(pages), len(site.episodes)
        result.rendered = (*(self.urls[index] + "index.html" for index in todo),
                           *(page.path for page in todo_pages))
        result.paths = frozenset(paths | files.keys() | unchanged)
        if staging is None or diags.has_errors:
            return
        written += sum(staging.put(name, content) for name, content in sorted(files.items()))
        self._commit(staging)
        memory.site, memory.spoken, memory.planned, memory.pages = site, spoken, pages, page_records
        memory.sitemap = self.sitemap
        result.written = WriteStats(written, len(result.paths) - written)
        result.changed = written > 0 or result.paths != memory.paths
        memory.paths = result.paths
        result.episodes_kept = len(kept)
        self._keep(light, neighbours, shared, outcomes, set(todo), known, before, theme, cache)

    def _worker(self, light: Site, staging: Staging | None, cache: Path | None, transcripts: Path | None,
                episodes: int) -> EpisodeWorker | None:
        """The worker of this process, when the few episodes to make are made here: the last build's, when made
        for the same Site, templates and folders (its templates compiled, its speakers indexed)."""
        if workers_for(episodes, self.builder.jobs) > 1:
            return None
        look = self.keys.look if self.keys is not None else None
        known = self.memory.worker
        if known is None or known[0] != look or known[1].site is not light or known[1].staging != staging \
                or known[2] != (cache, transcripts):
            known = (look, EpisodeWorker(light, staging, cache, transcripts), (cache, transcripts))
        self.memory.worker = known if look is not None else None
        return known[1]

    def _kept(self, light: Site, neighbours: Neighbours, shared: Shared) -> dict[int, EpisodeOutcome]:
        """By index, the episodes whose record holds: their outcome, their files left in the output (the
        staging folder is then committed in place)."""
        records, keys, memory = self.memory.records, self.keys, self.memory
        if keys is None or not records or memory.output is None:
            return {}
        if self.changes is not None:  # handed the paths: which groups changed is known
            changed = self.changes
            if changed.base or changed.look or changed.registered or shared.speakers_key != memory.speakers:
                return {}
            pairs = enumerate(zip(self.urls, light.episodes, strict=False))
            return {index: records[url].outcome for index, (url, e) in pairs
                    if url in records and self._holds(memory.deps.get(url), e, neighbours[url])}
        own = {e.url: self._record_key(e, neighbours, shared, records[e.url].outcome.spoken)
               for e in light.episodes if e.url in records}
        every = EpisodeKeys(own, keys.every)
        kept = {index: records[e.url].outcome for index, e in enumerate(light.episodes)
                if e.url in own and records[e.url].matches(every, e.url)}
        self.own = {light.episodes[index].url: own[light.episodes[index].url] for index in kept}
        return kept

    def _holds(self, deps: Deps | None, episode: Episode, neighbours: tuple[Episode | None, Episode | None]) -> bool:
        """Whether none of the groups an episode's record was made from changed (its key would be the same)."""
        changed = self.changes
        assert changed is not None
        if deps is None:
            return False
        if not deps.same(episode, neighbours) and deps.place != (folder_of(episode), *_folders_of(neighbours)):
            return False
        if deps.wide and (changed.folders or changed.entities):
            return False
        return (deps.place[0] not in changed.folders and not changed.models.intersection(deps.place[1:])
                and deps.entities.isdisjoint(changed.entities))

    def _record_key(self, episode: Episode, neighbours: Neighbours, shared: Shared, spoken: dict[str, Any]) -> str:
        assert self.keys is not None
        folder = folder_of(episode)
        load = self.keys.load_key(folder, named(episode))
        return self.keys.record_key(load, folder, shared.speakers_key, _folders_of(neighbours[episode.url]), spoken)

    def _site(self, light: Site, outcomes: list[EpisodeOutcome], spoken: Spoken) -> tuple[Site, list[Page]]:
        """The Site with every episode's outcome, and its pages: the last build's when nothing in them changed."""
        memory = self.memory
        episodes = [self._finished(url, e, o) for url, e, o in zip(self.urls, light.episodes, outcomes, strict=False)]
        before = memory.site
        if (before is not None and self.handed and self.same_light and len(memory.finished) == len(episodes)
                and all(memory.finished.get(url, (None, None))[1] is e
                        for url, e in zip(self.urls, episodes, strict=False))
                and spoken == memory.spoken):
            self.same_site = True
            return before, memory.planned
        site = assemble_site(light.config, {s.slug: s for s in light.shows}, light.people, light.sponsors, episodes,
                             Diagnostics(), spoken)  # assembly's own findings were reported with the light site
        return site, plan_pages(site)

    def _finished(self, url: str, light: Episode, outcome: EpisodeOutcome) -> Episode:
        """The episode as the Site holds it: the very object of the last build when nothing of it changed
        (comparing the pages' inputs then takes no time)."""
        known = self.memory.finished.get(url)
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
        if site.config.cards:
            check_cards(site.shows, theme, self.diags)
        for name, (content, same) in feed_files(site, self.diags, memory.feeds, self.changed).items():
            if reuse and same:
                unchanged.add(name)
            else:
                files[name] = content
        if self.same_site and memory.sitemap is not None:
            inputs, xml = memory.sitemap
        else:
            inputs, xml = sitemap_of(site, [p.url for p in pages if p.path != "404.html"], memory.sitemap)
        if reuse and memory.sitemap is not None and memory.sitemap[1] is xml:
            unchanged.add("sitemap.xml")
        else:
            files["sitemap.xml"] = xml
        self.sitemap = (inputs, xml)  # kept once committed
        files["robots.txt"] = robots(site)
        files["_headers"] = headers_file()
        files.update(static_files(self.memory.loads, site, theme, self.diags))
        return files, unchanged

    def _commit(self, staging: Staging) -> None:
        memory = self.memory
        try:
            if staging.in_place:
                memory.output = staging.commit_in_place(self.result.paths, memory.output)
            else:
                staging.commit()
                memory.output = None
        except Leftover as exc:  # the new site is in place: no error, which would say that nothing was written
            self.result.leftover = str(exc)
            memory.output = None
        if self.search is not None:
            memory.search = self._publish(self.search)
            self.search = None
        if memory.output is None and self.out_dir is not None:
            memory.output = output_files(self.out_dir)

    def _finish_search(self, site: Site, outcomes: list[EpisodeOutcome]) -> None:
        if self.search is not None and not self.diags.has_errors:
            self.search.finish_later(site, outcomes)

    def _publish(self, search: SearchIndex) -> Stamp | None:
        """The search index's new file, now in the output, given the old one's place in the cache folder."""
        try:
            return search.publish()
        except OSError as exc:  # the output is whole; the next build finds the cache's index unchecked
            self.diags.warning(Location(self.out_dir or self.site_dir), f"the search index was not kept: {exc}",
                               "the next build writes it again")
            return None

    def _keep(self, light: Site, neighbours: Neighbours, shared: Shared, outcomes: list[EpisodeOutcome],
              made: set[int], known: Hashed, before: Stats, theme: Path, cache: Path | None) -> None:
        """The state and the records, for the next build: on disk after a scanning build, in memory only
        after one handed the changed paths (whose state a scan would have to confirm)."""
        memory, out_dir = self.memory, self.out_dir
        assert out_dir is not None and cache is not None and self.result.site is not None
        if not self.same_site:
            finished = zip(self.urls, light.episodes, self.result.site.episodes, strict=False)
            memory.finished = {url: (e, f) for url, e, f in finished}
        memory.stats = before
        if self.handed and self.touched is not None and memory.inputs is not None:
            inputs = dict(memory.inputs)
            for path in self.touched:
                inputs.pop(path, None)
                if path in before:
                    inputs[path] = (*before[path], self.hashes[path])
            memory.inputs = inputs
        elif self.handed:
            memory.inputs = {path: (*before[path], self.hashes[path]) for path in before}
        else:
            saved = save_state(out_dir, self.options, (self.site_dir, theme, PACKAGE_DIR), self.diags,
                               self.result.pages, self.result.episodes, known, before, self.previous, memory.output)
            memory.inputs = saved
            if saved is None:
                return
            with contextlib.suppress(OSError):  # a cache that cannot be pruned costs space, not the build
                used = {key for o in outcomes for key in o.cache_keys}
                prune(self.builder.transcripts or cache / TRANSCRIPTS, used)
                prune(cache / CARDS, used)
            CompiledTemplates(cache / TEMPLATES).prune()
            hashes = {path: digest for path, (_, _, digest) in saved.items()}
            if self.keys is None or hashes != self.hashes:  # else the keys made from them before the build hold
                self.keys, self.own = input_keys(hashes, self.site_dir, theme, self.options), {}
            self.hashes = hashes
            made = set(range(len(outcomes)))
            rekey(memory.loads, self.keys.shared)
        assert self.keys is not None
        memory.keys, memory.look, memory.speakers = self.keys, self.keys.look, shared.speakers_key
        keys = {outcomes[index].url: self.own.get(outcomes[index].url)
                or self._record_key(light.episodes[index], neighbours, shared, outcomes[index].spoken)
                for index in sorted(made)}
        if self.handed:
            _remember(memory, self.keys.every, light, neighbours, outcomes, keys)
            urls = set(self.urls)
            for gone in [url for url in memory.records if url not in urls]:
                del memory.records[gone], memory.deps[gone]
        else:
            save_records(cache, EpisodeKeys(keys, self.keys.every), outcomes)
            # Made when a build handed the paths first needs them: `podsite build` runs once, and never does.
            memory.records, memory.deps = {}, {}
            memory.pending = partial(_remember, memory, self.keys.every, light, neighbours, outcomes, keys)


def _remember(memory: Memory, every: str, light: Site, neighbours: Neighbours, outcomes: list[EpisodeOutcome],
              keys: dict[str, str]) -> None:
    """Files the records of the episodes whose record `keys` are given, and what each key was made from."""
    for episode, outcome in zip(light.episodes, outcomes, strict=True):
        key = keys.get(outcome.url)
        if key is None:
            continue
        # As cache/episodes.py reads them back: nothing written by a build that keeps them, no inputs to record.
        memory.records[outcome.url] = Record(key, every if outcome.wide else None,
                                             replace(outcome, written=0, inputs={}))
        around = neighbours[episode.url]
        memory.deps[outcome.url] = Deps((folder_of(episode), *_folders_of(around)),
                                        named(episode) | {("people", slug) for slug in outcome.spoken},
                                        outcome.wide, (episode, *around))


def _folders_of(neighbours: tuple[Episode | None, Episode | None]) -> tuple[FolderId | None, FolderId | None]:
    older, newer = neighbours
    return (folder_of(older) if older else None, folder_of(newer) if newer else None)


def _absolute(path: Path | str) -> str:
    """The path absolute, its folder's links resolved (as the scans' roots are), itself not: it may be gone."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def _below(path: str, root: Path) -> str | None:
    """`path` relative to `root` (absolute both), or None when it does not lie below it."""
    if path == str(root):
        return ""
    prefix = str(root) + os.sep
    return path[len(prefix):] if path.startswith(prefix) else None


def _update_stats(stats: Stats, path: str, inside: str) -> set[str]:
    """Brings the sizes and times below `path` (a file or folder; `inside`: its path below its root) up to
    date, as cache.state.scan would find them (hidden files and folders left out); returns the paths whose
    size or time changed, or that came or went."""
    if any(part.startswith(".") or part == "__pycache__" for part in inside.split(os.sep) if part):
        return set()
    if os.path.isfile(path):  # a file has nothing below it: only its own entry to bring up to date
        before = {path: stats.pop(path)} if path in stats else {}
    else:
        prefix = path + os.sep
        before = {p: stats.pop(p) for p in [p for p in stats if p == path or p.startswith(prefix)]}
    now: Stats = {}
    if os.path.isdir(path):
        now = scan(Path(path), skip_hidden=True)
    elif os.path.isfile(path):
        status = os.stat(path)
        now = {path: (status.st_size, status.st_mtime_ns)}
    stats.update(now)
    return {p for p in before.keys() | now.keys() if before.get(p) != now.get(p)}
