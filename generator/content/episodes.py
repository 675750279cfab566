"""Loads episodes: each folder episodes/<show>/<episode>/ with episode.md and an optional transcript."""

from __future__ import annotations

import os
import wave
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from generator.content.assets import URL_RE, resolve_asset
from generator.content.chapters import chapters_from_breaks, load_chapters
from generator.content.feedkeys import (
    read_alternate_enclosures,
    read_feed_extra,
    read_transcript_links,
    read_value,
)
from generator.content.fields import MAX_BYTES, MAX_NUMBER, SLUG_HINT, Fields, check_url, did_you_mean, is_slug
from generator.content.registries import missing_hint, resolve_people
from generator.diagnostics import Diagnostics, Location, guarded
from generator.markup.markdown import COSTLY_HINT, COSTLY_MESSAGE, Markup, costly_line
from generator.model.entities import Audio, Episode, Person, Show, SiteConfig, Soundbite, Sponsor, SponsorSpot
from generator.model.topics import near_match
from generator.model.transcript import Transcript
from generator.sources import YamlMap, load_yaml, may_read, read_text, split_front_matter
from generator.timecode import SECONDS_RANGE, format_timecode, parse_duration
from generator.transcripts.readers import find_transcript, read_transcript
from generator.transcripts.speakers import SpeakerIndex, normalize_label

EPISODE_FILE = "episode.md"
EPISODE_KEYS = ("title", "number", "subtitle", "summary", "published", "recorded", "audio", "hosts", "guests",
                "sponsors", "type", "season", "topics", "draft", "explicit", "guid", "soundbites", "chapters",
                "season_name", "guid_permalink", "transcript_links", "value", "alternate_enclosures", "feed_extra")
SOUNDBITE_KEYS = ("start", "duration", "title")
AUDIO_KEYS = ("url", "file", "bytes", "duration", "type")
# An author who cannot find the audio's size says so; the feed then gives length="0", as the RSS Best
# Practices Profile asks of a publisher who does not know it.
UNKNOWN_SIZE = "unknown"
# Likewise an author who cannot find when an episode came out: the feed item then has no pubDate (RSS allows
# that), and the missing date is a choice, not an oversight to warn about.
UNKNOWN_DATE = "unknown"
SPONSOR_SPOT_KEYS = ("sponsor", "blurb", "url")
EPISODE_TYPES = ("full", "trailer", "bonus")
AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "audio/mp4", ".aac": "audio/aac",
               ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/opus", ".wav": "audio/wav",
               ".flac": "audio/flac"}


def episode_folders(config: SiteConfig, shows: dict[str, Show], diags: Diagnostics) -> list[tuple[Show, Path]]:
    """Every episode folder, sorted, with its show; misplaced or misnamed folders are errors."""
    root = config.root / "episodes"
    found: list[tuple[Show, Path]] = []
    if not root.is_dir() or not may_read(root, diags, config.root):
        return found
    for show_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not may_read(show_dir, diags, config.root):
            continue
        show = shows.get(show_dir.name)
        if show is None:
            diags.error(Location(show_dir), f"episodes/{show_dir.name}/ names no show",
                        missing_hint(show_dir.name, shows, "shows"))
            continue
        for folder, linked in _subfolders(show_dir):
            # A folder that is no link, in a show folder that may be read, lies inside the site.
            if linked and not may_read(folder, diags, config.root):
                continue
            if not is_slug(folder.name):
                diags.error(Location(folder), f"episode folder name {folder.name!r} is not a valid slug", SLUG_HINT)
            elif not (folder / EPISODE_FILE).is_file():
                diags.error(Location(folder / EPISODE_FILE), "episode folder without episode.md",
                            "create episode.md with front matter (see docs/content-format.md), or remove the folder")
            else:
                found.append((show, folder))
    return found


def _subfolders(folder: Path) -> list[tuple[Path, bool]]:
    """The folders in `folder` but hidden ones, sorted, each with whether it is a link (to a folder)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(".") and entry.is_dir():
                found.append((Path(entry.path), entry.is_symlink()))
    return sorted(found)


def speaker_index(config: SiteConfig, people: dict[str, Person], diags: Diagnostics) -> SpeakerIndex:
    """How transcript labels resolve: every person's name and aliases, and the site's extra labels."""
    labels: dict[str, str] = {}
    for person in people.values():
        for label in (person.name, *person.aliases):
            key = normalize_label(label)
            owner = labels.setdefault(key, person.slug)
            if owner != person.slug:
                diags.error(person.location, f"the speaker label '{label}' names both '{owner}' and '{person.slug}'",
                            "keep the name or alias in one person's file only")
    return SpeakerIndex(people=labels, breaks=config.break_labels, voices=config.voice_labels)


# Reads a transcript file (read_transcript's signature); workers and the preview pass one that keeps a cache.
TranscriptReader = Callable[[Path, SpeakerIndex, Markup, Diagnostics, "float | None"], "Transcript | None"]


def load_episode(show: Show, folder: Path, config: SiteConfig, people: dict[str, Person],
                 sponsors: dict[str, Sponsor], speakers: SpeakerIndex, markup: Markup,
                 diags: Diagnostics, read: bool = True, reader: TranscriptReader | None = None) -> Episode | None:
    """_load_episode's episode; a failure of podsite's own is an error at the episode's file (guarded)."""
    return guarded(diags, Location(folder / EPISODE_FILE), lambda: _load_episode(
        show, folder, config, people, sponsors, speakers, markup, diags, read, reader), None)


def _load_episode(show: Show, folder: Path, config: SiteConfig, people: dict[str, Person],
                  sponsors: dict[str, Sponsor], speakers: SpeakerIndex, markup: Markup,
                  diags: Diagnostics, read: bool, reader: TranscriptReader | None) -> Episode | None:
    """One episode, or None when its front matter cannot be read at all. With read=False the transcript
    is only found, not read (transcript is None, transcript_path set), and the notes are kept as Markdown
    (notes_source): a parallel build's workers finish both with complete_episode. `reader` reads the
    transcript (read_transcript, or a cache of what it parses)."""
    path = folder / EPISODE_FILE
    text = read_text(path, diags) if may_read(path, diags, config.root) else None
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts.yaml_text is None:
        diags.error(Location(path, 1), "episode.md has no front matter",
                    "start the file with a '---' line, the episode's keys (at least 'title'), and another '---' line")
        return None
    data = load_yaml(parts.yaml_text, path, diags, parts.yaml_first_line)
    if data is None and parts.yaml_text.strip() == "":
        data = YamlMap()
        data.line, data.key_lines = 1, {}
    fields = Fields.of(data, path, 1, diags, EPISODE_KEYS, "the front matter") if data is not None else None
    if fields is None:
        return None
    if (costly := costly_line(parts.body)) is not None:
        diags.error(Location(path, parts.body_first_line + costly), COSTLY_MESSAGE, COSTLY_HINT)
    number = fields.integer("number") if fields.has("number") else _folder_number(folder.name)
    title = fields.text("title")
    guests = resolve_people(fields, "guests", people)
    hosts = resolve_people(fields, "hosts", people) if fields.has("hosts") else show.hosts
    audio = _audio(fields, folder, config)
    duration = audio.duration if audio else None
    transcript_path = find_transcript(folder, diags)
    if transcript_path is not None and not may_read(transcript_path, diags, config.root):
        transcript_path = None
    read_it = reader or read_transcript
    transcript = read_it(transcript_path, speakers, markup, diags, duration) if transcript_path and read else None
    if read and transcript is None:
        transcript_path = None
    chapters = load_chapters(fields, folder, duration, diags, config.root)
    if not chapters and transcript is not None and config.chapters_from_breaks:
        chapters = chapters_from_breaks(transcript)
    summary = fields.markdown("summary") or ""
    topics = _topics(fields, config)
    published_unknown = fields.data.get("published") == UNKNOWN_DATE
    return Episode(
        show=show,
        slug=folder.name,
        number=number,
        title=title or (f"Episode {number}" if number is not None else folder.name),
        has_title=title is not None,
        subtitle=fields.text("subtitle") or guest_line(guests),
        summary_html=markup.render(summary),
        summary_text=summary.strip(),
        published=None if published_unknown else fields.date("published"),
        published_unknown=published_unknown,
        recorded=fields.date("recorded"),
        audio=audio,
        hosts=hosts,
        guests=guests,
        sponsors=_sponsor_spots(fields, sponsors, markup),
        type=fields.choice("type", EPISODE_TYPES, "full"),
        season=fields.integer("season", minimum=1),
        topics=tuple(name for name, _ in topics),
        topic_lines=tuple(line for _, line in topics),
        draft=fields.boolean("draft"),
        explicit=fields.boolean("explicit", show.explicit),
        notes_html=markup.render(parts.body) if read else "",
        transcript=transcript,
        chapters=chapters,
        notes_path=path,
        transcript_path=transcript_path,
        edit_notes_url=_edit_url(show.edit.notes or config.edit.notes, show, folder, number, path, config),
        edit_transcript_url=_edit_url(show.edit.transcript or config.edit.transcript, show, folder, number,
                                      transcript_path, config) if transcript_path else None,
        assets=(audio.asset,) if audio and audio.asset else (),
        location=Location(path, 1),
        soundbites=_soundbites(fields, audio),
        guid=(fields.text("guid") or "").strip() or None,
        notes_source=None if read else parts.body,
        season_name=fields.text("season_name") or "",
        guid_permalink=fields.boolean("guid_permalink"),
        transcript_links=read_transcript_links(fields),
        value=read_value(fields),
        alternate_enclosures=read_alternate_enclosures(fields),
        feed_extra=read_feed_extra(fields, "item"),
    )


def _topics(fields: Fields, config: SiteConfig) -> list[tuple[str, int]]:
    """The episode's topics with their lines; when the site lists its topics, one it does not list is a
    warning that names the closest listed one."""
    topics = [(name.strip(), line) for name, line in fields.text_list("topics") if name.strip()]
    if not config.topics:
        return topics
    listed = frozenset(config.topics)
    for name, line in topics:
        if name not in listed:
            same = near_match(name, config.topics)
            known = f"did you mean '{same}'?" if same else did_you_mean(name, config.topics)
            add = f"add '{name}' to 'topics:' in site.yaml if it is a new one"
            fields.diags.warning(Location(fields.path, line), f"the topic '{name}' is not one of the site's topics",
                                 f"{known} Or {add}" if known.endswith("?") else f"{known}; or {add}" if known else add)
    return topics


def _folder_number(name: str) -> int | None:
    """The episode number a folder's name gives when it is a number no larger than MAX_NUMBER."""
    return int(name) if name.isdigit() and len(name) <= len(str(MAX_NUMBER)) else None


def complete_episode(episode: Episode, speakers: SpeakerIndex, markup: Markup, config: SiteConfig,
                     diags: Diagnostics, reader: TranscriptReader = read_transcript) -> Episode:
    """The episode loaded with read=False, finished: its notes rendered, its transcript read, and chapters
    drawn from its breaks when the site asks for them and the episode gives none. A failure of podsite's
    own is an error at the transcript (or the notes), and the episode is left as it was (guarded)."""
    where = Location(episode.transcript_path or episode.notes_path)
    return guarded(diags, where, lambda: _complete_episode(episode, speakers, markup, config, diags, reader),
                   replace(episode, notes_html="", notes_source=None))


def _complete_episode(episode: Episode, speakers: SpeakerIndex, markup: Markup, config: SiteConfig,
                      diags: Diagnostics, reader: TranscriptReader) -> Episode:
    if episode.notes_source is not None:
        episode = replace(episode, notes_html=markup.render(episode.notes_source), notes_source=None)
    if episode.transcript_path is None or episode.transcript is not None:
        return episode
    duration = episode.audio.duration if episode.audio else None
    transcript = reader(episode.transcript_path, speakers, markup, diags, duration)
    chapters = episode.chapters
    if not chapters and transcript is not None and config.chapters_from_breaks:
        chapters = chapters_from_breaks(transcript)
    return replace(episode, transcript=transcript, chapters=chapters)


def guest_line(guests: tuple[Person, ...]) -> str:
    """'with Anima Anandkumar of NVIDIA and Caltech', from the guests and their organisations."""
    if not guests:
        return ""
    described = [g.name + (f" of {join_and(g.orgs)}" if g.orgs else "") for g in guests]
    return "with " + join_and(described)


def join_and(items: tuple[str, ...] | list[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _audio(fields: Fields, folder: Path, config: SiteConfig) -> Audio | None:
    audio = fields.mapping("audio", AUDIO_KEYS)
    if audio is None:
        return None
    url, name, asset = audio.text("url"), audio.text("file"), None
    if (url is None) == (name is None):
        audio.diags.error(Location(audio.path, audio.data.line), "audio needs exactly one of 'url' or 'file'",
                          "url: https://… for a hosted file, file: name.mp3 for a file in the episode folder")
        return None
    if url is not None and not check_url(url, audio.at("url"), audio.diags, "audio url"):
        return None
    if url is not None and not URL_RE.match(url):
        audio.diags.error(audio.at("url"), f"audio url '{url}' is not a full http(s) URL",
                          "use 'file:' for a file in the episode folder")
        return None
    size_unknown = audio.data.get("bytes") == UNKNOWN_SIZE
    size_hint = f"give the audio file's size in bytes, or '{UNKNOWN_SIZE}' when it cannot be found"
    byte_size = None if size_unknown else audio.integer("bytes", minimum=1, maximum=MAX_BYTES, hint=size_hint)
    duration = audio.duration("duration")
    if name is not None:
        target_dir = f"{folder.parent.name}/{folder.name}"
        asset = resolve_asset(name, folder, config.root, target_dir, audio.at("file"), audio.diags)
        if asset is None or asset.source is None:
            return None
        url = asset.url
        byte_size = byte_size or asset.source.stat().st_size
        duration = duration or _wav_duration(asset.source)
    if url is None:  # neither 'url' nor 'file': reported above
        return None
    suffix = Path(url.split("?")[0]).suffix.lower()
    mime = audio.text("type") or AUDIO_TYPES.get(suffix, "")
    if not mime:
        audio.diags.error(audio.at("url" if audio.has("url") else "file"),
                          f"cannot tell the audio type of '{url}'", "add type: audio/mpeg (or the file's type)")
        return None
    return Audio(url=url, bytes=byte_size, duration=duration, mime=mime, asset=asset, size_unknown=size_unknown)


def _wav_duration(path: Path) -> float | None:
    if path.suffix.lower() != ".wav":
        return None
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() / float(w.getframerate())
    except (wave.Error, EOFError):
        return None


def _sponsor_spots(fields: Fields, sponsors: dict[str, Sponsor], markup: Markup) -> tuple[SponsorSpot, ...]:
    spots = []
    for item, line in fields.items("sponsors"):
        slug: str | None
        if isinstance(item, str):
            slug, blurb, url = item, None, None
        else:
            spot = Fields.of(item, fields.path, line, fields.diags, SPONSOR_SPOT_KEYS, "a sponsor entry")
            if spot is None:
                continue
            slug, blurb, url = spot.text("sponsor", required=True), spot.markdown("blurb"), spot.url("url")
            if slug is None:
                continue
        sponsor = sponsors.get(slug)
        if sponsor is None:
            fields.diags.error(Location(fields.path, line), f"no sponsor '{slug}'",
                               missing_hint(slug, sponsors, "sponsors"))
            continue
        spots.append(SponsorSpot(sponsor=sponsor, blurb_html=markup.render(blurb) if blurb else sponsor.blurb_html,
                                 url=url or sponsor.url))
    return tuple(spots)


def _soundbites(fields: Fields, audio: Audio | None) -> tuple[Soundbite, ...]:
    """Highlights for podcast:soundbite: a start and a length, ending within the audio when its length is known."""
    found = []
    for item, line in fields.items("soundbites"):
        entry = Fields.of(item, fields.path, line, fields.diags, SOUNDBITE_KEYS, "a soundbite")
        if entry is None:
            continue
        start = parse_duration(entry.data.get("start"))
        if start is None:
            entry.diags.error(entry.at("start"), "a soundbite needs 'start', a time like 12:30 or a number of seconds"
                              + (f" {SECONDS_RANGE}" if entry.has("start") else ""))
        length = entry.duration("duration")
        if length is None and not entry.has("duration"):
            entry.diags.error(entry.at("duration"), "a soundbite needs 'duration', its length in seconds",
                              "15 to 120 seconds suit most apps")
        if start is None or length is None:
            continue
        if audio and audio.duration and start + length > audio.duration:
            entry.diags.error(Location(fields.path, line), f"the soundbite ends at {format_timecode(start + length)}, "
                              f"after the end of the audio ({format_timecode(audio.duration)})",
                              "check its 'start' and 'duration', or the audio's 'duration'")
            continue
        found.append(Soundbite(start=start, duration=length, title=entry.text("title") or ""))
    return tuple(found)


def _edit_url(pattern: str | None, show: Show, folder: Path, number: int | None, path: Path,
              config: SiteConfig) -> str | None:
    if not pattern:
        return None
    return (pattern.replace("{show}", show.slug).replace("{episode}", folder.name)
            .replace("{number}", str(number) if number is not None else folder.name)
            .replace("{path}", path.relative_to(config.root).as_posix()))
