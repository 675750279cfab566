"""What a reader of the built site sees, checked on the minimal test site and the bundled example."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.engine import build

REPO = Path(__file__).resolve().parent.parent


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


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class ClassTexts(HTMLParser):
    """The text of each element that has a class, as a reader sees it (whitespace collapsed)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.open: list[tuple[str, int | None]] = []  # open elements: tag, index in found of a matching one
        self.found: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        matches = self.name in (dict(attrs).get("class") or "").split()
        self.open.append((tag, len(self.found) if matches else None))
        if matches:
            self.found.append([])

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        for _, index in self.open:
            if index is not None:
                self.found[index].append(data)


def texts(html: str, class_name: str) -> list[str]:
    """The text of every element of that class, in page order."""
    parser = ClassTexts(class_name)
    parser.feed(html)
    return [" ".join("".join(parts).split()) for parts in parser.found]


def links(html: str, class_name: str) -> list[str]:
    """The targets of the links of that class, in page order."""
    return [a["href"] or "" for t, a in tags(html) if t == "a" and class_name in (a.get("class") or "").split()]


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
    raw = '\n<script>alert(1)</script>\n\nH<sub>2</sub>O <img src="x.png" onerror="alert(1)">\n'
    episode.write_text(episode.read_text() + raw)
    html = read(built(minimal_site), "show/2/index.html")
    assert "<script>alert(1)" not in html
    assert "onerror" not in html
    assert "H<sub>2</sub>O" in html


def test_episode_page_has_what_a_listener_expects(minimal_site: Path) -> None:
    html = read(built(minimal_site), "show/1/index.html")
    assert texts(html, "episode-kicker") == ["The Show – Episode #1"]
    assert texts(html, "episode-subtitle") == ["with Gus Guest of Acme and University of Somewhere"]
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
    # The episode navigation, not the site's menu nor <link rel="next">, links the newer one and the show.
    episode_nav = re.search(r'<nav class="episode-nav.*?</nav>', html, re.DOTALL)
    assert episode_nav, "no episode navigation"
    assert 'href="/show/2/"' in episode_nav.group(0) and "The second one" in episode_nav.group(0)
    assert texts(episode_nav.group(0), "episode-nav-all") == ["All episodes of The Show"]


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


def test_site_nav_lists_the_shows_until_there_are_more_than_nav_shows(minimal_site: Path) -> None:
    nav = re.compile(r'<nav class="site-nav".*?</nav>', re.DOTALL)
    for n in range(4):  # five shows: the default nav_shows
        (minimal_site / "shows" / f"extra-{n}.yaml").write_text(f"name: Extra {n}\n", encoding="utf-8")
    out = built(minimal_site)
    found = nav.search(read(out, "index.html"))
    assert found, "no site navigation"
    assert ">The Show</a>" in found.group(0) and ">Extra 3</a>" in found.group(0)
    assert "/shows/" not in found.group(0) and not (out / "shows").exists()
    (minimal_site / "shows" / "extra-4.yaml").write_text("name: Extra 4\n", encoding="utf-8")
    out = built(minimal_site)
    found = nav.search(read(out, "show/1/index.html"))
    assert found, "no site navigation"
    html = found.group(0)
    assert ">The Show</a>" not in html and ">Extra 3</a>" not in html
    assert '<a href="/shows/" aria-current="true">Shows</a>' in html  # on a page of one of the shows
    shows = read(out, "shows/index.html")
    assert '<a href="/shows/" aria-current="page">Shows</a>' in shows
    assert re.findall(r'<h2><a href="([^"]+)">', shows) == [
        "/extra-0/", "/extra-1/", "/extra-2/", "/extra-3/", "/extra-4/", "/show/"]
    assert texts(shows, "show-card-latest") == ["Latest: The second one · February 5, 2024"]


def test_no_asset_comes_from_another_host(example_site: Path) -> None:
    out = built(example_site)
    site = build(example_site, None).site
    assert site is not None
    # Media that the content itself names by URL is the author's choice: the example's artwork and audio are
    # Changelog's. Nothing else may come from another host.
    named = {s.artwork.url for s in site.shows if s.artwork is not None}
    named |= {e.audio.url for e in site.episodes if e.audio is not None}
    assert len(named) == 17
    loaded: set[str] = set()
    for page in out.rglob("*.html"):
        for tag, attrs in tags(page.read_text(encoding="utf-8")):
            if tag in ("script", "img", "audio", "source", "iframe") or (
                    tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload")):
                source = attrs.get("src") or attrs.get("href") or ""
                if source in named:
                    continue
                assert not re.match(r"^(https?:)?//", source), f"{page}: {tag} loads {source}"
                loaded.add(source)
    assert {"/assets/podsite.css", "/assets/podsite.js"} <= loaded  # what was checked includes the theme's
    css = read(out, "assets/podsite.css")
    assert "@import" not in css and "url(http" not in css and "@font-face" not in css


def test_transcript_paragraphs_have_unique_anchors_and_times(minimal_site: Path) -> None:
    html = read(built(minimal_site), "show/1/index.html")
    paragraphs = [a for t, a in tags(html) if t == "div" and "para" in (a.get("class") or "").split()]
    assert len(paragraphs) == 4
    anchors = [a["id"] or "" for a in paragraphs]
    assert len(set(anchors)) == 4
    times = [a for t, a in tags(html) if t == "a" and "para-time" in (a.get("class") or "")]
    assert [float(a["data-t"] or "nan") for a in times][1:3] == [30.0, 300.0]
    assert [a["href"] for a in times] == ["#" + anchor for anchor in anchors]


def test_drafts_are_left_out_unless_asked_for_and_then_marked(minimal_site: Path) -> None:
    episode = minimal_site / "episodes" / "show" / "2" / "episode.md"
    episode.write_text(episode.read_text().replace("published:", "draft: true\npublished:"))
    out = built(minimal_site)
    assert not (out / "show" / "2").exists()
    assert texts(read(out, "show/index.html"), "episode-item-title") == ["The first one"]
    out = built(minimal_site, drafts=True)
    assert texts(read(out, "show/2/index.html"), "badge-draft") == ["Draft"]
    assert texts(read(out, "show/index.html"), "episode-item-title") == ["The second one", "The first one"]


def test_person_pages_list_each_episode_with_the_role_in_it_and_sponsor_pages_theirs(minimal_site: Path) -> None:
    out = built(minimal_site)
    guest = read(out, "people/gus-guest/index.html")
    assert texts(guest, "episode-item-title") == ["The first one"]
    assert texts(guest, "badge-role") == ["Guest"]
    assert 'href="/show/1/"' in guest
    host = read(out, "people/hana-host/index.html")
    assert texts(host, "episode-item-title") == ["The second one", "The first one"]
    assert texts(host, "badge-role") == ["Host", "Host"]
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


def test_a_theme_of_the_sites_own_themes_folder_wins_over_podsites_of_the_same_name(minimal_site: Path) -> None:
    own = minimal_site / "themes" / "default"
    shutil.copytree(REPO / "themes" / "default", own)
    base = own / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("<body", '<body data-theme="the site\'s own"'),
                    encoding="utf-8")
    (own / "static" / "podsite.css").write_text("body { color: teal; }\n", encoding="utf-8")
    out = built(minimal_site)
    assert any(t == "body" and a.get("data-theme") == "the site's own" for t, a in tags(read(out, "index.html")))
    assert read(out, "assets/podsite.css") == "body { color: teal; }\n"


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


def test_example_episode_page_has_its_title_guest_date_sponsors_edit_links_and_transcript(example_site: Path) -> None:
    out = built(example_site)
    html = read(out, "practicalai/36/index.html")
    assert "Growing up to become a world-class AI expert" in html
    assert texts(html, "episode-subtitle") == ["with Anima Anandkumar of NVIDIA and Caltech"]
    assert '<time datetime="2019-03-19"' in html
    assert texts(html, "sponsor-spot-name") == ["DigitalOcean", "DataEngPodcast", "Rollbar", "Fastly"]
    assert links(html, "edit-link") == [
        "https://github.com/thechangelog/show-notes/blob/master/practicalai/practical-ai-36.md",
        "https://github.com/thechangelog/transcripts/blob/master/practicalai/practical-ai-36.md",
    ]
    assert "This transcript is licensed under CC BY-SA 4.0." in texts(html, "license")
    assert "I think my earliest memories are either me solving some puzzles" in html


def test_a_transcript_is_called_open_source_only_where_the_site_licenses_it(minimal_site: Path) -> None:
    # An edit link alone may point into a private repository: only a licence makes the transcripts open.
    with (minimal_site / "shows" / "show.yaml").open("a", encoding="utf-8") as show:
        show.write("edit:\n  transcript: https://github.com/acme/private/blob/main/{number}.md\n")
    page = read(built(minimal_site), "show/1/index.html")
    assert "Our transcripts are open source on GitHub." in page
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").split("transcripts:")[0], encoding="utf-8")
    page = read(built(minimal_site), "show/1/index.html")
    assert "open source" not in page
    assert ('<a href="https://github.com/acme/private/blob/main/1.md" rel="noopener">Suggest a correction to this '
            "transcript.</a>") in page
