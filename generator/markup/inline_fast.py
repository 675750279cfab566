"""The fast path for one-line paragraphs of ordinary inline Markdown: the same HTML and text as the slow path
(Python-Markdown and nh3, in markup.Markup.render_slow) for a small, conservative grammar, or None for
anything it is not sure about. The plain path takes the paragraphs with no inline syntax at all, most
transcript paragraphs, for a whole transcript at once. A corpus test holds the paths to the same output."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.entities import html5
from typing import NamedTuple

from generator.markup.blocks import BLOCK_START_CHARS, opens_block
from generator.markup.policy import url_allowed
from generator.markup.text_scan import CONTROL_RE, ascii_has, byte_table, texts_holding


class Rendered(NamedTuple):
    """One rendered block: sanitized HTML, and its plain text with entities decoded exactly once. (A named
    tuple: one is made for every transcript paragraph, and a tuple is the cheapest immutable record.)"""

    html: str
    text: str
    fast: bool = False


# Text with none of these has no inline Markdown, entity, raw HTML or control character: most transcript
# paragraphs. ("!" only matters before "[", which is here.)
_PLAIN_RE = re.compile(r"[`\\\[\]&*_<\t\n\x00-\x08\x0b-\x1f\x7f-\xa0]")


_PLAIN_BYTES = byte_table(_PLAIN_RE)


def _has_syntax(text: str) -> bool:
    """Whether _PLAIN_RE finds a character in the text."""
    return ascii_has(text, _PLAIN_BYTES) if text.isascii() else _PLAIN_RE.search(text) is not None


def render_plain(source: str) -> Rendered | None:
    """A paragraph that needs nothing but its ">" escaped and its escaped brackets ("\\[laughs\\]", common
    in transcripts) unescaped, as the fast path would render it; else None."""
    if not source or opens_block(source) or source != source.strip():
        return None
    escaped = "\\" in source
    if _has_syntax(source.replace("\\[", "").replace("\\]", "") if escaped else source):
        return None
    text = source.replace("\\[", "[").replace("\\]", "]") if escaped else source
    return Rendered(f"<p>{text.replace('>', '&gt;') if '>' in text else text}</p>", text, True)


# What _PLAIN_RE finds in text without control characters (CONTROL_RE), as single characters to look for.
_SYNTAX_CHARS = "".join(ch for ch in map(chr, range(0x100)) if _PLAIN_RE.match(ch) and not CONTROL_RE.match(ch))
# What a paragraph may open with when render_plain turns it down for its opening (nothing, or a character
# _BLOCK_START_RE may match first), or when opens_block is to be asked.
_NOT_PLAIN_FIRST = BLOCK_START_CHARS | {""}


def render_plain_many(sources: Sequence[str]) -> tuple[list[str], list[str], set[int]]:
    """render_paragraph for many sources without control characters (CONTROL_RE; the transcript parser
    removes them), where it renders by its plain path: (htmls, texts, others), htmls[i] and texts[i] being
    render_paragraph(sources[i])'s, except for the indices in `others`, sources it may render another way
    (there they are placeholders).

    It gives what render_plain gives, for a transcript's paragraphs at once and without a Python call for
    most of them, where render_paragraph makes several each: one search for each syntax character through
    all of their text finds the few that have one. Of those, the ones with only escaped brackets (a common
    "\\[laughs\\]") are searched again with those removed, as render_plain does. The others are
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
    for i in greater:  # escaped in the HTML, as render_plain does
        htmls[i] = f"<p>{stripped[i].replace('>', '&gt;')}</p>"
    return htmls, stripped, others


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


def render_inline_fast(source: str, escapable: frozenset[str]) -> tuple[str, str] | None:
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
        with_entities = _entities(s, tokens)
        if with_entities is None:
            return None
        s = with_entities
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
        if not url_allowed(url) or ("&" in url and _URL_ENTITY_RE.search(url)):
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
        return html5.get(m.group(3) + ";")
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
