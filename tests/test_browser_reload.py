"""In a real browser on `podsite serve`: an edit reloads the open page at the same scroll position with the audio
going on at the same time; a broken edit shows its diagnostics over the page until the file is fixed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, play_locally, require_browser
from conftest import previewing, use_own_theme

from generator.preview.app import Preview

pytestmark = pytest.mark.slow

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--autoplay-policy=no-user-gesture-required"]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def preview(minimal_site: Path) -> Iterator[Preview]:
    """The minimal site with a local audio file and a transcript long enough to scroll, being previewed."""
    require_browser()
    use_own_theme(minimal_site)
    folder = minimal_site / "episodes/show/1"
    play_locally(folder, seconds=300)
    (folder / "transcript.md").write_text("\n\n".join(
        f"**Hana Host:** \\[{minute:02d}:00\\] Paragraph {minute} of a long conversation. " + "More words. " * 40
        for minute in range(1, 60)) + "\n", encoding="utf-8")
    with previewing(minimal_site) as running:
        yield running


@pytest.fixture
def page() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1000, "height": 700})
        finally:
            browser.close()


def test_an_edit_reloads_the_open_page_at_the_same_scroll_position_and_audio_time(preview: Preview, page: Any) -> None:
    page.goto(preview.url + "show/1/")
    page.evaluate("window.scrollTo(0, 2400)")
    page.evaluate("() => { const a = document.getElementById('player'); a.currentTime = 30; return a.play(); }")
    page.wait_for_function("document.getElementById('player').currentTime > 30.2")
    scrolled = page.evaluate("window.scrollY")
    assert scrolled == 2400
    page.evaluate("window.beforeTheEdit = true")  # a new page will not have it

    replace(preview.builder.site_dir / "episodes/show/1/transcript.md", "Paragraph 2 of", "Paragraph two of")

    page.wait_for_function("window.beforeTheEdit === undefined && document.readyState === 'complete'",
                           timeout=15_000)
    assert "Paragraph two of" in page.content()
    page.wait_for_function(f"Math.abs(window.scrollY - {scrolled}) < 2", timeout=5_000)
    page.wait_for_function("!document.getElementById('player').paused", timeout=5_000)
    assert page.evaluate("document.getElementById('player').currentTime") >= 30


def test_a_broken_edit_shows_the_diagnostics_over_the_page_until_fixed(preview: Preview, page: Any) -> None:
    page.goto(preview.url + "show/1/")
    episode = preview.builder.site_dir / "episodes/show/1/episode.md"
    replace(episode, "guests: [gus-guest]", "guests: [gus-gust]")

    overlay = page.locator("#podsite-overlay")
    overlay.locator(".message").wait_for(timeout=15_000)  # Playwright's selectors pierce the shadow root
    # the audio is two lines shorter
    assert overlay.locator(".where").inner_text() == "content/episodes/show/1/episode.md:6: "
    assert overlay.locator(".message").inner_text() == "no person 'gus-gust' (in 'guests')"
    assert "Gus Guest" in page.locator("main").inner_text()  # the last good page is still there

    page.goto(preview.url + "show/")  # a page opened while the build is broken shows it too
    page.locator("#podsite-overlay .message").wait_for(timeout=5_000)

    replace(episode, "guests: [gus-gust]", "guests: [gus-guest]")
    page.locator("#podsite-overlay").wait_for(state="detached", timeout=15_000)
