"""`podsite serve`: the watcher, the change classes, the server and the live-reload script."""
