"""`podsite serve`: the live preview, wiring the builder, the server and the watcher together: the watcher's
batches of changed paths are handed to the one Builder the preview keeps. It sits beside the build, as the
command line does: the build never imports it."""

from __future__ import annotations

import ctypes
import signal
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from generator.cache.state import cache_dir
from generator.cache.transcripts import TRANSCRIPTS
from generator.console import EXIT_OK, EXIT_USAGE, ProgressLine, report
from generator.diagnostics import Diagnostic, Diagnostics, Location, display_path, report_crash
from generator.engine import Builder
from generator.preview.changes import Change, ChangeKind, WatchRoots
from generator.preview.server import PreviewServer
from generator.preview.watch import Watcher
from generator.render.themes import theme_dir
from generator.result import BuildResult


def serve(site: Path, host: str, port: int, poll: bool) -> int:
    """`podsite serve`: preview until Ctrl-C. It keeps parsed transcripts where `podsite build` keeps them
    for its default output folder, so that each reads back what the other parsed."""
    try:
        preview = Preview(site, host, port, poll=poll, cache=cache_dir(Path("output")) / TRANSCRIPTS)
    except OSError as exc:
        print(f"podsite: error: cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port)",
              file=sys.stderr)
        return EXIT_USAGE
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops as cleanly as Ctrl-C
    try:
        preview.start()
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"podsite: warning: listening on {host}: other machines on your network can see the preview, "
                  "drafts included")
        print(f"podsite: serving {preview.url} (drafts included); watching for changes; Ctrl-C stops", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("podsite: stopped", flush=True)
    finally:
        preview.stop()
    return EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class Preview:
    """What `podsite serve` runs: the site built into a temporary folder (drafts included, base_url the server's
    address, so `podsite build` output is never touched), served, and rebuilt as its files change; open pages
    reload after each good rebuild and show the errors of a bad one. Tests drive it the same way."""

    def __init__(self, site: Path, host: str = "127.0.0.1", port: int = 8000, *, poll: bool = False,
                 delay: float = 0.1, cache: Path | None = None) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="podsite-preview-")
        out = self._out = Path(self._folder.name) / "site"
        try:
            self.server = PreviewServer(out, host, port)
        except OSError:
            self._folder.cleanup()
            raise
        self.builder = Builder(site, out, base_url=self.server.url, drafts=True, transcripts=cache)
        self._poll, self._delay = poll, delay
        self._watcher: Watcher | None = None
        self._full_next = False
        self._lock = threading.Lock()  # one rebuild at a time, whoever asks
        self._warnings: set[Diagnostic] = set()  # the last build's, so that a rebuild prints only new ones

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> BuildResult:
        """Builds, then serves and watches; returns the first build's result."""
        progress = ProgressLine()
        result = self.builder.build(progress=progress)
        progress.clear()
        self._announce(result, "built the preview")
        give_back_freed_memory()
        theme = self.builder.theme or theme_dir("default", self.builder.site_dir)
        roots = WatchRoots.of(self.builder.site_dir, theme, self._out)
        self._watcher = Watcher(roots, self.rebuild, poll=self._poll, delay=self._delay)
        self._watcher.start()
        self.server.start()
        return result

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
        self.server.stop()
        self._folder.cleanup()

    def rebuild(self, changes: list[Change]) -> None:
        """Rebuilds after a batch of changes (the watcher's), and tells the terminal and the open pages."""
        paths = [change.path for change in changes if change.kind is not ChangeKind.IGNORED]
        if not paths:
            return
        with self._lock:
            progress = ProgressLine()
            try:
                # Requests wait for the commit, and get the previous build before it.
                with self.server.swapping():
                    result = self.builder.build(None if self._full_next else paths, progress)
                self._full_next = False
            except Exception as exc:  # noqa: BLE001 - a bug must not end the preview; the next change rebuilds in full
                traceback.print_exc()
                self._full_next = True
                self._crashed(exc, paths)
                return
            finally:
                progress.clear()
            names = sorted({display_path(path) for path in paths})
            shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
            self._announce(result, f"{shown} changed; re-rendered {len(result.rendered)} of {result.pages} pages")
            if result.seconds >= 1.0:  # a big build's garbage, once the pages are told to reload
                give_back_freed_memory()

    def _crashed(self, exc: Exception, paths: list[Path]) -> None:
        """Open pages show a failed rebuild as a problem at the first file that changed."""
        crash = Diagnostics()
        report_crash(crash, Location(paths[0] if paths else self.builder.site_dir), exc)
        self.server.publish(crash.errors, False)

    def _announce(self, result: BuildResult, verb: str) -> None:
        warnings = set(result.diagnostics.warnings)
        if result.ok and warnings == self._warnings:  # the same warnings as last time: one line, not a page
            print(f"podsite: {verb} in {result.seconds:.2f} s")
        elif report(result, verb) != EXIT_OK:
            print("podsite: still serving the last good build", file=sys.stderr)
        self._warnings = warnings
        sys.stdout.flush()
        self.server.publish(result.diagnostics.errors, result.changed)


def give_back_freed_memory() -> None:
    """Has the C library return to the system the memory a big build freed. glibc keeps a freed heap for
    later use unless asked: after a build that made every page in this process (a template change, say),
    the preview of a big site went on holding all the memory it peaked at. Where the C library has no
    malloc_trim, nothing is done."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return
    trim(0)
