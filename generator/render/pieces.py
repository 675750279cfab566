"""The records of the build's pieces other than episodes: the pages that list episodes, the feeds and the
sitemap. Each is kept with what it was made from, and is reused when that is unchanged; the build then
neither renders it again nor writes it (the output holds it).

A list page is made from its template, its context and what its templates read of the Site (reads.py,
noted while it rendered): it is kept while all three are equal to last time. A feed is made from the
configuration, its show and the show's episodes; the sitemap from the page URLs and the publication dates.
Equal inputs give equal bytes, so this stays exact however a theme uses the model; and the model's
unchanged parts are the very objects of the last build, so comparing them takes no time."""

from __future__ import annotations

import operator
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from generator.diagnostics import Diagnostic, Diagnostics
from generator.model.entities import Episode, Show, Site, SiteConfig
from generator.render.feeds import report_once, show_feed, site_feed
from generator.render.pages import Page
from generator.render.reads import SITE_FIELDS, SIZE, Read
from generator.render.seo import published, sitemap_xml


@dataclass(frozen=True, slots=True)
class PageRecord:
    template: str
    context: dict[str, Any]
    reads: frozenset[Read]  # what its templates read of the Site


def reusable_pages(pages: Iterable[Page], records: dict[str, PageRecord], before: Site | None,
                   site: Site) -> dict[str, PageRecord]:
    """The pages whose record says they would render as they did in the build of `before`."""
    if before is None:
        return {}
    same = _SameReads(before, site)
    kept = {}
    for page in pages:
        record = records.get(page.path)
        if (record is not None and record.template == page.template
                and (record.context is page.context or record.context == page.context) and same(record.reads)):
            kept[page.path] = PageRecord(page.template, page.context, record.reads)  # this build's objects
    return kept


class _SameReads:
    """Whether what a page read of one Site is the same in another; decided once for each set of reads and
    each read, which many pages share."""

    def __init__(self, before: Site, after: Site) -> None:
        self.before, self.after = before, after
        self.sets: dict[frozenset[Read], bool] = {}
        self.reads: dict[Read, bool] = {}

    def __call__(self, reads: frozenset[Read]) -> bool:
        known = self.sets.get(reads)
        if known is None:
            known = self.sets[reads] = self.before is self.after or all(map(self._same, reads))
        return known

    def _same(self, read: Read) -> bool:
        known = self.reads.get(read)
        if known is None:
            old, new = self.before, self.after
            if isinstance(read, tuple):
                name, key = read
                before, after = getattr(old, name), getattr(new, name)
                known = len(before) == len(after) if key == SIZE else before.get(key, SIZE) == after.get(key, SIZE)
            elif read in SITE_FIELDS:
                known = getattr(old, read) == getattr(new, read)
            else:  # a method or property (episodes_of): the whole Site
                known = old == new
            self.reads[read] = known
        return known


@dataclass(frozen=True, slots=True)
class FeedRecord:
    inputs: tuple[SiteConfig, Show | tuple[Show, ...], tuple[Episode, ...]]
    made: Any  # what show_feed or site_feed returned
    found: tuple[Diagnostic, ...]  # what they reported
    sources: frozenset[str]  # the files those reports point into: read again for line numbers when changed


@dataclass(slots=True)
class FeedRecords:
    """Each feed's record by path prefix, and what they reported together (each finding once)."""

    feeds: dict[str, FeedRecord] = field(default_factory=dict)
    reported: tuple[tuple[tuple[Diagnostic, ...], ...], list[Diagnostic]] = ((), [])  # made from those findings


def feed_files(site: Site, diags: Diagnostics, kept: FeedRecords,
               changed: frozenset[str]) -> dict[str, tuple[bytes, bool]]:
    """Every feed document by path, and whether its feed is the one `records` holds (which are brought up to
    date). None when the content has errors: values that failed to load are missing from the model, and the
    feed's complaints about them would only repeat those errors. `changed`: the paths changed since the
    records were made (absolute), whose line numbers a finding may give."""
    records = kept.feeds
    if diags.has_errors:
        records.clear()
        return {}
    found: list[Diagnostic] = []
    files: dict[str, tuple[bytes, bool]] = {}
    in_feeds: list[Episode] = []
    used = set()
    for show in site.shows:
        inputs = (site.config, show, site.episodes_of(show))
        (episodes, documents), same = _made(show.url, inputs, partial(show_feed, site, show), records, changed,
                                            found)
        used.add(show.url)
        in_feeds.extend(episodes)
        files.update((name, (data, same)) for name, data in documents.items())
    if len(site.shows) > 1:
        everything = tuple(in_feeds)
        documents, same = _made("", (site.config, site.shows, everything), partial(site_feed, site, everything),
                                records, changed, found)
        used.add("")
        files.update((name, (data, same)) for name, data in documents.items())
    for prefix in set(records) - used:
        del records[prefix]
    made_from = tuple(records[prefix].found for prefix in sorted(used))
    before = kept.reported[0]
    if len(before) != len(made_from) or not all(map(operator.is_, before, made_from)):  # else reported as then
        once = Diagnostics()
        report_once(found, once)
        kept.reported = (made_from, once.items)
    diags.items.extend(kept.reported[1])
    return files


def _made(prefix: str, inputs: Any, make: Any, records: dict[str, FeedRecord], changed: frozenset[str],
          found: list[Diagnostic]) -> tuple[Any, bool]:
    record = records.get(prefix)
    same = record is not None and record.inputs == inputs and not record.sources & changed
    if not same:
        findings = Diagnostics()
        made = make(findings)
        sources = frozenset(os.path.abspath(d.location.path) for d in findings.items)
        record = FeedRecord(inputs, made, tuple(findings.items), sources)
    assert record is not None
    records[prefix] = FeedRecord(inputs, record.made, record.found, record.sources)  # this build's objects
    found.extend(record.found)
    return record.made, same


def sitemap_of(site: Site, urls: list[str], before: tuple[Any, bytes] | None) -> tuple[Any, bytes]:
    """The sitemap and what it is made from: the last one when that is the same."""
    inputs = (site.config.base_url, urls, published(site))
    if before is not None and before[0] == inputs:
        return inputs, before[1]
    return inputs, sitemap_xml(*inputs)

