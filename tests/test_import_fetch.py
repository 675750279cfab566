"""`podsite import feed --fetch` against HTTP servers on this machine: enclosure sizes from HEAD requests,
remote transcripts, chapters and covers downloaded into the site, a size cap and a timeout; and without
--allow-private, no request at all to an address on this machine."""

from __future__ import annotations

import http.server
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from generator.build import load_site
from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.importers.feed import import_feed
from generator.importers.fetch import Fetcher, FetchError, FetchOptions

VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Host>Welcome to the pilot.\n"
CHAPTERS = b'{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
AUDIO_SIZES = {"/a/1.mp3": 48_000_111, "/a/2.mp3": 2_000_000}


@dataclass
class Server:
    """An HTTP server on 127.0.0.1 that records every request it gets (method and path)."""

    base: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)


def _handler(server: Server) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self.answer(body=False)

        def do_GET(self) -> None:
            self.answer(body=True)

        def answer(self, body: bool) -> None:
            server.requests.append((self.command, self.path))
            path = self.path
            if path in AUDIO_SIZES:  # audio: its size, and no body worth sending
                self.send_response(200)
                self.send_header("Content-Type", "audio/mpeg")
                self.send_header("Content-Length", str(AUDIO_SIZES[path]))
                self.end_headers()
                return
            if path == "/slow.vtt":
                time.sleep(3)
            if path.startswith("/loop"):
                self.send_response(302)
                self.send_header("Location", f"/loop{len(path)}")
                self.end_headers()
                return
            if path == "/moved.vtt":
                self.send_response(301)
                self.send_header("Location", "/t.vtt")
                self.end_headers()
                return
            if path == "/elsewhere.vtt":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
                return
            files = {"/t.vtt": (VTT, "text/vtt"), "/slow.vtt": (VTT, "text/vtt"),
                     "/c.json": (CHAPTERS, "application/json+chapters"), "/art.png": (PNG, "image/png"),
                     "/big.vtt": (b"WEBVTT\n\n" + b"x" * 5000, "text/vtt")}
            if path not in files:
                self.send_error(404)
                return
            data, mime = files[path]
            self.send_response(200)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if body:
                self.wfile.write(data)

    return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    found = Server()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(found))
    httpd.daemon_threads = True
    found.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        httpd.shutdown()
        httpd.server_close()


def feed_file(folder: Path, base: str, transcript: str = "/t.vtt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / "feed.xml"
    feed.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Fetched Talk</title>
    <link>https://fetched.example/</link>
    <description>Talk.</description>
    <itunes:image href="{base}/art.png"/>
    <item>
      <title>One</title>
      <guid>f-1</guid>
      <enclosure url="{base}/a/1.mp3" length="0" type="audio/mpeg"/>
      <itunes:episode>1</itunes:episode>
      <podcast:transcript url="{base}{transcript}" type="text/vtt"/>
      <podcast:chapters url="{base}/c.json" type="application/json+chapters"/>
    </item>
    <item>
      <title>Two</title>
      <guid>f-2</guid>
      <enclosure url="{base}/a/2.mp3" type="audio/mpeg"/>
      <itunes:episode>2</itunes:episode>
    </item>
  </channel>
</rss>
""", encoding="utf-8")
    return feed


def allowed(**options: float) -> Fetcher:
    return Fetcher(FetchOptions(allow_private=True, **options))  # type: ignore[arg-type]


def test_fetch_fills_sizes_from_head_and_downloads_transcript_chapters_and_cover(tmp_path: Path,
                                                                                 server: Server) -> None:
    site = tmp_path / "site"
    progress: list[tuple[int, int]] = []
    fetcher = Fetcher(FetchOptions(allow_private=True), lambda done, total, _: progress.append((done, total)))
    result = import_feed(feed_file(tmp_path / "export", server.base), site, fetcher=fetcher)
    assert result.ok and not result.diagnostics.warnings, result.diagnostics.report()
    assert ("HEAD", "/a/1.mp3") in server.requests and ("HEAD", "/a/2.mp3") in server.requests
    assert ("GET", "/a/1.mp3") not in server.requests  # the audio itself is never downloaded
    episodes = site / "episodes" / "fetched-talk"
    assert "  bytes: 48000111\n" in (episodes / "1" / "episode.md").read_text(encoding="utf-8")
    assert "  bytes: 2000000\n" in (episodes / "2" / "episode.md").read_text(encoding="utf-8")
    assert (episodes / "1" / "transcript.vtt").read_bytes() == VTT
    assert (episodes / "1" / "chapters.json").read_bytes() == CHAPTERS
    assert (site / "artwork" / "fetched-talk.png").read_bytes() == PNG
    assert "artwork: artwork/fetched-talk.png\n" in (site / "shows" / "fetched-talk.yaml").read_text(encoding="utf-8")
    assert progress[-1] == (5, 5)  # the cover, two sizes, a transcript and a chapters file

    diags = Diagnostics()
    model = load_site(site, diags)
    assert model is not None and not diags.has_errors, diags.report()
    one = next(e for e in model.episodes if e.slug == "1")
    assert one.audio is not None and one.audio.bytes == 48_000_111
    assert one.transcript is not None and [c.title for c in one.chapters] == ["Intro"]


def test_an_over_size_file_is_refused_with_a_clear_warning(tmp_path: Path, server: Server) -> None:
    site = tmp_path / "site"
    result = import_feed(feed_file(tmp_path / "export", server.base, "/big.vtt"), site,
                         fetcher=allowed(max_bytes=1000))
    warnings = [d.format() for d in result.diagnostics.warnings]
    assert (f"export/feed.xml:9: warning: the transcript {server.base}/big.vtt was not fetched: it is 5008 bytes, "
            "over the limit of 1000; its link is kept"
            ) in [w.replace(str(tmp_path) + "/", "") for w in warnings]
    assert not (site / "episodes" / "fetched-talk" / "1" / "transcript.vtt").exists()
    assert (site / "episodes" / "fetched-talk" / "1" / "chapters.json").is_file()  # a small one is still taken
    report = (site / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "big.vtt — not fetched: it is 5008 bytes, over the limit of 1000" in report


def test_a_server_that_does_not_answer_in_time_is_given_up(tmp_path: Path, server: Server) -> None:
    started = time.monotonic()
    result = import_feed(feed_file(tmp_path / "export", server.base, "/slow.vtt"), tmp_path / "site",
                         fetcher=allowed(timeout=0.5))
    assert time.monotonic() - started < 2.5  # the server answers after 3 seconds
    messages = [d.message for d in result.diagnostics.warnings]
    assert f"the transcript {server.base}/slow.vtt was not fetched: the server did not answer within 0.5 " \
           "seconds; its link is kept" in messages
    assert ("GET", "/slow.vtt") in server.requests  # it was asked: the timeout, not a refusal, gave up
    assert (tmp_path / "site" / "episodes" / "fetched-talk" / "1" / "chapters.json").is_file()


def test_redirects_are_followed_only_to_http_and_up_to_a_cap(server: Server) -> None:
    fetcher = allowed()
    assert fetcher.download(f"{server.base}/moved.vtt").data == VTT
    with pytest.raises(FetchError, match="it redirects more than 5 times"):
        fetcher.download(f"{server.base}/loop")
    assert len([r for r in server.requests if r[1].startswith("/loop")]) == 6
    with pytest.raises(FetchError, match="it is not an http"):
        fetcher.download(f"{server.base}/elsewhere.vtt")


def test_a_name_is_resolved_once_and_the_checked_address_is_the_one_connected_to(
        server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # A rebinding DNS server answers the check with one address and the connection with another: podsite
    # asks once and connects to what it checked.
    port = int(server.base.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "192.0.2.1"])
    asked: list[str] = []

    def rebinding(host: str, *args: Any, **kwargs: Any) -> list[Any]:
        if host != "feed-host.test":
            return real(host, *args, **kwargs)
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    fetched = allowed().download(f"http://feed-host.test:{port}/t.vtt")
    assert fetched.data == VTT and asked == ["feed-host.test"]
    with pytest.raises(FetchError, match=r"feed-host.test \(192.0.2.1\) is an address on this machine or its "
                                         "local network, refused"):
        Fetcher().size(f"http://feed-host.test:{port}/a/1.mp3")


def test_without_allow_private_no_request_reaches_this_machine(tmp_path: Path, server: Server,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    feed_file(tmp_path / "export", server.base)
    feed_file(tmp_path / "by-name", server.base.replace("127.0.0.1", "localhost"))
    for feed in ("export/feed.xml", "by-name/feed.xml"):
        assert main(["import", "feed", feed, "--site", f"site-{feed[:2]}", "--fetch"]) == 0
    _, err = capsys.readouterr()
    assert server.requests == []
    assert (f"export/feed.xml:9: warning: the transcript {server.base}/t.vtt was not fetched: 127.0.0.1 is an "
            "address on this machine or its local network, refused (use --allow-private if you mean to fetch from "
            "there); its link is kept") in err.splitlines()
    assert "by-name/feed.xml:9: warning: the transcript http://localhost:" in err
    assert not (tmp_path / "site-ex" / "episodes" / "fetched-talk" / "1" / "transcript.vtt").exists()
    assert "bytes: unknown" in (tmp_path / "site-ex" / "episodes" / "fetched-talk" / "1" / "episode.md").read_text(
        encoding="utf-8")

    # The positive control: the same feed and server, with the flag, are fetched from.
    assert main(["import", "feed", "export/feed.xml", "--site", "site-allowed", "--fetch", "--allow-private"]) == 0
    assert ("GET", "/t.vtt") in server.requests
    assert (tmp_path / "site-allowed" / "episodes" / "fetched-talk" / "1" / "transcript.vtt").read_bytes() == VTT


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    """The same server over TLS, with a certificate for 'localhost' only (made by openssl); and that
    certificate's file, for a client to trust."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command here")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    found = Server()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(found))
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    found.base = f"https://localhost:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield found, cert
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_https_checks_the_certificate_against_the_url_host_while_connecting_to_the_checked_address(
        tls_server: tuple[Server, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    server, cert = tls_server
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):  # a certificate nobody vouches for
        allowed().download(f"{server.base}/t.vtt")
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # now trusted: the name in the URL is the one checked
    assert allowed().download(f"{server.base}/t.vtt").data == VTT
    with pytest.raises(FetchError, match="IP address mismatch"):  # its certificate names localhost, not the address
        allowed().download(server.base.replace("localhost", "127.0.0.1") + "/t.vtt")
