"""Every file of the cache folder is checked before it is used: an entry rewritten by hand (with a payload
that looks right), damaged, or written by another podsite is a miss, and the build publishes what a clean
build publishes."""

from __future__ import annotations

import hashlib
import json
import marshal
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import tree

from generator.cache import state as uptodate
from generator.cache.episodes import RECORDS_FILE
from generator.cache.state import CHECKSUM_SIZE, cache_dir, read_cache_file, write_cache_file
from generator.cli import main
from generator.engine import build
from generator.model.transcript import Paragraph

SCRIPT = "<script>alert('from the cache')</script>"


def clean_tree(site: Path, tmp_path: Path) -> dict[str, bytes]:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.rmtree(cache_dir(clean), ignore_errors=True)
    assert build(site, clean, jobs=1).ok
    return tree(clean)


def rewrite(path: Path, change: Callable[[Any], Any], how: str) -> None:
    """Rewrites a cache file's payload as `change` makes it (a function of the unmarshalled payload), under
    its old checksum, or under one anybody can compute: the SHA-256 of the payload alone."""
    data = path.read_bytes()
    payload = change(marshal.loads(data[CHECKSUM_SIZE:]))
    body = marshal.dumps(payload)
    header = data[:CHECKSUM_SIZE] if how == "old checksum" else hashlib.sha256(body).digest()
    path.write_bytes(header + body)


@pytest.mark.parametrize("how", ["old checksum", "payload's checksum"])
def test_a_transcript_entry_rewritten_to_hold_a_script_is_not_published(minimal_site: Path, tmp_path: Path,
                                                                        how: str) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out, jobs=1).ok
    [entry] = (cache_dir(out) / "transcripts").glob("*.entry")
    html = Paragraph._fields.index("html")

    def with_script(payload: tuple[Any, ...]) -> tuple[Any, ...]:
        form, key, (path, has_times, turns, columns), items, labels = payload
        columns = list(columns)
        columns[html] = tuple(f"<p>{SCRIPT}</p>" for _ in columns[html])  # a valid entry in every other way
        return (form, key, (path, has_times, turns, tuple(columns)), items, labels)

    rewrite(entry, with_script, how)
    # Without the records and the state the episode is made again, from the transcript cache.
    (cache_dir(out) / RECORDS_FILE).unlink()
    (cache_dir(out) / uptodate.STATE_FILE).unlink()
    assert build(minimal_site, out, jobs=1).ok
    assert not any(SCRIPT.encode() in data for data in tree(out).values())
    assert tree(out) == clean_tree(minimal_site, tmp_path)
    assert read_cache_file(entry) is not None  # parsed again, and written anew


@pytest.mark.parametrize("how", ["old checksum", "payload's checksum"])
def test_an_episode_record_rewritten_does_not_reach_the_feed(minimal_site: Path, tmp_path: Path, how: str) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out, jobs=1).ok
    records = cache_dir(out) / RECORDS_FILE

    def with_script(payload: tuple[Any, ...]) -> tuple[Any, ...]:
        form, version, kept = payload
        changed = []
        for url, key, every, flat in kept:
            diagnostics, spoken, chapters, paths, cache_keys, notes_html, *rest = flat
            changed.append((url, key, every, (diagnostics, spoken, chapters, paths, cache_keys,
                                              notes_html + SCRIPT, *rest)))
        return (form, version, changed)

    rewrite(records, with_script, how)
    again = build(minimal_site, out, jobs=1)  # nothing changed: every episode would be taken from its record
    assert again.ok and again.episodes_kept == 0
    assert "https://example.org/a" in (out / "show/feed.xml").read_text()  # where the notes, and so the record's, go
    assert not any(SCRIPT.encode() in data for data in tree(out).values())
    assert tree(out) == clean_tree(minimal_site, tmp_path)


@pytest.mark.parametrize("how", ["old checksum", "payload's checksum"])
def test_a_state_rewritten_to_call_a_changed_site_up_to_date_is_not_believed(
        minimal_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    assert main(["build", "--site", "content", "--out", "output", "--jobs", "1"]) == 0
    transcript = minimal_site / "episodes/show/1/transcript.md"
    transcript.write_text(transcript.read_text() + "\n**Hana Host:** Said after the build.\n")
    state = cache_dir(Path("output")) / uptodate.STATE_FILE
    data = state.read_bytes()
    body = json.loads(data[CHECKSUM_SIZE:])
    stat = transcript.resolve().stat()
    body["inputs"][str(transcript.resolve())] = [stat.st_size, stat.st_mtime_ns,
                                                 hashlib.sha256(transcript.read_bytes()).hexdigest()]
    payload = json.dumps(body, sort_keys=True).encode()
    state.write_bytes((data[:CHECKSUM_SIZE] if how == "old checksum" else hashlib.sha256(payload).digest()) + payload)
    capsys.readouterr()
    assert main(["build", "--site", "content", "--out", "output", "--jobs", "1"]) == 0
    assert "built output" in capsys.readouterr().out
    assert "Said after the build." in Path("output/show/1/index.html").read_text()
    assert tree(Path("output")) == clean_tree(minimal_site, tmp_path)


def test_a_cache_file_is_read_back_only_whole_and_by_the_podsite_that_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    assert write_cache_file(path, b"payload", b"this podsite")
    assert read_cache_file(path, b"this podsite") == b"payload"
    assert read_cache_file(path, b"another podsite") is None
    data = path.read_bytes()
    for damaged in (data[:-1], data[:CHECKSUM_SIZE], data[:5], b"", data[:-1] + b"P", b"\0" + data[1:]):
        path.write_bytes(damaged)
        assert read_cache_file(path, b"this podsite") is None
    path.unlink()
    assert read_cache_file(path, b"this podsite") is None
    assert read_cache_file(tmp_path, b"this podsite") is None  # a folder: a miss, not a crash


def test_a_checked_file_that_holds_no_records_is_a_miss_not_a_crash(example_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(example_site, out, jobs=1).ok
    assert write_cache_file(cache_dir(out) / RECORDS_FILE, marshal.dumps(("not", "records")))
    [entry, *_] = (cache_dir(out) / "transcripts").glob("*.entry")
    assert write_cache_file(entry, b"\xffnot marshal at all")
    assert write_cache_file(cache_dir(out) / uptodate.STATE_FILE, b'{"format": 4}')
    again = build(example_site, out, jobs=1)
    assert again.ok and again.episodes_kept == 0
    assert tree(out) == clean_tree(example_site, tmp_path)
