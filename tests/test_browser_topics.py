"""In a real browser on `podsite serve`: a topic chip on an episode page leads to the topic's page, which lists
the episodes with that topic (newest first, paged) and leads on to them and to the topic index; with or without
JavaScript, at a desktop and a phone width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import require_browser
from conftest import previewing
from test_topics import EPISODE_1, EPISODE_2, add_third_episode, add_to_config, set_topics

from generator.preview.app import Preview

pytestmark = pytest.mark.slow


@pytest.fixture
def preview(minimal_site: Path) -> Iterator[Preview]:
    """The minimal site, two episodes a page, its episodes with topics, one of them on three episodes."""
    require_browser()
    add_to_config(minimal_site, "per_page: 2")
    set_topics(minimal_site, EPISODE_1, "topics: [Machine Learning, Ethics]")
    set_topics(minimal_site, EPISODE_2, "topics: [machine learning]")
    add_third_episode(minimal_site, "[Machine Learning, Robots]")
    with previewing(minimal_site) as running:
        yield running


def listed(page: Any) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("ol.episode-list .episode-item-title").all_inner_texts()]


@pytest.mark.parametrize(("width", "javascript"), [(1280, True), (390, True), (390, False)])
def test_a_chip_on_an_episode_page_leads_to_the_topic_page_which_lists_its_episodes(
        preview: Preview, browser: Any, width: int, javascript: bool) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(preview.url + "show/1/")
    chips = page.get_by_role("list", name="Topics")
    assert chips.get_by_role("link").all_inner_texts() == ["Machine Learning", "Ethics"]
    chip = chips.get_by_role("link", name="Machine Learning")
    chip.scroll_into_view_if_needed()
    assert chip.is_visible()
    chip.click()
    page.wait_for_url(preview.url + "topics/machine-learning/")
    assert page.get_by_role("heading", level=1).inner_text() == "Machine Learning"
    assert listed(page) == ["The third one", "The second one"]  # newest first, two a page
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Older").click()
    page.wait_for_url(preview.url + "topics/machine-learning/page/2/")
    assert listed(page) == ["The first one"]
    page.get_by_role("link", name="The first one").click()
    page.wait_for_url(preview.url + "show/1/")
    # From a topic page to the index, and from there to another topic.
    page.goto(preview.url + "topics/machine-learning/")
    page.get_by_role("link", name="Topics", exact=True).click()
    page.wait_for_url(preview.url + "topics/")
    index = page.locator("ul.topic-index > li")
    assert [" ".join(t.split()) for t in index.all_inner_texts()] == [
        "Ethics 1 episode", "Machine Learning 3 episodes", "Robots 1 episode"]
    page.get_by_role("link", name="Robots").click()
    page.wait_for_url(preview.url + "topics/robots/")
    assert listed(page) == ["The third one"]
    width_now = page.evaluate("document.documentElement.scrollWidth")
    assert width_now <= width, f"the topic page scrolls sideways at {width} px: {width_now}"
    context.close()
