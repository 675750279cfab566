"""Reads site.yaml into a SiteConfig."""

from __future__ import annotations

from pathlib import Path

from generator.content.fields import Fields, check_url
from generator.diagnostics import Diagnostics, Location, guarded
from generator.markup.markdown import Markup
from generator.model.entities import EditPatterns, License, SiteConfig
from generator.model.topics import near_match
from generator.sources import YamlMap, load_yaml, may_read, read_text
from generator.transcripts.speakers import normalize_label

CONFIG_NAME = "site.yaml"
SITE_KEYS = ("title", "base_url", "language", "description", "theme", "per_page", "edit", "transcripts", "footer",
             "feed_size", "topics", "nav_shows", "search")
FEED_SIZE = 300  # items per feed document by default: about as many episodes as Apple Podcasts lists
# The most shows the header links one by one; a site with more gets one "Shows" link to the shows page.
NAV_SHOWS = 5
EDIT_KEYS = ("notes", "transcript")
EDIT_TOKENS = ("{show}", "{episode}", "{number}", "{path}")


def load_config(site_dir: Path, markup: Markup, diags: Diagnostics, base_url: str | None = None) -> SiteConfig | None:
    """The site's configuration, or None (with diagnostics) when site.yaml is missing or broken."""
    path = site_dir / CONFIG_NAME
    if not path.is_file():
        diags.error(Location(path), "site.yaml not found",
                    f"is '{site_dir}' the site folder? create {path} with at least 'title' and 'base_url'")
        return None
    if not may_read(path, diags, site_dir):
        return None
    text = read_text(path, diags)
    if text is None:
        return None
    data = guarded(diags, Location(path), lambda: load_yaml(text, path, diags), None)
    if data is None and not diags.has_errors:
        data = YamlMap()
        data.line, data.key_lines = 1, {}
    fields = Fields.of(data, path, 1, diags, SITE_KEYS, "site.yaml") if data is not None else None
    if fields is None:
        return None
    title = fields.text("title", required=True) or ""
    url = base_url or fields.url("base_url", required=True) or "https://example.org/"
    transcripts = fields.mapping("transcripts", ("license", "breaks", "voices", "chapters_from_breaks"))
    return SiteConfig(
        title=title,
        base_url=url if url.endswith("/") else url + "/",
        language=fields.text("language", default="en") or "en",
        description_html=markup.render(fields.markdown("description") or ""),
        theme=fields.text("theme", default="default") or "default",
        per_page=fields.integer("per_page", minimum=1) or 20,
        edit=read_edit(fields),
        license=_license(transcripts, markup),
        break_labels=_labels(transcripts, "breaks"),
        voice_labels=_labels(transcripts, "voices"),
        footer_html=markup.render(fields.markdown("footer") or ""),
        root=site_dir,
        location=Location(path, 1),
        feed_size=fields.integer("feed_size", minimum=1) or FEED_SIZE,
        chapters_from_breaks=transcripts.boolean("chapters_from_breaks") if transcripts else False,
        topics=_topics(fields),
        nav_shows=_nav_shows(fields),
        search=fields.boolean("search"),
    )


def _topics(fields: Fields) -> tuple[str, ...]:
    """The site's list of topics; one listed twice, in two spellings, is a warning at the second."""
    listed: list[str] = []
    for name, line in fields.text_list("topics"):
        name = name.strip()
        same = near_match(name, listed)
        if same is not None:
            fields.diags.warning(Location(fields.path, line), f"the topic '{name}' is listed already, as '{same}'",
                                 "keep one spelling of each topic in 'topics:'")
            continue
        if name:
            listed.append(name)
    return tuple(listed)


def _nav_shows(fields: Fields) -> int:
    value = fields.integer("nav_shows", hint="the most shows the header lists one by one, e.g. 'nav_shows: 5'; "
                           "a site with more gets one 'Shows' link instead, and 0 always gives that link")
    return NAV_SHOWS if value is None else value


def read_edit(fields: Fields) -> EditPatterns:
    """The 'edit' link patterns of site.yaml or a show file; unknown {tokens} are errors."""
    edit = fields.mapping("edit", EDIT_KEYS)
    if edit is None:
        return EditPatterns()
    patterns = {}
    for key in EDIT_KEYS:
        pattern = edit.text(key)
        if pattern is None:
            continue
        leftover = pattern
        for token in EDIT_TOKENS:
            leftover = leftover.replace(token, "")
        if "{" in leftover or "}" in leftover:
            edit.diags.error(edit.at(key), f"edit pattern '{pattern}' has an unknown {{token}}",
                             "the tokens are " + ", ".join(EDIT_TOKENS))
            continue
        # The tokens stand for slugs and paths, which cannot make a scheme of their own; "x" checks the rest.
        if not check_url(_with_tokens(pattern, "x"), edit.at(key), edit.diags, f"the edit pattern '{key}'",
                         pattern):
            continue
        patterns[key] = pattern
    return EditPatterns(**patterns)


def _with_tokens(pattern: str, value: str) -> str:
    for token in EDIT_TOKENS:
        pattern = pattern.replace(token, value)
    return pattern


def _license(transcripts: Fields | None, markup: Markup) -> License | None:
    lic = transcripts.mapping("license", ("name", "url", "credit")) if transcripts else None
    if lic is None:
        return None
    return License(name=lic.text("name", required=True) or "", url=lic.url("url") or "",
                   credit_html=markup.render_inline(lic.text("credit") or ""))


def _labels(transcripts: Fields | None, key: str) -> frozenset[str]:
    if transcripts is None:
        return frozenset()
    return frozenset(normalize_label(label) for label, _ in transcripts.text_list(key))
