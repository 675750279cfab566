"""Reading the site folder: configuration, registries, episodes, fields, assets, chapters."""
