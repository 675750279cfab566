"""In a real browser on `podsite serve`: the Subscribe block is on the home, show and episode pages, its app links
go where the show file says, and Copy puts the feed's address on the clipboard and says so. Without JavaScript
the address is still a link and text to select."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import require_browser
from conftest import previewing

from generator.preview.app import Preview

pytestmark = pytest.mark.slow

APPS = {
    "Apple Podcasts": "https://podcasts.apple.com/us/podcast/the-show/id1406537385",
    "Spotify": "https://open.spotify.com/show/2FBi3sTwHsBkTJfOvrbxdP",
    "Castro": "https://castro.fm/podcast/the-show",
}
PAGES = ("", "show/", "show/1/")


@pytest.fixture
def preview(minimal_site: Path) -> Iterator[Preview]:
    require_browser()
    show = minimal_site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8") + f"""subscribe:
  apple_podcasts: {APPS["Apple Podcasts"]}
  spotify: {APPS["Spotify"]}
  other:
    - {{label: Castro, url: "{APPS["Castro"]}"}}
""", encoding="utf-8")
    with previewing(minimal_site) as running:
        yield running


def feed_url(preview: Preview) -> str:
    return preview.url + "show/feed.xml"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_block_is_visible_on_home_show_and_episode_pages_and_each_app_link_goes_where_the_show_file_says(
        preview: Preview, browser: Any, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.set_default_timeout(10_000)
    # The apps' sites are not reached: each answers here with a page naming the URL the browser asked for.
    page.route("https://**/*", lambda route: route.fulfill(
        content_type="text/html", body=f"<title>outside</title><p id=asked>{route.request.url}</p>"))
    for path in PAGES:
        page.goto(preview.url + path)
        block = page.locator("section.subscribe")
        assert block.count() == 1, path
        heading = block.get_by_role("heading", name="Subscribe to The Show")
        heading.scroll_into_view_if_needed()
        assert heading.is_visible(), path
        apps = block.get_by_role("list", name="The Show in listening apps").get_by_role("link")
        assert apps.all_inner_texts() == list(APPS), path
        field = block.get_by_role("textbox", name="RSS feed address of The Show")
        assert field.is_visible() and field.is_editable() is False and field.input_value() == feed_url(preview)
        box, page_width = field.bounding_box(), page.evaluate("document.documentElement.clientWidth")
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page_width, (path, box)
        for name, url in APPS.items():
            page.goto(preview.url + path)
            page.locator("section.subscribe").get_by_role("link", name=name, exact=True).click()
            page.wait_for_url(url)
            assert page.locator("#asked").inner_text() == url
    page.close()


def test_copy_puts_the_feed_address_on_the_clipboard_and_says_so(preview: Preview, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=preview.url.rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(10_000)
    for path in PAGES:
        page.goto(preview.url + path)
        page.evaluate("navigator.clipboard.writeText('something else')")
        assert page.evaluate("navigator.clipboard.readText()") == "something else"
        status = page.locator("section.subscribe [role=status]")
        assert not status.is_visible()  # nothing to confirm yet
        page.locator("section.subscribe").get_by_role("button", name="Copy the RSS feed address").click()
        page.wait_for_function("document.querySelector('section.subscribe [role=status]').textContent !== ''")
        assert status.is_visible() and status.inner_text() == "Copied: paste it into your podcast app"
        assert page.evaluate("navigator.clipboard.readText()") == feed_url(preview), path
    context.close()


def test_without_javascript_the_address_is_a_link_and_text_to_select(preview: Preview, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(preview.url + "show/")
    block = page.locator("section.subscribe")
    assert block.get_by_role("button").count() == 0  # no Copy button that could not work
    link = block.get_by_role("link", name="RSS feed")
    assert link.is_visible() and link.get_attribute("href") == feed_url(preview)
    feed = page.request.get(feed_url(preview))
    assert feed.ok and b"<rss" in feed.body()
    field = block.get_by_role("textbox", name="RSS feed address of The Show")
    assert field.is_visible() and field.input_value() == feed_url(preview)
    field.select_text()
    selected = field.evaluate("f => f.value.slice(f.selectionStart, f.selectionEnd)")
    assert selected == feed_url(preview)
    context.close()
