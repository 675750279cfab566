from __future__ import annotations

import json
from pathlib import Path

from generator.engine import build


def episode_file(site: Path, number: int = 1) -> Path:
    return site / "episodes" / "show" / str(number) / "episode.md"


def add_front_matter(site: Path, text: str) -> None:
    path = episode_file(site)
    path.write_text(path.read_text().replace("sponsors: [acme]\n", "sponsors: [acme]\n" + text))


CHAPTERS = """chapters:
  - {start: 0, title: Hello}
  - start: "4:50"
    title: The break
    url: https://example.org/break
"""


def test_front_matter_chapters_are_written_shown_and_placed(minimal_site: Path) -> None:
    add_front_matter(minimal_site, CHAPTERS)
    out = minimal_site.parent / "output"
    result = build(minimal_site, out)
    assert result.ok, result.diagnostics.report()
    data = json.loads((out / "show/1/chapters.json").read_text())
    assert data["version"] == "1.2.0"
    assert data["chapters"] == [{"startTime": 0, "title": "Hello"},
                                {"startTime": 290, "title": "The break", "url": "https://example.org/break"}]
    html = (out / "show/1/index.html").read_text()
    assert 'id="chapters"' in html and 'href="https://example.org/break"' in html
    # the 4:50 heading goes before the paragraph nearest 4:50: the Break at 5:00, not the one at 0:30
    transcript = html[html.index('id="transcript"'):]
    heading = transcript.index('id="chapter-2"')
    assert transcript.index("Thanks for having me.") < heading < transcript.index("And we are back.")


def test_chapters_json_file_is_read(minimal_site: Path) -> None:
    (episode_file(minimal_site).parent / "chapters.json").write_text(json.dumps(
        {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}, {"startTime": 120.5, "title": "Main"}]}))
    out = minimal_site.parent / "output"
    assert build(minimal_site, out).ok
    assert [c["startTime"] for c in json.loads((out / "show/1/chapters.json").read_text())["chapters"]] == [0, 120.5]


def test_bad_chapter_times_are_reported_where_they_are_written(minimal_site: Path) -> None:
    add_front_matter(minimal_site, """chapters:
  - {start: "5:00", title: Later}
  - {start: "1:00", title: Earlier}
  - {start: "11:00", title: After the end}
""")
    result = build(minimal_site, None)
    assert [d.format() for d in result.diagnostics.errors] == [
        "content/episodes/show/1/episode.md:12: error: chapter 'Earlier' starts at 01:00, "
        "not after the one before it (05:00)\n"
        "    hint: list chapters in the order they play, each starting later than the last",
        "content/episodes/show/1/episode.md:13: error: chapter 'After the end' starts at 11:00, "
        "after the audio ends (10:00)\n"
        "    hint: check the time, or the audio's duration",
    ]


def test_broken_chapters_json_names_its_line(minimal_site: Path) -> None:
    (episode_file(minimal_site).parent / "chapters.json").write_text(
        '{"chapters": [\n  {"startTime": 0, "title": "A"},\n  {"startTime": }\n]}')
    result = build(minimal_site, None)
    assert [d.format().splitlines()[0] for d in result.diagnostics.errors] == [
        "content/episodes/show/1/chapters.json:3: error: not valid JSON: Expecting value"]


def test_chapters_from_breaks_are_opt_in(minimal_site: Path) -> None:
    out = minimal_site.parent / "output"
    assert build(minimal_site, out).ok
    assert not (out / "show/1/chapters.json").exists()
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text().replace("transcripts:\n", "transcripts:\n  chapters_from_breaks: true\n"))
    assert build(minimal_site, out).ok
    chapters = json.loads((out / "show/1/chapters.json").read_text())["chapters"]
    # the break has no length of its own (the next paragraph starts at 5:00 too), so part 2 starts there
    assert chapters == [{"startTime": 0, "title": "Part 1"}, {"startTime": 300, "title": "Part 2"}]
