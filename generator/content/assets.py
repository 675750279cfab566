"""Files that content refers to: an https URL used as is, or a local file copied into the output."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath

from generator.diagnostics import Diagnostics, Location
from generator.model.entities import Asset
from generator.sources import may_read

URL_RE = re.compile(r"https?://\S+\Z")


def resolve_asset(value: str, base_dir: Path, site_dir: Path, target_dir: str, location: Location,
                  diags: Diagnostics) -> Asset | None:
    """An Asset for `value`: a URL, or a path relative to `base_dir` that must stay inside the site folder."""
    if URL_RE.match(value):
        return Asset(url=value)
    relative = PurePosixPath(value)
    if relative.is_absolute() or ".." in relative.parts or "\\" in value:
        diags.error(location, f"'{value}' points outside the site folder",
                    "give a path inside the site folder (no '..', no leading '/') or a full https:// URL")
        return None
    if not may_read(base_dir / relative, diags, site_dir, location=location):
        return None
    source = (base_dir / relative).resolve()
    if not source.is_file():
        diags.error(location, f"file '{value}' not found (looked for {source})",
                    "check the spelling, or give a full https:// URL")
        return None
    target = posixpath.join(target_dir, relative.as_posix())
    return Asset(url=target, source=source, target=target)
