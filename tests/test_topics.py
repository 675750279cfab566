"""Topics: a page for each (/topics/<slug>/, paged) and an index; the chips link there; the topics go into the
episode's JSON-LD and its feed item; differing spellings of one topic, and topics the site does not list, are
warned about at their file and line. A cached build and the preview write what a clean build writes after an
edit of an episode's topics."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import previewing, tree
from test_engine import BASE, assert_same_as_full_build, full_build
from test_serve import Events, fetch

from generator.engine import Builder, build
from generator.model.topics import topic_slug
from generator.result import BuildResult

EPISODE_1 = "episodes/show/1/episode.md"
EPISODE_2 = "episodes/show/2/episode.md"


def set_topics(site: Path, episode: str, line: str) -> Path:
    """Gives the episode's front matter `line` (a topics: line) after its published: line."""
    path = site / episode
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"topics: .*\n", "", text)
    published = re.search(r"published: .*\n", text)
    assert published is not None
    path.write_text(text[:published.end()] + line + "\n" + text[published.end():], encoding="utf-8")
    return path


def add_to_config(site: Path, line: str) -> None:
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write(line + "\n")


def add_third_episode(site: Path, topics: str) -> None:
    """Episode 3, the newest, with those topics ("[A, B]")."""
    folder = site / "episodes/show/3"
    folder.mkdir()
    (folder / "episode.md").write_text(f"---\ntitle: The third one\npublished: 2024-03-05\ntopics: {topics}\n---\n",
                                       encoding="utf-8")


def built(site: Path) -> tuple[Path, BuildResult]:
    out = site.parent / "output"
    result = build(site, out)
    assert result.ok, result.diagnostics.report()
    return out, result


def page(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="episode-item-title"><a href="[^"]*">([^<]*)</a>', html)


def warnings(result: BuildResult) -> list[str]:
    return [d.format() for d in result.diagnostics.sorted() if d.severity == "warning" and "topic" in d.message]


# -- slugs ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "slug"), [
    ("AI", "ai"),
    ("Deep Learning", "deep-learning"),
    ("  deep_learning ", "deep-learning"),
    ("Deep--Learning!", "deep-learning"),
    ("C++", "c-plus-plus"),
    ("C#", "c-sharp"),
    ("R&D", "r-and-d"),
    ("Éire, Café", "eire-cafe"),
    ("../../etc/passwd", "etc-passwd"),
    ("Web 3.0", "web-3-0"),
])
def test_a_topic_slug_is_lower_case_ascii_that_a_path_can_hold(name: str, slug: str) -> None:
    assert topic_slug(name) == slug


def test_a_topic_in_another_script_gets_a_stable_slug_of_its_own() -> None:
    slug = topic_slug("機械学習")
    assert re.fullmatch(r"topic-[0-9a-f]{10}", slug)
    assert slug == topic_slug(" 機械学習 ") and slug != topic_slug("深層学習")


# -- pages -----------------------------------------------------------------------------------------------------

def test_each_topic_has_a_page_listing_its_episodes_newest_first_and_the_chips_link_there(minimal_site: Path) -> None:
    set_topics(minimal_site, EPISODE_1, "topics: [Deep Learning, C++]")
    set_topics(minimal_site, EPISODE_2, "topics: [deep learning]")
    out, _ = built(minimal_site)
    assert titles(page(out, "topics/deep-learning")) == ["The second one", "The first one"]
    assert titles(page(out, "topics/c-plus-plus")) == ["The first one"]
    chips = re.search(r'<ul class="topics" aria-label="Topics">(.*?)</ul>', page(out, "show/1"))
    assert chips is not None
    assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', chips.group(1)) == [
        ("/topics/deep-learning/", "Deep Learning"), ("/topics/c-plus-plus/", "C++")]
    # Lists show the chips too: the show's archive, with each episode's own spelling.
    assert '<a href="/topics/deep-learning/">deep learning</a>' in page(out, "show")


def test_two_spellings_with_one_slug_are_one_topic_named_as_most_episodes_spell_it(minimal_site: Path) -> None:
    set_topics(minimal_site, EPISODE_1, "topics: [machine_learning]")
    set_topics(minimal_site, EPISODE_2, "topics: [Machine Learning]")
    add_third_episode(minimal_site, "[Machine Learning]")
    out, _ = built(minimal_site)
    assert sorted(p.name for p in (out / "topics").iterdir()) == ["index.html", "machine-learning"]
    html = page(out, "topics/machine-learning")
    assert "<h1>Machine Learning</h1>" in html
    assert titles(html) == ["The third one", "The second one", "The first one"]
    index = page(out, "topics")
    assert re.findall(r'<li><a href="([^"]*)">([^<]*)</a> <span class="count">([^<]*)</span>', index) == [
        ("/topics/machine-learning/", "Machine Learning", "3 episodes")]


def test_the_index_lists_topics_by_name_with_counts_and_groups_a_long_list_by_letter(minimal_site: Path) -> None:
    names = [f"Topic {letter}{n}" for letter in "zyx" for n in range(5)]  # 15 topics, past a flat list's 12
    set_topics(minimal_site, EPISODE_1, f"topics: [{', '.join(names)}, alpha]")
    set_topics(minimal_site, EPISODE_2, "topics: [Alpha]")
    out, _ = built(minimal_site)
    index = page(out, "topics")
    listed = re.findall(r'<li><a href="[^"]*">([^<]*)</a> <span class="count">([^<]*)</span>', index)
    assert [name for name, _ in listed] == ["Alpha", *sorted(names)]
    assert listed[0] == ("Alpha", "2 episodes") and listed[1] == ("Topic x0", "1 episode")
    assert re.findall(r'<h2 id="topics-\d+">([^<]*)</h2>', index) == ["A", "T"]
    assert 'aria-label="Topics by first letter"' in index


def test_a_topic_with_more_episodes_than_a_page_holds_is_paged(minimal_site: Path) -> None:
    add_to_config(minimal_site, "per_page: 1")
    set_topics(minimal_site, EPISODE_1, "topics: [AI]")
    set_topics(minimal_site, EPISODE_2, "topics: [AI]")
    out, _ = built(minimal_site)
    first, second = page(out, "topics/ai"), page(out, "topics/ai/page/2")
    assert titles(first) == ["The second one"] and titles(second) == ["The first one"]
    assert 'href="/topics/ai/page/2/" rel="next">Older' in first
    assert 'href="/topics/ai/" rel="prev"><span aria-hidden="true">←</span> Newer' in second
    assert '<a href="/topics/ai/page/2/" aria-current="page"><span class="visually-hidden">Page </span>2</a>' in second
    assert not (out / "topics/ai/page/3").exists()


def test_a_site_without_topics_has_no_topic_pages(minimal_site: Path) -> None:
    out, _ = built(minimal_site)
    assert not (out / "topics").exists()


def test_a_topic_page_that_would_take_another_pages_path_is_an_error_naming_both(minimal_site: Path) -> None:
    (minimal_site / "shows/topics.yaml").write_text("name: Topics Show\nhosts: [hana-host]\n", encoding="utf-8")
    folder = minimal_site / "episodes/topics/rust"
    folder.mkdir(parents=True)
    (folder / "episode.md").write_text("---\ntitle: About Rust\npublished: 2024-01-01\n---\n", encoding="utf-8")
    path = set_topics(minimal_site, EPISODE_1, "topics: [Rust]")
    result = build(minimal_site, minimal_site.parent / "output")
    assert not result.ok
    report = result.diagnostics.report()
    assert "the page of show 'topics' and the topic index would both be /topics/" in report
    assert (f"{path.relative_to(minimal_site.parent)}:4: error: the page of topic 'Rust' and the page of episode "
            "'topics/rust'") in report


# -- structured data and feeds ----------------------------------------------------------------------------------

def test_an_episodes_topics_are_its_json_ld_keywords(minimal_site: Path) -> None:
    set_topics(minimal_site, EPISODE_1, "topics: [AI, Deep Learning, ai]")
    out, _ = built(minimal_site)
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page(out, "show/1"), re.S)
    [data] = [json.loads(block) for block in blocks]
    assert data["keywords"] == ["AI", "Deep Learning"]  # "ai" is AI again
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page(out, "show/2"), re.S)
    assert "keywords" not in json.loads(blocks[0])


def feed_items(out: Path) -> list[ET.Element]:
    return ET.fromstring((out / "show/feed.xml").read_bytes()).findall("channel/item")


def test_an_episodes_topics_are_its_feed_items_categories(minimal_site: Path) -> None:
    set_topics(minimal_site, EPISODE_1, 'topics: ["AI & Ethics", Deep Learning, deep learning]')
    out, _ = built(minimal_site)  # the feed passed its checks
    [item] = feed_items(out)
    assert [c.text for c in item.findall("category")] == ["AI & Ethics", "Deep Learning"]
    assert b"<category>AI &amp; Ethics</category>" in (out / "show/feed.xml").read_bytes()


# -- warnings --------------------------------------------------------------------------------------------------

def test_spellings_of_one_topic_on_two_episodes_are_a_warning_at_the_rarer_one_naming_the_other(
        minimal_site: Path) -> None:
    add_third_episode(minimal_site, "[Podcast, Deep Learning]")
    set_topics(minimal_site, EPISODE_1, "topics: [podcast, Deep-Learning]")
    set_topics(minimal_site, EPISODE_2, "topics:\n  - deep learning\n  - Podcasts\n  - Deep Learning")
    _, result = built(minimal_site)
    shown = "content/episodes/show"
    hint = ("    hint: did you mean '{}'? Spell a topic the same way on every episode (or list the site's topics "
            "under 'topics:' in site.yaml)")
    # Each names the first episode (newest first) with the spelling most episodes use.
    assert warnings(result) == [
        f"{shown}/1/episode.md:4: warning: topic 'Deep-Learning' is written 'Deep Learning' elsewhere "
        f"({shown}/3/episode.md:4)\n" + hint.format("Deep Learning"),
        f"{shown}/1/episode.md:4: warning: topic 'podcast' is written 'Podcast' elsewhere ({shown}/3/episode.md:4)\n"
        + hint.format("Podcast"),
        f"{shown}/2/episode.md:5: warning: topic 'deep learning' is written 'Deep Learning' elsewhere "
        f"({shown}/3/episode.md:4)\n" + hint.format("Deep Learning"),
        f"{shown}/2/episode.md:6: warning: topic 'Podcasts' is written 'Podcast' elsewhere ({shown}/3/episode.md:4)\n"
        + hint.format("Podcast"),
    ]


def test_one_spelling_everywhere_is_no_warning(minimal_site: Path) -> None:
    set_topics(minimal_site, EPISODE_1, "topics: [AI, Processes, Category]")
    set_topics(minimal_site, EPISODE_2, "topics: [AI, Process management, Categorical]")
    _, result = built(minimal_site)
    assert warnings(result) == []


@pytest.mark.parametrize(("written", "other"), [
    ("Process", "processes"), ("Category", "categories"), ("Deep_Learning", "deep learning"), ("NLP", "nlp")])
def test_plurals_case_spacing_and_underscores_make_spellings_of_one_topic(minimal_site: Path, written: str,
                                                                          other: str) -> None:
    set_topics(minimal_site, EPISODE_1, f"topics: [{written}]")
    set_topics(minimal_site, EPISODE_2, f"topics: [{other}]")
    _, result = built(minimal_site)
    assert len(warnings(result)) == 1


def test_with_the_sites_list_a_topic_not_in_it_is_a_warning_with_the_closest_listed_one(minimal_site: Path) -> None:
    add_to_config(minimal_site, "topics: [Deep Learning, Robotics, Natural language processing, AI, ai]")
    set_topics(minimal_site, EPISODE_1, "topics: [deep-learning, Robotic, Robots]")
    set_topics(minimal_site, EPISODE_2, "topics: [Natural langauge processing, Quantum, AI]")
    out, result = built(minimal_site)
    shown = "content/episodes/show"
    assert warnings(result) == [
        f"{shown}/1/episode.md:4: warning: the topic 'Robotic' is not one of the site's topics\n"
        "    hint: did you mean 'Robotics'? Or add 'Robotic' to 'topics:' in site.yaml if it is a new one",
        f"{shown}/1/episode.md:4: warning: the topic 'Robots' is not one of the site's topics\n"
        "    hint: did you mean 'Robotics'? Or add 'Robots' to 'topics:' in site.yaml if it is a new one",
        f"{shown}/1/episode.md:4: warning: the topic 'deep-learning' is not one of the site's topics\n"
        "    hint: did you mean 'Deep Learning'? Or add 'deep-learning' to 'topics:' in site.yaml if it is a new one",
        f"{shown}/2/episode.md:4: warning: the topic 'Natural langauge processing' is not one of the site's topics\n"
        "    hint: did you mean 'Natural language processing'? Or add 'Natural langauge processing' to 'topics:' in "
        "site.yaml if it is a new one",
        f"{shown}/2/episode.md:4: warning: the topic 'Quantum' is not one of the site's topics\n"
        "    hint: known: AI, Deep Learning, Natural language processing, Robotics; or add 'Quantum' to 'topics:' in "
        "site.yaml if it is a new one",
        "content/site.yaml:8: warning: the topic 'ai' is listed already, as 'AI'\n"
        "    hint: keep one spelling of each topic in 'topics:'",
    ]
    # The page is named as the site's list spells it, and the unknown topics still get theirs.
    assert "<h1>Deep Learning</h1>" in page(out, "topics/deep-learning")
    assert titles(page(out, "topics/quantum")) == ["The second one"]


# -- the engine and the preview ----------------------------------------------------------------------------------

def topics_changes(site: Path) -> list[tuple[str, Callable[[], list[Path]]]]:
    """Edits of topics, to make in a row: each a name, and the edit, which returns the paths the watcher reports."""
    return [
        ("rename", lambda: [set_topics(site, EPISODE_1, "topics: [Testing, Tools]")]),
        ("join", lambda: [set_topics(site, EPISODE_2, "topics: [testing]")]),
        ("respell", lambda: [set_topics(site, EPISODE_2, "topics: [Testing, Tool]")]),
        ("move a line", lambda: [set_topics(site, EPISODE_1, "# about\ntopics: [Testing, Tools]")]),
        ("leave", lambda: [set_topics(site, EPISODE_1, "topics: [Tools]")]),
    ]


def start_with_topics(site: Path) -> None:
    set_topics(site, EPISODE_1, "topics: [Testing]")
    set_topics(site, EPISODE_2, "topics: [Other]")


def test_after_each_edit_of_topics_the_builder_writes_what_a_clean_build_writes(minimal_site: Path,
                                                                               tmp_path: Path) -> None:
    start_with_topics(minimal_site)
    builder = Builder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=1)
    assert builder.build().ok
    for name, edit in topics_changes(minimal_site):
        result = builder.build(changed=edit())
        assert result.ok, (name, result.diagnostics.report())
        assert_same_as_full_build(builder, tmp_path)
        assert any(path.startswith("topics/") for path in result.rendered), name
    assert (tmp_path / "preview/topics/tools/index.html").is_file()
    assert not (tmp_path / "preview/topics/other").exists()


def test_a_scanning_build_after_an_edit_of_topics_writes_what_a_clean_build_writes(minimal_site: Path,
                                                                                  tmp_path: Path) -> None:
    start_with_topics(minimal_site)
    out = tmp_path / "output"
    assert build(minimal_site, out, base_url=BASE, drafts=True).ok
    before = tree(out)
    for name, edit in topics_changes(minimal_site)[:3]:
        edit()
        result = build(minimal_site, out, base_url=BASE, drafts=True)
        assert result.ok, (name, result.diagnostics.report())
    after = tree(out)
    assert after == full_build(minimal_site, tmp_path / "full")
    assert after != before and "topics/testing/index.html" in after and "topics/other/index.html" not in after


def test_a_near_duplicate_warning_follows_the_topics_line(minimal_site: Path, tmp_path: Path) -> None:
    set_topics(minimal_site, EPISODE_1, "topics: [Testing]")
    path = set_topics(minimal_site, EPISODE_2, "topics: [testing]")
    builder = Builder(minimal_site, tmp_path / "preview", base_url=BASE, drafts=True, jobs=1)

    def lines(result: BuildResult) -> list[int]:
        return [d.location.line for d in result.diagnostics.warnings if "topic" in d.message]

    first = lines(builder.build())
    set_topics(minimal_site, EPISODE_2, "# about\ntopics: [testing]")
    moved = lines(builder.build(changed=[path]))
    assert moved == [line + 1 for line in first] == lines(build(minimal_site, None, base_url=BASE, drafts=True))


def test_the_preview_serves_the_topic_pages_an_edit_makes_and_drops_the_ones_it_ends(minimal_site: Path) -> None:
    start_with_topics(minimal_site)
    with previewing(minimal_site) as preview:
        stream = Events(preview.url)
        try:
            status, _, body = fetch(preview.url, "/topics/testing/")
            assert status == 200 and b"The first one" in body
            set_topics(minimal_site, EPISODE_1, "topics: [Tools, Other]")
            stream.wait("reload")
            assert fetch(preview.url, "/topics/testing/")[0] == 404
            status, _, body = fetch(preview.url, "/topics/other/")
            assert status == 200 and titles(body.decode()) == ["The second one", "The first one"]
            _, _, index = fetch(preview.url, "/topics/")
            assert re.findall(rb'<a href="/topics/([^/]*)/">', index) == [b"other", b"tools"]
        finally:
            stream.close()


def test_rendered_topic_pages_hold_every_name_escaped(minimal_site: Path) -> None:
    set_topics(minimal_site, EPISODE_1, "topics: ['<script>alert(1)</script>']")
    out, _ = built(minimal_site)
    for html in (page(out, "show/1"), page(out, "topics"), page(out, "topics/script-alert-1-script")):
        assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
