"""The build's loading step: the configuration and registries, the episode folders and each episode without
its transcript, kept from one build to the next by the keys of the inputs they are loaded from (keys.py)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.cache.keys import Changes, Entity, FolderId, InputKeys, folder_of, named, speakers_digest
from generator.content.config import load_config
from generator.content.episodes import episode_folders, load_episode, speaker_index
from generator.content.registries import load_people, load_shows, load_sponsors
from generator.diagnostics import Diagnostic, Diagnostics
from generator.markup.markdown import Markup
from generator.model.entities import Asset, Episode, Person, Show, Site, SiteConfig, Sponsor
from generator.model.site import assemble_site
from generator.render.outputs import check_outputs
from generator.render.pages import plan_pages
from generator.render.themes import static_files as theme_static_files
from generator.render.themes import theme_dir
from generator.transcripts.speakers import SpeakerIndex


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
    shows: tuple[str, ...]  # the slugs of the shows there were, in the registry's order
    root: Path  # the site folder
    real: dict[str, frozenset[str]] = field(default_factory=dict)  # "real": each folder's real path, when asked

    def real_paths(self) -> frozenset[str]:
        """Each folder's real path, to tell whether a changed path lies in one (made when first asked for)."""
        if "real" not in self.real:
            self.real["real"] = frozenset(os.path.realpath(folder) for _, folder in self.listed)
        return self.real["real"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """One episode folder loaded without its transcript; reused while its inputs are unchanged, unless it had
    errors (a message may name what now exists)."""

    episode: Episode | None
    diagnostics: tuple[Diagnostic, ...]
    ok: bool


@dataclass(frozen=True, slots=True)
class Light:
    """The Site without transcripts, what assembling and planning it reported, and what it was made from."""

    site: Site
    diagnostics: tuple[Diagnostic, ...]
    shared: Shared
    episodes: tuple[Episode, ...]
    urls: tuple[str, ...]  # of the Site's episodes, in its order (Episode.url makes the string anew)
    loaded: tuple[Diagnostic, ...] | None = None  # what loading its episodes reported, when none had errors
    theme: Path | None = None  # the theme its outputs were checked with
    # The static files its outputs were checked with, and what listing them reported, until the build that
    # made it takes them (static_files): a build that reuses it lists them again, as they may have changed.
    static: tuple[dict[str, Path], tuple[Diagnostic, ...]] | None = None


@dataclass(slots=True)
class Loads:
    """What loading keeps for the next build."""

    shared: Shared | None = None
    folders: Folders | None = None
    loaded: dict[Path, Loaded] = field(default_factory=dict)  # by episode folder
    light: Light | None = None
    # By episode folder: its id and the entities it names, worked out when a build handed the paths first
    # asks (a scanning build, run once by `podsite build`, has no use for them).
    inputs: dict[Path, tuple[Episode, FolderId, frozenset[Entity]]] = field(default_factory=dict)


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


def shared_for(loads: Loads, site_dir: Path, base_url: str | None, keys: InputKeys | None) -> Shared:
    """The configuration and registries: the last build's when their inputs are the same."""
    known = loads.shared
    if known is not None and keys is not None and known.key == keys.shared:
        return known
    loads.shared = load_shared(site_dir, base_url, keys.shared if keys else "")
    return loads.shared


def rekey(loads: Loads, key: str) -> None:
    """Files what was loaded under the key of the inputs as saved (a first build had none to load them by)."""
    if loads.shared is None:
        return
    shared = loads.shared = replace(loads.shared, key=key)
    if loads.folders is not None:
        loads.folders = replace(loads.folders, shared=key)
    if loads.light is not None:
        loads.light = replace(loads.light, shared=shared)


def light_site(loads: Loads, shared: Shared, drafts: bool, changes: Changes | None, changed: frozenset[str],
               theme: Path, diags: Diagnostics) -> Site:
    """The Site without transcripts, its episodes loaded again only where their inputs changed (`changes`,
    None: everything), and its pages checked for collisions."""
    assert shared.config is not None and shared.speakers is not None
    keep = changes is not None and not _may_move_folders(loads.folders, changed)
    known = loads.light
    if known is not None and known.static is not None:  # listed for a build that stopped before it took them
        known = loads.light = replace(known, static=None)
    if (keep and changes is not None and known is not None and known.shared is shared and known.loaded is not None
            and loads.folders is not None and loads.folders.shared == shared.key
            and not (changes.base or changes.models or changes.entities)):
        diags.items.extend(known.loaded)  # no episode's model can have changed: every one is the last build's
        diags.items.extend(known.diagnostics)
        return known.site
    folders = _folders(loads, shared, keep)
    diags.items.extend(folders.diagnostics)
    episodes: list[Episode] = []
    loaded: dict[Path, Loaded] = {}
    markup = Markup()
    for show, folder in folders.listed:
        entry = loads.loaded.get(folder)
        if entry is None or changes is None or _stale(loads, folder, entry, changes):
            entry = _load(show, folder, shared, markup, entry)
        loaded[folder] = entry
        diags.items.extend(entry.diagnostics)
        if entry.episode is not None and (drafts or not entry.episode.draft):
            episodes.append(entry.episode)
    loads.loaded = loaded
    # What loading reported, when it can be reported again as it is: every episode loaded without errors.
    reported = (*folders.diagnostics, *(d for e in loaded.values() for d in e.diagnostics)) \
        if all(e.ok for e in loaded.values()) else None
    if (known is not None and known.shared is shared and len(known.episodes) == len(episodes)
            and all(a is b for a, b in zip(known.episodes, episodes, strict=False))):
        loads.light = replace(known, loaded=reported, static=None)
        diags.items.extend(known.diagnostics)
        return known.site
    if (known is not None and known.shared is shared and known.theme == theme and keep
            and len(known.episodes) == len(episodes) and _inside_folders(folders, changed)
            and all(a is b or _same_but_notes(a, b) for a, b in zip(known.episodes, episodes, strict=False))):
        # Only notes changed, which neither assembling nor the pages' and files' paths read: what both
        # reported is the last build's, so the pages are not planned twice (here and for the full Site).
        site = assemble_site(shared.config, shared.shows, shared.people, shared.sponsors, episodes, Diagnostics())
        loads.light = Light(site, known.diagnostics, shared, tuple(episodes), known.urls, reported, theme)
        diags.items.extend(known.diagnostics)
        return site
    found, listing = Diagnostics(), Diagnostics()
    site = assemble_site(shared.config, shared.shows, shared.people, shared.sponsors, episodes, found)
    static = theme_static_files(shared.config.root, theme, listing, shared.config.search)
    check_outputs(site, plan_pages(site), static, found)
    loads.light = Light(site, tuple(found.items), shared, tuple(episodes), tuple(e.url for e in site.episodes),
                        reported, theme, (static, tuple(listing.items)))
    diags.items.extend(found.items)
    return site


def _same_but_notes(before: Episode, now: Episode) -> bool:
    """Whether an episode loaded again differs from the last build's in its notes alone."""
    return replace(now, notes_source=before.notes_source, notes_html=before.notes_html) == before


def _inside_folders(folders: Folders, changed: frozenset[str]) -> bool:
    """Whether every changed path lies in an episode folder the last scan listed (no static file, no
    registry, no template: nothing else the output check reads)."""
    for path in changed:
        parts = path.split(os.sep)
        if "episodes" not in parts[:-1]:
            return False
        at = len(parts) - 1 - parts[::-1].index("episodes")
        if len(parts) <= at + 3 or os.sep.join(parts[:at + 3]) not in folders.real_paths():
            return False
    return True


def _stale(loads: Loads, folder: Path, entry: Loaded, changes: Changes) -> bool:
    if not entry.ok or entry.episode is None or changes.base:
        return True
    known = loads.inputs.get(folder)
    if known is None or known[0] is not entry.episode:
        known = loads.inputs[folder] = (entry.episode, folder_of(entry.episode), named(entry.episode))
    return known[1] in changes.models or not known[2].isdisjoint(changes.entities)


def _folders(loads: Loads, shared: Shared, keep: bool) -> Folders:
    """The episode folders: the last build's list when `keep` (no folder came or went) and the registries
    are the same; with the new Show objects when only they changed, but not which shows there are (what
    episode_folders reads of the registries: a person edited reloads the shows, whose hosts they hold)."""
    known = loads.folders
    assert shared.config is not None
    if known is None or not keep or known.shows != tuple(shared.shows) or known.root != shared.config.root:
        found = Diagnostics()
        known = Folders(shared.key, episode_folders(shared.config, shared.shows, found), tuple(found.items),
                        tuple(shared.shows), shared.config.root)
    elif known.shared != shared.key:
        listed = [(shared.shows[show.slug], folder) for show, folder in known.listed]
        known = Folders(shared.key, listed, known.diagnostics, known.shows, known.root, known.real)
    loads.folders = known
    return known


def _may_move_folders(folders: Folders | None, changed: frozenset[str]) -> bool:
    """Whether a changed path may add, remove or rename an episode folder: any path below episodes/ but a
    file that is there, in a folder the last scan listed."""
    if folders is None:
        return True
    for path in changed:
        parts = path.split(os.sep)
        if "episodes" not in parts[:-1]:
            continue
        at = len(parts) - 1 - parts[::-1].index("episodes")
        folder = os.sep.join(parts[:at + 3])
        if len(parts) <= at + 3 or folder not in folders.real_paths() or not os.path.isfile(path):
            return True
    return False


def _load(show: Show, folder: Path, shared: Shared, markup: Markup, before: Loaded | None) -> Loaded:
    assert shared.config is not None and shared.speakers is not None
    found = Diagnostics()
    episode = load_episode(show, folder, shared.config, shared.people, shared.sponsors, shared.speakers, markup,
                           found, read=False)
    if episode is not None and before is not None and before.episode == episode:
        episode = before.episode  # the very object of the last build: comparing what holds it takes no time
    return Loaded(episode, tuple(found.items), episode is not None and not found.has_errors)


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


def static_files(loads: Loads, site: Site, theme: Path, diags: Diagnostics) -> dict[str, bytes | Path]:
    """The files copied as they are: the theme's and the site's static files (as light_site listed them in
    this build, when it did), and the assets."""
    light = loads.light
    if light is not None and light.static is not None and light.theme == theme:
        listed, found = light.static
        diags.items.extend(found)
        loads.light = replace(light, static=None)
    else:
        listed = theme_static_files(site.config.root, theme, diags, site.config.search)
    files: dict[str, bytes | Path] = dict(listed)
    assets: list[Asset | None] = [p.avatar for p in site.people.values()]
    assets += [s.logo for s in site.sponsors.values()] + [s.artwork for s in site.shows]
    assets += [a for e in site.episodes for a in e.assets]
    for asset in assets:
        if asset is not None and asset.source is not None:
            files[asset.target] = asset.source
    return files
