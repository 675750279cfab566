"""Bringing content in: a podcast's feed, the Changelog's transcripts, `podsite new`."""
