"""Compiled templates kept between builds, in the cache folder beside the output.

Jinja compiles a template's source to Python code the first time a process renders it: for the default
theme's list pages, a good part of a small build, and as much again in each episode worker, on every
build that renders at all (one episode's notes edited, say). Jinja's bytecode cache hook takes that code
from a file instead. Its own file cache is not used: it trusts what it reads, and a damaged file can make
a build fail. Here each file is in the cache's one format (cache/state.py's write_cache_file): a SHA-256 of
podsite's code and of what follows, checked before Jinja unmarshals a byte, and the file ignored unless
it matches. A file's name starts with a hash of podsite's code and the libraries' releases (code_salt),
since another podsite may compile with other options, and goes on with a hash of the template's name and
path; Jinja itself checks that the template's source and the Python version are the same. A cache that
cannot be written only costs time."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2

from generator.cache.state import code_salt, read_cache_file, write_cache_file

TEMPLATES = "templates"  # the folder in the cache folder
SUFFIX = ".template"


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.salt = code_salt()
        self.prefix = self.salt.hex()[:32]

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        payload = read_cache_file(self._file(bucket), self.salt)
        if payload is not None:
            bucket.bytecode_from_string(payload)  # left empty (compiled anew) for another source or Python

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        write_cache_file(self._file(bucket), bucket.bytecode_to_string(), self.salt)

    def prune(self) -> None:
        """Removes what another podsite compiled, and what a stopped process left half written."""
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                if not (path.name.startswith(self.prefix) and path.name.endswith(SUFFIX)):
                    path.unlink(missing_ok=True)

    def _file(self, bucket: jinja2.bccache.Bucket) -> Path:
        return self.folder / f"{self.prefix}-{hashlib.sha256(bucket.key.encode()).hexdigest()[:32]}{SUFFIX}"
