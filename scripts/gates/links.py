#!/usr/bin/env python3
"""Link gate: every internal link, image, stylesheet, script and #fragment of a built site
resolves, with the site served at `/`, at `/docs/` and at `/a/b/c/`.

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
import base64
import binascii
import csv
import html.parser
import http.server
import io
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib

# (where the site is served, AnchorCheck on?). Fragments do not depend on where the site is
# served, and AnchorCheck fetches and parses a page once per #fragment (slow), so it runs once.
MODES = [("", True), ("docs/", False), ("a/b/c/", False)]


class Host(http.server.SimpleHTTPRequestHandler):
    """Serves `folder` the way static hosts do: a missing file gets the site's 404.html
    (from `site_root`, the folder the site was copied to) with status 404."""

    folder = "."
    site_root = "."

    def __init__(self, *a, **k):
        super().__init__(*a, directory=self.folder, **k)

    def log_message(self, *a):
        pass

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.site_root, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Server:
    """A threaded host (see `Host`) on 127.0.0.1 and a free port, serving `folder`."""

    def __init__(self, folder, site_root=None):
        handler = type("H", (Host,), {"folder": folder, "site_root": site_root or folder})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


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
    """The data of `guideSearch.add("name", <json>);` (index files load as scripts). Page
    chunks are packed: their data is a string, the base64 of zlib-deflated JSON (inflated
    here as guide.js does with DecompressionStream). Term shards are plain JSON objects
    (their postings coded strings, which this gate does not read)."""
    text = body.decode("utf-8").strip().rstrip(";")
    head = text.index(",")
    if not text.startswith("guideSearch.add(") or not text.endswith(")"):
        raise ValueError("not a guideSearch.add(...) script")
    data = json.loads(text[head + 1:-1])
    if isinstance(data, str):
        try:
            data = json.loads(zlib.decompress(base64.b64decode(data, validate=True)))
        except (binascii.Error, zlib.error) as e:
            raise ValueError(f"packed data that does not inflate: {e}") from e
    return data


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


class Loads(html.parser.HTMLParser):
    """What a page loads (stylesheets, scripts, images) and its root links (data-root-rel)."""

    def __init__(self):
        super().__init__()
        self.loads = []
        self.root_links = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.loads.append(a["href"])
        if tag in ("script", "img") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "a" and "data-root-rel" in a:
            self.root_links.append((a.get("href") or "", a["data-root-rel"] or ""))


def chromium_doms(urls):
    """Each URL's root links (href, data-root-rel) after its scripts ran, from one headless
    Chromium for all of them (dom.mjs, playwright-core from the gates' npm tools)."""
    if not urls:
        return {}
    here = os.path.dirname(os.path.abspath(__file__))
    proc = subprocess.run(["node", os.path.join(here, "dom.mjs"), *urls],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"links: dom.mjs failed (exit {proc.returncode})")
    return json.loads(proc.stdout)


def missing_urls(base):
    """Missing URLs of every depth where a host serves 404.html ([] when there is none)."""
    try:
        fetch(base + "404.html")
    except urllib.error.URLError:
        return []
    return [base + "404.html", base + "no-such-page/", base + "no/such/deep/page/",
            base + "no/such/file.html"]


def check_404_raw(urls, problems):
    """404.html as served at each missing URL must be self-contained (loads nothing)."""
    for url in urls:
        raw = Loads()
        try:
            urllib.request.urlopen(url, timeout=20)
        except urllib.error.HTTPError as e:
            raw.feed(e.read().decode("utf-8"))
        else:
            raw.feed(fetch(url).decode("utf-8"))
        for src in raw.loads:
            if not src.startswith("data:"):
                problems.append(f"404.html at {url} loads {src!r}: it must be self-contained")


def check_404_dom(base, urls, doms, problems):
    """After its script ran, 404.html's root links go to the site's root from any depth."""
    for url in urls:
        links = doms.get(url, [])
        if not links:
            problems.append(f"404.html at {url}: no root link (a[data-root-rel]) after its script ran")
        for href, rel in links:
            got = urllib.parse.urljoin(url, href)
            if got != base + rel:
                problems.append(f"404.html at {url}: link {href!r} goes to {got}, not {base + rel}")


def check_mode(linkchecker, site, sub, anchor_check, tmp):
    """One mounting of the site at `/sub`: LinkChecker, the search index, 404.html as served.
    Returns the mode's report (the Chromium half of the 404 check is added by `main`)."""
    start = time.time()
    pages = pages_of(site)
    note = ""
    if "404.html" in pages:
        # A host serves 404.html at any URL depth, so its static links are the no-JS
        # fallback: the path of base-url, else `/`, right only where the site is deployed
        # (a fixture with base-url `/hip/` is served here at `/`). Its script finds the
        # real root: checked in Chromium, in every mode.
        pages = [p for p in pages if p != "404.html"]
        note = " (404.html: checked in Chromium below, its script finds the root)"
    serve = os.path.join(tmp, "root")
    shutil.copytree(site, os.path.join(serve, sub) if sub else serve)
    server = Server(serve, os.path.join(serve, sub))
    host = f"http://127.0.0.1:{server.port}/"
    base = host + sub
    rows = run_linkchecker(linkchecker, base, host, [base + p for p in pages], tmp, anchor_check)
    problems = []
    anchors = 0
    for r in rows:
        real = r.get("url") or ""
        if "#" in (r.get("urlname") or ""):
            anchors += 1
        where = f"{r.get('urlname')!r} on {r.get('parentname') or 'start'} line {r.get('line')}"
        if real.startswith(host) and not real.startswith(base):
            problems.append(f"leaves the site ({real}): {where}")
        if (r.get("valid") or "").lower() != "true":
            problems.append(f"{r.get('result')}: {where}")
        elif r.get("warningstring"):
            problems.append(f"{r['warningstring'].strip()}: {where}")
    search = check_search(base, pages, problems)
    missing = missing_urls(base)
    check_404_raw(missing, problems)
    plugin = "with AnchorCheck" if anchor_check else "without AnchorCheck"
    return {"server": server, "base": base, "missing": missing, "problems": problems,
            "secs": time.time() - start, "sub": sub,
            "head": f"{plugin}: {len(pages)} pages{note}, {len(rows)} URLs checked "
                    f"({anchors} with #fragment), {search} search-index files and results"}


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
    failed = False
    with tempfile.TemporaryDirectory(prefix="guide-links-") as tmp:
        modes = []
        try:
            for k, (sub, anchor_check) in enumerate(MODES):
                work = os.path.join(tmp, str(k))
                os.makedirs(work)
                modes.append(check_mode(args.linkchecker, site, sub, anchor_check, work))
            # Every mode's servers still run: one Chromium for all of their missing URLs.
            start = time.time()
            doms = chromium_doms([u for m in modes for u in m["missing"]])
            share = (time.time() - start) / len(modes)
            for m in modes:
                check_404_dom(m["base"], m["missing"], doms, m["problems"])
                m["secs"] += share
        finally:
            for m in modes:
                m["server"].stop()
    for m in modes:
        print(f"links [{label}, served at /{m['sub']}]: {version} {m['head']}, "
              f"404.html at {len(m['missing'])} missing URLs, "
              f"{len(m['problems'])} problems, {m['secs']:.1f}s")
        for p in m["problems"]:
            print(f"  broken: {p}")
        failed |= bool(m["problems"])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
