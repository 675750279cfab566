"""The content format's examples (docs/content-format.md) are what the loaders accept: every key in them
is known, every value is valid, and together they build."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from conftest import REPO

from generator.engine import build

DOC = (REPO / "docs" / "content-format.md").read_text(encoding="utf-8")


def example(heading: str, fence: str = "yaml") -> str:
    """The first fenced block of that kind after the heading."""
    section = DOC[DOC.index(heading):]
    match = re.search(rf"```{fence}\n(.*?)```", section, re.S)
    assert match, heading
    return match.group(1)


def test_the_documented_examples_build_into_a_site(tmp_path: Path) -> None:
    site = tmp_path / "content"
    files = {
        "site.yaml": example("## site.yaml"),
        "shows/practicalai.yaml": example("## shows/"),
        "people/anima-anandkumar.yaml": example("## people/"),
        "sponsors/digitalocean.yaml": example("## sponsors/"),
        "episodes/practicalai/36/episode.md": example("## episodes/", "markdown"),
        "episodes/practicalai/36/transcript.md": example("### transcript.md", "markdown"),
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    # what the examples refer to beyond themselves: the other people and sponsor, and the files they name
    for slug, name in (("chris-benson", "Chris Benson"), ("daniel-whitenack", "Daniel Whitenack")):
        (site / "people" / f"{slug}.yaml").write_text(f"name: {name}\n", encoding="utf-8")
    (site / "sponsors" / "rollbar.yaml").write_text("name: Rollbar\nurl: https://rollbar.com/changelog\n")
    for asset in re.findall(r"^(?:artwork|avatar|logo): (\S+\.(?:png|jpg|svg))", DOC, re.M):
        (site / asset).parent.mkdir(parents=True, exist_ok=True)
        (site / asset).write_bytes(b"\x89PNG\r\n\x1a\n")
    result = build(site, None)
    errors = [d.format() for d in result.diagnostics.errors]
    assert errors == []
    [episode] = result.site.episodes  # type: ignore[union-attr]
    assert episode.title == "Growing up to become a world-class AI expert"
    assert [s.sponsor.slug for s in episode.sponsors] == ["digitalocean", "rollbar"]
    assert episode.transcript_path is not None and len(episode.chapters) == 2


# -- the README and docs/ ----------------------------------------------------------------------------

README = REPO / "README.md"
# Linked before it exists: docs/caching.md is written in another change of the same issue. Remove once it is in.
WRITTEN_ELSEWHERE = {REPO / "docs" / "caching.md"}


def test_the_readme_is_a_front_door() -> None:
    """Short enough to read: what podsite is, the quick start, the commands; the rest lives in docs/."""
    assert len(README.read_bytes()) <= 8 * 1024


def test_the_readme_names_every_command_and_option() -> None:
    from generator.cli import make_parser
    from generator.console import EXIT_CONTENT, EXIT_OK, EXIT_USAGE

    text = README.read_text(encoding="utf-8")
    commands = {}
    for action in make_parser()._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)
                      and a.dest in ("source", "kind")]
            for inner in nested:
                commands.update({f"podsite {name} {n}": s for n, s in inner.choices.items()})
            if not nested:
                commands[f"podsite {name}"] = sub
    assert set(commands) == {"podsite build", "podsite check", "podsite serve", "podsite new episode",
                             "podsite new site", "podsite import feed", "podsite import changelog"}
    for command, parser in commands.items():
        assert f"`{command}" in text, command
        for action in parser._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in text, f"{command} {option}"
    for code in (EXIT_OK, EXIT_CONTENT, EXIT_USAGE):
        assert f"| {code} |" in text


def test_every_relative_link_in_the_docs_leads_to_a_file() -> None:
    broken = []
    for doc in [README, *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (doc.parent / target.split("#")[0]).resolve()
            if not path.exists() and path not in WRITTEN_ELSEWHERE:
                broken.append(f"{doc.relative_to(REPO)}: {target}")
    assert broken == []


def test_the_readme_picture_is_small() -> None:
    picture = REPO / "docs" / "episode.png"
    assert "(docs/episode.png)" in README.read_text(encoding="utf-8")
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size < 200_000
