"""Markdown to safe HTML: author Markdown (notes, summaries, bios, blurbs) and transcript paragraphs.

Everything Python-Markdown produces goes through nh3 (an allow-list sanitizer), so raw HTML in content can
never run. Transcript paragraphs are far too many for Python-Markdown (a build renders hundreds of
thousands), so ordinary one-line paragraphs take a fast path that builds the same HTML directly from a
small, conservative inline grammar; anything it is not sure about goes the slow, sanitized way. A corpus
test holds the two paths to the same output.
"""

from __future__ import annotations

import bisect
import html
import itertools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from html.entities import html5 as _HTML5_ENTITIES
from html.parser import HTMLParser
from types import MappingProxyType
from typing import NamedTuple

import markdown
import nh3

ALLOWED_TAGS = frozenset({
    "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "hr", "br", "sup", "sub", "s", "strike", "del",
    "img", "figure", "figcaption", "span",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
})
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType({
    "a": frozenset({"href", "title", "rel"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"align", "colspan", "rowspan"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# sane_lists keeps an ordered list's first number; tables write align="" (allowed) rather than style="".
_EXTENSIONS = ("tables", "fenced_code", "sane_lists")

# Placeholders that callers (the transcript parser) put into source text where they will splice in
# HTML of their own after rendering. Private-use characters: Markdown and nh3 pass them through
# untouched, they are neither word nor space characters (so they never change emphasis rules), and
# the transcript parser removes any that the source itself contains.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
_MARK_RE = re.compile("\ue000([0-9]+)\ue001")

# C0 and C1 control characters other than tab and newline: invisible, and nothing good comes of them.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def marker(index: int) -> str:
    """The placeholder for insert number `index` (see `fill_markers`)."""
    return f"{MARK_OPEN}{index}{MARK_CLOSE}"


def fill_markers(text: str, inserts: Sequence[str]) -> str:
    """Replace each placeholder by its insert; placeholders with no insert are dropped."""
    if MARK_OPEN not in text:
        return text
    return _MARK_RE.sub(lambda m: inserts[int(m.group(1))] if int(m.group(1)) < len(inserts) else "", text)


class Rendered(NamedTuple):
    """One rendered block: sanitized HTML, and its plain text with entities decoded exactly once. (A named
    tuple: one is made for every transcript paragraph, and a tuple is the cheapest immutable record.)"""

    html: str
    text: str
    fast: bool = False


class Markup:
    """Renders Markdown to sanitized HTML. One per build: it keeps a reusable Markdown instance, so it
    must not be shared between threads."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=list(_EXTENSIONS),
                                     extension_configs={"tables": {"use_align_attribute": True}},
                                     output_format="html")
        # link_rel=None: authors' own rel values are allowed through instead of being replaced.
        self._cleaner = nh3.Cleaner(tags=set(ALLOWED_TAGS),
                                    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
                                    link_rel=None, url_schemes=set(URL_SCHEMES), strip_comments=True)
        # What a backslash escapes depends on the extensions (tables adds "|"): ask Markdown itself.
        self._escapable = frozenset(self._md.ESCAPED_CHARS)

    # -- author Markdown ------------------------------------------------------------------------

    def render(self, text: str) -> str:
        """Author Markdown (notes, summary, bio, blurb) as sanitized HTML; '' for empty input."""
        text = CONTROL_RE.sub("", text)
        if not text.strip():
            return ""
        fast = self.render_blocks_fast(text)
        return fast if fast is not None else self._markdown(text).strip()

    def render_blocks_fast(self, text: str) -> str | None:
        """The fast path for author Markdown: blocks of paragraphs, `##` headings, rules, tight bullet lists and
        quotes of one paragraph (what show notes mostly are), their text through the fast inline path; None for
        anything else. A corpus test holds it to Python-Markdown's output."""
        if "\r" in text or text[:1] in (" ", "\t"):
            return None  # a first line of only spaces is no blank line to Markdown (" \n- a" is a paragraph)
        out = []
        previous = ""  # the opening tag of the block before, when it is one that can absorb the next
        for block in _blocks(text):
            for part in _split_headings(block):
                rendered = self._block_fast(part)
                if rendered is None:
                    return None
                # Python-Markdown joins a list or quote to one of its kind a blank line before it (a loose
                # list, a single quote): those are left to it.
                opening = next((tag for tag in _ABSORBING if rendered.startswith(tag)), "")
                if opening and opening == previous:
                    return None
                previous = opening
                out.append(rendered)
        return "\n".join(out)

    def _block_fast(self, block: list[str]) -> str | None:
        """One block (lines between blank lines, a heading split off) as Python-Markdown writes it, or None."""
        bullet = block[0][:2]
        if bullet in _BULLETS and all(line.startswith(bullet) for line in block) and not _may_be_table(block):
            items = [self._inline_fast(line[2:]) for line in block]
            if None in items or any(_RULE_LINE_RE.fullmatch(line) for line in block):  # "* **" is a rule
                return None
            return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"
        if bullet == "> " and all(line.startswith("> ") for line in block):
            inner = self._inline_fast("\n".join(line[2:] for line in block))
            return None if inner is None else f"<blockquote>\n<p>{inner}</p>\n</blockquote>"
        if len(block) == 1 and _RULE_RE.fullmatch(block[0]):
            return "<hr>"
        heading = _HEADING_RE.fullmatch(block[0]) if len(block) == 1 else None
        if heading:
            inner = self._inline_fast(heading.group(2))
            level = len(heading.group(1))
            return None if inner is None else f"<h{level}>{inner}</h{level}>"
        inner = self._inline_fast("\n".join(block))
        return None if inner is None else f"<p>{inner}</p>"

    def _inline_fast(self, source: str) -> str | None:
        """A paragraph's inner HTML by the fast path. Spaces that end it Markdown keeps as they are (a hard
        break needs a line after it), so they are set aside and put back."""
        body = source.rstrip(" ")
        if body != source and _opens_block(source):
            return None  # a marker with its space is a block ("* " an empty item), without it text
        rendered = _render_plain(body)
        if rendered is None:
            rendered = self._render_inline_block(body, item_lines=True)
        if rendered is None:
            return None
        return rendered.html[3:-4] + source[len(body):]  # unwrapped from its <p>

    def render_inline(self, text: str) -> str:
        """One line of Markdown as sanitized inline HTML, without a <p> wrapper."""
        line = " ".join(CONTROL_RE.sub("", text).split())
        if not line:
            return ""
        return _unwrap_paragraph(self.render_paragraph(line, inline_only=True).html)

    # -- transcript paragraphs ------------------------------------------------------------------

    def render_paragraph(self, source: str, *, inline_only: bool = False) -> Rendered:
        """One transcript paragraph (or news block) as HTML and plain text.

        inline_only: the text follows a speaker label on the same line, so it is speech and can never
        open a list, quote or heading ("**Nick:** 14. 15. 16." is not an ordered list).
        """
        plain = _render_plain(source.strip())
        if plain is not None:
            return plain
        if has_control(source):
            source = CONTROL_RE.sub("", source)
        source = source.strip()
        if not source:
            return Rendered("", "", True)
        fast = self._render_inline_block(source)  # the plain path was tried above
        if fast is None:
            fast = self._render_speech_fast(source) if inline_only else self._render_block_fast(source)
        if fast is not None:
            return fast
        return self.render_slow(source, inline_only=inline_only)

    def _render_speech_fast(self, source: str) -> Rendered | None:
        """Speech that opens like a block ("16.", "> quoted", "- not a list"): the slow path escapes the
        block markers and renders a paragraph; the same escaping lets the fast path render it."""
        escaped = _BLOCK_MARKER_RE.sub(_escape_block_marker, source)
        return self.render_fast(escaped) if escaped != source else None

    def _render_block_fast(self, source: str) -> Rendered | None:
        """The block shapes news paragraphs take (a quote, a tight list, a heading) when every paragraph, item
        or heading in them is one line the fast inline path takes; else None."""
        first = source[:2]
        if first == "> ":
            return self._quote_fast(source)
        if first in _BULLETS:
            return self._bullets_fast(source)
        if first == "##":
            return self._heading_fast(source)
        if first[:1].isdigit():
            return self._numbered_fast(source)
        return None

    def _quote_fast(self, source: str) -> Rendered | None:
        """"> a\n>\n> b": one-line paragraphs between ">" lines. (Lines of a quote not a ">" apart make one
        paragraph, whose text html_to_text joins differently: those take the slow path.)"""
        lines = source.split("\n")
        if len(lines) % 2 == 0 or any(line != ">" for line in lines[1::2]):
            return None
        paragraphs = self._lines_fast([line[2:] if line.startswith("> ") else None for line in lines[::2]])
        if paragraphs is None:
            return None
        return Rendered("<blockquote>\n" + "\n".join(p.html for p in paragraphs) + "\n</blockquote>",
                        "\n".join(p.text for p in paragraphs), True)

    def _bullets_fast(self, source: str) -> Rendered | None:
        """A tight list, every line an item opening with the same bullet."""
        bullet = source[:2]
        lines = source.split("\n")
        items = self._lines_fast([line[2:] if line.startswith(bullet) else None for line in lines])
        if items is None or _may_be_table(lines):
            return None
        return Rendered(_list_html("<ul>", items, "</ul>"), "\n".join(f"- {item.text}" for item in items), True)

    def _numbered_fast(self, source: str) -> Rendered | None:
        """A tight ordered list, every line "N. item". Markdown numbers the items on from the first number,
        whatever the others are (sane_lists: and only "N." makes an item)."""
        lines = source.split("\n")
        found = [_NUMBERED_ITEM_RE.fullmatch(line) for line in lines]
        items = self._lines_fast([m.group(2) if m else None for m in found])
        if items is None or _may_be_table(lines):
            return None
        start = int(found[0].group(1))
        opening = "<ol>" if start == 1 else f'<ol start="{start}">'
        return Rendered(_list_html(opening, items, "</ol>"),
                        "\n".join(f"{number}. {item.text}" for number, item in enumerate(items, start)), True)

    def _heading_fast(self, source: str) -> Rendered | None:
        heading = _HEADING_RE.fullmatch(source)
        found = self._lines_fast([heading.group(2) if heading else None])
        if found is None:
            return None
        level = len(heading.group(1))
        return Rendered(f"<h{level}>{found[0].html[3:-4]}</h{level}>", found[0].text, True)

    def _lines_fast(self, lines: list[str | None]) -> list[Rendered] | None:
        """Each line rendered by the fast path as a paragraph whose text comes out of a block's HTML
        unchanged (see _one_line_text); None if any line is None or cannot be."""
        out = []
        for line in lines:
            rendered = self.render_fast(line) if line is not None else None
            if rendered is None or not _one_line_text(rendered.text):
                return None
            out.append(rendered)
        return out

    def render_fast(self, source: str) -> Rendered | None:
        """The fast path: a one-line paragraph of ordinary inline Markdown, or None when it does not apply.

        It leaves to Python-Markdown raw HTML and autolinks ("<" outside code), images, line breaks, tabs (which
        Markdown expands), and the STX/ETX characters Markdown uses for its own placeholders."""
        plain = _render_plain(source)
        return plain if plain is not None else self._render_inline_block(source)

    def _render_inline_block(self, source: str, *, item_lines: bool = False) -> Rendered | None:
        """render_fast without its plain path, which renders what it takes the same way, only sooner.

        item_lines: lines after the first may look like list items, which Markdown reads as paragraph text
        (author Markdown; in speech the slow path escapes them, even inside code spans)."""
        if (not source or source != source.strip() or "\t" in source
                or "![" in source or "\x02" in source or "\x03" in source or _opens_block(source)):
            return None
        if "\n" in source and not _continues_paragraph(source, item_lines):
            return None
        inline = _render_inline_fast(source, self._escapable)
        if inline is None:
            return None
        body_html, body_text = inline
        return Rendered(f"<p>{body_html}</p>", body_text, True)

    def render_slow(self, source: str, *, inline_only: bool = False) -> Rendered:
        """Python-Markdown and nh3. Raw HTML outside the allow-list is escaped so it shows as text:
        in a transcript "<div>" is something somebody said, not markup to drop."""
        text = CONTROL_RE.sub("", source).strip()
        if inline_only:
            text = _BLOCK_MARKER_RE.sub(_escape_block_marker, text)
        text = _escape_unknown_html(text)
        out = self._markdown(text).strip()
        return Rendered(out, html_to_text(out), False)

    def _markdown(self, text: str) -> str:
        self._md.reset()
        return self._cleaner.clean(self._md.convert(text))


_BULLETS = frozenset({"- ", "* ", "+ "})
# An ATX heading the allow-list keeps (h1 is not on it).
_RULE_RE = re.compile(r"-{3,}|\*{3,}|_{3,}")
# Without closing hashes, or a backslash last (Markdown reads a line ending in one as no heading).
_HEADING_RE = re.compile(r"(#{2,6}) +([^#]*[^#\s\\])")
# What a table's second line is made of: without a "|" in it, or with anything else, it is no table.
_TABLE_RULE_CHARS = frozenset("|:- ")


def _may_be_table(lines: list[str]) -> bool:
    """Whether the tables extension may read these lines as a table (its test needs a second line of
    nothing but cell separators and alignment marks: "--- | :---", or "- |" in a list)."""
    return len(lines) > 1 and "|" in lines[1] and set(lines[1]) <= _TABLE_RULE_CHARS


# Blocks that absorb a block of their own kind after a blank line (Python-Markdown's loose lists, and its
# quotes, which it continues across blank lines).
_ABSORBING = ("<ul>", "<blockquote>")


def _split_headings(block: list[str]) -> list[list[str]]:
    """A block split after each heading that opens it: Python-Markdown reads the lines after a heading as a
    block of their own ("## Links" directly above a list)."""
    parts = []
    while len(block) > 1 and _HEADING_RE.fullmatch(block[0]):
        parts.append(block[:1])
        block = block[1:]
    parts.append(block)
    return parts


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks at blank lines: lines of nothing but spaces and tabs (a no-break space is text
    to Markdown)."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip(" \t"):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


# A setext heading's underline: after a paragraph's first line it makes the paragraph a heading.
_SETEXT_RE = re.compile(r"=+|-+")


def _continues_paragraph(source: str, item_lines: bool = False) -> bool:
    """Whether a paragraph's lines are all paragraph text to Python-Markdown: none opens a block that
    interrupts a paragraph (a quote, heading, rule, fence or reference: _BLOCK_START_RE) or underlines a
    heading, ends in a hard break ("  ") or is blank or indented, and there is no "|" that could make a table.
    With item_lines, lines after the first may open list items (see _continues_as_item_line)."""
    if "|" in source:
        return False
    for number, line in enumerate(source.split("\n")):  # the first line too: a hard break may end it
        if not line or line != line.strip() or _SETEXT_RE.fullmatch(line) is not None:
            return False
        if _opens_block(line) and not (item_lines and number and _continues_as_item_line(line)):
            return False
    return True


# A list item's opening, and a rule (a superset of Python-Markdown's, which allows at most two spaces apart).
_ITEM_LINE_RE = re.compile(r"(?:[-+*]|[0-9]+[.)]) ")
_RULE_LINE_RE = re.compile(r"(?:[-*_][ \t]*){3,}")


def _continues_as_item_line(line: str) -> bool:
    """Whether a line after a paragraph's first that looks like a list item stays paragraph text: Python-Markdown
    starts a list only at the start of a block ("Links:\n- a" is one paragraph), but a rule interrupts one."""
    return _ITEM_LINE_RE.match(line) is not None and _RULE_LINE_RE.fullmatch(line) is None


# An ordered list item as the fast path takes it: no leading zero (Markdown would keep it in start="01").
_NUMBERED_ITEM_RE = re.compile(r"([1-9][0-9]*)\. (.*)")


def _list_html(opening: str, items: list[Rendered], closing: str) -> str:
    """A list of one-line items (each rendered as a paragraph) as Python-Markdown writes it."""
    return opening + "\n" + "\n".join(f"<li>{item.html[3:-4]}</li>" for item in items) + "\n" + closing


def _one_line_text(text: str) -> bool:
    """Text that html_to_text gives back unchanged from inside a block: one line, nothing to strip."""
    return bool(text) and "\n" not in text and text == text.strip()


def _unwrap_paragraph(out: str) -> str:
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


# -- raw HTML in transcripts -----------------------------------------------------------------------

_RAW_TAG_NAMES = "|".join(sorted(ALLOWED_TAGS, key=len, reverse=True))
# A code span (left alone: Markdown escapes its content itself), an allowed tag or autolink (kept), or
# any other "<" (escaped).
_RAW_LT_RE = re.compile(
    r"(?P<code>(?<!\\)(`+)(?:(?!\2).)+?\2)"
    r"|<(?=/?(?:" + _RAW_TAG_NAMES + r")\b[^<>]*>|(?:https?|mailto):[^<>\s]*>)"
    r"|(?P<lt><)",
    re.DOTALL | re.IGNORECASE,
)


def _escape_unknown_html(text: str) -> str:
    if "<" not in text:
        return text
    return _RAW_LT_RE.sub(lambda m: "&lt;" if m.group("lt") else m.group(0), text)


# Block constructs at the start of a line, as Python-Markdown reads them: list items, quotes, ATX
# headings, rules, fences, reference definitions, indented code.
_BLOCK_START_RE = re.compile(
    r"^(?:[ ]{0,3}(?:[-+*][ \t]|[0-9]+[.)]([ \t]|$)|>|#|```|~~~|\[[^\]]*\]:|(?:[-*_][ \t]*){3,}$|<)|[ ]{4}|\t)"
)
# Every character that _BLOCK_START_RE can match first. Most paragraphs open with none of them, and a
# set lookup costs far less than trying the pattern's alternatives.
_BLOCK_START_CHARS = frozenset(" \t-+*_0123456789>#`~[<")


def _opens_block(line: str) -> bool:
    """Whether the line opens a block construct as Python-Markdown reads it (_BLOCK_START_RE)."""
    return line[:1] in _BLOCK_START_CHARS and _BLOCK_START_RE.match(line) is not None


_BLOCK_MARKER_RE = re.compile(
    r"^([ \t]*)(?:(?P<bullet>[-+*])(?=[ \t])|(?P<num>[0-9]+)(?P<dot>[.)])(?=[ \t]|$)|(?P<other>[>#])"
    r"|(?P<rule>[-*_])(?=(?:[ \t]*[-*_]){2,}[ \t]*$)|(?P<ref>\[)(?=[^\]\n]*\]:))",
    re.MULTILINE,
)


def _escape_block_marker(m: re.Match[str]) -> str:
    """Backslash-escape what would open a block, so speech stays a paragraph."""
    # The leading spaces go too: four of them would make indented code, which speech never means.
    if m.group("num"):
        return f"{m.group('num')}\\{m.group('dot')}"
    marker_char = m.group("bullet") or m.group("other") or m.group("rule") or m.group("ref")
    return f"\\{marker_char}"


# -- the fast inline path --------------------------------------------------------------------------

# Text with none of these has no inline Markdown, entity, raw HTML or control character: most transcript
# paragraphs. ("!" only matters before "[", which is here.)
_PLAIN_RE = re.compile(r"[`\\\[\]&*_<\t\n\x00-\x08\x0b-\x1f\x7f-\xa0]")


def byte_table(pattern: re.Pattern[str]) -> bytes:
    """A table for bytes.translate that maps every byte whose character `pattern` matches to another byte:
    an ASCII text's bytes come through unchanged exactly when the pattern finds none of its characters
    (ascii_has). Most texts are ASCII, and a table lookup a character costs a fraction of a regex character
    class or of str.isprintable's Unicode lookups."""
    return bytes(c if pattern.match(chr(c)) is None else c ^ 0x80 for c in range(256))


def ascii_has(text: str, table: bytes) -> bool:
    """Whether an ASCII text has a character that `table` (made by byte_table) marks."""
    data = text.encode()
    return data.translate(table) != data


_PLAIN_BYTES = byte_table(_PLAIN_RE)
_CONTROL_BYTES = byte_table(CONTROL_RE)
# The characters CONTROL_RE finds, to look for one by one in other text: a search for one character is a
# memchr, where the regex tests its class on every character (3M instructions for a whole transcript).
_CONTROL_CHARS = "".join(ch for ch in map(chr, range(0xA0)) if CONTROL_RE.match(ch))


def _has_syntax(text: str) -> bool:
    """Whether _PLAIN_RE finds a character in the text."""
    return ascii_has(text, _PLAIN_BYTES) if text.isascii() else _PLAIN_RE.search(text) is not None


def has_control(text: str) -> bool:
    """Whether CONTROL_RE finds a character in the text (most texts have none), sooner than it would."""
    if text.isascii():
        return ascii_has(text, _CONTROL_BYTES)
    return any(map(text.__contains__, _CONTROL_CHARS))


def _render_plain(source: str) -> Rendered | None:
    """A paragraph that needs nothing but its ">" escaped and its escaped brackets ("\\[laughs\\]", common
    in transcripts) unescaped, as the fast path would render it; else None."""
    if not source or _opens_block(source) or source != source.strip():
        return None
    escaped = "\\" in source
    if _has_syntax(source.replace("\\[", "").replace("\\]", "") if escaped else source):
        return None
    text = source.replace("\\[", "[").replace("\\]", "]") if escaped else source
    return Rendered(f"<p>{text.replace('>', '&gt;') if '>' in text else text}</p>", text, True)


# What _PLAIN_RE finds in text without control characters (CONTROL_RE), as single characters to look for.
_SYNTAX_CHARS = "".join(ch for ch in map(chr, range(0x100)) if _PLAIN_RE.match(ch) and not CONTROL_RE.match(ch))
# What a paragraph may open with when _render_plain turns it down for its opening (nothing, or a character
# _BLOCK_START_RE may match first), or when _opens_block is to be asked.
_NOT_PLAIN_FIRST = _BLOCK_START_CHARS | {""}


def render_plain_many(sources: Sequence[str]) -> tuple[list[str], list[str], set[int]]:
    """render_paragraph for many sources without control characters (CONTROL_RE; the transcript parser
    removes them), where it renders by its plain path: (htmls, texts, others), htmls[i] and texts[i] being
    render_paragraph(sources[i])'s, except for the indices in `others`, sources it may render another way
    (there they are placeholders).

    It gives what _render_plain gives, for a transcript's paragraphs at once and without a Python call for
    most of them, where render_paragraph makes several each: one search for each syntax character through
    all of their text finds the few that have one. Of those, the ones with only escaped brackets (a common
    "\\[laughs\\]") are searched again with those removed, as _render_plain does. The others are
    paragraphs that open with a character that may open a block, which render_paragraph is left to judge.
    """
    stripped = list(map(str.strip, sources))
    htmls = [f"<p>{text}</p>" for text in stripped]
    others = {i for i, text in enumerate(stripped) if text[:1] in _NOT_PLAIN_FIRST}
    found = texts_holding(stripped, _SYNTAX_CHARS + ">")
    greater = found.pop(">", set())
    asked = sorted(set().union(*found.values()))
    if asked:
        still = set().union(*texts_holding([stripped[i].replace("\\[", "").replace("\\]", "") for i in asked],
                                      _SYNTAX_CHARS).values())
        for k, i in enumerate(asked):
            if k in still:
                others.add(i)
                continue
            text = stripped[i] = stripped[i].replace("\\[", "[").replace("\\]", "]")
            htmls[i] = f"<p>{text}</p>"
    for i in greater:  # escaped in the HTML, as _render_plain does
        htmls[i] = f"<p>{stripped[i].replace('>', '&gt;')}</p>"
    return htmls, stripped, others


def texts_holding(texts: Sequence[str], needles: Iterable[str], sep: str = "",
                  joined: str | None = None) -> dict[str, set[int]]:
    """For each needle the texts hold, the indices of those texts, and maybe a few more: each needle is
    found by one C search through all the texts joined by `sep`, rather than a search of each text, and
    each find is mapped back to its texts by bisecting where they start. A find that spans a junction
    counts for the texts on both sides. `joined` is sep.join(texts), if the caller has it already."""
    if joined is None:
        joined = sep.join(texts)
    find = joined.find
    found: dict[str, set[int]] = {}
    starts: list[int] = []
    for needle in needles:
        at = find(needle)
        if at < 0:
            continue
        if not starts:  # where each text starts in `joined`, computed only once a needle is there
            lengths = map(operator.add, map(len, texts), itertools.repeat(len(sep))) if sep else map(len, texts)
            starts = list(itertools.accumulate(lengths, initial=0))
            starts.pop()
        hits = found[needle] = set()
        while at >= 0:
            first = bisect.bisect_right(starts, at) - 1
            last = bisect.bisect_right(starts, at + len(needle) - 1) - 1
            hits.update(range(first, last + 1))
            if last + 1 == len(starts):
                break
            # On from the separator before the next text: a find there takes in the next text.
            at = find(needle, max(at + 1, starts[last + 1] - len(sep)))
    return found


_TOKEN = "\x02{}\x03"
_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)
# A link's address may hold "&" (see _URL_ENTITY_RE) and balanced parentheses one deep ("Wine_(software)").
_URL_CHARS = r"[^\s()<>\"'\\\x02\x03]*"
# Its text may hold brackets one deep ("[[Talk] Go](...)") unless they could make a link or reference of their
# own; its address may have spaces around it, which Markdown strips.
# (Unrolled, "a*(?:b a*)*", so that a failing match never backtracks through ways to split a run of text.)
_LINK_RE = re.compile(r"\[([^\[\]]*(?:\[[^\[\]]*\](?![\[(])[^\[\]]*)*)\]\( *(" + _URL_CHARS + r"(?:\(" + _URL_CHARS
                      + r"\)" + _URL_CHARS + r")*) *\)")
# An entity in an address, which Markdown and the sanitizer decode ("&#38x" even without its semicolon):
# such links take the slow path. A bare "&" ("?a=1&b=2") is only escaped, as _esc_attr does.
_URL_ENTITY_RE = re.compile(r"&(?:#|[A-Za-z0-9]+;)")
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_ENTITY_RE = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z0-9]+));")
# Alternatives that each open with a literal ("\*\**", not "\*+"): the regex engine then skips ahead to
# those characters, where otherwise it would try the whole pattern at every position.
_RUN_RE = re.compile(r"\*\**|__*")

# Where an emphasis delimiter run may open or close, mirroring Python-Markdown's delimiter rules:
# "*" may open or close inside a word, "_" only at word boundaries.
_STAR_AMBIGUOUS = re.compile(r"(?<!^)(?<![\s*])\*+(?![\s*])(?!$)")
_STAR_END = re.compile(r"(?<!^)(?<![\s*])\*+")
_STAR_START = re.compile(r"\*+(?![\s*])(?!$)")
_UNDER_AMBIGUOUS = re.compile(r"(?<!^)(?<![\s_])(?<![\w_])_+(?![\w_])(?![\s_])(?!$)")
_UNDER_END = re.compile(r"(?<!^)(?<![\s_])_+(?![\w_])")
_UNDER_START = re.compile(r"(?<![\w_])_+(?![\s_])(?!$)")


class _Tokens:
    """Side table for spans already rendered (code, escapes, links, entities), kept out of the string so
    the emphasis rules see a neutral, non-word, non-space character pair at their place."""

    __slots__ = ("html", "text")

    def __init__(self) -> None:
        self.html: list[str] = []
        self.text: list[str] = []

    def add(self, html_part: str, text_part: str) -> str:
        self.html.append(html_part)
        self.text.append(text_part)
        return _TOKEN.format(len(self.html) - 1)


def _render_inline_fast(source: str, escapable: frozenset[str]) -> tuple[str, str] | None:
    tokens = _Tokens()
    s = _code_spans(source, tokens)
    if s is None or "<" in s:
        return None
    if "\\" in s:
        s = _ESCAPE_RE.sub(lambda m: tokens.add(_esc(m.group(1)), m.group(1)) if m.group(1) in escapable
                           else m.group(0), s)
    if "](" in s:
        s = _links(s, tokens)
        if s is None or "](" in s:
            return None
    return _spans(s, tokens)


def _spans(s: str, tokens: _Tokens) -> tuple[str, str] | None:
    """Entities and emphasis in one string (a paragraph, or a link's text), then the final HTML."""
    if "&" in s:
        s = _entities(s, tokens)
        if s is None:
            return None
    emphasis: dict[int, tuple[int, str]] = {}
    if "*" in s or "_" in s:
        found = _emphasis(s)
        if found is None:
            return None
        emphasis = found
    return _assemble(s, tokens, emphasis)


def _code_spans(s: str, tokens: _Tokens) -> str | None:
    """Single-backtick code spans, paired left to right; doubled backticks or a backslash before a
    backtick have subtler rules, so those go the slow way."""
    if "`" not in s:
        return s
    if "``" in s or "\\`" in s:
        return None
    parts = s.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: one is left unpaired
        return None
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
        else:
            code = part.strip()
            out.append(tokens.add(f"<code>{_esc(code)}</code>", code))
    return "".join(out)


def _links(s: str, tokens: _Tokens) -> str | None:
    failed = False

    def link(m: re.Match[str]) -> str:
        nonlocal failed
        label, url = m.group(1), m.group(2)
        scheme = _SCHEME_RE.match(url)
        if (scheme and scheme.group(1).lower() not in URL_SCHEMES) or ("&" in url and _URL_ENTITY_RE.search(url)):
            failed = True  # the sanitizer would drop this href, or an entity in it be decoded; let them
            return m.group(0)
        if "[" in label and not _brackets_closed(m.string, m.start()):
            failed = True  # an open "[" before it: Markdown's link would start there ("[[[a]] b](...)")
            return m.group(0)
        inner = _spans(label, tokens)
        if inner is None:
            failed = True
            return m.group(0)
        inner_html, inner_text = inner
        return tokens.add(f'<a href="{_esc_attr(url)}">{inner_html}</a>', inner_text)

    s = _LINK_RE.sub(link, s)
    return None if failed else s


def _brackets_closed(s: str, end: int) -> bool:
    """Whether every "[" before `end` is closed before it, as Markdown pairs them: then none of them opens a
    link text that would take in a link found at `end`."""
    depth = 0
    for char in s[:end]:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
    return depth == 0


def _entities(s: str, tokens: _Tokens) -> str | None:
    failed = False

    def entity(m: re.Match[str]) -> str:
        nonlocal failed
        char = _entity_char(m)
        if char is None:
            failed = True
            return m.group(0)
        return tokens.add(_esc(char), char)

    s = _ENTITY_RE.sub(entity, s)
    # "&#65" without its semicolon is still read as a character by Markdown's serializer; leave it be.
    return None if failed or "&#" in s else s


def _entity_char(m: re.Match[str]) -> str | None:
    """The character an entity stands for, or None when the browser's reading would be surprising
    (unknown names, control or surrogate code points): those take the slow path."""
    if m.group(3) is not None:
        return _HTML5_ENTITIES.get(m.group(3) + ";")
    code = int(m.group(1)) if m.group(1) is not None else int(m.group(2), 16)
    if code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000 or code > 0x10FFFF:
        return None
    return chr(code)


def _emphasis(s: str) -> dict[int, tuple[int, str]] | None:
    """Pair emphasis delimiter runs: {run start: (run length, tag html)}, or None when the runs are
    anything but simple, flat `*em*`, `**strong**`, `_em_`, `__strong__` pairs."""
    out: dict[int, tuple[int, str]] = {}
    pending: tuple[int, str, int] | None = None  # (start, char, length) of an unclosed opener
    for m in _RUN_RE.finditer(s):
        start, run = m.start(), m.group(0)
        char, length = run[0], len(run)
        kind = _run_kind(s, start, char)
        if kind == "none":
            continue  # literal, e.g. " * " or snake_case
        if length > 2:
            return None
        if kind == "ambiguous":  # e.g. the runs in "*quoted*": opens when nothing is open, else closes
            kind = "start" if pending is None else "end"
        if kind == "start":
            if pending is not None:
                return None  # nesting
            pending = (start, char, length)
            continue
        if pending is None:
            continue  # a closer with nothing open is literal
        if pending[1] != char or pending[2] != length:
            return None
        tag = "em" if length == 1 else "strong"
        out[pending[0]] = (length, f"<{tag}>")
        out[start] = (length, f"</{tag}>")
        pending = None
    return out


def _run_kind(s: str, pos: int, char: str) -> str:
    ambiguous, end, start = ((_STAR_AMBIGUOUS, _STAR_END, _STAR_START) if char == "*"
                             else (_UNDER_AMBIGUOUS, _UNDER_END, _UNDER_START))
    if ambiguous.match(s, pos):
        return "ambiguous"
    if end.match(s, pos):
        return "end"
    if start.match(s, pos):
        return "start"
    return "none"


_PIECE_RE = re.compile(r"\x02([0-9]+)\x03|\*\**|__*")  # each alternative opens with a literal: see _RUN_RE


def _assemble(s: str, tokens: _Tokens, emphasis: dict[int, tuple[int, str]]) -> tuple[str, str]:
    if not emphasis:
        return _assemble_tokens(s, tokens) if "\x02" in s else (_esc(s), s)
    html_parts: list[str] = []
    text_parts: list[str] = []
    pos = 0
    for m in _PIECE_RE.finditer(s):
        start = m.start()
        if m.group(1) is not None:
            piece_html, piece_text = tokens.html[int(m.group(1))], tokens.text[int(m.group(1))]
        elif start in emphasis:
            piece_html, piece_text = emphasis[start][1], ""
        else:
            continue  # a literal delimiter run stays in the surrounding text
        if start > pos:
            html_parts.append(_esc(s[pos:start]))
            text_parts.append(s[pos:start])
        html_parts.append(piece_html)
        text_parts.append(piece_text)
        pos = m.end()
    if pos < len(s):
        html_parts.append(_esc(s[pos:]))
        text_parts.append(s[pos:])
    return "".join(html_parts), "".join(text_parts)


def _assemble_tokens(s: str, tokens: _Tokens) -> tuple[str, str]:
    """_assemble without emphasis: tokens between escaped text. (Every "\x02" opens a token: the fast path
    takes no source with one.)"""
    first, *rest = s.split("\x02")
    html_parts, text_parts = [_esc(first)], [first]
    for part in rest:
        index, _, after = part.partition("\x03")
        html_parts += (tokens.html[int(index)], _esc(after))
        text_parts += (tokens.text[int(index)], after)
    return "".join(html_parts), "".join(text_parts)


def _esc(text: str) -> str:
    """Text escaped exactly as nh3's serializer writes it, so both paths give identical HTML."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\xa0" in text:
        text = text.replace("\xa0", "&nbsp;")
    return text


def _esc_attr(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\xa0" in text:
        text = text.replace("\xa0", "&nbsp;")
    return text


# -- HTML to plain text ----------------------------------------------------------------------------

_BLOCK_TAGS = frozenset({"p", "li", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6", "tr", "figure",
                         "figcaption", "table", "ul", "ol", "hr"})
_SIMPLE_P_RE = re.compile(r"<p>((?:(?!</?p>).)*)</p>", re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text of sanitized HTML: entities decoded once, blocks on their own lines, list items
    numbered or bulleted (so "1." in a news list survives into the text)."""
    if not fragment:
        return ""
    simple = _SIMPLE_P_RE.fullmatch(fragment)
    if simple and "<br" not in fragment:
        return html.unescape(_TAG_RE.sub("", simple.group(1)))
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return parser.result()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._lists: list[list[int]] = []  # per open list: [next number] or [-1] for bullets
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._parts.append("\n")
        elif tag in ("ol", "ul"):
            start = dict(attrs).get("start") if tag == "ol" else None
            self._lists.append([int(start) if start and start.isdigit() else 1] if tag == "ol" else [-1])
            self._parts.append("\n")
        elif tag == "li":
            self._parts.append("\n")
            if self._lists and self._lists[-1][0] >= 0:
                self._parts.append(f"{self._lists[-1][0]}. ")
                self._lists[-1][0] += 1
            else:
                self._parts.append("- ")
        elif tag in _BLOCK_TAGS:
            self._parts.append("\n")
            if tag == "pre":
                self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCK_TAGS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._pre:
            data = data.replace("\n", " ") if not data.isspace() else ("" if "\n" in data else data)
        self._parts.append(data)

    def result(self) -> str:
        lines = ("".join(self._parts)).split("\n")
        return "\n".join(line.strip() for line in lines if line.strip())
