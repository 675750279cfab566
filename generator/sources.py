"""Source files as podsite reads them, with locations: text (UTF-8, line endings normalised, what cannot be
read reported where it is), YAML that remembers where each key and item came from, and front matter
splitting. A leaf: content, transcripts, feed checks and the importers all read through it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics, Location


class YamlMap(dict[str, Any]):
    """A YAML mapping that knows the line of each of its keys (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list[Any]):
    """A YAML sequence that knows the line of each of its items (1-based)."""

    line: int
    item_lines: list[int]


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A Markdown file split into its YAML header and its body."""

    yaml_text: str | None
    yaml_first_line: int  # the file line of the YAML's first line
    body: str
    body_first_line: int


def split_front_matter(text: str) -> FrontMatter:
    """Split `---` YAML front matter off a Markdown file; a file without it is all body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(None, 0, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatter("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2)
    return FrontMatter("\n".join(lines[1:]), 2, "", len(lines) + 1)


def load_yaml(text: str, path: Path, diags: Diagnostics, first_line: int = 1) -> Any:
    """Parse YAML into YamlMap/YamlList/scalars; a syntax error becomes a located diagnostic and None."""
    try:
        return _load(text, _FastLoader, first_line)
    except yaml.YAMLError:
        pass
    try:  # the pure-Python parser again, whose messages are the same on every machine
        return _load(text, yaml.SafeLoader, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = exc.problem or "invalid YAML"
        context = f" ({exc.context} at line {first_line + exc.context_mark.line})" if exc.context and exc.context_mark else ""
        diags.error(Location(path, line), f"YAML syntax: {problem}{context}", _yaml_hint(problem))
    except yaml.YAMLError as exc:
        diags.error(Location(path, first_line), f"YAML syntax: {exc}")
    return None


def _load(text: str, loader_class: Any, first_line: int) -> Any:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(node, loader, first_line)
    finally:
        loader.dispose()


# libyaml's parser, when PyYAML was built with it, reads front matter several times faster and gives
# the same nodes and marks; its error messages are worded differently, so errors are read again above.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'a value containing ": " must be quoted, e.g. title: "Go: the language"'
    if problem.startswith("duplicate key"):
        return "each key may appear once; remove or rename one of them"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    return "check the indentation and quoting on this line and the one before it"


def _convert(node: yaml.Node, loader: Any, first_line: int) -> Any:
    line = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        result = YamlMap()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key)
            if key in result:
                raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
            result[key] = _convert(value_node, loader, first_line)
            result.key_lines[key] = first_line + key_node.start_mark.line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = YamlList(_convert(item, loader, first_line) for item in node.value)
        items.line = line
        items.item_lines = [first_line + item.start_mark.line for item in node.value]
        return items
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # A date-shaped scalar that is no date (2024-13-01): keep the text so the field check can say so.
        return node.value

def outside_link(path: Path, *roots: Path) -> Path | None:
    """Where `path` really is when a symbolic link (it, or a folder on its way) leads outside every one of
    `roots`; None when it stays inside one (or does not exist: reading it will say so)."""
    real = Path(os.path.realpath(path))
    if any(real.is_relative_to(os.path.realpath(root)) for root in roots) or not os.path.lexists(path):
        return None
    return real


def may_read(path: Path, diags: Diagnostics, *roots: Path, location: Location | None = None) -> bool:
    """Whether podsite may read `path`: a site is a closed world, so a file or folder that a link takes
    outside the site folder (`roots`: it, and the theme for the theme's own files) is an error at
    `location` (the path itself by default), and is not read. Links that stay inside are fine. Every reader
    of content asks this first."""
    real = outside_link(path, *roots)
    if real is None:
        return True
    diags.error(location or Location(path), f"'{path.name}' is a link to {real}, outside the site folder",
                "copy the file into the site folder (or make the link point inside it): podsite reads nothing "
                "outside the site, so that building a site cannot publish other files of this computer")
    return False


def read_text(path: Path, diags: Diagnostics, data: bytes | None = None) -> str | None:
    """A file's text as UTF-8 (from `data`, its bytes when already read); unreadable or undecodable files
    are errors."""
    try:
        if data is None:
            data = path.read_bytes()
        # Line endings are normalised here so that every later stage counts lines the same way.
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        assert data is not None
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.error(Location(path, line), f"not valid UTF-8: byte 0x{data[exc.start]:02X} at column {column}",
                    "save the file as UTF-8 (it is probably Latin-1 or Windows-1252 now)")
    except OSError as exc:
        diags.error(Location(path), f"cannot read the file: {exc.strerror}")
    return None
