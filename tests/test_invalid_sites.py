"""Each folder of tests/sites/invalid breaks the minimal site in one way; the build must report exactly
the diagnostics in its expected.txt, exit 1 and leave the previous output as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SITES, copy_site

from generator.cli import main

CASES = sorted(p for p in (SITES / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_site_reports_exact_diagnostics(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    copy_site(tmp_path)
    assert main(["build", "--site", "content", "--out", "output"]) == 0
    before = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    capsys.readouterr()

    shutil.rmtree(tmp_path / "content")
    copy_site(tmp_path, case)
    code = main(["build", "--site", "content", "--out", "output"])
    err = capsys.readouterr().err

    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert err == expected
    assert code == 1
    after = {p: p.read_bytes() for p in (tmp_path / "output").rglob("*") if p.is_file()}
    assert after == before, "a failed build must leave the last good output untouched"
