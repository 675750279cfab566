"""The Changelog importer makes people only of labels that look like people (importers.changelog
.looks_like_person): a clip or quote label keeps its lines in the transcript, under its label, with no
person page; docs/importing.md counts what the rule does on the corpus, and the last test checks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS

from generator.build import load_site
from generator.diagnostics import Diagnostics
from generator.importers.changelog import import_changelog, looks_like_person
from generator.importers.writer import read_yaml

NEWS = """**Jerod Santo:**

Here is a story.

**Airplane!:**

Surely you can't be serious.

**Jerod Santo:**

And another one.

**Aladdin:**

Phenomenal cosmic powers!

**JS Party #269:** One clip.

**Break:**

**JS Party #269:** The same show, again.

**Ogre from Revenge of the Nerds:** Nerds!

**Jerod Santo:** That's the news.
"""


def test_the_rule_on_the_labels_the_issue_names() -> None:
    assert not looks_like_person("Airplane!", 1) and not looks_like_person("Aladdin", 1)
    assert not looks_like_person("JS Party #269", 2)  # a # is in no name, however often it speaks
    assert not looks_like_person("Ogre from Revenge of the Nerds", 1)
    assert looks_like_person("Jerod Santo", 2) and looks_like_person("Mireille B. Reece, Psy.D", 40)


def test_clip_labels_get_no_person_page_and_keep_their_lines(tmp_path: Path) -> None:
    (tmp_path / "transcripts" / "news").mkdir(parents=True)
    (tmp_path / "transcripts" / "news" / "changelog-news-1.md").write_text(NEWS, encoding="utf-8")
    site = tmp_path / "site"
    result = import_changelog(tmp_path / "transcripts", None, site)
    assert result.ok
    assert sorted(p.name for p in (site / "people").iterdir()) == ["jerod-santo.yaml"]
    assert read_yaml(site / "site.yaml")["transcripts"] == {
        "voices": ["Airplane!", "Aladdin", "JS Party #269", "Ogre from Revenge of the Nerds"]}
    assert [(d.location.line, d.message.split(",")[0]) for d in result.diagnostics.items] == [
        (5, 'speaker "Airplane!" speaks in one turn only'), (13, 'speaker "Aladdin" speaks in one turn only'),
        (17, 'speaker "JS Party #269" has # in it'),
        (23, 'speaker "Ogre from Revenge of the Nerds" speaks in one turn only')]
    assert result.diagnostics.items[0].hint == ('if "Airplane!" is a person, add people/airplane.yaml with '
                                                'name: Airplane!')
    assert (site / "episodes" / "news" / "1" / "transcript.md").read_text(encoding="utf-8") == NEWS

    diags = Diagnostics()
    loaded = load_site(site, diags)
    assert loaded is not None and not diags.items  # no unknown speaker: the clips are voices
    transcript = loaded.episodes[0].transcript
    assert transcript is not None
    turns = [(t.kind, t.label, t.person, " ".join(p.text for p in t.paragraphs)) for t in transcript.turns]
    assert ("voice", "Aladdin", None, "Phenomenal cosmic powers!") in turns
    assert ("voice", "Ogre from Revenge of the Nerds", None, "Nerds!") in turns
    assert {t[2] for t in turns if t[1] == "Jerod Santo"} == {"jerod-santo"}


def test_an_existing_site_yaml_is_not_changed_but_the_warning_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "transcripts" / "news").mkdir(parents=True)
    (tmp_path / "transcripts" / "news" / "changelog-news-1.md").write_text(NEWS, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.yaml").write_text("title: Mine\nbase_url: https://mine.example/\n", encoding="utf-8")
    result = import_changelog(tmp_path / "transcripts", None, site)
    assert (site / "site.yaml").read_text(encoding="utf-8") == "title: Mine\nbase_url: https://mine.example/\n"
    assert "(add it to site.yaml's transcripts.voices)" in result.diagnostics.items[0].message


CLIPS = {"Abi Prado", "Airplane!", "Aladdin", "Daniel Martí", "David Starsky", "Horse JS", "Jay Conrod",
         "JS Party #269", "Katie Hockman", "Luis Villa", "Ogre from Revenge of the Nerds", "Roberto Clapis",
         "Sex Panther by Odeon", "Steven A. Smith", "Three Dog Night", "Wayne Ashley Berry"}


@pytest.mark.skipif(not (CORPUS / "transcripts").is_dir(), reason="../shared/corpus is not here")
def test_the_counts_docs_importing_gives_for_the_corpus(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_changelog(CORPUS / "transcripts", None, site)
    assert result.ok
    assert len(list((site / "people").iterdir())) == 165
    assert set(read_yaml(site / "site.yaml")["transcripts"]["voices"]) == CLIPS
    assert len([d for d in result.diagnostics.items if "taken for a clip" in d.message]) == 16
