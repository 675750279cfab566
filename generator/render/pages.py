"""Plans every page of the site and renders it through the theme's templates."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.diagnostics import Diagnostics, Location
from generator.model.entities import Episode, Show, Site
from generator.model.listings import by_year, letter_index, name_key, people_by_role, show_cards
from generator.model.site import latest_episodes, newest_across_shows
from generator.model.topics import TOPICS_URL, site_topics, topic_slug
from generator.render.chapters import place_chapters
from generator.render.pagination import page_url, paginate

ARCHIVE = "archive/"  # a show's archive, below the show's URL
SEARCH_URL = "search/"  # the search page, beside its index (search/index.db)


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML file to write: where it goes, which template makes it, and what that template is given."""

    path: str  # below the output folder, e.g. "practicalai/36/index.html"
    template: str
    source: Location  # the content file the page comes from, for collision reports
    context: dict[str, Any] = field(default_factory=dict)
    what: str = "a page"  # how a collision report names it

    @property
    def url(self) -> str:
        return self.path.removesuffix("index.html")


# Plans an episode's page from it and its older and newer neighbours (episode_page's signature); the preview
# passes one that keeps the transcripts, which its Site leaves out, and reuses last build's unchanged pages.
EpisodePage = Callable[[Episode, Episode | None, Episode | None], Page]


def plan_pages(site: Site, page_of: EpisodePage | None = None) -> list[Page]:
    """Every page, in a fixed order; the same site always gives the same list."""
    root = site.config.location
    home = {"shows": site.shows, "latest": latest_episodes(site)}
    pages = [Page("index.html", "index.html", root, home, "the home page"),
             Page("404.html", "404.html", root, what="the 404 page")]
    for show in site.shows:
        pages.extend(_show_pages(site, show))
        pages.extend(_episode_pages(site.episodes_of(show), page_of or episode_page))
    if not site.config.lists_shows(len(site.shows)):
        pages.append(Page("shows/index.html", "shows.html", root, {"cards": show_cards(site)}, "the shows index"))
    people = sorted(site.people.values(), key=name_key)
    pages.append(Page("people/index.html", "people.html", root,
                      {"people": people, "roles": people_by_role(site), "letters": letter_index(people)},
                      "the people index"))
    for person in people:
        pages.append(Page(f"{person.url}index.html", "person.html", person.location,
                          {"person": person, "appearances": site.appearances.get(person.slug, ())},
                          f"the page of person '{person.slug}'"))
    sponsors = sorted(site.sponsors.values(), key=lambda s: (s.name.casefold(), s.slug))
    if sponsors:
        pages.append(Page("sponsors/index.html", "sponsors.html", root, {"sponsors": sponsors}, "the sponsors index"))
    for sponsor in sponsors:
        pages.append(Page(f"{sponsor.page_url}index.html", "sponsor.html", sponsor.location,
                          {"sponsor": sponsor, "sponsorships": site.sponsorships.get(sponsor.slug, ())},
                          f"the page of sponsor '{sponsor.slug}'"))
    topic_pages = list(_topic_pages(site))
    pages.extend(topic_pages)
    if site.config.search:  # its links to browse by, for a visitor without JavaScript
        pages.append(Page(f"{SEARCH_URL}index.html", "search.html", root,
                          {"shows": site.shows, "topics": bool(topic_pages)}, "the search page"))
    return pages


def _show_pages(site: Site, show: Show) -> Iterator[Page]:
    """The show's pages of episodes, newest first, and when there are several, its archive: every episode on
    one page, by year, which each of those pages links year by year."""
    episodes = site.episodes_of(show)
    per_page = site.config.per_page
    count = max(1, math.ceil(len(episodes) / per_page))
    years = by_year(episodes) if count > 1 else ()
    archive = f"{show.url}{ARCHIVE}" if years else None
    links = tuple((year.year, year.anchor) for year in years)  # not the episodes: a page changes with its own only
    for number in range(1, count + 1):
        yield Page(f"{page_url(show.url, number)}index.html", "show.html", show.location,
                   {"show": show, "episodes": episodes[(number - 1) * per_page : number * per_page],
                    "pagination": paginate(show.url, number, count, len(episodes)), "archive": archive,
                    "years": links},
                   f"the page of show '{show.slug}'")
    if archive is not None:
        yield Page(f"{archive}index.html", "archive.html", show.location, {"show": show, "years": years},
                   f"the archive of show '{show.slug}'")



def _topic_pages(site: Site) -> Iterator[Page]:
    """The topic index, and each topic's pages; none when no episode has a topic."""
    topics = site_topics(newest_across_shows(site), site.config.topics)
    if not topics:
        return
    yield Page(f"{TOPICS_URL}index.html", "topics.html", site.config.location, {"topics": topics},
               "the topic index")
    per_page = site.config.per_page
    for topic in topics:
        first = topic.episodes[-1]  # the oldest: where the topic was first used
        line = next((line for name, line in zip(first.topics, first.topic_lines, strict=False)
                     if topic_slug(name) == topic.slug), first.location.line)
        count = max(1, math.ceil(len(topic.episodes) / per_page))
        for number in range(1, count + 1):
            yield Page(f"{page_url(topic.url, number)}index.html", "topic.html", Location(first.location.path, line),
                       {"topic": topic, "episodes": topic.episodes[(number - 1) * per_page : number * per_page],
                        "pagination": paginate(topic.url, number, count, len(topic.episodes))},
                       f"the page of topic '{topic.name}'")

def _episode_pages(episodes: tuple[Episode, ...], page_of: EpisodePage) -> Iterator[Page]:
    """Episode pages; `episodes` is newest first, so the previous (older) episode is the next in the list."""
    for index, episode in enumerate(episodes):
        older = episodes[index + 1] if index + 1 < len(episodes) else None
        newer = episodes[index - 1] if index > 0 else None
        yield page_of(episode, older, newer)


def episode_page(episode: Episode, older: Episode | None, newer: Episode | None) -> Page:
    return Page(f"{episode.url}index.html", "episode.html", episode.location,
                {"episode": episode, "show": episode.show, "previous": older, "next": newer,
                 "chapter_marks": place_chapters(episode.chapters, episode.transcript)},
                f"the page of episode '{episode.show.slug}/{episode.slug}'")


def check_collisions(pages: list[Page], diags: Diagnostics) -> None:
    """Two sources that would write the same file are an error naming both, reported at the content file
    (not at site.yaml, which only stands for the built-in indexes)."""
    seen: dict[str, Page] = {}
    for page in pages:
        first = seen.setdefault(page.path, page)
        if first is page:
            continue
        here, other = (first, page) if page.source.path.name == "site.yaml" else (page, first)
        where = "" if other.source.path.name == "site.yaml" else f" ({other.source.path})"
        diags.error(here.source, f"{here.what} and {other.what}{where} would both be /{page.url}",
                    "rename one of them: a show, person, sponsor or topic slug must not clash with another page")


def render_page(page: Page, site: Site, env: jinja2.Environment, diags: Diagnostics) -> bytes | None:
    """The page's HTML, or None with a diagnostic located in the template that failed."""
    config = site.config
    base = config.base_path

    def url(path: str = "") -> str:
        return base + path.lstrip("/")

    def abs_url(path: str = "") -> str:
        return config.base_url + path.lstrip("/")

    context = {"site": site, "config": config, "page_path": page.url, "url": url, "abs_url": abs_url,
               "canonical": abs_url(page.url), **page.context}
    try:
        # Piece by piece: a page is mostly ASCII, which encodes as a plain copy, but one "–" of its template
        # would make the whole joined text one that encodes character by character.
        return b"".join([piece.encode("utf-8") for piece in env.get_template(page.template).generate(context)])
    except jinja2.TemplateSyntaxError as exc:
        diags.error(Location(Path(exc.filename or exc.name or page.template), exc.lineno or 0),
                    f"template syntax: {exc.message}")
    except jinja2.TemplateNotFound as exc:
        diags.error(page.source, f"template '{exc.name}' not found", "add it to the theme or to <site>/templates/")
    except Exception as exc:  # noqa: BLE001 - any error inside a template is the template's, reported where it is
        diags.error(_template_location(exc, page), f"template error rendering /{page.url}: {exc}")
    return None


def _template_location(exc: BaseException, page: Page) -> Location:
    """The innermost traceback frame that belongs to a template file."""
    found = Location(Path(page.template))
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = Location(Path(filename), tb.tb_lineno)
        tb = tb.tb_next
    return found
