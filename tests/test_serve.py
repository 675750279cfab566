"""`podsite serve`: a real server on 127.0.0.1 at a free port over a copy of a site, real file edits, and the
reload events and pages that follow."""

from __future__ import annotations

import contextlib
import fnmatch
import http.client
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REPO, previewing, use_own_theme

from generator.cli import main, make_parser
from generator.preview.app import Preview, give_back_freed_memory
from generator.preview.changes import Change, ChangeKind
from generator.preview.server import byte_range, inject, request_path

# -- pure parts ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url_path", "relative"), [
    ("/", ""),
    ("/show/1/", "show/1"),
    ("/show/1/index.html", "show/1/index.html"),
    ("/show//1/./", "show/1"),
    ("/assets/podsite%20x.css", "assets/podsite x.css"),
    ("/../site.yaml", None),
    ("/show/../../site.yaml", None),
    ("/%2e%2e/site.yaml", None),
    ("/show/..%2f..%2fsite.yaml", None),
    ("/show/%2E%2E/x", None),
    ("/show\\..\\x", None),
    ("/show/%5c..%5cx", None),
    ("/x%00.html", None),
    ("/%ff.html", None),
])
def test_request_path(url_path: str, relative: str | None) -> None:
    assert request_path(url_path) == relative


@pytest.mark.parametrize(("page", "expected"), [
    (b"<html><body><p>x</p></body></html>", b"<html><body><p>x</p>[S]</body></html>"),
    (b"<BODY>a</BODY>\n", b"<BODY>a[S]</BODY>\n"),
    (b"<p>no body</p>", b"<p>no body</p>[S]"),
    (b"<body><pre>&lt;/body&gt;</pre></body>", b"<body><pre>&lt;/body&gt;</pre>[S]</body>"),
])
def test_inject(page: bytes, expected: bytes) -> None:
    assert inject(page, b"[S]") == expected


@pytest.mark.parametrize(("header", "expected"), [
    (None, None), ("", None), ("bytes=0-99", (0, 99)), ("bytes=100-", (100, 999)), ("bytes=-10", (990, 999)),
    ("bytes=900-5000", (900, 999)), ("items=0-1", None), ("bytes=0-1,5-6", None), ("bytes=-", None),
])
def test_byte_range(header: str | None, expected: tuple[int, int] | None) -> None:
    assert byte_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5-2"])
def test_byte_range_outside_the_file(header: str) -> None:
    with pytest.raises(ValueError, match="range not satisfiable"):
        byte_range(header, 1000)


# -- helpers ---------------------------------------------------------------------------------------------

def address(base: str) -> tuple[str, int | None]:
    """The host and port of the server's base URL."""
    url = urlsplit(base)
    assert url.hostname is not None, f"the server's URL {base!r} names no host"
    return url.hostname, url.port


def output(preview: Preview) -> Path:
    """The output folder the preview serves (a preview always has one)."""
    assert preview.builder.out_dir is not None, "the preview's builder has no output folder"
    return preview.builder.out_dir


def fetch(base: str, path: str, headers: dict[str, str] | None = None,
          method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(*address(base), timeout=20)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def raw_request(base: str, target: str) -> bytes:
    """Sends the request line as is (clients would tidy "/../" away first); returns the status line."""
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.0\r\nHost: {url.netloc}\r\n\r\n".encode())
        return sock.makefile("rb").readline().strip()


class Events:
    """Reads the server-sent events of /__podsite/events on a thread; a test waits for the one it expects."""

    def __init__(self, base: str) -> None:
        self._conn = http.client.HTTPConnection(*address(base), timeout=30)
        self._conn.request("GET", "/__podsite/events")
        self._response = self._conn.getresponse()
        assert self._response.getheader("Content-Type") == "text/event-stream"
        self._queue: queue.Queue[tuple[str, dict[str, object]]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.hello = self.wait("hello")

    def _read(self) -> None:
        name, data = "message", ""
        try:
            while line := self._response.readline():
                text = line.decode().rstrip("\n")
                if text.startswith("event: "):
                    name = text[7:]
                elif text.startswith("data: "):
                    data = text[6:]
                elif text == "" and data:
                    self._queue.put((name, json.loads(data)))
                    name, data = "message", ""
        except (OSError, ValueError):
            pass

    def wait(self, name: str, timeout: float = 10.0) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while True:
            got, data = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            if got == name:
                return data

    def close(self) -> None:
        self._conn.close()


@pytest.fixture
def preview(minimal_site: Path) -> Iterator[Preview]:
    """The preview of a copy of the minimal site, with a draft episode, on 127.0.0.1 at a free port."""
    use_own_theme(minimal_site)
    draft = minimal_site / "episodes/show/3"
    draft.mkdir()
    (draft / "episode.md").write_text("---\ntitle: Work in progress\npublished: 2024-03-01\ndraft: true\n---\n",
                                      encoding="utf-8")
    with previewing(minimal_site) as running:
        yield running


@pytest.fixture
def events(preview: Preview) -> Iterator[Events]:
    stream = Events(preview.url)
    yield stream
    stream.close()


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- serving ---------------------------------------------------------------------------------------------

def test_the_preview_serves_on_loopback_with_drafts_and_its_own_base_url(preview: Preview, tmp_path: Path) -> None:
    assert preview.url.startswith("http://127.0.0.1:")
    assert make_parser().parse_args(["serve"]).host == "127.0.0.1"
    status, headers, body = fetch(preview.url, "/show/1/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'<link rel="canonical" href="{preview.url}show/1/">'.encode() in body
    status, _, draft = fetch(preview.url, "/show/3/")
    assert status == 200 and b'class="badge badge-draft"' in draft
    assert not (tmp_path / "output").exists()  # `podsite build` output is never touched


def test_the_live_script_is_injected_at_response_time_only(preview: Preview) -> None:
    _, _, body = fetch(preview.url, "/show/1/")
    assert body.count(b'<script src="/__podsite/live.js" data-epoch="1"></script></body>') == 1
    written = output(preview) / "show/1/index.html"
    assert b"__podsite" not in written.read_bytes()
    status, headers, script = fetch(preview.url, "/__podsite/live.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"EventSource" in script
    assert script == (REPO / "generator" / "preview" / "live.js").read_bytes()
    _, _, css = fetch(preview.url, "/assets/podsite.css")
    assert b"__podsite" not in css


def test_the_live_script_is_package_data() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert any(fnmatch.fnmatch("live.js", pattern) for pattern in setuptools["package-data"]["generator.preview"])


def test_only_files_of_the_output_folder_are_served(preview: Preview, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    os.symlink(secret, output(preview) / "link.txt")
    for target in ["/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/show/..%2f..%2f..%2fsecret.txt",
                   "/show/%2E%2E/%2E%2E/secret.txt", "/..\\secret.txt"]:
        assert raw_request(preview.url, target).split()[1] == b"403", target
    status, _, body = fetch(preview.url, "/link.txt")
    assert status == 404 and b"secret" not in body


def test_folders_redirect_to_their_slash_and_a_missing_page_gets_the_404_page(preview: Preview) -> None:
    status, headers, _ = fetch(preview.url, "/show/1?x=1")
    assert (status, headers["Location"]) == (301, "/show/1/?x=1")
    (output(preview) / "a b").mkdir()
    assert fetch(preview.url, "/a%20b")[1]["Location"] == "/a%20b/"
    status, _, body = fetch(preview.url, "/nowhere/")
    assert status == 404 and b"__podsite/live.js" in body
    assert body.startswith((output(preview) / "404.html").read_bytes()[:50])
    status, _, body = fetch(preview.url, "/show/1/", method="HEAD")
    assert (status, body) == (200, b"")


def test_audio_is_served_in_byte_ranges(preview: Preview) -> None:
    target = output(preview) / "assets/podsite.css"
    size = target.stat().st_size
    status, headers, body = fetch(preview.url, "/assets/podsite.css", {"Range": "bytes=10-19"})
    assert (status, headers["Content-Range"], body) == (206, f"bytes 10-19/{size}", target.read_bytes()[10:20])
    status, headers, _ = fetch(preview.url, "/assets/podsite.css", {"Range": f"bytes={size}-"})
    assert status == 416


def test_requests_wait_while_a_build_is_swapped_in(preview: Preview) -> None:
    results: list[int] = []
    with preview.server.swapping():
        request = threading.Thread(target=lambda: results.append(fetch(preview.url, "/show/1/")[0]))
        request.start()
        request.join(0.3)
        assert request.is_alive() and results == []  # held at the gate
    request.join(10)
    assert results == [200]


# -- reloading -------------------------------------------------------------------------------------------

def test_an_edit_reloads_open_pages_with_the_new_html(preview: Preview, events: Events) -> None:
    assert events.hello == {"epoch": 1, "problems": []}
    replace(preview.builder.site_dir / "episodes/show/1/transcript.md", "And we are back.", "And we are back again.")
    assert events.wait("reload") == {"epoch": 2, "problems": []}
    _, _, body = fetch(preview.url, "/show/1/")
    assert b"And we are back again." in body and b'data-epoch="2"' in body


def test_a_broken_edit_shows_the_problem_and_keeps_the_last_good_page(preview: Preview, events: Events,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    episode = preview.builder.site_dir / "episodes/show/1/episode.md"
    replace(episode, "guests: [gus-guest]", "guests: [gus-gust]")
    problems = events.wait("problems")["problems"]
    assert isinstance(problems, list), problems
    assert [(p["location"], p["message"], p["hint"]) for p in problems] == [
        ("content/episodes/show/1/episode.md:8", "no person 'gus-gust' (in 'guests')",
         "did you mean 'gus-guest'? or create people/gus-gust.yaml")]
    status, _, body = fetch(preview.url, "/show/1/")
    assert status == 200 and b"Gus Guest" in body  # the last good page
    assert b'id="podsite-problems"' in body and b"no person 'gus-gust'" in body
    assert Events(preview.url).hello["problems"] == problems  # pages opened now show it too
    terminal = capsys.readouterr().err
    assert "content/episodes/show/1/episode.md:8: error: no person 'gus-gust' (in 'guests')" in terminal
    assert "still serving the last good build" in terminal

    replace(episode, "guests: [gus-gust]", "guests: [gus-guest]")
    assert events.wait("reload")["problems"] == []
    _, _, body = fetch(preview.url, "/show/1/")
    assert b"podsite-problems" not in body


def test_a_new_episode_appears_and_a_deleted_one_goes(preview: Preview, events: Events) -> None:
    folder = preview.builder.site_dir / "episodes/show/4"
    folder.mkdir()
    (folder / "episode.md").write_text("---\ntitle: Brand new\npublished: 2024-04-01\n---\n", encoding="utf-8")
    events.wait("reload")
    _, _, show = fetch(preview.url, "/show/")
    assert b"Brand new" in show
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    events.wait("reload")
    assert fetch(preview.url, "/show/4/")[0] == 404


def test_a_theme_template_edit_reloads_with_every_page_rendered_again(preview: Preview, events: Events) -> None:
    template = preview.builder.site_dir / "theme/templates/base.html"
    replace(template, "</footer>", "<p>Previewed.</p></footer>")
    events.wait("reload")
    for path in ("/", "/show/1/", "/people/"):
        assert b"<p>Previewed.</p>" in fetch(preview.url, path)[2]


def test_a_site_broken_from_the_start_is_served_once_fixed(minimal_site: Path) -> None:
    use_own_theme(minimal_site)
    episode = minimal_site / "episodes/show/1/episode.md"
    replace(episode, "guests: [gus-guest]", "guests: [gus-gust]")
    running = Preview(minimal_site, port=0, delay=0.05)
    assert not running.start().ok
    try:
        status, _, body = fetch(running.url, "/show/1/")
        assert status == 404 and b"no successful build yet" in body and b"no person 'gus-gust'" in body
        stream = Events(running.url)
        assert stream.hello["problems"]
        replace(episode, "guests: [gus-gust]", "guests: [gus-guest]")
        stream.wait("reload")
        stream.close()
        assert fetch(running.url, "/show/1/")[0] == 200
    finally:
        running.stop()


def test_a_hundred_concurrent_requests_during_rebuilds_all_succeed(preview: Preview) -> None:
    transcript = preview.builder.site_dir / "episodes/show/1/transcript.md"
    original = transcript.read_text(encoding="utf-8")
    swaps, done = [0], threading.Event()

    def rebuild_again_and_again() -> None:
        while not done.is_set():  # each round changes the page, so each one writes and swaps the output
            transcript.write_text(original + f"\n**Hana Host:** Round {swaps[0]}.\n", encoding="utf-8")
            preview.rebuild([Change(ChangeKind.EPISODE, transcript)])  # the watcher's rebuilds come in between
            swaps[0] += 1

    def request(_number: int) -> tuple[int, bytes]:
        status, _, body = fetch(preview.url, "/show/1/")
        return status, body

    rebuilder = threading.Thread(target=rebuild_again_and_again)
    rebuilder.start()
    started = time.monotonic()
    try:
        while swaps[0] < 1:
            time.sleep(0.01)
        before = swaps[0]
        with ThreadPoolExecutor(max_workers=100) as pool:
            responses = list(pool.map(request, range(100)))
        during = swaps[0] - before
    finally:
        done.set()
        rebuilder.join(30)
    assert time.monotonic() - started < 30
    assert len(responses) == 100
    assert {status for status, _ in responses} == {200}
    assert all(body.rstrip().endswith(b"</html>") and b"__podsite/live.js" in body for _, body in responses)
    assert during >= 1  # the output folder was swapped while the requests were being answered


# -- the command -----------------------------------------------------------------------------------------

def test_a_port_in_use_is_a_usage_error(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--site", str(minimal_site), "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_ctrl_c_stops_the_watcher_and_the_server_cleanly(minimal_site: Path, tmp_path: Path,
                                                         stop: signal.Signals) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(REPO)}
    with sigint_not_ignored():
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--site", str(minimal_site),
                                    "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = ""
        while not url:
            line = process.stdout.readline()  # type: ignore[union-attr]
            assert line, process.stderr.read()  # type: ignore[union-attr]
            if "serving" in line:
                url = line.split()[2]
        assert fetch(url, "/show/1/")[0] == 200
        events = Events(url)
        process.send_signal(stop)
        # Generous: stopping takes well under a second, but a loaded CI machine once took more than ten.
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "podsite: stopped" in out and "Traceback" not in err
    assert list(temp.iterdir()) == []  # the preview's output folder is gone
    events.close()


@contextlib.contextmanager
def sigint_not_ignored() -> Iterator[None]:
    """A program started meanwhile gets SIGINT as from a terminal, where Ctrl-C sends it. A shell without job
    control starts background jobs (`ci &`, nohup) with SIGINT ignored, which their children inherit, and
    Python then leaves it ignored: `podsite serve` would run on, as any program started that way does."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def resident_mib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not Path("/proc/self/status").exists() or os.confstr("CS_GNU_LIBC_VERSION") is None,
                    reason="reads its memory from Linux's /proc, and trims glibc's heap")
def test_the_memory_a_big_build_freed_goes_back_to_the_system() -> None:
    # Pages' bytes, as a preview's first build makes and then lets go of them (200 MB in 100 kB pieces), between
    # what it keeps (the model, the transcripts), which leaves them holes in the heap, not its free end.
    pages, kept = [], []
    for i in range(2_000):
        pages.append(bytes(100_000) + i.to_bytes(4, "little"))
        kept.append(bytes(3_000) + i.to_bytes(4, "little"))
    holding = resident_mib()
    del pages
    give_back_freed_memory()
    assert holding - resident_mib() > 150
    assert len(kept) == 2_000
