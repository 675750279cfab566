"""`podsite import feed` keeps every tag apps act on: a feed in either Podcasting 2.0 namespace address, with
seasons, block, locked, value, alternate enclosures, extra transcripts and tags podsite has no key for, is
imported, built and read back (feedparser, and ElementTree where feedparser keeps only one tag of a kind), and
each tag comes back with its values. Hostile verbatim XML is cut down or refused."""

from __future__ import annotations

import shutil
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import REPO, copy_site

from generator.build import load_site
from generator.cli import main
from generator.diagnostics import Diagnostics

FIXTURES = REPO / "tests" / "fixtures" / "feeds"
PODCAST = "https://podcastindex.org/namespace/1.0"
OLD_PODCAST = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": PODCAST}


def round_trip(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Any, ET.Element, str]:
    """Imports tests/fixtures/feeds/<name>.xml, builds the site, and reads its feed back: feedparser's view,
    the <channel>, and what the import said."""
    feed = tmp_path / "export" / f"{name}.xml"
    shutil.copytree(FIXTURES, feed.parent)
    site, out = tmp_path / "site", tmp_path / "out"
    assert main(["import", "feed", str(feed), "--site", str(site), "--show", "show"]) == 0
    said = capsys.readouterr().err
    assert main(["build", "--site", str(site), "--out", str(out)]) == 0, capsys.readouterr().err
    built = out / "show" / "feed.xml"
    channel = ET.parse(built).getroot().find("channel")
    assert channel is not None
    return feedparser.parse(built.read_bytes()), channel, said


def source_channel(name: str) -> ET.Element:
    """The fixture's <channel>, with the namespace's first address read as its current one."""
    root = ET.parse(FIXTURES / f"{name}.xml").getroot()
    for element in root.iter():
        element.tag = element.tag.replace(f"{{{OLD_PODCAST}}}", f"{{{PODCAST}}}")
    channel = root.find("channel")
    assert channel is not None
    return channel


def shape(element: ET.Element) -> tuple[Any, ...]:
    """What a tag says: its name, attributes, text and children, whitespace aside."""
    return (element.tag, sorted(element.attrib.items()), (element.text or "").strip(),
            [shape(child) for child in element])


def shapes(parent: ET.Element, *paths: str) -> list[tuple[Any, ...]]:
    return [shape(e) for path in paths for e in parent.findall(path, NS)]


def items_by_guid(channel: ET.Element) -> dict[str, ET.Element]:
    """Items by the guid apps know them by: the guid, else the enclosure URL (the RSS convention)."""
    found: dict[str, ET.Element] = {}
    for item in channel.findall("item"):
        enclosure = item.find("enclosure")
        found[item.findtext("guid") or ((enclosure.get("url") or "") if enclosure is not None else "")] = item
    return found


def test_a_fireside_style_feed_at_the_namespace_s_first_address_keeps_every_tag(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parsed, channel, said = round_trip("harbour", tmp_path, capsys)
    source = source_channel("harbour")
    assert not parsed.bozo, parsed.bozo_exception
    # The podcast: tags of the old address come back, under the current one.
    assert parsed.feed.podcast_guid == "5d6b2a0e-3c38-5a4f-9d2b-4c1e2f0a9b71"
    # Private stays private: Apple's block, the namespace's block with and without a service id, and a lock
    # without an owner stays without one (not the itunes:owner's email).
    assert parsed.feed.itunes_block == 1
    assert shapes(channel, "podcast:block") == shapes(source, "podcast:block")
    assert shapes(channel, "podcast:locked") == [(f"{{{PODCAST}}}locked", [], "yes", [])]
    # Every category and subcategory, nested as they were.
    assert shapes(channel, "itunes:category") == shapes(source, "itunes:category")
    assert [t.term for t in parsed.feed.tags][:6] == ["Arts", "Performing Arts", "Books", "Fiction", "Drama",
                                                      "History"]
    # Payment splits, funding, and the tags podsite has no key for, with their attributes and children.
    for path in ("podcast:value", "podcast:funding", "podcast:location", "podcast:chat", "podcast:images",
                 "podcast:liveItem",
                 "podcast:person[@role='audio engineer']", "itunes:subtitle"):
        assert shapes(channel, path) == shapes(source, path) != [], path
    # What no feed may carry is left out, and said: a javascript: trailer, a host's own tag in a podroll.
    assert shapes(channel, "podcast:trailer") == shapes(source, "podcast:trailer")[:1]
    assert [r.get("feedGuid") for r in channel.findall("podcast:podroll/podcast:remoteItem", NS)] == \
        ["917393e3-1b1e-5cef-ace4-edaa54e1f810"]
    assert not [e for e in channel.iter() if "fireside" in e.tag]
    assert "podcast:trailer>: its url 'javascript:alert(document.cookie)'" in said
    assert "left out 2 tags of namespaces podcast apps do not read" in said
    assert "<{http://fireside.fm/modules/rss/fireside}promo> in <podcast:podroll>" in said

    before, after = items_by_guid(source), items_by_guid(channel)
    # The guid-less item keeps the enclosure URL apps know it by; the permalink guid stays a permalink.
    assert sorted(after) == sorted(before)
    assert after["https://harbour.example.fm/s1-1"].find("guid").get("isPermaLink") == "true"  # type: ignore[union-attr]
    assert after["https://assets.example.fm/harbour/s1e2.mp3"].find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    entries = {e.id: e for e in parsed.entries}
    # Two seasons, each with its episode 1 and 2, each season's name on its items.
    assert sorted((e.itunes_season, e.itunes_episode, e.podcast_season["name"]) for e in entries.values()) == [
        ("1", "1", "Arrivals"), ("1", "2", "Arrivals"), ("2", "1", "Departures"), ("2", "2", "Departures")]
    assert len({e.link for e in entries.values()}) == 4
    # A space in an enclosure URL is percent-encoded, not taken for a local file.
    first = entries["https://harbour.example.fm/s1-1"]
    assert first.enclosures[0].href == "https://assets.example.fm/harbour/The%20Keeper's%20First%20Night.mp3"
    assert first.enclosures[0].length == "1111111"
    for guid, item in before.items():
        for path in ("podcast:value", "podcast:location", "itunes:block", "itunes:image",
                     "podcast:person[@role='story writer']", "podcast:season"):
            assert shapes(after[guid], path) == shapes(item, path), (guid, path)
    # The alternate enclosure keeps its attributes, web source and integrity; an ipfs: source is left out.
    opus = after["https://harbour.example.fm/s1-1"].find("podcast:alternateEnclosure", NS)
    assert opus is not None
    assert (opus.get("type"), opus.get("length"), opus.get("bitrate"), opus.get("title"), opus.get("default")) == \
        ("audio/opus", "654321", "64000", "Smaller download", "false")
    assert [s.get("uri") for s in opus.findall("podcast:source", NS)] == ["https://assets.example.fm/harbour/s1e1.opus"]
    assert opus.find("podcast:integrity", NS).get("value", "").startswith("sha384-Ex")  # type: ignore[union-attr]
    assert "ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y' is not an http(s) URL" in said
    # Transcripts: the local one is the episode's own (podsite writes its formats); the one in another
    # language, and those of an item with none of its own (HTML, plain text), stay links.
    links = {(t.get("url"), t.get("type"), t.get("language"))
             for t in channel.iterfind("item/podcast:transcript", NS)}
    assert {("https://assets.example.fm/harbour/s1e1.es.vtt", "text/vtt", "es"),
            ("https://assets.example.fm/harbour/s1e2.html", "text/html", None),
            ("https://assets.example.fm/harbour/s1e2.txt", "text/plain", "en-gb"),
            ("https://harbour.example.fm/show/s1e1/transcript.vtt", "text/vtt", "en-gb")} <= links


def test_a_libsyn_style_feed_keeps_its_lock_owner_blocks_value_and_description(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parsed, channel, said = round_trip("garden", tmp_path, capsys)
    source = source_channel("garden")
    assert not parsed.bozo, parsed.bozo_exception
    assert "itunes_block" not in parsed.feed
    # The lock keeps its own owner, not the itunes:owner email, and its value (no).
    assert shapes(channel, "podcast:locked") == [
        (f"{{{PODCAST}}}locked", [("owner", "rights@gardenshed.example.org")], "no", [])]
    assert parsed.feed.author_detail.email != "rights@gardenshed.example.org"
    assert shapes(channel, "podcast:block") == shapes(source, "podcast:block")
    assert shapes(channel, "itunes:category") == shapes(source, "itunes:category")
    # Tags of other feed namespaces and RSS's own that podsite has no key for.
    assert [e.text for e in channel.iter("{http://www.google.com/schemas/play-podcasts/1.0}block")] == ["yes"]
    assert channel.findtext("managingEditor") == "shed@gardenshed.example.org (Garden Shed Media)"
    assert "http://www.google.com/schemas/play-podcasts/1.0" in parsed.namespaces.values()
    before, after = items_by_guid(source), items_by_guid(channel)
    assert sorted(after) == sorted(before)
    compost = after["4b6f1d2e-5a9c-4e1b-8f00-libsyn000002"]
    for path in ("podcast:value", "itunes:image", "itunes:title"):
        assert shapes(compost, path) == shapes(before["4b6f1d2e-5a9c-4e1b-8f00-libsyn000002"], path) != [], path
    video = compost.find("podcast:alternateEnclosure", NS)
    assert video is not None and video.get("height") == "1080" and video.get("codecs") == "avc1.4d401f,mp4a.40.2"
    assert [(s.get("uri"), s.get("contentType")) for s in video.findall("podcast:source", NS)] == [
        ("https://traffic.libsyn.example/secure/shed/compost%20slowly.mp4", "video/mp4")]
    entry = next(e for e in parsed.entries if e.id == "4b6f1d2e-5a9c-4e1b-8f00-libsyn000002")
    # Keywords and categories are the episode's topics, written back as its categories.
    assert [t.term for t in entry.tags] == ["compost", "soil", "Small gardens"]
    assert entry.enclosures[0].href == "https://traffic.libsyn.example/secure/shed/compost%20slowly.mp3?dest-id=1234"
    # The Libsyn description's words and link survive into the item.
    text = entry.summary + "".join(c.value for c in entry.get("content", []))
    assert "three heaps we built" in text and "https://gardenshed.example.org/heaps" in text
    assert " error" not in said


def test_podcast_value_with_time_splits_is_kept_verbatim(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, channel, _ = round_trip("harbour", tmp_path, capsys)
    item = items_by_guid(channel)["f1a5c0de-0201-4c1e-9e55-000000000201"]
    split = item.find("podcast:value/podcast:valueTimeSplit", NS)
    assert split is not None and split.get("remotePercentage") == "90"
    assert split.find("podcast:remoteItem", NS).get("itemGuid") == "song-7"  # type: ignore[union-attr]


# -- feed_extra in content files: hostile XML is re-parsed, cut down or refused ----------------------------

def with_episode_extra(tmp_path: Path, entries: str) -> tuple[Path, Diagnostics]:
    site = copy_site(tmp_path)
    path = site / "episodes" / "show" / "1" / "episode.md"
    text = path.read_text(encoding="utf-8")
    extra = "feed_extra:\n" + textwrap.indent(textwrap.dedent(entries).strip("\n"), "  ") + "\n"
    path.write_text(text.replace("\n---\n", "\n" + extra + "---\n", 1), encoding="utf-8")
    diags = Diagnostics()
    load_site(site, diags)
    return path, diags


def test_feed_extra_refuses_what_no_feed_may_carry(tmp_path: Path) -> None:
    path, diags = with_episode_extra(tmp_path, """
        - '<podcast:trailer url="javascript:alert(1)">x</podcast:trailer>'
        - '<guid>a second guid</guid>'
        - '<x:y xmlns:x="urn:evil"/>'
        - '<podcast:location>a</podcast:location><podcast:location>b</podcast:location>'
        - '<!DOCTYPE x [<!ENTITY a "aaaa">]><podcast:location>&a;</podcast:location>'
        - '<podcast:podroll><script>alert(1)</script><podcast:remoteItem feedGuid="g"/></podcast:podroll>'
        """)
    assert [(d.location.path, d.location.line) for d in diags.errors] == [(path, line) for line in (11, 12, 13, 14, 15)]
    errors = [d.message for d in diags.errors]
    assert "'javascript:alert(1)' is not an http(s) URL" in errors[0]
    assert "<guid> comes from a key of podsite's own" in errors[1]
    assert "namespace podcast apps do not read" in errors[2]
    assert "exactly one element" in errors[3]
    assert "not well-formed XML" in errors[4]
    warnings = [(d.location.line, d.message) for d in diags.warnings if "feed_extra" in d.message]
    assert len(warnings) == 1 and warnings[0][0] == 16 and "<script> in <podcast:podroll>" in warnings[0][1]


def test_feed_extra_is_written_into_the_feed_re_serialized(tmp_path: Path) -> None:
    site = copy_site(tmp_path)
    path = site / "episodes" / "show" / "1" / "episode.md"
    text = path.read_text(encoding="utf-8")
    entry = "- '<podcast:location geo=\"geo:1,2\">Caf&#233; &lt;b&gt;  &amp; co</podcast:location>'\n"
    path.write_text(text.replace("\n---\n", "\nfeed_extra:\n  " + entry + "---\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--site", str(site), "--out", str(out)]) == 0
    xml = (out / "show" / "feed.xml").read_text(encoding="utf-8")
    assert '<podcast:location geo="geo:1,2">Café &lt;b&gt;  &amp; co</podcast:location>' in xml


def test_the_feed_keys_report_wrong_values_at_their_lines(tmp_path: Path) -> None:
    site = copy_site(tmp_path)
    show = site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8") + textwrap.dedent("""\
        block: {all: true, google: maybe}
        value:
          - {type: lightning, method: keysend}
        """), encoding="utf-8")
    path = site / "episodes" / "show" / "1" / "episode.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", textwrap.dedent("""
        alternate_enclosures:
          - type: audio/opus
            sources: [ipfs://QmdwGqd3d2gFPGeJNLLCshdiPert45fMu84552Y4XHTy4y]
        transcript_links:
          - {url: "javascript:alert(1)", type: text/html}
        ---
        """), 1), encoding="utf-8")
    diags = Diagnostics()
    load_site(site, diags)
    found = {(d.location.path.name, d.message) for d in diags.errors}
    assert ("show.yaml", "'google' must be true or false, got 'maybe'") in found, diags.report()
    assert ("show.yaml", "a value block needs 'recipients'") in found
    assert any(name == "episode.md" and "ipfs://" in message and "http(s)" in message for name, message in found)
    assert any(name == "episode.md" and "'javascript:alert(1)' is not allowed" in message for name, message in found)
