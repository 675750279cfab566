"""The Jinja environment of a build: the site's own templates over the theme's, file by file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from generator.seo import episode_jsonld, series_jsonld
from generator.template_cache import CompiledTemplates
from generator.timecode import format_seconds, format_timecode
from generator.transcript_html import transcript_body

THEMES_DIR = Path(__file__).resolve().parent.parent / "themes"


def theme_dir(name: str, site_dir: Path) -> Path:
    """A theme by name (a folder of themes/) or by a path relative to the site folder."""
    candidate = (site_dir / name).resolve()
    return candidate if "/" in name and candidate.is_dir() else THEMES_DIR / name


def make_environment(site_dir: Path, theme: Path, compiled: CompiledTemplates | None = None) -> jinja2.Environment:
    """Templates load from <site>/templates first, then the theme; "theme/x.html" is always the theme's own,
    so that an override can extend the file it replaces. `compiled` keeps the templates compiled from one
    build to the next."""
    theme_loader = jinja2.FileSystemLoader(theme / "templates")
    loader = jinja2.ChoiceLoader([
        jinja2.PrefixLoader({"theme": theme_loader}),
        jinja2.FileSystemLoader(site_dir / "templates"),
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
    env.globals.update(transcript_body=transcript_body, episode_jsonld=episode_jsonld, series_jsonld=series_jsonld)
    env.filters.update(timecode=timecode, date=human_date, iso=iso_date, duration=human_duration,
                       filesize=human_size, seconds=lambda s: format_seconds(s) if s is not None else "")
    return env


def static_dirs(site_dir: Path, theme: Path) -> list[Path]:
    """Static folders in the order they are copied: later ones win, so the site's beat the theme's."""
    return [d for d in (theme / "static", site_dir / "static") if d.is_dir()]


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
