"""The build never imports the watcher or the server: they sit beside it and call into it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
BESIDE_THE_BUILD = {"generator.watch", "generator.changes", "generator.serve", "generator.cli", "generator.preview"}
# The builder and its pipeline: what only the command line and the preview call.
THE_BUILDER = {"generator.engine", "generator.build", "generator.loading", "generator.keys", "generator.pieces",
               "generator.workers"}


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_build_side_modules_do_not_import_watcher_server_or_cli() -> None:
    offenders = {}
    for path in PACKAGE.glob("*.py"):
        module = f"generator.{path.stem}"
        if module in BESIDE_THE_BUILD or path.stem == "__main__":
            continue
        bad = imports_of(path) & BESIDE_THE_BUILD
        if bad:
            offenders[path.name] = sorted(bad)
    assert offenders == {}


def test_the_watcher_and_the_classification_of_changes_do_not_import_the_builder() -> None:
    # The preview hands the watcher's paths to the builder; what a path is, is decided beside the watcher.
    for name in ("watch.py", "changes.py"):
        assert imports_of(PACKAGE / name) & THE_BUILDER == set(), name

