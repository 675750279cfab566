"""Parsed transcripts kept between builds: used when nothing they depend on changed, ignored otherwise,
and never a reason for different output."""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import tree
from test_transcript_fastpaths import TRANSCRIPT_CORPUS, TRICKY_TRANSCRIPT, tricky_texts

from generator.cache import state as uptodate
from generator.cache import transcripts as transcript_cache
from generator.cache.episodes import RECORDS_FILE
from generator.cache.state import STATE_FILE, cache_dir, read_cache_file
from generator.diagnostics import Diagnostics
from generator.engine import Builder, build
from generator.markup.markdown import Markup
from generator.model.transcript import Paragraph, Transcript
from generator.transcripts.parser import parse_transcript
from generator.transcripts.readers import read_transcript
from generator.transcripts.speakers import SpeakerIndex, normalize_label


def entries(out: Path) -> list[Path]:
    return sorted((cache_dir(out) / "transcripts").glob("*.entry"))


def make_episodes_again(out: Path) -> None:
    """Without the last build's state and episode records the next build makes every episode, from the
    transcript cache."""
    (cache_dir(out) / RECORDS_FILE).unlink()
    (cache_dir(out) / STATE_FILE).unlink()


def note_reads(monkeypatch: pytest.MonkeyPatch, note: Callable[[Path], object]) -> None:
    """Has the transcript cache call `note` with each transcript file it parses (rather than reads back)."""
    def reading(path: Path, speakers: SpeakerIndex, markup: Markup, diags: Diagnostics, duration: float | None,
                data: bytes | None = None) -> Transcript | None:
        note(path)
        return read_transcript(path, speakers, markup, diags, duration, data)

    monkeypatch.setattr(transcript_cache, "read_transcript", reading)


def test_a_cached_build_writes_what_a_parsing_build_writes(minimal_site: Path, tmp_path: Path) -> None:
    transcript = minimal_site / "episodes/show/1/transcript.md"
    transcript.write_text(transcript.read_text() + "\n**Nobody Known:** Hello.\n")  # a warning to keep
    out = tmp_path / "output"
    first = build(minimal_site, out)
    assert first.ok and len(entries(out)) == 1
    parsed = tree(out)
    make_episodes_again(out)
    second = build(minimal_site, out)  # the build state is not asked here: this really builds
    assert tree(out) == parsed
    assert [d.format() for d in second.diagnostics.items] == [d.format() for d in first.diagnostics.items]
    assert any("Nobody Known" in d.message for d in second.diagnostics.warnings)


def test_the_preview_reads_back_what_podsite_build_parsed(minimal_site: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # `podsite serve` keeps its transcripts where `podsite build` keeps them for its default output folder.
    transcript = minimal_site / "episodes/show/1/transcript.md"
    transcript.write_text(transcript.read_text() + "\n**Nobody Known:** Hello.\n")  # a warning to keep
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    stale = cache_dir(out) / "transcripts" / f"{'0' * 64}.entry"
    stale.write_bytes(b"what an older version of a transcript parsed to")
    parsed: list[Path] = []
    note_reads(monkeypatch, parsed.append)
    base = "http://127.0.0.1:8000/"
    cache = cache_dir(out) / "transcripts"
    preview = Builder(minimal_site, tmp_path / "preview", base_url=base, transcripts=cache)
    result = preview.build()
    assert result.ok and parsed == []
    assert any("Nobody Known" in d.message for d in result.diagnostics.warnings)
    assert not stale.exists()  # a full build keeps only the entries it asked for
    plain = Builder(minimal_site, tmp_path / "plain", base_url=base)
    assert plain.build().ok
    assert tree(tmp_path / "preview") == tree(tmp_path / "plain")
    parsed.clear()  # what the plain preview parsed, having no cache folder

    transcript.write_text(transcript.read_text() + "\n**Nobody Known:** Goodbye.\n")
    assert preview.build(changed=[transcript]).ok
    assert parsed == [transcript]  # and kept, for the next preview or build
    assert len(entries(out)) == 2


def test_site_yaml_and_person_edits_read_the_transcripts_back_from_the_cache(minimal_site: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Read back from the cache, they were most of a site.yaml edit's load at 2,000 episodes, and a second copy
    # of every transcript until the write; parsed again, most of a person edit's.
    transcript = minimal_site / "episodes/show/1/transcript.md"
    transcript.write_text(transcript.read_text() + "\n**Studio Crowd:** Cheers.\n", encoding="utf-8")
    preview = Builder(minimal_site, tmp_path / "preview", transcripts=tmp_path / "transcripts")
    assert preview.build().ok
    read: list[str] = []

    def reading_entry(path: Path, salt: bytes | None = None) -> bytes | None:  # the cache reads entries with it
        read.append("entry")
        return read_cache_file(path, salt)

    monkeypatch.setattr(transcript_cache, "read_cache_file", reading_entry)
    note_reads(monkeypatch, lambda _path: read.append("file"))

    def rebuild(path: Path, old: str, new: str) -> list[str]:
        path.write_text(path.read_text().replace(old, new), encoding="utf-8")
        result = preview.build(changed=[path])
        found = list(read)
        assert result.ok
        plain = Builder(minimal_site, tmp_path / "plain")  # which parses, having no cache folder
        assert [d.format() for d in result.diagnostics.items] == [d.format() for d in plain.build().diagnostics.items]
        assert tree(tmp_path / "preview") == tree(tmp_path / "plain")
        read.clear()
        return found

    # The episode is made again (site.yaml and the speakers are in its key): its transcript from the entry.
    assert rebuild(minimal_site / "site.yaml", "title: Minimal", "title: Minimal Again") == ["entry"]
    person = minimal_site / "people/gus-guest.yaml"
    assert rebuild(person, "aliases: [Gus]", "aliases: [Gus, G]") == ["entry"]  # a label it has not
    assert "file" in rebuild(person, "[Gus, G]", "[Gus, G, Studio Crowd]")  # one it has: parsed again


def test_a_damaged_or_foreign_entry_is_ignored_and_replaced(minimal_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    parsed = tree(out)
    [entry] = entries(out)
    entry.write_bytes(b"not an entry at all")
    make_episodes_again(out)
    assert build(minimal_site, out).ok
    assert tree(out) == parsed
    assert entry.read_bytes() != b"not an entry at all"


def test_a_person_change_parses_again_only_the_transcripts_whose_labels_it_changes(
        minimal_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    [entry] = entries(out)
    transcript = minimal_site / "episodes/show/1/transcript.md"
    parsed: list[Path] = []
    note_reads(monkeypatch, parsed.append)

    def edit_person(slug: str, old: str, new: str) -> list[Path]:
        person = minimal_site / f"people/{slug}.yaml"
        person.write_text(person.read_text().replace(old, new), encoding="utf-8")
        make_episodes_again(out)
        result = build(minimal_site, out)
        assert result.ok
        found = list(parsed)
        clean = build(minimal_site, tmp_path / f"clean-{slug}")
        assert tree(out) == tree(tmp_path / f"clean-{slug}")
        assert [d.format() for d in result.diagnostics.items] == [d.format() for d in clean.diagnostics.items]
        parsed.clear()
        return found

    assert edit_person("gus-guest", "aliases: [Gus]", "aliases: [Gus, G]") == []  # "G" is no label of it
    assert entries(out) == [entry]
    assert edit_person("hana-host", "name: Hana Host", "name: Hana Hostess") == [transcript]  # now unknown
    assert entries(out) == [entry]  # the same file, parsed for these labels


def test_a_change_to_podsites_own_code_makes_new_entries(minimal_site: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "output"
    assert build(minimal_site, out).ok
    [before] = entries(out)
    package = tmp_path / "package"
    package.mkdir()
    (package / "transcript.py").write_text("# a parser of another day\n")
    real = uptodate.code_digest
    monkeypatch.setattr(uptodate, "code_digest", lambda: real(package))
    make_episodes_again(out)  # a real change to the package would change the episodes' keys too
    assert build(minimal_site, out).ok
    assert [e.name for e in entries(out)] != [before.name]  # parsed again, under a new key


def round_trip(t: Transcript) -> Transcript:
    """A transcript as a cache entry stores it and hands it back."""
    flat: tuple[Any, ...] = transcript_cache._flatten(t)  # declared tuple[object, ...], which marshal refuses
    return transcript_cache._unflatten(marshal.loads(marshal.dumps(flat)))


def parsed(text: str, path: Path = Path("t.md")) -> Transcript:
    speakers = SpeakerIndex(people={"Jerod Santo": "jerod", "Adam Stacoviak": "adam", "Mat Ryer": "mat"})
    transcript = parse_transcript(text, path, speakers, Markup(), Diagnostics(), 600.0)
    assert transcript is not None
    return transcript


def test_an_entry_gives_back_the_transcript_it_was_made_from() -> None:
    """Texts are stored only where they are not their HTML's inside: the others must come back the same,
    paragraphs as Paragraph, turns as Turn."""
    empty = Transcript(Path("t.md"), (), False)
    assert round_trip(empty) == empty
    for text in [TRICKY_TRANSCRIPT, *tricky_texts(300, seed=11)]:
        t = parsed(text)
        back = round_trip(t)
        assert back == t
        assert [type(p) for p in back.paragraphs()] == [type(p) for p in t.paragraphs()]
        assert [type(turn) for turn in back.turns] == [type(turn) for turn in t.turns]
    stored = transcript_cache._flatten(parsed(TRICKY_TRANSCRIPT))[3]
    assert isinstance(stored, tuple) and len(stored) == len(Paragraph._fields), stored
    kept = stored[Paragraph._fields.index("text")]
    assert isinstance(kept, dict), kept
    assert kept and all(isinstance(text, str) for text in kept.values())  # some texts differ from their HTML


@pytest.mark.slow
@pytest.mark.skipif(not TRANSCRIPT_CORPUS.is_dir(), reason=f"the transcript corpus is not at {TRANSCRIPT_CORPUS}")
def test_an_entry_gives_back_every_corpus_transcript() -> None:
    for path in sorted(TRANSCRIPT_CORPUS.rglob("*.md")):
        t = parsed(path.read_text(encoding="utf-8"), path)
        assert round_trip(t) == t, path


def assert_unasked_labels_change_nothing(path: Path, others: set[str]) -> None:
    """Parsed with speakers that differ only in labels the first parse never asked about, a transcript
    must come out the same, reports included: else an entry could serve it for speakers it does not hold for."""
    data = path.read_bytes()
    first = transcript_cache._parse(path, SpeakerIndex(), Markup(), 600.0, data)
    asked = {key for key, _, _ in first.labels}
    unasked = {label: "someone" for label in others if normalize_label(label) not in asked}
    speakers = SpeakerIndex(people=unasked, voices=frozenset(unasked))
    assert first.holds_for(speakers)
    second = transcript_cache._parse(path, speakers, Markup(), 600.0, data)
    assert (second.transcript, second.items, second.labels) == (first.transcript, first.items, first.labels), path


def test_labels_a_parse_never_asked_about_change_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(TRICKY_TRANSCRIPT + "\n**Nobody Known:** Hi, Mat Ryer **Mat Ryer:** there.\n", encoding="utf-8")
    others = {"Jerod Santo", "Adam Stacoviak", "Mat Ryer", "Nobody Known", "Adam", "Jerod", "Hi", "Break", "Music"}
    assert_unasked_labels_change_nothing(path, others)


@pytest.mark.slow
@pytest.mark.skipif(not TRANSCRIPT_CORPUS.is_dir(), reason=f"the transcript corpus is not at {TRANSCRIPT_CORPUS}")
def test_labels_a_corpus_transcript_never_asked_about_change_nothing() -> None:
    paths = sorted(TRANSCRIPT_CORPUS.rglob("*.md"))
    # Every speaker label of the corpus: those of other transcripts are the ones a site's people could add.
    labels = {m.group(1) for p in paths for m in re.finditer(r"^\*\*([^*:\n]{1,60}):\*\*", p.read_text(), re.MULTILINE)}
    for path in paths:
        assert_unasked_labels_change_nothing(path, labels)
