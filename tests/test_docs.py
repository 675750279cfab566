"""The content format's examples (docs/content-format.md) are what the loaders accept: every key in them
is known, every value is valid, and together they build."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO
from generator.build import build

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
