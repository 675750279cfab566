"""Timestamps in every shape the transcript corpus uses, and durations as front matter writes them."""

from __future__ import annotations

import math

import pytest

from generator.timecode import format_seconds, format_timecode, parse_duration, parse_timecode


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("04:34", 274.0),  # the canonical MM:SS
        ("4:34", 274.0),  # M:SS (go-time-187)
        ("01:08:08.00", 4088.0),  # HH:MM:SS.cc, kept past the first hour
        ("00:04:34.01", 274.01),  # the pre-2021 form
        ("64:05", 3845.0),  # minutes past 59 without an hour field
        ("100:08", 6008.0),
        ("1:02:03", 3723.0),  # H:MM:SS
        ("00:19:38", 1178.0),  # HH:MM:SS without centiseconds
        ("00:19:38:01", 1178.01),  # four fields: the last counts frames/centiseconds
        ("22:48.0", 1368.0),  # MM:SS with a one-digit fraction
        ("00:11: 57.25", 717.25),  # a space inside
        ("00:11**:** 51.07", 711.07),  # bold markers inside (practical-ai-16)
        ("\\00:08:08.18", 488.18),  # stray backslashes around
        ("00:03:47.08\\\\", 227.08),
        ("[01:03:14.15]", 3794.15),
        ("00:00", 0.0),
    ],
)
def test_parse_timecode_reads_every_corpus_form(text: str, seconds: float) -> None:
    result = parse_timecode(text)
    assert result is not None
    assert math.isclose(result, seconds)


@pytest.mark.parametrize(
    "text",
    ["", "abc", "12", "5", "1:2", "00:75:00", "12:60", "00:19:38:01.5", "01:01.04.06", "1:02:03:04:05",
     "unintelligible 00:27:39.20", "00:20:03.01\\8", "-04:34", "٠٤:٣٤"],
)
def test_parse_timecode_rejects_what_it_cannot_read(text: str) -> None:
    assert parse_timecode(text) is None


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(274, "04:34"), (274.99, "04:34"), (4088, "1:08:08"), (0, "00:00"), (59.9, "00:59"), (3600, "1:00:00"),
     (36000, "10:00:00"), (-3, "00:00"), (float("nan"), "00:00")],
)
def test_format_timecode(seconds: float, text: str) -> None:
    assert format_timecode(seconds) == text


def test_format_timecode_round_trips_through_parse() -> None:
    for seconds in (0, 5, 59, 60, 274, 3599, 3600, 4088, 7322):
        assert parse_timecode(format_timecode(seconds)) == seconds


@pytest.mark.parametrize(("seconds", "text"), [(274, "274"), (274.01, "274.01"), (4088.0, "4088"), (0.5, "0.5"),
                                               (12345.67, "12345.67"), (0, "0")])
def test_format_seconds_is_compact_and_exact(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(3723, 3723.0), (3723.5, 3723.5), ("3723", 3723.0), (" 3723 ", 3723.0), ("3723.5", 3723.5),
     ("1:02:03", 3723.0), ("45:10", 2710.0), ("01:08:08.00", 4088.0), (0, 0.0)],
)
def test_parse_duration_accepts_numbers_and_timecodes(value: object, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", [None, True, False, "", "abc", "1h", -1, "-5", float("nan"), float("inf"), [60],
                                   {"s": 1}, "1:75"])
def test_parse_duration_rejects_bad_values(value: object) -> None:
    assert parse_duration(value) is None
