"""Writes a build to the output folder all at once: a staging folder filled beside it, then swapped in."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.uptodate import Stats

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


@dataclass(frozen=True, slots=True)
class Staging:
    """The folder a build is written into beside the output, swapped in only when the build is complete.
    It holds only paths, so worker processes can write into it too."""

    out_dir: Path
    # To be committed in place (commit_in_place): then a file whose bytes the output holds already is not
    # staged at all, rather than linked there and its folders made, to be taken down again by the commit.
    in_place: bool = False

    @property
    def path(self) -> Path:
        return self.out_dir.with_name(f".{self.out_dir.name}.staging")

    def start(self) -> None:
        for leftover in (self.path, self._retired):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.path.mkdir(parents=True)
        (self.path / MARKER).write_bytes(b"made by podsite; this whole folder is replaced on every build\n")

    def put(self, name: str, content: bytes | Path) -> bool:
        """Writes one file (bytes, or a source file to copy); False when the previous build had the same
        bytes, which are then hard-linked so that the file keeps its time (or left where they are, to be
        committed in place)."""
        relative = safe_relative(name)
        previous = self.out_dir / relative
        if self.in_place and same_bytes(previous, content):
            return False
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not self.in_place and _link_if_same(previous, target, content):
            return False
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)
        return True

    def commit(self) -> None:
        """The swap: two renames, so the output is never half old and half new."""
        if self.out_dir.exists():
            self.out_dir.rename(self._retired)
        self.path.rename(self.out_dir)
        if self._retired.exists():
            shutil.rmtree(self._retired)

    def commit_in_place(self, paths: frozenset[str], listed: Stats | None = None) -> Stats | None:
        """For a build that left most of the output as it was (build.py: the episodes the last build's
        records give): each staged file replaces the output's by a rename, unless it is the output's own
        file linked; then the output's files that are not in `paths` go. Each file is whole at every moment,
        and the thousands of unchanged files are neither linked again nor deleted, as a swap would do.
        `listed`: the output's files as found before the build (uptodate.output_files), when known; the
        files to delete are then taken from it rather than from a walk of the output, and the output's
        files as this leaves them are returned (None without `listed`)."""
        staging, out_dir = str(self.path), str(self.out_dir)
        files = dict(listed) if listed is not None else None
        for folder, _, names in os.walk(staging):
            relative = os.path.relpath(folder, staging)
            for name in names:
                source = os.path.join(folder, name)
                inside = os.path.normpath(os.path.join(relative, name))
                target = os.path.join(out_dir, inside)
                if os.path.exists(target) and os.path.samefile(source, target):
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(source, target)
                if files is not None:
                    stat = os.stat(target)
                    files[inside] = (stat.st_size, stat.st_mtime_ns)
        gone = [path for path in (files if files is not None else _walk_files(out_dir))
                if path != MARKER and path.replace(os.sep, "/") not in paths]
        emptied: set[str] = set()
        for path in gone:
            target = os.path.join(out_dir, path)
            with contextlib.suppress(FileNotFoundError):  # listed, then deleted by hand meanwhile
                os.unlink(target)
            emptied.add(os.path.dirname(target))
            if files is not None:
                del files[path]
        for folder in sorted(emptied, key=len, reverse=True):  # the deepest first
            while folder != out_dir and os.path.isdir(folder) and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        shutil.rmtree(staging)
        return files

    def abort(self) -> None:
        if self.path.exists():
            shutil.rmtree(self.path)

    @property
    def _retired(self) -> Path:
        return self.out_dir.with_name(f".{self.out_dir.name}.old")


def _walk_files(out_dir: str) -> list[str]:
    """Every file below the folder, by its path in it."""
    return [os.path.normpath(os.path.join(os.path.relpath(folder, out_dir), name))
            for folder, _, names in os.walk(out_dir) for name in names]


def write_output(files: dict[str, bytes | Path], out_dir: Path) -> WriteStats:
    """Makes `out_dir` hold exactly `files` (bytes, or a source file to copy). Files whose bytes are unchanged
    are hard-linked from the previous build, so their times stay put."""
    staging = Staging(out_dir)
    staging.start()
    try:
        written = sum(staging.put(name, content) for name, content in sorted(files.items()))
    except BaseException:
        staging.abort()
        raise
    staging.commit()
    return WriteStats(written, len(files) - written)


def _link_if_same(previous: Path, target: Path, content: bytes | Path) -> bool:
    if not same_bytes(previous, content):
        return False
    try:
        os.link(previous, target)
    except OSError:
        return False
    return True


def same_bytes(path: Path, content: bytes | Path) -> bool:
    """Whether the regular file at `path` holds `content` (bytes, or another file's)."""
    try:
        if path.is_symlink() or not path.is_file():
            return False
        if isinstance(content, Path):
            return path.stat().st_size == content.stat().st_size and path.read_bytes() == content.read_bytes()
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False
