"""What both imports write with: files below the site folder, never over an existing one unless asked
(`force`; every file left alone is in the result's `skipped`), YAML as a person writes it, and the site's
people, so that an import names each person once. Nothing here prints; the command line reports the result."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.fields import SLUG_RE
from generator.diagnostics import Diagnostics
from generator.importers.report import Report
from generator.transcripts.speakers import normalize_label

_SLUG_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i"})  # noqa: RUF001 - the Turkish dotless i, meant


class ImportUsageError(Exception):
    """The command was given something it cannot start with (a missing file or folder, a bad slug)."""


@dataclass(slots=True)
class ImportResult:
    """What an import did: the files written and left alone, counts by kind, its problems, and its report."""

    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # site, show, episode, person, transcript, chapters…
    report: Report = field(default_factory=Report)
    report_path: Path | None = None  # where the import wrote its report, if it writes one

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters and digits joined by hyphens ("Anima Anandkumar" -> "anima-anandkumar");
    '' when nothing is left."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_SLUG_FOLD))
    words = re.findall(r"[a-z0-9]+", "".join(c for c in folded if not unicodedata.combining(c)))
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word[:limit]
    return slug


class _Dumper(yaml.SafeDumper):
    """YAML as a person writes it: lists of slugs in flow style, multi-line text as a literal block."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value.strip("\n") if style else value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = bool(value) and all(isinstance(v, str) and SLUG_RE.match(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=10_000)


def episode_text(front: dict[str, Any], body: str) -> str:
    """An episode.md: the front matter between '---' lines, then the body."""
    head = to_yaml(front) if front else ""
    body = body.strip("\n")
    return f"---\n{head}---\n" + (f"{body}\n" if body else "")


class SiteWriter:
    """Writes files below the site folder, never over an existing one unless forced."""

    def __init__(self, site: Path, force: bool, result: ImportResult) -> None:
        self.site, self.force, self.result = site, force, result

    def exists(self, rel: str) -> bool:
        return (self.site / rel).exists()

    def write(self, rel: str, data: bytes | str, kind: str | None = None, *, keep: bool = False) -> bool:
        """Writes site/rel; `keep`: never replace it, even when forced. True when written."""
        path = self.site / rel
        if path.exists() and (keep or not self.force):
            self.result.skipped.append(path)
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.result.written.append(path)
        if kind:
            self.result.counts[kind] += 1
        return True


def read_yaml(path: Path) -> Any:
    """A YAML file's data, or None when it is missing or unreadable (the build reports those)."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


class People:
    """The site's people by speaker label, so that an import names each person once: existing files are
    reused (matched by name or alias, as transcripts match them) and new slugs never take an existing one."""

    def __init__(self, site: Path, writer: SiteWriter) -> None:
        self.writer = writer
        self.by_label: dict[str, str] = {}
        self.taken: set[str] = set()
        self.new: dict[str, dict[str, Any]] = {}  # slug -> data to write
        folder = site / "people"
        if folder.is_dir():
            for path in sorted(folder.glob("*.y*ml")):
                self.taken.add(path.stem)
                data = read_yaml(path)
                if isinstance(data, dict):
                    aliases = data.get("aliases") or []
                    labels = [data.get("name"), *(aliases if isinstance(aliases, list) else [aliases])]
                    for label in labels:
                        if isinstance(label, str) and label.strip():
                            self.by_label.setdefault(normalize_label(label), path.stem)

    def slug_for(self, name: str, preferred: str = "") -> str:
        """The slug of the person called `name`: an existing or already imported one, else a new one."""
        key = normalize_label(name)
        base = preferred or slugify(name) or "person-" + hashlib.sha1(key.encode()).hexdigest()[:8]
        found = self.by_label.get(key)
        if found is not None:
            if found == base and found not in self.new:  # the file an earlier import wrote: write it again
                self.new[found] = {"name": " ".join(name.split())}
            return found
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        self.by_label[key] = slug
        self.new[slug] = {"name": " ".join(name.split())}
        return slug

    def add_details(self, slug: str, details: dict[str, Any]) -> None:
        data = self.new.get(slug)
        if data is not None:
            for key, value in details.items():
                data.setdefault(key, value)

    def write_all(self) -> None:
        for slug, data in sorted(self.new.items()):
            self.writer.write(f"people/{slug}.yaml", to_yaml(data), "person")


def write_site_file(writer: SiteWriter, title: str, base_url: str, language: str | None) -> bool:
    """site.yaml for a new site; an existing one is the author's and is never replaced."""
    if writer.exists("site.yaml"):
        return False
    data: dict[str, Any] = {"title": title, "base_url": base_url}
    if language:
        data["language"] = language
    path = writer.site / "site.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_yaml(data), encoding="utf-8")
    writer.result.written.append(path)
    writer.result.counts["site"] += 1
    return True
