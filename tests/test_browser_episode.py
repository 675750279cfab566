"""In a real browser: a transcript time plays the audio from there, and a #t= link seeks on load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, play_locally, require_browser, serve_folder

from generator.engine import build

pytestmark = pytest.mark.slow


@pytest.fixture
def episode_url(minimal_site: Path, tmp_path: Path) -> Iterator[str]:
    folder = minimal_site / "episodes" / "show" / "1"
    play_locally(folder, seconds=400)
    out = tmp_path / "output"
    with serve_folder(out) as base:
        result = build(minimal_site, out, base_url=base)
        assert result.ok, result.diagnostics.report()
        yield base + "show/1/"


@pytest.fixture
def page():  # type: ignore[no-untyped-def]
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


def current_time(page) -> float:  # type: ignore[no-untyped-def]
    return float(page.evaluate("document.getElementById('player').currentTime"))


def test_clicking_a_transcript_time_seeks_the_audio_and_plays(page, episode_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(episode_url)
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    assert current_time(page) == 0
    page.locator(".para-time", has_text="05:00").first.click()  # the Break at 05:00
    page.wait_for_function("Math.abs(document.getElementById('player').currentTime - 300) < 2")
    page.wait_for_function("!document.getElementById('player').paused")
    assert "#t=" in page.url


def test_a_t_link_seeks_on_load(page, episode_url: str) -> None:  # type: ignore[no-untyped-def]
    for fragment, seconds in (("#t=0:30", 30), ("#t=274", 274)):
        page.goto("about:blank")
        page.goto(episode_url + fragment)
        page.wait_for_function(f"Math.abs(document.getElementById('player').currentTime - {seconds}) < 1")


def test_time_links_are_plain_anchors_without_javascript(episode_url: str) -> None:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(episode_url)
        link = page.locator(".para-time", has_text="05:00").first
        target = link.get_attribute("href")
        assert target and target.startswith("#")
        link.click()
        assert page.url.endswith(target)
        assert page.locator(target).count() == 1
        browser.close()
