"""Embeds: each episode's embed page and oEmbed document, as a host and an oEmbed consumer read them; the
escaping of a hostile title in both; the framing rules of _headers and of the preview; and the output paths
that an episode's own files must not take."""

from __future__ import annotations

import http.client
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from browser import write_png
from conftest import previewing

from generator.engine import build
from generator.render.seo import frame_ancestors

BASE = "https://podcast.example/"
EPISODE_1 = "episodes/show/1"
HOSTILE = """"><img src=x onerror=alert(1)></iframe><script>alert(2)</script> & 'q' \\ end"""


def built(site: Path) -> Path:
    out = site.parent / "output"
    result = build(site, out)
    assert result.ok, result.diagnostics.report()
    return out


def oembed(out: Path, episode: str = "show/1/") -> dict[str, Any]:
    return dict(json.loads((out / episode / "oembed.json").read_text(encoding="utf-8")))


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each element named in `texts`."""

    def __init__(self, html: str, *texts: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, str] = dict.fromkeys(texts, "")
        self.inside: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.inside.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.inside:
            del self.inside[len(self.inside) - 1 - self.inside[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        for tag in self.texts:
            if tag in self.inside:
                self.texts[tag] += data

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags
                if name == tag and all(attrs.get(key.rstrip("_")) == value for key, value in wanted.items())]


def jpeg_header(path: Path, width: int, height: int) -> None:
    """The start of a baseline JPEG: its JFIF segment, then the frame header that gives its size."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    path.write_bytes(b"\xff\xd8" + app0 + sof0 + b"\xff\xd9")


def set_artwork(site: Path, value: str) -> None:
    show = site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8") + f"artwork: {value}\n", encoding="utf-8")


def edit_episode(site: Path, old: str, new: str) -> None:
    path = site / EPISODE_1 / "episode.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- what each episode gets ---------------------------------------------------------------------------------

def test_every_episode_has_an_embed_page_and_an_oembed_document(minimal_site: Path) -> None:
    out = built(minimal_site)
    for episode, title in (("show/1/", "The first one"), ("show/2/", "The second one")):
        page = Tags((out / episode / "embed/index.html").read_text(encoding="utf-8"), "h1", "title")
        assert page.texts["h1"].strip() == title
        data = oembed(out, episode)
        assert data["title"] == title
        assert f'src="{BASE}{episode}embed/"' in data["html"]


def test_the_oembed_document_is_an_oembed_1_rich_response(minimal_site: Path) -> None:
    out = built(minimal_site)
    data = oembed(out)
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    assert (data["provider_name"], data["provider_url"]) == ("Minimal", BASE)
    assert (data["author_name"], data["author_url"]) == ("The Show", BASE + "show/")
    frame = Tags(data["html"])
    assert [tag for tag, _ in frame.tags] == ["iframe"]
    attrs = frame.tags[0][1]
    assert attrs["src"] == BASE + "show/1/embed/"
    assert (attrs["width"], attrs["height"]) == (str(data["width"]), str(data["height"]))
    assert attrs["title"] == "Player: The first one (The Show)"
    # No artwork, so no thumbnail: the format wants its width and height whenever its URL is given.
    assert not {"thumbnail_url", "thumbnail_width", "thumbnail_height"} & data.keys()


def test_the_episode_page_points_oembed_consumers_to_its_document(minimal_site: Path) -> None:
    out = built(minimal_site)
    page = Tags((out / "show/1/index.html").read_text(encoding="utf-8"))
    links = page.find("link", rel="alternate", type="application/json+oembed")
    assert links == [{"rel": "alternate", "type": "application/json+oembed", "href": BASE + "show/1/oembed.json",
                      "title": "The first one"}]
    assert (out / urlsplit(str(links[0]["href"])).path.lstrip("/")).is_file()


def test_local_artwork_is_the_thumbnail_with_its_size(minimal_site: Path) -> None:
    (minimal_site / "art").mkdir()
    write_png(minimal_site / "art/cover.png", 48, 32)
    set_artwork(minimal_site, "art/cover.png")
    data = oembed(built(minimal_site))
    assert (data["thumbnail_url"], data["thumbnail_width"], data["thumbnail_height"]) == (
        BASE + "media/art/cover.png", 48, 32)


def test_a_jpeg_artwork_gives_its_size_and_a_remote_one_none(minimal_site: Path) -> None:
    jpeg_header(minimal_site / "cover.jpg", 1400, 1300)
    set_artwork(minimal_site, "cover.jpg")
    data = oembed(built(minimal_site))
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (1400, 1300)
    show = minimal_site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8").replace("artwork: cover.jpg", "artwork: https://images.example/a.jpg"),
                    encoding="utf-8")
    out = built(minimal_site)
    assert "thumbnail_url" not in oembed(out)
    # Nor does the embed page show it, nor hand it to the lock screen: nothing but the audio comes from elsewhere.
    assert "images.example" not in (out / "show/1/embed/index.html").read_text(encoding="utf-8")


# -- the embed page -------------------------------------------------------------------------------------------

def test_the_embed_page_is_kept_out_of_search_and_names_the_episode_page_as_canonical(minimal_site: Path) -> None:
    out = built(minimal_site)
    page = Tags((out / "show/1/embed/index.html").read_text(encoding="utf-8"))
    assert page.find("meta", name="robots") == [{"name": "robots", "content": "noindex"}]
    assert [attrs["href"] for attrs in page.find("link", rel="canonical")] == [BASE + "show/1/"]
    assert "embed" not in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_the_embed_page_is_safe_to_frame(minimal_site: Path) -> None:
    """Every link opens outside the frame, no form posts anywhere, and everything it loads but the audio
    is the site's own."""
    out = built(minimal_site)
    page = Tags((out / "show/1/embed/index.html").read_text(encoding="utf-8"))
    assert not page.find("form") and not page.find("iframe")
    for attrs in page.find("a"):
        href = str(attrs["href"])
        assert attrs.get("target") in ("_top", "_blank") or href.startswith("#"), attrs
    transcript = [attrs for attrs in page.find("a", target="_top") if str(attrs["href"]).endswith("#transcript")]
    assert [attrs["href"] for attrs in transcript] == ["/show/1/#transcript"]
    loaded = [attrs.get("src") or attrs.get("href") for tag, attrs in page.tags
              if tag in ("script", "img", "link", "source") and attrs.get("rel") != "canonical"
              and (tag != "script" or "src" in attrs)]
    assert loaded and all(str(src).startswith("/") or src == "https://cdn.example/1.mp3" for src in loaded), loaded


def test_a_site_template_replaces_the_embed_page(minimal_site: Path) -> None:
    (minimal_site / "templates").mkdir()
    (minimal_site / "templates/embed.html").write_text("<p>Our own player for {{ episode.title }}</p>\n",
                                                       encoding="utf-8")
    out = built(minimal_site)
    assert (out / "show/1/embed/index.html").read_text(encoding="utf-8") == "<p>Our own player for The first one</p>\n"


# -- a hostile title ------------------------------------------------------------------------------------------

def test_a_hostile_title_stays_text_in_the_oembed_document_the_embed_and_the_share_box(minimal_site: Path) -> None:
    yaml_title = "'" + HOSTILE.replace("'", "''") + "'"
    edit_episode(minimal_site, "title: The first one", f"title: {yaml_title}")
    out = built(minimal_site)
    raw = (out / "show/1/oembed.json").read_bytes()
    assert b"<" not in raw and b">" not in raw  # written as \u003c and \u003e: no browser can take it for markup
    data = oembed(out)
    assert data["title"] == HOSTILE
    frame = Tags(data["html"])
    assert [tag for tag, _ in frame.tags] == ["iframe"]  # one element: the title cannot close its attribute
    assert frame.tags[0][1]["title"] == f"Player: {HOSTILE} (The Show)"

    embed = Tags((out / "show/1/embed/index.html").read_text(encoding="utf-8"), "h1", "title")
    assert embed.texts["h1"].strip() == HOSTILE.strip()
    assert not embed.find("img", src="x") and len(embed.find("script")) == 2  # podsite.js and the player's data

    page = Tags((out / "show/1/index.html").read_text(encoding="utf-8"), "textarea")
    assert page.texts["textarea"] == data["html"]  # what a listener copies is the document's code, exactly
    assert page.find("link", rel="alternate", type="application/json+oembed")[0]["title"] == HOSTILE


# -- who may frame what -----------------------------------------------------------------------------------------

def header_rules(out: Path) -> list[tuple[str, list[str]]]:
    rules = []
    for block in (out / "_headers").read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#")]
        if lines:
            rules.append((lines[0], [line.strip() for line in lines[1:]]))
    return rules


def matches(pattern: str, path: str) -> bool:
    """A _headers pattern as Netlify and Cloudflare Pages read it: ':name' one segment, '*' anything."""
    regex = "".join("[^/]+" if part.startswith(":") else ".*" if part == "*" else re.escape(part)
                    for part in re.split(r"(:[a-z]+|\*)", pattern))
    return re.fullmatch(regex, path) is not None


def framing(rules: list[tuple[str, list[str]]], path: str, detach: bool) -> list[str]:
    """The Content-Security-Policy values a host sends for `path`: rules in order, each later value of a header
    replacing an earlier one (Netlify), or added to it unless a '! Name' line drops it first (Cloudflare)."""
    values: list[str] = []
    for pattern, lines in rules:
        if not matches(pattern, path):
            continue
        if detach and "! Content-Security-Policy" in lines:
            values.clear()
        for line in lines:
            name, _, value = line.partition(": ")
            if name == "Content-Security-Policy":
                values = [*values, value] if detach else [value]
    return values


PATHS = ("/", "/show/", "/show/1/", "/show/1/index.html", "/show/1/embed/", "/show/1/embed/index.html",
         "/people/gus-guest/", "/assets/podsite.js", "/show/1/oembed.json", "/404.html")


def test_headers_let_anyone_frame_the_embed_pages_and_only_the_site_frame_the_rest(minimal_site: Path) -> None:
    rules = header_rules(built(minimal_site))
    for path in PATHS:
        wanted = "frame-ancestors *" if "/embed/" in path else "frame-ancestors 'self'"
        for detach in (False, True):
            assert framing(rules, path, detach) == [wanted], (path, detach)
        assert frame_ancestors(path) == wanted, path  # what the preview sends
    assert not any(line.startswith("X-Frame-Options") for _, lines in rules for line in lines)
    oembed_rule = dict(rules)["/:show/:episode/oembed.json"]
    assert {"Content-Type: application/json; charset=utf-8", "Access-Control-Allow-Origin: *"} <= set(oembed_rule)


def ask(base: str, path: str) -> tuple[int, dict[str, str]]:
    split = urlsplit(base)
    conn = http.client.HTTPConnection(split.hostname or "", split.port, timeout=20)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        conn.close()


def test_the_preview_frames_as_the_host_will(minimal_site: Path) -> None:
    with previewing(minimal_site) as preview:
        for path in ("/show/1/embed/", "/show/1/", "/", "/assets/podsite.css", "/missing/"):
            status, headers = ask(preview.url, path)
            assert status in (200, 404), path
            assert headers["Content-Security-Policy"] == frame_ancestors(path), path
        assert ask(preview.url, "/show/1/embed/")[1]["Content-Security-Policy"] == "frame-ancestors *"
        assert ask(preview.url, "/show/1/")[1]["Content-Security-Policy"] == "frame-ancestors 'self'"


# -- output paths ------------------------------------------------------------------------------------------------

def audio_file(site: Path, name: str) -> None:
    target = site / EPISODE_1 / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"RIFF")
    edit_episode(site, "  url: https://cdn.example/1.mp3", f"  file: {name}\n  type: audio/mpeg")


def errors(site: Path) -> str:
    result = build(site, site.parent / "output")
    assert not result.ok
    return result.diagnostics.report()


def test_an_audio_file_cannot_take_the_oembed_documents_path(minimal_site: Path) -> None:
    audio_file(minimal_site, "oembed.json")
    assert "would both be /show/1/oembed.json" in errors(minimal_site)


def test_an_audio_file_cannot_take_the_embed_pages_path(minimal_site: Path) -> None:
    audio_file(minimal_site, "embed/index.html")
    report = errors(minimal_site)
    assert "the embed page of episode 'show/1'" in report and "would both be /show/1/embed/index.html" in report


def test_an_audio_file_named_embed_cannot_stand_where_the_embed_page_needs_a_folder(minimal_site: Path) -> None:
    audio_file(minimal_site, "embed")
    report = errors(minimal_site)
    assert ("the file 'show/1/embed' of episode 'show/1' would be the file /show/1/embed, where the embed page of "
            "episode 'show/1'") in report, report
    assert "needs a folder for /show/1/embed/index.html" in report and "hint: rename the file" in report
