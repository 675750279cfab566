"""Markdown to safe HTML: author Markdown (notes, summaries, bios, blurbs) and transcript paragraphs.

Everything Python-Markdown produces goes through nh3 (an allow-list sanitizer), so raw HTML in content can
never run. Transcript paragraphs are far too many for Python-Markdown (a build renders hundreds of
thousands), so ordinary one-line paragraphs take a fast path that builds the same HTML directly from a
small, conservative inline grammar; anything it is not sure about goes the slow, sanitized way. A corpus
test holds the two paths to the same output.

Here: the Markup that renders both ways, and the block shapes the fast path takes. Beside it: inline_fast
(the fast inline path), markdown_blocks (how Python-Markdown reads block structure), html_policy (the
allow-list), html_text (HTML to plain text) and text_scan (finding characters in many texts at once).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import markdown
import nh3

from generator.markup.blocks import (
    BLOCK_MARKER_RE,
    HEADING_RE,
    RULE_LINE_RE,
    RULE_RE,
    continues_paragraph,
    escape_block_marker,
    may_be_table,
    opens_block,
    split_blocks,
    split_headings,
)
from generator.markup.html_text import html_to_text
from generator.markup.inline_fast import Rendered, render_inline_fast, render_plain
from generator.markup.policy import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, escape_unknown_html
from generator.markup.text_scan import CONTROL_RE, has_control

# sane_lists keeps an ordered list's first number; tables write align="" (allowed) rather than style="".
_EXTENSIONS = ("tables", "fenced_code", "sane_lists")

# Placeholders that callers (the transcript parser) put into source text where they will splice in
# HTML of their own after rendering. Private-use characters: Markdown and nh3 pass them through
# untouched, they are neither word nor space characters (so they never change emphasis rules), and
# the transcript parser removes any that the source itself contains.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
_MARK_RE = re.compile("\ue000([0-9]+)\ue001")


def marker(index: int) -> str:
    """The placeholder for insert number `index` (see `fill_markers`)."""
    return f"{MARK_OPEN}{index}{MARK_CLOSE}"


def fill_markers(text: str, inserts: Sequence[str]) -> str:
    """Replace each placeholder by its insert; placeholders with no insert are dropped."""
    if MARK_OPEN not in text:
        return text
    return _MARK_RE.sub(lambda m: inserts[int(m.group(1))] if int(m.group(1)) < len(inserts) else "", text)


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
        for block in split_blocks(text):
            for part in split_headings(block):
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
        if bullet in _BULLETS and all(line.startswith(bullet) for line in block) and not may_be_table(block):
            items = [self._inline_fast(line[2:]) for line in block]
            if None in items or any(RULE_LINE_RE.fullmatch(line) for line in block):  # "* **" is a rule
                return None
            return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"
        if bullet == "> " and all(line.startswith("> ") for line in block):
            inner = self._inline_fast("\n".join(line[2:] for line in block))
            return None if inner is None else f"<blockquote>\n<p>{inner}</p>\n</blockquote>"
        if len(block) == 1 and RULE_RE.fullmatch(block[0]):
            return "<hr>"
        heading = HEADING_RE.fullmatch(block[0]) if len(block) == 1 else None
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
        if body != source and opens_block(source):
            return None  # a marker with its space is a block ("* " an empty item), without it text
        rendered = render_plain(body)
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
        plain = render_plain(source.strip())
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
        escaped = BLOCK_MARKER_RE.sub(escape_block_marker, source)
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
        if items is None or may_be_table(lines):
            return None
        return Rendered(_list_html("<ul>", items, "</ul>"), "\n".join(f"- {item.text}" for item in items), True)

    def _numbered_fast(self, source: str) -> Rendered | None:
        """A tight ordered list, every line "N. item". Markdown numbers the items on from the first number,
        whatever the others are (sane_lists: and only "N." makes an item)."""
        lines = source.split("\n")
        found = [_NUMBERED_ITEM_RE.fullmatch(line) for line in lines]
        items = self._lines_fast([m.group(2) if m else None for m in found])
        first = found[0]
        if items is None or first is None or may_be_table(lines):
            return None
        start = int(first.group(1))
        opening = "<ol>" if start == 1 else f'<ol start="{start}">'
        return Rendered(_list_html(opening, items, "</ol>"),
                        "\n".join(f"{number}. {item.text}" for number, item in enumerate(items, start)), True)

    def _heading_fast(self, source: str) -> Rendered | None:
        heading = HEADING_RE.fullmatch(source)
        found = self._lines_fast([heading.group(2)]) if heading else None
        if heading is None or found is None:
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
        plain = render_plain(source)
        return plain if plain is not None else self._render_inline_block(source)

    def _render_inline_block(self, source: str, *, item_lines: bool = False) -> Rendered | None:
        """render_fast without its plain path, which renders what it takes the same way, only sooner.

        item_lines: lines after the first may look like list items, which Markdown reads as paragraph text
        (author Markdown; in speech the slow path escapes them, even inside code spans)."""
        if (not source or source != source.strip() or "\t" in source
                or "![" in source or "\x02" in source or "\x03" in source or opens_block(source)):
            return None
        if "\n" in source and not continues_paragraph(source, item_lines):
            return None
        inline = render_inline_fast(source, self._escapable)
        if inline is None:
            return None
        body_html, body_text = inline
        return Rendered(f"<p>{body_html}</p>", body_text, True)

    def render_slow(self, source: str, *, inline_only: bool = False) -> Rendered:
        """Python-Markdown and nh3. Raw HTML outside the allow-list is escaped so it shows as text:
        in a transcript "<div>" is something somebody said, not markup to drop."""
        text = CONTROL_RE.sub("", source).strip()
        if inline_only:
            text = BLOCK_MARKER_RE.sub(escape_block_marker, text)
        text = escape_unknown_html(text)
        out = self._markdown(text).strip()
        return Rendered(out, html_to_text(out), False)

    def _markdown(self, text: str) -> str:
        if costly_line(text) is not None:  # the text kept, as text: the caller reports where (costly_line)
            return "\n".join(f"<p>{html.escape(block)}</p>" for block in _BLANK_LINES_RE.split(text) if block.strip())
        self._md.reset()
        return self._cleaner.clean(self._md.convert(text))


# Python-Markdown's inline links cost each the length of their paragraph, in Python: getLink looks for the
# `)` closing a link's `(` one character at a time to the paragraph's end when none does, and getText reads
# all the paragraph's brackets again after each link it makes; its HTML parsing does the same for every
# unclosed `<`. So a paragraph's cost grows with its `[` and `<` times its length. A paragraph over this
# budget (about a second's work; the show notes of the Changelog corpus stay under a tenth of it) is not
# given to it: it is kept as text, and its reader reports it (costly_line).
MAX_BRACKET_WORK = 2_000_000
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n")
COSTLY_MESSAGE = "this paragraph has too many [ and < for its length to be read as Markdown; it is shown as text"
COSTLY_HINT = "split it into paragraphs with blank lines, or check its brackets (a link is [text](url))"


def _openings(text: str) -> int:
    return text.count("[") + text.count("<")


def costly_line(text: str) -> int | None:
    """The 0-based line of the first paragraph (lines between blank lines) whose `[` and `<` times its length
    exceed MAX_BRACKET_WORK, or None: such a paragraph is rendered as text, not as Markdown."""
    if _openings(text) * len(text) <= MAX_BRACKET_WORK:
        return None
    for m in _INLINE_UNIT_RE.finditer(text):
        unit = m.group()
        if _openings(unit) * len(unit) > MAX_BRACKET_WORK:
            return text.count("\n", 0, m.start())
    return None


# What Python-Markdown reads as one run of inline text: lines up to a blank line, or up to a line that
# opens a list item, a heading or a quote (each of those is read on its own).
_INLINE_UNIT_RE = re.compile(r"[^\n]*(?:\n(?![ \t]*\n|[ \t]*(?:[-*+]|[0-9]+\.)[ \t]|#|>)[^\n]*)*")


_BULLETS = frozenset({"- ", "* ", "+ "})


# Blocks that absorb a block of their own kind after a blank line (Python-Markdown's loose lists, and its
# quotes, which it continues across blank lines).
_ABSORBING = ("<ul>", "<blockquote>")


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
