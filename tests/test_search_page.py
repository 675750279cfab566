"""The search page and boxes as the build writes them: only for a site with `search: true` (no other site
ships the 4.5 MiB client or a box that leads nowhere), below the site's base path, and saying, without
JavaScript, that search needs it. What they do in a browser: tests/test_browser_search.py."""

from __future__ import annotations

from pathlib import Path

from generator.engine import build

CLIENT = ("assets/search/search.js", "assets/search/search-worker.js", "assets/search/search.css",
          "assets/search/vendor/sqlite-wasm-http/sqlite3.wasm", "assets/search/vendor/sqlite-wasm-http/LICENSE",
          "assets/search/vendor/sqlite-wasm-http/README.md")


def built(site: Path, out: Path, search: bool, base_url: str | None = None) -> Path:
    if search:
        with (site / "site.yaml").open("a", encoding="utf-8") as config:
            config.write("search: true\n")
    result = build(site, out, base_url=base_url, jobs=1)
    assert result.ok, result.diagnostics.report()
    return out


def test_a_site_without_search_has_no_search_page_box_or_client(minimal_site: Path, tmp_path: Path) -> None:
    out = built(minimal_site, tmp_path / "out", search=False)
    assert not (out / "search").exists()
    assert not (out / "assets/search").exists()
    for page in ("index.html", "404.html", "show/1/index.html"):
        assert 'role="search"' not in (out / page).read_text(encoding="utf-8"), page


def test_a_site_with_search_has_its_page_client_and_boxes_below_its_base_path(
        minimal_site: Path, tmp_path: Path) -> None:
    out = built(minimal_site, tmp_path / "out", search=True, base_url="https://host.example/podcast/")
    for name in CLIENT:
        assert (out / name).is_file(), name
    assert (out / "search/index.db").is_file()
    for page in ("index.html", "show/1/index.html", "people/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert '<form class="site-search" id="site-search" role="search" aria-label="Site" ' \
               'action="/podcast/search/" method="get">' in html, page
        assert 'name="q"' in html
    missing = (out / "404.html").read_text(encoding="utf-8")
    assert 'id="search-404" role="search" aria-label="Find an episode" action="/podcast/search/"' in missing

    page = (out / "search/index.html").read_text(encoding="utf-8")
    assert 'data-search-root="/podcast/"' in page
    assert '<script type="module" src="/podcast/assets/search/search.js"></script>' in page
    assert 'id="site-search"' not in page  # its own form is the box
    assert "<strong>Search needs JavaScript</strong>" in page
    assert '<a href="/podcast/show/">All episodes of The Show</a>' in page
    assert '<a href="/podcast/people/">Hosts and guests</a>' in page


def test_turning_search_off_takes_the_page_and_client_out_of_the_output(minimal_site: Path, tmp_path: Path) -> None:
    out = built(minimal_site, tmp_path / "out", search=True)
    assert (out / "assets/search/search.js").is_file()
    config = minimal_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("search: true\n", ""), encoding="utf-8")
    built(minimal_site, out, search=False)
    assert not (out / "search").exists()
    assert not (out / "assets/search").exists()
