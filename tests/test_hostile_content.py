"""A site is a closed world: what its content says cannot reach outside it or take over another part of it.
Links out of the site folder, URLs that run code, slugs and texts with control characters, and two sources
of one output file are each reported where they are written, and nothing is published."""

from __future__ import annotations

import http.client
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import previewing, search_text

from generator.diagnostics import Diagnostics
from generator.engine import build
from generator.result import BuildResult
from generator.sources import may_read

EPISODE_1 = "episodes/show/1"


def run(site: Path) -> tuple[BuildResult, Path]:
    out = site.parent / "output"
    return build(site, out, jobs=1), out


def messages(result: BuildResult) -> str:
    return result.diagnostics.report()


def published(out: Path) -> bytes:
    """Every byte the build wrote, to look for what must not be there (the search index: every text it holds;
    not the social cards: a PNG's bytes are pixels, any of which may be a control character)."""
    files = sorted(p for p in out.rglob("*") if p.is_file() and p.suffix != ".png") if out.exists() else []
    return b"".join(search_text(p) if p.name == "index.db" else p.read_bytes() for p in files)


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Slugs


def test_an_episode_folder_whose_name_ends_in_a_newline_is_an_error(minimal_site: Path) -> None:
    (minimal_site / EPISODE_1).rename(minimal_site / "episodes/show/3\n")
    result, out = run(minimal_site)
    assert not result.ok
    assert "episode folder name '3\\n' is not a valid slug" in messages(result)
    assert "lower-case letters a-z, digits 0-9" in messages(result)
    assert not out.exists()


def test_a_person_file_whose_name_is_no_slug_is_an_error(minimal_site: Path) -> None:
    (minimal_site / "people/Gus Guest.yaml").write_text("name: Gus\n", encoding="utf-8")
    result, _ = run(minimal_site)
    assert "file name 'Gus Guest.yaml' is not a valid slug" in messages(result)


# Control characters


def test_control_characters_in_a_title_are_removed_from_every_page_with_a_warning(minimal_site: Path) -> None:
    edit(minimal_site, f"{EPISODE_1}/episode.md", "title: The first one", 'title: "The \\a first \\e[31mone"')
    edit(minimal_site, "shows/show.yaml", "name: The Show", 'name: "The \\x07Show"')
    result, out = run(minimal_site)
    assert result.ok, messages(result)
    text = published(out)
    assert b"The  first [31mone" in text
    assert b"\x07" not in text and b"\x1b" not in text
    warnings = [w.message for w in result.diagnostics.warnings]
    assert any("U+0007" in w and "U+001B" in w for w in warnings)
    assert any("U+0007" in w and "Show" in w for w in warnings)


def test_control_characters_in_a_json_chapter_title_are_removed(minimal_site: Path) -> None:
    (minimal_site / EPISODE_1 / "chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Bell\\u0007 here"}]}', encoding="utf-8")
    result, out = run(minimal_site)
    assert result.ok, messages(result)
    assert b"Bell here" in (out / "show/1/index.html").read_bytes()
    assert b"\x07" not in published(out)
    assert any("U+0007" in w.message for w in result.diagnostics.warnings)


# URLs


def test_a_javascript_url_in_chapters_json_is_an_error(minimal_site: Path) -> None:
    (minimal_site / EPISODE_1 / "chapters.json").write_text(
        '{"version": "1.2.0", "chapters": [\n{"startTime": 0, "title": "Go", "url": "javascript:alert(1)"}]}',
        encoding="utf-8")
    result, out = run(minimal_site)
    assert not result.ok
    assert "chapters.json:2: error: the chapter url 'javascript:alert(1)' is not allowed" in messages(result)
    assert "http://, https:// or mailto:" in messages(result)
    assert not out.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVa\tScRiPt:alert(1)", " data:text/html,<b>"])
def test_a_script_url_in_an_edit_pattern_is_an_error(minimal_site: Path, url: str) -> None:
    escaped = url.replace("\t", "\\t")
    (minimal_site / "site.yaml").open("a", encoding="utf-8").write(f'edit:\n  notes: "{escaped}{{path}}"\n')
    result, _ = run(minimal_site)
    assert not result.ok
    assert "site.yaml:9: error: the edit pattern 'notes'" in messages(result)


def test_a_script_url_in_a_show_edit_pattern_is_an_error(minimal_site: Path) -> None:
    (minimal_site / "shows/show.yaml").open("a", encoding="utf-8").write(
        "edit:\n  transcript: javascript:fetch('/{path}')\n")
    result, _ = run(minimal_site)
    assert "show.yaml:5: error: the edit pattern 'transcript'" in messages(result)


def test_a_relative_or_https_edit_pattern_is_kept(minimal_site: Path) -> None:
    (minimal_site / "site.yaml").open("a", encoding="utf-8").write(
        "edit:\n  notes: https://git.example/edit/{path}\n  transcript: /edit/{show}/{episode}\n")
    result, out = run(minimal_site)
    assert result.ok, messages(result)
    page = (out / "show/1/index.html").read_text(encoding="utf-8")
    assert "https://git.example/edit/episodes/show/1/episode.md" in page
    assert "/edit/show/1" in page


@pytest.mark.parametrize(("name", "old", "new", "line"), [
    ("sponsors/acme.yaml", "url: https://acme.example/", "url: javascript:alert(1)", "acme.yaml:2"),
    ("people/gus-guest.yaml", "github: gusguest", "website: javascript:alert(1)", "gus-guest.yaml:5"),
    ("shows/show.yaml", "hosts: [hana-host]", "hosts: [hana-host]\nwebsite: javascript:alert(1)", "show.yaml:4"),
    (f"{EPISODE_1}/episode.md", "url: https://cdn.example/1.mp3", "url: javascript:alert(1)", "episode.md:5"),
])
def test_a_script_url_in_a_link_of_content_is_an_error(minimal_site: Path, name: str, old: str, new: str,
                                                        line: str) -> None:
    edit(minimal_site, name, old, new)
    result, out = run(minimal_site)
    assert not result.ok
    assert f"{line}: error: " in messages(result)
    assert "'javascript:alert(1)' is not allowed" in messages(result)
    assert b"javascript:" not in published(out)


# Links out of the site


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the site folder, standing for /etc/passwd."""
    path = tmp_path / "elsewhere" / "secret.txt"
    path.parent.mkdir()
    path.write_text("---\ntitle: SECRET-CONTENT\n---\nSECRET-CONTENT\n", encoding="utf-8")
    return path


def link(at: Path, to: Path) -> None:
    """`at` made a symbolic link to `to`, in place of the file it was."""
    at.unlink(missing_ok=True)
    at.parent.mkdir(parents=True, exist_ok=True)
    at.symlink_to(to)


def test_a_transcript_that_links_to_etc_passwd_is_an_error(minimal_site: Path) -> None:
    link(minimal_site / EPISODE_1 / "transcript.md", Path("/etc/passwd"))
    result, out = run(minimal_site)
    assert not result.ok
    assert ("episodes/show/1/transcript.md: error: 'transcript.md' is a link to /etc/passwd, outside the site "
            "folder") in messages(result)
    assert b"root:" not in published(out)


@pytest.mark.parametrize("name", [f"{EPISODE_1}/transcript.md", f"{EPISODE_1}/episode.md", "people/gus-guest.yaml",
                                  "sponsors/acme.yaml", "shows/show.yaml", f"{EPISODE_1}/chapters.json",
                                  "static/notes.txt", "site.yaml"])
def test_no_content_file_that_links_out_of_the_site_is_read(minimal_site: Path, secret: Path, name: str) -> None:
    link(minimal_site / name, secret)
    result, out = run(minimal_site)
    assert not result.ok
    assert f"'{Path(name).name}' is a link to {secret}, outside the site folder" in messages(result)
    assert "copy the file into the site folder" in messages(result)
    assert b"SECRET-CONTENT" not in published(out)


@pytest.mark.parametrize("name", [EPISODE_1, "episodes/show", "people", "static/docs"])
def test_no_folder_that_links_out_of_the_site_is_read(minimal_site: Path, secret: Path, name: str) -> None:
    outside = secret.parent / "folder"
    shutil.copytree(minimal_site / EPISODE_1, outside / "1")
    shutil.copytree(minimal_site / "people", outside, dirs_exist_ok=True)
    (outside / "page.txt").write_text("SECRET-CONTENT", encoding="utf-8")
    for path in (outside / "1/episode.md", outside / "gus-guest.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("Gus Guest", "SECRET-CONTENT")
                        .replace("The first one", "SECRET-CONTENT"), encoding="utf-8")
    target = minimal_site / name
    if target.exists():
        shutil.rmtree(target)
    link(target, outside / "1" if name == EPISODE_1 else outside)
    result, out = run(minimal_site)
    assert not result.ok
    assert f"'{target.name}' is a link to " in messages(result)
    assert b"SECRET-CONTENT" not in published(out)


def test_an_asset_that_links_out_of_the_site_says_where_it_points(minimal_site: Path, secret: Path) -> None:
    link(minimal_site / "media/gus.jpg", secret)
    (minimal_site / "people/gus-guest.yaml").open("a", encoding="utf-8").write("avatar: media/gus.jpg\n")
    result, _ = run(minimal_site)
    assert f"gus-guest.yaml:6: error: 'gus.jpg' is a link to {secret}, outside the site folder" in messages(result)


def test_a_path_that_steps_back_through_a_link_is_judged_where_the_link_leads(tmp_path: Path) -> None:
    """Written, site/door/../secret.txt is below the site; read, it is beside the folder the link leads to."""
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    (elsewhere / "room").mkdir(parents=True)
    (elsewhere / "secret.txt").write_text("SECRET-CONTENT", encoding="utf-8")
    site.mkdir()
    (site / "door").symlink_to(elsewhere / "room")
    (site / "inside.txt").write_text("fine", encoding="utf-8")
    diags = Diagnostics()
    assert not may_read(site / "door" / ".." / "secret.txt", diags, site)
    assert "'secret.txt' is a link to " in diags.report()
    assert may_read(site / "inside.txt", diags, site)


def test_links_that_stay_inside_the_site_are_followed(minimal_site: Path) -> None:
    shared = minimal_site / "shared"
    shared.mkdir()
    (minimal_site / EPISODE_1 / "transcript.md").rename(shared / "transcript.md")
    link(minimal_site / EPISODE_1 / "transcript.md", Path("../../../shared/transcript.md"))
    (shared / "style.css").write_text("body { color: teal }", encoding="utf-8")
    link(minimal_site / "static/site.css", shared / "style.css")
    link(minimal_site / "static/loop", Path("."))  # the folder it is in: copied once, not round for ever
    result, out = run(minimal_site)
    assert result.ok, messages(result)
    assert (out / "show/1/transcript.txt").is_file()
    assert (out / "assets/site.css").read_text(encoding="utf-8") == "body { color: teal }"


# One source for each output file


@pytest.mark.parametrize(("name", "other"), [("index.html", "the page of episode 'show/1'"),
                                             ("transcript.txt", "a file of episode 'show/1'")])
def test_an_audio_file_cannot_replace_a_file_the_build_makes(minimal_site: Path, name: str, other: str) -> None:
    (minimal_site / EPISODE_1 / name).write_text("HIJACKED", encoding="utf-8")
    edit(minimal_site, f"{EPISODE_1}/episode.md", "  url: https://cdn.example/1.mp3",
         f"  file: {name}\n  type: audio/mpeg")
    result, out = run(minimal_site)
    assert not result.ok
    assert (f"episode.md:1: error: the file 'show/1/{name}' of episode 'show/1' and {other} (") in messages(result)
    assert f"would both be /show/1/{name}" in messages(result)
    assert b"HIJACKED" not in published(out)


def test_a_static_file_cannot_replace_the_page_of_a_show_named_assets(minimal_site: Path) -> None:
    (minimal_site / "shows/show.yaml").rename(minimal_site / "shows/assets.yaml")
    (minimal_site / "episodes/show").rename(minimal_site / "episodes/assets")
    (minimal_site / "static/1").mkdir(parents=True)
    (minimal_site / "static/1/index.html").write_text("<p>HIJACKED</p>", encoding="utf-8")
    result, out = run(minimal_site)
    assert not result.ok
    assert ("static/1/index.html: error: the static file index.html and the page of episode 'assets/1' "
            "(content/episodes/assets/1/episode.md) would both be /assets/1/index.html") in messages(result)
    assert b"HIJACKED" not in published(out)


def test_an_avatar_cannot_replace_the_page_of_a_show_named_media(minimal_site: Path) -> None:
    (minimal_site / "shows/show.yaml").rename(minimal_site / "shows/media.yaml")
    (minimal_site / "episodes/show").rename(minimal_site / "episodes/media")
    (minimal_site / "1").mkdir()
    (minimal_site / "1/index.html").write_text("<p>HIJACKED</p>", encoding="utf-8")
    (minimal_site / "people/gus-guest.yaml").open("a", encoding="utf-8").write("avatar: 1/index.html\n")
    result, out = run(minimal_site)
    assert not result.ok
    assert ("gus-guest.yaml:1: error: the avatar of person 'gus-guest' and the page of episode 'media/1' "
            "(content/episodes/media/1/episode.md) would both be /media/1/index.html") in messages(result)
    assert b"HIJACKED" not in published(out)


def test_two_people_may_share_one_avatar_file(minimal_site: Path) -> None:
    (minimal_site / "media").mkdir()
    (minimal_site / "media/face.png").write_bytes(b"\x89PNG")
    for name in ("gus-guest", "hana-host"):
        (minimal_site / f"people/{name}.yaml").open("a", encoding="utf-8").write("avatar: media/face.png\n")
    result, out = run(minimal_site)
    assert result.ok, messages(result)
    assert (out / "media/media/face.png").read_bytes() == b"\x89PNG"


# The preview answers only to its own address


def ask(url: str, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """A request to the preview at `url` (its real address) with the given headers."""
    where = urlsplit(url)
    assert where.hostname, url
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=20)
    try:
        conn.putrequest("GET", path, skip_host="Host" in headers)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        # The event stream never ends: its status is all there is to read.
        return response.status, b"" if response.status == 200 and path.endswith("events") else response.read()
    finally:
        conn.close()


@pytest.fixture
def preview_url(minimal_site: Path) -> Iterator[str]:
    draft = minimal_site / "episodes/show/3"
    draft.mkdir()
    (draft / "episode.md").write_text("---\ntitle: DRAFT-TITLE\ndraft: true\n---\n", encoding="utf-8")
    with previewing(minimal_site) as running:
        yield running.url


def test_the_preview_refuses_a_host_header_that_is_not_its_own(preview_url: str) -> None:
    port = urlsplit(preview_url).port
    assert port, preview_url
    status, body = ask(preview_url, "/show/3/", {"Host": f"rebind.attacker.example:{port}"})
    assert status == 421
    assert b"DRAFT-TITLE" not in body
    assert ask(preview_url, "/show/3/", {"Host": f"127.0.0.1:{port + 1}"})[0] == 421
    assert ask(preview_url, "/show/3/", {"Host": "localhost"})[0] == 421
    assert ask(preview_url, "/__podsite/live.js", {"Host": "attacker.example"})[0] == 421
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        status, body = ask(preview_url, "/show/3/", {"Host": host})
        assert status == 200 and b"DRAFT-TITLE" in body


def test_the_preview_events_refuse_another_origin(preview_url: str) -> None:
    port = urlsplit(preview_url).port
    own = {"Host": f"localhost:{port}"}
    assert ask(preview_url, "/__podsite/events", {**own, "Origin": "http://attacker.example"})[0] == 403
    assert ask(preview_url, "/__podsite/events", {**own, "Origin": "null"})[0] == 403
    assert ask(preview_url, "/__podsite/events", {**own, "Origin": f"http://localhost:{port}"})[0] == 200
    assert ask(preview_url, "/__podsite/events", own)[0] == 200


def test_serving_beyond_loopback_warns_that_the_drafts_are_exposed(minimal_site: Path) -> None:
    command = [sys.executable, "-m", "generator", "serve", "--site", str(minimal_site), "--host", "0.0.0.0",
               "--port", "0"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as running:
        lines = []
        try:
            while running.stdout and (line := running.stdout.readline()) and "podsite: serving" not in line:
                lines.append(line)
        finally:
            running.terminate()
            running.wait(timeout=20)
    said = "".join(lines)
    assert "warning: listening on 0.0.0.0: other machines on your network can see the preview, drafts included" in said


def test_a_template_that_links_out_of_the_site_is_not_read(minimal_site: Path, secret: Path) -> None:
    link(minimal_site / "templates/episode.html", secret)
    result, out = run(minimal_site)
    assert not result.ok
    assert f"template 'episode.html' is a link to {secret}, outside the site folder" in messages(result)
    assert b"SECRET-CONTENT" not in published(out)
