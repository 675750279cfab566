"""Writes a build to the output folder all or nothing: a staging folder filled beside it, then put in place
under a journal that lets the next start finish or undo a commit that was stopped."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# path -> (size, mtime_ns): a listing of the output folder, as the build state keeps it (cache.state.Stats)
Stats = dict[str, tuple[int, int]]

MARKER = ".podsite-output"  # in the output folder: podsite made it, and may replace it
# In each folder a commit uses beside the output, with the random token that the commit's journal names.
# Never left in the output: its bytes are those of the build alone.
WORK_MARK = ".podsite-work"


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
    existing = next(p for p in (out, *out.parents) if p.exists())  # the root exists
    if not existing.is_dir():
        raise OutputError(f"the output folder {out_dir} cannot be made: {existing} is a file. Choose another --out.")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise OutputError(f"{out_dir} exists and was not made by podsite; refusing to replace it. "
                          "Choose another --out or empty it.")


@dataclass(frozen=True, slots=True)
class Staging:
    """The folder a build is written into beside the output, put in place only when the build is complete,
    all or nothing. It holds only paths, so worker processes can write into it too.

    Every step of a commit is noted first in a journal beside the output (`.<out>.podsite-commit`), so that
    recover(), which start() runs, finds a whole site again after a commit that was stopped at any point:
    a swap is undone by renaming the old site back, a commit in place by moving back the files it had set
    aside (see commit_in_place). The two folders beside the output that a commit uses, `.<out>.staging` and
    `.<out>.old`, are deleted only when they hold the mark (WORK_MARK, with a random token) that the journal
    names: a folder of that name that podsite did not make is an error, never deleted."""

    out_dir: Path
    # To be committed in place (commit_in_place): then a file whose bytes the output holds already is not
    # staged at all, rather than linked there and its folders made, to be taken down again by the commit.
    in_place: bool = False

    @property
    def path(self) -> Path:
        return _staging_path(self.out_dir)

    def start(self) -> None:
        """Puts back whatever a stopped commit left (recover), then makes an empty, marked staging folder."""
        recover(self.out_dir)
        token = secrets.token_hex(16)
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        _write_journal(self.out_dir, {"phase": "staging", "staging": token, "old": None})
        self.path.mkdir()
        _mark(self.path, token)
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

    def link(self, name: str, source: Path) -> bool:
        """Puts a big file that the build keeps elsewhere (the search index, in the cache folder) into the
        staging folder as a hard link, copied only where the system cannot link. False when the output holds
        that very file already and is committed in place: it stays where it is."""
        relative = safe_relative(name)
        previous, target = self.out_dir / relative, self.path / relative
        if self.in_place and os.path.exists(previous) and os.path.samefile(previous, source):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        return True

    def commit(self) -> None:
        """The swap: the staging folder and the output folder exchange names in one step where the system
        can (Linux's renameat2), so that the output is never missing; elsewhere the output is renamed aside
        to `.<out>.old` and the staging folder into its place, and should the process stop between the two
        renames, the next start renames the old site back. Then the old site is deleted. A commit that
        fails is undone before the error is raised (nothing was written); a failure to delete the old site,
        once the new one is in place, raises Leftover."""
        token = self._token()
        out_dir, old = self.out_dir, self._retired
        there = os.path.lexists(out_dir)
        journal = {"phase": "swap", "staging": token, "old": secrets.token_hex(16) if there else None}
        _write_journal(out_dir, journal)
        try:
            if not there:
                os.rename(self.path, out_dir)
            else:
                _mark(out_dir, str(journal["old"]))  # the old site's, to be known for ours once renamed
                if not _exchange(self.path, out_dir):
                    os.rename(out_dir, old)
                    os.rename(self.path, out_dir)
        except OSError as exc:
            _undo(out_dir, journal, exc)
            raise
        _tidy(out_dir, journal)

    def commit_in_place(self, paths: frozenset[str], listed: Stats | None = None) -> Stats | None:
        """For a build that left most of the output as it was (build.py: the episodes the last build's
        records give): each staged file replaces the output's by a rename, unless it is the output's own
        file linked; the output's files that are not in `paths` go. The thousands of unchanged files are
        neither linked again nor deleted, as a swap would do. Every file that is replaced or deleted is
        first moved aside into `.<out>.old`, under a journal that lists them all, so that a commit that
        fails is undone at once, and one that was stopped is undone by the next start (recover): the
        output is then the old site again, whole. A failure to delete what was set aside, once the new site
        is in place, raises Leftover.
        `listed`: the output's files as found before the build (cache.state.output_files), when known; the
        files to delete are then taken from it rather than from a walk of the output, and the output's
        files as this leaves them are returned (None without `listed`)."""
        token = self._token()
        staging, out_dir = str(self.path), str(self.out_dir)
        files = dict(listed) if listed is not None else None
        moves = []  # (path in the output, staged file)
        for folder, _, names in os.walk(staging):
            relative = os.path.relpath(folder, staging)
            for name in names:
                inside = os.path.normpath(os.path.join(relative, name))
                source, target = os.path.join(folder, name), os.path.join(out_dir, inside)
                if inside in (MARKER, WORK_MARK) or (os.path.exists(target) and os.path.samefile(source, target)):
                    continue  # the output keeps its own mark; a file linked is the output's own
                moves.append((inside, source))
        if os.sep != "/":  # the listing's paths are the system's, `paths` are URLs'
            paths = frozenset(path.replace("/", os.sep) for path in paths)
        gone = [path for path in (files if files is not None else _walk_files(out_dir))
                if path not in paths and path != MARKER]
        replaced = [inside for inside, _ in moves if os.path.isfile(os.path.join(out_dir, inside))]
        # Each file set aside goes into the old folder under its number in this list, not under its path:
        # no folders to make there, nor to delete again.
        aside = [*gone, *replaced]
        number = {path: str(n) for n, path in enumerate(aside)}
        journal = {"phase": "in-place", "staging": token, "old": secrets.token_hex(16), "aside": aside,
                   "added": sorted({inside for inside, _ in moves} - set(replaced))}
        _write_journal(self.out_dir, journal)
        old = str(self._retired)
        try:
            os.mkdir(old)
            _mark(Path(old), str(journal["old"]))
            for path in gone:  # first, so that a file may take the place of a folder it emptied
                _set_aside(out_dir, path, os.path.join(old, number[path]))
            _remove_emptied(out_dir, gone)
            for inside, source in moves:
                if inside in number:
                    _set_aside(out_dir, inside, os.path.join(old, number[inside]))
                target = os.path.join(out_dir, inside)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(source, target)
        except OSError as exc:
            _undo(self.out_dir, journal, exc)
            raise
        _write_journal(self.out_dir, {"phase": "done", "staging": token, "old": journal["old"]})
        if files is not None:
            for path in gone:
                files.pop(path, None)
            for inside, _ in moves:
                stat = os.stat(os.path.join(out_dir, inside))
                files[inside] = (stat.st_size, stat.st_mtime_ns)
        _tidy(self.out_dir, journal)
        return files

    def abort(self) -> None:
        """Removes the staging folder and puts back the output, should a commit have been under way (best
        effort: what cannot be done now, the next start does)."""
        with contextlib.suppress(OSError, OutputError):
            recover(self.out_dir)

    @property
    def _retired(self) -> Path:
        return _retired_path(self.out_dir)

    def _token(self) -> str:
        """The staging folder's token, as start() noted it; OutputError when this is no staging folder of ours."""
        journal = _read_journal(self.out_dir)
        if journal is None or journal["phase"] != "staging" or _token_of(self.path) != journal["staging"]:
            raise OutputError(f"{self.path} is not the staging folder this build made; nothing was written")
        return str(journal["staging"])


class Leftover(OutputError):  # noqa: N818 - not a failed build: the new site is in place (build.py)
    """The new site is in place, but what the commit set aside could not be deleted (the next start tries
    again)."""


def recover(out_dir: Path) -> None:
    """Makes the output folder a whole site again after a commit that was stopped (killed, crashed), from
    the journal the commit kept: a swap stopped between its two renames has the old site renamed back, a
    commit in place has every file it had moved aside moved back and every file it had added removed; then
    the staging folder and the old site are deleted. Raises OutputError, and deletes nothing, for a folder
    named as podsite's staging or old folder that does not hold the mark the journal names."""
    journal = _read_journal(out_dir)
    staging, old = _staging_path(out_dir), _retired_path(out_dir)
    if journal is None:
        for folder in (staging, old):
            if os.path.lexists(folder):
                raise OutputError(_not_ours(folder, out_dir))
        return
    if journal["phase"] == "in-place":
        _put_back(out_dir, journal)
    elif journal["phase"] == "swap" and not os.path.lexists(out_dir) and _owned(old, _tokens(journal)):
        os.rename(old, out_dir)
    _unmark(out_dir)
    for folder in (staging, old):
        _delete_owned(folder, _tokens(journal), out_dir)
    _journal_path(out_dir).unlink()


def _staging_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.staging")


def _retired_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.old")


def _journal_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.podsite-commit")


JOURNAL_FORMAT = 1
_MARK_TEXT = "podsite's work folder for one build, deleted once the build is in place\ntoken "


def _mark(folder: Path, token: str) -> None:
    (folder / WORK_MARK).write_text(f"{_MARK_TEXT}{token}\n", encoding="utf-8")


def _unmark(out_dir: Path) -> None:
    """Takes out of the output folder the work mark that a swap gave it (as the old site, or as the
    staging folder), whole or half written, so that it holds the build's files alone."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        os.unlink(out_dir / WORK_MARK)


def _token_of(folder: Path) -> str | None:
    """The token of the folder's work mark; None when it has none (or is no folder)."""
    try:
        text = (folder / WORK_MARK).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(_MARK_TEXT):
        return None
    return text[len(_MARK_TEXT):].strip() or None


def _tokens(journal: Mapping[str, object]) -> frozenset[str]:
    """The tokens of the work folders a commit marked. After an exchange of names, the old site is where
    the staging folder was: a folder is the commit's if it holds either token."""
    return frozenset(token for token in (journal["staging"], journal["old"]) if isinstance(token, str))


def _owned(folder: Path, tokens: frozenset[str]) -> bool:
    return not folder.is_symlink() and _token_of(folder) in tokens


def _exchange(staging: Path, out_dir: Path) -> bool:
    """Exchanges the two folders' names in one step (renameat2 with RENAME_EXCHANGE, Linux 3.15 and glibc
    2.28 on); False, having done nothing, where the system or the file system cannot."""
    if sys.platform != "linux":
        return False
    import ctypes  # here: only a swap needs it

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    if renameat2(at_cwd, os.fsencode(staging), at_cwd, os.fsencode(out_dir), exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(staging), None, str(out_dir))


def _write_journal(out_dir: Path, entry: Mapping[str, object]) -> None:
    """Replaces the journal whole (a temporary file renamed over it): a reader finds the step before or
    the step after, never half of one."""
    path = _journal_path(out_dir)
    temporary = path.with_name(f"{path.name}.tmp")
    temporary.write_text(json.dumps({"podsite-commit": JOURNAL_FORMAT, **entry}), encoding="utf-8")
    os.replace(temporary, path)


def _read_journal(out_dir: Path) -> dict[str, object] | None:
    """The journal of a commit under way or stopped; None when there is none. A file of that name that is
    no journal of podsite's is an error: what it would say of the folders beside the output is unknown."""
    path = _journal_path(out_dir)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise OutputError(f"{path} cannot be read as podsite's commit journal ({exc}); "
                          f"check {out_dir} and the folders beside it, then delete {path}") from exc
    if not isinstance(entry, dict) or entry.get("podsite-commit") != JOURNAL_FORMAT:
        raise OutputError(f"{path} is not podsite's commit journal; "
                          f"check {out_dir} and the folders beside it, then delete {path}")
    return entry


def _not_ours(folder: Path, out_dir: Path) -> str:
    return (f"{folder} is in the way: podsite builds {out_dir} there, but this folder does not hold "
            "podsite's mark for it, so it is left as it is. Move or rename it (or choose another --out)")


def _delete_owned(folder: Path, tokens: frozenset[str], out_dir: Path) -> None:
    """Deletes a folder of the commit's: one that holds its mark, or one that holds nothing else (a commit
    stopped between making it and marking it). The mark goes last, so that a deletion stopped halfway
    leaves it marked."""
    if not os.path.lexists(folder):
        return
    try:
        if _owned(folder, tokens):
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name != WORK_MARK:
                        if entry.is_dir(follow_symlinks=False):
                            shutil.rmtree(entry.path)
                        else:
                            os.unlink(entry.path)
            os.unlink(folder / WORK_MARK)
        elif folder.is_symlink() or not folder.is_dir() or any(e.name != WORK_MARK for e in folder.iterdir()):
            raise OutputError(_not_ours(folder, out_dir))
        else:  # empty but for a mark half written: the commit was stopped as it made the folder
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / WORK_MARK)
        os.rmdir(folder)
    except OSError as exc:
        raise OutputError(f"{folder} is left from a build of {out_dir} and cannot be deleted ({exc}); "
                          "delete it, then build again") from exc


def _set_aside(out_dir: str, inside: str, aside: str) -> None:
    """Moves an output file into the old folder, to be deleted or put back."""
    with contextlib.suppress(FileNotFoundError):  # listed, then deleted by hand meanwhile
        os.replace(os.path.join(out_dir, inside), aside)


def _remove_emptied(out_dir: str, paths: Iterable[str]) -> None:
    """Removes the folders that the files at `paths` (below `out_dir`) left empty, the deepest first."""
    emptied = {os.path.dirname(os.path.join(out_dir, path)) for path in paths}
    for folder in sorted(emptied, key=len, reverse=True):
        while folder != out_dir and os.path.isdir(folder) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)


def _put_back(out_dir: Path, journal: Mapping[str, object]) -> None:
    """Undoes a commit in place, whatever part of it was done: the files it added go, and those it set
    aside in the old folder come back. Each step can be taken again, should this be stopped too."""
    out, old = str(out_dir), _retired_path(out_dir)
    added = [str(path) for path in journal["added"]]  # type: ignore[attr-defined]
    for inside in added:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(out, inside))
    _remove_emptied(out, added)
    if not _owned(old, _tokens(journal)):  # stopped before it set anything aside
        return
    for number, inside in enumerate(journal["aside"]):  # type: ignore[arg-type]
        aside = os.path.join(old, str(number))
        if os.path.lexists(aside):
            target = os.path.join(out, inside)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(aside, target)


def _undo(out_dir: Path, journal: Mapping[str, object], failure: OSError) -> None:
    """Puts the old site back after a commit that failed, so that the error raised next is true: nothing was
    written. When even that fails, the error says where the old site is."""
    try:
        if journal["phase"] == "in-place":
            _put_back(out_dir, journal)
        elif not os.path.lexists(out_dir) and _owned(_retired_path(out_dir), _tokens(journal)):
            os.rename(_retired_path(out_dir), out_dir)
        _unmark(out_dir)
        _write_journal(out_dir, {"phase": "staging", "staging": journal["staging"], "old": journal["old"]})
    except OSError as exc:
        raise OutputError(f"{failure}; the output could not be put back as it was ({exc}): "
                          f"the old site is kept in {_retired_path(out_dir)}, and the next build puts it back "
                          "before anything else") from failure


def _tidy(out_dir: Path, journal: Mapping[str, object]) -> None:
    """Takes the work mark out of the new site, and deletes what the commit set aside."""
    try:
        _unmark(out_dir)
        for folder in (_retired_path(out_dir), _staging_path(out_dir)):
            _delete_owned(folder, _tokens(journal), out_dir)
        _journal_path(out_dir).unlink()
    except (OSError, OutputError) as exc:
        raise Leftover(f"the new site is in place in {out_dir}, but {exc}") from exc


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
        with contextlib.suppress(Leftover):  # written; what the commit set aside, the next start deletes
            staging.commit()
    except BaseException:
        staging.abort()
        raise
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
