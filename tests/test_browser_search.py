"""In real Chromium: the search page over the site's index (search/index.db, read with range requests). A
transcript phrase found and opened at its paragraph, playing from its time; the filters and the sort, kept in
the address so that Back goes back through them; the site under a base URL with a path; and the 404 page's
search box. The site is the minimal one with `search: true`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, play_locally, require_browser, serve_folder
from conftest import copy_site, previewing

from generator.engine import build

pytestmark = pytest.mark.slow

PHRASE = "zanzibarian marmalade"  # in one paragraph of one transcript, nowhere else
PHRASE_AT = 20  # that paragraph's number: it starts at 20 * 10 s = 3:20
COMMON = "quokka"  # in episode 1's transcript and episode 2's notes
MANY = "wombat"  # in 12 paragraphs of episode 1's transcript: more than a page of results
# Markup as a transcript's text (a code span): the index holds it as it reads, and a result must show it so.
HOSTILE = 'Careful with `<img src=x onerror="document.title=1">` said the marmoset.'
WORDS = "We keep talking about the subject of the episode at some length. " * 6


def search_site(folder: Path) -> Path:
    """The minimal site with search on. Episode 1 (2024, guest Gus Guest) plays a local 400 s WAV and has a
    transcript of a paragraph every 10 s, many screens long; episode 2 (2023, topic Jam) has notes only."""
    site = copy_site(folder)
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("search: true\n")
    first = site / "episodes/show/1"
    play_locally(first, seconds=400)

    def said(n: int) -> str:
        extra = f" Then we spoke of {PHRASE}." if n == PHRASE_AT else f" A {COMMON} came by." if n == 5 else ""
        many = f" A {MANY}." if n < 12 else ""
        return f"Paragraph {n}. {WORDS}{extra}{many}"

    (first / "transcript.md").write_text("\n\n".join(
        f"**{'Hana Host' if n % 2 == 0 else 'Gus'}:** \\[{n * 10 // 60:02d}:{n * 10 % 60:02d}\\] {said(n)}"
        for n in range(36)) + f"\n\n**Gus:** \\[06:00\\] {HOSTILE}\n", encoding="utf-8")
    second = site / "episodes/show/2/episode.md"
    second.write_text(second.read_text(encoding="utf-8").replace("published: 2024-02-05", "published: 2023-02-05")
                      .replace("---\nNotes.", f"topics: [Jam]\n---\nNotes about a {COMMON}."), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`podsite serve` of the search site (it answers range requests); yields its root URL."""
    require_browser()
    with previewing(search_site(tmp_path_factory.mktemp("search"))) as running:
        yield running.url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.set_default_timeout(15000)
    yield context.new_page()
    context.close()


def results(page: Any) -> list[str]:
    """Each result's title once the status says how many there are, in the order shown."""
    page.wait_for_function("/result|Nothing found/.test(document.getElementById('search-status').textContent)")
    return [str(t) for t in page.locator(".search-hit-title").all_inner_texts()]


def searched(page: Any, text: str) -> list[str]:
    """Types `text` into the search page's box and submits it: the results' titles."""
    box = page.get_by_label("Words to find")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function("(q) => new URLSearchParams(location.search).get('q') === q", arg=text)
    page.wait_for_function("!document.getElementById('search-results').hasAttribute('aria-busy')")
    return results(page)


def test_a_transcript_phrase_opens_its_episode_at_that_paragraph_playing_from_its_time(
        page: Any, served: str) -> None:
    page.goto(served + "search/")
    assert searched(page, PHRASE) == ["The first one"]
    assert page.locator("#search-status").inner_text() == f"1 result for \u201c{PHRASE}\u201d"
    hit = page.locator(".search-hit")
    assert hit.locator(".search-hit-source").inner_text() == "The Show · Episode 1 · January 5, 2024"
    assert hit.locator("mark").all_inner_texts() == ["zanzibarian", "marmalade"]
    assert f"Then we spoke of {PHRASE}" in hit.locator(".search-hit-text").inner_text()
    assert hit.locator(".search-hit-said").inner_text() == "In the transcript: Hana Host at 3:20"

    hit.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/show/1/#t=200$"))
    paragraph = page.locator(".para", has_text=PHRASE)
    anchor = paragraph.get_attribute("id")
    assert anchor == "t-03-20"
    page.wait_for_function("document.getElementById('t-03-20').getAttribute('aria-current') === 'true'")
    page.wait_for_function("!document.getElementById('player').paused")
    assert 200 <= float(page.evaluate("document.getElementById('player').currentTime")) < 203
    # In view once the page's scroll to it (smooth, unless the visitor asks for less motion) has ended.
    page.wait_for_function("(() => { const r = document.getElementById('t-03-20').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; })()")


def test_filters_and_the_sort_narrow_and_order_the_results_and_back_undoes_them(page: Any, served: str) -> None:
    page.goto(served + f"search/?q={COMMON}")
    both = ["The second one", "The first one"]  # notes before transcripts
    assert results(page) == both
    page.get_by_label("Person").select_option(label="Gus Guest")
    page.wait_for_url(re.compile(r"person=gus-guest"))
    assert results(page) == ["The first one"]
    page.get_by_label("Person").select_option("")
    page.get_by_label("Topic").select_option("Jam")
    page.wait_for_url(re.compile(r"\?q=quokka&topic=Jam$"))
    assert results(page) == ["The second one"]
    page.get_by_label("Topic").select_option("")
    page.get_by_label("Year").select_option("2024")
    assert results(page) == ["The first one"]
    page.get_by_label("Year").select_option("")
    page.get_by_label("Sort").select_option(label="Newest first")
    page.wait_for_url(re.compile(r"sort=date"))
    assert results(page) == ["The first one", "The second one"]

    page.go_back()  # sort undone
    page.wait_for_url(re.compile(r"\?q=quokka$"))
    assert results(page) == both
    page.go_back()  # back to the year filter
    page.wait_for_url(re.compile(r"year=2024"))
    assert page.get_by_label("Year").input_value() == "2024"
    assert results(page) == ["The first one"]

    page.goto(served + f"search/?q={COMMON}&topic=Jam")  # a linked search is that search
    assert page.get_by_label("Words to find").input_value() == COMMON
    assert results(page) == ["The second one"]
    page.wait_for_function("document.querySelector('select[name=topic]').value === 'Jam'")


def test_more_results_adds_the_next_ones_and_takes_the_focus_to_the_first_of_them(page: Any, served: str) -> None:
    page.goto(served + f"search/?q={MANY}")
    assert len(results(page)) == 10
    assert page.locator("#search-status").inner_text() == f"More than 10 results for \u201c{MANY}\u201d"
    page.get_by_role("button", name="More results").press("Enter")
    page.wait_for_function("document.querySelectorAll('.search-hit').length === 12")
    assert page.locator("#search-status").inner_text() == f"12 results for \u201c{MANY}\u201d"
    assert page.evaluate("document.activeElement === document.querySelectorAll('.search-hit a')[10]")
    assert not page.get_by_role("button", name="More results").is_visible()


def test_a_result_shows_markup_from_the_content_as_text(page: Any, served: str) -> None:
    page.goto(served + "search/?q=marmoset")
    assert results(page) == ["The first one"]
    text = page.locator(".search-hit-text").inner_text()
    assert '<img src=x onerror="document.title=1">' in text
    assert page.locator(".search-results img").count() == 0
    assert page.title().startswith("Search")


def test_search_works_under_a_base_url_with_a_path(tmp_path: Path, page: Any) -> None:
    site = search_site(tmp_path / "site")
    root = tmp_path / "root"
    with serve_folder(root) as host:
        base = host + "sub/"
        result = build(site, root / "sub", base_url=base)
        assert result.ok, result.diagnostics.report()
        page.goto(base)
        header = page.get_by_role("search", name="Site")
        header.get_by_label("Search episodes and transcripts").fill(PHRASE)
        header.get_by_role("button", name="Search").click()
        page.wait_for_url(base + "search/?q=zanzibarian+marmalade")
        assert results(page) == ["The first one"]
        page.locator(".search-hit a").click()
        page.wait_for_url(base + "show/1/#t=200")
        page.wait_for_function("document.getElementById('t-03-20').getAttribute('aria-current') === 'true'")


def test_the_404_page_box_finds_an_episode(page: Any, served: str) -> None:
    response = page.goto(served + "no/such/page/")
    assert response is not None and response.status == 404
    box = page.get_by_role("search", name="Find an episode")
    box.get_by_role("searchbox").fill(PHRASE)
    box.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=zanzibarian\+marmalade$"))
    assert results(page) == ["The first one"]


def test_without_javascript_the_search_page_says_so_and_offers_ways_to_browse(browser: Any, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + f"search/?q={COMMON}")
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="All episodes of The Show").is_visible()
    assert page.get_by_role("link", name="Episodes by topic").is_visible()
    assert not page.locator("#search-form").is_visible()
    context.close()
