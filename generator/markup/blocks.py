"""Block structure as Python-Markdown reads it: which lines open a block, which continue a paragraph, where
blocks split, and how speech is kept from opening one. The fast paths ask these before they render."""

from __future__ import annotations

import re

# An ATX heading the allow-list keeps (h1 is not on it).
RULE_RE = re.compile(r"-{3,}|\*{3,}|_{3,}")
# Without closing hashes, or a backslash last (Markdown reads a line ending in one as no heading).
HEADING_RE = re.compile(r"(#{2,6}) +([^#]*[^#\s\\])")
# What a table's second line is made of: without a "|" in it, or with anything else, it is no table.
_TABLE_RULE_CHARS = frozenset("|:- ")


def may_be_table(lines: list[str]) -> bool:
    """Whether the tables extension may read these lines as a table (its test needs a second line of
    nothing but cell separators and alignment marks: "--- | :---", or "- |" in a list)."""
    return len(lines) > 1 and "|" in lines[1] and set(lines[1]) <= _TABLE_RULE_CHARS


def split_headings(block: list[str]) -> list[list[str]]:
    """A block split after each heading that opens it: Python-Markdown reads the lines after a heading as a
    block of their own ("## Links" directly above a list)."""
    parts = []
    while len(block) > 1 and HEADING_RE.fullmatch(block[0]):
        parts.append(block[:1])
        block = block[1:]
    parts.append(block)
    return parts


def split_blocks(text: str) -> list[list[str]]:
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


def continues_paragraph(source: str, item_lines: bool = False) -> bool:
    """Whether a paragraph's lines are all paragraph text to Python-Markdown: none opens a block that
    interrupts a paragraph (a quote, heading, rule, fence or reference: _BLOCK_START_RE) or underlines a
    heading, ends in a hard break ("  ") or is blank or indented, and there is no "|" that could make a table.
    With item_lines, lines after the first may open list items (see _continues_as_item_line)."""
    if "|" in source:
        return False
    for number, line in enumerate(source.split("\n")):  # the first line too: a hard break may end it
        if not line or line != line.strip() or _SETEXT_RE.fullmatch(line) is not None:
            return False
        if opens_block(line) and not (item_lines and number and _continues_as_item_line(line)):
            return False
    return True


# A list item's opening, and a rule (a superset of Python-Markdown's, which allows at most two spaces apart).
_ITEM_LINE_RE = re.compile(r"(?:[-+*]|[0-9]+[.)]) ")
RULE_LINE_RE = re.compile(r"(?:[-*_][ \t]*){3,}")


def _continues_as_item_line(line: str) -> bool:
    """Whether a line after a paragraph's first that looks like a list item stays paragraph text: Python-Markdown
    starts a list only at the start of a block ("Links:\n- a" is one paragraph), but a rule interrupts one."""
    return _ITEM_LINE_RE.match(line) is not None and RULE_LINE_RE.fullmatch(line) is None


# Block constructs at the start of a line, as Python-Markdown reads them: list items, quotes, ATX
# headings, rules, fences, reference definitions, indented code.
_BLOCK_START_RE = re.compile(
    r"^(?:[ ]{0,3}(?:[-+*][ \t]|[0-9]+[.)]([ \t]|$)|>|#|```|~~~|\[[^\]]*\]:|(?:[-*_][ \t]*){3,}$|<)|[ ]{4}|\t)"
)
# Every character that _BLOCK_START_RE can match first. Most paragraphs open with none of them, and a
# set lookup costs far less than trying the pattern's alternatives.
BLOCK_START_CHARS = frozenset(" \t-+*_0123456789>#`~[<")


def opens_block(line: str) -> bool:
    """Whether the line opens a block construct as Python-Markdown reads it (_BLOCK_START_RE)."""
    return line[:1] in BLOCK_START_CHARS and _BLOCK_START_RE.match(line) is not None


BLOCK_MARKER_RE = re.compile(
    r"^([ \t]*)(?:(?P<bullet>[-+*])(?=[ \t])|(?P<num>[0-9]+)(?P<dot>[.)])(?=[ \t]|$)|(?P<other>[>#])"
    r"|(?P<rule>[-*_])(?=(?:[ \t]*[-*_]){2,}[ \t]*$)|(?P<ref>\[)(?=[^\]\n]*\]:))",
    re.MULTILINE,
)


def escape_block_marker(m: re.Match[str]) -> str:
    """Backslash-escape what would open a block, so speech stays a paragraph."""
    # The leading spaces go too: four of them would make indented code, which speech never means.
    if m.group("num"):
        return f"{m.group('num')}\\{m.group('dot')}"
    marker_char = m.group("bullet") or m.group("other") or m.group("rule") or m.group("ref")
    return f"\\{marker_char}"
