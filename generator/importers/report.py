"""The report an import ends with: what it imported, what it kept verbatim, what it dropped and why, and what
needs the user's attention, each entry at the place in the source it is about. The command line prints it
and the import writes it into the site as IMPORT-REPORT.md, so that the user can work through it.

An importer adds to it with one call per entry (add_kept, add_dropped, add_attention); `counts` are the
ImportResult's, by kind of file written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics, Location, printable

REPORT_FILE = "IMPORT-REPORT.md"
SHOWN = 5  # entries of each section the terminal shows; the file has them all

# Kinds of file written, in the order the report names them, with their words for one and for many.
_KINDS = (("show", "show", "shows"), ("episode", "episode", "episodes"), ("person", "person", "people"),
          ("transcript", "transcript", "transcripts"), ("chapters", "chapters file", "chapters files"),
          ("audio file", "audio file", "audio files"), ("artwork", "artwork file", "artwork files"))


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing the report tells: where in the source, what, and why (or what to do)."""

    where: Location
    what: str
    why: str = ""

    def line(self) -> str:
        text = f"{self.where}: {self.what}" + (f" — {self.why}" if self.why else "")
        return printable(text)


@dataclass(slots=True)
class Report:
    source: str = ""
    kept: list[Entry] = field(default_factory=list)
    dropped: list[Entry] = field(default_factory=list)
    attention: list[Entry] = field(default_factory=list)

    def add_kept(self, where: Location, what: str, key: str) -> None:
        """`what` (a tag podsite cannot publish yet) was kept verbatim under the front matter's `key`."""
        self.kept.append(Entry(where, what, f"kept verbatim under '{key}'"))

    def add_dropped(self, where: Location, what: str, why: str) -> None:
        """`what` is not in the site, for the reason `why`."""
        self.dropped.append(Entry(where, what, why))

    def add_attention(self, where: Location, what: str, action: str) -> None:
        """`what` was imported but needs the user: `action` says what to do."""
        self.attention.append(Entry(where, what, action))

    def sections(self) -> list[tuple[str, list[Entry]]]:
        """Each section's entries in the order of the source (an import may meet them in another)."""
        return [(title, sorted(entries, key=lambda e: (str(e.where.path), e.where.line)))
                for title, entries in (("Kept verbatim", self.kept), ("Dropped", self.dropped),
                                       ("Needs your attention", self.attention))]

    def markdown(self, counts: Counter[str], problems: Diagnostics | None = None) -> str:
        """The whole report, as IMPORT-REPORT.md holds it, ending with the import's warnings and errors."""
        lines = ["# Import report", ""]
        if self.source:
            lines += [f"Imported from `{printable(self.source)}`.", ""]
        lines += ["## Imported", "", f"{imported(counts)}.", ""]
        for title, entries in self.sections():
            lines += [f"## {title} ({len(entries)})", ""]
            lines += [f"- {_md(entry.line())}" for entry in entries] or ["Nothing."]
            lines.append("")
        if problems is not None and problems.items:  # an indented block: shown as written
            lines += [f"## Warnings and errors ({len(problems.items)})", ""]
            lines += ["    " + line for d in problems.sorted() for line in d.format().split("\n")]
            lines.append("")
        return "\n".join(lines)

    def terminal(self, file: str) -> list[str]:
        """The report's sections for the terminal, each with its first entries (the counts are the command's
        last line)."""
        lines = []
        for title, entries in self.sections():
            if not entries:
                continue
            lines.append(f"podsite: {title.lower()}: {len(entries)}")
            lines += [f"  {entry.line()}" for entry in entries[:SHOWN]]
            if len(entries) > SHOWN:
                lines.append(f"  … and {len(entries) - SHOWN} more in {file}")
        return lines


def imported(counts: Counter[str]) -> str:
    """'1 show, 2 episodes, 1 person': the files of each kind written (shows, episodes and people always)."""
    made = [f"{counts[kind]} {one if counts[kind] == 1 else many}" for kind, one, many in _KINDS
            if counts[kind] or kind in ("show", "episode", "person")]
    return ", ".join(made)


def _md(text: str) -> str:
    """Text as a Markdown list item shows it literally: no emphasis, link or HTML of its own."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in text)
