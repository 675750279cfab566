"""Watches the site folder and the theme for `podsite serve`: editor noise and the output are ignored, each
changed path is classified by what it asks the build to redo, and bursts of changes come out as one batch.

Beside the build: it imports the build's vocabulary (ChangeKind, Change) and nothing calls into it from there.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from generator.content.config import CONFIG_NAME
from generator.incremental import Change, ChangeKind

__all__ = ["Change", "ChangeKind", "Debouncer", "WatchRoots", "Watcher", "classify", "is_temp_file"]

# Names editors and operating systems leave beside the files being edited.
JUNK_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", "4913"})  # 4913: Vim's can-I-write probe
TEMP_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".swpx", ".tmp", ".kate-swp", ".bck", "___jb_tmp___", "___jb_old___")
# Folders of tools, never content; a change below one is not a change to the site.
TOOL_DIRS = frozenset({".git", ".hg", ".svn", ".idea", ".vscode", "__pycache__", "node_modules"})
CACHE_SUFFIX = ".podsite-cache"  # podsite's own caches (".output.podsite-cache"), in the site folder when run from it
# What the watcher is told about: changes to files and folders, not opening or reading them.
EVENT_TYPES = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
               DirCreatedEvent, DirDeletedEvent, DirMovedEvent)
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
        """Absolute roots; the output folder is ignored together with its staging and retired siblings, and
        the journal of its commits (output.Staging)."""
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


class Debouncer:
    """Collects changes and hands them on as one batch once `delay` seconds pass without another one (or
    `longest` seconds after the first, so that a steady stream of changes still rebuilds). The callback runs
    on the debouncer's own thread, one batch at a time; changes that arrive meanwhile make the next batch."""

    def __init__(self, on_batch: Callable[[list[Change]], None], delay: float = 0.1, longest: float = 2.0) -> None:
        self._on_batch = on_batch
        self._delay = delay
        self._longest = longest
        self._pending: dict[Path, Change] = {}
        self._first = self._last = 0.0
        self._stopping = False
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="podsite-debouncer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def add(self, change: Change) -> None:
        with self._cond:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._pending[change.path] = change
            self._last = now
            self._cond.notify()

    def stop(self) -> None:
        """Stops after the batch being handled, if any; changes still waiting are dropped."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._on_batch(batch)

    def _next_batch(self) -> list[Change] | None:
        with self._cond:
            while not self._stopping:
                if not self._pending:
                    self._cond.wait()
                    continue
                now = time.monotonic()
                due = min(self._last + self._delay, self._first + self._longest)
                if now >= due:
                    batch = list(self._pending.values())
                    self._pending.clear()
                    return batch
                self._cond.wait(due - now)
            return None


class _Handler(FileSystemEventHandler):
    """Turns watchdog events into classified changes for the debouncer."""

    def __init__(self, roots: WatchRoots, add: Callable[[Change], None]) -> None:
        self._roots = roots
        self._add = add

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not isinstance(event, EVENT_TYPES):  # opened, read, a folder's times: nothing changed
            return
        for path in _event_paths(event):
            kind = classify(path, self._roots)
            if kind is not ChangeKind.IGNORED:
                self._add(Change(kind, path))


def _event_paths(event: FileSystemEvent) -> Iterator[Path]:
    for raw in (event.src_path, event.dest_path):
        if raw:
            yield Path(os.fsdecode(raw))


class Watcher:
    """Watches `roots` with watchdog (inotify, FSEvents, ...; polling with poll=True, for network or container
    mounts that send no events) and calls `on_changes` with each debounced batch. Use as a context manager."""

    def __init__(self, roots: WatchRoots, on_changes: Callable[[list[Change]], None], *, poll: bool = False,
                 delay: float = 0.1, poll_interval: float = 0.5) -> None:
        self.roots = roots
        self._debouncer = Debouncer(on_changes, delay)
        self._observer: BaseObserver = PollingObserver(timeout=poll_interval) if poll else Observer()
        handler = _Handler(roots, self._debouncer.add)
        for folder in roots.folders():
            if folder.is_dir():
                self._observer.schedule(handler, str(folder), recursive=True, event_filter=list(EVENT_TYPES))

    def start(self) -> None:
        self._debouncer.start()
        self._observer.start()

    def stop(self) -> None:
        """Stops watching and waits for the batch being handled, if any, to finish."""
        self._observer.stop()
        self._observer.join()
        self._debouncer.stop()

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _absolute(path: Path) -> Path:
    """An absolute path without resolving links, as watchdog reports the paths below a watched folder."""
    return Path(os.path.abspath(path))
