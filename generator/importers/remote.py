"""What the feed import does with the remote files a feed names: without `--fetch`, it reports each one it
leaves behind; with it, it fetches them (fetch.py) and reports what could not be fetched. Enclosures without
a size are gathered, so that one warning tells what apps do about them, however many there are."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostics, Location
from generator.importers.fetch import Fetched, Fetcher, FetchError
from generator.importers.report import REPORT_FILE, Report
from generator.importers.writer import ImportResult, SiteWriter

UNKNOWN_SIZE_HINT = ("podcast apps learn an episode's size when they download it, and some show no size until then; "
                     "import again with --fetch to ask the audio's server for each size (a HEAD request), or write "
                     "each 'bytes:' yourself")


@dataclass(slots=True)
class Remote:
    fetcher: Fetcher | None
    diags: Diagnostics
    report: Report
    unknown_sizes: list[tuple[Location, str]] = field(default_factory=list)  # (item, episode.md) without a size
    size_failures: list[str] = field(default_factory=list)

    def size(self, url: str, where: Location, episode: str) -> int | None:
        """The enclosure's size from a HEAD request with --fetch; None (gathered for unknown_size_warning)
        when there is no --fetch or no answer."""
        if self.fetcher is not None:
            try:
                return self.fetcher.size(url)
            except FetchError as exc:
                self.size_failures.append(f"{url}: {exc}")
            finally:
                self.fetcher.step("downloads")
        self.unknown_sizes.append((where, episode))
        self.report.add_attention(where, f"{episode}: the audio's size is unknown ('bytes: unknown')",
                                  "write its size in bytes, or import again with --fetch")
        return None

    def unknown_size_warning(self) -> None:
        """One warning for every enclosure left without a size, at the first of them."""
        if not self.unknown_sizes:
            return
        count = len(self.unknown_sizes)
        what = "an enclosure gives" if count == 1 else f"{count} enclosures give"
        message = (f"{what} no size (no length, or 0), so the audio says 'bytes: unknown' and the feed will give "
                   "length=\"0\"" + ("" if count == 1 else "; this is the first of them"))
        if self.size_failures:
            message += (f"; --fetch could not find {len(self.size_failures)} of the sizes either (first: "
                        f"{self.size_failures[0]})")
        first = min((where for where, _ in self.unknown_sizes), key=lambda where: where.line)  # imported oldest first
        self.diags.warning(first, message, UNKNOWN_SIZE_HINT)

    def file(self, url: str, where: Location, what: str, put: str, *, lost: bool = True) -> Fetched | None:
        """The remote file at `url` with --fetch; None, reported, when it is not fetched. `put` names where
        the user would put it by hand; `lost`: the site loses the file's link when it is not fetched."""
        if self.fetcher is None:
            self.diags.warning(where, f"the {what} {url} is not a local file and was not fetched",
                               f"download it into {put}, or import again with --fetch")
            self.report.add_dropped(where, f"the {what} {url}", "a remote file: import again with --fetch, or "
                                    f"download it into {put}")
            return None
        try:
            return self.fetcher.download(url)
        except FetchError as exc:
            if not lost:
                self.diags.warning(where, f"the {what} {url} was not fetched: {exc}; its link is kept")
                self.report.add_attention(where, f"the {what} {url}", f"not fetched: {exc}; its link is kept")
                return None
            self.diags.warning(where, f"the {what} {url} was not fetched: {exc}", f"download it into {put}")
            self.report.add_dropped(where, f"the {what} {url}", f"not fetched: {exc}")
            return None
        finally:
            self.fetcher.step("downloads")

    def cover(self, url: str, where: Location, writer: SiteWriter, show: str) -> str:
        """With --fetch, the show's cover downloaded into the site (its path there); else, or when it cannot be,
        its URL."""
        if self.fetcher is None:
            return url
        fetched = self.file(url, where, "artwork", "the site folder, named in 'artwork:'", lost=False)
        ext = {"image/jpeg": "jpg", "image/png": "png"}.get(fetched.mime if fetched else "")
        if fetched is None or ext is None:
            if fetched is not None:
                self.diags.warning(where, f"the artwork {url} is not a JPEG or PNG image ({fetched.mime or 'no type'})"
                                   "; its link is kept", "a show's cover is a square JPEG or PNG")
            return url
        writer.write(f"artwork/{show}.{ext}", fetched.data, "artwork")
        return f"artwork/{show}.{ext}"


def count_fetches(channel: ET.Element) -> int:
    """How many requests --fetch may make for this feed, for its progress line: a size for each enclosure
    without a length, each remote transcript and chapters file, and the cover."""
    podcast = "{https://podcastindex.org/namespace/1.0}"
    count = 1
    for item in channel.iter("item"):
        enclosure = item.find("enclosure")
        if enclosure is not None and enclosure.get("length", "0").strip() in ("", "0"):
            count += 1
        for element in (*item.findall(f"{podcast}transcript"), *item.findall(f"{podcast}chapters")):
            count += element.get("url", "").startswith(("http://", "https://"))
    return count


def write_report(site: Path, result: ImportResult) -> Path | None:
    """site/IMPORT-REPORT.md, the import's own file, replaced at each import; None when it cannot be written."""
    path = site / REPORT_FILE
    try:
        path.write_text(result.report.markdown(result.counts, result.diagnostics), encoding="utf-8")
    except OSError as exc:
        result.diagnostics.warning(Location(path), f"the import report could not be written: {exc.strerror}")
        return None
    result.written.append(path)
    return path
