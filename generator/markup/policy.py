"""What sanitized HTML may hold: the tags, attributes and URL schemes nh3 keeps, and raw HTML outside them
escaped so that it shows as text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

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
# A URL's scheme as a browser reads it: after leading spaces and controls, with tabs and newlines dropped
# anywhere (so "java\tscript:" is javascript:).
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_IN_URL_RE = re.compile(r"[\t\n\r]")
_CONTROL_IN_URL_RE = re.compile(r"[\x00-\x1f\x7f]")


def url_allowed(url: str) -> bool:
    """Whether a URL from content may be written into a page or a feed: one with an allowed scheme (http,
    https, mailto) or a relative one. The one URL policy: Markdown's links, chapter, edit, sponsor, person,
    show and audio URLs are all held to it."""
    if _CONTROL_IN_URL_RE.search(url.strip()):
        return False
    scheme = _SCHEME_RE.match(_IGNORED_IN_URL_RE.sub("", url).lstrip("\x00\x20"))
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def url_hint(url: str) -> str:
    """What to write instead of a URL that url_allowed refuses."""
    return ("links may be http://, https:// or mailto: URLs, or relative ones; "
            f"{url.split(':')[0].strip()!r} URLs could run code in a reader's browser")


_RAW_TAG_NAMES = "|".join(sorted(ALLOWED_TAGS, key=len, reverse=True))
# A code span (left alone: Markdown escapes its content itself), an allowed tag or autolink (kept), or
# any other "<" (escaped).
_RAW_LT_RE = re.compile(
    r"(?P<code>(?<!\\)(`+)(?:(?!\2).)+?\2)"
    r"|<(?=/?(?:" + _RAW_TAG_NAMES + r")\b[^<>]*>|(?:https?|mailto):[^<>\s]*>)"
    r"|(?P<lt><)",
    re.DOTALL | re.IGNORECASE,
)


def escape_unknown_html(text: str) -> str:
    if "<" not in text:
        return text
    return _RAW_LT_RE.sub(lambda m: "&lt;" if m.group("lt") else m.group(0), text)
