"""podsite as it is installed: from a wheel in a fresh virtual environment, with the default theme that the
wheel carries; and scripts/test, the test command, on a Python that refuses `pip install` (PEP 668)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path, check: bool = True, **env: str) -> subprocess.CompletedProcess[str]:
    # Without PYTHONPATH: a test run may point it at the checkout, which would hide what the wheel lacks.
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=environ | env, capture_output=True,
                          text=True, timeout=900)
    assert not check or done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
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

    themes = run(venv / "bin/python", "-c", "import generator.render.themes as t; print(t.THEMES_DIR)", cwd=site)
    assert Path(themes.stdout.strip()).is_relative_to(venv), themes.stdout
    page = site / "out/practicalai/36/index.html"
    assert page.is_file()
    assert re.search(r'<link rel="stylesheet" href="/assets/podsite\.css[^"]*">', page.read_text(encoding="utf-8"))
    assert (site / "out/assets/podsite.css").read_bytes() == (REPO / "themes/default/static/podsite.css").read_bytes()
    # `podsite new site` writes its workflow and .gitignore from files the wheel carries
    run(venv / "bin/podsite", "new", "site", "starter", "--title", "T", "--host", "H", "--category", "Arts", cwd=site)
    assert (site / "starter/.github/workflows/pages.yml").is_file() and (site / "starter/.gitignore").is_file()
    assert "0 warnings" in run(venv / "bin/podsite", "build", cwd=site / "starter").stdout


def externally_managed_python(root: Path) -> Path:
    """A Python that pip refuses to install into, as Debian's python3 does: this one's binary and standard
    library (linked entry by entry) under root, with the PEP 668 marker file beside them. (The marker has
    no effect inside a virtual environment, so it cannot simply be dropped into one.) Where this Python's
    base is such a one already (tests run from the .venv that scripts/test made), that one."""
    stdlib = Path(sysconfig.get_path("stdlib"))
    binary = Path(getattr(sys, "_base_executable", sys.executable))
    if (stdlib / "EXTERNALLY-MANAGED").is_file():
        return binary
    fake = root / stdlib.relative_to(sys.base_prefix)
    fake.mkdir(parents=True)
    for entry in stdlib.iterdir():
        (fake / entry.name).symlink_to(entry)
    (fake / "EXTERNALLY-MANAGED").write_text("[externally-managed]\nError=use a virtual environment\n")
    binary = binary.resolve()
    (root / "bin").mkdir()
    shutil.copy2(binary, root / "bin" / binary.name)
    return root / "bin" / binary.name


def test_the_test_command_installs_into_a_venv_where_the_system_python_refuses_pip(tmp_path: Path) -> None:
    python = externally_managed_python(tmp_path / "system")
    refused = run(python, "-m", "pip", "install", "--dry-run", "jinja2", cwd=tmp_path, check=False)
    assert refused.returncode != 0, refused.stdout  # refused, or (a distribution's python3) no pip at all
    assert "externally-managed-environment" in refused.stderr or "No module named pip" in refused.stderr

    # The checkout's files, less what is ignored (its own .venv, caches, output).
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).stdout
    repo = tmp_path / "repo"
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, repo / name)

    # That Python is the python3 on PATH, as on a Debian machine. The exit status also carries ruff's and
    # mypy's verdict on the whole code, which is not this test's.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(python)
    path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    first = run("bash", "scripts/test", "--co", "-q", "tests/test_timecode.py", cwd=repo, check=False, PATH=path)
    assert re.search(r"^\d+ tests collected", first.stdout, re.MULTILINE), first.stdout + first.stderr
    assert "externally managed (PEP 668); installing into .venv" in first.stderr
    shown = run(repo / ".venv/bin/python", "-m", "pip", "show", "-f", "podsite", cwd=repo).stdout
    assert f"Editable project location: {repo}" in shown
    said = first.stdout + first.stderr
    assert re.search(r"All checks passed!|Found \d+ errors?\.", said), said  # ruff ran, from the .venv
    assert re.search(r"Success: no issues found|Found \d+ errors? in \d+ files?", said), said  # and mypy

    again = run("bash", "scripts/test", "--co", "-q", "tests/test_timecode.py", cwd=repo, check=False, PATH=path)
    assert "installing into .venv" not in again.stderr  # the .venv made by the first run is used
    assert re.search(r"^\d+ tests collected", again.stdout, re.MULTILINE), again.stdout + again.stderr
