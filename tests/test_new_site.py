"""`podsite new site DIR`: a project that builds at once with no warnings, never replaces a file that is there,
and whose deploy recipes (the GitHub Pages workflow, netlify.toml) are the ones docs/deploying.md shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO

from generator.importers.starter import PODSITE_PLACEHOLDER, workflow

DEPLOYING = (REPO / "docs" / "deploying.md").read_text(encoding="utf-8")
STARTER = ["--title", "Tea Time", "--host", "Ada Lovelace", "--category", "Arts > Food"]


def podsite(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, through the CLI entry (`python -m generator`)."""
    env = os.environ | {"PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def fenced(heading: str, fence: str) -> str:
    section = DEPLOYING[DEPLOYING.index(heading):]
    match = re.search(rf"```{fence}\n(.*?)```", section, re.S)
    assert match, heading
    return match.group(1)


def test_a_new_site_builds_at_once_with_no_warnings(tmp_path: Path) -> None:
    made = podsite("new", "site", "tea", *STARTER, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "tea"
    built = podsite("build", cwd=project)
    assert built.returncode == 0, built.stderr
    said = built.stdout + built.stderr
    assert "0 warnings" in said and "warning:" not in said, said
    assert (project / "output/tea-time/index.html").is_file()
    # the first episode is a draft: shown by `podsite serve` (and --drafts), with no warning there either
    drafts = podsite("build", "--drafts", "--out", "preview", cwd=project)
    assert drafts.returncode == 0 and "0 warnings" in drafts.stdout + drafts.stderr, drafts.stdout + drafts.stderr
    assert (project / "preview/tea-time/1/index.html").is_file()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_gitignore_ignores_the_output_and_every_cache_folder(tmp_path: Path) -> None:
    assert podsite("new", "site", "tea", *STARTER, cwd=tmp_path).returncode == 0
    project = tmp_path / "tea"
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    paths = ["output/index.html", ".output.podsite-cache/state", ".public.podsite-cache/state",
             ".output.staging/x", "content/site.yaml", ".github/workflows/pages.yml"]
    checked = subprocess.run(["git", "check-ignore", "--no-index", *paths], cwd=project, capture_output=True,
                             text=True)
    assert checked.stdout.split() == paths[:4]


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "tea"
    project.mkdir()
    (project / "notes.txt").write_text("mine\n", encoding="utf-8")
    refused = podsite("new", "site", "tea", *STARTER, cwd=tmp_path)
    assert refused.returncode == 2
    assert "tea is not empty (notes.txt)" in refused.stderr and "--force" in refused.stderr
    assert sorted(p.name for p in project.iterdir()) == ["notes.txt"]


def test_force_writes_what_is_missing_and_keeps_what_the_user_changed(tmp_path: Path) -> None:
    assert podsite("new", "site", "tea", *STARTER, cwd=tmp_path).returncode == 0
    project = tmp_path / "tea"
    site_yaml = project / "content/site.yaml"
    mine = site_yaml.read_text(encoding="utf-8").replace("https://example.invalid/", "https://tea.example/")
    site_yaml.write_text(mine, encoding="utf-8")
    (project / ".gitignore").unlink()
    again = podsite("new", "site", "tea", *STARTER, "--force", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert site_yaml.read_text(encoding="utf-8") == mine
    assert "kept tea/content/site.yaml" in again.stdout and "created 1 file" in again.stdout
    assert "/.*.podsite-cache/" in (project / ".gitignore").read_text(encoding="utf-8")


def test_the_workflow_passes_actionlint(tmp_path: Path) -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip("no actionlint on PATH: `pip install -e '.[test]'` installs it")
    assert podsite("new", "site", "tea", *STARTER, "--podsite", "podsite==0.1.0", cwd=tmp_path).returncode == 0
    path = tmp_path / "tea/.github/workflows/pages.yml"
    assert 'PODSITE: "podsite==0.1.0"' in path.read_text(encoding="utf-8")
    linted = subprocess.run([actionlint, "-no-color", str(path)], capture_output=True, text=True, timeout=120)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    # the linter bites: the same workflow with a job that names no runner fails it
    broken = tmp_path / "broken.yml"
    broken.write_text(path.read_text(encoding="utf-8").replace("    runs-on: ubuntu-latest\n", "", 1))
    assert subprocess.run([actionlint, str(broken)], capture_output=True, timeout=120).returncode == 1


def test_the_docs_show_the_workflow_that_new_site_writes() -> None:
    assert fenced("## GitHub Pages", "yaml") == workflow()
    assert PODSITE_PLACEHOLDER in workflow()
    for step in ("actions/upload-pages-artifact@", "actions/deploy-pages@", "actions/cache@",
                 "steps.pages.outputs.base_url"):
        assert step in workflow(), step


# What netlify.toml may hold, as Netlify's file-based configuration documents it.
NETLIFY_KEYS = {
    "build": {"base", "command", "publish", "functions", "edge_functions", "ignore", "environment", "processing"},
    "context": {"base", "command", "publish", "environment", "functions", "edge_functions", "ignore"},
    "plugins": {"package", "inputs"},
}
NETLIFY_TABLES = {"build", "context", "plugins", "headers", "redirects", "functions", "dev", "edge_functions"}


def test_the_netlify_recipe_is_the_docs_and_uses_only_documented_keys() -> None:
    text = (REPO / "docs/recipes/netlify.toml").read_text(encoding="utf-8")
    assert fenced("## Netlify", "toml") == text
    config = tomllib.loads(text)
    assert set(config) <= NETLIFY_TABLES
    assert set(config["build"]) <= NETLIFY_KEYS["build"] and config["build"]["publish"] == "output"
    assert set(config["build"]["environment"]) == {"PYTHON_VERSION"}
    for name, context in config.get("context", {}).items():
        assert name in {"production", "deploy-preview", "branch-deploy", "dev"} or name.isidentifier(), name
        assert set(context) <= NETLIFY_KEYS["context"], name
        assert "$DEPLOY_PRIME_URL/" in context["command"]
    for plugin in config.get("plugins", []):
        assert set(plugin) <= NETLIFY_KEYS["plugins"]
        assert ".output.podsite-cache" in plugin["inputs"]["paths"]


def test_a_missing_site_folder_says_how_to_start_one(tmp_path: Path) -> None:
    named = podsite("new", "episode", "show", "--site", "nowhere", cwd=tmp_path)
    assert named.returncode == 2 and "podsite new site DIR" in named.stderr and "use --site" not in named.stderr
    default = podsite("build", cwd=tmp_path)
    assert default.returncode == 2 and "use --site" in default.stderr and "podsite new site DIR" in default.stderr
