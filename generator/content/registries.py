"""Loads the registries of a site: people, sponsors and shows, each from one YAML file per thing."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from generator.content.assets import resolve_asset
from generator.content.config import read_edit
from generator.content.feedkeys import read_block, read_categories, read_feed_extra, read_lock_owner, read_value
from generator.content.fields import SLUG_HINT, Fields, check_url, did_you_mean, is_slug
from generator.content.subscribe import read_subscribe
from generator.diagnostics import Diagnostics, Location, guarded
from generator.markup.markdown import Markup
from generator.model.entities import EditPatterns, License, Link, Person, Show, SiteConfig, Sponsor
from generator.sources import load_yaml, may_read, read_text

PERSON_KEYS = ("name", "aliases", "title", "org", "bio", "avatar", "links")
LINK_KINDS = ("website", "github", "mastodon", "x", "twitter", "linkedin", "bluesky")
SPONSOR_KEYS = ("name", "url", "logo", "blurb")
SHOW_KEYS = ("name", "description", "artwork", "hosts", "author", "owner", "category", "explicit", "language",
             "website", "edit", "guid", "locked", "funding", "txt", "type", "copyright", "new_feed_url", "license",
             "feed_size", "subscribe", "itunes_block", "block", "value", "feed_extra")
SHOW_TYPES = ("episodic", "serial")


def yaml_files(folder: Path, diags: Diagnostics) -> Iterator[tuple[str, Path, Any]]:
    """(slug, path, data) for each .yaml file of a registry folder, sorted; bad names are errors.
    data is None when the file could not be read (already reported). The folder is in the site folder, which
    no link may lead out of."""
    root = folder.parent
    if not folder.is_dir() or not may_read(folder, diags, root):
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in (".yaml", ".yml"):
            diags.warning(Location(path), f"ignored: {folder.name}/ holds only .yaml files")
            continue
        if not is_slug(path.stem):
            diags.error(Location(path), f"file name {path.name!r} is not a valid slug",
                        SLUG_HINT.replace("36 or my-first-episode", "anima-anandkumar.yaml"))
            continue
        if not may_read(path, diags, root):
            yield path.stem, path, None  # still claims its slug, so that references to it are not errors too
            continue
        text = read_text(path, diags)
        if text is not None and not text.strip():
            diags.error(Location(path, 1), "the file is empty", "see docs/content-format.md for what it holds")
        data = guarded(diags, Location(path), partial(load_yaml, text, path, diags), None) if text else None
        yield path.stem, path, data


def load_people(config: SiteConfig, markup: Markup, diags: Diagnostics) -> dict[str, Person]:
    people = {}
    for slug, path, data in yaml_files(config.root / "people", diags):
        fields = Fields.of(data, path, 1, diags, PERSON_KEYS, "a person") if data is not None else None
        # A broken file still claims its slug, so that references to it do not each report it again.
        people[slug] = _person(slug, fields, config, markup) if fields else Person(
            slug, slug, (), "", (), "", None, (), Location(path, 1))
    return people


def _person(slug: str, fields: Fields, config: SiteConfig, markup: Markup) -> Person:
    avatar_name = fields.text("avatar")
    avatar = resolve_asset(avatar_name, config.root, config.root, "media", fields.at("avatar"),
                           fields.diags) if avatar_name else None
    return Person(
        slug=slug,
        name=fields.text("name", required=True) or slug,
        aliases=tuple(a for a, _ in fields.text_list("aliases")),
        title=fields.text("title") or "",
        orgs=tuple(o for o, _ in fields.text_list("org")),
        bio_html=markup.render(fields.markdown("bio") or ""),
        avatar=avatar,
        links=_links(fields),
        location=Location(fields.path, 1),
    )


def _links(fields: Fields) -> tuple[Link, ...]:
    links = fields.mapping("links", LINK_KINDS)
    if links is None:
        return ()
    result = []
    for kind in LINK_KINDS:
        value = links.text(kind)
        value = value.strip() if value else ""
        # A value with a scheme is kept as written (below): it must be one the URL policy allows.
        if value and check_url(value, links.at(kind), links.diags, f"the '{kind}' link"):
            result.append(_profile_link("x" if kind == "twitter" else kind, value))
    return tuple(result)


def _profile_link(kind: str, value: str) -> Link:
    """Turns a handle into a profile URL; a full URL is kept as the author wrote it."""
    handle = value.lstrip("@")
    if value.startswith(("https://", "http://")):
        url = value
    elif kind == "github":
        url = f"https://github.com/{handle}"
    elif kind == "x":
        url = f"https://x.com/{handle}"
    elif kind == "linkedin":
        url = f"https://www.linkedin.com/in/{handle}"
    elif kind == "bluesky":
        url = f"https://bsky.app/profile/{handle}"
    elif kind == "mastodon" and "@" in handle:
        user, _, host = handle.partition("@")
        url = f"https://{host}/@{user}"
    else:
        url = f"https://{value}"
    labels = {"website": "Website", "github": "GitHub", "x": "X", "linkedin": "LinkedIn",
              "bluesky": "Bluesky", "mastodon": "Mastodon"}
    return Link(kind=kind, label=labels[kind], url=url)


def load_sponsors(config: SiteConfig, markup: Markup, diags: Diagnostics) -> dict[str, Sponsor]:
    sponsors = {}
    for slug, path, data in yaml_files(config.root / "sponsors", diags):
        fields = Fields.of(data, path, 1, diags, SPONSOR_KEYS, "a sponsor") if data is not None else None
        if fields is None:
            sponsors[slug] = Sponsor(slug, slug, "", None, "", Location(path, 1))
            continue
        logo_name = fields.text("logo")
        logo = resolve_asset(logo_name, config.root, config.root, "media", fields.at("logo"),
                             diags) if logo_name else None
        sponsors[slug] = Sponsor(slug=slug, name=fields.text("name", required=True) or slug,
                                 url=fields.url("url", required=True) or "", logo=logo,
                                 blurb_html=markup.render(fields.markdown("blurb") or ""),
                                 location=Location(path, 1))
    return sponsors


def load_shows(config: SiteConfig, people: dict[str, Person], markup: Markup, diags: Diagnostics) -> dict[str, Show]:
    shows = {}
    for slug, path, data in yaml_files(config.root / "shows", diags):
        fields = Fields.of(data, path, 1, diags, SHOW_KEYS, "a show") if data is not None else None
        shows[slug] = _show(slug, fields, config, people, markup) if fields else Show(
            slug, slug, "", "", None, (), "", "", "", "", False, config.language, "", EditPatterns(), Location(path, 1))
    if not shows and not diags.has_errors:
        diags.error(Location(config.root / "shows"), "the site has no shows",
                    "add a file shows/<show>.yaml with at least 'name'")
    return shows


def _show(slug: str, fields: Fields, config: SiteConfig, people: dict[str, Person], markup: Markup) -> Show:
    artwork_name = fields.text("artwork")
    artwork = resolve_asset(artwork_name, config.root, config.root, "media", fields.at("artwork"),
                            fields.diags) if artwork_name else None
    owner = fields.mapping("owner", ("name", "email"))
    description = fields.markdown("description") or ""
    categories = read_categories(fields)
    locked, lock_owner = read_lock_owner(fields)
    return Show(
        slug=slug,
        name=fields.text("name", required=True) or slug,
        description_html=markup.render(description),
        description_text=description.strip(),
        artwork=artwork,
        hosts=resolve_people(fields, "hosts", people),
        author=fields.text("author") or "",
        owner_name=(owner.text("name") if owner else None) or "",
        owner_email=(owner.text("email") if owner else None) or "",
        category=categories[0] if categories else "",
        explicit=fields.boolean("explicit"),
        language=fields.text("language") or config.language,
        website=fields.url("website") or "",
        edit=read_edit(fields),
        location=Location(fields.path, 1),
        guid=_podcast_guid(fields),
        locked=locked,
        lock_owner=lock_owner,
        funding=_funding(fields),
        txt=_txt(fields),
        type=fields.choice("type", SHOW_TYPES, "episodic"),
        copyright=fields.text("copyright") or "",
        new_feed_url=fields.url("new_feed_url") or "",
        license=_audio_license(fields),
        feed_size=fields.integer("feed_size", minimum=1) or config.feed_size,
        subscribe=read_subscribe(fields),
        categories=categories,
        itunes_block=fields.boolean("itunes_block"),
        block=read_block(fields),
        value=read_value(fields),
        feed_extra=read_feed_extra(fields, "channel"),
    )


def _podcast_guid(fields: Fields) -> str | None:
    value = fields.text("guid")
    if value is None:
        return None
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        fields.diags.error(fields.at("guid"), f"'guid' must be a UUID like 917393e3-1b1e-5cef-ace4-edaa54e1f810, "
                           f"got {value!r}", "copy the podcast:guid of the feed as it is now, or remove the line")
        return None


def _funding(fields: Fields) -> tuple[Link, ...]:
    links = []
    for item, line in fields.items("funding"):
        entry = Fields.of(item, fields.path, line, fields.diags, ("url", "text"), "a funding link")
        url = entry.url("url", required=True) if entry else None
        if entry and url:
            links.append(Link(kind="funding", label=entry.text("text") or "", url=url))
    return tuple(links)


def _txt(fields: Fields) -> tuple[tuple[str, str], ...]:
    found = []
    for item, line in fields.items("txt"):
        if isinstance(item, (str, int)) and not isinstance(item, bool):
            found.append(("", str(item)))
            continue
        entry = Fields.of(item, fields.path, line, fields.diags, ("purpose", "text"), "a txt entry")
        text = entry.text("text", required=True) if entry else None
        if entry and text:
            found.append((entry.text("purpose") or "", text))
    return tuple(found)


def _audio_license(fields: Fields) -> License | None:
    if isinstance(fields.data.get("license"), str):
        return License(name=fields.text("license") or "", url="", credit_html="")
    lic = fields.mapping("license", ("name", "url"))
    if lic is None:
        return None
    return License(name=lic.text("name", required=True) or "", url=lic.url("url") or "", credit_html="")


def resolve_people(fields: Fields, key: str, people: dict[str, Person]) -> tuple[Person, ...]:
    """The people a list of slugs names; an unknown slug is an error at its own line."""
    result = []
    for slug, line in fields.text_list(key, slugs=True):
        person = people.get(slug)
        if person is None:
            fields.diags.error(Location(fields.path, line), f"no person '{slug}' (in '{key}')",
                               missing_hint(slug, people, "people"))
        elif person not in result:
            result.append(person)
    return tuple(result)


def missing_hint(slug: str, known: Iterable[str], folder: str) -> str:
    near = did_you_mean(slug, known)
    create = f"create {folder}/{slug}.yaml"
    return f"{near} or {create}" if near.startswith("did") else create
