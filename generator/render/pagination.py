"""The numbered pages of a list (a show's archive, a topic): which page numbers a page links, and where."""

from __future__ import annotations

from dataclasses import dataclass

AROUND = 2  # pages linked on each side of the current one


def page_window(current: int, count: int, around: int = AROUND) -> tuple[int | None, ...]:
    """The page numbers to link from page `current` of `count`, in order: the first, the last, and `around`
    pages on each side of the current one; None stands for the pages left out between them (an ellipsis).
    A gap of a single page shows that page instead: an ellipsis would take as much room and say less."""
    if count < 1 or not 1 <= current <= count:
        raise ValueError(f"page {current} of {count}")
    shown = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    window: list[int | None] = []
    for number in shown:
        last = window[-1] if window else None
        if last is not None and number - last == 2:
            window.append(last + 1)
        elif last is not None and number - last > 2:
            window.append(None)
        window.append(number)
    return tuple(window)


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    url: str  # below the site's base path, e.g. "show/page/3/"


@dataclass(frozen=True, slots=True)
class Pagination:
    """One page of a paginated list, as the theme's `pagination` macro shows it."""

    number: int
    count: int
    total: int  # items in the whole list
    pages: tuple[PageLink | None, ...]  # page_window's numbers with their URLs; None: an ellipsis
    previous: str | None  # the URL of the page before (newer items), if any
    next: str | None  # the URL of the page after (older items), if any


def page_url(first: str, number: int) -> str:
    """The URL of page `number` of a list whose first page is at `first`: `first` itself, then page/N/."""
    return first if number == 1 else f"{first}page/{number}/"


def paginate(first: str, number: int, count: int, total: int) -> Pagination:
    """Page `number` of `count` of a list of `total` items whose first page is at `first` (e.g. "show/")."""
    pages = tuple(None if n is None else PageLink(n, page_url(first, n)) for n in page_window(number, count))
    return Pagination(number=number, count=count, total=total, pages=pages,
                      previous=page_url(first, number - 1) if number > 1 else None,
                      next=page_url(first, number + 1) if number < count else None)
