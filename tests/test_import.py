"""`podsite import`: a feed podsite wrote comes back as an equivalent site; nothing existing is overwritten
unless asked; hostile or broken feeds are refused with located errors; Changelog trees import and build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import CORPUS, REPO, copy_site

from generator.build import load_site
from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.importers.feed import import_feed
from generator.model.entities import Episode, Site
from generator.render.feeds import episode_guid, feed_episodes
from generator.transcripts.writers import transcript_files


def podsite(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def loaded(site: Path) -> Site:
    diags = Diagnostics()
    result = load_site(site, diags)
    assert result is not None and not diags.has_errors, diags.report()
    return result


# -- round trip ----------------------------------------------------------------------------------

def richer_minimal_site(tmp_path: Path) -> Path:
    """The minimal test site, with every feed field podsite writes given a value somewhere."""
    site = copy_site(tmp_path)
    write(site / "shows" / "show.yaml", """
        name: The Show
        description: A show about *things*.
        artwork: https://cdn.example/art.jpg
        hosts: [hana-host]
        author: Show Makers
        owner: {name: Show Makers, email: owner@podcast.example}
        category: Technology > Tech News
        explicit: false
        language: en
        website: https://podcast.example/show/
        copyright: © 2024 Show Makers
        guid: 917393e3-1b1e-5cef-ace4-edaa54e1f810
        locked: true
        funding:
          - {url: https://podcast.example/support, text: Support the show}
        license: {name: CC-BY-4.0, url: https://creativecommons.org/licenses/by/4.0/}
        txt:
          - {purpose: verify, text: "05124"}
        """)
    write(site / "people" / "cora-cohost.yaml", """
        name: Cora Cohost
        avatar: https://cdn.example/cora.png
        """)
    write(site / "episodes" / "show" / "2" / "episode.md", """
        ---
        title: The second one
        published: 2024-02-05
        summary: A *bonus* talk between the hosts.
        audio:
          url: https://cdn.example/2.m4a
          bytes: 2345678
          duration: "1:02:03"
          type: audio/mp4
        hosts: [hana-host, cora-cohost]
        type: bonus
        season: 2
        chapters:
          - {start: 0, title: Hello}
          - {start: "10:00", title: The middle, url: https://example.org/middle}
        soundbites:
          - {start: "4:34", duration: 45, title: The best bit}
        ---
        Notes with [a link](https://example.org/b).
        """)
    write(site / "episodes" / "show" / "3" / "episode.md", """
        ---
        title: 'Q&A: <tags> & "quotes"'
        published: 2024-03-05T10:30:00+01:00
        audio: {url: "https://cdn.example/3.mp3?x=1", bytes: 42, duration: 90}
        explicit: true
        guid: legacy-host-guid-3
        guests: [gus-guest]
        ---
        """)
    return site


def feed_model(episode: Episode) -> dict[str, object]:
    """What an episode's feed item carries, as podsite's model holds it."""
    audio = episode.audio
    assert audio is not None
    return {
        "slug": episode.slug, "title": episode.title, "number": episode.number, "published": episode.published,
        "audio": (audio.url, audio.bytes, audio.duration, audio.mime),
        "guests": [p.name for p in episode.guests], "hosts": [p.name for p in episode.hosts],
        "guid": episode_guid(episode), "season": episode.season, "type": episode.type,
        "explicit": episode.explicit, "summary": episode.summary_html, "notes": episode.notes_html,
        "chapters": [(c.start, c.title, c.url) for c in episode.chapters],
        "soundbites": [(b.start, b.duration, b.title) for b in episode.soundbites],
        "speakers": [(t.person, [p.text for p in t.paragraphs]) for t in episode.transcript.turns
                     if t.kind == "person"] if episode.transcript else None,
    }


def test_round_trip_of_a_feed_podsite_wrote(tmp_path: Path) -> None:
    original = richer_minimal_site(tmp_path)
    out = tmp_path / "out"
    run = podsite(tmp_path, "build", "--site", str(original), "--out", str(out))
    assert run.returncode == 0, run.stderr
    before = loaded(original)
    for episode in before.episodes:  # the transcripts the feed offers, should the build not write them yet
        for rel, data in transcript_files(episode, {p.slug: p.name for p in before.people.values()}).items():
            if not (out / rel).exists():
                (out / rel).write_bytes(data)

    imported = tmp_path / "imported"
    run = podsite(tmp_path, "import", "feed", str(out / "show" / "feed.xml"), "--site", str(imported),
                  "--show", "show")
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith("podsite: imported: 1 show, 3 episodes, 3 people, 1 transcript, 1 chapters file; "
                               "skipped 0 existing files\n")
    assert (imported / "episodes" / "show" / "1" / "transcript.vtt").is_file()
    run = podsite(tmp_path, "build", "--site", str(imported), "--out", str(tmp_path / "out2"))
    assert run.returncode == 0, run.stderr
    assert " error" not in run.stderr

    after = loaded(imported)
    show_before, show_after = before.shows[0], after.shows[0]
    wanted = [feed_model(e) for e in feed_episodes(before.episodes_of(show_before), show_before, Diagnostics())]
    got = [feed_model(e) for e in after.episodes_of(show_after)]
    assert [e["slug"] for e in wanted] == ["3", "2", "1"]
    assert got == wanted
    for key in ("slug", "name", "description_html", "category", "owner_name", "owner_email", "explicit", "language",
                "website", "guid", "locked", "funding", "txt", "type", "copyright", "license"):
        assert getattr(show_after, key) == getattr(show_before, key), key
    assert show_after.artwork is not None and show_before.artwork is not None
    assert show_after.artwork.url == show_before.artwork.url
    assert [h.slug for h in show_after.hosts] == ["hana-host"]
    avatar = after.people["cora-cohost"].avatar
    assert avatar is not None and avatar.url == "https://cdn.example/cora.png"
    assert after.people["gus-guest"].links == ()  # its href was the old site's own page, no link of theirs
    # The feed written again is the same feed, but for where it says it lives and when it was built.
    assert (tmp_path / "out2" / "show" / "feed.xml").read_bytes() == (out / "show" / "feed.xml").read_bytes()


# -- writing, skipping, forcing --------------------------------------------------------------------

FEED = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Hosted Talk</title>
    <link>https://hosted.example/talk</link>
    <description>Talk, hosted.</description>
    <itunes:image href="https://hosted.example/art.png"/>
    <podcast:person role="host" img="https://hosted.example/ann.jpg"
                    href="https://ann.example/">Ann Host</podcast:person>
    <item>
      <title>Pilot</title>
      <guid isPermaLink="false">hosted-1</guid>
      <pubDate>Mon, 01 Apr 2019 09:00:00 GMT</pubDate>
      <description>Short.</description>
      <content:encoded><![CDATA[<p>Long notes with <a href="https://x.example/">a link</a>.</p>]]></content:encoded>
      <enclosure url="https://media.example/pilot.mp3" length="1234" type="audio/mpeg"/>
      <itunes:duration>1:00:05</itunes:duration>
      <itunes:episode>1</itunes:episode>
      <podcast:person role="guest">Ben Guest</podcast:person>
      <podcast:person role="host">Ann Host</podcast:person>
      <podcast:transcript url="https://hosted.example/1.vtt" type="text/vtt"/>
      <podcast:transcript url="files/pilot.srt" type="application/x-subrip"/>
      <podcast:chapters url="{chapters}" type="application/json+chapters"/>
    </item>
    <item>
      <title>Trailer: what is coming</title>
      <guid>hosted-0</guid>
      <itunes:episodeType>trailer</itunes:episodeType>
      <enclosure url="https://media.example/trailer.mp3" length="99" type="audio/mpeg"/>
      <podcast:transcript url="https://hosted.example/0.vtt" type="text/vtt"/>
      <podcast:chapters url="../outside.json" type="application/json+chapters"/>
    </item>
  </channel>
</rss>
"""


# What the import report says FEED lost (its 'dropped' section), as the terminal shows it.
DROPPED = ("podsite: kept verbatim: 1\n"
           "  export/feed.xml:26: the transcript https://hosted.example/0.vtt, as a link — kept verbatim under "
           "'transcript_links'\n"
           "podsite: dropped: 1\n"
           "  export/feed.xml:26: the chapters file ../outside.json — outside the feed file's folder\n"
           "podsite: the import report is in site/IMPORT-REPORT.md\n")


@pytest.fixture
def hosted_feed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    export = tmp_path / "export"
    write(export / "files" / "pilot.srt", """
        1
        00:00:01,000 --> 00:00:04,000
        Ann Host: Welcome to the pilot.

        2
        00:00:04,500 --> 00:00:07,000
        Ben Guest: Glad to be here.
        """)
    write(export / "files" / "chapters.json",
          '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}\n')
    (tmp_path / "outside.json").write_text("{}", encoding="utf-8")
    feed = export / "feed.xml"
    feed.write_text(FEED.replace("{chapters}", (export / "files" / "chapters.json").as_uri()), encoding="utf-8")
    return feed


def test_import_writes_a_site_that_builds(hosted_feed: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "feed", "export/feed.xml", "--site", "site"]) == 0
    out, err = capsys.readouterr()
    assert out == ("podsite: created site/site.yaml: check its title and base_url\n" + DROPPED +
                   "podsite: imported: 1 show, 2 episodes, 2 people, 1 transcript, 1 chapters file; "
                   "skipped 0 existing files\n")
    assert err.splitlines()[::2] == [
        "export/feed.xml:26: warning: the chapters file ../outside.json lies outside the feed file's folder and was "
        "not copied",
        "export/feed.xml:26: warning: the transcript https://hosted.example/0.vtt is not a local file and was not "
        "fetched: it is kept as a link, and the episode's page has no transcript",
    ]
    site = tmp_path / "site"
    assert (site / "site.yaml").read_text(encoding="utf-8") == "title: Hosted Talk\nbase_url: https://hosted.example/\n"
    assert (site / "shows" / "hosted-talk.yaml").read_text(encoding="utf-8") == (
        "name: Hosted Talk\ndescription: Talk, hosted.\nartwork: https://hosted.example/art.png\nhosts: [ann-host]\n"
        "website: https://hosted.example/talk\n")
    assert (site / "people" / "ann-host.yaml").read_text(encoding="utf-8") == (
        "name: Ann Host\navatar: https://hosted.example/ann.jpg\nlinks:\n  website: https://ann.example/\n")
    assert (site / "episodes" / "hosted-talk" / "1" / "episode.md").read_text(encoding="utf-8") == textwrap.dedent("""\
        ---
        title: Pilot
        number: 1
        summary: Short.
        published: 2019-04-01 09:00:00+00:00
        audio:
          url: https://media.example/pilot.mp3
          bytes: 1234
          duration: '1:00:05'
          type: audio/mpeg
        guests: [ben-guest]
        guid: hosted-1
        ---
        <p>Long notes with <a href="https://x.example/">a link</a>.</p>
        """)
    trailer = site / "episodes" / "hosted-talk" / "trailer-what-is-coming" / "episode.md"
    assert "type: trailer\nguid: hosted-0\n" in trailer.read_text(encoding="utf-8")
    assert (site / "episodes" / "hosted-talk" / "1" / "transcript.srt").read_bytes() == (
        tmp_path / "export" / "files" / "pilot.srt").read_bytes()
    assert (site / "episodes" / "hosted-talk" / "1" / "chapters.json").is_file()

    model = loaded(site)
    pilot = next(e for e in model.episodes if e.slug == "1")
    assert pilot.transcript is not None and pilot.published is not None and pilot.audio is not None
    assert [t.person for t in pilot.transcript.turns] == ["ann-host", "ben-guest"]
    assert [c.title for c in pilot.chapters] == ["Intro"]
    assert pilot.published.isoformat() == "2019-04-01T09:00:00+00:00"
    assert [p.slug for p in pilot.hosts] == ["ann-host"] and pilot.audio.duration == 3605


def test_import_never_overwrites_and_reports_what_it_skipped(hosted_feed: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "feed", "export/feed.xml", "--site", "site"]) == 0
    episode = tmp_path / "site" / "episodes" / "hosted-talk" / "1" / "episode.md"
    episode.write_text("---\ntitle: Edited by hand\n---\n", encoding="utf-8")
    (tmp_path / "site" / "people" / "ben-guest.yaml").unlink()
    capsys.readouterr()

    assert main(["import", "feed", "export/feed.xml", "--site", "site"]) == 0
    out, _ = capsys.readouterr()
    assert out == (
        "podsite: skipped existing site/people/ann-host.yaml\n"
        "podsite: skipped existing site/shows/hosted-talk.yaml\n"
        "podsite: skipped existing site/episodes/hosted-talk/1/episode.md\n"
        "podsite: skipped existing site/episodes/hosted-talk/1/transcript.srt\n"
        "podsite: skipped existing site/episodes/hosted-talk/1/chapters.json\n"
        "podsite: skipped existing site/episodes/hosted-talk/trailer-what-is-coming/episode.md\n" + DROPPED +
        "podsite: imported: 0 shows, 0 episodes, 1 person; skipped 6 existing files\n")
    assert episode.read_text(encoding="utf-8") == "---\ntitle: Edited by hand\n---\n"

    assert main(["import", "feed", "export/feed.xml", "--site", "site", "--force"]) == 0
    out, _ = capsys.readouterr()
    assert out == (DROPPED + "podsite: imported: 1 show, 2 episodes, 2 people, 1 transcript, 1 chapters file; "
                   "skipped 0 existing files\n")
    assert episode.read_text(encoding="utf-8").startswith("---\ntitle: Pilot\n")


def test_an_existing_person_is_reused_and_an_existing_transcript_kept(hosted_feed: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    write(site / "people" / "ann.yaml", "name: Ann\naliases: [Ann Host]\nbio: Mine.\n")
    write(site / "episodes" / "talk" / "1" / "transcript.md", "**Ann:** Hi.\n")
    assert main(["import", "feed", "export/feed.xml", "--site", "site", "--show", "talk"]) == 0
    _, err = capsys.readouterr()
    assert not (site / "people" / "ann-host.yaml").exists()
    assert "hosts: [ann]" in (site / "shows" / "talk.yaml").read_text(encoding="utf-8")
    assert not (site / "episodes" / "talk" / "1" / "transcript.srt").exists()
    assert ("export/feed.xml:11: warning: episodes/talk/1/ already has transcript.md; the feed's transcript was "
            "not imported") in err
    assert (site / "people" / "ann.yaml").read_text(encoding="utf-8").endswith("bio: Mine.\n")


def test_a_local_transcript_that_cannot_be_taken_is_reported_once_as_what_it_is(tmp_path: Path) -> None:
    # Each offered transcript the import could not take is reported once, for the reason it was not taken:
    # a local file missing or outside the feed's folder is never called remote ("not a local file").
    export = tmp_path / "export"
    (tmp_path / "outside.vtt").write_text("WEBVTT\n", encoding="utf-8")
    offers = {
        "missing": '<podcast:transcript url="files/missing.vtt" type="text/vtt"/>',
        "outside": '<podcast:transcript url="../outside.vtt" type="text/vtt"/>',
        "outside, then remote": ('<podcast:transcript url="../outside.vtt" type="text/vtt"/>'
                                 '<podcast:transcript url="https://hosted.example/1.json" type="application/json"/>'),
    }
    found = {}
    for name, offer in offers.items():
        feed = export / "feed.xml"
        write(feed, FEED.replace('<podcast:transcript url="https://hosted.example/1.vtt" type="text/vtt"/>', "")
              .replace('<podcast:transcript url="files/pilot.srt" type="application/x-subrip"/>', offer)
              .replace('<podcast:chapters url="{chapters}" type="application/json+chapters"/>', ""))
        result = import_feed(feed, tmp_path / name.replace(" ", "-"))
        found[name] = [d.message for d in result.diagnostics.warnings if d.location.line == 11]
    assert found == {
        "missing": [f"the transcript files/missing.vtt was not found (looked for {export / 'files' / 'missing.vtt'})"],
        "outside": ["the transcript ../outside.vtt lies outside the feed file's folder and was not copied"],
        "outside, then remote": [
            "the transcript ../outside.vtt lies outside the feed file's folder and was not copied",
            "the transcript https://hosted.example/1.json is not a local file and was not fetched: it is kept as a "
            "link, and the episode's page has no transcript"],
    }


def test_a_doctype_is_refused_before_any_entity_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("feed.xml").write_text('<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "aaaaaaaaaa">\n'
                                ' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
                                '<rss version="2.0"><channel><title>&b;</title></channel></rss>\n', encoding="utf-8")
    assert main(["import", "feed", "feed.xml", "--site", "site"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("feed.xml:2: error: the feed has a DOCTYPE declaration; podsite refuses DTDs and entity "
                   "declarations in imported feeds\n"
                   "    hint: a podcast feed needs none: remove the <!DOCTYPE …> declaration if you trust the file, "
                   "and import it again\n"
                   "podsite: 1 error; nothing was imported\n")
    assert not Path("site").exists()


def test_a_malformed_feed_is_reported_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("feed.xml").write_text('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>X</title>\n'
                                '<item><title>A</item>\n</channel>\n</rss>\n', encoding="utf-8")
    assert main(["import", "feed", "feed.xml", "--site", "site"]) == 1
    _, err = capsys.readouterr()
    assert err.splitlines()[0] == "feed.xml:5: error: not well-formed XML: mismatched tag (column 17)"
    Path("atom.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"/>\n', encoding="utf-8")
    assert main(["import", "feed", "atom.xml", "--site", "site"]) == 1
    _, err = capsys.readouterr()
    assert err.splitlines()[0] == "atom.xml:1: error: not an RSS 2.0 podcast feed: its root element is <feed>"
    assert not Path("site").exists()


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", "feed", "nowhere.xml"]) == 2
    assert main(["import", "feed", "nowhere.xml", "--show", "Not A Slug"]) == 2
    assert main(["import", "changelog", "nowhere"]) == 2
    assert main(["import"]) == 2
    err = capsys.readouterr().err
    assert "podsite: error: feed file 'nowhere.xml' not found\n" in err
    assert "podsite: error: transcripts folder 'nowhere' not found\n" in err


# -- Changelog transcripts and notes ---------------------------------------------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


@needs_corpus
def test_changelog_import_of_a_few_corpus_files_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    files = {"practicalai": ["practical-ai-36.md"], "gotime": ["go-time-87.md"],
             "jsparty": ["js-party-1.md", "js-party-meet-alex-sexton.md"], "bigtent": ["big-tent-s1e6.md"]}
    for folder in ("transcripts", "show-notes"):
        for show, names in files.items():
            for name in names:
                source = CORPUS / folder / show / name
                if source.is_file():  # every transcript; bigtent has no notes
                    (tmp_path / folder / show).mkdir(parents=True, exist_ok=True)
                    (tmp_path / folder / show / name).write_bytes(source.read_bytes())
    write(tmp_path / "site" / "site.yaml", "title: Corpus\nbase_url: https://corpus.example/\n")
    write(tmp_path / "site" / "people" / "chris.yaml", "name: Chris Benson\n")
    assert main(["import", "changelog", "transcripts", "show-notes", "--site", "site"]) == 0
    out, _ = capsys.readouterr()
    assert re.fullmatch(r"podsite: imported: 4 shows, 5 episodes, \d+ people, 5 transcripts; skipped 0 existing "
                        r"files\n", out), out
    site = tmp_path / "site"
    assert (site / "episodes" / "practicalai" / "36" / "transcript.md").read_bytes() == (
        CORPUS / "transcripts" / "practicalai" / "practical-ai-36.md").read_bytes()
    episode = (site / "episodes" / "practicalai" / "36" / "episode.md").read_text(encoding="utf-8")
    notes = (CORPUS / "show-notes" / "practicalai" / "practical-ai-36.md").read_text(encoding="utf-8")
    assert episode == "---\nnumber: 36\n---\n" + notes.strip("\n") + "\n"
    assert (site / "episodes" / "bigtent" / "s1e6" / "episode.md").read_text(encoding="utf-8").startswith(
        "---\nnumber: 6\nseason: 1\n---\n")
    # The show's files are named js-party-<number>: another file keeps its name without that prefix.
    assert sorted(p.name for p in (site / "episodes" / "jsparty").iterdir()) == ["1", "meet-alex-sexton"]
    assert (site / "shows" / "gotime.yaml").read_text(encoding="utf-8") == "name: gotime\n"
    people = {p.name for p in (site / "people").iterdir()}
    assert "anima-anandkumar.yaml" in people and "chris-benson.yaml" not in people  # Chris is chris.yaml
    assert "break.yaml" not in people and not any(n.startswith(("jingle", "outro")) for n in people)

    model = loaded(site)
    pai = next(e for e in model.episodes if e.show.slug == "practicalai")
    assert pai.transcript is not None
    speakers = {t.person for t in pai.transcript.turns if t.kind == "person"}
    assert {"chris", "anima-anandkumar"} <= speakers
    assert all(t.kind != "unknown" for e in model.episodes if e.transcript for t in e.transcript.turns)


@needs_corpus
@pytest.mark.slow
def test_changelog_import_of_the_whole_corpus_builds_without_errors(tmp_path: Path) -> None:
    site = tmp_path / "site"
    run = podsite(tmp_path, "import", "changelog", str(CORPUS / "transcripts"), str(CORPUS / "show-notes"),
                  "--site", str(site))
    assert run.returncode == 0, run.stderr
    transcripts = len(list((CORPUS / "transcripts").glob("*/*.md")))
    assert f", {transcripts} transcripts; skipped 0 existing files\n" in run.stdout
    run = podsite(tmp_path, "build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    assert ": error:" not in run.stderr
    assert "unknown speaker" not in run.stderr
