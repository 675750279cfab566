"""The keys of the build's records: keys brought up to date from the last build's for a few changed paths are
the keys made from every input anew, whatever the paths change."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache.keys import InputKeys, changes, input_keys
from generator.cache.state import content_hashes, input_stats

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


def hashes_of(site: Path) -> dict[str, str]:
    return content_hashes(input_stats((site, THEME)), None)


def same_keys(a: InputKeys, b: InputKeys) -> bool:
    return (a.groups, a.base, a.shared, a.look, a.registered, a.entities, a.folders, a.models, a.every) == \
           (b.groups, b.base, b.shared, b.look, b.registered, b.entities, b.folders, b.models, b.every)


def edit(site: Path, name: str, text: str) -> Path:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


CHANGES = {
    "notes": lambda s: [edit(s, "episodes/show/1/episode.md", "---\ntitle: Edited\n---\nNew notes.\n")],
    "transcript": lambda s: [edit(s, "episodes/show/1/transcript.md", "**Gus:** Hello again.\n")],
    "person": lambda s: [edit(s, "people/gus-guest.yaml", "name: Gus Guest\nbio: Edited.\n")],
    "new person": lambda s: [edit(s, "people/new-one.yaml", "name: New One\n")],
    "gone person": lambda s: [_gone(s / "people/gus-guest.yaml")],
    "template": lambda s: [edit(s, "templates/extra.html", "<p>{{ site.config.title }}</p>\n")],
    "site.yaml": lambda s: [edit(s, "site.yaml", (s / "site.yaml").read_text(encoding="utf-8") + "\n# edited\n")],
    "static": lambda s: [edit(s, "static/extra.css", "body { color: teal }\n")],
    "two": lambda s: [edit(s, "episodes/show/2/episode.md", "---\ntitle: Two\n---\n"),
                      edit(s, "sponsors/acme.yaml", "name: Acme\nurl: https://acme.example/\n")],
}


def _gone(path: Path) -> Path:
    path.unlink()
    return path


@pytest.mark.parametrize("change", CHANGES, ids=str)
def test_keys_brought_up_to_date_for_the_changed_paths_are_the_keys_made_anew(minimal_site: Path,
                                                                                 change: str) -> None:
    before = input_keys(hashes_of(minimal_site), minimal_site, THEME, "options")
    paths = {str(path.resolve()) for path in CHANGES[change](minimal_site)}
    now = hashes_of(minimal_site)
    updated = input_keys({p: now[p] for p in paths if p in now}, minimal_site, THEME, "options", before, paths)
    anew = input_keys(now, minimal_site, THEME, "options")
    assert same_keys(updated, anew)
    assert changes(before, updated) == changes(before, anew)
    assert not same_keys(before, anew) or change == "static"  # the change is one the keys see (but static files)
