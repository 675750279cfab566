"""Search engines side by side on one podsite site: Pagefind and SQLite FTS5.

    python bench/search.py [--sizes 500,2000] [--work DIR] [--site-2000 CONTENT] [--queries 10] [--no-browser]

For each size N it makes (bench/run.py's make_podsite) or takes a site of N episodes with transcripts, builds
it cold with podsite, and then, for each engine: the indexing's wall time and its share of the cold build, the
peak memory of the indexing process tree, the index's size, the time to update the index after one episode's
notes were edited (and podsite built again), and, in headless Chromium against a local server that answers
Range requests, the median time from a query to its first result after the engine has loaded (over
`--queries` queries) and the bytes a query downloads (counted by the server), beside the one-time download
of the engine itself. Figures are printed, never asserted.

Pagefind is its CLI from PyPI `pagefind[bin]`, run on the built output (it rebuilds its index from scratch,
so its update is a full run). FTS5 is podsite's own index (generator/render/search_index.py), made by
`python bench/search.py fts-index`, which loads the site, reads each episode's transcript from the parse
cache the build filled, and writes the database; its update replaces the one edited episode's rows.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Run, measure

REPO = Path(__file__).resolve().parent.parent
# The browser side of the FTS5 index: the theme's own client (its worker, which wraps the vendored SQLite WASM).
CLIENT = REPO / "themes" / "default" / "static" / "search"
FIXED_QUERIES = ("kubernetes", "rust compiler", "open source maintainers", "machine learning", "javascript framework")


def fts_index(site_dir: Path, out: Path, db: Path, only: str | None) -> dict[str, float | int]:
    """Writes (or, with `only`, updates for that one changed episode URL) the FTS5 index of the site built
    into `out`; returns the seconds of each part, measured in this process."""
    from generator.cache.state import cache_dir
    from generator.cache.transcripts import TRANSCRIPTS, TranscriptCache
    from generator.content.episodes import complete_episode, speaker_index
    from generator.diagnostics import Diagnostics
    from generator.loading import load_site
    from generator.markup.markdown import Markup
    from generator.render.search_index import site_entries, update_index

    started = time.perf_counter()
    diags = Diagnostics()
    site = load_site(site_dir, diags, read_transcripts=False)
    assert site is not None, diags.report()
    speakers = speaker_index(site.config, site.people, diags)
    reader = TranscriptCache(cache_dir(out) / TRANSCRIPTS)
    markup = Markup()
    loaded = time.perf_counter()

    def complete(index: int):  # type: ignore[no-untyped-def]
        return complete_episode(site.episodes[index], speakers, markup, site.config, diags, reader)

    entries, facets = site_entries(site, complete)
    written = update_index(db, entries, facets)
    done = time.perf_counter()
    return {"load": loaded - started, "index": done - loaded, "written": written}


def make_site(work: Path, count: int, given: Path | None) -> Path:
    """The site of `count` episodes: `given` itself when it has that many, else every k-th episode folder of
    it (as the anchors' quarter corpus takes every 4th file), else bench/run.py's make_podsite."""
    if given is not None:
        folders = sorted(given.glob("episodes/*/*"))
        if len(folders) == count:
            return given
        target = work / f"site-{count}" / "content"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(given, target, ignore=lambda folder, names: ["episodes"] if Path(folder) == given else [])
        for folder in folders[::max(1, len(folders) // count)][:count]:
            shutil.copytree(folder, target / "episodes" / folder.parent.name / folder.name)
        return target
    from run import make_podsite
    target = work / f"site-{count}" / "content"
    if target.exists() and len(list(target.glob("episodes/*/*/episode.md"))) == count:
        return target
    return make_podsite(work, count)[0]


def podsite_build(site: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--site", str(site), "--out", str(out)]


@contextmanager
def one_notes_edit(site: Path) -> Iterator[str]:
    """One line added to the notes of the episode in the middle of the site (its URL), then taken out."""
    notes = sorted(site.glob("episodes/*/*/episode.md"))
    path = notes[len(notes) // 2]
    original = path.read_bytes()
    path.write_bytes(original + b"\nOne more line of notes about zanzibarian marmalade.\n")
    try:
        yield f"{path.parent.parent.name}/{path.parent.name}/"
    finally:
        path.write_bytes(original)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def queries(site: Path, count: int) -> list[str]:
    """The fixed queries, then three-word phrases taken from transcripts (the same for every engine)."""
    chosen = list(FIXED_QUERIES[:count])
    pick = random.Random(20)
    transcripts = sorted(site.glob("episodes/*/*/transcript.md"))
    while len(chosen) < count:
        lines = [line for line in transcripts[pick.randrange(len(transcripts))].read_text().splitlines()
                 if line.startswith("**") and len(line.split()) > 12]
        if lines:
            words = [w.strip(".,?!:;\"'()*\\[]") for w in pick.choice(lines).split()[3:]]
            words = [w for w in words if w.isalpha()]
            if len(words) >= 5:
                start = pick.randrange(len(words) - 3)
                chosen.append(" ".join(words[start:start + 3]))
    return chosen


class CountingServer:
    """A static server over `root` that answers single Range requests and counts the body bytes it sends."""

    def __init__(self, root: Path, pages: dict[str, bytes], mounts: dict[str, Path]) -> None:
        self.sent = 0
        self.requests = 0
        owner = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # kept-alive connections, as any static host has
            disable_nagle_algorithm = True  # else each small response waits for the delayed ACK of its headers

            def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
                super().__init__(*args, directory=str(root), **kwargs)

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if path in pages:
                    self._send(200, pages[path], "text/html; charset=utf-8")
                    return
                file = self._file(path)
                if not file.is_file():
                    self._send(404, b"not found", "text/plain")
                    return
                header = self.headers.get("Range", "")
                kind = self.guess_type(str(file))
                size = file.stat().st_size
                with file.open("rb") as handle:  # only the range is read: the index is read a page at a time
                    if header.startswith("bytes="):
                        first, _, last = header[6:].partition("-")
                        start, end = int(first), min(int(last) if last else size - 1, size - 1)
                        handle.seek(start)
                        self._send(206, handle.read(end - start + 1), kind, f"bytes {start}-{end}/{size}")
                    else:
                        self._send(200, handle.read(), kind)

            def do_HEAD(self) -> None:
                file = self._file(self.path.split("?")[0])
                self.send_response(200 if file.is_file() else 404)
                self.send_header("Content-Length", str(file.stat().st_size if file.is_file() else 0))
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()

            def _file(self, path: str) -> Path:
                for prefix, folder in mounts.items():
                    if path.startswith(prefix):
                        return folder / path[len(prefix):]
                return Path(self.translate_path(path))

            def _send(self, status: int, body: bytes, kind: str, content_range: str = "") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Cache-Control", "no-store")
                if content_range:
                    self.send_header("Content-Range", content_range)
                self.end_headers()
                self.wfile.write(body)
                owner.sent += len(body)
                owner.requests += 1

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# The page each engine is driven from: it loads the engine, then window.ask(q) answers with the first
# result's title once the page could show it.
PAGEFIND_PAGE = b"""<!doctype html><meta charset=utf-8><title>bench</title><script type=module>
window.load = async () => { window.pagefind = await import('/pagefind/pagefind.js'); await pagefind.init();
  await (await pagefind.search('podcast')).results[0]?.data(); };
window.ask = async (q) => { const found = await pagefind.search(q); if (!found.results.length) return null;
  return (await found.results[0].data()).meta.title; };
</script>"""
FTS_PAGE = b"""<!doctype html><meta charset=utf-8><title>bench</title><script type=module>
let next = 0; const waiting = new Map();
const worker = new Worker('/search-client/search-worker.js', {type: 'module'});
worker.onmessage = (e) => { const w = waiting.get(e.data.id); waiting.delete(e.data.id);
  e.data.error ? w[1](new Error(e.data.error)) : w[0](e.data.result); };
const send = (m) => new Promise((ok, no) => { m.id = ++next; waiting.set(m.id, [ok, no]); worker.postMessage(m); });
window.load = async () => { await send({open: location.origin + '/search/index.db'});
  await send({search: {q: 'podcast', limit: 20}}); };
window.ask = async (q) => { const rows = await send({search: {q, limit: 20}});
  return rows.length ? rows[0].title : null; };
</script>"""

# The theme's own search page, as a visitor meets it: search.js (which starts the worker) on the page's form,
# the query submitted and the first result counted once it is on the page.
_SELECTS = "".join(f"<label>{n}<select name={n}><option value=''></option></select></label>"
                   for n in ("show", "person", "topic", "year", "sort"))
THEME_PAGE = ("""<!doctype html><meta charset=utf-8><title>bench</title><div id=page data-search-root=/>
<div class=search-needs-js></div><form id=search-form hidden><input name=q>""" + _SELECTS + """</form>
<p id=search-status></p><ol id=search-results></ol><button id=search-more hidden></button></div>
<script type=module src=/assets/search/search.js></script><script>
window.ask = (q) => new Promise((ok) => {
  const list = document.getElementById('search-results'), status = document.getElementById('search-status');
  const form = document.getElementById('search-form');
  list.replaceChildren(); status.textContent = '';
  const watch = new MutationObserver(() => {
    const first = list.querySelector('.search-hit-title');
    if (!first && !/Nothing found|could not/.test(status.textContent)) return;
    watch.disconnect(); ok(first && first.textContent);
  });
  watch.observe(document.getElementById('page'), {childList: true, subtree: true, characterData: true});
  form.elements.q.value = q; form.requestSubmit();
});
window.load = () => window.ask('podcast');
</script>""").encode()
THEME_MOUNTS = {"/assets/search/": CLIENT}


@dataclass(frozen=True)
class Browsing:
    engine_bytes: int  # downloaded to load the engine and answer a first query
    median_ms: float
    times_ms: list[float]
    median_bytes: int
    max_bytes: int
    found: int  # queries with a result


def browse(root: Path, page: bytes, asked: list[str], mounts: dict[str, Path]) -> Browsing | None:
    """Loads the engine in headless Chromium, then asks each query in turn, each from a cold page cache."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  (playwright is not installed: no browser figures)")
        return None
    server = CountingServer(root, {"/bench.html": page}, mounts)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context()
            tab = context.new_page()
            tab.goto(server.url + "/bench.html")
            tab.evaluate("window.load()")
            engine = server.sent
            times, sizes, found = [], [], 0
            for q in asked:
                before = server.sent
                started = time.perf_counter()
                title = tab.evaluate("(q) => window.ask(q)", q)
                times.append((time.perf_counter() - started) * 1000)
                sizes.append(server.sent - before)
                found += title is not None
            browser.close()
    finally:
        server.stop()
    return Browsing(engine, statistics.median(times), times, int(statistics.median(sizes)), max(sizes), found)


def pagefind_binary() -> list[str]:
    """The real binary that PyPI's pagefind-bin wheel carries (not the Python wrapper around it)."""
    try:
        import pagefind_bin  # type: ignore[import-untyped]
    except ImportError:
        raise SystemExit("pip install 'pagefind[bin]' (the wheel ships the real binary)") from None
    return [str(Path(pagefind_bin.__file__).parent / "pagefind")]


def mib(n: int) -> str:
    return f"{n / 2**20:8.1f} MiB"


def bench_size(args: argparse.Namespace, count: int) -> None:
    site = make_site(args.work, count, args.site_2000)
    out = args.work / f"out-{count}"
    if out.exists():
        shutil.rmtree(out)
    cold = measure(podsite_build(site, out))
    print(f"\n{count} episodes ({site}); podsite cold build: wall {cold.wall:.2f} s, peak {cold.peak_mib:.0f} MiB",
          flush=True)
    asked = queries(site, args.queries)
    figures: dict[str, dict[str, object]] = {}

    # SQLite FTS5, beside the output (which a build replaces), served at /search/ as the build would have it
    db = args.work / f"fts-{count}" / "index.db"
    if db.exists():
        db.unlink()
    run = measure([sys.executable, __file__, "fts-index", str(site), str(out), str(db)], cwd=REPO)
    fts = {"run": run, "size": db.stat().st_size}
    with one_notes_edit(site) as url:
        measure(podsite_build(site, out))
        update = subprocess.run([sys.executable, __file__, "fts-index", str(site), str(out), str(db), url],
                                cwd=REPO, capture_output=True, text=True, check=True)
        fts["update"] = json.loads(update.stdout.strip().splitlines()[-1])
    measure(podsite_build(site, out))
    restore = subprocess.run([sys.executable, __file__, "fts-index", str(site), str(out), str(db), url],
                             cwd=REPO, capture_output=True, text=True, check=True)
    assert json.loads(restore.stdout.strip().splitlines()[-1])["written"] >= 1
    figures["SQLite FTS5"] = fts

    # Pagefind, on the same output, its index beside it and served at /pagefind/
    pf_out = args.work / f"pagefind-{count}"
    if pf_out.exists():
        shutil.rmtree(pf_out)
    pagefind_run = [*pagefind_binary(), "--site", str(out), "--output-path", str(pf_out), "--quiet"]
    run = measure(pagefind_run)
    pagefind = {"run": run, "size": folder_bytes(pf_out)}
    with one_notes_edit(site):
        measure(podsite_build(site, out))
        again = measure(pagefind_run)
    pagefind["update"] = {"index": again.wall}
    measure(podsite_build(site, out))
    measure(pagefind_run)
    figures["Pagefind"] = pagefind

    if not args.no_browser:
        figures["SQLite FTS5"]["browse"] = browse(out, FTS_PAGE, asked,
                                                  {"/search/": db.parent, "/search-client/": CLIENT})
        figures["SQLite FTS5"]["page"] = browse(out, THEME_PAGE, asked, {"/search/": db.parent, **THEME_MOUNTS})
        figures["Pagefind"]["browse"] = browse(out, PAGEFIND_PAGE, asked, {"/pagefind/": pf_out})
    report(count, cold, figures, asked)


def report(count: int, cold: Run, figures: dict[str, dict[str, object]], asked: list[str]) -> None:
    print(f"  queries: {', '.join(repr(q) for q in asked)}")
    for name, f in figures.items():
        run = f["run"]
        assert isinstance(run, Run)
        update = f["update"]
        assert isinstance(update, dict)
        size = f["size"]
        assert isinstance(size, int)
        print(f"  {name:<12} index wall {run.wall:6.2f} s ({run.wall / cold.wall:5.0%} of the cold build)  "
              f"peak {run.peak_mib:6.0f} MiB  index {mib(size)}")
        if "load" in update:
            print(f"  {'':<12} update after one edit: {update['index'] * 1000:.0f} ms "
                  f"(+ {update['load']:.2f} s to load the site model, which a build has already)")
        else:
            print(f"  {'':<12} update after one edit: {update['index']:.2f} s (a full run)")
        for key, what in (("browse", "engine"), ("page", "the theme's search page")):
            browsing = f.get(key)
            if isinstance(browsing, Browsing):
                print(f"  {'':<12} {what}: {browsing_line(browsing)}")


def browsing_line(browsing: Browsing) -> str:
    return (f"engine load {mib(browsing.engine_bytes)}; first result median {browsing.median_ms:.0f} ms "
            f"(each: {', '.join(f'{t:.0f}' for t in browsing.times_ms)}); per query median "
            f"{browsing.median_bytes / 1024:.0f} KiB, max {browsing.max_bytes / 1024:.0f} KiB; "
            f"{browsing.found}/{len(browsing.times_ms)} found")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "fts-index":
        site, out, db = (Path(a) for a in sys.argv[2:5])
        print(json.dumps(fts_index(site, out, db, sys.argv[5] if len(sys.argv) > 5 else None)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/podsite-search-bench"))
    parser.add_argument("--site-2000", type=Path, default=None,
                        help="an existing site of 2,000 episodes; smaller sizes take every k-th of its episodes")
    parser.add_argument("--queries", type=int, default=10)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"search bench, {os.cpu_count()} cores")
    for count in (int(n) for n in args.sizes.split(",")):
        bench_size(args, count)


if __name__ == "__main__":
    main()
