"""The keys of the build's records, made from the content hashes of its inputs (uptodate's build state).

Every input file falls in one group, by where it lies:
- an episode folder's files (episodes/<show>/<episode>/...): that folder's key;
- a registry entry's files (people/<slug>.yaml, and beside it any file named <slug>.*; sponsors/, shows/):
  that entity's key;
- the site's and the theme's templates: the look;
- static files (the theme's and the site's static/): none, they are copied as they are and compared then;
- everything else (site.yaml, podsite's own code, any other file of the site folder): the base.

An episode's loaded model depends on the base, its folder, and the entities it names (its show, hosts,
guests and sponsors); its page and files (the record, episode_cache) on that, the look, the speakers (how
transcript labels resolve), which entities there are, the folders of its older and newer neighbours, the
people who speak in it, and, when its page read more of the Site than that (workers.py notes what it reads), on every folder and
entity. A person's bio edited remakes the episodes that name that person, not every episode."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.model import Episode

REGISTRIES = ("people", "sponsors", "shows")
Entity = tuple[str, str]  # (registry folder, slug)
FolderId = tuple[str, str]  # (show folder, episode folder)


@dataclass(frozen=True, slots=True)
class InputKeys:
    base: str  # the options, podsite's code, site.yaml and the other files outside episodes/ and registries
    shared: str  # the base and every entity: what the configuration and the registries are loaded from
    look: str  # the templates
    entities: dict[Entity, str]
    registered: str  # which entities there are (not what they hold): a page that counts them reads this
    folders: dict[FolderId, str]
    every: str  # every folder and entity, for a page that read more of the Site than its own inputs

    def load_key(self, folder: FolderId, named: Iterable[Entity]) -> str:
        """What an episode's model (loaded without its transcript) is made from."""
        return _digest([self.base, "/".join(folder), self.folders.get(folder, "-"), *self._entities(named)])

    def record_key(self, load_key: str, speakers: str, neighbours: tuple[Episode | None, Episode | None],
                   speaking: Iterable[str]) -> str:
        """What an episode's page and files are made from, given its load key, a digest of the speaker index,
        its older and newer neighbours, and the slugs of the people who speak in its transcript."""
        parts = [load_key, self.look, speakers, self.registered]
        for other in neighbours:
            folder = folder_of(other) if other is not None else None
            parts.append("-" if folder is None else "/".join(folder) + "=" + self.folders.get(folder, "-"))
        parts += self._entities(("people", slug) for slug in speaking)
        return _digest(parts)

    def _entities(self, named: Iterable[Entity]) -> list[str]:
        return [f"{kind}/{slug}={self.entities.get((kind, slug), '-')}" for kind, slug in sorted(set(named))]


def input_keys(hashes: dict[str, str], site_dir: Path, theme: Path, options: str) -> InputKeys:
    """The keys of every group, from every input file's SHA-256 by path (resolved, as uptodate scans them)."""
    site, theme_root = str(site_dir.resolve()) + os.sep, str(theme.resolve()) + os.sep
    base, look = [options], []
    entities: dict[Entity, list[str]] = {}
    folders: dict[FolderId, list[str]] = {}
    for path, digest in sorted(hashes.items()):
        line = f"{path}\0{digest}"
        if path.startswith(theme_root):
            if not path[len(theme_root):].startswith("static" + os.sep):
                look.append(line)
            continue
        parts = path[len(site):].split(os.sep) if path.startswith(site) else []
        if len(parts) >= 4 and parts[0] == "episodes":
            folders.setdefault((parts[1], parts[2]), []).append(line)
        elif len(parts) == 2 and parts[0] in REGISTRIES:
            entities.setdefault((parts[0], parts[1].partition(".")[0]), []).append(line)
        elif parts and parts[0] == "templates":
            look.append(line)
        elif not parts or parts[0] != "static":
            base.append(line)
    entity_keys = {entity: _digest(lines) for entity, lines in entities.items()}
    folder_keys = {folder: _digest(lines) for folder, lines in folders.items()}
    base_key = _digest(base)
    listed = [f"{k}={v}" for k, v in sorted(entity_keys.items())]
    registered = _digest(["/".join(entity) for entity in sorted(entity_keys)])
    return InputKeys(base_key, _digest([base_key, *listed]), _digest(look), entity_keys, registered, folder_keys,
                     _digest([base_key, *listed, *(f"{k}={v}" for k, v in sorted(folder_keys.items()))]))


def named(episode: Episode) -> frozenset[Entity]:
    """The registry entries an episode's model holds: its show, its and its show's hosts, its guests, its
    sponsors."""
    people = (*episode.hosts, *episode.guests, *episode.show.hosts)
    return frozenset({("shows", episode.show.slug), *(("people", p.slug) for p in people),
                      *(("sponsors", spot.sponsor.slug) for spot in episode.sponsors)})


def folder_of(episode: Episode) -> FolderId:
    folder = episode.notes_path.parent
    return folder.parent.name, folder.name


def speakers_digest(value: object) -> str:
    """A digest of how transcript labels resolve (the SpeakerIndex, whose repr lists every label)."""
    return _digest([repr(value)])


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()
