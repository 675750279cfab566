"""The show file's `subscribe:` links, checked like every other key, and the Subscribe block that shows them
with the feed's address on the home, show and episode pages."""

from __future__ import annotations

import re
from pathlib import Path

from test_pages import built, read, tags, texts

from generator.engine import build

APPS = """subscribe:
  spotify: https://open.spotify.com/show/2FBi3sTwHsBkTJfOvrbxdP
  apple_podcasts: https://podcasts.apple.com/us/podcast/the-show/id1406537385
  overcast: https://overcast.fm/itunes1406537385
  pocket_casts: https://pca.st/the-show
  youtube: https://www.youtube.com/@the-show
  podcast_addict: https://podcastaddict.com/podcast/the-show/1
  antennapod: https://antennapod.org/deeplink/subscribe?url=https://podcast.example/show/feed.xml
  fountain: https://fountain.fm/show/abc
  other:
    - {label: Castro, url: https://castro.fm/podcast/abc}
"""
IN_ORDER = [
    ("Spotify", "https://open.spotify.com/show/2FBi3sTwHsBkTJfOvrbxdP"),
    ("Apple Podcasts", "https://podcasts.apple.com/us/podcast/the-show/id1406537385"),
    ("Overcast", "https://overcast.fm/itunes1406537385"),
    ("Pocket Casts", "https://pca.st/the-show"),
    ("YouTube", "https://www.youtube.com/@the-show"),
    ("Podcast Addict", "https://podcastaddict.com/podcast/the-show/1"),
    ("AntennaPod", "https://antennapod.org/deeplink/subscribe?url=https://podcast.example/show/feed.xml"),
    ("Fountain", "https://fountain.fm/show/abc"),
    ("Castro", "https://castro.fm/podcast/abc"),
]


def with_show_lines(site: Path, lines: str) -> Path:
    show = site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8") + lines, encoding="utf-8")
    return show


def blocks(html: str) -> list[str]:
    return re.findall(r'<section class="subscribe.*?</section>', html, re.DOTALL)


def app_links(block: str) -> list[tuple[str, str]]:
    """(text, href) of the links of a Subscribe block's app list."""
    apps = re.search(r'<ul class="subscribe-apps".*?</ul>', block, re.DOTALL)
    if apps is None:
        return []
    return [(text, href) for href, text in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', apps.group(0))]


def feed_field(block: str) -> str | None:
    fields = [a for t, a in tags(block) if t == "input" and "subscribe-feed-url" in (a.get("class") or "")]
    assert len(fields) == 1
    assert "readonly" in fields[0]
    return fields[0].get("value")


def test_the_apps_of_the_show_file_are_on_the_home_show_and_episode_pages_in_its_order(minimal_site: Path) -> None:
    with_show_lines(minimal_site, APPS)
    out = built(minimal_site)
    for path in ("index.html", "show/index.html", "show/1/index.html", "show/2/index.html"):
        found = blocks(read(out, path))
        assert len(found) == 1, path
        assert app_links(found[0]) == [(text, url.replace("&", "&amp;")) for text, url in IN_ORDER], path
        assert feed_field(found[0]) == "https://podcast.example/show/feed.xml", path
        assert '<a href="https://podcast.example/show/feed.xml" type="application/rss+xml">RSS feed</a>' in found[0]
        assert texts(found[0], "subscribe-heading") == ["Subscribe to The Show"]


def test_without_app_links_the_block_still_gives_the_feed(minimal_site: Path) -> None:
    out = built(minimal_site, base_url="https://example.org/podcast/")
    block = blocks(read(out, "show/1/index.html"))
    assert len(block) == 1 and app_links(block[0]) == []
    assert feed_field(block[0]) == "https://example.org/podcast/show/feed.xml"
    assert (out / "show" / "feed.xml").is_file()


def test_a_moved_feed_is_subscribed_to_at_its_new_address(minimal_site: Path) -> None:
    with_show_lines(minimal_site, "new_feed_url: https://feeds.example.org/the-show\n")
    block = blocks(read(built(minimal_site), "show/index.html"))
    assert feed_field(block[0]) == "https://feeds.example.org/the-show"


def test_a_home_page_of_several_shows_has_one_block_under_each_show(minimal_site: Path) -> None:
    with_show_lines(minimal_site, APPS)
    (minimal_site / "shows" / "another.yaml").write_text(
        "name: Another Show\nsubscribe:\n  overcast: https://overcast.fm/itunes1\n", encoding="utf-8")
    html = read(built(minimal_site), "index.html")
    cards = html.split('<li class="show-card">')[1:]  # each from its start to the next one's, in name order
    assert [texts(card, "subscribe-heading")[0] for card in cards] == [
        "Subscribe to Another Show", "Subscribe to The Show"]
    another, the_show = (blocks(card) for card in cards)
    assert len(another) == len(the_show) == 1 and len(blocks(html)) == 2
    assert app_links(another[0]) == [("Overcast", "https://overcast.fm/itunes1")]
    assert feed_field(another[0]) == "https://podcast.example/another/feed.xml"
    assert app_links(the_show[0])[0] == IN_ORDER[0]
    assert "subscribe-compact" in another[0] and "subscribe-compact" in the_show[0]
    ids = [a["id"] for _, a in tags(html) if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_labels_and_urls_from_the_show_file_are_escaped(minimal_site: Path) -> None:
    with_show_lines(minimal_site, 'subscribe:\n  other:\n    - {label: "<b>Cast</b>", url: "https://x.example/?a=1&b=\\"2\\""}\n')
    block = blocks(read(built(minimal_site), "index.html"))[0]
    assert "<b>Cast</b>" not in block
    assert '<a href="https://x.example/?a=1&amp;b=&#34;2&#34;" rel="noopener">&lt;b&gt;Cast&lt;/b&gt;</a>' in block


def test_every_subscribe_key_and_url_is_checked_at_its_line(minimal_site: Path) -> None:
    with_show_lines(minimal_site, """subscribe:
  spotfy: https://open.spotify.com/show/1
  apple_podcasts: javascript:alert(1)
  overcast: mailto:me@example.org
  pocket_casts: pca.st/the-show
  youtube: https://example.com/the-show
  fountain: [https://fountain.fm/show/1]
  other:
    - {label: Castro}
    - {url: https://castro.fm/x, lable: Castro}
    - https://castro.fm/x
""")
    result = build(minimal_site, minimal_site.parent / "output")
    assert not result.ok
    found = [(d.severity, d.location.path.name, d.location.line, d.message, d.hint)
             for d in result.diagnostics.sorted() if d.location.path.name == "show.yaml" and d.location.line > 3]
    assert found == [
        ("error", "show.yaml", 5, "unknown key 'spotfy' in 'subscribe'", "did you mean 'spotify'?"),
        ("error", "show.yaml", 6, "the URL in 'apple_podcasts' 'javascript:alert(1)' is not allowed",
         "links may be http://, https:// or mailto: URLs, or relative ones; 'javascript' URLs could run code in "
         "a reader's browser"),
        ("error", "show.yaml", 7, "'overcast' must be a full URL starting with https://, got 'mailto:me@example.org'",
         "give the address of a web page"),
        ("error", "show.yaml", 8, "'pocket_casts' must be a full URL starting with https://, got 'pca.st/the-show'",
         "add the scheme, e.g. https://pca.st/the-show"),
        ("warning", "show.yaml", 9,
         "the 'youtube' link goes to 'example.com', not to YouTube (youtube.com or youtu.be)",
         "check that it is the show's page on YouTube; put a link to another app under 'other'"),
        ("error", "show.yaml", 10, "'fountain' must be text, got a list", ""),
        ("error", "show.yaml", 12, "a link in 'subscribe: other' is missing the required key 'url'",
         "add a line 'url: <https://…>'"),
        ("error", "show.yaml", 13, "a link in 'subscribe: other' is missing the required key 'label'",
         "add a line 'label: <the app's name>'"),
        ("error", "show.yaml", 13, "unknown key 'lable' in a link in 'subscribe: other'", "did you mean 'label'?"),
        ("error", "show.yaml", 14, "a link in 'subscribe: other' must be a mapping of keys to values, "
         "got 'https://castro.fm/x'", ""),
    ]


def test_subscribe_must_be_a_mapping_and_its_hosts_may_be_the_apps_own_subdomains(minimal_site: Path) -> None:
    show = with_show_lines(minimal_site, "subscribe: https://open.spotify.com/show/1\n")
    result = build(minimal_site, minimal_site.parent / "output")
    assert [d.message for d in result.diagnostics.errors] == [
        "'subscribe' must be a mapping of keys to values, got 'https://open.spotify.com/show/1'"]
    show.write_text(show.read_text().replace("subscribe: https://open.spotify.com/show/1\n", """subscribe:
  youtube: https://music.youtube.com/playlist?list=1
  pocket_casts: https://play.pocketcasts.com/podcasts/1
  apple_podcasts: http://itunes.apple.com/podcast/id1
"""))
    result = build(minimal_site, minimal_site.parent / "output")
    assert result.ok
    assert not [d for d in result.diagnostics.warnings if "subscribe" in str(d.location) or "link goes" in d.message]
