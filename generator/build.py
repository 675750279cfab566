"""The build pipeline: config -> content -> site model -> pages -> output, top to bottom."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from generator.content.config import load_config
from generator.content.registries import load_people, load_shows, load_sponsors
from generator.diagnostics import Diagnostics, Location
from generator.cache.episodes import episode_keys, load_records, save_records
from generator.content.episodes import episode_folders, load_episode, speaker_index
from generator.render.feeds import FeedMemo, render_feeds
from generator.markup.markdown import Markup
from generator.model.entities import Asset, Chapter, Episode, Site
from generator.output import Leftover, OutputError, Staging, WriteStats, check_output_dir
from generator.render.outputs import check_outputs
from generator.render.pages import EpisodePage, Page, plan_pages, render_page
from generator.render.seo import SitemapMemo, headers_file, robots, sitemap
from generator.model.site import Spoken, assemble_site
from generator.cache.templates import TEMPLATES, CompiledTemplates
from generator.render.themes import make_environment, static_files, theme_dir
from generator.cache.transcripts import TRANSCRIPTS, prune
from generator.cache.state import (PACKAGE_DIR, BuildState, Hashed, OutputLook, Stats, cache_dir, content_hashes,
                                input_stats, load_state, options_key, output_as_left, save_state)
from generator.workers import EpisodeOutcome, episode_files, render_pages, run_episodes

# Renders one page (render_page's signature); the incremental build passes one that reuses unchanged pages,
# and gives a page it wrote before as the file that holds it (see incremental._leave_on_disk).
PageRenderer = Callable[[Page, Site, jinja2.Environment, Diagnostics], bytes | Path | None]
# Makes one episode's files (episode_files' signature: the episode, and speaker names by person slug).
EpisodeFiles = Callable[[Episode, dict[str, str]], dict[str, bytes | Path]]


@dataclass(frozen=True, slots=True)
class Reuse:
    """How the preview's incremental builds (incremental.py) take from the build before what did not change:
    the episode pages as planned, and the feeds and the sitemap, each made again only when its inputs change."""

    page_of: EpisodePage
    feeds: FeedMemo
    sitemap: SitemapMemo


@dataclass(slots=True)
class BuildResult:
    diagnostics: Diagnostics
    site: Site | None = None
    files: dict[str, bytes | Path] = field(default_factory=dict)  # kept in memory by the preview's builds
    paths: frozenset[str] = frozenset()  # every file the build made, below the output folder
    pages: int = 0
    written: WriteStats | None = None
    episodes_kept: int = 0  # episodes taken whole from the last build (episode_cache), not made again
    leftover: str | None = None  # the new site is in place, but what its commit set aside is not deleted
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors


def load_site(site_dir: Path, diags: Diagnostics, base_url: str | None = None, drafts: bool = False,
              read_transcripts: bool = True) -> Site | None:
    """Reads and checks every content file; None when the site cannot even be configured. With
    read_transcripts=False, transcripts are found but left for the episode workers to read."""
    markup = Markup()
    config = load_config(site_dir, markup, diags, base_url)
    if config is None:
        return None
    people = load_people(config, markup, diags)
    sponsors = load_sponsors(config, markup, diags)
    shows = load_shows(config, people, markup, diags)
    speakers = speaker_index(config, people, diags)
    episodes = [e for show, folder in episode_folders(config, shows, diags)
                if (e := load_episode(show, folder, config, people, sponsors, speakers, markup, diags,
                                      read_transcripts))
                and (drafts or not e.draft)]
    return assemble_site(config, shows, people, sponsors, episodes, diags)


def render_site(site: Site, diags: Diagnostics, env: jinja2.Environment | None = None,
                render: PageRenderer = render_page, files_of: EpisodeFiles | None = None,
                reuse: Reuse | None = None) -> tuple[dict[str, bytes | Path], int]:
    """Every output file by its path below the output folder, and how many of them are pages.
    `env`, `render`, `files_of` and `reuse` let the preview's incremental build keep its templates, and the
    pages, episode files, feeds and sitemap whose inputs did not change."""
    theme = find_theme(site, diags)
    if theme is None:
        return {}, 0
    env = env or make_environment(site.config.root, theme)
    pages = plan_pages(site, reuse.page_of if reuse is not None else None)
    check_outputs(site, pages, theme, diags)
    files: dict[str, bytes | Path] = {}
    for page in pages:
        html = render(page, site, env, diags)
        if html is not None:
            files[page.path] = html
    files.update(_episode_files(site, files_of or episode_files))
    files.update(site_files(site, pages, theme, diags, reuse))
    return files, len(pages)


def find_theme(site: Site, diags: Diagnostics) -> Path | None:
    """The site's theme folder, or None with an error when it has no templates."""
    theme = theme_dir(site.config.theme, site.config.root)
    if (theme / "templates").is_dir():
        return theme
    diags.error(site.config.location, f"theme '{site.config.theme}' not found (looked in {theme})",
                "set 'theme' in site.yaml to a folder of themes/ or to a path in the site folder")
    return None


def site_files(site: Site, pages: list[Page], theme: Path, diags: Diagnostics,
               reuse: Reuse | None = None) -> dict[str, bytes | Path]:
    """What the whole site has besides its pages: feeds, sitemap, robots.txt, _headers, static files."""
    files: dict[str, bytes | Path] = dict(render_feeds(site, diags, reuse.feeds if reuse is not None else None))
    urls = [p.url for p in pages if p.path != "404.html"]
    files["sitemap.xml"] = reuse.sitemap.sitemap(site, urls) if reuse is not None else sitemap(site, urls)
    files["robots.txt"] = robots(site)
    files["_headers"] = headers_file()
    files.update(_static_files(site, theme, diags))
    return files


def _episode_files(site: Site, files_of: EpisodeFiles) -> dict[str, bytes | Path]:
    files: dict[str, bytes | Path] = {}
    names = {slug: person.name for slug, person in site.people.items()}
    for episode in site.episodes:
        files.update(files_of(episode, names))
    return files


def _static_files(site: Site, theme: Path, diags: Diagnostics) -> dict[str, bytes | Path]:
    files: dict[str, bytes | Path] = dict(static_files(site.config.root, theme, diags))
    assets: list[Asset | None] = [p.avatar for p in site.people.values()]
    assets += [s.logo for s in site.sponsors.values()] + [s.artwork for s in site.shows]
    assets += [a for e in site.episodes for a in e.assets]
    for asset in assets:
        if asset is not None and asset.source is not None:
            files[asset.target] = asset.source
    return files


# Told how many episodes are done out of how many, as the workers finish them.
Progress = Callable[[int, int], None]


def build(site_dir: Path, out_dir: Path | None, base_url: str | None = None, drafts: bool = False,
          jobs: int | None = None, progress: Progress | None = None, look: OutputLook | None = None) -> BuildResult:
    """Builds the site; writes `out_dir` only when there were no errors (None: check only, write nothing).

    Episodes are loaded without their transcripts; workers (`jobs` processes, default one per core) read
    each transcript and write that episode's files into a staging folder; then the pages that list episodes
    are rendered (by workers too, for a big site), and the staging folder is swapped in when everything
    succeeded. `look`: what
    the no-change check found of the output folder just before (cli.report_if_current), if it looked."""
    started = time.perf_counter()
    diags = Diagnostics()
    result = BuildResult(diags)
    if out_dir is not None:
        try:
            check_output_dir(out_dir, site_dir)
        except OutputError as exc:
            diags.error(Location(out_dir), str(exc))
            return result
    # The inputs as they are before anything is read, for save_state to tell whether one changed meanwhile.
    before = input_stats((site_dir, PACKAGE_DIR)) if out_dir is not None else {}
    light = load_site(site_dir, diags, base_url, drafts, read_transcripts=False)
    theme = find_theme(light, diags) if light is not None else None
    if light is None or theme is None:
        result.seconds = time.perf_counter() - started
        return result
    if out_dir is not None:
        before.update(input_stats((theme,)))  # read only from the rendering on
    check_outputs(light, plan_pages(light), theme, diags)
    staging = Staging(out_dir) if out_dir is not None and not diags.has_errors else None
    options = options_key(site_dir, out_dir, base_url, drafts) if out_dir is not None else ""
    try:
        if staging is not None:
            staging.start()  # which first finishes or undoes a commit that was stopped
        previous = load_state(staging.out_dir) if staging is not None else None  # the last build's, read once
        known, outcomes, outputs = _finish(light, theme, staging, jobs, result, progress, options, before,
                                           previous, look)
        if out_dir is not None and result.written is not None:
            inputs = save_state(out_dir, options, (site_dir, theme, PACKAGE_DIR), diags, result.pages,
                                len(result.site.episodes) if result.site else 0, known, before, previous, outputs)
            if inputs is not None:
                hashes = {path: digest for path, (_, _, digest) in inputs.items()}
                save_records(cache_dir(out_dir), episode_keys(light, hashes, options), outcomes)
        if out_dir is not None and result.leftover is not None:  # told after the state is saved: not again
            diags.warning(Location(out_dir), result.leftover, "the next build deletes it; or delete it yourself")
    except (OutputError, OSError) as exc:
        diags.error(Location(out_dir or site_dir), f"cannot write the output: {exc}")
    finally:
        if staging is not None and staging.path.exists():
            staging.abort()
    result.seconds = time.perf_counter() - started
    return result


def _finish(light: Site, theme: Path, staging: Staging | None, jobs: int | None, result: BuildResult,
            progress: Progress | None, options: str, before: Stats, previous: BuildState | None,
            look: OutputLook | None) -> tuple[Hashed, list[EpisodeOutcome], Stats | None]:
    """Episode work in the workers (but for the episodes the last build's records give: see episode_cache),
    then the rest of the site; commits the staging folder if all is well. Returns the input files the
    workers hashed as they read them, every episode's outcome, and the output's files as the commit left
    them when it knows them."""
    diags = result.diagnostics
    spoken: Spoken = {}
    chapters: dict[str, tuple[Chapter, ...]] = {}
    notes: dict[str, str] = {}
    paths: set[str] = set()
    written = 0
    cache = cache_dir(staging.out_dir) if staging is not None else None
    used: set[str] = set()
    known: Hashed = {}
    kept = _kept_episodes(light, staging, options, before, previous, look) if staging is not None else {}
    if kept and staging is not None:
        staging = replace(staging, in_place=True)
    todo = [index for index in range(len(light.episodes)) if index not in kept]
    outcomes: list[EpisodeOutcome] = []
    with closing(run_episodes(light, staging, jobs, cache, todo)) as made:
        for index in range(len(light.episodes)):
            outcome = kept[index] if index in kept else next(made)
            outcomes.append(outcome)
            used.update(outcome.cache_keys)
            known.update(outcome.inputs)
            if progress is not None:
                progress(index + 1, len(light.episodes))
            diags.items.extend(outcome.diagnostics)
            spoken[outcome.url] = outcome.spoken
            chapters[outcome.url] = outcome.chapters
            notes[outcome.url] = outcome.notes_html
            paths.update(outcome.paths)
            written += outcome.written
    episodes = [replace(e, chapters=chapters[e.url], notes_html=notes[e.url], notes_source=None)
                for e in light.episodes]
    site = assemble_site(light.config, {s.slug: s for s in light.shows}, light.people, light.sponsors, episodes,
                         Diagnostics(), spoken)  # assembly's own findings were reported with the light site
    pages = plan_pages(site)
    listing = [page for page in pages if page.template != "episode.html"]
    # Each put into the staging folder as it is rendered, unless an episode failed: nothing is written then.
    for rendered in render_pages(site, listing, None if diags.has_errors else staging, jobs, cache):
        diags.items.extend(rendered.diagnostics)
        if rendered.made:
            paths.add(rendered.path)
        written += rendered.written
    files = site_files(site, pages, theme, diags)
    result.site, result.pages = site, len(pages)
    result.paths = frozenset(paths | files.keys())
    if staging is None or diags.has_errors:
        return known, outcomes, None
    written += sum(staging.put(name, content) for name, content in sorted(files.items()))
    outputs = None
    try:
        if kept:  # so the output was as the last build left it, and `look`, when it was for these options, saw it
            outputs = staging.commit_in_place(result.paths, look.files if look is not None and look.key == options
                                              else None)
        else:
            staging.commit()
    except Leftover as exc:  # the new site is in place: no error, which would say that nothing was written
        result.leftover = str(exc)
    if cache is not None:
        with contextlib.suppress(OSError):  # a cache that cannot be pruned costs space, not the build
            prune(cache / TRANSCRIPTS, used)
        CompiledTemplates(cache / TEMPLATES).prune()
    result.written = WriteStats(written, len(result.paths) - written)
    result.episodes_kept = len(kept)
    return known, outcomes, outputs


def _kept_episodes(light: Site, staging: Staging, options: str, before: Stats, state: BuildState | None,
                   look: OutputLook | None) -> dict[int, EpisodeOutcome]:
    """By index, the episodes whose key is the same as at the last build, their outcome read back from its
    records (their files stay in the output: the staging folder is then committed in place); none unless
    the build `state` says that the output folder is as that build left it. `before`: every input's size
    and time, from which the keys are made with the state's hashes (only the files whose time moved are
    hashed again)."""
    out_dir = staging.out_dir
    if state is None or not output_as_left(state, options, out_dir, look):
        return {}
    records = load_records(cache_dir(out_dir))
    if not records:
        return {}
    keys = episode_keys(light, content_hashes(before, state.inputs), options)
    kept = {}
    for index, episode in enumerate(light.episodes):
        record = records.get(episode.url)
        if record is not None and record.matches(keys, episode.url):
            kept[index] = record.outcome
    return kept
