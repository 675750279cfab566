"""Writes a build to the output folder all at once: a staging folder filled beside it, then swapped in."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MARKER = ".podsite-output"


class OutputError(Exception):
    """The output folder cannot be written safely (it is not ours, or a path would leave it)."""


@dataclass(frozen=True, slots=True)
class WriteStats:
    written: int
    unchanged: int


def safe_relative(path: str) -> PurePosixPath:
    """The relative path, refused when it could leave the output folder."""
    relative = PurePosixPath(path)
    if relative.is_absolute() or not relative.parts or any(p in ("..", "") for p in relative.parts) or "\\" in path:
        raise OutputError(f"refusing to write '{path}': it would leave the output folder")
    return relative


def check_output_dir(out_dir: Path, site_dir: Path) -> None:
    """Refuses folders we must never replace: the site itself, its parents, or a folder podsite did not make."""
    out, site = out_dir.resolve(), site_dir.resolve()
    if out == site or site.is_relative_to(out) or out.is_relative_to(site):
        raise OutputError(f"the output folder {out_dir} must not contain or lie inside the site folder {site_dir}")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise OutputError(f"{out_dir} exists and was not made by podsite; refusing to replace it. "
                          "Choose another --out or empty it.")


def write_output(files: dict[str, bytes | Path], out_dir: Path) -> WriteStats:
    """Makes `out_dir` hold exactly `files` (bytes, or a source file to copy). Files whose bytes are unchanged
    are hard-linked from the previous build, so their times stay put; the swap is two renames."""
    staging = out_dir.with_name(f".{out_dir.name}.staging")
    retired = out_dir.with_name(f".{out_dir.name}.old")
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    staging.mkdir(parents=True)
    (staging / MARKER).write_bytes(b"made by podsite; this whole folder is replaced on every build\n")
    written = unchanged = 0
    for name, content in sorted(files.items()):
        relative = safe_relative(name)
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if _link_if_same(out_dir / relative, target, content):
            unchanged += 1
            continue
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)
        written += 1
    if out_dir.exists():
        out_dir.rename(retired)
    staging.rename(out_dir)
    if retired.exists():
        shutil.rmtree(retired)
    return WriteStats(written, unchanged)


def _link_if_same(previous: Path, target: Path, content: bytes | Path) -> bool:
    try:
        if previous.is_symlink() or not previous.is_file():
            return False
        if isinstance(content, Path):
            same = previous.stat().st_size == content.stat().st_size and previous.read_bytes() == content.read_bytes()
        else:
            same = previous.stat().st_size == len(content) and previous.read_bytes() == content
        if same:
            os.link(previous, target)
        return same
    except OSError:
        return False
