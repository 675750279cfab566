"""Rendering: pages through the theme, transcript HTML, feeds and their checks, SEO files."""
