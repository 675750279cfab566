"""In a real browser on `podsite serve`: a show of 60 episodes, five a page, is walked to its last page by the
page numbers alone; and with 15 shows the header is one line at a phone's width, its Shows link leading to
every show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import previewing

pytestmark = pytest.mark.slow

EPISODES = 60  # the minimal site's two and 58 more: twelve pages of five
SHOWS = ["The Changelog", "JS Party", "Go Time", "Practical AI", "Founders Talk", "Ship It!", "Brain Science",
         "Changelog & Friends", "Changelog News", "Backstage", "Away from Keyboard", "Spotlight",
         "Request For Commits", "Friends of the Pod"]  # and the minimal site's own: 15


def configure(site: Path, lines: str) -> None:
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + lines, encoding="utf-8")


def add_episodes(site: Path) -> None:
    """Episodes 3 to 60 of the minimal site's show, a week apart, all older than its episodes 1 and 2."""
    for number in range(3, EPISODES + 1):
        folder = site / "episodes" / "show" / str(number)
        folder.mkdir()
        day = dt.date(2023, 12, 1) - dt.timedelta(weeks=number)
        (folder / "episode.md").write_text(f"---\ntitle: Week {number}\nnumber: {number}\npublished: {day}\n---\n"
                                           "Notes.\n", encoding="utf-8")


def current_page(page: Any) -> str:
    """The accessible text of the current page's number."""
    return " ".join(page.get_by_role("navigation", name="Pages").locator("[aria-current=page]").text_content().split())


def test_the_page_numbers_reach_the_last_page_one_by_one_and_at_once(minimal_site: Path, browser: Any) -> None:
    add_episodes(minimal_site)
    configure(minimal_site, "per_page: 5\n")
    with previewing(minimal_site) as preview:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.set_default_timeout(10_000)
        page.goto(preview.url + "show/")
        pages = page.get_by_role("navigation", name="Pages")
        assert current_page(page) == "Page 1"
        # The last page is one click away from the first.
        pages.get_by_role("link", name="Page 12", exact=True).click()
        page.wait_for_url(preview.url + "show/page/12/")
        assert current_page(page) == "Page 12"
        titles = page.locator(".episode-item-title").all_inner_texts()
        assert titles == ["Week 56", "Week 57", "Week 58", "Week 59", "Week 60"]
        assert pages.get_by_role("link", name="Older").count() == 0
        assert page.locator("link[rel=next]").count() == 0 and page.locator("link[rel=prev]").count() == 1

        # And every page on the way, each by the number after the current one.
        page.goto(preview.url + "show/")
        seen = [page.locator(".episode-item-title").first.inner_text()]
        for number in range(2, 13):
            link = pages.get_by_role("link", name=f"Page {number}", exact=True)
            assert link.is_visible(), f"page {number} is not linked from page {number - 1}"
            box = link.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
            link.click()
            page.wait_for_url(preview.url + f"show/page/{number}/")
            assert current_page(page) == f"Page {number}"
            seen.append(page.locator(".episode-item-title").first.inner_text())
        assert seen == ["The second one", *(f"Week {n}" for n in range(6, 57, 5))]

        # The ellipses are only drawn: a screen reader hears the pages that are linked.
        gaps = pages.locator(".pagination-gap")
        page.goto(preview.url + "show/page/6/")
        assert gaps.count() == 2 and all(gaps.nth(i).get_attribute("aria-hidden") == "true" for i in range(2))
        page.close()


# The header's content box and its tallest item: one line when the box is no taller than that item.
HEADER_LINES = """() => {
  const inner = document.querySelector('.site-header-inner');
  const style = getComputedStyle(inner);
  const height = inner.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const items = [document.querySelector('.site-title'), ...document.querySelectorAll('.site-nav li')];
  const boxes = items.map((item) => item.getBoundingClientRect());
  return {height, tallest: Math.max(...boxes.map((box) => box.height)), right: Math.max(...boxes.map((b) => b.right)),
          width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth};
}"""


def header(page: Any) -> dict[str, float]:
    return dict(page.evaluate(HEADER_LINES))


@pytest.mark.parametrize("width", [390, 1280])
def test_with_fifteen_shows_the_header_is_one_line_and_its_shows_link_lists_them_all(
        minimal_site: Path, browser: Any, width: int) -> None:
    for index, name in enumerate(SHOWS):
        (minimal_site / "shows" / f"show-{index}.yaml").write_text(f'name: "{name}"\ndescription: About {name}.\n',
                                                                   encoding="utf-8")
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("title: Minimal", "title: Changelog Podcasts"),
                      encoding="utf-8")
    configure(minimal_site, "nav_shows: 20\n")  # the positive control: every show in the header, as before
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.set_default_timeout(10_000)
    with previewing(minimal_site) as preview:
        page.goto(preview.url)
        listed = header(page)
        assert page.locator(".site-nav li").count() == 17
        if width == 390:
            assert listed["height"] > 2 * listed["tallest"], listed  # the measure sees the lines a bar wraps to

    config.write_text(config.read_text(encoding="utf-8").replace("nav_shows: 20\n", ""), encoding="utf-8")
    with previewing(minimal_site) as preview:
        for path in ("", "show/", "show/1/", "people/"):
            page.goto(preview.url + path)
            found = header(page)
            assert found["height"] <= found["tallest"] + 1, (path, found)  # one line
            assert found["right"] <= found["width"] and found["scrollWidth"] <= found["width"], (path, found)
        nav = page.get_by_role("navigation", name="Main")
        assert nav.get_by_role("link").all_inner_texts() == ["Shows", "People", "Sponsors"]
        nav.get_by_role("link", name="Shows").click()
        page.wait_for_url(preview.url + "shows/")
        assert page.get_by_role("heading", level=2).all_inner_texts() == sorted([*SHOWS, "The Show"],
                                                                                key=str.casefold)
        assert nav.get_by_role("link", name="Shows").get_attribute("aria-current") == "page"
        page.close()
