"""In real Chromium on `podsite serve`: the transcript following along with the audio. One highlight, the
Follow toggle and the listener's own scrolling, clips shared from a text selection and opened from
#t=start,end, the "Play from" prompt where autoplay is refused, Skip transcript, and the times as one
keyboard widget (plain links without JavaScript)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, play_locally, require_browser
from conftest import copy_site, previewing

pytestmark = pytest.mark.slow

# Without --autoplay-policy=no-user-gesture-required: play() without a gesture is refused, as for a visitor.
STRICT_ARGS = [arg for arg in CHROMIUM_ARGS if not arg.startswith("--autoplay-policy")]
WORDS = "We keep talking about the subject of the episode at some length. " * 6


@pytest.fixture(scope="module")
def episode_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal site's first episode with a local 400 s WAV and a paragraph every 10 s for 6 minutes,
    two speakers taking turns: a transcript many screens long."""
    require_browser()
    site = copy_site(tmp_path_factory.mktemp("transcript"))
    folder = site / "episodes/show/1"
    play_locally(folder, seconds=400)
    (folder / "transcript.md").write_text("\n\n".join(
        f"**{'Hana Host' if n % 2 == 0 else 'Gus'}:** \\[{n * 10 // 60:02d}:{n * 10 % 60:02d}\\] "
        f"Paragraph {n}. {WORDS}" for n in range(36)) + "\n", encoding="utf-8")
    with previewing(site) as running:
        yield running.url + "show/1/"


def launch(playwright: Any, args: list[str]) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright: Any) -> Iterator[Any]:
    running = launch(playwright, CHROMIUM_ARGS)
    yield running
    running.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.set_default_timeout(10000)
    yield context.new_page()
    context.close()


def ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function("document.getElementById('player').readyState >= 1")


def seek_to(page: Any, seconds: float) -> None:
    """Playback moves on: the player's position is set, as the audio's own progress would."""
    page.evaluate(f"document.getElementById('player').currentTime = {seconds}")


def wait_current(page: Any, anchor: str) -> None:
    page.wait_for_function(f"document.getElementById('{anchor}').getAttribute('aria-current') === 'true'")


HIGHLIGHTED = """() => [...document.querySelectorAll('.para')]
    .filter(p => !['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(p).backgroundColor))
    .map(p => p.id)"""


def highlighted(page: Any) -> list[str]:
    """The paragraphs that show a tinted background (what reads as "highlighted"), once their colours have
    finished changing."""
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
    return list(page.evaluate(HIGHLIGHTED))


def in_view(page: Any, anchor: str) -> bool:
    return bool(page.evaluate(f"""() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }}"""))


def wait_in_view(page: Any, anchor: str) -> None:
    page.wait_for_function(f"""() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }}""")


def wait_scroll_still(page: Any) -> float:
    """Waits until the page has not scrolled for a few frames; returns where it stands."""
    return float(page.evaluate("""() => new Promise(resolve => {
        let last = window.scrollY, still = 0;
        const frame = () => {
            still = window.scrollY === last ? still + 1 : 0;
            last = window.scrollY;
            if (still >= 10) resolve(last); else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
    })"""))


def test_one_highlight_after_a_click_then_playback_elsewhere(page: Any, episode_url: str) -> None:
    ready(page, episode_url)
    page.locator("#t-00-30 .para-time").click()
    wait_current(page, "t-00-30")
    assert highlighted(page) == ["t-00-30"]
    seek_to(page, 200)
    wait_current(page, "t-03-20")
    assert highlighted(page) == ["t-03-20"]
    # a paragraph link (a person page's "first speaks at") cues the audio: the same one highlight
    page.goto("about:blank")
    ready(page, episode_url + "#t-01-00")
    wait_current(page, "t-01-00")
    assert highlighted(page) == ["t-01-00"]
    seek_to(page, 250)
    wait_current(page, "t-04-10")
    assert highlighted(page) == ["t-04-10"]



@pytest.fixture(scope="module")
def same_time_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An episode whose second and third paragraphs start at the same time, as estimated times often do."""
    require_browser()
    site = copy_site(tmp_path_factory.mktemp("same-time"))
    folder = site / "episodes/show/1"
    play_locally(folder, seconds=120)
    (folder / "transcript.md").write_text(
        f"**Hana Host:** \\[00:00\\] First. {WORDS}\n\n**Gus:** \\[00:30\\] Second. {WORDS}\n\n"
        f"**Hana Host:** \\[00:30\\] Third, at the same time. {WORDS}\n\n**Gus:** \\[01:00\\] Fourth. {WORDS}\n",
        encoding="utf-8")
    with previewing(site) as running:
        yield running.url + "show/1/"


def test_of_two_paragraphs_at_one_time_the_one_chosen_stays_the_highlight(page: Any, same_time_url: str) -> None:
    ready(page, same_time_url)
    times = page.locator(".transcript-body .para-time")
    ids = page.eval_on_selector_all(".transcript-body .para", "ps => ps.map(p => p.id)")
    assert len(ids) == 4
    times.nth(1).click()  # the second paragraph; the third starts at the same time
    wait_current(page, ids[1])
    page.wait_for_function("document.getElementById('player').currentTime > 30.5")  # playing on past it
    assert highlighted(page) == [ids[1]]
    seek_to(page, 61)  # the positive control: playback does move the highlight on
    wait_current(page, ids[3])
    assert highlighted(page) == [ids[3]]

def test_follow_keeps_now_in_view_stops_when_the_listener_scrolls_and_comes_back_on_one_click(
        page: Any, episode_url: str) -> None:
    ready(page, episode_url)
    toggle = page.get_by_role("button", name="Follow along")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    # as the audio plays into the next paragraph, it is brought into view
    seek_to(page, 297)
    page.evaluate("document.getElementById('player').play()")
    wait_current(page, "t-05-00")
    wait_in_view(page, "t-05-00")
    page.evaluate("document.getElementById('player').pause()")

    # the listener scrolls with the wheel: follow stops, and "Back to now" is offered
    page.mouse.move(500, 400)
    page.mouse.wheel(0, -3000)
    page.wait_for_function("window.scrollY > 0 && !document.querySelector('.follow-back').hidden")
    assert toggle.get_attribute("aria-pressed") == "false"
    before = wait_scroll_still(page)
    seek_to(page, 330)
    wait_current(page, "t-05-30")
    assert wait_scroll_still(page) == before and not in_view(page, "t-05-30")

    # one click comes back, and following goes on from there
    page.get_by_role("button", name="Back to now").click()
    wait_in_view(page, "t-05-30")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator(".follow-back").is_hidden()
    seek_to(page, 10)
    wait_in_view(page, "t-00-10")

    # a keyboard scroll stops it too; the toggle brings it back
    page.keyboard.press("PageDown")
    page.wait_for_function("!document.querySelector('.follow-back').hidden")
    before = wait_scroll_still(page)
    seek_to(page, 340)
    wait_current(page, "t-05-40")
    assert wait_scroll_still(page) == before and not in_view(page, "t-05-40")
    toggle.click()
    wait_in_view(page, "t-05-40")


def scroll_positions_of_a_follow(browser: Any, url: str, reduced_motion: str) -> list[float]:
    """Every scroll position the page passes through when following brings a far paragraph into view."""
    context = browser.new_context(viewport={"width": 1000, "height": 700}, reduced_motion=reduced_motion)
    page = context.new_page()
    ready(page, url)
    page.get_by_role("button", name="Follow along").click()
    page.evaluate("window.positions = []; addEventListener('scroll', () => positions.push(scrollY))")
    seek_to(page, 300)
    wait_in_view(page, "t-05-00")
    wait_scroll_still(page)
    positions = [float(y) for y in page.evaluate("positions")]
    context.close()
    return positions


def test_under_reduced_motion_following_scrolls_at_once(browser: Any, episode_url: str) -> None:
    assert len(set(scroll_positions_of_a_follow(browser, episode_url, "reduce"))) == 1
    # the same follow without the preference glides through many positions
    assert len(set(scroll_positions_of_a_follow(browser, episode_url, "no-preference"))) > 3


def test_selecting_text_offers_a_clip_link_with_start_and_end(browser: Any, episode_url: str) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=episode_url.split("/show/")[0])
    context.set_default_timeout(10000)
    page = context.new_page()
    ready(page, episode_url)
    assert page.locator(".clip-share").count() == 0
    page.evaluate("document.getElementById('t-00-30').scrollIntoView({block: 'start', behavior: 'instant'})")
    start = page.locator("#t-00-30 .para-body p").bounding_box()
    end = page.locator("#t-00-50 .para-body p").bounding_box()
    page.mouse.move(start["x"] + 30, start["y"] + 8)
    page.mouse.down()
    page.mouse.move(end["x"] + 60, end["y"] + 8, steps=8)
    page.mouse.up()
    button = page.get_by_role("button", name="Share clip 0:30\u20131:00")
    button.wait_for()
    button.click()
    page.get_by_text("Link copied: 0:30 to 1:00").wait_for()
    shown = page.get_by_role("textbox", name="Link to the clip").input_value()
    assert shown == episode_url + "#t=30,60"
    assert page.evaluate("navigator.clipboard.readText()") == shown
    # clicking elsewhere, which ends the selection, puts the control away
    page.mouse.click(5, 5)
    page.wait_for_function("document.querySelector('.clip-share').hidden")
    context.close()


def test_a_clip_link_highlights_its_paragraphs_plays_them_and_pauses_at_the_end(page: Any, episode_url: str) -> None:
    page.goto(episode_url + "#t=58,63")
    page.wait_for_function("!document.getElementById('player').paused")
    ruled = page.evaluate("""() => {
        const plain = getComputedStyle(document.getElementById('t-02-00')).borderLeftColor;
        return [...document.querySelectorAll('.para')]
            .filter(p => getComputedStyle(p).borderLeftColor !== plain).map(p => p.id); }""")
    assert ruled == ["t-00-50", "t-01-00"]
    wait_in_view(page, "t-00-50")
    page.wait_for_function("document.getElementById('player').paused", timeout=15000)
    stopped = float(page.evaluate("document.getElementById('player').currentTime"))
    assert 63 <= stopped < 63.5
    wait_current(page, "t-01-00")


def test_a_t_link_that_cannot_autoplay_offers_play_from_there(playwright: Any, episode_url: str) -> None:
    strict = launch(playwright, STRICT_ARGS)
    try:
        page = strict.new_page()
        page.set_default_timeout(10000)
        page.goto(episode_url + "#t=90")
        prompt = page.get_by_role("button", name="Play from 1:30")
        prompt.wait_for()
        assert page.evaluate("document.getElementById('player').paused")
        prompt.click()
        page.wait_for_function("!document.getElementById('player').paused")
        assert 90 <= float(page.evaluate("document.getElementById('player').currentTime")) < 92
        assert prompt.is_hidden()
    finally:
        strict.close()


def test_skip_transcript_moves_focus_past_it(page: Any, episode_url: str) -> None:
    ready(page, episode_url)
    skip = page.get_by_role("link", name="Skip transcript")
    skip.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'transcript-end'")
    page.keyboard.press("Tab")
    after = page.evaluate("""() => {
        const e = document.activeElement, body = document.querySelector('.transcript-body');
        return { inside: body.contains(e), text: e.textContent,
                 after: !!(body.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) }; }""")
    assert after["after"] and not after["inside"], after


def test_the_times_are_one_tab_stop_and_arrow_keys_move_between_them(page: Any, episode_url: str) -> None:
    ready(page, episode_url)
    page.get_by_role("button", name="Follow along").focus()  # the transcript's tools come before its times
    page.keyboard.press("Tab")
    focused = "document.activeElement.closest('.para') && document.activeElement.closest('.para').id"
    first = "t-00-00"
    assert page.evaluate(focused) == first
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent")
    assert "Up and Down arrows" in described
    # the next Tab leaves the transcript: 36 times (and 36 speakers) are not 72 stops
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('.transcript-body').contains(document.activeElement)") is False
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == first
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "t-00-10"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "t-00-10"
    page.keyboard.press("End")
    assert page.evaluate(focused) == "t-05-50"
    page.keyboard.press("Home")
    assert page.evaluate(focused) == first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.getElementById('player').paused")
    assert 10 <= float(page.evaluate("document.getElementById('player').currentTime")) < 12
    # the stop stays where the listener left it
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == "t-00-10"


def test_without_javascript_every_time_is_a_plain_link_to_its_paragraph(browser: Any, episode_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(episode_url)
    links = page.locator(".transcript-body .para-time")
    assert links.count() == 36
    assert page.locator(".transcript-body [tabindex]").count() == 0
    for index in (0, 35):
        assert links.nth(index).get_attribute("href") == "#" + str(links.nth(index).evaluate("a => a.parentNode.id"))
    link = page.locator("#t-03-00 .para-time")
    link.click()
    assert page.url.endswith("#t-03-00")
    assert page.get_by_role("button", name="Follow along").count() == 0
    page.get_by_role("link", name="Skip transcript").click()
    assert page.url.endswith("#transcript-end")
    context.close()
