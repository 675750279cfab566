"""The bundled example (content/) is a demo that plays: it builds with no warning, its feed lists every episode
with Changelog's real audio, and the page of episode #36 has a player wired to that audio. What nobody knows
(publish dates, sizes, durations, most titles) is said as unknown, never filled in.

The browser test needs no network: it refuses every request to another host and checks that the player asked
for the real audio, which is all a page can do offline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from browser import chromium
from conftest import feed_documents, previewing

from generator.build import load_site
from generator.cli import main
from generator.diagnostics import Diagnostics

AUDIO = "https://op3.dev/e/https://cdn.changelog.com/uploads/practicalai/{n}/practical-ai-{n}.mp3"
ARTWORK = "https://cdn.changelog.com/uploads/covers/practical-ai-original.png"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def numbers(site: Path) -> set[int]:
    return {int(folder.name) for folder in (site / "episodes" / "practicalai").iterdir()}


def test_the_example_builds_with_no_warning(example_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    captured = capsys.readouterr()
    report = captured.out + captured.err
    assert re.search(r"built output: \d+ pages, 16 episodes, 0 warnings", report), report
    assert "warning" not in report.replace("0 warnings", ""), report


def test_the_feed_lists_every_episode_with_its_real_audio(example_site: Path) -> None:
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    xml = (example_site.parent / "output" / "practicalai" / "feed.xml").read_bytes()
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    expected = numbers(example_site)
    assert len(expected) == 16
    enclosures = {int(entry.itunes_episode): entry.enclosures for entry in feed.entries}
    assert set(enclosures) == expected
    for number, found in enclosures.items():
        assert [(e.href, e.type, e.length) for e in found] == [(AUDIO.format(n=number), "audio/mpeg", "0")]
    # No publish date is known: no item has one, and they come newest first by number, as the pages list them.
    assert not any("published" in entry for entry in feed.entries)
    assert [int(entry.itunes_episode) for entry in feed.entries] == sorted(expected, reverse=True)
    titles = {int(entry.itunes_episode): entry.title for entry in feed.entries}
    assert titles[36] == "Growing up to become a world-class AI expert"
    assert titles[300] == "Episode 300"  # no title for it in the corpus: none is made up


def test_the_feed_channel_carries_changelogs_facts(example_site: Path) -> None:
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    channel = ET.parse(example_site.parent / "output" / "practicalai" / "feed.xml").getroot().find("channel")
    assert channel is not None
    image = channel.find(f"{ITUNES}image")
    assert image is not None and image.get("href") == ARTWORK
    category = channel.find(f"{ITUNES}category")
    assert category is not None and category.get("text") == "Technology"
    assert [c.get("text") for c in category] == ["Software How-To", "Tech News"]
    assert channel.findtext(f"{ITUNES}author") == "Changelog Media"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}name") == "Changelog Media"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}email") == "editors@changelog.com"
    assert channel.findtext("language") == "en-us"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    funding = channel.find(f"{PODCAST}funding")
    assert funding is not None and funding.get("url") == "https://changelog.com/++"
    assert funding.text == "Support our work by joining Changelog++"


def test_the_example_episode_page_plays_and_says_no_unknown_date(example_site: Path) -> None:
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    page = (example_site.parent / "output" / "practicalai" / "36" / "index.html").read_text(encoding="utf-8")
    assert f'<source src="{AUDIO.format(n=36)}" type="audio/mpeg">' in page
    assert "No audio is published" not in page
    assert "Published" not in page
    assert 'Recorded: <time datetime="2019-03-19">' in page


# --- 'published: unknown' --------------------------------------------------------------------------------------------


def write_episode_2(site: Path, published: str) -> None:
    (site / "episodes" / "show" / "2" / "episode.md").write_text(
        f"---\ntitle: The second one\n{published}audio:\n  url: https://cdn.example/2.mp3\n  bytes: unknown\n---\n"
        "Notes.\n", encoding="utf-8")


def feed_of(site: Path) -> tuple[ET.Element, list[str]]:
    diags = Diagnostics()
    loaded = load_site(site, diags)
    assert loaded is not None and not diags.has_errors, diags.report()
    files = feed_documents(loaded, diags)
    items = ET.fromstring(files["show/feed.xml"]).findall("channel/item")
    second = next(i for i in items if i.findtext("title") == "The second one")
    return second, [d.format() for d in diags.warnings if "episodes/show/2/" in str(d.location.path)]


def test_a_publish_date_stated_unknown_gives_an_undated_item_without_a_warning(minimal_site: Path) -> None:
    write_episode_2(minimal_site, "published: unknown\n")
    item, warnings = feed_of(minimal_site)
    assert item.find("pubDate") is None
    assert warnings == []


def test_a_forgotten_publish_date_still_warns(minimal_site: Path) -> None:
    write_episode_2(minimal_site, "")
    item, warnings = feed_of(minimal_site)
    assert item.find("pubDate") is None
    assert warnings == [
        "content/episodes/show/2/episode.md:1: warning: no 'published' date, so the feed item has no pubDate\n"
        "    hint: add 'published: YYYY-MM-DD', or 'published: unknown' if it cannot be found; apps sort undated "
        "items unpredictably"]


def test_a_misspelt_unknown_publish_date_is_an_error(minimal_site: Path) -> None:
    write_episode_2(minimal_site, "published: unkown\n")
    diags = Diagnostics()
    load_site(minimal_site, diags)
    assert [d.format().splitlines()[0] for d in diags.errors] == [
        "content/episodes/show/2/episode.md:3: error: 'published' must be a date like 2019-03-19 or "
        "2019-03-19T10:00:00-07:00, got 'unkown'"]


# --- In a browser ----------------------------------------------------------------------------------------------------


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.mark.slow
def test_the_example_episode_page_has_a_player_wired_to_the_real_audio(example_site: Path, browser: Any) -> None:
    outside: list[str] = []

    def refuse_outside(route: Any) -> None:  # no network here: note what the page asks other hosts for
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with previewing(example_site) as running:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.route("**/*", refuse_outside)
        page = context.new_page()
        page.goto(running.url + "practicalai/36/")
        audio = AUDIO.format(n=36)
        page.wait_for_function("document.getElementById('player').networkState !== HTMLMediaElement.NETWORK_EMPTY")
        assert page.evaluate("document.getElementById('player').currentSrc") == audio
        assert page.get_attribute("#player source", "src") == audio
        # The enhanced player took over from the native controls, and every control of its bar is there.
        assert page.evaluate("document.getElementById('player').controls") is False
        bar = page.locator(".player-bar")
        for name in ("Back 15 seconds", "Play", "Forward 30 seconds"):
            assert bar.get_by_role("button", name=name, exact=True).count() == 1, name
        assert bar.get_by_role("slider", name="Position").count() == 1
        assert page.locator(".player-more select").count() == 1
        assert page.locator(".player-more a.player-download").get_attribute("href") == audio
        # The page really asked for the audio (it stops there: this machine is offline).
        for _ in range(50):
            if audio in outside:
                break
            page.wait_for_timeout(100)
        assert audio in outside, outside
        context.close()
