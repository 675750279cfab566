"""The keys of the build's records, made from the content hashes of its inputs (the build state, cache/state.py).

Every input file falls in one group, by where it lies:
- an episode folder's files (episodes/<show>/<episode>/...): that folder's key; and its model's, the same
  but for the transcript's content (the episode as the Site holds it is loaded without its transcript);
- a registry entry's files (people/<slug>.yaml, and beside it any file named <slug>.*; sponsors/, shows/):
  that entity's key;
- the site's and the theme's templates: the look;
- static files (the theme's and the site's static/): none, they are copied as they are and compared then;
- everything else (site.yaml, podsite's own code, any other file of the site folder): the base.

An episode's loaded model depends on the base, its folder's model, and the entities it names (its show,
hosts, guests and sponsors); its page and files (the record, cache/episodes.py) on that, its whole folder, the
look, the speakers (how transcript labels resolve), which entities there are, the models of its older and
newer neighbours (its page links them, as the Site holds them), the people who speak in it, and, when its
page read more of the Site than that (workers.py notes what it reads), on every folder and entity.
A person's bio edited remakes the episodes that name that person, not every episode.

A key is unchanged exactly when none of the groups it is made from changed: `changes` tells which did
since an earlier set of keys, so that a build handed a few changed paths decides what is stale without
making every key again (and `input_keys` makes again only the groups those paths fall in)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.entities import Episode

REGISTRIES = ("people", "sponsors", "shows")
Entity = tuple[str, str]  # (registry folder, slug)
FolderId = tuple[str, str]  # (show folder, episode folder)
Group = tuple[str, ...]  # ("base",), ("look",), ("entity", folder, slug) or ("folder", show, episode)
TRANSCRIPTS = frozenset({"transcript.md", "transcript.vtt", "transcript.srt", "transcript.json"})
BASE, LOOK = ("base",), ("look",)


@dataclass(frozen=True, slots=True)
class InputKeys:
    roots: tuple[str, str, str]  # the site folder, the theme folder (resolved) and the options
    lines: dict[Group, dict[str, str]]  # each group's files: path -> SHA-256
    groups: dict[Group, str]  # each group's key
    base: str  # the options, podsite's code, site.yaml and the other files outside episodes/ and registries
    shared: str  # the base and every entity: what the configuration and the registries are loaded from
    look: str  # the templates
    registered: str  # which entities there are (not what they hold): a page that counts them reads this
    entities: dict[Entity, str] = field(default_factory=dict)
    folders: dict[FolderId, str] = field(default_factory=dict)
    models: dict[FolderId, str] = field(default_factory=dict)  # each folder's, its transcript's content left out
    made: dict[str, str] = field(default_factory=dict)  # keys made when first asked for (every)
    touched: tuple[InputKeys | None, frozenset[Group]] = (None, frozenset())  # the groups changed since those keys

    @property
    def every(self) -> str:
        """A key of every folder and entity, for a page that read more of the Site than its own inputs."""
        if "every" not in self.made:
            self.made["every"] = _digest([self.shared, *(f"{k}={v}" for k, v in sorted(self.folders.items()))])
        return self.made["every"]

    def load_key(self, folder: FolderId, named: Iterable[Entity]) -> str:
        """What an episode's model (loaded without its transcript) is made from."""
        return _digest([self.base, "/".join(folder), self.models.get(folder, "-"), *self._entities(named)])

    def record_key(self, load_key: str, folder: FolderId, speakers: str,
                   neighbours: tuple[FolderId | None, FolderId | None], speaking: Iterable[str]) -> str:
        """What an episode's page and files are made from, given its load key, its folder, a digest of the
        speaker index, the folders of its older and newer neighbours, and the slugs of the people who speak
        in it."""
        parts = [load_key, self.folders.get(folder, "-"), self.look, speakers, self.registered]
        for other in neighbours:
            parts.append("-" if other is None else "/".join(other) + "=" + self.models.get(other, "-"))
        parts += self._entities(("people", slug) for slug in speaking)
        return _digest(parts)

    def _entities(self, named: Iterable[Entity]) -> list[str]:
        return [f"{kind}/{slug}={self.entities.get((kind, slug), '-')}" for kind, slug in sorted(set(named))]


@dataclass(frozen=True, slots=True)
class Changes:
    """Which groups' keys differ between two sets of keys."""

    base: bool  # the base (and with it every key)
    look: bool
    registered: bool
    folders: frozenset[FolderId]
    models: frozenset[FolderId]
    entities: frozenset[Entity]


def changes(before: InputKeys, after: InputKeys) -> Changes:
    since, touched = after.touched
    if since is not before:
        touched = frozenset(group for group in before.groups.keys() | after.groups.keys()
                            if before.groups.get(group) != after.groups.get(group))
    return Changes(before.base != after.base, before.look != after.look, before.registered != after.registered,
                   frozenset((g[1], g[2]) for g in touched if g[0] == "folder"),
                   frozenset((g[1], g[2]) for g in touched if g[0] == "model"),
                   frozenset((g[1], g[2]) for g in touched if g[0] == "entity"))


def input_keys(hashes: dict[str, str], site_dir: Path, theme: Path, options: str,
               previous: InputKeys | None = None, changed: Iterable[str] = ()) -> InputKeys:
    """The keys of every group, from every input file's SHA-256 by path (resolved, as cache/state.py scans them).
    With the `previous` keys (of the same folders and options) and the paths whose hash may differ since
    (`changed`: changed, added or removed), only the groups those paths fall in are made again."""
    roots = (str(site_dir.resolve()) + os.sep, str(theme.resolve()) + os.sep, options)
    if previous is None or previous.roots != roots:
        lines: dict[Group, dict[str, str]] = {}
        for path, digest in hashes.items():
            group = _group(path, roots)
            if group is not None:
                lines.setdefault(group, {})[path] = digest
        groups: dict[Group, str] = {}
        for group, files in lines.items():
            _set_keys(groups, group, files, roots)
        return _keys(roots, lines, groups)
    lines, groups = dict(previous.lines), dict(previous.groups)
    touched: set[Group] = set()
    for path in changed:
        group = _group(path, roots)
        if group is None:
            continue
        if group not in touched:
            lines[group] = dict(lines.get(group, {}))
            touched.add(group)
        if path in hashes:
            lines[group][path] = hashes[path]
        else:
            lines[group].pop(path, None)
    for group in touched:
        if lines[group] or group in (BASE, LOOK):
            _set_keys(groups, group, lines[group], roots)
        else:
            del lines[group], groups[group]
            groups.pop(("model", *group[1:]), None)
    # Only the touched groups' keys, and their folders' models', can differ from the previous ones.
    candidates = touched | {("model", *group[1:]) for group in touched if group[0] == "folder"}
    return _keys(roots, lines, groups, previous, {g for g in candidates if groups.get(g) != previous.groups.get(g)})


def _set_keys(groups: dict[Group, str], group: Group, files: dict[str, str], roots: tuple[str, str, str]) -> None:
    groups[group] = _group_key(group, files, roots)
    if group[0] == "folder":  # and its model's: which transcript there is, not what it holds
        groups[("model", *group[1:])] = _group_key(group, {path: "-" if os.path.basename(path) in TRANSCRIPTS
                                                           else digest for path, digest in files.items()}, roots)


def _keys(roots: tuple[str, str, str], lines: dict[Group, dict[str, str]], groups: dict[Group, str],
          previous: InputKeys | None = None, touched: set[Group] | None = None) -> InputKeys:
    """The keys of the whole from each group's (`touched`: the groups whose keys differ from `previous`')."""
    base = groups.get(BASE) or _group_key(BASE, {}, roots)
    if previous is None or touched is None:
        by_kind: dict[str, dict[tuple[str, str], str]] = {"entity": {}, "folder": {}, "model": {}}
        for group, key in groups.items():
            if group[0] in by_kind:
                by_kind[group[0]][(group[1], group[2])] = key
    else:
        by_kind = {"entity": previous.entities, "folder": previous.folders, "model": previous.models}
        copied = set()
        for group in touched:
            if group[0] not in by_kind:
                continue
            if group[0] not in copied:
                by_kind[group[0]] = dict(by_kind[group[0]])
                copied.add(group[0])
            if group in groups:
                by_kind[group[0]][(group[1], group[2])] = groups[group]
            else:
                by_kind[group[0]].pop((group[1], group[2]), None)
    entities = by_kind["entity"]
    if previous is not None and touched is not None and previous.base == base \
            and not any(group[0] == "entity" for group in touched):
        shared, registered = previous.shared, previous.registered  # made from the base and the entities alone
    else:
        shared = _digest([base, *(f"{k}={v}" for k, v in sorted(entities.items()))])
        registered = _digest(["/".join(entity) for entity in sorted(entities)])
    return InputKeys(roots, lines, groups, base, shared, groups.get(LOOK) or _digest([]), registered, entities,
                     by_kind["folder"], by_kind["model"], touched=(previous, frozenset(touched or ())))


def _group(path: str, roots: tuple[str, str, str]) -> Group | None:
    site, theme, _ = roots
    if path.startswith(theme):
        return None if path[len(theme):].startswith("static" + os.sep) else LOOK
    parts = path[len(site):].split(os.sep) if path.startswith(site) else []
    if len(parts) >= 4 and parts[0] == "episodes":
        return ("folder", parts[1], parts[2])
    if len(parts) == 2 and parts[0] in REGISTRIES:
        return ("entity", parts[0], parts[1].partition(".")[0])
    if parts and parts[0] == "templates":
        return LOOK
    if parts and parts[0] == "static":
        return None
    return BASE


def _group_key(group: Group, files: dict[str, str], roots: tuple[str, str, str]) -> str:
    head = [roots[2]] if group == BASE else []  # the options are part of the base
    return _digest([*head, *(f"{path}\0{digest}" for path, digest in sorted(files.items()))])


def named(episode: Episode) -> frozenset[Entity]:
    """The registry entries an episode's model holds: its show, its and its show's hosts, its guests, its
    sponsors."""
    people = (*episode.hosts, *episode.guests, *episode.show.hosts)
    return frozenset({("shows", episode.show.slug), *(("people", p.slug) for p in people),
                      *(("sponsors", spot.sponsor.slug) for spot in episode.sponsors)})


def folder_of(episode: Episode) -> FolderId:
    """The episode's folder, as the keys name it (episode_folders lists episodes/<show>/<episode>)."""
    head, episode_folder = os.path.split(os.path.dirname(episode.notes_path))
    return os.path.basename(head), episode_folder


def speakers_digest(value: object) -> str:
    """A digest of how transcript labels resolve (the SpeakerIndex, whose repr lists every label)."""
    return _digest([repr(value)])


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
