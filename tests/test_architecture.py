"""The build never imports the watcher or the server: they sit beside it and call into it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
BESIDE_THE_BUILD = {"generator.watch", "generator.serve", "generator.cli", "generator.preview"}


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


# The layers below the build, as flat modules (a later move puts each set into its own package).
LEAVES = {"generator.diagnostics", "generator.timecode", "generator.text_files"}
MODEL = {"generator.model", "generator.transcript_model"}
MARKUP = {"generator.markup", "generator.inline_fast", "generator.markdown_blocks", "generator.html_policy",
          "generator.html_text", "generator.text_scan"}
TRANSCRIPTS = {"generator.speakers", "generator.timing", "generator.transcript_parser", "generator.transcript_readers",
               "generator.transcript_writers"}


def ours(path: Path) -> set[str]:
    return {module for module in imports_of(path) if module.startswith("generator.")}


def test_model_and_markup_import_only_their_own_and_the_leaves() -> None:
    for layer in (MODEL, MARKUP):
        for module in layer:
            path = PACKAGE / f"{module.removeprefix('generator.')}.py"
            assert ours(path) <= layer | (LEAVES - {"generator.text_files"}), module


def test_transcripts_import_only_the_model_markup_and_the_leaves() -> None:
    for module in TRANSCRIPTS:
        path = PACKAGE / f"{module.removeprefix('generator.')}.py"
        assert ours(path) <= TRANSCRIPTS | MODEL | MARKUP | LEAVES, module
