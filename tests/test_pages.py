"""What a reader of the built site sees, checked on the minimal test site and the bundled example."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build


def built(site: Path, **options: object) -> Path:
    out = site.parent / "output"
    result = build(site, out, **options)  # type: ignore[arg-type]
    assert result.ok, result.diagnostics.report()
    return out


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


class Collector(HTMLParser):
    """Tags with their attributes, and ids, for structural checks."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = Collector()
    collector.feed(html)
    return collector.tags


def test_names_from_content_are_escaped(minimal_site: Path) -> None:
    person = minimal_site / "people" / "gus-guest.yaml"
    person.write_text(person.read_text().replace("name: Gus Guest", 'name: "<script>alert(1)</script>"'))
    episode = minimal_site / "episodes" / "show" / "1" / "episode.md"
    episode.write_text(episode.read_text().replace("title: The first one", 'title: "Tom & Jerry <b>live</b>"'))
    out = built(minimal_site)
    for path in ("show/1/index.html", "people/gus-guest/index.html", "people/index.html", "show/index.html"):
        html = read(out, path)
        assert "<script>alert(1)</script>" not in html, path
        assert "<b>live</b>" not in html, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in read(out, "people/gus-guest/index.html")
    assert "Tom &amp; Jerry &lt;b&gt;live&lt;/b&gt;" in read(out, "show/1/index.html")


def test_raw_html_in_notes_is_allow_listed(minimal_site: Path) -> None:
    episode = minimal_site / "episodes" / "show" / "2" / "episode.md"
    episode.write_text(episode.read_text() + '\n<script>alert(1)</script>\n\nH<sub>2</sub>O <img src="x.png" onerror="alert(1)">\n')
    html = read(built(minimal_site), "show/2/index.html")
    assert "<script>alert(1)" not in html
    assert "onerror" not in html
    assert "H<sub>2</sub>O" in html


def test_episode_page_has_what_a_listener_expects(minimal_site: Path) -> None:
    html = read(built(minimal_site), "show/1/index.html")
    assert "The Show" in html and "Episode #1" in html
    assert "with Gus Guest of Acme and University of Somewhere" in html
    assert '<time datetime="2024-01-05"' in html
    assert re.search(r'<audio[^>]*controls', html)
    assert 'href="https://cdn.example/1.mp3"' in html
    sponsor_links = [a for t, a in tags(html) if t == "a" and a.get("href") == "https://acme.example/"]
    assert sponsor_links and all("sponsored" in (a.get("rel") or "") for a in sponsor_links)
    assert "Acme makes <strong>everything</strong>." in html
    assert 'href="https://example.org/a"' in html
    assert 'href="/people/gus-guest/"' in html
    assert 'href="https://github.com/gusguest"' in html
    assert "CC BY-SA 4.0" in html and "Transcripts by the show" in html
    assert 'href="/show/2/"' in html  # the newer episode
    assert 'href="/show/"' in html  # all episodes


def test_page_structure_is_accessible(minimal_site: Path) -> None:
    html = read(built(minimal_site), "show/1/index.html")
    found = tags(html)
    assert found[0] == ("html", {"lang": "en"})
    assert sum(1 for t, _ in found if t == "h1") == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert any(t == landmark for t, _ in found), landmark
    assert any(t == "a" and a.get("href") == "#transcript" for t, a in found), "skip link to the transcript"
    ids = [a["id"] for _, a in found if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert all(a.get("alt") is not None for t, a in found if t == "img")


def test_site_nav_lists_the_shows_until_there_are_too_many_for_a_bar(minimal_site: Path) -> None:
    nav = re.compile(r'<nav class="site-nav".*?</nav>', re.DOTALL)
    html = nav.search(read(built(minimal_site), "index.html")).group(0)
    assert ">The Show</a>" in html and "#shows-heading" not in html
    for n in range(15):
        (minimal_site / "shows" / f"extra-{n}.yaml").write_text(f"name: Extra {n}\n", encoding="utf-8")
    out = built(minimal_site)
    html = nav.search(read(out, "show/1/index.html")).group(0)
    assert ">The Show</a>" not in html and ">Extra 3</a>" not in html
    assert '<a href="/#shows-heading">Shows</a>' in html
    assert 'id="shows-heading"' in read(out, "index.html") and ">Extra 14</a>" in read(out, "index.html")


def test_no_asset_comes_from_another_host(example_site: Path) -> None:
    out = built(example_site)
    for page in out.rglob("*.html"):
        for tag, attrs in tags(page.read_text(encoding="utf-8")):
            if tag in ("script", "img", "audio", "source", "iframe") or (tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload")):
                source = attrs.get("src") or attrs.get("href") or ""
                assert not re.match(r"^(https?:)?//", source), f"{page}: {tag} loads {source}"
    css = read(out, "assets/podsite.css")
    assert "@import" not in css and "url(http" not in css and "@font-face" not in css


def test_transcript_paragraphs_have_unique_anchors_and_times(minimal_site: Path) -> None:
    html = read(built(minimal_site), "show/1/index.html")
    paragraphs = [a for t, a in tags(html) if t == "div" and "para" in (a.get("class") or "").split()]
    assert len(paragraphs) == 4
    anchors = [a["id"] for a in paragraphs]
    assert len(set(anchors)) == 4
    times = [a for t, a in tags(html) if t == "a" and "para-time" in (a.get("class") or "")]
    assert [float(a["data-t"]) for a in times][1:3] == [30.0, 300.0]
    assert all(a["href"] == "#" + anchor for a, anchor in zip(times, anchors))


def test_drafts_never_reach_build_output(minimal_site: Path) -> None:
    episode = minimal_site / "episodes" / "show" / "2" / "episode.md"
    episode.write_text(episode.read_text().replace("published:", "draft: true\npublished:"))
    out = built(minimal_site)
    assert not (out / "show" / "2").exists()
    assert "The second one" not in read(out, "show/index.html")
    out = built(minimal_site, drafts=True)
    assert "draft" in read(out, "show/2/index.html").lower()


def test_person_and_sponsor_pages_list_their_episodes(minimal_site: Path) -> None:
    out = built(minimal_site)
    person = read(out, "people/gus-guest/index.html")
    assert 'href="/show/1/"' in person and "Guest" in person
    host = read(out, "people/hana-host/index.html")
    assert 'href="/show/1/"' in host and 'href="/show/2/"' in host
    sponsor = read(out, "sponsors/acme/index.html")
    assert 'href="/show/1/' in sponsor and "Acme makes <strong>everything</strong>." in sponsor


def test_show_pages_paginate_newest_first(minimal_site: Path) -> None:
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text() + "per_page: 1\n")
    out = built(minimal_site)
    first, second = read(out, "show/index.html"), read(out, "show/page/2/index.html")
    assert "The second one" in first and "The first one" not in first
    assert "The first one" in second
    assert 'href="/show/page/2/"' in first and 'href="/show/"' in second


def test_a_site_template_overrides_one_block_of_the_theme(minimal_site: Path) -> None:
    (minimal_site / "templates").mkdir()
    (minimal_site / "templates" / "episode.html").write_text(
        '{% extends "theme/episode.html" %}{% block notes %}<p id="my-notes">Mine</p>{% endblock %}')
    out = built(minimal_site)
    html = read(out, "show/1/index.html")
    assert '<p id="my-notes">Mine</p>' in html and "A link" not in html
    assert "Thanks for having me." in html  # the rest of the theme's page is still there


def test_base_url_with_a_path_prefixes_every_link(minimal_site: Path) -> None:
    out = built(minimal_site, base_url="https://example.org/podcast/")
    html = read(out, "show/1/index.html")
    assert 'href="/podcast/assets/podsite.css"' in html
    assert '<link rel="canonical" href="https://example.org/podcast/show/1/">' in html


@pytest.mark.parametrize("path", ["index.html", "404.html", "people/index.html", "sponsors/index.html",
                                  "practicalai/index.html", "practicalai/36/index.html",
                                  "people/anima-anandkumar/index.html", "sponsors/fastly/index.html"])
def test_example_pages_exist(example_site: Path, path: str) -> None:
    assert (built(example_site) / path).is_file()


def test_example_episode_36(example_site: Path) -> None:
    out = built(example_site)
    html = read(out, "practicalai/36/index.html")
    assert "Growing up to become a world-class AI expert" in html
    assert "with Anima Anandkumar of NVIDIA and Caltech" in html
    assert '<time datetime="2019-03-19"' in html
    for sponsor in ("DigitalOcean", "DataEngPodcast", "Rollbar", "Fastly"):
        assert sponsor in html
    assert "https://github.com/thechangelog/show-notes/blob/master/practicalai/practical-ai-36.md" in html
    assert "https://github.com/thechangelog/transcripts/blob/master/practicalai/practical-ai-36.md" in html
    assert "CC BY-SA 4.0" in html
    assert "I think my earliest memories are either me solving some puzzles" in html
