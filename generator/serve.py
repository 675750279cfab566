"""The preview server of `podsite serve`: serves the output folder, reloads open pages after a rebuild, and
shows a failed build's diagnostics over them.

- Only files below the output folder are served; a path with a ".." segment is refused.
- HTML responses get the live script (and, after a failed build, its diagnostics) injected as they are
  sent: nothing of the preview is ever written into the output.
- Open pages learn about rebuilds over server-sent events at /__podsite/events.
- A rebuild swaps the output folder in while holding `swapping()`: requests wait for the swap, and before it
  get the previous build, so nobody is ever served a half-written site.

Beside the build: preview.py wires it to the builder and the watcher; the build never imports it.
"""

from __future__ import annotations

import html
import io
import json
import mimetypes
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

from generator.diagnostics import Diagnostic

PREFIX = "/__podsite/"
EVENTS_PATH = PREFIX + "events"
SCRIPT_PATH = PREFIX + "live.js"
KEEPALIVE_SECONDS = 15.0
_RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


# -- pure parts --------------------------------------------------------------------------------------

def request_path(url_path: str) -> str | None:
    """The output-relative path a URL path asks for ("" for the root), or None when it must be refused:
    a ".." segment (also percent-encoded), a backslash, a NUL byte, or an escape that is not UTF-8."""
    try:
        decoded = unquote(url_path, errors="strict") if "%" in url_path else url_path
    except UnicodeDecodeError:
        return None
    if "\\" in decoded or "\x00" in decoded:
        return None
    parts = [p for p in decoded.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None
    return "/".join(parts)


def inject(page: bytes, snippet: bytes) -> bytes:
    """The page with `snippet` inserted before its last </body> (appended when it has none)."""
    at = page.lower().rfind(b"</body")
    return page + snippet if at < 0 else page[:at] + snippet + page[at:]


def problems_json(problems: list[Diagnostic]) -> list[dict[str, object]]:
    """Diagnostics as the live script shows them."""
    return [{"severity": d.severity, "file": str(d.location.path), "line": d.location.line,
             "location": str(d.location), "message": d.message, "hint": d.hint} for d in problems]


def live_snippet(epoch: int, problems: list[Diagnostic]) -> bytes:
    """What every HTML response gets before </body>: the live script, and the diagnostics to show if any."""
    snippet = ""
    if problems:
        data = json.dumps(problems_json(problems)).replace("<", "\\u003c").replace(">", "\\u003e")
        snippet += f'<script type="application/json" id="podsite-problems">{data}</script>'
    snippet += f'<script src="{SCRIPT_PATH}" data-epoch="{epoch}"></script>'
    return snippet.encode("utf-8")


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) of a single "bytes=" range within `size` bytes; None for no or an unusable header.
    Raises ValueError for a range that lies outside the file (416)."""
    match = _RANGE_RE.match(header.strip()) if header else None
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first_text, last_text = match.groups()
    if first_text == "":  # the last N bytes
        first, last = max(0, size - int(last_text)), size - 1
    else:
        first = int(first_text)
        last = min(int(last_text), size - 1) if last_text else size - 1
    if first >= size or first > last:
        raise ValueError("range not satisfiable")
    return first, last


# -- shared state ------------------------------------------------------------------------------------

class OutputGate:
    """Readers open files from the output folder; the writer swaps a new build in. Writers go first: while one
    waits, new readers wait, so a stream of requests cannot hold a rebuild off."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


@dataclass(frozen=True, slots=True)
class LiveSnapshot:
    version: int  # changes on every publish
    epoch: int  # the number of the build being served; changes when open pages should reload
    problems: tuple[Diagnostic, ...]  # the last build's errors; empty when it succeeded


class LiveState:
    """What open pages are told: which build is served, and the last build's errors."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._now = LiveSnapshot(0, 0, ())
        self.closed = False

    def snapshot(self) -> LiveSnapshot:
        with self._cond:
            return self._now

    def publish(self, problems: list[Diagnostic], changed: bool) -> None:
        """A build finished: with `problems` pages show them; else, when the output changed or pages show the
        last problems, they reload."""
        with self._cond:
            now = self._now
            if problems:
                self._now = LiveSnapshot(now.version + 1, now.epoch, tuple(problems))
            elif changed or now.problems:
                self._now = LiveSnapshot(now.version + 1, now.epoch + 1, ())
            else:
                return
            self._cond.notify_all()

    def wait_after(self, version: int, timeout: float) -> LiveSnapshot | None:
        """The state once it is newer than `version`; None after `timeout` seconds or when closed."""
        with self._cond:
            self._cond.wait_for(lambda: self.closed or self._now.version != version, timeout)
            return None if self.closed or self._now.version == version else self._now

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


# -- the server ----------------------------------------------------------------------------------------

class PreviewServer:
    """A ThreadingHTTPServer over the output folder `root`, bound at once (port 0: a free port)."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
        self.root = root
        self.gate = OutputGate()
        self.live = LiveState()
        server_class = _HTTPServer6 if ":" in host else _HTTPServer
        self._httpd = server_class((host, port), _Handler)
        self._httpd.preview = self
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The address to open: a wildcard host is shown as the loopback address."""
        host, port = self._httpd.server_address[:2]
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(str(host), str(host))
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"

    def start(self) -> None:
        """Serves on a background thread."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="podsite-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ends the event streams, stops serving and closes the socket."""
        self.live.close()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()

    def swapping(self) -> AbstractContextManager[None]:
        """Hold this while replacing the output folder: requests wait until it is released."""
        return self.gate.writing()

    def publish(self, problems: list[Diagnostic], changed: bool) -> None:
        """Tells open pages how the last build went (see LiveState.publish)."""
        self.live.publish(problems, changed)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a burst of requests queues instead of being refused
    preview: PreviewServer


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "podsite"

    def do_GET(self) -> None:  # noqa: N802 - the http.server naming
        self._respond(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the terminal is for build results."""

    def _respond(self, head: bool) -> None:
        try:
            path = urlsplit(self.path).path
            if path == EVENTS_PATH and not head:
                self._events()
            elif path == SCRIPT_PATH:
                self._send_bytes(HTTPStatus.OK, "text/javascript; charset=utf-8", LIVE_SCRIPT.encode(), head)
            else:
                self._file(path, head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _file(self, url_path: str, head: bool) -> None:
        relative = request_path(url_path)
        if relative is None:
            self._send_bytes(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                             b"403: only files of the site are served\n", head)
            return
        preview = self.server.preview
        with preview.gate.reading():
            found = _open_output(preview.root, relative, url_path.endswith("/") or relative == "")
        if isinstance(found, str):
            query = urlsplit(self.path).query
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", found + ("?" + query if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, file, name = found
        if file is None:
            self._send_html(status, _placeholder(preview.root, relative), head)
            return
        with file:
            if name.endswith((".html", ".htm")):
                self._send_html(status, file.read(), head)
            else:
                self._send_file(file, name, head)

    def _send_html(self, status: HTTPStatus, page: bytes, head: bool) -> None:
        now = self.server.preview.live.snapshot()
        body = inject(page, live_snippet(now.epoch, list(now.problems)))
        self._send_bytes(status, "text/html; charset=utf-8", body, head)

    def _send_file(self, file: BinaryIO, name: str, head: bool) -> None:
        size = file.seek(0, 2)
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        try:
            wanted = byte_range(self.headers.get("Range"), size)
        except ValueError:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        first, last = wanted if wanted else (0, size - 1)
        self.send_response(HTTPStatus.PARTIAL_CONTENT if wanted else HTTPStatus.OK)
        if wanted:
            self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(last - first + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            file.seek(first)
            _copy(file, self.wfile, last - first + 1)

    def _send_bytes(self, status: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        """A server-sent event stream: "hello" with the current state, then "reload" or "problems"."""
        live = self.server.preview.live
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        now = live.snapshot()
        self._event("hello", now, retry=b"retry: 1000\n")
        while True:
            newer = live.wait_after(now.version, KEEPALIVE_SECONDS)
            if live.closed:
                return
            if newer is None:
                self.wfile.write(b": still here\n\n")
            else:
                now = newer
                self._event("problems" if now.problems else "reload", now)
            self.wfile.flush()

    def _event(self, name: str, now: LiveSnapshot, retry: bytes = b"") -> None:
        data = json.dumps({"epoch": now.epoch, "problems": problems_json(list(now.problems))})
        self.wfile.write(retry + f"event: {name}\ndata: {data}\n\n".encode("utf-8"))
        self.wfile.flush()


def _open_output(root: Path, relative: str, as_folder: bool) -> tuple[HTTPStatus, BinaryIO | None, str] | str:
    """The file to send for `relative` (status, open file or None, its name), or the URL to redirect to when a
    folder was asked for without its trailing slash. A missing file gives the site's 404 page."""
    target = root / relative if relative else root
    if target.is_dir():
        if not as_folder:
            return "/" + quote(relative) + "/"
        target = target / "index.html"
    opened = _open_below(root, target)
    if opened is not None:
        return HTTPStatus.OK, opened, target.name
    return HTTPStatus.NOT_FOUND, _open_below(root, root / "404.html"), "404.html"


def _open_below(root: Path, target: Path) -> BinaryIO | None:
    """`target` opened for reading when it is a file that really lies below `root` (links included)."""
    try:
        if not target.resolve().is_relative_to(root.resolve()) or not target.is_file():
            return None
        return target.open("rb")
    except OSError:
        return None


def _placeholder(root: Path, relative: str) -> bytes:
    """The page for a missing file when the site has no 404 page (or no successful build yet)."""
    what = "no successful build yet" if not root.is_dir() else f"/{html.escape(relative)} is not part of the site"
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>podsite preview</title></head>"
            f"<body><h1>podsite preview</h1><p>{what}.</p></body></html>").encode("utf-8")


def _copy(source: BinaryIO, target: io.BufferedIOBase, length: int) -> None:
    while length > 0:
        chunk = source.read(min(length, 64 * 1024))
        if not chunk:
            return
        target.write(chunk)
        length -= len(chunk)


# The script every HTML page gets while previewing. It keeps the scroll position and the player's time (and
# playing state) across a reload, and shows a failed build's diagnostics over the page, in a shadow root so
# that the page's styles and the overlay's cannot meet.
LIVE_SCRIPT = r"""/* podsite preview: reload on rebuild, keep the place, show build errors. */
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = Number(script && script.getAttribute("data-epoch")) || 0;
  var key = "podsite-preview:" + location.pathname;
  var overlay = null;

  function media() {
    return document.getElementById("player") || document.querySelector("audio, video");
  }

  function remember() {
    var state = { x: window.scrollX, y: window.scrollY };
    var player = media();
    if (player && (player.currentTime > 0 || !player.paused)) {
      state.media = { time: player.currentTime, playing: !player.paused && !player.ended };
    }
    try { sessionStorage.setItem(key, JSON.stringify(state)); } catch (error) { /* private mode */ }
  }

  function restore() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key) || "null");
      sessionStorage.removeItem(key);
    } catch (error) { return; }
    if (!saved) return;
    window.scrollTo(saved.x, saved.y);
    var player = media();
    if (player && saved.media) resume(player, saved.media);
  }

  function resume(player, saved) {
    function go() {
      try { player.currentTime = saved.time; } catch (error) { return; }
      if (saved.playing) {
        var attempt = player.play();  // the browser may refuse without a click; the time is kept anyway
        if (attempt && typeof attempt.catch === "function") attempt.catch(function () {});
      }
    }
    if (player.readyState >= 1) {
      go();
    } else {
      player.addEventListener("loadedmetadata", go, { once: true });
      if (player.preload === "none" || player.networkState === 0) player.load();
    }
  }

  function reload() {
    remember();
    location.reload();
  }

  function hideProblems() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showProblems(problems) {
    hideProblems();
    if (!problems.length) return;
    overlay = element("div");
    overlay.id = "podsite-overlay";
    var root = overlay.attachShadow ? overlay.attachShadow({ mode: "open" }) : overlay;
    var style = element("style", "", [
      ".box{position:fixed;z-index:2147483647;left:1rem;right:1rem;bottom:1rem;max-height:60vh;overflow:auto;",
      "background:#1d1f21;color:#f3f3f3;border-left:6px solid #e5484d;border-radius:6px;padding:1rem 1.25rem;",
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 8px 32px rgba(0,0,0,.4)}",
      "h2{font:600 15px/1.4 system-ui,sans-serif;margin:0 2rem .75rem 0}",
      ".where{color:#8ab4f8}.error{color:#ff8a80}.warning{color:#ffd27f}.hint{color:#b0b0b0;padding-left:2ch}",
      "ul{list-style:none;margin:0;padding:0}li{margin:0 0 .5rem}",
      "button{position:absolute;top:.5rem;right:.75rem;background:none;border:0;color:inherit;font-size:20px;cursor:pointer}"
    ].join(""));
    var box = element("div", "box");
    box.setAttribute("role", "alert");
    box.appendChild(element("h2", "", "The last change broke the build. This is the last good version; fix the file and it reloads."));
    var list = element("ul");
    problems.forEach(function (problem) {
      var item = element("li");
      item.appendChild(element("span", "where", problem.location + ": "));
      item.appendChild(element("span", problem.severity, problem.severity + ": "));
      item.appendChild(element("span", "message", problem.message));
      if (problem.hint) item.appendChild(element("div", "hint", "hint: " + problem.hint));
      list.appendChild(item);
    });
    box.appendChild(list);
    var close = element("button", "", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Hide these errors");
    close.addEventListener("click", hideProblems);
    box.appendChild(close);
    root.appendChild(style);
    root.appendChild(box);
    document.body.appendChild(overlay);
  }

  var initial = document.getElementById("podsite-problems");
  if (initial) showProblems(JSON.parse(initial.textContent));
  if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);

  if (!window.EventSource) return;
  var events = new EventSource("/__podsite/events");
  events.addEventListener("hello", function (event) {
    var state = JSON.parse(event.data);
    if (state.problems.length) showProblems(state.problems);
    else if (state.epoch > epoch) reload();  // a rebuild finished while this page was loading
    else hideProblems();
  });
  events.addEventListener("problems", function (event) { showProblems(JSON.parse(event.data).problems); });
  events.addEventListener("reload", reload);
})();
"""
