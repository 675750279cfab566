"""`podsite new episode SHOW`: the show's next episode folder, with its front matter filled in, ready to edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.content.episodes import EPISODE_FILE
from generator.content.fields import did_you_mean
from generator.diagnostics import Diagnostics
from generator.sources import load_yaml, read_text, split_front_matter

TITLE_PLACEHOLDER = "TODO: the title of episode {number}"


class ScaffoldError(Exception):
    """The episode cannot be created (no such show, or its folder exists); the message says why."""


def new_episode(site_dir: Path, show: str, today: dt.date) -> Path:
    """Creates episodes/<show>/<next number>/episode.md and returns its path; never overwrites anything."""
    hosts = show_hosts(site_dir, show)
    number = next_number(site_dir / "episodes" / show)
    folder = site_dir / "episodes" / show / str(number)
    path = folder / EPISODE_FILE
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists; refusing to overwrite it")
    folder.mkdir(parents=True)
    with path.open("x", encoding="utf-8") as file:  # "x": fail rather than replace, even in a race
        file.write(episode_front_matter(number, today, hosts))
    return path


def show_hosts(site_dir: Path, show: str) -> list[str]:
    """The slugs a show lists as its hosts; ScaffoldError when the site has no such show."""
    shows = site_dir / "shows"
    known = sorted(p.stem for p in shows.glob("*.y*ml")) if shows.is_dir() else []
    path = next((shows / f"{show}{suffix}" for suffix in (".yaml", ".yml") if (shows / f"{show}{suffix}").is_file()),
                None)
    if path is None:
        hint = did_you_mean(show, known) if known else f"create {shows / (show + '.yaml')} first"
        raise ScaffoldError(f"no show '{show}' in {shows} ({hint})")
    data = load_yaml(read_text(path, Diagnostics()) or "", path, Diagnostics())
    hosts = data.get("hosts") if isinstance(data, dict) else None
    if isinstance(hosts, str):
        return [hosts]
    return [str(h) for h in hosts] if isinstance(hosts, list) else []


def next_number(show_dir: Path) -> int:
    """One more than the highest number among the show's episodes (a front matter 'number', else a numeric
    folder name); 1 for the first episode."""
    numbers = [0]
    folders = sorted(p for p in show_dir.iterdir() if p.is_dir()) if show_dir.is_dir() else []
    for folder in folders:
        number = _front_matter_number(folder / EPISODE_FILE)
        if number is None and folder.name.isdigit() and len(folder.name) <= 9:
            number = int(folder.name)
        if number is not None:
            numbers.append(number)
    return max(numbers) + 1


def episode_front_matter(number: int, published: dt.date, hosts: list[str]) -> str:
    """The new episode.md: a placeholder title to replace, marked as a draft so that it is never published
    by accident (`podsite serve` shows drafts, `podsite build` leaves them out)."""
    title = TITLE_PLACEHOLDER.format(number=number)
    lines = ["---", f'title: "{title}"', f"number: {number}", f"published: {published.isoformat()}"]
    if hosts:
        lines.append(f"hosts: [{', '.join(hosts)}]")
    lines += [
        "# guests: [person-slug]",
        "# summary: One or two sentences for the episode list and podcast apps.",
        "# audio: {file: episode.mp3}  # a file in this folder: podsite reads its size; or, for a file elsewhere:",
        "# audio: {url: https://…/episode.mp3, bytes: SIZE IN BYTES, duration: \"H:MM:SS\"}",
        "draft: true  # remove this line to publish",
        "---",
        "The episode's notes and links, in Markdown; the page shows them under \"Notes & Links\".",
        "",
    ]
    return "\n".join(lines)


def _front_matter_number(path: Path) -> int | None:
    text = read_text(path, Diagnostics()) if path.is_file() else None
    if text is None:
        return None
    parts = split_front_matter(text)
    data = load_yaml(parts.yaml_text, path, Diagnostics()) if parts.yaml_text else None
    number = data.get("number") if isinstance(data, dict) else None
    return number if isinstance(number, int) and not isinstance(number, bool) else None
