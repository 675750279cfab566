"""The Jinja environment of a build: the site's own templates over the theme's, file by file."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Callable
from pathlib import Path

import jinja2

from generator.diagnostics import Diagnostics
from generator.model.topics import topic_url
from generator.render.embed import embed_code
from generator.render.seo import episode_jsonld, series_jsonld
from generator.render.transcript_html import transcript_body
from generator.sources import may_read, outside_link
from generator.timecode import format_seconds, format_timecode

_PACKAGE = Path(__file__).resolve().parent.parent  # generator/, the package
# The themes that come with podsite. The repository's themes/ is where they are edited; a wheel carries the
# same files inside the package, as generator/_themes (pyproject.toml maps that package to themes/). A
# source checkout or an editable install has no generator/_themes and uses the repository's folder.
THEMES_DIR = _PACKAGE / "_themes" if (_PACKAGE / "_themes").is_dir() else _PACKAGE.parent / "themes"


def theme_dir(name: str, site_dir: Path) -> Path:
    """A theme by path relative to the site folder (a name with a "/"), or by name: the site's own
    themes/<name> if it has one, else podsite's own theme of that name."""
    if "/" in name:
        return (site_dir / name).resolve()
    own = site_dir / "themes" / name
    return own.resolve() if own.is_dir() else THEMES_DIR / name


def make_environment(site_dir: Path, theme: Path, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """Templates load from <site>/templates first, then the theme; "theme/x.html" is always the theme's own,
    so that an override can extend the file it replaces. `compiled` keeps the templates compiled from one
    build to the next."""
    theme_loader = ClosedLoader(theme / "templates", (site_dir, theme))
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"theme": theme_loader}),
        ClosedLoader(site_dir / "templates", (site_dir, theme)),
        theme_loader,
    ])
    # auto_reload off: a page's render would otherwise look at the modification time of every template it
    # uses (the page's, the one it extends, the macros it imports) on every page. A build's templates do not
    # change while it runs, and each build makes its environments anew (workers.py).
    # cache_size -1: every template stays loaded (a theme has a dozen), found with a plain dict lookup.
    env = jinja2.Environment(loader=loader, autoescape=jinja2.select_autoescape(("html", "xml")),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, auto_reload=False, cache_size=-1,
                             bytecode_cache=compiled)
    # Made when a page is rendered, not when it is planned: planning happens for every page on every build.
    env.globals.update(transcript_body=transcript_body, episode_jsonld=episode_jsonld, series_jsonld=series_jsonld,
                       embed_code=embed_code)
    env.filters.update(timecode=timecode, date=human_date, iso=iso_date, duration=human_duration,
                       filesize=human_size, seconds=lambda s: format_seconds(s) if s is not None else "",
                       topic_url=topic_url)
    return env


class ClosedLoader(jinja2.FileSystemLoader):
    """Templates from one folder, but none that a link takes outside `roots` (the site folder and the theme):
    such a template is not read, and rendering with it fails, naming where the link points."""

    def __init__(self, folder: Path, roots: tuple[Path, ...]) -> None:
        super().__init__(folder)
        self._roots = roots

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        for search in self.searchpath:
            path = posixpath.join(search, *jinja2.loaders.split_template_path(template))
            if os.path.isfile(path):
                real = outside_link(Path(path), *self._roots)
                if real is not None:
                    raise jinja2.TemplateError(f"template '{template}' is a link to {real}, outside the site "
                                               "folder and the theme; copy the file into the site folder")
                break
        return super().get_source(environment, template)


def static_dirs(site_dir: Path, theme: Path) -> list[Path]:
    """Static folders in the order they are copied: later ones win, so the site's beat the theme's."""
    return [d for d in (theme / "static", site_dir / "static") if d.is_dir()]


# The search page's client (its script, worker and the SQLite WASM engine, 4.5 MiB): copied only into a site
# whose search is on.
SEARCH_ASSETS = "assets/search/"


def static_files(site_dir: Path, theme: Path, diags: Diagnostics, search: bool) -> dict[str, Path]:
    """The static files of the theme and the site by their path below the output folder, the site's over
    the theme's; the search client's only with `search`. A link out of both the site folder and the theme is
    an error and is not copied; hidden files are left out (hidden folders, such as .well-known, are not)."""
    files: dict[str, Path] = {}
    for folder in static_dirs(site_dir, theme):
        if may_read(folder, diags, site_dir, theme):
            for path in _walk(folder, (site_dir, theme), diags, set()):
                name = "assets/" + path.relative_to(folder).as_posix()
                if search or not name.startswith(SEARCH_ASSETS):
                    files[name] = path
    return files


def _walk(folder: Path, roots: tuple[Path, Path], diags: Diagnostics, seen: set[Path]) -> list[Path]:
    """The files below `folder`, sorted, entering no folder a link takes out of `roots`, and none twice on
    one way down (a link to a folder above it would otherwise lead round for ever)."""
    real = folder.resolve()
    if real in seen:
        return []
    seen = seen | {real}
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name.startswith("."):
            continue
        if not may_read(path, diags, *roots):
            continue
        if path.is_dir():
            found.extend(_walk(path, roots, diags, seen))
        elif path.is_file():
            found.append(path)
    return found


def timecode(seconds: float | None) -> str:
    return format_timecode(seconds) if seconds is not None else ""


def human_date(value: dt.datetime | None) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else "unknown"


def iso_date(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.time() == dt.time(0) and value.utcoffset() == dt.timedelta(0):
        return value.date().isoformat()
    return value.isoformat()


def human_duration(seconds: float | None) -> str:
    if seconds is None:
        return "unknown"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def human_size(size: int | None) -> str:
    if size is None:
        return "unknown size"
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"
