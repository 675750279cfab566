"""Markdown and author HTML to sanitized HTML, and the one URL policy."""
