"""Transcript parsing, one irregularity of the Changelog corpus at a time (see corpus-format.md)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.markup.markdown import Markup
from generator.model.transcript import Transcript
from generator.transcripts.parser import parse_transcript
from generator.transcripts.speakers import SpeakerIndex, normalize_label

PATH = Path("episodes/show/1/transcript.md")
SPEAKERS = SpeakerIndex(
    people={"Jerod Santo": "jerod", "Adam Stacoviak": "adam", "Chris Benson": "chris", "Paul Frazee": "paul",
            "Breakmaster Cylinder": "bmc", "Sam Boyer": "sam"},
    voices=frozenset({"Clip from The Changelog"}),
)


@pytest.fixture(scope="module")
def markup() -> Markup:
    return Markup()


def parse(markup: Markup, text: str, duration: float | None = None,
          speakers: SpeakerIndex = SPEAKERS) -> tuple[Transcript, Diagnostics]:
    diags = Diagnostics()
    return parse_transcript(text, PATH, speakers, markup, diags, duration), diags


def warnings(diags: Diagnostics) -> list[tuple[int, str]]:
    return [(d.location.line, d.message) for d in diags.warnings]


def speakers_of(t: Transcript) -> list[tuple[str, str, str | None]]:
    return [(turn.kind, turn.label, turn.person) for turn in t.turns]


# -- turns and labels --------------------------------------------------------------------------------

def test_standard_turns_and_continuations(markup: Markup) -> None:
    t, diags = parse(markup, "**Chris Benson:** Hello there.\n\nI happen to be solo.\n\n"
                             "**Jerod Santo:** \\[04:34\\] How old were you?\n")
    assert speakers_of(t) == [("person", "Chris Benson", "chris"), ("person", "Jerod Santo", "jerod")]
    first, second = t.turns[0].paragraphs
    assert (first.line, first.html, first.text) == (1, "<p>Hello there.</p>", "Hello there.")
    assert (second.line, second.text) == (3, "I happen to be solo.")
    stamped = t.turns[1].paragraphs[0]
    assert (stamped.line, stamped.start, stamped.exact, stamped.time_text) == (5, 274.0, True, "04:34")
    assert stamped.html == "<p>How old were you?</p>"
    assert t.has_times and diags.items == []
    assert [p.anchor for p in t.paragraphs()] == ["t-start-1", "t-start-2", "t-04-34"]


@pytest.mark.parametrize(
    "line",
    ["**Jerod Santo:** Hi.", "**Jerod Santo**: Hi.", "**Jerod Santo: **Hi.", "**Jerod Santo: ** Hi.",
     "**Jerod Santo:**Hi.", "**jerod santo:** Hi.", "**Jerod  Santo :** Hi."],
)
def test_label_variants(markup: Markup, line: str) -> None:
    t, diags = parse(markup, line)
    assert [(turn.kind, turn.person) for turn in t.turns] == [("person", "jerod")]
    assert t.turns[0].paragraphs[0].text == "Hi."
    assert diags.items == []


def test_label_alone_on_its_line_owns_the_next_paragraphs(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:**\n\nWhat up, nerds?\n\n[A story](https://x.test/a)\n\n"
                         "**Break:**\n\n**Jerod Santo:**\n\nNext story.\n")
    assert speakers_of(t) == [("person", "Jerod Santo", "jerod"), ("break", "Break", None),
                              ("person", "Jerod Santo", "jerod")]
    assert [p.line for p in t.turns[0].paragraphs] == [3, 5]
    assert t.turns[0].paragraphs[1].html == '<p><a href="https://x.test/a">A story</a></p>'
    assert t.turns[1].paragraphs == ()
    assert t.turns[2].paragraphs[0].line == 11


def test_a_label_at_the_start_of_any_line_opens_a_turn(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** One.\n**Adam Stacoviak:** Two.\nglued text\n\nthree")
    assert speakers_of(t) == [("person", "Jerod Santo", "jerod"), ("person", "Adam Stacoviak", "adam")]
    assert t.turns[1].line == 2
    glued, cont = t.turns[1].paragraphs
    assert glued.text == "Two.\nglued text" and glued.line == 2
    assert cont.text == "three" and cont.line == 5


def test_doubled_label(markup: Markup) -> None:
    t, diags = parse(markup, "**Adam Stacoviak:** Hi.\n\n**Jerod Santo: Jerod Santo:** Hey.")
    assert speakers_of(t)[1] == ("person", "Jerod Santo", "jerod")
    assert warnings(diags) == [(3, 'doubled speaker label "Jerod Santo: Jerod Santo" read as "Jerod Santo"')]


def test_second_label_in_the_middle_of_a_line(markup: Markup) -> None:
    t, diags = parse(markup, "**Jerod Santo:** One.\n\n**Jerod Santo:** Really? It's all taped? "
                             "**Adam Stacoviak:** Yup.")
    assert len(t.turns) == 2
    assert t.turns[1].paragraphs[0].html == \
        "<p>Really? It's all taped? <strong>Adam Stacoviak:</strong> Yup.</p>"
    assert warnings(diags) == [(3, 'speaker label "Adam Stacoviak" in the middle of a line; kept as text')]
    assert diags.warnings[0].location.path == PATH


def test_bold_text_with_a_colon_mid_line_is_not_a_label(markup: Markup) -> None:
    _, diags = parse(markup, "**Jerod Santo:** The **important:** part.")
    assert diags.items == []


@pytest.mark.parametrize(
    ("line", "label", "start", "body"),
    [
        ("Break: \\[44:19\\] to \\[45:16\\]", "Break", 2659.0,
         '<p>to <a class="ts" href="#t-44-19" data-t="2716">45:16</a></p>'),
        ("# **Break:** \\[22:39\\]", "Break", 1359.0, ""),
        ("**Break**: \\[26:46\\]", "Break", 1606.0, ""),
        ("**Break:** \\[26:46\\]", "Break", 1606.0, ""),
        ("Outro: \\[01:53:10\\] - \\[01:54:40\\]", "Outro", 6790.0,
         '<p>- <a class="ts" href="#t-1-53-10" data-t="6880">01:54:40</a></p>'),
        ("**Jingle**: \\[10:00\\]", "Jingle", 600.0, ""),
    ],
)
def test_break_forms(markup: Markup, line: str, label: str, start: float, body: str) -> None:
    t, diags = parse(markup, f"**Jerod Santo:** Before.\n\n{line}\n\n**Jerod Santo:** After.")
    kind, got_label, _ = speakers_of(t)[1]
    assert (kind, got_label) == ("break", label)
    para = t.turns[1].paragraphs[0]
    assert (para.start, para.exact, para.html, para.line) == (start, True, body, 3)
    assert diags.items == []


def test_break_words_inside_speech_and_breakmaster_are_not_breaks(markup: Markup) -> None:
    t, _ = parse(markup, "**Breakmaster Cylinder:** Beats.\n\nBreak: it down now.\n\nIntro: music plays")
    assert speakers_of(t) == [("person", "Breakmaster Cylinder", "bmc")]
    assert [p.text for p in t.turns[0].paragraphs] == ["Beats.", "Break: it down now.", "Intro: music plays"]


def test_label_normalization_emoji_case_space(markup: Markup) -> None:
    t, diags = parse(markup, "**Paul Frazee✌:** Hi.\n\n**sam boyer:** Hi.\n\n**Clip from The Changelog :** Hi.\n\n"
                             "**Audience member:** Q?")
    assert speakers_of(t) == [("person", "Paul Frazee✌", "paul"), ("person", "sam boyer", "sam"),
                              ("voice", "Clip from The Changelog", None), ("voice", "Audience member", None)]
    assert diags.items == []


@pytest.mark.parametrize(
    ("label", "normal"),
    [("Paul Frazee✌", "paul frazee"), ("  Sam   BOYER : ", "sam boyer"), ("Peak LLM™️", "peak llm"),
     ("Clip from The Changelog ", "clip from the changelog"), ("Raquel Vélez", "raquel vélez"),
     ("Raquel Ve\u0301lez", "raquel vélez"), ("$STDOUT", "$stdout"), ("Nick\u00a0Nisi:", "nick nisi"),
     ("👋🏽 Amal", "amal")],
)
def test_normalize_label(label: str, normal: str) -> None:
    assert normalize_label(label) == normal


def test_speaker_index_normalizes_its_keys() -> None:
    index = SpeakerIndex(people={"Jerod  SANTO": "jerod"}, breaks=frozenset({"Ad Read"}),
                         voices=frozenset({"Crowd Noise:"}))
    assert dict(index.people) == {"jerod santo": "jerod"}
    assert index.breaks == frozenset({"ad read"}) and index.voices == frozenset({"crowd noise"})
    assert SpeakerIndex().people == {}


def test_unknown_speakers_warn_once_per_label_with_a_hint(markup: Markup) -> None:
    t, diags = parse(markup, "**Divya:** Hi.\n\n**Jerod Santo:** Hey.\n\n**divya:** Again.\n\n**Mystery Guest:** Boo.")
    assert [turn.kind for turn in t.turns] == ["unknown", "person", "unknown", "unknown"]
    assert warnings(diags) == [(1, 'unknown speaker "Divya"'), (7, 'unknown speaker "Mystery Guest"')]
    assert "people/<slug>.yaml" in diags.warnings[0].hint and "transcripts.voices" in diags.warnings[0].hint


def test_site_breaks_and_voices(markup: Markup) -> None:
    speakers = SpeakerIndex(people={}, breaks=frozenset({"Ad Read"}), voices=frozenset({"Dr. Evil"}))
    t, diags = parse(markup, "**Ad Read:** \\[01:00\\]\n\n**Dr. Evil:** One million dollars.\n\n**Song:** la",
                     speakers=speakers)
    assert [turn.kind for turn in t.turns] == ["break", "voice", "break"]
    assert diags.items == []


def test_script_in_a_label_stays_text(markup: Markup) -> None:
    t, diags = parse(markup, "**<script>alert(1)</script>:** Hi <script>alert(2)</script>")
    turn = t.turns[0]
    assert turn.kind == "unknown" and turn.label == "<script>alert(1)</script>"
    assert turn.paragraphs[0].html == "<p>Hi &lt;script&gt;alert(2)&lt;/script&gt;</p>"
    assert warnings(diags) == [(1, 'unknown speaker "<script>alert(1)</script>"')]


def test_italic_wrapped_label_of_a_played_clip(markup: Markup) -> None:
    t, _ = parse(markup, "**Adam Stacoviak:** Listen.\n\n***Jerod Santo:** Every lash has a backlash!*")
    assert speakers_of(t)[1] == ("person", "Jerod Santo", "jerod")
    assert t.turns[1].paragraphs[0].html == "<p><em>Every lash has a backlash!</em></p>"


def test_text_before_any_label(markup: Markup) -> None:
    t, _ = parse(markup, "Welcome.\n\n**Jerod Santo:** Hi.")
    assert speakers_of(t) == [("none", "", None), ("person", "Jerod Santo", "jerod")]


# -- timestamps ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("stamp", "seconds", "shown"),
    [
        ("\\[04:34\\]", 274.0, "04:34"),
        ("\\[4:34\\]", 274.0, "4:34"),
        ("\\[100:08\\]", 6008.0, "100:08"),
        ("\\[1:02:03\\]", 3723.0, "1:02:03"),
        ("\\[01:02:03\\]", 3723.0, "01:02:03"),
        ("\\[01:08:08.00\\]", 4088.0, "01:08:08.00"),
        ("[01:03:14.15]", 3794.15, "01:03:14.15"),
        ("\\[\\\\00:08:08.18\\]", 488.18, "00:08:08.18"),
        ("\\[00:03:47.08\\\\\\]", 227.08, "00:03:47.08"),
        ("\\[\\\\00:01:10.09\\\\\\]", 70.09, "00:01:10.09"),
        ("\\[\\00:38:44.02\\]", 2324.02, "00:38:44.02"),
        ("\\[00:19:38:01\\]", 1178.01, "00:19:38:01"),
        ("[00:19:38:01]", 1178.01, "00:19:38:01"),
        ("\\[00:11: 57.25\\]", 717.25, "00:11:57.25"),
        ("\\[00:11**:** 51.07\\]", 711.07, "00:11:51.07"),
        ("\\[ 00:32:05.13\\]", 1925.13, "00:32:05.13"),
        ("\\[22:48.0\\]", 1368.0, "22:48.0"),
    ],
)
def test_timestamp_forms_open_a_paragraph(markup: Markup, stamp: str, seconds: float, shown: str) -> None:
    t, _ = parse(markup, f"**Jerod Santo:** Hi.\n\n**Adam Stacoviak:** {stamp} Text here.\n\n{stamp} Again.")
    for para in (t.turns[1].paragraphs[0], t.turns[1].paragraphs[1]):
        assert math.isclose(para.start, seconds) and para.exact and para.time_text == shown
    assert t.turns[1].paragraphs[0].html == "<p>Text here.</p>"
    assert t.turns[1].paragraphs[1].html == "<p>Again.</p>"
    assert "\\" not in t.turns[1].paragraphs[0].text


def test_mid_paragraph_timestamp_is_an_inline_link(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** \\[10:00\\] Start. Then \\[10:30\\] more and [01:05:00.50] end.")
    para = t.turns[0].paragraphs[0]
    assert para.anchor == "t-10-00" and para.start == 600.0
    assert para.html == ('<p>Start. Then <a class="ts" href="#t-10-00" data-t="630">10:30</a> more and '
                         '<a class="ts" href="#t-10-00" data-t="3900.5">01:05:00.50</a> end.</p>')
    assert para.text == "Start. Then 10:30 more and 01:05:00.50 end."


def test_unreadable_timestamp_is_kept_and_reported(markup: Markup) -> None:
    t, diags = parse(markup, "**Jerod Santo:** Hi.\n\n**Adam Stacoviak:** So \\[\\\\00:20:03.01\\\\8\\] and "
                             "\\[00:75:00\\].")
    para = t.turns[1].paragraphs[0]
    assert para.text == "So [\\00:20:03.01\\8] and [00:75:00]."
    assert not para.exact
    assert [line for line, _ in warnings(diags)] == [3, 3]
    assert all("unreadable timestamp" in message for _, message in warnings(diags))


def test_annotations_and_clock_times_are_not_timestamps(markup: Markup) -> None:
    t, diags = parse(markup, "**Jerod Santo:** \\[laughs\\] I wake up at 5:30, and 10:45 \\[unintelligible "
                             "00:27:39.20\\] [unintelligible 00:27:41.17] \\[cross-talk 00:01:02.03\\] "
                             "\\[unintelligible\\] \\[beɪbəll\\]")  # noqa: RUF001 - IPA, written as meant
    para = t.turns[0].paragraphs[0]
    assert not para.exact and not t.has_times
    assert 'class="ts"' not in para.html
    assert para.text == ("[laughs] I wake up at 5:30, and 10:45 [unintelligible 00:27:39.20] "
                         "[unintelligible 00:27:41.17] [cross-talk 00:01:02.03] [unintelligible] "
                         "[beɪbəll]")  # noqa: RUF001 - IPA, written as meant
    assert diags.items == []


def test_markdown_link_whose_text_is_a_time_stays_a_link(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** See [02:22](https://x.test/#t=2:22) there.")
    assert t.turns[0].paragraphs[0].html == '<p>See <a href="https://x.test/#t=2:22">02:22</a> there.</p>'
    assert not t.has_times


def test_timestamps_going_backwards_warn_and_do_not_steer_estimates(markup: Markup) -> None:
    text = ("**Jerod Santo:** \\[01:03:29.23\\] one two three four\n\n"
            "**Adam Stacoviak:** \\[01:02:49.14\\] five six seven eight\n\n"
            "**Jerod Santo:** nine ten eleven twelve\n\n"
            "**Adam Stacoviak:** \\[01:04:29.23\\] end")
    t, diags = parse(markup, text)
    paras = list(t.paragraphs())
    assert warnings(diags) == [(3, "timestamp 01:02:49.14 goes backwards (after 01:03:29.23 on line 1); "
                                   "not used for estimates")]
    assert paras[1].exact and paras[1].start == 3769.14
    # The estimate runs from 01:03:29.23 (word 0) to 01:04:29.23 (word 12), ignoring 01:02:49.14.
    assert math.isclose(paras[2].start, 3809.23 + 40, abs_tol=0.01)


def test_timestamp_alone_on_a_line_dates_the_next_paragraph(markup: Markup) -> None:
    t, _ = parse(markup, "\\[00:18\\]\n\n**Jerod Santo:** Hello.\n\n\\[02:34\\]\n\n*Do you know where--*\n\n"
                         "\\[03:00\\]\n\n\\[03:10\\] Both stamped.")
    assert speakers_of(t) == [("person", "Jerod Santo", "jerod")]
    paras = t.turns[0].paragraphs
    assert [(p.line, p.start, p.exact, p.time_text, p.text) for p in paras] == [
        (3, 18.0, True, "00:18", "Hello."),
        (7, 154.0, True, "02:34", "Do you know where--"),
        (9, 180.0, True, "03:00", ""),  # followed by its own stamped paragraph: kept, empty
        (11, 190.0, True, "03:10", "Both stamped."),
    ]
    assert paras[2].html == ""


def test_timestamp_at_the_very_end_is_kept(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** Bye.\n\n\\[40:00\\]\n")
    assert [(p.start, p.exact, p.html) for p in t.paragraphs()][-1] == (2400.0, True, "")


# -- estimated starts ----------------------------------------------------------------------------------

def test_estimates_interpolate_by_words_between_timestamps(markup: Markup) -> None:
    text = ("**Jerod Santo:** \\[01:00\\] one two three four five six seven eight nine ten\n\n"
            "more words here now five six seven eight nine ten\n\n"
            "**Adam Stacoviak:** \\[02:00\\] end")
    t, _ = parse(markup, text)
    paras = list(t.paragraphs())
    assert (paras[1].start, paras[1].exact, paras[1].time_text) == (90.0, False, "01:30")
    assert paras[1].anchor == "t-01-00-2"


def test_estimates_before_the_first_timestamp_start_at_zero(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** a b c d e f g h i j\n\n**Adam Stacoviak:** \\[00:20\\] k")
    assert [p.start for p in t.paragraphs()] == [0.0, 20.0]


def test_estimates_after_the_last_timestamp_use_the_duration(markup: Markup) -> None:
    text = "**Jerod Santo:** \\[01:00\\] a b c d e f g h i j\n\n**Adam Stacoviak:** k l m n o p q r s t"
    t, _ = parse(markup, text, duration=160.0)
    assert [p.start for p in t.paragraphs()] == [60.0, 110.0]


def test_estimates_after_the_last_timestamp_use_the_files_speech_rate(markup: Markup) -> None:
    text = ("**Jerod Santo:** \\[00:00\\] " + "w " * 30 + "\n\n**Adam Stacoviak:** \\[00:10\\] " + "w " * 30 +
            "\n\n**Jerod Santo:** tail")
    t, _ = parse(markup, text)
    assert [p.start for p in t.paragraphs()] == [0.0, 10.0, 20.0]  # 30 words per 10 s


def test_without_timestamps_estimates_use_duration_or_a_default_rate(markup: Markup) -> None:
    text = "**Jerod Santo:** " + "w " * 50 + "\n\n**Adam Stacoviak:** " + "w " * 50 + "\n\n**Jerod Santo:** end"
    t, _ = parse(markup, text)
    assert not t.has_times
    assert [p.start for p in t.paragraphs()] == [0.0, 20.0, 40.0]  # 2.5 words per second
    assert [p.time_text for p in t.paragraphs()] == ["00:00", "00:20", "00:40"]
    t, _ = parse(markup, text, duration=202.0)
    assert [p.start for p in t.paragraphs()] == [0.0, 100.0, 200.0]
    assert all(not p.exact for p in t.paragraphs())


# -- anchors -------------------------------------------------------------------------------------------

def test_anchors_follow_the_nearest_timestamp(markup: Markup) -> None:
    text = ("**Jerod Santo:** a\n\nb\n\n**Adam Stacoviak:** \\[04:34\\] c\n\nd\n\ne\n\n"
            "**Jerod Santo:** \\[01:08:08.00\\] f\n\ng")
    t, _ = parse(markup, text)
    assert [p.anchor for p in t.paragraphs()] == ["t-start-1", "t-start-2", "t-04-34", "t-04-34-2", "t-04-34-3",
                                                 "t-1-08-08", "t-1-08-08-2"]


def test_anchors_are_stable_under_edits_elsewhere(markup: Markup) -> None:
    before = "**Jerod Santo:** a\n\n**Adam Stacoviak:** \\[04:34\\] c\n\nd\n\n**Jerod Santo:** \\[08:00\\] e\n\nf"
    after = before.replace("**Jerod Santo:** a", "**Jerod Santo:** a\n\nan inserted paragraph\n\nand another")
    after = after.replace("c\n\nd", "c\n\nd\n\nmore")
    old, _ = parse(markup, before)
    new, _ = parse(markup, after)
    old_tail = [(p.anchor, p.text) for p in old.paragraphs() if p.start >= 480]
    new_tail = [(p.anchor, p.text) for p in new.paragraphs() if p.start >= 480]
    assert old_tail == new_tail == [("t-08-00", "e"), ("t-08-00-2", "f")]


def test_anchors_are_unique_when_times_repeat(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** \\[04:34\\] a\n\nb\n\n**Adam Stacoviak:** \\[04:34\\] c\n\nd\n\n"
                         "**Jerod Santo:** \\[04:34.50\\] e")
    anchors = [p.anchor for p in t.paragraphs()]
    assert anchors == ["t-04-34", "t-04-34-2", "t-04-34-x2", "t-04-34-x2-2", "t-04-34-x3"]
    assert len(set(anchors)) == len(anchors)


# -- markup inside turns -------------------------------------------------------------------------------

def test_entities_are_decoded_once(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** It&#39;s &quot;fine&quot; &amp; good&nbsp;now &lt;br&gt;")
    para = t.turns[0].paragraphs[0]
    assert para.html == "<p>It's \"fine\" &amp; good&nbsp;now &lt;br&gt;</p>"
    assert para.text == "It's \"fine\" & good\u00a0now <br>"
    assert "&amp;#39;" not in para.html


def test_inline_markdown_and_links_are_kept(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** _it_ *it* `code` **\\*kazoo\\*** [RPi.GPIO](https://pypi.org/project/"
                         "RPi.GPIO/)\n\n\\* \\* \\*")
    first, second = t.turns[0].paragraphs
    assert first.html == ('<p><em>it</em> <em>it</em> <code>code</code> <strong>*kazoo*</strong> '
                          '<a href="https://pypi.org/project/RPi.GPIO/">RPi.GPIO</a></p>')
    assert second.html == "<p>* * *</p>"


def test_raw_html_is_allow_listed_and_pre_keeps_its_blank_lines(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:**\n\n<strike>home</strike> and x<sup>2</sup> and <blink>no</blink>\n\n"
                         "<pre>\nA =\n\n  B * C\n</pre>\n\nAfter.")
    paras = t.turns[0].paragraphs
    assert paras[0].html == "<p><strike>home</strike> and x<sup>2</sup> and &lt;blink&gt;no&lt;/blink&gt;</p>"
    assert paras[1].html == "<pre>A =\n\n  B * C\n</pre>" and paras[1].line == 5  # the parser drops the first newline
    assert paras[2].text == "After." and paras[2].line == 11


def test_news_blocks(markup: Markup) -> None:
    text = ("**Jerod Santo:**\n\n[Headline](https://x.test/h)\n\n> quoted line\n>\n> more\n\n"
            "- [one](https://x.test/1)\n- two\n\n1. first\n2. second\n\n## 📰 The Classifieds")
    t, diags = parse(markup, text)
    htmls = [p.html for p in t.turns[0].paragraphs]
    assert htmls[1].startswith("<blockquote>") and htmls[2].startswith("<ul>") and htmls[3].startswith("<ol>")
    assert htmls[4] == "<h2>📰 The Classifieds</h2>"
    assert t.turns[0].paragraphs[3].text == "1. first\n2. second"
    assert diags.items == []


def test_speech_that_looks_like_a_list_stays_speech(markup: Markup) -> None:
    t, _ = parse(markup, "**Nick Nisi:** 14. 15. 16.\n\n**Jerod Santo:** \\[10:00\\] - not a list")
    assert [p.html for p in t.paragraphs()] == ["<p>14. 15. 16.</p>", "<p>- not a list</p>"]


def test_control_characters_are_removed_with_a_warning(markup: Markup) -> None:
    t, diags = parse(markup, "**Jerod Santo:** Hi.\n\n**Adam Stacoviak:** go\x1d fmt\u00a0x\u200dy\u00adz")
    para = t.turns[1].paragraphs[0]
    assert para.text == "go fmt\u00a0x\u200dy\u00adz"
    assert warnings(diags) == [(3, "control character U+001D removed")]


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("[says]()", "empty link target"),
        ("[RightScale](www.rightscale.com)", 'link target "www.rightscale.com" has no scheme'),
        ("[me](@deadprogram@social.tinygo.org)", 'link target "@deadprogram@social.tinygo.org" has no scheme'),
        ("[Go]((https://go.dev)", 'doubled parenthesis in link target "(https://go.dev"'),
        ("[Go]( https://go.dev)", 'link target "https://go.dev" starts with a space'),
        ("[a]([https://b.test](https://c.test))", 'link target "[https://b.test](https://c.test" holds another link'),
    ],
)
def test_link_defects_warn_and_keep_the_text(markup: Markup, link: str, message: str) -> None:
    t, diags = parse(markup, f"**Jerod Santo:** Hi.\n\n**Adam Stacoviak:** See {link} now.")
    assert warnings(diags) == [(3, message)]
    text = t.turns[1].paragraphs[0].text
    assert text.startswith("See ") and text.endswith(" now.")


def test_line_endings_bom_and_blank_runs(markup: Markup) -> None:
    t, _ = parse(markup, "\ufeff**Jerod Santo:** One.\r\n\r\n\r\n\r\n**Adam Stacoviak:** Two.   ")
    assert [(p.line, p.text) for p in t.paragraphs()] == [(1, "One."), (5, "Two.")]


def test_empty_transcript(markup: Markup) -> None:
    t, diags = parse(markup, "")
    assert t.turns == () and not t.has_times and diags.items == []
    assert list(t.paragraphs()) == []


def test_paragraphs_iterates_all_turns(markup: Markup) -> None:
    t, _ = parse(markup, "**Jerod Santo:** a\n\nb\n\n**Adam Stacoviak:** c")
    assert [p.text for p in t.paragraphs()] == ["a", "b", "c"]
    assert t.path == PATH
