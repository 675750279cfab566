"""Where an episode's chapters show: their headings placed among the transcript's paragraphs, and the Podcast
Index JSON chapters file written beside the episode's page."""

from __future__ import annotations

import bisect
import json

from generator.model.entities import Chapter
from generator.model.transcript import Transcript


def place_chapters(chapters: tuple[Chapter, ...], transcript: Transcript | None) -> dict[str, tuple[Chapter, ...]]:
    """For each transcript paragraph anchor, the chapters whose heading goes just before it: the paragraph
    whose start is nearest the chapter's (the later one on a tie)."""
    if transcript is None or not chapters:
        return {}
    paragraphs = list(transcript.paragraphs())
    starts = [p.start for p in paragraphs]
    placed: dict[str, list[Chapter]] = {}
    for chapter in chapters:
        index = bisect.bisect_left(starts, chapter.start)
        nearby = [i for i in (index - 1, index) if 0 <= i < len(paragraphs)]
        if not nearby:
            continue
        best = min(nearby, key=lambda i: (abs(starts[i] - chapter.start), -i))
        placed.setdefault(paragraphs[best].anchor, []).append(chapter)
    return {anchor: tuple(found) for anchor, found in placed.items()}


def chapters_json(chapters: tuple[Chapter, ...], title: str, podcast: str) -> bytes:
    """Podcast Index JSON chapters (version 1.2.0)."""
    items = []
    for chapter in chapters:
        item: dict[str, object] = {"startTime": _number(chapter.start), "title": chapter.title}
        if chapter.url:
            item["url"] = chapter.url
        if chapter.image:
            item["img"] = chapter.image
        if not chapter.toc:
            item["toc"] = False
        if chapter.end is not None:
            item["endTime"] = _number(chapter.end)
        items.append(item)
    document = {"version": "1.2.0", "title": title, "podcastName": podcast, "chapters": items}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _number(seconds: float) -> float | int:
    return int(seconds) if float(seconds).is_integer() else round(seconds, 3)
