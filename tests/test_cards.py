"""Social cards: each episode page names, by absolute URL, a 1200x630 PNG beside it that shows the show's
artwork (or its initials), the episode's number and title, its guests and the show's name. Text is fitted
without cutting a word, non-Latin titles are drawn with the theme's font, cards are drawn again only when
what they show changes, and a theme may bring its own layout."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import previewing, use_own_theme
from fontTools.ttLib import TTFont
from PIL import Image

from generator.diagnostics import Diagnostic
from generator.engine import build
from generator.model.entities import Episode
from generator.render.cards import DEFAULT_CARDS, CardMaker, fit_text, load_layout, missing_glyphs
from generator.result import BuildResult

BOLD = DEFAULT_CARDS / "fonts" / "NotoSans-Bold.ttf"
LONG = ("What a thoroughly unreasonable title for one podcast episode looks like when a host cannot stop "
        "adding words to it, because every single one of them seems important")
GREEK = "Η τεχνητή νοημοσύνη στην καθημερινή ζωή"  # noqa: RUF001 - Greek, as meant
CYRILLIC = "Как нейронные сети учатся понимать человеческую речь"


def meta(html: str, key: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert found, key
    return found.group(1)


@pytest.fixture
def site(minimal_site: Path) -> Path:
    """The minimal site with its social cards on (they are opt-in: `cards: true` in site.yaml)."""
    with (minimal_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("cards: true\n")
    return minimal_site


def card_warnings(result: BuildResult) -> list[Diagnostic]:
    return [item for item in result.diagnostics.warnings if "social card" in item.message]


def set_title(site: Path, episode: str, title: str) -> None:
    notes = site / "episodes" / "show" / episode / "episode.md"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1), encoding="utf-8")


def test_every_episode_page_names_its_card_by_absolute_url_and_the_card_is_a_1200x630_png(
        site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(site, out).ok
    pages = sorted(out.glob("show/*/index.html"))
    assert len(pages) == 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        url = meta(html, "og:image")
        assert url == "https://podcast.example/" + page.parent.relative_to(out).as_posix() + "/card.png"
        assert meta(html, "twitter:image") == url and meta(html, "twitter:card") == "summary_large_image"
        assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
        assert meta(html, "og:image:alt").startswith("The Show, episode ")
        card = out / url.removeprefix("https://podcast.example/")
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))
    assert "with Gus Guest" in meta((out / "show/1/index.html").read_text(encoding="utf-8"), "og:image:alt")


def test_without_cards_true_there_is_no_card_and_og_image_is_the_show_artwork(minimal_site: Path,
                                                                               tmp_path: Path) -> None:
    show = minimal_site / "shows" / "show.yaml"
    show.write_text(show.read_text(encoding="utf-8") + "artwork: https://cdn.example/art.png\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build(minimal_site, out).ok
    html = (out / "show/1/index.html").read_text(encoding="utf-8")
    assert meta(html, "og:image") == "https://cdn.example/art.png" and meta(html, "twitter:card") == "summary"
    assert "twitter:image" not in html and not list(out.rglob("card.png"))


def test_a_long_title_shrinks_then_wraps_and_every_word_is_drawn_whole() -> None:
    fitted = fit_text(LONG, BOLD, 522, 300, (60, 28))
    assert fitted.complete and fitted.size < 60 and len(fitted.lines) > 2
    assert " ".join(fitted.lines).split() == LONG.split()  # every word, in order, none split across lines
    bigger = fit_text(LONG, BOLD, 522, 300, (fitted.size + 2, fitted.size + 2))
    assert not bigger.complete  # the size chosen is the largest that holds every word


def test_a_title_too_long_for_the_box_ends_with_an_ellipsis_after_a_whole_word() -> None:
    fitted = fit_text(LONG * 3, BOLD, 522, 120, (40, 28))
    assert not fitted.complete and fitted.size == 28
    assert fitted.lines[-1].endswith("…") and not fitted.lines[-1].endswith(" …")
    drawn = " ".join(fitted.lines).removesuffix("…").split()
    assert drawn == (LONG * 3).split()[:len(drawn)]  # a prefix of whole words


def test_a_word_wider_than_the_box_at_every_size_is_left_out_rather_than_cut() -> None:
    fitted = fit_text("Short " + "x" * 80, BOLD, 300, 100, (40, 30))
    assert fitted.lines == ("Short…",) and not fitted.complete


@pytest.mark.parametrize("title", [GREEK, CYRILLIC])
def test_the_shipped_font_has_a_glyph_for_every_letter_of_a_greek_or_cyrillic_title(title: str) -> None:
    cmap = TTFont(BOLD).getBestCmap()
    assert all(ord(char) in cmap for char in title if not char.isspace())
    assert missing_glyphs(title, BOLD) == ""
    assert missing_glyphs("播客 " + title, BOLD) == "播客"  # as the cmap says: the font has no Chinese


def test_a_non_latin_title_is_drawn_in_glyphs_not_boxes(site: Path, tmp_path: Path) -> None:
    set_title(site, "1", CYRILLIC)
    result = build(site, tmp_path / "out")
    assert result.ok and not card_warnings(result)
    assert result.site is not None
    maker = CardMaker(load_layout(DEFAULT_CARDS.parent))
    [episode] = [episode for episode in result.site.episodes if episode.title == CYRILLIC]
    with Image.open(tmp_path / "out" / "show/1/card.png") as drawn:
        card = drawn.convert("RGB")
    # The same card with each letter swapped for a character the font lacks: the boxes it would draw.
    boxes = "".join(" " if c == " " else "\u0fff" for c in CYRILLIC)
    tofu = Image.open(io.BytesIO(maker.draw(replace(episode, title=boxes)))).convert("RGB")
    box = (622, 176, 1144, 476)
    assert card.crop(box).tobytes() != tofu.crop(box).tobytes()


def test_text_the_font_cannot_draw_is_a_warning_at_the_title_line(site: Path, tmp_path: Path) -> None:
    set_title(site, "2", "播客 The second one")
    result = build(site, tmp_path / "out")
    assert result.ok
    [warning] = card_warnings(result)
    assert warning.location.path.name == "episode.md" and warning.location.path.parent.name == "2"
    assert warning.location.line == 2 and "'播', '客'" in warning.message and "title" in warning.message


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the cards drawn (not taken from the cache) while the test runs."""
    drawn: list[str] = []
    real = CardMaker.draw

    def noting(self: CardMaker, episode: Episode) -> bytes:
        drawn.append(episode.title)
        return real(self, episode)

    monkeypatch.setattr(CardMaker, "draw", noting)
    return drawn


def test_an_unchanged_card_is_taken_from_the_cache_and_a_changed_one_is_drawn_again(
        site: Path, tmp_path: Path, draws: list[str]) -> None:
    out = tmp_path / "out"
    assert build(site, out, jobs=1).ok
    assert sorted(draws) == ["The first one", "The second one"]
    first = (out / "show/2/card.png").read_bytes()
    draws.clear()
    # A template of the site's own: every page is made again, but no card shows anything new.
    (site / "templates").mkdir()
    (site / "templates" / "404.html").write_text("{% extends 'theme/404.html' %}\n", encoding="utf-8")
    result = build(site, out, jobs=1)
    assert result.ok and len(result.rendered) > 2 and draws == []
    assert (out / "show/2/card.png").read_bytes() == first
    set_title(site, "1", "A new title")
    assert build(site, out, jobs=1).ok
    assert draws == ["A new title"]  # episode 2's page changed (it links episode 1), its card did not
    draws.clear()
    # A cache entry that fails its check is a miss: drawn again, never used.
    entries = sorted((tmp_path / ".out.podsite-cache" / "cards").glob("*.entry"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")
    shutil.rmtree(out)
    assert build(site, out, jobs=1).ok
    assert sorted(draws) == ["A new title", "The second one"]
    assert (out / "show/2/card.png").read_bytes() == first


def _pixel(card: Path, at: tuple[int, int]) -> tuple[int, int, int]:
    with Image.open(card) as image:
        pixel = image.convert("RGB").getpixel(at)
    assert isinstance(pixel, tuple)
    return pixel[0], pixel[1], pixel[2]


def near(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    """Equal but for what the card's 256-colour palette rounds off."""
    return all(abs(a - b) <= 4 for a, b in zip(colour, expected, strict=True))


def test_a_theme_brings_its_own_layout_and_takes_the_default_fonts_it_does_not_replace(
        site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(site, out).ok
    assert near(_pixel(out / "show/1/card.png", (10, 10)), (0x16, 0x1A, 0x26))  # the default background
    theme = use_own_theme(site)
    shutil.rmtree(theme / "cards" / "fonts")  # the fonts are the default theme's
    layout = (theme / "cards" / "layout.json").read_text(encoding="utf-8")
    (theme / "cards" / "layout.json").write_text(layout.replace('"background": "#161a26"',
                                                                '"background": "#ff0000"'), encoding="utf-8")
    assert build(site, out).ok
    assert near(_pixel(out / "show/1/card.png", (10, 10)), (255, 0, 0))


def test_a_broken_layout_is_an_error_naming_its_file(site: Path, tmp_path: Path) -> None:
    theme = use_own_theme(site)
    layout = (theme / "cards" / "layout.json").read_text(encoding="utf-8")
    (theme / "cards" / "layout.json").write_text(layout.replace('"#161a26"', '"red"'), encoding="utf-8")
    result = build(site, tmp_path / "out")
    [error] = result.diagnostics.errors
    assert error.location.path == theme / "cards" / "layout.json" and "background" in error.message


def test_local_artwork_is_on_the_card_and_remote_artwork_gives_the_initials(
        site: Path, tmp_path: Path) -> None:
    Image.new("RGB", (1400, 1400), (0, 0, 255)).save(site / "artwork.png")
    show = site / "shows" / "show.yaml"
    plain = show.read_text(encoding="utf-8")
    show.write_text(plain + "artwork: artwork.png\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build(site, out).ok
    red, green, blue = _pixel(out / "show/1/card.png", (315, 315))  # the artwork's middle
    assert blue > 200 and red < 40 and green < 40
    show.write_text(plain + "artwork: https://cdn.example/artwork.png\n", encoding="utf-8")
    result = build(site, out)
    assert result.ok and not card_warnings(result)
    layout = load_layout(DEFAULT_CARDS.parent)
    assert any(near(_pixel(out / "show/1/card.png", (70, 70)), c) for c in layout.fallback_backgrounds)
    with Image.open(out / "show/1/card.png") as card:
        tile = card.convert("RGB").crop((56, 56, 574, 574))
    colours = [(c[0], c[1], c[2]) for _, c in tile.getcolors(518 * 518) or [] if isinstance(c, tuple)]
    assert any(near(colour, layout.fallback_colour) for colour in colours)  # the letters "TS"


@pytest.mark.slow
def test_in_a_browser_the_episode_page_names_its_card_and_the_card_is_1200x630(site: Path,
                                                                               browser: Any) -> None:
    with previewing(site) as preview:
        page = browser.new_page()
        page.set_default_timeout(10_000)
        page.goto(preview.url + "show/1/")
        url = page.locator('meta[property="og:image"]').get_attribute("content")
        assert url == preview.url + "show/1/card.png"  # absolute, on the site's own host
        response = page.request.get(url)
        assert response.ok and response.headers["content-type"] == "image/png"
        with Image.open(io.BytesIO(response.body())) as card:
            assert card.size == (1200, 630)
        page.goto(url)  # and the browser itself decodes it at that size
        assert page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]") == [1200, 630]
        page.close()
