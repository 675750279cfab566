"""podsite as a user installs it: a wheel in a fresh virtual environment, building the bundled example with
the default theme that the wheel carries (not the repository's themes/ folder)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Without PYTHONPATH: a test run may point it at the checkout, which would hide what the wheel lacks.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done


def test_a_wheel_installed_in_a_fresh_venv_builds_the_example_with_its_own_default_theme(tmp_path: Path) -> None:
    # The sources the wheel is made of, copied: building in the checkout would leave build/ there, whose
    # stale files a later wheel would pick up.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for folder in ("generator", "themes"):
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", source, cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("podsite-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    run(venv / "bin/python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)

    site = tmp_path / "work"
    shutil.copytree(REPO / "content", site / "content")
    shutil.rmtree(source)  # nothing of the checkout's copy left to fall back on
    run(venv / "bin/podsite", "build", "--site", "content", "--out", "out", cwd=site)

    themes = run(venv / "bin/python", "-c", "import generator.themes as t; print(t.THEMES_DIR)", cwd=site)
    assert Path(themes.stdout.strip()).is_relative_to(venv), themes.stdout
    page = site / "out/practicalai/36/index.html"
    assert page.is_file()
    assert re.search(r'<link rel="stylesheet" href="/assets/podsite\.css[^"]*">', page.read_text(encoding="utf-8"))
    assert (site / "out/assets/podsite.css").read_bytes() == (REPO / "themes/default/static/podsite.css").read_bytes()
