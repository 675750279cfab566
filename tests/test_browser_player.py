"""In a real browser on `podsite serve`: the episode page's own player bar over the <audio> element. Play and
pause, skips, speed kept across pages, times, the seek bar and its chapter marks, the current chapter, resume,
the lock screen (Media Session), keyboard shortcuts, and one compact sticky bar whose real height keeps anchors
from landing under it. Without JavaScript the native player stays."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, chromium, play_locally, require_browser
from conftest import copy_site, previewing

pytestmark = pytest.mark.slow

LENGTH = 400  # seconds of audio in episode 1: 6:40
CHAPTERS = [(0, "Welcome to the show"), (100, "Growing up with maths"), (250, "Back again")]
AUDIO = "document.getElementById('player')"


def png(path: Path) -> None:
    """A 1x1 PNG, for the show's artwork."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\x0b\x6e\x4f"))
                     + chunk(b"IEND", b""))


def with_audio(folder: Path, seconds: int, extra: str = "") -> None:
    play_locally(folder, seconds)
    text = (folder / "episode.md").read_text(encoding="utf-8")
    (folder / "episode.md").write_text(text.replace("published:", f"{extra}published:", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Episode 1: a 400 s WAV, three chapters, a transcript long enough to scroll; episode 2: a 120 s WAV;
    the show has artwork."""
    require_browser()
    site = copy_site(tmp_path_factory.mktemp("player"))
    chapters = "".join(f"  - {{start: {start}, title: {title}}}\n" for start, title in CHAPTERS)
    with_audio(site / "episodes/show/1", LENGTH, extra=f"chapters:\n{chapters}")
    with_audio(site / "episodes/show/2", 120)
    (site / "episodes/show/1/transcript.md").write_text("\n\n".join(
        f"**Hana Host:** \\[{t // 60:02d}:{t % 60:02d}\\] Paragraph at {t} seconds. " + "More words. " * 40
        for t in range(0, LENGTH, 20)) + "\n", encoding="utf-8")
    (site / "art").mkdir()
    png(site / "art/show.png")
    with (site / "shows/show.yaml").open("a", encoding="utf-8") as show:
        show.write("artwork: art/show.png\n")
    with previewing(site) as running:
        yield running.url + "show/1/"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:  # one for the module: these tests are many, and each opens its own context
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh context (its own localStorage) at 1280x800."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def open_episode(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function(f"{AUDIO}.readyState >= 1")


def now(page: Any) -> float:
    return float(page.evaluate(f"{AUDIO}.currentTime"))


def wait_time(page: Any, seconds: float, within: float = 1.5) -> None:
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - {seconds}) < {within}")


def cue(page: Any, seconds: float) -> None:
    page.evaluate(f"{AUDIO}.currentTime = {seconds}")
    wait_time(page, seconds, 0.5)


def expect(locator: Any) -> Any:
    """Playwright's assertions, which wait for the page to catch up with the audio's events."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def bar_button(page: Any, name: str) -> Any:
    return page.locator(".player-bar").get_by_role("button", name=name, exact=True)


def test_the_bar_replaces_the_native_controls_and_plays_and_pauses(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    assert page.evaluate(f"{AUDIO}.controls") is False
    bar_button(page, "Play").click()
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 0.2")
    expect(bar_button(page, "Play")).to_have_count(0)
    bar_button(page, "Pause").click()
    page.wait_for_function(f"{AUDIO}.paused")
    expect(bar_button(page, "Play")).to_have_count(1)


def test_skip_back_15_and_forward_30(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    cue(page, 100)
    bar_button(page, "Forward 30 seconds").click()
    wait_time(page, 130, 0.5)
    bar_button(page, "Back 15 seconds").click()
    wait_time(page, 115, 0.5)
    bar_button(page, "Back 15 seconds").click()
    bar_button(page, "Back 15 seconds").click()
    wait_time(page, 85, 0.5)


def test_speed_is_kept_across_a_reload_and_another_episode(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    speed = page.get_by_label("Speed")
    assert speed.input_value() == "1"
    speed.select_option("1.5")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.5
    page.reload()
    page.wait_for_function(f"{AUDIO}.readyState >= 1")
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.5
    assert page.get_by_label("Speed").input_value() == "1.5"
    open_episode(page, site_url.replace("/1/", "/2/"))
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.5
    bar_button(page, "Play").click()
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.playbackRate === 1.5")


def test_elapsed_and_remaining_time(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    elapsed, remaining = page.locator(".pb-elapsed"), page.locator(".pb-remaining")
    expect(elapsed).to_have_text("0:00")
    expect(remaining).to_have_text("\u22126:40")
    cue(page, 100)
    expect(elapsed).to_have_text("1:40")
    expect(remaining).to_have_text("\u22125:00")


def test_the_seek_bar_moves_the_audio_and_shows_the_chapter_marks(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    seek = page.get_by_role("slider", name="Position")
    box = seek.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 300) < 10")
    assert "minutes" in seek.get_attribute("aria-valuetext") and "of 6 minutes 40 seconds" in seek.get_attribute(
        "aria-valuetext")
    seek.focus()
    page.keyboard.press("Home")
    wait_time(page, 0, 0.5)
    # A mark where each chapter after the first begins, at its place along the bar.
    marks = page.locator(".pb-mark")
    marks.nth(1).wait_for(state="attached")  # placed once the duration is known, which a loaded machine delays
    assert marks.count() == 2
    for mark, (start, _title) in zip(marks.all(), CHAPTERS[1:], strict=True):
        where = mark.bounding_box()
        assert abs((where["x"] - box["x"]) / box["width"] - start / LENGTH) < 0.03


def test_the_current_chapter_and_previous_next_chapter(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    title = page.locator(".pb-chapter")
    expect(title).to_have_text("Welcome to the show")
    bar_button(page, "Next chapter").click()
    wait_time(page, 100, 0.5)
    expect(title).to_have_text("Growing up with maths")
    bar_button(page, "Next chapter").click()
    wait_time(page, 250, 0.5)
    expect(title).to_have_text("Back again")
    expect(bar_button(page, "Next chapter")).to_have_attribute("aria-disabled", "true")
    bar_button(page, "Previous chapter").click()  # at a chapter's start: the one before
    wait_time(page, 100, 0.5)
    cue(page, 130)
    bar_button(page, "Previous chapter").click()  # inside a chapter: its start
    wait_time(page, 100, 0.5)
    expect(title).to_have_text("Growing up with maths")
    expect(page.get_by_role("status").filter(has_text="Chapter 2: Growing up with maths")).to_have_count(1)


def play_to(page: Any, seconds: float) -> None:
    """Plays from `seconds` for a moment, then pauses, as a listener would."""
    cue(page, seconds)
    bar_button(page, "Play").click()
    page.wait_for_function(f"{AUDIO}.currentTime > {seconds} + 0.3")
    bar_button(page, "Pause").click()
    page.wait_for_function(f"{AUDIO}.paused")


def test_resume_is_offered_after_a_reload_and_plays_from_there(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    assert page.get_by_role("button", name="Resume at").count() == 0  # nothing heard yet
    play_to(page, 150)
    page.reload()
    page.wait_for_function(f"{AUDIO}.readyState >= 1")
    assert now(page) == 0
    page.get_by_role("button", name="Resume at 2:30").click()
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime >= 150")
    assert page.get_by_role("button", name="Resume at").count() == 0


def test_resume_is_not_offered_for_a_finished_episode_nor_over_a_t_link(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    play_to(page, 150)
    open_episode(page, site_url)
    assert page.get_by_role("button", name="Resume at 2:30").count() == 1  # kept, and offered
    cue(page, LENGTH - 2)
    bar_button(page, "Play").click()
    page.wait_for_function(f"{AUDIO}.ended")
    open_episode(page, site_url)
    assert page.get_by_role("button", name="Resume at").count() == 0  # heard to the end


def test_a_t_link_wins_over_resume(browser: Any, site_url: str) -> None:
    # Under the browser's default autoplay policy, where a #t= link cannot start playing by itself.
    args = [arg for arg in CHROMIUM_ARGS if not arg.startswith("--autoplay-policy")]
    strict = browser.browser_type.launch(executable_path=CHROMIUM, args=args)
    context = strict.new_context()
    page = context.new_page()
    open_episode(page, site_url)
    play_to(page, 150)
    page.close()
    for fragment, offered, start in (("", 1, 0), ("#t=0:30", 0, 30)):
        page = context.new_page()  # a new tab, where nothing was clicked yet
        open_episode(page, site_url + fragment)
        wait_time(page, start, 0.5)
        assert page.evaluate(f"{AUDIO}.paused")
        assert page.get_by_role("button", name="Resume at 2:30").count() == offered, fragment
        page.close()
    strict.close()


# Records the handlers the page gives the Media Session, so that the test can call them as the lock screen does.
RECORD_HANDLERS = """
window.mediaHandlers = {};
const setActionHandler = MediaSession.prototype.setActionHandler;
MediaSession.prototype.setActionHandler = function (action, handler) {
  window.mediaHandlers[action] = handler;
  return setActionHandler.call(this, action, handler);
};
"""


def test_the_media_session_has_the_episode_and_its_handlers(page: Any, site_url: str) -> None:
    page.add_init_script(RECORD_HANDLERS)
    open_episode(page, site_url)
    metadata = page.evaluate("(({title, artist, album, artwork}) => ({title, artist, album, "
                             "artwork: artwork.map(a => a.src)}))(navigator.mediaSession.metadata)")
    assert metadata["title"] == "The first one" and metadata["artist"] == "The Show"
    assert metadata["album"] == "Welcome to the show"
    assert len(metadata["artwork"]) == 1 and metadata["artwork"][0].endswith("/show.png")
    handlers = page.evaluate("Object.keys(window.mediaHandlers).filter(k => window.mediaHandlers[k])")
    assert set(handlers) >= {"play", "pause", "seekbackward", "seekforward", "seekto", "previoustrack", "nexttrack"}

    page.evaluate("window.mediaHandlers.seekto({action: 'seekto', seekTime: 200})")
    wait_time(page, 200, 0.5)
    page.evaluate("window.mediaHandlers.seekforward({action: 'seekforward'})")
    wait_time(page, 230, 0.5)
    page.evaluate("window.mediaHandlers.seekbackward({action: 'seekbackward', seekOffset: 10})")
    wait_time(page, 220, 0.5)
    page.evaluate("window.mediaHandlers.nexttrack({action: 'nexttrack'})")
    wait_time(page, 250, 0.5)
    page.wait_for_function("navigator.mediaSession.metadata.album === 'Back again'")
    page.evaluate("window.mediaHandlers.previoustrack({action: 'previoustrack'})")
    wait_time(page, 100, 0.5)
    page.evaluate("window.mediaHandlers.play({action: 'play'})")
    page.wait_for_function(f"!{AUDIO}.paused")
    page.evaluate("window.mediaHandlers.pause({action: 'pause'})")
    page.wait_for_function(f"{AUDIO}.paused")
    open_episode(page, site_url.replace("/1/", "/2/"))  # no chapters: no chapter on the lock screen
    assert page.evaluate("navigator.mediaSession.metadata.title") == "The second one"
    assert page.evaluate("navigator.mediaSession.metadata.album") == ""


def test_k_and_space_toggle_play_and_the_keys_are_listed(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    help_line = page.locator(".player-keys")
    assert help_line.is_visible()
    for key in ("k", "Space", "j", "l", "<", ">"):
        assert help_line.locator("kbd", has_text=key).count() >= 1
    page.locator("body").click(position={"x": 5, "y": 300})  # focus on nothing in particular
    page.keyboard.press("k")
    page.wait_for_function(f"!{AUDIO}.paused")
    page.keyboard.press("k")
    page.wait_for_function(f"{AUDIO}.paused")
    scrolled = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    page.wait_for_function(f"!{AUDIO}.paused")
    assert page.evaluate("window.scrollY") == scrolled  # Space played instead of scrolling
    bar_button(page, "Forward 30 seconds").focus()  # on a button, Space presses the button
    at = now(page)
    page.keyboard.press(" ")
    page.wait_for_function(f"{AUDIO}.currentTime > {at} + 25")
    assert page.evaluate(f"{AUDIO}.paused") is False


def test_j_and_l_skip_back_and_forward(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    cue(page, 100)
    page.keyboard.press("l")
    wait_time(page, 130, 0.5)
    page.keyboard.press("j")
    wait_time(page, 115, 0.5)


def test_shift_less_than_and_greater_than_change_the_speed(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    page.keyboard.press(">")
    page.wait_for_function(f"{AUDIO}.playbackRate === 1.25")
    page.keyboard.press(">")
    page.wait_for_function(f"{AUDIO}.playbackRate === 1.5")
    expect(page.get_by_label("Speed")).to_have_value("1.5")
    for _ in range(5):
        page.keyboard.press("<")
    page.wait_for_function(f"{AUDIO}.playbackRate === 0.75")  # the slowest, and no further


# Fields a site's own template might add (a search box, a comment form).
FIELDS = """
document.querySelector('main').insertAdjacentHTML('afterbegin',
  '<input id="f-input"><textarea id="f-area"></textarea><div id="f-edit" contenteditable>x</div>');
"""


def test_shortcuts_never_fire_while_typing_or_with_a_modifier(page: Any, site_url: str) -> None:
    open_episode(page, site_url)
    page.evaluate(FIELDS)
    cue(page, 100)
    for field in ("#f-input", "#f-area", "#f-edit"):
        page.locator(field).click()
        page.keyboard.type("kjl> ")
        assert "kjl> " in page.locator(field).evaluate("f => (f.value ?? f.textContent).replace('\\u00a0', ' ')")
    page.locator("body").click(position={"x": 5, "y": 300})
    for chord in ("Alt+k", "Control+l", "Meta+j"):
        page.keyboard.press(chord)
    assert page.evaluate(f"[{AUDIO}.paused, {AUDIO}.currentTime, {AUDIO}.playbackRate]") == [True, 100, 1]
    page.keyboard.press("l")  # the same page, outside the fields and without a modifier: it acts
    wait_time(page, 130, 0.5)


def sticky_bar(page: Any) -> dict[str, float]:
    bar: dict[str, float] = page.evaluate("""(() => {
      const bar = document.querySelector('.player').getBoundingClientRect();
      const property = getComputedStyle(document.documentElement).getPropertyValue('--player-height');
      return {top: bar.top, bottom: bar.bottom, height: bar.height, property: parseFloat(property)};
    })()""")
    return bar


def test_on_a_phone_the_bar_is_one_compact_row_with_large_targets(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    open_episode(page, site_url)
    bar = sticky_bar(page)
    assert bar["height"] < 72  # the native player and its links took 144 px here
    controls = page.locator(".player-bar button, .player-bar input")
    boxes = [box for box in (c.bounding_box() for c in controls.all()) if box]
    assert len(boxes) == 6
    middles = [box["y"] + box["height"] / 2 for box in boxes]
    assert max(middles) - min(middles) < 4  # one row
    for box in boxes:
        assert box["height"] >= 24 and box["width"] >= 44
        assert bar["top"] <= box["y"] and box["y"] + box["height"] <= bar["bottom"]
    for control in page.locator(".player-bar button, .player-more select, .player-more button").all():
        box = control.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, control.evaluate("c => c.outerHTML")
    context.close()


@pytest.mark.parametrize(("width", "height", "zoom"), [(1280, 800, 1), (390, 844, 1), (640, 400, 2), (195, 422, 2)],
                         ids=["1280", "390", "1280-at-200%", "390-at-200%"])
def test_a_paragraph_anchor_lands_below_the_sticky_bar(browser: Any, site_url: str, width: int, height: int,
                                                       zoom: int) -> None:
    # 200% zoom is half as many CSS pixels on twice the device pixels per CSS pixel.
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=zoom,
                                  reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url)
    ids = page.evaluate("[...document.querySelectorAll('.para[id]')].map(p => p.id)")
    for arrive, target in (("load", ids[8]), ("link", ids[14])):
        if arrive == "load":
            page.goto("about:blank")
            page.goto(site_url + "#" + target)
        else:
            page.evaluate(f"location.hash = '#{target}'")
        page.wait_for_function(f"document.getElementById('{target}').getBoundingClientRect().top < innerHeight")
        bar = sticky_bar(page)
        assert abs(bar["property"] - bar["height"]) < 0.5
        assert bar["top"] == 0  # stuck at the top
        top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
        assert bar["bottom"] <= top <= bar["bottom"] + 40, (arrive, bar, top)
    context.close()


def test_without_javascript_the_native_player_stays(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    audio = page.locator("audio#player")
    assert audio.get_attribute("controls") is not None
    assert audio.bounding_box()["height"] > 20
    assert page.locator(".player-bar").count() == 0
    context.close()
