"""The package's shape, declared once: which part may import which, so that the pipeline reads top down.

Each part is a subpackage of generator/ or one of its top-level modules. LAYERS lists what each part may
import (besides itself); anything else, an import cycle between modules, or a module far past the size one
reader holds in mind fails here. Imports inside functions and under TYPE_CHECKING count the same.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_LINES = 600

# part -> the parts it may import. The commands sit on top; the model, markup, diagnostics and time codes
# at the bottom import nothing of ours but diagnostics and time codes.
LAYERS: dict[str, set[str]] = {
    "__main__": {"cli"},
    "cli": {"console", "engine", "preview", "importers", "diagnostics", "__init__"},
    "preview": {"engine", "result", "console", "cache", "output", "content", "render", "model", "diagnostics"},
    "console": {"result", "diagnostics"},
    "importers": {"content", "transcripts", "render", "markup", "model", "sources", "diagnostics", "timecode"},
    "engine": {"build", "result", "cache", "output", "model", "diagnostics"},
    "build": {"indexing", "loading", "workers", "result", "content", "render", "cache", "output", "transcripts",
              "markup", "model", "diagnostics"},
    "indexing": {"cache", "output", "render", "model"},
    "loading": {"content", "render", "cache", "transcripts", "markup", "model", "diagnostics"},
    "workers": {"content", "render", "cache", "output", "transcripts", "markup", "model", "diagnostics"},
    "result": {"output", "model", "diagnostics"},
    "render": {"content", "transcripts", "markup", "model", "sources", "diagnostics", "timecode"},
    "content": {"transcripts", "markup", "model", "sources", "diagnostics", "timecode"},
    "cache": {"transcripts", "markup", "model", "diagnostics", "__init__"},
    "transcripts": {"markup", "model", "sources", "diagnostics", "timecode"},
    "sources": {"diagnostics"},
    "output": {"diagnostics"},
    "markup": {"diagnostics"},
    "model": {"diagnostics", "timecode"},
    "diagnostics": set(),
    "timecode": set(),
    "__init__": set(),
}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        yield "generator." + ".".join(parts), path


def part_of(module: str) -> str:
    return module.split(".")[1]


def imports_of(path: Path, module: str) -> set[str]:
    """Every module of ours that `path` imports, by its full name (`from generator import x` names x)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: a relative import; import generator.… by its full name")
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
            if node.module == "generator":
                found.update(f"generator.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "generator")
    return {name for name in found if name != module and name != "generator"}


def graph() -> dict[str, set[str]]:
    known = dict(modules())
    edges: dict[str, set[str]] = {}
    for module, path in known.items():
        edges[module] = set()
        for name in imports_of(path, module):
            # `from generator.render.pages import pages` names a module, `from generator.render.pages import x` too,
            # and `from generator import __version__` the package's own __init__.
            while name not in known and name.count(".") > 1:
                name = name.rpartition(".")[0]
            edges[module].add(name if name in known else "generator.__init__")
    return edges


def test_every_part_is_declared() -> None:
    assert {part_of(module) for module, _ in modules()} <= LAYERS.keys()


def test_the_declared_layers_have_no_cycle() -> None:
    assert find_cycle({part: deps - {part} for part, deps in LAYERS.items()}) is None


def test_each_part_imports_only_what_its_layer_allows() -> None:
    wrong = sorted(f"{module} imports {name}" for module, names in graph().items() for name in names
                   if part_of(name) != part_of(module) and part_of(name) not in LAYERS[part_of(module)])
    assert wrong == []


def test_no_modules_import_each_other_round_a_cycle() -> None:
    assert find_cycle(graph()) is None


def test_the_model_imports_no_parser_and_the_build_never_the_preview() -> None:
    edges = graph()
    assert {n for m, names in edges.items() if part_of(m) == "model" for n in names
            if part_of(n) not in {"model", "diagnostics", "timecode"}} == set()
    assert {n for m, names in edges.items() if part_of(m) not in {"cli", "__main__", "preview"} for n in names
            if part_of(n) in {"preview", "cli", "console"} and part_of(m) != part_of(n)} == set()


def test_the_watcher_and_the_change_classes_never_import_the_engine() -> None:
    # They hand paths to the builder the preview holds: the pure classification knows nothing of a build.
    edges = graph()
    assert {n for m in ("generator.preview.watch", "generator.preview.changes") for n in edges[m]
            if part_of(n) in {"engine", "build", "loading", "workers", "cache", "render", "output"}} == set()


def test_no_module_is_much_over_six_hundred_lines() -> None:
    long = {path.relative_to(PACKAGE).as_posix(): n for _, path in modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_checks_catch_a_wrong_way_import_and_a_cycle() -> None:
    # The checks above pass on an empty graph too: here each sees a known fault.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) is not None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert "model" not in LAYERS["transcripts"] or "transcripts" not in LAYERS["model"]


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `edges` as the path round it, or None."""
    state: dict[str, int] = {}  # 1: on the path now, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None
