"""Structured data, sharing tags, sitemap, robots.txt and the hosting headers, as their readers see them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from generator.engine import build
from generator.render.seo import iso_duration


def built(site: Path) -> Path:
    out = site.parent / "output"
    result = build(site, out)
    assert result.ok, result.diagnostics.report()
    return out


def jsonld(html: str) -> list[dict[str, Any]]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_episode_page_has_podcast_episode_json_ld(minimal_site: Path) -> None:
    out = built(minimal_site)
    [data] = jsonld((out / "show/1/index.html").read_text())
    assert data["@context"] == "https://schema.org" and data["@type"] == "PodcastEpisode"
    assert data["url"] == "https://podcast.example/show/1/"
    assert data["partOfSeries"]["@type"] == "PodcastSeries" and data["partOfSeries"]["name"] == "The Show"
    assert data["datePublished"] == "2024-01-05"
    media = data["associatedMedia"]
    assert media["@type"] == "AudioObject" and media["encodingFormat"] == "audio/mpeg"
    assert media["duration"] == "PT10M0S" and media["contentUrl"] == "https://cdn.example/1.mp3"
    assert "Thanks for having me." in media["transcript"]
    assert [(p["@type"], p["name"]) for p in data["actor"]] == [("Person", "Gus Guest"), ("Person", "Hana Host")]
    assert data["subjectOf"]["url"] == "https://podcast.example/show/1/transcript.txt"


def test_show_page_has_podcast_series_json_ld(minimal_site: Path) -> None:
    [data] = jsonld((built(minimal_site) / "show/index.html").read_text())
    assert data["@type"] == "PodcastSeries" and data["webFeed"] == "https://podcast.example/show/feed.xml"


def test_json_ld_cannot_be_broken_out_of(minimal_site: Path) -> None:
    episode = minimal_site / "episodes/show/1/episode.md"
    episode.write_text(episode.read_text().replace("title: The first one",
                                                   'title: "</script><script>alert(1)</script>"'))
    html = (built(minimal_site) / "show/1/index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert jsonld(html)[0]["name"] == "</script><script>alert(1)</script>"


def test_sharing_tags(minimal_site: Path) -> None:
    html = (built(minimal_site) / "show/1/index.html").read_text()
    assert '<meta property="og:audio" content="https://cdn.example/1.mp3">' in html
    assert '<meta property="og:title" content="The first one">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<link rel="canonical" href="https://podcast.example/show/1/">' in html


def test_sitemap_and_robots(minimal_site: Path) -> None:
    out = built(minimal_site)
    root = ET.parse(out / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls: dict[str, str | None] = {}
    for url in root.findall("s:url", ns):
        loc = url.findtext("s:loc", namespaces=ns)
        assert loc, "a sitemap <url> without its <loc>"
        urls[loc] = url.findtext("s:lastmod", namespaces=ns)
    assert urls["https://podcast.example/show/1/"] == "2024-01-05"
    assert "https://podcast.example/" in urls and "https://podcast.example/people/gus-guest/" in urls
    assert not any(u.endswith("404.html") for u in urls)
    assert (out / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\n\nSitemap: https://podcast.example/sitemap.xml\n")


def test_headers_file_types_and_cors(minimal_site: Path) -> None:
    rules: dict[str, list[str]] = {}
    for block in (built(minimal_site) / "_headers").read_text().split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        if lines:
            rules[lines[0]] = [line.strip() for line in lines[1:]]
    assert "Content-Type: text/vtt; charset=utf-8" in rules["/:show/:episode/transcript.vtt"]
    assert "Content-Type: application/json+chapters; charset=utf-8" in rules["/:show/:episode/chapters.json"]
    for pattern in ("/:show/:episode/transcript.vtt", "/:show/:episode/transcript.srt",
                    "/:show/:episode/transcript.json"):
        assert "Access-Control-Allow-Origin: *" in rules[pattern]
    assert "Cache-Control: public, max-age=300" in rules["/:show/feed.xml"]


def test_iso_durations() -> None:
    assert [iso_duration(s) for s in (0, 59.6, 274, 3723)] == ["PT0S", "PT1M0S", "PT4M34S", "PT1H2M3S"]
