"""Episode lists help a listener choose: each item says when, how long and what about; the home page's latest
episodes are the newest across every show."""

from __future__ import annotations

from pathlib import Path

from test_pages import built, read, texts

SUMMARY = ("Gus explains *why* things break, and how [the fix](https://example.org/fix) ships. " * 6).strip()
LIST_PAGES = ("index.html", "show/index.html", "people/gus-guest/index.html", "people/hana-host/index.html",
              "sponsors/acme/index.html")


def with_summary(site: Path, slug: str, summary: str) -> None:
    episode = site / "episodes" / "show" / slug / "episode.md"
    text = episode.read_text(encoding="utf-8")
    episode.write_text(text.replace("\n---\n", f"\nsummary: \"{summary}\"\n---\n", 1), encoding="utf-8")


def item_of(html: str, title: str) -> tuple[str, str]:
    """The meta line and the summary of the list item whose title is `title` ("" when it has none)."""
    for item in html.split('<li class="episode-item">')[1:]:
        if texts(item, "episode-item-title") == [title]:
            return texts(item, "episode-item-meta")[0], "".join(texts(item, "episode-item-summary"))
    raise AssertionError(f"no list item {title!r}")


def test_every_episode_list_gives_date_duration_and_the_summary_clipped_as_plain_text(minimal_site: Path) -> None:
    with_summary(minimal_site, "1", SUMMARY)
    with_summary(minimal_site, "2", "Short and *sweet*.")
    out = built(minimal_site)
    for path in LIST_PAGES:
        html = read(out, path)
        meta, summary = item_of(html, "The first one")
        assert meta.startswith("January 5, 2024 Duration: 10 min"), path
        assert summary.startswith("Gus explains why things break, and how the fix ships. Gus explains"), path
        assert summary.endswith("…") and 200 <= len(summary) <= 241, (path, len(summary))
        assert SUMMARY.replace("*", "").replace("[", "").replace("](https://example.org/fix)", "").startswith(
            summary.removesuffix("…")), "clipped at a word, in the middle of nothing"
        assert "*" not in summary and "](" not in summary and "<" not in summary
        if "sponsors/" not in path and "gus-guest" not in path:  # episode 2 has no guest and no sponsor
            meta, summary = item_of(html, "The second one")
            assert meta == "February 5, 2024", path  # no audio, so no duration
            assert summary == "Short and sweet.", path


def test_an_episode_without_summary_or_date_says_so_and_adds_no_empty_line(minimal_site: Path) -> None:
    episode = minimal_site / "episodes" / "show" / "2" / "episode.md"
    episode.write_text(episode.read_text(encoding="utf-8").replace("published: 2024-02-05\n", ""), encoding="utf-8")
    html = read(built(minimal_site), "show/index.html")
    assert item_of(html, "The second one") == ("date unknown", "")
    assert 'class="episode-item-summary"' not in html


def add_episode(site: Path, show: str, slug: str, published: str | None) -> None:
    folder = site / "episodes" / show / slug
    folder.mkdir(parents=True)
    date = f"published: {published}\n" if published else ""
    (folder / "episode.md").write_text(f"---\ntitle: {show} {slug}\n{date}---\nNotes.\n", encoding="utf-8")


def home_titles(site: Path) -> list[str]:
    html = read(built(site), "index.html")
    latest = html.split('id="latest-heading"', 1)[1]
    return texts(latest, "episode-item-title")


def test_latest_episodes_on_the_home_page_are_the_newest_across_shows(minimal_site: Path) -> None:
    (minimal_site / "shows" / "alpha.yaml").write_text("name: Alpha\n", encoding="utf-8")  # named before "The Show"
    add_episode(minimal_site, "alpha", "1", "2024-01-01")
    add_episode(minimal_site, "alpha", "2", "2024-03-01")
    assert home_titles(minimal_site) == ["alpha 2", "The second one", "The first one", "alpha 1"]

    # An episode without a date keeps its place in its show (numbers order it there) and does not pull the
    # shows apart: the others still interleave by date.
    add_episode(minimal_site, "show", "3", None)
    assert home_titles(minimal_site) == ["alpha 2", "show 3", "The second one", "The first one", "alpha 1"]


def test_the_home_page_lists_the_ten_newest(minimal_site: Path) -> None:
    (minimal_site / "shows" / "alpha.yaml").write_text("name: Alpha\n", encoding="utf-8")
    for day in range(1, 13):
        add_episode(minimal_site, "alpha", str(day + 2), f"2024-03-{day:02d}")
    titles = home_titles(minimal_site)
    assert titles == [f"alpha {day + 2}" for day in range(12, 2, -1)]
