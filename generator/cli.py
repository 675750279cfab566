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
        command.add_argument("--site", type=Path, default=None, help="the site folder (default: content)")
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
    serve_cmd.add_argument("--site", type=Path, default=None, help="the site folder (default: content)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0: any free port)")
    serve_cmd.add_argument("--host", default="127.0.0.1",
                           help="the address to listen on (default: 127.0.0.1, this machine only)")
    serve_cmd.add_argument("--poll", action="store_true",
                           help="poll for changes, for folders that send no change events (network or VM mounts)")
    new_cmd = commands.add_parser("new", help="start a new site, or a show's next episode, ready to edit")
    kinds = new_cmd.add_subparsers(dest="kind", required=True, metavar="KIND")
    episode_cmd = kinds.add_parser("episode", help="the show's next episode: its folder and front matter, a draft")
    episode_cmd.add_argument("show", help="the show's slug, e.g. practicalai")
    episode_cmd.add_argument("--site", type=Path, default=None, help="the site folder (default: content)")
    site_cmd = kinds.add_parser("site", help="a project folder: the site (DIR/content), a .gitignore and a GitHub "
                                "Pages workflow; it builds with no warnings at once")
    site_cmd.add_argument("dir", type=Path, help="the new project folder (created; must be empty)")
    site_cmd.add_argument("--title", required=True, help="the site's title")
    site_cmd.add_argument("--show", help="the first show's name (default: the title)")
    site_cmd.add_argument("--show-slug", default="", help="its slug, in URLs (default: made from the name)")
    site_cmd.add_argument("--host", required=True, help="the show's host's name, e.g. 'Ada Lovelace'")
    site_cmd.add_argument("--host-slug", default="", help="their slug (default: made from the name)")
    site_cmd.add_argument("--category", required=True, help="the show's Apple Podcasts category, e.g. Technology")
    site_cmd.add_argument("--artwork", type=Path, help="the show's cover, a square JPEG or PNG of 1400 to 3000 "
                          "pixels (default: a plain square, to replace)")
    site_cmd.add_argument("--base-url", default="", help="the site's address (default: none yet; the GitHub Pages "
                          "workflow passes its own)")
    site_cmd.add_argument("--podsite", default="", metavar="REQUIREMENT", help="the pip requirement the workflow "
                          "installs podsite from (default: where this podsite came from, if a git URL)")
    site_cmd.add_argument("--force", action="store_true", help="write into a folder that is not empty: only "
                          "the missing files; no file there is replaced")
    import_cmd = commands.add_parser("import", help="turn a podcast's RSS feed, or a tree of transcripts and notes, "
                                     "into content files")
    sources = import_cmd.add_subparsers(dest="source", required=True, metavar="SOURCE")
    feed_cmd = sources.add_parser("feed", help="a podcast RSS feed file, as a hosting platform exports it")
    feed_cmd.add_argument("feed", type=Path, help="the feed file")
    feed_cmd.add_argument("--show", help="the show's slug (default: made from the feed's title)")
    feed_cmd.add_argument("--fetch", action="store_true", help="ask the audio's server for each missing enclosure "
                          "size (HEAD), and download remote transcripts, chapters and the cover into the site")
    feed_cmd.add_argument("--allow-private", action="store_true", help="with --fetch, also fetch from addresses on "
                          "this machine or its local network (refused by default: a feed must not probe them)")
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
    if args.command == "new" and args.kind == "site":
        return new_site(args)
    if args.site is None:
        args.site = Path("content")
        if not args.site.is_dir():
            print("podsite: error: no site folder 'content' here (use --site to name it; to start a site, run "
                  "`podsite new site DIR`)", file=sys.stderr)
            return EXIT_USAGE
    if not args.site.is_dir():
        print(f"podsite: error: site folder '{args.site}' not found (to start a site, run `podsite new site DIR`: "
              "it makes DIR/content)", file=sys.stderr)
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
    from generator.importers.fetch import Fetcher, FetchOptions
    from generator.importers.report import imported
    from generator.importers.writer import ImportUsageError

    progress = ProgressLine()
    try:
        if args.source == "feed":
            fetcher = Fetcher(FetchOptions(allow_private=args.allow_private), progress) if args.fetch else None
            result = import_feed(args.feed, args.site, args.show, args.force, fetcher)
            progress.clear()
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
    if result.report_path is not None:
        for line in result.report.terminal(display_path(result.report_path)):
            print(line)
        print(f"podsite: the import report is in {display_path(result.report_path)}")
    print(f"podsite: imported: {imported(result.counts)}; skipped {plural(len(result.skipped), 'existing file')}")
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


def new_site(args: argparse.Namespace) -> int:
    """`podsite new site DIR`: what was written, what was kept, and what to do next."""
    from generator.importers.starter import PODSITE_PLACEHOLDER, StarterError, StarterOptions, installed_from
    from generator.importers.starter import new_site as start

    options = StarterOptions(title=args.title, show=args.show or args.title, host=args.host, category=args.category,
                             show_slug=args.show_slug, host_slug=args.host_slug, artwork=args.artwork,
                             base_url=args.base_url, podsite=args.podsite or installed_from())
    try:
        result = start(args.dir, options, dt.date.today(), force=args.force)
    except StarterError as exc:
        print(f"podsite: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in result.kept:
        print(f"podsite: kept {display_path(path)}: it is there already, with other contents")
    print(f"podsite: created {plural(len(result.created), 'file')} in {display_path(args.dir)}"
          + (f"; {len(result.unchanged)} were there already, the same" if result.unchanged else ""))
    if result.artwork_made:
        print("podsite: the show's artwork is a plain square: replace it with your cover (a square JPEG or PNG "
              "of 1400 to 3000 pixels) before you submit the feed")
    if result.podsite == PODSITE_PLACEHOLDER:
        print("podsite: .github/workflows/pages.yml installs podsite from a placeholder: set PODSITE there to "
              "the git URL (or wheel) you install podsite from (docs/deploying.md)")
    print(f"podsite: next: cd {display_path(args.dir)} && podsite serve; the first episode is a draft")
    return EXIT_OK
