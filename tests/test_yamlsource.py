from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.sources import load_yaml, split_front_matter


def test_keys_and_items_know_their_lines() -> None:
    data = load_yaml("a: 1\nb:\n  - x\n  - y\nc: {d: 2019-03-19}\n", Path("f.yaml"), Diagnostics(), first_line=2)
    assert data == {"a": 1, "b": ["x", "y"], "c": {"d": dt.date(2019, 3, 19)}}
    assert data.key_lines == {"a": 2, "b": 3, "c": 6}
    assert data["b"].item_lines == [4, 5]


def test_syntax_error_is_located_with_a_hint() -> None:
    diags = Diagnostics()
    assert load_yaml("name: x\ntitle: Go: the language\n", Path("p.yaml"), diags) is None
    assert diags.report() == ('p.yaml:2: error: YAML syntax: mapping values are not allowed here\n'
                              '    hint: a value containing ": " must be quoted, e.g. title: "Go: the language"')


def test_duplicate_keys_are_errors_not_last_one_wins() -> None:
    diags = Diagnostics()
    load_yaml("title: a\ntitle: b\n", Path("p.yaml"), diags)
    assert [d.format().splitlines()[0] for d in diags.items] == ["p.yaml:2: error: YAML syntax: duplicate key 'title'"]


def test_front_matter_split_keeps_line_numbers() -> None:
    parts = split_front_matter("---\ntitle: x\n---\nbody line\n")
    assert (parts.yaml_text, parts.yaml_first_line, parts.body, parts.body_first_line) == (
        "title: x", 2, "body line\n", 4)
    assert split_front_matter("no front matter").yaml_text is None
