"""The preview server of `podsite serve`: serves the output folder, reloads open pages after a rebuild, and
shows a failed build's diagnostics over them.

- Only files below the output folder are served; a path with a ".." segment is refused.
- Only requests addressed to the server itself are answered: the Host header must name an address it
  listens on, or localhost, with its port (421 otherwise), and the event stream refuses another Origin
  (403). A web page elsewhere cannot then read the preview, drafts included, by pointing a name of its own
  at 127.0.0.1 (DNS rebinding).
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
import ipaddress
import json
import mimetypes
import re
import socket
import threading
import traceback
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

from generator.diagnostics import Diagnostic
from generator.render.seo import frame_ancestors

PREFIX = "/__podsite/"
EVENTS_PATH = PREFIX + "events"
SCRIPT_PATH = PREFIX + "live.js"
KEEPALIVE_SECONDS = 15.0
_RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
# The script every HTML page gets while previewing (generator/live.js, package data). It keeps the scroll
# position and the player's time (and playing state) across a reload, and shows a failed build's diagnostics
# over the page, in a shadow root so that the page's styles and the overlay's cannot meet.
LIVE_SCRIPT: bytes = resources.files("generator.preview").joinpath("live.js").read_bytes()


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


@dataclass(frozen=True, slots=True)
class Addresses:
    """The names a request to this server may give in its Host header (lower case, IPv6 without brackets),
    and its port. `any_ip`: the server listens on every address (0.0.0.0 or ::), so any IP literal names it;
    a domain name never does, as a rebinding attacker's would, but for localhost and the machine's own."""

    names: frozenset[str]
    port: int
    any_ip: bool = False

    def allow_host(self, header: str | None) -> bool:
        """Whether a Host header (or an Origin's host and port) names this server."""
        if not header:
            return False
        try:
            split = urlsplit("//" + header.strip())
            name, port = split.hostname, split.port or 80
        except ValueError:
            return False
        if name is None or port != self.port or split.username is not None or split.path:
            return False
        return name in self.names or (self.any_ip and _is_ip(name))

    def allow_origin(self, header: str | None) -> bool:
        """Whether an Origin header is this server's own; a request without one (same-origin) is fine."""
        if header is None:
            return True
        split = urlsplit(header.strip())
        return split.scheme == "http" and not split.path.strip("/") and self.allow_host(split.netloc)


def addresses(host: str, bound: str, port: int) -> Addresses:
    """What a request may call a server told to listen on `host`, bound at `bound` and `port`."""
    wildcard = bound in ("0.0.0.0", "::")
    names = {"localhost", host.strip("[]").lower(), bound.lower()}
    if wildcard:
        names.add(socket.gethostname().lower())
    return Addresses(frozenset(names - {""}), port, wildcard)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


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
        bound, bound_port = self._httpd.server_address[:2]
        self.addresses = addresses(host, str(bound), int(bound_port))
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

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the terminal is for build results."""

    def _respond(self, head: bool) -> None:
        try:
            path = urlsplit(self.path).path
            known = self.server.preview.addresses
            if not known.allow_host(self.headers.get("Host")):
                self._send_bytes(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8",
                                 b"421: this server answers only to its own address (or localhost)\n", head)
            elif path == EVENTS_PATH and not known.allow_origin(self.headers.get("Origin")):
                self._send_bytes(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                                 b"403: the preview's events are for its own pages\n", head)
            elif path == EVENTS_PATH and not head:
                self._events()
            elif path == SCRIPT_PATH:
                self._send_bytes(HTTPStatus.OK, "text/javascript; charset=utf-8", LIVE_SCRIPT, head)
            else:
                self._file(path, head)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # noqa: BLE001 - a bug: the request still gets an answer, and the terminal the traceback
            traceback.print_exc()
            self.close_connection = True
            self._send_bytes(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8",
                             b"500: the preview failed to answer this request; please report this "
                             b"(the terminal shows where)\n", head)

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
        self._send_framing()
        self.end_headers()
        if not head:
            file.seek(first)
            _copy(file, self.wfile, last - first + 1)

    def _send_bytes(self, status: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self._send_framing()
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _send_framing(self) -> None:
        """Who may frame the answer, as the _headers file tells a host: the preview then frames as the site will."""
        self.send_header("Content-Security-Policy", frame_ancestors(urlsplit(self.path).path))

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
        self.wfile.write(retry + f"event: {name}\ndata: {data}\n\n".encode())
        self.wfile.flush()


def _open_output(root: Path, relative: str, as_folder: bool) -> tuple[HTTPStatus, BinaryIO | None, str] | str:
    """The file to send for `relative` (status, open file or None, its name), or the URL to redirect to when a
    folder was asked for without its trailing slash. A missing file gives the site's 404 page."""
    target = root / relative if relative else root
    if _is_dir(target):
        if not as_folder:
            return "/" + quote(relative) + "/"
        target = target / "index.html"
    opened = _open_below(root, target)
    if opened is not None:
        return HTTPStatus.OK, opened, target.name
    return HTTPStatus.NOT_FOUND, _open_below(root, root / "404.html"), "404.html"


def _is_dir(path: Path) -> bool:
    """Whether `path` is a folder; False for a path the system refuses to look at (too long, say)."""
    try:
        return path.is_dir()
    except OSError:
        return False


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
            f"<body><h1>podsite preview</h1><p>{what}.</p></body></html>").encode()


def _copy(source: BinaryIO, target: io.BufferedIOBase, length: int) -> None:
    while length > 0:
        chunk = source.read(min(length, 64 * 1024))
        if not chunk:
            return
        target.write(chunk)
        length -= len(chunk)
