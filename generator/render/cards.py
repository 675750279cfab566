"""Social cards: the 1200x630 PNG beside each episode page that og:image names, drawn with Pillow.

A card shows the show's artwork, the show's name, the episode's number and title, and its guests. Where
each goes, in which font, size and colour, is the theme's `cards/layout.json` (a data file, not code: the
build runs no theme code, and a layout is keyed and checked like any other input). A theme's `cards/`
folder is taken file by file over the default theme's, so a theme may replace only the layout, or only a
font.

The build fetches nothing: a show whose artwork is a remote URL (or a file that cannot be read as an image)
gets a card with its initials on a colour instead. Text is fitted to its box: the font shrinks, then the
words wrap, and only at the smallest size are words left out, at a word boundary, with an ellipsis. Text
the font has no glyph for is reported with the episode file and line, rather than drawn as boxes unsaid."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps

from generator.content.episodes import join_and
from generator.diagnostics import Diagnostics, Location
from generator.model.entities import Episode, Show
from generator.render.themes import THEMES_DIR
from generator.sources import outside_link

CARD_FILE = "card.png"  # beside the episode page
WIDTH, HEIGHT = 1200, 630
CARDS_DIR = "cards"  # in a theme: layout.json and the fonts it names
LAYOUT_FILE = "layout.json"
DEFAULT_CARDS = THEMES_DIR / "default" / CARDS_DIR
LEADING = 1.2  # a line's height, in font sizes
ELLIPSIS = "…"
TEXTS = ("show", "number", "title", "guests")
MAX_ARTWORK_PIXELS = 40_000_000  # a bigger image is not decoded (a decompression bomb costs the build its memory)

Font = ImageFont.FreeTypeFont
Colour = tuple[int, int, int]


class LayoutError(ValueError):
    """A layout file that is not what docs/content-format.md describes; the message says which key."""


@dataclass(frozen=True, slots=True)
class Box:
    """Where one text goes: its box, its font (a name in the layout's fonts), its sizes from largest to
    smallest, and its colour."""

    x: int
    y: int
    width: int
    height: int
    font: str
    sizes: tuple[int, int]
    colour: Colour


@dataclass(frozen=True, slots=True)
class Layout:
    background: Colour
    fonts: dict[str, Path]
    artwork: tuple[int, int, int]  # x, y, size (a square)
    fallback_font: str
    fallback_colour: Colour
    fallback_backgrounds: tuple[Colour, ...]
    band: tuple[int, int, int, int, Colour] | None
    number: str  # "Episode {number}"
    guests: str  # "with {names}"
    texts: dict[str, Box]
    digest: str  # of the layout file and every font it names: a card made with another is another card
    path: Path


def _find(theme: Path, name: str) -> Path:
    """A file of the cards folder: the theme's own, else the default theme's."""
    own = theme / CARDS_DIR / name
    if own.is_file() and outside_link(own, theme) is None:
        return own
    return DEFAULT_CARDS / name


def _colour(value: Any, where: str) -> Colour:
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise LayoutError(f"'{where}' must be a colour like \"#1a2b3c\", got {value!r}")
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _ints(data: Any, where: str, keys: tuple[str, ...]) -> tuple[int, ...]:
    if not isinstance(data, dict):
        raise LayoutError(f"'{where}' must be a mapping with {', '.join(keys)}")
    values = tuple(data.get(key) for key in keys)
    if not all(isinstance(v, int) and 0 <= v <= max(WIDTH, HEIGHT) for v in values):
        raise LayoutError(f"'{where}' needs {', '.join(keys)}: whole numbers of pixels from 0 to {max(WIDTH, HEIGHT)}")
    return tuple(int(v) for v in values if isinstance(v, int))


def load_layout(theme: Path) -> Layout:
    """The theme's card layout (or the default theme's); LayoutError naming the key that is wrong, OSError
    when a file cannot be read."""
    path = _find(theme, LAYOUT_FILE)
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise LayoutError(f"not JSON: {exc}") from exc
    try:
        return _layout(theme, path, raw, data)
    except (AttributeError, TypeError, KeyError) as exc:  # a mapping where a list is, and the like
        raise LayoutError(f"not the shape of a layout ({exc}); compare it with the default theme's") from exc


def _layout(theme: Path, path: Path, raw: bytes, data: Any) -> Layout:
    if not isinstance(data, dict) or data.get("format") != 1:
        raise LayoutError("a layout is a JSON object with \"format\": 1")
    colours = data.get("colours", {})
    named = {name: _colour(value, f"colours.{name}") for name, value in colours.items()}

    def colour(value: Any, where: str) -> Colour:
        return named[value] if isinstance(value, str) and value in named else _colour(value, where)

    fonts_data = data.get("fonts")
    if not isinstance(fonts_data, dict) or not fonts_data:
        raise LayoutError("'fonts' must map names to font files of the cards folder")
    if not all(isinstance(file, str) and re.fullmatch(r"[\w-]+(\.[\w-]+)*(/[\w-]+(\.[\w-]+)*)*", file)
               for file in fonts_data.values()):
        raise LayoutError("'fonts' must name files below the cards folder, like \"fonts/Sans-Bold.ttf\"")
    fonts = {name: _find(theme, file) for name, file in fonts_data.items()}
    for name, font_path in fonts.items():
        try:
            font_at(font_path, 12)
        except OSError as exc:
            raise LayoutError(f"the font '{name}' ({font_path.name}) cannot be read: {exc}") from exc
    digest = hashlib.sha256(raw)
    for name, font_path in sorted(fonts.items()):
        digest.update(f"\0{name}\0".encode() + font_path.read_bytes())
    texts: dict[str, Box] = {}
    for name in TEXTS:
        spec = data.get("text", {}).get(name)
        where = f"text.{name}"
        x, y, width, height = _ints(spec, where, ("x", "y", "width", "height"))
        sizes = spec.get("sizes")
        if not (isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes)
                and 6 <= sizes[1] <= sizes[0] <= height):
            raise LayoutError(f"'{where}.sizes' must be [largest, smallest] font sizes, 6 or more, that fit the box")
        if spec.get("font") not in fonts:
            raise LayoutError(f"'{where}.font' must be one of the fonts: {', '.join(sorted(fonts))}")
        texts[name] = Box(x, y, width, height, spec["font"], (sizes[0], sizes[1]), colour(spec.get("colour"), where))
    fallback = data.get("fallback", {})
    backgrounds = tuple(_colour(c, "fallback.backgrounds") for c in fallback.get("backgrounds", []))
    if not backgrounds or fallback.get("font") not in fonts:
        raise LayoutError("'fallback' needs 'backgrounds' (colours) and 'font' (one of the fonts)")
    band_data = data.get("band")
    band = (*_ints(band_data, "band", ("x", "y", "width", "height")), colour(band_data.get("colour"), "band")) \
        if band_data is not None else None
    number, guests = data.get("number", "{number}"), data.get("guests", "{names}")
    if not (isinstance(number, str) and "{number}" in number and isinstance(guests, str) and "{names}" in guests):
        raise LayoutError("'number' must hold {number} and 'guests' {names}")
    x, y, size = _ints(data.get("artwork"), "artwork", ("x", "y", "size"))
    return Layout(colour(data.get("background"), "background"), fonts, (x, y, size), fallback["font"],
                  colour(fallback.get("colour"), "fallback.colour"), backgrounds,
                  band, number, guests, texts, digest.hexdigest(), path)  # type: ignore[arg-type]


# -- fitting text --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fitted:
    """Text as drawn in a box: the font size, the lines, and whether every word is in them."""

    size: int
    lines: tuple[str, ...]
    complete: bool  # False: words were left out at the end, after an ellipsis


_fonts: dict[tuple[Path, int], Font] = {}


def font_at(path: Path, size: int) -> Font:
    """The font file at a size, loaded once a process. The basic layout engine: the scripts the default
    fonts cover need no shaping, and it draws the same on every install, with or without libraqm."""
    key = (path, size)
    if key not in _fonts:
        _fonts[key] = ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
    return _fonts[key]


def fit_text(text: str, font: Path, width: int, height: int, sizes: tuple[int, int]) -> Fitted:
    """`text` in the largest size from sizes[0] down to sizes[1] at which its words, wrapped at spaces,
    fit `width` on the lines that `height` holds; at the smallest, as many words as fit, then an ellipsis.
    A word is never split."""
    words = text.split()
    largest, smallest = sizes
    for size in range(largest, smallest - 1, -2):
        lines, placed = _wrap(words, font_at(font, size).getlength, width, _room(size, height))
        if placed == len(words):
            return Fitted(size, tuple(lines), True)
    measure = font_at(font, smallest).getlength
    *lines, last = _wrap(words, measure, width, _room(smallest, height))[0] or [""]
    while last and measure(last + ELLIPSIS) > width:
        last = last.rpartition(" ")[0]
    return Fitted(smallest, (*lines, last + ELLIPSIS), False)


def _room(size: int, height: int) -> int:
    return max(1, int(height // (size * LEADING)))


def _wrap(words: list[str], measure: Callable[[str], float], width: int, room: int) -> tuple[list[str], int]:
    """The words wrapped greedily on at most `room` lines, and how many of them those lines hold: wrapping
    stops at the first word that fits neither on the line nor, alone, on a new one."""
    lines: list[str] = []
    line = ""
    placed = 0
    for word in words:
        trial = f"{line} {word}" if line else word
        if measure(trial) <= width:
            line = trial
        elif line and len(lines) + 1 < room and measure(word) <= width:
            lines.append(line)
            line = word
        else:
            break
        placed += 1
    return ([*lines, line] if line else lines), placed


_missing: dict[tuple[Path, str], bool] = {}


def missing_glyphs(text: str, font: Path) -> str:
    """The characters of `text` that the font has no glyph for (each once, in order): those FreeType draws
    as the font's "no glyph" box."""
    face = font_at(font, 24)
    notdef = None
    found: list[str] = []
    for char in dict.fromkeys(text):
        key = (font, char)
        if key not in _missing:
            if notdef is None:
                mask = face.getmask("\U0010ffff")
                notdef = (mask.size, bytes(mask))
            mask = face.getmask(char)
            _missing[key] = not char.isspace() and (mask.size, bytes(mask)) == notdef
        if _missing[key]:
            found.append(char)
    return "".join(found)


# -- the card ------------------------------------------------------------------------------------------------


class Store(Protocol):
    """Where made cards are kept between builds (cache/cards.py)."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, png: bytes) -> None: ...


@dataclass(frozen=True, slots=True)
class CardText:
    """What a card shows, as text."""

    show: str
    number: str
    title: str
    guests: str


class CardMaker:
    """Makes the cards of one theme's layout, keeping each show's artwork decoded once a process."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.digests: dict[Path, tuple[tuple[int, int], str]] = {}  # by artwork file: its size and time, SHA-256
        # By show (slug, name, artwork's digest), for the few shows last drawn: a worker takes the episodes
        # in the site's order, show by show, and a site of many shows would otherwise hold every one's.
        self.tiles: dict[tuple[str, str, str], Image.Image] = {}
        self.palettes: dict[tuple[str, str, str], Image.Image] = {}

    def text(self, episode: Episode) -> CardText:
        layout = self.layout
        number = layout.number.format(number=episode.number) if episode.number is not None else ""
        names = join_and([guest.name for guest in episode.guests]) if episode.guests else ""
        return CardText(episode.show.name, number, episode.title, layout.guests.format(names=names) if names else "")

    def key(self, episode: Episode) -> str:
        """A digest of everything the card shows, and of the layout and fonts it is drawn with."""
        text = self.text(episode)
        parts = (self.layout.digest, PIL.__version__, text.show, text.number, text.title, text.guests,
                 self._digest(episode.show) or "initials")
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    def check(self, episode: Episode, diags: Diagnostics) -> None:
        """A warning for each text of the card with characters its font has no glyph for."""
        text = self.text(episode)
        for name, value, key in (("title", text.title, "title"), ("guests", text.guests, "guests"),
                                 ("show", text.show, None)):
            missing = missing_glyphs(value, self.layout.fonts[self.layout.texts[name].font])
            if missing:
                where = episode.show.location if key is None \
                    else Location(episode.location.path, _key_line(episode.location.path, key))
                diags.warning(where, f"the social card's font has no glyph for {', '.join(map(repr, missing))} "
                                     f"in the {name}: the card shows a box for each",
                              "give the theme a font that covers them in cards/ (see docs/content-format.md, "
                              "Social cards)")

    def card(self, episode: Episode, store: Store | None) -> tuple[str, bytes]:
        """The card's key and PNG bytes: from `store` when it has them, else drawn (and stored)."""
        key = self.key(episode)
        png = store.get(key) if store is not None else None
        if png is None:
            png = self.draw(episode)
            if store is not None:
                store.put(key, png)
        return key, png

    def draw(self, episode: Episode) -> bytes:
        # Dithered only over artwork: the initials' flat colours and the text are all in the palette already.
        dither = self._digest(episode.show) is not None
        return _png(self._compose(episode.show, self.text(episode)), self._palette(episode.show), dither)

    def _compose(self, show: Show, text: CardText) -> Image.Image:
        layout = self.layout
        image = Image.new("RGB", (WIDTH, HEIGHT), layout.background)
        x, y, _ = layout.artwork
        image.paste(self._tile(show), (x, y))
        draw = ImageDraw.Draw(image)
        if layout.band is not None:
            bx, by, bw, bh, colour = layout.band
            draw.rectangle((bx, by, bx + bw - 1, by + bh - 1), fill=colour)
        for name in TEXTS:
            value, box = getattr(text, name), layout.texts[name]
            if value:
                _draw_text(draw, value, box, layout.fonts[box.font])
        return image

    def _palette(self, show: Show) -> Image.Image:
        """The 256 colours of every card of the show: those of a card with its name in every text, which
        has its artwork and each text colour on the background. Made once a process, and the same in every
        process, so that a card's bytes depend on what it shows alone."""
        sample = CardText(show.name, self.layout.number.format(number=0), show.name,
                          self.layout.guests.format(names=show.name))
        return _kept(self.palettes, (show.slug, show.name, self._digest(show) or ""),
                     lambda: self._compose(show, sample).quantize(256, method=Image.Quantize.FASTOCTREE))

    def _digest(self, show: Show) -> str | None:
        """The SHA-256 of the show's local artwork file (None: it has none, or it cannot be read), taken
        once a process while its size and time stay the same."""
        source = show.artwork.source if show.artwork is not None else None
        if source is None:
            return None
        try:
            status = source.stat()
            stat = (status.st_size, status.st_mtime_ns)
            known = self.digests.get(source)
            if known is None or known[0] != stat:
                known = (stat, hashlib.sha256(source.read_bytes()).hexdigest())
                self.digests[source] = known
        except OSError:
            return None
        return known[1]

    def _tile(self, show: Show) -> Image.Image:
        """The artwork as the card shows it: the file cropped and scaled, or the initials."""
        digest = self._digest(show)
        source = show.artwork.source if show.artwork is not None else None

        def make() -> Image.Image:
            try:
                data = source.read_bytes() if source is not None and digest is not None else None
            except OSError:
                data = None
            square = _square(data, self.layout.artwork[2]) if data is not None else None
            return square if square is not None else self._initials(show)

        return _kept(self.tiles, (show.slug, show.name, digest or ""), make)

    def _initials(self, show: Show) -> Image.Image:
        """The fallback for artwork the build does not have: the show's initials on a colour of its own."""
        layout = self.layout
        size = layout.artwork[2]
        colours = layout.fallback_backgrounds
        background = colours[int(hashlib.sha256(show.slug.encode()).hexdigest(), 16) % len(colours)]
        tile = Image.new("RGB", (size, size), background)
        letters = "".join(word[0] for word in show.name.split() if word[0].isalnum())[:2].upper() or "?"
        font = font_at(layout.fonts[layout.fallback_font], size * 2 // 5)
        ImageDraw.Draw(tile).text((size / 2, size / 2), letters, font=font, fill=layout.fallback_colour, anchor="mm")
        return tile


KEPT = 4  # shows whose artwork and palette a worker keeps


def _kept(kept: dict[tuple[str, str, str], Image.Image], key: tuple[str, str, str],
          make: Callable[[], Image.Image]) -> Image.Image:
    """`kept[key]`, made when missing; the oldest entry dropped past KEPT."""
    if key not in kept:
        if len(kept) >= KEPT:
            del kept[next(iter(kept))]
        kept[key] = make()
    return kept[key]


def _png(image: Image.Image, palette: Image.Image, dither: bool) -> bytes:
    """The card as a PNG of the palette's 256 colours, dithered: smaller and quicker to encode than a
    full-colour one, with no banding on artwork's gradients. zlib's level 3 trades a few bytes for encoding
    time."""
    out = io.BytesIO()
    dithering = Image.Dither.FLOYDSTEINBERG if dither else Image.Dither.NONE
    image.quantize(palette=palette, dither=dithering).save(out, "PNG", compress_level=3)
    return out.getvalue()


def _square(data: bytes, size: int) -> Image.Image | None:
    """The image in `data` cropped to a square and scaled to `size`; None when it is not one Pillow reads."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_ARTWORK_PIXELS:
                return None
            image.draft("RGB", (size, size))  # a JPEG decodes at the smallest scale still at least `size`
            return ImageOps.fit(image.convert("RGB"), (size, size), Image.Resampling.LANCZOS)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def artwork_problem(show: Show) -> str | None:
    """Why the show's local artwork cannot go on a card (None: it can, or it is remote)."""
    source = show.artwork.source if show.artwork is not None else None
    if source is None:
        return None
    try:
        with Image.open(source) as image:
            if image.width * image.height > MAX_ARTWORK_PIXELS:
                return f"it has {image.width}x{image.height} pixels, more than a card reads"
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        return f"it cannot be read as an image ({exc})"
    return None


def _draw_text(draw: ImageDraw.ImageDraw, text: str, box: Box, font: Path) -> None:
    fitted = fit_text(text, font, box.width, box.height, box.sizes)
    face = font_at(font, fitted.size)
    step = round(fitted.size * LEADING)
    for index, line in enumerate(fitted.lines):
        draw.text((box.x, box.y + index * step), line, font=face, fill=box.colour)


def _key_line(path: Path, key: str) -> int:
    """The line of `key:` in an episode file's front matter (1 when it is not found)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if line.startswith(f"{key}:"):
            return number
    return 1



def card_maker(theme: Path) -> CardMaker:
    """The card maker of the theme's layout, or of the default theme's when the theme's cannot be used
    (check_cards reports why)."""
    try:
        return CardMaker(load_layout(theme))
    except (LayoutError, OSError):
        return CardMaker(load_layout(DEFAULT_CARDS.parent))


def check_cards(site_shows: tuple[Show, ...], theme: Path, diags: Diagnostics) -> None:
    """An error when the theme's card layout cannot be used; a warning for each show whose artwork file
    cannot go on its cards."""
    try:
        load_layout(theme)
    except (LayoutError, OSError) as exc:
        diags.error(Location(_find(theme, LAYOUT_FILE)), f"the social card layout: {exc}",
                    "see docs/content-format.md, Social cards; or delete the file to use the default theme's")
    for show in site_shows:
        problem = artwork_problem(show)
        if problem is not None:
            diags.warning(show.location, f"the artwork of show '{show.slug}' cannot go on its social cards: {problem}",
                          "use a PNG or JPEG; until then the cards show the show's initials")
