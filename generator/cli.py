"""The `podsite` command line: parses the arguments and runs the command; console.py prints the results and
chooses the exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator import __version__
from generator.console import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, ProgressLine, plural, report
from generator.diagnostics import display_path

# The commands import what they need when they run: `podsite build` with nothing changed answers from the
# build state in a fraction of a second, which loading every module up front would already use up.

def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="podsite", description="Build a podcast website from plain files.")
    parser.add_argument("--version", action="version", version=f"podsite {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--site", type=Path, default=Path("content"), help="the site folder (default: content)")
        command.add_argument("--base-url", help="override site.yaml's base_url, e.g. for a staging host")
        command.add_argument("--drafts", action="store_true", help="include episodes marked draft: true")
        command.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                             help="worker processes for the episodes (default: one per core)")

    build_cmd = commands.add_parser("build", help="build the site into the output folder")
    site_options(build_cmd)
    build_cmd.add_argument("--out", type=Path, default=Path("output"), help="the output folder (default: output)")
    check_cmd = commands.add_parser("check", help="check the content and report every problem; write nothing")
    site_options(check_cmd)
    serve_cmd = commands.add_parser("serve", help="preview the site, drafts included, rebuilding it as files change")
    serve_cmd.add_argument("--site", type=Path, default=Path("content"), help="the site folder (default: content)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0: any free port)")
    serve_cmd.add_argument("--host", default="127.0.0.1",
                           help="the address to listen on (default: 127.0.0.1, this machine only)")
    serve_cmd.add_argument("--poll", action="store_true",
                           help="poll for changes, for folders that send no change events (network or VM mounts)")
    new_cmd = commands.add_parser("new", help="start a new episode: its folder and front matter, ready to edit")
    new_cmd.add_argument("kind", choices=["episode"], help="what to create")
    new_cmd.add_argument("show", help="the show's slug, e.g. practicalai")
    new_cmd.add_argument("--site", type=Path, default=Path("content"), help="the site folder (default: content)")
    import_cmd = commands.add_parser("import", help="turn a podcast's RSS feed, or a tree of transcripts and notes, "
                                     "into content files")
    sources = import_cmd.add_subparsers(dest="source", required=True, metavar="SOURCE")
    feed_cmd = sources.add_parser("feed", help="a podcast RSS feed file, as a hosting platform exports it")
    feed_cmd.add_argument("feed", type=Path, help="the feed file")
    feed_cmd.add_argument("--show", help="the show's slug (default: made from the feed's title)")
    changelog_cmd = sources.add_parser("changelog", help="Changelog-style <show>/<file>.md transcripts and notes")
    changelog_cmd.add_argument("transcripts", type=Path, help="the folder of transcripts, one folder per show")
    changelog_cmd.add_argument("notes", type=Path, nargs="?", help="the folder of show notes, laid out the same way")
    for command in (feed_cmd, changelog_cmd):
        command.add_argument("--site", type=Path, default=Path("content"),
                             help="the site folder, created when missing (default: content)")
        command.add_argument("--force", action="store_true", help="overwrite files that exist")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if args.command == "import":
        return run_import(args)
    if not args.site.is_dir():
        print(f"podsite: error: site folder '{args.site}' not found (use --site to name it)", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "serve":
        from generator.preview.app import serve

        return serve(args.site, args.host, args.port, args.poll)
    if args.command == "new":
        return new(args.site, args.show)
    from generator.engine import Builder

    progress = ProgressLine()
    out = args.out if args.command == "build" else None
    builder = Builder(args.site, out, base_url=args.base_url, drafts=args.drafts, jobs=args.jobs)
    result = builder.build(progress=progress)
    progress.clear()
    if result.up_to_date:
        return report(result, f"{args.out} is up to date")
    return report(result, f"built {args.out}" if out else "checked")


def run_import(args: argparse.Namespace) -> int:
    """`podsite import feed|changelog`: every problem and skipped file, then one summary line."""
    from generator.importers.changelog import import_changelog
    from generator.importers.feed import import_feed
    from generator.importers.writer import ImportUsageError

    try:
        if args.source == "feed":
            result = import_feed(args.feed, args.site, args.show, args.force)
        else:
            result = import_changelog(args.transcripts, args.notes, args.site, args.force)
    except ImportUsageError as exc:
        print(f"podsite: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if result.diagnostics.items:
        print(result.diagnostics.report(), file=sys.stderr)
    if not result.ok:
        print(f"podsite: {plural(len(result.diagnostics.errors), 'error')}; nothing was imported", file=sys.stderr)
        return EXIT_CONTENT
    if result.counts["site"]:
        print(f"podsite: created {display_path(args.site / 'site.yaml')}: check its title and base_url")
    for path in result.skipped:
        print(f"podsite: skipped existing {display_path(path)}")
    counts = result.counts
    made = [plural(counts["show"], "show"), plural(counts["episode"], "episode"),
            f"{counts['person']} {'person' if counts['person'] == 1 else 'people'}"]
    made += [plural(counts[kind], word) for kind, word in (("transcript", "transcript"), ("chapters", "chapters file"),
                                                            ("audio file", "audio file")) if counts[kind]]
    print(f"podsite: imported: {', '.join(made)}; skipped {plural(len(result.skipped), 'existing file')}")
    return EXIT_OK


def new(site: Path, show: str) -> int:
    """`podsite new episode SHOW`."""
    from generator.importers.scaffold import ScaffoldError, new_episode

    try:
        path = new_episode(site, show, dt.date.today())
    except ScaffoldError as exc:
        print(f"podsite: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"podsite: created {path}: a draft; give it a title, and remove 'draft: true' to publish it")
    return EXIT_OK
