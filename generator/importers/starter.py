"""`podsite new site DIR`: a project folder that builds and deploys at once: the site folder (content/) with a
show, its host and a first episode made as `podsite new episode` makes it, a .gitignore, and a GitHub Pages
workflow."""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from generator.importers.scaffold import episode_front_matter
from generator.importers.writer import slugify

SITE_FOLDER = "content"
WORKFLOW = ".github/workflows/pages.yml"
# The requirement the workflow template names; replaced when podsite knows where it was installed from.
PODSITE_PLACEHOLDER = "podsite @ git+https://github.com/OWNER/podsite@v0.1.0"
# `.invalid` never resolves (RFC 6761): a build published with it has visibly broken links, not someone else's.
UNKNOWN_BASE_URL = "https://example.invalid/"
ARTWORK_PIXELS = 1400  # the smallest square Apple Podcasts takes
ARTWORK_RGB = (0x3B, 0x4A, 0x6B)


class StarterError(Exception):
    """The site cannot be started (a folder that is not empty, a bad slug or file); the message says why."""


@dataclass(frozen=True)
class StarterOptions:
    title: str
    show: str
    host: str
    category: str
    show_slug: str = ""
    host_slug: str = ""
    artwork: Path | None = None
    base_url: str = ""
    podsite: str = ""


@dataclass
class StarterResult:
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # there already, with other contents: the user's, left alone
    unchanged: list[Path] = field(default_factory=list)
    podsite: str = ""
    artwork_made: bool = False


def site_file(name: str) -> str:
    """A file of the starter (site_files/ in the package), as text."""
    return resources.files("generator.importers").joinpath("site_files", name).read_text(encoding="utf-8")


def workflow(podsite: str = PODSITE_PLACEHOLDER) -> str:
    """The GitHub Pages workflow, installing podsite from that pip requirement."""
    return site_file("pages.yml").replace(json.dumps(PODSITE_PLACEHOLDER), json.dumps(podsite), 1)


def installed_from() -> str:
    """The pip requirement for the podsite that runs, where its installation says (PEP 610: a git URL and
    commit); the placeholder otherwise (an editable or local install names no place CI can reach)."""
    try:
        text = metadata.distribution("podsite").read_text("direct_url.json")
        origin = json.loads(text) if text else {}
    except (metadata.PackageNotFoundError, ValueError):
        return PODSITE_PLACEHOLDER
    vcs = origin.get("vcs_info") if isinstance(origin, dict) else None
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and str(origin.get("url", "")).startswith("https://"):
        return f"podsite @ git+{origin['url']}@{vcs.get('commit_id')}"
    return PODSITE_PLACEHOLDER


def starter_files(options: StarterOptions, today: dt.date) -> dict[str, bytes]:
    """Every file of the new project, by its path below the project folder."""
    show, host = _slug(options.show_slug or options.show, "--show-slug"), _slug(options.host_slug or options.host,
                                                                               "--host-slug")
    artwork = _artwork(options.artwork, show)
    made = "" if options.artwork else "  # a plain square made by `podsite new site`: replace it with your cover"
    site = [f"title: {_quote(options.title)}",
            f"base_url: {_quote(options.base_url or UNKNOWN_BASE_URL)}"
            + ("" if options.base_url else "  # your site's address; the GitHub Pages workflow passes its own"),
            "language: en", ""]
    show_yaml = [f"name: {_quote(options.show)}",
                 f"description: {_quote(f'A podcast by {options.host}.')}",
                 f"artwork: {artwork[0]}{made}",
                 f"hosts: [{host}]",
                 f"author: {_quote(options.host)}",
                 f"category: {_quote(options.category)}  # Apple's; 'Technology > Tech News' for a subcategory",
                 "explicit: false  # true when episodes have explicit content",
                 "# owner: {name: ..., email: ...}  # Apple Podcasts mails this address to verify the feed", ""]
    episode = f"{SITE_FOLDER}/episodes/{show}/1/"
    files = {
        ".gitignore": site_file("gitignore"),
        WORKFLOW: workflow(options.podsite or PODSITE_PLACEHOLDER),
        f"{SITE_FOLDER}/site.yaml": "\n".join(site),
        f"{SITE_FOLDER}/shows/{show}.yaml": "\n".join(show_yaml),
        f"{SITE_FOLDER}/people/{host}.yaml": f"name: {_quote(options.host)}\n",
        episode + "episode.md": episode_front_matter(1, today, [host]),
        episode + "transcript.md": f"**{options.host}:** Welcome to the first episode of {options.show}.\n",
    }
    encoded = {name: text.encode("utf-8") for name, text in files.items()}
    encoded[f"{SITE_FOLDER}/{artwork[0]}"] = artwork[1]
    return encoded


def new_site(project: Path, options: StarterOptions, today: dt.date, force: bool = False) -> StarterResult:
    """Writes the starter into `project`. A folder with anything in it (.git aside) is refused unless `force`;
    even then, only missing files are written: a file that is there is never replaced."""
    files = starter_files(options, today)
    if project.exists() and not project.is_dir():
        raise StarterError(f"{project} is a file, not a folder")
    present = sorted(p.name for p in project.iterdir() if p.name != ".git") if project.is_dir() else []
    if present and not force:
        shown = ", ".join(present[:4]) + (", …" if len(present) > 4 else "")
        raise StarterError(f"{project} is not empty ({shown}); choose a new folder, or add --force to write only "
                           "the files that are missing (no file there is replaced)")
    result = StarterResult(podsite=options.podsite or PODSITE_PLACEHOLDER, artwork_made=options.artwork is None)
    for name, data in files.items():
        path = project / name
        if path.exists() or path.is_symlink():
            same = path.is_file() and path.read_bytes() == data
            (result.unchanged if same else result.kept).append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as file:  # "x": fail rather than replace, even in a race
            file.write(data)
        result.created.append(path)
    return result


def _slug(text: str, flag: str) -> str:
    slug = slugify(text)
    if not slug:
        raise StarterError(f"no slug can be made of '{text}'; give one with {flag}, e.g. {flag} my-show")
    return slug


def _quote(text: str) -> str:
    """A YAML scalar that reads back as exactly this text (a JSON string is a YAML double-quoted one)."""
    return json.dumps(text, ensure_ascii=False)


def _artwork(source: Path | None, show: str) -> tuple[str, bytes]:
    """The show's artwork: its path below the site folder and its bytes, the user's file or a plain square."""
    if source is None:
        return f"artwork/{show}.png", plain_png(ARTWORK_PIXELS, ARTWORK_RGB)
    suffix = source.suffix.lower()
    if suffix not in (".png", ".jpg", ".jpeg"):
        raise StarterError(f"{source}: Apple Podcasts takes artwork only as JPEG or PNG")
    try:
        return f"artwork/{show}{suffix}", source.read_bytes()
    except OSError as exc:
        raise StarterError(f"{source}: cannot read the artwork ({exc.strerror})") from exc


def plain_png(size: int, rgb: tuple[int, int, int]) -> bytes:
    """A square PNG of one colour."""
    row = b"\x00" + bytes(rgb) * size  # filter type 0, then the pixels

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size, 9))
            + chunk(b"IEND", b""))
