"""What a page's templates read of the Site, noted while it renders: a build renders a list page again only
when something it read changed (pieces.py), and reuses an episode's page from the last build only when its
templates read nothing but what the page's key covers (keys.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from generator.model.entities import Site

SITE_FIELDS = frozenset(f.name for f in dataclasses.fields(Site))
SIZE = "\0size"  # the key under which a page's use of a dict's size (or truth) is noted (no slug is this;
# a string, so that reads sent back by a worker process compare equal)
Read = str | tuple[str, Any]  # a Site attribute, or (dict attribute, key or SIZE)


class SiteReads:
    """Stands in for the Site while one page renders and notes what the templates read of it: an attribute
    as a whole, or of a dict attribute (people, sponsors, appearances, sponsorships) single keys or its size."""

    __slots__ = ("_site", "read")

    def __init__(self, site: Site) -> None:
        self._site = site
        self.read: set[Read] = set()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if name in SITE_FIELDS and isinstance(value, dict):
            return MappingReads(name, value, self.read)
        self.read.add(name)
        return value


class MappingReads(Mapping[Any, Any]):
    """A read-only view of one of the Site's dicts that notes which keys are looked up."""

    __slots__ = ("_data", "_name", "_read")

    def __init__(self, name: str, data: dict[Any, Any], read: set[Read]) -> None:
        self._name, self._data, self._read = name, data, read

    def __getitem__(self, key: Any) -> Any:  # also what get() and `in` use
        self._read.add((self._name, key))
        return self._data[key]

    def __len__(self) -> int:  # also what truth tests use
        self._read.add((self._name, SIZE))
        return len(self._data)

    def __iter__(self) -> Iterator[Any]:
        self._read.add(self._name)
        return iter(self._data)
