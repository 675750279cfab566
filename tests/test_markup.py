"""Markdown rendering: the allow-list sanitizer, and the fast path that must match Python-Markdown."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from generator.markup.html_text import html_to_text
from generator.markup.markdown import Markup, fill_markers, marker


@pytest.fixture(scope="module")
def markup() -> Markup:
    return Markup()


def squash(html: str) -> str:
    """Whitespace between and inside tags is insignificant for these comparisons."""
    return re.sub(r"\s+", " ", html).strip()


# -- author Markdown ---------------------------------------------------------------------------------

def test_render_keeps_allowed_markup(markup: Markup) -> None:
    out = markup.render("## Picks\n\n- [Go](https://go.dev \"Go\") and *em* **strong** `code`\n"
                        "- <sup>1</sup> <strike>old</strike> ~~x~~\n\n> quoted\n\n---\n\n1. one\n2. two")
    assert "<h2>Picks</h2>" in out
    assert '<a href="https://go.dev" title="Go">Go</a>' in out
    assert "<em>em</em>" in out and "<strong>strong</strong>" in out and "<code>code</code>" in out
    assert "<sup>1</sup>" in out and "<strike>old</strike>" in out
    assert "<blockquote>" in out and "<hr>" in out and "<ol>" in out


def test_render_figures_images_and_tables(markup: Markup) -> None:
    out = markup.render('<figure><img src="https://x.test/a.png" alt="A" width="10" onerror="alert(1)" '
                        'class="big"><figcaption>Cap</figcaption></figure>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |')
    assert '<img src="https://x.test/a.png" alt="A" width="10">' in out
    assert "onerror" not in out and "class" not in out
    assert "<figcaption>Cap</figcaption>" in out
    assert "<table>" in out and '<td align="right">2</td>' in out


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.test></iframe>",
        '<div style="background:url(javascript:alert(1))">x</div>',
        "<svg onload=alert(1)>",
        "<style>body{}</style>",
        "<!-- <script>alert(1)</script> -->",
    ],
)
def test_render_never_lets_script_through(markup: Markup, evil: str) -> None:
    out = markup.render(evil)
    assert "<script" not in out and "javascript:" not in out and "onerror" not in out and "onload" not in out
    assert "<iframe" not in out and "<style" not in out and "<svg" not in out and "style=" not in out


def test_render_empty_and_control_characters(markup: Markup) -> None:
    assert markup.render("") == ""
    assert markup.render("  \n ") == ""
    assert markup.render("a\x1db") == "<p>ab</p>"


def test_render_inline_has_no_paragraph(markup: Markup) -> None:
    assert markup.render_inline("A *great* [talk](https://x.test)") == \
        'A <em>great</em> <a href="https://x.test">talk</a>'
    assert markup.render_inline("1. not a list") == "1. not a list"
    assert markup.render_inline("# not a heading") == "# not a heading"
    assert markup.render_inline("") == ""


def test_entities_are_decoded_exactly_once(markup: Markup) -> None:
    out = markup.render_paragraph("it&#39;s &quot;x&quot; &amp; y &amp;#39; &lt;div&gt;")
    assert out.html == "<p>it's \"x\" &amp; y &amp;#39; &lt;div&gt;</p>"
    assert out.text == "it's \"x\" & y &#39; <div>"
    assert "&amp;#39;" not in markup.render_paragraph("it&#39;s").html


# -- transcript paragraphs -----------------------------------------------------------------------------

def test_ordinary_paragraph_takes_the_fast_path(markup: Markup) -> None:
    out = markup.render_paragraph("I&#39;m **\\*kazoo\\*** and _it_ `x<y` [Go](https://go.dev) \\[laughs\\]")
    assert out.fast
    assert out.html == ('<p>I\'m <strong>*kazoo*</strong> and <em>it</em> <code>x&lt;y</code> '
                        '<a href="https://go.dev">Go</a> [laughs]</p>')
    assert out.text == "I'm *kazoo* and it x<y Go [laughs]"


def test_raw_html_in_a_transcript_is_allow_listed_or_shown_as_text(markup: Markup) -> None:
    out = markup.render_paragraph("use <div> and <sup>2</sup> <strike>x</strike> <script>alert(1)</script>")
    assert out.html == ("<p>use &lt;div&gt; and <sup>2</sup> <strike>x</strike> "
                        "&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert "alert(1)" in out.text and "<div>" in out.text


def test_code_span_with_a_tag_inside(markup: Markup) -> None:
    out = markup.render_paragraph("the `<a>` element")
    assert out.html == "<p>the <code>&lt;a&gt;</code> element</p>"


def test_pre_block_is_kept(markup: Markup) -> None:
    out = markup.render_paragraph("<pre>\nValue =\n  a * b\n  - c\n</pre>")
    assert out.html.startswith("<pre>") and "  a * b\n  - c" in out.html


def test_news_blocks_render_as_blocks(markup: Markup) -> None:
    assert markup.render_paragraph("- [a](https://a.test)\n- b").html.startswith("<ul>")
    assert markup.render_paragraph("> quoted [x](https://x.test)\n>\n> more").html.startswith("<blockquote>")
    assert markup.render_paragraph("## 📰 The Classifieds").html == "<h2>📰 The Classifieds</h2>"
    numbered = markup.render_paragraph("1. Stop\n2. Go")
    assert numbered.html.startswith("<ol>") and numbered.text == "1. Stop\n2. Go"


def test_speech_after_a_label_never_opens_a_block(markup: Markup) -> None:
    for text in ("14. 15. 16.", "- not a list", "> not a quote", "# not a heading", "---", "+ plus"):
        out = markup.render_paragraph(text, inline_only=True)
        assert out.html == f"<p>{text.replace('>', '&gt;')}</p>", text


def test_special_characters_are_preserved(markup: Markup) -> None:
    out = markup.render_paragraph("a\u00a0b c\u200dd e\u00adf ™️ \u2009 ń")
    assert out.html == "<p>a&nbsp;b c\u200dd e\u00adf ™️ \u2009 ń</p>"
    assert out.text == "a\u00a0b c\u200dd e\u00adf ™️ \u2009 ń"


def test_markers_survive_both_paths_and_are_filled(markup: Markup) -> None:
    for source in (f"at {marker(0)} we", f"- item {marker(0)}\n- two"):
        out = markup.render_paragraph(source)
        filled = fill_markers(out.html, ['<a class="ts">04:34</a>'])
        assert '<a class="ts">04:34</a>' in filled and "\ue000" not in filled
    assert fill_markers("x", []) == "x"
    assert fill_markers(f"a{marker(3)}b", ["0"]) == "ab"  # an unknown marker is dropped, never left raw


def test_html_to_text() -> None:
    assert html_to_text("<p>a &amp;#39; <em>b</em></p>") == "a &#39; b"
    assert html_to_text('<ol start="3">\n<li>x</li>\n<li>y</li>\n</ol>\n<ul><li>z</li></ul>') == "3. x\n4. y\n- z"
    assert html_to_text("<p>a<br>\nb</p>\n<blockquote>\n<p>q</p>\n</blockquote>") == "a\nb\nq"
    assert html_to_text("") == ""


# Hand-picked snippets around the fast path's edges: each must render exactly as Python-Markdown does
# (or be declined by the fast path).
EDGE_CASES = [
    "plain words.", "it&#39;s", "&copy; &foo; &copy & &#0; &#x41; &#128512;", "a & b < c", "5 * 3 * 2",
    "*em* and **strong**", "**\\*kazoo\\***", "\\* \\* \\*", "_em_ snake_case __strong__ _a_b_",
    '"*quoted*" (_paren_)', "a*b*c", "*open only", "close* only", "***both***", "**a *b* c**", "*a **b** c*",
    "`code` and `more`", "``double``", "`odd", "\\`not code\\`", "[Go](https://go.dev)", "[a](www.x.test)",
    "[says]()", "[x](javascript:alert(1))", "[a]((https://x.test/y))", "[b]( https://q.test)",
    "[Wine](https://en.wikipedia.org/wiki/Wine_(software))", "[`code` *em*](https://x.test)",
    "[x](https://x.test?a=1&b=2)", "[x](https://x.test \"title\")", "[a] [b]", "[laughs]", "\\[laughs\\]",
    "\\$STDOUT \\| \\: \\\\", "wake up at 5:30", "a\u00a0b", "![img](https://x.test/a.png)",
    "<https://auto.test>", "trailing \\", "1.5 million", "2015.", "#hashtag", "- dash", "-- double dash",
    "tab\there", "x_y_z", "_x_y", "**bold**:", "**\\*crickets\\***", "*a* *b* *c*", "__init__",
    "a &#65 b", "&#1. x", "`x<y>` here", "so \\[laughs\\] yes", "x -> y > z", "Yeah! Wow!", "\\[x\\](https://a.test)",
    "a \\\\[b", "> quoted", "\\[laughs\\] *and* more",
    "[Wine](https://en.wikipedia.org/wiki/Wine_(software)) x", "[x](https://a.test/a(b)c(d))", "[x](https://a.test/a(b(c)))",
    "[x](https://a.test/a()", "[x](https://a.test/a(b)))", "[x](https://a.test/a_(b)_c) _d_", "[x](a&b)",
    "[x](https://a.test/?a&copy/x&lt&&)", "[x](https://a.test/?a=1&amp;b=2)", "[x](https://a.test/?a=1&#38x)",
    "one line\nand *another\nline*", "a\n-", "a\n=", "a\n> b", "a\n# b", "a\n- b", "a\n1. b", "a\n    b", "a  \nb",
    "a\\\nb", "[a\nb](https://x.test)", "`a\nb`", "a | b\n--- | ---", "a\n\nb",
]


@pytest.mark.parametrize("source", EDGE_CASES)
def test_fast_path_equals_python_markdown_on_edge_cases(markup: Markup, source: str) -> None:
    fast = markup.render_fast(source)
    if fast is None:
        return  # declined: the slow path renders it
    slow = markup.render_slow(source)
    assert squash(fast.html) == squash(slow.html)
    assert fast.text == slow.text


def test_fast_path_equals_python_markdown_on_random_inline_text(markup: Markup) -> None:
    """Seeded random mixes of every inline construct the fast path knows (and some it must decline)."""
    pieces = ["*", "_", "**", "__", "`", "\\", "\\*", "\\_", "\\[", "\\]", "\\|", "[", "]", "(", ")", "](",
              "[a](http://x.test/z?q=1)", "[b *c*](https://e.test)", "&amp;", "&#39;", "&foo;", "&", "&nbsp;",
              "word", "x", " ", " ", " ", ".", ",", '"', "'", "\u00a0", "é", "1.", ":", "#", ">", "-", "!",
              marker(0), "\u200d", "snake_case", "a*b", "’"]
    rng = random.Random(20240601)
    compared = 0
    for _ in range(3000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))).strip()
        fast = markup.render_fast(source) if source else None
        if fast is None:
            continue
        slow = markup.render_slow(source)
        assert (squash(fast.html), fast.text) == (squash(slow.html), slow.text), source
        compared += 1
    assert compared > 1000  # the fast path really does take most of these


# Paragraphs in the block shapes the fast path takes (quotes, tight lists, headings, lines joined by "\n")
# and ones it must leave alone: rendered as speech and as news, each exactly as the slow path renders it.
PARAGRAPH_CASES = [
    "> a", "> a\n>\n> b", "> **Good** – x\n>\n> **y** z", "> a\n> b", "> a\n>", ">\n> a", "> a\n>\n>\n> b", "> > a",
    "> - a", "> 1. a", "> &nbsp;a", "> a &nbsp;", ">  a", "> a  b", "- a\n- b", "- [a](https://a.test)\n- b",
    "- a\n* b",
    "- a\nb", "- a\n-  b", "- &#32;", "- a|b\n- |", "1. a\n2. b", "3. a\n4. b", "1. a\n1. b *c*", "01. a\n2. b", "0. a",
    "1. a\n2) b", "1. a\n- b", "1. a\nb", "1. a\n2.  b", "1.  a", "10. x\n11. y", "1.", "1. > x", "1. 2. x",
    "1. a|b\n2. |", "## a", "## a *b*", "## a\n## b", "##", "## &nbsp;", "## a\\", "### x ###", "14. 15. 16.", "16.",
    "2015.", "- not a list", "# not a heading", "---", "+ plus", "> not a quote", "[ref]: https://x.test",
    "one\ntwo *three\nfour*", "a\n-", "a\n> b", "a  \nb", "x\n16. y", f"line\n{marker(0)} after",
]


@pytest.mark.parametrize("source", PARAGRAPH_CASES)
@pytest.mark.parametrize("inline_only", [False, True])
def test_block_paragraphs_render_exactly_as_python_markdown(markup: Markup, source: str, inline_only: bool) -> None:
    out = markup.render_paragraph(source, inline_only=inline_only)
    slow = markup.render_slow(source, inline_only=inline_only)
    assert (out.html, out.text) == (slow.html, slow.text)


def test_block_paragraphs_take_the_fast_path(markup: Markup) -> None:
    for source in ("> a\n>\n> b *c*", "- a\n- [b](https://b.test)", "2. a\n3. b", "## a", "one\ntwo"):
        assert markup.render_paragraph(source).fast, source
    for source in ("16. x", "> quoted", "- dash", "# hash", "1. a\n2. b"):
        assert markup.render_paragraph(source, inline_only=True).fast, source
    assert markup.render_paragraph("[W](https://w.test/Wine_(software)?a=1&b=2)").fast


def test_fast_paths_equal_python_markdown_on_random_paragraphs(markup: Markup) -> None:
    """Seeded random paragraphs of several lines and block openings, as speech and as news: whatever the
    fast paths take renders byte for byte as the slow path does."""
    pieces = ["*", "_", "**", "`", "\\", "\\*", "\\[", "\\]", "[", "]", "(", ")", "[a](http://x.test/z?q=1&r=2)",
              "[w](https://x.test/W_(s))", "&amp;", "&#39;", "&", "&nbsp;", "word", "x", " ", " ", ".", '"', "\u00a0",
              "1.", "16. ", ">", "> ", "- ", "#", marker(0), "’", "\n", "\n", "\n>\n", "=", "|", "  ", "\n1. ", "2. ",
              "\n- ", "## ", "\n> ", "0"]
    rng = random.Random(20260101)
    compared = 0
    for _ in range(2500):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))).strip()
        for inline_only in (False, True):
            out = markup.render_paragraph(source, inline_only=inline_only)
            if not out.fast:
                continue
            slow = markup.render_slow(source, inline_only=inline_only)
            assert (out.html, out.text) == (slow.html, slow.text), (source, inline_only)
            compared += 1
    assert compared > 1500


TRANSCRIPT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "transcripts"


@pytest.mark.slow
@pytest.mark.skipif(not TRANSCRIPT_CORPUS.is_dir(), reason=f"the transcript corpus is not at {TRANSCRIPT_CORPUS}")
def test_every_corpus_paragraph_renders_exactly_as_python_markdown() -> None:
    """render_paragraph as the transcript parser calls it (speech or not), byte for byte against the slow
    path, for every paragraph the fast paths take; and they take nearly all. (The paragraphs are read from
    the parser: most no longer reach render_paragraph one by one, see render_plain_many.)"""
    from generator.diagnostics import Diagnostics
    from generator.transcripts.parser import _Parser
    from generator.transcripts.speakers import SpeakerIndex

    markup = Markup()
    seen: list[tuple[str, bool]] = []
    for path in sorted(TRANSCRIPT_CORPUS.rglob("*.md")):
        parser = _Parser(path, SpeakerIndex(), markup, Diagnostics())
        parser.run(path.read_text(encoding="utf-8"))
        seen += [(para.body, para.speech) for para in parser.paragraphs()]
    fast = 0
    for source, inline_only in seen:
        out = markup.render_paragraph(source, inline_only=inline_only)
        if out.fast:
            slow = markup.render_slow(source, inline_only=inline_only)
            assert (out.html, out.text) == (slow.html, slow.text), (source, inline_only)
            fast += 1
    assert fast > 0.999 * len(seen)


# -- the fast path for author Markdown (show notes, bios, blurbs) ---------------------------------------

NOTES_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "show-notes"
BLOCK_CASES = [
    "- [a](https://a.test)\n- [b & c](https://b.test/?x=1&y=2)", "* one\n* two", "+ one", "- a\n* b",
    "- a\n\n- b", "- a\n\npara", "para\n\n- a", "one line\nand a second", "## Links\n\n- [x](https://x.test)",
    "# Title", "### Three ###", "#### **Bold** heading", "##no space", "---", "***", "- - -", "para\n---",
    "- item\n  continued", "- item\n    - nested", "  - indented", "1. one\n2. two", "> quote",
    "[ref][1]\n\n[1]: https://x.test", "<b>raw</b>", "- <https://auto.test>", "- ![img](https://x.test/a.png)",
    "trailing  \nbreak", "- item with trailing space ", "\n\n- a\n\n\n\n## h\n\n", "- a\r\n- b", "- [x](javascript:y)",
    "```\ncode\n```", "    indented code", "Para with *em* and `code`.", "-not a list", "-\titem",
    "- a|b\n- |", "- a | b\n- c | d", "## heading\\", "## heading \\\\",
    # trailing spaces, which Markdown keeps at the end of an item or paragraph (and near misses)
    "- a \n- b  \n- c   ", "- [a](https://a.test) \n- b", "para ", "para  \n\nnext", "one\ntwo  ", "one  \ntwo",
    "- a\u00a0", "- a \u00a0", "- a \t", "## h ", "--- ", "- *a* ", "- a * ", "- *a * ", "- a \\ ", "-  ", "> q  ",
    # spaces around a link's address
    "- [x](https://x.test )", "- [x]( https://x.test)", "[x](  https://x.test  )", "[x]( )", "[x](a b)",
    "[x]( https://x.test \"t\")", "[x](\thttps://x.test)", "[x]( javascript:y )",
    # brackets in link text
    "- [[Talk] Go](https://x.test)", "[a [b] c](https://x.test)", "[[[a]] b](https://x.test)",
    "[x [[a] b](https://x.test)",
    "[a [b](c) d](https://x.test)", "[a [b][c] d](https://x.test)", "[a [b] [c] d](https://x.test)",
    "[[a]](https://x.test) [b]",
    "[x] [[a] b](https://x.test)", "[ [a] ](https://x.test)", "[[a] *b*](https://x.test)",
    "[[a]](https://x.test) [[b]](https://y.test)",
    "[ [x [[a] b](https://x.test)", "] [[a] b](https://x.test)", "[[a] b](https://x.test) ]",
    # a heading directly above other lines
    "#### People\n- [a](https://a.test)\n- b", "## a\n## b\n- c", "## a\npara", "## a\n---", "## a\n\n- b\n## c\n- d",
    "- a\n\n## h\n- b", "## a\n- b\n\n- c", "## a\n> q", "## a\n1. b", "para\n## a",
    # list-like lines after a paragraph's first: paragraph text to Markdown, unless a rule
    "ELI5\n* [a](https://a.test)\n* b", "x:\n- a\n- b", "x\n1. a\n2) b", "x\n* * *", "x\n- - -", "x\n---", "x\n-",
    "x\n- a *b\n- c* d", "x\n+ a", "x\n> b", "- a\n\nx\n- b", "x\n-a", "x\n- a  \n- b", "x\n- `a\n- b`", "x\n    - a",
    "x\n- a\n\n- b", "x\n-\ta",
    # quotes of one paragraph
    "> q", "> q ", "> a\n> b", "> a\n\n> b", "> a\n>\n> b", "> a\n> - b", "> - a", "> ## a", "- a\n\n> q", "> q\n\n- a",
    "> a\nb", ">  a", "> a\n\npara\n\n> b", " \n- a", "\t\nfoo", "    \nfoo", "\n    \nfoo", "foo\n\t\nbar",
    "foo\n\u00a0\nbar", "* **", "- a\n* **", "- __", "> a\n\n## h\n\n> b", "> *a*\n> [b](https://b.test)", ">a",
    "> > a", "> a\n>b",
]


@pytest.mark.parametrize("source", BLOCK_CASES)
def test_author_markdown_fast_path_equals_python_markdown(markup: Markup, source: str) -> None:
    assert markup.render(source) == markup._markdown(source).strip()


def test_author_markdown_fast_path_takes_the_common_shapes(markup: Markup) -> None:
    assert markup.render_blocks_fast("## Links\n\n- [a](https://a.test)\n- b *c*\n\nThanks!") == (
        '<h2>Links</h2>\n<ul>\n<li><a href="https://a.test">a</a></li>\n<li>b <em>c</em></li>\n</ul>\n<p>Thanks!</p>')
    assert markup.render_blocks_fast("- a\n\n- b") is None  # a loose list: Python-Markdown's to render
    assert markup.render_blocks_fast("> a\n\n> b") is None  # one quote to Python-Markdown
    for source in ("- [a](https://a.test) \n- b  ", "- [[Talk] Go](https://x.test)", "- [x](https://x.test )",
                   "#### People\n- [a](https://a.test)", "ELI5\n* [a](https://a.test)\n* b", "> \"quoted\" ",
                   "> a\n> b"):
        assert markup.render_blocks_fast(source) is not None, source


def test_author_markdown_fast_path_equals_python_markdown_on_random_notes(markup: Markup) -> None:
    """Seeded random notes of headings, lists, quotes, links and brackets: whatever the fast path takes renders
    byte for byte as Python-Markdown does."""
    pieces = ["\n", "\n", "\n\n", "- ", "* ", "1. ", "> ", "## ", "#### ", "---", "[", "]", "(", ")", " ", " ", "  ",
              "[a](https://x.test)", "[[T] b](https://x.test )", "( https://y.test)", "word", "x:", "*", "_", "`", "&",
              "|", "\\", "\u00a0", "é", "\t", "[b]", "!"]
    rng = random.Random(20260301)
    compared = 0
    for _ in range(3000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        if markup.render_blocks_fast(source) is None:
            continue
        assert markup.render(source) == markup._markdown(source).strip(), source
        compared += 1
    assert compared > 500


@pytest.mark.slow
@pytest.mark.skipif(not NOTES_CORPUS.is_dir(), reason=f"the show notes corpus is not at {NOTES_CORPUS}")
def test_author_markdown_fast_path_equals_python_markdown_on_every_corpus_show_notes_file(markup: Markup) -> None:
    files = sorted(NOTES_CORPUS.rglob("*.md"))
    fast = 0
    for path in files:
        source = path.read_text(encoding="utf-8")
        if markup.render_blocks_fast(source) is not None:
            fast += 1
        assert markup.render(source) == markup._markdown(source).strip(), path
    assert fast > 0.7 * len(files)  # and the fast path is the one that does most of the work
