"""What a changed path is to the build: which entity it belongs to, and so what it asks the build to redo.

A pure function of the path and the watched roots (it never looks at the disk), so that it is tested with a
table of paths; the watcher (watch.py) calls it for each event, and hands the build only the paths."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

from generator.content.config import CONFIG_NAME


class ChangeKind(enum.Enum):
    """What a changed file asks the build to redo."""

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


# Names editors and operating systems leave beside the files being edited.
JUNK_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "4913"})  # 4913: Vim's can-I-write probe
TEMP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".swpx", ".tmp", ".kate-swp", ".bck", "___jb_tmp___", "___jb_old___")
# Folders of tools, never content; a change below one is not a change to the site.
TOOL_DIRS = frozenset({".git", ".hg", ".svn", ".idea", ".vscode", "__pycache__", "node_modules"})
CACHE_SUFFIX = ".podsite-cache"  # podsite's own caches (".output.podsite-cache"), in the site folder when run from it
_SITE_FOLDERS = {"shows": ChangeKind.SHOW, "people": ChangeKind.PERSON, "sponsors": ChangeKind.SPONSOR}


def is_temp_file(name: str) -> bool:
    """Whether a file name is an editor's swap, backup, lock or autosave file, or a desktop's metadata file.
    Every dotfile counts: the build skips them too (Vim's .x.swp, Emacs' .#x lock, .DS_Store)."""
    return (name.startswith(".") or name in JUNK_NAMES or name.endswith(TEMP_SUFFIXES)
            or (len(name) > 1 and name.startswith("#") and name.endswith("#")))  # Emacs autosave: #x#


@dataclass(frozen=True, slots=True)
class WatchRoots:
    """Where the files the build reads live, and what to ignore even when it lies below them."""

    site: Path
    theme: Path | None = None
    ignored: tuple[Path, ...] = ()  # the output folder and anything else the build writes

    @classmethod
    def of(cls, site: Path, theme: Path | None, output: Path | None = None) -> WatchRoots:
        """Absolute roots; the output folder is ignored together with its staging and retired siblings."""
        ignored: list[Path] = []
        if output is not None:
            out = _absolute(output)
            ignored += [out, *(out.with_name(f".{out.name}.{suffix}")
                               for suffix in ("staging", "old", "podsite-commit", "podsite-commit.tmp"))]
        return cls(_absolute(site), _absolute(theme) if theme else None, tuple(ignored))

    def folders(self) -> list[Path]:
        """The folders to watch, recursively: the site, and the theme unless it lies inside the site."""
        found = [self.site]
        if self.theme is not None and not self.theme.is_relative_to(self.site):
            found.append(self.theme)
        return found


def classify(path: Path, roots: WatchRoots) -> ChangeKind:
    """What a change to `path` (absolute) asks the build to redo. Pure: it looks at the path only."""
    if any(path == p or path.is_relative_to(p) for p in roots.ignored):
        return ChangeKind.IGNORED
    for root in (roots.theme, roots.site):
        if root is not None and path.is_relative_to(root):
            parts = path.relative_to(root).parts
            if (not parts or is_temp_file(parts[-1]) or TOOL_DIRS.intersection(parts)
                    or any(part.endswith(CACHE_SUFFIX) for part in parts[:-1])):
                return ChangeKind.IGNORED
            return _theme_kind(parts) if root == roots.theme else _site_kind(parts)
    return ChangeKind.IGNORED


def _theme_kind(parts: tuple[str, ...]) -> ChangeKind:
    if parts[0] == "templates":
        return ChangeKind.TEMPLATE
    if parts[0] == "static":
        return ChangeKind.STATIC
    return ChangeKind.IGNORED  # a theme's README or licence: never read by the build


def _site_kind(parts: tuple[str, ...]) -> ChangeKind:
    first = parts[0]
    if parts == (CONFIG_NAME,):
        return ChangeKind.CONFIG
    if first == "templates":
        return ChangeKind.TEMPLATE
    if first == "static":
        return ChangeKind.STATIC
    if first == "episodes":
        return ChangeKind.EPISODE
    if first in _SITE_FOLDERS and len(parts) <= 2:  # the registry folder itself, or a file directly in it
        return _SITE_FOLDERS[first]
    return ChangeKind.OTHER  # media an entity may refer to, or files of unknown use: reload to be safe


def _absolute(path: Path) -> Path:
    """An absolute path without resolving links, as watchdog reports the paths below a watched folder."""
    return Path(os.path.abspath(path))
