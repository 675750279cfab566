"""In a real browser: an episode's embed page framed by a page on another origin (a second local server, as a
blog would be) plays the episode and links out to the full page, while the site's other pages refuse such a
frame; and the episode page's Share / Embed control copies the very iframe code its oEmbed document gives.

PODSITE_SCREENSHOTS=docs/img saves the framed player as docs/img/embed-in-iframe.png."""

from __future__ import annotations

import json
import os
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import play_locally, require_browser, serve_folder, write_png
from conftest import previewing

from generator.preview.app import Preview

pytestmark = pytest.mark.slow

EPISODE = "show/1/"
CHAPTERS = 'chapters:\n  - {start: 0, title: Hello}\n  - {start: "0:05", title: The guest}\n'


@pytest.fixture
def preview(minimal_site: Path) -> Iterator[Preview]:
    require_browser()
    folder = minimal_site / "episodes" / "show" / "1"
    play_locally(folder, seconds=30)
    text = (folder / "episode.md").read_text(encoding="utf-8")
    (folder / "episode.md").write_text(text.replace("sponsors: [acme]\n", "sponsors: [acme]\n" + CHAPTERS),
                                       encoding="utf-8")
    write_png(minimal_site / "cover.png", 300, 300)
    show = minimal_site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8") + "artwork: cover.png\n", encoding="utf-8")
    with previewing(minimal_site) as running:
        yield running


def oembed(preview: Preview) -> dict[str, Any]:
    with urllib.request.urlopen(preview.url + EPISODE + "oembed.json") as response:
        return dict(json.load(response))


@pytest.fixture
def host(preview: Preview, tmp_path: Path) -> Iterator[str]:
    """A blog on another origin (localhost, another port) whose post holds the episode's iframe code, as its
    oEmbed document gives it, and, for contrast, a frame of the episode's own page."""
    blog = tmp_path / "blog"
    blog.mkdir()
    code = oembed(preview)["html"]
    (blog / "index.html").write_text(f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A blog</title><style>body {{ font: 17px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto;
padding: 0 1rem; color: #222; }} iframe {{ display: block; margin: 1rem 0; }}</style></head><body>
<h1>A post about a podcast</h1><p>This week's episode is worth your time; play it right here:</p>
{code}
<p>More thoughts on it below.</p></body></html>""", encoding="utf-8")
    (blog / "page.html").write_text(f'<!doctype html><title>Framing the page</title><iframe id="page" '
                                    f'src="{preview.url}{EPISODE}" onload="window.done = true"></iframe>',
                                    encoding="utf-8")
    with serve_folder(blog) as base:
        yield base.replace("127.0.0.1", "localhost")


def embed_frame(page: Any) -> Any:
    """The embed's frame once its player is enhanced (the iframe loads lazily, after the host page)."""
    page.frame_locator("iframe").locator(".player.is-enhanced").wait_for()
    frame = page.frame(url=re.compile(r"/show/1/embed/$"))
    assert frame is not None, [f.url for f in page.frames]
    return frame


def test_the_embed_plays_in_a_frame_on_another_origin_and_its_transcript_link_opens_the_full_page(
        preview: Preview, host: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 800, "height": 600})
    page.set_default_timeout(10_000)
    page.goto(host)
    assert not page.url.startswith(preview.url)  # the blog's own origin
    frame = embed_frame(page)
    assert frame.get_by_role("heading", level=1).inner_text() == "The first one"
    assert frame.locator(".embed-show").inner_text().startswith("The Show")
    assert frame.locator("audio#player source").get_attribute("src") == f"/{EPISODE}audio.wav"
    assert frame.locator("img.embed-artwork").evaluate("image => image.naturalWidth") == 300
    frame.get_by_role("button", name="Play").click()
    frame.wait_for_function("document.getElementById('player').currentTime > 1")
    assert not frame.evaluate("document.getElementById('player').paused")

    if os.environ.get("PODSITE_SCREENSHOTS"):
        frame.evaluate("document.getElementById('player').pause()")
        page.screenshot(path=str(Path(os.environ["PODSITE_SCREENSHOTS"]) / "embed-in-iframe.png"),
                        clip={"x": 0, "y": 0, "width": 800, "height": 400})

    # A chapter's time plays from there, inside the frame.
    frame.get_by_text("Chapters (2)").click()
    frame.get_by_role("link", name="0:05").click()
    frame.wait_for_function("document.getElementById('player').currentTime >= 5")

    link = frame.get_by_role("link", name=re.compile("^Transcript"))
    assert link.get_attribute("target") == "_top"
    link.click()
    page.wait_for_url(preview.url + EPISODE + "#transcript")
    assert page.locator("#transcript").is_visible()


def test_another_origin_cannot_frame_the_episode_page(preview: Preview, host: str, browser: Any) -> None:
    """The contrast to the embed: the same browser, another of the site's pages, refused by its headers."""
    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.goto(host + "page.html")
    page.wait_for_function("window.done === true")  # the frame has had its answer, whatever it was
    (frame,) = page.main_frame.child_frames
    shown = frame.evaluate("document.querySelector('h1')?.textContent ?? ''")
    assert shown != "The first one" and not frame.url.startswith(preview.url), f"{frame.url} shows {shown!r}"
    own = browser.new_page()  # and the site itself may frame it
    own.goto(preview.url + "404.html")
    own.evaluate(f"document.body.innerHTML = '<iframe src=\"/{EPISODE}\"></iframe>'")
    own.wait_for_function("document.querySelector('iframe').contentDocument?.querySelector('h1') != null")


def test_share_copies_the_iframe_code_of_the_oembed_document_and_the_link_to_now(
        preview: Preview, browser: Any) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(preview.url + EPISODE)
    page.get_by_text("Share / Embed").click()

    page.get_by_role("button", name="Copy the embed code").click()
    assert page.locator(".share-status").filter(has_text="Embed code copied").is_visible()
    assert page.evaluate("navigator.clipboard.readText()") == oembed(preview)["html"]

    page.evaluate("document.getElementById('player').currentTime = 12")
    page.wait_for_function("document.getElementById('share-time').value.endsWith('#t=0:12')")
    page.get_by_role("button", name="Copy the link at the current time").click()
    assert page.evaluate("navigator.clipboard.readText()") == preview.url + EPISODE + "#t=0:12"
    page.get_by_role("button", name="Copy the link", exact=True).click()
    assert page.evaluate("navigator.clipboard.readText()") == preview.url + EPISODE
    context.close()


def test_without_javascript_the_share_box_still_gives_the_link_and_the_code(preview: Preview, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(preview.url + EPISODE)
    page.get_by_text("Share / Embed").click()
    assert page.get_by_label("Link", exact=True).input_value() == preview.url + EPISODE
    assert page.get_by_label("Embed code").input_value() == oembed(preview)["html"]
    assert page.get_by_role("button", name=re.compile("Copy")).count() == 0
    context.close()
