"""Source files as podsite reads them, with locations: text (UTF-8, line endings normalised, what cannot be
read reported where it is), YAML that remembers where each key and item came from, and front matter
splitting. A leaf: content, transcripts, feed checks and the importers all read through it."""

from __future__ import annotations

import functools
import json
import os
import re
import stat
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


# How deep YAML and JSON may nest (docs/content-format.md): far more than any content file needs, and
# little enough that neither a parser's recursion nor the conversion below can run out of stack.
MAX_DEPTH = 64
# Below this many possible openings of a collection, libyaml's recursive composer is safe from overflowing
# the C stack (a deeper text is first walked as events, which need no recursion).
_COMPOSER_SAFE = 1000
_ALIAS_HINT = "write the value out in full: podsite does not expand YAML aliases (*name) or anchors (&name)"


def load_yaml(text: str, path: Path, diags: Diagnostics, first_line: int = 1) -> Any:
    """Parse YAML into YamlMap/YamlList/scalars; a syntax error, an alias (*name) or nesting deeper than
    MAX_DEPTH becomes a located diagnostic and None."""
    try:
        if _nesting_bound(text) > _COMPOSER_SAFE:
            _check_depth(text)
        return _load(text, _FastLoader, first_line)
    except yaml.YAMLError:
        pass
    try:  # the pure-Python parser again, whose messages are the same on every machine
        return _load(text, _StrictLoader, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        problem = exc.problem or "invalid YAML"
        context = (f" ({exc.context} at line {first_line + exc.context_mark.line})"
                   if exc.context and exc.context_mark else "")
        diags.error(Location(path, line), f"YAML syntax: {problem}{context}", _yaml_hint(problem))
    except yaml.YAMLError as exc:
        diags.error(Location(path, first_line), f"YAML syntax: {exc}")
    except RecursionError:  # nested deeper than the pure-Python composer can follow
        diags.error(Location(path, first_line), f"YAML syntax: nested more than {MAX_DEPTH} levels deep",
                    "lists and mappings inside each other a few levels deep are all a content file needs")
    return None


def _nesting_bound(text: str) -> int:
    """At least the YAML text's nesting depth: every level opens with one of these characters."""
    return sum(text.count(c) for c in "[{-?:")


def _check_depth(text: str) -> None:
    """Raise a MarkedYAMLError where the text nests deeper than MAX_DEPTH, read as events (no recursion)."""
    loader = _FastLoader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def _too_deep(mark: Any) -> yaml.MarkedYAMLError:
    return yaml.MarkedYAMLError(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=mark)


class _StrictLoader(yaml.SafeLoader):
    """The pure-Python loader, refusing aliases where they are written (the fast one's nodes only show them
    as a node met twice)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem=f"alias *{event.anchor} is not allowed",
                                       problem_mark=event.start_mark)
        return super().compose_node(parent, index)


def _load(text: str, loader_class: Any, first_line: int) -> Any:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(node, loader, first_line, set(), 1)
    finally:
        loader.dispose()


# libyaml's parser, when PyYAML was built with it, reads front matter (every episode's, each build) faster and gives
# the same nodes and marks; its error messages are worded differently, so errors are read again above.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_hint(problem: str) -> str:
    if problem.startswith("alias"):
        return _ALIAS_HINT
    if problem.startswith("nested"):
        return "lists and mappings inside each other a few levels deep are all a content file needs"
    if "mapping values are not allowed" in problem:
        return 'a value containing ": " must be quoted, e.g. title: "Go: the language"'
    if problem.startswith("duplicate key"):
        return "each key may appear once; remove or rename one of them"
    if "found character '\\t'" in problem:
        return "indent with spaces, not tabs"
    return "check the indentation and quoting on this line and the one before it"


def _convert(node: yaml.Node, loader: Any, first_line: int, seen: set[int], depth: int) -> Any:
    """The node as YamlMap/YamlList/scalars. `seen`: the nodes met so far; a node met again is an alias,
    refused, since expanding aliases of aliases grows exponentially (a "billion laughs")."""
    if id(node) in seen:
        raise yaml.MarkedYAMLError(problem="alias is not allowed", problem_mark=node.start_mark)
    seen.add(id(node))
    line = first_line + node.start_mark.line
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and depth > MAX_DEPTH:
        raise _too_deep(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result = YamlMap()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.MarkedYAMLError(problem="a key must be plain text, not a list or mapping",
                                           problem_mark=key_node.start_mark)
            seen.add(id(key_node))
            key = str(loader.construct_object(key_node, deep=True))
            if key in result:
                raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
            result[key] = _convert(value_node, loader, first_line, seen, depth + 1)
            result.key_lines[key] = first_line + key_node.start_mark.line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = YamlList(_convert(item, loader, first_line, seen, depth + 1) for item in node.value)
        items.line = line
        items.item_lines = [first_line + item.start_mark.line for item in node.value]
        return items
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # A date-shaped scalar that is no date (2024-13-01), or an integer of more digits than Python
        # converts: keep the text so the field check can say so.
        return node.value


def outside_link(path: Path, *roots: Path) -> Path | None:
    """Where `path` really is when a symbolic link (it, or a folder on its way) leads outside every one of
    `roots`; None when it stays inside one (or does not exist: reading it will say so)."""
    written = os.fspath(path)
    if ".." not in written:  # else the kernel may take ".." from where a link led, not as written
        absolute = os.path.abspath(written)
        for root in roots:
            base = _written_root(os.fspath(root))
            if base is not None and _plainly_below(absolute, base):
                return None
    real = os.path.realpath(path)
    if any(_inside(real, _real_root(os.path.abspath(root))) for root in roots) or not os.path.lexists(path):
        return None
    return Path(real)


@functools.lru_cache(maxsize=64)
def _real_root(root: str) -> str:
    """A root's real path, worked out once: every file of every episode is checked against the same two.
    A root that becomes a link later only makes more paths look outside it, so a stale answer refuses a
    file, and never lets one through."""
    return os.path.realpath(root)


@functools.lru_cache(maxsize=64)
def _written_root(root: str) -> str | None:
    """A root as written, absolute and without a trailing separator; None when it has a ".." part."""
    return None if ".." in root.split(os.sep) else os.path.abspath(root).rstrip(os.sep)


def _plainly_below(absolute: str, root: str) -> bool:
    """Whether `absolute` is written below `root` and no part of it below the root is a link.
    Then it lies inside the root's real path whatever the root itself resolves to, which spares working
    out every path's real path (a walk up from /) for the files of every episode. A part that is missing
    means the file is missing: reading it will say so."""
    if not absolute.startswith(root + os.sep):
        return False
    at = len(root)
    while at >= 0:
        at = absolute.find(os.sep, at + 1)
        try:
            if stat.S_ISLNK(os.lstat(absolute if at < 0 else absolute[:at]).st_mode):
                return False
        except FileNotFoundError:
            return True
        except OSError:
            return False
    return True


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


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


class JsonError(ValueError):
    """Why a JSON text cannot be read: a message and the 1-based line it concerns."""

    def __init__(self, message: str, line: int, hint: str, column: int = 0) -> None:
        super().__init__(message)
        self.line, self.hint, self.column = line, hint, column


# A JSON string (its closing quote optional, so that an unclosed one cannot make the scan quadratic) or a
# bracket; what depth_error looks at.
_JSON_TOKEN_RE = re.compile(r'"(?:[^"\\]++|\\[\s\S])*+"?|[\[\]{}]')
_NOT_BRACKET_RE = re.compile(r"[^\[\]{}]+")
_JSON_STRING_RE = re.compile(r'"(?:[^"\\]++|\\[\s\S])*+"?')


def parse_json(text: str) -> Any:
    """JSON text parsed, or JsonError: for a syntax error, nesting deeper than MAX_DEPTH (checked before
    parsing, whose recursion it would exhaust), or a number of more digits than Python converts."""
    depth_error(text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonError(f"not valid JSON: {exc.msg}", exc.lineno,
                        "a missing comma, quote or bracket just before that point is the usual cause",
                        exc.colno) from None
    except (ValueError, RecursionError) as exc:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise JsonError(f"cannot read this JSON: {exc}", 1, "check the numbers in it") from None


def depth_error(text: str) -> None:
    """JsonError at the first bracket that opens a level deeper than MAX_DEPTH, if any."""
    many = text.count("[") + text.count("{") > MAX_DEPTH
    brackets = _NOT_BRACKET_RE.sub("", _JSON_STRING_RE.sub("", text)) if many else ""
    depth = deepest = 0
    for char in brackets:  # only the brackets outside strings: a fast pass over a short text
        depth += 1 if char in "[{" else -1
        deepest = max(deepest, depth)
    if deepest <= MAX_DEPTH:
        return
    depth = 0
    for m in _JSON_TOKEN_RE.finditer(text):  # again, slower, for where it happens
        token = m.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                raise JsonError(f"JSON nested more than {MAX_DEPTH} levels deep",
                                text.count("\n", 0, m.start()) + 1,
                                "a transcript or chapters file needs a few levels; check the brackets here")
        elif token in ("]", "}"):
            depth -= 1
