"""Watches the site folder and the theme for `podsite serve`: editor noise and the output are ignored, each
changed path is classified by what it asks the build to redo, and bursts of changes come out as one batch.

Beside the build, which it never imports: what a path is comes from changes.py, and the preview hands the
batches' paths to the builder.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
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

from generator.preview.changes import Change, ChangeKind, WatchRoots, classify, is_temp_file

__all__ = ["Change", "ChangeKind", "Debouncer", "WatchRoots", "Watcher", "classify", "is_temp_file"]

# What the watcher is told about: changes to files and folders, not opening or reading them.
EVENT_TYPES = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
               DirCreatedEvent, DirDeletedEvent, DirMovedEvent)


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

