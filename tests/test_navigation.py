"""Navigation that scales: numbered pages, a show's archive by year, the shows page behind one header link past
site.yaml's nav_shows, and the People page grouped by role and show with a letter index."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_pages import built, read, tags, texts

from generator.engine import build
from generator.model.entities import Episode, Person, Site
from generator.model.listings import by_year, letter_index, people_by_role
from generator.render.pagination import PageLink, page_window, paginate


@pytest.mark.parametrize(("current", "count", "expected"), [
    (1, 1, (1,)),
    (1, 5, (1, 2, 3, 4, 5)),
    (1, 7, (1, 2, 3, None, 7)),
    (4, 7, (1, 2, 3, 4, 5, 6, 7)),
    (5, 10, (1, 2, 3, 4, 5, 6, 7, None, 10)),  # page 2 stands alone between 1 and 3: shown, not an ellipsis
    (6, 13, (1, None, 4, 5, 6, 7, 8, None, 13)),
    (12, 13, (1, None, 10, 11, 12, 13)),
    (13, 13, (1, None, 11, 12, 13)),
])
def test_the_page_window_links_the_first_the_last_and_the_pages_around_the_current(
        current: int, count: int, expected: tuple[int | None, ...]) -> None:
    assert page_window(current, count) == expected


@pytest.mark.parametrize("count", range(1, 40))
def test_every_page_window_is_short_ordered_and_leaves_out_only_runs_of_pages(count: int) -> None:
    for current in range(1, count + 1):
        window = page_window(current, count)
        numbers = [n for n in window if n is not None]
        assert numbers == sorted(set(numbers)) and {1, current, count} <= set(numbers)
        assert len(window) <= 9
        for before, item, after in zip(window, window[1:], window[2:], strict=False):
            if item is None:
                assert before is not None and after is not None and after - before > 2, window
        assert [n for n in numbers if abs(n - current) <= 2] == list(range(max(1, current - 2),
                                                                          min(count, current + 2) + 1))


@pytest.mark.parametrize(("current", "count"), [(0, 3), (4, 3), (1, 0)])
def test_a_page_outside_the_list_is_a_mistake(current: int, count: int) -> None:
    with pytest.raises(ValueError, match=f"page {current} of {count}"):
        page_window(current, count)


def test_paginate_gives_each_linked_page_its_url() -> None:
    middle = paginate("show/", 2, 9, 45)
    assert (middle.previous, middle.next) == ("show/", "show/page/3/")
    assert middle.pages == (PageLink(1, "show/"), PageLink(2, "show/page/2/"), PageLink(3, "show/page/3/"),
                            PageLink(4, "show/page/4/"), None, PageLink(9, "show/page/9/"))
    last = paginate("topics/ai/", 9, 9, 45)
    assert (last.previous, last.next, last.pages[-1]) == ("topics/ai/page/8/", None, PageLink(9, "topics/ai/page/9/"))


# ---- The model's groups ----------------------------------------------------------------------------------


def loaded(site: Path) -> Site:
    result = build(site, None)
    assert result.ok and result.site is not None, result.diagnostics.report()
    return result.site


def person(name: str, slug: str = "") -> Person:
    from generator.diagnostics import Location
    return Person(slug or name.lower().replace(" ", "-"), name, (), "", (), "", None, (), Location(Path("p.yaml")))


def test_letters_set_accents_and_case_aside_and_put_other_names_last() -> None:
    people = [person(name, f"p{i}") for i, name in enumerate(
        ["Zoë Zed", "émile Ébène", "Anna Apple", "bob", "李雷", "Ada", "4chan Fan", "Eve"])]
    index = letter_index(people)
    assert [(letter.letter, letter.anchor, [p.name for p in letter.people]) for letter in index] == [
        ("A", "letter-a", ["Ada", "Anna Apple"]),
        ("B", "letter-b", ["bob"]),
        ("E", "letter-e", ["émile Ébène", "Eve"]),
        ("Z", "letter-z", ["Zoë Zed"]),
        ("#", "letter-other", ["4chan Fan", "李雷"]),
    ]
    assert letter_index([]) == ()


def add_show(site: Path, slug: str, name: str, hosts: str) -> None:
    (site / "shows" / f"{slug}.yaml").write_text(f"name: {name}\nhosts: [{hosts}]\n", encoding="utf-8")


def add_episode(site: Path, show: str, slug: str, front: str) -> None:
    folder = site / "episodes" / show / slug
    folder.mkdir(parents=True)
    (folder / "episode.md").write_text(f"---\ntitle: Episode {slug}\n{front}---\nNotes.\n", encoding="utf-8")


def test_people_are_grouped_hosts_first_then_guests_then_speakers_by_show_and_by_name(minimal_site: Path) -> None:
    for slug, name in (("zed", "Zed Zulu"), ("amy", "Amy Ant"), ("eli", "Éli Echo"), ("nobody", "No Body")):
        (minimal_site / "people" / f"{slug}.yaml").write_text(f"name: {name}\n", encoding="utf-8")
    add_show(minimal_site, "other", "An Other Show", "zed, eli, amy")
    add_episode(minimal_site, "other", "1", "published: 2024-03-01\nguests: [gus-guest, hana-host]\n")
    add_episode(minimal_site, "other", "2", "published: 2024-04-01\nguests: [gus-guest, zed]\n")
    transcript = minimal_site / "episodes" / "show" / "2" / "transcript.md"
    transcript.write_text("**Hana Host:** Hello.\n\n**Amy Ant:** \\[00:10\\] Hi.\n", encoding="utf-8")

    roles = people_by_role(loaded(minimal_site))
    found = [(group.role, show.show.slug, [(listed.person.slug, listed.episodes) for listed in show.people])
             for group in roles for show in group.shows]
    assert found == [
        # A show's hosts are its hosts even on an episode where they are a guest (Zed), and by name: É as E.
        ("host", "other", [("amy", 2), ("eli", 2), ("zed", 2)]),
        ("host", "show", [("hana-host", 2)]),
        ("guest", "other", [("gus-guest", 2), ("hana-host", 1)]),
        ("guest", "show", [("gus-guest", 1)]),
        ("speaker", "show", [("amy", 1)]),  # speaks in a transcript without being listed
    ]


def test_the_episodes_of_a_show_by_year_newest_first_and_the_undated_last(minimal_site: Path) -> None:
    add_show(minimal_site, "other", "Other", "hana-host")
    for slug, front in (("1", "number: 1\npublished: 2022-06-01\n"), ("2", "number: 2\n"),
                        ("3", "number: 3\npublished: 2023-01-01\n"), ("4", "number: 4\npublished: 2022-12-31\n")):
        add_episode(minimal_site, "other", slug, front)
    site = loaded(minimal_site)
    episodes: tuple[Episode, ...] = site.episodes_of(next(s for s in site.shows if s.slug == "other"))
    years = by_year(episodes)
    assert [(year.year, year.anchor, [e.slug for e in year.episodes]) for year in years] == [
        (2023, "y2023", ["3"]), (2022, "y2022", ["4", "1"]), (None, "undated", ["2"])]
    assert by_year(()) == ()


# ---- The pages -------------------------------------------------------------------------------------------


def numbered_episodes(site: Path, count: int, start: dt.date = dt.date(2019, 1, 1)) -> None:
    for number in range(3, count + 1):
        day = start + dt.timedelta(days=30 * number)
        add_episode(site, "show", str(number), f"number: {number}\npublished: {day.isoformat()}\n")


def set_config(site: Path, lines: str) -> None:
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + lines, encoding="utf-8")


def test_archive_pages_number_their_pages_and_link_each_year_of_the_archive(minimal_site: Path) -> None:
    numbered_episodes(minimal_site, 30)
    set_config(minimal_site, "per_page: 2\n")
    out = built(minimal_site)
    page = read(out, "show/page/8/index.html")
    pages = re.search(r'<nav class="pagination" aria-label="Pages">.*?</nav>', page, re.DOTALL)
    assert pages, "no numbered pages"
    numbers = [(a["href"], a.get("aria-current")) for t, a in tags(pages.group(0)) if t == "a"]
    assert numbers == [("/show/page/7/", None), ("/show/", None), ("/show/page/6/", None), ("/show/page/7/", None),
                       ("/show/page/8/", "page"), ("/show/page/9/", None), ("/show/page/10/", None),
                       ("/show/page/15/", None), ("/show/page/9/", None)]
    assert texts(pages.group(0), "pagination-gap") == ["…", "…"]
    assert '<link rel="prev" href="/show/page/7/">' in page and '<link rel="next" href="/show/page/9/">' in page
    assert 'rel="prev"' in pages.group(0) and 'rel="next"' in pages.group(0)
    assert not (out / "show" / "page" / "16").exists()

    years = [a["href"] or "" for t, a in tags(page) if t == "a" and "/archive/#" in (a.get("href") or "")]
    assert years == ["/show/archive/#y2024", "/show/archive/#y2021", "/show/archive/#y2020", "/show/archive/#y2019"]
    archive = read(out, "show/archive/index.html")
    ids = {a["id"] for t, a in tags(archive) if a.get("id")}
    assert {href.split("#")[1] for href in years} <= ids
    assert [a["href"] for t, a in tags(archive) if t == "a" and (a["href"] or "").startswith("#y")] == [
        "#y2024", "#y2021", "#y2020", "#y2019"]
    assert texts(archive, "count") == ["(2 episodes)", "(6 episodes)", "(12 episodes)", "(10 episodes)"]
    assert archive.count('class="archive-title"') == 30


def test_a_show_that_fits_one_page_has_no_numbers_nor_archive(minimal_site: Path) -> None:
    out = built(minimal_site)
    assert 'class="pagination"' not in read(out, "show/index.html")
    assert "archive/" not in read(out, "show/index.html") and not (out / "show" / "archive").exists()


def test_nav_shows_zero_always_links_the_shows_page(minimal_site: Path) -> None:
    set_config(minimal_site, "nav_shows: 0\n")
    out = built(minimal_site)
    home = read(out, "index.html")
    assert '<a href="/shows/">Shows</a>' in home and ">The Show</a></li>" not in home
    assert texts(read(out, "shows/index.html"), "show-card-latest") == ["Latest: The second one · February 5, 2024"]


@pytest.mark.parametrize("value", ["many", "-1", "2.5", "true", "[5]"])
def test_a_bad_nav_shows_is_an_error_at_its_line_that_says_what_it_does(minimal_site: Path, value: str) -> None:
    line = len((minimal_site / "site.yaml").read_text(encoding="utf-8").splitlines()) + 1
    set_config(minimal_site, f"nav_shows: {value}\n")
    result = build(minimal_site, None)
    errors = [d for d in result.diagnostics.items if d.severity == "error"]
    assert len(errors) == 1, result.diagnostics.report()
    assert (errors[0].location.path.name, errors[0].location.line) == ("site.yaml", line)
    assert errors[0].message.startswith("'nav_shows' must be a whole number from 0 to ")
    assert "'Shows' link" in errors[0].hint


def test_the_people_page_groups_by_role_and_show_and_its_letters_jump_to_everyone(minimal_site: Path) -> None:
    (minimal_site / "people" / "zed.yaml").write_text("name: Zed Zulu\n", encoding="utf-8")
    add_show(minimal_site, "other", "An Other Show", "zed")
    out = built(minimal_site)
    html = read(out, "people/index.html")
    headings = re.findall(r"<h([23])[^>]*>([^<]+)</h\1>", html)
    assert headings == [("2", "Hosts"), ("3", "An Other Show"), ("3", "The Show"), ("2", "Guests"), ("3", "The Show"),
                        ("2", "Everyone, A to Z"), ("3", "G"), ("3", "H"), ("3", "Z")]
    index = re.search(r'<nav class="letter-index" aria-label="People A to Z">.*?</nav>', html, re.DOTALL)
    assert index, "no letter index"
    jumps = [a["href"] or "" for t, a in tags(index.group(0)) if t == "a"]
    assert jumps == ["#letter-g", "#letter-h", "#letter-z"]
    assert {jump[1:] for jump in jumps} <= {a["id"] for t, a in tags(html) if a.get("id")}
    assert texts(html, "people-item-name") == ["Zed Zulu", "Hana Host", "Gus Guest"]


def test_an_episode_named_archive_clashes_with_the_archive_and_the_build_says_so(minimal_site: Path) -> None:
    add_episode(minimal_site, "show", "archive", "published: 2024-03-01\n")
    set_config(minimal_site, "per_page: 1\n")
    result = build(minimal_site, None)
    assert [d.message for d in result.diagnostics.items if d.severity == "error"] == [
        f"the page of episode 'show/archive' and the archive of show 'show' ({minimal_site / 'shows/show.yaml'}) "
        "would both be /show/archive/"]
