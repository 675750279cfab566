"""Podcast feeds: a real feed client (feedparser) reads every feed; Apple's and Podcasting 2.0's tags are there;
paged archives link up (RFC 5005); broken content gives exact, located diagnostics and no feed."""

from __future__ import annotations

import dataclasses
import email.utils
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from conftest import feed_documents

from generator.build import load_site
from generator.cli import main
from generator.diagnostics import Diagnostics, Location
from generator.model.entities import Chapter, Site
from generator.render.feedcheck import FeedSource, check_feed
from generator.render.feeds import PODCAST_GUID_NAMESPACE, episode_guid, podcast_guid

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
}
AUDIO_2 = "audio:\n  url: https://cdn.example/2.mp3\n  bytes: 2000000\n  duration: \"20:00\"\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def write_episode(site: Path, slug: str, front: str, body: str = "Notes.\n", show: str = "show") -> Path:
    folder = site / "episodes" / show / slug
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "episode.md"
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def give_episode_2_audio(site: Path) -> None:
    write_episode(site, "2", f"title: The second one\npublished: 2024-02-05\n{AUDIO_2}")


def feeds_of(site_dir: Path, base_url: str | None = None,
             site: Site | None = None) -> tuple[dict[str, bytes], Diagnostics]:
    diags = Diagnostics()
    site = site or load_site(site_dir, diags, base_url)
    assert site is not None and not diags.has_errors, diags.report()
    return feed_documents(site, diags), diags


def channel(xml: bytes) -> ET.Element:
    root = ET.fromstring(xml)
    assert root.tag == "rss" and root.get("version") == "2.0"
    found = root.find("channel")
    assert found is not None
    return found


def child(element: ET.Element, path: str) -> ET.Element:
    """The first element at path (prefixes as in NS), which must be there."""
    found = element.find(path, NS)
    assert found is not None, f"no <{path}> in <{element.tag}>"
    return found


def text(element: ET.Element, path: str) -> str:
    """The text of the first element at path (prefixes as in NS), which must be there."""
    found = element.findtext(path, namespaces=NS)
    assert found is not None, f"no <{path}> in <{element.tag}>"
    return found


def attr(element: ET.Element, name: str) -> str:
    """An attribute the element must have."""
    value = element.get(name)
    assert value is not None, f"<{element.tag}> has no {name}="
    return value


def links(xml: bytes) -> dict[str, str]:
    return {link.get("rel", ""): link.get("href", "") for link in channel(xml).findall("atom:link", NS)}


def complete_show(site: Path) -> None:
    """The minimal show with every key Apple asks for, and the Podcasting 2.0 ones."""
    (site / "shows" / "art").mkdir()
    (site / "shows" / "art" / "show.png").write_bytes(PNG)  # copied to media/shows/art/show.png
    (site / "shows" / "show.yaml").write_text(
        "name: The Show\n"
        "description: A show about *things*.\n"
        "artwork: shows/art/show.png\n"
        "hosts: [hana-host]\n"
        "author: Show Media\n"
        "owner: {name: Show Media, email: editors@show.example}\n"
        "category: Technology > Tech News\n"
        "explicit: false\n"
        "copyright: © 2024 Show Media\n"
        "locked: true\n"
        "funding:\n  - {url: 'https://show.example/++', text: Support the show}\n"
        "license: {name: CC-BY-4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}\n"
        "txt:\n  - {purpose: applepodcastsverify, text: '05124'}\n  - plain words\n",
        encoding="utf-8")


# --- a real feed client reads them --------------------------------------------------------------------------------


def test_feedparser_sees_the_episodes_enclosures_and_namespaced_tags(minimal_site: Path) -> None:
    give_episode_2_audio(minimal_site)
    files, diags = feeds_of(minimal_site)
    assert sorted(files) == ["show/feed.xml"]  # one show: no site-wide feed
    parsed = feedparser.parse(files["show/feed.xml"])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "The Show"
    assert parsed.feed.link == "https://podcast.example/show/"
    assert parsed.feed.language == "en"
    assert parsed.feed.itunes_type == "episodic"
    assert parsed.feed.author == "Hana Host"
    assert uuid.UUID(parsed.feed.podcast_guid).version == 5
    assert parsed.feed.podcast_locked == "no"
    assert [e.title for e in parsed.entries] == ["The second one", "The first one"]  # newest first
    enclosures = [(e.enclosures[0].href, e.enclosures[0].length, e.enclosures[0].type) for e in parsed.entries]
    assert enclosures == [("https://cdn.example/2.mp3", "2000000", "audio/mpeg"),
                          ("https://cdn.example/1.mp3", "1000000", "audio/mpeg")]
    first = parsed.entries[1]
    assert first.itunes_duration == "600"
    assert first.itunes_episode == "1"
    assert first.itunes_episodetype == "full"
    assert first.podcast_episode == "1"
    assert first.published_parsed[:3] == (2024, 1, 5)
    assert first.link == "https://podcast.example/show/1/"
    site = load_site(minimal_site, Diagnostics())
    assert site is not None
    assert first.id == episode_guid(site.episodes[1])
    assert first.content[0].value == '<ul>\n<li><a href="https://example.org/a">A link</a></li>\n</ul>'
    assert "podcast_transcript" in first and "podcast_person" in first
    assert diags.report() == (
        "content/shows/show.yaml:1: warning: the feed lacks what Apple Podcasts requires: itunes:image, "
        "itunes:category\n    hint: add 'artwork' (a square JPEG or PNG of 1400 to 3000 pixels) and 'category' "
        "(e.g. Technology) to content/shows/show.yaml")


def test_the_build_writes_the_feed_and_pages_link_to_it(minimal_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    out = minimal_site.parent / "output"
    assert not feedparser.parse((out / "show" / "feed.xml").read_bytes()).bozo
    assert not (out / "feed.xml").exists()
    link = ('<link rel="alternate" type="application/rss+xml" title="The Show" '
            'href="https://podcast.example/show/feed.xml">')
    for page in ("index.html", "show/index.html", "show/1/index.html", "people/index.html"):
        assert link in (out / page).read_text(encoding="utf-8"), page


# --- Apple's tags ---------------------------------------------------------------------------------------------------


def test_every_tag_apple_requires_or_recommends_is_there(minimal_site: Path) -> None:
    complete_show(minimal_site)
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05T10:30:00+02:00\nseason: 2\n"
                  f"type: bonus\nsummary: The *short* story.\n{AUDIO_2}")
    files, diags = feeds_of(minimal_site)
    assert diags.items == []  # nothing missing, so not even a warning
    xml = files["show/feed.xml"]
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss ')
    ch = channel(xml)
    assert ch.findtext("title") == "The Show"
    assert ch.findtext("link") == "https://podcast.example/show/"
    assert ch.findtext("description") == "<p>A show about <em>things</em>.</p>"
    assert ch.findtext("language") == "en"
    assert ch.findtext("copyright") == "© 2024 Show Media"
    assert child(ch, "itunes:image").get("href") == "https://podcast.example/media/shows/art/show.png"
    category = child(ch, "itunes:category")
    assert category.get("text") == "Technology"
    assert child(category, "itunes:category").get("text") == "Tech News"
    assert ch.findtext("itunes:explicit", namespaces=NS) == "false"
    assert ch.findtext("itunes:author", namespaces=NS) == "Show Media"
    assert ch.findtext("itunes:owner/itunes:name", namespaces=NS) == "Show Media"
    assert ch.findtext("itunes:owner/itunes:email", namespaces=NS) == "editors@show.example"
    assert ch.findtext("itunes:type", namespaces=NS) == "episodic"
    assert links(xml) == {"self": "https://podcast.example/show/feed.xml"}
    assert ch.findtext("lastBuildDate") == "Mon, 05 Feb 2024 10:30:00 +0200"

    second, first = ch.findall("item")
    for item in (second, first):
        assert item.findtext("title")
        assert item.findtext("link", "").startswith("https://podcast.example/show/")
        assert child(item, "guid").get("isPermaLink") == "false" and item.findtext("guid")
        assert email.utils.parsedate_to_datetime(text(item, "pubDate")).tzinfo is not None
        enclosure = child(item, "enclosure")
        assert attr(enclosure, "url").startswith("https://") and int(attr(enclosure, "length")) > 0
        assert enclosure.get("type") == "audio/mpeg"
        assert text(item, "itunes:duration").isdigit()
        assert item.findtext("itunes:episodeType", namespaces=NS) in ("full", "trailer", "bonus")
        assert item.findtext("itunes:explicit", namespaces=NS) == "false"
        assert item.findtext("description")
        assert item.findtext("content:encoded", namespaces=NS)
    assert second.findtext("pubDate") == "Mon, 05 Feb 2024 10:30:00 +0200"
    assert second.findtext("itunes:duration", namespaces=NS) == "1200"
    assert second.findtext("itunes:episode", namespaces=NS) == "2"
    assert second.findtext("itunes:season", namespaces=NS) == "2"
    assert second.findtext("itunes:episodeType", namespaces=NS) == "bonus"
    assert second.findtext("description") == "<p>The <em>short</em> story.</p>"  # the summary
    assert second.findtext("content:encoded", namespaces=NS) == "<p>Notes.</p>"  # the notes
    assert first.find("itunes:season", NS) is None  # values nobody gave stay out


def test_apple_tags_that_need_optional_content_are_warnings_at_the_show(minimal_site: Path) -> None:
    (minimal_site / "shows" / "show.yaml").write_text("name: The Show\nartwork: https://cdn.example/art.webp\n",
                                                      encoding="utf-8")
    files, diags = feeds_of(minimal_site)
    assert "show/feed.xml" in files
    assert [d.format() for d in diags.sorted()] == [
        "content/shows/show.yaml:1: warning: 1 episode has no audio and is left out of the feed\n"
        "    hint: a feed item needs an audio file: add 'audio:' to their episode.md, e.g. episodes/show/2/episode.md",
        "content/shows/show.yaml:1: warning: the feed lacks what Apple Podcasts requires: description, "
        "itunes:category\n    hint: add 'description' and 'category' (e.g. Technology) to content/shows/show.yaml",
        "content/shows/show.yaml:2: warning: Apple Podcasts takes artwork only as JPEG or PNG, not "
        "'https://cdn.example/art.webp'\n    hint: use a .jpg or .png file of 1400 to 3000 pixels square",
    ]


# --- Podcasting 2.0 -------------------------------------------------------------------------------------------------


def test_podcast_guid_follows_the_namespace_definition() -> None:
    # The namespace's own example: feed URL mp3s.nashownotes.com/pc20rss.xml.
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_guid("http://mp3s.nashownotes.com/pc20rss.xml//") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_guid("https://podcast.example/show/feed.xml") == str(
        uuid.uuid5(PODCAST_GUID_NAMESPACE, "podcast.example/show/feed.xml"))


def test_podcasting_2_tags(minimal_site: Path) -> None:
    complete_show(minimal_site)
    with (minimal_site / "shows" / "show.yaml").open("a", encoding="utf-8") as show:
        show.write("guid: 917393E3-1B1E-5CEF-ACE4-EDAA54E1F810\n")
    (minimal_site / "people" / "img").mkdir()
    (minimal_site / "people" / "img" / "gus.png").write_bytes(PNG)
    with (minimal_site / "people" / "gus-guest.yaml").open("a", encoding="utf-8") as gus:
        gus.write("avatar: people/img/gus.png\n")
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\nseason: 1\nguests: [gus-guest]\n"
                  "soundbites:\n  - {start: '1:00', duration: 45, title: The best bit}\n"
                  f"  - {{start: 90.5, duration: 30}}\n"
                  f"{AUDIO_2}")
    files, _ = feeds_of(minimal_site)
    ch = channel(files["show/feed.xml"])
    assert ch.findtext("podcast:guid", namespaces=NS) == "917393e3-1b1e-5cef-ace4-edaa54e1f810"  # pinned
    locked = child(ch, "podcast:locked")
    assert (locked.text, locked.get("owner")) == ("yes", "editors@show.example")
    funding = child(ch, "podcast:funding")
    assert (funding.text, funding.get("url")) == ("Support the show", "https://show.example/++")
    license_ = child(ch, "podcast:license")
    assert (license_.text, license_.get("url")) == ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
    assert [(t.get("purpose"), t.text) for t in ch.findall("podcast:txt", NS)] == [
        ("applepodcastsverify", "05124"), (None, "plain words")]
    assert [(p.text, p.get("role"), p.get("href")) for p in ch.findall("podcast:person", NS)] == [
        ("Hana Host", "host", "https://podcast.example/people/hana-host/")]

    second, first = ch.findall("item")
    people = [(p.text, p.get("role"), p.get("img"), p.get("href")) for p in second.findall("podcast:person", NS)]
    assert people == [  # the guest, and the hosts stated again, since item people replace the channel's
        ("Gus Guest", "guest", "https://podcast.example/media/people/img/gus.png",
         "https://podcast.example/people/gus-guest/"),
        ("Hana Host", "host", None, "https://podcast.example/people/hana-host/")]
    assert second.findtext("podcast:season", namespaces=NS) == "1"
    assert second.findtext("podcast:episode", namespaces=NS) == "2"
    assert [(b.text, b.get("startTime"), b.get("duration")) for b in second.findall("podcast:soundbite", NS)] == [
        ("The best bit", "60.0", "45.0"), (None, "90.5", "30.0")]
    assert second.find("podcast:transcript", NS) is None  # episode 2 has no transcript
    transcripts = [(t.get("url"), t.get("type"), t.get("language"), t.get("rel"))
                   for t in first.findall("podcast:transcript", NS)]
    assert transcripts == [
        ("https://podcast.example/show/1/transcript.vtt", "text/vtt", "en", "captions"),
        ("https://podcast.example/show/1/transcript.srt", "application/x-subrip", "en", "captions"),
        ("https://podcast.example/show/1/transcript.json", "application/json", "en", None),
        ("https://podcast.example/show/1/transcript.txt", "text/plain", "en", None),
        ("https://podcast.example/show/1/index.html#transcript", "text/html", "en", None),
    ]
    assert first.find("podcast:chapters", NS) is None  # no chapters, no tag


def test_chapters_are_linked_when_the_episode_has_them(minimal_site: Path) -> None:
    site = with_chapters(minimal_site, [Chapter(0, "Intro"), Chapter(300, "Middle")])
    files, diags = feeds_of(minimal_site, site=site)
    item = child(channel(files["show/feed.xml"]), "item")
    chapters = child(item, "podcast:chapters")
    assert (chapters.get("url"), chapters.get("type")) == (
        "https://podcast.example/show/1/chapters.json", "application/json+chapters")
    assert not diags.has_errors


# --- GUIDs, drafts, dates, no audio ---------------------------------------------------------------------------------


def test_item_guids_survive_a_new_base_url_and_can_be_pinned(minimal_site: Path) -> None:
    give_episode_2_audio(minimal_site)
    live, _ = feeds_of(minimal_site)
    staging, _ = feeds_of(minimal_site, base_url="https://staging.example/sub/")
    guids = [i.findtext("guid") for i in channel(live["show/feed.xml"]).findall("item")]
    assert guids == [i.findtext("guid") for i in channel(staging["show/feed.xml"]).findall("item")]
    assert guids[1] == str(uuid.uuid5(uuid.UUID("2823f48c-ef7e-4662-a20e-abf57066ce19"), "show/1"))
    assert links(staging["show/feed.xml"]) == {"self": "https://staging.example/sub/show/feed.xml"}

    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\nguid: 'old-host:ep-2'\n{AUDIO_2}")
    pinned, _ = feeds_of(minimal_site)
    assert child(channel(pinned["show/feed.xml"]), "item").findtext("guid") == "old-host:ep-2"


def test_episodes_without_audio_are_left_out_and_an_empty_feed_is_still_valid(minimal_site: Path) -> None:
    write_episode(minimal_site, "1", "title: The first one\npublished: 2024-01-05\n")
    files, diags = feeds_of(minimal_site)
    parsed = feedparser.parse(files["show/feed.xml"])
    assert not parsed.bozo and parsed.entries == []
    assert channel(files["show/feed.xml"]).find("lastBuildDate") is None
    assert not diags.has_errors
    assert ("content/shows/show.yaml:1: warning: 2 episodes have no audio and are left out of the feed\n"
            "    hint: a feed item needs an audio file: add 'audio:' to their episode.md, e.g. "
            "episodes/show/2/episode.md") in diags.report()


def test_drafts_never_appear_and_undated_items_have_no_pubdate(minimal_site: Path) -> None:
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\ndraft: true\n{AUDIO_2}")
    write_episode(minimal_site, "3", f"title: Undated\n{AUDIO_2}")
    diags = Diagnostics()
    site = load_site(minimal_site, diags, drafts=True)  # as the preview loads it: drafts included
    assert site is not None and any(e.draft for e in site.episodes)
    files = feed_documents(site, diags)
    items = channel(files["show/feed.xml"]).findall("item")
    assert [i.findtext("title") for i in items] == ["Undated", "The first one"]
    assert items[0].find("pubDate") is None
    assert [d.format() for d in diags.items if "pubDate" in d.message] == [
        "content/episodes/show/3/episode.md:1: warning: no 'published' date, so the feed item has no pubDate\n"
        "    hint: add 'published: YYYY-MM-DD', or 'published: unknown' if it cannot be found; apps sort undated "
        "items unpredictably"]


# --- escaping, determinism ------------------------------------------------------------------------------------------


def test_markup_in_a_title_stays_text(minimal_site: Path) -> None:
    title = 'Tags <script>alert("x")</script> & "quotes" — ünïcode'
    write_episode(minimal_site, "2", f"title: '{title}'\npublished: 2024-02-05\n{AUDIO_2}")
    files, _ = feeds_of(minimal_site)
    xml = files["show/feed.xml"]
    assert b"<script>" not in xml
    assert b"Tags &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; \"quotes\"" in xml
    assert child(channel(xml), "item").findtext("title") == title
    parsed = feedparser.parse(xml)
    assert not parsed.bozo
    assert parsed.entries[0].title_detail.value == title


def test_the_same_site_gives_the_same_bytes(minimal_site: Path) -> None:
    give_episode_2_audio(minimal_site)
    first, _ = feeds_of(minimal_site)
    second, _ = feeds_of(minimal_site)
    assert first == second


# --- paged archives (RFC 5005) and the site-wide feed ---------------------------------------------------------------


def test_paged_feeds_link_first_previous_next_last_and_hold_each_episode_once(minimal_site: Path) -> None:
    with (minimal_site / "shows" / "show.yaml").open("a", encoding="utf-8") as show:
        show.write("feed_size: 2\n")
    for n in range(2, 6):
        write_episode(minimal_site, str(n), f"title: Episode number {n}\npublished: 2024-0{n}-05\n{AUDIO_2}")
    files, diags = feeds_of(minimal_site)
    assert sorted(files) == ["show/feed-2.xml", "show/feed-3.xml", "show/feed.xml"]
    base = "https://podcast.example/show/"
    assert links(files["show/feed.xml"]) == {
        "self": base + "feed.xml", "first": base + "feed.xml", "next": base + "feed-2.xml", "last": base + "feed-3.xml"}
    assert links(files["show/feed-2.xml"]) == {
        "self": base + "feed-2.xml", "first": base + "feed.xml", "previous": base + "feed.xml",
        "next": base + "feed-3.xml", "last": base + "feed-3.xml"}
    assert links(files["show/feed-3.xml"]) == {
        "self": base + "feed-3.xml", "first": base + "feed.xml", "previous": base + "feed-2.xml",
        "last": base + "feed-3.xml"}
    pages = [feedparser.parse(files[p]) for p in ("show/feed.xml", "show/feed-2.xml", "show/feed-3.xml")]
    assert all(not p.bozo for p in pages)
    titles = [[e.title for e in p.entries] for p in pages]
    assert titles == [["Episode number 5", "Episode number 4"], ["Episode number 3", "Episode number 2"],
                      ["The first one"]]
    ids = [e.id for p in pages for e in p.entries]
    assert len(ids) == len(set(ids)) == 5
    guid = {channel(files[p]).findtext("podcast:guid", namespaces=NS) for p in files}
    assert len(guid) == 1  # every page is the same podcast
    assert not diags.has_errors


def test_feed_size_comes_from_site_yaml_unless_the_show_sets_it(minimal_site: Path) -> None:
    give_episode_2_audio(minimal_site)
    with (minimal_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("feed_size: 1\n")
    files, _ = feeds_of(minimal_site)
    assert sorted(files) == ["show/feed-2.xml", "show/feed.xml"]


def test_a_site_with_several_shows_also_has_a_site_wide_feed(minimal_site: Path) -> None:
    give_episode_2_audio(minimal_site)
    (minimal_site / "shows" / "other.yaml").write_text("name: Another Show\nhosts: [hana-host]\n", encoding="utf-8")
    write_episode(minimal_site, "1", f"title: Other one\npublished: 2024-01-20\n{AUDIO_2}", show="other")
    files, diags = feeds_of(minimal_site)
    assert sorted(files) == ["feed.xml", "other/feed.xml", "show/feed.xml"]
    parsed = feedparser.parse(files["feed.xml"])
    assert not parsed.bozo
    assert parsed.feed.title == "Minimal"
    assert [e.title for e in parsed.entries] == ["The second one", "Other one", "The first one"]
    assert links(files["feed.xml"]) == {"self": "https://podcast.example/feed.xml"}
    show_guids = {e.id for p in ("show/feed.xml", "other/feed.xml") for e in feedparser.parse(files[p]).entries}
    assert {e.id for e in parsed.entries} == show_guids  # an episode has one GUID in every feed
    assert not diags.has_errors



@pytest.mark.parametrize("private", ["itunes_block: true", "block: true", "block: {all: true, google: false}"])
def test_a_show_kept_out_of_directories_is_not_listed_through_the_site_wide_feed(minimal_site: Path,
                                                                                   private: str) -> None:
    (minimal_site / "shows" / "other.yaml").write_text(f"name: Another Show\nhosts: [hana-host]\n{private}\n",
                                                       encoding="utf-8")
    write_episode(minimal_site, "1", f"title: Other one\npublished: 2024-01-20\n{AUDIO_2}", show="other")
    files, _ = feeds_of(minimal_site)
    assert [e.title for e in feedparser.parse(files["feed.xml"]).entries] == ["The first one"]
    assert [e.title for e in feedparser.parse(files["other/feed.xml"]).entries] == ["Other one"]

# --- broken inputs: exact diagnostics, and no feed ------------------------------------------------------------------


def with_chapters(site_dir: Path, chapters: list[Chapter]) -> Site:
    """The site with episode 1 given `chapters` (made directly, as a chapters file would give them)."""
    diags = Diagnostics()
    site = load_site(site_dir, diags)
    assert site is not None
    episodes = tuple(dataclasses.replace(e, chapters=tuple(chapters)) if e.slug == "1" else e for e in site.episodes)
    return dataclasses.replace(site, episodes=episodes)


def errors_of(diags: Diagnostics) -> list[str]:
    return [d.format() for d in diags.sorted() if d.severity == "error"]


def test_chapters_out_of_order_or_past_the_end_are_errors(minimal_site: Path) -> None:
    chapters_file = Path("content/episodes/show/1/chapters.yaml")
    site = with_chapters(minimal_site, [
        Chapter(0, "Intro", location=Location(chapters_file, 1)),
        Chapter(300, "Middle", location=Location(chapters_file, 2)),
        Chapter(120.5, "Back in time", location=Location(chapters_file, 3)),
        Chapter(400, "Ends too late", end=660, location=Location(chapters_file, 4)),
        Chapter(650, "Past the end", location=Location(chapters_file, 5)),
    ])
    diags = Diagnostics()
    assert feed_documents(site, diags) == {}
    assert errors_of(diags) == [
        "content/episodes/show/1/chapters.yaml:3: error: chapter 'Back in time' starts at 02:00, not after the one "
        "before it (05:00)\n    hint: list chapters in the order they play, each starting later than the last",
        "content/episodes/show/1/chapters.yaml:4: error: chapter 'Ends too late' ends at 11:00, after the audio ends "
        "(10:00)\n    hint: check the time, or the audio's duration",
        "content/episodes/show/1/chapters.yaml:5: error: chapter 'Past the end' starts at 10:50, after the audio "
        "ends (10:00)\n    hint: check the time, or the audio's duration",
    ]


def test_chapters_without_a_place_of_their_own_are_reported_at_the_episode(minimal_site: Path) -> None:
    site = with_chapters(minimal_site, [Chapter(0, "Part 1"), Chapter(0, "Part 2")])  # as derived ones come
    diags = Diagnostics()
    assert feed_documents(site, diags) == {}
    assert errors_of(diags) == [
        "content/episodes/show/1/episode.md:1: error: chapter 'Part 2' starts at 00:00, not after the one before it "
        "(00:00)\n    hint: list chapters in the order they play, each starting later than the last"]


def test_duplicate_guids_are_an_error_at_the_guid_line(minimal_site: Path) -> None:
    write_episode(minimal_site, "1", "title: The first one\npublished: 2024-01-05\nguid: same-guid\naudio:\n"
                  "  url: https://cdn.example/1.mp3\n  bytes: 1000000\n")
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\nguid: same-guid\n{AUDIO_2}")
    files, diags = feeds_of(minimal_site)
    assert files == {}
    assert errors_of(diags) == [
        "content/episodes/show/1/episode.md:4: error: guid 'same-guid' is also used by "
        "content/episodes/show/2/episode.md\n    hint: each episode's guid must be its own and never change: "
        "remove this 'guid:' line to use the derived one, or pin the value this episode's feed item had"]


def test_duplicate_guids_across_archive_pages_are_caught_too(minimal_site: Path) -> None:
    with (minimal_site / "shows" / "show.yaml").open("a", encoding="utf-8") as show:
        show.write("feed_size: 1\n")
    write_episode(minimal_site, "1", "title: The first one\npublished: 2024-01-05\nguid: same-guid\naudio:\n"
                  "  url: https://cdn.example/1.mp3\n  bytes: 1000000\n")
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\nguid: same-guid\n{AUDIO_2}")
    files, diags = feeds_of(minimal_site)
    assert files == {}
    assert len(errors_of(diags)) == 1


def test_an_enclosure_without_a_length_is_an_error(minimal_site: Path) -> None:
    write_episode(minimal_site, "2", "title: The second one\npublished: 2024-02-05\naudio:\n"
                  "  url: https://cdn.example/2.mp3\n  duration: 90\n")
    files, diags = feeds_of(minimal_site)
    assert files == {}
    assert errors_of(diags) == [
        "content/episodes/show/2/episode.md:4: error: the audio's size is missing, and a feed enclosure needs it\n"
        "    hint: add 'bytes: <the audio file's size in bytes>' under 'audio:', or 'bytes: unknown' if it cannot be "
        "found (the feed then says length=\"0\", and apps learn the size as they download)"]


def test_an_audio_size_stated_unknown_gives_length_zero_and_no_error(minimal_site: Path) -> None:
    write_episode(minimal_site, "2", "title: The second one\npublished: 2024-02-05\naudio:\n"
                  "  url: https://cdn.example/2.mp3\n  bytes: unknown\n")
    files, diags = feeds_of(minimal_site)
    assert errors_of(diags) == []
    feed = ET.fromstring(files["show/feed.xml"])
    lengths = {e.get("url"): e.get("length") for e in feed.iter("enclosure")}
    assert lengths["https://cdn.example/2.mp3"] == "0"


def test_an_audio_size_that_is_neither_a_number_nor_unknown_is_an_error(minimal_site: Path) -> None:
    write_episode(minimal_site, "2", "title: The second one\npublished: 2024-02-05\naudio:\n"
                  "  url: https://cdn.example/2.mp3\n  bytes: unkown\n")
    diags = Diagnostics()
    load_site(minimal_site, diags)
    assert errors_of(diags) == [
        "content/episodes/show/2/episode.md:6: error: 'bytes' must be a whole number from 1 to 1000000000000, "
        "got 'unkown'\n    hint: give the audio file's size in bytes, or 'unknown' when it cannot be found"]


def test_a_description_over_4000_bytes_is_an_error_at_the_summary(minimal_site: Path) -> None:
    summary = "Ünïcödé counts in bytes. " * 150
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\nsummary: {summary}\n{AUDIO_2}")
    files, diags = feeds_of(minimal_site)
    assert files == {}
    size = len(f"<p>{summary.strip()}</p>".encode())
    assert errors_of(diags) == [
        f"content/episodes/show/2/episode.md:4: error: the episode's description is {size} bytes in the feed; "
        "Apple Podcasts allows at most 4000\n    hint: shorten 'summary' (the full notes still go into "
        "content:encoded)"]


def test_long_notes_without_a_summary_are_shortened_not_refused(minimal_site: Path) -> None:
    notes = "".join(f"- [Link number {n} & more](https://example.org/{n})\n" for n in range(200))
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\n{AUDIO_2}", body=notes)
    files, diags = feeds_of(minimal_site)
    item = child(channel(files["show/feed.xml"]), "item")
    description = text(item, "description")
    assert len(description.encode()) <= 4000 and description.startswith("Link number 0 & more Link number 1")
    assert description.endswith(" …")
    assert text(item, "content:encoded").count("<li>") == 200
    assert not diags.has_errors


def test_a_broken_feed_fails_the_build_and_writes_nothing(minimal_site: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\nguid: '812d2ea8-1412-5a89-854d-"
                  f"7bd0d22a8bfc'\n{AUDIO_2}")  # episode 1's derived GUID
    assert main(["check", "--site", "content"]) == 1
    err = capsys.readouterr().err
    assert ("content/episodes/show/1/episode.md:1: error: guid '812d2ea8-1412-5a89-854d-7bd0d22a8bfc' is also used "
            "by content/episodes/show/2/episode.md") in err
    assert main(["build", "--site", "content", "--out", "output"]) == 1
    assert not (minimal_site.parent / "output").exists()


def test_bad_feed_keys_are_located_errors(minimal_site: Path) -> None:
    with (minimal_site / "shows" / "show.yaml").open("a", encoding="utf-8") as show:
        show.write("guid: not-a-uuid\ntype: serial-ish\nfunding:\n  - text: no url\n")
    write_episode(minimal_site, "2", f"title: The second one\npublished: 2024-02-05\n{AUDIO_2}"
                  "soundbites:\n  - {start: '19:50', duration: 30}\n  - {duration: 15}\n")
    diags = Diagnostics()
    load_site(minimal_site, diags)
    assert [d.format() for d in diags.sorted()] == [
        "content/episodes/show/2/episode.md:9: error: the soundbite ends at 20:20, after the end of the audio "
        "(20:00)\n    hint: check its 'start' and 'duration', or the audio's 'duration'",
        "content/episodes/show/2/episode.md:10: error: a soundbite needs 'start', a time like 12:30 or a number "
        "of seconds",
        "content/shows/show.yaml:4: error: 'guid' must be a UUID like 917393e3-1b1e-5cef-ace4-edaa54e1f810, got "
        "'not-a-uuid'\n    hint: copy the podcast:guid of the feed as it is now, or remove the line",
        "content/shows/show.yaml:5: error: 'type' must be one of episodic, serial, got 'serial-ish'\n"
        "    hint: did you mean 'serial'?",
        "content/shows/show.yaml:7: error: a funding link is missing the required key 'url'\n"
        "    hint: add a line 'url: <https://…>'",
    ]


def test_the_checker_refuses_documents_that_are_not_feeds(minimal_site: Path) -> None:
    diags = Diagnostics()
    site = load_site(minimal_site, diags)
    assert site is not None, diags.report()
    show = site.shows[0]
    source = FeedSource("show/feed.xml", show, (), show.location, site.config)
    assert not check_feed(b"<rss version='2.0'><channel><title>x</title>", source, diags)
    assert not check_feed(b"<feed/>", source, diags)
    no_self = b"<rss version='2.0'><channel><title>x</title><link>y</link><description/></channel></rss>"
    assert not check_feed(no_self, source, diags)
    messages = [d.message for d in diags.errors]
    assert messages[0].startswith("the feed show/feed.xml is not well-formed XML: ")
    assert messages[1:] == ["the feed show/feed.xml is not an RSS 2.0 document",
                            'the feed show/feed.xml has no atom:link rel="self"']
    assert all(d.location == show.location for d in diags.errors)
