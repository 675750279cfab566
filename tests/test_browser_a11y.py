"""Accessibility in a real browser: axe-core's default rules over every page type, in light and dark, at a
desktop and a phone width, with zero violations allowed; and an episode page walked with the keyboard alone.

Run alone with `pytest -m slow tests/test_browser_a11y.py`. axe-core is the copy that the PyPI package
axe-playwright-python ships (the test extra installs it); PODSITE_AXE_JS may name another axe.min.js, for
example npm's axe-core, to try a newer release. It is injected from that file: nothing is loaded from
another host, and the pages may load nothing from one either (every such request fails the test).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, play_locally, require_browser, serve_folder, write_silence
from conftest import REPO, copy_site

from generator.engine import build

pytestmark = pytest.mark.slow

WIDTHS = {1280: 800, 390: 844}  # a desktop and a phone viewport, width: height
SCHEMES = ("light", "dark")

# Every kind of page the default theme makes, on one of the two test sites: the bundled example (with
# five episodes a page, so that the show has archive pages, the shows page behind the header's one Shows
# link, and search on: every page has the header's search box) and the minimal site (its header lists its
# show) with a local audio file.
PAGES: dict[str, tuple[str, str]] = {
    "home": ("example", ""),
    "show": ("example", "practicalai/"),
    "archive": ("example", "practicalai/page/2/"),
    "archive-by-year": ("example", "practicalai/archive/"),
    "shows": ("example", "shows/"),
    "episode-audio-transcript-chapters": ("minimal", "show/1/"),
    "episode-no-audio": ("minimal", "show/2/"),
    "embed": ("minimal", "show/1/embed/"),
    "episode-long-transcript": ("example", "practicalai/36/"),
    "person": ("example", "people/anima-anandkumar/"),
    "people": ("example", "people/"),
    "sponsor": ("example", "sponsors/digitalocean/"),
    "sponsors": ("example", "sponsors/"),
    "topics": ("example", "topics/"),
    "topic": ("example", "topics/healthcare/"),
    "404": ("example", "404.html"),
    "search": ("example", "search/?q=model&sort=date"),
}
# What a page shows only once its script has done its work, to wait for before axe runs: search results.
READY = {"search": "document.querySelectorAll('.search-hit mark').length > 0"}

CHAPTERS = """chapters:
  - {start: 0, title: Hello}
  - {start: "0:30", title: The guest}
  - {start: "4:50", title: After the break, url: https://example.org/break}
"""


@dataclass(frozen=True)
class Axe:
    """axe-core's script; shown by its version in test reports."""

    script: str = field(repr=False)
    version: str


def load_axe() -> Axe:
    """axe.min.js from PODSITE_AXE_JS, else the copy inside axe-playwright-python."""
    named = os.environ.get("PODSITE_AXE_JS")
    if named:
        path = Path(named)
    else:
        base = pytest.importorskip("axe_playwright_python.base",
                                   reason="axe-playwright-python is not installed (pip install -e '.[test]')")
        path = Path(base.AXE_FILE_PATH)
    script = path.read_text(encoding="utf-8")
    version = re.match(r"/\*! axe v(\S+)", script)
    return Axe(script, version.group(1) if version else f"unknown, from {path}")


def example_site(folder: Path) -> Path:
    site = folder / "content"
    shutil.copytree(REPO / "content", site)
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("per_page: 5\nnav_shows: 0\nsearch: true\n")
    # The example's artwork and audio are on Changelog's hosts, which this test refuses: here the show has no
    # artwork and each episode plays a local WAV.
    show = site / "shows" / "practicalai.yaml"
    show.write_text(re.sub(r"^artwork: .*\n", "", show.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    # The example has no topics (its sources name none): these make the topic pages, a few pages long.
    chosen = {"1": "[Deep learning, Healthcare]", "36": "[Healthcare, Tensors]"}
    for folder in (site / "episodes" / "practicalai").iterdir():
        topics = chosen.get(folder.name, "[Healthcare]")
        episode = folder / "episode.md"
        text = episode.read_text(encoding="utf-8").replace("---\n", f"---\ntopics: {topics}\n", 1)
        text, swapped = re.subn(r"  url: https://op3\.dev/\S+\n  type: audio/mpeg\n", "  file: audio.wav\n", text)
        assert swapped == 1, episode
        write_silence(folder / "audio.wav", seconds=60)
        episode.write_text(text, encoding="utf-8")
    return site


def minimal_site(folder: Path) -> Path:
    """The minimal site; its episode 1 plays a local WAV and has chapters, its episode 2 has no audio."""
    site = copy_site(folder)
    episode = site / "episodes" / "show" / "1"
    play_locally(episode, seconds=400)
    text = (episode / "episode.md").read_text()
    (episode / "episode.md").write_text(text.replace("sponsors: [acme]\n", "sponsors: [acme]\n" + CHAPTERS))
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Each test site built once and served on 127.0.0.1; yields the base URL of each by name."""
    with ExitStack() as stack:
        bases = {}
        for name, make in (("example", example_site), ("minimal", minimal_site)):
            site = make(tmp_path_factory.mktemp(name))
            out = site.parent / "output"
            base = stack.enter_context(serve_folder(out))
            result = build(site, out, base_url=base)
            assert result.ok, result.diagnostics.report()
            bases[name] = base
        yield bases


@dataclass
class Browsing:
    """The module's one page, and the requests it made to other hosts than 127.0.0.1 (refused)."""

    page: Any
    outside: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browsing() -> Iterator[Browsing]:
    """One Chromium and one page for the module."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(reduced_motion="reduce")
        browsing = Browsing(context.new_page())

        def refuse_outside(route: Any) -> None:
            url = route.request.url
            if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
                route.continue_()
            else:
                browsing.outside.append(url)
                route.abort()

        context.route("**/*", refuse_outside)
        yield browsing
        browser.close()


def open_page(browsing: Browsing, url: str, scheme: str, width: int) -> Any:
    """The page at that address, in that colour scheme and width, loaded from 127.0.0.1 alone."""
    page = browsing.page
    browsing.outside.clear()
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    response = page.goto(url)
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    page.wait_for_load_state("load")
    assert not browsing.outside, f"{url} asked other hosts for {browsing.outside}"
    return page


# An <audio> element's fallback content is only rendered by browsers without <audio>; axe's contrast checks
# stop with an error on it, and that error hides the other links that the same rule would have found.
AXE_RUN = "axe.run({exclude: [['audio > *']]}, {resultTypes: ['violations', 'incomplete']})"


def run_axe(page: Any, axe: Axe) -> list[dict[str, Any]]:
    """axe's default rule set over the page: its violations, and the checks that failed with an error
    (those checked nothing, so they count as failures too)."""
    page.evaluate(axe.script)
    results = page.evaluate(AXE_RUN)
    errors = [dict(result, nodes=broken) for result in results["incomplete"]
              if (broken := [node for node in result["nodes"] if "Axe encountered an error" in str(node)])]
    return list(results["violations"]) + errors


def describe(violations: list[dict[str, Any]]) -> str:
    """One paragraph a violation: id, impact, help and its URL, then each failing node's selector and why."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return load_axe()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_violation(browsing: Browsing, sites: dict[str, str], axe: Axe,
                                kind: str, scheme: str, width: int) -> None:
    site, path = PAGES[kind]
    url = sites[site] + path
    page = open_page(browsing, url, scheme, width)
    if kind in READY:
        page.wait_for_function(READY[kind], timeout=15000)
    violations = run_axe(page, axe)
    assert not violations, f"axe-core {axe.version} on {kind} ({url}), {scheme}, {width} px:\n{describe(violations)}"
    assert not browsing.outside, f"{url} asked other hosts for {browsing.outside}"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_in_what_opens(browsing: Browsing, sites: dict[str, str], axe: Axe,
                                             scheme: str, width: int) -> None:
    """What is closed when a page loads, opened: the episode page's Share / Embed box (with a Copy button's
    status line) and the embed page's chapters."""
    page = open_page(browsing, sites["minimal"] + "show/1/", scheme, width)
    page.locator("details.share > summary").click()
    page.get_by_role("button", name="Copy the embed code").click()
    page.locator(".share-status:not(:empty)").wait_for()
    violations = run_axe(page, axe)
    assert not violations, f"axe-core {axe.version}, open Share box, {scheme}, {width} px:\n{describe(violations)}"
    page = open_page(browsing, sites["minimal"] + "show/1/embed/", scheme, width)
    page.locator(".embed-chapters > summary").click()
    violations = run_axe(page, axe)
    assert not violations, f"axe-core {axe.version}, embed's chapters, {scheme}, {width} px:\n{describe(violations)}"


def test_axe_reports_a_violation_it_is_shown(browsing: Browsing, sites: dict[str, str], axe: Axe) -> None:
    """The positive control: a page with a known fault reports it, with what a developer needs to fix it."""
    page = open_page(browsing, sites["minimal"] + "show/2/", "light", 1280)
    page.evaluate("document.querySelector('.site-title').style.color = '#999'")
    report = describe(run_axe(page, axe))
    assert "color-contrast (serious): Elements must meet minimum color contrast ratio thresholds <https://" in report
    why = "Fix any of the following: Element has insufficient color contrast of 2.84 (foreground color: #999999"
    assert f"\n    .site-title: {why}" in report, report


# ---- Keyboard ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    """A place the keyboard must reach: what a listener would call it, and a selector that the focused
    element matches there."""

    name: str
    selector: str


# The episode page's stops that a keyboard user must meet, in this order, after "Skip to content" (other
# stops may come between them: people, notes' links, and so on). A new control goes in its place here.
TRANSCRIPT_TIMES = "#transcript .transcript-body :is(a.para-time, a.ts)"
EPISODE_STOPS = (
    Stop("the player's skip back", ".player button.pb-back"),
    Stop("the player's play button", ".player button.pb-play"),
    Stop("the player's skip forward", ".player button.pb-ahead"),
    Stop("the player's seek bar", ".player input.pb-seek"),
    Stop("the player's next chapter", ".player button.pb-next"),
    Stop("the player's speed", ".player-more select"),
    Stop("the player's download link", ".player-more a.player-download"),
    Stop("the Share / Embed control", "details.share > summary"),
    Stop("a chapter's start time", "#chapters a.chapter-time"),
    Stop("the Skip transcript link", "#transcript a.transcript-skip"),
    Stop("the Follow along toggle", "#transcript button.follow-toggle"),
    Stop("the transcript's times, one stop", TRANSCRIPT_TIMES),
)

# The focused element (the active one, or the host of a focused control inside it, such as the native
# player's buttons): its looks, where it is, and whether it is drawn on top there (2.4.11 Focus not obscured).
FOCUS_STATE = """(element) => {
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const room = 8;  // the outline and its offset are drawn outside the box
  const left = Math.max(rect.left - room, 0), right = Math.min(rect.right + room, innerWidth);
  const upper = Math.max(rect.top - room, 0), lower = Math.min(rect.bottom + room, innerHeight);
  return {
    tag: element.tagName.toLowerCase(),
    label: (element.getAttribute('aria-label') || element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
    outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' '),
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    outlineStyle: style.outlineStyle,
    outlineColor: style.outlineColor,
    boxShadow: style.boxShadow,
    background: style.backgroundColor,
    border: style.borderColor + ' ' + style.borderWidth,
    onTop: top !== null && (element === top || element.contains(top) || top.contains(element)),
    scroll: [scrollX, scrollY],
    clip: right > left && lower > upper ? {x: left, y: upper, width: right - left, height: lower - upper} : null,
  };
}"""

# The contrast of a colour against the background that the element is drawn on (WCAG relative luminance).
CONTRAST = """([element, colour]) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (value) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = '#000';
    context.fillStyle = value;
    context.fillRect(0, 0, 1, 1);
    return Array.from(context.getImageData(0, 0, 1, 1).data);
  };
  let background = [255, 255, 255, 255];
  for (let node = element.parentElement; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 200) { background = colour; break; }
  }
  const luminance = ([r, g, b]) => [r, g, b].map((c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [a, b] = [luminance(rgba(colour)), luminance(background)].sort((p, q) => q - p);
  return (a + 0.05) / (b + 0.05);
}"""


@dataclass
class Focused:
    """One Tab press: the element that has focus, how it looked, and what is wrong with seeing it."""

    element: Any = field(repr=False)
    state: dict[str, Any] = field(repr=False)
    picture: bytes = field(repr=False)  # the element and the room around it, as the screen showed it
    problems: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"<{self.state['tag']}> {self.state['label']!r}"


def picture(page: Any, state: dict[str, Any]) -> bytes:
    return bytes(page.screenshot(clip=state["clip"])) if state["clip"] else b""


def judge(page: Any, presses: list[Focused]) -> None:
    """Once focus has left an element: for each press that focused it, whether its focus could be seen. A
    focus outline must be at least 2 px wide and at 3:1 against the background; without one, anything else
    (a box-shadow, a background, the native player's own rings) counts when the element looks different."""
    element = presses[0].element
    unfocused = page.evaluate(FOCUS_STATE, element)
    now = page.evaluate("[scrollX, scrollY]")
    for press in presses:
        focused = press.state
        if focused["outlineStyle"] not in ("none", "hidden") and focused["outline"] != unfocused["outline"]:
            ratio = page.evaluate(CONTRAST, [element, focused["outlineColor"]])
            if ratio < 3 or focused["outlineWidth"] < 2:
                press.problems.append(f"its outline ({focused['outline']}) is under 2 px or under 3:1 against "
                                      f"the background ({ratio:.2f}:1)")
        else:
            page.evaluate("([x, y]) => scrollTo(x, y)", focused["scroll"])
            if press.picture == picture(page, focused):
                press.problems.append(f"it looks the same focused and not (outline {focused['outline']})")
        if not focused["onTop"]:
            press.problems.append("it is out of view or covered by something else")
    page.evaluate("([x, y]) => scrollTo(x, y)", now)


def tab_walk(page: Any, key: str = "Tab", limit: int = 400) -> list[Focused]:
    """Presses `key` (Tab or Shift+Tab) until focus leaves the page or comes back to where it began; each
    press, judged."""
    presses: list[Focused] = []
    same: list[Focused] = []  # the presses on the element that has focus now
    for _ in range(limit):
        page.keyboard.press(key)
        element = page.evaluate_handle("document.activeElement")
        if page.evaluate("(e) => e === null || e === document.body", element) or (
                presses and page.evaluate("([a, b]) => a === b", [element, presses[0].element])):
            break
        if same and not page.evaluate("([a, b]) => a === b", [element, same[0].element]):
            judge(page, same)
            same = []
        state = page.evaluate(FOCUS_STATE, element)
        same.append(Focused(element, state, picture(page, state)))
        presses.append(same[-1])
    else:
        pytest.fail(f"{key} never left the page in {limit} presses")
    if same:
        judge(page, same)
    return presses


def matches(page: Any, element: Any, selector: str) -> bool:
    return bool(page.evaluate("([e, s]) => e.matches(s)", [element, selector]))


def unseen(presses: list[Focused]) -> str:
    lines = [f"{press.name}: {'; '.join(press.problems)}" for press in presses if press.problems]
    if not lines:
        return ""
    head = f"in {len(presses)} presses of Tab, {len(lines)} focused something that could not be seen:"
    return "\n".join([head, *lines])


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_walk_of_an_episode_page(browsing: Browsing, sites: dict[str, str], scheme: str, width: int) -> None:
    url = sites["minimal"] + "show/1/"
    page = open_page(browsing, url, scheme, width)
    page.wait_for_function("document.getElementById('player').readyState >= 1")

    # From the top, the first stops are the skip links, shown when focused.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches(\"a.skip-link[href='#main']\")")
    assert page.evaluate("getComputedStyle(document.activeElement).transform") == "none"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches(\"a.skip-link[href='#transcript']\")")

    # "Skip to transcript" moves focus to the transcript, and the next stop is inside it.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "transcript"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#transcript') !== null")

    # "Skip to content" moves focus to the main content; from there every stop is walked, in order.
    open_page(browsing, url, scheme, width)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    presses = tab_walk(page)
    expected = iter(EPISODE_STOPS)
    wanted = next(expected, None)
    for press in presses:
        if wanted is not None and matches(page, press.element, wanted.selector):
            wanted = next(expected, None)
    assert wanted is None, f"Tab never reached {wanted.name} ({wanted.selector}) in order: {[p.name for p in presses]}"
    assert not unseen(presses), unseen(presses)
    times = [press for press in presses if matches(page, press.element, TRANSCRIPT_TIMES)]
    assert len(times) == 1, "the transcript's times are one tab stop"

    # From the times, Shift+Down selects paragraphs, and the next stop is the clip control, which shares them.
    times[0].element.focus()
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("Tab")
    assert matches(page, page.evaluate_handle("document.activeElement"), ".clip-share button"), \
        page.evaluate("document.activeElement.outerHTML")
    element = page.evaluate_handle("document.activeElement")
    state = page.evaluate(FOCUS_STATE, element)
    clip = Focused(element, state, picture(page, state))
    page.keyboard.press("Enter")
    page.wait_for_function("/#t=[0-9.]+,[0-9.]+$/.test(document.querySelector('.clip-url').value)")
    page.keyboard.press("Escape")  # closes the control and gives focus back to the times
    assert matches(page, page.evaluate_handle("document.activeElement"), TRANSCRIPT_TIMES)
    judge(page, [clip])
    assert not clip.problems, clip.problems

    # Backwards from the end the page scrolls up to each stop, which must not land under the sticky player.
    open_page(browsing, url, scheme, width)
    back = tab_walk(page, "Shift+Tab")
    assert matches(page, back[-1].element, "a.skip-link[href='#main']"), [p.name for p in back]
    assert len(back) > len(presses)  # the same stops, and the skip links and the site's header before them
    assert not unseen(back), unseen(back)
