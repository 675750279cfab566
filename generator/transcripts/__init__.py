"""Transcripts: the Changelog parser, speakers, timing, the cue readers and the writers."""
