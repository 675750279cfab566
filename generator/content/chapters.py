"""Chapters: read from front matter or a chapters.json, checked, and derived from Break markers on request.
Where they show, in the transcript and as the chapters.json written, is chapter_output's."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.fields import Fields, check_url, without_controls
from generator.diagnostics import Diagnostics, Location
from generator.model.entities import CHAPTERS_FILE, Chapter
from generator.model.transcript import Transcript
from generator.sources import JsonError, may_read, parse_json, read_text
from generator.timecode import SECONDS_RANGE, format_timecode, parse_duration, seconds_in_range

CHAPTER_KEYS = ("start", "title", "url", "image", "toc", "end")
JSON_CHAPTER_KEYS = ("startTime", "title", "url", "img", "toc", "endTime", "location")


def load_chapters(fields: Fields, folder: Path, duration: float | None, diags: Diagnostics,
                  root: Path) -> tuple[Chapter, ...]:
    """The episode's chapters from its front matter or its chapters.json (not both), checked; `root` is the
    site folder, which a chapters.json may not lead out of."""
    json_path = folder / CHAPTERS_FILE
    if json_path.is_file() and not may_read(json_path, diags, root):
        return ()
    if fields.has("chapters") and json_path.is_file():
        diags.error(fields.at("chapters"), f"chapters are given both here and in {json_path}",
                    "keep one of the two")
        return ()
    if fields.has("chapters"):
        chapters = _front_matter_chapters(fields)
    elif json_path.is_file():
        chapters = _json_chapters(json_path, diags)
    else:
        return ()
    check_chapters(chapters, duration, diags)
    return chapters


def _front_matter_chapters(fields: Fields) -> tuple[Chapter, ...]:
    chapters = []
    for item, line in fields.items("chapters"):
        entry = Fields.of(item, fields.path, line, fields.diags, CHAPTER_KEYS, "a chapter")
        if entry is None:
            continue
        start = parse_duration(entry.data.get("start")) if entry.has("start") else None
        title = entry.text("title", required=True)
        if start is None:
            entry.diags.error(entry.at("start"), "a chapter needs 'start', a time like 12:30 or a number of seconds"
                              + (f" {SECONDS_RANGE}" if entry.has("start") else ""))
            continue
        end = entry.duration("end")
        image = entry.text("image") or ""
        if image and not check_url(image, entry.at("image"), entry.diags, "the chapter image"):
            image = ""
        chapters.append(Chapter(start=start, title=title or "", url=entry.url("url") or "",
                                image=image, toc=entry.boolean("toc", True), end=end,
                                location=Location(fields.path, line)))
    return tuple(chapters)


def _json_chapters(path: Path, diags: Diagnostics) -> tuple[Chapter, ...]:
    text = read_text(path, diags)
    if text is None:
        return ()
    try:
        data = parse_json(text)
    except JsonError as exc:
        diags.error(Location(path, exc.line), str(exc), "check the commas and quotes here" if exc.column else exc.hint)
        return ()
    items = data.get("chapters") if isinstance(data, dict) else None
    if not isinstance(items, list):
        diags.error(Location(path, 1), "chapters.json must be an object with a \"chapters\" list",
                    'see the Podcast Index JSON chapters format: {"version": "1.2.0", "chapters": [...]}')
        return ()
    # json keeps no positions; the n-th chapter object is the one holding the n-th "startTime".
    lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"startTime"', text)]
    chapters = []
    for index, item in enumerate(items):
        location = Location(path, lines[index] if index < len(lines) else 1)
        chapter = _json_chapter(item, location, diags)
        if chapter is not None:
            chapters.append(chapter)
    return tuple(chapters)


def _json_chapter(item: object, location: Location, diags: Diagnostics) -> Chapter | None:
    if not isinstance(item, dict):
        diags.error(location, "each chapter must be an object")
        return None
    unknown = sorted(set(item) - set(JSON_CHAPTER_KEYS))
    if unknown:
        diags.warning(location, f"unknown chapter key '{unknown[0]}' is ignored",
                      "known: " + ", ".join(JSON_CHAPTER_KEYS))
    start = item.get("startTime")
    if not isinstance(start, (int, float)) or isinstance(start, bool):
        diags.error(location, "a chapter needs \"startTime\", a number of seconds")
        return None
    start_seconds, end = seconds_in_range(start), item.get("endTime")
    end_seconds = seconds_in_range(end) if end is not None else None
    if start_seconds is None or (end is not None and end_seconds is None):
        diags.error(location, f'a chapter\'s "{"startTime" if start_seconds is None else "endTime"}" must be a number '
                    f"of seconds {SECONDS_RANGE}", "check the time against the audio")
        return None
    url, image = str(item.get("url") or ""), str(item.get("img") or "")
    if (url and not check_url(url, location, diags, "the chapter url")) or (
            image and not check_url(image, location, diags, "the chapter img")):
        return None
    title = without_controls(str(item.get("title") or ""), location, diags)
    return Chapter(start=start_seconds, title=title, url=url, image=image, toc=item.get("toc") is not False,
                   end=end_seconds,
                   location=location)


def check_chapters(chapters: tuple[Chapter, ...], duration: float | None, diags: Diagnostics) -> None:
    """Chapter times must ascend, start at or after 0, and lie within the audio when its length is known."""
    previous: Chapter | None = None
    for chapter in chapters:
        where = chapter.location or Location(Path("chapters"))
        if not chapter.title.strip():
            diags.error(where, "a chapter needs a title")
        if chapter.start < 0:
            diags.error(where, "a chapter cannot start before 0:00")
        if previous is not None and chapter.start <= previous.start:
            diags.error(where, f"chapter '{chapter.title}' starts at {format_timecode(chapter.start)}, "
                               f"not after the one before it ({format_timecode(previous.start)})",
                        "list chapters in the order they play, each starting later than the last")
        if duration is not None and chapter.start >= duration:
            diags.error(where, f"chapter '{chapter.title}' starts at {format_timecode(chapter.start)}, "
                               f"after the audio ends ({format_timecode(duration)})",
                        "check the time, or the audio's duration")
        if chapter.end is not None and chapter.end <= chapter.start:
            diags.error(where, f"chapter '{chapter.title}' ends before it starts")
        previous = chapter


def chapters_from_breaks(transcript: Transcript) -> tuple[Chapter, ...]:
    """Parts between the Break markers of a timed transcript: 'Part 1', 'Break', 'Part 2' and so on.
    The titles say only what the transcript tells; untimed transcripts give none."""
    if not transcript.has_times:
        return ()
    chapters: list[Chapter] = []
    part, in_break = 1, False
    for turn in transcript.turns:
        if not turn.paragraphs:
            continue
        start = turn.paragraphs[0].start
        if turn.kind == "break":
            if not in_break and chapters and start > chapters[-1].start:
                chapters.append(Chapter(start=start, title="Break", toc=False))
            in_break = True
        elif in_break or not chapters:
            if chapters:
                part += 1
            if chapters and start <= chapters[-1].start:
                chapters.pop()  # a break with no length of its own: the part that follows starts there
            chapters.append(Chapter(start=start if chapters or part > 1 else 0.0, title=f"Part {part}"))
            in_break = False
    return tuple(chapters) if part > 1 else ()
