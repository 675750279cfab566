"""Plain text of sanitized HTML, as transcripts and feeds show it."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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
