"""The bundled example's episode page, byte for byte, against a copy reviewed by eye.

After an intended change: `pytest tests/test_golden.py --update-golden`, then read `git diff tests/golden`."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from generator.engine import build

GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = {"practicalai-36.html": "practicalai/36/index.html"}


@pytest.mark.parametrize("golden_name", sorted(PAGES))
def test_example_page_matches_golden(golden_name: str, example_site: Path, request: pytest.FixtureRequest) -> None:
    out = example_site.parent / "output"
    result = build(example_site, out)
    assert result.ok, result.diagnostics.report()
    actual = (out / PAGES[golden_name]).read_text(encoding="utf-8")
    golden = GOLDEN / golden_name
    if request.config.getoption("--update-golden"):
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "built", lineterm="", n=2)
        pytest.fail("the page differs from its golden copy:\n" + "\n".join(list(diff)[:80]))
