"""Knows when a build would write exactly what the output folder already holds, so that it need not run.

After a successful build, the state of its inputs (every file of the site folder, the theme and podsite
itself: size, time and SHA-256) and of its output (every file: size and time) is saved in a cache folder
beside the output, with the diagnostics the build reported. The next build compares. A file whose size
and time are unchanged is taken as unchanged, as git does; a file whose time moved is hashed, so touching
a file costs a hash, not a build. When no input differs and the output is as the build left it, the saved
report is given again and nothing is built. A state that is damaged, from another version of podsite, or
for other options is ignored."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import importlib.util
import json
import marshal
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.diagnostics import Diagnostic, Diagnostics

STATE_FORMAT = 4  # 4: the file is read_cache_file's (checked against podsite's code)
STATE_FILE = "state"
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # generator/, the package
Stats = dict[str, tuple[int, int]]  # path -> (size, mtime_ns)
Hashed = dict[str, tuple[int, int, str]]  # path -> (size, mtime_ns, sha256)


def cache_dir(out_dir: Path) -> Path:
    """The cache folder beside the output folder: `.output.podsite-cache` for `output`."""
    return out_dir.with_name(f".{out_dir.name}.podsite-cache")


def write_cache_file(path: Path, payload: bytes, salt: bytes | None = None) -> bool:
    """Writes a file of the cache folder whole: to a temporary name beside it (this process's: workers may
    write the same file), renamed into place, so that a reader never takes half of one. The file starts
    with a SHA-256 of podsite's code (`salt`: code_salt's, taken when not given) and of `payload`, which
    read_cache_file checks. False when it could not be written, which only costs time."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:  # two writes: no copy of a payload of megabytes
            handle.write(_checksum(payload, salt))
            handle.write(payload)
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


def read_cache_file(path: Path, salt: bytes | None = None) -> bytes | None:
    """The payload of a file write_cache_file wrote with this podsite's code (`salt`: code_salt's, taken when
    not given), or None when there is none, or it is damaged, edited, half written or another podsite's.
    Nothing read from the cache folder is unpickled, unmarshalled or parsed before this check: a failed
    check is a miss, never a crash nor a reason to publish what the file says."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, payload = data[:CHECKSUM_SIZE], data[CHECKSUM_SIZE:]
    if len(checksum) != CHECKSUM_SIZE or not hmac.compare_digest(checksum, _checksum(payload, salt)):
        return None
    return payload


CHECKSUM_SIZE = 32


def _checksum(payload: bytes, salt: bytes | None) -> bytes:
    digest = hashlib.sha256(code_salt() if salt is None else salt)
    digest.update(payload)
    return digest.digest()


def options_key(site_dir: Path, out_dir: Path, base_url: str | None, drafts: bool) -> str:
    """What else decides the output: podsite's and Python's versions, the libraries', the folders and the
    options."""
    parts = [__version__, sys.version, *library_stamps(), str(Path.cwd()), str(site_dir), str(out_dir),
             base_url or "", str(drafts)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@functools.cache
def code_digest(package: Path = PACKAGE_DIR) -> str:
    """A hash of podsite's own source: a parser changed without a new version number (a git checkout, a
    developer's edit) must not be handed what the old one parsed. Small enough to hash whole at each start.
    Taken once a process, as the code it runs is loaded once: a preview left running while its source is
    edited goes on marking what it makes as made by the code it runs."""
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def code_salt() -> bytes:
    """What the caches' keys start from: podsite's version and source, and the libraries' releases. What
    one podsite made of a file (a parsed transcript, a compiled template) serves no other."""
    libraries = "\0".join(library_stamps())
    return hashlib.sha256(f"{__version__}\0{code_digest()}\0{libraries}".encode()).digest()


# The libraries whose code decides what a page holds, by module, with the name they are installed under.
LIBRARIES = (("jinja2", "jinja2"), ("markupsafe", "markupsafe"), ("markdown", "markdown"), ("yaml", "pyyaml"))


def library_stamps() -> list[str]:
    """Which release of each library that renders pages is installed (see installed_release). Found without
    importing them, nor reading their versions' metadata, which would cost far more than the rest of the
    check. Found once a process (every cache file's check takes them), as the libraries it runs are loaded
    once."""
    return list(_library_stamps())


@functools.cache
def _library_stamps() -> tuple[str, ...]:
    stamps = []
    listed: dict[Path, dict[str, str]] = {}  # the folders they are installed in: one, as a rule
    for module, distribution in LIBRARIES:
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin:
            stamps.append(f"{module}:-")
            continue
        origin = Path(spec.origin)
        folder = origin.parent.parent
        if folder not in listed:
            listed[folder] = metadata_folders(folder)
        stamps.append(f"{module}:{installed_release(origin, distribution, listed[folder])}")
    return tuple(stamps)


def installed_release(origin: Path, distribution: str, metadata: dict[str, str]) -> str:
    """What identifies the installed release of the package whose `__init__.py` is `origin`: the name of its
    metadata folder beside it (name and version: `metadata`, by distribution) and a hash of its RECORD,
    which lists every file installed with its hash. Not the files' times: a fresh install of the same
    release, as on every CI run, must not throw away the caches. Without metadata (a source checkout on the
    path, say), the file's path, size and time."""
    entry = metadata.get(distribution)
    if entry is not None:
        try:
            record = hashlib.sha256((origin.parent.parent / entry / "RECORD").read_bytes()).hexdigest()
        except OSError:
            record = "-"  # an egg-info (a system package's) has none; its name holds the version
        return f"{entry}:{record}"
    try:
        stat = origin.stat()
    except OSError:
        return f"{origin}:-"
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def metadata_folders(folder: Path) -> dict[str, str]:
    """The metadata folders of the distributions installed in `folder` ("Jinja2-3.1.6.dist-info"), by
    distribution ("jinja2")."""
    try:
        entries = sorted(entry for entry in os.listdir(folder) if entry.endswith((".dist-info", ".egg-info")))
    except OSError:
        return {}
    found: dict[str, str] = {}
    for entry in entries:
        found.setdefault(_canonical(entry.partition("-")[0]), entry)
    return found


def _canonical(name: str) -> str:
    """A distribution's name as PEP 503 compares them: "PyYAML", "Jinja2" and "markup_safe" give "pyyaml",
    "jinja2" and "markup-safe"."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True, slots=True)
class BuildState:
    key: str
    roots: tuple[str, ...]  # the input folders: the site, the theme, podsite's package
    inputs: Hashed
    outputs: str  # a digest of every output file's path, size and time (see _output_digest)
    diagnostics: tuple[Diagnostic, ...]
    pages: int
    episodes: int


def scan(folder: Path, skip_hidden: bool) -> Stats:
    """Size and modification time of every file below `folder` (hidden files and folders left out when
    `skip_hidden`: editors' swap files and .git never change a build)."""
    found: Stats = {}
    stack = [str(folder)]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:  # some 15,000 at 2,000 episodes: kept lean
            name = entry.name
            if skip_hidden and name[0] == ".":
                continue
            if entry.is_dir(follow_symlinks=False):
                if name != "__pycache__":
                    stack.append(entry.path)
            elif entry.is_file():
                stat = entry.stat()
                found[entry.path] = (stat.st_size, stat.st_mtime_ns)
    return found


def output_files(out_dir: Path) -> Stats:
    """Size and time of every file below the output folder, by its path in the folder."""
    prefix = len(str(out_dir)) + 1
    return {path[prefix:]: stat for path, stat in scan(out_dir, False).items()}


def _output_digest(files: Stats) -> str:
    """One hash of every output file's path, size and time (output_files'): the check needs only to know
    whether any of them changed, and a digest keeps the saved state small (a site of 2,000 episodes has
    12,000 files)."""
    stats = sorted(f"{path}\0{size}\0{mtime}" for path, (size, mtime) in files.items())
    return hashlib.sha256("\n".join(stats).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True, slots=True)
class OutputLook:
    """The output folder as the no-change check found it, which the build that follows takes rather than
    scan its 12,000 files again (twice: see Staging.commit_in_place and save_state); and the inputs, as
    scanned meanwhile."""

    key: str  # the options it was checked for
    files: Stats  # output_files'
    as_left: bool  # the saved build had these options, and its output is untouched since
    inputs: Stats  # input_stats of the saved build's roots
    state: BuildState  # the saved build's, which the build takes rather than read it again


def look_at_output(state: BuildState, key: str, out_dir: Path) -> OutputLook:
    inputs, files = _scan_both(tuple(map(Path, state.roots)), out_dir)
    return OutputLook(key, files, state.key == key and _output_digest(files) == state.outputs, inputs, state)


def _scan_both(roots: tuple[Path, ...], out_dir: Path) -> tuple[Stats, Stats]:
    """input_stats(roots) and output_files(out_dir) at once, where processes fork (Linux): the first in a
    forked process while this one does the second. Both are mostly system calls over thousands of files,
    so they then take about the time of the longer, not of both: most of what `podsite build` does when
    nothing changed. Should anything go wrong in the other process, this one scans the inputs too."""
    if sys.platform != "linux":
        return input_stats(roots), output_files(out_dir)
    try:
        reading, writing = os.pipe()
        child = os.fork()
    except OSError:
        return input_stats(roots), output_files(out_dir)
    if child == 0:
        try:
            os.close(reading)
            data = marshal.dumps(input_stats(roots))
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(0)  # no exit handlers, no flushing of the output buffers this process inherited
    os.close(writing)
    try:
        # Read from within: should the scan here fail, the pipe is closed before the wait, and the other
        # process, which may be waiting to write more than the pipe holds, ends instead of waiting forever.
        with os.fdopen(reading, "rb") as pipe:
            files = output_files(out_dir)
            data = pipe.read()
    finally:
        os.waitpid(child, 0)
    try:
        inputs = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        inputs = None
    return (inputs if isinstance(inputs, dict) else input_stats(roots)), files


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True, slots=True)
class ReadInput:
    """An input file read once, for everything a worker does with it: its bytes, their SHA-256, and its
    state for save_state's `known` (path -> size, time, hash)."""

    data: bytes
    sha256: str
    state: Hashed


def read_input(path: Path) -> ReadInput | None:
    """One input file read and hashed, or None when it cannot be read (its reader then says why). The
    episode workers read each transcript this way, on both cores: the hash serves the build state (instead
    of this process hashing every transcript again, one by one, after the build) and the transcript cache's key,
    and the bytes serve the parser. The size and time are taken first, so that a file changed meanwhile
    shows a time that no longer matches."""
    try:
        resolved = path.resolve()
        stat = resolved.stat()
        data = resolved.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(data).hexdigest()
    return ReadInput(data, digest, {str(resolved): (stat.st_size, stat.st_mtime_ns, digest)})


def input_stats(roots: Iterable[Path]) -> Stats:
    """Size and time of every input file below `roots`, as save_state scans them. Taken before a build
    reads its inputs, they let save_state tell that one changed while the build ran."""
    found: Stats = {}
    for root in roots:
        found.update(scan(root.resolve(), skip_hidden=True))
    return found


def _inputs(now: Stats, previous: Hashed | None, known: Hashed) -> Hashed:
    """Every input file (`now`: as scanned) with its hash: as the build's workers read and hashed it
    (`known`), which spares hashing every transcript again; else the previous build's hash of a file whose
    size and time are the same; else hashed now. (A file that changed while the build ran keeps no state
    at all: see save_state.)"""
    previous = previous or {}
    result = {}
    for path, (size, mtime) in now.items():
        found = known.get(path)
        if found is None:
            found = previous.get(path)
            if found is None or found[:2] != (size, mtime):
                found = (size, mtime, file_sha256(path))
        result[path] = found
    return result


def output_as_left(state: BuildState | None, key: str, out_dir: Path, look: OutputLook | None = None) -> bool:
    """True when the saved build had these options and its output is untouched since (as `look` found it,
    when it was for these options)."""
    if look is not None and look.key == key:
        return look.as_left
    return state is not None and state.key == key and _output_digest(output_files(out_dir)) == state.outputs


def is_current(state: BuildState, look: OutputLook) -> bool:
    """True when the inputs hash the same as at the saved build and the output is untouched since."""
    if not look.as_left:
        return False
    now = look.inputs
    if now.keys() != state.inputs.keys():
        return False
    for path, stat in now.items():
        size, mtime, digest = state.inputs[path]
        if stat != (size, mtime) and (stat[0] != size or file_sha256(path) != digest):
            return False
    return True


def content_hashes(stats: Stats, previous: Hashed | None) -> dict[str, str]:
    """Each file's SHA-256: the previous build's where its size and time are the same, else hashed now."""
    return {path: digest for path, (_, _, digest) in _inputs(stats, previous, {}).items()}


def save_state(out_dir: Path, key: str, roots: tuple[Path, ...], diags: Diagnostics, pages: int,
               episodes: int, known: Hashed | None = None, before: Stats | None = None,
               previous: BuildState | None = None, outputs: Stats | None = None) -> Hashed | None:
    """Records a successful build (best effort: a build that cannot save its state is still a good build);
    returns the inputs it recorded, with their hashes, or None when it kept no state.
    `known`: input files the build hashed already (read_input). `before`: input_stats(roots) taken before
    the build read anything; when an input was changed, added or removed since, the output may hold what
    it said before or after, so no state is kept and the next build runs. `previous`: the state as the
    build found it, whose hashes serve the files whose size and time are the same. `outputs`: the output
    folder's files as the build left them (output_files'), when it knows them; else they are scanned."""
    folder = cache_dir(out_dir)
    now = input_stats(roots)
    if before is not None and now != before:
        with contextlib.suppress(OSError):
            (folder / STATE_FILE).unlink(missing_ok=True)
        return None
    inputs = _inputs(now, previous.inputs if previous else None, known or {})
    state = {
        "format": STATE_FORMAT, "podsite": __version__, "key": key,
        "roots": [str(r.resolve()) for r in roots],
        "inputs": inputs,
        "outputs": _output_digest(outputs if outputs is not None else output_files(out_dir)),
        "diagnostics": [d.plain() for d in diags.items],
        "pages": pages, "episodes": episodes,
    }
    # Checked on reading (read_cache_file) against podsite's code too: another podsite's state is no state.
    if not write_cache_file(folder / STATE_FILE, json.dumps(state, sort_keys=True).encode()):
        return None
    return inputs


def load_state(out_dir: Path) -> BuildState | None:
    """The saved state, or None when there is none or it cannot be trusted (damaged, foreign, old)."""
    body = read_cache_file(cache_dir(out_dir) / STATE_FILE)
    if body is None:
        return None
    try:
        data = json.loads(body)
        if data["format"] != STATE_FORMAT or data["podsite"] != __version__:
            return None
        return BuildState(
            key=data["key"], roots=tuple(data["roots"]),
            inputs={p: (int(s), int(m), str(h)) for p, (s, m, h) in data["inputs"].items()},
            outputs=str(data["outputs"]),
            diagnostics=tuple(map(Diagnostic.from_plain, data["diagnostics"])),
            pages=int(data["pages"]), episodes=int(data["episodes"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
