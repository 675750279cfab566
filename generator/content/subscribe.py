"""The show file's `subscribe:` links: the show's pages in listening apps, and any other place to follow it.

Each is a web page's URL (http or https, held to the URL policy). A link to a host other than the app's own
is a warning, not an error: apps move and add short-link hosts, and the author may know better."""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.content.fields import Fields
from generator.model.entities import Link

# key -> the app's name as a listener knows it, and the hosts its show pages live on (subdomains included).
APPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "apple_podcasts": ("Apple Podcasts", ("podcasts.apple.com", "itunes.apple.com")),
    "spotify": ("Spotify", ("open.spotify.com", "spotify.link")),
    "overcast": ("Overcast", ("overcast.fm",)),
    "pocket_casts": ("Pocket Casts", ("pca.st", "pocketcasts.com")),
    "youtube": ("YouTube", ("youtube.com", "youtu.be")),
    "podcast_addict": ("Podcast Addict", ("podcastaddict.com",)),
    "antennapod": ("AntennaPod", ("antennapod.org",)),
    "fountain": ("Fountain", ("fountain.fm",)),
}
SUBSCRIBE_KEYS = (*APPS, "other")
OTHER_KEYS = ("label", "url")


def read_subscribe(show: Fields) -> tuple[Link, ...]:
    """The links of the show file's `subscribe:` mapping, in the order the file gives them; `other` is a
    list of {label, url}. Each Link's kind is its key ("other" for those)."""
    apps = show.mapping("subscribe", SUBSCRIBE_KEYS)
    if apps is None:
        return ()
    links: list[Link] = []
    for key in apps.data:
        if key == "other":
            links.extend(_others(apps))
        elif key in APPS:
            url = apps.url(key, web=True)
            if url:
                name, hosts = APPS[key]
                _check_host(apps, key, url, name, hosts)
                links.append(Link(kind=key, label=name, url=url))
    return tuple(links)


def _others(apps: Fields) -> list[Link]:
    links = []
    for item, line in apps.items("other"):
        entry = Fields.of(item, apps.path, line, apps.diags, OTHER_KEYS, "a link in 'subscribe: other'")
        if entry is None:
            continue
        label = entry.text("label", required=True, expected="the app's name")
        url = entry.url("url", required=True, web=True)
        if label and label.strip() and url:
            links.append(Link(kind="other", label=label.strip(), url=url))
        elif label is not None and not label.strip():
            entry.diags.error(entry.at("label"), "'label' is empty", "write the name listeners know the app by")
    return links


def _check_host(apps: Fields, key: str, url: str, name: str, hosts: tuple[str, ...]) -> None:
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address: not the app's host either
        host = ""
    if not any(host == known or host.endswith("." + known) for known in hosts):
        apps.diags.warning(apps.at(key), f"the '{key}' link goes to {host or url!r}, not to {name} "
                           f"({' or '.join(hosts)})",
                           f"check that it is the show's page on {name}; put a link to another app under 'other'")
