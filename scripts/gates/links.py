#!/usr/bin/env python3
"""Link gate: every internal link, image, stylesheet, script and #fragment of a built site
resolves, with the site served at `/` and under a subpath (`/sub/path/`).

LinkChecker (with its AnchorCheck plugin) does the checking; this script serves the site
with `python3 -m http.server`, runs it over every page, and adds the two checks LinkChecker
has no notion of:
  * a link that leaves the site's folder (fine at `/`, broken under a subpath) is an error
    even when the server happens to answer it;
  * the client-side search index the theme's script fetches (`data-search` on <body>:
    meta.json, every term shard, every doc chunk, and each result URL with its #fragment).

usage: links.py --site DIR [--label NAME] [--linkchecker PATH]
Exits 1 when anything does not resolve.
"""

import argparse
import csv
import html.parser
import io
import json
import re
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

# (where the site is served, AnchorCheck on?). Fragments do not depend on where the site is
# served, and AnchorCheck fetches and parses a page once per #fragment (slow), so it runs once.
MODES = [("", True), ("sub/path/", False)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python3 -m http.server` on 127.0.0.1 and a free port, serving `folder`."""

    def __init__(self, folder):
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(self.port),
             "--directory", folder],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if time.time() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise SystemExit("links: the http.server did not start")
                time.sleep(0.1)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Ids(html.parser.HTMLParser):
    """Collects a page's ids and names (fragment targets) and <body> data attributes."""

    def __init__(self):
        super().__init__()
        self.ids = set()
        self.body = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "body":
            self.body = a


def fetch(url):
    with urllib.request.urlopen(url, timeout=20) as r:
        return r.read()


def pages_of(site):
    out = []
    for dirpath, _, files in os.walk(site):
        for f in files:
            if f.endswith(".html"):
                rel = os.path.relpath(os.path.join(dirpath, f), site).replace(os.sep, "/")
                out.append("" if rel == "index.html" else
                           rel[: -len("index.html")] if rel.endswith("/index.html") else rel)
    return sorted(out)


def run_linkchecker(linkchecker, prefix, host, urls, workdir, anchors):
    rc = os.path.join(workdir, "linkcheckerrc")
    with open(rc, "w") as f:
        f.write(
            "[checking]\nthreads=4\nrecursionlevel=-1\n"
            "[filtering]\n"
            # Only our server is checked (offline); URLs on it outside the site are checked
            # (checkextern) but not followed, and reported as leaving the site below.
            f"ignore=^(?!{host.replace('.', '[.]')})\n"
            "checkextern=1\n"
            f"internlinks=^{prefix.replace('.', '[.]')}\n"
            + ("[AnchorCheck]\n" if anchors else ""))
    proc = subprocess.run(
        [linkchecker, "-f", rc, "--no-status", "--no-robots", "--verbose", "-o", "csv", *urls],
        capture_output=True, text=True, cwd=workdir)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"links: linkchecker failed to run (exit {proc.returncode})")
    # Comment lines start with "# "; a row for a `#fragment` link starts with "#".
    lines = [ln for ln in proc.stdout.splitlines() if ln and not ln.startswith("# ")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))


def script_data(body):
    """The JSON inside `guideSearch.add("name", <json>);` (index files load as scripts)."""
    text = body.decode("utf-8").strip().rstrip(";")
    head = text.index(",")
    if not text.startswith("guideSearch.add(") or not text.endswith(")"):
        raise ValueError("not a guideSearch.add(...) script")
    return json.loads(text[head + 1:-1])


def shard_file(key):
    """The file name guide.js asks for a shard key (its fileName())."""
    return "".join(c if re.fullmatch("[a-z0-9]", c) else f"_{ord(c):x}_" for c in key)


def check_search(base, pages, problems):
    """The search index the theme fetches, and every result's page and #fragment."""
    checked = 0
    ids_cache = {}

    def page_ids(url):
        if url not in ids_cache:
            p = Ids()
            p.feed(fetch(url).decode("utf-8"))
            ids_cache[url] = p
        return ids_cache[url]

    roots = set()
    for page in pages:
        url = base + page
        body = page_ids(url).body
        search, root = body.get("data-search"), body.get("data-root")
        if search is None:
            continue
        roots.add((urllib.parse.urljoin(url, search), urllib.parse.urljoin(url, root or "")))
    for search, root in sorted(roots):
        if not search.startswith(base) or not root.startswith(base):
            problems.append(f"data-search/data-root leave the site: {search} {root}")
            continue
        try:
            meta = script_data(fetch(search + "meta.js"))
            checked += 1
            for shard in meta.get("shards", []):
                fetch(search + "t/" + shard_file(shard) + ".js")
                checked += 1
            chunk = max(1, int(meta.get("chunk", 1)))
            for k in range((int(meta.get("pages", 0)) + chunk - 1) // chunk):
                for row in script_data(fetch(f"{search}p/{k}.js")):
                    target = urllib.parse.urljoin(root, row[1])
                    ids = page_ids(target).ids
                    for section in row[2]:
                        frag = section[0]
                        if frag and urllib.parse.unquote(frag) not in ids:
                            problems.append(f"search result {row[1]!r}#{frag}: no such id on {target}")
                        checked += 1
        except (urllib.error.URLError, ValueError, KeyError, IndexError) as e:
            problems.append(f"search index under {search}: {e}")
    return checked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--label")
    ap.add_argument("--linkchecker", default=shutil.which("linkchecker") or "linkchecker")
    args = ap.parse_args()
    if os.sep in args.linkchecker:
        args.linkchecker = os.path.abspath(args.linkchecker)
    site = os.path.abspath(args.site)
    label = args.label or site
    version = subprocess.run([args.linkchecker, "--version"], capture_output=True,
                             text=True).stdout.split("\n")[0].strip()
    all_pages = pages_of(site)
    failed = False
    for sub, anchor_check in MODES:
        start = time.time()
        pages = all_pages
        note = ""
        if sub and "404.html" in pages:
            # A host serves 404.html at any URL depth, so its links are absolute: the path of
            # base-url, else `/`. It cannot work under a subpath without base-url.
            pages = [p for p in pages if p != "404.html"]
            note = " (404.html skipped: its links are absolute by design)"
        with tempfile.TemporaryDirectory(prefix="guide-links-") as tmp:
            serve = os.path.join(tmp, "root")
            shutil.copytree(site, os.path.join(serve, sub) if sub else serve)
            server = Server(serve)
            try:
                host = f"http://127.0.0.1:{server.port}/"
                base = host + sub
                rows = run_linkchecker(args.linkchecker, base, host,
                                       [base + p for p in pages], tmp, anchor_check)
                problems = []
                anchors = 0
                for r in rows:
                    real = r.get("url") or ""
                    if "#" in (r.get("urlname") or ""):
                        anchors += 1
                    where = f"{r.get('urlname')!r} on {r.get('parentname') or 'start'}" \
                            f" line {r.get('line')}"
                    if real.startswith(host) and not real.startswith(base):
                        problems.append(f"leaves the site ({real}): {where}")
                    if (r.get("valid") or "").lower() != "true":
                        problems.append(f"{r.get('result')}: {where}")
                    elif r.get("warningstring"):
                        problems.append(f"{r['warningstring'].strip()}: {where}")
                search = check_search(base, pages, problems)
            finally:
                server.stop()
        secs = time.time() - start
        plugin = "with AnchorCheck" if anchor_check else "without AnchorCheck"
        print(f"links [{label}, served at /{sub}]: {version} {plugin}: "
              f"{len(pages)} pages{note}, {len(rows)} URLs checked "
              f"({anchors} with #fragment), {search} search-index files and results, "
              f"{len(problems)} problems, {secs:.1f}s")
        for p in problems:
            print(f"  broken: {p}")
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
