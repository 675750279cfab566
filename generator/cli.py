"""The `podsite` command line: the only module that prints results and chooses exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import __version__
from generator.build import BuildResult, build

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="podsite", description="Build a podcast website from plain files.")
    parser.add_argument("--version", action="version", version=f"podsite {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--site", type=Path, default=Path("content"), help="the site folder (default: content)")
        command.add_argument("--base-url", help="override site.yaml's base_url, e.g. for a staging host")
        command.add_argument("--drafts", action="store_true", help="include episodes marked draft: true")

    build_cmd = commands.add_parser("build", help="build the site into the output folder")
    site_options(build_cmd)
    build_cmd.add_argument("--out", type=Path, default=Path("output"), help="the output folder (default: output)")
    check_cmd = commands.add_parser("check", help="check the content and report every problem; write nothing")
    site_options(check_cmd)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if not args.site.is_dir():
        print(f"podsite: error: site folder '{args.site}' not found (use --site to name it)", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "build":
        result = build(args.site, args.out, args.base_url, args.drafts)
        return report(result, f"built {args.out}")
    result = build(args.site, None, args.base_url, args.drafts)
    return report(result, "checked")


def report(result: BuildResult, verb: str) -> int:
    """Prints every diagnostic, then one summary line; returns the exit code."""
    diags = result.diagnostics
    if diags.items:
        print(diags.report(), file=sys.stderr)
    errors, warnings = len(diags.errors), len(diags.warnings)
    if errors:
        files = len({d.location.path for d in diags.errors})
        print(f"podsite: {_plural(errors, 'error')} in {_plural(files, 'file')}, {_plural(warnings, 'warning')}; "
              "nothing was written", file=sys.stderr)
        return EXIT_CONTENT
    episodes = len(result.site.episodes) if result.site else 0
    print(f"podsite: {verb}: {_plural(result.pages, 'page')}, {_plural(episodes, 'episode')}, "
          f"{_plural(warnings, 'warning')} in {result.seconds:.2f} s")
    return EXIT_OK


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
