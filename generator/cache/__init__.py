"""The cache folder beside the output: one verified format, the build state and the records."""
