"""The parser over every real transcript in ../shared/corpus: nothing crashes and nothing is lost.

"Nothing lost" compares words: the source's word sequence (entities decoded once, links reduced to their
text, allow-listed tags dropped) must equal the rendered one (turn labels, lifted times, and the text of
each paragraph's HTML). Timestamps are compared on their own, in order, because a timestamp on a line of
its own moves into the paragraph after it, past that paragraph's label.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.markup.markdown import Markup
from generator.model.transcript import Transcript
from generator.transcripts.parser import parse_transcript
from generator.transcripts.speakers import SpeakerIndex

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "transcripts"
FILES = sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"the transcript corpus is not at {CORPUS}")

# The files corpus-format.md names for its irregularities: checked on every run. All 150 files take longer,
# so that run is marked slow.
IRREGULAR = {
    "bigtent/big-tent-s1e6.md", "gotime/go-time-237.md", "gotime/go-time-20.md", "gotime/go-time-14.md",
    "gotime/go-time-87.md", "gotime/go-time-93.md", "gotime/go-time-50.md", "gotime/go-time-162.md",
    "gotime/go-time-56.md", "gotime/go-time-340.md", "jsparty/js-party-185.md", "jsparty/js-party-224.md",
    "practicalai/practical-ai-16.md", "podcast/the-changelog-200.md", "podcast/the-changelog-202.md",
    "podcast/the-changelog-243.md", "podcast/the-changelog-327.md", "podcast/the-changelog-379.md",
    "podcast/the-changelog-399.md", "podcast/the-changelog-673.md", "friends/changelog--friends-14.md",
    "friends/changelog--friends-96.md", "friends/changelog--friends-125.md", "news/changelog-news-46.md",
    "news/changelog-news-130.md", "news/changelog-news-133.md", "news/changelog-news-161.md",
    "news/changelog-news-172.md", "backstage/backstage-14.md", "founderstalk/founders-talk-90.md",
    "shipit/ship-it-73.md", "shipit/ship-it-100.md",
}

WORD_RE = re.compile(r"[^\W_]+")
# Source-side views of what the parser reads; written independently of generator/transcript_parser.py.
STAMP_RE = re.compile(r"\\*\[\s*\\*([0-9]{1,3}(?:\s*(?:\*\*)?:(?:\*\*)?\s*[0-9]{2}){1,3}(?:\.[0-9]{1,3})?)\\*\](?!\()")
LINK_RE = re.compile(r"\[([^\[\]]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
ALLOWED_TAG_RE = re.compile(r"</?(?:sup|sub|strike|s|del|pre|em|strong|code|br|p|span|a)\b[^<>]*>", re.IGNORECASE)
DOUBLED_LABEL_RE = re.compile(r"\*\*([^*\n:]+): \1:\*\*")
TS_LINK_RE = re.compile(r'<a class="ts" href="#([^"]+)" data-t="([0-9.]+)">([^<]*)</a>')
HREF_RE = re.compile(r'href="([^"]*)"')


@dataclass
class Parsed:
    path: Path
    source: str
    transcript: Transcript
    diags: Diagnostics


@pytest.fixture(scope="module", params=["irregular", pytest.param("all", marks=pytest.mark.slow)])
def corpus(request: pytest.FixtureRequest) -> list[Parsed]:
    files = FILES if request.param == "all" else [f for f in FILES if f.relative_to(CORPUS).as_posix() in IRREGULAR]
    markup = Markup()
    out = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        diags = Diagnostics()
        out.append(Parsed(path, source, parse_transcript(source, path, SpeakerIndex(), markup, diags), diags))
    return out


class _Text(HTMLParser):
    """Visible text of rendered HTML, list numbers included (a browser shows them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.numbers: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "ol":
            start = dict(attrs).get("start")
            self.numbers.append(int(start) if start else 1)
        elif tag == "ul":
            self.numbers.append(-1)
        elif tag == "li" and self.numbers and self.numbers[-1] >= 0:
            self.parts.append(f" {self.numbers[-1]}. ")
            self.numbers[-1] += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self.numbers:
            self.numbers.pop()
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(fragment: str) -> str:
    if "<ol" not in fragment:  # the common case, quickly
        return html.unescape(re.sub(r"<[^>]*>", " ", fragment))
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def source_words(source: str) -> list[str]:
    text = DOUBLED_LABEL_RE.sub(r"**\1:**", source)  # read as one label, with a warning
    text = STAMP_RE.sub(" ", text)
    text = html.unescape(text) if "&" in text else text
    text = LINK_RE.sub(lambda m: m.group(1), text)
    text = ALLOWED_TAG_RE.sub(" ", text)
    return WORD_RE.findall(text)


def rendered_words(transcript: Transcript) -> list[str]:
    words: list[str] = []
    for turn in transcript.turns:
        words += WORD_RE.findall(turn.label)
        for para in turn.paragraphs:
            words += WORD_RE.findall(visible_text(TS_LINK_RE.sub(" ", para.html)))
    return words


def test_irregular_files_are_all_present() -> None:
    assert {f.relative_to(CORPUS).as_posix() for f in FILES} >= IRREGULAR


def test_nothing_is_lost(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        expected, got = source_words(parsed.source), rendered_words(parsed.transcript)
        if expected != got:
            at = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b),
                      min(len(expected), len(got)))
            pytest.fail(f"{parsed.path}: words differ at {at}: source {expected[at - 5:at + 8]} "
                        f"vs rendered {got[at - 5:at + 8]}")


def test_every_timestamp_appears_in_order(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        source = [re.sub(r"[\s*]", "", m.group(1)) for m in STAMP_RE.finditer(parsed.source)]
        shown: list[str] = []
        for para in parsed.transcript.paragraphs():
            if para.exact:
                shown.append(para.time_text)
            shown += [m.group(3) for m in TS_LINK_RE.finditer(para.html)]
        assert shown == source, parsed.path
        assert parsed.transcript.has_times == bool(source), parsed.path


def test_inline_timestamp_links_point_at_their_paragraph(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        for para in parsed.transcript.paragraphs():
            for m in TS_LINK_RE.finditer(para.html):
                assert m.group(1) == para.anchor, (parsed.path, para.line)
                assert float(m.group(2)) >= 0


def test_every_link_url_survives(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        hrefs = {html.unescape(h) for p in parsed.transcript.paragraphs() for h in HREF_RE.findall(p.html)}
        for m in LINK_RE.finditer(html.unescape(parsed.source)):
            url = m.group(2)
            if url.lower().startswith(("http:", "https:", "mailto:")) or url == "":
                assert url in hrefs, (parsed.path, url)


def test_anchors_are_unique_valid_ids(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        anchors = [p.anchor for p in parsed.transcript.paragraphs()]
        assert len(anchors) == len(set(anchors)), parsed.path
        assert all(re.fullmatch(r"t-[A-Za-z0-9_-]+", a) for a in anchors), parsed.path


def test_starts_never_decrease_except_where_the_source_goes_backwards(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        backwards = {d.location.line for d in parsed.diags.warnings if "goes backwards" in d.message}
        previous = None
        for para in parsed.transcript.paragraphs():
            if previous is not None and para.start < previous.start:
                assert para.exact and para.line in backwards, (parsed.path, para.line)
            previous = para


def test_paragraphs_are_well_formed(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        lines = parsed.source.count("\n") + 1
        for turn in parsed.transcript.turns:
            assert turn.kind in ("person", "voice", "unknown", "break", "none")
            assert (turn.label == "") == (turn.kind == "none")
            for para in turn.paragraphs:
                assert 1 <= para.line <= lines
                assert para.start >= 0
                assert para.html or para.exact, (parsed.path, para.line)  # only a lone timestamp is empty
                assert "&amp;#" not in para.html or "&amp;#" in parsed.source, (parsed.path, para.line)
                assert "<script" not in para.html and "\ue000" not in para.html and "\x1d" not in para.html


def test_unknown_speakers_are_warned_once_per_file(corpus: list[Parsed]) -> None:
    for parsed in corpus:
        labels = [d.message for d in parsed.diags.warnings if d.message.startswith("unknown speaker")]
        assert len(labels) == len(set(labels)), parsed.path
        assert all(d.location.path == parsed.path and d.location.line >= 1 for d in parsed.diags.warnings)
