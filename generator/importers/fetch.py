"""What `podsite import feed --fetch` asks of the network: the size of an enclosure (a HEAD request) and the
bytes of a remote transcript, chapters file or artwork (a GET), each with a timeout and a size cap.

A feed is untrusted: its URLs must not make podsite probe the user's own network. So every host is resolved
once, every address it resolves to must be a global one (not loopback, private, link-local, shared, reserved
…) unless `allow_private` is set, and the connection goes to that checked address, never to a second
resolution of the name (which a rebinding DNS server could answer differently). A redirect is followed only
to a URL that passes the same checks, up to MAX_REDIRECTS. Proxies from the environment are not used: they
would make the connection to an address podsite did not check.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0  # seconds, for each connection and read, and for each download as a whole
DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a transcript, chapters file or cover is far smaller
_CHUNK = 64 * 1024


class FetchError(Exception):
    """Why a URL was not fetched, in words for the user."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How `--fetch` fetches: `allow_private` lets a URL resolve to a loopback or private address."""

    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(slots=True)
class Fetched:
    """A downloaded file: its bytes, the URL they came from after redirects, and its Content-Type."""

    data: bytes
    url: str
    mime: str = ""


@dataclass(slots=True)
class Fetcher:
    """Fetches with `options`, telling `progress` (done, total, what) as it goes."""

    options: FetchOptions = field(default_factory=FetchOptions)
    progress: Callable[[int, int, str], None] | None = None
    total: int = 0
    done: int = 0

    def step(self, what: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done), what)

    def size(self, url: str) -> int:
        """The Content-Length a HEAD request for `url` answers; FetchError when there is none."""
        with _Opened(self.options, url, "HEAD") as (response, _):
            length = response.getheader("Content-Length", "")
        if not (length.isascii() and length.isdigit() and int(length) > 0):
            raise FetchError("the server gives no size (Content-Length) for it")
        return int(length)

    def download(self, url: str) -> Fetched:
        """The bytes at `url`, at most options.max_bytes of them, read within options.timeout."""
        limit = self.options.max_bytes
        with _Opened(self.options, url, "GET") as (response, final):
            length = response.getheader("Content-Length", "")
            if length.isascii() and length.isdigit() and int(length) > limit:
                raise FetchError(f"it is {int(length)} bytes, over the limit of {limit}")
            deadline = time.monotonic() + self.options.timeout
            parts: list[bytes] = []
            size = 0
            try:
                while chunk := response.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"it is over the limit of {limit} bytes")
                    if time.monotonic() > deadline:
                        raise FetchError(f"it took over {self.options.timeout:g} seconds")
                    parts.append(chunk)
            except TimeoutError:
                raise FetchError(f"the server stopped sending for {self.options.timeout:g} seconds") from None
            except (OSError, http.client.HTTPException) as exc:
                raise FetchError(f"the download broke off ({type(exc).__name__})") from None
            mime = response.getheader("Content-Type", "").split(";")[0].strip().lower()
        return Fetched(b"".join(parts), final, mime)


class _Opened:
    """A response to `method url` after the redirects, as a context manager that closes it."""

    def __init__(self, options: FetchOptions, url: str, method: str) -> None:
        self.options, self.url, self.method = options, url, method
        self.response: http.client.HTTPResponse | None = None

    def __enter__(self) -> tuple[http.client.HTTPResponse, str]:
        url = self.url
        for _ in range(MAX_REDIRECTS + 1):
            address = checked_address(url, self.options.allow_private)
            response = _request(url, self.method, address, self.options.timeout)
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location", ""))
                response.close()
                continue
            if response.status != 200:
                response.close()
                raise FetchError(f"the server answered {response.status} {response.reason}".rstrip())
            self.response = response
            return response, url
        raise FetchError(f"it redirects more than {MAX_REDIRECTS} times")

    def __exit__(self, *_: object) -> None:
        if self.response is not None:
            self.response.close()


def checked_address(url: str, allow_private: bool) -> str:
    """The address to connect to for `url`: its host resolved once, and every address it resolves to a global
    one (unless `allow_private`). FetchError for anything else, before any connection is made."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("it is not an http(s) URL")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except ValueError:
        raise FetchError("its port is not a number") from None
    except OSError as exc:
        raise FetchError(f"its host {parts.hostname} cannot be resolved ({exc.strerror or exc})") from None
    addresses = [str(info[4][0]) for info in infos]
    if not allow_private:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
                ip = ip.ipv4_mapped
            if not ip.is_global or ip.is_multicast:
                host = address if parts.hostname == address else f"{parts.hostname} ({address})"
                raise FetchError(f"{host} is an address on this machine or its local network, refused (use "
                                 "--allow-private if you mean to fetch from there)")
    return addresses[0]


def _request(url: str, method: str, address: str, timeout: float) -> http.client.HTTPResponse:
    """One request, without redirects, proxies or a second name resolution: the connection goes to `address`."""
    opener = urllib.request.OpenerDirector()
    opener.add_handler(_PinnedHandler(address))  # no HTTPErrorProcessor, no redirect handler: every answer comes back
    request = urllib.request.Request(url, method=method, headers={"User-Agent": "podsite-import",
                                                                  "Accept-Encoding": "identity"})
    try:
        response = opener.open(request, timeout=timeout)
    except TimeoutError:
        raise FetchError(f"the server did not answer within {timeout:g} seconds") from None
    except OSError as exc:
        reason = getattr(exc, "reason", None) or exc.strerror or exc
        if isinstance(reason, TimeoutError):
            raise FetchError(f"the server did not answer within {timeout:g} seconds") from None
        raise FetchError(f"it could not be fetched ({reason})") from None
    except http.client.HTTPException as exc:
        raise FetchError(f"the server's answer is not HTTP ({type(exc).__name__})") from None
    assert isinstance(response, http.client.HTTPResponse)
    return response


class _PinnedHandler(urllib.request.HTTPHandler):
    """http and https connections to one checked address; the URL's host name still goes in the Host header,
    the TLS server name and the certificate check."""

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address
        self.context = ssl.create_default_context()

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._http, req)

    https_request = urllib.request.AbstractHTTPHandler.do_request_

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._https, req)

    def _http(self, host: str, **kwargs: Any) -> http.client.HTTPConnection:
        return _PinnedHTTP(self.address, host, **kwargs)

    def _https(self, host: str, **kwargs: Any) -> http.client.HTTPSConnection:
        return _PinnedHTTPS(self.address, host, context=self.context, **kwargs)


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, address: str, host: str, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, address: str, host: str, *, context: ssl.SSLContext, **kwargs: Any) -> None:
        super().__init__(host, context=context, **kwargs)
        self.address, self.tls = address, context

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)
