"""What `podsite import feed` makes of the texts platforms write and the problems it reports: notes and summary
told apart (Libsyn, ART19), an over-long summary cut, enclosures without a size, a date whose day can still be
read, duplicate guids; every warning located and printable; and the import report."""

from __future__ import annotations

import html
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from generator.build import load_site
from generator.cli import main
from generator.diagnostics import Diagnostic, Diagnostics, Location
from generator.importers.feed import import_feed
from generator.importers.remote import UNKNOWN_SIZE_HINT
from generator.importers.report import Report
from generator.render.feedcheck import MAX_DESCRIPTION_BYTES


def feed_with(items: str, channel: str = "") -> str:
    return textwrap.dedent("""\
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
             xmlns:podcast="https://podcastindex.org/namespace/1.0"
             xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Texts</title>
            <link>https://texts.example/</link>
            <description>Texts.</description>
        """) + channel + items + "  </channel>\n</rss>\n"


def item(n: int, extra: str, length: str = 'length="1000"') -> str:
    return (f"    <item>\n      <title>Episode {n}</title>\n      <guid>g-{n}</guid>\n"
            f'      <enclosure url="https://media.texts.example/{n}.mp3" {length} type="audio/mpeg"/>\n'
            f"      <itunes:episode>{n}</itunes:episode>\n{extra}    </item>\n")


def imported(tmp_path: Path, feed: str) -> tuple[Path, Diagnostics]:
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    site = tmp_path / "site"
    result = import_feed(tmp_path / "feed.xml", site)
    assert result.ok, result.diagnostics.report()
    return site, result.diagnostics


def built(site: Path) -> Diagnostics:
    """The diagnostics of a build of the site, feed checks included."""
    from generator.engine import Builder

    result = Builder(site, site.parent / "out").build()
    return result.diagnostics


def episode_md(site: Path, n: int) -> str:
    return (site / "episodes" / "texts" / str(n) / "episode.md").read_text(encoding="utf-8")


SENTENCES = " ".join(f"Sentence number {i} says a little more about the guest." for i in range(120))


def test_libsyn_rich_description_is_the_notes_and_no_summary(tmp_path: Path) -> None:
    rich = "".join(f"<p><strong>Part {i}</strong></p><p>{SENTENCES[:400]}</p>" for i in range(12))
    stripped = html.unescape(rich.replace("<p>", "").replace("</p>", "").replace("<strong>", "")
                             .replace("</strong>", ""))  # Libsyn runs the words of two paragraphs together
    assert "Part 0Sentence" in stripped and len(rich.encode()) > MAX_DESCRIPTION_BYTES
    site, diags = imported(tmp_path, feed_with(item(1, f"      <description><![CDATA[{rich}]]></description>\n"
                                                      f"      <content:encoded><![CDATA[{stripped}]]>"
                                                      "</content:encoded>\n")))
    text = episode_md(site, 1)
    assert "summary:" not in text
    assert text.endswith(f"---\n{rich}\n")
    assert not diags.warnings
    assert not built(site).has_errors


def test_a_summary_that_is_the_notes_as_plain_text_is_no_summary(tmp_path: Path) -> None:
    notes = "<p>We talk about <em>rivers</em>.</p>\n<ul><li>Links: the delta</li></ul>"
    site, _ = imported(tmp_path, feed_with(
        item(1, "      <itunes:summary>We talk about rivers. Links: the delta</itunes:summary>\n"
                f"      <description>We talk about rivers.\n\nLinks: the delta</description>\n"
                f"      <content:encoded><![CDATA[{notes}]]></content:encoded>\n")
        + item(2, "      <itunes:summary>A different teaser.</itunes:summary>\n"
                  f"      <content:encoded><![CDATA[{notes}]]></content:encoded>\n")))
    assert "summary:" not in episode_md(site, 1)
    assert "summary: A different teaser.\n" in episode_md(site, 2)


def test_an_over_long_summary_is_cut_at_a_sentence_and_kept_whole_in_the_notes(tmp_path: Path) -> None:
    site, diags = imported(tmp_path, feed_with(item(1, f"      <itunes:summary>{SENTENCES}</itunes:summary>\n"
                                                      "      <content:encoded>&lt;p&gt;Short notes.&lt;/p&gt;"
                                                      "</content:encoded>\n")))
    text = episode_md(site, 1)
    front, body = text.split("\n---\n", 1)
    summary = front.split("summary: ", 1)[1].split("\n", 1)[0]
    assert summary.endswith("about the guest.") and SENTENCES.startswith(summary)
    assert len(summary.encode()) > MAX_DESCRIPTION_BYTES - 200  # cut at the last sentence that fits, not sooner
    assert body == f"<p>Short notes.</p>\n\n{SENTENCES}\n"
    [warning] = diags.warnings
    assert warning.location.line == 9
    in_feed = len(f"<p>{SENTENCES}</p>")
    assert warning.message.startswith(f"the summary is {in_feed} bytes in the feed, over Apple's 4000; it was cut to ")
    after = built(site)
    assert not after.has_errors, after.report()  # the feed check measures it the same way and accepts it
    report = (site / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "episodes/texts/1/episode.md: the summary is" in report


def test_enclosures_without_a_size_are_unknown_and_warned_about_once(tmp_path: Path) -> None:
    site, diags = imported(tmp_path, feed_with(item(1, "", 'length="0"') + item(2, "", "")
                                               + item(3, "", 'length=""') + item(4, "")))
    for n in (1, 2, 3):
        assert "  bytes: unknown\n" in episode_md(site, n)
    assert "  bytes: 1000\n" in episode_md(site, 4)
    [warning] = diags.warnings
    assert warning.location.line == 9
    assert warning.message == ("3 enclosures give no size (no length, or 0), so the audio says 'bytes: unknown' "
                               "and the feed will give length=\"0\"; this is the first of them")
    assert "apps learn an episode's size when they download it, and some show no size" in warning.hint
    assert "--fetch" in warning.hint
    after = built(site)
    assert not after.has_errors, after.report()
    feed = (site.parent / "out" / "texts" / "feed.xml").read_text(encoding="utf-8")
    assert feed.count('length="0"') == 3
    report = (site / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert "## Needs your attention (3)" in report
    assert "episodes/texts/2/episode.md: the audio's size is unknown" in report


def test_a_date_whose_day_can_be_read_keeps_the_day(tmp_path: Path) -> None:
    site, diags = imported(tmp_path, feed_with(item(1, "      <pubDate>Tue, 03 Mar 2020 15:12:352 CST</pubDate>\n")
                                               + item(2, "      <pubDate>sometime</pubDate>\n")))
    assert "published: 2020-03-03\n" in episode_md(site, 1)
    assert "published" not in episode_md(site, 2)
    messages = {d.location.line: d.message for d in diags.warnings}
    assert messages == {
        9: "pubDate 'Tue, 03 Mar 2020 15:12:352 CST' is not an RFC 2822 date; kept its day, 2020-03-03, without "
           "the time",
        16: "pubDate 'sometime' is not an RFC 2822 date; the episode has no 'published'",
    }


def test_a_duplicate_guid_is_reported_with_both_lines(tmp_path: Path) -> None:
    second = item(2, "").replace("<guid>g-2</guid>", "<guid>g-1</guid>")
    _, diags = imported(tmp_path, feed_with(item(1, "") + second))
    [warning] = diags.warnings
    assert warning.location.line == 15
    assert warning.message == f"guid 'g-1' is also the guid of the item at {tmp_path / 'feed.xml'}:9"


def test_channel_warnings_have_the_channel_line(tmp_path: Path) -> None:
    _, diags = imported(tmp_path, feed_with(item(1, ""), "    <podcast:guid>not-a-uuid</podcast:guid>\n"))
    [warning] = diags.warnings
    assert (warning.location.line, warning.message) == (5, "podcast:guid 'not-a-uuid' is not a UUID and was left out")


def test_control_characters_in_messages_are_shown_escaped() -> None:
    shown = Diagnostic("warning", Location(Path("t.vtt"), 3), "unknown speaker 'A\x00b\x0cc\u202ed'",
                       "hint with \x1b[31m").format()
    assert shown == "t.vtt:3: warning: unknown speaker 'A\\x00b\\x0cc\\u202ed'\n    hint: hint with \\x1b[31m"


def test_a_transcript_without_cues_is_reported_at_a_line(minimal_site: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = next(p.parent for p in (minimal_site / "episodes").glob("*/*/episode.md"))
    for old in folder.glob("transcript.*"):
        old.unlink()
    (folder / "transcript.vtt").write_text("WEBVTT\n\nNOTE nothing said yet\n", encoding="utf-8")
    diags = Diagnostics()
    load_site(minimal_site, diags)
    [warning] = [d for d in diags.warnings if d.message == "no cues in this transcript"]
    assert warning.location.line == 1


def test_the_report_is_printed_and_written_and_takes_entries_from_any_importer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feed.xml").write_text(feed_with(item(1, "", 'length="0"') + item(
        2, '      <podcast:transcript url="https://texts.example/2.vtt" type="text/vtt"/>\n')), encoding="utf-8")
    assert main(["import", "feed", "feed.xml", "--site", "site"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1:] == [
        "podsite: kept verbatim: 1",
        "  feed.xml:15: the transcript https://texts.example/2.vtt, as a link — kept verbatim under "
        "'transcript_links'",
        "podsite: needs your attention: 1",
        "  feed.xml:9: episodes/texts/1/episode.md: the audio's size is unknown ('bytes: unknown') — write its size "
        "in bytes, or import again with --fetch",
        "podsite: the import report is in site/IMPORT-REPORT.md",
        "podsite: imported: 1 show, 2 episodes, 0 people; skipped 0 existing files",
    ]
    report = (tmp_path / "site" / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    assert report.startswith("# Import report\n\nImported from `feed.xml`.\n\n## Imported\n\n1 show, 2 episodes, "
                             "0 people.\n\n## Kept verbatim (1)\n\n- feed.xml:15: the transcript ")
    assert report.endswith("## Warnings and errors (2)\n\n    feed.xml:9: warning: an enclosure gives no size (no "
                           "length, or 0), so the audio says 'bytes: unknown' and the feed will give length=\"0\"\n"
                           f"        hint: {UNKNOWN_SIZE_HINT}\n"
                           "    feed.xml:15: warning: the transcript https://texts.example/2.vtt is not a local file "
                           "and was not fetched: it is kept as a link, and the episode's page has no transcript\n"
                           "        hint: import again with --fetch, or download it into episodes/texts/2/ as "
                           "transcript.vtt\n")

    # Another importer's entries go in with one call each, and show as written, never as Markdown.
    added = Report()
    added.add_kept(Location(Path("feed.xml"), 7), "podcast:podroll", "feed_extra")
    added.add_dropped(Location(Path("feed.xml"), 8), "the <b>chat</b> tag", "podsite has no *chat* yet")
    text = added.markdown(Counter(episode=1))
    assert "- feed.xml:7: podcast:podroll — kept verbatim under 'feed\\_extra'\n" in text
    assert "- feed.xml:8: the \\<b\\>chat\\</b\\> tag — podsite has no \\*chat\\* yet\n" in text


def test_a_feed_in_a_multi_byte_encoding_is_read_with_its_lines(tmp_path: Path) -> None:
    # expat reads single-byte encodings through Python's codecs itself, but no multi-byte one but UTF-8 and 16.
    feed = feed_with(item(1, "      <pubDate>Tue, 03 Mar 2020 15:12:352 CST</pubDate>\n"),
                     "    <podcast:guid>not-a-uuid</podcast:guid>\n")
    feed = feed.replace('encoding="UTF-8"', 'encoding="Shift_JIS"')
    (tmp_path / "feed.xml").write_bytes(feed.replace("Texts.", "\u65e5\u672c\u8a9e.").encode("shift_jis"))
    result = import_feed(tmp_path / "feed.xml", tmp_path / "site")
    assert sorted(d.location.line for d in result.diagnostics.warnings) == [5, 10]
    assert "description: \u65e5\u672c\u8a9e.\n" in (tmp_path / "site" / "shows" / "texts.yaml").read_text(
        encoding="utf-8")
    (tmp_path / "odd.xml").write_bytes(feed.replace('encoding="Shift_JIS"', 'encoding="x-odd"').encode("utf-8"))
    result = import_feed(tmp_path / "odd.xml", tmp_path / "odd")
    assert [d.format() for d in result.diagnostics.errors] == [
        f"{tmp_path / 'odd.xml'}:1: error: the feed's encoding cannot be read: it declares encoding=\"x-odd\", which "
        "Python does not know\n    hint: save it as UTF-8 and import it again"]
